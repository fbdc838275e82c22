/**
 * Statistics sent by automation (`POST /accounts/{account}/observations`): a JSON batch, or a CSV
 * body in the Målbar template. Recorded as one import of origin 'api' through the same checks
 * and write path as files; sending the same values again changes nothing. An Idempotency-Key
 * makes a retried request return the first answer (write-statistics.ts checks it behind the
 * account's write lock); the same key with a different body is a conflict.
 */
import type { BatchResult, ObservationBatch } from '../../contract/statistics.ts';
import { templateImporter } from '../../importers/maalbar-template.ts';
import { decodeText } from '../../importers/parse/decode.ts';
import type { Platform } from '../../core/platforms.ts';
import type { Context } from '../context.ts';
import { findAccount } from '../lookup.ts';
import { authorize } from '../authorize.ts';
import { AppError } from '../../core/errors.ts';
import { recordObservations, type RecordObservationsInput } from './record-observations.ts';
import { sha256Hex } from './write-statistics.ts';

export type BatchBody = { kind: 'json'; batch: ObservationBatch } | { kind: 'csv'; name: string; bytes: Uint8Array };

function result(importId: string | null, counts: { added: number; changed: number; unchanged: number; posts: number; audience: number }): BatchResult {
  return { importId, status: importId ? 'imported' : 'unchanged', ...counts };
}

export async function recordBatch(ctx: Context, accountRef: string, body: BatchBody, options: { idempotencyKey?: string | undefined } = {}): Promise<BatchResult> {
  const sha256 = body.kind === 'csv' ? await sha256Hex(body.bytes) : await sha256Hex(JSON.stringify(body.batch));
  const key = options.idempotencyKey?.trim() || null;
  // Who may send comes first: a body is not read for someone who may not write here.
  const account = await findAccount(ctx.db, ctx.actor.organisationId, accountRef);
  if (!account) throw new AppError('not_found', 'No such account.');
  authorize(ctx, 'statistics.write', account.unitId, 'account');

  let input: RecordObservationsInput;
  let meta: Parameters<typeof recordObservations>[4] = { meta: { sha256, idempotencyKey: key } };
  if (body.kind === 'json') {
    input = {
      observations: (body.batch.observations ?? []).map((o) => ({ metric: o.metric, date: o.date, value: o.value, postId: o.post ?? null })),
      ...(body.batch.posts ? { posts: body.batch.posts } : {}),
      ...(body.batch.audience ? { audience: body.batch.audience } : {}),
    };
  } else {
    const file = { name: body.name, bytes: body.bytes };
    const parsed = templateImporter.parse(file, decodeText(body.bytes), { platform: account.platform as Platform });
    input = {
      observations: parsed.observations.map((o) => ({ metric: o.metric, date: o.date, value: o.value, postId: o.postId ?? null })),
      posts: parsed.posts.map((p) => ({ ...p })),
    };
    meta = {
      meta: {
        sha256,
        idempotencyKey: key,
        file,
        importer: parsed.importer,
        kind: parsed.kind,
        from: parsed.from,
        to: parsed.to,
        rows: parsed.stats.rows,
        columns: parsed.columns,
        warnings: parsed.warnings,
      },
    };
  }
  const written = await recordObservations(ctx, accountRef, input, 'api', meta);
  return result(written.importId, written.counts);
}
