// Competitors in real Chromium (English): register a competitor from the menu, enter a figure by
// hand and a CSV file, see the figures table, and the unit's share of voice computed from the
// unit's own documented mentions. Needs `npm run build` first (`npm test` does it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSkip, launchBrowser } from './browser.ts';
import { startTestServer } from './server.ts';
import { api, setUpOrganisation } from './api.ts';

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });



async function chooseOption(page: Page, label: string, text: string) {
  const select = page.getByLabel(label, { exact: true });
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  assert.ok(value, `an option "${text}" in "${label}"`);
  await select.selectOption(value);
}

test('register a competitor, enter its figures, see share of voice', { skip: browserSkip(), timeout: 180_000 }, async () => {
  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    const admin = await setUpOrganisation(server.url, { organisationName: 'Test College', adminName: 'Ada Admin', email: 'ada@example.org', password: 'ada-password-1', locale: 'en' });
    await api(server.url, 'POST', '/units', admin, { name: 'Faculty of Testing', kind: 'faculty', slug: 'testfac' });
    const account = await api<{ id: string }>(server.url, 'POST', '/accounts', admin, { unit: 'testfac', platform: 'instagram', name: 'Testfac on Instagram' });
    // Own mentions in January 2025: 25 + 35 = 60.
    await api(server.url, 'POST', `/accounts/${account.id}/observations`, admin, {
      observations: [
        { metric: 'mentions', date: '2025-01-05', value: 25 },
        { metric: 'mentions', date: '2025-01-20', value: 35 },
      ],
    });

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto(`${server.url}/`);
    await h1(page, 'Logg inn').waitFor();
    await page.getByLabel('E-post', { exact: true }).fill('ada@example.org');
    await page.getByLabel('Passord', { exact: true }).fill('ada-password-1');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await h1(page, 'Overview').waitFor();

    // ---- register a competitor, from the main menu
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Competitors' }).click();
    await h1(page, 'Competitors and peers').waitFor();
    await page.getByText('No competitors are registered yet.').waitFor();
    await page.getByRole('link', { name: 'Register competitor' }).click();
    await h1(page, 'Register a competitor or peer account').waitFor();
    await chooseOption(page, 'Unit', 'Faculty of Testing');
    await page.getByLabel('Platform', { exact: true }).selectOption('instagram');
    await page.getByLabel('Name', { exact: true }).fill('Rival College');
    await page.getByLabel('Handle (optional)', { exact: true }).fill('@rival');
    await page.getByRole('button', { name: 'Register', exact: true }).click();
    await h1(page, 'Rival College').waitFor();
    await page.getByText('No figures are entered yet.').waitFor();

    // ---- one figure by hand: January's mentions (a month)
    await page.getByLabel('Figure', { exact: true }).selectOption('mentions');
    await page.getByLabel('Date', { exact: true }).fill('2025-01');
    await page.getByLabel('Value', { exact: true }).fill('140');
    await page.getByRole('button', { name: 'Enter', exact: true }).click();
    await status(page, '1 new, 0 corrected (old value kept), 0 unchanged.').waitFor();
    const table = page.getByRole('table', { name: 'Figures' });
    await table.getByRole('row').filter({ hasText: 'Mentions' }).filter({ hasText: '2025-01 (month)' }).filter({ hasText: '140' }).waitFor();

    // ---- a CSV file: refused whole with the row and column, then a good one
    const csvInput = page.getByLabel('CSV file', { exact: true });
    await csvInput.setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('date,metric,value\n2025-01-15,followers,5000\n2025-01-16,reach,9\n') });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'bad.csv, row 3, column "metric"' }).waitFor();
    await csvInput.setInputFiles({ name: 'rival.csv', mimeType: 'text/csv', buffer: Buffer.from('date,metric,value,note\n2025-01-15,followers,5000,profile\n') });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await status(page, '1 new, 0 corrected (old value kept), 0 unchanged.').waitFor();
    await table.getByRole('row').filter({ hasText: 'Followers' }).filter({ hasText: '5,000' }).waitFor();
    assert.equal(await table.getByRole('row').filter({ hasText: 'Reach' }).count(), 0);

    // ---- share of voice of the faculty in January 2025: 60 / (60 + 140) × 100 = 30 %
    await page.getByRole('link', { name: 'Back to competitors' }).click();
    await h1(page, 'Competitors and peers').waitFor();
    await page.getByRole('link', { name: 'Share of voice', exact: true }).click();
    await h1(page, 'Share of voice').waitFor();
    await chooseOption(page, 'Unit', 'Faculty of Testing');
    await page.getByLabel('From', { exact: true }).fill('2025-01-01');
    await page.getByLabel('To', { exact: true }).fill('2025-01-31');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByTestId('share-of-voice').filter({ hasText: '30 %' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Rival College' }).filter({ hasText: '140' }).waitFor();
    await page.getByRole('row').filter({ hasText: 'Own mentions (1 account)' }).filter({ hasText: '60' }).waitFor();
    // A month without mentions: not measured, not 0 %.
    await page.getByLabel('From', { exact: true }).fill('2024-06-01');
    await page.getByLabel('To', { exact: true }).fill('2024-06-30');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    await page.getByText('Not measured: mentions are not documented both for the unit and for at least one competitor in the period.').waitFor();

    assert.deepEqual(problems, []);
    await context.close();
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n--- server output ---\n${server.output()}`, { cause: e });
  } finally {
    await browser.close();
    await server.stop();
  }
});
