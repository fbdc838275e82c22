/**
 * Opens Målbar's database: PostgreSQL when a connection URL is given, otherwise the embedded
 * PGlite in a data directory (locked for this process). Both speak the same SQL and share one
 * Drizzle schema and one set of migrations.
 */
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { fileURLToPath } from 'node:url';
import * as schema from './schema/index.ts';
import { acquireDataDirLock, type DataDirLock } from './lock.ts';

export type Schema = typeof schema;
/** The Drizzle database (or transaction) every service takes; the same type for both engines. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Cheap round trip, for /readyz. */
  ping(): Promise<void>;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string; command: string }
  /** An already created PGlite instance (tests clone a migrated template into memory). */
  | { kind: 'pglite-instance'; client: PGlite };

/** How long /readyz waits for PostgreSQL before it answers 503. */
const PING_TIMEOUT_MS = 3_000;

/**
 * `select 1` within PING_TIMEOUT_MS: a network that silently drops packets (no reset) would
 * otherwise hold the readiness probe open for as long as TCP retries. A query that timed out
 * takes its connection out of the pool (pg-pool discards a client released with an error).
 */
async function pingPool(pool: pg.Pool): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  // query_timeout per query is pg's (lib/client.js), not in @types/pg's QueryConfig.
  const query: pg.QueryConfig & { query_timeout: number } = { text: 'select 1', query_timeout: PING_TIMEOUT_MS };
  try {
    await Promise.race([
      pool.query(query),
      // Also bounds waiting for a connection (a new one may hang in its handshake).
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`PostgreSQL gave no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // An idle client losing its connection must not crash the process; /readyz reports it.
    pool.on('error', () => {});
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      ping: () => pingPool(pool),
      migrate: async () => {
        await migratePg(drizzlePg(pool, { schema }), { migrationsFolder });
      },
      close: async () => {
        await pool.end();
      },
    };
  }

  let lock: DataDirLock | null = null;
  let client: PGlite;
  if (target.kind === 'pglite') {
    lock = acquireDataDirLock(target.dataDir, target.command);
    try {
      client = await PGlite.create(`${target.dataDir}/pgdata`);
    } catch (e) {
      lock.release();
      throw e;
    }
  } else {
    client = target.client;
  }
  const pgliteDb = drizzlePglite(client, { schema });
  const db = pgliteDb as unknown as Db;
  return {
    db,
    kind: 'pglite',
    ping: async () => {
      await client.query('select 1');
    },
    migrate: async () => {
      await migratePglite(pgliteDb, { migrationsFolder });
    },
    close: async () => {
      try {
        if (!client.closed) await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}
