/**
 * Talking to the OpenID provider with openid-client: discovery (cached per configuration, retried
 * after a failure), the authorization URL (state, nonce, PKCE S256), and the callback's code
 * exchange, which checks iss, aud, nonce, state and the ID token's signature. The claims used are
 * the ID token's, completed by the userinfo endpoint when the provider has one (Feide gives
 * e-mail there; Entra ID in the ID token).
 */
import * as client from 'openid-client';
import type { OidcConfig } from '../../config.ts';
import { OIDC_TRANSACTION_MS, type OidcTransaction } from './oidc-transaction.ts';

const configurations = new WeakMap<OidcConfig, Promise<client.Configuration>>();

/** Plain http only for a provider on this machine (tests, a local development provider). */
function isLoopback(issuer: string): boolean {
  const host = new URL(issuer).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

export function providerConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
  let found = configurations.get(oidc);
  if (!found) {
    found = client.discovery(
      new URL(oidc.issuer),
      oidc.clientId,
      { redirect_uris: [oidc.redirectUri], response_types: ['code'] },
      client.ClientSecretBasic(oidc.clientSecret),
      // ID token signatures are checked against the provider's keys (jwks_uri), not only trusted
      // because they came over TLS.
      { execute: isLoopback(oidc.issuer) ? [client.allowInsecureRequests, client.enableNonRepudiationChecks] : [client.enableNonRepudiationChecks] },
    );
    // A provider that was down is asked again next time, not remembered as down.
    found.catch(() => configurations.delete(oidc));
    configurations.set(oidc, found);
  }
  return found;
}

export async function authorizationRequest(oidc: OidcConfig, returnTo: string, now: Date): Promise<{ url: URL; transaction: OidcTransaction }> {
  const configuration = await providerConfiguration(oidc);
  const codeVerifier = client.randomPKCECodeVerifier();
  const transaction: OidcTransaction = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier,
    returnTo,
    expiresAt: now.getTime() + OIDC_TRANSACTION_MS,
  };
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: oidc.redirectUri,
    scope: oidc.scopes,
    response_type: 'code',
    state: transaction.state,
    nonce: transaction.nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url, transaction };
}

/** What Målbar uses of a signed-in identity. `groups` is null when the provider did not say. */
export interface SsoClaims {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  groups: string[] | null;
}

/** Exchanges the callback's code; throws openid-client's errors when anything does not check out. */
export async function exchangeCode(oidc: OidcConfig, transaction: OidcTransaction, callbackSearch: string): Promise<SsoClaims> {
  const configuration = await providerConfiguration(oidc);
  // The URL the provider sent the browser to, whatever address the request reached us by.
  const currentUrl = new URL(oidc.redirectUri);
  currentUrl.search = callbackSearch;
  const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
    pkceCodeVerifier: transaction.codeVerifier,
    expectedState: transaction.state,
    expectedNonce: transaction.nonce,
    idTokenExpected: true,
  });
  const idClaims = tokens.claims();
  if (!idClaims) throw new Error('The provider sent no ID token.');
  let claims: Record<string, unknown> = { ...idClaims };
  if (configuration.serverMetadata().userinfo_endpoint) {
    const info = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
    // The signed ID token wins where both say something.
    claims = { ...info, ...idClaims };
  }
  return toSsoClaims(claims, idClaims.iss, idClaims.sub, oidc.groupsClaim);
}

export function toSsoClaims(claims: Record<string, unknown>, issuer: string, subject: string, groupsClaim: string | null): SsoClaims {
  const email = typeof claims.email === 'string' && claims.email.includes('@') ? claims.email.trim().toLowerCase() : null;
  const given = [claims.given_name, claims.family_name].filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  const name = typeof claims.name === 'string' && claims.name.trim() !== '' ? claims.name.trim() : given.length > 0 ? given.join(' ') : null;
  return {
    issuer,
    subject,
    email,
    emailVerified: claims.email_verified === true || claims.email_verified === 'true',
    name,
    groups: groupsClaim ? readGroups(claims, groupsClaim) : null,
  };
}

/**
 * The groups claim as a list of strings. Absent means "in no group", except when the provider
 * says the list was too long to include (Entra ID's group overage, `_claim_names`): then null,
 * "unknown", and the person's roles from groups are left as they are.
 */
function readGroups(claims: Record<string, unknown>, groupsClaim: string): string[] | null {
  const value = claims[groupsClaim];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value === 'string') return [value];
  const names = claims._claim_names;
  if (names && typeof names === 'object' && groupsClaim in names) return null;
  return [];
}
