/**
 * The organisation's accounts on some platforms, for the dashboards that take them all (metric by
 * unit, compare). Read as one row of arrays: on PGlite every result row costs several
 * microseconds to turn into an object, so 500 accounts as rows took about 6 ms and as arrays
 * under 1 ms (bench/dashboards.ts).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

export interface OrganisationAccount {
  id: string;
  unitId: string;
  platform: string;
  /** '' unless asked for (`names`). */
  slug: string;
  name: string;
}

interface Row {
  ids: string[] | null;
  units: string[] | null;
  platforms: string[] | null;
  slugs: string[] | null;
  names: string[] | null;
}

export async function organisationAccounts(db: Db, organisationId: string, platforms: readonly string[], options: { names?: boolean } = {}): Promise<OrganisationAccount[]> {
  // Platform keys are catalogue keys: safe in an array literal.
  const result = await db.execute(sql`
    select array_agg(id::text) as ids, array_agg(unit_id::text) as units, array_agg(platform) as platforms,
           ${options.names ? sql`array_agg(slug) as slugs, array_agg(name) as names` : sql`array_agg(''::text) as slugs, array_agg(''::text) as names`}
    from accounts
    where organisation_id = ${organisationId}::uuid and platform = any(${`{${platforms.join(',')}}`}::text[])`);
  const r = (result as unknown as { rows: Row[] }).rows[0];
  if (!r?.ids || !r.units || !r.platforms || !r.slugs || !r.names) return []; // no account: array_agg of nothing is null
  const { units, slugs, names } = r;
  const keys = r.platforms;
  // The arrays come from one aggregate over the same rows: equally long, in the same order.
  return r.ids.map((id, i) => ({ id, unitId: units[i]!, platform: keys[i]!, slug: slugs[i]!, name: names[i]! }));
}
