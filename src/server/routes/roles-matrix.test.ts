/**
 * Who may do what, over HTTP, for every role. The seeded organisation:
 *
 *   Testuniversitetet (top)
 *   ├── Faculty A            ← manager, editor, reporter, evaluator, viewer are granted here
 *   │   ├── Department A1    ← account "A1 på Instagram"
 *   │   └── A2, A3, A-move, A-move-out, A-top (empty units made below for this test)
 *   └── Faculty B            ← "outsider" is editor here; account "B on TikTok"
 *       └── B1 (empty)
 *
 * A refusal is 403 when the caller may see the thing but not change it, and 404 when the caller
 * may not even see it (so that other units' data does not reveal that it exists).
 *
 * Statistics: each account has one import made before the run (a small template file), so that
 * reading, downloading and undoing an import can be tried by everyone.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { forEachDatabase } from '../../testing/database.ts';
import { seed, TEST_PASSWORD, type Seed } from '../../testing/seed.ts';
import { testApp, type TestClient } from '../../testing/http.ts';
import { expectProblem } from '../../testing/assertions.ts';
import type { Db } from '../../db/client.ts';
import { accounts, audienceSnapshots, imports, observationHistory, observations, people, posts, roleGrants, storedFiles, units } from '../../db/schema/index.ts';
import { importFiles } from '../../services/imports/import-files.ts';
import { createUnit } from '../../services/units/create-unit.ts';
import { createPerson } from '../../services/people/create-person.ts';
import { grantRole } from '../../services/people/role-grants.ts';
import { callers, runPolicy, type Caller, type Row } from '../../testing/policy.ts';
import { competitorFigureHistory, competitorFigures, competitors } from '../../db/schema/index.ts';
import { createCompetitor } from '../../services/competitors/create-competitor.ts';
import { createColumnMapping } from '../../services/column-mappings/create-mapping.ts';
import type { ColumnMappingCreate } from '../../contract/column-mappings.ts';
import { evaluationEvents, evaluations } from '../../db/schema/index.ts';
import { annualReportEvents, annualReports } from '../../db/schema/index.ts';
import { prepareEvaluations } from '../../services/evaluations/prepare-evaluations.ts';


/** The policy. Operations run in this order, each caller on a freshly seeded organisation. */
const policy = {
  //                                      admin manager editor reporter evaluator viewer outsider anonymous
  // Accounts
  'list accounts':                         [200,  200,    200,   200,     200,      200,   200,     401],
  'read account in A subtree':             [200,  200,    200,   200,     200,      200,   404,     401],
  'read account in B':                     [200,  404,    404,   404,     404,      404,   200,     401],
  'create account in A subtree':           [201,  201,    201,   403,     403,      403,   404,     401],
  'create account in B':                   [201,  404,    404,   404,     404,      404,   201,     401],
  'update account in A subtree':           [200,  200,    200,   403,     403,      403,   404,     401],
  'update account in B':                   [200,  404,    404,   404,     404,      404,   200,     401],
  'move account from A to B':              [200,  404,    404,   403,     403,      403,   404,     401],
  // Units
  'list units':                            [200,  200,    200,   200,     200,      200,   200,     401],
  'read unit B':                           [200,  200,    200,   200,     200,      200,   200,     401],
  'create unit in A':                      [201,  201,    403,   403,     403,      403,   404,     401],
  'create unit in B':                      [201,  404,    404,   404,     404,      404,   403,     401],
  'create top-level unit':                 [201,  403,    403,   403,     403,      403,   403,     401],
  'rename unit in A subtree':              [200,  200,    403,   403,     403,      403,   404,     401],
  'rename Faculty A':                      [200,  200,    403,   403,     403,      403,   404,     401],
  'rename unit in B':                      [200,  404,    404,   404,     404,      404,   403,     401],
  'move unit within A':                    [200,  200,    403,   403,     403,      403,   404,     401],
  'move unit from A to B':                 [200,  404,    403,   403,     403,      403,   404,     401],
  'move unit to top level':                [200,  403,    403,   403,     403,      403,   404,     401],
  'archive unit in A':                     [200,  200,    403,   403,     403,      403,   404,     401],
  'archive unit in B':                     [200,  404,    404,   404,     404,      404,   403,     401],
  // People
  'list people':                           [200,  200,    200,   200,     200,      200,   200,     401],
  'read a person':                         [200,  200,    200,   200,     200,      200,   200,     401],
  'add person':                            [201,  201,    403,   403,     403,      403,   403,     401],
  'rename another person':                 [200,  403,    403,   403,     403,      403,   403,     401],
  // Roles
  'grant role in A subtree':               [201,  201,    403,   403,     403,      403,   404,     401],
  'grant manager on Faculty A':            [201,  201,    403,   403,     403,      403,   404,     401],
  'grant role in B':                       [201,  404,    404,   404,     404,      404,   403,     401],
  'grant role on the top unit':            [201,  404,    404,   404,     404,      404,   404,     401],
  'revoke role in A subtree':              [204,  204,    403,   403,     403,      403,   404,     401],
  'revoke role in B':                      [204,  404,    404,   404,     404,      404,   403,     401],
  'revoke the last admin':                 [409,  403,    403,   403,     403,      403,   403,     401],
  'grant admin':                           [201,  403,    403,   403,     403,      403,   403,     401],
  'deactivate another person':             [200,  403,    403,   403,     403,      403,   403,     401],
  // Statistics: imports, observations, monthly entry, the template
  'list imports of A account':             [200,  200,    200,   200,     200,      200,   404,     401],
  'list imports of B account':             [200,  404,    404,   404,     404,      404,   200,     401],
  'read an import in A':                   [200,  200,    200,   200,     200,      200,   404,     401],
  'read an import in B':                   [200,  404,    404,   404,     404,      404,   200,     401],
  'download the file of an import in A':   [200,  200,    200,   200,     200,      200,   404,     401],
  'download the file of an import in B':   [200,  404,    404,   404,     404,      404,   200,     401],
  'read observations of A account':        [200,  200,    200,   200,     200,      200,   404,     401],
  'read observations of B account':        [200,  404,    404,   404,     404,      404,   200,     401],
  'download the import template':          [200,  200,    200,   200,     200,      200,   200,     401],
  'preview an import into A account':      [200,  200,    200,   200,     403,      403,   404,     401],
  'preview an import into B account':      [200,  404,    404,   404,     404,      404,   200,     401],
  'import a file into A account':          [200,  200,    200,   200,     403,      403,   404,     401],
  'import a file into B account':          [200,  404,    404,   404,     404,      404,   200,     401],
  'send JSON observations to A account':   [200,  200,    200,   200,     403,      403,   404,     401],
  'send CSV observations to A account':    [200,  200,    200,   200,     403,      403,   404,     401],
  'send JSON observations to B account':   [200,  404,    404,   404,     404,      404,   200,     401],
  'enter a month on A account':            [200,  200,    200,   200,     403,      403,   404,     401],
  'enter a month on B account':            [200,  404,    404,   404,     404,      404,   200,     401],
  'undo an import in A':                   [200,  200,    200,   200,     403,      403,   404,     401],
  'undo an import in B':                   [200,  404,    404,   404,     404,      404,   200,     401],
  // Competitors and peers (outside the organisation): registered like accounts, figures like statistics
  'list competitors':                      [200,  200,    200,   200,     200,      200,   200,     401],
  'read competitor in A subtree':          [200,  200,    200,   200,     200,      200,   404,     401],
  'read competitor in B':                  [200,  404,    404,   404,     404,      404,   200,     401],
  'register competitor in A subtree':      [201,  201,    201,   403,     403,      403,   404,     401],
  'register competitor in B':              [201,  404,    404,   404,     404,      404,   201,     401],
  'edit competitor in A subtree':          [200,  200,    200,   403,     403,      403,   404,     401],
  'enter figures for competitor in A':     [200,  200,    200,   200,     403,      403,   404,     401],
  'enter figures for competitor in B':     [200,  404,    404,   404,     404,      404,   200,     401],
  'read figures of competitor in A':       [200,  200,    200,   200,     200,      200,   404,     401],
  'share of voice of Faculty A':           [200,  200,    200,   200,     200,      200,   404,     401],
  'competitor target basis':               [200,  200,    200,   200,     200,      200,   200,     401],
  'archive competitor in A subtree':       [200,  200,    200,   403,     403,      403,   404,     401],
  // Column mappings: read by everyone who documents statistics, managed by administrators, saved with an import by importers
  'list column mappings':                  [200,  200,    200,   200,     403,      403,   200,     401],
  'read a column mapping':                 [200,  200,    200,   200,     403,      403,   200,     401],
  'save a column mapping':                 [201,  403,    403,   403,     403,      403,   403,     401],
  'edit a column mapping':                 [200,  403,    403,   403,     403,      403,   403,     401],
  'import with a new mapping into A':      [200,  200,    200,   200,     403,      403,   404,     401],
  'import with a new mapping into B':      [200,  404,    404,   404,     404,      404,   200,     401],
  'delete a column mapping':               [200,  403,    403,   403,     403,      403,   403,     401],
  // Dashboards (each sees only the units and accounts they may read)
  'read metric by unit, organisation':     [200,  200,    200,   200,     200,      200,   200,     401],
  'read metric by unit of Faculty A':      [200,  200,    200,   200,     200,      200,   404,     401],
  'read series of A account':              [200,  200,    200,   200,     200,      200,   404,     401],
  'read series of B account':              [200,  404,    404,   404,     404,      404,   200,     401],
  'read comparison of accounts':           [200,  200,    200,   200,     200,      200,   200,     401],
  'read overview, organisation':           [200,  200,    200,   200,     200,      200,   200,     401],
  'read overview of Faculty B':            [200,  404,    404,   404,     404,      404,   200,     401],
  'read dashboard of A account':           [200,  200,    200,   200,     200,      200,   404,     401],
  'read dashboard of B account':           [200,  404,    404,   404,     404,      404,   200,     401],
  // Monthly evaluations (a March draft per account; the matrix runs on today's clock, so March has ended)
  'list evaluations':                      [200,  200,    200,   200,     200,      200,   200,     401],
  'read evaluation in A':                  [200,  200,    200,   200,     200,      200,   404,     401],
  'read evaluation in B':                  [200,  404,    404,   404,     404,      404,   200,     401],
  'prepare evaluations':                   [200,  200,    403,   403,     200,      403,   403,     401],
  'edit evaluation in A':                  [200,  200,    403,   403,     200,      403,   404,     401],
  'edit evaluation in B':                  [200,  404,    404,   404,     404,      404,   403,     401],
  'sign evaluation in A':                  [200,  200,    403,   403,     200,      403,   404,     401],
  'sign evaluation in B':                  [200,  404,    404,   404,     404,      404,   403,     401],
  'reopen evaluation in A':                [200,  200,    403,   403,     403,      403,   404,     401],
  'reopen evaluation in B':                [200,  404,    404,   404,     404,      404,   403,     401],
  // Reports and annual reports (on 2025, when the seeded accounts were in use: registered in June 2025 for this test)
  'read annual report, organisation':      [200,  200,    200,   200,     200,      200,   200,     401],
  'read annual report of Faculty A':       [200,  200,    200,   200,     200,      200,   404,     401],
  'read annual report of B account':       [200,  404,    404,   404,     404,      404,   200,     401],
  'read monthly report of Faculty A':      [200,  200,    200,   200,     200,      200,   404,     401],
  'read monthly report of B account':      [200,  404,    404,   404,     404,      404,   200,     401],
  'list annual reports':                   [200,  200,    200,   200,     200,      200,   200,     401],
  'read annual report in A':               [200,  200,    200,   200,     200,      200,   404,     401],
  'read annual report in B':               [200,  404,    404,   404,     404,      404,   200,     401],
  'edit annual report in A':               [200,  200,    403,   403,     200,      403,   404,     401],
  'edit annual report in B':               [200,  404,    404,   404,     404,      404,   403,     401],
  'sign annual report in A':               [200,  200,    403,   403,     200,      403,   404,     401],
  'sign annual report in B':               [200,  404,    404,   404,     404,      404,   403,     401],
  'reopen annual report in A':             [200,  200,    403,   403,     403,      403,   404,     401],
  'reopen annual report in B':             [200,  404,    404,   404,     404,      404,   403,     401],
  // The audit trail: administrators everything, unit managers their units (with what is below), nobody else
  'list audit events':                     [200,  200,    403,   403,     403,      403,   403,     401],
  'list audit events of Faculty A':        [200,  200,    403,   403,     403,      403,   403,     401],
  'list audit events of Faculty B':        [200,  404,    403,   403,     403,      403,   403,     401],
  'export audit events as CSV':            [200,  200,    403,   403,     403,      403,   403,     401],
  'export audit events of Faculty B as XLSX': [200, 404,  403,   403,     403,      403,   403,     401],
  // Notifications and report subscriptions are personal (the calendar feed itself needs no session: its secret is the key, tested in notifications.test.ts)
  'list my notifications':                 [200,  200,    200,   200,     200,      200,   200,     401],
  'subscribe to the report of a unit in A': [201,  201,    201,   201,     201,      201,   404,     401],
  'subscribe to the report of a unit in B': [201,  404,    404,   404,     404,      404,   201,     401],
  // One's own session, API tokens, settings, subscriptions and calendar feed: everyone signed in, for themselves only
  'read my session':                       [200,  200,    200,   200,     200,      200,   200,     401],
  'list my API tokens':                    [200,  200,    200,   200,     200,      200,   200,     401],
  'create and revoke my API token':        [204,  204,    204,   204,     204,      204,   204,     401],
  'read my notification settings':         [200,  200,    200,   200,     200,      200,   200,     401],
  'change my notification settings':       [200,  200,    200,   200,     200,      200,   200,     401],
  'mark my notifications read':            [200,  200,    200,   200,     200,      200,   200,     401],
  'list my report subscriptions':          [200,  200,    200,   200,     200,      200,   200,     401],
  'cancel my report subscription':         [204,  204,    204,   204,     204,      204,   204,     401],
  'read my calendar feed':                 [200,  200,    200,   200,     200,      200,   200,     401],
  'make my calendar feed':                 [201,  201,    201,   201,     201,      201,   201,     401],
  'delete my calendar feed':               [204,  204,    204,   204,     204,      204,   204,     401],
  'change my password':                    [204,  204,    204,   204,     204,      204,   204,     401],
} satisfies Record<string, Row>;
type Operation = keyof typeof policy;

/** Which accounts `GET /accounts` shows each caller (by seeded account). */
const visibleAccounts: Record<Exclude<Caller, 'anonymous'>, (keyof Seed['accounts'])[]> = {
  admin: ['a1Instagram', 'bTiktok'],
  manager: ['a1Instagram'],
  editor: ['a1Instagram'],
  reporter: ['a1Instagram'],
  evaluator: ['a1Instagram'],
  viewer: ['a1Instagram'],
  outsider: ['bTiktok'],
};

interface World {
  s: Seed;
  unit: { a2: string; a3: string; aMove: string; aMoveOut: string; aTop: string; b1: string };
  extra: { id: string; email: string };
  grant: { viewerOnA1: string; viewerOnB: string; admin: string };
  /** One import (a template file) per seeded account. */
  imported: { a: string; b: string };
  /** A competitor entry in Department A1 and one in Faculty B. */
  competitor: { a: string; b: string };
  /** A saved column mapping (TikTok, per day). */
  mapping: string;
  /** March 2026's draft evaluation of each seeded account. */
  evaluation: { a: string; b: string };
}

/** A multipart body with one `file` part, written out as a browser would send it. */
function multipart(name: string, text: string): [string, Record<string, string>] {
  const boundary = 'maalbar-matrix-boundary';
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${text}\r\n--${boundary}--\r\n`;
  return [body, { 'content-type': `multipart/form-data; boundary=${boundary}` }];
}
/** A per-day mapping: date column (DD.MM.YYYY) and one metric column. */
const mappingSpec = (date: string, column: string, platform: string, metric = 'views') => ({
  platform,
  granularity: 'day',
  date: { header: date, format: 'DD.MM.YYYY' },
  columns: [{ header: column, target: { kind: 'metric', metric } }],
});
/** A multipart import of one file with a column mapping to save under `saveAs`. */
function mappedUpload(name: string, text: string, mapping: object, saveAs: string): [string, Record<string, string>] {
  const boundary = 'maalbar-matrix-boundary';
  const field = (n: string, v: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`;
  const body = `${field('mapping', JSON.stringify(mapping))}${field('saveAs', saveAs)}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n${text}\r\n--${boundary}--\r\n`;
  return [body, { 'content-type': `multipart/form-data; boundary=${boundary}` }];
}
const csvText = (metric: string, day: string, value: number) => `date,metric,value\n${day},${metric},${value}\n`;

const operations: Record<Operation, (c: TestClient, w: World) => Promise<Response>> = {
  'list accounts': (c) => c.request('GET', '/accounts'),
  'read account in A subtree': (c, { s }) => c.request('GET', `/accounts/${s.accounts.a1Instagram}`),
  'read account in B': (c, { s }) => c.request('GET', `/accounts/${s.accounts.bTiktok}`),
  'create account in A subtree': (c, { s }) => c.request('POST', '/accounts', { unit: s.units.departmentA1, platform: 'youtube', name: 'A1 on YouTube' }),
  'create account in B': (c, { s }) => c.request('POST', '/accounts', { unit: s.units.facultyB, platform: 'youtube', name: 'B on YouTube' }),
  'update account in A subtree': (c, { s }) => c.request('PATCH', `/accounts/${s.accounts.a1Instagram}`, { contentFrequency: 'daily' }),
  'update account in B': (c, { s }) => c.request('PATCH', `/accounts/${s.accounts.bTiktok}`, { contentFrequency: 'weekly' }),
  'move account from A to B': (c, { s }) => c.request('PATCH', `/accounts/${s.accounts.a1Instagram}`, { unit: s.units.facultyB }),

  'list units': (c) => c.request('GET', '/units'),
  'read unit B': (c, { s }) => c.request('GET', `/units/${s.units.facultyB}`),
  'create unit in A': (c, { s }) => c.request('POST', '/units', { name: 'New in A', parent: s.units.facultyA }),
  'create unit in B': (c, { s }) => c.request('POST', '/units', { name: 'New in B', parent: s.units.facultyB }),
  'create top-level unit': (c) => c.request('POST', '/units', { name: 'New at the top', kind: 'office' }),
  'rename unit in A subtree': (c, { s }) => c.request('PATCH', `/units/${s.units.departmentA1}`, { name: 'Department A1 (renamed)' }),
  'rename Faculty A': (c, { s }) => c.request('PATCH', `/units/${s.units.facultyA}`, { name: 'Faculty A (renamed)' }),
  'rename unit in B': (c, { s }) => c.request('PATCH', `/units/${s.units.facultyB}`, { name: 'Faculty B (renamed)' }),
  'move unit within A': (c, { unit }) => c.request('PATCH', `/units/${unit.aMove}`, { parent: unit.a2 }),
  'move unit from A to B': (c, { s, unit }) => c.request('PATCH', `/units/${unit.aMoveOut}`, { parent: s.units.facultyB }),
  'move unit to top level': (c, { unit }) => c.request('PATCH', `/units/${unit.aTop}`, { parent: null }),
  'archive unit in A': (c, { unit }) => c.request('PATCH', `/units/${unit.a3}`, { archived: true }),
  'archive unit in B': (c, { unit }) => c.request('PATCH', `/units/${unit.b1}`, { archived: true }),

  'list people': (c) => c.request('GET', '/people'),
  'read a person': (c, { extra }) => c.request('GET', `/people/${extra.email}`),
  'add person': (c) => c.request('POST', '/people', { name: 'Nora Ny', email: 'nora.ny@test.example' }),
  'rename another person': (c, { extra }) => c.request('PATCH', `/people/${extra.id}`, { name: 'Extra (renamed)' }),

  'grant role in A subtree': (c, { s, extra }) => c.request('POST', '/role-grants', { person: extra.email, role: 'reporter', unit: s.units.departmentA1 }),
  'grant manager on Faculty A': (c, { s, extra }) => c.request('POST', '/role-grants', { person: extra.id, role: 'manager', unit: s.units.facultyA }),
  'grant role in B': (c, { s, extra }) => c.request('POST', '/role-grants', { person: extra.id, role: 'reporter', unit: s.units.facultyB }),
  'grant role on the top unit': (c, { s, extra }) => c.request('POST', '/role-grants', { person: extra.id, role: 'viewer', unit: s.units.top }),
  'revoke role in A subtree': (c, { grant }) => c.request('DELETE', `/role-grants/${grant.viewerOnA1}`),
  'revoke role in B': (c, { grant }) => c.request('DELETE', `/role-grants/${grant.viewerOnB}`),
  'revoke the last admin': (c, { grant }) => c.request('DELETE', `/role-grants/${grant.admin}`),
  'grant admin': (c, { extra }) => c.request('POST', '/role-grants', { person: extra.id, role: 'admin' }),
  'deactivate another person': (c, { extra }) => c.request('PATCH', `/people/${extra.id}`, { active: false }),

  'list imports of A account': (c, { s }) => c.request('GET', `/accounts/${s.accounts.a1Instagram}/imports`),
  'list imports of B account': (c, { s }) => c.request('GET', `/accounts/${s.accounts.bTiktok}/imports`),
  'read an import in A': (c, { imported }) => c.request('GET', `/imports/${imported.a}`),
  'read an import in B': (c, { imported }) => c.request('GET', `/imports/${imported.b}`),
  'download the file of an import in A': (c, { imported }) => c.request('GET', `/imports/${imported.a}/file`),
  'download the file of an import in B': (c, { imported }) => c.request('GET', `/imports/${imported.b}/file`),
  'read observations of A account': (c, { s }) => c.request('GET', `/accounts/${s.accounts.a1Instagram}/observations?metric=reach`),
  'read observations of B account': (c, { s }) => c.request('GET', `/accounts/${s.accounts.bTiktok}/observations`),
  'download the import template': (c) => c.request('GET', '/import-template.csv?platform=instagram'),
  'preview an import into A account': (c, { s }) => c.request('POST', `/accounts/${s.accounts.a1Instagram}/imports/preview`, ...multipart('a.csv', csvText('reach', '2026-03-01', 11))),
  'preview an import into B account': (c, { s }) => c.request('POST', `/accounts/${s.accounts.bTiktok}/imports/preview`, ...multipart('b.csv', csvText('views', '2026-03-01', 21))),
  'import a file into A account': (c, { s }) => c.request('POST', `/accounts/${s.accounts.a1Instagram}/imports`, ...multipart('a.csv', csvText('reach', '2026-03-01', 11))),
  'import a file into B account': (c, { s }) => c.request('POST', `/accounts/${s.accounts.bTiktok}/imports`, ...multipart('b.csv', csvText('views', '2026-03-01', 21))),
  'send JSON observations to A account': (c, { s }) =>
    c.request('POST', `/accounts/${s.accounts.a1Instagram}/observations`, { observations: [{ metric: 'reach', date: '2026-03-02', value: 12 }] }),
  'send CSV observations to A account': (c, { s }) =>
    c.request('POST', `/accounts/${s.accounts.a1Instagram}/observations`, csvText('reach', '2026-03-03', 13), { 'content-type': 'text/csv' }),
  'send JSON observations to B account': (c, { s }) =>
    c.request('POST', `/accounts/${s.accounts.bTiktok}/observations`, { observations: [{ metric: 'views', date: '2026-03-02', value: 22 }] }),
  'enter a month on A account': (c, { s }) => c.request('POST', `/accounts/${s.accounts.a1Instagram}/monthly-entries`, { month: '2026-02', values: [{ metric: 'hours_spent', value: 3 }] }),
  'enter a month on B account': (c, { s }) => c.request('POST', `/accounts/${s.accounts.bTiktok}/monthly-entries`, { month: '2026-02', values: [{ metric: 'hours_spent', value: 4 }] }),
  'undo an import in A': (c, { imported }) => c.request('POST', `/imports/${imported.a}/undo`),
  'undo an import in B': (c, { imported }) => c.request('POST', `/imports/${imported.b}/undo`),

  'list competitors': (c) => c.request('GET', '/competitors'),
  'list column mappings': (c) => c.request('GET', '/column-mappings'),
  'read a column mapping': (c, { mapping }) => c.request('GET', `/column-mappings/${mapping}`),
  'save a column mapping': (c) => c.request('POST', '/column-mappings', { name: 'Saved in the matrix', headers: ['Day', 'Plays'], mapping: mappingSpec('Day', 'Plays', 'tiktok') }),
  'edit a column mapping': (c, { mapping }) => c.request('PATCH', `/column-mappings/${mapping}`, { name: 'World mapping (renamed)' }),
  'delete a column mapping': (c, { mapping }) => c.request('DELETE', `/column-mappings/${mapping}`),
  'import with a new mapping into A': (c, { s }) =>
    c.request('POST', `/accounts/${s.accounts.a1Instagram}/imports`, ...mappedUpload('a.csv', 'Dag,Rekkevidde\n01.03.2026,7\n', mappingSpec('Dag', 'Rekkevidde', 'instagram', 'reach'), 'A mapping')),
  'import with a new mapping into B': (c, { s }) =>
    c.request('POST', `/accounts/${s.accounts.bTiktok}/imports`, ...mappedUpload('b.csv', 'Dag,Spilt\n01.03.2026,7\n', mappingSpec('Dag', 'Spilt', 'tiktok'), 'B mapping')),
  'read competitor in A subtree': (c, { competitor }) => c.request('GET', `/competitors/${competitor.a}`),
  'read competitor in B': (c, { competitor }) => c.request('GET', `/competitors/${competitor.b}`),
  'register competitor in A subtree': (c, { s }) => c.request('POST', '/competitors', { unit: s.units.departmentA1, name: 'Rival on YouTube', platform: 'youtube' }),
  'register competitor in B': (c, { s }) => c.request('POST', '/competitors', { unit: s.units.facultyB, name: 'B peer', platform: 'youtube', kind: 'peer' }),
  'edit competitor in A subtree': (c, { competitor }) => c.request('PATCH', `/competitors/${competitor.a}`, { note: 'Same applicants' }),
  'enter figures for competitor in A': (c, { competitor }) =>
    c.request('POST', `/competitors/${competitor.a}/figures`, { figures: [{ metric: 'followers', date: '2026-03-01', value: 1200 }] }),
  'enter figures for competitor in B': (c, { competitor }) =>
    c.request('POST', `/competitors/${competitor.b}/figures`, 'date,metric,value\n2026-03-01,followers,800\n', { 'content-type': 'text/csv' }),
  'read figures of competitor in A': (c, { competitor }) => c.request('GET', `/competitors/${competitor.a}/figures`),
  'share of voice of Faculty A': (c, { s }) => c.request('GET', `/share-of-voice?unit=${s.units.facultyA}&from=2026-01-01&to=2026-01-31`),
  'competitor target basis': (c) => c.request('GET', '/competitor-target-basis?metric=followers&platform=instagram'),
  'archive competitor in A subtree': (c, { competitor }) => c.request('POST', `/competitors/${competitor.a}/archive`),
  'read metric by unit, organisation': (c) => c.request('GET', '/dashboards/metric-by-unit?metric=reach&period=2026-Q1'),
  'read metric by unit of Faculty A': (c, { s }) => c.request('GET', `/dashboards/metric-by-unit?metric=reach&period=2026-01&unit=${s.units.facultyA}`),
  'read series of A account': (c, { s }) => c.request('GET', `/dashboards/accounts/${s.accounts.a1Instagram}/series?metric=reach&period=2026`),
  'read series of B account': (c, { s }) => c.request('GET', `/dashboards/accounts/${s.accounts.bTiktok}/series?metric=views&period=2026`),
  'read comparison of accounts': (c) => c.request('GET', '/dashboards/compare?metric=reach&period=2026-01&normalise=raw'),
  'read overview, organisation': (c) => c.request('GET', '/dashboards/overview'),
  'read overview of Faculty B': (c, { s }) => c.request('GET', `/dashboards/overview?unit=${s.units.facultyB}&period=2026-Q1`),
  'read dashboard of A account': (c, { s }) => c.request('GET', `/dashboards/accounts/${s.accounts.a1Instagram}`),
  'read dashboard of B account': (c, { s }) => c.request('GET', `/dashboards/accounts/${s.accounts.bTiktok}?period=2026-02`),
  'list evaluations': (c) => c.request('GET', '/evaluations'),
  'read evaluation in A': (c, { evaluation }) => c.request('GET', `/evaluations/${evaluation.a}`),
  'read evaluation in B': (c, { evaluation }) => c.request('GET', `/evaluations/${evaluation.b}`),
  'prepare evaluations': (c) => c.request('POST', '/evaluations/prepare', { month: '2026-04' }),
  'edit evaluation in A': (c, { evaluation }) => c.request('PATCH', `/evaluations/${evaluation.a}`, { assessment: 'Steady.', decision: 'keep' }),
  'edit evaluation in B': (c, { evaluation }) => c.request('PATCH', `/evaluations/${evaluation.b}`, { assessment: 'Steady.', decision: 'keep' }),
  'sign evaluation in A': (c, { evaluation }) => c.request('POST', `/evaluations/${evaluation.a}/sign`),
  'sign evaluation in B': (c, { evaluation }) => c.request('POST', `/evaluations/${evaluation.b}/sign`),
  'reopen evaluation in A': (c, { evaluation }) => c.request('POST', `/evaluations/${evaluation.a}/reopen`, { reason: 'Checked again.' }),
  'reopen evaluation in B': (c, { evaluation }) => c.request('POST', `/evaluations/${evaluation.b}/reopen`, { reason: 'Checked again.' }),
  'read annual report, organisation': (c) => c.request('GET', '/reports/annual?year=2025'),
  'read annual report of Faculty A': (c, { s }) => c.request('GET', `/reports/annual?year=2025&unit=${s.units.facultyA}`),
  'read annual report of B account': (c, { s }) => c.request('GET', `/reports/annual?year=2025&account=${s.accounts.bTiktok}`),
  'read monthly report of Faculty A': (c, { s }) => c.request('GET', `/reports/monthly?month=2026-03&unit=${s.units.facultyA}`),
  'read monthly report of B account': (c, { s }) => c.request('GET', `/reports/monthly?month=2026-03&account=${s.accounts.bTiktok}`),
  'list annual reports': (c) => c.request('GET', '/annual-reports?year=2025'),
  'read annual report in A': (c, { s }) => c.request('GET', `/annual-reports/${s.accounts.a1Instagram}/2025`),
  'read annual report in B': (c, { s }) => c.request('GET', `/annual-reports/${s.accounts.bTiktok}/2025`),
  'edit annual report in A': (c, { s }) => c.request('PATCH', `/annual-reports/${s.accounts.a1Instagram}/2025`, { decision: 'continue', reasoning: 'Worth it.' }),
  'edit annual report in B': (c, { s }) => c.request('PATCH', `/annual-reports/${s.accounts.bTiktok}/2025`, { decision: 'continue', reasoning: 'Worth it.' }),
  'sign annual report in A': (c, { s }) => c.request('POST', `/annual-reports/${s.accounts.a1Instagram}/2025/sign`),
  'sign annual report in B': (c, { s }) => c.request('POST', `/annual-reports/${s.accounts.bTiktok}/2025/sign`),
  'reopen annual report in A': (c, { s }) => c.request('POST', `/annual-reports/${s.accounts.a1Instagram}/2025/reopen`, { reason: 'Checked again.' }),
  'reopen annual report in B': (c, { s }) => c.request('POST', `/annual-reports/${s.accounts.bTiktok}/2025/reopen`, { reason: 'Checked again.' }),
  'list audit events': (c) => c.request('GET', '/audit-events'),
  'list audit events of Faculty A': (c, { s }) => c.request('GET', `/audit-events?unit=${s.units.facultyA}`),
  'list audit events of Faculty B': (c, { s }) => c.request('GET', `/audit-events?unit=${s.units.facultyB}`),
  'export audit events as CSV': (c) => c.request('GET', '/audit-events/export?format=csv'),
  'export audit events of Faculty B as XLSX': (c, { s }) => c.request('GET', `/audit-events/export?format=xlsx&unit=${s.units.facultyB}`),
  'list my notifications': (c) => c.request('GET', '/notifications'),
  'subscribe to the report of a unit in A': (c, { s }) => c.request('POST', '/me/report-subscriptions', { unit: s.units.departmentA1 }),
  'subscribe to the report of a unit in B': (c, { s }) => c.request('POST', '/me/report-subscriptions', { unit: s.units.facultyB }),
  'read my session': (c) => c.request('GET', '/auth/session'),
  'list my API tokens': (c) => c.request('GET', '/tokens'),
  'create and revoke my API token': async (c) => {
    const made = await c.request('POST', '/tokens', { name: 'Matrix script' });
    if (made.status !== 201) return made;
    const { id } = (await made.json()) as { id: string };
    return c.request('DELETE', `/tokens/${id}`);
  },
  'read my notification settings': (c) => c.request('GET', '/me/notification-settings'),
  'change my notification settings': (c) => c.request('PUT', '/me/notification-settings', { email: false }),
  'mark my notifications read': (c) => c.request('POST', '/notifications/read', { all: true }),
  'list my report subscriptions': (c) => c.request('GET', '/me/report-subscriptions'),
  'cancel my report subscription': async (c) => {
    const mine = await c.request('GET', '/me/report-subscriptions');
    if (mine.status !== 200) return mine;
    const [first] = ((await mine.json()) as { items: { id: string }[] }).items;
    return c.request('DELETE', `/me/report-subscriptions/${first?.id ?? crypto.randomUUID()}`);
  },
  'read my calendar feed': (c) => c.request('GET', '/me/calendar-feed'),
  'make my calendar feed': (c) => c.request('POST', '/me/calendar-feed'),
  'delete my calendar feed': (c) => c.request('DELETE', '/me/calendar-feed'),
  'change my password': (c) => c.request('POST', '/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-new-long-password-2026' }),
};

/** What an allowed statistics call must have done: a 200 that refused the file or wrote nothing would hide a failure. */
const statisticsOutcome: Partial<Record<Operation, (body: unknown) => void>> = {
  'preview an import into A account': (b) => assert.deepEqual((b as { files: { status: string }[] }).files.map((f) => f.status), ['ready']),
  'preview an import into B account': (b) => assert.deepEqual((b as { files: { status: string }[] }).files.map((f) => f.status), ['ready']),
  'import a file into A account': (b) => assert.deepEqual((b as { files: { status: string }[] }).files.map((f) => f.status), ['imported']),
  'import a file into B account': (b) => assert.deepEqual((b as { files: { status: string }[] }).files.map((f) => f.status), ['imported']),
  'send JSON observations to A account': (b) => assert.equal((b as { status: string }).status, 'imported'),
  'send CSV observations to A account': (b) => assert.equal((b as { status: string }).status, 'imported'),
  'send JSON observations to B account': (b) => assert.equal((b as { status: string }).status, 'imported'),
  'enter a month on A account': (b) => assert.equal((b as { status: string }).status, 'imported'),
  'enter a month on B account': (b) => assert.equal((b as { status: string }).status, 'imported'),
  'undo an import in A': (b) => assert.equal((b as { removed: number }).removed, 1),
  'undo an import in B': (b) => assert.equal((b as { removed: number }).removed, 1),
  'read observations of A account': (b) => assert.deepEqual((b as { date: string; value: number }[]).map((o) => [o.date, o.value]), [['2026-01-01', 5]]),
  'download the file of an import in A': (b) => assert.equal(b, csvText('reach', '2026-01-01', 5)),
};

/** The rows of a table as sorted JSON (statistics tables are compared by content, not by id). */
async function rowsOf(db: Db, table: typeof imports | typeof observations | typeof posts | typeof observationHistory | typeof audienceSnapshots | typeof storedFiles) {
  return (await db.select().from(table)).map((r) => JSON.stringify(r)).sort();
}

/** The units, accounts, people and grants, to check that a refused request changed nothing. */
async function snapshot(db: Db): Promise<string> {
  const competitorRows = async (table: typeof competitors | typeof competitorFigures | typeof competitorFigureHistory) =>
    (await db.select().from(table)).map((r) => JSON.stringify(r)).sort();
  const rivals = { c: await competitorRows(competitors), f: await competitorRows(competitorFigures), h: await competitorRows(competitorFigureHistory) };
  const [u, a, p, g] = await Promise.all([
    db.select().from(units).orderBy(asc(units.id)),
    db.select().from(accounts).orderBy(asc(accounts.id)),
    db.select({ id: people.id, name: people.name, email: people.email, active: people.active, passwordHash: people.passwordHash }).from(people).orderBy(asc(people.id)),
    db.select().from(roleGrants).orderBy(asc(roleGrants.id)),
  ]);
  const statistics = {
    imports: await rowsOf(db, imports),
    observations: await rowsOf(db, observations),
    posts: await rowsOf(db, posts),
    history: await rowsOf(db, observationHistory),
    audience: await rowsOf(db, audienceSnapshots),
    files: await rowsOf(db, storedFiles),
  };
  const evaluated = { e: (await db.select().from(evaluations)).map((r) => JSON.stringify(r)).sort(), ev: (await db.select().from(evaluationEvents)).length };
  const annual = { r: (await db.select().from(annualReports)).map((r) => JSON.stringify(r)).sort(), ev: (await db.select().from(annualReportEvents)).length };
  return JSON.stringify({ u, a, p, g, statistics, rivals, evaluated, annual });
}

async function buildWorld(db: Db): Promise<World> {
  const s = await seed(db);
  const make = async (name: string, parent: string) => (await createUnit(await s.system(), { name, parent })).id;
  const unit = {
    a2: await make('A2', s.units.facultyA),
    a3: await make('A3', s.units.facultyA),
    aMove: await make('A move', s.units.facultyA),
    aMoveOut: await make('A move out', s.units.facultyA),
    aTop: await make('A top', s.units.facultyA),
    b1: await make('B1', s.units.facultyB),
  };
  const extra = await createPerson(await s.system(), { name: 'Extra Person', email: 'extra@test.example' });
  const viewerOnA1 = await grantRole(await s.system(), { person: extra.id, role: 'viewer', unit: s.units.departmentA1 });
  const viewerOnB = await grantRole(await s.system(), { person: extra.id, role: 'viewer', unit: s.units.facultyB });
  const [admin] = await db.select().from(roleGrants).where(and(eq(roleGrants.role, 'admin'), eq(roleGrants.personId, s.people.admin.id)));
  const importOne = async (account: string, name: string, text: string) => {
    const { files } = await importFiles(await s.as('admin'), account, [{ name, bytes: new TextEncoder().encode(text) }]);
    assert.equal(files[0]!.status, 'imported', files[0]!.error ?? '');
    return files[0]!.importId!;
  };
  const imported = {
    a: await importOne(s.accounts.a1Instagram, 'world-a.csv', csvText('reach', '2026-01-01', 5)),
    b: await importOne(s.accounts.bTiktok, 'world-b.csv', csvText('views', '2026-01-01', 6)),
  };
  const competitor = {
    a: (await createCompetitor(await s.as('admin'), { unit: s.units.departmentA1, name: 'Rival A', platform: 'instagram' })).id,
    b: (await createCompetitor(await s.as('admin'), { unit: s.units.facultyB, name: 'Rival B', platform: 'tiktok' })).id,
  };
  const mapping = (await createColumnMapping(await s.as('admin'), { name: 'World mapping', headers: ['Dag', 'Visninger'], mapping: mappingSpec('Dag', 'Visninger', 'tiktok') as ColumnMappingCreate['mapping'] })).id;
  // In use since June 2025, so that 2025 (ended) has annual reports to write, sign and reopen.
  await db.update(accounts).set({ createdAt: new Date('2025-06-01T08:00:00Z') }).where(inArray(accounts.id, [s.accounts.a1Instagram, s.accounts.bTiktok]));
  await prepareEvaluations(await s.system(), { month: '2026-03' });
  const evaluationOf = async (account: string) => (await db.select().from(evaluations).where(eq(evaluations.accountId, account)))[0]!.id;
  const evaluation = { a: await evaluationOf(s.accounts.a1Instagram), b: await evaluationOf(s.accounts.bTiktok) };
  return { s, unit, extra: { id: extra.id, email: extra.email }, grant: { viewerOnA1: viewerOnA1.id, viewerOnB: viewerOnB.id, admin: admin!.id }, imported, competitor, evaluation, mapping };
}

forEachDatabase('authorisation matrix', (fresh) => {
  for (const caller of callers) {
    test(`${caller}: every operation gives the status of the policy table`, async () => {
      await using t = await fresh();
      const world = await buildWorld(t.db);
      const { signIn, anonymous } = testApp(t);
      const client = caller === 'anonymous' ? anonymous : await signIn(world.s.people[caller].email);
      await runPolicy<Operation>({
        caller,
        policy,
        call: (operation) => operations[operation](client, world),
        snapshot: () => snapshot(t.db),
        // A read-only operation that wrote anything would show up as a side effect of the next refusal.
        readOnly: (operation) => /^(list|read|download|preview|share|competitor target)\b/.test(operation),
        async onAllowed(operation, res) {
          const outcome = statisticsOutcome[operation];
          if (outcome) {
            const text = await res.text();
            outcome(operation.startsWith('download the file') ? text : JSON.parse(text));
            return true;
          }
          if (operation !== 'list accounts') return false;
          const ids = ((await res.json()) as { id: string }[]).map((a) => a.id).sort();
          const visible = visibleAccounts[caller as Exclude<Caller, 'anonymous'>].map((k) => world.s.accounts[k]).sort();
          assert.deepEqual(ids, visible, 'accounts listed');
          return true;
        },
      });
    });
  }
});

forEachDatabase('role grants: limits', (fresh) => {
  describe('the last administrator', () => {
    test('an administrator may remove another administrator, but never the last one', async () => {
      await using t = await fresh();
      const s = await seed(t.db);
      const { signIn } = testApp(t);
      const admin = await signIn(s.people.admin.email);
      const second = await admin.json<{ id: string }>('POST', '/role-grants', { person: s.people.viewer.email, role: 'admin' });
      assert.equal(second.status, 201);
      const other = await signIn(s.people.viewer.email);
      const [own] = await t.db.select().from(roleGrants).where(and(eq(roleGrants.role, 'admin'), eq(roleGrants.personId, s.people.admin.id)));

      assert.equal((await other.request('DELETE', `/role-grants/${own!.id}`)).status, 204);
      await expectProblem(await other.request('DELETE', `/role-grants/${second.body.id}`), 409, 'conflict');
      const admins = await t.db.select().from(roleGrants).where(eq(roleGrants.role, 'admin'));
      assert.deepEqual(admins.map((g) => g.personId), [s.people.viewer.id]);
    });

    test('an administrator who is deactivated does not count: the last active one cannot be removed', async () => {
      await using t = await fresh();
      const s = await seed(t.db);
      const { signIn } = testApp(t);
      const admin = await signIn(s.people.admin.email);
      assert.equal((await admin.request('POST', '/role-grants', { person: s.people.viewer.email, role: 'admin' })).status, 201);
      assert.equal((await admin.request('PATCH', `/people/${s.people.viewer.id}`, { active: false })).status, 200);
      const [own] = await t.db.select().from(roleGrants).where(and(eq(roleGrants.role, 'admin'), eq(roleGrants.personId, s.people.admin.id)));
      await expectProblem(await admin.request('DELETE', `/role-grants/${own!.id}`), 409, 'conflict');
      // The deactivated administrator's grant may go.
      const [theirs] = await t.db.select().from(roleGrants).where(and(eq(roleGrants.role, 'admin'), eq(roleGrants.personId, s.people.viewer.id)));
      assert.equal((await admin.request('DELETE', `/role-grants/${theirs!.id}`)).status, 204);
    });
  });

  test('a manager grants and revokes any unit role in their subtree, and nothing above or beside it', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn } = testApp(t);
    const manager = await signIn(s.people.manager.email);
    for (const role of ['manager', 'editor', 'reporter', 'evaluator', 'viewer']) {
      const res = await manager.json<{ id: string; unitId: string }>('POST', '/role-grants', { person: s.people.outsider.email, role, unit: s.units.departmentA1 });
      assert.equal(res.status, 201, role);
      assert.equal(res.body.unitId, s.units.departmentA1);
      assert.equal((await manager.request('DELETE', `/role-grants/${res.body.id}`)).status, 204, role);
    }
    await expectProblem(await manager.request('POST', '/role-grants', { person: s.people.outsider.email, role: 'admin' }), 403, 'forbidden');
    await expectProblem(await manager.request('POST', '/role-grants', { person: s.people.outsider.email, role: 'admin', unit: s.units.facultyA }), 400, 'validation_failed');
    await expectProblem(await manager.request('POST', '/role-grants', { person: s.people.outsider.email, role: 'viewer' }), 400, 'validation_failed');
    await expectProblem(await manager.request('POST', '/role-grants', { person: s.people.outsider.email, role: 'manager', unit: s.units.top }), 404, 'not_found');
    await expectProblem(await manager.request('POST', '/role-grants', { person: s.people.outsider.email, role: 'viewer', unit: s.units.facultyB }), 404, 'not_found');
    // The outsider's grant in Faculty B is out of reach.
    const [outsiderGrant] = await t.db.select().from(roleGrants).where(eq(roleGrants.personId, s.people.outsider.id));
    await expectProblem(await manager.request('DELETE', `/role-grants/${outsiderGrant!.id}`), 404, 'not_found');
  });

  test('granting the same role twice gives the existing grant', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn } = testApp(t);
    const admin = await signIn(s.people.admin.email);
    const first = await admin.json<{ id: string }>('POST', '/role-grants', { person: s.people.viewer.email, role: 'reporter', unit: s.units.facultyB });
    const again = await admin.json<{ id: string }>('POST', '/role-grants', { person: s.people.viewer.email, role: 'reporter', unit: s.units.facultyB });
    assert.equal(again.body.id, first.body.id);
    assert.equal((await t.db.select().from(roleGrants).where(eq(roleGrants.personId, s.people.viewer.id))).length, 2);
  });
});
