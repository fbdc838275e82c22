/** First run: creates the organisation, its top unit and its first administrator, then signs in. */
import { count, sql } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { slugify } from '../../core/slug.ts';
import type { SetupInput } from '../../contract/auth.ts';
import { organisations, people, roleGrants, units } from '../../db/schema/index.ts';
import type { AnonymousContext } from '../context.ts';
import { hashPassword } from '../passwords.ts';
import { createSession, type NewSession } from './sessions.ts';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';

export async function needsSetup(ctx: AnonymousContext): Promise<boolean> {
  const [row] = await ctx.db.select({ n: count() }).from(organisations);
  return (row?.n ?? 0) === 0;
}

export interface SetupResult {
  organisationId: string;
  personId: string;
  topUnitId: string;
}

/**
 * Creates an organisation with a top unit of the same name and an administrator. Used by the
 * first-run page (only while no organisation exists) and by the demo loader.
 */
export async function createOrganisation(
  ctx: AnonymousContext,
  input: SetupInput,
  passwordHash: string | null,
  options: { onlyIfFirst?: boolean } = {},
): Promise<SetupResult> {
  const organisationId = crypto.randomUUID();
  const personId = crypto.randomUUID();
  const topUnitId = crypto.randomUUID();
  const slug = slugify(input.organisationName);
  await ctx.db.transaction(async (tx) => {
    if (options.onlyIfFirst) {
      // Checked inside the transaction, under a lock, so that two set-ups at once cannot both win.
      await tx.execute(sql`lock table organisations in exclusive mode`);
      const [row] = await tx.select({ n: count() }).from(organisations);
      if ((row?.n ?? 0) > 0) throw new AppError('already_set_up', 'Målbar is already set up. Sign in instead.');
    }
    await tx.insert(organisations).values({
      id: organisationId,
      organisationId,
      name: input.organisationName,
      slug,
      defaultLocale: input.locale,
      createdAt: ctx.now,
    });
    await tx.insert(units).values({
      id: topUnitId,
      organisationId,
      parentId: null,
      slug,
      name: input.organisationName,
      kind: 'organisation',
      path: topUnitId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await tx.insert(people).values({
      id: personId,
      organisationId,
      email: input.email,
      name: input.adminName,
      passwordHash,
      locale: input.locale,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await tx.insert(roleGrants).values({ id: crypto.randomUUID(), organisationId, personId, role: 'admin', unitId: null, createdAt: ctx.now });
    // The trail begins with the set-up, made by the first administrator.
    await recordAudit(tx as unknown as Db, { actor: { kind: 'person', personId, organisationId }, now: ctx.now }, {
      action: 'organisation.setup',
      entityType: 'organisation',
      entityId: organisationId,
      unitId: null,
      label: input.organisationName,
      after: { name: input.organisationName, slug, defaultLocale: input.locale, administrator: input.adminName, email: input.email },
    });
  });
  return { organisationId, personId, topUnitId };
}

export async function setupOrganisation(
  ctx: AnonymousContext,
  input: SetupInput,
  userAgent: string | null,
): Promise<SetupResult & { session: NewSession }> {
  if (!(await needsSetup(ctx))) {
    throw new AppError('already_set_up', 'Målbar is already set up. Sign in instead.');
  }
  const result = await createOrganisation(ctx, input, await hashPassword(input.password), { onlyIfFirst: true });
  const session = await createSession(ctx, result.personId, result.organisationId, userAgent);
  return { ...result, session };
}
