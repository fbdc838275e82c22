// Documenting statistics in real Chromium (bokmål), against the real server with the built app
// (`npm run build` first; `npm test` does it). A reporter imports a real TikTok Studio export
// through the file input on the import page: the preview names the platform, the kind and the
// metrics (catalogue names, not keys); the import shows its progress and result; the history
// lists it and serves the original file; the same file again changes nothing; the account page's
// coverage calendar shows the documented days; undo (after a confirmation that says what happens)
// removes the values. Then a month entered by hand with a decimal comma. Expected texts are
// written out here; expected numbers come from the server's own answers, never from the fixture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { browserSkip, launchBrowser } from './browser.ts';
import { startTestServer } from './server.ts';
import { api, setUpReporterOnTikTok } from './api.ts';

// The shared fixtures sit beside the repository (see src/importers/fixture-files.ts).
const FIXTURE = fileURLToPath(new URL('../../shared/fixtures/exports/tiktok-studio/Overview.csv', import.meta.url));

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const h2 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 2, name });
const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });



/** 'YYYY-MM-DD' plus n days. */
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const nbMonth = (month: string) =>
  new Intl.DateTimeFormat('nb-NO', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

test('a reporter imports an export, sees it in history and coverage, imports it again, undoes it, and enters a month', { skip: browserSkip(), timeout: 240_000 }, async () => {
  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    const { admin, account } = await setUpReporterOnTikTok(server.url);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto(`${server.url}/accounts/testfak-tiktok`);
    await h1(page, 'Logg inn').waitFor();
    await page.getByLabel('E-post', { exact: true }).fill('rita@example.org');
    await page.getByLabel('Passord', { exact: true }).fill('rita-passord-1');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await h1(page, 'Testfak på TikTok').waitFor();
    await h2(page, 'Statistikk').waitFor();
    await page.getByText('Ingenting er dokumentert for denne kontoen ennå.').waitFor();
    // No audience snapshot yet: the fit cannot be assessed, and it says why.
    await page.getByText('Treff på målgruppen kan ikke vurderes ennå').waitFor();
    // A reporter sees the due list in the main menu.
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Frister' }).waitFor();

    // ---- the import page: choose the file, see the preview
    await page.getByRole('link', { name: 'Importer statistikk' }).click();
    await h1(page, 'Importer statistikk').waitFor();
    const today = await page.getByLabel('Lastet ned', { exact: true }).inputValue();
    assert.match(today, /^\d{4}-\d{2}-\d{2}$/, 'the download day defaults to today');
    await page.getByLabel('Velg filer', { exact: true }).setInputFiles(FIXTURE);
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4, name: /Overview\.csv/ }) });
    await item.getByText('Klar til import', { exact: true }).waitFor();
    const facts = async (label: string) => (await item.locator('dt', { hasText: label }).locator('xpath=following-sibling::dd[1]').innerText()).trim();
    assert.equal(await facts('Plattform'), 'TikTok');
    assert.equal(await facts('Type eksport'), 'Oversikt, daglige verdier (TikTok Studio)');
    const metrics = await facts('Måltall gjenkjent');
    for (const name of ['Visninger', 'Profilbesøk', 'Liker', 'Kommentarer', 'Delinger']) assert.ok(metrics.includes(name), `${name} in "${metrics}"`);
    assert.doesNotMatch(metrics, /profile_views|_/, 'catalogue names, not keys');
    assert.match(await facts('Innhold'), /^365 rader · [\d\s\u00a0]+ verdier · 0 innlegg$/);

    // ---- import: progress and result
    await page.getByRole('button', { name: 'Importer 1 fil' }).click();
    await item.getByText('Importert', { exact: true }).waitFor();
    await status(page, 'Ferdig: 1 importert, 0 uendret, 0 ikke importert.').waitFor();
    const progress = page.getByRole('progressbar', { name: 'Filen er sendt.' });
    assert.equal(await progress.getAttribute('value'), await progress.getAttribute('max'));
    const resultLine = await item.locator('.result-line').innerText();
    const added = Number(/^([\d\s\u00a0]+) nye verdier, 0 endret, 0 uendret\.$/.exec(resultLine)?.[1]?.replace(/\D/g, ''));
    assert.ok(added > 0, `values added: "${resultLine}"`);

    // ---- the history lists it, with the original file to download (the same bytes)
    const history = page.getByRole('table', { name: /Importer til Testfak på TikTok/ });
    const rows = history.locator('tbody tr');
    await rows.first().getByText('Gjelder').waitFor();
    assert.equal(await rows.count(), 1);
    await rows.first().getByText('Rita Rapportør').waitFor();
    const download = rows.first().getByRole('link', { name: 'Last ned originalfilen Overview.csv' });
    const href = await download.getAttribute('href');
    assert.ok(href);
    const served = await context.request.get(`${server.url}${href}`);
    assert.equal(served.status(), 200);
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    assert.equal(sha(await served.body()), sha(readFileSync(FIXTURE)), 'the original file is kept as uploaded');

    // ---- the same file again: already imported, and importing changes nothing
    await page.getByRole('button', { name: 'Tøm listen' }).click();
    await page.getByLabel('Velg filer', { exact: true }).setInputFiles(FIXTURE);
    await item.getByText('Allerede importert', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Importer 1 fil' }).click();
    await item.getByText('Uendret', { exact: true }).waitFor();
    await status(page, 'Ferdig: 0 importert, 1 uendret, 0 ikke importert.').waitFor();
    assert.equal(await rows.count(), 1, 'no second import is recorded');

    // ---- the account page: the coverage calendar shows the documented days
    const coverage = await api<{ from: string; to: string; perDay: number[] }>(server.url, 'GET', `/accounts/${account.id}/coverage`, admin);
    const documented = coverage.perDay.map((n, i) => [addDays(coverage.from, i), n] as const).filter(([, n]) => n > 0);
    assert.ok(documented.length > 0, 'the import documented days inside the calendar');
    const month = documented.at(-1)![0].slice(0, 7);
    const inMonth = coverage.perDay.map((n, i) => [addDays(coverage.from, i), n] as const).filter(([d]) => d.startsWith(month));
    const expected = `${inMonth.filter(([, n]) => n > 0).length} av ${inMonth.length}`;
    await page.getByRole('link', { name: 'Tilbake til kontoen' }).click();
    await h1(page, 'Testfak på TikTok').waitFor();
    const calendar = page.getByRole('table', { name: /^Dokumenterte dager per måned/ });
    const monthRow = calendar.getByRole('row', { name: new RegExp(`^${nbMonth(month)}`) });
    assert.equal((await monthRow.locator('td.num').innerText()).trim(), expected);
    await page.getByText(/^Sist dokumenterte dag: /).waitFor();
    await h2(page, 'Publikum etter alder').waitFor();

    // ---- undo, after a confirmation that says what happens
    await page.getByRole('link', { name: 'Importhistorikk' }).click();
    await h1(page, 'Importer statistikk').waitFor();
    await page.getByRole('button', { name: /^Angre importen av Overview\.csv fra / }).click();
    const dialog = page.getByRole('dialog', { name: 'Angre denne importen?' });
    await dialog.getByText(/verdiene den la til, fjernes/).waitFor();
    await dialog.getByText(/Originalfilen og denne linjen blir stående i historikken/).waitFor();
    await dialog.getByRole('button', { name: 'Angre importen' }).click();
    await status(page, /^Importen av Overview\.csv er angret: [\d\s\u00a0]+ verdier fjernet, 0 satt tilbake/).waitFor();
    await rows.first().getByText('Angret', { exact: true }).waitFor();
    assert.equal(await rows.first().getByRole('button', { name: /^Angre/ }).count(), 0, 'an undone import cannot be undone again');
    const left = await api<unknown[]>(server.url, 'GET', `/accounts/${account.id}/observations`, admin);
    assert.deepEqual(left, [], 'the values are gone');
    await page.getByRole('link', { name: 'Tilbake til kontoen' }).click();
    await page.getByText('Ingenting er dokumentert for denne kontoen ennå.').waitFor();

    // ---- a month entered by hand, with a decimal comma
    await page.getByRole('link', { name: 'Registrer månedsverdier' }).click();
    await h1(page, 'Registrer månedsverdier').waitFor();
    const entered = await page.getByLabel('Måned', { exact: true }).inputValue();
    await page.getByLabel('Timer brukt', { exact: true }).fill('12,5');
    await page.getByLabel('Kostnad (kr)', { exact: true }).fill('abc');
    await page.getByRole('button', { name: 'Lagre verdiene' }).click();
    await page.getByText('Skriv et tall, f.eks. 1 234,5.').waitFor();
    await page.getByLabel('Kostnad (kr)', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Lagre verdiene' }).click();
    await status(page, `Lagret for ${nbMonth(entered)}: 1 nye verdier, 0 endret, 0 uendret.`).waitFor();
    await page.getByRole('row', { name: /Timer brukt/ }).getByText('12,5 t', { exact: true }).waitFor();
    const hours = await api<{ value: number; date: string }[]>(server.url, 'GET', `/accounts/${account.id}/observations?metric=hours_spent`, admin);
    assert.equal(hours.length, 1);
    assert.equal(hours[0]?.value, 12.5);
    assert.ok(hours[0]?.date.startsWith(entered), `stored in ${entered}: ${hours[0]?.date}`);

    assert.deepEqual(problems, [], 'no errors in the page');
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});
