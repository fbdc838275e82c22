/**
 * Which tables a backup holds, derived from the Drizzle schema so that a new table cannot be
 * forgotten: every table is either backed up or excluded here with a reason (tables.test.ts fails
 * otherwise). Each backed-up table is read for one organisation (its organisation_id, the
 * organisations table by id, or an explicit scope) in a stable order (its primary key), and the
 * tables come in an order that respects their foreign keys, so a restore inserts parents first.
 *
 * Included on purpose:
 * - api_tokens: only the tokens' sha256 is stored (like people's password hashes), and scripts
 *   and integrations must keep working after a restore from a disaster.
 * - the caches (kpi_results, documented_runs, metric_months): the snapshot is read in one
 *   transaction, so they are exactly as consistent as in the source; with them the round trip is
 *   exactly identical and a restored organisation is as fast as before, with nothing to rebuild.
 */
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import * as schema from '../../db/schema/index.ts';

/** Tables that are never backed up, each with its reason. */
export const excludedTables: Readonly<Record<string, string>> = {
  sessions: 'sign-ins are not carried over: signing in again after a restore is the safe choice',
  dashboard_changes: "not organisation data: which transactions changed the overview's inputs, kept two hours for its cache",
};

/** Tables without an organisation_id column, with the condition that picks one organisation's rows ($org). */
const scopes: Readonly<Record<string, string>> = {
  organisations: 'id = $org',
  idempotency_keys: 'account_id in (select id from accounts where organisation_id = $org)',
};

/** Tables without a primary key, with the order that is unique (and served by an index). */
const orders: Readonly<Record<string, string>> = {
  // The unique index observations_key.
  observations: `account_id, metric, day, coalesce(post_id, '00000000-0000-0000-0000-000000000000'::uuid)`,
};

export interface BackupTable {
  name: string;
  /** Column names in declared order (all of them are written and restored). */
  columns: string[];
  /** SQL condition selecting one organisation's rows, with $org for the organisation id. */
  scope: string;
  /** SQL ORDER BY list: a total order, so that two backups of the same data are equal. */
  order: string;
  /** Columns generated always as identity (restored with OVERRIDING SYSTEM VALUE, then the sequence is moved on). */
  identityColumns: string[];
  /** Columns that refer to this same table (a unit's parent → its id): rows are restored parents first. */
  selfReferences: { column: string; references: string }[];
  /** Rows per FETCH: small for tables holding files. */
  fetchSize: number;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

function allTables(): PgTable[] {
  return (Object.values(schema) as unknown[]).filter((v): v is PgTable => v instanceof PgTable);
}

function describe(table: PgTable): BackupTable {
  const config = getTableConfig(table);
  const columns = config.columns.map((c) => c.name);
  const primary = config.columns.filter((c) => c.primary).map((c) => c.name);
  const composite = config.primaryKeys[0]?.columns.map((c: PgColumn) => c.name) ?? [];
  const key = primary.length > 0 ? primary : composite;
  const order = key.length > 0 ? key.map(quote).join(', ') : orders[config.name];
  if (!order) throw new Error(`backup: table ${config.name} has no primary key and no order in services/backup/tables.ts`);
  const scope = columns.includes('organisation_id') && config.name !== 'organisations' ? 'organisation_id = $org' : scopes[config.name];
  if (!scope) throw new Error(`backup: table ${config.name} has no organisation_id and no scope in services/backup/tables.ts`);
  const selfReferences = config.foreignKeys
    .map((fk) => fk.reference())
    .filter((ref) => getTableConfig(ref.foreignTable).name === config.name)
    .flatMap((ref) => ref.columns.map((c, i) => ({ column: c.name, references: ref.foreignColumns[i]!.name })));
  const identityColumns = config.columns.filter((c) => c.generatedIdentity).map((c) => c.name);
  const holdsFiles = config.columns.some((c) => c.getSQLType() === 'bytea');
  return { name: config.name, columns, scope, order, identityColumns, selfReferences, fetchSize: holdsFiles ? 4 : 2000 };
}

/** The names of the tables each table refers to (other than itself). */
function dependencies(table: PgTable): string[] {
  const config = getTableConfig(table);
  return [...new Set(config.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name))].filter((n) => n !== config.name);
}

/**
 * Every backed-up table, parents before the tables that refer to them (ties by name, so the order
 * is stable). Throws on a foreign-key cycle between tables, which a restore could not order.
 */
export function backupTables(): BackupTable[] {
  const tables = allTables().filter((t) => !(getTableConfig(t).name in excludedTables));
  const byName = new Map(tables.map((t) => [getTableConfig(t).name, t]));
  const done = new Set<string>();
  const ordered: BackupTable[] = [];
  while (done.size < byName.size) {
    const ready = [...byName.keys()]
      .filter((n) => !done.has(n))
      .filter((n) => dependencies(byName.get(n)!).every((d) => done.has(d) || !byName.has(d)))
      .sort();
    if (ready.length === 0) throw new Error(`backup: foreign keys form a cycle among ${[...byName.keys()].filter((n) => !done.has(n)).join(', ')}`);
    // One at a time, the first by name: a stable order.
    const name = ready[0]!;
    done.add(name);
    ordered.push(describe(byName.get(name)!));
  }
  return ordered;
}

/** Every table in the schema, by name (for the test that each is backed up or excluded). */
export function schemaTableNames(): string[] {
  return allTables()
    .map((t) => getTableConfig(t).name)
    .sort();
}

/** A quoted identifier. */
export { quote as quoteIdentifier };
