/**
 * Shared set-up of the single sign-on tests: one local OpenID provider per test file (started
 * before, closed after), the app configured to use it, and the session a browser holds.
 *
 *   const kit = ssoKit();
 *   test('…', async () => { kit.setAccounts({ sub: { email } }); kit.idp.loginAs('sub'); const { app, browser } = await kit.setUp(t); });
 */
import { after, before } from 'node:test';
import { loadConfig } from '../config.ts';
import { createLogger } from '../server/logger.ts';
import type { TestDb } from './database.ts';
import { testApp } from './http.ts';
import { startOidcProvider, type TestAccount, type TestOidcProvider } from './oidc-provider.ts';
import { seed } from './seed.ts';
import { SsoBrowser, TEST_PUBLIC_URL } from './sso-browser.ts';

export const REDIRECT_URI = `${TEST_PUBLIC_URL}/api/v1/auth/oidc/callback`;

export interface SessionMe {
  id: string;
  email: string;
  name: string;
  grants: { role: string; unitId: string | null }[];
}

export function ssoKit() {
  let provider: TestOidcProvider | null = null;
  before(async () => {
    provider = await startOidcProvider({ redirectUri: REDIRECT_URI });
  });
  after(() => provider?.close());
  const idp = (): TestOidcProvider => {
    if (!provider) throw new Error('the provider starts before the tests');
    return provider;
  };

  return {
    get idp() {
      return idp();
    },
    /** Replaces the provider's accounts. */
    setAccounts(accounts: Record<string, TestAccount>) {
      const table = idp().accounts;
      for (const key of Object.keys(table)) delete table[key];
      Object.assign(table, accounts);
    },
    /** The seeded app with SSO on (plus `env`), its log lines, and a fresh browser. */
    async setUp(t: TestDb, env: Record<string, string> = {}, clock?: () => Date) {
      const s = await seed(t.db);
      const lines: string[] = [];
      const config = loadConfig({
        MAALBAR_PUBLIC_URL: TEST_PUBLIC_URL,
        MAALBAR_OIDC_ISSUER: idp().issuer,
        MAALBAR_OIDC_CLIENT_ID: idp().clientId,
        MAALBAR_OIDC_CLIENT_SECRET: idp().clientSecret,
        MAALBAR_OIDC_NAME: 'Feide',
        ...env,
      });
      const app = testApp(t, { config, logger: createLogger('debug', (line) => lines.push(line)), ...(clock ? { now: clock } : {}) });
      return { s, app, lines, browser: new SsoBrowser(app.app), config };
    },
  };
}

/** The person the browser's session cookie signs in, as GET /auth/session sees them; null when none. */
export async function sessionOf(app: ReturnType<typeof testApp>, browser: SsoBrowser): Promise<SessionMe | null> {
  const cookie = browser.cookie(TEST_PUBLIC_URL, 'maalbar_session');
  if (!cookie) return null;
  const res = await app.app.request('/api/v1/auth/session', { headers: { cookie: `maalbar_session=${cookie}` } });
  if (res.status !== 200) return null;
  return ((await res.json()) as { me: SessionMe }).me;
}
