/**
 * Roles from the provider's groups claim, through a real OpenID provider: 'sso' grants added and
 * removed at each sign-in, manual grants never touched, admin only from the map, the last active
 * administrator kept, an unknown unit in the map refused, every change in the audit trail.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { auditEvents, people, personIdentities, roleGrants } from '../../db/schema/index.ts';
import { forEachDatabase } from '../../testing/database.ts';
import { ssoKit } from '../../testing/sso-kit.ts';
import { grantRole } from '../../services/people/role-grants.ts';

const kit = ssoKit();
const GROUPS = { MAALBAR_OIDC_SCOPES: 'openid email profile groups', MAALBAR_OIDC_GROUPS_CLAIM: 'groups' };
const ROLE_MAP = {
  'editors-a': [{ role: 'editor', unit: 'faculty-a' }],
  'viewers-b': [{ role: 'viewer', unit: 'faculty-b' }],
  'staff-a': [{ role: 'viewer', unit: 'faculty-a' }],
  admins: [{ role: 'admin' }],
};

forEachDatabase('single sign-on: groups → roles', (fresh) => {
  test('groups give sso grants, added and removed at each sign-in, never touching manual grants', async () => {
    await using t = await fresh();
    kit.setAccounts({ 'sub-g': { email: 'manager@test.example', email_verified: true, groups: ['editors-a', 'viewers-b', 'staff-a'] } });
    kit.idp.loginAs('sub-g');
    const { s, browser } = await kit.setUp(t, {
      ...GROUPS,
      MAALBAR_OIDC_ROLE_MAP: JSON.stringify(ROLE_MAP),
    });
    // The manager also holds viewer on Faculty A by hand, as "staff-a" would give.
    await t.db.insert(roleGrants).values({ id: crypto.randomUUID(), organisationId: s.organisationId, personId: s.people.manager.id, role: 'viewer', unitId: s.units.facultyA, source: 'manual' });
    const grants = async () =>
      (await t.db.select().from(roleGrants).where(eq(roleGrants.personId, s.people.manager.id)))
        .map((g) => `${g.source}:${g.role}@${g.unitId === s.units.facultyA ? 'A' : g.unitId === s.units.facultyB ? 'B' : g.unitId}`)
        .sort();

    await browser.follow('/api/v1/auth/oidc/start');
    assert.deepEqual(await grants(), ['manual:manager@A', 'manual:viewer@A', 'sso:editor@A', 'sso:viewer@B']);

    kit.idp.accounts['sub-g']!.groups = ['editors-a'];
    await browser.follow('/api/v1/auth/oidc/start');
    assert.deepEqual(await grants(), ['manual:manager@A', 'manual:viewer@A', 'sso:editor@A']);

    kit.idp.accounts['sub-g']!.groups = [];
    await browser.follow('/api/v1/auth/oidc/start');
    assert.deepEqual(await grants(), ['manual:manager@A', 'manual:viewer@A']);

    // Each change is in the audit trail, made by the person signing in.
    const trail = await t.db.select().from(auditEvents).where(eq(auditEvents.actorPersonId, s.people.manager.id));
    const roleEvents = trail.filter((e) => e.entityType === 'role_grant').map((e) => `${e.action}:${((e.after ?? e.before) as { role: string }).role}`);
    assert.deepEqual(roleEvents.sort(), ['role.grant:editor', 'role.grant:viewer', 'role.revoke:editor', 'role.revoke:viewer']);
  });

  test('a role held through groups and then granted by hand stays when the groups no longer give it', async () => {
    await using t = await fresh();
    kit.setAccounts({ 'sub-h': { email: 'editor@test.example', email_verified: true, groups: ['viewers-b'] } });
    kit.idp.loginAs('sub-h');
    const { s, browser } = await kit.setUp(t, { ...GROUPS, MAALBAR_OIDC_ROLE_MAP: JSON.stringify(ROLE_MAP) });
    await browser.follow('/api/v1/auth/oidc/start');
    const viewerOnB = () => t.db.select().from(roleGrants).where(and(eq(roleGrants.personId, s.people.editor.id), eq(roleGrants.role, 'viewer'), eq(roleGrants.unitId, s.units.facultyB)));
    assert.equal((await viewerOnB())[0]?.source, 'sso');
    const admin = await s.as('admin');
    await grantRole(admin, { person: s.people.editor.id, role: 'viewer', unit: s.units.facultyB });
    assert.equal((await viewerOnB())[0]?.source, 'manual');
    kit.idp.accounts['sub-h']!.groups = [];
    await browser.follow('/api/v1/auth/oidc/start');
    assert.equal((await viewerOnB()).length, 1, 'the grant made by hand stays');
  });

  test('admin comes only from the map; sync never removes the last active administrator', async () => {
    await using t = await fresh();
    kit.setAccounts({ 'sub-boss': { email: 'boss@test.example', email_verified: true, groups: ['admins'] } });
    kit.idp.loginAs('sub-boss');
    const { s, browser, lines } = await kit.setUp(t, {
      ...GROUPS,
      MAALBAR_OIDC_ROLE_MAP: JSON.stringify(ROLE_MAP),
    });
    await browser.follow('/api/v1/auth/oidc/start');
    const [boss] = await t.db.select().from(people).where(eq(people.email, 'boss@test.example'));
    const adminGrants = () => t.db.select().from(roleGrants).where(and(eq(roleGrants.personId, boss!.id), eq(roleGrants.role, 'admin')));
    assert.equal((await adminGrants())[0]?.source, 'sso');

    // The seeded administrator leaves: boss is the only active one, so losing the group keeps admin.
    await t.db.update(people).set({ active: false }).where(eq(people.id, s.people.admin.id));
    kit.idp.accounts['sub-boss']!.groups = [];
    await browser.follow('/api/v1/auth/oidc/start');
    assert.equal((await adminGrants()).length, 1);
    assert.ok(lines.some((l) => l.includes('kept the last administrator')));

    // With another active administrator again, the next sign-in removes it.
    await t.db.update(people).set({ active: true }).where(eq(people.id, s.people.admin.id));
    await browser.follow('/api/v1/auth/oidc/start');
    assert.equal((await adminGrants()).length, 0);
  });

  test('a map naming an unknown unit refuses the sign-in (nothing written) and says which in the log', async () => {
    await using t = await fresh();
    kit.setAccounts({ 'sub-q': { email: 'q@test.example', email_verified: true, groups: ['ghosts'] } });
    kit.idp.loginAs('sub-q');
    const { browser, lines } = await kit.setUp(t, {
      ...GROUPS,
      MAALBAR_OIDC_ROLE_MAP: JSON.stringify({ ghosts: [{ role: 'editor', unit: 'no-such-unit' }] }),
    });
    assert.equal((await browser.follow('/api/v1/auth/oidc/start')).url.search, '?sso_error=misconfigured');
    assert.equal((await t.db.select().from(people).where(eq(people.email, 'q@test.example'))).length, 0);
    assert.equal((await t.db.select().from(personIdentities)).length, 0);
    assert.ok(lines.some((l) => l.includes('"level":"error"') && l.includes('no-such-unit') && l.includes('ghosts')));
  });
});
