/**
 * The one write path of documented statistics. Every batch (a file, an API call, a manual entry,
 * the demo) becomes one `imports` row, inside one transaction:
 *
 * 1. writers of one account queue behind a transaction-scoped advisory lock, so concurrent
 *    imports into one account end as if they had run one after the other;
 * 2. posts are upserted by the platform's id (a new post remembers the import that brought it);
 * 3. values are compared with what is documented, per (metric, day, post): a new value is
 *    inserted, a different value replaces the old one and the old one moves to
 *    observation_history, an equal value is left alone (still credited to the older import);
 *    audience snapshots likewise with audience_history;
 * 4. when nothing changed, the import row is removed again and the caller is told 'unchanged':
 *    the same file twice changes nothing. Otherwise the original file (if any) is kept once per
 *    organisation by its SHA-256 and the import row gets its counts.
 *
 * Rows travel as typed arrays, and each chunk is compared and written by one statement
 * (data-modifying CTEs), never row by row.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AgeGroup } from '../../core/platforms.ts';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { MonthChanges } from './refresh-rollups.ts';
import { forgetKpiResults } from '../dashboards/forget-results.ts';
import { idempotencyKeys, imports, posts as postsTable, storedFiles, type ImportCounts, type ImportOrigin } from '../../db/schema/index.ts';
import type { Actor } from '../context.ts';
import { recordAudit } from '../audit/record-audit.ts';

/** Rows per statement (a year of a busy account's daily values is about 10 000). */
export const CHUNK = 20000;
const NO_POST = '00000000-0000-0000-0000-000000000000';

export interface BatchObservation {
  metric: string;
  /** 'YYYY-MM-DD' */
  date: string;
  value: number;
  /** The platform's id of the post, for a per-post value. */
  postId?: string | null | undefined;
}
export interface BatchPost {
  platformPostId: string;
  date: string;
  publishedAt?: string | null | undefined;
  postType?: string | null | undefined;
  permalink?: string | null | undefined;
  excerpt?: string | null | undefined;
}
export interface BatchAudience {
  date: string;
  ageDistribution: Partial<Record<AgeGroup, number>>;
  other?: Record<string, Record<string, number>> | undefined;
}
export interface StatisticsBatch {
  observations: BatchObservation[];
  posts: BatchPost[];
  audience: BatchAudience[];
}

/** What is recorded about the batch on its `imports` row. */
export interface ImportMeta {
  origin: ImportOrigin;
  /** The observation's `source` column: 'import' for files, else the origin. */
  source: string;
  sha256: string;
  file?: { name: string; bytes: Uint8Array } | undefined;
  fileName?: string | null | undefined;
  importer?: string | null | undefined;
  platform?: string | null | undefined;
  kind?: string | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  lastDay?: string | null | undefined;
  /** The importer placed days using lastDay: the same bytes with another lastDay are another import. */
  dependsOnLastDay?: boolean | undefined;
  rows?: number | undefined;
  columns?: { recognised: { header: string; metric: string }[]; ignored: string[] } | null | undefined;
  warnings?: string[] | undefined;
  idempotencyKey?: string | null | undefined;
}

export interface WriteTarget {
  organisationId: string;
  accountId: string;
  accountName: string;
  personId: string | null;
  now: Date;
  /** The account's unit and who writes: for the import's audit event. */
  unitId: string;
  actor: Actor;
}

export interface WriteResult {
  /** null when nothing changed (no import is recorded). */
  importId: string | null;
  counts: ImportCounts;
  /** The same file is already imported into the account (and not undone): this import. */
  duplicateOf?: string;
  /** The Idempotency-Key was used before with this body: the first answer, nothing written. */
  replay?: boolean;
}

function chunks<T>(list: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * When a file counts as "the same file again": the same bytes, and for files read with the
 * download day (TikTok Studio's year-less days, Meta's undated audience file) the same day too,
 * since the same bytes downloaded on another day mean other days.
 */
export function sameFileCondition(meta: Pick<ImportMeta, 'dependsOnLastDay' | 'lastDay'>) {
  return meta.dependsOnLastDay && meta.lastDay ? eq(imports.lastDay, meta.lastDay) : undefined;
}

/** Serialises writers of one account until the transaction ends (both engines support it). */
export async function lockAccount(db: Db, accountId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${accountId}, 7))`);
}

const countOf = (rows: unknown): number => {
  // drizzle returns { rows } on node-postgres and PGlite alike for execute()
  const first = (rows as { rows: Record<string, unknown>[] }).rows[0];
  return first ? Number(Object.values(first)[0]) : 0;
};

async function writePosts(db: Db, t: WriteTarget, importId: string, list: readonly BatchPost[]): Promise<{ ids: Map<string, string>; added: number }> {
  const ids = new Map<string, string>();
  let added = 0;
  for (const chunk of chunks(list, 1000)) {
    const rows = await db
      .insert(postsTable)
      .values(
        chunk.map((p) => ({
          id: crypto.randomUUID(),
          organisationId: t.organisationId,
          accountId: t.accountId,
          platformPostId: p.platformPostId,
          publishedOn: p.date,
          publishedAt: p.publishedAt ? new Date(p.publishedAt) : null,
          postType: p.postType ?? null,
          permalink: p.permalink ?? null,
          excerpt: p.excerpt ?? null,
          importId,
          createdAt: t.now,
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
      .returning({ id: postsTable.id, platformPostId: postsTable.platformPostId, importId: postsTable.importId });
    for (const r of rows) {
      ids.set(r.platformPostId, r.id);
      if (r.importId === importId) added++;
    }
  }
  return { ids, added };
}

async function resolvePosts(db: Db, t: WriteTarget, ids: Map<string, string>, observations: readonly BatchObservation[]): Promise<void> {
  const unknown = [...new Set(observations.flatMap((o) => (o.postId && !ids.has(o.postId) ? [o.postId] : [])))];
  for (const chunk of chunks(unknown, 1000)) {
    const rows = await db
      .select({ id: postsTable.id, platformPostId: postsTable.platformPostId })
      .from(postsTable)
      .where(and(eq(postsTable.accountId, t.accountId), inArray(postsTable.platformPostId, chunk)));
    for (const r of rows) ids.set(r.platformPostId, r.id);
  }
  const missing = unknown.filter((p) => !ids.has(p));
  if (missing.length > 0) {
    throw new AppError(
      'validation_failed',
      `Unknown post${missing.length === 1 ? '' : 's'} for ${t.accountName}: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}. Give the post in "posts".`,
      missing.slice(0, 20).map((p) => ({ path: 'observations.postId', message: `unknown post "${p}"` })),
    );
  }
}

async function writeObservations(
  db: Db,
  t: WriteTarget,
  importId: string,
  source: string,
  rows: readonly { metric: string; day: string; post_id: string | null; value: number }[],
  changes: MonthChanges,
): Promise<{ added: number; changed: number; unchanged: number }> {
  const now = t.now.toISOString();
  let added = 0;
  let changed = 0;
  let unchanged = 0;
  for (const chunk of chunks(rows)) {
    // Four typed arrays as PostgreSQL array literals, one text parameter each: cheaper to send and
    // read than JSON (measured in bench/). Safe without quoting: metric keys are catalogue keys
    // (checked before), days are YYYY-MM-DD, post ids uuids, values finite numbers.
    const metrics = `{${chunk.map((r) => r.metric).join(',')}}`;
    const days = `{${chunk.map((r) => r.day).join(',')}}`;
    const postIds = `{${chunk.map((r) => r.post_id ?? 'NULL').join(',')}}`;
    const values = `{${chunk.map((r) => String(r.value)).join(',')}}`;
    const result = await db.execute(sql`
      with r as (
        select * from unnest(${metrics}::text[], ${days}::date[], ${postIds}::uuid[], ${values}::float8[]) as r(metric, day, post_id, value)
      ), cur as (
        select o.metric, o.day, o.post_id, o.value, o.import_id, o.source, r.value as new_value
        from r join observations o
          on o.account_id = ${t.accountId}::uuid and o.metric = r.metric and o.day = r.day
         and coalesce(o.post_id, ${NO_POST}::uuid) = coalesce(r.post_id, ${NO_POST}::uuid)
      ), hist as (
        insert into observation_history (id, organisation_id, account_id, metric, day, post_id, value, import_id, source, replaced_by_import_id, replaced_at)
        select gen_random_uuid(), ${t.organisationId}::uuid, ${t.accountId}::uuid, metric, day, post_id, value, import_id, source, ${importId}::uuid, ${now}::timestamptz
        from cur where value is distinct from new_value
        returning 1
      ), upd as (
        update observations o set value = cur.new_value, import_id = ${importId}::uuid, source = ${source}, updated_at = ${now}::timestamptz
        from cur where o.account_id = ${t.accountId}::uuid and o.metric = cur.metric and o.day = cur.day
          and coalesce(o.post_id, ${NO_POST}::uuid) = coalesce(cur.post_id, ${NO_POST}::uuid)
          and cur.value is distinct from cur.new_value
        returning o.metric, o.day, o.post_id
      ), ins as (
        insert into observations (organisation_id, account_id, metric, day, post_id, value, source, import_id, created_at, updated_at)
        select ${t.organisationId}::uuid, ${t.accountId}::uuid, r.metric, r.day, r.post_id, r.value, ${source}, ${importId}::uuid, ${now}::timestamptz, ${now}::timestamptz
        from r where not exists (
          select 1 from cur where cur.metric = r.metric and cur.day = r.day and cur.post_id is not distinct from r.post_id)
        returning metric, day, post_id
      )
      select (select count(*) from ins)::int as added, (select count(*) from upd)::int as changed, (select count(*) from cur)::int as matched,
        -- for the rollups (refresh-rollups.ts): when stored values were matched, the months of the values written (new or changed)
        case when exists (select 1 from cur) then (select coalesce(array_agg(distinct metric || '|' || to_char(day, 'YYYY-MM')), '{}')
          from (select metric, day, post_id from ins union all select metric, day, post_id from upd) w where post_id is null) end as pairs`);
    const first = (result as unknown as { rows: { added: number; changed: number; matched: number; pairs: string[] | string | null }[] }).rows[0]!;
    changes.add(chunk, Number(first.matched), first.pairs);
    added += Number(first.added);
    changed += Number(first.changed);
    unchanged += Number(first.matched) - Number(first.changed);
  }
  return { added, changed, unchanged };
}

async function writeAudience(db: Db, t: WriteTarget, importId: string, source: string, list: readonly BatchAudience[]): Promise<number> {
  if (list.length === 0) return 0;
  const now = t.now.toISOString();
  const byDay = new Map<string, BatchAudience>();
  for (const a of list) byDay.set(a.date, a);
  const json = JSON.stringify([...byDay.values()].map((a) => ({ day: a.date, dist: a.ageDistribution, other: a.other ?? null })));
  const result = await db.execute(sql`
    with r as (
      select * from json_to_recordset(${json}::json) as r(day date, dist jsonb, other jsonb)
    ), cur as (
      select s.id, s.day, s.age_distribution, s.other, s.import_id, s.source, r.dist, r.other as new_other
      from r join audience_snapshots s on s.account_id = ${t.accountId}::uuid and s.day = r.day
    ), diff as (
      select * from cur where age_distribution is distinct from dist or other is distinct from new_other
    ), hist as (
      insert into audience_history (id, organisation_id, account_id, day, age_distribution, other, import_id, source, replaced_by_import_id, replaced_at)
      select gen_random_uuid(), ${t.organisationId}::uuid, ${t.accountId}::uuid, day, age_distribution, other, import_id, source, ${importId}::uuid, ${now}::timestamptz
      from diff returning 1
    ), upd as (
      update audience_snapshots s set age_distribution = diff.dist, other = diff.new_other, import_id = ${importId}::uuid, source = ${source}
      from diff where s.id = diff.id returning 1
    ), ins as (
      insert into audience_snapshots (id, organisation_id, account_id, day, age_distribution, other, source, import_id, created_at)
      select gen_random_uuid(), ${t.organisationId}::uuid, ${t.accountId}::uuid, r.day, r.dist, r.other, ${source}, ${importId}::uuid, ${now}::timestamptz
      from r where not exists (select 1 from cur where cur.day = r.day)
      returning 1
    )
    select ((select count(*) from ins) + (select count(*) from upd))::int as written`);
  return countOf(result);
}

async function keepFile(db: Db, t: WriteTarget, sha256: string, bytes: Uint8Array): Promise<string> {
  const [inserted] = await db
    .insert(storedFiles)
    .values({ id: crypto.randomUUID(), organisationId: t.organisationId, sha256, size: bytes.length, content: bytes, createdAt: t.now })
    .onConflictDoNothing()
    .returning({ id: storedFiles.id });
  if (inserted) return inserted.id;
  const [existing] = await db
    .select({ id: storedFiles.id })
    .from(storedFiles)
    .where(and(eq(storedFiles.organisationId, t.organisationId), eq(storedFiles.sha256, sha256)));
  return existing!.id;
}

/**
 * Writes a checked batch for one account inside the given transaction (the caller opens it and
 * has checked the batch with check-statistics.ts). Returns the import id (null when nothing changed).
 */
export async function writeStatistics(db: Db, t: WriteTarget, meta: ImportMeta, batch: StatisticsBatch): Promise<WriteResult> {
  await lockAccount(db, t.accountId);
  const empty: ImportCounts = { added: 0, changed: 0, unchanged: 0, posts: 0, audience: 0 };
  // Checked behind the lock, so that two requests at the same moment cannot both pass.
  if (meta.idempotencyKey) {
    const [earlier] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.accountId, t.accountId), eq(idempotencyKeys.key, meta.idempotencyKey)));
    if (earlier) {
      if (earlier.sha256 !== meta.sha256) throw new AppError('conflict', 'This Idempotency-Key was used for a different request body.');
      return { importId: earlier.importId, counts: earlier.counts, replay: true };
    }
  }
  if (meta.origin === 'file') {
    const [same] = await db
      .select({ id: imports.id })
      .from(imports)
      .where(and(eq(imports.accountId, t.accountId), eq(imports.sha256, meta.sha256), isNull(imports.undoneAt), sameFileCondition(meta)))
      .limit(1);
    if (same) return { importId: null, counts: empty, duplicateOf: same.id };
  }
  const result = await writeNew(db, t, meta, batch, empty);
  if (meta.idempotencyKey) {
    await db.insert(idempotencyKeys).values({
      accountId: t.accountId,
      key: meta.idempotencyKey,
      sha256: meta.sha256,
      importId: result.importId,
      counts: result.counts,
      createdAt: t.now,
    });
  }
  return result;
}

async function writeNew(db: Db, t: WriteTarget, meta: ImportMeta, batch: StatisticsBatch, empty: ImportCounts): Promise<WriteResult> {
  const importId = crypto.randomUUID();
  await db.insert(imports).values({
    id: importId,
    organisationId: t.organisationId,
    accountId: t.accountId,
    origin: meta.origin,
    fileName: meta.fileName ?? meta.file?.name ?? null,
    sha256: meta.sha256,
    importer: meta.importer ?? null,
    platform: meta.platform ?? null,
    kind: meta.kind ?? null,
    fromDay: meta.from ?? null,
    toDay: meta.to ?? null,
    lastDay: meta.lastDay ?? null,
    rows: meta.rows ?? 0,
    counts: empty,
    columns: meta.columns ?? null,
    warnings: meta.warnings ?? [],
    createdBy: t.personId,
    createdAt: t.now,
  });

  const posts = await writePosts(db, t, importId, batch.posts);
  await resolvePosts(db, t, posts.ids, batch.observations);
  // One row per key; a later value in the batch wins.
  const byKey = new Map<string, { metric: string; day: string; post_id: string | null; value: number }>();
  for (const o of batch.observations) {
    const postId = o.postId ? posts.ids.get(o.postId)! : null;
    byKey.set(`${o.metric}|${o.date}|${postId ?? ''}`, { metric: o.metric, day: o.date, post_id: postId, value: o.value });
  }
  const changes = new MonthChanges();
  const values = await writeObservations(db, t, importId, meta.source, [...byKey.values()], changes);
  const audience = await writeAudience(db, t, importId, meta.source, batch.audience);
  const counts: ImportCounts = { ...values, posts: posts.added, audience };

  if (values.added === 0 && values.changed === 0 && audience === 0 && posts.added === 0) {
    await db.delete(imports).where(eq(imports.id, importId));
    return { importId: null, counts };
  }
  const fileId = meta.file ? await keepFile(db, t, meta.sha256, meta.file.bytes) : null;
  await db.update(imports).set({ counts, fileId }).where(eq(imports.id, importId));
  const fileName = meta.fileName ?? meta.file?.name ?? null;
  await recordAudit(db, { actor: t.actor, now: t.now }, {
    action: 'import.create',
    entityType: 'import',
    entityId: importId,
    unitId: t.unitId,
    label: fileName ? `${t.accountName}: ${fileName}` : `${t.accountName} (${meta.origin})`,
    after: {
      accountId: t.accountId,
      account: t.accountName,
      origin: meta.origin,
      fileName,
      sha256: meta.sha256,
      importer: meta.importer ?? null,
      platform: meta.platform ?? null,
      kind: meta.kind ?? null,
      from: meta.from ?? null,
      to: meta.to ?? null,
      rows: meta.rows ?? 0,
      counts,
    },
  });
  await changes.apply(db, t.organisationId, t.accountId);
  await forgetKpiResults(db, t.organisationId, t.accountId);
  return { importId, counts };
}

/** Lower-case hex SHA-256. */
export async function sha256Hex(bytes: Uint8Array | string): Promise<string> {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const digest = await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
