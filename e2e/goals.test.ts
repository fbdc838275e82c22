// Goals in real Chromium (bokmål), against the real server with the built app (`npm run build`
// first; `npm test` does it): create a strategic goal on the strategy page, run the goal wizard
// from an account (template → KPIs → targets → SMART), see activation refused with fewer than
// three KPIs and what is missing, activate with three, and see the goal page with its KPI cards
// ("Ikke målt" where nothing is documented, never 0), the account's goal list and the strategy
// page's goal under its strategic goal. Expected texts are written out here, not read from nb.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSkip, launchBrowser } from './browser.ts';
import { startTestServer } from './server.ts';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const h2 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 2, name });
const kpiGroup = (page: Page, n: number) => page.getByRole('group', { name: new RegExp(`^Nøkkeltall ${n}:`) });

async function api(url: string, method: string, path: string, body: unknown, session: { cookie: string; csrf: string }) {
  const res = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

test('strategy, goal wizard, activation refused and granted, goal page', { skip: browserSkip(), timeout: 180_000 }, async () => {
  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    const setup = await fetch(`${server.url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organisationName: 'Høgskolen i Test', adminName: 'Ada Admin', email: 'ada@example.org', password: 'ada-passord-1', locale: 'nb' }),
    });
    assert.equal(setup.status, 201);
    const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await setup.json()) as { csrfToken: string };
    const session = { cookie, csrf: csrfToken };
    await api(server.url, 'POST', '/units', { name: 'Fakultet for test', kind: 'faculty', slug: 'testfak' }, session);
    await api(
      server.url,
      'POST',
      '/accounts',
      {
        unit: 'testfak',
        platform: 'instagram',
        name: 'Testfak på Instagram',
        slug: 'testfak-instagram',
        targetAudience: 'Søkere til bachelorprogrammene',
        targetAgeGroups: ['18-24'],
      },
      session,
    );

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto(`${server.url}/strategy`);
    await h1(page, 'Logg inn').waitFor();
    await page.getByLabel('E-post', { exact: true }).fill('ada@example.org');
    await page.getByLabel('Passord', { exact: true }).fill('ada-passord-1');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();

    // ---- strategy: create an organisation-wide strategic goal
    await h1(page, 'Strategi').waitFor();
    await page.getByRole('button', { name: 'Nytt strategisk mål' }).click();
    await page.getByLabel('Tittel', { exact: true }).fill('Utdanne internasjonalt fremragende kandidater');
    await page.getByLabel('Periode fra', { exact: false }).fill('2026-01-01');
    await page.getByLabel('Periode til', { exact: false }).fill('2030-12-31');
    await page.getByRole('button', { name: 'Opprett', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Det strategiske målet er opprettet.' }).waitFor();
    await h2(page, /Utdanne internasjonalt fremragende kandidater/).waitFor();

    // ---- the account page leads to the wizard
    await page.goto(`${server.url}/accounts/testfak-instagram`);
    await h2(page, 'Mål').waitFor();
    await page.getByText('Kontoen har ingen mål ennå.').waitFor();
    await page.getByRole('link', { name: 'Nytt mål' }).click();
    await h1(page, 'Nytt mål').waitFor();

    // step 1: the account is chosen; pick the template
    assert.equal(await page.getByLabel('Konto', { exact: true }).inputValue(), 'testfak-instagram');
    await page.getByRole('radio', { name: /Trafikk til nettsted/ }).check();
    await page.getByRole('button', { name: /Neste: Målet/ }).click();

    // step 2: the goal
    await h2(page, 'Steg 2 av 4: Målet').waitFor();
    await page.getByLabel('Kvalitativt mål', { exact: true }).fill('Flere søkere til bachelorprogrammene');
    await page.getByLabel(/^Konkret mål/).fill('Få folk til opptakssiden');
    const strategic = page.getByLabel('Strategisk mål', { exact: true });
    await strategic.selectOption({ label: 'Utdanne internasjonalt fremragende kandidater – Hele organisasjonen' });
    await page.getByLabel('Start', { exact: true }).fill('2026-01-01');
    await page.getByLabel('Frist', { exact: true }).fill('2026-12-31');
    await page.getByRole('button', { name: /Neste: Nøkkeltall og målverdier/ }).click();

    // step 3: the template's KPIs, prefilled for Instagram
    await h2(page, 'Steg 3 av 4: Nøkkeltall og målverdier').waitFor();
    await kpiGroup(page, 1).waitFor();
    // Keep two KPIs only, with targets.
    let count = await page.getByRole('group', { name: /^Nøkkeltall \d+:/ }).count();
    assert.ok(count >= 2, `the template suggests KPIs (found ${count})`);
    while (count > 2) {
      await page.getByRole('button', { name: `Fjern nøkkeltall ${count}` }).click();
      count -= 1;
    }
    await page.getByText('Målet har 2 nøkkeltall. Det trengs minst 3 for å aktivere det (1 til).').waitFor();
    await kpiGroup(page, 1).getByLabel('Målverdi', { exact: true }).fill('2000');
    await kpiGroup(page, 2).getByLabel('Målverdi', { exact: true }).fill('1,5');
    // The verdict shows as you type (no statistics yet: too little history).
    await kpiGroup(page, 1).getByText('Kan ikke vurderes ennå.').waitFor();

    // step 4: SMART; activation refused with two KPIs
    await page.getByRole('button', { name: /Neste: SMART-sjekk og aktivering/ }).click();
    await h2(page, 'Steg 4 av 4: SMART-sjekk og aktivering').waitFor();
    await page.getByText('S – Spesifikt').waitFor();
    await page.getByText('T – Tidsbestemt').waitFor();
    await page.getByText('Målet har 2 nøkkeltall; det trenger minst 3 (1 til).').first().waitFor();
    await page.getByRole('button', { name: 'Aktiver', exact: true }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Målet kan ikke aktiveres ennå' });
    await refused.waitFor();
    await refused.getByText('Målet har 2 nøkkeltall; det trenger minst 3 (1 til).').waitFor();

    // back to the KPIs: add an audience-share KPI (60 % aged 18–24)
    await page.getByRole('button', { name: /Nøkkeltall og målverdier/ }).first().click();
    await page.getByRole('button', { name: '+ Legg til aldersandel' }).click();
    const third = kpiGroup(page, 3);
    await third.getByRole('checkbox', { name: '18–24 år' }).check();
    await third.getByLabel('Målverdi (% av publikum)', { exact: true }).fill('60');
    await third.getByLabel(/^Grunnlag for målverdien/).selectOption('vendor_insight');
    await page.getByText('3 nøkkeltall – nok til å aktivere (minst 3).').waitFor();
    await page.getByRole('button', { name: /Neste: SMART-sjekk og aktivering/ }).click();
    await page.getByText('Alt som trengs er på plass').waitFor();
    await page.getByRole('button', { name: 'Aktiver', exact: true }).click();

    // ---- the goal page
    await h1(page, 'Flere søkere til bachelorprogrammene').waitFor();
    await page.getByRole('status').filter({ hasText: 'Målet er aktivert.' }).waitFor();
    await page.getByText('Aktivt', { exact: true }).first().waitFor();
    const cards = page.getByRole('article');
    assert.equal(await cards.count(), 3);
    // Nothing is documented: every actual value is "Ikke målt", never 0.
    const notMeasured = await page.locator('.kpi-numbers dd.not-measured').allTextContents();
    assert.equal(notMeasured.length, 3);
    assert.ok(notMeasured.every((t) => t === 'Ikke målt'), notMeasured.join());
    await cards.nth(2).getByText('Innsikt kjøpt fra leverandør').waitFor();
    await cards.first().getByText('Hvor kommer tallet fra?').click();
    await h2(page, 'SMART-sjekk').waitFor();

    // the account page lists the goal; the strategy page shows it under its strategic goal
    await page.getByRole('link', { name: 'Testfak på Instagram' }).click();
    await page.getByRole('link', { name: 'Flere søkere til bachelorprogrammene' }).waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Strategi' }).click();
    await h1(page, 'Strategi').waitFor();
    await page.getByRole('link', { name: 'Flere søkere til bachelorprogrammene' }).waitFor();

    assert.deepEqual(problems, []);
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n--- server output:\n${server.output()}`, { cause: e });
  } finally {
    await browser.close();
    await server.stop();
  }
});
