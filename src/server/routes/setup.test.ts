import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { forEachDatabase } from '../../testing/database.ts';
import { testApp } from '../../testing/http.ts';
import { expectProblem, parseSetCookie } from '../../testing/assertions.ts';
import { seed } from '../../testing/seed.ts';
import { organisations, people, roleGrants, units } from '../../db/schema/index.ts';

const validSetup = {
  organisationName: 'Universitetet i Ås',
  adminName: 'Åse Admin',
  email: 'Ase@Example.NO',
  password: 'a-long-password',
  locale: 'nb',
};

forEachDatabase('first-run setup API', (fresh) => {
  test('a new installation needs setup; setup creates the organisation, top unit and admin and signs in', async () => {
    await using t = await fresh();
    const { anonymous, client } = testApp(t);
    assert.deepEqual((await anonymous.json('GET', '/setup')).body, { needsSetup: true });

    const res = await anonymous.request('POST', '/setup', validSetup);
    assert.equal(res.status, 201);
    const cookie = parseSetCookie(res.headers.getSetCookie().at(-1)!);
    assert.equal(cookie.name, 'maalbar_session');
    assert.equal(cookie.attributes.httponly, true);
    const body = (await res.json()) as { me: { email: string; isAdmin: boolean; organisation: { name: string; slug: string } }; csrfToken: string };
    assert.equal(body.me.email, 'ase@example.no');
    assert.equal(body.me.isAdmin, true);
    assert.deepEqual({ name: body.me.organisation.name, slug: body.me.organisation.slug }, { name: 'Universitetet i Ås', slug: 'universitetet-i-as' });
    assert.ok(body.csrfToken.length >= 32);

    assert.deepEqual((await anonymous.json('GET', '/setup')).body, { needsSetup: false });

    // The cookie from setup is a working session.
    const admin = client({ cookie: `${cookie.name}=${cookie.value}`, csrf: body.csrfToken });
    const session = await admin.json<{ me: { email: string } }>('GET', '/auth/session');
    assert.equal(session.status, 200);
    assert.equal(session.body.me.email, 'ase@example.no');

    // In the database: one organisation, its top unit with the same name, one admin grant.
    const orgs = await t.db.select().from(organisations);
    assert.equal(orgs.length, 1);
    const top = await t.db.select().from(units).where(eq(units.organisationId, orgs[0]!.id));
    assert.deepEqual(top.map((u) => ({ name: u.name, parentId: u.parentId, kind: u.kind })), [
      { name: 'Universitetet i Ås', parentId: null, kind: 'organisation' },
    ]);
    const grants = await t.db.select().from(roleGrants);
    assert.deepEqual(grants.map((g) => ({ role: g.role, unitId: g.unitId })), [{ role: 'admin', unitId: null }]);
    const [person] = await t.db.select().from(people);
    assert.match(person!.passwordHash!, /^\$argon2id\$/);
    assert.ok(!person!.passwordHash!.includes(validSetup.password));
  });

  test('setup works only while no organisation exists: a second setup is 409 already_set_up', async () => {
    await using t = await fresh();
    const { anonymous } = testApp(t);
    assert.equal((await anonymous.request('POST', '/setup', validSetup)).status, 201);
    const again = await anonymous.request('POST', '/setup', { ...validSetup, email: 'someone.else@example.no', organisationName: 'Takeover' });
    await expectProblem(again, 409, 'already_set_up');
    assert.equal((await t.db.select().from(organisations)).length, 1);
    assert.equal((await t.db.select().from(people)).length, 1);
  });

  test('setup is refused on an installation seeded by other means (demo, CLI)', async () => {
    await using t = await fresh();
    await seed(t.db);
    const { anonymous } = testApp(t);
    assert.deepEqual((await anonymous.json('GET', '/setup')).body, { needsSetup: false });
    await expectProblem(await anonymous.request('POST', '/setup', validSetup), 409, 'already_set_up');
  });

  test('validation errors list every field that is wrong', async () => {
    await using t = await fresh();
    const { anonymous } = testApp(t);
    const empty = await expectProblem(await anonymous.request('POST', '/setup', {}), 400, 'validation_failed');
    assert.deepEqual(empty.issues!.map((i) => i.path).sort(), ['adminName', 'email', 'organisationName', 'password']);

    const bad = await expectProblem(
      await anonymous.request('POST', '/setup', { organisationName: '   ', adminName: 'Ada', email: 'not-an-email', password: 'short', locale: 'de' }),
      400,
      'validation_failed',
    );
    assert.deepEqual(bad.issues!.map((i) => i.path).sort(), ['email', 'locale', 'organisationName', 'password']);
    for (const issue of bad.issues!) assert.ok(issue.message.length > 0);

    // Nothing was created.
    assert.deepEqual((await anonymous.json('GET', '/setup')).body, { needsSetup: true });
  });

  test('two setups at the same moment: exactly one wins, the other is 409 already_set_up', async () => {
    await using t = await fresh();
    const { anonymous } = testApp(t);
    const attempts = await Promise.all(
      ['Første', 'Andre', 'Tredje'].map((name, i) =>
        anonymous.request('POST', '/setup', { ...validSetup, organisationName: name, email: `admin${i}@example.no` }),
      ),
    );
    const statuses = attempts.map((r) => r.status).sort();
    assert.deepEqual(statuses, [201, 409, 409]);
    for (const res of attempts.filter((r) => r.status === 409)) await expectProblem(res, 409, 'already_set_up');
    assert.equal((await t.db.select().from(organisations)).length, 1);
    assert.equal((await t.db.select().from(people)).length, 1);
  });

  test('setup from a cross-site page is refused', async () => {
    await using t = await fresh();
    const { anonymous } = testApp(t);
    await expectProblem(await anonymous.request('POST', '/setup', validSetup, { origin: 'https://evil.example' }), 403, 'csrf_failed');
    assert.deepEqual((await anonymous.json('GET', '/setup')).body, { needsSetup: true });
  });
});
