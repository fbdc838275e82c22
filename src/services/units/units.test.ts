import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asc, eq } from 'drizzle-orm';
import { forEachDatabase } from '../../testing/database.ts';
import { seed, type Seed } from '../../testing/seed.ts';
import { expectAppError } from '../../testing/assertions.ts';
import type { Db } from '../../db/client.ts';
import { people, units } from '../../db/schema/index.ts';
import { createUnit } from './create-unit.ts';
import { updateUnit } from './update-unit.ts';
import { getUnit } from './get-unit.ts';
import { listUnits } from './list-units.ts';
import { createAccount } from '../accounts/create-account.ts';
import { listAccounts } from '../accounts/list-accounts.ts';
import { updateAccount } from '../accounts/update-account.ts';
import { grantRole } from '../people/role-grants.ts';
import { createPerson } from '../people/create-person.ts';

/** Every unit's stored path must be its parent's path plus its own id. */
async function assertPathsConsistent(db: Db): Promise<void> {
  const rows = await db.select().from(units);
  const byId = new Map(rows.map((u) => [u.id, u]));
  for (const u of rows) {
    const expected = u.parentId ? `${byId.get(u.parentId)!.path}/${u.id}` : u.id;
    assert.equal(u.path, expected, `path of ${u.name}`);
  }
}

const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();

async function addUnit(s: Seed, name: string, parent: string) {
  return createUnit(await s.system(), { name, parent });
}

forEachDatabase('units service', (fresh) => {
  test('slugs come from the name, transliterated, and are numbered when taken', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const sys = await s.system();
    const first = await createUnit(sys, { name: 'Institutt for økonomi', parent: s.units.facultyA });
    assert.equal(first.slug, 'institutt-for-okonomi');
    const second = await createUnit(sys, { name: 'Institutt for Økonomi', parent: s.units.facultyB });
    assert.equal(second.slug, 'institutt-for-okonomi-2');
    const third = await createUnit(sys, { name: 'Institutt for økonomi!', parent: s.units.facultyB });
    assert.equal(third.slug, 'institutt-for-okonomi-3');
    // Seeded "Faculty A" has the slug faculty-a.
    assert.equal((await createUnit(sys, { name: 'Faculty A', parent: s.units.facultyB })).slug, 'faculty-a-2');

    const chosen = await createUnit(sys, { name: 'Anything', slug: 'iko', parent: s.units.facultyA });
    assert.equal(chosen.slug, 'iko');
    await expectAppError(createUnit(sys, { name: 'Other', slug: 'iko', parent: s.units.facultyA }), 'conflict', ['slug']);
    await expectAppError(createUnit(sys, { name: 'Other', slug: 'Not A Slug', parent: s.units.facultyA }), 'validation_failed', ['slug']);
    await expectAppError(createUnit(sys, { name: '   ', parent: s.units.facultyA }), 'validation_failed', ['name']);
    await expectAppError(createUnit(sys, { name: 'X', parent: 'no-such-unit' }), 'not_found');

    await expectAppError(updateUnit(sys, first.id, { name: ' ' }), 'validation_failed', ['name']);
    await expectAppError(updateUnit(sys, first.id, { kind: 'castle' as 'office' }), 'validation_failed', ['kind']);
    await expectAppError(updateUnit(sys, 'no-such-unit', { name: 'X' }), 'not_found');

    // Renaming keeps the slug, so links and scripts keep working.
    const renamed = await updateUnit(sys, first.id, { name: 'Økonomisk institutt' });
    assert.equal(renamed.name, 'Økonomisk institutt');
    assert.equal(renamed.slug, 'institutt-for-okonomi');
    // Units are found by slug as well as id.
    assert.equal((await getUnit(sys, 'institutt-for-okonomi')).id, first.id);
  });

  test('moving a unit moves its whole subtree: paths, account filters and access follow', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const sys = await s.system();
    const a1x = await addUnit(s, 'Group A1x', s.units.departmentA1);
    const a1xAccount = await createAccount(sys, { unit: a1x.id, platform: 'facebook', name: 'A1x on Facebook' });

    const before = await listAccounts(sys, { unit: s.units.facultyA });
    assert.deepEqual(ids(before), [a1xAccount.id, s.accounts.a1Instagram].sort());

    const moved = await updateUnit(sys, s.units.departmentA1, { parent: s.units.facultyB });
    assert.equal(moved.parentId, s.units.facultyB);
    await assertPathsConsistent(t.db);
    const [a1xRow] = await t.db.select().from(units).where(eq(units.id, a1x.id));
    assert.ok(a1xRow!.path.startsWith(`${s.units.top}/${s.units.facultyB}/${s.units.departmentA1}/`), a1xRow!.path);

    assert.deepEqual(await listAccounts(sys, { unit: s.units.facultyA }), []);
    assert.deepEqual(ids(await listAccounts(sys, { unit: s.units.facultyB })), [a1xAccount.id, s.accounts.a1Instagram, s.accounts.bTiktok].sort());
    assert.deepEqual(ids(await listAccounts(sys, { unit: s.units.departmentA1 })), [a1xAccount.id, s.accounts.a1Instagram].sort());
    assert.equal((await getUnit(sys, s.units.facultyB)).accountCount, 3);
    assert.equal((await getUnit(sys, s.units.facultyA)).accountCount, 0);

    // Roles follow the tree: Faculty A's editor no longer sees the moved accounts; B's editor does.
    assert.deepEqual(await listAccounts(await s.as('editor')), []);
    assert.deepEqual(ids(await listAccounts(await s.as('outsider'))), [a1xAccount.id, s.accounts.a1Instagram, s.accounts.bTiktok].sort());

    // And back, to the top level (administrators only), and under Faculty A again.
    await updateUnit(sys, s.units.departmentA1, { parent: null });
    await assertPathsConsistent(t.db);
    assert.deepEqual(ids(await listAccounts(sys, { unit: s.units.top })), [s.accounts.bTiktok]);
    assert.deepEqual(ids(await listAccounts(sys, { unit: s.units.departmentA1 })), [a1xAccount.id, s.accounts.a1Instagram].sort());
    await updateUnit(sys, s.units.departmentA1, { parent: s.units.facultyA });
    await assertPathsConsistent(t.db);
    assert.deepEqual(ids(await listAccounts(sys, { unit: s.units.facultyA })), [a1xAccount.id, s.accounts.a1Instagram].sort());
  });

  test('moving a top-level unit: only an administrator can, and it keeps its accounts in reach', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const sys = await s.system();
    await updateUnit(sys, s.units.facultyA, { parent: null });
    await assertPathsConsistent(t.db);
    // Faculty A's roles still hold in its subtree.
    assert.deepEqual(ids(await listAccounts(await s.as('viewer'))), [s.accounts.a1Instagram]);
    // A manager of the moved unit may not move a top-level unit somewhere else.
    await grantRole(sys, { person: s.people.manager.id, role: 'manager', unit: s.units.facultyB });
    await expectAppError(updateUnit(await s.as('manager'), s.units.facultyA, { parent: s.units.facultyB }), 'forbidden');
    await expectAppError(updateUnit(await s.as('manager'), s.units.departmentA1, { parent: null }), 'forbidden');
  });

  test('a unit cannot be moved below itself', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const sys = await s.system();
    const a1x = await addUnit(s, 'Group A1x', s.units.departmentA1);
    const all = () => t.db.select().from(units).orderBy(asc(units.id));
    const pathsBefore = await all();
    for (const target of [s.units.facultyA, s.units.departmentA1, a1x.id]) {
      await expectAppError(updateUnit(sys, s.units.facultyA, { parent: target }), 'validation_failed', ['parent']);
    }
    await expectAppError(updateUnit(sys, s.units.top, { parent: s.units.facultyB }), 'validation_failed', ['parent']);
    assert.deepEqual(await all(), pathsBefore);
    // A sibling's subtree is fine.
    await updateUnit(sys, s.units.facultyA, { parent: s.units.facultyB });
    await assertPathsConsistent(t.db);
  });

  test('archiving is refused while the unit has accounts that are not closed or sub-units that are not archived', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const sys = await s.system();
    await expectAppError(updateUnit(sys, s.units.departmentA1, { archived: true }), 'conflict');
    await updateAccount(sys, s.accounts.a1Instagram, { status: 'paused' });
    await expectAppError(updateUnit(sys, s.units.departmentA1, { archived: true }), 'conflict');
    await expectAppError(updateUnit(sys, s.units.facultyA, { archived: true }), 'conflict');
    await expectAppError(updateUnit(sys, s.units.top, { archived: true }), 'validation_failed');

    await updateAccount(sys, s.accounts.a1Instagram, { status: 'closed' });
    const archived = await updateUnit(sys, s.units.departmentA1, { archived: true });
    assert.equal(archived.archived, true);
    assert.equal((await updateUnit(sys, s.units.facultyA, { archived: true })).archived, true);

    // Archived units leave the tree but keep their data.
    assert.deepEqual(ids(await listUnits(sys)), [s.units.top, s.units.facultyB].sort());
    assert.equal((await listUnits(sys, { includeArchived: true })).length, 4);
    assert.deepEqual(ids(await listAccounts(sys, { unit: s.units.facultyA })), [s.accounts.a1Instagram]);

    // Nothing new goes into an archived unit.
    await expectAppError(createUnit(sys, { name: 'New', parent: s.units.facultyA }), 'validation_failed', ['parent']);
    await expectAppError(createAccount(sys, { unit: s.units.departmentA1, platform: 'x', name: 'New' }), 'validation_failed', ['unit']);
    await expectAppError(updateUnit(sys, s.units.facultyB, { parent: s.units.facultyA }), 'validation_failed', ['parent']);
    await expectAppError(updateAccount(sys, s.accounts.bTiktok, { unit: s.units.departmentA1 }), 'validation_failed', ['unit']);
  });

  test('restoring a unit needs its parent restored first', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const sys = await s.system();
    await updateAccount(sys, s.accounts.a1Instagram, { status: 'closed' });
    await updateUnit(sys, s.units.departmentA1, { archived: true });
    await updateUnit(sys, s.units.facultyA, { archived: true });

    await expectAppError(updateUnit(sys, s.units.departmentA1, { archived: false }), 'conflict');
    assert.equal((await updateUnit(sys, s.units.facultyA, { archived: false })).archived, false);
    assert.equal((await updateUnit(sys, s.units.departmentA1, { archived: false })).archived, false);
    assert.equal((await listUnits(sys)).length, 4);
    // Archiving or restoring twice is harmless.
    assert.equal((await updateUnit(sys, s.units.departmentA1, { archived: false })).archived, false);
  });

  test('named reporters, evaluators and managers are inherited from the units above, nearest first', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const sys = await s.system();
    const a1x = await addUnit(s, 'Group A1x', s.units.departmentA1);
    const local = await createPerson(sys, { name: 'Lokal Rapportør', email: 'lokal@test.example' });
    await grantRole(sys, { person: local.id, role: 'reporter', unit: s.units.departmentA1 });

    const detail = await getUnit(sys, a1x.id);
    const named = (list: { email: string; fromUnitId: string }[]) => list.map((p) => [p.email, p.fromUnitId]);
    assert.deepEqual(named(detail.reporters), [
      ['lokal@test.example', s.units.departmentA1],
      [s.people.reporter.email, s.units.facultyA],
    ]);
    assert.deepEqual(named(detail.evaluators), [[s.people.evaluator.email, s.units.facultyA]]);
    assert.deepEqual(named(detail.managers), [[s.people.manager.email, s.units.facultyA]]);
    // Not from other branches, and not editors or viewers.
    assert.deepEqual(named((await getUnit(sys, s.units.facultyB)).reporters), []);
    assert.deepEqual((await getUnit(sys, s.units.top)).managers, []);

    // Deactivated people are not named.
    await t.db.update(people).set({ active: false }).where(eq(people.id, s.people.reporter.id));
    assert.deepEqual(named((await getUnit(sys, a1x.id)).reporters), [['lokal@test.example', s.units.departmentA1]]);
  });

  test('the unit list is depth first, siblings in Norwegian alphabetical order', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    for (const name of ['Åsen', 'Zeta', 'Øst', 'Æble', 'alfa']) await addUnit(s, name, s.units.facultyB);
    const names = (await listUnits(await s.as('viewer'))).map((u) => u.name);
    assert.deepEqual(names, ['Testuniversitetet', 'Faculty A', 'Department A1', 'Faculty B', 'alfa', 'Zeta', 'Æble', 'Øst', 'Åsen']);
  });
});
