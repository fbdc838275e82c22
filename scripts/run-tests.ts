// Test entry point (the last step of `npm test`): runs Node's built-in test runner over
// src/**/*.test.ts and e2e/**/*.test.ts with this same Node (24, which strips TS types).
//   node scripts/run-tests.ts                        # every test file
//   node scripts/run-tests.ts src/db/x.test.ts       # only these files
//   node scripts/run-tests.ts --test-name-pattern=login   # extra flags go to `node --test`
// Database tests run on PGlite always, and on PostgreSQL too when TEST_DATABASE_URL is set
// (scripts/postgres-test-server.sh starts one).
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PATTERNS = ['src/**/*.test.ts', 'web/**/*.test.ts', 'e2e/**/*.test.ts'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('-'));
const chosen = args.filter((a) => !a.startsWith('-')).map((a) => resolve(a));
const files = chosen.length > 0 ? chosen : globSync(PATTERNS, { cwd: root }).sort();

if (files.length === 0) {
  console.error(`run-tests: FAILED: no test files match ${PATTERNS.join(' or ')}`);
  process.exit(1);
}

const pgUrl = process.env.TEST_DATABASE_URL;
let pgWhere = '';
if (pgUrl) {
  try {
    const u = new URL(pgUrl);
    pgWhere = `${u.hostname}:${u.port || 5432}${u.pathname}`; // no credentials in the log
  } catch {
    console.error('run-tests: FAILED: TEST_DATABASE_URL is not a valid URL');
    process.exit(1);
  }
}
console.log(
  pgUrl
    ? `run-tests: database tests run on PGlite and PostgreSQL (${pgWhere})`
    : 'run-tests: database tests run on PGlite only (set TEST_DATABASE_URL to add PostgreSQL)',
);
console.log(`run-tests: ${files.length} test file(s), Node ${process.version}`);

const result = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=2', '--test-timeout=300000', ...flags, ...files],
  { cwd: root, stdio: 'inherit', env: process.env },
);
if (result.error) throw result.error;
process.exit(result.status ?? 1);
