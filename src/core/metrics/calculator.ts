/**
 * The engagement-rate calculator (issue #5: "enter the numbers, see every rate with its formula").
 * Pure: numbers in (null = not given, never 0), every rate out with the numbers that went into it,
 * its value, or why it is not measured. The maths is kpi/formulas.ts and the engagement rule
 * engagement.ts; names and formula texts come from the derived catalogue (derived.ts) where the
 * rate is there. Three figures are not in that catalogue, and are defined here:
 * - engagements per post: engagements / posts published;
 * - average view duration: watch time (hours) × 3600 / video views (the catalogue's
 *   `average_view_duration_s` ratio, from a period's totals);
 * - engagements themselves, the sum every engagement rate starts from.
 *
 * The calculator treats the numbers as one total (one post, one day or one period's sums): for a
 * period Målbar itself computes some rates differently (the mean of the posts' ERR, for one), and
 * the catalogue's formula text says so.
 */
import * as f from '../kpi/formulas.ts';
import { type Platform } from '../platforms.ts';
import { type MetricUnit, type Text, getMetric } from './catalogue.ts';
import { derivedAvailableOn, getDerived } from './derived.ts';
import { type EngagementRule, engagementRules, engagementsOf } from './engagement.ts';

/** The numbers one can enter. `likes` stands for likes or reactions, whichever the platform has. */
export const calculatorInputs = [
  'reach',
  'impressions',
  'followers',
  'followers_at_start',
  'likes',
  'comments',
  'shares',
  'saves',
  'link_clicks',
  'conversions',
  'spend_nok',
  'posts',
  'days',
  'mentions',
  'competitor_mentions',
  'sentiment_positive',
  'sentiment_negative',
  'sentiment_neutral',
  'video_views',
  'video_views_previous',
  'watch_time_hours',
] as const;
export type CalculatorInput = (typeof calculatorInputs)[number];
/** An input, or the engagements computed from the inputs. */
export type CalculatorOperand = CalculatorInput | 'engagements';

export type CalculatorValues = Partial<Record<CalculatorInput, number | null>>;

/** Inputs that must be whole numbers (the period's day count). Every input is ≥ 0. */
export const wholeNumberInputs: readonly CalculatorInput[] = ['days', 'posts'];

/** A token of a formula with the numbers put in: an operand, or an operator/constant as written. */
export type ExpressionToken = { operand: CalculatorOperand } | { text: string };

export type NotMeasuredReason =
  | { code: 'missing'; missing: CalculatorInput[] }
  | { code: 'zero_denominator'; zero: CalculatorOperand[] }
  | { code: 'inconsistent' };

export interface CalculatedRate {
  key: string;
  name: Text;
  formula: Text;
  unit: MetricUnit;
  /** The formula with the numbers: render each operand's value from `used`. */
  expression: readonly ExpressionToken[];
  used: Partial<Record<CalculatorOperand, number | null>>;
  value: number | null;
  reason: NotMeasuredReason | null;
  /** Whether the rate counts engagements by the engagement rule. */
  usesEngagements: boolean;
  /** With a platform chosen: does that platform's own statistics give every input? null without one. */
  availableOnPlatform: boolean | null;
}

export interface EngagementPart {
  input: CalculatorInput;
  /** What the platform calls it ('likes' or 'reactions' for the `likes` input). */
  metric: string;
  value: number | null;
  required: boolean;
  /** Given and counted by the rule (a given value a platform's rule leaves out is not counted). */
  counted: boolean;
}

export interface EngagementSum {
  value: number | null;
  /** The rule's note (what counts), in both languages. */
  rule: Text;
  parts: EngagementPart[];
  /** Inputs given that the chosen platform's rule does not count (e.g. saves on Facebook). */
  ignored: CalculatorInput[];
  missing: CalculatorInput[];
}

/** Without a platform: PRODUCT.md's "reactions + comments + shares (+ saves where reported)". */
export const genericEngagementRule: EngagementRule = {
  required: ['likes', 'comments', 'shares'],
  optional: ['saves'],
  note: {
    nb: 'Liker/reaksjoner + kommentarer + delinger (+ lagringer når de er oppgitt).',
    en: 'Likes/reactions + comments + shares (+ saves when given).',
  },
};

/** The calculator input that holds a rule part ('reactions' and 'likes' share one field). */
function inputOfPart(part: string): CalculatorInput | null {
  if (part === 'likes' || part === 'reactions') return 'likes';
  return (calculatorInputs as readonly string[]).includes(part) ? (part as CalculatorInput) : null;
}

function given(values: CalculatorValues, key: CalculatorInput): number | null {
  const v = values[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Engagements from the parts by the platform's rule (or the generic rule without a platform). */
export function calculatorEngagements(values: CalculatorValues, platform: Platform | null): EngagementSum {
  const rule = platform ? engagementRules[platform] : genericEngagementRule;
  const parts: EngagementPart[] = [];
  const missing: CalculatorInput[] = [];
  const counted = new Set<CalculatorInput>();
  for (const [list, required] of [
    [rule.required, true],
    [rule.optional, false],
  ] as const) {
    for (const metric of list) {
      const input = inputOfPart(metric);
      if (!input) continue;
      const value = given(values, input);
      if (value === null && required) missing.push(input);
      if (value !== null) counted.add(input);
      parts.push({ input, metric, value, required, counted: value !== null });
    }
  }
  const ignored = (['likes', 'comments', 'shares', 'saves'] as const).filter((k) => given(values, k) !== null && !counted.has(k));
  let value: number | null = null;
  if (missing.length === 0) {
    if (platform) {
      const byMetric: Record<string, number | null> = {};
      for (const p of parts) byMetric[p.metric] = p.value;
      value = engagementsOf(platform, byMetric);
    } else {
      value = parts.reduce((sum, p) => sum + (p.value ?? 0), 0);
    }
  }
  return { value, rule: rule.note, parts, ignored, missing };
}

interface RateDefinition {
  key: string;
  name: Text;
  formula: Text;
  unit: MetricUnit;
  /** Every operand the rate needs, in the order of the formula. */
  operands: readonly CalculatorOperand[];
  /** Operands whose zero leaves the rate undefined: any one of them (a product) or all of them (a sum). */
  denominators: readonly CalculatorOperand[];
  zeroWhen?: 'any' | 'all';
  expression: readonly ExpressionToken[];
  compute(v: (k: CalculatorOperand) => number | null): number | null;
  /** The derived catalogue's key, to ask whether a platform provides its inputs. */
  derivedKey?: string;
}

const o = (operand: CalculatorOperand): ExpressionToken => ({ operand });
const t = (text: string): ExpressionToken => ({ text });

function fromCatalogue(
  key: string,
  operands: readonly CalculatorOperand[],
  denominators: readonly CalculatorOperand[],
  expression: readonly ExpressionToken[],
  compute: RateDefinition['compute'],
): RateDefinition {
  const d = getDerived(key);
  if (!d) throw new Error(`derived catalogue has no ${key}`);
  return { key, name: d.name, formula: d.formula, unit: d.unit, operands, denominators, expression, compute, derivedKey: key };
}

const averageViewDuration = getMetric('average_view_duration_s');

function count(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x) && x >= 0;
}

/** Engagements / posts published, under formulas.ts's null rules (no posts: null, not 0). */
export function engagementsPerPost(engagements: number | null | undefined, posts: number | null | undefined): number | null {
  if (!count(engagements) || !count(posts) || posts === 0) return null;
  return engagements / posts;
}

/**
 * Average view duration in seconds from a period's totals: watch time (hours) × 3600 / views (the
 * catalogue's `average_view_duration_s` ratio). No views: null.
 */
export function averageViewDurationSeconds(watchTimeHours: number | null | undefined, views: number | null | undefined): number | null {
  if (!count(watchTimeHours) || !count(views) || views === 0) return null;
  return (watchTimeHours * 3600) / views;
}

/** Rates over a sum (own + competitors' mentions; all classified mentions): zero only when all are. */
const overSums = new Set(['share_of_voice', 'net_sentiment']);

/** Every rate the calculator shows, in this order. */
export const calculatorRates: readonly RateDefinition[] = ([
  fromCatalogue('engagement_rate_reach', ['engagements', 'reach'], ['reach'], [o('engagements'), t('/'), o('reach'), t('× 100')], (v) =>
    f.engagementRateByReach(v('engagements'), v('reach')),
  ),
  fromCatalogue('engagement_rate_post', ['engagements', 'followers'], ['followers'], [o('engagements'), t('/'), o('followers'), t('× 100')], (v) =>
    f.engagementRateByPost(v('engagements'), v('followers')),
  ),
  fromCatalogue(
    'engagement_rate_impressions',
    ['engagements', 'impressions'],
    ['impressions'],
    [o('engagements'), t('/'), o('impressions'), t('× 100')],
    (v) => f.engagementRateByImpressions(v('engagements'), v('impressions')),
  ),
  fromCatalogue(
    'daily_engagement_rate',
    ['engagements', 'days', 'followers'],
    ['days', 'followers'],
    [o('engagements'), t('/ ('), o('days'), t('×'), o('followers'), t(') × 100')],
    (v) => f.periodDailyEngagementRate(v('engagements'), v('days'), v('followers')),
  ),
  {
    key: 'engagements_per_post',
    name: { nb: 'Engasjement per innlegg', en: 'Engagements per post' },
    formula: { nb: 'Engasjement / publiserte innlegg.', en: 'Engagements / posts published.' },
    unit: 'count',
    operands: ['engagements', 'posts'],
    denominators: ['posts'],
    expression: [o('engagements'), t('/'), o('posts')],
    compute: (v) => engagementsPerPost(v('engagements'), v('posts')),
  },
  fromCatalogue(
    'audience_growth_rate',
    ['followers', 'followers_at_start'],
    ['followers_at_start'],
    [t('('), o('followers'), t('−'), o('followers_at_start'), t(') /'), o('followers_at_start'), t('× 100')],
    (v) => f.audienceGrowthRateFromCounts(v('followers_at_start'), v('followers')),
  ),
  fromCatalogue(
    'click_through_rate',
    ['link_clicks', 'impressions'],
    ['impressions'],
    [o('link_clicks'), t('/'), o('impressions'), t('× 100')],
    (v) => f.clickThroughRate(v('link_clicks'), v('impressions')),
  ),
  fromCatalogue(
    'conversion_rate',
    ['conversions', 'link_clicks'],
    ['link_clicks'],
    [o('conversions'), t('/'), o('link_clicks'), t('× 100')],
    (v) => f.conversionRate(v('conversions'), v('link_clicks')),
  ),
  fromCatalogue('cost_per_click', ['spend_nok', 'link_clicks'], ['link_clicks'], [o('spend_nok'), t('/'), o('link_clicks')], (v) =>
    f.costPerResult(v('spend_nok'), v('link_clicks')),
  ),
  fromCatalogue(
    'cost_per_conversion',
    ['spend_nok', 'conversions'],
    ['conversions'],
    [o('spend_nok'), t('/'), o('conversions')],
    (v) => f.costPerResult(v('spend_nok'), v('conversions')),
  ),
  fromCatalogue(
    'share_of_voice',
    ['mentions', 'competitor_mentions'],
    ['mentions', 'competitor_mentions'],
    [o('mentions'), t('/ ('), o('mentions'), t('+'), o('competitor_mentions'), t(') × 100')],
    (v) => f.shareOfVoice(v('mentions'), v('competitor_mentions')),
  ),
  fromCatalogue(
    'net_sentiment',
    ['sentiment_positive', 'sentiment_negative', 'sentiment_neutral'],
    ['sentiment_positive', 'sentiment_negative', 'sentiment_neutral'],
    [
      t('('),
      o('sentiment_positive'),
      t('−'),
      o('sentiment_negative'),
      t(') / ('),
      o('sentiment_positive'),
      t('+'),
      o('sentiment_negative'),
      t('+'),
      o('sentiment_neutral'),
      t(') × 100'),
    ],
    (v) => {
      const p = v('sentiment_positive');
      const n = v('sentiment_negative');
      const u = v('sentiment_neutral');
      return p === null || n === null || u === null ? null : f.netSentiment(p, n, p + n + u);
    },
  ),
  fromCatalogue(
    'viewer_development',
    ['video_views', 'video_views_previous'],
    ['video_views_previous'],
    [t('('), o('video_views'), t('−'), o('video_views_previous'), t(') /'), o('video_views_previous'), t('× 100')],
    (v) => f.viewerDevelopment(v('video_views'), v('video_views_previous')),
  ),
  {
    key: 'average_view_duration_s',
    name: averageViewDuration?.name ?? { nb: 'Gjennomsnittlig seertid (sekunder)', en: 'Average view duration (seconds)' },
    formula: {
      nb: 'Seertid (timer) × 3600 / videovisninger.',
      en: 'Watch time (hours) × 3600 / video views.',
    },
    unit: 'seconds',
    operands: ['watch_time_hours', 'video_views'],
    denominators: ['video_views'],
    expression: [o('watch_time_hours'), t('× 3600 /'), o('video_views')],
    compute: (v) => averageViewDurationSeconds(v('watch_time_hours'), v('video_views')),
  },
] satisfies RateDefinition[]).map((d): RateDefinition => (overSums.has(d.key) ? { ...d, zeroWhen: 'all' } : d));

/** Every rate from the numbers given, with the engagement sum they start from. */
export function calculate(values: CalculatorValues, platform: Platform | null): { engagements: EngagementSum; rates: CalculatedRate[] } {
  const engagements = calculatorEngagements(values, platform);
  const operand = (k: CalculatorOperand): number | null => (k === 'engagements' ? engagements.value : given(values, k));
  const rates = calculatorRates.map((def): CalculatedRate => {
    const used: Partial<Record<CalculatorOperand, number | null>> = {};
    for (const k of def.operands) used[k] = operand(k);
    const missing = new Set<CalculatorInput>();
    for (const k of def.operands) {
      if (k === 'engagements') for (const m of engagements.missing) missing.add(m);
      else if (used[k] === null) missing.add(k);
    }
    let value: number | null = null;
    let reason: NotMeasuredReason | null = null;
    if (missing.size > 0) {
      reason = { code: 'missing', missing: calculatorInputs.filter((k) => missing.has(k)) };
    } else {
      value = def.compute(operand);
      if (value === null) {
        const zeros = def.denominators.filter((k) => operand(k) === 0);
        const zero = def.zeroWhen === 'all' && zeros.length < def.denominators.length ? [] : zeros;
        reason = zero.length > 0 ? { code: 'zero_denominator', zero } : { code: 'inconsistent' };
      }
    }
    return {
      key: def.key,
      name: def.name,
      formula: def.formula,
      unit: def.unit,
      expression: def.expression,
      used,
      value,
      reason,
      usesEngagements: def.operands.includes('engagements'),
      availableOnPlatform: platform === null ? null : availableOn(def, platform),
    };
  });
  return { engagements, rates };
}

/** Does the platform's own statistics give every input (the derived catalogue's answer where it has one)? */
function availableOn(def: RateDefinition, platform: Platform): boolean {
  if (def.derivedKey) return derivedAvailableOn(platform, def.derivedKey);
  return def.operands.every((k) => {
    if (k === 'engagements') return engagementRules[platform].required.every((part) => getMetric(part)?.platforms.includes(platform));
    if (k === 'posts') return getMetric('posts_published')?.platforms.includes(platform) ?? false;
    if (k === 'video_views_previous') return getMetric('video_views')?.platforms.includes(platform) ?? false;
    return getMetric(k)?.platforms.includes(platform) ?? false;
  });
}
