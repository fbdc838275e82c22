/**
 * Backup and restore: a seeded organisation with rows in every table goes PGlite → PostgreSQL →
 * PGlite (PGlite → PGlite → PGlite without TEST_DATABASE_URL) and every table's rows come back
 * exactly, the original files byte for byte; a non-empty or differently migrated target, a
 * damaged file and a file that fails half-way are refused with nothing written; another
 * organisation's rows never enter a backup.
 */
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { count, eq, sql } from 'drizzle-orm';
import type { Database, Db } from '../../db/client.ts';
import { closeTestTemplates, createTestDatabase, testDatabaseKinds } from '../../db/testing.ts';
import * as schema from '../../db/schema/index.ts';
import { seed } from '../../testing/seed.ts';
import { AppError, type ErrorCode } from '../../core/errors.ts';
import { createBackup, readSnapshot } from './create-backup.ts';
import { restoreBackup } from './restore-backup.ts';
import { backupTables, excludedTables, schemaTableNames } from './tables.ts';
import { allBytes, fillEveryTable } from './testing/fill-every-table.ts';

const dir = mkdtempSync(join(tmpdir(), 'maalbar-backup-test-'));
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await closeTestTemplates();
});
const file = (name: string) => join(dir, `${name}-${randomUUID().slice(0, 8)}.backup`);
const otherKind = testDatabaseKinds().includes('postgres') ? 'postgres' : 'pglite';

/** Every backed-up table's rows of one organisation, as the backup reads them. */
async function dump(db: Db, organisationId: string): Promise<Map<string, string[]>> {
  const tables = new Map<string, string[]>();
  let current: string[] = [];
  await readSnapshot(db, organisationId, {
    async table(table) {
      current = [];
      tables.set(table.name, current);
    },
    async row(json) {
      current.push(json);
    },
  });
  return tables;
}

/** A backup file's lines without the header's created-at and engine and the whole-file checksum. */
function comparable(path: string): string[] {
  const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n');
  const header = JSON.parse(lines[0]!) as Record<string, unknown>;
  delete header.createdAt;
  delete header.engine;
  const trailer = JSON.parse(lines.at(-2)!) as ['trailer', { tables: unknown; sha256?: string }];
  delete trailer[1].sha256;
  return [JSON.stringify(header), ...lines.slice(1, -2), JSON.stringify(trailer)];
}

/** Rewrites a backup's lines (not the trailer) and makes its checksums fit again: a valid file with other content. */
function rewrite(from: string, to: string, change: (lines: string[]) => string[]): void {
  const lines = gunzipSync(readFileSync(from)).toString('utf8').split('\n').slice(0, -2);
  const changed = change(lines);
  const tables: { name: string; rows: number; sha256: string }[] = [];
  for (const line of changed.slice(1)) {
    if (line.startsWith('["table",')) tables.push({ name: (JSON.parse(line) as string[])[1]!, rows: 0, sha256: '' });
    else tables.at(-1)!.rows++;
  }
  for (const t of tables) {
    const start = changed.indexOf(JSON.stringify(['table', t.name])) + 1;
    t.sha256 = createHash('sha256')
      .update(changed.slice(start, start + t.rows).map((l) => l + '\n').join(''))
      .digest('hex');
  }
  const body = changed.map((l) => l + '\n').join('');
  const trailer = JSON.stringify(['trailer', { tables, sha256: createHash('sha256').update(body).digest('hex') }]);
  writeFileSync(to, gzipSync(body + trailer + '\n'));
}

/** Asserts that a call fails with an AppError of this code whose message matches. */
async function refused(promise: Promise<unknown>, code: ErrorCode, message?: RegExp): Promise<void> {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.code, code, e.message);
    if (message) assert.match(e.message, message);
    return true;
  });
}

async function organisationCount(db: Db): Promise<number> {
  return (await db.select({ n: count() }).from(schema.organisations))[0]!.n;
}

async function seeded(): Promise<{ database: Database; organisationId: string }> {
  const database = await createTestDatabase('pglite');
  const s = await seed(database.db);
  await fillEveryTable(database.db, s);
  return { database, organisationId: s.organisationId };
}

describe('backup tables', () => {
  test('every table in the schema is backed up or excluded with a reason', () => {
    const backedUp = backupTables().map((t) => t.name);
    for (const name of schemaTableNames()) {
      assert.ok(backedUp.includes(name) !== name in excludedTables, `${name}: backed up or excluded, exactly one`);
    }
    for (const [name, reason] of Object.entries(excludedTables)) {
      assert.ok(schemaTableNames().includes(name), `excluded table ${name} exists`);
      assert.ok(reason.length > 20, `${name} has a reason`);
    }
    assert.ok(backedUp.includes('audit_events') && backedUp.includes('column_mappings') && backedUp.includes('person_identities'));
  });

  test('parents come before the tables that refer to them', () => {
    const order = backupTables().map((t) => t.name);
    const before = (a: string, b: string) => assert.ok(order.indexOf(a) < order.indexOf(b), `${a} before ${b}`);
    before('organisations', 'units');
    before('units', 'accounts');
    before('stored_files', 'imports');
    before('imports', 'posts');
    before('goals', 'kpis');
    before('kpis', 'kpi_results');
    before('evaluations', 'evaluation_events');
  });
});

describe(`backup and restore: pglite → ${otherKind} → pglite`, () => {
  test('a round trip gives identical data in every table, files byte for byte', async () => {
    const { database: source, organisationId } = await seeded();
    const middle = await createTestDatabase(otherKind);
    const last = await createTestDatabase('pglite');
    try {
      const original = await dump(source.db, organisationId);
      const empty = [...original].filter(([, rows]) => rows.length === 0).map(([name]) => name);
      assert.deepEqual(empty, [], 'the seed fills every table');

      const first = file('first');
      const made = await createBackup(source, { file: first, now: new Date('2026-03-15T10:00:00Z') });
      assert.equal(made.files, 3, 'two imported files and one stored directly');
      assert.equal(made.tables, backupTables().length);
      assert.equal(made.rows, [...original.values()].reduce((n, rows) => n + rows.length, 0));
      const restored = await restoreBackup(middle, { file: first });
      assert.equal(restored.rows, made.rows);
      assert.deepEqual(await dump(middle.db, organisationId), original, `the same rows on ${otherKind}`);

      const second = file('second');
      await createBackup(middle, { file: second, now: new Date() });
      await restoreBackup(last, { file: second });
      assert.deepEqual(await dump(last.db, organisationId), original, 'the same rows back on PGlite');
      assert.deepEqual(comparable(second), comparable(first), 'the backups of the original and of the copy are equal');

      const files = await last.db.select().from(schema.storedFiles).where(eq(schema.storedFiles.size, allBytes.length));
      assert.deepEqual(new Uint8Array(files[0]!.content), allBytes);
      const at = (await last.db.execute(sql`select to_char(at at time zone 'UTC', 'HH24:MI:SS.US') as t from evaluation_events`)) as unknown as { rows: { t: string }[] };
      assert.equal(at.rows[0]!.t, '12:34:56.123456');
      // Sessions are not restored: everyone signs in again.
      assert.equal((await last.db.select({ n: count() }).from(schema.sessions))[0]!.n, 0);
      // Identity sequences continue after the restored rows.
      const [evaluation] = await last.db.select().from(schema.evaluations);
      const [event] = await last.db.insert(schema.evaluationEvents).values({ id: randomUUID(), organisationId, evaluationId: evaluation!.id, at: new Date(), action: 'saved' }).returning();
      const before = (await source.db.select().from(schema.evaluationEvents))[0]!;
      assert.ok(event!.seq > before.seq, 'the next seq is past the restored ones');
    } finally {
      await source.close();
      await middle.close();
      await last.close();
    }
  });

  test('restore refuses a database that is not empty, or at another migration, and writes nothing', async () => {
    const { database: source } = await seeded();
    const target = await createTestDatabase(otherKind);
    try {
      const backup = file('refuse');
      await createBackup(source, { file: backup, now: new Date() });
      await refused(restoreBackup(source, { file: backup }), 'conflict', /already holds an organisation/);

      const older = file('older');
      rewrite(backup, older, ([header, ...rest]) => {
        const h = JSON.parse(header!) as { migration: { tag: string; hash: string } };
        h.migration = { ...h.migration, tag: '0009_reports_notifications', hash: 'e'.repeat(64) };
        return [JSON.stringify(h), ...rest];
      });
      await refused(restoreBackup(target, { file: older }), 'conflict', /made at migration 0009_reports_notifications/);
      assert.equal(await organisationCount(target.db), 0);
      await refused(createBackup(source, { file: backup, now: new Date() }), 'conflict', /already exists/);
    } finally {
      await source.close();
      await target.close();
    }
  });

  test('a damaged file is refused before anything is written; a failure half-way leaves nothing', async () => {
    const { database: source } = await seeded();
    const target = await createTestDatabase(otherKind);
    try {
      const backup = file('damage');
      await createBackup(source, { file: backup, now: new Date() });
      const bytes = readFileSync(backup);

      const flipped = file('flipped');
      const copy = Buffer.from(bytes);
      copy[Math.floor(copy.length / 2)]! ^= 0x01;
      writeFileSync(flipped, copy);
      await refused(restoreBackup(target, { file: flipped }), 'validation_failed', /is not an intact Målbar backup/);

      const other = file('other');
      writeFileSync(other, gzipSync('{"rows":[1,2]}\n'));
      await refused(restoreBackup(target, { file: other }), 'validation_failed', /is not a Målbar backup\.$/);
      const newer = file('newer');
      writeFileSync(newer, gzipSync('{"format":"maalbar-backup","version":2}\n'));
      await refused(restoreBackup(target, { file: newer }), 'validation_failed', /format version 2; this Målbar reads version 1/);
      await refused(restoreBackup(target, { file: join(dir, 'missing.backup') }), 'not_found');

      const truncated = file('truncated');
      writeFileSync(truncated, bytes.subarray(0, bytes.length - 100));
      await refused(restoreBackup(target, { file: truncated }), 'validation_failed', /is not an intact Målbar backup/);

      // A row changed after the backup was written: the table's checksum no longer fits.
      const edited = file('edited');
      const lines = gunzipSync(bytes).toString('utf8').split('\n');
      const row = lines.findIndex((l) => l.includes('"Synlighet"'));
      lines[row] = lines[row]!.replace('"Synlighet"', '"Synlighet!"');
      writeFileSync(edited, gzipSync(lines.join('\n')));
      await refused(restoreBackup(target, { file: edited }), 'validation_failed', /strategic_goals does not match its checksum/);

      // Checksums that fit but a KPI of a goal that is not there: the database refuses half-way.
      const dangling = file('dangling');
      rewrite(backup, dangling, (all) => {
        const start = all.indexOf(JSON.stringify(['table', 'kpis'])) + 1;
        const kpi = JSON.parse(all[start]!) as { goal_id: string };
        kpi.goal_id = randomUUID();
        return all.map((l, i) => (i === start ? JSON.stringify(kpi) : l));
      });
      await refused(restoreBackup(target, { file: dangling }), 'validation_failed', /rows of kpis could not be restored \(.*foreign key.*\); nothing was restored/);
      assert.equal(await organisationCount(target.db), 0, 'nothing half-restored');
      for (const table of ['units', 'people', 'observations', 'stored_files', 'goals']) {
        const n = (await target.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] };
        assert.equal(n.rows[0]!.n, 0, `${table} is empty`);
      }

      // The intact file restores into the same database afterwards.
      const restored = await restoreBackup(target, { file: backup });
      assert.equal(restored.organisation.slug, 'testuniversitetet');
    } finally {
      await source.close();
      await target.close();
    }
  });

  test('the snapshot is consistent: a write committed while the backup reads is not in it', { skip: otherKind !== 'postgres' && 'PostgreSQL only (PGlite has one connection)' }, async () => {
    const target = await createTestDatabase('postgres');
    try {
      const s = await seed(target.db);
      let written = false;
      const seen = new Map<string, string[]>();
      let current: string[] = [];
      await readSnapshot(target.db, s.organisationId, {
        async table(table) {
          current = [];
          seen.set(table.name, current);
          if (!written) {
            // Another connection of the pool commits a new unit and a value while the backup has begun.
            written = true;
            const unit = randomUUID();
            await target.db.insert(schema.units).values({ id: unit, organisationId: s.organisationId, parentId: s.units.top, slug: 'late', name: 'Late', path: `${s.units.top}/${unit}` });
            await target.db.insert(schema.observations).values({ organisationId: s.organisationId, accountId: s.accounts.bTiktok, metric: 'reach', day: '2026-03-01', value: 1 });
          }
        },
        async row(json) {
          current.push(json);
        },
      });
      assert.ok(written);
      assert.ok(!seen.get('units')!.some((r) => r.includes('"late"')), 'the unit written meanwhile is not in the snapshot');
      assert.equal(seen.get('observations')!.length, 0);
      assert.equal((await target.db.select({ n: count() }).from(schema.units).where(eq(schema.units.slug, 'late')))[0]!.n, 1, 'but it was committed');
    } finally {
      await target.close();
    }
  });

  test("a backup holds one organisation's rows only", async () => {
    const { database: source, organisationId } = await seeded();
    try {
      const db = source.db;
      const other = randomUUID();
      const unit = randomUUID();
      const account = randomUUID();
      await db.insert(schema.organisations).values({ id: other, organisationId: other, name: 'Other', slug: 'other' });
      await db.insert(schema.units).values({ id: unit, organisationId: other, slug: 'other', name: 'Other', path: unit });
      await db.insert(schema.people).values({ id: randomUUID(), organisationId: other, email: 'b@other.example', name: 'B' });
      await db.insert(schema.accounts).values({ id: account, organisationId: other, unitId: unit, slug: 'b-ig', platform: 'instagram', name: 'B' });
      await db.insert(schema.observations).values({ organisationId: other, accountId: account, metric: 'reach', day: '2026-03-01', value: 5 });
      await db.insert(schema.idempotencyKeys).values({ accountId: account, key: 'other-key', sha256: 'd'.repeat(64), counts: { added: 1, changed: 0, unchanged: 0, posts: 0, audience: 0 } });

      await refused(createBackup(source, { file: file('several'), now: new Date() }), 'validation_failed', /2 organisations .* --organisation/);
      const backup = file('one');
      const made = await createBackup(source, { file: backup, organisation: 'testuniversitetet', now: new Date() });
      assert.equal(made.organisation.id, organisationId);
      const text = gunzipSync(readFileSync(backup)).toString('utf8');
      assert.ok(!text.includes(other) && !text.includes(account) && !text.includes('other-key'), "no row of the other organisation");
      assert.match(text, /"key": "key-1"/);
      await refused(createBackup(source, { file: file('none'), organisation: 'nope', now: new Date() }), 'not_found');
    } finally {
      await source.close();
    }
  });
});
