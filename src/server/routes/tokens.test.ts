import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { forEachDatabase } from '../../testing/database.ts';
import { FIXED_NOW, seed } from '../../testing/seed.ts';
import { testApp } from '../../testing/http.ts';
import { expectProblem } from '../../testing/assertions.ts';
import { apiTokens, roleGrants } from '../../db/schema/index.ts';
import { sha256Hex } from '../../services/secrets.ts';

interface TokenCreated {
  id: string;
  name: string;
  prefix: string;
  token: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

const DAY = 86_400_000;

forEachDatabase('API tokens', (fresh) => {
  test('the secret is shown once: the list never contains it, and the database holds only its hash', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn } = testApp(t);
    const editor = await signIn(s.people.editor.email);
    const created = await editor.json<TokenCreated>('POST', '/tokens', { name: 'Import script' });
    assert.equal(created.status, 201);
    const { token } = created.body;
    assert.match(token, /^mlb_[A-Za-z0-9_-]{40,}$/);
    assert.ok(token.startsWith(created.body.prefix));
    assert.ok(created.body.prefix.length < 16);
    assert.equal(created.body.expiresAt, null);

    const listRes = await editor.request('GET', '/tokens');
    const listText = await listRes.text();
    assert.equal(listRes.status, 200);
    assert.ok(!listText.includes(token), 'the list must not contain the secret');
    assert.ok(!listText.includes(token.slice(created.body.prefix.length, created.body.prefix.length + 12)));
    const list = JSON.parse(listText) as Record<string, unknown>[];
    assert.deepEqual(list.map((t) => t.id), [created.body.id]);
    assert.ok(!('token' in list[0]!));
    assert.ok(!('tokenHash' in list[0]!));

    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, created.body.id));
    assert.equal(row!.tokenHash, sha256Hex(token));
    const everything = JSON.stringify(await t.db.select().from(apiTokens));
    assert.ok(!everything.includes(token));

    // Someone else's list does not show it.
    const viewer = await signIn(s.people.viewer.email);
    assert.deepEqual((await viewer.json('GET', '/tokens')).body, []);
  });

  test("a bearer token works without CSRF and acts with its owner's permissions", async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn, client } = testApp(t);
    const editorToken = (await (await signIn(s.people.editor.email)).json<TokenCreated>('POST', '/tokens', { name: 'editor script' })).body.token;
    const reporterToken = (await (await signIn(s.people.reporter.email)).json<TokenCreated>('POST', '/tokens', { name: 'reporter script' })).body.token;
    const editor = client({ bearer: editorToken });
    const reporter = client({ bearer: reporterToken });

    const session = await editor.json<{ me: { email: string }; csrfToken: string }>('GET', '/auth/session');
    assert.equal(session.body.me.email, s.people.editor.email);

    // Changes go through without X-CSRF-Token (a token is not an ambient credential)…
    const createdA = await editor.request('POST', '/accounts', { unit: s.units.departmentA1, platform: 'linkedin', name: 'A1 on LinkedIn' });
    assert.equal(createdA.status, 201);
    // …but only where the owner may make them.
    await expectProblem(await editor.request('POST', '/accounts', { unit: s.units.facultyB, platform: 'linkedin', name: 'B on LinkedIn' }), 404, 'not_found');
    await expectProblem(await editor.request('GET', `/accounts/${s.accounts.bTiktok}`), 404, 'not_found');
    await expectProblem(await reporter.request('POST', '/accounts', { unit: s.units.departmentA1, platform: 'x', name: 'A1 on X' }), 403, 'forbidden');
    assert.equal((await reporter.request('GET', `/accounts/${s.accounts.a1Instagram}`)).status, 200);
    await expectProblem(await reporter.request('POST', '/people', { name: 'New Person', email: 'new@test.example' }), 403, 'forbidden');

    // Permissions are looked up on every request: revoking the editor's role takes effect at once.
    await t.db.delete(roleGrants).where(eq(roleGrants.personId, s.people.editor.id));
    await expectProblem(await editor.request('GET', `/accounts/${s.accounts.a1Instagram}`), 404, 'not_found');
    assert.deepEqual((await editor.json('GET', '/accounts')).body, []);
  });

  test('a bearer token takes precedence over a cookie, and a bad one is refused even on public routes', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn, client } = testApp(t);
    const admin = await signIn(s.people.admin.email);
    const viewerToken = (await (await signIn(s.people.viewer.email)).json<TokenCreated>('POST', '/tokens', { name: 'v' })).body.token;
    const both = client({ cookie: admin.cookie, csrf: admin.csrfToken, bearer: viewerToken });
    assert.equal((await both.json<{ me: { email: string } }>('GET', '/auth/session')).body.me.email, s.people.viewer.email);
    await expectProblem(await both.request('POST', '/units', { name: 'Not allowed', parent: s.units.facultyA }), 403, 'forbidden');

    for (const bad of ['mlb_not-a-real-token', 'not-even-the-prefix', viewerToken + 'x']) {
      await expectProblem(await client({ bearer: bad }).request('GET', '/accounts'), 401, 'unauthenticated');
      await expectProblem(await client({ bearer: bad }).request('GET', '/setup'), 401, 'unauthenticated');
    }
    const malformed = await client().request('GET', '/accounts', undefined, { authorization: 'Basic dXNlcjpwYXNz' });
    await expectProblem(malformed, 401, 'unauthenticated');
  });

  test('a revoked token is refused; only its owner may revoke it', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn, client } = testApp(t);
    const editor = await signIn(s.people.editor.email);
    const created = (await editor.json<TokenCreated>('POST', '/tokens', { name: 'to revoke' })).body;
    const kept = (await editor.json<TokenCreated>('POST', '/tokens', { name: 'to keep' })).body;
    const script = client({ bearer: created.token });
    assert.equal((await script.request('GET', '/accounts')).status, 200);

    const admin = await signIn(s.people.admin.email);
    await expectProblem(await admin.request('DELETE', `/tokens/${created.id}`), 404, 'not_found');
    assert.equal((await script.request('GET', '/accounts')).status, 200);

    assert.equal((await editor.request('DELETE', `/tokens/${created.id}`)).status, 204);
    await expectProblem(await script.request('GET', '/accounts'), 401, 'unauthenticated');
    await expectProblem(await editor.request('DELETE', `/tokens/${created.id}`), 404, 'not_found');
    assert.deepEqual((await editor.json<{ id: string }[]>('GET', '/tokens')).body.map((t) => t.id), [kept.id]);
    assert.equal((await client({ bearer: kept.token }).request('GET', '/accounts')).status, 200);
  });

  test('an expired token is refused and no longer listed', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    let now = FIXED_NOW.getTime();
    const { signIn, client } = testApp(t, { now: () => new Date(now) });
    const editor = await signIn(s.people.editor.email);
    const created = (await editor.json<TokenCreated>('POST', '/tokens', { name: 'one day', expiresInDays: 1 })).body;
    assert.equal(created.expiresAt, new Date(now + DAY).toISOString());
    const script = client({ bearer: created.token });

    now += DAY - 1000;
    assert.equal((await script.request('GET', '/accounts')).status, 200);
    const later = await signIn(s.people.editor.email); // the first session has timed out by now
    const listed = (await later.json<{ id: string; lastUsedAt: string | null }[]>('GET', '/tokens')).body;
    assert.deepEqual(listed.map((t) => [t.id, t.lastUsedAt]), [[created.id, new Date(now).toISOString()]]);

    now += 1000;
    await expectProblem(await script.request('GET', '/accounts'), 401, 'unauthenticated');
    assert.deepEqual((await later.json('GET', '/tokens')).body, []);
  });

  test("a deactivated person's tokens stop working", async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn, client } = testApp(t);
    const token = (await (await signIn(s.people.editor.email)).json<TokenCreated>('POST', '/tokens', { name: 'x' })).body.token;
    const admin = await signIn(s.people.admin.email);
    assert.equal((await admin.request('PATCH', `/people/${s.people.editor.id}`, { active: false })).status, 200);
    await expectProblem(await client({ bearer: token }).request('GET', '/accounts'), 401, 'unauthenticated');
  });

  test('token input is validated', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn, anonymous } = testApp(t);
    const editor = await signIn(s.people.editor.email);
    const bad = await expectProblem(await editor.request('POST', '/tokens', { name: '', expiresInDays: 0 }), 400, 'validation_failed');
    assert.deepEqual(bad.issues!.map((i) => i.path).sort(), ['expiresInDays', 'name']);
    await expectProblem(await anonymous.request('POST', '/tokens', { name: 'x' }), 401, 'unauthenticated');
    await expectProblem(await anonymous.request('GET', '/tokens'), 401, 'unauthenticated');
  });
});
