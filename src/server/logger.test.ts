import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger, redact } from './logger.ts';

function capture(level: Parameters<typeof createLogger>[0]) {
  const lines: string[] = [];
  return { lines, logger: createLogger(level, (l) => lines.push(l)) };
}

test('one JSON object a line, with time, level, message and fields', () => {
  const { lines, logger } = capture('info');
  logger.info('request', { method: 'GET', status: 200 });
  assert.equal(lines.length, 1);
  const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
  assert.equal(entry.level, 'info');
  assert.equal(entry.msg, 'request');
  assert.equal(entry.method, 'GET');
  assert.equal(entry.status, 200);
  assert.ok(!Number.isNaN(Date.parse(entry.time as string)));
});

test('password, token, cookie, authorization and CSRF fields are redacted wherever they appear', () => {
  const { lines, logger } = capture('debug');
  const secrets = ['pw-1', 'pw-2', 'tok-3', 'cookie-4', 'Bearer mlb_5', 'csrf-6', 'hash-7', 'secret-8', 'tok-9'];
  logger.warn('something', {
    password: secrets[0],
    body: { currentPassword: secrets[1], email: 'kept@example.no' },
    token: secrets[2],
    headers: { cookie: secrets[3], Authorization: secrets[4], 'x-csrf-token': secrets[5], accept: 'application/json' },
    rows: [{ passwordHash: secrets[6] }, { clientSecret: secrets[7] }],
    deep: { a: { b: { apiToken: secrets[8] } } },
  });
  const line = lines[0]!;
  for (const secret of secrets) assert.ok(!line.includes(secret), `${secret} leaked: ${line}`);
  const entry = JSON.parse(line);
  assert.equal(entry.password, '[redacted]');
  assert.equal(entry.body.email, 'kept@example.no');
  assert.equal(entry.headers.accept, 'application/json');
  assert.equal(entry.headers.cookie, '[redacted]');
  assert.equal(entry.rows[0].passwordHash, '[redacted]');
});

test('errors are logged with name, message and stack', () => {
  const out = redact({ error: new TypeError('boom') }) as { error: { name: string; message: string; stack: string } };
  assert.equal(out.error.name, 'TypeError');
  assert.equal(out.error.message, 'boom');
  assert.match(out.error.stack, /boom/);
});

test('very deep or cyclic values neither break the logger nor slip past redaction', () => {
  const cyclic: Record<string, unknown> = { name: 'loop' };
  cyclic.self = cyclic;
  const { lines, logger } = capture('info');
  logger.info('cyclic', { cyclic });
  assert.equal(lines.length, 1);
  assert.equal(JSON.parse(lines[0]!).cyclic.name, 'loop');

  const deep = { a: { b: { c: { d: { e: { f: { g: { password: 'deep-secret', token: 'deep-token' } } } } } } } };
  logger.info('deep', deep);
  assert.equal(lines.length, 2);
  assert.ok(!lines[1]!.includes('deep-secret'), lines[1]);
  assert.ok(!lines[1]!.includes('deep-token'), lines[1]);
});

test('messages below the level are dropped; silent writes nothing', () => {
  const warn = capture('warn');
  warn.logger.debug('d');
  warn.logger.info('i');
  warn.logger.warn('w');
  warn.logger.error('e');
  assert.deepEqual(warn.lines.map((l) => JSON.parse(l).msg), ['w', 'e']);
  const silent = capture('silent');
  silent.logger.error('e');
  assert.deepEqual(silent.lines, []);
});
