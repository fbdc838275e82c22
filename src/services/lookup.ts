/** Finding units, people and accounts by id or slug within the actor's organisation. */
import { and, eq, or } from 'drizzle-orm';
import { AppError } from '../core/errors.ts';
import type { Db } from '../db/client.ts';
import { accounts, people, units } from '../db/schema/index.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => uuidPattern.test(s);

export async function findUnit(db: Db, organisationId: string, idOrSlug: string) {
  const match = isUuid(idOrSlug) ? eq(units.id, idOrSlug) : eq(units.slug, idOrSlug);
  const [row] = await db.select().from(units).where(and(eq(units.organisationId, organisationId), match));
  if (!row) throw new AppError('not_found', `No unit "${idOrSlug}".`);
  return row;
}

export async function findAccount(db: Db, organisationId: string, idOrSlug: string) {
  const match = isUuid(idOrSlug) ? eq(accounts.id, idOrSlug) : eq(accounts.slug, idOrSlug);
  const [row] = await db.select().from(accounts).where(and(eq(accounts.organisationId, organisationId), match));
  return row ?? null;
}

export async function findPerson(db: Db, organisationId: string, idOrEmail: string) {
  const match = isUuid(idOrEmail)
    ? or(eq(people.id, idOrEmail), eq(people.email, idOrEmail.toLowerCase()))
    : eq(people.email, idOrEmail.trim().toLowerCase());
  const [row] = await db.select().from(people).where(and(eq(people.organisationId, organisationId), match));
  if (!row) throw new AppError('not_found', `No person "${idOrEmail}".`);
  return row;
}
