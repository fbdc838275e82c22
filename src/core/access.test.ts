import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Access, isWithin, type Grant, type UnitNode } from './access.ts';
import { actions, roleAllows, unitRoles, type Action } from './roles.ts';

/**
 *   top
 *   ├── fa
 *   │   ├── a1
 *   │   │   └── a1x
 *   │   └── a2
 *   └── fb
 *       └── b1
 */
const tree: UnitNode[] = [
  { id: 'top', parentId: null },
  { id: 'fa', parentId: 'top' },
  { id: 'a1', parentId: 'fa' },
  { id: 'a1x', parentId: 'a1' },
  { id: 'a2', parentId: 'fa' },
  { id: 'fb', parentId: 'top' },
  { id: 'b1', parentId: 'fb' },
];
const allIds = tree.map((u) => u.id);

const access = (...grants: Grant[]) => new Access(grants, tree);
const readable = (a: Access) => allIds.filter((id) => a.can('read', id));

describe('Access.can', () => {
  test('a role holds on its unit and every unit below it', () => {
    const a = access({ role: 'viewer', unitId: 'fa' });
    assert.deepEqual(readable(a), ['fa', 'a1', 'a1x', 'a2']);
  });

  test('a role never leaks upward to ancestors', () => {
    const a = access({ role: 'manager', unitId: 'a1' });
    assert.equal(a.can('read', 'a1'), true);
    assert.equal(a.can('read', 'a1x'), true);
    assert.equal(a.can('read', 'fa'), false);
    assert.equal(a.can('read', 'top'), false);
    assert.equal(a.can('unit.manage', 'fa'), false);
  });

  test('a role never leaks sideways to siblings or cousins', () => {
    const a = access({ role: 'manager', unitId: 'a1' });
    assert.equal(a.can('read', 'a2'), false);
    assert.equal(a.can('read', 'fb'), false);
    assert.equal(a.can('read', 'b1'), false);
    assert.deepEqual(readable(a), ['a1', 'a1x']);
  });

  test('a role allows only its own actions, also in sub-units', () => {
    const a = access({ role: 'reporter', unitId: 'fa' });
    assert.equal(a.can('statistics.write', 'a1x'), true);
    assert.equal(a.can('evaluation.write', 'a1x'), false);
    assert.equal(a.can('account.write', 'a1x'), false);
    assert.equal(a.can('unit.manage', 'fa'), false);
  });

  test('roles on several units combine', () => {
    const a = access({ role: 'viewer', unitId: 'fa' }, { role: 'editor', unitId: 'a1' }, { role: 'evaluator', unitId: 'b1' });
    assert.equal(a.can('account.write', 'a1x'), true);
    assert.equal(a.can('account.write', 'a2'), false);
    assert.equal(a.can('read', 'a2'), true);
    assert.equal(a.can('evaluation.write', 'b1'), true);
    assert.equal(a.can('read', 'fb'), false);
  });

  test('the administrator may do everything everywhere', () => {
    const a = access({ role: 'admin', unitId: null });
    assert.equal(a.isAdmin, true);
    for (const id of allIds) for (const action of actions) assert.equal(a.can(action, id), true, `${action} in ${id}`);
  });

  test('nobody but the administrator may do anything in a unit that is not in the tree', () => {
    assert.equal(access({ role: 'manager', unitId: 'top' }).can('read', 'unknown'), false);
    assert.equal(access({ role: 'viewer', unitId: 'unknown' }).can('read', 'unknown'), false);
    assert.equal(access({ role: 'admin', unitId: null }).can('read', 'unknown'), true);
  });

  test('no grants: nothing is allowed', () => {
    const a = access();
    assert.equal(a.isAdmin, false);
    assert.deepEqual(readable(a), []);
    for (const action of actions) assert.equal(a.canAnywhere(action), false);
  });
});

describe('Access.effectiveRoles', () => {
  test('lists direct and inherited roles, nearest unit first, with where each comes from', () => {
    const a = access({ role: 'editor', unitId: 'fa' }, { role: 'reporter', unitId: 'a1' }, { role: 'viewer', unitId: 'top' }, { role: 'manager', unitId: 'fb' });
    assert.deepEqual(a.effectiveRoles('a1x'), [
      { role: 'reporter', fromUnitId: 'a1' },
      { role: 'editor', fromUnitId: 'fa' },
      { role: 'viewer', fromUnitId: 'top' },
    ]);
    assert.deepEqual(a.effectiveRoles('a2'), [
      { role: 'editor', fromUnitId: 'fa' },
      { role: 'viewer', fromUnitId: 'top' },
    ]);
    assert.deepEqual(a.effectiveRoles('top'), [{ role: 'viewer', fromUnitId: 'top' }]);
  });

  test('an administrator has the admin role (from the organisation) on every unit', () => {
    const a = access({ role: 'admin', unitId: null }, { role: 'evaluator', unitId: 'fb' });
    assert.deepEqual(a.effectiveRoles('b1'), [
      { role: 'admin', fromUnitId: null },
      { role: 'evaluator', fromUnitId: 'fb' },
    ]);
    assert.deepEqual(a.effectiveRoles('a1'), [{ role: 'admin', fromUnitId: null }]);
  });

  test('no roles from other branches', () => {
    assert.deepEqual(access({ role: 'manager', unitId: 'fa' }).effectiveRoles('b1'), []);
  });
});

describe('Access.canAnywhere and unitsWhere', () => {
  test('canAnywhere says whether any grant allows the action', () => {
    const a = access({ role: 'reporter', unitId: 'a1' });
    assert.equal(a.canAnywhere('read'), true);
    assert.equal(a.canAnywhere('statistics.write'), true);
    assert.equal(a.canAnywhere('account.write'), false);
    assert.equal(a.canAnywhere('role.grant'), false);
    assert.equal(access({ role: 'manager', unitId: 'b1' }).canAnywhere('role.grant'), true);
    for (const action of actions) assert.equal(access({ role: 'admin', unitId: null }).canAnywhere(action), true);
  });

  test('unitsWhere lists exactly the units where the action is allowed', () => {
    const a = access({ role: 'editor', unitId: 'a1' }, { role: 'viewer', unitId: 'fb' });
    assert.deepEqual(a.unitsWhere('read').sort(), ['a1', 'a1x', 'b1', 'fb']);
    assert.deepEqual(a.unitsWhere('account.write').sort(), ['a1', 'a1x']);
    assert.deepEqual(a.unitsWhere('unit.manage'), []);
    assert.deepEqual(access({ role: 'admin', unitId: null }).unitsWhere('unit.manage').sort(), [...allIds].sort());
  });
});

describe('cycles in the tree (corrupt data) never hang', () => {
  const cyclic: UnitNode[] = [
    { id: 'a', parentId: 'b' },
    { id: 'b', parentId: 'c' },
    { id: 'c', parentId: 'a' },
    { id: 'self', parentId: 'self' },
    { id: 'tail', parentId: 'a' },
  ];

  test('ancestry stops at the first repeated unit', () => {
    const a = new Access([], cyclic);
    assert.deepEqual(a.ancestry('tail'), ['tail', 'a', 'b', 'c']);
    assert.deepEqual(a.ancestry('self'), ['self']);
  });

  test('can, effectiveRoles and unitsWhere terminate with an answer', () => {
    const a = new Access([{ role: 'viewer', unitId: 'elsewhere' }, { role: 'editor', unitId: 'c' }], cyclic);
    assert.equal(a.can('read', 'self'), false);
    assert.equal(a.can('account.write', 'tail'), true);
    assert.deepEqual(a.effectiveRoles('tail'), [{ role: 'editor', fromUnitId: 'c' }]);
    assert.deepEqual(a.unitsWhere('read').sort(), ['a', 'b', 'c', 'tail']);
  });

  test('isWithin terminates on a cycle', () => {
    assert.equal(isWithin(cyclic, 'tail', 'c'), true);
    assert.equal(isWithin(cyclic, 'self', 'a'), false);
  });
});

describe('isWithin', () => {
  test('a unit is within itself and its ancestors, not within its descendants or siblings', () => {
    assert.equal(isWithin(tree, 'a1x', 'a1x'), true);
    assert.equal(isWithin(tree, 'a1x', 'fa'), true);
    assert.equal(isWithin(tree, 'a1x', 'top'), true);
    assert.equal(isWithin(tree, 'fa', 'a1'), false);
    assert.equal(isWithin(tree, 'a2', 'a1'), false);
    assert.equal(isWithin(tree, 'b1', 'fa'), false);
  });
});

describe('properties', () => {
  /** A random forest: unit i's parent is a unit before it, or none. */
  const forest = fc
    .integer({ min: 1, max: 14 })
    .chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.array(fc.option(fc.nat(), { nil: null }), { minLength: n, maxLength: n }),
      ),
    )
    .map(([n, picks]) => {
      const units: UnitNode[] = [];
      for (let i = 0; i < n; i++) {
        const pick = picks[i]!;
        units.push({ id: `u${i}`, parentId: i === 0 || pick === null ? null : `u${pick % i}` });
      }
      return units;
    });

  /** The subtree of `rootId`, computed by walking every unit's parents independently of Access. */
  function subtree(units: UnitNode[], rootId: string): Set<string> {
    const parent = new Map(units.map((u) => [u.id, u.parentId]));
    const out = new Set<string>();
    for (const u of units) {
      let cur: string | null | undefined = u.id;
      while (cur) {
        if (cur === rootId) {
          out.add(u.id);
          break;
        }
        cur = parent.get(cur);
      }
    }
    return out;
  }

  test('a grant on U allows exactly what the role allows, in exactly U’s subtree', () => {
    fc.assert(
      fc.property(forest, fc.nat(), fc.constantFrom(...unitRoles), (units, pick, role) => {
        const root = units[pick % units.length]!.id;
        const a = new Access([{ role, unitId: root }], units);
        const inside = subtree(units, root);
        for (const u of units) {
          for (const action of actions) {
            assert.equal(a.can(action, u.id), inside.has(u.id) && roleAllows(role, action), `${role} on ${root}: ${action} in ${u.id}`);
          }
        }
        assert.deepEqual(new Set(a.unitsWhere('read')), inside);
      }),
      { numRuns: 300 },
    );
  });

  test('with several grants, an action is allowed where some grant covering the unit allows it', () => {
    const grantArb = fc.record({ role: fc.constantFrom(...unitRoles), unit: fc.nat() });
    fc.assert(
      fc.property(forest, fc.array(grantArb, { maxLength: 5 }), (units, raw) => {
        const grants: Grant[] = raw.map((g) => ({ role: g.role, unitId: units[g.unit % units.length]!.id }));
        const a = new Access(grants, units);
        for (const u of units) {
          for (const action of actions) {
            const expected = grants.some((g) => subtree(units, g.unitId!).has(u.id) && roleAllows(g.role, action));
            assert.equal(a.can(action, u.id), expected);
          }
        }
        for (const action of actions) {
          assert.equal(a.canAnywhere(action), grants.some((g) => roleAllows(g.role, action)));
        }
      }),
      { numRuns: 200 },
    );
  });

  test('any parent map, cycles included, gives a finite ancestry without repeats', () => {
    const anyParents = fc
      .integer({ min: 1, max: 10 })
      .chain((n) => fc.array(fc.option(fc.nat({ max: n - 1 }), { nil: null }), { minLength: n, maxLength: n }));
    fc.assert(
      fc.property(anyParents, fc.constantFrom<Action>(...actions), (parents, action) => {
        const units = parents.map((p, i) => ({ id: `u${i}`, parentId: p === null ? null : `u${p}` }));
        const a = new Access([{ role: 'viewer', unitId: 'u0' }], units);
        for (const u of units) {
          const chain = a.ancestry(u.id);
          assert.equal(new Set(chain).size, chain.length);
          assert.ok(chain.length <= units.length);
          assert.equal(chain[0], u.id);
          a.can(action, u.id);
          a.effectiveRoles(u.id);
        }
      }),
      { numRuns: 300 },
    );
  });
});
