/**
 * `maalbar goal list | show`: the goals of the organisation, and one goal with its SMART check
 * and every KPI evaluated at a date. "Not measured" is shown as such (null in --json), never as 0.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { isDay } from '../../core/period/days.ts';
import { platformNames } from '../../core/platforms.ts';
import { GoalFilter, goalStatuses, type GoalDetail, type GoalOut, type KpiEvaluation, type KpiOut } from '../../contract/goals.ts';
import { getGoal } from '../../services/goals/get-goal.ts';
import { listGoals } from '../../services/goals/list-goals.ts';
import { plural, table } from '../format.ts';
import { parseInput } from '../input.ts';
import { action, output, withOperator, type GlobalOptions } from '../run.ts';

/** A calendar day for --at: the format and the day itself (2026-02-30 is refused). */
export const AtDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isDay, 'not a day of the calendar');

const number = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

/** A KPI value with its unit; "not measured" for null. */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return 'not measured';
  switch (unit) {
    case 'percent':
      return `${number.format(value)} %`;
    case 'nok':
      return `NOK ${number.format(value)}`;
    case 'hours':
      return `${number.format(value)} h`;
    case 'seconds':
      return `${number.format(value)} s`;
    default:
      return number.format(value);
  }
}

export const statusText: Record<KpiEvaluation['status'], string> = {
  met: 'met',
  on_track: 'on track',
  at_risk: 'at risk',
  missed: 'missed',
  not_measured: 'not measured',
};

const measurementText: Record<KpiOut['measurement'], string> = {
  per_post: 'per post',
  per_day: 'per day',
  per_month: 'per month',
  over_period: 'over the period',
  at_deadline: 'at the deadline',
};

/** "Link clicks per post ≥ 2,000" */
export function describeKpi(k: KpiOut): string {
  const sign = k.comparator === 'at_most' ? '≤' : '≥';
  return `${k.name.en} ${measurementText[k.measurement]} ${sign} ${k.target === null ? '(no target)' : formatValue(k.target, k.unit)}`;
}

export const percent = (p: number | null) => (p === null ? '' : `${Math.round(p * 100)} %`);

function goalRows(list: readonly GoalOut[]): string {
  if (list.length === 0) return 'No goals.';
  return (
    table(
      list.map((g) => [g.id, g.status, g.goalType, g.accounts.map((a) => a.slug).join(', '), g.deadline ?? '', g.qualitativeGoal]),
      ['ID', 'STATUS', 'TYPE', 'ACCOUNTS', 'DEADLINE', 'GOAL'],
    ) + `\n${plural(list.length, 'goal')}`
  );
}

function showGoal(g: GoalDetail): string {
  const accountName = new Map(g.accounts.map((a) => [a.id, `${a.slug} (${platformNames[a.platform]})`]));
  const lines = [
    g.qualitativeGoal,
    table(
      [
        ['Id:', g.id],
        ['Status:', g.status],
        ['Type:', g.goalType],
        ['Concrete goal:', g.concreteGoal ?? '—'],
        ['Strategic goal:', g.strategicGoal?.title ?? '— (none)'],
        ['Unit:', `${g.unit.name} (${g.unit.slug})`],
        ['Accounts:', g.accounts.map((a) => accountName.get(a.id)!).join(', ')],
        ['Period:', `${g.startDate ?? '?'} – ${g.deadline ?? '(no deadline)'}`],
        ['Owner:', g.owner?.name ?? '—'],
      ],
    ),
    '',
    `SMART${g.smart.complete ? ' (complete)' : ''}:`,
    ...g.smart.items.map((i) => `  ${i.letter.replace('_', '-').padEnd(11)} ${i.status}${i.messages.length ? ': ' + i.messages.map((m) => m.text).join(' ') : ''}`),
  ];
  if (!g.activation.ok && g.status === 'draft') lines.push(`Cannot be activated yet: ${g.activation.missing.map((m) => m.text).join(' ')}`);
  const asOf = g.evaluations[0]?.asOf;
  lines.push('', `KPIs${asOf ? ` as of ${asOf}` : ''}:`);
  if (g.kpis.length === 0) lines.push('  (none)');
  const rows: string[][] = [];
  for (const k of g.kpis) {
    for (const e of g.evaluations.filter((x) => x.kpiId === k.id)) {
      rows.push([
        `  ${k.position + 1}.`,
        describeKpi(k),
        g.accounts.length > 1 ? (g.accounts.find((a) => a.id === e.accountId)?.slug ?? '') : '',
        formatValue(e.actual, k.unit),
        statusText[e.status],
        percent(e.progress),
      ]);
    }
  }
  if (rows.length) lines.push(table(rows, ['', 'KPI', g.accounts.length > 1 ? 'ACCOUNT' : '', 'ACTUAL', 'STATUS', 'PROGRESS']));
  return lines.join('\n');
}

export function registerGoal(program: Command): void {
  const goal = program.command('goal').description('goals and their KPIs: list, show');

  goal
    .command('list')
    .description('goals, optionally of one unit (with its sub-units), account or status')
    .option('--unit <slug>', 'only goals of this unit and the units below it')
    .option('--account <slug>', 'only goals of this account')
    .option('--status <status>', `one of ${goalStatuses.join(', ')}`)
    .action(
      action(async (opts: { unit?: string; account?: string; status?: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const filter = parseInput(GoalFilter, { unit: opts.unit, account: opts.account, status: opts.status });
        const list = await withOperator('goal list', options, (ctx) => listGoals(ctx, filter));
        output(options, list, goalRows);
      }),
    );

  goal
    .command('show')
    .description('one goal: its SMART check and every KPI evaluated at a date (today unless --at)')
    .argument('<id>', 'the goal’s id (see `maalbar goal list`)')
    .option('--at <date>', 'evaluate as of this day (YYYY-MM-DD)')
    .action(
      action(async (id: string, opts: { at?: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const input = parseInput(z.object({ id: z.string().min(1).max(80), at: AtDay.optional() }), { id, at: opts.at }, { id: 'id' });
        const detail = await withOperator('goal show', options, (ctx) => getGoal(ctx, input.id, { asOf: input.at }));
        output(options, detail, showGoal);
      }),
    );
}
