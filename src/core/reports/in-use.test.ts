import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inUseDuring, inUseSince } from './in-use.ts';

test('in use from registration or the first documented month if earlier, until closed', () => {
  const registered = { registeredOn: '2025-03-20', firstDocumented: null, closedOn: null };
  assert.equal(inUseSince(registered), '2025-03-20');
  assert.equal(inUseDuring(registered, '2025-01-01', '2025-12-31'), true);
  assert.equal(inUseDuring(registered, '2024-01-01', '2024-12-31'), false);
  assert.equal(inUseDuring(registered, '2025-02-01', '2025-02-28'), false);
  assert.equal(inUseDuring(registered, '2025-03-01', '2025-03-31'), true);

  const imported = { registeredOn: '2025-03-20', firstDocumented: '2024-11-01', closedOn: null };
  assert.equal(inUseSince(imported), '2024-11-01');
  assert.equal(inUseDuring(imported, '2024-01-01', '2024-12-31'), true);
  // A first documented month after registration changes nothing.
  assert.equal(inUseSince({ ...registered, firstDocumented: '2025-05-01' }), '2025-03-20');

  const closed = { ...registered, closedOn: '2026-02-10' };
  assert.equal(inUseDuring(closed, '2026-01-01', '2026-12-31'), true);
  assert.equal(inUseDuring(closed, '2026-02-10', '2026-02-28'), true);
  assert.equal(inUseDuring(closed, '2026-03-01', '2026-03-31'), false);
  assert.equal(inUseDuring(closed, '2027-01-01', '2027-12-31'), false);
});
