/**
 * Documents statistics for one account: daily (or per-post) metric values, the posts they belong
 * to, and audience snapshots by age group. This is the write path the demo uses and the
 * statistics imports build on.
 *
 * Rules:
 * - the actor needs `statistics.write` on the account's unit (reporters, editors, managers);
 * - every metric is a catalogue metric (core/metrics/catalogue.ts) that the account's platform
 *   provides, or one from another source (web analytics, listening, manual), which every
 *   platform may document; derived KPIs (rates) are computed, never stored;
 * - values are finite numbers, and not negative (every catalogue metric is a count, a duration,
 *   an amount or a percentage);
 * - a per-post value names its post by the platform's post id: one given in `posts` of the same
 *   call, or one already stored for the account;
 * - storing is an upsert on (account, metric, day, post) and (account, day) for snapshots, so
 *   documenting the same numbers twice changes nothing and a corrected number replaces the old;
 * - everything is checked before anything is written, and written in one transaction, in
 *   multi-row statements of at most CHUNK rows (never row by row).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError, type FieldIssue } from '../../core/errors.ts';
import { getMetric, platformProvides } from '../../core/metrics/catalogue.ts';
import { ageGroups, platformNames, type Platform } from '../../core/platforms.ts';
import { isDay } from '../../core/period/days.ts';
import type { Db } from '../../db/client.ts';
import { posts as postsTable } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { findAccount } from '../lookup.ts';

/** Rows per INSERT statement. */
export const CHUNK = 1000;
/** Issues reported at most (a large import with a systematic error would otherwise flood). */
const MAX_ISSUES = 20;

const Day = z.string().refine(isDay, 'a date as YYYY-MM-DD');

export const ObservationInput = z.object({
  metric: z.string().min(1).max(60),
  date: Day,
  value: z.number(),
  /** The platform's id of the post, for a per-post value. */
  postId: z.string().min(1).max(200).nullish(),
});

export const PostInput = z.object({
  platformPostId: z.string().trim().min(1).max(200),
  /** The day it was published. */
  date: Day,
  publishedAt: z.string().datetime({ offset: true }).nullish(),
  postType: z.string().trim().max(60).nullish(),
  permalink: z.string().trim().max(2000).nullish(),
  excerpt: z.string().trim().max(500).nullish(),
});

export const AudienceInput = z.object({
  date: Day,
  /** Percent of the audience per age group. */
  ageDistribution: z.partialRecord(z.enum(ageGroups), z.number()),
});

export const RecordObservationsInput = z.object({
  observations: z.array(ObservationInput).default([]),
  posts: z.array(PostInput).optional(),
  audience: z.array(AudienceInput).optional(),
});
export type RecordObservationsInput = z.input<typeof RecordObservationsInput>;

export interface RecordObservationsResult {
  accountId: string;
  /** Rows written (inserted or updated) of each kind. */
  observations: number;
  posts: number;
  audience: number;
}

/** Where stored values came from. The statistics issue adds import ids. */
export type ObservationSource = 'manual' | 'api' | 'import' | 'demo';

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function validate(platform: Platform, input: z.output<typeof RecordObservationsInput>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  // A wrong metric is reported once, at its first use.
  const badMetric = new Map<string, FieldIssue>();
  input.observations.forEach((o, i) => {
    const def = getMetric(o.metric);
    const path = `observations[${i}].metric`;
    if (badMetric.has(o.metric)) {
      // already reported
    } else if (!def) {
      badMetric.set(o.metric, { path, message: `"${o.metric}" is not a metric in the catalogue` });
    } else if (!platformProvides(platform, o.metric)) {
      badMetric.set(o.metric, { path, message: `${platformNames[platform]} does not provide "${o.metric}" (${def.name.en})` });
    }
    if (!Number.isFinite(o.value)) issues.push({ path: `observations[${i}].value`, message: 'not a finite number' });
    else if (o.value < 0) issues.push({ path: `observations[${i}].value`, message: `${o.metric} cannot be negative (${o.value})` });
  });
  issues.unshift(...badMetric.values());
  const seenPosts = new Set<string>();
  input.posts?.forEach((p, i) => {
    if (seenPosts.has(p.platformPostId)) issues.push({ path: `posts[${i}].platformPostId`, message: `"${p.platformPostId}" is given twice` });
    seenPosts.add(p.platformPostId);
  });
  input.audience?.forEach((a, i) => {
    const values = Object.values(a.ageDistribution);
    if (values.length === 0) issues.push({ path: `audience[${i}].ageDistribution`, message: 'no age group given' });
    if (values.some((v) => !Number.isFinite(v) || v < 0 || v > 100)) {
      issues.push({ path: `audience[${i}].ageDistribution`, message: 'each share is a percentage between 0 and 100' });
    }
    const total = values.reduce((s, v) => s + v, 0);
    if (total > 100.5) issues.push({ path: `audience[${i}].ageDistribution`, message: `the shares add up to ${total.toFixed(1)} %, more than 100 %` });
  });
  return issues;
}

/**
 * Stores statistics for the account (id or slug). Returns how many rows of each kind were
 * written. Throws validation_failed naming every problem (up to 20) before writing anything.
 */
export async function recordObservations(
  ctx: Context,
  accountIdOrSlug: string,
  rawInput: RecordObservationsInput,
  source: ObservationSource = 'manual',
): Promise<RecordObservationsResult> {
  const orgId = ctx.actor.organisationId;
  const account = await findAccount(ctx.db, orgId, accountIdOrSlug);
  // The same answer as for an account the actor may not read: other units' accounts do not reveal they exist.
  if (!account) throw new AppError('not_found', 'No such account.');
  authorize(ctx, 'statistics.write', account.unitId, 'account');

  const parsed = RecordObservationsInput.safeParse(rawInput);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, MAX_ISSUES).map((i) => ({ path: i.path.join('.').replace(/\.(\d+)/g, '[$1]'), message: i.message }));
    throw new AppError('validation_failed', `Invalid statistics: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  }
  const input = parsed.data;
  const platform = account.platform as Platform;
  const issues = validate(platform, input);
  if (issues.length > 0) {
    const shown = issues.slice(0, MAX_ISSUES);
    const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : '';
    throw new AppError('validation_failed', `Invalid statistics for ${account.name}: ${shown.map((i) => i.message).join('; ')}${more}`, shown);
  }

  const now = ctx.now.toISOString();
  const run = async (db: Db): Promise<RecordObservationsResult> => {
    // Posts first: per-post values refer to them.
    const postIds = new Map<string, string>();
    let postCount = 0;
    for (const chunk of chunks(input.posts ?? [])) {
      const rows = await db
        .insert(postsTable)
        .values(
          chunk.map((p) => ({
            id: crypto.randomUUID(),
            organisationId: orgId,
            accountId: account.id,
            platformPostId: p.platformPostId,
            publishedOn: p.date,
            publishedAt: p.publishedAt ? new Date(p.publishedAt) : null,
            postType: p.postType ?? null,
            permalink: p.permalink ?? null,
            excerpt: p.excerpt ?? null,
            createdAt: ctx.now,
          })),
        )
        .onConflictDoUpdate({
          target: [postsTable.accountId, postsTable.platformPostId],
          set: {
            publishedOn: sql`excluded.published_on`,
            publishedAt: sql`coalesce(excluded.published_at, ${postsTable.publishedAt})`,
            postType: sql`coalesce(excluded.post_type, ${postsTable.postType})`,
            permalink: sql`coalesce(excluded.permalink, ${postsTable.permalink})`,
            excerpt: sql`coalesce(excluded.excerpt, ${postsTable.excerpt})`,
          },
        })
        .returning({ id: postsTable.id, platformPostId: postsTable.platformPostId });
      for (const r of rows) postIds.set(r.platformPostId, r.id);
      postCount += rows.length;
    }
    const unknownPosts = [...new Set(input.observations.flatMap((o) => (o.postId && !postIds.has(o.postId) ? [o.postId] : [])))];
    for (const chunk of chunks(unknownPosts)) {
      const rows = await db
        .select({ id: postsTable.id, platformPostId: postsTable.platformPostId })
        .from(postsTable)
        .where(and(eq(postsTable.accountId, account.id), inArray(postsTable.platformPostId, chunk)));
      for (const r of rows) postIds.set(r.platformPostId, r.id);
    }
    const missing = unknownPosts.filter((p) => !postIds.has(p));
    if (missing.length > 0) {
      throw new AppError(
        'validation_failed',
        `Unknown post${missing.length === 1 ? '' : 's'} for ${account.name}: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}. Give the post in "posts".`,
        missing.slice(0, MAX_ISSUES).map((p) => ({ path: 'observations.postId', message: `unknown post "${p}"` })),
      );
    }

    // One row per key; a later value in the input wins (an ON CONFLICT statement may not touch a row twice).
    const byKey = new Map<string, { metric: string; day: string; postId: string | null; value: number }>();
    for (const o of input.observations) {
      const postId = o.postId ? postIds.get(o.postId)! : null;
      byKey.set(`${o.metric}|${o.date}|${postId ?? ''}`, { metric: o.metric, day: o.date, postId, value: o.value });
    }
    let observationCount = 0;
    for (const chunk of chunks([...byKey.values()])) {
      // The rows travel as one JSON parameter: far cheaper to send and parse than 10 parameters a row.
      const rows = JSON.stringify(chunk.map((r) => ({ metric: r.metric, day: r.day, post_id: r.postId, value: r.value })));
      await db.execute(sql`
        insert into observations (id, organisation_id, account_id, metric, day, post_id, value, source, created_at, updated_at)
        select gen_random_uuid(), ${orgId}::uuid, ${account.id}::uuid, r.metric, r.day, r.post_id, r.value, ${source}, ${now}::timestamptz, ${now}::timestamptz
        from json_to_recordset(${rows}::json) as r(metric text, day date, post_id uuid, value double precision)
        on conflict (account_id, metric, day, coalesce(post_id, '00000000-0000-0000-0000-000000000000'::uuid))
        do update set value = excluded.value, source = excluded.source, updated_at = excluded.updated_at`);
      observationCount += chunk.length;
    }

    const snapshots = new Map<string, Record<string, number>>();
    for (const a of input.audience ?? []) snapshots.set(a.date, a.ageDistribution as Record<string, number>);
    let audienceCount = 0;
    for (const chunk of chunks([...snapshots])) {
      const values = sql.join(
        chunk.map(
          ([day, dist]) => sql`(${crypto.randomUUID()}, ${orgId}, ${account.id}, ${day}, ${JSON.stringify(dist)}::jsonb, ${source}, ${now})`,
        ),
        sql`, `,
      );
      await db.execute(sql`
        insert into audience_snapshots (id, organisation_id, account_id, day, age_distribution, source, created_at)
        values ${values}
        on conflict (account_id, day) do update set age_distribution = excluded.age_distribution, source = excluded.source`);
      audienceCount += chunk.length;
    }
    return { accountId: account.id, observations: observationCount, posts: postCount, audience: audienceCount };
  };
  return ctx.db.transaction((tx) => run(tx as unknown as Db));
}
