/**
 * Derived KPIs: rates and ratios computed from base metrics, each with the formula the UI
 * shows (PRODUCT.md "Formulas"), the base metrics it needs, and the measurements it supports.
 * The maths is in kpi/formulas.ts; windows and posts are handled in kpi/aggregate.ts.
 */
import { type Platform, platforms } from '../platforms.ts';
import { type MetricUnit, type Text, getMetric } from './catalogue.ts';
import { engagementRules } from './engagement.ts';

export const measurements = ['per_post', 'per_day', 'per_month', 'over_period', 'at_deadline'] as const;
export type Measurement = (typeof measurements)[number];

export interface DerivedDefinition {
  key: string;
  name: Text;
  formula: Text;
  unit: MetricUnit;
  higherIsBetter: boolean;
  /** Base metrics it is computed from ('engagements' means the platform's engagement rule). */
  inputs: readonly string[];
  measurements: readonly Measurement[];
}

const notPerPost: readonly Measurement[] = ['per_day', 'per_month', 'over_period', 'at_deadline'];
const everyMeasurement: readonly Measurement[] = measurements;

function cost(key: string, result: string, nb: string, en: string, resultNb: string, resultEn: string): DerivedDefinition {
  return {
    key,
    name: { nb, en },
    formula: { nb: `Kostnad (kr) / ${resultNb}`, en: `Money spent (NOK) / ${resultEn}` },
    unit: 'nok',
    higherIsBetter: false,
    inputs: ['spend_nok', result],
    measurements: notPerPost,
  };
}

export const derivedCatalogue: readonly DerivedDefinition[] = [
  {
    key: 'engagement_rate_reach',
    name: { nb: 'Engasjementsrate (rekkevidde)', en: 'Engagement rate by reach' },
    formula: {
      nb: 'Per innlegg: engasjement / rekkevidde × 100. For en periode: gjennomsnittet av innleggenes rate.',
      en: "Per post: engagements / reach × 100. For a period: the mean of the posts' rates.",
    },
    unit: 'percent',
    higherIsBetter: true,
    inputs: ['engagements', 'reach'],
    measurements: ['per_post', 'per_month', 'over_period', 'at_deadline'],
  },
  {
    key: 'engagement_rate_post',
    name: { nb: 'Engasjementsrate (følgere)', en: 'Engagement rate by post' },
    formula: {
      nb: 'Engasjement / følgere på publiseringsdagen × 100. For en periode: gjennomsnittet av innleggenes rate.',
      en: "Engagements / followers on the day posted × 100. For a period: the mean of the posts' rates.",
    },
    unit: 'percent',
    higherIsBetter: true,
    inputs: ['engagements', 'followers'],
    measurements: ['per_post', 'per_month', 'over_period', 'at_deadline'],
  },
  {
    key: 'engagement_rate_impressions',
    name: { nb: 'Engasjementsrate (visninger)', en: 'Engagement rate by impressions' },
    formula: {
      nb: 'Engasjement / visninger × 100. For en periode: sum engasjement / sum visninger, dager med begge dokumentert.',
      en: 'Engagements / impressions × 100. For a period: total engagements / total impressions over days with both documented.',
    },
    unit: 'percent',
    higherIsBetter: true,
    inputs: ['engagements', 'impressions'],
    measurements: everyMeasurement,
  },
  {
    key: 'daily_engagement_rate',
    name: { nb: 'Daglig engasjementsrate', en: 'Daily engagement rate' },
    formula: {
      nb: 'Engasjement en dag / følgere × 100. For en periode: sum engasjement / (dager × følgere) × 100, der dager er dokumenterte dager og følgere snittet i perioden.',
      en: 'Engagements on a day / followers × 100. For a period: total engagements / (days × followers) × 100, with days the documented days and followers the period mean.',
    },
    unit: 'percent',
    higherIsBetter: true,
    inputs: ['engagements', 'followers'],
    measurements: notPerPost,
  },
  {
    key: 'audience_growth_rate',
    name: { nb: 'Vekstrate for følgere', en: 'Audience growth rate' },
    formula: {
      nb: 'Netto nye følgere i perioden / følgere ved periodens start × 100.',
      en: 'Net new followers in the period / followers at its start × 100.',
    },
    unit: 'percent',
    higherIsBetter: true,
    inputs: ['followers'],
    measurements: ['per_month', 'over_period', 'at_deadline'],
  },
  {
    key: 'share_of_voice',
    name: { nb: 'Andel av omtale (share of voice)', en: 'Share of voice' },
    formula: {
      nb: 'Egne omtaler / (egne + konkurrentenes omtaler) × 100.',
      en: "Own mentions / (own + competitors' mentions) × 100.",
    },
    unit: 'percent',
    higherIsBetter: true,
    inputs: ['mentions', 'competitor_mentions'],
    measurements: notPerPost,
  },
  {
    key: 'click_through_rate',
    name: { nb: 'Klikkfrekvens', en: 'Click-through rate' },
    formula: { nb: 'Lenkeklikk / visninger × 100.', en: 'Link clicks / impressions × 100.' },
    unit: 'percent',
    higherIsBetter: true,
    inputs: ['link_clicks', 'impressions'],
    measurements: everyMeasurement,
  },
  {
    key: 'conversion_rate',
    name: { nb: 'Konverteringsrate', en: 'Conversion rate' },
    formula: { nb: 'Konverteringer / lenkeklikk × 100.', en: 'Conversions / link clicks × 100.' },
    unit: 'percent',
    higherIsBetter: true,
    inputs: ['conversions', 'link_clicks'],
    measurements: notPerPost,
  },
  {
    key: 'net_sentiment',
    name: { nb: 'Netto sentiment', en: 'Net sentiment' },
    formula: {
      nb: '(Positive − negative omtaler) / alle klassifiserte omtaler (positive + negative + nøytrale) × 100.',
      en: '(Positive − negative mentions) / all classified mentions (positive + negative + neutral) × 100.',
    },
    unit: 'percent',
    higherIsBetter: true,
    inputs: ['sentiment_positive', 'sentiment_negative', 'sentiment_neutral'],
    measurements: notPerPost,
  },
  cost('cost_per_click', 'link_clicks', 'Kostnad per klikk', 'Cost per click', 'lenkeklikk', 'link clicks'),
  cost('cost_per_lead', 'leads', 'Kostnad per lead', 'Cost per lead', 'leads', 'leads'),
  cost('cost_per_applicant', 'applicants', 'Kostnad per søker', 'Cost per applicant', 'søkere', 'applicants'),
  cost('cost_per_conversion', 'conversions', 'Kostnad per konvertering', 'Cost per conversion', 'konverteringer', 'conversions'),
  {
    key: 'viewer_development',
    name: { nb: 'Seerutvikling', en: 'Viewer development' },
    formula: {
      nb: '(Visninger per dokumenterte dag i perioden − samme i en like lang periode rett før) / det siste × 100. For et mål: perioden av målets lengde før målet starter.',
      en: "(Views per documented day in the period − the same in an equally long period just before) / the latter × 100. For a goal: the period of the goal's length before it starts.",
    },
    unit: 'percent',
    higherIsBetter: true,
    inputs: ['views'],
    measurements: ['per_month', 'over_period', 'at_deadline'],
  },
];

const byKey = new Map(derivedCatalogue.map((d) => [d.key, d]));

export function getDerived(key: string): DerivedDefinition | undefined {
  return byKey.get(key);
}

export function isDerivedKey(key: string): boolean {
  return byKey.has(key);
}

/** Can the platform provide every input (the engagement rule's required parts for 'engagements')? */
export function derivedAvailableOn(platform: Platform, key: string): boolean {
  const def = byKey.get(key);
  if (!def) return false;
  return def.inputs.every((input) =>
    input === 'engagements'
      ? engagementRules[platform].required.every((part) => getMetric(part)?.platforms.includes(platform))
      : (getMetric(input)?.platforms.includes(platform) ?? false),
  );
}

/**
 * A base or derived metric as a KPI sees it. Base metrics can be measured per post only when a
 * platform reports them per post (platform counts); stocks (`latest`) only at points in time.
 */
export interface KpiMetricInfo {
  key: string;
  kind: 'base' | 'derived';
  name: Text;
  unit: MetricUnit;
  higherIsBetter: boolean | null;
  platforms: readonly Platform[];
  measurements: readonly Measurement[];
}

/** Catalogue entry for any KPI metric key (base or derived), or undefined for an unknown key. */
export function kpiMetric(key: string): KpiMetricInfo | undefined {
  const base = getMetric(key);
  if (base) {
    return {
      key,
      kind: 'base',
      name: base.name,
      unit: base.unit,
      higherIsBetter: base.higherIsBetter,
      platforms: base.platforms,
      measurements:
        base.aggregation === 'latest'
          ? ['per_month', 'over_period', 'at_deadline']
          : base.source === 'platform' && base.aggregation === 'sum'
            ? measurements
            : notPerPost,
    };
  }
  const d = byKey.get(key);
  if (!d) return undefined;
  return {
    key,
    kind: 'derived',
    name: d.name,
    unit: d.unit,
    higherIsBetter: d.higherIsBetter,
    platforms: platforms.filter((p) => derivedAvailableOn(p, key)),
    measurements: d.measurements,
  };
}
