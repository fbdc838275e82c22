import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OIDC_TRANSACTION_MS, openTransaction, safeReturnTo, sealTransaction, type OidcTransaction } from './oidc-transaction.ts';

const now = new Date('2026-03-15T10:00:00Z');
const tx: OidcTransaction = { state: 'state-1', nonce: 'nonce-1', codeVerifier: 'verifier-1', returnTo: '/goals', expiresAt: now.getTime() + OIDC_TRANSACTION_MS };

test('a sealed transaction opens with the same secret, and hides its values', () => {
  const sealed = sealTransaction('client-secret', tx);
  assert.deepEqual(openTransaction('client-secret', sealed, now), tx);
  const text = Buffer.from(sealed, 'base64url').toString('latin1');
  for (const value of ['state-1', 'nonce-1', 'verifier-1', '/goals']) assert.ok(!text.includes(value));
  // Two seals of the same values differ (random IV).
  assert.notEqual(sealTransaction('client-secret', tx), sealed);
});

test('another secret, a changed byte, garbage or an expired transaction do not open', () => {
  const sealed = sealTransaction('client-secret', tx);
  assert.equal(openTransaction('another-secret', sealed, now), 'invalid');
  const raw = Buffer.from(sealed, 'base64url');
  raw[raw.length - 1]! ^= 1;
  assert.equal(openTransaction('client-secret', raw.toString('base64url'), now), 'invalid');
  assert.equal(openTransaction('client-secret', 'not a cookie', now), 'invalid');
  assert.equal(openTransaction('client-secret', '', now), 'invalid');
  assert.equal(openTransaction('client-secret', sealed, new Date(tx.expiresAt)), 'expired');
  assert.deepEqual(openTransaction('client-secret', sealed, new Date(tx.expiresAt - 1)), tx);
});

test('returnTo keeps paths on this site and turns everything else into /', () => {
  const kept = ['/', '/goals', '/goals/3?tab=kpi#x', '/accounts/a%20b', '/sign-in?next=%2F'];
  for (const path of kept) assert.equal(safeReturnTo(path), path);
  const refused = [
    undefined, null, '', 'goals', 'https://evil.example/', 'http:/evil.example', '//evil.example', '///evil.example',
    '/\\evil.example', '\\\\evil.example', 'javascript:alert(1)', ' /goals', '/\t/evil.example', '/\n/evil.example',
    '/' + 'x'.repeat(2001),
  ];
  for (const value of refused) assert.equal(safeReturnTo(value), '/', String(value));
  // Dot segments are resolved, never climbing out of the site.
  assert.equal(safeReturnTo('/a/../../b'), '/b');
});
