/** What Målbar reads from a provider's claims, and what groups give (pure parts of SSO). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toSsoClaims } from './oidc-client.ts';
import { grantsForGroups } from './oidc-roles.ts';

test('e-mail lower-cased, email_verified only when true, name from name or given and family name', () => {
  const c = toSsoClaims({ email: ' Kari.Nordmann@UiO.no ', email_verified: true, given_name: 'Kari', family_name: 'Nordmann' }, 'https://idp', 'sub-1', null);
  assert.deepEqual(c, { issuer: 'https://idp', subject: 'sub-1', email: 'kari.nordmann@uio.no', emailVerified: true, name: 'Kari Nordmann', groups: null });
  const d = toSsoClaims({ email: 'no-at-sign', email_verified: 'yes', name: '  ' }, 'https://idp', 'sub-2', null);
  assert.equal(d.email, null);
  assert.equal(d.emailVerified, false);
  assert.equal(d.name, null);
});

test('groups: a list, one string, none (= no groups), or too many to include (Entra ID overage: unknown)', () => {
  assert.deepEqual(toSsoClaims({ groups: ['a', 2, 'b'] }, 'i', 's', 'groups').groups, ['a', 'b']);
  assert.deepEqual(toSsoClaims({ roles: 'a' }, 'i', 's', 'roles').groups, ['a']);
  assert.deepEqual(toSsoClaims({}, 'i', 's', 'groups').groups, []);
  assert.equal(toSsoClaims({ _claim_names: { groups: 'src1' } }, 'i', 's', 'groups').groups, null);
});

test('groups give each role and unit once; unmapped groups give nothing', () => {
  const map = {
    a: [{ role: 'editor' as const, unit: 'fac-a' }, { role: 'viewer' as const, unit: 'fac-b' }],
    b: [{ role: 'editor' as const, unit: 'fac-a' }],
    boss: [{ role: 'admin' as const }],
  };
  assert.deepEqual(grantsForGroups(map, ['a', 'b', 'a', 'unknown']), [
    { role: 'editor', unit: 'fac-a', group: 'a' },
    { role: 'viewer', unit: 'fac-b', group: 'a' },
  ]);
  assert.deepEqual(grantsForGroups(map, ['boss']), [{ role: 'admin', unit: null, group: 'boss' }]);
  assert.deepEqual(grantsForGroups(map, []), []);
});
