import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../testing/database.ts';
import { seed } from '../../testing/seed.ts';
import { expectAppError } from '../../testing/assertions.ts';
import { updatePerson } from './update-person.ts';
import { grantRole } from './role-grants.ts';

forEachDatabase('update person', (fresh) => {
  test('the last active administrator cannot be deactivated, not even by the CLI operator', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    await expectAppError(updatePerson(await s.system(), s.people.admin.email, { active: false }), 'conflict');
    // With a second administrator, the first may be deactivated.
    await grantRole(await s.system(), { person: s.people.viewer.id, role: 'admin' });
    const done = await updatePerson(await s.system(), s.people.admin.email, { active: false });
    assert.equal(done.active, false);
    // And now the remaining one is the last again.
    await expectAppError(updatePerson(await s.system(), s.people.viewer.email, { active: false }), 'conflict');
  });
});
