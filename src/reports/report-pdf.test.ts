// The PDF renderer: the text read back with pdf.js (unpdf's serverless build, no worker, no canvas) has the headings,
// account names, numbers formatted per language, "ikke målt" for nulls, page numbers, æøå, the
// charts' axis labels (the charts are drawn as vectors with text, not as images), one account per
// page, and the document's title, author and language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getDocumentProxy } from 'unpdf';
import { renderReport } from './render-report.ts';
import { accountAnnualFixture, HOSTILE, unitAnnualFixture } from './report-fixtures.ts';
import { monthlyFixture } from './report-fixtures-monthly.ts';

interface PdfText {
  pages: string[];
  info: Record<string, unknown>;
  lang: string | null;
}

async function pdfText(bytes: Uint8Array): Promise<PdfText> {
  const doc = await getDocumentProxy(bytes.slice(), { useWorkerFetch: false, disableFontFace: true, verbosity: 0 });
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
      pages.push(text.replace(/\s+/g, ' ')); // also folds the no-break spaces Intl puts in numbers
    }
    const meta = await doc.getMetadata();
    const info = meta.info as Record<string, unknown>;
    return { pages, info, lang: typeof info.Language === 'string' ? info.Language : null };
  } finally {
    await doc.loadingTask.destroy();
  }
}

const normalise = (s: string) => s.replace(/\s+/g, ' ');

test('an account’s annual PDF in bokmål: headings, names, nb numbers, ikke målt, charts, page numbers, metadata', async () => {
  const report = accountAnnualFixture();
  const out = await renderReport(report, 'pdf', 'nb');
  assert.equal(out.contentType, 'application/pdf');
  assert.equal(new TextDecoder().decode(out.body.slice(0, 5)), '%PDF-');
  const { pages, info, lang } = await pdfText(out.body);
  const all = pages.join(' ');
  for (const heading of ['Årsrapport 2025', 'Sammendrag', 'Nøkkeltall', 'Ressurser: planlagt og dokumentert', 'Kostnad per resultat', 'Statistikk over året', 'Beste innholdsformater', 'Publikum og målgruppe over året', 'Årets månedlige evalueringer', 'Anbefaling fra reglene', 'Evaluatorens beslutning'])
    assert.ok(all.includes(heading), `heading ${heading}`);
  assert.ok(all.includes('Nordlyslaben · Instagram'));
  assert.ok(all.includes('Institutt for nordlysfysikk'));
  assert.ok(all.includes('Åse Fjellstad') && all.includes('Øystein Lervåg'), 'æøå in names');
  // numbers the Norwegian way: space as thousands separator, decimal comma; units
  const reach = report.accounts[0]!.figures.metrics[0]!;
  const reachText = normalise(new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 }).format(reach.year!));
  assert.match(reachText, /^\d{3} \d{3},\d$/);
  assert.ok(all.includes(reachText), `reach as ${reachText}`);
  assert.ok(all.includes('≥ 150 000'), 'target with ≥ and a grouped number');
  assert.ok(all.includes('≤ 24 t'), 'hours in bokmål');
  assert.ok(all.includes('24 000 kr'));
  assert.ok(all.includes('17,5 t'), 'decimal comma');
  assert.ok(/\+22,6 %/.test(all), 'relative change with a sign and a decimal comma');
  // not measured is said, never 0
  assert.ok(all.includes('ikke målt'));
  assert.ok(all.includes('ikke dokumentert'), 'an undocumented month');
  assert.ok(all.includes('Engasjementsrate'));
  // charts: their titles and axis labels are text in the PDF
  assert.ok(all.includes('Rekkevidde: 2025 mot 2024'), 'chart title');
  assert.ok(all.includes('jan. 2025') && all.includes('nov. 2025'), 'month axis labels');
  assert.ok(all.includes('Største aldersgruppe per måned mot målgruppen'));
  assert.ok(/Nøkkeltall etter status .*Nådd I rute I fare Ikke nådd Ikke målt .*Antall/.test(all), 'the KPI status chart with its category axis and legend');
  assert.ok(/18–24 år/.test(all));
  // hostile texts are printed as the text they are
  assert.ok(all.includes(HOSTILE.script));
  // page numbers on every page
  pages.forEach((p, i) => assert.ok(p.includes(`Side ${i + 1} av ${pages.length}`), `page ${i + 1} numbered`));
  assert.ok(pages.length >= 3);
  // every rule's finding, in bokmål
  assert.ok(all.includes('Rekkevidde endret seg med 23 % mot året før'), 'a finding translated');
  assert.ok(all.includes('Reglene foreslår: Fortsette som nå.'));
  // the evaluator's decision and signature
  assert.ok(all.includes('Fortsette som nå'));
  assert.ok(all.includes('Signert av Øystein Lervåg'));
  // metadata
  assert.equal(info.Title, 'Årsrapport 2025 – Konto: Nordlyslaben (Instagram), Institutt for nordlysfysikk');
  assert.equal(info.Author, 'Målbar');
  assert.equal(lang, 'nb-NO');
});

test('the same report in English: English words, en-GB numbers and dates', async () => {
  const out = await renderReport(accountAnnualFixture(), 'pdf', 'en');
  const { pages, info, lang } = await pdfText(out.body);
  const all = pages.join(' ');
  for (const w of ['Annual report 2025', 'Summary', 'KPIs', 'Statistics over the year', 'The rules’ recommendation', 'The evaluator’s decision', 'not measured', 'Continue as it is'])
    assert.ok(all.includes(w), w);
  assert.ok(all.includes('≥ 150,000'));
  assert.ok(all.includes('NOK 24,000'));
  assert.ok(all.includes('17.5 h'));
  assert.ok(all.includes('Jan 2025'), 'chart axis in English');
  pages.forEach((p, i) => assert.ok(p.includes(`Page ${i + 1} of ${pages.length}`)));
  assert.ok(!all.includes('ikke målt'));
  assert.equal(lang, 'en-GB');
  assert.match(String(info.Title), /^Annual report 2025/);
});

test('a unit’s annual PDF: every account starts a page; compact sections without charts', async () => {
  const report = unitAnnualFixture();
  const { pages } = await pdfText((await renderReport(report, 'pdf', 'nb')).body);
  for (const account of report.accounts) {
    const heading = `${account.account.name} ·`;
    const page = pages.find((p) => p.includes(heading));
    assert.ok(page, `${account.account.name} has a page`);
    assert.ok(page.trimStart().startsWith(heading), `${account.account.name} starts its page`);
  }
  const all = pages.join(' ');
  assert.ok(all.includes('Per enhet'));
  assert.ok(all.includes('Forslag og beslutninger'), 'the summary’s chart');
  assert.ok(all.includes('Ikke besluttet ennå'), 'the draft has no decision yet');
  assert.ok(!all.includes('Rekkevidde: 2025 mot 2024'), 'no per-account charts in a unit report');
});

test('the monthly PDF: KPIs with the month before, audience, gaps, posts, assessment, signature', async () => {
  const { pages } = await pdfText((await renderReport(monthlyFixture(), 'pdf', 'nb')).body);
  const all = pages.join(' ');
  for (const w of ['Månedsrapport oktober 2025', 'Evalueringenes status', 'Kontoer i bruk uten evaluering', 'Forrige måned', 'Hull i dokumentasjonen', 'Beste innlegg etter Rekkevidde', 'Vurdering', 'Justering', 'Signert av Åse Fjellstad'])
    assert.ok(all.includes(w), w);
  assert.ok(all.includes('+14 400'), 'change from the month before');
  assert.ok(all.includes('−1,75 t'), 'a negative change with a real minus sign');
  assert.ok(all.includes('14. okt. 2025 – 17. okt. 2025'), 'the gap');
  assert.ok(all.includes('ikke målt'));
});

test('a table longer than a page repeats its header; long texts flow over pages, a giant cell is cut, never over the footer', async () => {
  const base = unitAnnualFixture();
  const unit = base.byUnit[0]!;
  const byUnit = Array.from({ length: 90 }, (_, i) => ({ unit: { ...unit.unit, name: `Avdeling ${String(i + 1).padStart(2, '0')}` }, summary: unit.summary }));
  const account = base.accounts[0]!;
  const longReasoning = `${'Vi fortsetter fordi studentene følger kontoen. '.repeat(300)}SLUTTEN PÅ BEGRUNNELSEN`;
  const post = { ...account.figures.posts[0]!.best[0]!, excerpt: `${'Langt innlegg uten ende. '.repeat(800)}ALDRI SYNLIG` };
  const giant = {
    ...account,
    reasoning: longReasoning,
    figures: { ...account.figures, posts: [{ ...account.figures.posts[0]!, best: [post], weakest: [] }] },
  };
  const report = { ...base, scope: { kind: 'account' as const, account: account.account, unit: account.unit }, byUnit, accounts: [giant] };
  const { pages } = await pdfText((await renderReport(report, 'pdf', 'nb')).body);
  const withRows = pages.filter((p) => /Avdeling \d\d/.test(p));
  assert.ok(withRows.length >= 2, 'the per-unit table spans pages');
  for (const p of withRows) assert.match(p, /Enhet Kontoer Nådd I rute/, 'its header on every page it spans');
  assert.ok(pages.join(' ').includes('Avdeling 90'));
  const all = pages.join(' ');
  assert.ok(all.includes('SLUTTEN PÅ BEGRUNNELSEN'), 'a long reasoning is printed to its end');
  assert.ok(!all.includes('ALDRI SYNLIG'), 'a post text taller than a page is cut');
  assert.ok(all.includes('…'), 'with an ellipsis');
  pages.forEach((p, i) => assert.ok(p.includes(`Side ${i + 1} av ${pages.length}`), `page ${i + 1} numbered`));
});
