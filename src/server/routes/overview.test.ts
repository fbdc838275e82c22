/**
 * GET /dashboards/overview and GET /dashboards/accounts/{account} over HTTP on both databases
 * (the organisation of services/dashboards/overview-world.ts): answers that parse as the contract
 * says, slugs and ids alike, 400 for a period that is not whole months, 404 for units and
 * accounts the caller may not read, 401 without a session.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../testing/database.ts';
import { FIXED_NOW } from '../../testing/seed.ts';
import { testApp } from '../../testing/http.ts';
import { expectProblem } from '../../testing/assertions.ts';
import { AccountDashboardOut, OverviewOut } from '../../contract/overview.ts';
import { findAccount } from '../../services/lookup.ts';
import { overviewWorld } from '../../services/dashboards/overview-world.ts';

forEachDatabase('overview routes', (fresh) => {
  test('overview and account dashboard: contract shapes, by id or slug; 400, 401 and 404', async () => {
    await using t = await fresh();
    const w = await overviewWorld(t.db);
    const { signIn, anonymous } = testApp(t, { now: () => FIXED_NOW });
    const admin = await signIn(w.s.people.admin.email);

    const org = await admin.json<OverviewOut>('GET', '/dashboards/overview');
    assert.equal(org.status, 200);
    const o = OverviewOut.parse(org.body);
    assert.deepEqual([o.asOf, o.totals.accounts, o.attentionTotal, o.totals.counts.missed], ['2026-03-15', 4, 4, 1]);
    const q1 = OverviewOut.parse((await admin.json('GET', `/dashboards/overview?unit=${w.s.units.facultyA}&period=2026-Q1`)).body);
    assert.deepEqual([q1.asOf, q1.periods.period.start, q1.scope.unit?.name, q1.accounts.length], ['2026-03-15', '2026-01-01', 'Faculty A', 2]);
    const jan = OverviewOut.parse((await admin.json('GET', '/dashboards/overview?period=2026-01')).body);
    assert.equal(jan.asOf, '2026-01-31');
    assert.equal(jan.totals.counts.not_measured, 12, 'before the goals start every KPI is not measured');

    const slug = (await findAccount(t.db, w.s.organisationId, w.a1))!.slug;
    const byId = await admin.json<AccountDashboardOut>('GET', `/dashboards/accounts/${w.a1}?period=2026-03`);
    const bySlug = await admin.json<AccountDashboardOut>('GET', `/dashboards/accounts/${slug}`);
    assert.equal(byId.status, 200);
    assert.deepEqual(AccountDashboardOut.parse(bySlug.body), AccountDashboardOut.parse(byId.body));
    assert.deepEqual(byId.body.counts, { met: 1, on_track: 2, at_risk: 1, missed: 1, not_measured: 1 });

    await expectProblem(await admin.request('GET', '/dashboards/overview?period=2026-03-02..2026-03-09'), 400, 'validation_failed');
    await expectProblem(await admin.request('GET', '/dashboards/overview?period=soon'), 400);
    await expectProblem(await admin.request('GET', '/dashboards/overview?unit=no-such-unit'), 404, 'not_found');
    await expectProblem(await admin.request('GET', '/dashboards/accounts/no-such-account'), 404, 'not_found');

    const viewer = await signIn(w.s.people.viewer.email);
    const v = OverviewOut.parse((await viewer.json('GET', '/dashboards/overview')).body);
    assert.deepEqual(v.children.map((c) => c.unit.name), ['Faculty A']);
    await expectProblem(await viewer.request('GET', `/dashboards/overview?unit=${w.s.units.facultyB}`), 404, 'not_found');
    await expectProblem(await viewer.request('GET', `/dashboards/accounts/${w.b}`), 404, 'not_found');
    assert.equal((await viewer.request('GET', `/dashboards/accounts/${w.a1}`)).status, 200);

    await expectProblem(await anonymous.request('GET', '/dashboards/overview'), 401);
    await expectProblem(await anonymous.request('GET', `/dashboards/accounts/${w.a1}`), 401);
  });
});
