/** The metric catalogue and goal templates as the API shows them (pure: from core data). */
import { metricCatalogue } from '../../core/metrics/catalogue.ts';
import { derivedCatalogue, kpiMetric } from '../../core/metrics/derived.ts';
import { goalTemplates, suggestedKpis } from '../../core/goals/templates.ts';
import type { Platform } from '../../core/platforms.ts';
import type { GoalTemplateOut, MetricInfo } from '../../contract/goals.ts';

/** Base metrics and derived KPIs (with formulas), those a platform provides when one is given. */
export function listMetrics(platform?: Platform): MetricInfo[] {
  const base: MetricInfo[] = metricCatalogue.map((m) => ({
    key: m.key,
    kind: 'base',
    name: m.name,
    definition: m.definition,
    formula: null,
    unit: m.unit,
    aggregation: m.aggregation,
    higherIsBetter: m.higherIsBetter,
    platforms: [...m.platforms],
    measurements: [...(kpiMetric(m.key)?.measurements ?? [])],
  }));
  const derived: MetricInfo[] = derivedCatalogue.map((d) => {
    const info = kpiMetric(d.key)!;
    return {
      key: d.key,
      kind: 'derived',
      name: d.name,
      definition: null,
      formula: d.formula,
      unit: d.unit,
      aggregation: 'rate',
      higherIsBetter: d.higherIsBetter,
      platforms: [...info.platforms],
      measurements: [...d.measurements],
    };
  });
  const all = [...base, ...derived];
  return platform ? all.filter((m) => m.platforms.includes(platform)) : all;
}

/** The nine goal templates; with a platform, only the KPIs that platform can provide. */
export function listGoalTemplates(platform?: Platform): GoalTemplateOut[] {
  return goalTemplates.map((t) => ({
    key: t.key,
    name: t.name,
    description: t.description,
    kpis: (platform ? suggestedKpis(t.key, platform) : t.kpis).map((k) => ({ ...k })),
    related: [...t.related],
  }));
}
