import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tiktokFollowersImporter as imp } from './tiktok-followers.ts';
import { detect, expectImportError, fixture, parse, renamed, synthetic, valueOf } from './fixture-files.ts';

const file = fixture('tiktok-studio/FollowerHistory.csv');
const lastDay = { lastDay: '2026-02-28' };

test('FollowerHistory.csv: followers per day read by hand; the difference is stored as the net change, never as new followers', () => {
  const r = parse(imp, file, lastDay);
  assert.equal(r.kind, 'tiktok_follower_history');
  assert.equal(r.from, '2025-02-28');
  assert.equal(r.to, '2026-02-27');
  // "March 24","undefined","0" is not measured; "March 25","37","0"; "March 26","152","115"
  assert.equal(valueOf(r, 'followers', '2025-03-24'), undefined);
  assert.equal(valueOf(r, 'followers', '2025-03-25'), 37);
  assert.equal(valueOf(r, 'followers', '2025-03-26'), 152);
  // "December 31","4996","1" → "January 1","4993","-3"
  assert.equal(valueOf(r, 'followers', '2025-12-31'), 4996);
  assert.equal(valueOf(r, 'followers', '2026-01-01'), 4993);
  assert.equal(valueOf(r, 'followers', '2026-02-27'), 5013);
  assert.equal(r.stats.notMeasured, 25);
  assert.ok(!r.observations.some((o) => o.metric === 'new_followers'));
  // the difference: "March 26",…,"115"; "January 1",…,"-3"; "July 21","3060","-4"; "March 24","undefined","0"
  assert.equal(valueOf(r, 'net_followers', '2025-03-26'), 115);
  assert.equal(valueOf(r, 'net_followers', '2026-01-01'), -3);
  assert.equal(valueOf(r, 'net_followers', '2025-07-21'), -4);
  assert.equal(valueOf(r, 'net_followers', '2025-03-24'), 0);
  assert.equal(r.observations.filter((o) => o.metric === 'net_followers').length, 365);
  assert.deepEqual(r.columns.recognised, [
    { header: 'Followers', metric: 'followers' },
    { header: 'Difference in followers from previous day', metric: 'net_followers' },
  ]);
  assert.deepEqual(r.columns.ignored, []);
  assert.deepEqual(r.warnings, []);
});

test('detected by content, renamed; bokmål headers', () => {
  assert.equal(detect(imp, renamed(file, 'a.csv'))?.kind, 'tiktok_follower_history');
  assert.equal(detect(imp, fixture('tiktok-studio/Overview.csv')), null);
  const nb = synthetic('f.csv', '"Dato","Følgere","Forskjell i følgere fra forrige dag"\n"30. desember","100","2"\n"31. desember","99","-1"\n');
  const r = parse(imp, nb, { lastDay: '2026-01-05' });
  assert.equal(valueOf(r, 'followers', '2025-12-31'), 99);
  assert.equal(valueOf(r, 'net_followers', '2025-12-31'), -1);
});

test('damaged copies are refused with row and column', () => {
  const text = new TextDecoder().decode(file.bytes);
  const bad = text.replace('"March 26","152","115"', '"March 26","2025-03-26","115"');
  expectImportError(() => parse(imp, synthetic('f.csv', bad), lastDay), { row: 28, column: 'Followers', reason: /date/ });
  const cut = text.split('\n').slice(0, 40).join('\n') + '\n"April 9"';
  expectImportError(() => parse(imp, synthetic('f.csv', cut), lastDay), { row: 41, column: 'Followers' });
});

test('a bokmål copy re-saved as Windows-1252 with semicolons is still read', () => {
  const text = 'Dato;Følgere;Forskjell i følgere fra forrige dag\r\n30. desember;1 200;2\r\n31. desember;1 199;-1\r\n1. januar;undefined;0\r\n';
  const f = { name: 'følgere.csv', bytes: new Uint8Array(Buffer.from(text, 'latin1')) };
  assert.equal(detect(imp, f)?.kind, 'tiktok_follower_history');
  const r = parse(imp, f, { lastDay: '2026-01-02' });
  assert.equal(valueOf(r, 'followers', '2025-12-30'), 1200);
  assert.equal(valueOf(r, 'followers', '2025-12-31'), 1199);
  assert.equal(valueOf(r, 'followers', '2026-01-01'), undefined);
  assert.equal(r.stats.notMeasured, 1);
});
