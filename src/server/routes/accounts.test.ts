import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../testing/database.ts';
import { seed } from '../../testing/seed.ts';
import { testApp } from '../../testing/http.ts';

forEachDatabase('accounts API', (fresh) => {
  test('an editor sees the accounts of their unit but not of another unit', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn } = testApp(t);
    const editor = await signIn(s.people.editor.email);
    const list = await editor.json<{ id: string }[]>('GET', '/accounts');
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.map((a) => a.id), [s.accounts.a1Instagram]);
    const other = await editor.json('GET', `/accounts/${s.accounts.bTiktok}`);
    assert.equal(other.status, 404);
    const change = await editor.json('PATCH', `/accounts/${s.accounts.bTiktok}`, { name: 'taken over' });
    assert.equal(change.status, 404);
  });
});
