import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describeSmtp, loadConfig } from './config.ts';
import { AppError } from './core/errors.ts';

/** Asserts that loadConfig refuses `env` with invalid_config naming exactly `variables`. */
function assertRejects(env: NodeJS.ProcessEnv, variables: string[]): void {
  assert.throws(
    () => loadConfig(env),
    (e: unknown) => {
      assert.ok(e instanceof AppError);
      assert.equal(e.code, 'invalid_config');
      assert.deepEqual(e.issues.map((i) => i.path).sort(), [...variables].sort());
      for (const v of variables) assert.match(e.message, new RegExp(`\\b${v}\\b`));
      return true;
    },
  );
}

test('defaults: port 8080 on all interfaces, embedded database in ./data, plain http', () => {
  const config = loadConfig({});
  assert.deepEqual(config, {
    port: 8080,
    host: '0.0.0.0',
    database: { kind: 'pglite', dataDir: resolve('./data') },
    publicUrl: null,
    secureCookies: false,
    trustProxy: false,
    logLevel: 'info',
    mail: null,
    oidc: null,
  });
});

test('every variable is read', () => {
  const config = loadConfig({
    PORT: '3000',
    HOST: '127.0.0.1',
    DATABASE_URL: 'postgresql://maalbar:secret@db:5432/maalbar',
    MAALBAR_DATA_DIR: '/var/lib/maalbar',
    MAALBAR_PUBLIC_URL: 'https://maalbar.example.no',
    MAALBAR_TRUST_PROXY: '1',
    LOG_LEVEL: 'warn',
  });
  assert.equal(config.port, 3000);
  assert.equal(config.host, '127.0.0.1');
  assert.deepEqual(config.database, { kind: 'postgres', url: 'postgresql://maalbar:secret@db:5432/maalbar' });
  assert.equal(config.publicUrl, 'https://maalbar.example.no');
  assert.equal(config.secureCookies, true);
  assert.equal(config.trustProxy, true);
  assert.equal(config.logLevel, 'warn');
  assert.deepEqual(loadConfig({ MAALBAR_DATA_DIR: '/srv/m' }).database, { kind: 'pglite', dataDir: '/srv/m' });
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://localhost/m' }).database.kind, 'postgres');
});

test('an http public URL keeps cookies without Secure; the port override wins', () => {
  assert.equal(loadConfig({ MAALBAR_PUBLIC_URL: 'http://intranet:8080' }).secureCookies, false);
  assert.equal(loadConfig({ PORT: '3000' }, { port: 4000 }).port, 4000);
  assert.equal(loadConfig({ MAALBAR_TRUST_PROXY: 'false' }).trustProxy, false);
  assert.equal(loadConfig({ MAALBAR_TRUST_PROXY: 'true' }).trustProxy, true);
});

test('a bad PORT is refused, naming the variable', () => {
  for (const PORT of ['abc', '70000', '-1', '80.5', '8080x']) assertRejects({ PORT }, ['PORT']);
});

test('a DATABASE_URL that is not PostgreSQL is refused, naming the variable', () => {
  for (const DATABASE_URL of ['mysql://localhost/db', 'localhost:5432', 'sqlite:///data.db', '']) assertRejects({ DATABASE_URL }, ['DATABASE_URL']);
});

test('other bad values are refused, naming each variable', () => {
  assertRejects({ MAALBAR_PUBLIC_URL: 'maalbar.example.no' }, ['MAALBAR_PUBLIC_URL']);
  assertRejects({ MAALBAR_TRUST_PROXY: 'yes' }, ['MAALBAR_TRUST_PROXY']);
  assertRejects({ LOG_LEVEL: 'verbose' }, ['LOG_LEVEL']);
  assertRejects({ HOST: '' }, ['HOST']);
  assertRejects({ PORT: 'x', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' }, ['DATABASE_URL', 'LOG_LEVEL', 'PORT']);
});

test('the error message does not echo a database password', () => {
  try {
    loadConfig({ DATABASE_URL: 'mysql://user:hunter2@db/x' });
    assert.fail('should throw');
  } catch (e) {
    assert.ok(e instanceof AppError);
    assert.doesNotMatch(e.message, /hunter2/);
  }
});

test('MAALBAR_SMTP_URL turns e-mail on, with MAALBAR_MAIL_FROM or the default sender', () => {
  assert.deepEqual(loadConfig({ MAALBAR_SMTP_URL: 'smtp://mail.example.no:587' }).mail, { url: 'smtp://mail.example.no:587', from: 'Målbar <maalbar@localhost>' });
  assert.deepEqual(loadConfig({ MAALBAR_SMTP_URL: 'smtps://u%40x:p%3Aw@mail.example.no', MAALBAR_MAIL_FROM: 'Målbar UiX <maalbar@uix.no>' }).mail, {
    url: 'smtps://u%40x:p%3Aw@mail.example.no',
    from: 'Målbar UiX <maalbar@uix.no>',
  });
  assert.equal(loadConfig({ MAALBAR_SMTP_URL: 'smtp://localhost:2525', MAALBAR_MAIL_FROM: 'noreply@uix.no' }).mail?.from, 'noreply@uix.no');
  assert.equal(loadConfig({ MAALBAR_MAIL_FROM: 'noreply@uix.no' }).mail, null);
});

test('a bad MAALBAR_SMTP_URL or MAALBAR_MAIL_FROM is refused, naming the variable and never echoing a password', () => {
  for (const MAALBAR_SMTP_URL of ['http://mail.example.no', 'mail.example.no:25', 'smtp://', '']) assertRejects({ MAALBAR_SMTP_URL }, ['MAALBAR_SMTP_URL']);
  for (const MAALBAR_MAIL_FROM of ['maalbar', 'Målbar <maalbar>', 'a b@c.no', '']) assertRejects({ MAALBAR_MAIL_FROM }, ['MAALBAR_MAIL_FROM']);
  try {
    loadConfig({ MAALBAR_SMTP_URL: 'imap://user:hunter2@mail.example.no' });
    assert.fail('should throw');
  } catch (e) {
    assert.ok(e instanceof AppError);
    assert.doesNotMatch(e.message + JSON.stringify(e.issues), /hunter2/);
  }
});

test('describeSmtp names the server without user or password', () => {
  assert.equal(describeSmtp('smtps://user:hunter2@mail.example.no:465'), 'smtps://mail.example.no:465');
  assert.equal(describeSmtp('smtp://mail.example.no'), 'smtp://mail.example.no');
});
