/**
 * The evaluators named on each unit (granted on the unit or above, active people only), read once
 * for a whole list of evaluations: two queries, however many units.
 */
import { and, eq } from 'drizzle-orm';
import { Access } from '../../core/access.ts';
import type { Db } from '../../db/client.ts';
import { people, roleGrants, units } from '../../db/schema/index.ts';

export interface EvaluatorDirectory {
  /** The unit's evaluators, nearest grant first, then by name; each person once. */
  evaluators(unitId: string): { id: string; name: string }[];
}

export async function loadEvaluatorDirectory(db: Db, organisationId: string): Promise<EvaluatorDirectory> {
  const [tree, grants] = await Promise.all([
    db.select({ id: units.id, parentId: units.parentId }).from(units).where(eq(units.organisationId, organisationId)),
    db
      .select({ unitId: roleGrants.unitId, id: people.id, name: people.name })
      .from(roleGrants)
      .innerJoin(people, eq(people.id, roleGrants.personId))
      .where(and(eq(roleGrants.organisationId, organisationId), eq(roleGrants.role, 'evaluator'), eq(people.active, true))),
  ]);
  const access = new Access([], tree);
  const onUnit = new Map<string, { id: string; name: string }[]>();
  for (const g of grants) {
    if (!g.unitId) continue;
    const list = onUnit.get(g.unitId) ?? [];
    list.push({ id: g.id, name: g.name });
    onUnit.set(g.unitId, list);
  }
  const cache = new Map<string, { id: string; name: string }[]>();
  return {
    evaluators(unitId) {
      const hit = cache.get(unitId);
      if (hit) return hit;
      const seen = new Set<string>();
      const out: { id: string; name: string }[] = [];
      for (const id of access.ancestry(unitId)) {
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
