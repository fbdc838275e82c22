/**
 * What the audit trail keeps of entities that span several rows: a goal with its accounts and
 * KPIs (targets included). Single-row entities go through `auditable()` as they are.
 */
import { presentGoal, type GoalBundle } from '../goals/goal-bundles.ts';

/** A goal's meaningful fields: its own, its accounts by name and its KPIs with their targets. */
export function goalSnapshot(b: GoalBundle) {
  const g = presentGoal(b);
  return {
    unitId: g.unitId,
    strategicGoalId: g.strategicGoalId,
    goalType: g.goalType,
    qualitativeGoal: g.qualitativeGoal,
    concreteGoal: g.concreteGoal,
    startDate: g.startDate,
    deadline: g.deadline,
    status: g.status,
    owner: g.owner?.name ?? null,
    accounts: g.accounts.map((a) => `${a.name} (${a.platform})`),
    kpis: g.kpis.map((k) => ({
      metric: k.metric,
      kind: k.kind,
      ageGroups: k.ageGroups,
      measurement: k.measurement,
      comparator: k.comparator,
      target: k.target,
      baseline: k.baseline,
      targetBasis: k.targetBasis,
      targetBasisNote: k.targetBasisNote,
    })),
  };
}

/** A short label for a goal: its concrete goal, or its qualitative one. */
export function goalLabel(b: GoalBundle): string {
  return b.goal.concreteGoal || b.goal.qualitativeGoal;
}

/** A saved column mapping: its name, the headers it is for, what each column means, its version. */
export function mappingSnapshot(m: { name: string; headers: readonly string[]; mapping: unknown; version: number }) {
  return { name: m.name, headers: [...m.headers], mapping: m.mapping, version: m.version };
}
