/**
 * Runs a block of tests once per test database (PGlite always; PostgreSQL when TEST_DATABASE_URL
 * is set), each test on a fresh migrated database.
 *
 *   forEachDatabase('units', (fresh) => {
 *     test('…', async () => { await using t = await fresh(); … t.db … });
 *   });
 */
import { after, describe } from 'node:test';
import type { Database } from '../db/client.ts';
import { closeTestTemplates, createTestDatabase, testDatabaseKinds, type TestDatabaseKind } from '../db/testing.ts';

export interface TestDb extends Database {
  [Symbol.asyncDispose](): Promise<void>;
}

let cleanupRegistered = false;

export function forEachDatabase(name: string, body: (fresh: () => Promise<TestDb>, kind: TestDatabaseKind) => void): void {
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    after(() => closeTestTemplates());
  }
  for (const kind of testDatabaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      body(async () => {
        const database = await createTestDatabase(kind);
        return { ...database, [Symbol.asyncDispose]: () => database.close() };
      }, kind);
    });
  }
}
