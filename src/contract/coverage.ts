/**
 * Coverage of documented statistics: the coverage calendar of an account, the platforms' history
 * windows (defaults and an organisation's overrides), the "due" list of undocumented days about
 * to leave a platform's window, and audience fit. Shared by the server (validation + OpenAPI),
 * the web client and the CLI (`maalbar due --json` prints DueList).
 */
import { z } from 'zod';
import { Id, IdOrSlug, Timestamp } from './common.ts';
import { AgeGroup, PlatformKey } from './accounts.ts';
import { Day } from './statistics.ts';
import { MAX_WINDOW_DAYS } from '../core/coverage/history-windows.ts';

/** Text for people in both languages. */
export const LocalText = z.object({ nb: z.string(), en: z.string() });
/** `[from, to]`, both days included. */
export const DayRange = z.tuple([Day, Day]).meta({ id: 'DayRange' });
export const Cadence = z.enum(['daily', 'monthly']);

export const AccountRef = z.object({ id: Id, slug: z.string(), name: z.string(), platform: PlatformKey });

// ---- history windows -------------------------------------------------------------------------

export const HistoryWindowOut = z
  .object({
    platform: PlatformKey,
    cadence: Cadence,
    /** The window in force, in days back from yesterday; null: the platform keeps everything. */
    days: z.number().int().nullable(),
    defaultDays: z.number().int().nullable(),
    /** The organisation's override, or null when the default applies. */
    override: z
      .object({
        days: z.number().int(),
        note: z.string().nullable(),
        updatedBy: z.object({ id: Id, name: z.string() }).nullable(),
        updatedAt: Timestamp,
      })
      .nullable(),
    coreMetrics: z.array(z.string()),
    exportName: LocalText,
    instruction: LocalText,
    /** Where the default comes from. */
    basis: LocalText,
  })
  .meta({ id: 'HistoryWindow' });
export type HistoryWindowOut = z.infer<typeof HistoryWindowOut>;

export const HistoryWindowIn = z
  .object({
    days: z.number().int().min(1).max(MAX_WINDOW_DAYS),
    note: z.string().trim().max(1000).nullish(),
  })
  .meta({ id: 'HistoryWindowInput' });
export type HistoryWindowIn = z.infer<typeof HistoryWindowIn>;

export const PlatformParams = z.object({ platform: PlatformKey });

// ---- coverage calendar -----------------------------------------------------------------------

export const CoverageQuery = z.object({
  from: Day.optional().describe('first day (default: 365 days up to `to`)'),
  to: Day.optional().describe('last day (default: yesterday)'),
});
export type CoverageQuery = z.infer<typeof CoverageQuery>;

/** Longest calendar one request returns (ten years), to keep the answer bounded. */
export const MAX_COVERAGE_DAYS = 3660;

export const MetricCoverageOut = z.object({
  metric: z.string(),
  provided: z.boolean(),
  documentedDays: z.number().int(),
  documented: z.array(DayRange),
  gaps: z.array(DayRange),
  firstDay: Day.nullable(),
  lastDay: Day.nullable(),
});

export const CoverageOut = z
  .object({
    account: AccountRef,
    cadence: Cadence,
    from: Day,
    to: Day,
    days: z.number().int(),
    providedMetrics: z.number().int(),
    metrics: z.array(MetricCoverageOut),
    /** perDay[i]: how many metrics are documented on day `from + i`. */
    perDay: z.array(z.number().int()),
  })
  .meta({ id: 'Coverage' });
export type CoverageOut = z.infer<typeof CoverageOut>;

// ---- due -------------------------------------------------------------------------------------

export const DueStatus = z.enum(['overdue', 'due', 'ok']);

export const DueQuery = z.object({
  unit: IdOrSlug.optional().describe('only accounts of this unit and its sub-units'),
  account: IdOrSlug.optional().describe('only this account (the account page)'),
  at: Day.optional().describe('as of this day (default today)'),
});
export type DueQuery = z.infer<typeof DueQuery>;

export const DueItem = z
  .object({
    account: AccountRef,
    unit: z.object({ id: Id, slug: z.string(), name: z.string() }),
    /** The unit's named reporters (granted on it or above). */
    reporters: z.array(z.object({ id: Id, name: z.string() })),
    cadence: Cadence,
    status: DueStatus,
    window: z.object({ days: z.number().int().nullable(), overridden: z.boolean() }),
    windowStart: Day.nullable(),
    /** Undocumented days still inside the window (monthly: the months still to enter). */
    toCover: z.array(DayRange),
    toCoverDays: z.number().int(),
    /** Daily: the day the oldest day to cover leaves the window. Monthly: the due day of the oldest month to enter. */
    deadline: Day.nullable(),
    daysLeft: z.number().int().nullable(),
    /** When the oldest undocumented day still inside the window leaves it (monthly: the oldest open month's last day), and in how many days. */
    leavesWindowOn: Day.nullable(),
    daysUntilLost: z.number().int().nullable(),
    /** Undocumented days that have left the window: lost. */
    lostDays: z.number().int(),
    months: z.array(z.object({ month: z.string(), dueBy: Day, state: z.enum(['lost', 'overdue', 'due']) })),
    firstDocumented: Day.nullable(),
    exportName: LocalText,
    instruction: LocalText,
  })
  .meta({ id: 'DueItem' });
export type DueItem = z.infer<typeof DueItem>;

export const DueList = z
  .object({
    asOf: Day,
    /** An account is 'due' when its oldest day to cover leaves the window within this many days. */
    dueWithinDays: z.number().int(),
    items: z.array(DueItem),
  })
  .meta({ id: 'DueList' });
export type DueList = z.infer<typeof DueList>;

// ---- audience fit ----------------------------------------------------------------------------

export const AudienceFitQuery = z.object({ at: Day.optional().describe('the newest snapshot on or before this day (default today)') });

export const AudienceFitOut = z
  .object({
    account: AccountRef,
    status: z.enum(['fit', 'misfit', 'broad', 'unknown']),
    reason: z.enum(['no_snapshot', 'no_target_groups', 'empty_snapshot']).nullable(),
    evaluateBeforeContinuing: z.boolean(),
    targetAgeGroups: z.array(AgeGroup),
    largestGroup: AgeGroup.nullable(),
    largestShare: z.number().nullable(),
    /** Percent of the audience in the target groups. */
    targetShare: z.number().nullable(),
    distribution: z.array(z.object({ ageGroup: AgeGroup, share: z.number().nullable(), inTarget: z.boolean() })),
    /** The snapshot used: its day, and the import that documented it (null for values from before imports were recorded). */
    snapshot: z.object({ day: Day, importId: Id.nullable(), source: z.string() }).nullable(),
    /** Below this share of its largest group an audience is 'broad'. */
    broadBelowPercent: z.number(),
  })
  .meta({ id: 'AudienceFit' });
export type AudienceFitOut = z.infer<typeof AudienceFitOut>;
