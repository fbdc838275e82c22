/**
 * Changes a person. Everyone may change their own name and language; administrators may also
 * deactivate people and set their passwords. Deactivating ends the person's sessions.
 */
import { and, asc, count, eq, ne } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { PersonOut, PersonUpdateInput } from '../../contract/people.ts';
import { people, roleGrants, sessions } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { findPerson } from '../lookup.ts';
import { hashPassword } from '../passwords.ts';
import { presentPerson } from '../present.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { personSnapshot } from './create-person.ts';

export async function updatePerson(ctx: Context, idOrEmail: string, input: PersonUpdateInput): Promise<PersonOut> {
  const person = await findPerson(ctx.db, ctx.actor.organisationId, idOrEmail);
  const isSelf = person.id === ctx.actor.personId;
  const isAdmin = ctx.actor.access.isAdmin;
  if (!isAdmin && !isSelf) throw new AppError('forbidden', 'Only an administrator may change other people.');
  if (!isAdmin && (input.active !== undefined || input.password !== undefined)) {
    throw new AppError('forbidden', 'Only an administrator may deactivate people or set their passwords.');
  }
  if (isSelf && input.active === false) throw new AppError('validation_failed', 'You cannot deactivate yourself.');
  if (input.active === false && person.active) await refuseLastActiveAdmin(ctx, person.id);

  const changes: Partial<typeof people.$inferInsert> = { updatedAt: ctx.now };
  if (input.name !== undefined) changes.name = input.name;
  if (input.locale !== undefined) changes.locale = input.locale;
  if (input.active !== undefined) changes.active = input.active;
  if (input.password !== undefined) changes.passwordHash = await hashPassword(input.password);

  const row = await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [changed] = await tx.update(people).set(changes).where(eq(people.id, person.id)).returning();
    if (input.active === false || input.password !== undefined) {
      await tx.delete(sessions).where(and(eq(sessions.personId, person.id)));
    }
    const action = input.active === false && person.active ? 'person.deactivate' : 'person.update';
    const after = { ...personSnapshot(changed!), ...(input.password !== undefined ? { passwordChanged: true } : {}) };
    await recordAudit(tx, ctx, { action, entityType: 'person', entityId: person.id, unitId: null, label: changed!.name, before: personSnapshot(person), after });
    return changed;
  });
  const grants = await ctx.db.select().from(roleGrants).where(eq(roleGrants.personId, person.id)).orderBy(asc(roleGrants.createdAt));
  return presentPerson(row!, grants);
}

/** Someone must always be able to administer the organisation (the CLI operator included). */
async function refuseLastActiveAdmin(ctx: Context, personId: string): Promise<void> {
  const [own] = await ctx.db.select({ n: count() }).from(roleGrants).where(and(eq(roleGrants.personId, personId), eq(roleGrants.role, 'admin')));
  if ((own?.n ?? 0) === 0) return;
  const [others] = await ctx.db
    .select({ n: count() })
    .from(roleGrants)
    .innerJoin(people, eq(people.id, roleGrants.personId))
    .where(and(eq(roleGrants.organisationId, ctx.actor.organisationId), eq(roleGrants.role, 'admin'), ne(roleGrants.personId, personId), eq(people.active, true)));
  if ((others?.n ?? 0) === 0) throw new AppError('conflict', 'This is the last active administrator; make someone else administrator first.');
}
