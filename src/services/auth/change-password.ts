/** A signed-in person changes their own password; their other sessions end. */
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { PasswordChangeInput } from '../../contract/auth.ts';
import { people } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import { endOtherSessions } from './sessions.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';

export async function changePassword(ctx: Context, input: PasswordChangeInput, currentSessionId: string | null): Promise<void> {
  const personId = ctx.actor.personId;
  if (!personId) throw new AppError('forbidden', 'Only a person can change their password.');
  const [person] = await ctx.db.select().from(people).where(eq(people.id, personId));
  if (!person || !(await verifyPassword(person.passwordHash, input.currentPassword))) {
    throw new AppError('validation_failed', 'The current password is wrong.', [
      { path: 'currentPassword', message: 'wrong password' },
    ]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await tx.update(people).set({ passwordHash, updatedAt: ctx.now }).where(eq(people.id, personId));
    await endOtherSessions(tx, personId, currentSessionId);
    // That it changed, never the password or its hash.
    await recordAudit(tx, ctx, { action: 'person.password', entityType: 'person', entityId: personId, unitId: null, label: person.name, after: { passwordChanged: true } });
  });
}
