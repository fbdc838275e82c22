/** bench/dashboards.ts's databases: a file-backed PGlite in a temporary folder, a PostgreSQL database of its own; both migrated, with a raw COPY into observations. */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from '../src/db/client.ts';

export interface Engine {
  kind: 'pglite' | 'postgres';
  database: Database;
  copy(csv: string): Promise<void>;
  close(): Promise<void>;
}
const COPY = 'copy observations (organisation_id, account_id, metric, day, value, source) from';

export async function pgliteEngine(): Promise<Engine> {
  const dir = mkdtempSync(join(tmpdir(), 'maalbar-bench-dash-'));
  const client = await PGlite.create(join(dir, 'pgdata'));
  const database = await openDatabase({ kind: 'pglite-instance', client });
  await database.migrate();
  return {
    kind: 'pglite',
    database,
    copy: async (csv) => {
      await client.query(`${COPY} '/dev/blob' with (format csv)`, [], { blob: new Blob([csv]) });
    },
    close: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function postgresEngine(url: string): Promise<Engine> {
  const name = `maalbar_bench_dash_${process.pid}`;
  const admin = async (text: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(text);
    } finally {
      await c.end();
    }
  };
  await admin(`drop database if exists ${name}`);
  await admin(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: u.toString(), poolSize: 4 });
  await database.migrate();
  const copyClient = new pg.Client({ connectionString: u.toString() });
  await copyClient.connect();
  return {
    kind: 'postgres',
    database,
    copy: async (csv) => {
      await pipeline(Readable.from([Buffer.from(csv)]), copyClient.query(copyFrom(`${COPY} stdin with (format csv)`)));
    },
    close: async () => {
      await copyClient.end();
      await database.close();
      await admin(`drop database if exists ${name}`);
    },
  };
}
