/**
 * `maalbar annual-report list | show`: the annual reports of a year (every account in use that
 * year, with counts per state, narrowed to a unit) and one account's report with its figures,
 * decision and history. With --json, the API's shapes (GET /annual-reports,
 * GET /annual-reports/{account}/{year}). The operator acts as an administrator. Writing and
 * signing are done by the evaluators (web app or API), not here.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { IdOrSlug } from '../../contract/common.ts';
import { AnnualReportListQuery, AnnualReportState, Year, type AnnualAccountReport, type AnnualReportList } from '../../contract/reports.ts';
import { getAnnualReport } from '../../services/annual-reports/get-annual-report.ts';
import { listAnnualReports } from '../../services/annual-reports/list-annual-reports.ts';
import { plural, table } from '../format.ts';
import { parseInput } from '../input.ts';
import { action, output, withOperator, type GlobalOptions } from '../run.ts';

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
/** "12 documented in 2 of 10 months", or "not documented (0 of 10 months)". */
const spent = (n: number | null, months: number, of: number, unit = ''): string =>
  n === null ? `not documented (0 of ${of} months)` : `${number.format(n)}${unit} documented in ${months} of ${of} months`;
const decisionText = { continue: 'continue', continue_with_changes: 'continue with changes', close: 'close' } as const;

function listText(list: AnnualReportList): string {
  const c = list.counts;
  const head = `Annual reports ${list.year} as of ${list.asOf}: ${c.signed} signed, ${c.upcoming} upcoming, ${c.due} due, ${c.overdue} overdue.`;
  if (list.items.length === 0) return `${head}\nNo annual reports match.`;
  const rows = list.items.map((i) => [
    i.state === 'overdue' ? 'OVERDUE' : i.state,
    i.account.slug,
    i.unit.slug,
    i.dueOn,
    i.decision ? decisionText[i.decision] : '',
    i.signedBy ? `${i.signedBy.name} ${i.signedAt?.slice(0, 10) ?? ''}` : '',
    i.evaluators.map((e) => e.name).join(', '),
  ]);
  return `${head}\n${table(rows, ['STATE', 'ACCOUNT', 'UNIT', 'DUE', 'DECISION', 'SIGNED', 'EVALUATORS'])}\n${plural(list.items.length, 'annual report')}`;
}

function showText(r: AnnualAccountReport): string {
  const f = r.figures;
  const res = f.resources;
  const lines = [
    `${r.account.name} (${r.account.slug}, ${r.unit.name}) — ${r.year}: ${r.state}, due ${r.dueOn}`,
    `Figures ${r.figuresFrozen ? `as signed (computed ${f.computedAt})` : `computed now (${f.computedAt})`}, KPIs as of ${f.asOf}:`,
    `  KPIs: ${f.counts.met} met, ${f.counts.on_track} on track, ${f.counts.at_risk} at risk, ${f.counts.missed} missed, ${f.counts.not_measured} not measured`,
    `  Hours: ${spent(res.documentedHours, res.hoursMonths, res.monthsInUse)}; planned ${res.plannedHours === null ? 'none' : number.format(res.plannedHours)}`,
    `  Money: ${spent(res.documentedMoneyNok, res.moneyMonths, res.monthsInUse, ' NOK')}; planned ${res.plannedMoneyNok === null ? 'none' : `${number.format(res.plannedMoneyNok)} NOK`}`,
    `  Documentation: ${f.documentation.documentedDays} of ${f.documentation.expectedDays} days`,
    `Suggested by the rules: ${decisionText[f.recommendation.suggestion]}`,
  ];
  for (const finding of f.recommendation.findings.filter((x) => x.triggered)) lines.push(`  - ${finding.message.text}`);
  lines.push(`Decision: ${r.decision ? decisionText[r.decision] : '(none yet)'}`);
  lines.push(`Reasoning: ${r.reasoning || '(not written)'}`);
  if (r.signedBy) lines.push(`Signed by ${r.signedBy.name} at ${r.signedAt}`);
  if (r.events.length > 0) {
    lines.push('History:');
    for (const ev of r.events) lines.push(`  ${ev.at} ${ev.action} by ${ev.person?.name ?? 'Målbar'}${ev.reason ? `: ${ev.reason}` : ''}`);
  }
  lines.push(`Evaluators: ${r.evaluators.map((p) => p.name).join(', ') || 'none named'}`);
  return lines.join('\n');
}

export function registerAnnualReport(program: Command): void {
  const annual = program.command('annual-report').description('annual reports: list a year’s, show one account’s');

  annual
    .command('list')
    .description('the annual reports of a year: every account in use that year, with counts per state')
    .requiredOption('--year <YYYY>', 'the year')
    .option('--unit <slug>', 'only this unit and the units below it')
    .option('--state <state>', `one of ${AnnualReportState.options.join(', ')}`)
    .action(
      action(async (opts: { year: string; unit?: string; state?: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const query = parseInput(AnnualReportListQuery, { year: opts.year, unit: opts.unit, state: opts.state });
        const list = await withOperator('annual-report list', options, (ctx) => listAnnualReports(ctx, query));
        output(options, list, listText);
      }),
    );

  annual
    .command('show')
    .description('one account’s annual report: its figures (frozen when signed, computed now for a draft), the decision and its history')
    .argument('<account>', 'the account’s slug (or id)')
    .argument('<year>', 'the year (YYYY)')
    .action(
      action(async (account: string, year: string, _opts: unknown, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const input = parseInput(z.object({ account: IdOrSlug, year: Year }), { account, year }, { account: 'ACCOUNT', year: 'YEAR' });
        const report = await withOperator('annual-report show', options, (ctx) => getAnnualReport(ctx, input.account, input.year));
        output(options, report, showText);
      }),
    );
}
