import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { competitorMetrics } from '../contract/competitors.ts';
import { addMonths, monthEnd, monthStart } from '../core/period/days.ts';
import { competitors, people } from '../db/schema/index.ts';
import { forEachDatabase } from '../testing/database.ts';
import { loadPersonActor } from '../services/load-actor.ts';
import { getShareOfVoice } from '../services/competitors/get-share-of-voice.ts';
import { listFigures } from '../services/competitors/list-figures.ts';
import { suggestTargetsFor } from '../services/goals/target-suggestions.ts';
import { demoOrganisation } from './demo-organisation.ts';
import { demoCompetitorMonths, demoCompetitors, generateCompetitorFigures } from './demo-competitors.ts';
import { demoToday, generateStatistics } from './demo-statistics.ts';
import { loadDemo } from './load-demo.ts';

const NOW = new Date('2026-11-22T10:00:00Z');
const TODAY = demoToday(NOW);

test('the demo competitors: known units and platforms, unique slugs, figures for every whole month, deterministic', () => {
  const units = new Set<string>();
  const walk = (list: typeof demoOrganisation.units) => list.forEach((u) => (units.add(u.slug), walk(u.children ?? [])));
  walk(demoOrganisation.units);
  assert.equal(new Set(demoCompetitors.map((c) => c.slug)).size, demoCompetitors.length);
  for (const c of demoCompetitors) assert.ok(units.has(c.unit), `${c.slug}: unit ${c.unit}`);
  const months = demoCompetitorMonths(TODAY);
  assert.equal(months[0], '2025-10-01', 'the first whole month of the 425-day history');
  assert.equal(months.at(-1), '2026-10-01', 'the last whole month before today');
  for (const c of demoCompetitors) {
    const figures = generateCompetitorFigures(c, TODAY);
    assert.equal(figures.length, months.length * 4);
    for (const f of figures) assert.ok((competitorMetrics as readonly string[]).includes(f.metric) && f.value >= 0, `${c.slug} ${f.metric} ${f.date}`);
    assert.deepEqual(generateCompetitorFigures(c, TODAY), figures, 'the same day gives the same figures');
  }
  // Each entry and month has its own generator: entries do not share figures.
  const mentions = demoCompetitors.map((c) => generateCompetitorFigures(c, TODAY).find((f) => f.metric === 'mentions')!.value);
  assert.equal(new Set(mentions).size, mentions.length);
});

forEachDatabase('demo competitors', (fresh) => {
  test('the recruitment section\u2019s share of voice over a whole month is own / (own + competitors\u2019) mentions from the generated figures', async () => {
    await using t = await fresh();
    // Only the statistics the share needs: the recruitment section's TikTok account documents its mentions.
    const slug = 'studier-tiktok';
    const data = { ...demoOrganisation, statistics: { [slug]: demoOrganisation.statistics[slug]! }, strategicGoals: [], goals: [] };
    await loadDemo(t.db, { now: NOW, data });

    const month = monthStart(addMonths(TODAY, -1)); // 2026-10-01
    const from = month;
    const to = monthEnd(month);
    const own = generateStatistics(slug, 'tiktok', data.statistics[slug], TODAY)
      .observations.filter((o) => o.metric === 'mentions' && !o.postId && o.date >= from && o.date <= to)
      .reduce((sum, o) => sum + o.value, 0);
    const rivals = demoCompetitors.filter((c) => c.unit === 'studentrekruttering');
    const theirs = rivals.map((c) => generateCompetitorFigures(c, TODAY).find((f) => f.metric === 'mentions' && f.date === month.slice(0, 7))!.value);
    const competitorTotal = theirs.reduce((a, b) => a + b, 0);
    assert.ok(own > 0 && competitorTotal > 0);

    // As the section's editor and reporter (who registered the entries and entered their figures).
    const [sofie] = await t.db.select({ id: people.id }).from(people).where(eq(people.email, 'sofie.karlsen@nordvik.example'));
    const actor = await loadPersonActor(t.db, sofie!.id);
    const ctx = { db: t.db, now: NOW, actor: actor! };
    const sov = await getShareOfVoice(ctx, { unit: 'studentrekruttering', from, to });
    assert.equal(sov.own.mentions, own);
    assert.equal(sov.competitorMentions, competitorTotal);
    assert.deepEqual(sov.competitors.map((c) => c.name).sort(), rivals.map((c) => c.name).sort(), 'only the section\u2019s own entries, not the business school\u2019s');
    assert.ok(sov.share !== null && Math.abs(sov.share - (own / (own + competitorTotal)) * 100) < 1e-9, `share ${sov.share}`);
    assert.ok(sov.share > 5 && sov.share < 60, `a believable share: ${sov.share}`);

    // Entered by the unit's reporter.
    const rows = await t.db.select().from(competitors);
    assert.equal(rows.length, demoCompetitors.length);
    const figures = await listFigures(ctx, 'sorfjord-studier-instagram', { metric: 'mentions' });
    assert.equal(figures.length, demoCompetitorMonths(TODAY).length);
    assert.equal(figures[0]?.enteredBy?.name, 'Sofie Karlsen');

    // Competitors' values as a target basis for the recruitment section's Instagram account.
    const suggestions = await suggestTargetsFor(ctx, 'studier-instagram', 'followers', 'at_deadline');
    assert.equal(suggestions.competitors?.values.length, 3);
    const latest = rivals
      .filter((c) => c.platform === 'instagram')
      .map((c) => generateCompetitorFigures(c, TODAY).filter((f) => f.metric === 'followers').at(-1)!.value)
      .sort((a, b) => a - b);
    assert.equal(suggestions.competitors?.median, latest[1]);
  });
});
