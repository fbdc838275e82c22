/**
 * Loads the demo organisation (demo-organisation.ts) through the same services the API uses,
 * acting as the operator, in one transaction: either all of it is there or none of it. The
 * shared demo password is hashed once. Loading twice is harmless: a database that already holds
 * the demo is left as it is; one that holds another organisation is refused, so demo data never
 * mixes with real data.
 *
 * To extend the demo for a new feature: add the data to demo-organisation.ts and a step to
 * `steps` below; a step finds the ids of what earlier steps made in `ids`.
 */
import { count, eq } from 'drizzle-orm';
import { AppError } from '../core/errors.ts';
import type { Role } from '../core/roles.ts';
import type { Db } from '../db/client.ts';
import { accounts, organisations, people, units } from '../db/schema/index.ts';
import { createAccount } from '../services/accounts/create-account.ts';
import { createOrganisation } from '../services/auth/setup-organisation.ts';
import type { Context } from '../services/context.ts';
import { loadSystemActor } from '../services/load-actor.ts';
import { hashPassword } from '../services/passwords.ts';
import { createPerson } from '../services/people/create-person.ts';
import { grantRole } from '../services/people/role-grants.ts';
import { createUnit } from '../services/units/create-unit.ts';
import { DEMO_PASSWORD, demoOrganisation, type DemoOrganisation, type DemoUnit } from './demo-organisation.ts';

/** What the loader made, by the keys the demo data uses. */
export interface DemoIds {
  organisationId: string;
  /** unit slug → id (the top unit under the organisation's slug) */
  units: Map<string, string>;
  /** e-mail → person id */
  people: Map<string, string>;
  /** account slug → id */
  accounts: Map<string, string>;
}

export type DemoStep = (ctx: Context, data: DemoOrganisation, ids: DemoIds, passwordHash: string) => Promise<void>;

export interface DemoSignIn {
  role: Role;
  name: string;
  email: string;
  title: string;
  /** Where the role holds: the organisation (admin) or the names of the units it is granted on. */
  where: string;
}

export interface DemoSummary {
  status: 'loaded' | 'already_loaded';
  organisation: { id: string; name: string; slug: string };
  counts: { units: number; people: number; accounts: number };
  /** The password of every demo person. */
  password: string;
  signIn: DemoSignIn[];
}

async function loadUnits(ctx: Context, data: DemoOrganisation, ids: DemoIds): Promise<void> {
  const visit = async (list: DemoUnit[], parentId: string) => {
    for (const unit of list) {
      const created = await createUnit(ctx, { name: unit.name, kind: unit.kind, slug: unit.slug, parent: parentId });
      ids.units.set(unit.slug, created.id);
      await visit(unit.children ?? [], created.id);
    }
  };
  await visit(data.units, ids.units.get(data.slug)!);
}

async function loadPeople(ctx: Context, data: DemoOrganisation, ids: DemoIds, passwordHash: string): Promise<void> {
  for (const person of data.people) {
    // The first administrator was made with the organisation.
    let id = ids.people.get(person.email);
    if (id === undefined) {
      id = (await createPerson(ctx, { name: person.name, email: person.email, locale: person.locale ?? data.locale }, { passwordHash })).id;
      ids.people.set(person.email, id);
      if (person.admin) await grantRole(ctx, { person: id, role: 'admin' });
    }
    for (const grant of person.grants) await grantRole(ctx, { person: id, role: grant.role, unit: ids.units.get(grant.unit) ?? grant.unit });
  }
}

async function loadAccounts(ctx: Context, data: DemoOrganisation, ids: DemoIds): Promise<void> {
  for (const account of data.accounts) {
    const created = await createAccount(ctx, { ...account, unit: ids.units.get(account.unit) ?? account.unit });
    ids.accounts.set(account.slug, created.id);
  }
}

/** The steps after the organisation itself is made, in order. New features add theirs at the end. */
export const steps: DemoStep[] = [loadUnits, loadPeople, loadAccounts];

let sharedHash: Promise<string> | null = null;

/** The demo password's hash, computed once per process. */
export function demoPasswordHash(): Promise<string> {
  sharedHash ??= hashPassword(DEMO_PASSWORD);
  return sharedHash;
}

export function demoSignIn(data: DemoOrganisation = demoOrganisation): DemoSignIn[] {
  const unitNames = new Map<string, string>([[data.slug, data.name]]);
  const walk = (list: DemoUnit[]) => list.forEach((u) => (unitNames.set(u.slug, u.name), walk(u.children ?? [])));
  walk(data.units);
  return (Object.entries(data.signInAs) as [Role, string][]).map(([role, email]) => {
    const person = data.people.find((p) => p.email === email);
    if (!person) throw new Error(`demo data: signInAs.${role} names ${email}, who is not among the demo people`);
    const where =
      role === 'admin' ? data.name : person.grants.filter((g) => g.role === role).map((g) => unitNames.get(g.unit) ?? g.unit).join(', ');
    return { role, name: person.name, email, title: person.title, where };
  });
}

async function countsOf(db: Db, organisationId: string): Promise<DemoSummary['counts']> {
  const n = async (table: typeof units | typeof people | typeof accounts) =>
    (await db.select({ n: count() }).from(table).where(eq(table.organisationId, organisationId)))[0]?.n ?? 0;
  return { units: await n(units), people: await n(people), accounts: await n(accounts) };
}

export interface LoadDemoOptions {
  now?: Date;
  data?: DemoOrganisation;
}

/** Loads the demo organisation into `db`, unless it is already there. */
export async function loadDemo(db: Db, options: LoadDemoOptions = {}): Promise<DemoSummary> {
  const data = options.data ?? demoOrganisation;
  const now = options.now ?? new Date();
  const summary = (status: DemoSummary['status'], id: string, counts: DemoSummary['counts']): DemoSummary => ({
    status,
    organisation: { id, name: data.name, slug: data.slug },
    counts,
    password: DEMO_PASSWORD,
    signIn: demoSignIn(data),
  });

  const existing = await db.select({ id: organisations.id, slug: organisations.slug, name: organisations.name }).from(organisations);
  const demo = existing.find((o) => o.slug === data.slug);
  if (demo) return summary('already_loaded', demo.id, await countsOf(db, demo.id));
  if (existing.length > 0) {
    throw new AppError(
      'conflict',
      `This database already holds ${existing.map((o) => `"${o.name}"`).join(', ')}; the demo is loaded only into a database of its own ` +
        '(without DATABASE_URL and MAALBAR_DATA_DIR, `maalbar demo` uses ./data-demo).',
    );
  }

  const admin = data.people[0];
  const passwordHash = await demoPasswordHash();
  const organisationId = await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const org = await createOrganisation(
      { db: txDb, now },
      { organisationName: data.name, adminName: admin.name, email: admin.email, password: DEMO_PASSWORD, locale: data.locale },
      passwordHash,
    );
    const ctx: Context = { db: txDb, now, actor: await loadSystemActor(txDb, data.slug) };
    const ids: DemoIds = {
      organisationId: org.organisationId,
      units: new Map([[data.slug, org.topUnitId]]),
      people: new Map([[admin.email, org.personId]]),
      accounts: new Map(),
    };
    for (const step of steps) await step(ctx, data, ids, passwordHash);
    return org.organisationId;
  });
  return summary('loaded', organisationId, await countsOf(db, organisationId));
}
