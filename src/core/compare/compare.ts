/**
 * Comparing accounts on one metric over one period (issue #5, "Comparison and competitors"):
 * the internal benchmark behind target values. Pure: the caller has aggregated each account's
 * value over the period by the catalogue's aggregation (sum, latest, mean, rate; see
 * kpi/aggregate.ts) and passes it with the follower count at the period's end, the number of posts
 * published in the period and the period's coverage.
 *
 * Normalisation (where it matters, see `normalisationsFor`):
 * - `raw`: the value as aggregated (a total for sums, the last value for stocks, the rate itself);
 * - `per_1000_followers`: value / followers at the period's end × 1000, for metrics that scale
 *   with audience size (the catalogue's `perFollower`). Followers at the end, not the mean or the
 *   start: it is the one follower count every account has for any period and the one people see;
 * - `per_post`: value / posts published in the period, for counts a platform reports per day
 *   (sums from the platform's own statistics), posts_published itself excepted.
 *
 * Accounts are compared within their platform only (platforms count differently). An account is
 * not comparable, and is listed with the reason instead of being ranked, when its value is not
 * measured, its coverage is unknown or below `minCoverage`, or the normaliser is not measured or
 * zero. Never as 0. Percentiles and percentile ranks: see percentiles.ts (type 7, mid-rank).
 */
import { AppError } from '../errors.ts';
import { type Platform, platforms } from '../platforms.ts';
import { getMetric } from '../metrics/catalogue.ts';
import { getDerived } from '../metrics/derived.ts';
import type { Measured } from '../kpi/types.ts';
import { type Percentiles, percentileRankOfSorted, percentiles, sortedValues } from './percentiles.ts';

export const normalisations = ['raw', 'per_1000_followers', 'per_post'] as const;
export type Normalisation = (typeof normalisations)[number];

/** Default least share of the period's days that must be documented for an account to be ranked. */
export const DEFAULT_MIN_COVERAGE = 0.8;

export interface CompareAccountInput {
  accountId: string;
  platform: Platform;
  /** The metric over the period, aggregated per the catalogue; null when not measured. */
  value: number | null;
  followersAtEnd: number | null;
  /** Posts published in the period; null when not documented. */
  posts: number | null;
  /** Share (0–1) of the period documented for this metric; null when unknown. */
  coverage: number | null;
}

export const notComparableReasons = [
  'not_measured',
  'coverage_unknown',
  'low_coverage',
  'followers_not_measured',
  'no_followers',
  'posts_not_measured',
  'no_posts',
] as const;
export type NotComparableReason = (typeof notComparableReasons)[number];

export interface RankedAccount {
  accountId: string;
  value: number;
  /** The value after normalisation (equal to `value` for `raw`). */
  normalised: number;
  /** Mid-rank percentile rank within the platform, 0 < rank < 100. */
  percentileRank: number;
  coverage: number;
}

export interface NotComparableAccount {
  accountId: string;
  value: number | null;
  coverage: number | null;
  reason: NotComparableReason;
}

export interface PlatformBenchmark {
  platform: Platform;
  /** Accounts ranked (comparable). */
  n: number;
  /** p10…p90 of the normalised values of the ranked accounts; null when none is comparable. */
  percentiles: Percentiles | null;
  /** Highest normalised value first; ties in the order given. */
  ranked: RankedAccount[];
  notComparable: NotComparableAccount[];
}

export interface Comparison {
  metric: string;
  normalisation: Normalisation;
  /** What the normalised value is: the metric itself, per 1000 followers at the end, or per post. */
  basis: 'value' | 'followers_at_end' | 'posts_in_period';
  /** Multiplier of the basis: 1000 for per_1000_followers, else 1. */
  per: number;
  minCoverage: number;
  /** Higher percentile ranks mean higher values; whether that is better, per the catalogue (null: neither). */
  higherIsBetter: boolean | null;
  /** One entry per platform with at least one account given, in the platforms' order. */
  platforms: PlatformBenchmark[];
}

/**
 * An account's input from its value over the period as kpi/aggregate.ts measures it
 * (`windowValue`: sum, latest, mean or rate by the catalogue, with coverage).
 */
export function compareInputFrom(
  accountId: string,
  platform: Platform,
  measured: Pick<Measured, 'value' | 'coverage'>,
  followersAtEnd: number | null,
  posts: number | null,
): CompareAccountInput {
  return { accountId, platform, value: measured.value, followersAtEnd, posts, coverage: measured.coverage?.share ?? null };
}

/** The normalisations that make sense for a metric key (base or derived); undefined for an unknown key. */
export function normalisationsFor(metric: string): readonly Normalisation[] | undefined {
  const base = getMetric(metric);
  if (base) {
    const out: Normalisation[] = ['raw'];
    if (base.perFollower) out.push('per_1000_followers');
    if (base.aggregation === 'sum' && base.source === 'platform' && metric !== 'posts_published') out.push('per_post');
    return out;
  }
  return getDerived(metric) ? ['raw'] : undefined;
}

function finite(x: number | null): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

type Normalised = { ok: true; value: number } | { ok: false; reason: NotComparableReason };

function normalise(a: CompareAccountInput, value: number, how: Normalisation): Normalised {
  if (how === 'raw') return { ok: true, value };
  if (how === 'per_1000_followers') {
    if (!finite(a.followersAtEnd) || a.followersAtEnd < 0) return { ok: false, reason: 'followers_not_measured' };
    if (a.followersAtEnd === 0) return { ok: false, reason: 'no_followers' };
    return { ok: true, value: (value / a.followersAtEnd) * 1000 };
  }
  if (!finite(a.posts) || a.posts < 0) return { ok: false, reason: 'posts_not_measured' };
  if (a.posts === 0) return { ok: false, reason: 'no_posts' };
  return { ok: true, value: value / a.posts };
}

/**
 * Ranks the accounts on `metric` within each platform. Throws AppError('validation_failed') for an
 * unknown metric, a normalisation that does not apply to it, or a minCoverage outside [0, 1].
 */
export function compareAccounts(
  accounts: readonly CompareAccountInput[],
  options: { metric: string; normalisation: Normalisation; minCoverage?: number },
): Comparison {
  const { metric, normalisation } = options;
  const allowed = normalisationsFor(metric);
  if (!allowed) throw invalid('metric', `unknown metric "${metric}"`);
  if (!allowed.includes(normalisation)) {
    throw invalid('normalisation', `"${normalisation}" does not apply to ${metric}; use ${allowed.join(' or ')}`);
  }
  const minCoverage = options.minCoverage ?? DEFAULT_MIN_COVERAGE;
  if (!(minCoverage >= 0 && minCoverage <= 1)) throw invalid('minCoverage', 'must be between 0 and 1');

  const byPlatform = new Map<Platform, CompareAccountInput[]>();
  for (const a of accounts) {
    const list = byPlatform.get(a.platform) ?? [];
    list.push(a);
    byPlatform.set(a.platform, list);
  }

  const out: PlatformBenchmark[] = [];
  for (const platform of platforms) {
    const list = byPlatform.get(platform);
    if (!list) continue;
    const comparable: { a: CompareAccountInput; value: number; normalised: number; coverage: number }[] = [];
    const notComparable: NotComparableAccount[] = [];
    for (const a of list) {
      const value = finite(a.value) ? a.value : null;
      const coverage = finite(a.coverage) ? a.coverage : null;
      const refuse = (reason: NotComparableReason) => notComparable.push({ accountId: a.accountId, value, coverage, reason });
      if (value === null) refuse('not_measured');
      else if (coverage === null) refuse('coverage_unknown');
      else if (coverage < minCoverage) refuse('low_coverage');
      else {
        const n = normalise(a, value, normalisation);
        if (n.ok) comparable.push({ a, value, normalised: n.value, coverage });
        else refuse(n.reason);
      }
    }
    const sorted = sortedValues(comparable.map((c) => c.normalised));
    const ranked: RankedAccount[] = comparable
      .map((c) => ({
        accountId: c.a.accountId,
        value: c.value,
        normalised: c.normalised,
        percentileRank: percentileRankOfSorted(sorted, c.normalised) as number,
        coverage: c.coverage,
      }))
      .sort((x, y) => y.normalised - x.normalised);
    out.push({ platform, n: ranked.length, percentiles: percentiles(sorted), ranked, notComparable });
  }

  const base = getMetric(metric);
  return {
    metric,
    normalisation,
    basis: normalisation === 'raw' ? 'value' : normalisation === 'per_post' ? 'posts_in_period' : 'followers_at_end',
    per: normalisation === 'per_1000_followers' ? 1000 : 1,
    minCoverage,
    higherIsBetter: base ? base.higherIsBetter : (getDerived(metric)?.higherIsBetter ?? null),
    platforms: out,
  };
}

function invalid(path: string, message: string): AppError {
  return new AppError('validation_failed', message, [{ path, message }]);
}
