/**
 * `maalbar competitor list | add | figures | share-of-voice`: competitor and peer accounts outside
 * the organisation, their public figures (one by one or a CSV `date,metric,value[,note]`), and
 * share of voice.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { platformNames, platforms } from '../../core/platforms.ts';
import {
  CompetitorCreateInput,
  CompetitorFilter,
  FigureFilter,
  FigureInput,
  ShareOfVoiceQuery,
  competitorKinds,
  competitorMetrics,
  figureCsvFormat,
  type FigureBatchResult,
  type FigureOut,
} from '../../contract/competitors.ts';
import { IdOrSlug } from '../../contract/common.ts';
import { AppError } from '../../core/errors.ts';
import { createCompetitor } from '../../services/competitors/create-competitor.ts';
import { getShareOfVoice } from '../../services/competitors/get-share-of-voice.ts';
import { importFiguresCsv } from '../../services/competitors/import-figures-csv.ts';
import { listCompetitors } from '../../services/competitors/list-competitors.ts';
import { listFigures } from '../../services/competitors/list-figures.ts';
import { recordFigures } from '../../services/competitors/record-figures.ts';
import { listUnits } from '../../services/units/list-units.ts';
import { plural, table } from '../format.ts';
import { numberOption, parseInput } from '../input.ts';
import { action, output, withOperator, type GlobalOptions } from '../run.ts';

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const changed = (r: FigureBatchResult) => `${r.added} added, ${r.changed} corrected (old values kept in history), ${r.unchanged} unchanged.`;

interface FiguresOptions {
  file?: string;
  metric?: string;
  date?: string;
  value?: number;
  month?: boolean;
  note?: string;
  from?: string;
  to?: string;
}

export function registerCompetitor(program: Command): void {
  const competitor = program.command('competitor').description('competitor and peer accounts outside the organisation: list, add, figures, share of voice');

  competitor
    .command('list')
    .description('competitor and peer entries, optionally of one unit (with its sub-units), platform or kind')
    .option('--unit <slug>', 'only this unit and the units below it')
    .option('--platform <platform>', `one of ${platforms.join(', ')}`)
    .option('--kind <kind>', `one of ${competitorKinds.join(', ')}`)
    .option('--archived', 'also archived entries')
    .action(
      action(async (opts: { unit?: string; platform?: string; kind?: string; archived?: boolean }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const filter = parseInput(CompetitorFilter, { unit: opts.unit, platform: opts.platform, kind: opts.kind, includeArchived: opts.archived ?? false }, { includeArchived: '--archived' });
        const { list, slugOf } = await withOperator('competitor list', options, async (ctx) => ({
          list: await listCompetitors(ctx, filter),
          slugOf: new Map((await listUnits(ctx, { includeArchived: true })).map((u) => [u.id, u.slug])),
        }));
        output(options, list, (l) =>
          l.length === 0
            ? 'No competitors.'
            : table(
                l.map((c) => [c.slug, platformNames[c.platform], c.kind + (c.archived ? ' (archived)' : ''), slugOf.get(c.unitId) ?? '', c.name]),
                ['SLUG', 'PLATFORM', 'KIND', 'UNIT', 'NAME'],
              ) + `\n${plural(l.length, 'entry', 'entries')}`,
        );
      }),
    );

  competitor
    .command('add')
    .description('register a competitor or peer account for a unit')
    .requiredOption('--unit <slug>', 'the unit that keeps the entry (slug or id)')
    .requiredOption('--platform <platform>', `one of ${platforms.join(', ')}`)
    .requiredOption('--name <name>', 'name of the account, e.g. "Nordvik University"')
    .option('--kind <kind>', `one of ${competitorKinds.join(', ')} (default competitor)`)
    .option('--handle <handle>', 'the handle on the platform')
    .option('--url <url>', 'address of the profile (http:// or https://)')
    .option('--note <text>', 'why it is compared with')
    .option('--slug <slug>', 'short name (default: made from name and platform)')
    .action(
      action(async (opts: { unit: string; platform: string; name: string; kind?: string; handle?: string; url?: string; note?: string; slug?: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const input = parseInput(CompetitorCreateInput, { ...opts });
        const created = await withOperator('competitor add', options, (ctx) => createCompetitor(ctx, input));
        output(options, created, (c) => `Registered ${c.kind} ${c.name} on ${platformNames[c.platform]} (slug ${c.slug}).`);
      }),
    );

  competitor
    .command('figures')
    .description(`list a competitor's figures, or enter them: one with --metric --date --value, or a CSV with --file (${figureCsvFormat})`)
    .argument('<competitor>', 'the competitor’s slug (or id)')
    .option('--file <csv>', 'a CSV file with the columns date,metric,value[,note]; all or nothing')
    .option('--metric <metric>', `one of ${competitorMetrics.join(', ')} (to enter one figure, or to filter the list)`)
    .option('--date <date>', 'YYYY-MM-DD for a day, YYYY-MM for a month')
    .option('--value <n>', 'the figure', numberOption)
    .option('--note <text>', 'where the figure came from')
    .option('--from <date>', 'list: from this day')
    .option('--to <date>', 'list: to this day')
    .action(
      action(async (ref: string, opts: FiguresOptions, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const key = parseInput(z.object({ competitor: IdOrSlug }), { competitor: ref }, { competitor: 'competitor' }).competitor;
        if (opts.file) {
          let bytes: Uint8Array;
          try {
            bytes = new Uint8Array(readFileSync(opts.file));
          } catch {
            throw new AppError('validation_failed', `Cannot read ${opts.file}.`, [{ path: '--file', message: 'cannot read the file' }]);
          }
          const result = await withOperator('competitor figures', options, (ctx) => importFiguresCsv(ctx, key, { name: basename(opts.file!), bytes }));
          output(options, result, changed);
          return;
        }
        if (opts.value !== undefined || opts.date !== undefined) {
          const figure = parseInput(FigureInput, { metric: opts.metric, date: opts.date, value: opts.value, note: opts.note });
          const result = await withOperator('competitor figures', options, (ctx) => recordFigures(ctx, key, { figures: [figure] }));
          output(options, result, changed);
          return;
        }
        const filter = parseInput(FigureFilter, { metric: opts.metric, from: opts.from, to: opts.to });
        const list = await withOperator('competitor figures', options, (ctx) => listFigures(ctx, key, filter));
        output(options, list, (l: FigureOut[]) =>
          l.length === 0
            ? 'No figures.'
            : table(
                l.map((f) => [f.period === 'month' ? f.date.slice(0, 7) : f.date, f.metric, number.format(f.value), f.note ?? '', f.history.length ? `${f.history.length} earlier` : '']),
                ['DATE', 'METRIC', 'VALUE', 'NOTE', 'HISTORY'],
              ),
        );
      }),
    );

  competitor
    .command('share-of-voice')
    .description("own mentions / (own + competitors' mentions) × 100 for a unit (with sub-units) or an account")
    .option('--unit <slug>', 'the unit whose accounts are own')
    .option('--account <slug>', 'one account instead')
    .option('--platform <platform>', 'only accounts and competitors on this platform')
    .requiredOption('--from <date>', 'first day (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'last day (YYYY-MM-DD)')
    .action(
      action(async (opts: { unit?: string; account?: string; platform?: string; from: string; to: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const query = parseInput(ShareOfVoiceQuery, { ...opts });
        const sov = await withOperator('competitor share-of-voice', options, (ctx) => getShareOfVoice(ctx, query));
        const show = (v: number | null) => (v === null ? 'not documented' : number.format(v));
        output(options, sov, (s) =>
          [
            `Share of voice ${s.from} – ${s.to}: ${s.share === null ? 'not measured (mentions not documented both for the own side and a competitor)' : `${number.format(s.share)} %`}`,
            `Formula: ${s.formula}`,
            table([
              ['Own mentions:', `${show(s.own.mentions)} (${plural(s.own.accounts, 'account')})`],
              ...s.competitors.map((c) => [`${c.name}:`, show(c.mentions)]),
            ]),
          ].join('\n'),
        );
      }),
    );
}
