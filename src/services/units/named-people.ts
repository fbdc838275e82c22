/** Who is named on a unit as reporter, evaluator or manager: directly, or inherited from above. */
import { and, eq, inArray } from 'drizzle-orm';
import { Access } from '../../core/access.ts';
import type { Db } from '../../db/client.ts';
import { people, roleGrants, units } from '../../db/schema/index.ts';

export interface NamedPerson {
  id: string;
  name: string;
  email: string;
  /** The unit the role was granted on (the unit itself or an ancestor). */
  fromUnitId: string;
}

export interface NamedPeople {
  reporters: NamedPerson[];
  evaluators: NamedPerson[];
  managers: NamedPerson[];
}

export async function namedPeople(db: Db, organisationId: string, unitId: string): Promise<NamedPeople> {
  const tree = await db.select({ id: units.id, parentId: units.parentId }).from(units).where(eq(units.organisationId, organisationId));
  const chain = new Access([], tree).ancestry(unitId);
  const rows = await db
    .select({ role: roleGrants.role, unitId: roleGrants.unitId, id: people.id, name: people.name, email: people.email })
    .from(roleGrants)
    .innerJoin(people, eq(people.id, roleGrants.personId))
    .where(
      and(
        eq(roleGrants.organisationId, organisationId),
        inArray(roleGrants.unitId, chain),
        inArray(roleGrants.role, ['reporter', 'evaluator', 'manager']),
        eq(people.active, true),
      ),
    );
  // Nearest unit first, then by name.
  const depth = (id: string | null) => (id ? chain.indexOf(id) : chain.length);
  rows.sort((a, b) => depth(a.unitId) - depth(b.unitId) || a.name.localeCompare(b.name, 'nb'));
  const pick = (role: string) =>
    rows.filter((r) => r.role === role).map((r) => ({ id: r.id, name: r.name, email: r.email, fromUnitId: r.unitId! }));
  return { reporters: pick('reporter'), evaluators: pick('evaluator'), managers: pick('manager') };
}
