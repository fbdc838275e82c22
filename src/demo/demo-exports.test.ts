import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFile } from '../importers/registry.ts';
import type { Platform } from '../core/platforms.ts';
import { demoOrganisation } from './demo-organisation.ts';
import { generateStatistics } from './demo-statistics.ts';
import { demoExports } from './demo-exports.ts';

const TODAY = '2026-11-22';

/** Reads the demo's export files back with the importers: every value, post and snapshot as generated, nothing more. */
function readBack(slug: string, platform: Platform, today: string) {
  const stats = generateStatistics(slug, platform, demoOrganisation.statistics[slug]!, today);
  const exports = demoExports(slug, platform, stats, today);
  const values = new Map<string, number>();
  const posts = new Map<string, string>();
  const audience: { date: string; ageDistribution: Record<string, number> }[] = [];
  const importers = new Set<string>();
  for (const imp of exports.imports) {
    for (const file of imp.files) {
      const parsed = parseFile(file, { platform, lastDay: imp.lastDay });
      importers.add(parsed.importer);
      for (const o of parsed.observations) {
        const key = `${o.metric}|${o.date}|${o.postId ?? ''}`;
        assert.ok(!values.has(key), `${slug}: ${key} in two files`);
        values.set(key, o.value);
      }
      for (const p of parsed.posts) posts.set(p.platformPostId, p.date);
      for (const a of parsed.audience) audience.push({ date: a.date, ageDistribution: a.ageDistribution });
    }
  }
  return { stats, exports, values, posts, audience: [...audience, ...exports.audience], importers };
}

test('the demo export files read back to exactly the generated statistics, through the importers', () => {
  const seen = new Set<string>();
  for (const account of demoOrganisation.accounts) {
    if (!demoOrganisation.statistics[account.slug]) continue;
    const r = readBack(account.slug, account.platform, TODAY);
    for (const i of r.importers) seen.add(i);
    const expected = new Map(r.stats.observations.map((o) => [`${o.metric}|${o.date}|${o.postId ?? ''}`, o.value]));
    assert.equal(r.values.size, expected.size, `${account.slug}: as many values`);
    for (const [key, value] of expected) assert.equal(r.values.get(key), value, `${account.slug}: ${key}`);
    assert.deepEqual(new Map(r.stats.posts.map((p) => [p.platformPostId, p.date])), r.posts, `${account.slug}: the posts, with their days`);
    assert.deepEqual(
      r.audience.map((a) => [a.date, a.ageDistribution]).sort(),
      r.stats.audience.map((a) => [a.date, a.ageDistribution]).sort(),
      `${account.slug}: the audience snapshots`,
    );
  }
  assert.deepEqual([...seen].sort(), ['maalbar-template', 'meta-audience', 'tiktok-overview', 'x-overview']);
});

test('a TikTok account has an Overview.csv of its last 365 days and an X account an overview; every account a template', () => {
  const tiktok = readBack('studier-tiktok', 'tiktok', '2027-01-10');
  const overview = tiktok.exports.imports[0]!.files.find((f) => f.name === 'Overview.csv')!;
  const lines = new TextDecoder().decode(overview.bytes).trim().split('\n');
  assert.equal(lines.length, 366, 'a header and 365 days');
  assert.equal(lines[0], '"Date","Video Views","Profile Views","Likes","Comments","Shares"');
  assert.match(lines.at(-1)!, /^"January 9",/, 'ends the day before today, without a year');
  const x = readBack('nordvik-x', 'x', TODAY);
  assert.ok(x.exports.imports[0]!.files.some((f) => f.name === 'account_overview_analytics.csv'));
  const facebook = readBack('nordvik-facebook', 'facebook', TODAY);
  assert.ok(facebook.exports.imports.length > 5, 'audience files, one per snapshot');
  assert.equal(facebook.exports.audience.length, 0);
  const threads = readBack('nordvik-threads', 'threads', TODAY);
  assert.equal(threads.exports.imports.length, 1);
  assert.ok(threads.exports.audience.length > 0, 'snapshots without an export layout are returned');
});

test('every import file of an account is a different file (the same file is imported only once)', () => {
  for (const account of demoOrganisation.accounts) {
    if (!demoOrganisation.statistics[account.slug]) continue;
    const stats = generateStatistics(account.slug, account.platform, demoOrganisation.statistics[account.slug]!, TODAY);
    const texts = demoExports(account.slug, account.platform, stats, TODAY).imports.flatMap((i) => i.files.map((f) => Buffer.from(f.bytes).toString('base64')));
    assert.equal(new Set(texts).size, texts.length, account.slug);
  }
});
