// The print-ready HTML: one self-contained document, every text escaped (post texts and
// assessments may hold markup), print CSS for A4, the charts as inline SVG, both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderReport } from './render-report.ts';
import { accountAnnualFixture, HOSTILE, unitAnnualFixture } from './report-fixtures.ts';
import { monthlyFixture } from './report-fixtures-monthly.ts';
import { escapeHtml } from './report-html.ts';

const html = async (...args: Parameters<typeof renderReport>) => {
  const out = await renderReport(...args);
  assert.equal(out.contentType, 'text/html; charset=utf-8');
  return new TextDecoder().decode(out.body);
};

test('hostile text is escaped: no script element, no live link, the text still readable', async () => {
  for (const report of [accountAnnualFixture(), unitAnnualFixture(), monthlyFixture()]) {
    const page = await html(report, 'html', 'nb');
    assert.doesNotMatch(page, /<script/i, 'no script element at all');
    assert.ok(!page.includes(HOSTILE.script));
    assert.ok(page.includes(escapeHtml(HOSTILE.script)), 'shown as text');
    assert.ok(page.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(page.includes(escapeHtml(HOSTILE.formula)));
    assert.doesNotMatch(page, /<a\s/i, 'links are text only');
    assert.doesNotMatch(page, /\son(load|error|click)\s*=/i, 'no event handler attributes');
    assert.match(page, /Content-Security-Policy" content="default-src 'none'/);
  }
  // text inside the charts' SVG (a metric's name in a chart title and legend) is escaped as well
  const report = accountAnnualFixture();
  const metric = report.accounts[0]!.figures.metrics[0]!;
  report.accounts[0]!.figures.metrics[0] = { ...metric, name: { nb: `${HOSTILE.script}<img src=x onerror=alert(1)>`, en: HOSTILE.script } };
  const charted = await html(report, 'html', 'nb');
  assert.doesNotMatch(charted, /<script|<img/i);
  assert.ok(charted.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
});

test('print CSS: A4 pages, @media print, a page per account, repeated table headers', async () => {
  const report = unitAnnualFixture();
  const page = await html(report, 'html', 'nb');
  assert.match(page, /^<!doctype html>/);
  assert.match(page, /<html lang="nb">/);
  assert.match(page, /@page \{ size: A4;/);
  assert.match(page, /@media print \{/);
  assert.match(page, /section\.account \{ break-before: page;/);
  assert.match(page, /thead \{ display: table-header-group; \}/);
  assert.equal(page.match(/<section class="account">/g)?.length, report.accounts.length, 'one section (page) per account');
  for (const a of report.accounts) assert.ok(page.includes(escapeHtml(a.account.name)));
  assert.doesNotMatch(page, /<link|<img|url\(http/i, 'self-contained: nothing fetched');
});

test('charts as inline SVG with their axis labels; the account report has the metric charts', async () => {
  const page = await html(accountAnnualFixture(), 'html', 'nb');
  const svgs = page.match(/<svg[\s>]/g) ?? [];
  assert.ok(svgs.length >= 4, `${svgs.length} charts`);
  assert.match(page, /<figure class="chart" role="img" aria-label="Rekkevidde: 2025 mot 2024">/);
  assert.ok(page.includes('>jan. 2025<'), 'month axis label inside the SVG');
  assert.ok(page.includes('ikke målt'));
  const unit = await html(unitAnnualFixture(), 'html', 'nb');
  assert.ok(!unit.includes('Rekkevidde: 2025 mot 2024'), 'a unit report is compact: no per-account metric charts');
});

test('both languages: the words, the numbers and the lang attribute follow the language', async () => {
  const nb = await html(accountAnnualFixture(), 'html', 'nb');
  const en = await html(accountAnnualFixture(), 'html', 'en');
  assert.match(en, /<html lang="en">/);
  assert.ok(nb.includes('Årsrapport 2025') && en.includes('Annual report 2025'));
  assert.ok(nb.includes('Evaluatorens beslutning') && en.includes('The evaluator’s decision'));
  assert.ok(nb.includes('ikke målt') && en.includes('not measured'));
  assert.ok(!en.includes('ikke målt'));
  assert.ok(nb.replace(/\s/g, ' ').includes('≥ 150 000') && en.includes('≥ 150,000'));
  const monthly = await html(monthlyFixture(), 'html', 'en');
  assert.ok(monthly.includes('Monthly report October 2025'));
  assert.ok(monthly.includes('Accounts in use without an evaluation'));
});
