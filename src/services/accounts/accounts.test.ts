import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { forEachDatabase } from '../../testing/database.ts';
import { FIXED_NOW, seed } from '../../testing/seed.ts';
import { expectAppError } from '../../testing/assertions.ts';
import { accounts } from '../../db/schema/index.ts';
import type { AccountCreateInput, AccountUpdateInput } from '../../contract/accounts.ts';
import { createAccount } from './create-account.ts';
import { getAccount } from './get-account.ts';
import { listAccounts } from './list-accounts.ts';
import { updateAccount } from './update-account.ts';
import { createUnit } from '../units/create-unit.ts';
import { updateUnit } from '../units/update-unit.ts';
import { createPerson } from '../people/create-person.ts';
import { grantRole } from '../people/role-grants.ts';

const names = (list: { name: string }[]) => list.map((a) => a.name).sort();
const later = (days: number) => new Date(FIXED_NOW.getTime() + days * 86_400_000);

const fullProfile: Omit<AccountCreateInput, 'unit' | 'platform' | 'name'> = {
  handle: '@hf.uio',
  url: 'https://www.instagram.com/hf.uio',
  targetAudience: 'Pupils choosing a study programme',
  targetAgeGroups: ['18-24', '13-17'],
  audienceNeeds: 'What studying humanities is like',
  platformRationale: 'Where 18–24-year-olds are',
  contentFormats: ['reels', 'stories'],
  contentFrequency: 'three posts a week',
  plannedHoursPerMonth: 20,
  budgetNokPerYear: 15000,
};

forEachDatabase('accounts service', (fresh) => {
  test('an account is created with its profile, a slug from name and platform, numbered when taken', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const editor = await s.as('editor');
    const first = await createAccount(editor, { unit: s.units.departmentA1, platform: 'instagram', name: 'HF på Instagram', ...fullProfile });
    assert.equal(first.slug, 'hf-pa-instagram', 'a name that says the platform keeps it once');
    assert.equal(first.status, 'active');
    assert.equal(first.closedAt, null);
    assert.equal(first.unitId, s.units.departmentA1);
    assert.equal(first.handle, '@hf.uio');
    assert.deepEqual(first.targetAgeGroups, ['18-24', '13-17']);
    assert.deepEqual(first.contentFormats, ['reels', 'stories']);
    assert.equal(first.plannedHoursPerMonth, 20);

    const second = await createAccount(editor, { unit: 'department-a1', platform: 'instagram', name: 'HF på Instagram' });
    assert.equal(second.slug, 'hf-pa-instagram-2');
    assert.equal(second.unitId, s.units.departmentA1, 'units are found by slug too');

    assert.equal((await createAccount(editor, { unit: s.units.departmentA1, platform: 'tiktok', name: 'Studentliv' })).slug, 'studentliv-tiktok');
    assert.equal((await createAccount(editor, { unit: s.units.departmentA1, platform: 'linkedin', name: 'Studentliv' })).slug, 'studentliv-linkedin');
    await expectAppError(createAccount(editor, { unit: s.units.departmentA1, platform: 'x', name: 'Y', slug: first.slug }), 'conflict', ['slug']);
    const chosen = await createAccount(editor, { unit: s.units.departmentA1, platform: 'x', name: 'Y', slug: 'hf-x' });
    assert.equal(chosen.slug, 'hf-x');
    // Found by slug as well as id.
    assert.equal((await getAccount(editor, 'hf-x')).id, chosen.id);

    // An account created closed records when.
    const closed = await createAccount(editor, { unit: s.units.departmentA1, platform: 'threads', name: 'Old', status: 'closed' });
    assert.equal(closed.closedAt, FIXED_NOW.toISOString());
  });

  test('closing keeps all data and records closedAt; reopening clears it', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const editor = await s.as('editor');
    const created = await createAccount(editor, { unit: s.units.departmentA1, platform: 'tiktok', name: 'A1 TikTok', ...fullProfile });

    const closed = await updateAccount({ ...editor, now: later(10) }, created.id, { status: 'closed' });
    assert.equal(closed.status, 'closed');
    assert.equal(closed.closedAt, later(10).toISOString());
    assert.equal(closed.updatedAt, later(10).toISOString());
    const { status: _s1, closedAt: _c1, updatedAt: _u1, ...keptWhenClosed } = closed;
    const { status: _s2, closedAt: _c2, updatedAt: _u2, ...original } = created;
    assert.deepEqual(keptWhenClosed, original);
    // Still listed and readable (filtered by status when wanted).
    assert.ok((await listAccounts(editor)).some((a) => a.id === created.id));
    assert.deepEqual(names(await listAccounts(editor, { status: 'closed' })), ['A1 TikTok']);
    assert.equal((await getAccount(editor, created.id)).closedAt, later(10).toISOString());

    // Saving a closed account again does not move its closing date.
    assert.equal((await updateAccount({ ...editor, now: later(20) }, created.id, { status: 'closed', contentFrequency: 'never' })).closedAt, later(10).toISOString());

    const reopened = await updateAccount({ ...editor, now: later(30) }, created.id, { status: 'active' });
    assert.equal(reopened.status, 'active');
    assert.equal(reopened.closedAt, null);
    const paused = await updateAccount(editor, created.id, { status: 'paused' });
    assert.equal(paused.closedAt, null);
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, created.id));
    assert.equal(row!.closedAt, null);
    assert.equal(row!.targetAudience, fullProfile.targetAudience);
  });

  test('update changes only the fields sent; blank text clears a field', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const editor = await s.as('editor');
    const created = await createAccount(editor, { unit: s.units.departmentA1, platform: 'youtube', name: 'A1 YouTube', ...fullProfile, targetAgeGroups: ['25-34'] });
    const changed = await updateAccount(editor, created.id, { name: '  A1 video  ', handle: '', url: '', targetAgeGroups: ['18-24', '18-24'], plannedHoursPerMonth: null });
    assert.equal(changed.name, 'A1 video');
    assert.equal(changed.handle, null);
    assert.equal(changed.url, null);
    assert.deepEqual(changed.targetAgeGroups, ['18-24']);
    assert.equal(changed.plannedHoursPerMonth, null);
    assert.equal(changed.targetAudience, fullProfile.targetAudience);
    assert.equal(changed.budgetNokPerYear, fullProfile.budgetNokPerYear);
  });

  test('filters: unit with sub-units, platform, status, and text in name or handle', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const sys = await s.system();
    const a1x = await createUnit(sys, { name: 'Group A1x', parent: s.units.departmentA1 });
    const add = (name: string, unit: string, platform: 'facebook' | 'instagram' | 'x', extra: { handle?: string; status?: 'active' | 'paused' | 'closed' } = {}) =>
      createAccount(sys, { unit, platform, name, ...extra });
    await add('100% Campus', a1x.id, 'facebook');
    await add('100 Campus', a1x.id, 'instagram');
    await add('snake_case', s.units.facultyA, 'x', { status: 'paused' });
    await add('snakeXcase', s.units.facultyB, 'x', { status: 'closed' });
    await add('Back\\slash', s.units.facultyB, 'facebook', { handle: '@bærum' });
    await add('ÆRLIG TALE', s.units.facultyB, 'facebook', { handle: '@pa_plass' });

    assert.deepEqual(names(await listAccounts(sys, { unit: s.units.departmentA1 })), ['100 Campus', '100% Campus', 'A1 på Instagram']);
    assert.deepEqual(names(await listAccounts(sys, { unit: a1x.slug })), ['100 Campus', '100% Campus']);
    assert.deepEqual(names(await listAccounts(sys, { unit: s.units.facultyA })), ['100 Campus', '100% Campus', 'A1 på Instagram', 'snake_case']);
    assert.deepEqual(names(await listAccounts(sys, { platform: 'x' })), ['snakeXcase', 'snake_case']);
    assert.deepEqual(names(await listAccounts(sys, { status: 'paused' })), ['snake_case']);
    assert.deepEqual(names(await listAccounts(sys, { platform: 'x', status: 'closed' })), ['snakeXcase']);
    assert.deepEqual(names(await listAccounts(sys, { unit: s.units.facultyA, platform: 'facebook' })), ['100% Campus']);

    // % and _ are literal characters, not wildcards; so is the backslash.
    assert.deepEqual(names(await listAccounts(sys, { q: '%' })), ['100% Campus']);
    assert.deepEqual(names(await listAccounts(sys, { q: '0%' })), ['100% Campus']);
    assert.deepEqual(names(await listAccounts(sys, { q: 'snake_' })), ['snake_case']);
    assert.deepEqual(names(await listAccounts(sys, { q: '_' })), ['snake_case', 'ÆRLIG TALE']);
    assert.deepEqual(names(await listAccounts(sys, { q: '\\' })), ['Back\\slash']);
    assert.deepEqual(names(await listAccounts(sys, { q: '100 c' })), ['100 Campus']);
    // Case-insensitive, in name or handle, trimmed.
    assert.deepEqual(names(await listAccounts(sys, { q: '  campus ' })), ['100 Campus', '100% Campus']);
    assert.deepEqual(names(await listAccounts(sys, { q: 'INSTAGRAM' })), ['A1 på Instagram']);
    assert.deepEqual(names(await listAccounts(sys, { q: '@a1' })), ['A1 på Instagram']);
    assert.deepEqual(names(await listAccounts(sys, { q: 'BÆRUM' })), ['Back\\slash']);
    assert.deepEqual(names(await listAccounts(sys, { q: 'ærlig' })), ['ÆRLIG TALE']);
    assert.equal((await listAccounts(sys, { q: '   ' })).length, 8);

    // Filters never widen what the caller may read.
    assert.deepEqual(names(await listAccounts(await s.as('viewer'), { unit: s.units.facultyB })), []);
    assert.deepEqual(names(await listAccounts(await s.as('viewer'), { q: 'campus' })), ['100 Campus', '100% Campus']);
    await expectAppError(listAccounts(sys, { unit: 'no-such-unit' }), 'not_found');
  });

  test('an account shows its unit and the named reporters and evaluators, inherited with where they come from', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const sys = await s.system();
    const local = await createPerson(sys, { name: 'Aase Lokal', email: 'aase@test.example' });
    await grantRole(sys, { person: local.id, role: 'evaluator', unit: s.units.departmentA1 });

    const detail = await getAccount(await s.as('viewer'), s.accounts.a1Instagram);
    assert.deepEqual(detail.unit, { id: s.units.departmentA1, slug: 'department-a1', name: 'Department A1' });
    assert.deepEqual(detail.reporters, [{ id: s.people.reporter.id, name: 'Reporter Person', email: s.people.reporter.email, fromUnitId: s.units.facultyA }]);
    assert.deepEqual(detail.evaluators.map((p) => [p.email, p.fromUnitId]), [
      ['aase@test.example', s.units.departmentA1],
      [s.people.evaluator.email, s.units.facultyA],
    ]);
    assert.equal(detail.canEdit, false);
    assert.equal((await getAccount(await s.as('editor'), s.accounts.a1Instagram)).canEdit, true);
    assert.equal((await getAccount(await s.as('manager'), s.accounts.a1Instagram)).canEdit, true);

    const b = await getAccount(sys, s.accounts.bTiktok);
    assert.deepEqual(b.reporters, []);
    assert.deepEqual(b.evaluators, []);
  });

  test('invalid input is validation_failed with the paths of the wrong fields, on create and on update', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const editor = await s.as('editor');
    const base = { unit: s.units.departmentA1, platform: 'instagram' as const, name: 'Valid' };
    await expectAppError(createAccount(editor, { ...base, url: 'www.example.com' }), 'validation_failed', ['url']);
    await expectAppError(createAccount(editor, { ...base, url: 'javascript:alert(1)' }), 'validation_failed', ['url']);
    await expectAppError(createAccount(editor, { ...base, targetAgeGroups: ['12-15' as '13-17'] }), 'validation_failed', ['targetAgeGroups.0']);
    await expectAppError(createAccount(editor, { ...base, plannedHoursPerMonth: -1 }), 'validation_failed', ['plannedHoursPerMonth']);
    await expectAppError(createAccount(editor, { ...base, budgetNokPerYear: -100 }), 'validation_failed', ['budgetNokPerYear']);
    await expectAppError(createAccount(editor, { ...base, platform: 'myspace' as 'x' }), 'validation_failed', ['platform']);
    await expectAppError(createAccount(editor, { ...base, name: ' ' }), 'validation_failed', ['name']);
    await expectAppError(
      createAccount(editor, { ...base, url: 'ftp://example.com', targetAgeGroups: ['18-24', 'old' as '65+'], plannedHoursPerMonth: -5 }),
      'validation_failed',
      ['plannedHoursPerMonth', 'targetAgeGroups.1', 'url'],
    );

    const bad: AccountUpdateInput[] = [
      { url: 'not a url' },
      { targetAgeGroups: ['kids' as '13-17'] },
      { plannedHoursPerMonth: -0.5 },
      { name: '' },
      { status: 'deleted' as 'closed' },
    ];
    const expectedPaths = [['url'], ['targetAgeGroups.0'], ['plannedHoursPerMonth'], ['name'], ['status']];
    for (const [i, input] of bad.entries()) {
      await expectAppError(updateAccount(editor, s.accounts.a1Instagram, input), 'validation_failed', expectedPaths[i]);
    }
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, s.accounts.a1Instagram));
    assert.equal(row!.name, 'A1 på Instagram');
    assert.equal(row!.url, null);
    assert.equal(row!.plannedHoursPerMonth, null);
    assert.equal(row!.status, 'active');
  });

  test('an account in an archived unit stays closed until the unit is restored', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const sys = await s.system();
    await updateAccount(sys, s.accounts.a1Instagram, { status: 'closed' });
    await updateUnit(sys, s.units.departmentA1, { archived: true });
    for (const status of ['active', 'paused'] as const) {
      await expectAppError(updateAccount(sys, s.accounts.a1Instagram, { status }), 'validation_failed', ['status']);
    }
    // Its data can still be corrected.
    assert.equal((await updateAccount(sys, s.accounts.a1Instagram, { contentFrequency: 'weekly' })).contentFrequency, 'weekly');
    // It can be reopened once the unit is restored…
    await updateUnit(sys, s.units.departmentA1, { archived: false });
    assert.equal((await updateAccount(sys, s.accounts.a1Instagram, { status: 'paused' })).status, 'paused');
    // …or moved out of the archived unit and reopened there in one change.
    await updateAccount(sys, s.accounts.a1Instagram, { status: 'closed' });
    await updateUnit(sys, s.units.departmentA1, { archived: true });
    const reopened = await updateAccount(sys, s.accounts.a1Instagram, { unit: s.units.facultyA, status: 'active' });
    assert.deepEqual([reopened.unitId, reopened.status, reopened.closedAt], [s.units.facultyA, 'active', null]);
  });

  test('moving an account needs edit rights in both units', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const sys = await s.system();
    const a2 = await createUnit(sys, { name: 'A2', parent: s.units.facultyA });
    const editor = await s.as('editor');
    assert.equal((await updateAccount(editor, s.accounts.a1Instagram, { unit: a2.id })).unitId, a2.id);
    await expectAppError(updateAccount(editor, s.accounts.a1Instagram, { unit: s.units.facultyB }), 'not_found');
    await expectAppError(updateAccount(await s.as('outsider'), s.accounts.bTiktok, { unit: a2.id }), 'not_found');
    await expectAppError(updateAccount(await s.as('reporter'), s.accounts.a1Instagram, { unit: s.units.facultyA }), 'forbidden');
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, s.accounts.a1Instagram));
    assert.equal(row!.unitId, a2.id);
  });
});
