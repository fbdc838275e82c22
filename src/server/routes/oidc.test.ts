/**
 * Single sign-on through a real OpenID provider on 127.0.0.1 (oidc-provider), over HTTP, following
 * every redirect by hand with a cookie jar: people created, found again and linked by e-mail;
 * refusals (deactivated, state tampering, expired, cancelled, unknown with creation off, a bad
 * signature); no open redirect; no secret in the logs. Groups → roles: oidc-groups.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { auditEvents, people, personIdentities, sessions } from '../../db/schema/index.ts';
import { forEachDatabase } from '../../testing/database.ts';
import { testApp } from '../../testing/http.ts';
import { SsoBrowser, TEST_PUBLIC_URL } from '../../testing/sso-browser.ts';
import { REDIRECT_URI, sessionOf, ssoKit } from '../../testing/sso-kit.ts';
import { sha256Hex } from '../../services/secrets.ts';

const kit = ssoKit();

forEachDatabase('single sign-on (OpenID Connect)', (fresh) => {
  test('the sign-in page learns the provider; start is 404 when SSO is off', async () => {
    await using t = await fresh();
    const { app } = await kit.setUp(t);
    assert.deepEqual(await (await app.app.request('/api/v1/auth/providers')).json(), { oidc: { name: 'Feide', startUrl: '/api/v1/auth/oidc/start' } });
    const off = testApp(t);
    assert.deepEqual(await (await off.app.request('/api/v1/auth/providers')).json(), { oidc: null });
    assert.equal((await off.app.request('/api/v1/auth/oidc/start')).status, 404);
    assert.equal((await off.app.request('/api/v1/auth/oidc/callback?code=x&state=y')).status, 404);
  });

  test('start redirects with state, nonce and PKCE S256, and keeps them in a short-lived HttpOnly Lax cookie', async () => {
    await using t = await fresh();
    const { app } = await kit.setUp(t);
    const res = await app.app.request('/api/v1/auth/oidc/start?returnTo=/goals');
    assert.equal(res.status, 302);
    const to = new URL(res.headers.get('location')!);
    assert.equal(to.origin, kit.idp.issuer);
    assert.equal(to.searchParams.get('client_id'), kit.idp.clientId);
    assert.equal(to.searchParams.get('redirect_uri'), REDIRECT_URI);
    assert.equal(to.searchParams.get('code_challenge_method'), 'S256');
    assert.ok((to.searchParams.get('code_challenge') ?? '').length >= 43);
    assert.ok((to.searchParams.get('state') ?? '').length >= 20);
    assert.ok((to.searchParams.get('nonce') ?? '').length >= 20);
    assert.equal(to.searchParams.get('scope'), 'openid email profile');
    const [cookie] = res.headers.getSetCookie();
    assert.match(cookie!, /^maalbar_oidc=/);
    assert.match(cookie!, /HttpOnly/);
    assert.match(cookie!, /SameSite=Lax/);
    assert.match(cookie!, /Max-Age=600/);
    assert.match(cookie!, /Path=\/api\/v1\/auth\/oidc/);
    // The sealed cookie shows neither the state nor the verifier.
    assert.ok(!cookie!.includes(to.searchParams.get('state')!));
  });

  test('behind https the attempt cookie is Secure and __Secure- named', async () => {
    await using t = await fresh();
    const { app } = await kit.setUp(t, { MAALBAR_PUBLIC_URL: 'https://maalbar.example.no' });
    const res = await app.app.request('/api/v1/auth/oidc/start');
    assert.equal(new URL(res.headers.get('location')!).searchParams.get('redirect_uri'), 'https://maalbar.example.no/api/v1/auth/oidc/callback');
    const [cookie] = res.headers.getSetCookie();
    assert.match(cookie!, /^__Secure-maalbar_oidc=.*; Secure/);
  });

  test('two first sign-ins of one person at once make one person and one identity', async () => {
    await using t = await fresh();
    kit.setAccounts({ 'sub-twice': { email: 'twice@test.example', email_verified: true } });
    kit.idp.loginAs('sub-twice');
    const { app } = await kit.setUp(t);
    const landings = await Promise.all([new SsoBrowser(app.app).follow('/api/v1/auth/oidc/start'), new SsoBrowser(app.app).follow('/api/v1/auth/oidc/start')]);
    assert.deepEqual(landings.map((l) => l.url.pathname), ['/', '/']);
    assert.equal((await t.db.select().from(people).where(eq(people.email, 'twice@test.example'))).length, 1);
    assert.equal((await t.db.select().from(personIdentities)).length, 1);
  });

  test('a first sign-in creates the person (no password) and signs in; the second finds the same identity', async () => {
    await using t = await fresh();
    kit.setAccounts({ 'sub-nora': { email: 'Nora.New@Test.example', email_verified: true, name: 'Nora Ny' } });
    kit.idp.loginAs('sub-nora');
    const { app, browser } = await kit.setUp(t);
    const landing = await browser.follow('/api/v1/auth/oidc/start?returnTo=%2Fgoals%2Fnew%3Fx%3D1');
    assert.equal(landing.url.pathname + landing.url.search, '/goals/new?x=1');
    const me = await sessionOf(app, browser);
    assert.equal(me?.email, 'nora.new@test.example');
    assert.equal(me?.name, 'Nora Ny');
    assert.deepEqual(me?.grants, []);
    const [person] = await t.db.select().from(people).where(eq(people.email, 'nora.new@test.example'));
    assert.equal(person!.passwordHash, null);
    assert.equal(person!.locale, 'en'); // the organisation's language
    const identities = await t.db.select().from(personIdentities).where(eq(personIdentities.personId, person!.id));
    assert.equal(identities.length, 1);
    assert.equal(identities[0]!.issuer, kit.idp.issuer);
    assert.equal(identities[0]!.subject, 'sub-nora');
    const trail = await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, person!.id));
    assert.deepEqual(trail.map((e) => [e.action, e.actorPersonId]).sort(), [['person.create', person!.id], ['person.link_identity', person!.id]]);

    // Again, in the same browser: the same person, a new session id (the old one ended).
    const firstCookie = browser.cookie(TEST_PUBLIC_URL, 'maalbar_session')!;
    const again = await browser.follow('/api/v1/auth/oidc/start');
    assert.equal(again.url.pathname, '/');
    const secondCookie = browser.cookie(TEST_PUBLIC_URL, 'maalbar_session')!;
    assert.notEqual(secondCookie, firstCookie);
    assert.equal((await sessionOf(app, browser))?.id, person!.id);
    assert.equal((await t.db.select().from(sessions).where(eq(sessions.id, sha256Hex(firstCookie)))).length, 0);
    assert.equal((await t.db.select().from(people).where(eq(people.email, 'nora.new@test.example'))).length, 1);
    assert.equal((await t.db.select().from(personIdentities)).length, 1);
  });

  test('an existing person with the verified e-mail is linked, keeping password and roles; an unverified e-mail is not', async () => {
    await using t = await fresh();
    kit.setAccounts({
      'sub-ed': { email: 'editor@test.example', email_verified: true, name: 'Someone Else' },
      'sub-mallory': { email: 'viewer@test.example', email_verified: false },
    });
    const { s, app, browser } = await kit.setUp(t);
    kit.idp.loginAs('sub-mallory');
    const refused = await browser.follow('/api/v1/auth/oidc/start');
    assert.equal(refused.url.pathname + refused.url.search, '/sign-in?sso_error=email_unverified');
    assert.equal(await sessionOf(app, browser), null);
    assert.equal((await t.db.select().from(personIdentities)).length, 0);

    kit.idp.loginAs('sub-ed');
    const second = new SsoBrowser(app.app); // not signed in at the provider as mallory
    await second.follow('/api/v1/auth/oidc/start');
    const me = await sessionOf(app, second);
    assert.equal(me?.id, s.people.editor.id);
    assert.equal(me?.name, 'Editor Person');
    assert.deepEqual(me?.grants, [{ role: 'editor', unitId: s.units.facultyA }]);
    const [identity] = await t.db.select().from(personIdentities);
    assert.equal(identity!.personId, s.people.editor.id);
    const [editor] = await t.db.select().from(people).where(eq(people.id, s.people.editor.id));
    assert.notEqual(editor!.passwordHash, null);
  });

  test('MAALBAR_OIDC_TRUST_EMAIL links without email_verified', async () => {
    await using t = await fresh();
    kit.setAccounts({ 'sub-v': { email: 'viewer@test.example' } });
    kit.idp.loginAs('sub-v');
    const { s, app, browser } = await kit.setUp(t, { MAALBAR_OIDC_TRUST_EMAIL: 'true' });
    await browser.follow('/api/v1/auth/oidc/start');
    assert.equal((await sessionOf(app, browser))?.id, s.people.viewer.id);
  });

  test('a deactivated person is refused, whether found by e-mail or by identity', async () => {
    await using t = await fresh();
    kit.setAccounts({ 'sub-r': { email: 'reporter@test.example', email_verified: true } });
    kit.idp.loginAs('sub-r');
    const { s, app, browser, lines } = await kit.setUp(t);
    await browser.follow('/api/v1/auth/oidc/start');
    assert.equal((await sessionOf(app, browser))?.id, s.people.reporter.id);

    await t.db.update(people).set({ active: false }).where(eq(people.id, s.people.reporter.id));
    const other = new SsoBrowser(app.app);
    const landing = await other.follow('/api/v1/auth/oidc/start');
    assert.equal(landing.url.pathname + landing.url.search, '/sign-in?sso_error=deactivated');
    assert.equal(other.cookie(TEST_PUBLIC_URL, 'maalbar_session'), undefined);
    assert.ok(lines.some((l) => l.includes('"reason":"deactivated"')));

    // Found by e-mail (no identity yet): refused and not linked.
    await t.db.update(people).set({ active: false }).where(eq(people.id, s.people.evaluator.id));
    kit.setAccounts({ 'sub-e': { email: 'evaluator@test.example', email_verified: true } });
    kit.idp.loginAs('sub-e');
    const byEmail = await new SsoBrowser(app.app).follow('/api/v1/auth/oidc/start');
    assert.equal(byEmail.url.search, '?sso_error=deactivated');
    assert.equal((await t.db.select().from(personIdentities).where(eq(personIdentities.subject, 'sub-e'))).length, 0);
  });

  test('a tampered state, a foreign or forged cookie, a replayed callback and a late one are refused', async () => {
    await using t = await fresh();
    kit.setAccounts({ 'sub-x': { email: 'x@test.example', email_verified: true } });
    kit.idp.loginAs('sub-x');
    let now = Date.now();
    const { app, browser } = await kit.setUp(t, {}, () => new Date(now));

    /** Runs the flow up to the provider's redirect back to us and returns that callback URL. */
    async function callbackFor(b: SsoBrowser): Promise<URL> {
      let url = new URL('/api/v1/auth/oidc/start', TEST_PUBLIC_URL);
      for (;;) {
        const res = await b.get(url);
        await res.body?.cancel();
        url = new URL(res.headers.get('location')!, url);
        if (url.href.startsWith(REDIRECT_URI)) return url;
      }
    }
    const expectRefused = async (b: SsoBrowser, url: URL, code: string) => {
      const landing = await b.follow(url);
      assert.equal(landing.url.pathname + landing.url.search, `/sign-in?sso_error=${code}`);
      assert.equal(b.cookie(TEST_PUBLIC_URL, 'maalbar_session'), undefined);
    };

    const tampered = await callbackFor(browser);
    tampered.searchParams.set('state', 'attacker-state');
    await expectRefused(browser, tampered, 'state_mismatch');

    // A callback made for one browser, opened in another (login CSRF): no cookie there.
    const stolen = await callbackFor(browser);
    await expectRefused(new SsoBrowser(app.app), stolen, 'expired');

    // A cookie the browser made up itself.
    const forged = new SsoBrowser(app.app);
    const forgedUrl = await callbackFor(forged);
    forged.setCookie(TEST_PUBLIC_URL, 'maalbar_oidc', Buffer.from('{"state":"x"}').toString('base64url'));
    await expectRefused(forged, forgedUrl, 'state_mismatch');

    // The right callback works once; replayed, it finds no attempt.
    const good = await callbackFor(browser);
    assert.equal((await browser.follow(good)).url.pathname, '/');
    const replay = new SsoBrowser(app.app);
    await expectRefused(replay, good, 'expired');

    // More than ten minutes at the provider.
    const late = new SsoBrowser(app.app);
    const lateUrl = await callbackFor(late);
    now += 11 * 60_000;
    await expectRefused(late, lateUrl, 'expired');
  });

  test('returnTo cannot lead to another site', async () => {
    await using t = await fresh();
    kit.setAccounts({ 'sub-y': { email: 'y@test.example', email_verified: true } });
    kit.idp.loginAs('sub-y');
    const { browser } = await kit.setUp(t);
    for (const evil of ['https://evil.example/x', '//evil.example/x', '/\\evil.example', '/%5Cevil.example', 'javascript:alert(1)', ' /x', '/\t/evil.example']) {
      const landing = await browser.follow(`/api/v1/auth/oidc/start?returnTo=${encodeURIComponent(evil)}`);
      assert.equal(landing.url.origin, TEST_PUBLIC_URL, evil);
      assert.ok(landing.url.pathname === '/' || landing.url.pathname === '/%5Cevil.example', `${evil} → ${landing.url.href}`);
    }
  });

  test('cancelling at the provider, and an unknown person while creation is off, end on the sign-in page', async () => {
    await using t = await fresh();
    kit.setAccounts({ 'sub-z': { email: 'z@test.example', email_verified: true } });
    const { app, browser } = await kit.setUp(t, { MAALBAR_OIDC_CREATE_USERS: 'false' });
    kit.idp.loginAs(null);
    assert.equal((await browser.follow('/api/v1/auth/oidc/start')).url.search, '?sso_error=access_denied');
    kit.idp.loginAs('sub-z');
    assert.equal((await browser.follow('/api/v1/auth/oidc/start')).url.search, '?sso_error=unknown_user');
    assert.equal(await sessionOf(app, browser), null);
    assert.equal((await t.db.select().from(people).where(eq(people.email, 'z@test.example'))).length, 0);
  });

  test('an ID token whose signature does not match the provider\'s published keys is refused', async () => {
    await using t = await fresh();
    kit.setAccounts({ 'sub-sig': { email: 'sig@test.example', email_verified: true } });
    kit.idp.loginAs('sub-sig');
    const { app, browser, lines } = await kit.setUp(t);
    kit.idp.publishWrongKey(true);
    try {
      assert.equal((await browser.follow('/api/v1/auth/oidc/start')).url.search, '?sso_error=provider_error');
    } finally {
      kit.idp.publishWrongKey(false);
    }
    assert.equal(await sessionOf(app, browser), null);
    assert.equal((await t.db.select().from(people).where(eq(people.email, 'sig@test.example'))).length, 0);
    assert.ok(lines.some((l) => l.includes('code exchange failed')));
  });

  test('a provider that cannot be reached ends on the sign-in page', async () => {
    await using t = await fresh();
    const { browser, lines } = await kit.setUp(t, { MAALBAR_OIDC_ISSUER: 'http://127.0.0.1:9/' });
    assert.equal((await browser.follow('/api/v1/auth/oidc/start')).url.search, '?sso_error=provider_error');
    assert.ok(lines.some((l) => l.includes('could not be reached')));
  });

  test('no secret reaches the log: client secret, code, state, nonce, verifier cookie, session', async () => {
    await using t = await fresh();
    kit.setAccounts({ 'sub-l': { email: 'l@test.example', email_verified: true } });
    kit.idp.loginAs('sub-l');
    const { browser, lines } = await kit.setUp(t);
    const landing = await browser.follow('/api/v1/auth/oidc/start');
    assert.equal(landing.url.pathname, '/');
    // A refused one too (its log line has details).
    const tamperedLanding = await browser.follow(`${REDIRECT_URI}?code=abc&state=zzz`);
    assert.equal(tamperedLanding.url.search, '?sso_error=expired');
    const callback = landing.visited.find((u) => u.href.startsWith(REDIRECT_URI))!;
    const authorize = landing.visited.find((u) => u.searchParams.has('nonce'))!;
    const secrets = [
      kit.idp.clientSecret,
      callback.searchParams.get('code')!,
      callback.searchParams.get('state')!,
      authorize.searchParams.get('nonce')!,
      browser.cookie(TEST_PUBLIC_URL, 'maalbar_session')!,
    ];
    assert.ok(lines.length >= 3);
    for (const secret of secrets) {
      assert.ok(secret && secret.length >= 10);
      assert.ok(!lines.some((l) => l.includes(secret)), `a log line holds ${secret.slice(0, 4)}…`);
    }
  });
});
