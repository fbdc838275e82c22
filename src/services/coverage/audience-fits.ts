/**
 * Audience fit (core/audience/fit.ts) for many accounts at once, for dashboards: the newest
 * audience snapshot on or before a day for every account, in one query (DISTINCT ON over the
 * (account, day) unique index), then the pure assessment per account. Accounts the actor may
 * not read are left out.
 */
import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { audienceFit, BROAD_BELOW_PERCENT } from '../../core/audience/fit.ts';
import type { Day } from '../../core/period/days.ts';
import type { AudienceFitOut } from '../../contract/coverage.ts';
import type { Db } from '../../db/client.ts';
import { accounts } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { isUuid } from '../lookup.ts';
import { accountRef, dayOfNow } from './account-ref.ts';

type AccountRow = typeof accounts.$inferSelect;

interface SnapshotRow {
  account_id: string;
  day: string;
  age_distribution: Record<string, number>;
  import_id: string | null;
  source: string;
}

/** The newest snapshot of each account on or before `at` (one query). No authorisation here. */
export async function newestSnapshots(db: Db, organisationId: string, accountIds: readonly string[], at: Day): Promise<Map<string, SnapshotRow>> {
  const out = new Map<string, SnapshotRow>();
  if (accountIds.length === 0) return out;
  const result = await db.execute(sql`
    select distinct on (account_id) account_id::text as account_id, day::text as day, age_distribution, import_id::text as import_id, source
    from audience_snapshots
    where organisation_id = ${organisationId}::uuid and account_id = any(${`{${accountIds.join(',')}}`}::uuid[]) and day <= ${at}::date
    order by account_id, day desc`);
  for (const r of (result as unknown as { rows: SnapshotRow[] }).rows) {
    // jsonb arrives parsed from both drivers; a string would mean a driver configured otherwise.
    const dist = typeof r.age_distribution === 'string' ? (JSON.parse(r.age_distribution) as Record<string, number>) : r.age_distribution;
    out.set(r.account_id, { ...r, age_distribution: dist });
  }
  return out;
}

/** The fit of each given account (rows already read and authorised by the caller), in the given order. */
export async function assessAudienceFits(db: Db, organisationId: string, rows: readonly AccountRow[], at: Day): Promise<AudienceFitOut[]> {
  const snapshots = await newestSnapshots(
    db,
    organisationId,
    rows.map((a) => a.id),
    at,
  );
  return rows.map((a) => {
    const snap = snapshots.get(a.id) ?? null;
    const fit = audienceFit(a.targetAgeGroups, snap ? { day: snap.day, ageDistribution: snap.age_distribution } : null);
    return {
      account: accountRef(a),
      ...fit,
      snapshot: snap ? { day: snap.day, importId: snap.import_id, source: snap.source } : null,
      broadBelowPercent: BROAD_BELOW_PERCENT,
    };
  });
}

/** Audience fit for many accounts (ids or slugs) the actor may read, as of `at` (default today). */
export async function audienceFits(ctx: Context, accountRefs: readonly string[], at?: Day): Promise<AudienceFitOut[]> {
  const orgId = ctx.actor.organisationId;
  if (accountRefs.length === 0) return [];
  const ids = accountRefs.filter(isUuid);
  const slugs = accountRefs.filter((r) => !isUuid(r));
  const match = [ids.length > 0 ? inArray(accounts.id, ids) : undefined, slugs.length > 0 ? inArray(accounts.slug, slugs) : undefined].filter(
    (c) => c !== undefined,
  );
  const rows = await ctx.db
    .select()
    .from(accounts)
    .where(and(eq(accounts.organisationId, orgId), or(...match)))
    .orderBy(asc(accounts.name));
  const readable = rows.filter((a) => ctx.actor.access.can('read', a.unitId));
  return assessAudienceFits(ctx.db, orgId, readable, at ?? dayOfNow(ctx.now));
}
