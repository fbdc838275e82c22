/**
 * Roles from the provider's groups claim. At every single sign-on the person's grants with source
 * 'sso' are made equal to what MAALBAR_OIDC_ROLE_MAP gives their groups: missing ones added, ones
 * no longer given removed. Grants made by hand ('manual') are never touched, and a role already
 * held by hand is not added again. The admin role comes only from an explicit `{"role":"admin"}`
 * entry. The last active administrator is never removed by a sync: that grant stays (and a warning
 * is logged) until another administrator exists, as with revoking by hand.
 */
import { and, count, eq, inArray, ne } from 'drizzle-orm';
import type { OidcRoleMap } from '../../config.ts';
import type { Role } from '../../core/roles.ts';
import type { Db } from '../../db/client.ts';
import { people, roleGrants, units } from '../../db/schema/index.ts';

export interface WantedGrant {
  role: Role;
  /** Unit slug; null for admin. */
  unit: string | null;
  /** The group that gave it (for messages). */
  group: string;
}

/** What the map gives these groups, each role and unit once. Pure. */
export function grantsForGroups(map: OidcRoleMap, groups: readonly string[]): WantedGrant[] {
  const seen = new Set<string>();
  const out: WantedGrant[] = [];
  for (const group of new Set(groups)) {
    for (const entry of map[group] ?? []) {
      const unit = entry.unit ?? null;
      const key = `${entry.role}\u0000${unit ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ role: entry.role, unit, group });
    }
  }
  return out;
}

/** A grant the sync added or removed (for the log and the audit trail). */
export interface SyncedGrant {
  id: string;
  role: string;
  unitId: string | null;
  /** "editor@faculty-a", "admin". */
  label: string;
}

export type SyncResult =
  | { ok: true; added: SyncedGrant[]; removed: SyncedGrant[]; keptLastAdmin: boolean }
  | { ok: false; detail: string };

const describe = (role: string, unit: string | null) => (unit ? `${role}@${unit}` : role);

/** Makes the person's 'sso' grants equal to `wanted`; run inside the sign-in's transaction. */
export async function syncSsoGrants(
  db: Db,
  organisationId: string,
  personId: string,
  wanted: WantedGrant[],
  now: Date,
): Promise<SyncResult> {
  const slugs = [...new Set(wanted.flatMap((w) => (w.unit ? [w.unit] : [])))];
  const found = slugs.length
    ? await db
        .select({ id: units.id, slug: units.slug })
        .from(units)
        .where(and(eq(units.organisationId, organisationId), inArray(units.slug, slugs)))
    : [];
  const unitIdBySlug = new Map(found.map((u) => [u.slug, u.id]));
  const slugByUnitId = new Map(found.map((u) => [u.id, u.slug]));
  const missing = wanted.find((w) => w.unit !== null && !unitIdBySlug.has(w.unit));
  if (missing) {
    return { ok: false, detail: `MAALBAR_OIDC_ROLE_MAP: group "${missing.group}" gives ${missing.role} on unit "${missing.unit}", and no unit has that slug.` };
  }

  const current = await db.select().from(roleGrants).where(eq(roleGrants.personId, personId));
  const keyOf = (role: string, unitId: string | null) => `${role}\u0000${unitId ?? ''}`;
  const wantedKeys = new Map(wanted.map((w) => [keyOf(w.role, w.unit ? unitIdBySlug.get(w.unit)! : null), w]));
  const held = new Set(current.map((g) => keyOf(g.role, g.unitId)));

  const added: SyncedGrant[] = [];
  for (const [key, w] of wantedKeys) {
    if (held.has(key)) continue;
    const grant = { id: crypto.randomUUID(), role: w.role, unitId: w.unit ? unitIdBySlug.get(w.unit)! : null };
    await db.insert(roleGrants).values({ ...grant, organisationId, personId, createdBy: null, createdAt: now, source: 'sso' });
    added.push({ ...grant, label: describe(w.role, w.unit) });
  }

  const removed: SyncedGrant[] = [];
  let keptLastAdmin = false;
  for (const grant of current) {
    if (grant.source !== 'sso' || wantedKeys.has(keyOf(grant.role, grant.unitId))) continue;
    if (grant.role === 'admin') {
      const [others] = await db
        .select({ n: count() })
        .from(roleGrants)
        .innerJoin(people, eq(people.id, roleGrants.personId))
        .where(and(eq(roleGrants.organisationId, organisationId), eq(roleGrants.role, 'admin'), ne(roleGrants.id, grant.id), eq(people.active, true)));
      if ((others?.n ?? 0) === 0) {
        keptLastAdmin = true;
        continue;
      }
    }
    await db.delete(roleGrants).where(eq(roleGrants.id, grant.id));
    const label = describe(grant.role, grant.unitId ? (slugByUnitId.get(grant.unitId) ?? grant.unitId) : null);
    removed.push({ id: grant.id, role: grant.role, unitId: grant.unitId, label });
  }
  return { ok: true, added, removed, keptLastAdmin };
}
