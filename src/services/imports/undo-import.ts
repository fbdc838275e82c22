/**
 * Undoing an import as a whole. Every value the import wrote that is still current goes back to
 * what was documented before it (from observation_history), or is removed when the import had
 * brought it; a removed value is kept in history (replaced by nothing), so undoing never loses a
 * number. Where a later import has since replaced one of this import's values, the later value
 * stays, and its history entry is rewritten to what was documented before this import, so that
 * undoing the later import afterwards does not bring this import's value back. Posts the import
 * brought that nothing refers to any more are removed; audience snapshots as for values.
 * One transaction, behind the account's write lock.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { UndoResult } from '../../contract/statistics.ts';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { imports } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { refreshRollups } from '../statistics/refresh-rollups.ts';
import { forgetKpiResults } from '../dashboards/forget-results.ts';
import { lockAccount } from '../statistics/write-statistics.ts';
import { findImport, presentImport } from './present-import.ts';
import { recordAudit } from '../audit/record-audit.ts';

const NO_POST = '00000000-0000-0000-0000-000000000000';
const rowsOf = (r: unknown) => (r as { rows: Record<string, unknown>[] }).rows;
const firstNumber = (r: unknown): number => Number(Object.values(rowsOf(r)[0] ?? { n: 0 })[0] ?? 0);

export async function undoImport(ctx: Context, importId: string): Promise<UndoResult> {
  const found = await findImport(ctx, importId);
  authorize(ctx, 'statistics.write', found.unitId, 'import');
  const now = ctx.now.toISOString();
  const x = found.row.id;
  const account = found.row.accountId;
  const counts = await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await lockAccount(tx, found.row.accountId);
    const [current] = await tx.select({ undoneAt: imports.undoneAt }).from(imports).where(eq(imports.id, x));
    if (current?.undoneAt) throw new AppError('conflict', 'This import has already been undone.');

    // 1. Later imports' history entries that hold this import's value: rewrite to the value before it, or drop.
    await tx.execute(sql`
      update observation_history h set value = p.value, import_id = p.import_id, source = p.source
      from observation_history p
      where h.import_id = ${x}::uuid and h.replaced_by_import_id is not null and h.replaced_by_import_id <> ${x}::uuid
        and p.replaced_by_import_id = ${x}::uuid and p.account_id = h.account_id and p.metric = h.metric and p.day = h.day
        and coalesce(p.post_id, ${NO_POST}::uuid) = coalesce(h.post_id, ${NO_POST}::uuid)`);
    await tx.execute(sql`
      delete from observation_history h
      where h.import_id = ${x}::uuid and h.replaced_by_import_id is not null and h.replaced_by_import_id <> ${x}::uuid`);

    // 2. Every current value of this import is kept in history (replaced by nothing): undoing loses no number.
    await tx.execute(sql`
      insert into observation_history (id, organisation_id, account_id, metric, day, post_id, value, import_id, source, replaced_by_import_id, replaced_at)
      select gen_random_uuid(), organisation_id, account_id, metric, day, post_id, value, import_id, source, null, ${now}::timestamptz
      from observations where account_id = ${account}::uuid and import_id = ${x}::uuid`);

    // 3. Those that replaced an earlier value get the earlier value back; the others (this import brought them) go.
    const restored = firstNumber(
      await tx.execute(sql`
        with done as (
          update observations o set value = p.value, import_id = p.import_id, source = p.source, updated_at = ${now}::timestamptz
          from observation_history p
          where o.account_id = ${account}::uuid and o.import_id = ${x}::uuid and p.replaced_by_import_id = ${x}::uuid and p.account_id = o.account_id
            and p.metric = o.metric and p.day = o.day
            and coalesce(p.post_id, ${NO_POST}::uuid) = coalesce(o.post_id, ${NO_POST}::uuid)
          returning 1)
        select count(*)::int from done`),
    );
    const removed = firstNumber(
      await tx.execute(sql`with gone as (delete from observations where account_id = ${account}::uuid and import_id = ${x}::uuid returning 1) select count(*)::int from gone`),
    );

    // 4. Audience snapshots, the same steps.
    await tx.execute(sql`
      update audience_history h set age_distribution = p.age_distribution, other = p.other, import_id = p.import_id, source = p.source
      from audience_history p
      where h.import_id = ${x}::uuid and h.replaced_by_import_id is not null and h.replaced_by_import_id <> ${x}::uuid
        and p.replaced_by_import_id = ${x}::uuid and p.account_id = h.account_id and p.day = h.day`);
    await tx.execute(sql`
      delete from audience_history h
      where h.import_id = ${x}::uuid and h.replaced_by_import_id is not null and h.replaced_by_import_id <> ${x}::uuid`);
    await tx.execute(sql`
      insert into audience_history (id, organisation_id, account_id, day, age_distribution, other, import_id, source, replaced_by_import_id, replaced_at)
      select gen_random_uuid(), organisation_id, account_id, day, age_distribution, other, import_id, source, null, ${now}::timestamptz
      from audience_snapshots where import_id = ${x}::uuid`);
    const audienceRestored = firstNumber(
      await tx.execute(sql`
        with done as (
          update audience_snapshots s set age_distribution = p.age_distribution, other = p.other, import_id = p.import_id, source = p.source
          from audience_history p
          where s.import_id = ${x}::uuid and p.replaced_by_import_id = ${x}::uuid and p.account_id = s.account_id and p.day = s.day
          returning 1)
        select count(*)::int from done`),
    );
    const audienceRemoved = firstNumber(
      await tx.execute(sql`with gone as (delete from audience_snapshots where import_id = ${x}::uuid returning 1) select count(*)::int from gone`),
    );

    // 5. Posts this import brought that no value refers to any more.
    const postsRemoved = firstNumber(
      await tx.execute(sql`
        with gone as (
          delete from posts p where p.import_id = ${x}::uuid
            and not exists (select 1 from observations o where o.account_id = ${account}::uuid and o.post_id = p.id)
          returning 1)
        select count(*)::int from gone`),
    );

    await refreshRollups(tx, account, { importId: x });
    await forgetKpiResults(tx, found.row.organisationId, account);
    await tx
      .update(imports)
      .set({ undoneAt: ctx.now, undoneBy: ctx.actor.personId })
      .where(and(eq(imports.id, x), eq(imports.organisationId, ctx.actor.organisationId)));
    const r = found.row;
    const what = { accountId: account, origin: r.origin, fileName: r.fileName, importedAt: r.createdAt, counts: r.counts };
    await recordAudit(tx, ctx, {
      action: 'import.undo',
      entityType: 'import',
      entityId: x,
      unitId: found.unitId,
      label: r.fileName ?? r.origin,
      before: { ...what, undoneAt: null },
      after: { ...what, undoneAt: ctx.now, removed, restored, postsRemoved, audienceRemoved, audienceRestored },
    });
    return { removed, restored, postsRemoved, audienceRemoved, audienceRestored };
  });
  const after = await findImport(ctx, importId);
  return { import: await presentImport(ctx.db, after.row), ...counts };
}
