/**
 * A small organisation for tests: a tree of units and one person per role, each granted on a
 * known unit, so tests can say "the editor of Faculty A may …, but not in Faculty B".
 *
 *   Testuniversitetet (top)
 *   ├── Faculty A            ← manager, editor, reporter, evaluator, viewer are granted here
 *   │   └── Department A1
 *   └── Faculty B
 */
import type { Role } from '../core/roles.ts';
import type { Db } from '../db/client.ts';
import { eq } from 'drizzle-orm';
import { accounts, people as peopleTable } from '../db/schema/index.ts';
import { createOrganisation } from '../services/auth/setup-organisation.ts';
import { loadPersonActor, loadSystemActor } from '../services/load-actor.ts';
import type { Context } from '../services/context.ts';
import { createUnit } from '../services/units/create-unit.ts';
import { createPerson } from '../services/people/create-person.ts';
import { grantRole } from '../services/people/role-grants.ts';
import { createAccount } from '../services/accounts/create-account.ts';
import { hashPassword } from '../services/passwords.ts';

export const TEST_PASSWORD = 'test-password-123';
export const FIXED_NOW = new Date('2026-03-15T10:00:00Z');

export interface Seed {
  organisationId: string;
  units: { top: string; facultyA: string; departmentA1: string; facultyB: string };
  people: Record<Role | 'outsider', { id: string; email: string }>;
  accounts: { a1Instagram: string; bTiktok: string };
  /** A service context acting as the given seeded person. */
  as(who: Role | 'outsider'): Promise<Context>;
  system(): Promise<Context>;
}

let cachedHash: Promise<string> | null = null;

export async function seed(db: Db, now: Date = FIXED_NOW): Promise<Seed> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const org = await createOrganisation(
    { db, now },
    { organisationName: 'Testuniversitetet', adminName: 'Ada Admin', email: 'admin@test.example', password: TEST_PASSWORD, locale: 'en' },
    await cachedHash,
  );
  const sys: Context = { db, now, actor: await loadSystemActor(db) };
  const facultyA = await createUnit(sys, { name: 'Faculty A', kind: 'faculty', parent: org.topUnitId });
  const departmentA1 = await createUnit({ ...sys, actor: await loadSystemActor(db) }, { name: 'Department A1', parent: facultyA.id });
  const facultyB = await createUnit({ ...sys, actor: await loadSystemActor(db) }, { name: 'Faculty B', kind: 'faculty', parent: org.topUnitId });

  const people = { admin: { id: org.personId, email: 'admin@test.example' } } as Seed['people'];
  const fresh = async (): Promise<Context> => ({ db, now, actor: await loadSystemActor(db) });
  for (const role of ['manager', 'editor', 'reporter', 'evaluator', 'viewer', 'outsider'] as const) {
    const email = `${role}@test.example`;
    // Created without a password and given the one cached hash: argon2 runs once per process.
    const person = await createPerson(await fresh(), { name: `${role[0]!.toUpperCase()}${role.slice(1)} Person`, email, locale: 'en' });
    await db.update(peopleTable).set({ passwordHash: await cachedHash }).where(eq(peopleTable.id, person.id));
    people[role] = { id: person.id, email };
    // The outsider holds a role, but only in Faculty B.
    const role_ = role === 'outsider' ? 'editor' : role;
    const unit = role === 'outsider' ? facultyB.id : facultyA.id;
    await grantRole(await fresh(), { person: person.id, role: role_, unit });
  }
  const a1Instagram = await createAccount(await fresh(), { unit: departmentA1.id, platform: 'instagram', name: 'A1 på Instagram', handle: '@a1' });
  const bTiktok = await createAccount(await fresh(), { unit: facultyB.id, platform: 'tiktok', name: 'B on TikTok' });
  void accounts;

  return {
    organisationId: org.organisationId,
    units: { top: org.topUnitId, facultyA: facultyA.id, departmentA1: departmentA1.id, facultyB: facultyB.id },
    people,
    accounts: { a1Instagram: a1Instagram.id, bTiktok: bTiktok.id },
    async as(who) {
      const actor = await loadPersonActor(db, people[who].id);
      if (!actor) throw new Error(`no actor for ${who}`);
      return { db, now, actor };
    },
    system: fresh,
  };
}
