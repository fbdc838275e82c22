import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDatabase } from '../../testing/database.ts';
import { seed } from '../../testing/seed.ts';
import { TargetSuggestions } from '../../contract/goals.ts';
import { createCompetitor } from '../competitors/create-competitor.ts';
import { recordFigures } from '../competitors/record-figures.ts';
import { archiveCompetitor } from '../competitors/archive-competitor.ts';
import { competitorBasisFor, suggestTargetsFor } from './target-suggestions.ts';

test('which KPIs competitors\u2019 figures can inform', () => {
  assert.deepEqual(competitorBasisFor('followers', 'at_deadline'), { metric: 'followers', monthlyOnly: false });
  assert.deepEqual(competitorBasisFor('followers', 'per_day'), { metric: 'followers', monthlyOnly: false });
  assert.deepEqual(competitorBasisFor('engagement_rate_post', 'per_month'), { metric: 'engagement_rate', monthlyOnly: false });
  assert.deepEqual(competitorBasisFor('mentions', 'per_month'), { metric: 'mentions', monthlyOnly: true });
  assert.deepEqual(competitorBasisFor('video_views', 'per_month'), { metric: 'video_views', monthlyOnly: true });
  assert.equal(competitorBasisFor('engagement_rate_post', 'per_post'), null, 'not per post');
  assert.equal(competitorBasisFor('comments', 'per_post'), null, 'not per post');
  assert.equal(competitorBasisFor('mentions', 'over_period'), null, 'a sum only against a per-month KPI');
  assert.equal(competitorBasisFor('engagement_rate_reach', 'per_month'), null, 'competitors\u2019 reach is not public');
  assert.equal(competitorBasisFor('link_clicks', 'per_month'), null, 'not a public figure');
});

forEachDatabase('target suggestions: competitors', (fresh) => {
  test('the latest figures of the unit\u2019s competitors on the platform and their median', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const editor = await s.as('editor');
    const admin = await s.as('admin');
    const ig = s.accounts.a1Instagram; // in Department A1, below Faculty A
    const rival = async (unit: string, name: string, platform: 'instagram' | 'tiktok', figures: { metric: 'followers' | 'engagement_rate' | 'mentions'; date: string; value: number }[]) => {
      const c = await createCompetitor(admin, { unit, name, platform });
      if (figures.length > 0) await recordFigures(admin, c.id, { figures });
      return c;
    };
    // Faculty A (the unit above the account's): an older and a newer follower count.
    const r1 = await rival(s.units.facultyA, 'Rival One', 'instagram', [
      { metric: 'followers', date: '2026-01-05', value: 1000 },
      { metric: 'followers', date: '2026-02-10', value: 1500 },
      { metric: 'engagement_rate', date: '2026-01', value: 3.2 },
      { metric: 'mentions', date: '2026-01', value: 100 },
    ]);
    // Department A1 (the account's own unit).
    const r2 = await rival(s.units.departmentA1, 'Rival Two', 'instagram', [
      { metric: 'followers', date: '2026-02-01', value: 3000 },
      { metric: 'engagement_rate', date: '2026-02-03', value: 4 },
      { metric: 'mentions', date: '2026-01', value: 90 },
      { metric: 'mentions', date: '2026-02', value: 120 },
    ]);
    // Only a day's mentions: no monthly total to compare with.
    await rival(s.units.facultyA, 'Rival Three', 'instagram', [{ metric: 'mentions', date: '2026-02-20', value: 9 }]);
    // Left out: another platform, another faculty, archived, and one without figures.
    await rival(s.units.facultyA, 'Rival TikTok', 'tiktok', [{ metric: 'followers', date: '2026-02-01', value: 99_999 }]);
    await rival(s.units.facultyB, 'Rival of B', 'instagram', [{ metric: 'followers', date: '2026-02-01', value: 7 }]);
    const gone = await rival(s.units.facultyA, 'Rival Gone', 'instagram', [{ metric: 'followers', date: '2026-02-01', value: 1_000_000 }]);
    await archiveCompetitor(admin, gone.id);
    await rival(s.units.facultyA, 'Rival Empty', 'instagram', []);

    const followers = TargetSuggestions.parse(await suggestTargetsFor(editor, ig, 'followers', 'at_deadline'));
    assert.deepEqual(followers.competitors, {
      values: [
        { competitorId: r2.id, name: 'Rival Two', value: 3000, day: '2026-02-01' },
        { competitorId: r1.id, name: 'Rival One', value: 1500, day: '2026-02-10' },
      ],
      median: 2250,
    });
    // The own-history and internal suggestions are still there (here: too few values, so notes).
    assert.equal(followers.notes.length, 2);

    const rate = await suggestTargetsFor(editor, ig, 'engagement_rate_post', 'per_month');
    assert.deepEqual(rate.competitors?.values.map((v) => [v.name, v.value, v.day]), [
      ['Rival Two', 4, '2026-02-03'],
      ['Rival One', 3.2, '2026-01-01'],
    ]);
    assert.equal(rate.competitors?.median, 3.6);

    // Monthly totals: each competitor's latest month; a day's figure does not count.
    const mentions = await suggestTargetsFor(editor, ig, 'mentions', 'per_month');
    assert.deepEqual(mentions.competitors?.values.map((v) => [v.name, v.value, v.day]), [
      ['Rival Two', 120, '2026-02-01'],
      ['Rival One', 100, '2026-01-01'],
    ]);
    assert.equal(mentions.competitors?.median, 110);

    // KPIs that competitors' figures cannot inform.
    assert.equal((await suggestTargetsFor(editor, ig, 'mentions', 'over_period')).competitors, null);
    assert.equal((await suggestTargetsFor(editor, ig, 'engagement_rate_post', 'per_post')).competitors, null);
    assert.equal((await suggestTargetsFor(editor, ig, 'link_clicks', 'per_month')).competitors, null);
    // A unit without competitors on the platform: null, not an empty median.
    assert.equal(TargetSuggestions.parse(await suggestTargetsFor(admin, s.accounts.bTiktok, 'followers', 'at_deadline')).competitors, null);
  });
});
