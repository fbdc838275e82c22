// Monthly evaluations in real Chromium (bokmål), against the real server with the built app
// (`npm run build` first; `npm test` does it). Set up through the API: a unit with an evaluator
// and a manager, an Instagram account with an active goal of three KPIs and last month's
// statistics. The account is registered today; its statistics documented for last month bring
// that month in (drafts are prepared from the month an account came into use). Then last month's drafts are prepared through the API and, as the evaluator: the draft among the
// due/overdue ones on /evaluations, its KPI figures, signing refused without a decision (field
// error), the assessment, "adjust content" and the adjustment, signing after the confirmation,
// the evaluation locked and listed as signed on the account page; as the manager: reopening with
// a reason, and the event with the reason; a viewer reads it without a form. Dates are relative
// to today, as the server's are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserSkip, launchBrowser } from './browser.ts';
import { startTestServer, type TestServer } from './server.ts';
import { api, setUpOrganisation } from './api.ts';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const h2 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 2, name });

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const nb = (n: number) => new Intl.NumberFormat('nb-NO').format(n);

async function signIn(page: Page, email: string, password: string, heading: string | RegExp): Promise<void> {
  await h1(page, 'Logg inn').waitFor();
  await page.getByLabel('E-post', { exact: true }).fill(email);
  await page.getByLabel('Passord', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await h1(page, heading).waitFor();
}

test('monthly evaluation: prepared, written, signed, listed on the account, reopened by the manager', { skip: browserSkip(), timeout: 300_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'maalbar-e2e-evaluations-'));
  let server: TestServer | null = null;
  let browser: Browser | null = null;
  try {
    const now = Date.now();
    const today = iso(now);
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const lastMonthStart = Date.UTC(m === 1 ? y - 1 : y, m === 1 ? 11 : m - 2, 1);
    const thisMonthStart = Date.UTC(y, m - 1, 1);
    const lastMonth = iso(lastMonthStart).slice(0, 7);
    const lastMonthDays = Math.round((thisMonthStart - lastMonthStart) / DAY);
    const inLastMonth = (day: number) => iso(lastMonthStart + (day - 1) * DAY);
    const monthInWords = new Intl.DateTimeFormat('nb-NO', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(lastMonthStart));
    // Due by the 15th of this month, overdue after it.
    const expectedState = d <= 15 ? 'Skal evalueres' : 'Forfalt';

    // ---- the organisation, people, account, goal and statistics, through the API
    server = await startTestServer({ env: { MAALBAR_DATA_DIR: dataDir } });
    const url = server.url;
    const admin = await setUpOrganisation(url, { organisationName: 'Høgskolen i Test', adminName: 'Ada Admin', email: 'ada@example.org', password: 'ada-passord-1', locale: 'nb' });
    await api(url, 'POST', '/units', admin, { name: 'Fakultet for test', kind: 'faculty', slug: 'testfak' });
    await api(url, 'POST', '/people', admin, { name: 'Eva Evaluator', email: 'eva@example.org', password: 'eva-passord-1' });
    await api(url, 'POST', '/role-grants', admin, { person: 'eva@example.org', role: 'evaluator', unit: 'testfak' });
    await api(url, 'POST', '/people', admin, { name: 'Mona Leder', email: 'mona@example.org', password: 'mona-passord-1' });
    await api(url, 'POST', '/role-grants', admin, { person: 'mona@example.org', role: 'manager', unit: 'testfak' });
    await api(url, 'POST', '/people', admin, { name: 'Vera Leser', email: 'vera@example.org', password: 'vera-passord-1' });
    await api(url, 'POST', '/role-grants', admin, { person: 'vera@example.org', role: 'viewer', unit: 'testfak' });
    const account = await api<{ id: string }>(url, 'POST', '/accounts', admin, {
      unit: 'testfak',
      platform: 'instagram',
      name: 'Testfak på Instagram',
      slug: 'testfak-instagram',
      targetAudience: 'Søkere',
      targetAgeGroups: ['18-24'],
    });
    // Last month, every day: reach 320, followers 500 → 500 + days − 1; five posts with likes.
    const observations: { metric: string; date: string; value: number; post?: string }[] = [];
    for (let day = 1; day <= lastMonthDays; day++) {
      observations.push({ metric: 'reach', date: inLastMonth(day), value: 320 }, { metric: 'followers', date: inLastMonth(day), value: 499 + day });
    }
    const likes = [120, 45, 300, 80, 15];
    const posts = likes.map((_, i) => ({
      platformPostId: `p${i + 1}`,
      date: inLastMonth(2 + i * 5),
      postType: 'Bilde',
      permalink: i === 4 ? 'javascript:alert(1)' : `https://www.instagram.com/p/p${i + 1}/`,
      excerpt: i === 2 ? '<b>Opptak</b> åpner – søk nå!' : `Innlegg nummer ${i + 1}`,
    }));
    likes.forEach((value, i) => observations.push({ metric: 'likes', date: inLastMonth(2 + i * 5), value, post: `p${i + 1}` }));
    await api(url, 'POST', `/accounts/${account.id}/observations`, admin, {
      observations,
      posts,
      audience: [{ date: inLastMonth(1), ageDistribution: { '13-17': 5, '18-24': 55, '25-34': 25, '35-44': 15 } }],
    });
    const strategic = await api<{ id: string }>(url, 'POST', '/strategic-goals', admin, { title: 'Rekruttere flere studenter' });
    const goal = await api<{ id: string }>(url, 'POST', '/goals', admin, {
      accounts: [account.id],
      strategicGoal: strategic.id,
      goalType: 'custom',
      qualitativeGoal: 'Flere søkere fra Instagram',
      startDate: iso(lastMonthStart - 40 * DAY),
      deadline: iso(now + 90 * DAY),
      kpis: [
        { metric: 'followers', measurement: 'at_deadline', target: 1000, baseline: 300, targetBasis: 'own_history' },
        { metric: 'reach', measurement: 'per_month', target: 9000, targetBasis: 'own_history' },
        { metric: 'likes', measurement: 'per_post', target: 100, targetBasis: 'own_history' },
      ],
    });
    await api(url, 'POST', `/goals/${goal.id}/status`, admin, { status: 'active' });
    const running = server;
    const prepared = await api<{ month: string; created: number; existing: number }>(running.url, 'POST', '/evaluations/prepare', admin, { month: lastMonth });
    assert.equal(prepared.month, lastMonth);
    assert.equal(prepared.created + prepared.existing, 1, 'one draft for the one active account');

    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));

    // ---- the evaluator finds the draft among the due or overdue ones
    await page.goto(`${running.url}/evaluations`);
    await signIn(page, 'eva@example.org', 'eva-passord-1', 'Månedlige evalueringer');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Evalueringer' }).waitFor();
    const tiles = page.getByRole('list', { name: 'Status for evalueringene' });
    // Per unit: one evaluation in the state of today, none signed.
    const perUnit = page.getByRole('table', { name: 'Evalueringer per enhet og status' });
    const unitCells = await perUnit.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Fakultet for test' }) }).getByRole('cell').allTextContents();
    assert.deepEqual(unitCells, d <= 15 ? ['0', '1', '0', '0'] : ['1', '0', '0', '0'], 'overdue, due, upcoming, signed');
    const stateTile = tiles.getByRole('link', { name: new RegExp(`^${expectedState}`) });
    assert.match((await stateTile.textContent()) ?? '', new RegExp(`${expectedState}\\s*1$`));
    await stateTile.click();
    await page.waitForURL((u) => u.searchParams.get('state') === (d <= 15 ? 'due' : 'overdue'));
    assert.equal(await page.getByLabel('Status', { exact: true }).inputValue(), d <= 15 ? 'due' : 'overdue');
    const table = page.getByRole('table', { name: 'Evalueringer', exact: true });
    const row = table.getByRole('row').filter({ hasText: 'Testfak på Instagram' });
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    for (const text of ['Fakultet for test', expectedState, 'Eva Evaluator', 'Ikke valgt', 'Ikke signert']) assert.ok(rowText.includes(text), `the row shows ${text}: ${rowText}`);
    assert.equal(await row.getByRole('link', { name: 'Testfak på Instagram' }).getAttribute('href'), '/accounts/testfak-instagram/dashboard');
    // The signed ones are none yet.
    await page.getByLabel('Status', { exact: true }).selectOption('signed');
    await page.waitForURL((u) => u.searchParams.get('state') === 'signed');
    await page.getByText('Ingen evalueringer passer med filtrene.').waitFor();
    await page.goBack();
    await page.goto(`${running.url}/evaluations?month=${lastMonth}`);
    assert.equal(await page.getByLabel('Måned', { exact: true }).inputValue(), lastMonth);
    await table.getByRole('link', { name: monthInWords }).click();

    // ---- the draft: heading, state, live figures
    await h1(page, `Månedlig evaluering: Testfak på Instagram — ${monthInWords}`).waitFor();
    await page.getByText(new RegExp(`${expectedState} · Frist: \\d+\\. `)).waitFor();
    await page.getByText(/^Tallene er beregnet nå .* og oppdateres til evalueringen signeres\.$/).waitFor();
    const kpis = page.getByRole('table', { name: `Nøkkeltall for ${monthInWords} mot målverdiene` });
    await kpis.waitFor();
    assert.equal(await kpis.getByRole('row').count(), 4, 'a header and three KPIs');
    const reach = kpis.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Rekkevidde/ }) });
    const reachText = (await reach.textContent()) ?? '';
    assert.ok(reachText.includes(nb(320 * lastMonthDays)), `last month's reach ${nb(320 * lastMonthDays)}: ${reachText}`);
    assert.ok(reachText.includes(nb(9000)), `the target: ${reachText}`);
    // Nothing documented the month before: not measured, and no change – never 0.
    assert.ok(/Ikke målt.*Ikke målt/.test(reachText), `previous month and change not measured: ${reachText}`);
    const followersRow = kpis.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^Følgere/ }) });
    assert.ok(((await followersRow.textContent()) ?? '').includes(String(499 + lastMonthDays)), 'followers at the end of the month');
    await page.getByRole('list', { name: 'Status for nøkkeltallene' }).waitFor();
    await h2(page, 'Publikum og målgruppe').waitFor();
    await page.getByText('Publikum passer med målgruppen').waitFor();
    await page.getByText(`Dokumenterte dager i måneden: ${lastMonthDays} av ${lastMonthDays}.`).waitFor();
    const best = page.getByRole('table', { name: /^Beste innlegg etter/ });
    const bestLink = best.getByRole('row').nth(1).getByRole('link', { name: '<b>Opptak</b> åpner – søk nå!' });
    assert.equal(await bestLink.getAttribute('rel'), 'noopener noreferrer');
    const weakestFirst = page.getByRole('table', { name: /^Svakeste innlegg etter/ }).getByRole('row').nth(1);
    await weakestFirst.getByText('Innlegg nummer 5').waitFor();
    assert.equal(await weakestFirst.getByRole('link').count(), 0, 'a javascript: address is not linked');

    // ---- signing needs a decision; adjusting the content needs the adjustment
    await h2(page, 'Vurdering og beslutning').waitFor();
    const assessment = 'Rekkevidden holdt seg jevn, men innleggene med video nådde flest i målgruppen.';
    await page.getByLabel('Vurdering', { exact: true }).fill(assessment);
    await page.getByRole('button', { name: 'Signer', exact: true }).click();
    const decisions = page.getByRole('group', { name: 'Beslutning' });
    await decisions.getByText('Velg en beslutning før du signerer.').waitFor();
    assert.equal(await page.getByRole('dialog').count(), 0, 'no confirmation while something is missing');
    await page.getByRole('alert').filter({ hasText: /.+/ }).first().waitFor();
    await decisions.getByRole('radio', { name: 'Justere innholdet' }).check();
    await page.getByRole('button', { name: 'Signer', exact: true }).click();
    await page.getByText('Beskriv justeringen når beslutningen er å justere innholdet.').waitFor();
    assert.equal(await page.getByText('Velg en beslutning før du signerer.').count(), 0);
    await page.getByLabel('Justering', { exact: true }).fill('Flere korte videoer med studenter, to i uka.');
    await page.getByRole('button', { name: 'Lagre utkast' }).click();
    await page.getByText('Utkastet er lagret.').waitFor();
    await page.getByRole('button', { name: 'Signer', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Signere evalueringen?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Signer evalueringen' }).click();
    await page.getByText('Evalueringen er signert og låst.').waitFor();

    // ---- locked: no form, the text as written, frozen figures
    assert.equal(await page.getByRole('textbox', { name: 'Vurdering' }).count(), 0, 'the form is gone');
    assert.equal(await page.getByRole('button', { name: 'Signer', exact: true }).count(), 0);
    await page.getByText('Evalueringen er signert og kan ikke endres.').waitFor();
    await page.getByText(assessment).waitFor();
    await page.getByText('Justere innholdet', { exact: true }).waitFor();
    await page.getByText(/^Signert av Eva Evaluator \d/).waitFor();
    await page.getByText(/^Tallene slik de var da evalueringen ble signert/).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Gjenåpne evalueringen' }).count(), 0, 'an evaluator cannot reopen');
    const events = page.getByRole('list', { name: 'Hendelser' });
    await events.getByRole('listitem').filter({ hasText: /^Signert av Eva Evaluator/ }).waitFor();
    await events.getByRole('listitem').filter({ hasText: /^Utkast laget/ }).waitFor();

    // ---- the account page lists it as signed
    await page.goto(`${running.url}/accounts/testfak-instagram`);
    await h1(page, 'Testfak på Instagram').waitFor();
    const history = page.getByRole('region', { name: 'Evalueringer' });
    const historyRow = history.getByRole('row').filter({ has: page.getByRole('link', { name: monthInWords }) });
    await historyRow.waitFor();
    assert.match((await historyRow.textContent()) ?? '', /✓ Signert.*Justere innholdet.*Eva Evaluator/);
    const evaluationPath = await historyRow.getByRole('link', { name: monthInWords }).getAttribute('href');
    assert.ok(evaluationPath?.startsWith('/evaluations/'), `links to the evaluation: ${evaluationPath}`);

    // ---- the manager reopens it, with a reason
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.goto(`${running.url}${evaluationPath}`);
    await signIn(page, 'mona@example.org', 'mona-passord-1', `Månedlig evaluering: Testfak på Instagram — ${monthInWords}`);
    await page.getByRole('button', { name: 'Gjenåpne evalueringen' }).click();
    const reopen = page.getByRole('dialog', { name: 'Gjenåpne evalueringen?' });
    await reopen.waitFor();
    await reopen.getByRole('button', { name: 'Gjenåpne evalueringen' }).click();
    await reopen.getByText('Skriv hvorfor evalueringen gjenåpnes.', { exact: true }).waitFor();
    const reason = 'Tallene for forrige måned var ufullstendige; nye tall er importert.';
    await reopen.getByLabel('Grunn', { exact: true }).fill(reason);
    await reopen.getByRole('button', { name: 'Gjenåpne evalueringen' }).click();
    await page.getByText('Evalueringen er gjenåpnet.').waitFor();
    await events.getByRole('listitem').filter({ hasText: /^Gjenåpnet av Mona Leder/ }).getByText(`Grunn: ${reason}`).waitFor();
    await events.getByRole('listitem').filter({ hasText: /^Signert av Eva Evaluator/ }).waitFor();
    // A draft again: the manager may write it, the figures are live again, the text is kept.
    assert.equal(await page.getByLabel('Vurdering', { exact: true }).inputValue(), assessment);
    await page.getByText(/^Tallene er beregnet nå/).waitFor();

    // ---- a viewer reads it, and can neither write, sign nor reopen it
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.goto(`${running.url}${evaluationPath}`);
    await signIn(page, 'vera@example.org', 'vera-passord-1', `Månedlig evaluering: Testfak på Instagram — ${monthInWords}`);
    await page.getByText('Du kan lese evalueringen, men ikke skrive eller signere den.').waitFor();
    await page.getByText(assessment).waitFor();
    assert.equal(await page.getByRole('textbox').count(), 0, 'no fields to write in');
    assert.equal(await page.getByRole('button', { name: /^(Signer|Lagre utkast|Gjenåpne evalueringen)$/ }).count(), 0);
    await events.getByRole('listitem').filter({ hasText: /^Gjenåpnet av Mona Leder/ }).waitFor();

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
