// Reports in real Chromium against the real server with the built app (`npm run build` first).
// The journey of issue #6: a December of last year's statistics imported through the import page
// (a Målbar template CSV written here, dates relative to today as the server's are); that month's
// evaluation prepared through the API, then in the browser written with the hours and money spent
// (decimal comma, thousands with a space) and signed; the year's annual report shows those
// resources, refuses signing without a decision and reasoning (at the fields), and is decided,
// reasoned and signed; from /reports the annual report is downloaded as PDF and XLSX (the bytes
// and the server's file names). Then the reports page in English: English headings, the
// organisation's roll-up, the monthly report with the evaluation's resources, and the annual
// report reopened with a reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserSkip, launchBrowser } from './browser.ts';
import { startTestServer, type TestServer } from './server.ts';
import { api, setUpOrganisation } from './api.ts';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const h2 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 2, name });
/** Numbers as nb-NO writes them (a no-break space between thousands): match any space. */
const spaced = (text: string) => new RegExp(text.replace(/ /g, '[\\s\\u00a0\\u202f]'));

test('annual report journey: import, monthly evaluation with hours and money, annual report signed, PDF and XLSX downloaded; English headings', { skip: browserSkip(), timeout: 300_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'maalbar-e2e-reports-'));
  let server: TestServer | null = null;
  let browser: Browser | null = null;
  try {
    const year = String(new Date().getUTCFullYear() - 1);
    const month = `${year}-12`;
    const monthInWords = `desember ${year}`;

    server = await startTestServer({ env: { MAALBAR_DATA_DIR: dataDir } });
    const url = server.url;
    const admin = await setUpOrganisation(url, { organisationName: 'Høgskolen i Test', adminName: 'Ada Admin', email: 'ada@example.org', password: 'ada-passord-1', locale: 'nb' });
    await api(url, 'POST', '/units', admin, { name: 'Fakultet for test', kind: 'faculty', slug: 'testfak' });
    await api(url, 'POST', '/accounts', admin, {
      unit: 'testfak',
      platform: 'instagram',
      name: 'Testfak på Instagram',
      slug: 'testfak-instagram',
      targetAudience: 'Søkere',
      targetAgeGroups: ['18-24'],
      plannedHoursPerMonth: 10,
      budgetNokPerYear: 12000,
    });
    // Last year's December, every day: reach 320, followers 500 → 530.
    const lines = ['date,metric,value'];
    for (let day = 1; day <= 31; day++) {
      const date = `${month}-${String(day).padStart(2, '0')}`;
      lines.push(`${date},reach,320`, `${date},followers,${499 + day}`);
    }
    const csv = Buffer.from(lines.join('\n') + '\n', 'utf8');

    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));

    // ---- import the month through the import page
    await page.goto(`${url}/accounts/testfak-instagram/import`);
    await h1(page, 'Logg inn').waitFor();
    await page.getByLabel('E-post', { exact: true }).fill('ada@example.org');
    await page.getByLabel('Passord', { exact: true }).fill('ada-passord-1');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await h1(page, 'Importer statistikk').waitFor();
    await page.getByLabel('Velg filer', { exact: true }).setInputFiles({ name: 'desember.csv', mimeType: 'text/csv', buffer: csv });
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4, name: /desember\.csv/ }) });
    await item.getByText('Klar til import', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Importer 1 fil' }).click();
    await item.getByText('Importert', { exact: true }).waitFor();

    // The month's draft (the hourly job prepares only last month's).
    const prepared = await api<{ created: number; existing: number }>(url, 'POST', '/evaluations/prepare', admin, { month });
    assert.equal(prepared.created + prepared.existing, 1, 'one draft for the account');

    // ---- the monthly evaluation, written with hours and money, and signed
    await page.goto(`${url}/evaluations?month=${month}`);
    await h1(page, 'Månedlige evalueringer').waitFor();
    await page.getByRole('table', { name: 'Evalueringer', exact: true }).getByRole('link', { name: monthInWords }).click();
    await h1(page, `Månedlig evaluering: Testfak på Instagram — ${monthInWords}`).waitFor();
    await page.getByLabel('Vurdering', { exact: true }).fill('Jevn rekkevidde hele måneden.');
    await page.getByRole('group', { name: 'Beslutning' }).getByRole('radio', { name: 'Beholde som nå' }).check();
    const hours = page.getByLabel(/^Timer brukt/);
    const money = page.getByLabel(/^Penger brukt/);
    await hours.fill('tolv');
    await page.getByRole('button', { name: 'Lagre utkast' }).click();
    await page.getByText('Skriv et tall, f.eks. 1 234,5.').waitFor();
    assert.equal(await hours.getAttribute('aria-invalid'), 'true');
    await hours.fill('12,5');
    await money.fill('1 500');
    await page.getByRole('button', { name: 'Lagre utkast' }).click();
    await page.getByText('Utkastet er lagret.').waitFor();
    assert.equal(await hours.inputValue(), '12,5', 'the saved hours come back as typed');
    await page.getByRole('button', { name: 'Signer', exact: true }).click();
    await page.getByRole('dialog', { name: 'Signere evalueringen?' }).getByRole('button', { name: 'Signer evalueringen' }).click();
    await page.getByText('Evalueringen er signert og låst.').waitFor();
    const written = page.getByRole('region', { name: 'Vurdering og beslutning' });
    await written.getByText('12,5 t', { exact: true }).waitFor();
    await written.getByText(spaced('^1 500 kr$')).waitFor();

    // ---- from the account page to its annual report
    await page.goto(`${url}/accounts/testfak-instagram`);
    await h1(page, 'Testfak på Instagram').waitFor();
    await page.getByRole('link', { name: 'Årsrapporter' }).click();
    await h1(page, 'Rapporter').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('account'), 'testfak-instagram');
    assert.equal(await page.getByLabel('År', { exact: true }).inputValue(), year, 'last year by default');
    await h2(page, `Årsrapport ${year}: Testfak på Instagram`).waitFor();
    await page.getByRole('link', { name: 'Skriv og signer årsrapporten' }).click();

    // ---- the annual report: the documented resources, then decision, reasoning and signing
    await h1(page, `Årsrapport: Testfak på Instagram — ${year}`).waitFor();
    const resources = page.getByRole('table', { name: `Timer og penger i ${year}, planlagt og dokumentert` });
    const hoursRow = resources.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Timer' }) });
    assert.match((await hoursRow.textContent()) ?? '', /12,5 t/, 'the documented hours');
    const moneyRow = resources.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Penger' }) });
    assert.match((await moneyRow.textContent()) ?? '', spaced('1 500 kr'), 'the documented money');
    const months = page.getByRole('table', { name: `Evalueringene i ${year} med beslutning og ressurser` });
    const december = months.getByRole('row').filter({ has: page.getByRole('link', { name: monthInWords }) });
    assert.match((await december.textContent()) ?? '', /Signert.*Beholde som nå.*12,5 t/);
    await h2(page, 'Anbefaling fra reglene').waitFor();
    await page.getByText(/^Reglene foreslår: /).first().waitFor();

    await page.getByRole('button', { name: 'Signer', exact: true }).click();
    const decisions = page.getByRole('group', { name: 'Beslutning' });
    await decisions.getByText('Velg en beslutning før du signerer.').waitFor();
    await page.getByText('Skriv begrunnelsen før du signerer.').waitFor();
    assert.equal(await page.getByRole('dialog').count(), 0, 'no confirmation while something is missing');
    await decisions.getByRole('radio', { name: /^Videreføre(?! med)/ }).check();
    const reasoning = 'Kontoen når målgruppen, og ressursene holdt seg innenfor planen.';
    await page.getByLabel('Begrunnelse', { exact: true }).fill(reasoning);
    await page.getByRole('button', { name: 'Signer', exact: true }).click();
    await page.getByRole('dialog', { name: 'Signere årsrapporten?' }).getByRole('button', { name: 'Signer årsrapporten' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'Årsrapporten er signert og låst.' });
    await notice.waitFor();
    assert.equal(await notice.evaluate((el) => el === document.activeElement), true, 'focus moves to the notice');
    await page.getByText('Årsrapporten er signert og kan ikke endres.').waitFor();
    await page.getByText(reasoning).waitFor();
    assert.equal(await page.getByRole('textbox', { name: 'Begrunnelse' }).count(), 0, 'the form is gone');
    await page.getByRole('list', { name: 'Hendelser' }).getByRole('listitem').filter({ hasText: /^Signert av Ada Admin/ }).waitFor();

    // ---- the annual report from /reports, as PDF and XLSX
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Rapporter' }).click();
    await h1(page, 'Rapporter').waitFor();
    await page.getByRole('radio', { name: 'En konto' }).check();
    await page.getByLabel('Konto', { exact: true }).selectOption('testfak-instagram');
    await page.getByLabel('År', { exact: true }).selectOption(year);
    const title = `Årsrapport ${year}: Testfak på Instagram`;
    await h2(page, title).waitFor();
    await page.getByText(/^Signert av Ada Admin/).waitFor();
    for (const [format, name, magic] of [
      ['PDF', 'pdf', '%PDF'],
      ['Excel (XLSX)', 'xlsx', 'PK'],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: `Last ned ${title} som ${format}` }).click()]);
      assert.equal(download.suggestedFilename(), `maalbar-annual-${year}-testfak-instagram.${name}`);
      const path = await download.path();
      const bytes = readFileSync(path);
      assert.equal(bytes.subarray(0, magic.length).toString('latin1'), magic, `${name} starts with ${magic}`);
      assert.ok(bytes.length > 1000, `${name} has content (${bytes.length} bytes)`);
    }
    const htmlHref = await page.getByRole('link', { name: `Last ned ${title} som Utskriftsvennlig HTML` }).getAttribute('href');
    assert.equal(htmlHref, `/api/v1/reports/annual?account=testfak-instagram&year=${year}&format=html&lang=nb`);

    // ---- in English: English headings, and the organisation's roll-up
    await page.getByRole('group', { name: 'Velg språk' }).getByRole('button', { name: 'English' }).click();
    await h1(page, 'Reports').waitFor();
    await page.getByRole('group', { name: 'Report', exact: true }).waitFor();
    await h2(page, `Annual report ${year}: Testfak på Instagram`).waitFor();
    for (const heading of ['KPIs and goals', 'Resources: planned and spent', 'Statistics through the year', 'Monthly evaluations', "The rules' recommendation", 'Decision and reasoning']) {
      await h2(page, heading).waitFor();
    }
    assert.equal(
      await page.getByRole('link', { name: `Download Annual report ${year}: Testfak på Instagram as PDF` }).getAttribute('href'),
      `/api/v1/reports/annual?account=testfak-instagram&year=${year}&format=pdf&lang=en`,
      'the files follow the interface language',
    );
    await page.getByRole('radio', { name: 'The whole organisation' }).check();
    await h2(page, `Annual report ${year}: Høgskolen i Test`).waitFor();
    await h2(page, 'Summary').waitFor();
    const accounts = page.getByRole('table', { name: `The accounts' annual reports for ${year}` });
    assert.match((await accounts.getByRole('row').filter({ hasText: 'Testfak på Instagram' }).textContent()) ?? '', /Signed.*Continue/);
    assert.equal(new URL(page.url()).searchParams.get('scope'), 'organisation', 'the choice is in the address');

    // ---- the monthly report of December: the evaluation with its hours and money
    await page.getByRole('radio', { name: 'Monthly report' }).check();
    await page.getByLabel('Month', { exact: true }).selectOption(month);
    await h2(page, `Monthly report for December ${year}: Høgskolen i Test`).waitFor();
    const evaluations = page.getByRole('table', { name: "The month's evaluations" });
    assert.match((await evaluations.getByRole('row').filter({ hasText: 'Testfak på Instagram' }).textContent()) ?? '', /Signed.*Keep as is.*12\.5 h.*NOK 1,500/);

    // ---- a manager (here the administrator) reopens the annual report, with a reason
    await page.goto(`${url}/annual-reports/testfak-instagram/${year}`);
    await h1(page, `Annual report: Testfak på Instagram — ${year}`).waitFor();
    await page.getByRole('button', { name: 'Reopen the annual report' }).click();
    const reopen = page.getByRole('dialog', { name: 'Reopen the annual report?' });
    await reopen.getByRole('button', { name: 'Reopen the annual report' }).click();
    await reopen.getByText('Write why the annual report is reopened.', { exact: true }).waitFor();
    const reason = 'December was imported again with corrected figures.';
    await reopen.getByLabel('Reason', { exact: true }).fill(reason);
    await reopen.getByRole('button', { name: 'Reopen the annual report' }).click();
    await page.getByRole('status').filter({ hasText: 'The annual report is reopened.' }).waitFor();
    await page.getByRole('list', { name: 'Events' }).getByRole('listitem').filter({ hasText: /^Reopened by Ada Admin/ }).getByText(`Reason: ${reason}`).waitFor();
    assert.equal(await page.getByLabel('Reasoning', { exact: true }).inputValue(), reasoning, 'a draft again, the reasoning kept');

    assert.deepEqual(problems, [], `no script errors: ${problems.join('; ')}`);
  } catch (e) {
    if (server) console.error(server.output());
    throw e;
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
