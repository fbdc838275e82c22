import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq, sql } from 'drizzle-orm';
import { platforms } from '../core/platforms.ts';
import { roles } from '../core/roles.ts';
import { slugify } from '../core/slug.ts';
import { accounts, people, roleGrants, units } from '../db/schema/index.ts';
import { forEachDatabase } from '../testing/database.ts';
import { testApp } from '../testing/http.ts';
import { seed } from '../testing/seed.ts';
import { namedPeople } from '../services/units/named-people.ts';
import { DEMO_PASSWORD, demoOrganisation, type DemoUnit } from './demo-organisation.ts';
import { loadDemo } from './load-demo.ts';

test('the demo data is consistent: slugs, e-mails, units and sign-in people', () => {
  const data = demoOrganisation;
  assert.equal(slugify(data.name), data.slug, 'the organisation slug is the one createOrganisation makes');
  const unitSlugs: string[] = [data.slug];
  const walk = (list: DemoUnit[]) => list.forEach((u) => (unitSlugs.push(u.slug), walk(u.children ?? [])));
  walk(data.units);
  assert.equal(new Set(unitSlugs).size, unitSlugs.length, 'unit slugs are unique');
  const emails = data.people.map((p) => p.email);
  assert.equal(new Set(emails).size, emails.length, 'e-mails are unique');
  for (const email of emails) assert.match(email, /^[a-z.]+@nordvik\.example$/);
  for (const p of data.people) for (const g of p.grants) assert.ok(unitSlugs.includes(g.unit), `${p.email}: unknown unit ${g.unit}`);
  const accountSlugs = data.accounts.map((a) => a.slug);
  assert.equal(new Set(accountSlugs).size, accountSlugs.length, 'account slugs are unique');
  for (const a of data.accounts) assert.ok(unitSlugs.includes(a.unit), `${a.slug}: unknown unit ${a.unit}`);
  for (const role of roles) assert.ok(emails.includes(data.signInAs[role]), `signInAs.${role}`);
});

/** The demo without statistics and goals, for tests about the organisation itself (much quicker to load). */
const withoutGoals = { ...demoOrganisation, statistics: {}, strategicGoals: [], goals: [] };

forEachDatabase('demo loader', (fresh, kind) => {
  test('loads a three-level unit tree, 20–40 accounts on every platform and people in every role', async () => {
    await using t = await fresh();
    const summary = await loadDemo(t.db);
    assert.equal(summary.status, 'loaded');
    const orgId = summary.organisation.id;

    const unitRows = await t.db.select().from(units).where(eq(units.organisationId, orgId));
    const depth = (u: (typeof unitRows)[number]) => u.path.split('/').length - 1;
    assert.deepEqual([...new Set(unitRows.map(depth))].sort(), [0, 1, 2], 'units at three levels');
    assert.equal(unitRows.filter((u) => depth(u) === 0).length, 1, 'one top unit');
    assert.deepEqual(
      new Set(unitRows.filter((u) => depth(u) === 1).map((u) => u.kind)),
      new Set(['office', 'faculty', 'centre']),
      'faculties, a communication office and centres below the top',
    );

    const accountRows = await t.db.select().from(accounts).where(eq(accounts.organisationId, orgId));
    assert.ok(accountRows.length >= 20 && accountRows.length <= 40, `${accountRows.length} accounts`);
    assert.deepEqual(new Set(accountRows.map((a) => a.platform)), new Set(platforms), 'every platform');
    const statuses = accountRows.map((a) => a.status);
    assert.ok(statuses.filter((s) => s === 'active').length > accountRows.length / 2, 'mostly active');
    assert.ok(statuses.includes('paused') && statuses.includes('closed'));
    for (const a of accountRows) {
      assert.ok(a.targetAudience && a.audienceNeeds && a.platformRationale && a.contentFrequency, `${a.slug}: profile filled in`);
      assert.ok(a.targetAgeGroups.length > 0 && a.contentFormats.length > 0, `${a.slug}: age groups and formats`);
      assert.ok(a.plannedHoursPerMonth !== null && a.budgetNokPerYear !== null, `${a.slug}: hours and budget`);
    }
    assert.ok(accountRows.find((a) => a.status === 'closed')!.closedAt, 'a closed account records when');

    const grants = await t.db.select().from(roleGrants).where(eq(roleGrants.organisationId, orgId));
    assert.deepEqual(new Set(grants.map((g) => g.role)), new Set(roles), 'every role is held by someone');
    assert.deepEqual(
      { units: summary.counts.units, people: summary.counts.people, accounts: summary.counts.accounts },
      { units: unitRows.length, people: demoOrganisation.people.length, accounts: demoOrganisation.accounts.length },
    );

    for (const unit of unitRows.filter((u) => u.parentId !== null)) {
      const named = await namedPeople(t.db, orgId, unit.id);
      assert.ok(named.reporters.length > 0, `${unit.slug} has a reporter`);
      assert.ok(named.evaluators.length > 0, `${unit.slug} has an evaluator`);
    }

    const hashes = await t.db.select({ hash: people.passwordHash }).from(people).where(eq(people.organisationId, orgId));
    assert.equal(hashes.length, demoOrganisation.people.length);
    assert.equal(new Set(hashes.map((h) => h.hash)).size, 1, 'everyone has the one demo password, hashed once');
    assert.ok(hashes[0]!.hash?.startsWith('$argon2id$'));

    // The rollups were vacuumed after the load (on PGlite, the only session, every page all-visible).
    const rollups = ((await t.db.execute(
      sql`select relallvisible::int as visible, relpages::int as total, last_vacuum is not null as vacuumed from pg_class c join pg_stat_user_tables s on s.relid = c.oid where c.relname = 'metric_months'`,
    )) as { rows: { visible: number; total: number; vacuumed: boolean }[] }).rows[0]!;
    assert.ok(rollups.vacuumed && rollups.total > 0, 'vacuumed and analysed');
    if (kind === 'pglite') assert.equal(rollups.visible, rollups.total, 'every page all-visible');
  });

  test('everyone shown in the sign-in list can sign in with the demo password and sees accounts', async () => {
    await using t = await fresh();
    const summary = await loadDemo(t.db, { data: withoutGoals });
    assert.deepEqual(summary.signIn.map((s) => s.role).sort(), [...roles].sort());
    const { signIn } = testApp(t);
    for (const who of summary.signIn) {
      const client = await signIn(who.email, DEMO_PASSWORD);
      const list = await client.json<unknown[]>('GET', '/accounts');
      assert.equal(list.status, 200);
      assert.ok(list.body.length > 0, `${who.role} ${who.email} sees accounts`);
    }
  });

  test('loading twice leaves the demo as it is; a database with another organisation is refused', async () => {
    await using t = await fresh();
    const first = await loadDemo(t.db, { data: withoutGoals });
    const second = await loadDemo(t.db, { data: withoutGoals });
    assert.equal(second.status, 'already_loaded');
    assert.deepEqual(second.counts, first.counts);
    assert.equal(second.organisation.id, first.organisation.id);

    await using other = await fresh();
    await seed(other.db);
    await assert.rejects(loadDemo(other.db), (e: Error & { code?: string }) => e.code === 'conflict' && /Testuniversitetet/.test(e.message));
  });
});
