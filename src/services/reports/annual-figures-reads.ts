/**
 * The batched reads of annual figures, each one statement for all the accounts (the rollups one
 * per metric): the monthly rollups of the year and the year before, the year's posts with their
 * latest per-post readings, the newest audience snapshot of each month, and the year's monthly
 * evaluations. PGlite pays per statement and per row, so nothing here runs per account or month.
 */
import { sql } from 'drizzle-orm';
import type { RankedPost } from '../../contract/overview.ts';
import { daysInMonth } from '../../core/period/days.ts';
import type { MonthPart } from '../../core/reports/annual-trends.ts';
import type { Db } from '../../db/client.ts';
import type { MonthlyPeriods } from '../dashboards/monthly.ts';
import { readBuckets } from '../dashboards/read-rollups.ts';

const uuids = (ids: readonly string[]) => `{${ids.join(',')}}`;
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** 'YYYY-MM' of the twelve months of a year. */
export const monthsOf = (year: string): string[] => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);

/** metric → account → 'YYYY-MM' → the month's part (months with nothing documented are absent). */
export type RollupParts = Map<string, Map<string, Map<string, MonthPart>>>;

/**
 * The rollups of the year and the year before, per metric one statement for the accounts that
 * want it (dashboards/read-rollups.ts readBuckets, one row per account).
 */
export async function readYearRollups(db: Db, organisationId: string, wanted: ReadonlyMap<string, readonly string[]>, year: string): Promise<RollupParts> {
  const previous = String(Number(year) - 1).padStart(4, '0');
  const months = [...monthsOf(previous), ...monthsOf(year)];
  const periods: MonthlyPeriods = {
    period: { start: `${previous}-01-01`, end: `${year}-12-31` },
    months: months.map((m) => ({ month: m, days: daysInMonth(Number(m.slice(0, 4)), Number(m.slice(5, 7))) })),
    previous: null,
    sameLastYear: null,
  };
  const out: RollupParts = new Map();
  for (const [metric, accountIds] of wanted) {
    if (accountIds.length === 0) continue;
    const buckets = await readBuckets(db, organisationId, metric, accountIds, periods, { only: months, latest: true });
    const byAccount = new Map<string, Map<string, MonthPart>>();
    for (const [month, parts] of buckets) {
      for (const [account, part] of parts) {
        const m = byAccount.get(account) ?? new Map<string, MonthPart>();
        m.set(month, { sum: part.sum, days: part.days, lastValue: part.lastValue });
        byAccount.set(account, m);
      }
    }
    out.set(metric, byAccount);
  }
  return out;
}

export interface YearPost {
  postId: string;
  platformPostId: string;
  publishedOn: string;
  postType: string | null;
  permalink: string | null;
  excerpt: string | null;
  /** metric → the latest reading up to asOf. */
  values: Map<string, number>;
}

/**
 * Every post of the accounts published in the year, with the latest reading up to `asOf` of each
 * of the given per-post metrics (as dashboards/post-rankings.ts reads them for one account).
 */
export async function readYearPosts(
  db: Db,
  organisationId: string,
  accountIds: readonly string[],
  metrics: readonly string[],
  period: { start: string; end: string },
  asOf: string,
): Promise<Map<string, YearPost[]>> {
  const out = new Map<string, YearPost[]>();
  if (accountIds.length === 0) return out;
  const postRows = rowsOf<{ account_id: string; id: string; platform_post_id: string; published_on: string; post_type: string | null; permalink: string | null; excerpt: string | null }>(
    await db.execute(sql`
      select account_id::text as account_id, id::text as id, platform_post_id, published_on::text as published_on, post_type, permalink, excerpt
      from posts
      where organisation_id = ${organisationId}::uuid and account_id = any(${uuids(accountIds)}::uuid[])
        and published_on between ${period.start}::date and ${period.end}::date
      order by account_id, published_on, platform_post_id`),
  );
  const byId = new Map<string, YearPost>();
  for (const r of postRows) {
    const post: YearPost = {
      postId: r.id,
      platformPostId: r.platform_post_id,
      publishedOn: r.published_on,
      postType: r.post_type,
      permalink: r.permalink,
      excerpt: r.excerpt,
      values: new Map(),
    };
    byId.set(r.id, post);
    const list = out.get(r.account_id) ?? [];
    list.push(post);
    out.set(r.account_id, list);
  }
  if (metrics.length === 0 || byId.size === 0) return out;
  const readings = rowsOf<{ post_id: string; metric: string; value: number | string }>(
    await db.execute(sql`
      select distinct on (o.post_id, o.metric) o.post_id::text as post_id, o.metric, o.value
      from observations o
      join posts p on p.id = o.post_id and p.account_id = o.account_id
      where o.organisation_id = ${organisationId}::uuid and o.account_id = any(${uuids(accountIds)}::uuid[])
        and p.published_on between ${period.start}::date and ${period.end}::date
        and o.metric = any(${`{${metrics.join(',')}}`}::text[]) and o.post_id is not null
        -- A post is read on or after the day it was published: the daily values before the year are not scanned.
        and o.day between ${period.start}::date and ${asOf}::date
      order by o.post_id, o.metric, o.day desc, o.updated_at desc`),
  );
  for (const r of readings) {
    const value = Number(r.value);
    if (Number.isFinite(value)) byId.get(r.post_id)?.values.set(r.metric, value);
  }
  return out;
}

/** A post as a ranked post by one metric's value. */
export function asRanked(p: YearPost, value: number): RankedPost {
  return { postId: p.postId, platformPostId: p.platformPostId, publishedOn: p.publishedOn, postType: p.postType, permalink: p.permalink, excerpt: p.excerpt, value };
}

export interface MonthSnapshot {
  day: string;
  ageDistribution: Record<string, number>;
}

/** The newest audience snapshot in each month of the period that has one, per account (in month order). */
export async function readMonthSnapshots(
  db: Db,
  organisationId: string,
  accountIds: readonly string[],
  period: { start: string; end: string },
): Promise<Map<string, MonthSnapshot[]>> {
  const out = new Map<string, MonthSnapshot[]>();
  if (accountIds.length === 0) return out;
  const rows = rowsOf<{ account_id: string; day: string; age_distribution: Record<string, number> | string }>(
    await db.execute(sql`
      select distinct on (account_id, date_trunc('month', day)) account_id::text as account_id, day::text as day, age_distribution
      from audience_snapshots
      where organisation_id = ${organisationId}::uuid and account_id = any(${uuids(accountIds)}::uuid[])
        and day between ${period.start}::date and ${period.end}::date
      order by account_id, date_trunc('month', day), day desc`),
  );
  for (const r of rows) {
    // jsonb arrives parsed from both drivers; a string would mean a driver configured otherwise.
    const dist = typeof r.age_distribution === 'string' ? (JSON.parse(r.age_distribution) as Record<string, number>) : r.age_distribution;
    const list = out.get(r.account_id) ?? [];
    list.push({ day: r.day, ageDistribution: dist ?? {} });
    out.set(r.account_id, list);
  }
  return out;
}

export interface EvaluationRow {
  id: string;
  month: string;
  status: 'draft' | 'signed';
  decision: string | null;
  assessment: string;
  adjustment: string;
  signedBy: { id: string; name: string } | null;
  hoursSpent: number | null;
  moneySpentNok: number | null;
}

/** The monthly evaluations of the accounts in the year, per account by month ('YYYY-MM'). */
export async function readYearEvaluations(db: Db, organisationId: string, accountIds: readonly string[], year: string): Promise<Map<string, Map<string, EvaluationRow>>> {
  const out = new Map<string, Map<string, EvaluationRow>>();
  if (accountIds.length === 0) return out;
  const rows = rowsOf<{
    id: string;
    account_id: string;
    month: string;
    status: string;
    decision: string | null;
    assessment: string;
    adjustment: string;
    signer_id: string | null;
    signer_name: string | null;
    hours_spent: number | string | null;
    money_spent_nok: number | string | null;
  }>(
    await db.execute(sql`
      select e.id::text as id, e.account_id::text as account_id, to_char(e.month, 'YYYY-MM') as month, e.status, e.decision, e.assessment, e.adjustment,
             p.id::text as signer_id, p.name as signer_name, e.hours_spent, e.money_spent_nok
      from evaluations e
      left join people p on p.id = e.signed_by
      where e.organisation_id = ${organisationId}::uuid and e.account_id = any(${uuids(accountIds)}::uuid[])
        and e.month between ${`${year}-01-01`}::date and ${`${year}-12-01`}::date`),
  );
  const num = (v: number | string | null) => (v === null ? null : Number(v));
  for (const r of rows) {
    const m = out.get(r.account_id) ?? new Map<string, EvaluationRow>();
    m.set(r.month, {
      id: r.id,
      month: r.month,
      status: r.status === 'signed' ? 'signed' : 'draft',
      decision: r.decision,
      assessment: r.assessment,
      adjustment: r.adjustment,
      signedBy: r.signer_id && r.signer_name !== null ? { id: r.signer_id, name: r.signer_name } : null,
      hoursSpent: num(r.hours_spent),
      moneySpentNok: num(r.money_spent_nok),
    });
    out.set(r.account_id, m);
  }
  return out;
}
