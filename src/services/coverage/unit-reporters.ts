/**
 * The units of the organisation and the reporters named on each (granted on the unit or above),
 * read once for a whole list of accounts: two queries, however many units.
 */
import { and, eq } from 'drizzle-orm';
import { Access } from '../../core/access.ts';
import type { Db } from '../../db/client.ts';
import { people, roleGrants, units } from '../../db/schema/index.ts';

export interface UnitInfo {
  id: string;
  slug: string;
  name: string;
  path: string;
}

export interface UnitDirectory {
  unit(id: string): UnitInfo | undefined;
  /** Reporters on the unit, nearest grant first, then by name; each person once. */
  reporters(unitId: string): { id: string; name: string }[];
}

export async function loadUnitDirectory(db: Db, organisationId: string): Promise<UnitDirectory> {
  const [unitRows, grants] = await Promise.all([
    db.select({ id: units.id, parentId: units.parentId, slug: units.slug, name: units.name, path: units.path }).from(units).where(eq(units.organisationId, organisationId)),
    db
      .select({ unitId: roleGrants.unitId, id: people.id, name: people.name })
      .from(roleGrants)
      .innerJoin(people, eq(people.id, roleGrants.personId))
      .where(and(eq(roleGrants.organisationId, organisationId), eq(roleGrants.role, 'reporter'), eq(people.active, true))),
  ]);
  const tree = new Access([], unitRows);
  const byId = new Map(unitRows.map((u) => [u.id, { id: u.id, slug: u.slug, name: u.name, path: u.path }]));
  const onUnit = new Map<string, { id: string; name: string }[]>();
  for (const g of grants) {
    if (!g.unitId) continue;
    const list = onUnit.get(g.unitId) ?? [];
    list.push({ id: g.id, name: g.name });
    onUnit.set(g.unitId, list);
  }
  const cache = new Map<string, { id: string; name: string }[]>();
  return {
    unit: (id) => byId.get(id),
    reporters(unitId) {
      const hit = cache.get(unitId);
      if (hit) return hit;
      const seen = new Set<string>();
      const out: { id: string; name: string }[] = [];
      for (const id of tree.ancestry(unitId)) {
        const here = [...(onUnit.get(id) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
        for (const p of here) {
          if (seen.has(p.id)) continue;
          seen.add(p.id);
          out.push(p);
        }
      }
      cache.set(unitId, out);
      return out;
    },
  };
}
