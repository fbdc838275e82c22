/**
 * The canonical metric catalogue: every base statistic Målbar stores, with a stable snake_case
 * key (stored in the database: never rename one), names and definitions in bokmål and English,
 * its unit, how it aggregates over time, whether higher is better, and which platforms
 * provide it. Derived KPIs (rates computed from these) are in derived.ts. Pure data.
 *
 * Aggregation over a window of days:
 * - `sum`: the documented daily values are added (counts such as link clicks);
 * - `latest`: the last documented value on or before the window's end (stocks such as followers);
 * - `mean`: the mean of the documented values (scores and percentages reported as such);
 * - `rate`: a ratio recomputed from the summed numerator and denominator (`ratio`), falling back
 *   to the mean of documented values when the components are not documented.
 * Days without a documented value are never counted as zero.
 *
 * Gross and net are kept apart: `new_followers` and `lost_followers` are gross counts (≥ 0),
 * `net_followers` is the day's change as platforms report it (gained − lost, `signed`: it can
 * be negative) and is never stored as either of them.
 *
 * Sources: `platform` metrics come from a platform's own statistics (the `platforms` listed);
 * `web_analytics`, `listening` and `manual` metrics come from elsewhere (the web analytics
 * tool, a social-listening tool, the reporter's own records) and apply to every platform.
 */
import { type Platform, platforms } from '../platforms.ts';

export const metricUnits = ['count', 'percent', 'hours', 'seconds', 'nok', 'score'] as const;
export type MetricUnit = (typeof metricUnits)[number];

export const aggregations = ['sum', 'latest', 'mean', 'rate'] as const;
export type Aggregation = (typeof aggregations)[number];

export const metricSources = ['platform', 'web_analytics', 'listening', 'manual'] as const;
export type MetricSource = (typeof metricSources)[number];

export interface Text {
  nb: string;
  en: string;
}

export interface MetricDefinition {
  key: string;
  name: Text;
  definition: Text;
  unit: MetricUnit;
  aggregation: Aggregation;
  /** null when neither direction is better (neutral mentions). */
  higherIsBetter: boolean | null;
  source: MetricSource;
  /** Platforms that report it (every platform for non-platform sources). */
  platforms: readonly Platform[];
  /** Scales with audience size: compare accounts per follower (target suggestions). */
  perFollower: boolean;
  /** For `rate`: value = Σ numerator × factor / Σ denominator. */
  ratio?: { numerator: string; denominator: string; factor: number };
  /** What the platforms call it, where that differs (shown next to the name). */
  platformNotes?: Partial<Record<Platform, string>>;
  /** The value may be negative (a net change). Every other metric is a count or measure ≥ 0. */
  signed?: true;
}

const ALL = platforms;
type Row = [
  key: string,
  nb: string,
  en: string,
  defNb: string,
  defEn: string,
  unit: MetricUnit,
  aggregation: Aggregation,
  higherIsBetter: boolean | null,
  source: MetricSource,
  provided: readonly Platform[],
  perFollower: boolean,
];

// prettier-ignore
const rows: Row[] = [
  ['followers', 'Følgere', 'Followers', 'Antall følgere (abonnenter) ved dagens slutt.', 'Number of followers (subscribers) at the end of the day.', 'count', 'latest', true, 'platform', ALL, false],
  ['new_followers', 'Nye følgere', 'New followers', 'Nye følgere i løpet av dagen (brutto).', 'Followers gained during the day (gross).', 'count', 'sum', true, 'platform', ['facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'x'], true],
  ['lost_followers', 'Tapte følgere', 'Lost followers', 'Følgere som sluttet å følge i løpet av dagen.', 'Followers lost during the day (unfollows).', 'count', 'sum', false, 'platform', ['facebook', 'instagram', 'tiktok', 'youtube', 'x'], true],
  ['net_followers', 'Netto nye følgere', 'Net follower change', 'Nye følgere minus tapte følgere i løpet av dagen (netto); kan være negativ.', 'Followers gained minus followers lost during the day (net); can be negative.', 'count', 'sum', true, 'platform', ['tiktok', 'youtube'], true],
  ['reach', 'Rekkevidde', 'Reach', 'Antall unike personer som så innholdet. Summert over dager telles en person én gang per dag.', 'Number of unique people who saw the content. Summed over days, a person counts once per day.', 'count', 'sum', true, 'platform', ['facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'snapchat'], true],
  ['impressions', 'Visninger (eksponeringer)', 'Impressions', 'Antall ganger innholdet ble vist på skjermen, også gjentatte ganger for samme person.', 'Number of times the content was shown on screen, including repeats for the same person.', 'count', 'sum', true, 'platform', ['facebook', 'instagram', 'linkedin', 'youtube', 'x'], true],
  ['views', 'Visninger', 'Views', 'Antall ganger innholdet ble vist eller spilt av, slik plattformen teller det.', 'Number of times the content was displayed or played, as the platform counts it.', 'count', 'sum', true, 'platform', ['facebook', 'instagram', 'threads', 'tiktok', 'youtube', 'snapchat'], true],
  ['video_views', 'Videovisninger', 'Video views', 'Antall avspillinger av video etter plattformens terskel (f.eks. 3 sekunder på Facebook).', 'Number of video views past the platform\'s threshold (e.g. 3 seconds on Facebook).', 'count', 'sum', true, 'platform', ['facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'x', 'snapchat'], true],
  ['plays', 'Avspillinger', 'Plays', 'Antall ganger en video eller reel startet å spille, også gjentatte avspillinger.', 'Number of times a video or reel started playing, including replays.', 'count', 'sum', true, 'platform', ['facebook', 'instagram', 'tiktok'], true],
  ['engagements', 'Engasjement', 'Engagements', 'Reaksjoner + kommentarer + delinger (+ lagringer der plattformen rapporterer dem); se engagement.ts for hva som telles per plattform.', 'Reactions + comments + shares (+ saves where the platform reports them); see engagement.ts for what counts per platform.', 'count', 'sum', true, 'platform', ALL, true],
  ['reactions', 'Reaksjoner', 'Reactions', 'Liker og andre reaksjoner (Facebook, LinkedIn).', 'Likes and other reactions (Facebook, LinkedIn).', 'count', 'sum', true, 'platform', ['facebook', 'linkedin'], true],
  ['likes', 'Liker', 'Likes', 'Antall liker (hjerter) på innholdet.', 'Number of likes (hearts) on the content.', 'count', 'sum', true, 'platform', ['instagram', 'tiktok', 'youtube', 'x', 'threads'], true],
  ['comments', 'Kommentarer', 'Comments', 'Antall kommentarer eller svar.', 'Number of comments or replies.', 'count', 'sum', true, 'platform', ['facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'x', 'threads', 'snapchat'], true],
  ['shares', 'Delinger', 'Shares', 'Antall delinger, videredelinger eller reposter.', 'Number of shares, reposts or retweets.', 'count', 'sum', true, 'platform', ALL, true],
  ['saves', 'Lagringer', 'Saves', 'Antall ganger innholdet ble lagret eller bokmerket.', 'Number of times the content was saved or bookmarked.', 'count', 'sum', true, 'platform', ['instagram', 'tiktok', 'x'], true],
  ['link_clicks', 'Lenkeklikk', 'Link clicks', 'Antall klikk på lenker i innholdet eller profilen.', 'Number of clicks on links in the content or profile.', 'count', 'sum', true, 'platform', ['facebook', 'instagram', 'linkedin', 'tiktok', 'x', 'threads'], true],
  ['profile_views', 'Profilbesøk', 'Profile views', 'Antall besøk på kontoens profil eller side.', 'Number of visits to the account\'s profile or page.', 'count', 'sum', true, 'platform', ['facebook', 'instagram', 'linkedin', 'tiktok', 'x'], true],
  ['unique_visitors', 'Unike besøkende', 'Unique visitors', 'Antall unike personer som besøkte kontoens side. Summert over dager telles en person én gang per dag.', 'Number of unique people who visited the account\'s page. Summed over days, a person counts once per day.', 'count', 'sum', true, 'platform', ['linkedin'], true],
  ['watch_time_hours', 'Seertid (timer)', 'Watch time (hours)', 'Samlet tid seerne så på videoene, i timer.', 'Total time viewers spent watching the videos, in hours.', 'hours', 'sum', true, 'platform', ['facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'snapchat'], true],
  ['average_view_duration_s', 'Gjennomsnittlig seertid (sekunder)', 'Average view duration (seconds)', 'Seertid delt på antall visninger, i sekunder.', 'Watch time divided by views, in seconds.', 'seconds', 'rate', true, 'platform', ['facebook', 'instagram', 'tiktok', 'youtube', 'snapchat'], false],
  ['average_percentage_viewed', 'Gjennomsnittlig andel sett', 'Average percentage viewed', 'Hvor stor andel av videoen seerne i snitt så, i prosent.', 'The average share of a video that viewers watched, in percent.', 'percent', 'mean', true, 'platform', ['youtube'], false],
  ['new_viewers', 'Nye seere', 'New viewers', 'Seere som ikke har sett kontoens innhold før (i plattformens vindu).', 'Viewers who had not watched the account before (within the platform\'s window).', 'count', 'sum', true, 'platform', ['tiktok', 'youtube'], true],
  ['returning_viewers', 'Tilbakevendende seere', 'Returning viewers', 'Seere som har sett kontoens innhold før.', 'Viewers who had watched the account before.', 'count', 'sum', true, 'platform', ['tiktok', 'youtube'], true],
  ['posts_published', 'Publiserte innlegg', 'Posts published', 'Antall innlegg, videoer eller historier publisert.', 'Number of posts, videos or stories published.', 'count', 'sum', true, 'platform', ALL, false],
  ['mentions', 'Omtaler', 'Mentions', 'Omtaler av organisasjonen eller kontoen (merket og umerket), fra sosial lytting.', 'Mentions of the organisation or account (tagged and untagged), from social listening.', 'count', 'sum', true, 'listening', ALL, false],
  ['competitor_mentions', 'Omtaler av konkurrenter', 'Competitor mentions', 'Omtaler av konkurrentene man sammenligner seg med, fra sosial lytting.', 'Mentions of the competitors compared against, from social listening.', 'count', 'sum', false, 'listening', ALL, false],
  ['sentiment_positive', 'Positive omtaler', 'Positive mentions', 'Omtaler klassifisert som positive.', 'Mentions classified as positive.', 'count', 'sum', true, 'listening', ALL, false],
  ['sentiment_negative', 'Negative omtaler', 'Negative mentions', 'Omtaler klassifisert som negative.', 'Mentions classified as negative.', 'count', 'sum', false, 'listening', ALL, false],
  ['sentiment_neutral', 'Nøytrale omtaler', 'Neutral mentions', 'Omtaler klassifisert som nøytrale.', 'Mentions classified as neutral.', 'count', 'sum', null, 'listening', ALL, false],
  ['sessions', 'Økter fra sosiale medier', 'Sessions from social', 'Økter på nettstedet som kom fra plattformen (webanalyse).', 'Website sessions referred by the platform (web analytics).', 'count', 'sum', true, 'web_analytics', ALL, true],
  ['conversions', 'Konverteringer', 'Conversions', 'Fullførte mål på nettstedet (påmelding, søknad startet, kjøp) fra plattformen.', 'Completed website goals (sign-up, application started, purchase) from the platform.', 'count', 'sum', true, 'web_analytics', ALL, true],
  ['bounce_rate', 'Fluktfrekvens', 'Bounce rate', 'Andel økter fra plattformen med bare én sidevisning, i prosent.', 'Share of sessions from the platform with a single page view, in percent.', 'percent', 'mean', false, 'web_analytics', ALL, false],
  ['leads', 'Leads', 'Leads', 'Henvendelser eller interessenter registrert fra plattformen.', 'Enquiries or prospects registered from the platform.', 'count', 'sum', true, 'manual', ALL, true],
  ['applicants', 'Søkere', 'Applicants', 'Søkere til studieprogram eller stilling som oppgir plattformen som kilde.', 'Applicants to a study programme or position who name the platform as source.', 'count', 'sum', true, 'manual', ALL, false],
  ['response_rate', 'Svarprosent', 'Response rate', 'Andel henvendelser (meldinger, spørsmål) som ble besvart, i prosent.', 'Share of enquiries (messages, questions) that were answered, in percent.', 'percent', 'mean', true, 'manual', ALL, false],
  ['response_time_hours', 'Svartid (timer)', 'Response time (hours)', 'Gjennomsnittlig tid fra henvendelse til svar, i timer.', 'Average time from enquiry to answer, in hours.', 'hours', 'mean', false, 'manual', ALL, false],
  ['satisfaction', 'Tilfredshet', 'Satisfaction', 'Gjennomsnittlig tilfredshetsscore fra brukerne (f.eks. 1–5).', 'Average satisfaction score from users (e.g. 1–5).', 'score', 'mean', true, 'manual', ALL, false],
  ['spend_nok', 'Kostnad (kr)', 'Spend (NOK)', 'Penger brukt på kontoen (annonser, produksjon), i kroner.', 'Money spent on the account (ads, production), in Norwegian kroner.', 'nok', 'sum', false, 'manual', ALL, false],
  ['hours_spent', 'Timer brukt', 'Hours spent', 'Arbeidstimer brukt på kontoen.', 'Working hours spent on the account.', 'hours', 'sum', false, 'manual', ALL, false],
];

const platformNotes: Record<string, Partial<Record<Platform, string>>> = {
  followers: { youtube: 'Subscribers', snapchat: 'Subscribers' },
  new_followers: {
    youtube: 'Subscribers gained',
    x: 'New follows',
    facebook: 'Follows',
    instagram: 'Follows',
    tiktok: 'New followers (business account overview export)',
  },
  lost_followers: {
    youtube: 'Subscribers lost',
    x: 'Unfollows',
    facebook: 'Unfollows',
    instagram: 'Unfollows',
    tiktok: 'Lost followers (business account overview export)',
  },
  net_followers: { youtube: 'Subscribers', tiktok: 'Difference in followers from previous day / Net growth' },
  reach: { linkedin: 'Unique impressions', tiktok: 'Reached audience / Total viewers', youtube: 'Unique viewers' },
  impressions: {
    facebook: 'Impressions (replaced by Views in 2025 exports)',
    instagram: 'Impressions (replaced by Views in 2025)',
    youtube: 'Thumbnail impressions',
  },
  video_views: { facebook: '3-second video views', tiktok: 'Video views', snapchat: 'Story views' },
  comments: { x: 'Replies', threads: 'Replies', snapchat: 'Replies' },
  shares: { linkedin: 'Reposts', x: 'Reposts', threads: 'Reposts and quotes' },
  saves: { x: 'Bookmarks', tiktok: 'Favorites' },
  link_clicks: {
    linkedin: 'Clicks (all clicks on the post, not only links)',
    x: 'URL clicks',
    instagram: 'External link taps (profile and stories; feed posts have no links)',
    tiktok: 'Website clicks on the profile (business accounts; TikTok Studio exports have none)',
  },
  unique_visitors: { linkedin: 'Unique visitors (all pages)' },
  profile_views: { facebook: 'Page visits', instagram: 'Profile visits', linkedin: 'Page views (all pages)', x: 'Profile visits' },
  watch_time_hours: { tiktok: 'Total play time', facebook: 'Minutes viewed', snapchat: 'Story view time' },
  average_view_duration_s: { tiktok: 'Average watch time', facebook: 'Average seconds viewed' },
};

function toDefinition(row: Row): MetricDefinition {
  const [key, nb, en, defNb, defEn, unit, aggregation, higherIsBetter, source, provided, perFollower] = row;
  const def: MetricDefinition = {
    key,
    name: { nb, en },
    definition: { nb: defNb, en: defEn },
    unit,
    aggregation,
    higherIsBetter,
    source,
    platforms: source === 'platform' ? provided : ALL,
    perFollower,
  };
  const notes = platformNotes[key];
  if (notes) def.platformNotes = notes;
  if (key === 'net_followers') def.signed = true;
  if (key === 'average_view_duration_s') def.ratio = { numerator: 'watch_time_hours', denominator: 'views', factor: 3600 };
  return def;
}

export const metricCatalogue: readonly MetricDefinition[] = rows.map(toDefinition);

const byKey = new Map(metricCatalogue.map((m) => [m.key, m]));

export const metricKeys: readonly string[] = metricCatalogue.map((m) => m.key);

export function isMetricKey(key: string): boolean {
  return byKey.has(key);
}

export function getMetric(key: string): MetricDefinition | undefined {
  return byKey.get(key);
}

/** Does `platform` provide the base metric (or is it a non-platform source)? */
export function platformProvides(platform: Platform, key: string): boolean {
  return byKey.get(key)?.platforms.includes(platform) ?? false;
}

export function metricsForPlatform(platform: Platform): MetricDefinition[] {
  return metricCatalogue.filter((m) => m.platforms.includes(platform));
}
