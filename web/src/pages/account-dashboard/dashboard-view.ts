/**
 * Pure pieces of the account dashboard: the audience's age distribution as bars against the target
 * groups (and single-group audience-share targets as markers), post links that are safe to follow,
 * post excerpts as one line of plain text, KPIs grouped by goal, the metrics of the period's figures
 * and their change.
 */
import type { BarSpec } from '../../../../src/charts/spec.ts';
import type { AudienceFitOut } from '../../../../src/contract/coverage.ts';
import type { AccountKpis } from '../../../../src/contract/goals.ts';
import { monthEnd, monthStart } from '../../../../src/core/period/days.ts';
import { choicePeriod, readPeriodParam } from '../../../../src/core/period/period-choice.ts';


export interface AudienceTexts {
  title: string;
  description?: string;
  share: string;
  target: string;
  targetSet: string;
  groupLabel(group: string): string;
}

/** An audience-share KPI's target for its age groups (percent of the audience). */
export interface AudienceTarget {
  ageGroups: readonly string[];
  target: number | null;
}

/**
 * The newest snapshot's share per age group (null = not measured, drawn as a gap), the account's
 * target groups marked, and the target of an audience-share KPI on a single age group as that
 * group's marker. Null when the snapshot has no shares at all.
 */
export function audienceSpec(fit: Pick<AudienceFitOut, 'distribution'>, targets: readonly AudienceTarget[], texts: AudienceTexts): BarSpec | null {
  if (!fit.distribution.some((d) => d.share !== null)) return null;
  const single = new Map<string, number>();
  for (const k of targets) {
    const group = k.ageGroups[0];
    if (k.ageGroups.length === 1 && group !== undefined && k.target !== null && !single.has(group)) single.set(group, k.target);
  }
  return {
    kind: 'bar',
    title: texts.title,
    ...(texts.description ? { description: texts.description } : {}),
    unit: 'percent',
    categories: fit.distribution.map((d) => ({ key: d.ageGroup, label: texts.groupLabel(d.ageGroup), inTarget: d.inTarget })),
    series: [{ key: 'share', name: texts.share, values: fit.distribution.map((d) => d.share) }],
    target: single.size > 0 ? { name: texts.target, values: fit.distribution.map((d) => single.get(d.ageGroup) ?? null) } : null,
    targetSetName: texts.targetSet,
  };
}

/** A post's address when it is a web address (http or https); anything else (javascript:, data:) is not linked. */
export function safeLink(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

/** Imported text as one line of at most `max` characters (whitespace and control characters folded to spaces). */
export function excerptLine(text: string | null | undefined, max = 140): string {
  if (!text) return '';
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  if (line.length <= max) return line;
  return `${[...line].slice(0, max - 1).join('').trimEnd()}…`;
}

export interface GoalKpis {
  goal: AccountKpis[number]['goal'];
  kpis: AccountKpis;
}

/** The KPIs by goal, the goals in the order they first appear. */
export function byGoal(kpis: AccountKpis): GoalKpis[] {
  const out: GoalKpis[] = [];
  const index = new Map<string, GoalKpis>();
  for (const k of kpis) {
    let g = index.get(k.goal.id);
    if (!g) {
      g = { goal: k.goal, kpis: [] };
      index.set(k.goal.id, g);
      out.push(g);
    }
    g.kpis.push(k);
  }
  return out;
}

/** The base metrics of the KPIs (those kept monthly), in order, and followers, for the period's figures. */
export function periodMetrics(kpis: readonly { kpi: { kind: string; metric: string | null } }[], isBase: (metric: string) => boolean): string[] {
  const out: string[] = [];
  for (const k of kpis) if (k.kpi.kind === 'metric' && k.kpi.metric && isBase(k.kpi.metric) && !out.includes(k.kpi.metric)) out.push(k.kpi.metric);
  if (!out.includes('followers')) out.push('followers');
  return out;
}

/** The change from `base` to `value` in percent; null when either is not measured or the base is 0. */
export function percentChange(value: number | null, base: number | null): number | null {
  if (value === null || base === null || base === 0 || !Number.isFinite(value) || !Number.isFinite(base)) return null;
  return ((value - base) / Math.abs(base)) * 100;
}

/** Whether a period is whole months (what the monthly figures and series can show). */
export function isWholeMonths(p: { start: string; end: string }): boolean {
  return p.start === monthStart(p.start) && p.end === monthEnd(p.end);
}

/** Whether a period in its URL form is whole months; a form that cannot be read is left to the server to refuse. */
export function wholeMonthsParam(param: string): boolean {
  const r = readPeriodParam(param);
  return !r.ok || isWholeMonths(choicePeriod(r.choice));
}
