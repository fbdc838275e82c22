/** The organisation's people with their role grants (a staff directory every member may read). */
import { asc, eq } from 'drizzle-orm';
import type { PersonOut } from '../../contract/people.ts';
import { people, roleGrants } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { findPerson } from '../lookup.ts';
import { presentPerson } from '../present.ts';

export async function listPeople(ctx: Context): Promise<PersonOut[]> {
  const orgId = ctx.actor.organisationId;
  const [rows, grants] = await Promise.all([
    ctx.db.select().from(people).where(eq(people.organisationId, orgId)).orderBy(asc(people.name)),
    ctx.db.select().from(roleGrants).where(eq(roleGrants.organisationId, orgId)).orderBy(asc(roleGrants.createdAt)),
  ]);
  const byPerson = Map.groupBy(grants, (g) => g.personId);
  return rows.map((p) => presentPerson(p, byPerson.get(p.id) ?? []));
}

export async function getPerson(ctx: Context, idOrEmail: string): Promise<PersonOut> {
  const person = await findPerson(ctx.db, ctx.actor.organisationId, idOrEmail);
  const grants = await ctx.db.select().from(roleGrants).where(eq(roleGrants.personId, person.id)).orderBy(asc(roleGrants.createdAt));
  return presentPerson(person, grants);
}
