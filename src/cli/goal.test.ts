/**
 * `maalbar goal list | show` and `maalbar kpi` as child processes on the demo organisation, on a
 * fresh embedded database (and on a fresh PostgreSQL database when TEST_DATABASE_URL is set).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cliDatabase, cliDatabaseKinds, maalbar, maalbarJson as json, type CliDatabase } from '../testing/cli.ts';
import type { AccountKpis, GoalDetail, GoalOut } from '../contract/goals.ts';
import { demoGoals } from '../demo/demo-goals.ts';

for (const kind of cliDatabaseKinds) {
  describe(`maalbar goal and kpi [${kind}]`, () => {
    let db: CliDatabase;
    let cwd = '';
    let env: Record<string, string> = {};

    before(async () => {
      db = await cliDatabase(kind, 'goal-cli');
      cwd = db.cwd;
      env = kind === 'postgres' ? db.env : { MAALBAR_DATA_DIR: join(cwd, 'data-demo') };
      const loaded = await maalbar(['demo', '--load-only', '--json'], { env, cwd });
      assert.equal(loaded.code, 0, loaded.stderr);
    });

    after(() => db.dispose());

    test('goal list, goal show and kpi print the demo goals and their KPIs; "not measured" is null', async () => {
      const all = await json<GoalOut[]>(['goal', 'list'], { env, cwd });
      assert.equal(all.length, demoGoals.length);
      const drafts = await json<GoalOut[]>(['goal', 'list', '--status', 'draft'], { env, cwd });
      assert.equal(drafts.length, demoGoals.filter((g) => g.status === 'draft').length);
      assert.ok(drafts.every((g) => g.status === 'draft'));
      const studier = await json<GoalOut[]>(['goal', 'list', '--unit', 'studentrekruttering', '--status', 'active'], { env, cwd });
      assert.deepEqual(
        new Set(studier.flatMap((g) => g.accounts.map((a) => a.slug))),
        new Set(['studier-instagram', 'studier-tiktok', 'studier-snapchat', 'studier-facebook']),
      );
      const [recruiting] = await json<GoalOut[]>(['goal', 'list', '--account', 'studier-instagram'], { env, cwd });
      assert.equal(recruiting!.goalType, 'recruiting');

      const detail = await json<GoalDetail>(['goal', 'show', recruiting!.id], { env, cwd });
      assert.equal(detail.id, recruiting!.id);
      assert.ok(detail.kpis.length >= 3);
      assert.equal(detail.evaluations.length, detail.kpis.length, 'one evaluation per KPI (one account)');
      assert.deepEqual(detail.smart.items.map((i) => i.letter), ['specific', 'measurable', 'attainable', 'relevant', 'time_bound']);
      const clicks = detail.kpis.find((k) => k.metric === 'link_clicks')!;
      assert.equal(clicks.target, 2000);
      assert.equal(clicks.targetBasis, 'competitors');
      const share = detail.kpis.find((k) => k.kind === 'audience_share')!;
      assert.deepEqual([share.target, share.ageGroups], [60, ['18-24']]);

      const text = await maalbar(['goal', 'show', recruiting!.id, '--at', detail.startDate!], { env, cwd });
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /^Flere førsteprioritetssøkere til bachelorprogrammene$/m);
      assert.match(text.stdout, /SMART/);
      assert.match(text.stdout, new RegExp(`KPIs as of ${detail.startDate}`));
      assert.match(text.stdout, /Link clicks per post ≥ 2,000/);
      assert.match(text.stdout, /Audience share 18-24 at the deadline ≥ 60 %/);

      const kpis = await json<AccountKpis>(['kpi', '--account', 'studier-instagram'], { env, cwd });
      assert.equal(kpis.length, detail.kpis.length);
      for (const r of kpis) {
        assert.equal(r.goal.id, recruiting!.id);
        assert.ok(['met', 'on_track', 'at_risk', 'missed', 'not_measured'].includes(r.evaluation.status));
        assert.ok(r.evaluation.actual === null || typeof r.evaluation.actual === 'number');
        assert.equal(r.evaluation.target, r.kpi.target);
        assert.ok('progress' in r.evaluation && 'pace' in r.evaluation);
      }
      const measured = kpis.find((r) => r.kpi.metric === 'link_clicks')!.evaluation;
      assert.ok(measured.actual !== null && measured.actual > 0, 'link clicks per post are measured');

      // Before the statistics begin, nothing is measured: null, not 0.
      const early = await json<AccountKpis>(['kpi', '--account', 'studier-instagram', '--at', '2020-01-01'], { env, cwd });
      assert.ok(early.every((r) => r.evaluation.status === 'not_measured' && r.evaluation.actual === null));
      const gap = await json<AccountKpis>(['kpi', '--account', 'havlab-threads'], { env, cwd });
      assert.ok(gap.length >= 3 && gap.every((r) => r.evaluation.status === 'not_measured' && r.evaluation.actual === null));

      const table = await maalbar(['kpi', '--account', 'havlab-threads'], { env, cwd });
      assert.equal(table.code, 0, table.stderr);
      assert.match(table.stdout, /not measured/);
      assert.doesNotMatch(table.stdout, /\s0\s+not measured/);
    });

    test('bad input is refused with a clear message and a non-zero exit code', async () => {
      const badDay = await maalbar(['kpi', '--account', 'studier-instagram', '--at', '2026-02-30'], { env, cwd });
      assert.equal(badDay.code, 2);
      assert.match(badDay.stderr, /--at: not a day of the calendar/);
      const badFormat = await maalbar(['goal', 'show', '00000000-0000-4000-8000-000000000000', '--at', '22.11.2026'], { env, cwd });
      assert.equal(badFormat.code, 2);
      assert.match(badFormat.stderr, /--at: expected a date as YYYY-MM-DD/);
      const noGoal = await maalbar(['goal', 'show', '00000000-0000-4000-8000-000000000000'], { env, cwd });
      assert.equal(noGoal.code, 3);
      assert.match(noGoal.stderr, /No such goal/);
      const noAccount = await maalbar(['kpi', '--account', 'no-such-account'], { env, cwd });
      assert.equal(noAccount.code, 3);
      const badStatus = await maalbar(['goal', 'list', '--status', 'done'], { env, cwd });
      assert.equal(badStatus.code, 2);
      assert.match(badStatus.stderr, /--status: "done" is not allowed; choose one of: draft, active/);
    });
  });
}
