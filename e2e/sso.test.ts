// Single sign-on in real Chromium (bokmål): the sign-in page shows "Logg inn med Feide", the button
// leads through a local OpenID provider (oidc-provider on 127.0.0.1, login answered by the test)
// and back to the page that was asked for, signed in as a new person with the editor role from
// the groups claim; a sign-in cancelled at the provider ends on the sign-in page with the reason.
// Needs `npx vite build` first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSkip, launchBrowser } from './browser.ts';
import { freePort, startTestServer } from './server.ts';
import { startOidcProvider } from '../src/testing/oidc-provider.ts';

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

test('signing in with Feide through the provider', { skip: browserSkip(), timeout: 120_000 }, async () => {
  const port = await freePort();
  const publicUrl = `http://127.0.0.1:${port}`;
  await using idp = await startOidcProvider({
    redirectUri: `${publicUrl}/api/v1/auth/oidc/callback`,
    accounts: { 'feide-kari': { email: 'kari@example.org', email_verified: true, name: 'Kari Nordmann', groups: ['fc:org:test'] } },
  });
  const server = await startTestServer({
    port,
    env: {
      MAALBAR_PUBLIC_URL: publicUrl,
      MAALBAR_OIDC_ISSUER: idp.issuer,
      MAALBAR_OIDC_CLIENT_ID: idp.clientId,
      MAALBAR_OIDC_CLIENT_SECRET: idp.clientSecret,
      MAALBAR_OIDC_NAME: 'Feide',
      MAALBAR_OIDC_SCOPES: 'openid email profile groups',
      MAALBAR_OIDC_GROUPS_CLAIM: 'groups',
      MAALBAR_OIDC_ROLE_MAP: JSON.stringify({ 'fc:org:test': [{ role: 'editor', unit: 'test-university' }] }),
    },
  });
  const browser = await launchBrowser();
  try {
    const setup = await fetch(`${server.url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organisationName: 'Test University', adminName: 'Ada Admin', email: 'ada@example.org', password: 'ada-passord-1', locale: 'nb' }),
    });
    assert.equal(setup.status, 201);

    // Cancelled at the provider: back on the sign-in page with the reason, in bokmål.
    idp.loginAs(null);
    const refusedContext = await browser.newContext();
    const refused = await refusedContext.newPage();
    refused.setDefaultTimeout(15_000);
    await refused.goto(`${server.url}/sign-in`);
    await refused.getByRole('link', { name: 'Logg inn med Feide' }).click();
    await refused.getByRole('alert').filter({ hasText: 'Innloggingen ble avbrutt eller avvist' }).waitFor();
    assert.match(refused.url(), /\/sign-in\?sso_error=access_denied$/);
    await refusedContext.close();

    idp.loginAs('feide-kari');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${server.url}/accounts`);
    await h1(page, 'Logg inn').waitFor();
    await page.getByRole('link', { name: 'Logg inn med Feide' }).click();
    // Through the provider and back to the page that was asked for.
    await h1(page, 'Kontoer').waitFor();
    assert.equal(new URL(page.url()).pathname, '/accounts');
    const me = await page.evaluate(async () => ((await (await fetch('/api/v1/auth/session')).json()) as { me: { email: string; name: string; grants: { role: string }[] } }).me);
    assert.equal(me.email, 'kari@example.org');
    assert.equal(me.name, 'Kari Nordmann');
    assert.deepEqual(me.grants.map((g) => g.role), ['editor']);
    assert.equal(idp.logins(), 1);
    assert.deepEqual(problems, []);
    assert.ok(!server.output().includes(idp.clientSecret), 'the client secret is never logged');
  } finally {
    await browser.close();
    await server.stop();
  }
});
