/**
 * `maalbar audit list` and `maalbar audit export`: the audit trail (who changed what, when, before
 * and after), filtered by period, unit (with everything below), entity type, action, person or
 * entity id. The operator acts as an administrator, so every event is included. The same as the
 * API's GET /audit-events and /audit-events/export.
 */
import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { AuditExportQuery, AuditQuery, type AuditEventList } from '../../contract/audit.ts';
import { exportAuditEvents } from '../../services/audit/export-audit.ts';
import { changesText } from '../../services/audit/export-audit.ts';
import { listAuditEvents } from '../../services/audit/list-audit.ts';
import { parseInput } from '../input.ts';
import { action, output, withOperator, type GlobalOptions } from '../run.ts';

interface FilterOptions {
  since?: string;
  until?: string;
  unit?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  actor?: string;
}

const names = { from: '--since', to: '--until', unit: '--unit', entityType: '--entity', entityId: '--entity-id', action: '--action', actor: '--actor' };

function filterOf(opts: FilterOptions) {
  return { from: opts.since, to: opts.until, unit: opts.unit, entityType: opts.entity, entityId: opts.entityId, action: opts.action, actor: opts.actor };
}

function withFilters(cmd: Command): Command {
  return cmd
    .option('--since <time>', 'from this day (YYYY-MM-DD) or ISO time')
    .option('--until <time>', 'until this day (inclusive) or ISO time')
    .option('--unit <slug>', 'only events of this unit and its sub-units')
    .option('--entity <type>', 'only this kind of entity (goal, evaluation, role_grant, import, …)')
    .option('--entity-id <id>', 'only events of this entity')
    .option('--action <action>', 'only this action (e.g. goal.update)')
    .option('--actor <person-id>', 'only changes made by this person');
}

function listText(list: AuditEventList): string {
  if (list.events.length === 0) return 'No changes recorded that match.';
  const lines = list.events.map((e) => {
    const who = e.actor.name ?? (e.actor.kind === 'operator' ? 'CLI operator' : e.actor.kind === 'system' ? 'schedule' : 'unknown');
    const what = changesText(e);
    return `${e.at.slice(0, 19).replace('T', ' ')}  ${who}  ${e.action}  ${e.label ?? e.entityId}${e.unit ? ` [${e.unit.name}]` : ''}${what ? `\n    ${what}` : ''}`;
  });
  if (list.nextCursor) lines.push(`… more: repeat with --cursor ${list.nextCursor}`);
  return lines.join('\n');
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the audit trail: who changed what, when, before and after');

  withFilters(audit.command('list').description('changes, newest first'))
    .option('--limit <n>', 'how many (1–500)', '50')
    .option('--cursor <cursor>', 'continue after the previous page')
    .action(
      action(async (opts: FilterOptions & { limit: string; cursor?: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const query = parseInput(AuditQuery, { ...filterOf(opts), limit: opts.limit, cursor: opts.cursor }, { ...names, limit: '--limit', cursor: '--cursor' });
        const list = await withOperator('audit list', options, (ctx) => listAuditEvents(ctx, query));
        output(options, list, listText);
      }),
    );

  withFilters(audit.command('export').description('write the matching changes to a CSV or XLSX file'))
    .requiredOption('-o, --output <file>', 'the file to write')
    .option('--format <format>', "csv or xlsx (default: the file's extension, else csv)")
    .option('--lang <lang>', 'nb or en (column headings)', 'nb')
    .action(
      action(async (opts: FilterOptions & { output: string; format?: string; lang: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const ext = extname(opts.output).slice(1).toLowerCase();
        const format = opts.format ?? (ext === 'xlsx' ? 'xlsx' : 'csv');
        const query = parseInput(AuditExportQuery, { ...filterOf(opts), format, locale: opts.lang }, { ...names, format: '--format', locale: '--lang' });
        const file = await withOperator('audit export', options, (ctx) => exportAuditEvents(ctx, query));
        const path = resolve(opts.output);
        writeFileSync(path, file.bytes);
        const written = { file: path, format: query.format, events: file.events, bytes: file.bytes.length };
        output(options, written, (w) => `Wrote ${w.events} change${w.events === 1 ? '' : 's'} as ${w.format.toUpperCase()} to ${w.file} (${w.bytes} bytes).`);
      }),
    );
}
