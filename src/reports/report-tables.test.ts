// XLSX and CSV of the reports, read back with the importers' own readers: one sheet per section,
// cell by cell, numbers as numbers, not measured as an empty cell (never 0), and hostile text
// (=HYPERLINK, +cmd, @SUM) never a formula.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import { readWorkbook } from '../importers/parse/excel.ts';
import { readCsv } from '../importers/parse/csv.ts';
import type { Sheet } from '../importers/parse/workbook.ts';
import { dateSerial } from '../exports/xlsx.ts';
import { renderReport } from './render-report.ts';
import { accountAnnualFixture, HOSTILE, unitAnnualFixture } from './report-fixtures.ts';
import { monthlyFixture } from './report-fixtures-monthly.ts';

/** A sheet as objects by header, for cell-by-cell checks. */
function records(sheet: Sheet): Record<string, string>[] {
  const [head, ...rows] = sheet.rows;
  assert.ok(head, `${sheet.name} has a header`);
  return rows.map((r) => Object.fromEntries(head.cells.map((h, i) => [h, r.cells[i] ?? ''])));
}

function sheetNamed(sheets: Sheet[], name: string): Sheet {
  const s = sheets.find((x) => x.name === name);
  assert.ok(s, `sheet ${name} in ${sheets.map((x) => x.name).join(', ')}`);
  return s;
}

test('annual XLSX: a sheet per section, read back cell by cell', async () => {
  const report = accountAnnualFixture();
  const out = await renderReport(report, 'xlsx', 'nb');
  assert.equal(out.contentType, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const { sheets } = readWorkbook(out.body, 'report.xlsx');
  assert.deepEqual(sheets.map((s) => s.name), [
    'Sammendrag',
    'Nøkkeltall',
    'Statistikk over året',
    'Måltall per måned',
    'Ressurser',
    'Årets månedlige evalueringer',
    'Kostnad per resultat',
    'Anbefaling fra reglene',
    'Innlegg',
    'Kontoer',
  ]);
  const account = report.accounts[0]!;
  const f = account.figures;

  const kpis = records(sheetNamed(sheets, 'Nøkkeltall'));
  assert.equal(kpis.length, f.kpis.length);
  assert.deepEqual(kpis[0], {
    Enhet: 'Institutt for nordlysfysikk',
    Konto: 'Nordlyslaben',
    Plattform: 'Instagram',
    Mål: 'Flere søkere fra Nord-Norge skal kjenne studietilbudet',
    Nøkkeltall: 'Rekkevidde',
    Retning: '≥',
    Målverdi: '150000',
    Faktisk: String(f.kpis[0]!.actual),
    'Enhet for tallet': 'antall',
    Status: 'Nådd',
    'Framdrift (%)': String(Math.round(f.kpis[0]!.progress! * 10_000) / 100),
    'Grunnlag for målverdien': 'Egen historikk',
  });
  // not measured: an empty cell, never 0
  assert.equal(kpis[1]!['Faktisk'], '');
  assert.equal(kpis[1]!['Framdrift (%)'], '');
  assert.equal(kpis[1]!['Status'], 'Ikke målt');
  assert.equal(kpis[1]!['Grunnlag for målverdien'], HOSTILE.at, 'hostile text kept as text');

  const byMonth = records(sheetNamed(sheets, 'Måltall per måned'));
  assert.equal(byMonth.length, f.metrics.length * 12);
  const july = byMonth.find((r) => r['Måltall'] === 'Rekkevidde' && r['Måned'] === '2025-07')!;
  assert.equal(july['Verdi'], '', 'an unmeasured month is empty');
  assert.equal(july['Dokumenterte dager'], '0');
  const jan = byMonth.find((r) => r['Måltall'] === 'Rekkevidde' && r['Måned'] === '2025-01')!;
  assert.equal(jan['Verdi'], String(f.metrics[0]!.months[0]!.value));
  assert.equal(jan['Året før'], String(f.metrics[0]!.months[0]!.previousYear));

  const resources = records(sheetNamed(sheets, 'Ressurser'));
  assert.equal(resources[0]!['Planlagt (Timer)'], '180');
  assert.equal(resources[0]!['Dokumentert (NOK)'], String(f.resources.documentedMoneyNok));

  const months = records(sheetNamed(sheets, 'Årets månedlige evalueringer'));
  assert.equal(months.length, 12);
  assert.equal(months[3]!['Vurdering'], HOSTILE.plus);
  assert.equal(months[3]!['Justering'], HOSTILE.at);
  assert.equal(months[5]!['Timer'], '', 'hours not documented: empty');
  assert.equal(months[11]!['Beslutning'], '');

  const posts = records(sheetNamed(sheets, 'Innlegg'));
  assert.equal(posts[1]!['Tekst'], HOSTILE.formula);
  assert.equal(posts[0]!['Publisert'], String(dateSerial('2025-04-12')), 'days are real dates');

  const main = records(sheetNamed(sheets, 'Kontoer'));
  assert.equal(main.length, 1);
  assert.equal(main[0]!['Evaluatorens beslutning'], 'Fortsette som nå');
  assert.ok(main[0]!['Begrunnelse']!.startsWith(HOSTILE.formula));

  const cost = records(sheetNamed(sheets, 'Kostnad per resultat'));
  assert.equal(cost[1]!['Resultater'], '', 'applicants not measured');
  assert.equal(cost[1]!['Kostnad per resultat (NOK)'], '');

  // hostile text is an inline string with Excel's quote prefix, and no cell anywhere is a formula
  const files = unzipSync(out.body);
  const styles = strFromU8(files['xl/styles.xml']!);
  assert.match(styles, /quotePrefix="1"/);
  for (const [name, bytes] of Object.entries(files)) {
    if (!name.startsWith('xl/worksheets/')) continue;
    const xml = strFromU8(bytes);
    assert.doesNotMatch(xml, /<f[\s>]/, `${name}: no formulas`);
    for (const m of xml.matchAll(/<c r="[A-Z]+\d+" t="inlineStr"( s="\d")?><is><t xml:space="preserve">([=+\-@][^<]*)<\/t>/g))
      assert.ok(m[1] === ' s="3"' || m[1] === ' s="4"', `${name}: "${m[2]}" is quote-prefixed text`);
  }
  const sheetXml = Object.entries(files).filter(([n]) => n.startsWith('xl/worksheets/')).map(([, b]) => strFromU8(b)).join('');
  assert.ok(sheetXml.includes('s="3"><is><t xml:space="preserve">=HYPERLINK('), 'the formula-like post text is guarded');
});

test('English XLSX: sheet names and words in English', async () => {
  const { sheets } = readWorkbook((await renderReport(unitAnnualFixture(), 'xlsx', 'en')).body, 'r.xlsx');
  assert.deepEqual(sheets.map((s) => s.name).slice(0, 3), ['Summary', 'By unit', 'KPIs']);
  const main = records(sheetNamed(sheets, 'Accounts'));
  assert.deepEqual(main.map((r) => r['Account']), ['Nordlyslaben', 'Søkerservice Ålesund', 'Nordlyslaben 2']);
  assert.equal(main[2]!['The evaluator’s decision'], 'Not yet decided');
  assert.equal(records(sheetNamed(sheets, 'KPIs'))[0]!['Unit of the figure'], 'count');
});

test('annual CSV: the accounts table, ; and decimal commas in bokmål, formula text quoted', async () => {
  const report = unitAnnualFixture();
  const out = await renderReport(report, 'csv', 'nb');
  assert.equal(out.contentType, 'text/csv; charset=utf-8');
  assert.deepEqual([...out.body.slice(0, 3)], [0xef, 0xbb, 0xbf], 'BOM for Excel');
  const { delimiter, rows } = readCsv(new TextDecoder().decode(out.body));
  assert.equal(delimiter, ';');
  const [head, ...body] = rows.map((r) => r.cells);
  assert.equal(body.length, report.accounts.length);
  assert.deepEqual(head!.slice(0, 4), ['Enhet', 'Konto', 'Plattform', 'Status']);
  const col = (name: string) => head!.indexOf(name);
  assert.equal(body[0]![col('Konto')], 'Nordlyslaben');
  assert.equal(body[0]![col('Frist')], '2026-01-31');
  assert.equal(body[0]![col('Begrunnelse')], `'${report.accounts[0]!.reasoning}`, 'formula-like text gets a leading quote');
  assert.equal(body[2]![col('Signert av')], '', 'not signed: empty');
  assert.equal(body[0]![col('Dokumentert (Timer)')], String(report.accounts[0]!.figures.resources.documentedHours));
  for (const row of body) for (const cell of row) assert.doesNotMatch(cell, /^[=+@\t\r]/, 'nothing a spreadsheet would run');
});

test('monthly CSV and XLSX: one row per evaluation, English with commas and decimal points', async () => {
  const report = monthlyFixture();
  const { delimiter, rows } = readCsv(new TextDecoder().decode((await renderReport(report, 'csv', 'en')).body));
  assert.equal(delimiter, ',');
  const [head, ...body] = rows.map((r) => r.cells);
  assert.equal(body.length, report.evaluations.length);
  const col = (name: string) => head!.indexOf(name);
  assert.equal(body[0]![col('Adjustment')], `'${HOSTILE.at}`);
  assert.equal(body[0]![col('Hours')], '14.5');
  assert.equal(body[1]![col('Hours')], '', 'not documented: empty, never 0');
  assert.equal(body[0]![col('Share (%)')], '41.5');
  const nb = readCsv(new TextDecoder().decode((await renderReport(report, 'csv', 'nb')).body)).rows.map((r) => r.cells);
  assert.equal(nb[1]![nb[0]!.indexOf('Timer')], '14,5', 'decimal comma in bokmål');

  const { sheets } = readWorkbook((await renderReport(report, 'xlsx', 'nb')).body, 'm.xlsx');
  assert.deepEqual(sheets.map((s) => s.name), ['Sammendrag', 'Evalueringer', 'Nøkkeltall', 'Innlegg']);
  const kpis = records(sheetNamed(sheets, 'Nøkkeltall'));
  assert.equal(kpis[0]!['Endring'], '14400');
  assert.equal(kpis[1]!['Endring'], '');
  assert.equal(kpis[2]!['Endring'], '-1.75');
  const summary = sheetNamed(sheets, 'Sammendrag').rows.map((r) => r.cells);
  assert.ok(summary.some((r) => r[0] === 'Kontoer i bruk uten evaluering' && r[1] === 'Fjordforskning (YouTube)'));
});
