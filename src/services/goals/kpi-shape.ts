/**
 * KPI definitions in the shape the checks and the pure core use: converting stored rows and parsed
 * inputs, naming them, turning them into the core's KPIs, checking them and storing them.
 */
import type { FieldIssue } from '../../core/errors.ts';
import type { Day } from '../../core/period/days.ts';
import { isDay } from '../../core/period/days.ts';
import type { AgeGroup, Platform } from '../../core/platforms.ts';
import { getMetric } from '../../core/metrics/catalogue.ts';
import { getDerived, kpiMetric, type Measurement } from '../../core/metrics/derived.ts';
import { validateKpi } from '../../core/kpi/evaluate.ts';
import type { Comparator, Kpi } from '../../core/kpi/types.ts';
import type { KpiInput } from '../../contract/goals.ts';
import type { KpiRow } from './goal-bundles.ts';

/** The KPI fields that matter for checks and evaluation (stored rows and parsed inputs alike). */
export interface KpiShape {
  kind: 'metric' | 'audience_share';
  metric: string | null;
  ageGroups: readonly AgeGroup[];
  measurement: Measurement;
  comparator: Comparator;
  target: number | null;
  baseline: number | null;
}

export type KpiInputParsed = {
  kind: 'metric' | 'audience_share';
  metric?: string | null | undefined;
  ageGroups?: AgeGroup[] | undefined;
  measurement: Measurement;
  comparator: Comparator;
  target?: number | null | undefined;
  baseline?: number | null | undefined;
  targetBasis?: string | null | undefined;
  targetBasisNote?: string | null | undefined;
};

export function kpiShapeOf(row: KpiRow | KpiInputParsed): KpiShape {
  return {
    kind: (row.kind ?? 'metric') as KpiShape['kind'],
    metric: row.metric ?? null,
    ageGroups: (row.ageGroups ?? []) as AgeGroup[],
    measurement: row.measurement as Measurement,
    comparator: (row.comparator ?? 'at_least') as Comparator,
    target: row.target ?? null,
    baseline: row.baseline ?? null,
  };
}

export function kpiName(k: Pick<KpiShape, 'kind' | 'metric' | 'ageGroups'>): { name: { nb: string; en: string }; formula: { nb: string; en: string } | null; unit: string } {
  if (k.kind === 'audience_share') {
    const groups = k.ageGroups.join(', ');
    return {
      name: { nb: `Andel av publikum ${groups}`.trim(), en: `Audience share ${groups}`.trim() },
      formula: {
        nb: 'Summen av prosentandelene for aldersgruppene i siste publikumsoversikt.',
        en: 'The sum of the age groups\u2019 percentages in the latest audience snapshot.',
      },
      unit: 'percent',
    };
  }
  const info = k.metric ? kpiMetric(k.metric) : undefined;
  const derived = k.metric ? getDerived(k.metric) : undefined;
  return {
    name: info?.name ?? { nb: k.metric ?? '', en: k.metric ?? '' },
    formula: derived?.formula ?? null,
    unit: info?.unit ?? 'count',
  };
}

/** The core KPI for one account, or null when it cannot be evaluated yet (no metric, target or deadline). */
export function toCoreKpi(k: KpiShape, start: Day | null, deadline: Day | null, platform: Platform, target = k.target): Kpi | null {
  if (target === null || !Number.isFinite(target) || !start || !deadline || !isDay(start) || !isDay(deadline)) return null;
  const common = { measurement: k.measurement, comparator: k.comparator, target, baseline: k.baseline, start, deadline };
  if (k.kind === 'audience_share') return { kind: 'audience_share', ageGroups: k.ageGroups, ...common };
  if (!k.metric) return null;
  return { kind: 'metric', metric: k.metric, platform, ...common };
}

/**
 * Problems with KPI definitions as field issues `kpis.N.<field>`: unknown metric, a measurement
 * the metric does not support, a metric the platform of an account does not provide, audience
 * shares without age groups or outside 0–100 %. Missing targets and metrics are not problems
 * here (a draft may lack them); activation asks for them.
 */
export function kpiIssues(list: readonly KpiShape[], platforms: readonly Platform[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  list.forEach((k, i) => {
    const seen = new Set<string>();
    const add = (issue: FieldIssue) => {
      const path = `kpis.${i}.${issue.path}`;
      if (!seen.has(path + issue.message)) issues.push({ path, message: issue.message });
      seen.add(path + issue.message);
    };
    if (k.kind === 'metric' && !k.metric) return;
    for (const platform of platforms.length ? platforms : (['facebook'] as Platform[])) {
      const core = toCoreKpi(k, '2000-01-01', '2000-01-01', platform, k.target ?? (k.kind === 'audience_share' ? 50 : 0));
      if (!core) continue;
      for (const issue of validateKpi(core)) {
        if (issue.path === 'start' || issue.path === 'deadline') continue;
        if (issue.path === 'metric' && platforms.length === 0 && !issue.message.startsWith('Unknown')) continue;
        add(issue);
      }
    }
  });
  return issues;
}

export function kpiValues(goalId: string, organisationId: string, list: readonly KpiInputParsed[], now: Date) {
  return list.map((k, position) => ({
    id: crypto.randomUUID(),
    organisationId,
    goalId,
    position,
    kind: k.kind,
    metric: k.kind === 'audience_share' ? null : (k.metric ?? null),
    ageGroups: k.kind === 'audience_share' ? [...(k.ageGroups ?? [])] : [],
    measurement: k.measurement,
    comparator: k.comparator,
    target: k.target ?? null,
    baseline: k.baseline ?? null,
    targetBasis: k.targetBasis ?? null,
    targetBasisNote: k.targetBasisNote ?? null,
    createdAt: now,
    updatedAt: now,
  }));
}

export const isBaseMetric = (key: string): boolean => getMetric(key) !== undefined;
export type { KpiInput };
