/**
 * A metric's value over a window of days, with coverage and trace. Missing days are never
 * zeros: sums add the documented days and report coverage (days documented / days in window);
 * ratios of two sums use only the days on which both are documented ("paired days"), so a gap
 * in one input cannot bias the rate. Derived KPIs follow the definitions in metrics/derived.ts.
 */
import { getMetric } from '../metrics/catalogue.ts';
import { getDerived } from '../metrics/derived.ts';
import type { Platform } from '../platforms.ts';
import { daysBetween } from '../period/days.ts';
import { type Period, periodLength, previousPeriod } from '../period/periods.ts';
import {
  type Dataset,
  type DayValue,
  FOLLOWER_LOOKBACK_DAYS,
  documentedDays,
  followersOn,
} from './dataset.ts';
import * as f from './formulas.ts';
import { perPostValue } from './per-post.ts';
import { type Measured, type TraceItem, coverage, notMeasured } from './types.ts';

const sumOf = (xs: readonly DayValue[]): number => xs.reduce((a, x) => a + x.value, 0);
const usedOf = (...lists: (readonly DayValue[])[]): TraceItem[] => lists.flat().flatMap((x) => x.used);

/** Σ over documented days of a base metric (the building block of every window value). */
export function windowSum(ds: Dataset, metric: string, window: Period, platform: Platform): Measured {
  const days = documentedDays(ds, metric, window, platform);
  if (days.length === 0) return notMeasured('no_data', { metric });
  const cov = coverage('days', days.length, periodLength(window));
  return { value: sumOf(days), coverage: cov, used: usedOf(days), notes: [] };
}

/** Sums of several metrics over the days on which all of them are documented. */
function pairedSums(ds: Dataset, metrics: readonly string[], window: Period, platform: Platform) {
  const series = metrics.map((m) => new Map(documentedDays(ds, m, window, platform).map((d) => [d.date, d])));
  const first = series[0] ?? new Map<string, DayValue>();
  const days = [...first.keys()].filter((day) => series.every((s) => s.has(day)));
  const sums = series.map((s) => days.reduce((a, day) => a + (s.get(day)?.value ?? 0), 0));
  const used = days.flatMap((day) => series.flatMap((s) => s.get(day)?.used ?? []));
  return { days: days.length, sums, used, cov: coverage('days', days.length, periodLength(window)) };
}

function ratioOverPairedDays(
  ds: Dataset,
  metrics: readonly string[],
  window: Period,
  platform: Platform,
  compute: (sums: number[], days: number) => number | null,
): Measured {
  const p = pairedSums(ds, metrics, window, platform);
  if (p.days === 0) return notMeasured('no_paired_days', { metrics: metrics.join(',') });
  const value = compute(p.sums, p.days);
  return { value, coverage: p.cov, used: p.used, notes: value === null ? [{ code: 'zero_denominator' }] : [] };
}

/** A base metric over the window by its aggregation (catalogue.ts). */
export function baseWindowValue(ds: Dataset, metric: string, window: Period, platform: Platform): Measured {
  const def = getMetric(metric);
  if (!def) return notMeasured('unknown_metric', { metric });
  const days = documentedDays(ds, metric, window, platform);
  const cov = coverage('days', days.length, periodLength(window));
  switch (def.aggregation) {
    case 'sum':
      return windowSum(ds, metric, window, platform);
    case 'latest': {
      const last = days.at(-1);
      if (!last) return notMeasured('no_data', { metric });
      const notes = [{ code: 'latest_value', params: { date: last.date } }];
      return { value: last.value, coverage: cov, used: last.used, notes };
    }
    case 'mean':
    case 'rate': {
      if (def.ratio) {
        const { numerator, denominator, factor } = def.ratio;
        const r = ratioOverPairedDays(ds, [numerator, denominator], window, platform, ([n = 0, d = 0]) =>
          d > 0 && n >= 0 ? (n * factor) / d : null,
        );
        if (r.value !== null) return { ...r, notes: [{ code: 'ratio_of_sums', params: { numerator, denominator } }] };
      }
      if (days.length === 0) return notMeasured('no_data', { metric });
      return { value: sumOf(days) / days.length, coverage: cov, used: usedOf(days), notes: [{ code: 'mean_of_days' }] };
    }
  }
}

/** Followers at a period's start: the count on its first day or the latest shortly before; else the first in the period. */
export function followersAtStart(ds: Dataset, window: Period, platform: Platform): DayValue | null {
  return followersOn(ds, window.start, platform) ?? documentedDays(ds, 'followers', window, platform)[0] ?? null;
}

/** A derived KPI over the window (metrics/derived.ts gives each one's period definition). */
export function derivedWindowValue(ds: Dataset, key: string, window: Period, platform: Platform): Measured {
  switch (key) {
    case 'engagement_rate_reach':
    case 'engagement_rate_post':
      return perPostValue(ds, key, window, platform);
    case 'engagement_rate_impressions':
    case 'click_through_rate': {
      const inputs = key === 'click_through_rate' ? ['link_clicks', 'impressions'] : ['engagements', 'impressions'];
      const rate = key === 'click_through_rate' ? f.clickThroughRate : f.engagementRateByImpressions;
      const daily = ratioOverPairedDays(ds, inputs, window, platform, ([n, d]) => rate(n, d));
      if (daily.coverage) return daily;
      const fromPosts = perPostValue(ds, key, window, platform, 'ratio_of_sums');
      return fromPosts.value === null ? daily : fromPosts;
    }
    case 'daily_engagement_rate': {
      const eng = documentedDays(ds, 'engagements', window, platform);
      const fol = documentedDays(ds, 'followers', window, platform);
      if (eng.length === 0) return notMeasured('no_data', { metric: 'engagements' });
      if (fol.length === 0) return notMeasured('no_data', { metric: 'followers' });
      const meanFollowers = sumOf(fol) / fol.length;
      const value = f.periodDailyEngagementRate(sumOf(eng), eng.length, meanFollowers);
      return {
        value,
        coverage: coverage('days', eng.length, periodLength(window)),
        used: usedOf(eng, fol),
        notes: [{ code: 'followers_mean', params: { followers: meanFollowers, days: eng.length } }],
      };
    }
    case 'audience_growth_rate': {
      const first = followersAtStart(ds, window, platform);
      const last = documentedDays(ds, 'followers', window, platform).at(-1);
      if (!first || !last || daysBetween(first.date, last.date) <= 0) return notMeasured('need_two_follower_counts');
      const value = f.audienceGrowthRateFromCounts(first.value, last.value);
      return {
        value,
        coverage: coverage('days', documentedDays(ds, 'followers', window, platform).length, periodLength(window)),
        used: usedOf([first, last]),
        notes: [
          { code: 'growth_between', params: { from: first.date, to: last.date, lookbackDays: FOLLOWER_LOOKBACK_DAYS } },
        ],
      };
    }
    case 'share_of_voice':
      return ratioOverPairedDays(ds, ['mentions', 'competitor_mentions'], window, platform, ([o, c]) =>
        f.shareOfVoice(o, c),
      );
    case 'conversion_rate':
      return ratioOverPairedDays(ds, ['conversions', 'link_clicks'], window, platform, ([c, k]) => f.conversionRate(c, k));
    case 'net_sentiment':
      return ratioOverPairedDays(
        ds,
        ['sentiment_positive', 'sentiment_negative', 'sentiment_neutral'],
        window,
        platform,
        ([p = 0, n = 0, u = 0]) => f.netSentiment(p, n, p + n + u),
      );
    case 'viewer_development':
      return viewerDevelopmentValue(ds, window, previousPeriod(window), platform);
    default: {
      const def = getDerived(key);
      if (def && key.startsWith('cost_per_')) {
        const [spendKey = 'spend_nok', resultKey = ''] = def.inputs;
        const spend = windowSum(ds, spendKey, window, platform);
        const results = windowSum(ds, resultKey, window, platform);
        if (spend.value === null) return notMeasured('no_data', { metric: spendKey });
        if (results.value === null) return notMeasured('no_data', { metric: resultKey });
        const value = f.costPerResult(spend.value, results.value);
        return {
          value,
          coverage: results.coverage,
          used: [...spend.used, ...results.used],
          notes: value === null ? [{ code: 'zero_denominator' }] : [{ code: 'sums_of_documented_days' }],
        };
      }
      return notMeasured('unknown_metric', { metric: key });
    }
  }
}

/**
 * Viewer development: views per documented day in `window` against views per documented day in
 * `before` (by default the equally long period just before; for a goal, the period of the
 * goal's length before it starts). Per documented day, so gaps and unequal lengths do not bias it.
 */
export function viewerDevelopmentValue(ds: Dataset, window: Period, before: Period, platform: Platform): Measured {
  const current = documentedDays(ds, 'views', window, platform);
  const previous = documentedDays(ds, 'views', before, platform);
  if (current.length === 0 || previous.length === 0) {
    return notMeasured('need_both_periods', { previousStart: before.start, previousEnd: before.end });
  }
  const value = f.viewerDevelopment(sumOf(current) / current.length, sumOf(previous) / previous.length);
  return {
    value,
    coverage: coverage('days', current.length, periodLength(window)),
    used: usedOf(previous, current),
    notes: [{ code: 'compared_with', params: { start: before.start, end: before.end, previousDays: previous.length } }],
  };
}

/** Any KPI metric (base or derived) over the window. */
export function windowValue(ds: Dataset, metric: string, window: Period, platform: Platform): Measured {
  const value = getMetric(metric) ? baseWindowValue : derivedWindowValue;
  return value(ds, metric, window, platform);
}

/** Per documented day: sums per documented day; other base metrics and derived KPIs as over the window. */
export function perDayValue(ds: Dataset, metric: string, window: Period, platform: Platform): Measured {
  const def = getMetric(metric);
  if (def?.aggregation === 'sum') {
    const s = windowSum(ds, metric, window, platform);
    if (s.value === null || !s.coverage) return s;
    const days = s.coverage.documented;
    return { ...s, value: s.value / days, notes: [{ code: 'per_documented_day', params: { days } }] };
  }
  return windowValue(ds, metric, window, platform);
}
