/** From any error to the one AppError: the codes the HTTP layer answers with. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { AppError } from '../core/errors.ts';
import { problemBody, toAppError } from './problem.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

test('an AppError stays itself; zod issues become validation_failed with their paths', () => {
  const own = new AppError('not_found', 'No such account.');
  assert.equal(toAppError(own), own);
  const parsed = z.object({ name: z.string() }).safeParse({ name: 1 });
  const e = toAppError(parsed.error);
  assert.equal(e.code, 'validation_failed');
  assert.deepEqual(e.issues.map((i) => i.path), ['name']);
});

test('a unique violation, also wrapped by Drizzle as the cause, is a conflict', () => {
  assert.equal(toAppError(withCode('23505')).code, 'conflict');
  assert.equal(toAppError(Object.assign(new Error('Failed query'), { cause: withCode('23505') })).code, 'conflict');
});

test('a lost database connection is 503 database_unavailable, not 500', () => {
  for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '08006', '08001', '57P01', '57P03']) {
    const e = toAppError(Object.assign(new Error('Failed query'), { cause: withCode(code) }));
    assert.equal(e.code, 'database_unavailable', code);
    assert.equal(problemBody(e).status, 503);
  }
  assert.equal(toAppError(new Error('Connection terminated unexpectedly')).code, 'database_unavailable');
  assert.equal(toAppError(new Error('timeout exceeded when trying to connect')).code, 'database_unavailable');
});

test('anything else is internal, with a message that reveals nothing', () => {
  for (const e of [new Error('relation "x" does not exist'), withCode('42P01'), withCode('22P02'), 'a string', null]) {
    const app = toAppError(e);
    assert.equal(app.code, 'internal');
    assert.doesNotMatch(app.message, /relation|42P01/);
  }
});
