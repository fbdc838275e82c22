// Reminders in real Chromium (bokmål), against the real server with the built app (`npm run
// build` first; `npm test` does it). Set up through the API: a unit with an evaluator, an
// Instagram account with statistics for last month, and last month's evaluation draft. The
// server is stopped and `maalbar reminders run` makes the reminders on its data (as the hourly
// schedule would), then the server starts again on the same data. As the evaluator: the bell
// says how many are unread, /notifications words the evaluation reminder in Norwegian, marking
// all read clears the badge; on /me the e-mail setting says the server has no SMTP and stays off
// after a reload, a calendar address is made and answers text/calendar (a new one ends the old),
// and a subscription to the unit's monthly report is listed. Dates are relative to today, as the
// server's are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { browserSkip, launchBrowser } from './browser.ts';
import { startTestServer, type TestServer } from './server.ts';
import { api, setUpOrganisation } from './api.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The reminder round on the stopped server's data, through the CLI. */
function runReminders(dataDir: string): string {
  const run = spawnSync(process.execPath, [join(ROOT, 'src/cli/main.ts'), 'reminders', 'run', '--json'], {
    cwd: ROOT,
    env: { ...process.env, MAALBAR_DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(run.status, 0, `maalbar reminders run: ${run.stdout}\n${run.stderr}`);
  return run.stdout;
}

test('reminders: the bell, the notifications page, and my settings (e-mail, calendar feed, report subscription)', { skip: browserSkip(), timeout: 300_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'maalbar-e2e-reminders-'));
  let server: TestServer | null = null;
  let browser: Browser | null = null;
  try {
    const now = Date.now();
    const [y, m, d] = iso(now).split('-').map(Number) as [number, number, number];
    const lastMonthStart = Date.UTC(m === 1 ? y - 1 : y, m === 1 ? 11 : m - 2, 1);
    const lastMonth = iso(lastMonthStart).slice(0, 7);
    const monthInWords = new Intl.DateTimeFormat('nb-NO', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(lastMonthStart));
    const dueInWords = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 15)));
    // Last month's evaluation is due on the 15th of this month, overdue after it.
    const reminderText =
      d <= 15
        ? `Månedsevaluering for Testfak på Instagram for ${monthInWords} skal signeres innen ${dueInWords}`
        : `Månedsevalueringen for Testfak på Instagram for ${monthInWords} er forfalt: den skulle vært signert innen ${dueInWords}`;

    // ---- the organisation, the evaluator, the account with last month's statistics, the draft
    server = await startTestServer({ env: { MAALBAR_DATA_DIR: dataDir } });
    const admin = await setUpOrganisation(server.url, { organisationName: 'Høgskolen i Test', adminName: 'Ada Admin', email: 'ada@example.org', password: 'ada-passord-1', locale: 'nb' });
    await api(server.url, 'POST', '/units', admin, { name: 'Fakultet for test', kind: 'faculty', slug: 'testfak' });
    await api(server.url, 'POST', '/people', admin, { name: 'Eva Evaluator', email: 'eva@example.org', password: 'eva-passord-1' });
    await api(server.url, 'POST', '/role-grants', admin, { person: 'eva@example.org', role: 'evaluator', unit: 'testfak' });
    const account = await api<{ id: string }>(server.url, 'POST', '/accounts', admin, {
      unit: 'testfak',
      platform: 'instagram',
      name: 'Testfak på Instagram',
      slug: 'testfak-instagram',
      targetAudience: 'Søkere',
      targetAgeGroups: ['18-24'],
    });
    const observations = [1, 2, 3].map((day) => ({ metric: 'reach', date: iso(lastMonthStart + (day - 1) * 86_400_000), value: 100 * day }));
    await api(server.url, 'POST', `/accounts/${account.id}/observations`, admin, { observations });
    const prepared = await api<{ created: number; existing: number }>(server.url, 'POST', '/evaluations/prepare', admin, { month: lastMonth });
    assert.equal(prepared.created + prepared.existing, 1, 'last month has a draft');
    await server.stop();
    server = null;
    runReminders(dataDir);
    server = await startTestServer({ env: { MAALBAR_DATA_DIR: dataDir } });
    const url = server.url;

    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));

    // ---- the bell counts the unread ones
    await page.goto(`${url}/dashboard`);
    await h1(page, 'Logg inn').waitFor();
    await page.getByLabel('E-post', { exact: true }).fill('eva@example.org');
    await page.getByLabel('Passord', { exact: true }).fill('eva-passord-1');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    // (A name pattern with `?` does not match in Playwright's role selector: the label is checked in full below.)
    const bell = page.getByRole('link', { name: /^\d+ ulest/ });
    await bell.waitFor();
    const label = (await bell.getAttribute('aria-label')) ?? '';
    const unread = Number(/^(\d+) /.exec(label)?.[1]);
    assert.equal(label, unread === 1 ? '1 ulest varsel' : `${unread} uleste varsler`);
    assert.ok(unread >= 1, `at least the evaluation reminder is unread: ${unread}`);
    assert.equal((await bell.textContent())?.trim(), String(unread), 'the count as a badge');

    // ---- the page words the reminder, links to the evaluation, marks it unread
    await bell.click();
    await h1(page, 'Varsler').waitFor();
    const list = page.getByRole('list', { name: 'Varsler, nyeste først' });
    const item = list.getByRole('listitem').filter({ hasText: reminderText });
    await item.waitFor();
    assert.equal(await list.getByRole('listitem').filter({ hasText: /^Ulest/ }).count(), unread, 'each unread one is marked');
    const link = item.getByRole('link', { name: reminderText });
    assert.match((await link.getAttribute('href')) ?? '', /^\/evaluations\/[0-9a-f-]{36}$/);
    await item.getByText(/Frist: 15\. \w+ \d{4} · Ikke sendt på e-post/).waitFor();
    await item.getByRole('button', { name: `Merk som lest: ${reminderText}` }).waitFor();

    // ---- mark all read: the badge goes, the list keeps them without the mark
    await page.getByRole('button', { name: 'Merk alle som lest' }).click();
    await page.getByText('Alle varsler er merket som lest.').waitFor();
    await page.getByRole('link', { name: 'Varsler, ingen uleste' }).waitFor();
    assert.equal((await page.getByRole('link', { name: 'Varsler, ingen uleste' }).textContent())?.trim(), '', 'no badge');
    assert.equal(await list.getByRole('listitem').filter({ hasText: /^Ulest/ }).count(), 0);
    assert.ok(await page.getByRole('button', { name: 'Merk alle som lest' }).isDisabled());
    await page.getByLabel('Vis bare uleste').check();
    await page.getByText('Du har ingen uleste varsler.').waitFor();

    // ---- my settings: e-mail off stays off; the server has no SMTP here
    await page.getByRole('link', { name: 'Varsler og abonnementer' }).click();
    await h1(page, 'Varsler og abonnementer').waitFor();
    await page.getByText(/Serveren er ikke satt opp til å sende e-post/).waitFor();
    const email = page.getByLabel('Send meg påminnelsene på e-post også');
    assert.ok(await email.isChecked(), 'on by default');
    await email.uncheck();
    await page.getByText('Påminnelser på e-post er slått av.').waitFor();
    await page.reload();
    await h1(page, 'Varsler og abonnementer').waitFor();
    await page.getByText(/Til eva@example\.org\./).waitFor();
    assert.equal(await page.getByLabel('Send meg påminnelsene på e-post også').isChecked(), false, 'still off after a reload');

    // ---- a calendar address, shown once, answers text/calendar; a new one ends the old
    await page.getByText('Du har ingen kalenderadresse.').waitFor();
    await page.getByRole('button', { name: 'Lag kalenderadresse' }).click();
    const address = page.getByLabel('Kalenderadressen', { exact: true });
    await address.waitFor();
    const feedUrl = await address.inputValue();
    assert.match(feedUrl, /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/calendar\/.+\.ics$/);
    await page.getByText(/Outlook: Kalender → Legg til kalender → Fra Internett/).waitFor();
    await page.getByText(/Google Kalender: Andre kalendere → \+ → Fra URL/).waitFor();
    const ics = await fetch(feedUrl);
    assert.equal(ics.status, 200);
    assert.match(ics.headers.get('content-type') ?? '', /^text\/calendar/);
    const body = await ics.text();
    assert.match(body, /^BEGIN:VCALENDAR\r?\n/);
    assert.match(body, /END:VCALENDAR\s*$/);
    await page.getByRole('button', { name: 'Lag en ny adresse' }).click();
    const renew = page.getByRole('dialog', { name: 'Lage en ny kalenderadresse?' });
    await renew.getByRole('button', { name: 'Lag ny adresse' }).click();
    await page.waitForFunction((old) => (document.getElementById('me-calendar-url') as HTMLInputElement | null)?.value !== old, feedUrl);
    const newUrl = await address.inputValue();
    assert.equal((await fetch(newUrl)).status, 200, 'the new address works');
    const old = await fetch(feedUrl);
    assert.ok(old.status >= 400 && old.status < 500, `the old address has ended: ${old.status}`);

    // ---- a subscription to the unit's monthly report, in English
    await page.getByLabel('Enhet', { exact: true }).selectOption({ label: 'Fakultet for test' });
    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    await page.getByRole('button', { name: 'Abonner' }).click();
    await page.getByText('Du abonnerer nå på månedsrapporten for Fakultet for test.').waitFor();
    const row = page.getByRole('table', { name: 'Månedsrapporter på e-post' }).getByRole('row').filter({ hasText: 'Fakultet for test' });
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /Fakultet for test \(Enhet\)Engelsk.*Ikke sendt ennå/);
    await page.reload();
    await row.waitFor();

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
