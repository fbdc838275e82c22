/**
 * `maalbar kpi --account SLUG [--at DATE]`: every KPI of the account's active, achieved and missed
 * goals evaluated at a date (today unless --at): actual, target, status, progress and pace. With
 * --json, the AccountKpis array of the API (GET /accounts/{account}/kpis); "not measured" is null.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import type { AccountKpis } from '../../contract/goals.ts';
import { IdOrSlug } from '../../contract/common.ts';
import { accountKpis } from '../../services/goals/account-kpis.ts';
import { table } from '../format.ts';
import { parseInput } from '../input.ts';
import { action, output, withOperator, type GlobalOptions } from '../run.ts';
import { AtDay, describeKpi, formatValue, percent, statusText } from './goal.ts';

function kpiRows(list: AccountKpis, account: string, at: string): string {
  if (list.length === 0) return `No KPIs: ${account} has no active, achieved or missed goals.`;
  return (
    `KPIs of ${account} as of ${at}:\n` +
    table(
      list.map((r) => [
        r.goal.qualitativeGoal,
        describeKpi(r.kpi),
        formatValue(r.evaluation.actual, r.kpi.unit),
        statusText[r.evaluation.status],
        percent(r.evaluation.progress),
        r.evaluation.pace === null ? '' : formatValue(r.evaluation.pace, r.kpi.unit),
      ]),
      ['GOAL', 'KPI', 'ACTUAL', 'STATUS', 'PROGRESS', 'PACE'],
    )
  );
}

export function registerKpi(program: Command): void {
  program
    .command('kpi')
    .description('every KPI of an account’s goals evaluated at a date (today unless --at): actual, target, status, progress, pace')
    .requiredOption('--account <slug>', 'the account (slug or id)')
    .option('--at <date>', 'evaluate as of this day (YYYY-MM-DD)')
    .action(
      action(async (opts: { account: string; at?: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const input = parseInput(z.object({ account: IdOrSlug, at: AtDay.optional() }), { account: opts.account, at: opts.at });
        const { list, at } = await withOperator('kpi', options, async (ctx) => {
          const at = input.at ?? ctx.now.toISOString().slice(0, 10);
          return { list: await accountKpis(ctx, input.account, at), at };
        });
        output(options, list, (l) => kpiRows(l, input.account, at));
      }),
    );
}
