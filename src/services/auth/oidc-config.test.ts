/** MAALBAR_OIDC_* variables: validated at start, each problem naming its variable, never the secret. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../config.ts';
import { AppError } from '../../core/errors.ts';
import { createLogger } from '../../server/logger.ts';

const base = {
  MAALBAR_PUBLIC_URL: 'https://maalbar.example.no',
  MAALBAR_OIDC_ISSUER: 'https://auth.dataporten.no',
  MAALBAR_OIDC_CLIENT_ID: 'client-1',
  MAALBAR_OIDC_CLIENT_SECRET: 'very-secret-value-42',
};

function refusal(env: Record<string, string>): AppError {
  try {
    loadConfig(env);
  } catch (e) {
    assert.ok(e instanceof AppError);
    assert.equal(e.code, 'invalid_config');
    assert.ok(!e.message.includes('very-secret-value-42'), 'the secret is never echoed');
    return e;
  }
  assert.fail('expected the configuration to be refused');
}

test('no issuer: no SSO', () => {
  assert.equal(loadConfig({}).oidc, null);
});

test('a complete provider with defaults', () => {
  const oidc = loadConfig(base).oidc!;
  assert.deepEqual(oidc, {
    issuer: 'https://auth.dataporten.no',
    clientId: 'client-1',
    clientSecret: 'very-secret-value-42',
    name: 'SSO',
    scopes: 'openid email profile',
    redirectUri: 'https://maalbar.example.no/api/v1/auth/oidc/callback',
    groupsClaim: null,
    roleMap: null,
    organisation: null,
    createUsers: true,
    trustEmail: false,
  });
});

test('groups, role map and the switches', () => {
  const oidc = loadConfig({
    ...base,
    MAALBAR_OIDC_NAME: 'Feide',
    MAALBAR_OIDC_SCOPES: ' openid  email groups ',
    MAALBAR_OIDC_GROUPS_CLAIM: 'groups',
    MAALBAR_OIDC_ROLE_MAP: '{"fc:org:uio.no": [{"role": "viewer", "unit": "uio"}], "admins": [{"role": "admin"}]}',
    MAALBAR_OIDC_ORGANISATION: 'uio',
    MAALBAR_OIDC_CREATE_USERS: 'false',
    MAALBAR_OIDC_TRUST_EMAIL: '1',
  }).oidc!;
  assert.equal(oidc.name, 'Feide');
  assert.equal(oidc.scopes, 'openid email groups');
  assert.deepEqual(oidc.roleMap, { 'fc:org:uio.no': [{ role: 'viewer', unit: 'uio' }], admins: [{ role: 'admin' }] });
  assert.equal(oidc.organisation, 'uio');
  assert.equal(oidc.createUsers, false);
  assert.equal(oidc.trustEmail, true);
});

test('each mistake names its variable', () => {
  const cases: [Record<string, string>, string][] = [
    [{ ...base, MAALBAR_OIDC_CLIENT_SECRET: '' }, 'MAALBAR_OIDC_CLIENT_SECRET'],
    [{ ...base, MAALBAR_OIDC_ISSUER: 'not a url' }, 'MAALBAR_OIDC_ISSUER'],
    [{ MAALBAR_PUBLIC_URL: base.MAALBAR_PUBLIC_URL, MAALBAR_OIDC_ISSUER: base.MAALBAR_OIDC_ISSUER, MAALBAR_OIDC_CLIENT_ID: 'c' }, 'MAALBAR_OIDC_CLIENT_SECRET'],
    [{ ...base, MAALBAR_PUBLIC_URL: '' }, 'MAALBAR_PUBLIC_URL'],
    [{ MAALBAR_OIDC_ISSUER: base.MAALBAR_OIDC_ISSUER, MAALBAR_OIDC_CLIENT_ID: 'c', MAALBAR_OIDC_CLIENT_SECRET: 'very-secret-value-42' }, 'MAALBAR_PUBLIC_URL'],
    [{ MAALBAR_OIDC_CLIENT_SECRET: 'very-secret-value-42' }, 'MAALBAR_OIDC_CLIENT_SECRET'],
    [{ ...base, MAALBAR_OIDC_SCOPES: 'email profile' }, 'MAALBAR_OIDC_SCOPES'],
    [{ ...base, MAALBAR_OIDC_CREATE_USERS: 'yes' }, 'MAALBAR_OIDC_CREATE_USERS'],
    [{ ...base, MAALBAR_OIDC_GROUPS_CLAIM: 'groups' }, 'MAALBAR_OIDC_ROLE_MAP'],
    [{ ...base, MAALBAR_OIDC_ROLE_MAP: '{}' }, 'MAALBAR_OIDC_GROUPS_CLAIM'],
    [{ ...base, MAALBAR_OIDC_GROUPS_CLAIM: 'groups', MAALBAR_OIDC_ROLE_MAP: '{not json' }, 'MAALBAR_OIDC_ROLE_MAP'],
    [{ ...base, MAALBAR_OIDC_GROUPS_CLAIM: 'groups', MAALBAR_OIDC_ROLE_MAP: '{"g": [{"role": "king", "unit": "x"}]}' }, 'MAALBAR_OIDC_ROLE_MAP'],
    [{ ...base, MAALBAR_OIDC_GROUPS_CLAIM: 'groups', MAALBAR_OIDC_ROLE_MAP: '{"g": [{"role": "admin", "unit": "x"}]}' }, 'MAALBAR_OIDC_ROLE_MAP'],
    [{ ...base, MAALBAR_OIDC_GROUPS_CLAIM: 'groups', MAALBAR_OIDC_ROLE_MAP: '{"g": [{"role": "editor"}]}' }, 'MAALBAR_OIDC_ROLE_MAP'],
    [{ ...base, MAALBAR_OIDC_GROUPS_CLAIM: 'groups', MAALBAR_OIDC_ROLE_MAP: '{"g": {"role": "editor", "unit": "x"}}' }, 'MAALBAR_OIDC_ROLE_MAP'],
  ];
  for (const [env, variable] of cases) {
    const e = refusal(env);
    assert.ok(e.issues.some((i) => i.path.startsWith(variable)), `${variable}: ${e.message}`);
  }
});

test('the client secret is redacted wherever the configuration is logged', () => {
  const lines: string[] = [];
  createLogger('info', (l) => lines.push(l)).info('config', { config: loadConfig(base) });
  assert.equal(lines.length, 1);
  assert.ok(!lines[0]!.includes('very-secret-value-42'));
  assert.ok(lines[0]!.includes('"clientSecret":"[redacted]"'));
});
