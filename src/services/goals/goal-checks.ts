/**
 * The SMART and activation checks of a goal (stored or previewed).
 */
import type { Day } from '../../core/period/days.ts';
import type { AgeGroup, Platform } from '../../core/platforms.ts';
import { checkActivation } from '../../core/goals/activation.ts';
import { checkSmart, type SmartCheck as CoreSmartCheck } from '../../core/goals/smart.ts';
import type { GoalType } from '../../core/goals/templates.ts';
import type { Attainability } from '../../contract/goals.ts';
import type { AccountRow } from './goal-bundles.ts';
import type { KpiShape } from './kpi-shape.ts';

export interface CheckGoal {
  goalType: string;
  strategicGoalId: string | null;
  startDate: string | null;
  deadline: string | null;
  accounts: readonly AccountRow[];
  kpis: readonly KpiShape[];
}

export function smartOf(goal: CheckGoal, attainability: readonly (Attainability | null)[], today: Day): CoreSmartCheck {
  const ageGroups = [...new Set(goal.accounts.flatMap((a) => a.targetAgeGroups as AgeGroup[]))];
  const description = goal.accounts.map((a) => a.targetAudience?.trim() ?? '').filter(Boolean).join('; ');
  return checkSmart(
    {
      goalType: goal.goalType as GoalType | 'custom',
      platforms: [...new Set(goal.accounts.map((a) => a.platform as Platform))],
      audience: { description, ageGroups },
      strategicGoalId: goal.strategicGoalId,
      start: goal.startDate,
      deadline: goal.deadline,
      kpis: goal.kpis.map((k, i) => ({
        kind: k.kind,
        metric: k.metric,
        ageGroups: k.ageGroups,
        target: k.target,
        attainability: attainability[i] ? { verdict: attainability[i].verdict, message: attainability[i].message } : null,
      })),
    },
    today,
  );
}

export function activationOf(goal: CheckGoal) {
  const check = checkActivation({
    strategicGoalId: goal.strategicGoalId,
    start: goal.startDate,
    deadline: goal.deadline,
    kpis: goal.kpis.map((k) => ({ kind: k.kind, metric: k.metric, target: k.target })),
  });
  return check;
}
