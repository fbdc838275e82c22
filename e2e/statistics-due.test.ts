// The due list and the platforms' history windows in real Chromium (English), against the real
// server with the built app. An account documented once, 360 days ago, has undocumented days about
// to leave TikTok's window: the due list (from the main menu) says so with the deadline and the
// export to download. An administrator shortens TikTok's window on the history windows page (from
// My settings): the deadline moves closer; back to the default, it is as before. Expected
// deadlines come from the server's own due list, never written in here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSkip, launchBrowser } from './browser.ts';
import { startTestServer } from './server.ts';
import { api, setUpOrganisation } from './api.ts';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const status = (page: Page, text: string | RegExp) => page.getByRole('status').filter({ hasText: text });

interface DueItemLike {
  account: { slug: string };
  status: string;
  deadline: string | null;
  daysLeft: number | null;
  exportName: { en: string };
}


const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const enDay = (day: string) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

test('the due list follows the history window an administrator sets', { skip: browserSkip(), timeout: 180_000 }, async () => {
  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    const admin = await setUpOrganisation(server.url, { organisationName: 'Test College', adminName: 'Ada Admin', email: 'ada@example.org', password: 'ada-password-1', locale: 'en' });
    await api(server.url, 'POST', '/units', admin, { name: 'Faculty of Testing', kind: 'faculty', slug: 'testfac' });
    const account = await api<{ id: string }>(server.url, 'POST', '/accounts', admin, {
      unit: 'testfac',
      platform: 'tiktok',
      name: 'Testfac on TikTok',
      slug: 'testfac-tiktok',
      targetAudience: 'Applicants',
      targetAgeGroups: ['18-24'],
    });
    const before = await api<{ asOf: string; items: DueItemLike[] }>(server.url, 'GET', '/statistics/due', admin);
    // One documented day, 360 days ago: the days after it are still to cover.
    await api(server.url, 'POST', `/accounts/${account.id}/observations`, admin, { observations: [{ metric: 'views', date: addDays(before.asOf, -360), value: 5 }] });
    const due = async () => {
      const list = await api<{ items: DueItemLike[] }>(server.url, 'GET', '/statistics/due', admin);
      const item = list.items.find((i) => i.account.slug === 'testfac-tiktok');
      assert.ok(item && item.deadline !== null && item.daysLeft !== null, JSON.stringify(list));
      return item as DueItemLike & { deadline: string; daysLeft: number };
    };
    const byDefault = await due();
    assert.equal(byDefault.status, 'due', 'the oldest day to cover leaves the 365-day window within two weeks');

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto(`${server.url}/`);
    // The sign-in page speaks bokmål until it knows who you are; then Ada's language, English.
    await h1(page, 'Logg inn').waitFor();
    await page.getByLabel('E-post', { exact: true }).fill('ada@example.org');
    await page.getByLabel('Passord', { exact: true }).fill('ada-password-1');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await h1(page, 'Overview').waitFor();

    // ---- the due list, from the main menu
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Due' }).click();
    await h1(page, 'Statistics due').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Due within 14 days (1 account)' }).waitFor();
    const entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: 'Testfac on TikTok' }) });
    await entry.getByText(`Download by ${enDay(byDefault.deadline)} (${byDefault.daysLeft} days left).`).waitFor();
    await entry.getByText(`Download: ${byDefault.exportName.en}.`, { exact: false }).waitFor();
    await entry.getByRole('link', { name: 'Import for Testfac on TikTok' }).waitFor();

    // ---- an administrator shortens TikTok's window
    await page.getByRole('link', { name: /Ada Admin/ }).click();
    await h1(page, 'My settings').waitFor();
    await page.getByRole('link', { name: 'History windows of the platforms' }).click();
    await h1(page, 'History windows of the platforms').waitFor();
    const tiktok = page.getByRole('region', { name: 'TikTok' });
    await tiktok.getByText('Change the history window of TikTok').click();
    await tiktok.getByLabel('Days back the platform shows', { exact: true }).fill('300');
    await tiktok.getByLabel(/^Note/).fill('Checked in TikTok Studio');
    await tiktok.getByRole('button', { name: 'Save for TikTok' }).click();
    await status(page, 'The history window of TikTok is now 300 days.').waitFor();
    await tiktok.getByText('Set by the organisation').waitFor();
    const shortened = await due();
    assert.ok(shortened.daysLeft < byDefault.daysLeft, `a shorter window brings the deadline closer (${shortened.daysLeft} < ${byDefault.daysLeft})`);

    await page.getByRole('link', { name: 'Due', exact: true }).click();
    await h1(page, 'Statistics due').waitFor();
    await entry.getByText(`Download by ${enDay(shortened.deadline)} (${shortened.daysLeft} ${shortened.daysLeft === 1 ? 'day' : 'days'} left).`).waitFor();
    await entry.getByText('The platform shows the last 300 days.').waitFor();

    // ---- back to the default
    await page.goBack();
    await h1(page, 'History windows of the platforms').waitFor();
    await tiktok.getByText('Change the history window of TikTok').click();
    await tiktok.getByRole('button', { name: 'Back to the default for TikTok' }).click();
    await status(page, 'TikTok uses the default again: 365 days.').waitFor();
    assert.equal((await due()).deadline, byDefault.deadline);

    assert.deepEqual(problems, [], 'no errors in the page');
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});
