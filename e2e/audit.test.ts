// The audit trail in real Chromium (English): an administrator finds it in the menu, sees a change
// with its before → after, filters by what changed, loads more, and the downloads keep the
// filters; a unit manager sees their unit's changes and not another unit's; a viewer has no such
// menu entry. Needs `npm run build` first (`npm test` does it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { browserSkip, launchBrowser } from './browser.ts';
import { startTestServer } from './server.ts';
import { api, setUpOrganisation } from './api.ts';

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

async function signIn(browser: Browser, url: string, email: string, password: string, problems: string[]) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${url}/`);
  await h1(page, 'Logg inn').waitFor();
  await page.getByLabel('E-post', { exact: true }).fill(email);
  await page.getByLabel('Passord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await h1(page, 'Overview').waitFor();
  return { context, page };
}

test('administrators and unit managers read the audit trail', { skip: browserSkip(), timeout: 180_000 }, async () => {
  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    const admin = await setUpOrganisation(server.url, { organisationName: 'Test College', adminName: 'Ada Admin', email: 'ada@example.org', password: 'ada-password-1', locale: 'en' });
    await api(server.url, 'POST', '/units', admin, { name: 'Faculty of Testing', kind: 'faculty', slug: 'testfac' });
    await api(server.url, 'POST', '/units', admin, { name: 'Other Faculty', kind: 'faculty', slug: 'other' });
    const account = await api<{ id: string }>(server.url, 'POST', '/accounts', admin, { unit: 'testfac', platform: 'instagram', name: 'Testfac on Instagram' });
    await api(server.url, 'PATCH', `/accounts/${account.id}`, admin, { name: 'Testfac Instagram' });
    await api(server.url, 'POST', '/accounts', admin, { unit: 'other', platform: 'tiktok', name: 'Other on TikTok' });
    for (const [email, role] of [['maja@example.org', 'manager'], ['vera@example.org', 'viewer']] as const) {
      await api(server.url, 'POST', '/people', admin, { name: email.split('@')[0], email, password: `${role}-password-1`, locale: 'en' });
      await api(server.url, 'POST', '/role-grants', admin, { person: email, role, unit: 'testfac' });
    }
    // Enough changes for a second page (50 a page).
    for (let i = 0; i < 50; i++) await api(server.url, 'PATCH', '/units/other', admin, { name: `Other Faculty ${i}` });

    const problems: string[] = [];
    // ---- the administrator
    const a = await signIn(browser, server.url, 'ada@example.org', 'ada-password-1', problems);
    await a.page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Audit trail' }).click();
    await h1(a.page, 'Audit trail').waitFor();
    const table = a.page.getByRole('table', { name: 'Changes, newest first' });
    await a.page.getByRole('status').filter({ hasText: '50 changes shown' }).waitFor();
    await a.page.getByRole('button', { name: 'Load more' }).click();
    await a.page.getByRole('status').filter({ hasText: /\d+ changes shown/ }).filter({ hasNotText: '50 changes' }).waitFor();
    assert.ok((await table.getByRole('row').count()) > 51);

    await a.page.getByLabel('What', { exact: true }).selectOption('account');
    // Two accounts registered, one renamed.
    await a.page.getByRole('status').filter({ hasText: '3 changes shown' }).waitFor();
    const renamed = table.getByRole('row').filter({ hasText: 'Account changed' });
    await renamed.filter({ hasText: 'Testfac on Instagram → Testfac Instagram' }).waitFor();
    await renamed.filter({ hasText: 'Ada Admin' }).waitFor();
    assert.equal(await table.getByRole('row').filter({ hasText: 'Unit changed' }).count(), 0);
    const csv = await a.page.getByRole('link', { name: 'Download the changes as CSV' }).getAttribute('href');
    assert.match(csv ?? '', /\/api\/v1\/audit-events\/export\?entityType=account&format=csv&locale=en/);
    const download = await a.page.request.get(`${server.url}${csv}`);
    assert.equal(download.status(), 200);
    const text = await download.text();
    assert.ok(text.includes('Testfac Instagram') && text.includes('Other on TikTok'));
    await a.context.close();

    // ---- the unit manager: their faculty's changes only
    const m = await signIn(browser, server.url, 'maja@example.org', 'manager-password-1', problems);
    await m.page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Audit trail' }).click();
    await h1(m.page, 'Audit trail').waitFor();
    const mine = m.page.getByRole('table', { name: 'Changes, newest first' });
    await mine.getByRole('row').filter({ hasText: 'Testfac Instagram' }).first().waitFor();
    assert.equal(await mine.getByRole('row').filter({ hasText: 'Other' }).count(), 0, "another unit's changes");
    await m.context.close();

    // ---- a viewer: no menu entry
    const v = await signIn(browser, server.url, 'vera@example.org', 'viewer-password-1', problems);
    assert.equal(await v.page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Audit trail' }).count(), 0);
    await v.context.close();

    assert.deepEqual(problems, []);
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : String(e)}\n--- server output ---\n${server.output()}`, { cause: e });
  } finally {
    await browser.close();
    await server.stop();
  }
});
