/**
 * Documents statistics for one account from a list of values (the demo, tests, the API's JSON
 * batches and manual entry build on it): daily (or per-post) metric values, the posts they
 * belong to, and audience snapshots by age group.
 *
 * The actor needs `statistics.write` on the account's unit (reporters, editors, managers). The
 * batch is checked (check-statistics.ts) before anything is written and written in one
 * transaction through write-statistics.ts, which records it as one import with history: the
 * same values twice change nothing, a corrected value replaces the old one and keeps it in
 * history. A per-post value names its post by the platform's post id: one given in `posts` of
 * the same call, or one already stored for the account.
 */
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { Platform } from '../../core/platforms.ts';
import { AudienceIn, ObservationIn, PostIn } from '../../contract/statistics.ts';
import type { Db } from '../../db/client.ts';
import type { ImportCounts, ImportOrigin } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { findAccount } from '../lookup.ts';
import { assertStatistics, MAX_ISSUES } from './check-statistics.ts';
import { sha256Hex, writeStatistics, type ImportMeta } from './write-statistics.ts';

export { CHUNK } from './write-statistics.ts';
/** A value as services take it: `postId` is the platform's post id (the API's `post`). */
export const ObservationInput = ObservationIn.omit({ post: true }).extend({ postId: ObservationIn.shape.post });

export const RecordObservationsInput = z.object({
  observations: z.array(ObservationInput).default([]),
  posts: z.array(PostIn).optional(),
  audience: z.array(AudienceIn).optional(),
});
export type RecordObservationsInput = z.input<typeof RecordObservationsInput>;

export interface RecordObservationsResult {
  accountId: string;
  /** Values given (after merging repeats of one key), posts given, snapshots written. */
  observations: number;
  posts: number;
  audience: number;
  /** The import recording the batch; null when nothing changed. */
  importId: string | null;
  counts: ImportCounts;
}

/** Where stored values came from. */
export type ObservationSource = 'manual' | 'api' | 'import' | 'demo';

const originOf: Record<ObservationSource, ImportOrigin> = { manual: 'manual', api: 'api', import: 'file', demo: 'demo' };

/**
 * Stores statistics for the account (id or slug). Returns how many rows of each kind were
 * written. Throws validation_failed naming every problem (up to 20) before writing anything.
 */
export async function recordObservations(
  ctx: Context,
  accountIdOrSlug: string,
  rawInput: RecordObservationsInput,
  source: ObservationSource = 'manual',
  options: { meta?: Partial<ImportMeta> } = {},
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
  const batch = { observations: input.observations, posts: input.posts ?? [], audience: input.audience ?? [] };
  assertStatistics(account.platform as Platform, account.name, batch);
  const meta: ImportMeta = {
    origin: originOf[source],
    source,
    sha256: await sha256Hex(JSON.stringify(batch)),
    ...(options.meta ?? {}),
  };
  const target = { organisationId: orgId, accountId: account.id, accountName: account.name, personId: ctx.actor.personId, now: ctx.now, unitId: account.unitId, actor: ctx.actor };
  const result = await ctx.db.transaction((tx) => writeStatistics(tx as unknown as Db, target, meta, batch));
  return {
    accountId: account.id,
    observations: result.counts.added + result.counts.changed + result.counts.unchanged,
    posts: batch.posts.length,
    audience: result.counts.audience,
    importId: result.importId,
    counts: result.counts,
  };
}
