/**
 * Monthly evaluations over HTTP: the answers' shapes (validated with the contract) and the status
 * codes of every rule: bad input 400, not signed in 401, not allowed 403, not visible 404,
 * locked or in the wrong state 409. Who may do what per role is in roles-matrix.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inArray } from 'drizzle-orm';
import { EvaluationDetail, EvaluationList, EvaluationPrepareOut } from '../../contract/evaluations.ts';
import { accounts } from '../../db/schema/index.ts';
import { forEachDatabase } from '../../testing/database.ts';
import { seed } from '../../testing/seed.ts';
import { testApp } from '../../testing/http.ts';
import { expectProblem } from '../../testing/assertions.ts';

const NOW = new Date('2026-03-15T10:00:00Z');

forEachDatabase('evaluations API', (fresh) => {
  test('prepare, list, read, save, sign, reopen: the answers and their status codes', async () => {
    await using t = await fresh();
    const s = await seed(t.db, NOW);
    await t.db.update(accounts).set({ createdAt: new Date('2026-01-01T08:00:00Z') }).where(inArray(accounts.id, [s.accounts.a1Instagram, s.accounts.bTiktok]));
    const { signIn, anonymous } = testApp(t, { now: () => NOW });
    const evaluator = await signIn(s.people.evaluator.email);
    const manager = await signIn(s.people.manager.email);
    const viewer = await signIn(s.people.viewer.email);

    await expectProblem(await anonymous.request('GET', '/evaluations'), 401, 'unauthenticated');
    await expectProblem(await evaluator.request('POST', '/evaluations/prepare', { month: '2026-04' }), 400, 'validation_failed');
    await expectProblem(await evaluator.request('POST', '/evaluations/prepare', { month: '2026-4' }), 400, 'validation_failed');
    await expectProblem(await viewer.request('POST', '/evaluations/prepare', { month: '2026-02' }), 403, 'forbidden');
    const prepared = await evaluator.json('POST', '/evaluations/prepare', { month: '2026-02' });
    assert.equal(prepared.status, 200);
    assert.deepEqual(EvaluationPrepareOut.parse(prepared.body), { month: '2026-02', created: 1, existing: 0 });

    const list = await evaluator.json('GET', '/evaluations?unit=faculty-a&month=2026-02');
    assert.equal(list.status, 200);
    const body = EvaluationList.parse(list.body);
    assert.deepEqual([body.asOf, body.counts, body.items.map((i) => [i.account.slug, i.state, i.dueOn])], [
      '2026-03-15',
      { signed: 0, upcoming: 0, due: 1, overdue: 0 },
      [['a1-pa-instagram', 'due', '2026-03-15']],
    ]);
    const id = body.items[0]!.id;
    await expectProblem(await evaluator.request('GET', '/evaluations?state=late'), 400, 'validation_failed');
    await expectProblem(await evaluator.request('GET', '/evaluations?unit=no-such-unit'), 404, 'not_found');

    const read = await viewer.json('GET', `/evaluations/${id}`);
    assert.equal(read.status, 200);
    const draft = EvaluationDetail.parse(read.body);
    assert.deepEqual([draft.status, draft.figuresFrozen, draft.canWrite, draft.figures.month, draft.events.map((e) => e.action)], ['draft', false, false, '2026-02', ['prepared']]);
    await expectProblem(await viewer.request('GET', '/evaluations/not-an-id'), 400, 'validation_failed');
    await expectProblem(await viewer.request('GET', `/evaluations/${crypto.randomUUID()}`), 404, 'not_found');
    await expectProblem(await viewer.request('PATCH', `/evaluations/${id}`, { assessment: 'Mine.' }), 403, 'forbidden');

    await expectProblem(await evaluator.request('PATCH', `/evaluations/${id}`, { decision: 'drop' }), 400, 'validation_failed');
    const missing = await expectProblem(await evaluator.request('POST', `/evaluations/${id}/sign`), 400, 'validation_failed');
    assert.deepEqual(missing.issues?.map((i) => i.path).sort(), ['assessment', 'decision']);
    const saved = await evaluator.json('PATCH', `/evaluations/${id}`, { assessment: 'Stories carried the month.', decision: 'adjust_content', adjustment: 'More stories.' });
    assert.equal(saved.status, 200);
    assert.equal(EvaluationDetail.parse(saved.body).decision, 'adjust_content');

    await expectProblem(await manager.request('POST', `/evaluations/${id}/reopen`, { reason: 'Not yet signed.' }), 409, 'conflict');
    const signed = await evaluator.json('POST', `/evaluations/${id}/sign`);
    assert.equal(signed.status, 200);
    const signedBody = EvaluationDetail.parse(signed.body);
    assert.deepEqual([signedBody.status, signedBody.figuresFrozen, signedBody.signedBy?.name], ['signed', true, 'Evaluator Person']);
    await expectProblem(await evaluator.request('POST', `/evaluations/${id}/sign`), 409, 'conflict');
    await expectProblem(await evaluator.request('PATCH', `/evaluations/${id}`, { assessment: 'Changed.' }), 409, 'conflict');

    await expectProblem(await evaluator.request('POST', `/evaluations/${id}/reopen`, { reason: 'Typo.' }), 403, 'forbidden');
    await expectProblem(await manager.request('POST', `/evaluations/${id}/reopen`, { reason: '' }), 400, 'validation_failed');
    await expectProblem(await manager.request('POST', `/evaluations/${id}/reopen`, {}), 400, 'validation_failed');
    const reopened = await manager.json('POST', `/evaluations/${id}/reopen`, { reason: 'The adjustment needs a budget.' });
    assert.equal(reopened.status, 200);
    const reopenedBody = EvaluationDetail.parse(reopened.body);
    assert.deepEqual(
      reopenedBody.events.map((e) => [e.action, e.person?.name ?? null, e.reason]),
      [
        ['prepared', 'Evaluator Person', null],
        ['edited', 'Evaluator Person', null],
        ['signed', 'Evaluator Person', null],
        ['reopened', 'Manager Person', 'The adjustment needs a budget.'],
      ],
    );
    assert.deepEqual([reopenedBody.status, reopenedBody.canReopen], ['draft', false]);

    // The account page lists its evaluations through the same list; another unit's account is not found.
    const outsider = await signIn(s.people.outsider.email);
    await expectProblem(await outsider.request('GET', `/evaluations/${id}`), 404, 'not_found');
    await expectProblem(await outsider.request('GET', '/evaluations?account=a1-pa-instagram'), 404, 'not_found');
    const accountPage = EvaluationList.parse((await manager.json('GET', '/evaluations?account=a1-pa-instagram')).body);
    assert.deepEqual(accountPage.items.map((i) => i.id), [id]);
  });
});
