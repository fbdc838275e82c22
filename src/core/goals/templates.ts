/**
 * The nine common goal types of PRODUCT.md as templates: each suggests KPIs (metric, how it is
 * measured, comparator) in order of usefulness, and names further metrics that also fit the
 * type (for the Relevant check). Suggestions for an account keep only what its platform
 * provides. Pure data plus two lookups.
 */
import type { Text } from '../metrics/catalogue.ts';
import { type Measurement, kpiMetric } from '../metrics/derived.ts';
import type { Platform } from '../platforms.ts';
import type { Comparator } from '../kpi/types.ts';

export const goalTypes = [
  'brand_awareness',
  'reputation',
  'web_traffic',
  'engagement',
  'conversions',
  'leads',
  'customer_service',
  'social_listening',
  'recruiting',
] as const;
export type GoalType = (typeof goalTypes)[number];

export interface SuggestedKpi {
  metric: string;
  measurement: Measurement;
  comparator: Comparator;
}

export interface GoalTemplate {
  key: GoalType;
  name: Text;
  description: Text;
  kpis: readonly SuggestedKpi[];
  /** Other metrics that fit the goal type (not suggested first, but relevant). */
  related: readonly string[];
}

const up = (metric: string, measurement: Measurement): SuggestedKpi => ({ metric, measurement, comparator: 'at_least' });
const down = (metric: string, measurement: Measurement): SuggestedKpi => ({ metric, measurement, comparator: 'at_most' });

export const goalTemplates: readonly GoalTemplate[] = [
  {
    key: 'brand_awareness',
    name: { nb: 'Merkevarekjennskap', en: 'Brand awareness' },
    description: { nb: 'Bli sett og kjent av flere i målgruppen.', en: 'Be seen and known by more of the target audience.' },
    kpis: [
      up('reach', 'per_post'),
      up('impressions', 'over_period'),
      up('views', 'over_period'),
      up('audience_growth_rate', 'over_period'),
      up('followers', 'at_deadline'),
      up('share_of_voice', 'over_period'),
    ],
    related: ['new_followers', 'video_views', 'plays', 'profile_views', 'mentions', 'new_viewers'],
  },
  {
    key: 'reputation',
    name: { nb: 'Omdømme', en: 'Reputation' },
    description: { nb: 'Bli omtalt oftere og mer positivt.', en: 'Be mentioned more often and more positively.' },
    kpis: [
      up('mentions', 'over_period'),
      up('net_sentiment', 'over_period'),
      up('sentiment_positive', 'over_period'),
      down('sentiment_negative', 'over_period'),
    ],
    related: ['sentiment_neutral', 'share_of_voice'],
  },
  {
    key: 'web_traffic',
    name: { nb: 'Trafikk til nettsted', en: 'Web traffic' },
    description: { nb: 'Lede folk til en bestemt side.', en: 'Drive people to a particular web page.' },
    kpis: [
      up('link_clicks', 'per_post'),
      up('sessions', 'over_period'),
      up('click_through_rate', 'over_period'),
      up('conversions', 'over_period'),
    ],
    related: ['profile_views', 'conversion_rate', 'cost_per_click'],
  },
  {
    key: 'engagement',
    name: { nb: 'Engasjement', en: 'Engagement' },
    description: {
      nb: 'Få målgruppen til å reagere, kommentere, dele og se ferdig, slik plattformenes algoritmer belønner.',
      en: "Get the audience to react, comment, share and watch to the end, as the platforms' algorithms reward.",
    },
    kpis: [
      up('engagement_rate_reach', 'per_post'), up('engagement_rate_post', 'per_post'), up('engagement_rate_impressions', 'over_period'),
      up('daily_engagement_rate', 'per_day'), up('watch_time_hours', 'over_period'), up('viewer_development', 'over_period'), up('plays', 'over_period'),
    ],
    related: [
      'engagements',
      'reactions',
      'likes',
      'comments',
      'shares',
      'saves',
      'average_view_duration_s',
      'average_percentage_viewed',
      'returning_viewers',
      'video_views',
    ],
  },
  {
    key: 'conversions',
    name: { nb: 'Konverteringer', en: 'Conversions / sales' },
    description: { nb: 'Få folk til å fullføre en handling på nettstedet.', en: 'Get people to complete an action on the website.' },
    kpis: [
      up('conversion_rate', 'over_period'),
      up('click_through_rate', 'over_period'),
      up('conversions', 'over_period'),
      down('bounce_rate', 'over_period'),
      down('cost_per_conversion', 'over_period'),
    ],
    related: ['sessions', 'link_clicks'],
  },
  {
    key: 'leads',
    name: { nb: 'Leads', en: 'Leads' },
    description: { nb: 'Samle interessenter som kan følges opp.', en: 'Collect prospects who can be followed up.' },
    kpis: [up('leads', 'over_period'), down('cost_per_lead', 'over_period'), up('conversion_rate', 'over_period')],
    related: ['link_clicks', 'sessions', 'conversions'],
  },
  {
    key: 'customer_service',
    name: { nb: 'Kundeservice', en: 'Customer service' },
    description: { nb: 'Svare raskt og godt på spørsmål.', en: 'Answer questions quickly and well.' },
    kpis: [up('response_rate', 'per_month'), down('response_time_hours', 'per_month'), up('satisfaction', 'per_month')],
    related: ['comments', 'net_sentiment'],
  },
  {
    key: 'social_listening',
    name: { nb: 'Sosial lytting', en: 'Social listening' },
    description: { nb: 'Følge med på hva som sies om oss og konkurrentene.', en: 'Follow what is said about us and our competitors.' },
    kpis: [up('mentions', 'over_period'), up('share_of_voice', 'over_period'), up('net_sentiment', 'over_period')],
    related: ['competitor_mentions', 'sentiment_positive', 'sentiment_negative', 'sentiment_neutral'],
  },
  {
    key: 'recruiting',
    name: { nb: 'Rekruttering', en: 'Recruiting' },
    description: { nb: 'Få flere søkere til studieprogram eller stillinger.', en: 'Get more applicants to study programmes or positions.' },
    kpis: [
      up('applicants', 'over_period'),
      up('link_clicks', 'per_post'),
      down('cost_per_applicant', 'over_period'),
      up('conversions', 'over_period'),
    ],
    related: ['sessions', 'click_through_rate', 'conversion_rate', 'reach'],
  },
];

const byKey = new Map(goalTemplates.map((t) => [t.key, t]));

export function isGoalType(value: string): value is GoalType {
  return byKey.has(value as GoalType);
}

export function getTemplate(key: GoalType): GoalTemplate {
  return byKey.get(key) as GoalTemplate;
}

/** The template's KPIs whose metric the platform provides, in the template's order. */
export function suggestedKpis(type: GoalType, platform: Platform): SuggestedKpi[] {
  return getTemplate(type).kpis.filter((k) => kpiMetric(k.metric)?.platforms.includes(platform) ?? false);
}

/** Does the metric fit the goal type (suggested or related)? Every metric fits a custom goal. */
export function metricFitsGoalType(type: GoalType | 'custom', metric: string): boolean {
  if (type === 'custom') return true;
  const t = getTemplate(type);
  return t.kpis.some((k) => k.metric === metric) || t.related.includes(metric);
}
