/**
 * Assertions shared by the API and service tests: problem+json answers and AppErrors.
 *
 *   await expectProblem(res, 404, 'not_found');
 *   await expectAppError(createAccount(ctx, input), 'validation_failed', ['url']);
 */
import assert from 'node:assert/strict';
import { Problem } from '../contract/common.ts';
import type { ErrorCode } from '../core/errors.ts';
import { toAppError } from '../server/problem.ts';

/** Asserts an RFC 9457 problem answer with the given status (and code) and returns its body. */
export async function expectProblem(res: Response, status: number, code?: ErrorCode): Promise<Problem> {
  const text = await res.text();
  assert.equal(res.status, status, `expected ${status}${code ? ` ${code}` : ''}, got ${res.status}: ${text}`);
  assert.equal(res.headers.get('content-type'), 'application/problem+json', `content type of ${text}`);
  const body = Problem.strict().parse(JSON.parse(text));
  assert.equal(body.status, status);
  if (code) assert.equal(body.code, code, text);
  assert.match(body.type, /^https:\/\/maalbar\.app\/problems\/[a-z-]+$/);
  assert.ok(body.title.length > 0);
  assert.ok(body.detail.length > 0);
  return body;
}

/**
 * Asserts that a service call fails with `code` (as the HTTP layer and the CLI would report it)
 * and, when `paths` are given, that its field issues name exactly those paths.
 */
export async function expectAppError(promise: Promise<unknown>, code: ErrorCode, paths?: string[]) {
  let caught: unknown;
  try {
    await promise;
  } catch (e) {
    caught = e;
  }
  assert.ok(caught !== undefined, `expected ${code}, but the call succeeded`);
  const error = toAppError(caught);
  assert.equal(error.code, code, `expected ${code}, got ${error.code}: ${error.message}`);
  if (paths) assert.deepEqual([...new Set(error.issues.map((i) => i.path))].sort(), [...paths].sort(), error.message);
  return error;
}

/** The attributes of one Set-Cookie header: `{ name, value, attributes: { httponly: true, path: '/', … } }`. */
export function parseSetCookie(header: string): { name: string; value: string; attributes: Record<string, string | true> } {
  const [pair, ...rest] = header.split(';').map((s) => s.trim());
  const eq = pair!.indexOf('=');
  const attributes: Record<string, string | true> = {};
  for (const part of rest) {
    const i = part.indexOf('=');
    if (i === -1) attributes[part.toLowerCase()] = true;
    else attributes[part.slice(0, i).toLowerCase()] = part.slice(i + 1);
  }
  return { name: pair!.slice(0, eq), value: pair!.slice(eq + 1), attributes };
}
