/**
 * Invented statistics for the demo accounts: about fourteen months of daily values ending the day
 * before the demo's "today", posts with per-post values, monthly audience snapshots by age group,
 * and, where a demo goal needs them, values from web analytics, social listening and the
 * reporters' own records (applicants, sessions, mentions, response times, leads, spend).
 *
 * Deterministic: every number comes from a PRNG seeded by the account's slug and the day's
 * distance from "today", so the same "today" always gives the same statistics. Shapes are
 * plausible rather than real: a yearly season (the application period in February–April for
 * recruiting accounts, the summer for the museum), a weekday rhythm, a trend per account, and
 * noise. Nothing here comes from real exports.
 */
import { engagementRules } from '../core/metrics/engagement.ts';
import { platformProvides } from '../core/metrics/catalogue.ts';
import type { AgeGroup, Platform } from '../core/platforms.ts';
import { addDays, dayNumber, daysBetween, isoWeekday, monthEnd, monthStart, addMonths, type Day } from '../core/period/days.ts';

export type Season = 'recruiting' | 'academic' | 'summer' | 'flat';

/** Values from outside the platform that a demo goal needs, documented for the account. */
export interface DemoExtras {
  /** Applicants naming the account as source, per month at the start of the history (documented at each month's end). */
  applicantsPerMonth?: number;
  /** Website sessions per link click, and conversions per session (daily, web analytics). */
  sessionsPerClick?: number;
  conversionsPerSession?: number;
  /** Mentions per day from social listening, with the share that is positive and negative; competitors' mentions per day. */
  mentionsPerDay?: number;
  positiveShare?: number;
  negativeShare?: number;
  competitorMentionsPerDay?: number;
  /** Customer service, documented monthly: response rate (%), response time (hours), satisfaction (1–5). */
  responseRate?: number;
  responseTimeHours?: number;
  satisfaction?: number;
  /** Leads per week (documented on Sundays) and money spent per month. */
  leadsPerWeek?: number;
  spendPerMonth?: number;
}

export interface DemoStatsProfile {
  /** Followers when the history starts. */
  followers: number;
  /** Follower growth per year (0.12 = 12 %; negative for a shrinking account). */
  followerGrowth: number;
  /** Typical daily reach when the history starts. */
  reachPerDay: number;
  /** Change of reach per year (0.2 = +20 %). */
  reachTrend: number;
  postsPerWeek: number;
  /** Engagements / reach, in percent. */
  engagementRate: number;
  /** Link clicks / reach, in percent (only where the platform reports link clicks). */
  linkClickRate?: number;
  /** Reach of a post relative to a day's reach. */
  postReach?: number;
  /** Average seconds watched per view (video platforms). */
  secondsPerView?: number;
  season: Season;
  /** The audience by age group (percent) today; the snapshots drift towards it from `audienceStart`. */
  audience: Partial<Record<AgeGroup, number>>;
  audienceStart?: Partial<Record<AgeGroup, number>>;
  /** Nothing documented for the last this many days (a documentation gap). */
  gapDays?: number;
  /**
   * Downloads that were missed: nothing from the platform (followers, daily values, posts) on the
   * days from `[0]` to `[1]` days before today (inclusive, `[0]` ≥ `[1]`). Values from outside
   * the platform (web analytics, social listening, own records) are still documented.
   */
  missedDays?: [number, number][];
  /** The history ends this many days before today (a closed account). */
  endDaysAgo?: number;
  /** Only these months of the year are documented (a seasonal account that pauses). */
  activeMonths?: number[];
  extras?: DemoExtras;
}

/** The demo's "today": the calendar day of `now` (UTC). */
export function demoToday(now: Date): Day {
  return now.toISOString().slice(0, 10);
}

/** How many days of history each account gets (about fourteen months). */
export const HISTORY_DAYS = 425;
/** Posts get per-post values when published at most this many days ago (older posts are listed only). */
export const POST_VALUES_DAYS = 240;
/** Audience snapshots: one at the start of each of the last this many months. */
const AUDIENCE_MONTHS = 7;

export interface DemoObservation {
  metric: string;
  date: Day;
  value: number;
  postId?: string;
}

export interface DemoPost {
  platformPostId: string;
  date: Day;
  postType: string;
  excerpt: string;
}

export interface DemoStatistics {
  observations: DemoObservation[];
  posts: DemoPost[];
  audience: { date: Day; ageDistribution: Partial<Record<AgeGroup, number>> }[];
}

// ---------------------------------------------------------------- randomness

/** A 32-bit hash of a string (FNV-1a). */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast, seedable PRNG; uniform in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box–Muller). */
function normal(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** Multiplicative noise around 1 with the given spread. */
const noise = (rand: () => number, sigma: number) => Math.exp(sigma * normal(rand) - (sigma * sigma) / 2);

// ---------------------------------------------------------------- shapes

export const seasons: Record<Season, readonly number[]> = {
  // January … December
  recruiting: [1.1, 1.45, 1.6, 1.45, 0.95, 0.8, 0.65, 1.2, 1.0, 0.9, 0.95, 0.75],
  academic: [1.0, 1.05, 1.05, 1.0, 0.95, 0.85, 0.7, 0.95, 1.1, 1.1, 1.05, 0.85],
  summer: [0.85, 0.85, 0.95, 1.0, 1.15, 1.35, 1.4, 1.3, 1.1, 0.95, 0.9, 0.85],
  flat: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
};

const month = (day: Day) => Number(day.slice(5, 7));
const weekday = [1.05, 1.08, 1.06, 1.04, 0.98, 0.82, 0.88]; // Monday … Sunday

/** Metrics documented daily per platform (besides followers and the engagement parts). */
const dailyMetrics: Record<Platform, readonly string[]> = {
  facebook: ['reach', 'impressions', 'link_clicks'],
  instagram: ['reach', 'views', 'link_clicks'],
  linkedin: ['reach', 'impressions', 'link_clicks'],
  tiktok: ['reach', 'views', 'watch_time_hours'],
  youtube: ['views', 'impressions', 'watch_time_hours'],
  x: ['impressions', 'link_clicks'],
  threads: ['views', 'link_clicks'],
  snapchat: ['reach', 'views'],
};

const postTypes: Record<Platform, readonly string[]> = {
  facebook: ['link', 'photo', 'video'],
  instagram: ['reel', 'carousel', 'story'],
  linkedin: ['article', 'image', 'video'],
  tiktok: ['video'],
  youtube: ['video', 'short'],
  x: ['post', 'thread'],
  threads: ['post'],
  snapchat: ['story', 'spotlight'],
};

const excerpts = [
  'Slik er en dag som student hos oss',
  'Ny forskning: hva havet forteller om klimaet',
  'Søknadsfristen nærmer seg – dette må du vite',
  'Bak kulissene i laboratoriet',
  'Tre spørsmål til en doktorand',
  'Åpen dag: bli med på campus',
  'Fra utgravningen i sommer',
  'Studentene svarer: hvorfor valgte du dette?',
  'Månedens funn fra samlingene',
  'Kort forklart: et nytt forskningsresultat',
];

/** The engagement parts a platform reports, with their share of all engagements. */
function engagementParts(platform: Platform): [string, number][] {
  const rule = engagementRules[platform];
  const parts = [...rule.required, ...rule.optional];
  const weight: Record<string, number> = { reactions: 0.8, likes: 0.8, comments: 0.07, shares: 0.09, saves: 0.04 };
  const total = parts.reduce((s, p) => s + (weight[p] ?? 0.1), 0);
  return parts.map((p) => [p, (weight[p] ?? 0.1) / total]);
}

function round(value: number, digits = 0): number {
  const f = 10 ** digits;
  return Math.round(Math.max(0, value) * f) / f;
}

/** The audience on a day: drifting linearly from `audienceStart` to `audience` over the snapshot months, summing to 100. */
function audienceOn(profile: DemoStatsProfile, share: number): Partial<Record<AgeGroup, number>> {
  const from = profile.audienceStart ?? profile.audience;
  const groups = [...new Set([...Object.keys(from), ...Object.keys(profile.audience)])] as AgeGroup[];
  const raw = groups.map((g) => [g, (from[g] ?? 0) + ((profile.audience[g] ?? 0) - (from[g] ?? 0)) * share] as const);
  const total = raw.reduce((s, [, v]) => s + v, 0);
  return Object.fromEntries(raw.map(([g, v]) => [g, round((v / total) * 100, 1)]));
}

/**
 * The statistics of one account: daily values from `today` − HISTORY_DAYS to the day before
 * `today` (less for a closed account or one with a documentation gap).
 */
export function generateStatistics(slug: string, platform: Platform, profile: DemoStatsProfile, today: Day): DemoStatistics {
  const first = addDays(today, -HISTORY_DAYS);
  const last = addDays(today, -1 - Math.max(profile.endDaysAgo ?? 0, profile.gapDays ?? 0));
  const observations: DemoObservation[] = [];
  const posts: DemoPost[] = [];
  const parts = engagementParts(platform);
  const metrics = dailyMetrics[platform].filter((m) => platformProvides(platform, m) && (m !== 'link_clicks' || profile.linkClickRate));
  const ctr = (profile.linkClickRate ?? 0) / 100;
  const er = profile.engagementRate / 100;
  const seasonOf = (day: Day) => seasons[profile.season][month(day) - 1]!;
  const documented = (day: Day) => !profile.activeMonths || profile.activeMonths.includes(month(day));
  const slugSeed = hash(slug);
  let postNo = 0;
  const x = profile.extras ?? {};

  for (let n = dayNumber(first); n <= dayNumber(last); n++) {
    const day = addDays(first, n - dayNumber(first));
    // One generator per day, seeded by the account and the day's distance from today.
    const rand = prng(slugSeed ^ Math.imul(daysBetween(day, today), 0x9e3779b1));
    const years = daysBetween(first, day) / 365;
    const trend = (1 + profile.reachTrend) ** years;
    const season = seasonOf(day);
    const wd = weekday[isoWeekday(day) - 1]!;
    const followers = profile.followers * (1 + profile.followerGrowth) ** years * (1 + 0.0015 * normal(rand));
    if (!documented(day)) continue;
    const ago = daysBetween(day, today);
    const missed = profile.missedDays?.some(([from, to]) => ago <= from && ago >= to) ?? false;
    if (!missed) observations.push({ metric: 'followers', date: day, value: round(followers) });

    // Posts of the day.
    const postsToday: { reach: number; id: string }[] = [];
    const expected = (profile.postsPerWeek / 7) * (wd > 1 ? 1.2 : 0.5) * (season > 1.2 ? 1.3 : 1);
    let k = missed ? 0 : expected;
    while (rand() < k) {
      k -= 1;
      postNo++;
      const id = `${slug}-${postNo}`;
      const types = postTypes[platform];
      const postType = types[Math.floor(rand() * types.length)]!;
      const reach = profile.reachPerDay * (profile.postReach ?? 1.6) * trend * season * noise(rand, 0.45);
      postsToday.push({ reach, id });
      posts.push({ platformPostId: id, date: day, postType, excerpt: excerpts[(postNo + slugSeed) % excerpts.length]! });
      // Per-post values, as read a week after posting (lifetime totals); documented for the last months only.
      if (daysBetween(day, today) > POST_VALUES_DAYS) continue;
      const readOn = addDays(day, 7) < last ? addDays(day, 7) : last;
      const postEr = er * noise(rand, 0.35);
      const post = (metric: string, value: number) => observations.push({ metric, date: readOn, value: round(value), postId: id });
      if (platformProvides(platform, 'reach')) post('reach', reach);
      for (const [part, share] of parts) post(part, reach * postEr * share * noise(rand, 0.2));
      if (ctr > 0) post('link_clicks', reach * ctr * (postType === 'story' || postType === 'link' ? 1.6 : 0.8) * noise(rand, 0.3));
    }

    const postReach = postsToday.reduce((s, p) => s + p.reach, 0);
    const reach = profile.reachPerDay * trend * season * wd * noise(rand, 0.18) + 0.5 * postReach;
    const daily = (metric: string, value: number, digits = 0) => observations.push({ metric, date: day, value: round(value, digits) });
    const platformValue = (metric: string, value: number, digits = 0) => {
      if (!missed) daily(metric, value, digits);
    };
    for (const m of metrics) {
      if (m === 'reach') platformValue('reach', reach);
      else if (m === 'impressions') platformValue('impressions', reach * (platform === 'youtube' ? 6 : 1.45) * noise(rand, 0.08));
      else if (m === 'views') platformValue('views', reach * (platform === 'tiktok' ? 1.9 : platform === 'youtube' ? 1 : 1.5) * noise(rand, 0.1));
      else if (m === 'link_clicks') platformValue('link_clicks', reach * ctr * noise(rand, 0.25));
      else if (m === 'watch_time_hours') platformValue('watch_time_hours', (reach * (profile.secondsPerView ?? 20) * noise(rand, 0.1)) / 3600, 1);
    }
    const engagements = reach * er * 0.8 * noise(rand, 0.2);
    for (const [part, share] of parts) platformValue(part, engagements * share * noise(rand, 0.15));

    // Values from outside the platform.
    const clicks = reach * ctr;
    if (x.sessionsPerClick) {
      const sessions = clicks * x.sessionsPerClick * noise(rand, 0.2);
      daily('sessions', sessions);
      if (x.conversionsPerSession) daily('conversions', sessions * x.conversionsPerSession * noise(rand, 0.5));
    }
    if (x.mentionsPerDay) {
      const mentions = x.mentionsPerDay * trend * season * noise(rand, 0.4);
      const pos = mentions * (x.positiveShare ?? 0.3) * noise(rand, 0.2);
      const neg = mentions * (x.negativeShare ?? 0.1) * noise(rand, 0.3);
      daily('mentions', mentions);
      daily('sentiment_positive', pos);
      daily('sentiment_negative', neg);
      daily('sentiment_neutral', mentions - pos - neg);
      if (x.competitorMentionsPerDay) daily('competitor_mentions', x.competitorMentionsPerDay * season * noise(rand, 0.3));
    }
    if (x.leadsPerWeek && isoWeekday(day) === 7) daily('leads', x.leadsPerWeek * trend * season * noise(rand, 0.35));
    if (day === monthEnd(day)) {
      if (x.applicantsPerMonth) daily('applicants', x.applicantsPerMonth * trend * season ** 2 * noise(rand, 0.2));
      if (x.responseRate) daily('response_rate', Math.min(100, x.responseRate * (1 + 0.04 * normal(rand))), 1);
      if (x.responseTimeHours) daily('response_time_hours', x.responseTimeHours * season * noise(rand, 0.2), 1);
      if (x.satisfaction) daily('satisfaction', Math.min(5, x.satisfaction + 0.15 * normal(rand)), 2);
      if (x.spendPerMonth) daily('spend_nok', x.spendPerMonth * noise(rand, 0.15), -2);
    }
  }

  const audience: DemoStatistics['audience'] = [];
  for (let i = AUDIENCE_MONTHS - 1; i >= 0; i--) {
    const date = monthStart(addMonths(today, -i));
    if (date > last || date < first || !documented(date)) continue;
    audience.push({ date, ageDistribution: audienceOn(profile, (AUDIENCE_MONTHS - 1 - i) / (AUDIENCE_MONTHS - 1)) });
  }
  return { observations, posts, audience };
}

// ---------------------------------------------------------------- the demo accounts' profiles

// Audiences by age group (percent). Most have one clearly largest group (40 % or more: the
// audience fit rule of core/audience/fit.ts calls an audience without one "broad"); `adults` is
// broad on purpose, as a general YouTube or Threads audience is.
type Audience = Partial<Record<AgeGroup, number>>;
const young: Audience = { '13-17': 9, '18-24': 46, '25-34': 27, '35-44': 10, '45-54': 5, '55-64': 2, '65+': 1 };
const teens: Audience = { '13-17': 30, '18-24': 44, '25-34': 14, '35-44': 7, '45-54': 3, '55-64': 1, '65+': 1 };
const adults: Audience = { '18-24': 12, '25-34': 31, '35-44': 27, '45-54': 17, '55-64': 9, '65+': 4 };
const parents: Audience = { '18-24': 5, '25-34': 11, '35-44': 25, '45-54': 41, '55-64': 12, '65+': 6 };
const older: Audience = { '18-24': 3, '25-34': 7, '35-44': 12, '45-54': 22, '55-64': 41, '65+': 15 };
const professionals: Audience = { '18-24': 6, '25-34': 42, '35-44': 28, '45-54': 16, '55-64': 6, '65+': 2 };

/** Statistics profiles of the demo accounts, by slug (an account without one gets no statistics). */
export const demoStatsProfiles: Record<string, DemoStatsProfile> = {
  'nordvik-facebook': {
    followers: 48_000, followerGrowth: 0.02, reachPerDay: 9_000, reachTrend: -0.05, postsPerWeek: 5, engagementRate: 2.2, linkClickRate: 0.6,
    season: 'academic', audience: parents,
    extras: { mentionsPerDay: 24, positiveShare: 0.36, negativeShare: 0.08, competitorMentionsPerDay: 55 },
  },
  'nordvik-instagram': {
    followers: 31_000, followerGrowth: 0.09, reachPerDay: 7_000, reachTrend: 0.12, postsPerWeek: 4, engagementRate: 4.5, linkClickRate: 0.15,
    season: 'academic', audience: young,
  },
  'nordvik-linkedin': {
    followers: 62_000, followerGrowth: 0.14, reachPerDay: 11_000, reachTrend: 0.2, postsPerWeek: 3, engagementRate: 1.6, linkClickRate: 1.1,
    season: 'academic', audience: professionals, extras: { sessionsPerClick: 0.85, conversionsPerSession: 0.02 },
  },
  'nordvik-youtube': {
    followers: 9_400, followerGrowth: 0.06, reachPerDay: 2_500, reachTrend: 0.05, postsPerWeek: 0.6, engagementRate: 3, secondsPerView: 210,
    season: 'academic', audience: adults,
  },
  'nordvik-x': {
    followers: 15_500, followerGrowth: -0.08, reachPerDay: 3_000, reachTrend: -0.3, postsPerWeek: 4, engagementRate: 0.8, linkClickRate: 0.5,
    season: 'flat', audience: older, endDaysAgo: 200,
  },
  'nordvik-threads': {
    followers: 4_200, followerGrowth: 0.35, reachPerDay: 1_200, reachTrend: 0.3, postsPerWeek: 3, engagementRate: 3.5, linkClickRate: 0.3,
    season: 'flat', audience: adults,
  },
  'studier-tiktok': {
    followers: 18_500, followerGrowth: 0.25, reachPerDay: 14_000, reachTrend: 0.3, postsPerWeek: 3, engagementRate: 6.5, secondsPerView: 14,
    season: 'recruiting', audience: teens,
    // Mentions from social listening: the recruitment section's share of voice against its competitors (demo-competitors.ts).
    extras: { mentionsPerDay: 9, positiveShare: 0.4, negativeShare: 0.06 },
  },
  'studier-snapchat': {
    followers: 6_200, followerGrowth: 0.1, reachPerDay: 3_500, reachTrend: 0.05, postsPerWeek: 5, engagementRate: 1.5,
    season: 'recruiting', audience: teens,
  },
  'studier-instagram': {
    followers: 22_000, followerGrowth: 0.15, reachPerDay: 26_000, reachTrend: 0.2, postsPerWeek: 3, engagementRate: 4, linkClickRate: 3,
    postReach: 2, season: 'recruiting',
    audienceStart: { '13-17': 14, '18-24': 49, '25-34': 24, '35-44': 8, '45-54': 5 },
    audience: { '13-17': 15, '18-24': 56, '25-34': 20, '35-44': 6, '45-54': 3 },
    extras: { applicantsPerMonth: 30, sessionsPerClick: 0.8, conversionsPerSession: 0.05 },
  },
  'studier-facebook': {
    followers: 14_000, followerGrowth: 0.03, reachPerDay: 4_000, reachTrend: 0, postsPerWeek: 2, engagementRate: 1.8, linkClickRate: 0.9,
    season: 'recruiting', audience: parents, extras: { responseRate: 93, responseTimeHours: 7, satisfaction: 4.2 },
  },
  'alumni-linkedin': {
    followers: 12_500, followerGrowth: 0.1, reachPerDay: 2_200, reachTrend: 0.1, postsPerWeek: 2, engagementRate: 1.9, linkClickRate: 1,
    season: 'academic', audience: professionals,
  },
  'hf-facebook': {
    followers: 8_600, followerGrowth: 0.01, reachPerDay: 1_800, reachTrend: -0.05, postsPerWeek: 3, engagementRate: 2.5, linkClickRate: 0.8,
    season: 'academic', audience: older,
  },
  'hf-instagram': {
    followers: 5_400, followerGrowth: 0.12, reachPerDay: 1_500, reachTrend: 0.1, postsPerWeek: 2, engagementRate: 5.5, linkClickRate: 0.2,
    season: 'academic', audienceStart: { '13-17': 6, '18-24': 35, '25-34': 31, '35-44': 15, '45-54': 9, '55-64': 4 },
    audience: { '13-17': 7, '18-24': 38, '25-34': 30, '35-44': 14, '45-54': 8, '55-64': 3 },
  },
  'sprakprat-tiktok': {
    followers: 12_800, followerGrowth: 0.4, reachPerDay: 9_000, reachTrend: 0.35, postsPerWeek: 2, engagementRate: 7.5, secondsPerView: 11,
    season: 'academic', audience: teens,
  },
  'arkeologi-youtube': {
    followers: 5_100, followerGrowth: 0.07, reachPerDay: 1_400, reachTrend: 0.1, postsPerWeek: 0.4, engagementRate: 4, secondsPerView: 290,
    season: 'summer', audience: older,
  },
  'utgravning-facebook': {
    followers: 2_300, followerGrowth: 0, reachPerDay: 600, reachTrend: 0, postsPerWeek: 3, engagementRate: 3, linkClickRate: 0.4,
    season: 'summer', audience: older, activeMonths: [5, 6, 7, 8, 9],
  },
  'nt-instagram': {
    followers: 9_800, followerGrowth: 0.1, reachPerDay: 2_600, reachTrend: 0.05, postsPerWeek: 3, engagementRate: 4.8, linkClickRate: 0.2,
    season: 'academic', audience: young,
  },
  'nt-linkedin': {
    followers: 7_600, followerGrowth: 0.12, reachPerDay: 1_500, reachTrend: 0.1, postsPerWeek: 2, engagementRate: 1.7, linkClickRate: 0.9,
    season: 'academic', audience: professionals, extras: { sessionsPerClick: 0.85 },
  },
  'fysikkshowet-youtube': {
    followers: 21_000, followerGrowth: 0.08, reachPerDay: 6_000, reachTrend: 0.1, postsPerWeek: 0.5, engagementRate: 3.5, secondsPerView: 240,
    season: 'academic', audience: { '13-17': 24, '18-24': 14, '25-34': 13, '35-44': 22, '45-54': 18, '55-64': 6, '65+': 3 },
  },
  'fysikkshowet-tiktok': {
    followers: 34_000, followerGrowth: 0.5, reachPerDay: 25_000, reachTrend: 0.5, postsPerWeek: 2, engagementRate: 8, secondsPerView: 16,
    season: 'academic', audience: teens,
  },
  'havlab-instagram': {
    followers: 6_100, followerGrowth: 0.08, reachPerDay: 1_700, reachTrend: 0, postsPerWeek: 2, engagementRate: 5, linkClickRate: 0.2,
    season: 'summer', audience: young,
  },
  // Documentation stopped five months ago (the reporter left): its goal shows "not measured".
  'havlab-threads': {
    followers: 1_400, followerGrowth: 0.2, reachPerDay: 450, reachTrend: 0.1, postsPerWeek: 1.5, engagementRate: 4, linkClickRate: 0.3,
    season: 'flat', audience: adults, gapDays: 150,
  },
  'helse-facebook': {
    followers: 11_000, followerGrowth: 0.02, reachPerDay: 2_600, reachTrend: 0, postsPerWeek: 2, engagementRate: 2.1, linkClickRate: 1.2,
    season: 'academic', audience: parents, extras: { sessionsPerClick: 0.8 },
  },
  // A week of LinkedIn statistics from almost a year ago was never exported; LinkedIn keeps 365
  // days, so those days leave its window in eight days.
  'helse-linkedin': {
    followers: 6_800, followerGrowth: 0.1, reachPerDay: 1_200, reachTrend: 0.1, postsPerWeek: 1, engagementRate: 1.8, linkClickRate: 0.9,
    season: 'academic', audience: professionals, missedDays: [[358, 352]],
  },
  'sykepleie-instagram': {
    followers: 4_300, followerGrowth: 0.1, reachPerDay: 1_300, reachTrend: 0.1, postsPerWeek: 2, engagementRate: 6, linkClickRate: 0.6,
    season: 'recruiting', audienceStart: { '13-17': 8, '18-24': 36, '25-34': 33, '35-44': 14, '45-54': 9 },
    audience: { '13-17': 9, '18-24': 41, '25-34': 31, '35-44': 12, '45-54': 7 },
    extras: { applicantsPerMonth: 12 },
  },
  'sykepleie-snapchat': {
    followers: 1_900, followerGrowth: -0.05, reachPerDay: 500, reachTrend: -0.2, postsPerWeek: 1, engagementRate: 1.2,
    season: 'recruiting', audience: teens, endDaysAgo: 90,
  },
  'handelshogskolen-linkedin': {
    followers: 15_800, followerGrowth: 0.12, reachPerDay: 3_000, reachTrend: 0.15, postsPerWeek: 3, engagementRate: 1.5, linkClickRate: 1.3,
    season: 'academic', audience: professionals,
    extras: { leadsPerWeek: 9, spendPerMonth: 12_000, sessionsPerClick: 0.8, conversionsPerSession: 0.03 },
  },
  'handelshogskolen-instagram': {
    followers: 8_700, followerGrowth: 0.12, reachPerDay: 2_400, reachTrend: 0.15, postsPerWeek: 2, engagementRate: 4.2, linkClickRate: 0.8,
    season: 'recruiting', audience: young, extras: { sessionsPerClick: 0.75, conversionsPerSession: 0.06 },
  },
  // Personal finance draws young professionals more than the students it was made for: the
  // largest age group is 25–34, not the target 18–24 (audience misfit).
  'okonomi60-tiktok': {
    followers: 26_000, followerGrowth: 0.6, reachPerDay: 20_000, reachTrend: 0.4, postsPerWeek: 2, engagementRate: 9, secondsPerView: 18,
    season: 'academic',
    audienceStart: { '13-17': 8, '18-24': 37, '25-34': 36, '35-44': 12, '45-54': 5, '55-64': 1, '65+': 1 },
    audience: { '13-17': 5, '18-24': 29, '25-34': 43, '35-44': 15, '45-54': 6, '55-64': 1, '65+': 1 },
  },
  'museum-facebook': {
    followers: 17_500, followerGrowth: 0.03, reachPerDay: 3_800, reachTrend: 0.05, postsPerWeek: 3, engagementRate: 3.2, linkClickRate: 0.7,
    season: 'summer', audience: parents,
  },
  'museum-instagram': {
    followers: 13_400, followerGrowth: 0.08, reachPerDay: 3_000, reachTrend: 0.1, postsPerWeek: 3, engagementRate: 5.2, linkClickRate: 0.2,
    season: 'summer', audience: adults,
  },
  // The mysteries caught on among adults: 25–34 is the largest group, not the 13–24 it was made for (misfit).
  'museum-tiktok': {
    followers: 3_900, followerGrowth: 0.7, reachPerDay: 4_000, reachTrend: 0.6, postsPerWeek: 1, engagementRate: 8, secondsPerView: 13,
    season: 'summer', audience: { '13-17': 9, '18-24': 22, '25-34': 41, '35-44': 17, '45-54': 7, '55-64': 3, '65+': 1 },
  },
  'skoletjenesten-facebook': {
    followers: 2_100, followerGrowth: 0.05, reachPerDay: 350, reachTrend: 0, postsPerWeek: 1, engagementRate: 3, linkClickRate: 1.5,
    season: 'academic', audience: adults,
  },
  // The X export was not downloaded for two weeks while the editor was on leave: X keeps 91 days,
  // so the oldest of those days leaves the window in four days (the due list says "due").
  'kystklima-x': {
    followers: 8_900, followerGrowth: -0.03, reachPerDay: 3_500, reachTrend: -0.1, postsPerWeek: 3, engagementRate: 1.2, linkClickRate: 0.7,
    season: 'academic', audience: older, missedDays: [[88, 75]],
    extras: { mentionsPerDay: 14, positiveShare: 0.3, negativeShare: 0.12, competitorMentionsPerDay: 40 },
  },
  // Young researchers follow the centre, not the 35–54-year-old decision makers it writes for:
  // the largest age group, 25–34, is not a target group (audience misfit).
  'kystklima-linkedin': {
    followers: 5_600, followerGrowth: 0.15, reachPerDay: 1_100, reachTrend: 0.12, postsPerWeek: 1.5, engagementRate: 2, linkClickRate: 1,
    season: 'academic', audience: professionals,
  },
  'kystklima-youtube': {
    followers: 3_100, followerGrowth: 0.1, reachPerDay: 800, reachTrend: 0.1, postsPerWeek: 0.25, engagementRate: 3, secondsPerView: 330,
    season: 'academic', audience: adults,
  },
};
