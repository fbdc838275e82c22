/**
 * The goal wizard's draft: the form state of a goal and its KPIs as typed, and its conversion to
 * and from the API's goal input and goal detail.
 */
import type { AgeGroup } from '../../../../src/core/platforms.ts';
import type { measurements } from '../../../../src/core/metrics/derived.ts';
import type { GoalCreateInput, GoalDetail, KpiInput } from '../../api/index.ts';

export type Kind = 'metric' | 'audience_share';
export type Measurement = (typeof measurements)[number];

export interface KpiDraft {
  uid: number;
  kind: Kind;
  metric: string;
  ageGroups: AgeGroup[];
  measurement: Measurement;
  comparator: 'at_least' | 'at_most';
  target: string;
  baseline: string;
  targetBasis: string;
  targetBasisNote: string;
}

export interface Draft {
  accounts: string[];
  goalType: string;
  qualitativeGoal: string;
  concreteGoal: string;
  strategicGoal: string;
  startDate: string;
  deadline: string;
  owner: string;
  kpis: KpiDraft[];
}

let nextUid = 1;
export const newKpi = (over: Partial<KpiDraft> = {}): KpiDraft => ({
  uid: nextUid++,
  kind: 'metric',
  metric: '',
  ageGroups: [],
  measurement: 'over_period',
  comparator: 'at_least',
  target: '',
  baseline: '',
  targetBasis: '',
  targetBasisNote: '',
  ...over,
});

/** "1 234,5" or "1234.5" → 1234.5; empty or not a number → null. */
export function parseNumber(s: string): number | null {
  const cleaned = s.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

const numText = (n: number | null) => (n === null ? '' : String(n));

function toKpiInput(k: KpiDraft): KpiInput {
  return {
    kind: k.kind,
    metric: k.kind === 'metric' ? k.metric || null : null,
    ageGroups: k.kind === 'audience_share' ? k.ageGroups : [],
    measurement: k.measurement,
    comparator: k.comparator,
    target: parseNumber(k.target),
    baseline: parseNumber(k.baseline),
    targetBasis: (k.targetBasis || null) as KpiInput['targetBasis'],
    targetBasisNote: k.targetBasisNote.trim() || null,
  };
}

export function toInput(d: Draft, forPreview = false): GoalCreateInput {
  return {
    accounts: d.accounts,
    goalType: (d.goalType || 'custom') as GoalCreateInput['goalType'],
    qualitativeGoal: d.qualitativeGoal.trim() || (forPreview ? '…' : ''),
    concreteGoal: d.concreteGoal.trim() || null,
    strategicGoal: d.strategicGoal || null,
    startDate: d.startDate || null,
    deadline: d.deadline || null,
    owner: d.owner.trim() || null,
    kpis: d.kpis.map(toKpiInput),
  };
}

export function fromGoal(g: GoalDetail): Draft {
  return {
    accounts: g.accounts.map((a) => a.slug),
    goalType: g.goalType,
    qualitativeGoal: g.qualitativeGoal,
    concreteGoal: g.concreteGoal ?? '',
    strategicGoal: g.strategicGoalId ?? '',
    startDate: g.startDate ?? '',
    deadline: g.deadline ?? '',
    owner: '',
    kpis: g.kpis.map((k) =>
      newKpi({
        kind: k.kind,
        metric: k.metric ?? '',
        ageGroups: k.ageGroups,
        measurement: k.measurement,
        comparator: k.comparator,
        target: numText(k.target),
        baseline: numText(k.baseline),
        targetBasis: k.targetBasis ?? '',
        targetBasisNote: k.targetBasisNote ?? '',
      }),
    ),
  };
}
