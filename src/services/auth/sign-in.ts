/** Sign-in with e-mail and password. The answer never says whether the e-mail exists. */
import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import type { LoginInput } from '../../contract/auth.ts';
import { people } from '../../db/schema/index.ts';
import type { AnonymousContext } from '../context.ts';
import { verifyPassword } from '../passwords.ts';
import { createSession, type NewSession } from './sessions.ts';

export async function signIn(
  ctx: AnonymousContext,
  input: LoginInput,
  userAgent: string | null,
): Promise<{ personId: string; session: NewSession }> {
  const [person] = await ctx.db.select().from(people).where(eq(people.email, input.email));
  const ok = await verifyPassword(person?.passwordHash ?? null, input.password);
  if (!person || !ok || !person.active) {
    throw new AppError('invalid_credentials', 'Wrong e-mail or password.');
  }
  await ctx.db.update(people).set({ lastLoginAt: ctx.now }).where(eq(people.id, person.id));
  const session = await createSession(ctx, person.id, person.organisationId, userAgent);
  return { personId: person.id, session };
}
