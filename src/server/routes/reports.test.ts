/**
 * Reports and annual reports over HTTP: the answers' shapes (validated with the contract), the
 * downloads (content type, file name, no caching; a PDF that is a PDF), and the status codes:
 * a bad year or month 400 as problem+json, not signed in 401, not allowed 403, not visible 404,
 * locked or in the wrong state 409. Who may do what per role is in roles-matrix.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inArray } from 'drizzle-orm';
import { AnnualAccountReport, AnnualReport, AnnualReportList, MonthlyReport } from '../../contract/reports.ts';
import { accounts } from '../../db/schema/index.ts';
import { forEachDatabase } from '../../testing/database.ts';
import { seed } from '../../testing/seed.ts';
import { testApp } from '../../testing/http.ts';
import { expectProblem } from '../../testing/assertions.ts';

/** 20 January 2026: the reports on 2025 are due. */
const NOW = new Date('2026-01-20T10:00:00Z');

forEachDatabase('reports API', (fresh) => {
  test('annual reports: list, read, save, sign, reopen, with their status codes', async () => {
    await using t = await fresh();
    const s = await seed(t.db, NOW);
    await t.db.update(accounts).set({ createdAt: new Date('2025-03-01T08:00:00Z') }).where(inArray(accounts.id, [s.accounts.a1Instagram, s.accounts.bTiktok]));
    const { signIn, anonymous } = testApp(t, { now: () => NOW });
    const evaluator = await signIn(s.people.evaluator.email);
    const manager = await signIn(s.people.manager.email);
    const viewer = await signIn(s.people.viewer.email);

    await expectProblem(await anonymous.request('GET', '/annual-reports?year=2025'), 401, 'unauthenticated');
    const badYear = await expectProblem(await viewer.request('GET', '/annual-reports?year=25'), 400, 'validation_failed');
    assert.deepEqual(badYear.issues?.map((i) => i.path), ['year']);
    await expectProblem(await viewer.request('GET', '/annual-reports'), 400, 'validation_failed');

    const list = await viewer.json('GET', '/annual-reports?year=2025&unit=faculty-a');
    assert.equal(list.status, 200);
    const listed = AnnualReportList.parse(list.body);
    assert.deepEqual([listed.counts, listed.items.map((i) => [i.account.slug, i.state, i.id])], [{ signed: 0, upcoming: 0, due: 1, overdue: 0 }, [['a1-pa-instagram', 'due', null]]]);

    const path = '/annual-reports/a1-pa-instagram/2025';
    const read = await viewer.json('GET', path);
    assert.equal(read.status, 200);
    assert.deepEqual(pick(AnnualAccountReport.parse(read.body)), [null, 'draft', 'due', false, false]);
    await expectProblem(await viewer.request('GET', '/annual-reports/a1-pa-instagram/2024'), 400, 'validation_failed');
    await expectProblem(await viewer.request('GET', '/annual-reports/a1-pa-instagram/20x5'), 400, 'validation_failed');
    await expectProblem(await viewer.request('GET', '/annual-reports/b-on-tiktok/2025'), 404, 'not_found');

    await expectProblem(await viewer.request('PATCH', path, { decision: 'continue' }), 403, 'forbidden');
    await expectProblem(await evaluator.request('PATCH', path, { decision: 'maybe' }), 400, 'validation_failed');
    await expectProblem(await evaluator.request('POST', `${path}/sign`), 400, 'validation_failed');
    const saved = await evaluator.json('PATCH', path, { decision: 'continue', reasoning: 'Reach grew.' });
    assert.equal(saved.status, 200);
    assert.deepEqual(pick(AnnualAccountReport.parse(saved.body)).slice(1), ['draft', 'due', false, true]);
    const signed = await evaluator.json('POST', `${path}/sign`);
    assert.equal(signed.status, 200);
    assert.deepEqual(pick(AnnualAccountReport.parse(signed.body)).slice(1), ['signed', 'signed', true, false]);
    await expectProblem(await evaluator.request('PATCH', path, { reasoning: 'Again.' }), 409, 'conflict');
    await expectProblem(await evaluator.request('POST', `${path}/reopen`, { reason: 'Mine.' }), 403, 'forbidden');
    await expectProblem(await manager.request('POST', `${path}/reopen`, {}), 400, 'validation_failed');
    const reopened = await manager.json('POST', `${path}/reopen`, { reason: 'Checked again.' });
    assert.equal(reopened.status, 200);
    const body = AnnualAccountReport.parse(reopened.body);
    assert.deepEqual([body.status, body.events.map((e) => e.action)], ['draft', ['edited', 'signed', 'reopened']]);
    await expectProblem(await manager.request('POST', `${path}/reopen`, { reason: 'Twice.' }), 409, 'conflict');
  });

  test('reports as JSON and as files: content types, file names, no caching, a PDF; bad periods are problems', async () => {
    await using t = await fresh();
    const s = await seed(t.db, NOW);
    await t.db.update(accounts).set({ createdAt: new Date('2025-03-01T08:00:00Z') }).where(inArray(accounts.id, [s.accounts.a1Instagram, s.accounts.bTiktok]));
    const { signIn, anonymous } = testApp(t, { now: () => NOW });
    const viewer = await signIn(s.people.viewer.email);
    const outsider = await signIn(s.people.outsider.email);

    await expectProblem(await anonymous.request('GET', '/reports/annual?year=2025'), 401, 'unauthenticated');
    const annual = await viewer.json('GET', '/reports/annual?year=2025&unit=faculty-a');
    assert.equal(annual.status, 200);
    const report = AnnualReport.parse(annual.body);
    assert.deepEqual([report.scope.kind, report.accounts.map((a) => a.account.slug), report.byUnit.map((u) => u.unit.slug)], ['unit', ['a1-pa-instagram'], ['department-a1']]);
    const monthly = await viewer.json('GET', '/reports/monthly?month=2025-04&account=a1-pa-instagram');
    assert.equal(monthly.status, 200);
    assert.deepEqual(MonthlyReport.parse(monthly.body).missing.map((a) => a.slug), ['a1-pa-instagram']);

    for (const [query, path] of [
      ['year=2025-01', '/reports/annual'],
      ['year=', '/reports/annual'],
      ['month=2025-13', '/reports/monthly'],
      ['month=2025', '/reports/monthly'],
    ] as const) {
      const problem = await expectProblem(await viewer.request('GET', `${path}?${query}`), 400, 'validation_failed');
      assert.deepEqual(problem.issues?.map((i) => i.path), [query.split('=')[0]], query);
    }
    await expectProblem(await viewer.request('GET', '/reports/annual?year=2025&format=docx'), 400, 'validation_failed');
    await expectProblem(await viewer.request('GET', '/reports/annual?year=2025&lang=de'), 400, 'validation_failed');
    await expectProblem(await outsider.request('GET', '/reports/annual?year=2025&unit=faculty-a&format=pdf'), 404, 'not_found');
    await expectProblem(await outsider.request('GET', '/reports/monthly?month=2025-04&account=a1-pa-instagram'), 404, 'not_found');

    const files = [
      ['/reports/annual?year=2025&unit=faculty-a&format=pdf', 'application/pdf', 'maalbar-annual-2025-faculty-a.pdf'],
      ['/reports/annual?year=2025&account=a1-pa-instagram&format=html&lang=en', 'text/html; charset=utf-8', 'maalbar-annual-2025-a1-pa-instagram.html'],
      ['/reports/annual?year=2025&format=xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'maalbar-annual-2025-organisation.xlsx'],
      ['/reports/monthly?month=2025-04&format=csv', 'text/csv; charset=utf-8', 'maalbar-monthly-2025-04-organisation.csv'],
      ['/reports/monthly?month=2025-04&unit=faculty-a&format=pdf&lang=en', 'application/pdf', 'maalbar-monthly-2025-04-faculty-a.pdf'],
    ] as const;
    for (const [path, type, name] of files) {
      const res = await viewer.request('GET', path);
      assert.equal(res.status, 200, path);
      assert.equal(res.headers.get('content-type'), type, path);
      assert.equal(res.headers.get('content-disposition'), `attachment; filename="${name}"`, path);
      assert.equal(res.headers.get('cache-control'), 'no-store', path);
      const bytes = new Uint8Array(await res.arrayBuffer());
      assert.ok(bytes.length > 100, path);
      if (type === 'application/pdf') assert.equal(new TextDecoder().decode(bytes.slice(0, 5)), '%PDF-', path);
      if (type.startsWith('text/html')) assert.match(new TextDecoder().decode(bytes), /A1 på Instagram/);
      // An XLSX is a ZIP.
      if (type.includes('spreadsheetml')) assert.deepEqual([...bytes.slice(0, 2)], [0x50, 0x4b]);
    }
  });
});

function pick(r: AnnualAccountReport) {
  return [r.id, r.status, r.state, r.figuresFrozen, r.canWrite] as const;
}
