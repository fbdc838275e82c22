/**
 * Where accounts stand against their goals (issue #5, "Dashboards"): the organisation → unit →
 * account drill-down with KPI status tiles and the accounts needing attention, and one account's
 * dashboard. KPI results are those of active goals, evaluated by the core's engine as of the
 * period's last day (or today, when the period has not ended), and counted per KPI and account
 * (a goal with three KPIs on two accounts gives six results).
 */
import { z } from 'zod';
import { Id, IdOrSlug } from './common.ts';
import { AgeGroup } from './accounts.ts';
import { AccountRef, AudienceFitOut, Cadence, DueItem, DueStatus } from './coverage.ts';
import { DashboardPeriods } from './dashboards.ts';
import { AccountKpis, Day, KpiStatus, Text2 } from './goals.ts';
import { PeriodParam } from './periods.ts';

export const OverviewQuery = z.object({
  /** A unit (id or slug): it and everything below. Default: the whole organisation you may read. */
  unit: IdOrSlug.optional(),
  /** The period in its URL form (2026-10, 2026-Q3, 2026, 2026-01-01..2026-03-31). Default: the running month. */
  period: PeriodParam.optional(),
});
export type OverviewQuery = z.infer<typeof OverviewQuery>;

export const AccountDashboardQuery = z.object({ period: PeriodParam.optional() });
export type AccountDashboardQuery = z.infer<typeof AccountDashboardQuery>;

/** KPI results by status: one per KPI and account. */
export const StatusCounts = z
  .object({
    met: z.number().int(),
    on_track: z.number().int(),
    at_risk: z.number().int(),
    missed: z.number().int(),
    not_measured: z.number().int(),
  })
  .meta({ id: 'StatusCounts' });
export type StatusCounts = z.infer<typeof StatusCounts>;

export const UnitRef = z.object({ id: Id, slug: z.string(), name: z.string() }).meta({ id: 'UnitRef' });
export type UnitRef = z.infer<typeof UnitRef>;

const KpiRef = z.object({ goalId: Id, kpiId: Id, name: Text2 });

/** Why an account needs attention. */
export const AttentionReason = z
  .discriminatedUnion('kind', [
    /** KPIs whose result is missed. */
    z.object({ kind: z.literal('missed_kpis'), count: z.number().int(), kpis: z.array(KpiRef) }),
    /** KPIs behind their pace (at risk). */
    z.object({ kind: z.literal('at_risk_kpis'), count: z.number().int(), kpis: z.array(KpiRef) }),
    /** The largest age group of the newest audience snapshot is not one of the target groups. */
    z.object({
      kind: z.literal('audience_misfit'),
      largestGroup: AgeGroup,
      largestShare: z.number(),
      targetAgeGroups: z.array(AgeGroup),
      snapshotDay: Day,
    }),
    /** Undocumented days about to leave (or gone from) the platform's history window: the due watchdog's verdict. */
    z.object({
      kind: z.literal('documentation_gap'),
      status: DueStatus.exclude(['ok']),
      cadence: Cadence,
      toCoverDays: z.number().int(),
      lostDays: z.number().int(),
      leavesWindowOn: Day.nullable(),
      daysUntilLost: z.number().int().nullable(),
    }),
    /** Monthly evaluations still unsigned after their due day (the 15th of the following month), oldest first. */
    z.object({ kind: z.literal('overdue_evaluations'), count: z.number().int(), months: z.array(z.string().meta({ example: '2026-10' })) }),
  ])
  .meta({ id: 'AttentionReason' });
export type AttentionReason = z.infer<typeof AttentionReason>;

export const OverviewAccount = z
  .object({
    account: AccountRef,
    unit: UnitRef,
    counts: StatusCounts,
    /** The worst KPI status (missed < at_risk < not_measured < on_track < met); null without KPIs. */
    worst: KpiStatus.nullable(),
    audienceFit: AudienceFitOut.shape.status,
    due: DueStatus.nullable(),
    reasons: z.array(AttentionReason),
  })
  .meta({ id: 'OverviewAccount' });
export type OverviewAccount = z.infer<typeof OverviewAccount>;

export const OverviewUnit = z
  .object({
    unit: UnitRef.extend({ parentId: Id.nullable() }),
    /** Active and paused accounts in the unit and below that you may read. */
    accounts: z.number().int(),
    counts: StatusCounts,
    /** Accounts with at least one attention reason. */
    needingAttention: z.number().int(),
    misfits: z.number().int(),
    gaps: z.number().int(),
  })
  .meta({ id: 'OverviewUnit' });
export type OverviewUnit = z.infer<typeof OverviewUnit>;

export const OverviewOut = z
  .object({
    /** The day the KPIs are evaluated as of: the period's last day, or today if that is later. */
    asOf: Day,
    periods: DashboardPeriods,
    /** The unit shown (null: the organisation) and the units above it, top down, for breadcrumbs. */
    scope: z.object({ unit: UnitRef.nullable(), ancestors: z.array(UnitRef) }),
    /** Totals for the scope. */
    totals: OverviewUnit.omit({ unit: true }).extend({ goals: z.number().int() }),
    /** The units directly below the scope (at the organisation: the top units), each with everything below it. */
    children: z.array(OverviewUnit),
    /** Accounts placed directly in the scope unit (at the organisation: in top units without sub-units are not repeated here). */
    accounts: z.array(OverviewAccount),
    /** Accounts in the scope and below with at least one reason, the most urgent first (missed, overdue gap, overdue evaluation, misfit, at risk, due gap). */
    attention: z.array(OverviewAccount),
    /** How many accounts need attention in all (attention is capped at 100). */
    attentionTotal: z.number().int(),
  })
  .meta({ id: 'Overview' });
export type OverviewOut = z.infer<typeof OverviewOut>;

/** A post ranked by one of the goal's metrics. */
export const RankedPost = z
  .object({
    postId: Id,
    platformPostId: z.string(),
    publishedOn: Day,
    postType: z.string().nullable(),
    permalink: z.string().nullable(),
    excerpt: z.string().nullable(),
    value: z.number(),
  })
  .meta({ id: 'RankedPost' });
export type RankedPost = z.infer<typeof RankedPost>;

export const AccountDashboardOut = z
  .object({
    account: AccountRef.extend({ status: z.string() }),
    unit: UnitRef,
    asOf: Day,
    periods: DashboardPeriods,
    counts: StatusCounts,
    /** Every KPI of the account's active goals evaluated as of asOf, with pace line, history and forecast band. */
    kpis: AccountKpis,
    /** For each per-post metric of the goals' KPIs: the best and weakest posts published in the period (up to 5 each). */
    posts: z.array(
      z.object({
        metric: z.string(),
        name: Text2,
        unit: z.string(),
        /** Posts published in the period with a value for the metric. */
        count: z.number().int(),
        best: z.array(RankedPost),
        weakest: z.array(RankedPost),
      }),
    ),
    audience: AudienceFitOut,
    /** The due watchdog's item for the account (null when its platform has no history window to watch). */
    due: DueItem.nullable(),
    /** The newest documented day of any account-level value, and how many days before asOf that is. */
    freshness: z.object({ lastDocumented: Day.nullable(), daysSince: z.number().int().nullable() }),
  })
  .meta({ id: 'AccountDashboard' });
export type AccountDashboardOut = z.infer<typeof AccountDashboardOut>;
