/**
 * The people named on each unit for a role (granted on the unit or above, active people only):
 * read once for a whole list, then answered per unit — nearest grant first, then by name, each
 * person once. Serves the reporters of the due list and the evaluators of evaluations.
 */
import { and, eq } from 'drizzle-orm';
import type { Access } from '../core/access.ts';
import type { UnitRole } from '../core/roles.ts';
import type { Db } from '../db/client.ts';
import { people, roleGrants } from '../db/schema/index.ts';

export interface PersonName {
  id: string;
  name: string;
}

/** Reads the grants of one role in the organisation and returns a lookup by unit (cached per unit). */
export async function loadNamedPeople(db: Db, organisationId: string, role: UnitRole, tree: Pick<Access, 'ancestry'>): Promise<(unitId: string) => PersonName[]> {
  const grants = await db
    .select({ unitId: roleGrants.unitId, id: people.id, name: people.name })
    .from(roleGrants)
    .innerJoin(people, eq(people.id, roleGrants.personId))
    .where(and(eq(roleGrants.organisationId, organisationId), eq(roleGrants.role, role), eq(people.active, true)));
  const onUnit = new Map<string, PersonName[]>();
  for (const g of grants) {
    if (!g.unitId) continue;
    const list = onUnit.get(g.unitId) ?? [];
    list.push({ id: g.id, name: g.name });
    onUnit.set(g.unitId, list);
  }
  const cache = new Map<string, PersonName[]>();
  return (unitId) => {
    const hit = cache.get(unitId);
    if (hit) return hit;
    const seen = new Set<string>();
    const out: PersonName[] = [];
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
  };
}
