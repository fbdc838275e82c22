/**
 * Monthly evaluations (issue #6): for every active account and month, a draft prepared on the
 * first day of the next month, written by the unit's named evaluators (assessment, decision,
 * adjustment), locked by signing, reopened only by a unit manager with a reason. While a draft,
 * its figures are computed from the documented statistics whenever it is read (late imports
 * show up); signing freezes them in the evaluation, so a signed evaluation keeps the numbers
 * it was signed on.
 */
import { z } from 'zod';
import { Id, IdOrSlug, Timestamp } from './common.ts';
import { AgeGroup } from './accounts.ts';
import { AccountRef, DayRange, DueStatus } from './coverage.ts';
import { Day, GoalStatus, KpiStatus, Text2 } from './goals.ts';
import { RankedPost, StatusCounts, UnitRef } from './overview.ts';

/** A month as YYYY-MM. */
export const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')
  .meta({ example: '2026-10' });

export const evaluationDecisions = ['keep', 'adjust_content', 'escalate'] as const;
/** keep as is · adjust the content (describe how) · escalate to the unit manager. */
export const EvaluationDecision = z.enum(evaluationDecisions);
export type EvaluationDecision = z.infer<typeof EvaluationDecision>;

export const EvaluationStatus = z.enum(['draft', 'signed']);
/** Where an evaluation stands as of today: signed, upcoming (the month has not ended), due (by its due day), overdue. */
export const EvaluationState = z.enum(['signed', 'upcoming', 'due', 'overdue']);
export type EvaluationState = z.infer<typeof EvaluationState>;

/** The month's figures, as the evaluator sees them. */
export const EvaluationFigures = z
  .object({
    month: Month,
    period: z.object({ start: Day, end: Day }),
    /** KPIs are evaluated as of the month's last day; the month before as of its last day. */
    asOf: Day,
    computedAt: Timestamp,
    counts: StatusCounts,
    kpis: z.array(
      z.object({
        goal: z.object({ id: Id, qualitativeGoal: z.string(), status: GoalStatus }),
        kpi: z.object({ id: Id, name: Text2, unit: z.string(), comparator: z.enum(['at_least', 'at_most']), target: z.number().nullable() }),
        status: KpiStatus,
        actual: z.number().nullable(),
        progress: z.number().nullable(),
        /** The KPI's status and actual as of the month before's last day (null status: not evaluated then, e.g. the goal had not started). */
        previousStatus: KpiStatus.nullable(),
        previousActual: z.number().nullable(),
        /** actual − previousActual; null when either is not measured. */
        change: z.number().nullable(),
      }),
    ),
    audience: z.object({
      status: z.enum(['fit', 'misfit', 'broad', 'unknown']),
      targetAgeGroups: z.array(AgeGroup),
      largestGroup: AgeGroup.nullable(),
      largestShare: z.number().nullable(),
      targetShare: z.number().nullable(),
      snapshotDay: Day.nullable(),
    }),
    /** Documentation of the month: documented and expected days, the gaps, and the watchdog's verdict now. */
    documentation: z.object({
      documentedDays: z.number().int(),
      expectedDays: z.number().int(),
      gaps: z.array(DayRange),
      due: DueStatus.nullable(),
    }),
    posts: z.array(z.object({ metric: z.string(), name: Text2, unit: z.string(), count: z.number().int(), best: z.array(RankedPost), weakest: z.array(RankedPost) })),
  })
  .meta({ id: 'EvaluationFigures' });
export type EvaluationFigures = z.infer<typeof EvaluationFigures>;

const PersonRef = z.object({ id: Id, name: z.string() });

export const EvaluationEvent = z
  .object({
    at: Timestamp,
    person: PersonRef.nullable(),
    action: z.enum(['prepared', 'edited', 'signed', 'reopened']),
    /** The reason given for reopening. */
    reason: z.string().nullable(),
  })
  .meta({ id: 'EvaluationEvent' });

export const EvaluationSummary = z
  .object({
    id: Id,
    account: AccountRef,
    unit: UnitRef,
    month: Month,
    status: EvaluationStatus,
    state: EvaluationState,
    /** The day it should be signed by (the 15th of the following month). */
    dueOn: Day,
    decision: EvaluationDecision.nullable(),
    signedBy: PersonRef.nullable(),
    signedAt: Timestamp.nullable(),
    /** The unit's named evaluators (granted on the unit or above). */
    evaluators: z.array(PersonRef),
    /** Counts of the KPI results as signed (null for drafts: see the evaluation itself). */
    counts: StatusCounts.nullable(),
  })
  .meta({ id: 'EvaluationSummary' });
export type EvaluationSummary = z.infer<typeof EvaluationSummary>;

export const EvaluationDetail = EvaluationSummary.extend({
  assessment: z.string(),
  adjustment: z.string(),
  /** Hours spent on the account in the month (null: not documented); summed in the annual report. */
  hoursSpent: z.number().nullable(),
  /** Money spent on the account in the month, NOK (null: not documented). */
  moneySpentNok: z.number().nullable(),
  figures: EvaluationFigures,
  /** True when the figures are frozen (signed); false when computed now. */
  figuresFrozen: z.boolean(),
  events: z.array(EvaluationEvent),
  canWrite: z.boolean(),
  canReopen: z.boolean(),
}).meta({ id: 'EvaluationDetail' });
export type EvaluationDetail = z.infer<typeof EvaluationDetail>;

export const EvaluationListQuery = z.object({
  unit: IdOrSlug.optional().describe('this unit and its sub-units (default: everything you may read)'),
  account: IdOrSlug.optional(),
  month: Month.optional().describe('one month (default: every month)'),
  state: EvaluationState.optional(),
});
export type EvaluationListQuery = z.infer<typeof EvaluationListQuery>;

export const EvaluationList = z
  .object({
    asOf: Day,
    counts: z.object({ signed: z.number().int(), upcoming: z.number().int(), due: z.number().int(), overdue: z.number().int() }),
    items: z.array(EvaluationSummary),
  })
  .meta({ id: 'EvaluationList' });
export type EvaluationList = z.infer<typeof EvaluationList>;

const Text = z.string().max(20_000);

const Resource = z.number().min(0, 'zero or more').max(1_000_000_000, 'too large').nullable().optional();

/** Saving a draft: any of the fields (null clears the resources spent). */
export const EvaluationUpdateInput = z
  .object({
    assessment: Text.optional(),
    decision: EvaluationDecision.nullable().optional(),
    adjustment: Text.optional(),
    hoursSpent: Resource.describe('hours spent on the account in the month'),
    moneySpentNok: Resource.describe('money spent on the account in the month, NOK'),
  })
  .meta({ id: 'EvaluationUpdateInput' });
export type EvaluationUpdateInput = z.infer<typeof EvaluationUpdateInput>;

export const EvaluationReopenInput = z.object({ reason: z.string().trim().min(1, 'say why it is reopened').max(2000) }).meta({ id: 'EvaluationReopenInput' });
export type EvaluationReopenInput = z.infer<typeof EvaluationReopenInput>;

export const EvaluationPrepareInput = z.object({ month: Month }).meta({ id: 'EvaluationPrepareInput' });
export const EvaluationPrepareOut = z.object({ month: Month, created: z.number().int(), existing: z.number().int() }).meta({ id: 'EvaluationPrepareOut' });
export type EvaluationPrepareOut = z.infer<typeof EvaluationPrepareOut>;
