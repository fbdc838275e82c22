/**
 * Signing in a person the OpenID provider vouched for, in one transaction:
 *   1. a known identity (issuer, subject) → its person;
 *   2. else a person with the same e-mail, when the provider verified it (email_verified, or
 *      MAALBAR_OIDC_TRUST_EMAIL) → the identity is linked to that person;
 *   3. else a new person without a local password (unless MAALBAR_OIDC_CREATE_USERS=false);
 * a deactivated person is refused. Then roles from groups are synced and a new session is made,
 * exactly as password sign-in makes one. Refusals are results (with a reason for the sign-in
 * page and a detail for the log), not exceptions. What changed (a person created, an identity
 * linked, roles from groups) enters the audit trail with the person signing in as the actor.
 */
import { and, eq } from 'drizzle-orm';
import type { OidcConfig } from '../../config.ts';
import type { SsoErrorCode } from '../../contract/oidc.ts';
import type { Db } from '../../db/client.ts';
import { organisations, people, personIdentities } from '../../db/schema/index.ts';
import { recordAudit, recordAudits, type AuditChange } from '../audit/record-audit.ts';
import type { AnonymousContext } from '../context.ts';
import { loadPersonActor } from '../load-actor.ts';
import type { SsoClaims } from './oidc-client.ts';
import { grantsForGroups, syncSsoGrants, type SyncedGrant } from './oidc-roles.ts';
import { createSession, type NewSession } from './sessions.ts';

export type SsoSignInResult =
  | {
      ok: true;
      personId: string;
      session: NewSession;
      /** 'identity': known before; 'linked': an existing person by e-mail; 'created': a new person. */
      how: 'identity' | 'linked' | 'created';
      grants: { added: SyncedGrant[]; removed: SyncedGrant[]; keptLastAdmin: boolean } | null;
    }
  | { ok: false; reason: SsoErrorCode; detail: string };

type Refusal = Extract<SsoSignInResult, { ok: false }>;

/** Rolls the transaction back and carries the refusal out of it. */
class Refused extends Error {
  readonly refusal: Refusal;
  constructor(reason: SsoErrorCode, detail: string) {
    super(detail);
    this.refusal = { ok: false, reason, detail };
  }
}

export async function signInWithSso(
  ctx: AnonymousContext,
  oidc: OidcConfig,
  claims: SsoClaims,
  userAgent: string | null,
): Promise<SsoSignInResult> {
  try {
    return await attempt(ctx, oidc, claims, userAgent);
  } catch (e) {
    // Two first sign-ins of one person at once: the loser's insert meets the winner's row; once
    // more, the identity is found.
    if (isUniqueViolation(e)) return attempt(ctx, oidc, claims, userAgent);
    throw e;
  }
}

function isUniqueViolation(e: unknown): boolean {
  const code = (x: unknown) => (typeof x === 'object' && x !== null ? (x as { code?: unknown }).code : undefined);
  return code(e) === '23505' || code((e as { cause?: unknown } | null)?.cause) === '23505';
}

async function attempt(ctx: AnonymousContext, oidc: OidcConfig, claims: SsoClaims, userAgent: string | null): Promise<SsoSignInResult> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const db = tx as unknown as Db; // a transaction offers the same query API
      const { person, how } = await findOrCreatePerson(db, ctx.now, oidc, claims);
      if (!person.active) throw new Refused('deactivated', `person ${person.id} is deactivated`);
      const actor = (await loadPersonActor(db, person.id))!;
      const audit = { actor, now: ctx.now };
      if (how !== 'identity') {
        const identity = { issuer: claims.issuer, subject: claims.subject, email: claims.email };
        if (how === 'created') {
          const after = { name: actor.name, email: actor.email, locale: actor.locale, active: true, hasPassword: false, createdBy: 'sso' };
          await recordAudit(db, audit, { action: 'person.create', entityType: 'person', entityId: person.id, unitId: null, label: actor.name, after });
        }
        await recordAudit(db, audit, { action: 'person.link_identity', entityType: 'person', entityId: person.id, unitId: null, label: actor.name, after: identity });
      }

      let grants: Extract<SsoSignInResult, { ok: true }>['grants'] = null;
      if (oidc.roleMap && claims.groups !== null) {
        const synced = await syncSsoGrants(db, person.organisationId, person.id, grantsForGroups(oidc.roleMap, claims.groups), ctx.now);
        if (!synced.ok) throw new Refused('misconfigured', synced.detail);
        grants = synced;
        const snapshot = (g: SyncedGrant) => ({ personId: person.id, person: actor.name, email: actor.email, role: g.role, unitId: g.unitId, source: 'sso' });
        const changes: AuditChange[] = [
          ...synced.added.map((g) => ({ action: 'role.grant', entityType: 'role_grant' as const, entityId: g.id, unitId: g.unitId, label: `${actor.name}: ${g.role}`, after: snapshot(g) })),
          ...synced.removed.map((g) => ({ action: 'role.revoke', entityType: 'role_grant' as const, entityId: g.id, unitId: g.unitId, label: `${actor.name}: ${g.role}`, before: snapshot(g) })),
        ];
        await recordAudits(db, audit, changes);
      }

      await db
        .update(personIdentities)
        .set({ email: claims.email, lastSignInAt: ctx.now })
        .where(and(eq(personIdentities.issuer, claims.issuer), eq(personIdentities.subject, claims.subject)));
      await db.update(people).set({ lastLoginAt: ctx.now }).where(eq(people.id, person.id));
      const session = await createSession({ db, now: ctx.now }, person.id, person.organisationId, userAgent);
      return { ok: true as const, personId: person.id, session, how, grants };
    });
  } catch (e) {
    if (e instanceof Refused) return e.refusal;
    throw e;
  }
}

interface PersonRow {
  id: string;
  organisationId: string;
  active: boolean;
}

async function findOrCreatePerson(
  db: Db,
  now: Date,
  oidc: OidcConfig,
  claims: SsoClaims,
): Promise<{ person: PersonRow; how: 'identity' | 'linked' | 'created' }> {
  const personColumns = { id: people.id, organisationId: people.organisationId, active: people.active };
  const [known] = await db
    .select(personColumns)
    .from(personIdentities)
    .innerJoin(people, eq(people.id, personIdentities.personId))
    .where(and(eq(personIdentities.issuer, claims.issuer), eq(personIdentities.subject, claims.subject)));
  if (known) return { person: known, how: 'identity' };

  if (!claims.email) throw new Refused('no_email', 'the provider gave no e-mail address');
  if (!claims.emailVerified && !oidc.trustEmail) {
    throw new Refused('email_unverified', 'the provider did not mark the e-mail address as verified (email_verified), and MAALBAR_OIDC_TRUST_EMAIL is off');
  }
  const organisation = await signInOrganisation(db, oidc);
  const link = (person: PersonRow) =>
    db.insert(personIdentities).values({
      id: crypto.randomUUID(),
      organisationId: person.organisationId,
      personId: person.id,
      issuer: claims.issuer,
      subject: claims.subject,
      email: claims.email,
      createdAt: now,
      lastSignInAt: now,
    });

  const [existing] = await db.select(personColumns).from(people).where(eq(people.email, claims.email));
  if (existing) {
    if (existing.organisationId !== organisation.id) {
      throw new Refused('email_conflict', `the e-mail belongs to person ${existing.id} of another organisation`);
    }
    if (!existing.active) throw new Refused('deactivated', `person ${existing.id} is deactivated`);
    await link(existing);
    return { person: existing, how: 'linked' };
  }

  if (!oidc.createUsers) throw new Refused('unknown_user', 'no person has this identity or e-mail, and MAALBAR_OIDC_CREATE_USERS is off');
  const person = { id: crypto.randomUUID(), organisationId: organisation.id, active: true };
  await db.insert(people).values({
    ...person,
    email: claims.email,
    name: (claims.name ?? claims.email.split('@')[0]!).slice(0, 200),
    passwordHash: null,
    locale: organisation.defaultLocale === 'en' ? 'en' : 'nb',
    createdAt: now,
    updatedAt: now,
  });
  await link(person);
  return { person, how: 'created' };
}

/** MAALBAR_OIDC_ORGANISATION, or the only organisation there is. */
async function signInOrganisation(db: Db, oidc: OidcConfig): Promise<{ id: string; defaultLocale: string }> {
  const columns = { id: organisations.id, slug: organisations.slug, defaultLocale: organisations.defaultLocale };
  if (oidc.organisation) {
    const [found] = await db.select(columns).from(organisations).where(eq(organisations.slug, oidc.organisation));
    if (!found) throw new Refused('misconfigured', `MAALBAR_OIDC_ORGANISATION: no organisation has the slug "${oidc.organisation}"`);
    return found;
  }
  const all = await db.select(columns).from(organisations).limit(2);
  if (all.length !== 1) {
    throw new Refused('misconfigured', all.length === 0 ? 'Målbar is not set up yet: no organisation' : 'several organisations exist: set MAALBAR_OIDC_ORGANISATION');
  }
  return all[0]!;
}
