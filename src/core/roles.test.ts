import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actions, roleAllows, roles, unitRoles, type Action, type Role } from './roles.ts';

/**
 * The policy, written out: which role allows which action. A change to roles.ts that is not
 * mirrored here fails, so every change of who may do what is a visible change to this table.
 */
const policy: Record<Role, readonly Action[]> = {
  admin: ['read', 'unit.manage', 'role.grant', 'account.write', 'goal.write', 'statistics.write', 'evaluation.write', 'evaluation.reopen', 'audit.read'],
  manager: ['read', 'unit.manage', 'role.grant', 'account.write', 'goal.write', 'statistics.write', 'evaluation.write', 'evaluation.reopen', 'audit.read'],
  editor: ['read', 'account.write', 'goal.write', 'statistics.write'],
  reporter: ['read', 'statistics.write'],
  evaluator: ['read', 'evaluation.write'],
  viewer: ['read'],
};

test('every role allows exactly the actions of the policy table', () => {
  assert.deepEqual([...roles].sort(), Object.keys(policy).sort());
  for (const role of roles) {
    for (const action of actions) {
      assert.equal(roleAllows(role, action), policy[role].includes(action), `${role} × ${action}`);
    }
  }
});

test('every role may read, and only admin and manager may manage units or grant roles', () => {
  for (const role of roles) assert.ok(roleAllows(role, 'read'), role);
  const managing = roles.filter((r) => roleAllows(r, 'unit.manage'));
  assert.deepEqual(managing, ['admin', 'manager']);
  assert.deepEqual(
    roles.filter((r) => roleAllows(r, 'role.grant')),
    ['admin', 'manager'],
  );
});

test('statistics and evaluations are separate duties: a reporter may not evaluate, an evaluator may not report', () => {
  assert.equal(roleAllows('reporter', 'evaluation.write'), false);
  assert.equal(roleAllows('evaluator', 'statistics.write'), false);
  assert.equal(roleAllows('reporter', 'account.write'), false);
  assert.equal(roleAllows('evaluator', 'goal.write'), false);
});

test('a signed evaluation is reopened by a manager (or an administrator), never by the evaluator who signs', () => {
  assert.deepEqual(
    roles.filter((r) => roleAllows(r, 'evaluation.reopen')),
    ['admin', 'manager'],
  );
});

test('the audit trail is read by administrators and unit managers only', () => {
  assert.deepEqual(
    roles.filter((r) => roleAllows(r, 'audit.read')),
    ['admin', 'manager'],
  );
});

test('unit roles are every role except admin, which is granted on the organisation', () => {
  assert.deepEqual([...unitRoles], roles.filter((r) => r !== 'admin'));
  assert.ok(!(unitRoles as readonly string[]).includes('admin'));
});

test('the action list has no duplicates', () => {
  assert.equal(new Set(actions).size, actions.length);
  assert.equal(new Set(roles).size, roles.length);
});
