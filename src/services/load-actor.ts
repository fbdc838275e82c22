/** Builds the Actor for a person (after a session or token is verified) or for the CLI operator. */
import { eq } from 'drizzle-orm';
import { Access, type Grant } from '../core/access.ts';
import type { Role } from '../core/roles.ts';
import { AppError } from '../core/errors.ts';
import type { Db } from '../db/client.ts';
import { organisations, people, roleGrants, units } from '../db/schema/index.ts';
import type { Actor } from './context.ts';
import type { Locale } from '../contract/common.ts';

async function unitNodes(db: Db, organisationId: string) {
  return db.select({ id: units.id, parentId: units.parentId }).from(units).where(eq(units.organisationId, organisationId));
}

export async function loadPersonActor(db: Db, personId: string): Promise<Actor | null> {
  const [person] = await db.select().from(people).where(eq(people.id, personId));
  if (!person || !person.active) return null;
  const grantRows = await db
    .select({ role: roleGrants.role, unitId: roleGrants.unitId })
    .from(roleGrants)
    .where(eq(roleGrants.personId, personId));
  const grants: Grant[] = grantRows.map((g) => ({ role: g.role as Role, unitId: g.unitId }));
  return {
    kind: 'person',
    personId: person.id,
    organisationId: person.organisationId,
    name: person.name,
    email: person.email,
    locale: person.locale as Locale,
    grants,
    access: new Access(grants, await unitNodes(db, person.organisationId)),
  };
}

/**
 * The operator at the server's console (the CLI): acts with administrator rights in one
 * organisation, the only one or the one named by slug.
 */
export async function loadSystemActor(db: Db, organisationSlug?: string): Promise<Actor> {
  const orgs = await db.select().from(organisations);
  const org = organisationSlug ? orgs.find((o) => o.slug === organisationSlug) : orgs.length === 1 ? orgs[0] : undefined;
  if (!org) {
    if (orgs.length === 0) {
      throw new AppError('setup_required', 'No organisation exists yet: open the web app to set one up, or run `maalbar demo --load-only`.');
    }
    throw new AppError(
      organisationSlug ? 'not_found' : 'validation_failed',
      organisationSlug
        ? `No organisation with slug "${organisationSlug}".`
        : `There are ${orgs.length} organisations; choose one with --org (${orgs.map((o) => o.slug).join(', ')}).`,
    );
  }
  const grants: Grant[] = [{ role: 'admin', unitId: null }];
  return {
    kind: 'system',
    personId: null,
    organisationId: org.id,
    name: 'Målbar CLI',
    email: '',
    locale: org.defaultLocale as Locale,
    grants,
    access: new Access(grants, await unitNodes(db, org.id)),
  };
}
