/**
 * The real `maalbar` command line as child processes, on a fresh embedded database (and on a
 * fresh PostgreSQL database too when TEST_DATABASE_URL is set). Each process costs about a second,
 * so the tests batch several commands, and run them in parallel where they only read or fail.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliDatabase, cliDatabaseKinds, maalbar, maalbarJson as json, type CliDatabase } from '../testing/cli.ts';
import { platforms } from '../core/platforms.ts';
import { startTestServer } from '../../e2e/server.ts';
import { demoOrganisation } from '../demo/demo-organisation.ts';

for (const kind of cliDatabaseKinds) {
  describe(`maalbar CLI [${kind}]`, () => {
    let db: CliDatabase;
    let cwd = '';
    /** The environment that reaches the demo's database after `demo` has loaded it. */
    let env: Record<string, string> = {};
    /** The environment `demo` itself runs with. */
    let demoEnv: Record<string, string> = {};

    before(async () => {
      db = await cliDatabase(kind, 'cli');
      cwd = db.cwd;
      if (kind === 'postgres') {
        env = demoEnv = db.env;
      } else {
        // Neither DATABASE_URL nor MAALBAR_DATA_DIR: the demo uses ./data-demo.
        demoEnv = {};
        env = { MAALBAR_DATA_DIR: join(cwd, 'data-demo') };
      }
    });

    after(() => db.dispose());

    test('demo --load-only loads the demo once; unit and account lists show it', async () => {
      const loaded = await json<{ status: string; counts: { units: number; accounts: number }; signIn: { role: string; email: string }[] }>(
        ['demo', '--load-only'],
        { env: demoEnv, cwd },
      );
      assert.equal(loaded.status, 'loaded');
      assert.equal(loaded.counts.accounts, demoOrganisation.accounts.length);
      assert.equal(loaded.signIn.length, 6);
      if (kind === 'pglite') {
        assert.ok(existsSync(join(cwd, 'data-demo')), 'the demo has its own data directory');
        assert.ok(!existsSync(join(cwd, 'data')), 'and leaves ./data alone');
      }

      const again = await maalbar(['demo', '--load-only'], { env: demoEnv, cwd });
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stdout, /already in .*not loaded again/);

      // The embedded database is locked by each command, so commands run one after another.
      const unitList = await json<{ slug: string; parentId: string | null }[]>(['unit', 'list'], { env, cwd });
      assert.equal(unitList.length, loaded.counts.units);
      assert.equal(unitList.filter((u) => u.parentId === null).length, 1);
      assert.equal(unitList[0]!.slug, demoOrganisation.slug, 'depth first: the top unit comes first');

      const tree = await maalbar(['unit', 'list'], { env, cwd });
      assert.equal(tree.code, 0, tree.stderr);
      assert.match(tree.stdout, /^Universitetet i Nordvik\s+universitetet-i-nordvik\s+organisation$/m);
      assert.match(tree.stdout, /^ {2}Det humanistiske fakultet\s+hf\s+faculty$/m);
      assert.match(tree.stdout, /^ {4}Institutt for språk og litteratur\s+isl\s+department$/m);

      const all = await json<{ platform: string }[]>(['account', 'list'], { env, cwd });
      assert.equal(all.length, demoOrganisation.accounts.length);
      assert.deepEqual(new Set(all.map((a) => a.platform)), new Set(platforms));
      const hfTiktok = await json<{ slug: string }[]>(['account', 'list', '--unit', 'hf', '--platform', 'tiktok', '--status', 'active'], { env, cwd });
      const hfUnits = new Set(['hf', 'isl', 'iha']);
      assert.deepEqual(
        hfTiktok.map((a) => a.slug).sort(),
        demoOrganisation.accounts.filter((a) => hfUnits.has(a.unit) && a.platform === 'tiktok' && (a.status ?? 'active') === 'active').map((a) => a.slug).sort(),
      );
      assert.ok(hfTiktok.length > 0);
    });

    test('create commands print the new object with its slug; show, grant and reset-password work', async () => {
      const person = await json<{ email: string; hasPassword: boolean; grants: unknown[] }>(
        ['user', 'create', '--email', 'Kari.Nordmann@nordvik.example', '--name', 'Kari Nordmann'],
        { env, cwd },
      );
      assert.equal(person.email, 'kari.nordmann@nordvik.example');
      assert.equal(person.hasPassword, false);

      const withoutPassword = await maalbar(['user', 'create', '--email', 'ola@nordvik.example', '--name', 'Ola Uten Passord'], { env, cwd });
      assert.equal(withoutPassword.code, 0, withoutPassword.stderr);
      assert.match(withoutPassword.stdout, /Created Ola Uten Passord <ola@nordvik\.example>/);
      assert.match(withoutPassword.stderr, /no password yet.*reset-password/);

      const admin = await json<{ hasPassword: boolean; grants: { role: string }[] }>(
        ['user', 'create', '--email', 'admin2@nordvik.example', '--name', 'Ny Admin', '--password', 'a-long-password', '--admin', '--locale', 'en'],
        { env, cwd },
      );
      assert.equal(admin.hasPassword, true);
      assert.deepEqual(admin.grants.map((g) => g.role), ['admin']);

      const unit = await json<{ slug: string; kind: string; parentId: string | null }>(
        ['unit', 'create', '--name', 'Institutt for matematikk og statistikk', '--parent', 'nt'],
        { env, cwd },
      );
      assert.equal(unit.slug, 'institutt-for-matematikk-og-statistikk');
      assert.equal(unit.kind, 'department');
      const centre = await maalbar(['unit', 'create', '--name', 'Senter for samisk språk', '--kind', 'centre', '--slug', 'samisk'], { env, cwd });
      assert.equal(centre.code, 0, centre.stderr);
      assert.match(centre.stdout, /Created unit Senter for samisk språk \(slug samisk, centre\)/);

      const account = await json<{ slug: string; platform: string; handle: string; url: string; targetAgeGroups: string[]; plannedHoursPerMonth: number }>(
        [
          'account', 'create', '--unit', unit.slug, '--platform', 'instagram', '--name', 'Matte i Nordvik',
          '--handle', 'matteinordvik', '--url', 'https://www.instagram.com/matteinordvik/', '--age-groups', '18-24,25-34', '--hours', '7,5',
        ],
        { env, cwd },
      );
      assert.equal(account.slug, 'matte-i-nordvik-instagram');
      assert.deepEqual(account.targetAgeGroups, ['18-24', '25-34']);
      assert.equal(account.plannedHoursPerMonth, 7.5);

      const granted = await json<{ role: string }>(['grant', '--email', 'kari.nordmann@nordvik.example', '--role', 'reporter', '--unit', unit.slug], { env, cwd });
      assert.equal(granted.role, 'reporter');

      const shown = await json<{ slug: string; unit: { slug: string }; reporters: { email: string; fromUnitId: string }[]; evaluators: { email: string }[] }>(
        ['account', 'show', account.slug],
        { env, cwd },
      );
      assert.equal(shown.unit.slug, unit.slug);
      assert.ok(shown.reporters.some((r) => r.email === 'kari.nordmann@nordvik.example'), 'the new reporter, named on the unit');
      assert.ok(shown.reporters.some((r) => r.email === 'ida.johansen@nordvik.example'), "the faculty's reporter, inherited");
      assert.ok(shown.evaluators.length > 0);

      const reset = await json<{ email: string; password: string }>(['user', 'reset-password', '--email', 'kari.nordmann@nordvik.example'], { env, cwd });
      assert.equal(reset.email, 'kari.nordmann@nordvik.example');
      assert.ok(reset.password.length >= 20, 'a generated, strong password is printed once');
      const chosen = await maalbar(['user', 'reset-password', '--email', 'ola@nordvik.example', '--password', 'my-secret-password-1'], { env, cwd });
      assert.equal(chosen.code, 0, chosen.stderr);
      assert.doesNotMatch(chosen.stdout + chosen.stderr, /my-secret-password-1/, 'a given password is never printed');

      const list = await maalbar(['user', 'list'], { env, cwd });
      assert.equal(list.code, 0, list.stderr);
      assert.match(list.stdout, /^Kari Nordmann\s+kari\.nordmann@nordvik\.example\s+reporter @ institutt-for-matematikk-og-statistikk$/m);
      assert.match(list.stdout, /^Ola Uten Passord\s+ola@nordvik\.example\s+-$/m, 'ola now has a password');
      assert.equal(list.stdout.trim().split('\n').length, 1 + demoOrganisation.people.length + 3);
    });

    test('bad input and missing things: a message on stderr and a non-zero exit code', async () => {
      // Invalid input is caught before the database is opened, so these may run in parallel.
      // So may a command on another, empty database (./data, when the demo is in ./data-demo).
      const [platform, platformJson, role, email, empty] = await Promise.all([
        maalbar(['account', 'create', '--unit', 'hf', '--platform', 'myspace', '--name', 'X'], { env, cwd }),
        maalbar(['account', 'create', '--unit', 'hf', '--platform', 'myspace', '--name', 'X', '--json'], { env, cwd }),
        maalbar(['grant', '--email', 'jonas.berg@nordvik.example', '--role', 'boss', '--unit', 'hf'], { env, cwd }),
        maalbar(['user', 'create', '--email', 'not-an-address', '--name', 'X', '--password', 'short'], { env, cwd }),
        kind === 'pglite' ? maalbar(['unit', 'list'], { env: {}, cwd }) : null,
      ]);
      if (empty) {
        assert.equal(empty.code, 7);
        assert.match(empty.stderr, /No organisation exists yet .*The demo's data is in \.\/data-demo; to use it, set MAALBAR_DATA_DIR=data-demo/);
      }
      assert.equal(platform.code, 2);
      assert.equal(platform.stdout, '');
      assert.match(platform.stderr, /--platform: "myspace" is not allowed; choose one of: facebook, instagram, linkedin, tiktok, youtube, x, threads, snapchat/);
      assert.equal(platformJson.code, 2);
      assert.equal(JSON.parse(platformJson.stderr).error.code, 'validation_failed');
      assert.equal(role.code, 2);
      assert.match(role.stderr, /--role: "boss" is not allowed; choose one of: admin, manager/);
      assert.equal(email.code, 2);
      assert.match(email.stderr, /--email: not a valid e-mail address/);
      assert.match(email.stderr, /--password: at least 10 characters/);
      assert.doesNotMatch(email.stderr, /short/, 'the password itself is not echoed');

      const missing = await maalbar(['account', 'show', 'finnes-ikke'], { env, cwd });
      assert.equal(missing.code, 3);
      assert.match(missing.stderr, /No such account/);
      const noUnit = await maalbar(['account', 'create', '--unit', 'finnes-ikke', '--platform', 'x', '--name', 'X'], { env, cwd });
      assert.equal(noUnit.code, 3);
      assert.match(noUnit.stderr, /No unit "finnes-ikke"/);
      const taken = await maalbar(['user', 'create', '--email', 'jonas.berg@nordvik.example', '--name', 'Jonas Berg'], { env, cwd });
      assert.equal(taken.code, 4);
      assert.match(taken.stderr, /already exists/);
    });
  });
}

describe('maalbar CLI and a running server', () => {
  test('every command on a data directory a server holds exits non-zero with "in use"; the server keeps working', async () => {
    const server = await startTestServer({ env: { LOG_LEVEL: 'warn' } });
    try {
      const env = { MAALBAR_DATA_DIR: server.dataDir };
      const cwd = server.dataDir;
      const runs = await Promise.all([
        maalbar(['unit', 'list'], { env, cwd }),
        maalbar(['account', 'list', '--json'], { env, cwd }),
        maalbar(['account', 'create', '--unit', 'x', '--platform', 'instagram', '--name', 'Y'], { env, cwd }),
        maalbar(['user', 'reset-password', '--email', 'someone@nordvik.example'], { env, cwd }),
        maalbar(['demo', '--load-only'], { env, cwd }),
      ]);
      for (const r of runs) {
        assert.equal(r.code, 6, r.stderr);
        assert.match(r.stderr, /is in use by another Målbar process \(pid \d+, \\?"maalbar serve/);
        assert.equal(r.stdout, '');
      }
      assert.equal(JSON.parse(runs[1]!.stderr).error.code, 'database_locked');

      const lock = JSON.parse(readFileSync(join(server.dataDir, 'maalbar.lock'), 'utf8')) as { command: string };
      assert.equal(lock.command, 'maalbar serve', 'the server still holds its lock');
      const ready = await fetch(`${server.url}/readyz`);
      assert.equal(ready.status, 200);
      const setup = await fetch(`${server.url}/api/v1/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ organisationName: 'Låstesten', adminName: 'Ada Admin', email: 'ada@nordvik.example', password: 'a-long-password' }),
      });
      assert.ok(setup.ok, `the server can still write: ${setup.status} ${await setup.text()}\n${server.output()}`);
    } finally {
      await server.stop();
    }
  });
});
