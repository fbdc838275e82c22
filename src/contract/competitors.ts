/**
 * Competitor and peer accounts (outside the organisation) and their public figures, share of
 * voice, and competitors' values as a basis for targets.
 */
import { z } from 'zod';
import { Id, IdOrSlug, Name, Slug, Timestamp } from './common.ts';
import { PlatformKey } from './accounts.ts';
import { Day } from './statistics.ts';

export const competitorKinds = ['competitor', 'peer'] as const;
export const CompetitorKind = z.enum(competitorKinds);

/**
 * The public figures one can read off (or buy about) someone else's account: catalogue keys
 * (core/metrics/catalogue.ts), plus `engagement_rate`, a percentage as a tool or the competitor
 * reports it (Målbar cannot recompute it without their reach).
 */
export const competitorMetrics = [
  'followers',
  'posts_published',
  'likes',
  'reactions',
  'comments',
  'shares',
  'views',
  'video_views',
  'engagements',
  'mentions',
  'engagement_rate',
] as const;
export const CompetitorMetric = z.enum(competitorMetrics);
export type CompetitorMetric = z.infer<typeof CompetitorMetric>;
export const figurePeriods = ['day', 'month'] as const;
export const FigurePeriod = z.enum(figurePeriods);

const text = (max: number) => z.string().trim().max(max);
const HttpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((s) => /^https?:\/\/[^\s]+$/i.test(s), 'must start with http:// or https://');

export const CompetitorOut = z
  .object({
    id: Id,
    slug: z.string(),
    unitId: Id,
    name: z.string(),
    platform: PlatformKey,
    handle: z.string().nullable(),
    url: z.string().nullable(),
    kind: CompetitorKind,
    note: z.string().nullable(),
    archived: z.boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Competitor' });
export type CompetitorOut = z.infer<typeof CompetitorOut>;

export const CompetitorDetail = CompetitorOut.extend({
  unit: z.object({ id: Id, slug: z.string(), name: z.string() }),
  canEdit: z.boolean(),
  canRecord: z.boolean(),
}).meta({ id: 'CompetitorDetail' });
export type CompetitorDetail = z.infer<typeof CompetitorDetail>;

export const CompetitorCreateInput = z
  .object({
    unit: IdOrSlug,
    name: Name,
    platform: PlatformKey,
    kind: CompetitorKind.default('competitor'),
    slug: Slug.optional(),
    handle: text(100).nullish(),
    url: HttpUrl.nullish().or(z.literal('')),
    note: text(2000).nullish(),
  })
  .meta({ id: 'CompetitorCreateInput' });
export type CompetitorCreateInput = z.input<typeof CompetitorCreateInput>;

export const CompetitorUpdateInput = z
  .object({
    name: Name.optional(),
    unit: IdOrSlug.optional(),
    platform: PlatformKey.optional(),
    kind: CompetitorKind.optional(),
    handle: text(100).nullish(),
    url: HttpUrl.nullish().or(z.literal('')),
    note: text(2000).nullish(),
    archived: z.boolean().optional(),
  })
  .meta({ id: 'CompetitorUpdateInput' });
export type CompetitorUpdateInput = z.input<typeof CompetitorUpdateInput>;

const BoolParam = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .or(z.boolean());

export const CompetitorFilter = z.object({
  unit: IdOrSlug.optional().describe('unit id or slug; includes its sub-units'),
  platform: PlatformKey.optional(),
  kind: CompetitorKind.optional(),
  includeArchived: BoolParam.optional().describe('also archived entries'),
});
export type CompetitorFilter = z.input<typeof CompetitorFilter>;

export const FigureInput = z.object({
  metric: CompetitorMetric,
  /** For a monthly figure: any day of the month, or YYYY-MM. */
  date: z.string().trim().min(7).max(10),
  /** Omitted: a day for YYYY-MM-DD, a month for YYYY-MM. */
  period: FigurePeriod.optional(),
  value: z.number().finite().min(0),
  note: text(500).nullish(),
});
export type FigureInput = z.input<typeof FigureInput>;

export const FigureBatch = z
  .object({
    figures: z.array(FigureInput).min(1).max(10000),
  })
  .meta({ id: 'CompetitorFigureBatch' });
export type FigureBatch = z.input<typeof FigureBatch>;

export const FigureBatchResult = z
  .object({
    added: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
  })
  .meta({ id: 'CompetitorFigureBatchResult' });
export type FigureBatchResult = z.infer<typeof FigureBatchResult>;

const FigureVersion = z.object({
  value: z.number(),
  note: z.string().nullable(),
  source: z.string(),
  fileName: z.string().nullable(),
  enteredBy: z.object({ id: Id, name: z.string() }).nullable(),
  enteredAt: Timestamp,
});

export const FigureOut = FigureVersion.extend({
  metric: CompetitorMetric,
  period: FigurePeriod,
  date: Day,
  /** Earlier values of the same figure, newest first, each with when it was replaced. */
  history: z.array(FigureVersion.extend({ replacedAt: Timestamp })),
}).meta({ id: 'CompetitorFigure' });
export type FigureOut = z.infer<typeof FigureOut>;

export const FigureFilter = z.object({
  metric: CompetitorMetric.optional(),
  from: Day.optional(),
  to: Day.optional(),
});
export type FigureFilter = z.infer<typeof FigureFilter>;

export const ShareOfVoiceQuery = z
  .object({
    unit: IdOrSlug.optional().describe('the unit (with its sub-units) whose accounts are "own"'),
    account: IdOrSlug.optional().describe('one account instead of a unit'),
    platform: PlatformKey.optional().describe('only own accounts and competitors on this platform'),
    from: Day,
    to: Day,
  })
  .refine((q) => Boolean(q.unit) !== Boolean(q.account), { message: 'give either unit or account', path: ['unit'] })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] });
export type ShareOfVoiceQuery = z.infer<typeof ShareOfVoiceQuery>;

export const ShareOfVoiceOut = z
  .object({
    from: Day,
    to: Day,
    formula: z.string(),
    own: z.object({ mentions: z.number().nullable(), accounts: z.number().int() }),
    competitors: z.array(z.object({ id: Id, slug: z.string(), name: z.string(), platform: PlatformKey, kind: CompetitorKind, mentions: z.number().nullable() })),
    competitorMentions: z.number().nullable(),
    /** Percent; null unless mentions are documented for both the own side and a competitor (never 0 for "not measured"). */
    share: z.number().nullable(),
  })
  .meta({ id: 'ShareOfVoice' });
export type ShareOfVoiceOut = z.infer<typeof ShareOfVoiceOut>;

export const TargetBasisQuery = z.object({
  metric: CompetitorMetric,
  platform: PlatformKey,
  unit: IdOrSlug.optional().describe('only competitors of this unit, the units above it and below it'),
  kind: CompetitorKind.optional(),
});
export type TargetBasisQuery = z.infer<typeof TargetBasisQuery>;

export const TargetBasisOut = z
  .object({
    metric: CompetitorMetric,
    platform: PlatformKey,
    values: z.array(z.object({ id: Id, slug: z.string(), name: z.string(), kind: CompetitorKind, value: z.number(), period: FigurePeriod, date: Day })),
    /** Median of the competitors' latest values; null when none are documented. */
    median: z.number().nullable(),
  })
  .meta({ id: 'CompetitorTargetBasis' });
export type TargetBasisOut = z.infer<typeof TargetBasisOut>;

/** The CSV format for a competitor's figures, as documented in the API and on the page. */
export const figureCsvFormat = 'date,metric,value[,note] — one figure per line after the header; date YYYY-MM-DD for a day, YYYY-MM for a month';
