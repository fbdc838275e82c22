/**
 * The demo's competitor and peer accounts: invented accounts of invented universities and
 * colleges outside the organisation, registered for a few units, with monthly public figures over
 * the demo's history (followers on each month's last day; posts, mentions and the engagement
 * rate a listening tool reports per month). The student recruitment section has competitors on
 * Instagram and TikTok, so its share of voice is a real number (its TikTok account documents its
 * own mentions, demo-statistics.ts) and its KPIs can take competitors' values as target basis.
 *
 * Generated like demo-statistics.ts: one seeded generator per entry and month, so the same
 * `today` always gives the same figures. Pure; loaded by load-demo.ts through the competitor
 * services (registered by the unit's editor, figures entered by its reporter).
 */
import type { FigureInput } from '../contract/competitors.ts';
import { addDays, addMonths, daysBetween, monthEnd, monthStart, type Day } from '../core/period/days.ts';
import type { Platform } from '../core/platforms.ts';
import { HISTORY_DAYS, hash, prng, seasons, type Season } from './demo-statistics.ts';

export interface DemoCompetitorProfile {
  /** Followers when the history starts, and their growth per year (0.2 = 20 %). */
  followers: number;
  followerGrowth: number;
  postsPerMonth: number;
  /** Mentions per month found by social listening (before the season's swing). */
  mentionsPerMonth: number;
  /** The engagement rate (percent) the listening tool reports. */
  engagementRate: number;
  season: Season;
}

export interface DemoCompetitor {
  slug: string;
  /** The unit that keeps the entry (its slug). */
  unit: string;
  name: string;
  platform: Platform;
  kind: 'competitor' | 'peer';
  handle: string;
  note: string;
  profile: DemoCompetitorProfile;
}

const LISTENING = 'Offentlige tall, hentet månedlig fra lytteverktøyet.';

export const demoCompetitors: DemoCompetitor[] = [
  {
    slug: 'sorfjord-studier-instagram',
    unit: 'studentrekruttering',
    name: 'Studier ved Universitetet i Sørfjord',
    platform: 'instagram',
    kind: 'competitor',
    handle: 'studier.sorfjord',
    note: `Konkurrerer om de samme søkerne til bachelorprogrammene. ${LISTENING}`,
    profile: { followers: 27_000, followerGrowth: 0.12, postsPerMonth: 14, mentionsPerMonth: 320, engagementRate: 3.6, season: 'recruiting' },
  },
  {
    slug: 'vesterhavn-studier-instagram',
    unit: 'studentrekruttering',
    name: 'Høgskolen i Vesterhavn – bli student',
    platform: 'instagram',
    kind: 'competitor',
    handle: 'blistudent.vesterhavn',
    note: `Mange av søkerne våre har Vesterhavn som andrevalg. ${LISTENING}`,
    profile: { followers: 15_500, followerGrowth: 0.2, postsPerMonth: 18, mentionsPerMonth: 210, engagementRate: 4.8, season: 'recruiting' },
  },
  {
    slug: 'fjellby-studier-instagram',
    unit: 'studentrekruttering',
    name: 'Fjellby universitet – studier',
    platform: 'instagram',
    kind: 'peer',
    handle: 'fjellby.studier',
    note: `Sammenlignbart universitet i en annen landsdel: en referanse, ikke en konkurrent om søkerne. ${LISTENING}`,
    profile: { followers: 41_000, followerGrowth: 0.06, postsPerMonth: 10, mentionsPerMonth: 450, engagementRate: 2.9, season: 'recruiting' },
  },
  {
    slug: 'sorfjord-studier-tiktok',
    unit: 'studentrekruttering',
    name: 'Universitetet i Sørfjord på TikTok',
    platform: 'tiktok',
    kind: 'competitor',
    handle: 'unisorfjord',
    note: `Søknadskampanjen deres går på TikTok samtidig med vår. ${LISTENING}`,
    profile: { followers: 12_000, followerGrowth: 0.4, postsPerMonth: 12, mentionsPerMonth: 180, engagementRate: 7.5, season: 'recruiting' },
  },
  {
    slug: 'vesterhavn-studier-tiktok',
    unit: 'studentrekruttering',
    name: 'Høgskolen i Vesterhavn på TikTok',
    platform: 'tiktok',
    kind: 'competitor',
    handle: 'hivesterhavn',
    note: LISTENING,
    profile: { followers: 21_000, followerGrowth: 0.3, postsPerMonth: 16, mentionsPerMonth: 260, engagementRate: 6.1, season: 'recruiting' },
  },
  {
    slug: 'fjellby-business-instagram',
    unit: 'handelshogskolen',
    name: 'Fjellby Business School',
    platform: 'instagram',
    kind: 'peer',
    handle: 'fjellbybusiness',
    note: `Handelshøyskole av samme størrelse; brukes som referanse for målverdier. ${LISTENING}`,
    profile: { followers: 9_000, followerGrowth: 0.1, postsPerMonth: 8, mentionsPerMonth: 60, engagementRate: 3.1, season: 'academic' },
  },
];

/** The months the demo documents figures for: every whole month of its history before today's. */
export function demoCompetitorMonths(today: Day): Day[] {
  const months: Day[] = [];
  for (let m = addMonths(monthStart(addDays(today, -HISTORY_DAYS)), 1); m < monthStart(today); m = addMonths(m, 1)) months.push(m);
  return months;
}

const noise = (rand: () => number, spread: number) => 1 + spread * (rand() * 2 - 1);
const round = (v: number, digits = 0) => Math.round(v * 10 ** digits) / 10 ** digits;

/** One entry's figures, as the competitor services take them, oldest month first. */
export function generateCompetitorFigures(c: DemoCompetitor, today: Day): (FigureInput & { value: number; date: string })[] {
  const p = c.profile;
  const months = demoCompetitorMonths(today);
  const first = months[0];
  if (!first) return [];
  const figures: (FigureInput & { value: number; date: string })[] = [];
  for (const m of months) {
    const rand = prng(hash(c.slug) ^ Math.imul(daysBetween(m, today), 0x9e3779b1));
    const season = seasons[p.season][Number(m.slice(5, 7)) - 1]!;
    const end = monthEnd(m);
    const years = daysBetween(first, end) / 365;
    const month = m.slice(0, 7);
    figures.push({ metric: 'followers', date: end, value: round(p.followers * (1 + p.followerGrowth) ** years * noise(rand, 0.004)) });
    figures.push({ metric: 'posts_published', date: month, value: Math.max(1, round(p.postsPerMonth * Math.min(season, 1.3) * noise(rand, 0.25))) });
    figures.push({ metric: 'mentions', date: month, value: round(p.mentionsPerMonth * season * noise(rand, 0.3)) });
    figures.push({ metric: 'engagement_rate', date: month, value: round(p.engagementRate * noise(rand, 0.15), 2) });
  }
  return figures;
}
