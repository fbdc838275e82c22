import { test } from 'node:test';
import assert from 'node:assert/strict';
import { and, asc, eq, isNotNull, isNull } from 'drizzle-orm';
import { forEachDatabase } from '../../testing/database.ts';
import { seed } from '../../testing/seed.ts';
import { expectAppError } from '../../testing/assertions.ts';
import { audienceSnapshots, observations, posts } from '../../db/schema/index.ts';
import { CHUNK, recordObservations } from './record-observations.ts';

forEachDatabase('recording statistics', (fresh) => {
  test('values are upserted on (account, metric, day, post): recording twice changes nothing, a correction replaces', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const reporter = await s.as('reporter');
    const input = {
      observations: [
        { metric: 'followers', date: '2026-03-01', value: 1000 },
        { metric: 'followers', date: '2026-03-02', value: 1004 },
        { metric: 'link_clicks', date: '2026-03-01', value: 12 },
        { metric: 'sessions', date: '2026-03-01', value: 7 },
        { metric: 'likes', date: '2026-03-02', value: 30, postId: 'p1' },
        { metric: 'reach', date: '2026-03-02', value: 900, postId: 'p1' },
      ],
      posts: [{ platformPostId: 'p1', date: '2026-03-01', postType: 'reel', excerpt: 'Hei' }],
      audience: [{ date: '2026-03-01', ageDistribution: { '18-24': 41.5, '25-34': 30 } }],
    };
    const first = await recordObservations(reporter, s.accounts.a1Instagram, input);
    const { importId, ...firstCounts } = first;
    assert.ok(importId);
    assert.deepEqual(firstCounts, {
      accountId: s.accounts.a1Instagram,
      observations: 6,
      posts: 1,
      audience: 1,
      counts: { added: 6, changed: 0, unchanged: 0, posts: 1, audience: 1 },
    });
    const again = await recordObservations(reporter, s.accounts.a1Instagram, input);
    assert.equal(again.observations, 6);
    assert.equal(again.importId, null, 'nothing changed, so no import is recorded');
    assert.deepEqual(again.counts, { added: 0, changed: 0, unchanged: 6, posts: 0, audience: 0 });

    const rows = await t.db.select().from(observations).where(eq(observations.accountId, s.accounts.a1Instagram)).orderBy(asc(observations.metric), asc(observations.day));
    assert.equal(rows.length, 6, 'no duplicates after recording twice');
    assert.equal((await t.db.select().from(posts)).length, 1);
    assert.equal((await t.db.select().from(audienceSnapshots)).length, 1);
    const [post] = await t.db.select().from(posts);
    const perPost = rows.filter((r) => r.postId !== null);
    assert.deepEqual(perPost.map((r) => [r.metric, r.postId]).sort(), [['likes', post!.id], ['reach', post!.id]]);
    assert.equal(post!.publishedOn, '2026-03-01');
    assert.equal(post!.postType, 'reel');

    // A correction of one value, and a per-post value naming a post stored earlier.
    await recordObservations(reporter, 'a1-pa-instagram', {
      observations: [
        { metric: 'followers', date: '2026-03-02', value: 1010 },
        { metric: 'followers', date: '2026-03-02', value: 1011 },
        { metric: 'likes', date: '2026-03-02', value: 35, postId: 'p1' },
      ],
      audience: [{ date: '2026-03-01', ageDistribution: { '18-24': 45 } }],
    }, 'import');
    const followers = await t.db
      .select()
      .from(observations)
      .where(and(eq(observations.metric, 'followers'), eq(observations.day, '2026-03-02'), isNull(observations.postId)));
    assert.equal(followers.length, 1);
    assert.equal(followers[0]!.value, 1011, 'the later value in the input wins');
    assert.equal(followers[0]!.source, 'import');
    const likes = await t.db.select().from(observations).where(and(eq(observations.metric, 'likes'), isNotNull(observations.postId)));
    assert.deepEqual(likes.map((r) => r.value), [35]);
    const [snap] = await t.db.select().from(audienceSnapshots);
    assert.deepEqual(snap!.ageDistribution, { '18-24': 45 });
  });

  test('large batches are written in chunks', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const ctx = await s.as('editor');
    const start = Date.UTC(2024, 0, 1);
    const day = (i: number) => new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    const list = Array.from({ length: CHUNK + 250 }, (_, i) => ({ metric: 'reach', date: day(i), value: i }));
    const result = await recordObservations(ctx, s.accounts.a1Instagram, { observations: list }, 'demo');
    assert.equal(result.observations, CHUNK + 250);
    assert.equal((await t.db.select().from(observations)).length, CHUNK + 250);
  });

  test('metrics the platform does not provide, unknown metrics and negative values are refused, naming them; nothing is written', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const ctx = await s.as('editor');
    await assert.rejects(
      recordObservations(ctx, s.accounts.a1Instagram, {
        observations: [
          { metric: 'followers', date: '2026-03-01', value: 10 },
          { metric: 'reactions', date: '2026-03-01', value: 5 },
          { metric: 'reactions', date: '2026-03-02', value: 5 },
        ],
      }),
      (e: Error & { code?: string; issues?: { path: string }[] }) => {
        assert.equal(e.code, 'validation_failed');
        assert.match(e.message, /Instagram does not provide "reactions"/);
        assert.deepEqual(e.issues!.map((i) => i.path), ['observations[1].metric'], 'reported once');
        return true;
      },
    );
    await expectAppError(
      recordObservations(ctx, s.accounts.a1Instagram, { observations: [{ metric: 'engagement_rate_reach', date: '2026-03-01', value: 5 }] }),
      'validation_failed',
      ['observations[0].metric'],
    );
    await expectAppError(
      recordObservations(ctx, s.accounts.a1Instagram, { observations: [{ metric: 'likes', date: '2026-03-01', value: -1 }] }),
      'validation_failed',
      ['observations[0].value'],
    );
    await expectAppError(
      recordObservations(ctx, s.accounts.a1Instagram, { observations: [{ metric: 'likes', date: '2026-02-30', value: 1 }] }),
      'validation_failed',
    );
    await expectAppError(
      recordObservations(ctx, s.accounts.a1Instagram, { observations: [{ metric: 'likes', date: '2026-03-01', value: 1, postId: 'nope' }] }),
      'validation_failed',
      ['observations.postId'],
    );
    await expectAppError(
      recordObservations(ctx, s.accounts.a1Instagram, { audience: [{ date: '2026-03-01', ageDistribution: { '18-24': 80, '25-34': 40 } }] }),
      'validation_failed',
      ['audience[0].ageDistribution'],
    );
    // Manual and web-analytics metrics may be documented for any platform.
    await recordObservations(ctx, s.accounts.a1Instagram, {
      observations: [
        { metric: 'applicants', date: '2026-03-01', value: 4 },
        { metric: 'sessions', date: '2026-03-01', value: 40 },
      ],
    });
    assert.equal((await t.db.select().from(observations)).length, 2, 'the refused calls wrote nothing');
  });

  test('reporters, editors and managers of the unit may document; viewers may not; other units do not see the account', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const one = { observations: [{ metric: 'followers', date: '2026-03-01', value: 1 }] };
    for (const who of ['reporter', 'editor', 'manager', 'admin'] as const) {
      await recordObservations(await s.as(who), s.accounts.a1Instagram, one);
    }
    await expectAppError(recordObservations(await s.as('viewer'), s.accounts.a1Instagram, one), 'forbidden');
    await expectAppError(recordObservations(await s.as('evaluator'), s.accounts.a1Instagram, one), 'forbidden');
    await expectAppError(recordObservations(await s.as('outsider'), s.accounts.a1Instagram, one), 'not_found');
    await expectAppError(recordObservations(await s.as('reporter'), s.accounts.bTiktok, one), 'not_found');
    await expectAppError(recordObservations(await s.as('reporter'), 'no-such-account', one), 'not_found');
    // The outsider is an editor in Faculty B and may document its TikTok account.
    await recordObservations(await s.as('outsider'), s.accounts.bTiktok, one);
  });
});
