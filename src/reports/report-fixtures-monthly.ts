/**
 * A realistic, fictional monthly report for the renderers' tests (validated with the contract's
 * schema), with hostile texts and values not measured; see report-fixtures.ts.
 */
import { MonthlyReport } from '../contract/reports.ts';
import { annualAccountFixture, GENERATED_AT, HOSTILE, id, people, unitsList } from './report-fixtures.ts';

/** A unit's monthly report for October 2025: two evaluations (one signed, one due) and one account without an evaluation. */
export function monthlyFixture(): MonthlyReport {
  const evaluations = [0, 1].map((n) => {
    const a = annualAccountFixture(n * 3, { hostile: n === 0 });
    const signed = n === 0;
    return {
      id: id(60_000 + n),
      account: a.account,
      unit: a.unit,
      month: '2025-10',
      status: signed ? ('signed' as const) : ('draft' as const),
      state: signed ? ('signed' as const) : ('due' as const),
      dueOn: '2025-11-15',
      decision: signed ? ('adjust_content' as const) : null,
      signedBy: signed ? people[0]! : null,
      signedAt: signed ? '2025-11-12T10:00:00.000Z' : null,
      evaluators: [people[0]!],
      counts: signed ? { met: 1, on_track: 0, at_risk: 1, missed: 0, not_measured: 1 } : null,
      assessment: signed ? `Rekkevidden falt etter høstferien. ${HOSTILE.script} ${HOSTILE.formula}` : '',
      adjustment: signed ? HOSTILE.at : '',
      hoursSpent: signed ? 14.5 : null,
      moneySpentNok: signed ? 2500 : null,
      figures: {
        month: '2025-10',
        period: { start: '2025-10-01', end: '2025-10-31' },
        asOf: '2025-10-31',
        computedAt: '2025-11-12T10:00:00.000Z',
        counts: { met: 1, on_track: 0, at_risk: 1, missed: 0, not_measured: 1 },
        kpis: [
          { goal: a.figures.kpis[0]!.goal, kpi: a.figures.kpis[0]!.kpi, status: 'at_risk' as const, actual: 118_400, progress: 0.79, previousStatus: 'on_track' as const, previousActual: 104_000, change: 14_400 },
          { goal: a.figures.kpis[1]!.goal, kpi: a.figures.kpis[1]!.kpi, status: 'not_measured' as const, actual: null, progress: null, previousStatus: null, previousActual: null, change: null },
          { goal: a.figures.kpis[2]!.goal, kpi: a.figures.kpis[2]!.kpi, status: 'met' as const, actual: 17.5, progress: 1, previousStatus: 'met' as const, previousActual: 19.25, change: -1.75 },
        ],
        audience: { status: 'fit' as const, targetAgeGroups: ['18-24' as const, '25-34' as const], largestGroup: '18-24' as const, largestShare: 41.5, targetShare: 63.2, snapshotDay: '2025-10-28' },
        documentation: { documentedDays: 27, expectedDays: 31, gaps: [['2025-10-14', '2025-10-17'] as [string, string]], due: 'ok' as const },
        posts: a.figures.posts,
      },
      figuresFrozen: signed,
    };
  });
  const missing = annualAccountFixture(4).account;
  return MonthlyReport.parse({
    kind: 'monthly',
    scope: { kind: 'unit', unit: unitsList[0]! },
    month: '2025-10',
    generatedAt: GENERATED_AT,
    states: { signed: 1, upcoming: 0, due: 1, overdue: 0 },
    counts: { met: 1, on_track: 0, at_risk: 1, missed: 0, not_measured: 1 },
    missing: [missing],
    evaluations,
  });
}
