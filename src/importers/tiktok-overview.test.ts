import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tiktokOverviewImporter as imp } from './tiktok-overview.ts';
import { tiktokBusinessImporter } from './tiktok-business.ts';
import { daysFrom, detect, expectImportError, fixture, parse, renamed, synthetic, valueOf } from './fixture-files.ts';

const file = fixture('tiktok-studio/Overview.csv');
const lastDay = { lastDay: '2026-02-28' };

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const NB_MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

/** A 365-day TikTok Studio overview from 1 March 2024 to 28 February 2025 (views = day number). */
function yearFile(lang: 'en' | 'nb'): string {
  const header = lang === 'en' ? '"Date","Video Views","Profile Views","Likes","Comments","Shares"' : '"Dato","Videovisninger","Profilvisninger","Liker","Kommentarer","Delinger"';
  const rows = daysFrom('2024-03-01', 365).map((iso, i) => {
    const [, m, d] = iso.split('-').map(Number) as [number, number, number];
    const day = lang === 'en' ? `${EN_MONTHS[m - 1]} ${d}` : `${d}. ${NB_MONTHS[m - 1]}`;
    return `"${day}","${i + 1}","${i % 7}","undefined","0","${i % 3}"`;
  });
  return [header, ...rows].join('\n');
}

test('Overview.csv: values read by hand, years placed back from the last day across New Year', () => {
  const r = parse(imp, file, lastDay);
  assert.equal(r.platform, 'tiktok');
  assert.equal(r.kind, 'tiktok_overview');
  assert.equal(r.from, '2025-02-28');
  assert.equal(r.to, '2026-02-27');
  assert.equal(r.stats.rows, 365);
  assert.equal(r.stats.notMeasured, 0);
  // "December 31","9768","12","15","0","0" and "January 1","28710","23","13","0","0"
  assert.equal(valueOf(r, 'views', '2025-12-31'), 9768);
  assert.equal(valueOf(r, 'profile_views', '2025-12-31'), 12);
  assert.equal(valueOf(r, 'likes', '2025-12-31'), 15);
  assert.equal(valueOf(r, 'views', '2026-01-01'), 28710);
  assert.equal(valueOf(r, 'likes', '2026-01-01'), 13);
  // last row "February 27","18237","15","30","0","6"
  assert.equal(valueOf(r, 'views', '2026-02-27'), 18237);
  assert.equal(valueOf(r, 'shares', '2026-02-27'), 6);
  // a zero is a measured zero, not "not measured"
  assert.equal(valueOf(r, 'views', '2025-02-28'), 0);
  assert.deepEqual(
    r.columns.recognised.map((c) => c.metric),
    ['views', 'profile_views', 'likes', 'comments', 'shares'],
  );
  assert.deepEqual(r.columns.ignored, []);
  assert.equal(r.observations.length, 365 * 5);
});

test('lastDay may be the export last day itself or a later day within the year', () => {
  for (const day of ['2026-02-27', '2026-03-15', '2027-02-26']) {
    const r = parse(imp, file, { lastDay: day });
    assert.equal(r.to, '2026-02-27', day);
    assert.equal(r.from, '2025-02-28', day);
  }
  // a day before the last row's month/day puts the export a year earlier
  assert.equal(parse(imp, file, { lastDay: '2026-02-26' }).to, '2025-02-27');
});

test('without lastDay a year-less file is refused, never guessed', () => {
  expectImportError(() => parse(imp, file), { column: 'Date', reason: /no year/ });
});

test('a synthetic 365-day file crossing New Year, in English and bokmål', () => {
  for (const lang of ['en', 'nb'] as const) {
    const f = synthetic(`overview-${lang}.csv`, yearFile(lang), true);
    assert.equal(detect(imp, f)?.kind, 'tiktok_overview', lang);
    const r = parse(imp, f, { lastDay: '2025-03-01' });
    assert.equal(r.from, '2024-03-01', lang);
    assert.equal(r.to, '2025-02-28', lang);
    assert.equal(valueOf(r, 'views', '2024-12-31'), 306, lang);
    assert.equal(valueOf(r, 'views', '2025-01-01'), 307, lang);
    assert.equal(valueOf(r, 'views', '2025-02-28'), 365, lang);
    assert.equal(valueOf(r, 'likes', '2025-01-01'), undefined, lang); // `undefined`: not measured
    assert.equal(r.stats.notMeasured, 365, lang);
    assert.equal(r.observations.filter((o) => o.metric === 'views').length, 365, lang);
  }
});

test('detected by content: a renamed copy, but not the business export or other TikTok sections', () => {
  assert.equal(detect(imp, renamed(file, 'download.csv'))?.importer, 'tiktok-overview');
  assert.equal(detect(imp, fixture('tiktok-studio/Viewers.csv')), null);
  const business = synthetic('b.csv', 'Date,Video views,Reached audience,Profile views,Likes,Shares,Comments\n2026/05/10,10,8,1,2,0,0\n');
  assert.equal(detect(imp, business), null);
  assert.equal(detect(tiktokBusinessImporter, file), null);
});

test('damaged copies are refused with row and column', () => {
  const text = new TextDecoder().decode(file.bytes);
  // a spreadsheet turned a number into a date on the row of January 1 (line 309)
  const dated = text.replace('"January 1","28710"', '"January 1","12.05.2025"');
  expectImportError(() => parse(imp, synthetic('o.csv', dated), lastDay), { row: 309, column: 'Video Views', reason: /date/ });
  // cut off in the middle of the last row
  const lines = text.split('\n');
  const cut = lines.slice(0, -1).join('\n') + '\n"February 27","18237"';
  expectImportError(() => parse(imp, synthetic('o.csv', cut), lastDay), { row: 366, column: 'Profile Views', reason: /cut off/ });
  // cut inside a quoted field
  expectImportError(() => parse(imp, synthetic('o.csv', text.slice(0, text.length - 2)), lastDay), { row: 366 });
  // rows out of order cannot be placed in years
  const swapped = [lines[0], lines[2], lines[1], ...lines.slice(3)].join('\n');
  expectImportError(() => parse(imp, synthetic('o.csv', swapped), lastDay), { row: 3, column: 'Date', reason: /out of place/ });
  // a header with none of the columns
  expectImportError(() => parse(imp, synthetic('o.csv', '"Date","Something"\n"March 1","1"\n'), lastDay), { reason: /recognised/ });
});

test('a day listed twice is refused', () => {
  const text = new TextDecoder().decode(file.bytes);
  const lines = text.split('\n');
  const doubled = [...lines.slice(0, 3), lines[2], ...lines.slice(3)].join('\n');
  expectImportError(() => parse(imp, synthetic('o.csv', doubled), lastDay), { row: 4, column: 'Date', reason: /in order/ });
});
