/**
 * Dashboard data (issue #5, "Dashboards" and "Comparison"): a metric per unit, an account's
 * monthly series and the comparison of accounts, all read from the monthly rollups
 * (db/schema/rollups.ts). Periods in their URL form (contract/periods.ts). A value is null when
 * nothing is documented (never 0); coverage is the share of the period's days documented.
 */
import { z } from 'zod';
import { getMetric } from '../core/metrics/catalogue.ts';
import { Id, IdOrSlug } from './common.ts';
import { AccountRef } from './coverage.ts';
import { PlatformKey } from './accounts.ts';
import { PeriodParam, PeriodRange } from './periods.ts';

/** A base metric of the catalogue (derived KPIs are not kept monthly). */
export const DashboardMetric = z
  .string()
  .refine((m) => getMetric(m) !== undefined, 'a metric key of the catalogue (GET /catalogue)')
  .meta({ example: 'reach' });

export const MetricByUnitQuery = z.object({
  metric: DashboardMetric,
  period: PeriodParam,
  /** A unit (id or slug): it and its sub-units. Default: the whole organisation you may read. */
  unit: IdOrSlug.optional(),
});
export type MetricByUnitQuery = z.infer<typeof MetricByUnitQuery>;

export const SeriesQuery = z.object({ metric: DashboardMetric, period: PeriodParam });
export type SeriesQuery = z.infer<typeof SeriesQuery>;

export const CompareNormalise = z.enum(['raw', 'per_follower', 'per_post']);
export const CompareQuery = z.object({
  metric: DashboardMetric,
  period: PeriodParam,
  /** raw, per 1000 followers at the period's end, or per post published in the period. */
  normalise: CompareNormalise.default('raw'),
});
export type CompareQuery = z.infer<typeof CompareQuery>;

/** How a metric's months add up over a period (per the catalogue): total, last value, or mean of documented days. */
export const PeriodAggregation = z.enum(['sum', 'latest', 'mean']);

/** A value over some days with how much of them is documented. */
export const CoveredValue = z
  .object({
    /** null: nothing documented. */
    value: z.number().nullable(),
    /** Documented days (for a unit: account-days). */
    documented: z.number().int(),
    /** Days in the period (for a unit: × its accounts). */
    expected: z.number().int(),
    /** documented / expected, 0–1; null when nothing was expected (no accounts). */
    coverage: z.number().nullable(),
  })
  .meta({ id: 'CoveredValue' });
export type CoveredValue = z.infer<typeof CoveredValue>;

export const MonthValue = CoveredValue.extend({ month: z.string().meta({ example: '2026-03' }) }).meta({ id: 'MonthValue' });
export type MonthValue = z.infer<typeof MonthValue>;

/** The period and what it is compared with. */
export const DashboardPeriods = z
  .object({
    period: PeriodRange,
    /** null when the previous period is not whole months (a custom range's previous period is counted in days). */
    previous: PeriodRange.nullable(),
    sameLastYear: PeriodRange.nullable(),
  })
  .meta({ id: 'DashboardPeriods' });

export const UnitMetricRow = z
  .object({
    unit: z.object({ id: Id, slug: z.string(), name: z.string(), parentId: Id.nullable(), depth: z.number().int() }),
    /** Readable accounts in the unit and its sub-units whose platform reports the metric. */
    accounts: z.number().int(),
    months: z.array(MonthValue),
    total: CoveredValue,
    previous: CoveredValue.nullable(),
    sameLastYear: CoveredValue.nullable(),
  })
  .meta({ id: 'UnitMetricRow' });
export type UnitMetricRow = z.infer<typeof UnitMetricRow>;

export const MetricByUnitOut = z
  .object({
    metric: z.string(),
    aggregation: PeriodAggregation,
    /** How accounts add up within a unit: sums and latest values are added, means are averaged over accounts. */
    acrossAccounts: z.enum(['sum', 'mean']),
    periods: DashboardPeriods,
    /** Units top-down (each before its sub-units), those you may read. */
    units: z.array(UnitMetricRow),
  })
  .meta({ id: 'MetricByUnit' });
export type MetricByUnitOut = z.infer<typeof MetricByUnitOut>;

export const AccountSeriesOut = z
  .object({
    account: AccountRef,
    metric: z.string(),
    aggregation: PeriodAggregation,
    periods: DashboardPeriods,
    months: z.array(MonthValue),
    total: CoveredValue,
    previous: CoveredValue.nullable(),
    sameLastYear: CoveredValue.nullable(),
  })
  .meta({ id: 'AccountSeries' });
export type AccountSeriesOut = z.infer<typeof AccountSeriesOut>;

const Percentiles = z.object({ p10: z.number(), p25: z.number(), p50: z.number(), p75: z.number(), p90: z.number() });

export const CompareOut = z
  .object({
    metric: z.string(),
    aggregation: PeriodAggregation,
    normalise: CompareNormalise,
    basis: z.enum(['value', 'followers_at_end', 'posts_in_period']),
    per: z.number(),
    minCoverage: z.number(),
    higherIsBetter: z.boolean().nullable(),
    period: PeriodRange,
    platforms: z.array(
      z.object({
        platform: PlatformKey,
        n: z.number().int(),
        percentiles: Percentiles.nullable(),
        ranked: z.array(
          z.object({
            account: AccountRef,
            value: z.number(),
            normalised: z.number(),
            percentileRank: z.number(),
            coverage: z.number(),
            followersAtEnd: z.number().nullable(),
            posts: z.number().int().nullable(),
          }),
        ),
        notComparable: z.array(
          z.object({
            account: AccountRef,
            value: z.number().nullable(),
            coverage: z.number().nullable(),
            reason: z.enum(['not_measured', 'coverage_unknown', 'low_coverage', 'followers_not_measured', 'no_followers', 'posts_not_measured', 'no_posts']),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'AccountComparison' });
export type CompareOut = z.infer<typeof CompareOut>;
