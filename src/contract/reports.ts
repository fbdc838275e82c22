/**
 * Reports (issue #6): the annual report of an account, rolled up per unit and for the
 * organisation, and the monthly report (a month's evaluations of an account or a unit). The same
 * report object is shown as a web page and rendered as print-ready HTML, PDF, XLSX and CSV
 * (src/reports). An account's annual report is also a document the evaluator signs: the final
 * decision (continue, continue with changes, close) with the reasoning, beside the decision the
 * rules suggest and why.
 */
import { z } from 'zod';
import { Id, IdOrSlug, Locale, Timestamp } from './common.ts';
import { AgeGroup } from './accounts.ts';
import { AccountRef } from './coverage.ts';
import { EvaluationDecision, EvaluationDetail, EvaluationState, Month } from './evaluations.ts';
import { Day, GoalStatus, KpiStatus, Message, Text2 } from './goals.ts';
import { RankedPost, StatusCounts, UnitRef } from './overview.ts';

/** A calendar year as YYYY. */
export const Year = z
  .string()
  .regex(/^\d{4}$/, 'a year as YYYY')
  .meta({ example: '2025' });

export const annualDecisions = ['continue', 'continue_with_changes', 'close'] as const;
/** Continue the account as it is · continue with changes · close it. */
export const AnnualDecision = z.enum(annualDecisions);
export type AnnualDecision = z.infer<typeof AnnualDecision>;

/** Where an annual report stands as of today: signed; upcoming (the year has not ended); due (by 31 January of the next year); overdue. */
export const AnnualReportState = z.enum(['signed', 'upcoming', 'due', 'overdue']);
export type AnnualReportState = z.infer<typeof AnnualReportState>;

const PersonRef = z.object({ id: Id, name: z.string() });

/** Planned against documented resources. Documented: the monthly evaluations' hours and money spent. */
export const AnnualResources = z
  .object({
    /** The account's planned hours per month × the months it was in use in the year; null without a plan. */
    plannedHours: z.number().nullable(),
    /** Sum of the hours documented in the year's monthly evaluations; null when no month has hours. */
    documentedHours: z.number().nullable(),
    /** How many months have hours documented (of `monthsInUse`). */
    hoursMonths: z.number().int(),
    /** The yearly budget × monthsInUse / 12; null without a budget. */
    plannedMoneyNok: z.number().nullable(),
    documentedMoneyNok: z.number().nullable(),
    moneyMonths: z.number().int(),
    monthsInUse: z.number().int(),
  })
  .meta({ id: 'AnnualResources' });
export type AnnualResources = z.infer<typeof AnnualResources>;

/** One metric over the year: monthly values, the year against the year before, trend and seasonality. */
export const AnnualMetric = z
  .object({
    metric: z.string(),
    name: Text2,
    unit: z.string(),
    /** How months add up to the year: sum (reach, clicks), last (followers), mean (rates). */
    aggregation: z.enum(['sum', 'last', 'mean']),
    months: z.array(
      z.object({
        month: Month,
        /** null: not measured (no documented day in the month). */
        value: z.number().nullable(),
        previousYear: z.number().nullable(),
        documentedDays: z.number().int(),
        days: z.number().int(),
      }),
    ),
    /** The year's value by `aggregation`; null when not measured. */
    year: z.number().nullable(),
    previousYear: z.number().nullable(),
    /** (year − previousYear) / previousYear; null when either is not measured or previousYear is 0. */
    change: z.number().nullable(),
    /** Least-squares slope over the measured months, per month, and its direction (flat: under 2 % of the mean per month). */
    trend: z.object({ slopePerMonth: z.number().nullable(), direction: z.enum(['up', 'down', 'flat']).nullable() }),
    /** Months above and below the year's mean (seasonality): the peak and the low month; null with under 6 measured months. */
    seasonality: z.object({ peakMonth: Month.nullable(), lowMonth: Month.nullable(), peakIndex: z.number().nullable(), lowIndex: z.number().nullable() }),
  })
  .meta({ id: 'AnnualMetric' });
export type AnnualMetric = z.infer<typeof AnnualMetric>;

/** A content format (post type) ranked by a per-post metric: the best content formats. */
export const AnnualFormat = z
  .object({
    postType: z.string(),
    posts: z.number().int(),
    metric: z.string(),
    name: Text2,
    /** Mean and median of the metric over the format's posts that have it; null when none has. */
    mean: z.number().nullable(),
    median: z.number().nullable(),
  })
  .meta({ id: 'AnnualFormat' });

export const AnnualKpi = z
  .object({
    goal: z.object({ id: Id, qualitativeGoal: z.string(), status: GoalStatus }),
    kpi: z.object({ id: Id, name: Text2, unit: z.string(), comparator: z.enum(['at_least', 'at_most']), target: z.number().nullable() }),
    /** Where the target value came from, as the goal's author recorded it. */
    targetBasis: z.string().nullable(),
    status: KpiStatus,
    actual: z.number().nullable(),
    progress: z.number().nullable(),
  })
  .meta({ id: 'AnnualKpi' });

/** The monthly evaluation of one month of the year, as the annual report lists it. */
export const AnnualMonth = z
  .object({
    month: Month,
    evaluationId: Id.nullable(),
    state: EvaluationState.nullable(),
    decision: EvaluationDecision.nullable(),
    assessment: z.string(),
    adjustment: z.string(),
    signedBy: PersonRef.nullable(),
    hoursSpent: z.number().nullable(),
    moneySpentNok: z.number().nullable(),
  })
  .meta({ id: 'AnnualMonth' });

export const CostPerResult = z
  .object({
    metric: z.string(),
    name: Text2,
    /** The year's total of the result (clicks, leads, applicants…); null when not measured. */
    results: z.number().nullable(),
    moneyNok: z.number().nullable(),
    /** moneyNok / results; null when either is not measured or results is 0. */
    costPerResult: z.number().nullable(),
  })
  .meta({ id: 'CostPerResult' });

/** The rules' suggestion and each rule's finding, in words (key + params + English text). */
export const AnnualRecommendation = z
  .object({
    suggestion: AnnualDecision,
    findings: z.array(z.object({ rule: z.string(), triggered: z.boolean(), points: z.enum(['close', 'continue_with_changes', 'continue']), message: Message })),
  })
  .meta({ id: 'AnnualRecommendation' });
export type AnnualRecommendation = z.infer<typeof AnnualRecommendation>;

/** Everything the annual report says about one account's year; frozen into the report when signed. */
export const AnnualAccountFigures = z
  .object({
    year: Year,
    period: z.object({ start: Day, end: Day }),
    /** KPIs are evaluated as of the year's last day (or today while the year runs). */
    asOf: Day,
    computedAt: Timestamp,
    resources: AnnualResources,
    counts: StatusCounts,
    kpis: z.array(AnnualKpi),
    /** The metrics of the account's KPIs first, then the platform's core metrics. */
    metrics: z.array(AnnualMetric),
    formats: z.array(AnnualFormat),
    posts: z.array(z.object({ metric: z.string(), name: Text2, unit: z.string(), count: z.number().int(), best: z.array(RankedPost), weakest: z.array(RankedPost) })),
    audience: z.object({
      targetAgeGroups: z.array(AgeGroup),
      /** The newest audience snapshot in each month that has one. */
      snapshots: z.array(
        z.object({ day: Day, largestGroup: AgeGroup.nullable(), largestShare: z.number().nullable(), targetShare: z.number().nullable(), status: z.enum(['fit', 'misfit', 'broad', 'unknown']) }),
      ),
      fitMonths: z.number().int(),
      misfitMonths: z.number().int(),
    }),
    documentation: z.object({ documentedDays: z.number().int(), expectedDays: z.number().int() }),
    months: z.array(AnnualMonth),
    costPerResult: z.array(CostPerResult),
    recommendation: AnnualRecommendation,
  })
  .meta({ id: 'AnnualAccountFigures' });
export type AnnualAccountFigures = z.infer<typeof AnnualAccountFigures>;

export const AnnualReportEvent = z.object({
  at: Timestamp,
  person: PersonRef.nullable(),
  action: z.enum(['edited', 'signed', 'reopened']),
  reason: z.string().nullable(),
});

/** One account's annual report: the figures and the evaluator's decision. */
export const AnnualAccountReport = z
  .object({
    /** null: nothing written yet (no row); the figures are still computed. */
    id: Id.nullable(),
    account: AccountRef,
    unit: UnitRef,
    year: Year,
    status: z.enum(['draft', 'signed']),
    state: AnnualReportState,
    /** 31 January of the following year. */
    dueOn: Day,
    decision: AnnualDecision.nullable(),
    reasoning: z.string(),
    signedBy: PersonRef.nullable(),
    signedAt: Timestamp.nullable(),
    evaluators: z.array(PersonRef),
    figures: AnnualAccountFigures,
    figuresFrozen: z.boolean(),
    events: z.array(AnnualReportEvent),
    canWrite: z.boolean(),
    canReopen: z.boolean(),
  })
  .meta({ id: 'AnnualAccountReport' });
export type AnnualAccountReport = z.infer<typeof AnnualAccountReport>;

/** A row of the list of annual reports (no figures). */
export const AnnualReportSummary = AnnualAccountReport.pick({
  id: true,
  account: true,
  unit: true,
  year: true,
  status: true,
  state: true,
  dueOn: true,
  decision: true,
  signedBy: true,
  signedAt: true,
  evaluators: true,
}).meta({ id: 'AnnualReportSummary' });
export type AnnualReportSummary = z.infer<typeof AnnualReportSummary>;

export const ReportScope = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('account'), account: AccountRef, unit: UnitRef }),
    z.object({ kind: z.literal('unit'), unit: UnitRef }),
    z.object({ kind: z.literal('organisation'), name: z.string() }),
  ])
  .meta({ id: 'ReportScope' });
export type ReportScope = z.infer<typeof ReportScope>;

const DecisionCounts = z.object({ continue: z.number().int(), continue_with_changes: z.number().int(), close: z.number().int(), undecided: z.number().int() });

/** Totals over a set of accounts: a unit's or the organisation's roll-up. */
export const AnnualRollup = z
  .object({
    accounts: z.number().int(),
    counts: StatusCounts,
    resources: AnnualResources.omit({ monthsInUse: true }).extend({ accountMonthsInUse: z.number().int() }),
    /** The rules' suggestions and the evaluators' decisions (undecided: not signed). */
    suggestions: DecisionCounts.omit({ undecided: true }),
    decisions: DecisionCounts,
    audience: z.object({ fit: z.number().int(), misfit: z.number().int(), broad: z.number().int(), unknown: z.number().int() }),
    reports: z.object({ signed: z.number().int(), upcoming: z.number().int(), due: z.number().int(), overdue: z.number().int() }),
  })
  .meta({ id: 'AnnualRollup' });
export type AnnualRollup = z.infer<typeof AnnualRollup>;

export const AnnualReport = z
  .object({
    kind: z.literal('annual'),
    scope: ReportScope,
    year: Year,
    generatedAt: Timestamp,
    summary: AnnualRollup,
    /** Per child unit (unit and organisation scopes; empty for an account). */
    byUnit: z.array(z.object({ unit: UnitRef, summary: AnnualRollup })),
    accounts: z.array(AnnualAccountReport),
  })
  .meta({ id: 'AnnualReport' });
export type AnnualReport = z.infer<typeof AnnualReport>;

export const MonthlyReport = z
  .object({
    kind: z.literal('monthly'),
    scope: ReportScope,
    month: Month,
    generatedAt: Timestamp,
    /** Evaluations by state, and the KPI results of all of them by status. */
    states: z.object({ signed: z.number().int(), upcoming: z.number().int(), due: z.number().int(), overdue: z.number().int() }),
    counts: StatusCounts,
    /** Accounts in use in the month with no evaluation prepared. */
    missing: z.array(AccountRef),
    evaluations: z.array(EvaluationDetail.omit({ events: true, canWrite: true, canReopen: true })),
  })
  .meta({ id: 'MonthlyReport' });
export type MonthlyReport = z.infer<typeof MonthlyReport>;

export const ReportFormat = z.enum(['json', 'html', 'pdf', 'xlsx', 'csv']);
export type ReportFormat = z.infer<typeof ReportFormat>;

const ScopeQuery = {
  account: IdOrSlug.optional().describe('one account (id or slug)'),
  unit: IdOrSlug.optional().describe('a unit and everything below it (id or slug); neither: the whole organisation'),
  format: ReportFormat.default('json'),
  lang: Locale.default('nb').describe('the language of html, pdf, xlsx and csv'),
};

export const AnnualReportQuery = z.object({ ...ScopeQuery, year: Year });
export type AnnualReportQuery = z.infer<typeof AnnualReportQuery>;
export const MonthlyReportQuery = z.object({ ...ScopeQuery, month: Month });
export type MonthlyReportQuery = z.infer<typeof MonthlyReportQuery>;

export const AnnualReportListQuery = z.object({
  unit: IdOrSlug.optional(),
  year: Year,
  state: AnnualReportState.optional(),
});
export type AnnualReportListQuery = z.infer<typeof AnnualReportListQuery>;

export const AnnualReportList = z
  .object({
    year: Year,
    asOf: Day,
    counts: z.object({ signed: z.number().int(), upcoming: z.number().int(), due: z.number().int(), overdue: z.number().int() }),
    items: z.array(AnnualReportSummary),
  })
  .meta({ id: 'AnnualReportList' });
export type AnnualReportList = z.infer<typeof AnnualReportList>;

export const AnnualReportUpdateInput = z
  .object({ decision: AnnualDecision.nullable().optional(), reasoning: z.string().max(20_000).optional() })
  .meta({ id: 'AnnualReportUpdateInput' });
export type AnnualReportUpdateInput = z.infer<typeof AnnualReportUpdateInput>;

export const AnnualReportReopenInput = z.object({ reason: z.string().trim().min(1, 'say why it is reopened').max(2000) }).meta({ id: 'AnnualReportReopenInput' });
export type AnnualReportReopenInput = z.infer<typeof AnnualReportReopenInput>;

/** File names the API and the CLI give reports: maalbar-annual-2025-<scope>.pdf. */
export function reportFileName(kind: 'annual' | 'monthly', period: string, scope: ReportScope, format: Exclude<ReportFormat, 'json'>): string {
  const slug = scope.kind === 'account' ? scope.account.slug : scope.kind === 'unit' ? scope.unit.slug : 'organisation';
  return `maalbar-${kind}-${period}-${slug}.${format}`;
}
