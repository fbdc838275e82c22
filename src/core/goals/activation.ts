/**
 * Activation rules (PRODUCT.md "At least three KPIs per goal, each with a target value";
 * issue 3: "A goal cannot be activated with fewer than three KPIs, or without a strategy link,
 * a deadline and a target for every KPI: the refusal says exactly what is missing").
 * Everything missing is listed at once, each as a translatable message and a field issue.
 */
import { AppError, type FieldIssue } from '../errors.ts';
import { kpiMetric } from '../metrics/derived.ts';
import { compareDays, isDay } from '../period/days.ts';
import { type Message, type MessageParams, message } from './messages.ts';

export const MIN_KPIS = 3;

export interface ActivationKpi {
  /** Catalogue key; null or absent for an audience-share KPI or a KPI still without a metric. */
  metric?: string | null;
  kind?: 'metric' | 'audience_share';
  target: number | null | undefined;
  /** Shown in messages instead of the metric name (e.g. the KPI's own label). */
  label?: string;
}

export interface ActivationGoal {
  strategicGoalId: string | null | undefined;
  start?: string | null;
  deadline: string | null | undefined;
  kpis: readonly ActivationKpi[];
}

export interface ActivationCheck {
  ok: boolean;
  missing: Message[];
  issues: FieldIssue[];
}

function kpiName(kpi: ActivationKpi, index: number): string {
  if (kpi.label) return kpi.label;
  if (kpi.kind === 'audience_share') return 'audience share';
  const info = kpi.metric ? kpiMetric(kpi.metric) : undefined;
  return info ? info.name.en : `KPI ${index + 1}`;
}

export function checkActivation(goal: ActivationGoal): ActivationCheck {
  const missing: Message[] = [];
  const issues: FieldIssue[] = [];
  const add = (path: string, code: string, params: MessageParams, english: string) => {
    const m = message(`goals.activation.${code}`, params, english);
    missing.push(m);
    issues.push({ path, message: m.text });
  };
  const count = goal.kpis.length;
  if (count === 0) add('kpis', 'too_few_kpis', { count, min: MIN_KPIS, more: MIN_KPIS }, 'The goal has no KPIs; it needs at least {min}.');
  else if (count < MIN_KPIS) {
    const params = { count, min: MIN_KPIS, more: MIN_KPIS - count };
    add('kpis', 'too_few_kpis', params, 'The goal has {count} KPI(s); it needs at least {min} ({more} more).');
  }
  if (!goal.strategicGoalId) add('strategicGoalId', 'no_strategy', {}, 'The goal is not linked to a strategic goal.');
  const { start, deadline } = goal;
  if (!deadline) add('deadline', 'no_deadline', {}, 'The goal has no deadline.');
  else if (!isDay(deadline)) add('deadline', 'bad_deadline', { deadline }, 'The deadline "{deadline}" is not a date.');
  else if (start && isDay(start) && compareDays(deadline, start) < 0) {
    add('deadline', 'deadline_before_start', { deadline, start }, 'The deadline {deadline} is before the start {start}.');
  }
  goal.kpis.forEach((kpi, i) => {
    const index = i + 1;
    if (kpi.kind !== 'audience_share') {
      if (!kpi.metric) add(`kpis.${i}.metric`, 'kpi_no_metric', { index }, 'KPI {index} has no metric.');
      else if (!kpiMetric(kpi.metric)) {
        add(`kpis.${i}.metric`, 'kpi_unknown_metric', { index, metric: kpi.metric }, 'KPI {index} has an unknown metric "{metric}".');
      }
    }
    if (typeof kpi.target !== 'number' || !Number.isFinite(kpi.target)) {
      add(`kpis.${i}.target`, 'kpi_no_target', { index, name: kpiName(kpi, i) }, 'KPI {index} ({name}) has no target value.');
    }
  });
  return { ok: missing.length === 0, missing, issues };
}

/** Throws AppError('validation_failed') listing everything missing; returns quietly when the goal can be activated. */
export function assertActivatable(goal: ActivationGoal): void {
  const check = checkActivation(goal);
  if (!check.ok) {
    const detail = check.missing.map((m) => m.text).join(' ');
    throw new AppError('validation_failed', `The goal cannot be activated: ${detail}`, check.issues);
  }
}
