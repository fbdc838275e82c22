/**
 * Strategic goals, goals and KPIs: requests and responses. Shapes of computed results (SMART
 * check, KPI evaluation, attainability) mirror the pure core in core/goals and core/kpi.
 */
import { z } from 'zod';
import { Id, IdOrSlug, Name, Timestamp } from './common.ts';
import { AgeGroup, PlatformKey } from './accounts.ts';
import { goalTypes } from '../core/goals/templates.ts';
import { measurements } from '../core/metrics/derived.ts';
import { comparators } from '../core/kpi/types.ts';
import { kpiStatuses } from '../core/kpi/status.ts';
import { isDay } from '../core/period/days.ts';

export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').refine(isDay, 'a calendar day that exists');
export const GoalType = z.enum([...goalTypes, 'custom']);
export const goalStatuses = ['draft', 'active', 'achieved', 'missed', 'archived'] as const;
export const GoalStatus = z.enum(goalStatuses);
export const Measurement = z.enum(measurements);
export const Comparator = z.enum(comparators);
export const KpiStatus = z.enum(kpiStatuses);
export const targetBases = ['competitors', 'internal_accounts', 'vendor_insight', 'own_history', 'other'] as const;
export const TargetBasis = z.enum(targetBases);
export const Text2 = z.object({ nb: z.string(), en: z.string() });

/** A translatable message: stable key + parameters + English text (core/goals/messages.ts). */
export const Message = z
  .object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])), text: z.string() })
  .meta({ id: 'Message' });

// ---------------------------------------------------------------- strategic goals

export const StrategicGoalOut = z
  .object({
    id: Id,
    unitId: Id.nullable(),
    parentId: Id.nullable(),
    title: z.string(),
    description: z.string().nullable(),
    periodStart: Day.nullable(),
    periodEnd: Day.nullable(),
    archived: z.boolean(),
    goalCount: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'StrategicGoal' });
export type StrategicGoalOut = z.infer<typeof StrategicGoalOut>;

export const StrategicGoalCreateInput = z
  .object({
    title: Name,
    description: z.string().trim().max(4000).nullish(),
    /** A unit's breakdown (unit id or slug); omitted for an organisation-wide strategic goal. */
    unit: IdOrSlug.nullish(),
    /** The organisation-wide strategic goal this one breaks down. */
    parent: Id.nullish(),
    periodStart: Day.nullish(),
    periodEnd: Day.nullish(),
  })
  .meta({ id: 'StrategicGoalCreateInput' });
export type StrategicGoalCreateInput = z.infer<typeof StrategicGoalCreateInput>;

export const StrategicGoalUpdateInput = StrategicGoalCreateInput.partial()
  .extend({ archived: z.boolean().optional() })
  .meta({ id: 'StrategicGoalUpdateInput' });
export type StrategicGoalUpdateInput = z.infer<typeof StrategicGoalUpdateInput>;

// ---------------------------------------------------------------- KPIs

export const KpiInput = z
  .object({
    kind: z.enum(['metric', 'audience_share']).default('metric'),
    /** Catalogue or derived metric key (GET /metrics); omitted for audience-share KPIs. */
    metric: z.string().max(60).nullish(),
    ageGroups: z.array(AgeGroup).max(7).optional(),
    measurement: Measurement,
    comparator: Comparator.default('at_least'),
    target: z.number().finite().nullish(),
    baseline: z.number().finite().nullish(),
    targetBasis: TargetBasis.nullish(),
    targetBasisNote: z.string().trim().max(2000).nullish(),
  })
  .meta({ id: 'KpiInput' });
export type KpiInput = z.input<typeof KpiInput>;

export const KpiOut = z
  .object({
    id: Id,
    position: z.number().int(),
    kind: z.enum(['metric', 'audience_share']),
    metric: z.string().nullable(),
    ageGroups: z.array(AgeGroup),
    measurement: Measurement,
    comparator: Comparator,
    target: z.number().nullable(),
    baseline: z.number().nullable(),
    targetBasis: TargetBasis.nullable(),
    targetBasisNote: z.string().nullable(),
    /** Display name of the metric (or "audience share 18-24"), and the formula for derived KPIs. */
    name: Text2,
    formula: Text2.nullable(),
    unit: z.string(),
  })
  .meta({ id: 'Kpi' });
export type KpiOut = z.infer<typeof KpiOut>;

// ---------------------------------------------------------------- goals

const goalFields = {
  strategicGoal: Id.nullish(),
  goalType: GoalType,
  qualitativeGoal: Name,
  concreteGoal: z.string().trim().max(2000).nullish(),
  startDate: Day.nullish(),
  deadline: Day.nullish(),
  /** Person id or e-mail; defaults to the person creating the goal. */
  owner: z.string().max(200).nullish(),
};

export const GoalCreateInput = z
  .object({
    /** One account, or several accounts of one unit (a campaign): ids or slugs. */
    accounts: z.array(IdOrSlug).min(1, 'choose at least one account').max(50),
    ...goalFields,
    kpis: z.array(KpiInput).max(20).default([]),
  })
  .meta({ id: 'GoalCreateInput' });
export type GoalCreateInput = z.input<typeof GoalCreateInput>;

/** The wizard's live check accepts a goal still being written: the qualitative goal may be empty. */
export const GoalPreviewInput = GoalCreateInput.extend({ qualitativeGoal: z.string().trim().max(200).default('') }).meta({
  id: 'GoalPreviewInput',
});
export type GoalPreviewInput = z.input<typeof GoalPreviewInput>;

export const GoalUpdateInput = z
  .object({
    accounts: z.array(IdOrSlug).min(1).max(50).optional(),
    ...Object.fromEntries(Object.entries(goalFields).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof goalFields]: z.ZodOptional<(typeof goalFields)[K]>;
    },
    /** When given, replaces the goal's KPIs (in this order). */
    kpis: z.array(KpiInput).max(20).optional(),
  })
  .meta({ id: 'GoalUpdateInput' });
export type GoalUpdateInput = z.infer<typeof GoalUpdateInput>;

/** Change status; `active` is refused (listing what is missing) unless the goal may be activated. */
export const GoalStatusInput = z.object({ status: GoalStatus }).meta({ id: 'GoalStatusInput' });

const AccountRef = z.object({ id: Id, slug: z.string(), name: z.string(), platform: PlatformKey });

export const GoalOut = z
  .object({
    id: Id,
    unitId: Id,
    strategicGoalId: Id.nullable(),
    goalType: GoalType,
    qualitativeGoal: z.string(),
    concreteGoal: z.string().nullable(),
    startDate: Day.nullable(),
    deadline: Day.nullable(),
    status: GoalStatus,
    owner: z.object({ id: Id, name: z.string() }).nullable(),
    accounts: z.array(AccountRef),
    kpis: z.array(KpiOut),
    activatedAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Goal' });
export type GoalOut = z.infer<typeof GoalOut>;

export const GoalFilter = z.object({
  unit: IdOrSlug.optional().describe('unit id or slug; includes its sub-units'),
  account: IdOrSlug.optional(),
  strategicGoal: Id.optional(),
  status: GoalStatus.optional(),
});
export type GoalFilter = z.infer<typeof GoalFilter>;

// ---------------------------------------------------------------- computed results

export const SmartCheck = z
  .object({
    items: z.array(
      z.object({
        letter: z.enum(['specific', 'measurable', 'attainable', 'relevant', 'time_bound']),
        status: z.enum(['ok', 'warning', 'missing', 'unknown']),
        messages: z.array(Message),
      }),
    ),
    complete: z.boolean(),
  })
  .meta({ id: 'SmartCheck' });

export const ActivationCheck = z.object({ ok: z.boolean(), missing: z.array(Message) }).meta({ id: 'ActivationCheck' });

const Band = z.object({ date: Day, mean: z.number(), lower: z.number(), upper: z.number() });

export const Attainability = z
  .object({
    verdict: z.enum(['likely', 'uncertain', 'unlikely', 'insufficient_history']),
    message: Message,
    targetPosition: z.enum(['below', 'inside', 'above']).nullable(),
    projection: z.object({ mean: z.number(), lower: z.number(), upper: z.number() }).nullable(),
    model: z.string().nullable(),
    neededPerStep: z.number().nullable(),
    shownPerStep: z.number().nullable(),
    neededPerMonthPercent: z.number().nullable(),
    shownPerMonthPercent: z.number().nullable(),
    step: z.enum(['day', 'month']),
    /** The history the forecast rests on, and the forecast band to the deadline, for the chart. */
    history: z.array(z.object({ date: Day, value: z.number() })),
    band: z.array(Band),
  })
  .meta({ id: 'Attainability' });
export type Attainability = z.infer<typeof Attainability>;

export const KpiEvaluation = z
  .object({
    kpiId: Id.nullable(),
    accountId: Id,
    asOf: Day,
    actual: z.number().nullable(),
    target: z.number().nullable(),
    status: KpiStatus,
    progress: z.number().nullable(),
    pace: z.number().nullable(),
    paceLine: z.object({ from: z.object({ date: Day, value: z.number() }), to: z.object({ date: Day, value: z.number() }) }).nullable(),
    baseline: z.number().nullable(),
    final: z.boolean(),
    coverage: z.object({ kind: z.string(), documented: z.number(), total: z.number(), share: z.number() }).nullable(),
    /** Where the number came from: the values used (capped) and notes. */
    trace: z.object({
      used: z.array(z.object({ metric: z.string(), date: Day, value: z.number(), postId: z.string().optional(), ageGroup: z.string().optional() })),
      usedCount: z.number().int(),
      notes: z.array(z.object({ code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })),
    }),
    attainability: Attainability.nullable(),
  })
  .meta({ id: 'KpiEvaluation' });
export type KpiEvaluation = z.infer<typeof KpiEvaluation>;

export const GoalDetail = GoalOut.extend({
  strategicGoal: z.object({ id: Id, title: z.string() }).nullable(),
  unit: z.object({ id: Id, slug: z.string(), name: z.string() }),
  smart: SmartCheck,
  activation: ActivationCheck,
  /** One evaluation per KPI and account, as of `asOf` (today unless ?at= is given). */
  evaluations: z.array(KpiEvaluation),
  canEdit: z.boolean(),
}).meta({ id: 'GoalDetail' });
export type GoalDetail = z.infer<typeof GoalDetail>;

/** The wizard's live check of an unsaved goal. */
export const GoalPreview = z
  .object({
    smart: SmartCheck,
    activation: ActivationCheck,
    kpis: z.array(z.object({ index: z.number().int(), attainability: Attainability.nullable(), issues: z.array(z.object({ path: z.string(), message: z.string() })) })),
  })
  .meta({ id: 'GoalPreview' });
export type GoalPreview = z.infer<typeof GoalPreview>;

export const TargetSuggestions = z
  .object({
    suggestions: z.array(
      z.object({
        basis: z.enum(['own_history', 'internal_accounts']),
        statistic: z.enum(['median', 'upper_quartile', 'lower_quartile']),
        value: z.number(),
        n: z.number().int(),
        normalisedPerFollower: z.boolean(),
        label: Message,
      }),
    ),
    notes: z.array(Message),
    /**
     * Competitors' values as a target basis (services/competitors/competitor-target-basis.ts):
     * each competitor's latest figure of the metric on the account's platform and their median.
     * Only for KPIs that public figures can inform: followers, engagement rate by post (not per
     * post), and monthly totals (only monthly figures) against a per-month KPI. Null otherwise,
     * and when no competitor of the account's unit has a figure.
     */
    competitors: z
      .object({
        values: z.array(z.object({ competitorId: Id, name: z.string(), value: z.number(), day: Day })),
        median: z.number().nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'TargetSuggestions' });
export type TargetSuggestions = z.infer<typeof TargetSuggestions>;

/** `GET /accounts/{account}/kpis`: every KPI of the account's goals evaluated at a date. */
export const AccountKpis = z
  .array(z.object({ goal: z.object({ id: Id, qualitativeGoal: z.string(), status: GoalStatus }), kpi: KpiOut, evaluation: KpiEvaluation }))
  .meta({ id: 'AccountKpis' });
export type AccountKpis = z.infer<typeof AccountKpis>;

// ---------------------------------------------------------------- catalogue

export const MetricInfo = z
  .object({
    key: z.string(),
    kind: z.enum(['base', 'derived']),
    name: Text2,
    definition: Text2.nullable(),
    formula: Text2.nullable(),
    unit: z.string(),
    aggregation: z.string().nullable(),
    higherIsBetter: z.boolean().nullable(),
    platforms: z.array(PlatformKey),
    measurements: z.array(Measurement),
  })
  .meta({ id: 'MetricInfo' });
export type MetricInfo = z.infer<typeof MetricInfo>;

export const GoalTemplateOut = z
  .object({
    key: GoalType,
    name: Text2,
    description: Text2,
    /** The KPIs suggested for the given platform (only metrics that platform provides). */
    kpis: z.array(z.object({ metric: z.string(), measurement: Measurement, comparator: Comparator })),
    related: z.array(z.string()),
  })
  .meta({ id: 'GoalTemplate' });
export type GoalTemplateOut = z.infer<typeof GoalTemplateOut>;

// ---------------------------------------------------------------- query parameters

/** `?at=YYYY-MM-DD`: evaluate as of this day (default: today). */
export const AsOfQuery = z.object({ at: Day.optional().describe('evaluate as of this day (YYYY-MM-DD); default today') });
export type AsOfQuery = z.infer<typeof AsOfQuery>;

/** `?platform=`: only what this platform provides. */
export const CatalogueQuery = z.object({ platform: PlatformKey.optional().describe('only what this platform provides') });
export type CatalogueQuery = z.infer<typeof CatalogueQuery>;

export const TargetSuggestionQuery = z.object({
  metric: z.string().min(1).max(60).describe('catalogue or derived metric key'),
  measurement: Measurement,
});
export type TargetSuggestionQuery = z.infer<typeof TargetSuggestionQuery>;
