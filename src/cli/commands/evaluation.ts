/**
 * `maalbar evaluation list | prepare | show`: the monthly evaluations (per unit, account, month
 * and state), preparing a month's drafts for every active account, and one evaluation with its
 * figures and history. With --json, the API's shapes (GET /evaluations, POST
 * /evaluations/prepare, GET /evaluations/{id}). The operator acts as an administrator, so every
 * account is included. Writing and signing are done by the evaluators (web app or API), not here.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { Id } from '../../contract/common.ts';
import {
  EvaluationListQuery,
  EvaluationPrepareInput,
  EvaluationState,
  type EvaluationDetail,
  type EvaluationList,
  type EvaluationPrepareOut,
} from '../../contract/evaluations.ts';
import { getEvaluation } from '../../services/evaluations/get-evaluation.ts';
import { listEvaluations } from '../../services/evaluations/list-evaluations.ts';
import { prepareEvaluations } from '../../services/evaluations/prepare-evaluations.ts';
import { plural, table } from '../format.ts';
import { parseInput } from '../input.ts';
import { action, output, withOperator, type GlobalOptions } from '../run.ts';

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const shown = (n: number | null): string => (n === null ? 'not measured' : number.format(n));
const decisionText = { keep: 'keep as is', adjust_content: 'adjust content', escalate: 'escalate to the unit manager' } as const;

function listText(list: EvaluationList): string {
  const c = list.counts;
  const head = `Evaluations as of ${list.asOf}: ${c.signed} signed, ${c.upcoming} upcoming, ${c.due} due, ${c.overdue} overdue.`;
  if (list.items.length === 0) return `${head}\nNo evaluations match.`;
  const rows = list.items.map((i) => [
    i.month,
    i.state === 'overdue' ? 'OVERDUE' : i.state,
    i.account.slug,
    i.unit.slug,
    i.dueOn,
    i.decision ? decisionText[i.decision] : '',
    i.signedBy ? `${i.signedBy.name} ${i.signedAt?.slice(0, 10) ?? ''}` : '',
    i.evaluators.map((e) => e.name).join(', '),
    i.id,
  ]);
  return `${head}\n${table(rows, ['MONTH', 'STATE', 'ACCOUNT', 'UNIT', 'DUE', 'DECISION', 'SIGNED', 'EVALUATORS', 'ID'])}\n${plural(list.items.length, 'evaluation')}`;
}

function showText(e: EvaluationDetail): string {
  const f = e.figures;
  const lines = [
    `${e.account.name} (${e.account.slug}, ${e.unit.name}) — ${e.month}: ${e.state}, due ${e.dueOn}`,
    `Figures ${e.figuresFrozen ? `as signed (computed ${f.computedAt})` : `computed now (${f.computedAt})`}, KPIs as of ${f.asOf}:`,
  ];
  if (f.kpis.length === 0) lines.push('  no KPIs');
  else {
    lines.push(
      table(
        f.kpis.map((k) => [k.kpi.name.en, k.status, shown(k.actual), k.previousStatus ?? '', shown(k.previousActual), k.change === null ? '' : number.format(k.change)]),
        ['KPI', 'STATUS', 'ACTUAL', 'BEFORE', 'PREVIOUS', 'CHANGE'],
      ),
    );
  }
  lines.push(`Audience: ${f.audience.status}${f.audience.largestGroup ? ` (largest group ${f.audience.largestGroup})` : ''}`);
  lines.push(
    `Documentation: ${f.documentation.documentedDays} of ${f.documentation.expectedDays} days` +
      (f.documentation.gaps.length > 0 ? `; gaps ${f.documentation.gaps.map(([a, b]) => (a === b ? a : `${a}…${b}`)).join(', ')}` : ''),
  );
  lines.push(`Decision: ${e.decision ? decisionText[e.decision] : '(none yet)'}`);
  lines.push(`Assessment: ${e.assessment || '(not written)'}`);
  if (e.adjustment) lines.push(`Adjustment: ${e.adjustment}`);
  if (e.signedBy) lines.push(`Signed by ${e.signedBy.name} at ${e.signedAt}`);
  lines.push('History:');
  for (const ev of e.events) lines.push(`  ${ev.at} ${ev.action} by ${ev.person?.name ?? 'Målbar'}${ev.reason ? `: ${ev.reason}` : ''}`);
  lines.push(`Evaluators: ${e.evaluators.map((p) => p.name).join(', ') || 'none named'}`);
  return lines.join('\n');
}

export function registerEvaluation(program: Command): void {
  const evaluation = program.command('evaluation').description('monthly evaluations: list, prepare a month’s drafts, show one');

  evaluation
    .command('list')
    .description('evaluations, newest month first, with counts per state')
    .option('--unit <slug>', 'only this unit and the units below it')
    .option('--account <slug>', 'only this account')
    .option('--month <YYYY-MM>', 'only this month')
    .option('--state <state>', `one of ${EvaluationState.options.join(', ')}`)
    .action(
      action(async (opts: { unit?: string; account?: string; month?: string; state?: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const query = parseInput(EvaluationListQuery, { unit: opts.unit, account: opts.account, month: opts.month, state: opts.state });
        const list = await withOperator('evaluation list', options, (ctx) => listEvaluations(ctx, query));
        output(options, list, listText);
      }),
    );

  evaluation
    .command('prepare')
    .description('prepare the drafts of a month for every active account that has none yet (the server does it for last month by itself)')
    .requiredOption('--month <YYYY-MM>', 'the month to prepare')
    .action(
      action(async (opts: { month: string }, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const input = parseInput(EvaluationPrepareInput, { month: opts.month });
        const result = await withOperator('evaluation prepare', options, (ctx) => prepareEvaluations(ctx, input));
        output(options, result, (r: EvaluationPrepareOut) => `${r.month}: ${plural(r.created, 'draft')} prepared, ${r.existing} already there.`);
      }),
    );

  evaluation
    .command('show')
    .description('one evaluation: its figures (frozen when signed, computed now for a draft), its text and its history')
    .argument('<id>', 'the evaluation id (see `maalbar evaluation list`)')
    .action(
      action(async (id: string, _opts: unknown, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const input = parseInput(z.object({ id: Id }), { id }, { id: 'ID' });
        const detail = await withOperator('evaluation show', options, (ctx) => getEvaluation(ctx, input.id));
        output(options, detail, showText);
      }),
    );
}
