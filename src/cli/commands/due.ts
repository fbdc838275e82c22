/**
 * `maalbar due [--unit SLUG] [--at DATE]`: every active account (of the unit and its sub-units)
 * with its undocumented days still inside the platform's history window, when the oldest of
 * them leaves it, and how many are lost; most urgent first. With --json, the DueList of the API
 * (GET /statistics/due). The operator acts as an administrator, so every account is listed.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import type { DueItem, DueList } from '../../contract/coverage.ts';
import { IdOrSlug } from '../../contract/common.ts';
import { listDue } from '../../services/coverage/list-due.ts';
import { plural, table } from '../format.ts';
import { parseInput } from '../input.ts';
import { action, output, withOperator, type GlobalOptions } from '../run.ts';
import { AtDay } from './goal.ts';

const statusText: Record<DueItem['status'], string> = { overdue: 'OVERDUE', due: 'due', ok: 'ok' };

function when(item: DueItem): string {
  if (item.deadline === null) return '';
  if (item.cadence === 'monthly') return `enter by ${item.deadline}`;
  return `leaves ${item.deadline}`;
}

function dueText(list: DueList): string {
  if (list.items.length === 0) return `No active accounts to document as of ${list.asOf}.`;
  const rows = list.items.map((i) => [
    statusText[i.status],
    i.account.slug,
    i.account.platform,
    i.unit.slug,
    i.toCoverDays === 0 ? '' : plural(i.toCoverDays, 'day'),
    when(i),
    i.lostDays === 0 ? '' : plural(i.lostDays, 'day'),
    i.reporters.map((r) => r.name).join(', '),
  ]);
  const actions = list.items
    .filter((i) => i.status !== 'ok')
    .map((i) => `${i.account.slug}: ${i.toCover.map(([a, b]) => (a === b ? a : `${a}…${b}`)).join(', ') || 'nothing left to download'}\n  ${i.instruction.en}`);
  return (
    `Statistics due as of ${list.asOf} (due: the oldest undocumented day leaves the platform's window within ${list.dueWithinDays} days):\n` +
    table(rows, ['STATUS', 'ACCOUNT', 'PLATFORM', 'UNIT', 'TO COVER', 'WHEN', 'LOST', 'REPORTERS']) +
    (actions.length > 0 ? `\n\n${actions.join('\n')}` : '')
  );
}

export function registerDue(program: Command): void {
  program
    .command('due')
    .description("accounts with undocumented days about to leave the platform's history window, most urgent first")
    .option('--unit <slug>', 'only accounts of this unit and its sub-units')
    .option('--at <date>', 'as of this day (YYYY-MM-DD); default today')
    .action(
      action(async (opts: { unit?: string; at?: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const input = parseInput(z.object({ unit: IdOrSlug.optional(), at: AtDay.optional() }), { unit: opts.unit, at: opts.at });
        const list = await withOperator('due', options, (ctx) => listDue(ctx, input));
        output(options, list, dueText);
      }),
    );
}
