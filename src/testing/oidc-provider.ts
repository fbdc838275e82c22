/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1 for tests: one confidential client
 * (client_secret_basic, PKCE), accounts from a table the test passes in and may change between
 * sign-ins, and no login form: the interaction URL is answered here by signing in whoever the
 * test named with `loginAs` (or refusing with access_denied when it named nobody), and by
 * consenting to what was asked. A browser or a fetch loop that follows redirects signs in.
 *
 *   await using idp = await startOidcProvider({ redirectUri, accounts: { alice: { email: … } } });
 *   idp.loginAs('alice');
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { generateKeyPairSync } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
  groups?: string[];
}

export interface TestOidcProvider extends AsyncDisposable {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The accounts by subject; change them between sign-ins. */
  accounts: Record<string, TestAccount>;
  /** Who the next login at the provider is; null refuses (error=access_denied). */
  loginAs(subject: string | null): void;
  /** Publish another key than the one that signs (same kid): ID tokens must then be refused. */
  publishWrongKey(on: boolean): void;
  /** How many logins the provider completed (interactions answered). */
  logins(): number;
  close(): Promise<void>;
}

export interface TestOidcOptions {
  redirectUri: string;
  accounts?: Record<string, TestAccount>;
  clientId?: string;
  clientSecret?: string;
}

export async function startOidcProvider(options: TestOidcOptions): Promise<TestOidcProvider> {
  const clientId = options.clientId ?? 'maalbar-test';
  const clientSecret = options.clientSecret ?? 'test-client-secret-do-not-log-4f9c2a7e';
  const accounts: Record<string, TestAccount> = { ...(options.accounts ?? {}) };
  let next: string | null = null;
  let completed = 0;
  let wrongKey = false;

  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [{ ...signingKey, kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const account = accounts[sub];
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ sub, ...account }) };
    },
  });
  // Quiet: a refused or failed request is part of some tests.
  provider.on('server_error', () => undefined);
  const callback = provider.callback();

  async function interact(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      const subject = next;
      if (subject === null || !accounts[subject]) {
        await provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The person did not sign in.' }, { mergeWithLastSubmission: false });
        return;
      }
      completed += 1;
      await provider.interactionFinished(req, res, { login: { accountId: subject } }, { mergeWithLastSubmission: false });
      return;
    }
    // Consent: grant what the client asked for.
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    const grant = details.grantId
      ? (await provider.Grant.find(details.grantId))!
      : new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id as string });
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  handle = (req, res) => {
    if (wrongKey && req.url === '/jwks') {
      const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
      res.writeHead(200, { 'content-type': 'application/jwk-set+json' }).end(JSON.stringify({ keys: [{ ...other, kid: 'test', use: 'sig', alg: 'RS256' }] }));
      return;
    }
    if (req.url?.startsWith('/interaction/')) {
      interact(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      });
      return;
    }
    void callback(req, res);
  };

  const close = async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    loginAs(subject) {
      next = subject;
    },
    publishWrongKey(on) {
      wrongKey = on;
    },
    logins: () => completed,
    close,
    [Symbol.asyncDispose]: close,
  };
}
