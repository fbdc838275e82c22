import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from './client.ts';

test('an API error says which form fields the server named, also by a path below the field', () => {
  const e = new ApiError(400, 'validation_failed', 'The evaluation cannot be signed yet.', [
    { path: 'assessment', message: 'Write the assessment before signing.' },
    { path: 'decision.kind', message: 'Choose a decision.' },
    { path: 'month', message: 'The month has not ended yet.' },
  ]);
  assert.deepEqual(e.fieldsNamed(['assessment', 'decision', 'adjustment']), ['assessment', 'decision']);
  assert.deepEqual(e.fieldsNamed(['adjustment']), []);
  assert.deepEqual(e.fieldErrors().decision, 'Choose a decision.');
});
