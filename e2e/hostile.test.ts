// Imported post text with markup is shown as text, in real Chromium against the real server with
// the built app (`npm run build` first). A synthetic Meta Business Suite posts export, written
// here, is imported through the import page; its post texts carry an <img onerror>, a <script>
// and an <svg onload> that would set window.__xss if they ever ran. The account dashboard's best
// and weakest posts show the text literally, no injected element exists, no script ran, no dialog
// opened; and the print HTML of the account's report shows it as text as well.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSkip, launchBrowser } from './browser.ts';
import { startTestServer } from './server.ts';
import { api, setUpOrganisation } from './api.ts';

const DAY = 86_400_000;
const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const h2 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 2, name });

const texts = [
  '<img src=x onerror="window.__xss=1"> Opptak åpner',
  '<script>window.__xss=2</script> Søk nå',
  '<svg onload="window.__xss=3"></svg> Åpen dag',
];

/** MM/DD/YYYY as Meta writes it. */
const metaDay = (ms: number) => {
  const d = new Date(ms);
  return `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()}`;
};

async function noScriptRan(page: Page, where: string) {
  const state = await page.evaluate(() => ({
    flag: (window as unknown as { __xss?: unknown }).__xss ?? null,
    injected: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => (s.textContent ?? '').includes('__xss')).length,
  }));
  assert.deepEqual(state, { flag: null, injected: 0, scripts: 0 }, where);
}

test('imported post text with markup is shown as text, and nothing in it runs', { skip: browserSkip(), timeout: 240_000 }, async () => {
  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    const now = Date.now();
    const today = new Date(now);
    const lastMonthStart = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1);
    const lastMonth = new Date(lastMonthStart).toISOString().slice(0, 7);
    const admin = await setUpOrganisation(server.url, { organisationName: 'Høgskolen i Test', adminName: 'Ada Admin', email: 'ada@example.org', password: 'ada-passord-1', locale: 'nb' });
    await api(server.url, 'POST', '/units', admin, { name: 'Fakultet for test', kind: 'faculty', slug: 'testfak' });
    const account = await api<{ id: string }>(server.url, 'POST', '/accounts', admin, { unit: 'testfak', platform: 'instagram', name: 'Testfak på Instagram', slug: 'testfak-instagram' });
    // A goal with a per-post KPI, so that the dashboard ranks the posts.
    const strategic = await api<{ id: string }>(server.url, 'POST', '/strategic-goals', admin, { title: 'Rekruttere flere studenter' });
    const goal = await api<{ id: string }>(server.url, 'POST', '/goals', admin, {
      accounts: [account.id],
      strategicGoal: strategic.id,
      goalType: 'custom',
      qualitativeGoal: 'Flere søkere fra Instagram',
      startDate: new Date(lastMonthStart).toISOString().slice(0, 10),
      deadline: new Date(now + 60 * DAY).toISOString().slice(0, 10),
      kpis: [
        { metric: 'reach', measurement: 'per_post', target: 500, targetBasis: 'own_history' },
        { metric: 'reach', measurement: 'per_month', target: 9000, targetBasis: 'own_history' },
        { metric: 'followers', measurement: 'at_deadline', target: 1000, targetBasis: 'own_history' },
      ],
    });
    await api(server.url, 'POST', `/goals/${goal.id}/status`, admin, { status: 'active' });

    const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
    const rows = texts.map((text, i) =>
      [`77${i}`, `${metaDay(lastMonthStart + (3 + i * 5) * DAY)} 12:00`, `https://www.instagram.com/p/hostile${i}/`, 'Photos', quote(text), 'Lifetime', String(300 - i * 100)].join(','),
    );
    const file = `Post ID,Publish time,Permalink,Post type,Description,Date,Reach\n${rows.join('\n')}\n`;

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });

    await page.goto(`${server.url}/accounts/testfak-instagram/import`);
    await h1(page, 'Logg inn').waitFor();
    await page.getByLabel('E-post', { exact: true }).fill('ada@example.org');
    await page.getByLabel('Passord', { exact: true }).fill('ada-passord-1');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await h1(page, 'Importer statistikk').waitFor();

    // ---- import the synthetic export through the import page
    await page.getByLabel('Velg filer', { exact: true }).setInputFiles({ name: 'innlegg.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    const item = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 4, name: /innlegg\.csv/ }) });
    await item.getByText('Klar til import', { exact: true }).waitFor();
    await noScriptRan(page, 'import preview');
    await page.getByRole('button', { name: 'Importer 1 fil' }).click();
    await item.getByText('Importert', { exact: true }).waitFor();
    await noScriptRan(page, 'import result');

    // ---- the dashboard's best and weakest posts: the text literally, nothing run or injected
    await page.goto(`${server.url}/accounts/testfak-instagram/dashboard?period=${lastMonth}`);
    await h2(page, 'Beste og svakeste innlegg').waitFor();
    const best = page.getByRole('table', { name: /^Beste innlegg etter/ });
    for (const text of texts) await best.getByText(text, { exact: true }).waitFor();
    const weakest = page.getByRole('table', { name: /^Svakeste innlegg etter/ });
    await weakest.getByText(texts[2]!, { exact: true }).waitFor();
    await noScriptRan(page, 'account dashboard');

    // ---- the print HTML of the account's report for last month's year (a download): loaded into
    // the page without the server's CSP, so only its escaping stands between the text and a script
    const year = lastMonth.slice(0, 4);
    const report = await context.request.get(`${server.url}/api/v1/reports/annual?year=${year}&account=${account.id}&format=html`);
    assert.equal(report.status(), 200);
    const html = await report.text();
    await page.goto('about:blank'); // a document of its own: no CSP carried over from the app
    await page.setContent(html, { waitUntil: 'load' });
    const body = (await page.locator('body').textContent()) ?? '';
    for (const text of texts) assert.ok(body.includes(text), `the report shows "${text}" as text`);
    await noScriptRan(page, 'print HTML report');

    assert.deepEqual(problems, []);
    // The detector itself: the same markup unescaped does run and is found.
    await page.goto('about:blank');
    await page.setContent(`<p>${texts[0]}</p>`, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { __xss?: unknown }).__xss === 1);
    await assert.rejects(noScriptRan(page, 'unescaped markup'));
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});
