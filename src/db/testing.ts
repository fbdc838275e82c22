/**
 * Fresh databases for tests, with the real migrations. A migrated template is made once and cloned
 * for each test: a new in-memory PGlite loaded from a dump of it (kept in .tmp/ between runs),
 * PostgreSQL's CREATE DATABASE … TEMPLATE. Database tests run on PGlite always and on PostgreSQL
 * when TEST_DATABASE_URL is set.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrationsFolder, openDatabase, type Database } from './client.ts';

export type TestDatabaseKind = 'pglite' | 'postgres';

export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

let pgliteTemplate: Promise<Blob | File> | null = null;
let postgresTemplate: Promise<string> | null = null;

/** Where test processes share the migrated PGlite template (a fresh initdb takes ~2 s). */
const templateCacheDir = fileURLToPath(new URL('../../.tmp/', import.meta.url));

/** Names the template by everything that shapes it: the migrations and the PGlite version. */
function pgliteTemplateFile(): string {
  const hash = createHash('sha256');
  const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite')); // …/pglite/dist/index.js
  const pkg = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  hash.update(pkg.version);
  for (const name of readdirSync(migrationsFolder, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(migrationsFolder, name);
    if (statSync(path).isFile()) hash.update(name).update(readFileSync(path));
  }
  return join(templateCacheDir, `pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
}

/**
 * A migrated PGlite data directory as a tarball, made once (and kept in .tmp/ for the next test
 * processes). Each test database is a new PGlite loaded from it: the same as clone().
 */
async function makePgliteTemplate(): Promise<Blob | File> {
  const file = pgliteTemplateFile();
  try {
    return new Blob([await readFile(file)]);
  } catch {
    // Not made yet (or unreadable): make it below.
  }
  const client = await PGlite.create();
  let dump: Blob | File;
  try {
    const database = await openDatabase({ kind: 'pglite-instance', client });
    await database.migrate();
    dump = await client.dumpDataDir('none');
  } finally {
    await client.close();
  }
  try {
    // Written under a private name and renamed, so a parallel test process never reads half a file.
    mkdirSync(templateCacheDir, { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, new Uint8Array(await dump.arrayBuffer()));
    renameSync(partial, file);
    // Templates of earlier migrations are of no further use.
    for (const old of readdirSync(templateCacheDir)) {
      if (/^pglite-template-[0-9a-f]+\.tar$/.test(old) && join(templateCacheDir, old) !== file) rmSync(join(templateCacheDir, old), { force: true });
    }
  } catch {
    // The cache only saves time.
  }
  return dump;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function makePostgresTemplate(): Promise<string> {
  const base = process.env.TEST_DATABASE_URL!;
  const name = `maalbar_tpl_${process.pid}_${randomBytes(3).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const database = await openDatabase({ kind: 'postgres', url: withDatabase(base, name), poolSize: 1 });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
  return name;
}

/** Forgets the per-process templates and drops the PostgreSQL one. */
export async function closeTestTemplates(): Promise<void> {
  pgliteTemplate = null;
  const postgres = postgresTemplate;
  postgresTemplate = null;
  if (postgres) await adminQuery(`drop database if exists ${await postgres}`).catch(() => {});
}

/** A new, migrated, empty database of the given kind. Close it when the test ends. */
export async function createTestDatabase(kind: TestDatabaseKind): Promise<Database> {
  if (kind === 'pglite') {
    pgliteTemplate ??= makePgliteTemplate();
    const client = await PGlite.create({ loadDataDir: await pgliteTemplate });
    return openDatabase({ kind: 'pglite-instance', client });
  }
  postgresTemplate ??= makePostgresTemplate();
  const template = await postgresTemplate;
  const name = `maalbar_t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create database ${name} template ${template}`);
  const database = await openDatabase({ kind: 'postgres', url: withDatabase(process.env.TEST_DATABASE_URL!, name), poolSize: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(`drop database if exists ${name}`);
    },
  };
}
