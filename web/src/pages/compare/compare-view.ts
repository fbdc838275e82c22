/**
 * Pure side of the comparison page: the metrics a comparison makes sense for (the catalogue's base
 * metrics, kept monthly), the normalisations each allows (core/compare: per 1000 followers for
 * metrics that scale with audience size, per post for counts the platform reports per day), the
 * address's `?metric=&normalise=` read with safe defaults, and the percentiles as bars.
 */
import type { BarSpec } from '../../../../src/charts/spec.ts';
import type { CompareOut } from '../../../../src/contract/dashboards.ts';
import { normalisationsFor } from '../../../../src/core/compare/compare.ts';
import { getMetric, metricCatalogue } from '../../../../src/core/metrics/catalogue.ts';

export type CompareNormalise = CompareOut['normalise'];
export const DEFAULT_METRIC = 'reach';

/** Base metrics by name in the language (derived KPIs are not kept monthly, so they cannot be compared here). */
export function compareMetrics(language: 'nb' | 'en'): { key: string; name: string }[] {
  return metricCatalogue
    .map((m) => ({ key: m.key, name: m.name[language] }))
    .sort((a, b) => a.name.localeCompare(b.name, language === 'nb' ? 'nb' : 'en'));
}

/** The API's normalisations that apply to a metric, raw first. */
export function normalisationsOf(metric: string): CompareNormalise[] {
  const core = normalisationsFor(metric) ?? ['raw'];
  return core.map((n) => (n === 'per_1000_followers' ? 'per_follower' : n));
}

/** `?metric=` and `?normalise=` read: an unknown metric is the default one, a normalisation that does not apply is raw. */
export function readCompareParams(metric: string | null, normalise: string | null): { metric: string; normalise: CompareNormalise } {
  const m = metric && getMetric(metric) ? metric : DEFAULT_METRIC;
  const allowed = normalisationsOf(m);
  const n = allowed.find((x) => x === normalise) ?? 'raw';
  return { metric: m, normalise: n };
}

export const percentileKeys = ['p10', 'p25', 'p50', 'p75', 'p90'] as const;

/** A platform's percentiles of the normalised values as bars; null when no account is comparable. */
export function percentilesSpec(
  block: Pick<CompareOut['platforms'][number], 'percentiles'>,
  unit: BarSpec['unit'],
  texts: { title: string; description?: string; series: string; label(key: (typeof percentileKeys)[number]): string },
): BarSpec | null {
  const p = block.percentiles;
  if (!p) return null;
  return {
    kind: 'bar',
    title: texts.title,
    ...(texts.description ? { description: texts.description } : {}),
    unit,
    categories: percentileKeys.map((k) => ({ key: k, label: texts.label(k) })),
    series: [{ key: 'value', name: texts.series, values: percentileKeys.map((k) => p[k]) }],
  };
}

/**
 * The unit a normalised value is in: the metric's own for raw and per post; a count per 1000
 * followers is still drawn as a number (the column heading names the basis).
 */
export function normalisedUnit(metric: string): BarSpec['unit'] {
  return getMetric(metric)?.unit ?? 'count';
}

/** Ranks 1, 2, 3 … in the order given (the server ranks highest first; equal values share a rank). */
export function ranks(values: readonly number[]): number[] {
  const out: number[] = [];
  values.forEach((v, i) => {
    const prev = values[i - 1];
    out.push(i > 0 && prev === v ? out[i - 1]! : i + 1);
  });
  return out;
}
