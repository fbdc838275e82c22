import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { forEachDatabase } from '../../testing/database.ts';
import { FIXED_NOW, seed, TEST_PASSWORD } from '../../testing/seed.ts';
import { testApp } from '../../testing/http.ts';
import { expectProblem, parseSetCookie } from '../../testing/assertions.ts';
import { loadConfig } from '../../config.ts';
import { people, sessions } from '../../db/schema/index.ts';
import { sha256Hex } from '../../services/secrets.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A clock the test moves by hand. */
function manualClock(start = FIXED_NOW) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}

const login = (email: string, password: string) => ({ email, password });

forEachDatabase('auth API', (fresh) => {
  test('login sets an HttpOnly, SameSite=Lax, Path=/ session cookie, not Secure over http', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { anonymous } = testApp(t);
    const res = await anonymous.request('POST', '/auth/login', login(s.people.editor.email, TEST_PASSWORD));
    assert.equal(res.status, 200);
    const setCookies = res.headers.getSetCookie();
    assert.equal(setCookies.length, 1);
    const cookie = parseSetCookie(setCookies[0]!);
    assert.equal(cookie.name, 'maalbar_session');
    assert.ok(cookie.value.length >= 40, 'a long random secret');
    assert.equal(cookie.attributes.httponly, true);
    assert.equal(cookie.attributes.samesite, 'Lax');
    assert.equal(cookie.attributes.path, '/');
    assert.equal(cookie.attributes.secure, undefined);
    assert.equal(cookie.attributes.domain, undefined);
    const body = (await res.json()) as { me: { email: string; isAdmin: boolean; abilities: string[] }; csrfToken: string };
    assert.equal(body.me.email, s.people.editor.email);
    assert.equal(body.me.isAdmin, false);
    assert.deepEqual(body.me.abilities, ['read', 'account.write', 'goal.write', 'statistics.write']);
    assert.ok(body.csrfToken.length >= 32);
    assert.notEqual(body.csrfToken, cookie.value);
  });

  test('with an https public URL the cookie is Secure and named __Host-, and HSTS is sent', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const config = loadConfig({ MAALBAR_PUBLIC_URL: 'https://maalbar.example.no' });
    const { anonymous, signIn } = testApp(t, { config });
    const res = await anonymous.request('POST', '/auth/login', login(s.people.viewer.email, TEST_PASSWORD));
    assert.equal(res.status, 200);
    const cookie = parseSetCookie(res.headers.getSetCookie()[0]!);
    assert.equal(cookie.name, '__Host-maalbar_session');
    assert.equal(cookie.attributes.secure, true);
    assert.equal(cookie.attributes.httponly, true);
    assert.equal(cookie.attributes.samesite, 'Lax');
    assert.equal(cookie.attributes.path, '/');
    assert.equal(cookie.attributes.domain, undefined);
    assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=\d+/);

    // The __Host- cookie is the one read back; the plain name is ignored.
    const viewer = await signIn(s.people.viewer.email);
    assert.match(viewer.cookie, /^__Host-maalbar_session=/);
    assert.equal((await viewer.request('GET', '/auth/session')).status, 200);
    const plain = await anonymous.request('GET', '/auth/session', undefined, { cookie: viewer.cookie.replace('__Host-', '') });
    await expectProblem(plain, 401, 'unauthenticated');

    // Changes from the public origin are accepted; from elsewhere they are not.
    const ok = await viewer.request('PATCH', `/people/${s.people.viewer.id}`, { name: 'Vera' }, { origin: 'https://maalbar.example.no' });
    assert.equal(ok.status, 200);
    const cross = await viewer.request('PATCH', `/people/${s.people.viewer.id}`, { name: 'Eve' }, { origin: 'https://maalbar.example.no.evil.example' });
    await expectProblem(cross, 403, 'csrf_failed');
  });

  test('wrong password, unknown e-mail and a deactivated person get the same 401 answer', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    await t.db.update(people).set({ active: false }).where(eq(people.id, s.people.viewer.id));
    const { anonymous } = testApp(t);
    const wrong = await anonymous.request('POST', '/auth/login', login(s.people.editor.email, 'not-the-password'));
    const unknown = await anonymous.request('POST', '/auth/login', login('nobody@test.example', 'not-the-password'));
    const inactive = await anonymous.request('POST', '/auth/login', login(s.people.viewer.email, TEST_PASSWORD));
    const bodies = [];
    for (const res of [wrong, unknown, inactive]) {
      assert.equal(res.headers.getSetCookie().length, 0);
      bodies.push(await expectProblem(res, 401, 'invalid_credentials'));
    }
    assert.deepEqual(bodies[1], bodies[0]);
    assert.deepEqual(bodies[2], bodies[0]);
  });

  test('e-mail is matched case-insensitively; a malformed login is a 400 naming the field', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { anonymous } = testApp(t);
    assert.equal((await anonymous.request('POST', '/auth/login', login('  EDITOR@Test.Example ', TEST_PASSWORD))).status, 200);
    const bad = await expectProblem(await anonymous.request('POST', '/auth/login', { email: 'nope', password: '' }), 400, 'validation_failed');
    assert.deepEqual(bad.issues!.map((i) => i.path).sort(), ['email', 'password']);
    void s;
  });

  test('10 failed sign-ins → 429 with Retry-After; the right password is refused until the window has passed', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const clock = manualClock();
    const { anonymous } = testApp(t, { now: clock.now });
    for (let i = 1; i <= 10; i++) {
      const res = await anonymous.request('POST', '/auth/login', login(s.people.editor.email, `wrong-${i}`));
      await expectProblem(res, 401, 'invalid_credentials');
      clock.advance(10_000);
    }
    const blocked = await anonymous.request('POST', '/auth/login', login(s.people.editor.email, TEST_PASSWORD));
    const retryAfter = Number(blocked.headers.get('retry-after'));
    await expectProblem(blocked, 429, 'rate_limited');
    assert.ok(Number.isInteger(retryAfter) && retryAfter > 0 && retryAfter <= 15 * 60, `Retry-After: ${retryAfter}`);
    assert.equal(blocked.headers.getSetCookie().length, 0);
    // The first failure was 100 s ago, so the window ends 800 s from now.
    assert.equal(retryAfter, 15 * 60 - 100);

    // Still refused a moment before the window ends…
    clock.advance((retryAfter - 2) * 1000);
    await expectProblem(await anonymous.request('POST', '/auth/login', login(s.people.editor.email, TEST_PASSWORD)), 429, 'rate_limited');
    // …and accepted once it has.
    clock.advance(2000);
    const res = await anonymous.request('POST', '/auth/login', login(s.people.editor.email, TEST_PASSWORD));
    assert.equal(res.status, 200);
  });

  test('behind a trusted proxy failures count per e-mail and per client address', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { anonymous } = testApp(t, { config: loadConfig({ MAALBAR_TRUST_PROXY: 'true' }) });
    const from = (ip: string) => ({ 'x-forwarded-for': `${ip}, 10.0.0.1` });
    for (let i = 0; i < 10; i++) {
      await expectProblem(await anonymous.request('POST', '/auth/login', login(s.people.editor.email, 'wrong-password'), from('192.0.2.1')), 401);
    }
    // The e-mail is locked from any address…
    await expectProblem(await anonymous.request('POST', '/auth/login', login(s.people.editor.email, TEST_PASSWORD), from('198.51.100.7')), 429, 'rate_limited');
    // …and the address is locked for any e-mail…
    await expectProblem(await anonymous.request('POST', '/auth/login', login(s.people.viewer.email, TEST_PASSWORD), from('192.0.2.1')), 429, 'rate_limited');
    // …but others sign in from elsewhere.
    assert.equal((await anonymous.request('POST', '/auth/login', login(s.people.viewer.email, TEST_PASSWORD), from('198.51.100.7'))).status, 200);
  });

  test('logout ends the session: the old cookie no longer works and the session row is gone', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn } = testApp(t);
    const editor = await signIn(s.people.editor.email);
    assert.equal((await editor.request('GET', '/auth/session')).status, 200);
    const out = await editor.request('POST', '/auth/logout');
    assert.equal(out.status, 204);
    const cleared = parseSetCookie(out.headers.getSetCookie().at(-1)!);
    assert.equal(cleared.name, 'maalbar_session');
    assert.equal(cleared.value, '');
    assert.equal(cleared.attributes['max-age'], '0');

    await expectProblem(await editor.request('GET', '/auth/session'), 401, 'unauthenticated');
    await expectProblem(await editor.request('GET', '/accounts'), 401, 'unauthenticated');
    assert.equal((await t.db.select().from(sessions).where(eq(sessions.personId, s.people.editor.id))).length, 0);
  });

  test('a cookie-authenticated change needs the session’s X-CSRF-Token', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { client, signIn } = testApp(t);
    const editor = await signIn(s.people.editor.email);
    const other = await signIn(s.people.viewer.email);
    const body = { unit: s.units.departmentA1, platform: 'youtube', name: 'A1 on YouTube' };

    const noToken = client({ cookie: editor.cookie });
    await expectProblem(await noToken.request('POST', '/accounts', body), 403, 'csrf_failed');
    await expectProblem(await noToken.request('PATCH', `/accounts/${s.accounts.a1Instagram}`, { name: 'x' }), 403, 'csrf_failed');
    await expectProblem(await noToken.request('POST', '/auth/logout'), 403, 'csrf_failed');
    await expectProblem(await client({ cookie: editor.cookie, csrf: 'wrong' }).request('POST', '/accounts', body), 403, 'csrf_failed');
    // Another session's token is not this session's token.
    await expectProblem(await client({ cookie: editor.cookie, csrf: other.csrfToken }).request('POST', '/accounts', body), 403, 'csrf_failed');
    // Reading needs no token.
    assert.equal((await noToken.request('GET', '/accounts')).status, 200);
    // Nothing was changed by the refused requests; with the token the change goes through.
    assert.equal((await editor.json<unknown[]>('GET', '/accounts')).body.length, 1);
    assert.equal((await editor.request('POST', '/accounts', body)).status, 201);
    // GET /auth/session hands out the same token for the session.
    const session = await noToken.json<{ csrfToken: string }>('GET', '/auth/session');
    assert.equal(session.body.csrfToken, editor.csrfToken);
  });

  test('a request from a cross-site Origin is refused even with a valid CSRF token', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn, anonymous } = testApp(t);
    const editor = await signIn(s.people.editor.email);
    const body = { unit: s.units.departmentA1, platform: 'youtube', name: 'A1 on YouTube' };
    await expectProblem(await editor.request('POST', '/accounts', body, { origin: 'https://evil.example' }), 403, 'csrf_failed');
    await expectProblem(await editor.request('POST', '/accounts', body, { origin: 'null' }), 403, 'csrf_failed');
    // Signing in (login CSRF) from another site is refused too.
    await expectProblem(await anonymous.request('POST', '/auth/login', login(s.people.editor.email, TEST_PASSWORD), { origin: 'https://evil.example' }), 403, 'csrf_failed');
    // The app's own origin is fine.
    assert.equal((await editor.request('POST', '/accounts', body, { origin: 'http://localhost' })).status, 201);
  });

  test('changing the password needs the current one, ends other sessions and keeps this one', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn, anonymous } = testApp(t);
    const here = await signIn(s.people.editor.email);
    const elsewhere = await signIn(s.people.editor.email);
    const bystander = await signIn(s.people.viewer.email);

    const wrong = await expectProblem(
      await here.request('POST', '/auth/password', { currentPassword: 'not-my-password', newPassword: 'brand-new-password' }),
      400,
      'validation_failed',
    );
    assert.deepEqual(wrong.issues!.map((i) => i.path), ['currentPassword']);
    const missing = await expectProblem(await here.request('POST', '/auth/password', { newPassword: 'brand-new-password' }), 400, 'validation_failed');
    assert.deepEqual(missing.issues!.map((i) => i.path), ['currentPassword']);
    const short = await expectProblem(await here.request('POST', '/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' }), 400);
    assert.deepEqual(short.issues!.map((i) => i.path), ['newPassword']);
    // The failed attempts changed nothing.
    assert.equal((await elsewhere.request('GET', '/auth/session')).status, 200);

    assert.equal((await here.request('POST', '/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'brand-new-password' })).status, 204);
    assert.equal((await here.request('GET', '/auth/session')).status, 200);
    await expectProblem(await elsewhere.request('GET', '/auth/session'), 401, 'unauthenticated');
    assert.equal((await bystander.request('GET', '/auth/session')).status, 200, "other people's sessions are untouched");

    await expectProblem(await anonymous.request('POST', '/auth/login', login(s.people.editor.email, TEST_PASSWORD)), 401, 'invalid_credentials');
    assert.equal((await anonymous.request('POST', '/auth/login', login(s.people.editor.email, 'brand-new-password'))).status, 200);
    await expectProblem(await anonymous.request('POST', '/auth/password', { currentPassword: 'x', newPassword: 'brand-new-password' }), 401, 'unauthenticated');
  });

  test('passwords are stored as argon2id hashes and sessions by the hash of the cookie secret', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn } = testApp(t);
    const editor = await signIn(s.people.editor.email);
    assert.equal((await editor.request('POST', '/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'brand-new-password' })).status, 204);

    const [person] = await t.db.select().from(people).where(eq(people.id, s.people.editor.id));
    assert.match(person!.passwordHash!, /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
    assert.ok(!person!.passwordHash!.includes('brand-new-password'));

    const secret = editor.cookie.split('=')[1]!;
    const rows = await t.db.select().from(sessions).where(eq(sessions.personId, s.people.editor.id));
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0]!.id, secret);
    assert.equal(rows[0]!.id, sha256Hex(secret));
    assert.equal((await t.db.select().from(sessions).where(eq(sessions.id, secret))).length, 0);
  });

  test("a deactivated person's sessions stop working at once", async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn } = testApp(t);
    const admin = await signIn(s.people.admin.email);
    const editor = await signIn(s.people.editor.email);
    const viewer = await signIn(s.people.viewer.email);

    // Through the API: the administrator deactivates the editor.
    assert.equal((await admin.request('PATCH', `/people/${s.people.editor.id}`, { active: false })).status, 200);
    await expectProblem(await editor.request('GET', '/auth/session'), 401, 'unauthenticated');
    await expectProblem(await editor.request('GET', '/accounts'), 401, 'unauthenticated');

    // Even if a session row survives, an inactive person is not let in.
    await t.db.update(people).set({ active: false }).where(eq(people.id, s.people.viewer.id));
    assert.equal((await t.db.select().from(sessions).where(eq(sessions.personId, s.people.viewer.id))).length, 1);
    await expectProblem(await viewer.request('GET', '/auth/session'), 401, 'unauthenticated');
  });

  test('every sign-in issues a new session; a cookie planted before sign-in is never promoted', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn, anonymous, client } = testApp(t);
    const first = await signIn(s.people.editor.email);
    const second = await signIn(s.people.editor.email);
    assert.notEqual(first.cookie, second.cookie);
    assert.notEqual(first.csrfToken, second.csrfToken);

    // An attacker's own session (or a made-up value) planted in the victim's browser…
    const attacker = await signIn(s.people.viewer.email);
    for (const planted of [attacker, { cookie: 'maalbar_session=chosen-by-the-attacker', csrfToken: 'x' }]) {
      const res = await client({ cookie: planted.cookie, csrf: planted.csrfToken }).request('POST', '/auth/login', login(s.people.editor.email, TEST_PASSWORD));
      assert.equal(res.status, 200);
      const issued = parseSetCookie(res.headers.getSetCookie().at(-1)!);
      assert.notEqual(`${issued.name}=${issued.value}`, planted.cookie);
      // …is not turned into the victim's session.
      const me = await client({ cookie: planted.cookie }).json<{ me?: { email: string } }>('GET', '/auth/session');
      assert.notEqual(me.body.me?.email, s.people.editor.email);
      const victim = await client({ cookie: `${issued.name}=${issued.value}` }).json<{ me: { email: string } }>('GET', '/auth/session');
      assert.equal(victim.body.me.email, s.people.editor.email);
    }
    void anonymous;
  });

  test('a session ends after 12 idle hours, slides while used, and lasts 30 days at most', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const clock = manualClock();
    const { signIn } = testApp(t, { now: clock.now });
    const idle = await signIn(s.people.editor.email);
    const busy = await signIn(s.people.viewer.email);

    clock.advance(11 * HOUR);
    assert.equal((await idle.request('GET', '/auth/session')).status, 200);
    assert.equal((await busy.request('GET', '/auth/session')).status, 200);
    clock.advance(11 * HOUR); // 22 h after sign-in, 11 h after the last request
    assert.equal((await idle.request('GET', '/auth/session')).status, 200);
    assert.equal((await busy.request('GET', '/auth/session')).status, 200);
    clock.advance(11 * HOUR);
    assert.equal((await busy.request('GET', '/auth/session')).status, 200);
    clock.advance(HOUR + MINUTE); // idle: 12 h 1 min since its last request
    await expectProblem(await idle.request('GET', '/auth/session'), 401, 'unauthenticated');

    // Used every 11 hours, a session still ends 30 days after sign-in.
    let elapsed = 34 * HOUR + MINUTE;
    while (elapsed + 11 * HOUR < 30 * DAY) {
      assert.equal((await busy.request('GET', '/auth/session')).status, 200, `after ${elapsed / HOUR} h`);
      clock.advance(11 * HOUR);
      elapsed += 11 * HOUR;
    }
    assert.equal((await busy.request('GET', '/auth/session')).status, 200, 'just before 30 days');
    clock.advance(30 * DAY - elapsed + MINUTE);
    await expectProblem(await busy.request('GET', '/auth/session'), 401, 'unauthenticated');
  });

  test('GET /auth/session without a session is 401', async () => {
    await using t = await fresh();
    await seed(t.db);
    const { anonymous, client } = testApp(t);
    await expectProblem(await anonymous.request('GET', '/auth/session'), 401, 'unauthenticated');
    const stale = await client({ cookie: 'maalbar_session=does-not-exist' }).request('GET', '/auth/session');
    await expectProblem(stale, 401, 'unauthenticated');
  });
});
