/**
 * Fresh databases for tests, with the real migrations. A migrated template is made once per test
 * process and cloned for each test: PGlite's clone() in memory, PostgreSQL's CREATE DATABASE …
 * TEMPLATE. Database tests run on PGlite always and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from './client.ts';

export type TestDatabaseKind = 'pglite' | 'postgres';

export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

let pgliteTemplate: Promise<PGlite> | null = null;
let postgresTemplate: Promise<string> | null = null;

async function makePgliteTemplate(): Promise<PGlite> {
  const client = await PGlite.create();
  const database = await openDatabase({ kind: 'pglite-instance', client });
  await database.migrate();
  return client;
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

/** Closes the per-process templates (an open PGlite keeps the process alive for seconds). */
export async function closeTestTemplates(): Promise<void> {
  const pglite = pgliteTemplate;
  pgliteTemplate = null;
  if (pglite) await (await pglite).close();
  const postgres = postgresTemplate;
  postgresTemplate = null;
  if (postgres) await adminQuery(`drop database if exists ${await postgres}`).catch(() => {});
}

/** A new, migrated, empty database of the given kind. Close it when the test ends. */
export async function createTestDatabase(kind: TestDatabaseKind): Promise<Database> {
  if (kind === 'pglite') {
    pgliteTemplate ??= makePgliteTemplate();
    const client = (await (await pgliteTemplate).clone()) as PGlite;
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
