/** Adds a person to the organisation (administrators, and unit managers for their staff). */
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { PersonCreateInput } from '../../contract/people.ts';
import type { PersonOut } from '../../contract/people.ts';
import { people } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { hashPassword } from '../passwords.ts';
import { presentPerson } from '../present.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';

/**
 * `options.passwordHash` sets an already hashed password (the demo loader hashes its one shared
 * password once instead of once per person); it wins over `password`.
 */
export async function createPerson(ctx: Context, rawInput: PersonCreateInput, options: { passwordHash?: string } = {}): Promise<PersonOut> {
  const input = PersonCreateInput.parse(rawInput);
  if (!ctx.actor.access.canAnywhere('role.grant')) {
    throw new AppError('forbidden', 'Only administrators and unit managers may add people.');
  }
  const [existing] = await ctx.db.select({ id: people.id }).from(people).where(eq(people.email, input.email));
  if (existing) {
    throw new AppError('conflict', `Someone with the e-mail ${input.email} already exists.`, [{ path: 'email', message: 'taken' }]);
  }
  const row = {
    id: crypto.randomUUID(),
    organisationId: ctx.actor.organisationId,
    email: input.email,
    name: input.name,
    passwordHash: options.passwordHash ?? (input.password ? await hashPassword(input.password) : null),
    locale: input.locale,
    notifyByEmail: true,
    active: true,
    lastLoginAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.db.transaction(async (tx) => {
    await tx.insert(people).values(row);
    await recordAudit(tx as unknown as Db, ctx, { action: 'person.create', entityType: 'person', entityId: row.id, unitId: null, label: row.name, after: personSnapshot(row) });
  });
  return presentPerson(row, []);
}

/** A person as the audit trail keeps them: never the password hash, only whether there is one. */
export function personSnapshot(p: { name: string; email: string; locale: string; active: boolean; passwordHash: string | null }) {
  return { name: p.name, email: p.email, locale: p.locale, active: p.active, hasPassword: p.passwordHash !== null };
}
