// The overview's drill-down and the period picker in real Chromium, against the real server with
// the built app. An organisation set up through the API, relative to today: a faculty account
// with KPIs in every status and an audience outside its target group, a department account with
// met and at-risk KPIs, and an X account whose undocumented days are leaving X's window. The
// browser lands on the organisation's overview (bokmål), drills down through the organisation's
// unit and the faculty to the department and back up by the breadcrumbs, steps through the period
// picker (quarter, year, the year before, the same period last year), switches to English, tries
// a wrong and a right custom range of months, and goes on to an account's dashboard. Expected
// figures come from the server's own overview, never written in here; the test checks that the
// page shows them and that they move with the period.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import type { OverviewOut, StatusCounts } from '../src/contract/overview.ts';
import { browserSkip, launchBrowser } from './browser.ts';
import { startTestServer } from './server.ts';
import { api, setUpOrganisation, type Session } from './api.ts';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' ? true : undefined });
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const days = (metric: string, from: string, count: number, value: number) => Array.from({ length: count }, (_, i) => ({ metric, date: addDays(from, i), value }));
const statuses = ['met', 'on_track', 'at_risk', 'missed', 'not_measured'] as const;
const nbLabels: Record<keyof StatusCounts, string> = { met: 'Nådd', on_track: 'I rute', at_risk: 'I fare', missed: 'Ikke nådd', not_measured: 'Ikke målt' };
const enLabels: Record<keyof StatusCounts, string> = { met: 'Met', on_track: 'On track', at_risk: 'At risk', missed: 'Missed', not_measured: 'Not measured' };

/** The tile of a status: its label and count, nothing else ("Nådd 3", not "Ikke nådd 3"). */
const tile = (tiles: Locator, label: string, count: number) => tiles.getByRole('listitem').filter({ hasText: new RegExp(`^${label}\\s*${count}$`) });

async function expectTiles(page: Page, heading: string, counts: StatusCounts, labels: Record<keyof StatusCounts, string>) {
  const tiles = page.getByRole('list', { name: heading });
  for (const s of statuses) await tile(tiles, labels[s], counts[s]).waitFor();
}

/** The organisation: Faculty of Testing (an account directly in it) › Department of Probes (one account); Faculty Two (an X account). */
async function world(url: string, admin: Session) {
  const first = await api<OverviewOut>(url, 'GET', '/dashboards/overview', admin);
  const today = first.asOf;
  // The organisation's own unit, made at set-up, is the top of the tree.
  const root = first.children[0]?.unit.slug;
  assert.ok(root && first.children.length === 1, JSON.stringify(first.children));
  await api(url, 'POST', '/units', admin, { name: 'Faculty of Testing', kind: 'faculty', slug: 'testfac', parent: root });
  await api(url, 'POST', '/units', admin, { name: 'Department of Probes', kind: 'department', slug: 'probes', parent: 'testfac' });
  await api(url, 'POST', '/units', admin, { name: 'Faculty Two', kind: 'faculty', slug: 'two', parent: root });
  const account = (unit: string, platform: string, name: string, slug: string) =>
    api<{ id: string }>(url, 'POST', '/accounts', admin, { unit, platform, name, slug, targetAudience: 'Students', targetAgeGroups: ['18-24'] });
  const ig = await account('testfac', 'instagram', 'Testfac on Instagram', 'testfac-instagram');
  const tt = await account('probes', 'tiktok', 'Probes on TikTok', 'probes-tiktok');
  const x = await account('two', 'x', 'Two on X', 'two-x');

  // 30 documented days up to yesterday; the goals run 30 days back and 30 ahead.
  const from = addDays(today, -30);
  await api(url, 'POST', `/accounts/${ig.id}/observations`, admin, {
    observations: days('reach', from, 30, 10),
    audience: [{ date: addDays(today, -2), ageDistribution: { '18-24': 10, '25-34': 30, '45-54': 60 } }],
  });
  await api(url, 'POST', `/accounts/${tt.id}/observations`, admin, { observations: days('views', from, 30, 100) });
  // One day documented 110 days ago: X shows 91 days, and the oldest undocumented day it still shows leaves tomorrow.
  await api(url, 'POST', `/accounts/${x.id}/observations`, admin, { observations: [{ metric: 'impressions', date: addDays(today, -110), value: 50 }] });

  const strategic = await api<{ id: string }>(url, 'POST', '/strategic-goals', admin, { title: 'Reach the right people' });
  const k = (metric: string, target: number, comparator: 'at_least' | 'at_most' = 'at_least') => ({ kind: 'metric', metric, measurement: 'over_period', target, comparator });
  const goal = async (accountId: string, kpis: ReturnType<typeof k>[]) => {
    const g = await api<{ id: string }>(url, 'POST', '/goals', admin, {
      accounts: [accountId],
      goalType: 'custom',
      qualitativeGoal: 'More of the right people see us',
      strategicGoal: strategic.id,
      startDate: from,
      deadline: addDays(today, 30),
      kpis,
    });
    await api(url, 'POST', `/goals/${g.id}/status`, admin, { status: 'active' });
  };
  // 300 reached so far: ≥ 100 met, ≥ 500 on track (pace about 250), ≥ 5000 at risk, ≤ 100 missed, link clicks not measured.
  await goal(ig.id, [k('reach', 100), k('reach', 500), k('reach', 5000), k('reach', 100, 'at_most'), k('link_clicks', 10)]);
  await goal(tt.id, [k('views', 100), k('views', 1e6), k('views', 2e6)]);
  return { today, root };
}

test('overview: drill-down from the organisation to an account, the period picker, both languages', { skip: browserSkip(), timeout: 240_000 }, async () => {
  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    const admin = await setUpOrganisation(server.url, { organisationName: 'Test College', adminName: 'Ada Admin', email: 'ada@example.org', password: 'ada-password-1', locale: 'nb' });
    const { today, root } = await world(server.url, admin);
    const overview = (query = '') => api<OverviewOut>(server.url, 'GET', `/dashboards/overview${query}`, admin);
    const org = await overview();
    // The organisation shows every state the issue names.
    for (const s of statuses) assert.ok(org.totals.counts[s] > 0, `some KPI is ${s}: ${JSON.stringify(org.totals.counts)}`);
    assert.ok(org.totals.misfits >= 1 && org.totals.gaps >= 1, JSON.stringify(org.totals));
    assert.deepEqual(org.children.map((c) => c.unit.slug), [root], 'the unit of the organisation is the top unit');
    const rootName = org.children[0]?.unit.name ?? '';

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

    // ---- the organisation: tiles with the server's counts, totals, attention with reasons in words
    await h1(page, 'Oversikt').waitFor();
    assert.equal(new URL(page.url()).pathname, '/dashboard');
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Oversikt' }).waitFor();
    await expectTiles(page, 'Status for KPI-ene', org.totals.counts, nbLabels);
    await page.getByRole('heading', { level: 2, name: `Kontoer som trenger oppfølging (${org.attentionTotal})` }).waitFor();
    const igItem = page.getByRole('list', { name: 'Hvorfor Testfac on Instagram trenger oppfølging' });
    await igItem.getByText(/^1 KPI ikke nådd: /).waitFor();
    await igItem.getByText(/største gruppe 45–54 \(60\s%\), målgruppe 18–24/).waitFor();
    await page.getByRole('list', { name: 'Hvorfor Two on X trenger oppfølging' }).getByText(/^Frist snart: 91 dager å dokumentere, forsvinner fra plattformen om 1 dag$/).waitFor();
    // The chart of a metric by unit, with its table alternative.
    await page.getByRole('figure', { name: 'Rekkevidde per enhet' }).waitFor();

    // ---- drill down: the organisation's unit, the faculty, its department, and back up by the breadcrumbs
    await page.getByRole('table', { name: /^Enhetene under Test College/ }).getByRole('link', { name: rootName }).click();
    await page.waitForURL((u) => u.pathname === `/dashboard/units/${root}`);
    await h1(page, rootName).waitFor();
    await expectTiles(page, 'Status for KPI-ene', (await overview(`?unit=${root}`)).totals.counts, nbLabels);
    await page.getByRole('table', { name: new RegExp(`^Enhetene under ${rootName}`) }).getByRole('link', { name: 'Faculty of Testing' }).click();
    await page.waitForURL((u) => u.pathname === '/dashboard/units/testfac' && u.searchParams.get('period') === today.slice(0, 7));
    await h1(page, 'Faculty of Testing').waitFor();
    const crumbs = page.getByRole('navigation', { name: 'Brødsmulesti' });
    await crumbs.getByRole('link', { name: 'Test College' }).first().waitFor();
    await crumbs.getByRole('link', { name: rootName }).last().waitFor();
    await page.getByRole('table', { name: /^Enhetene under Faculty of Testing/ }).getByRole('link', { name: 'Department of Probes' }).click();
    await page.waitForURL((u) => u.pathname === '/dashboard/units/probes');
    await h1(page, 'Department of Probes').waitFor();
    await expectTiles(page, 'Status for KPI-ene', (await overview('?unit=probes')).totals.counts, nbLabels);
    await page.getByRole('table', { name: 'Kontoer som ligger direkte i Department of Probes' }).getByRole('link', { name: 'Probes on TikTok' }).waitFor();
    await crumbs.getByRole('link', { name: 'Faculty of Testing' }).click();
    await page.waitForURL((u) => u.pathname === '/dashboard/units/testfac');
    await h1(page, 'Faculty of Testing').waitFor();
    const fac = await overview('?unit=testfac');
    await expectTiles(page, 'Status for KPI-ene', fac.totals.counts, nbLabels);
    const units = page.getByRole('table', { name: /^Enhetene under Faculty of Testing/ });
    const probesRow = units.getByRole('row').filter({ has: page.getByRole('link', { name: 'Department of Probes' }) });
    const probes = fac.children.find((c) => c.unit.slug === 'probes');
    assert.ok(probes);
    await probesRow.getByRole('cell', { name: String(probes.counts.at_risk), exact: true }).first().waitFor();
    const accounts = page.getByRole('table', { name: 'Kontoer som ligger direkte i Faculty of Testing' });
    await accounts.getByRole('row').filter({ hasText: 'Utenfor målgruppen' }).getByRole('link', { name: 'Testfac on Instagram' }).waitFor();

    // ---- the period picker: quarter, year, the year before, the same period last year
    const picker = page.getByRole('group', { name: 'Periode' });
    const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
    await picker.getByLabel('Type periode').selectOption('quarter');
    await page.waitForURL((u) => u.searchParams.get('period') === quarter);
    await picker.getByText(`${quarter.slice(5)} ${today.slice(0, 4)} (`).waitFor();
    await picker.getByLabel('Type periode').selectOption('year');
    const year = Number(today.slice(0, 4));
    await page.waitForURL((u) => u.searchParams.get('period') === String(year));
    await picker.getByText(`${year} (1. januar – 31. desember ${year})`).waitFor();
    await picker.getByRole('button', { name: `Forrige periode: ${year - 1}` }).click();
    await page.waitForURL((u) => u.searchParams.get('period') === String(year - 1));
    const lastYear = await overview(`?unit=testfac&period=${year - 1}`);
    assert.notDeepEqual(lastYear.totals.counts, fac.totals.counts, 'before the goals started, the KPIs stand differently');
    await expectTiles(page, 'Status for KPI-ene', lastYear.totals.counts, nbLabels);
    await page.getByText(`KPI-ene er vurdert per 31. desember ${year - 1}.`).waitFor();
    await picker.getByLabel('Sammenlign med').selectOption('last_year');
    await page.waitForURL((u) => u.searchParams.get('compare') === 'last_year' && u.searchParams.get('period') === String(year - 1));
    await picker.getByText(`Sammenlignes med samme periode i fjor: 1. januar – 31. desember ${year - 2}.`).waitFor();
    // The period and comparison travel with a drill-down link.
    const link = accounts.getByRole('link', { name: 'Testfac on Instagram' });
    assert.equal(await link.getAttribute('href'), `/accounts/testfac-instagram/dashboard?period=${year - 1}&compare=last_year`);

    // ---- English
    await page.getByRole('button', { name: 'English' }).click();
    await h1(page, 'Faculty of Testing').waitFor();
    await expectTiles(page, 'KPI status', lastYear.totals.counts, enLabels);
    await page.getByRole('group', { name: 'Period' }).getByText(`Compared with the same period last year: 1 January – 31 December ${year - 2}.`).waitFor();
    await page.getByRole('navigation', { name: 'Breadcrumbs' }).waitFor();
    await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: `Next period: ${year}` }).click();
    await page.waitForURL((u) => u.searchParams.get('period') === String(year));
    await expectTiles(page, 'KPI status', (await overview(`?unit=testfac&period=${year}`)).totals.counts, enLabels);
    await page.getByRole('list', { name: 'Why Testfac on Instagram needs attention' }).getByText(/largest group 45–54 \(60%\), target 18–24/).waitFor();

    // ---- a custom range of whole months: a wrong one is explained, a right one is used
    const periodEn = page.getByRole('group', { name: 'Period' });
    await periodEn.getByLabel('Kind of period').selectOption('custom');
    await page.waitForURL((u) => u.searchParams.get('period') === `${year}-01-01..${year}-12-31`);
    await periodEn.getByLabel('To month (inclusive)').fill(`${year - 1}-06`);
    await periodEn.getByRole('alert').filter({ hasText: 'The period ends before it starts.' }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('period'), `${year}-01-01..${year}-12-31`, 'a wrong range is not used');
    await periodEn.getByLabel('To month (inclusive)').fill(`${year}-03`);
    await page.waitForURL((u) => u.searchParams.get('period') === `${year}-01-01..${year}-03-31`);
    await periodEn.getByText(`1 January – 31 March ${year}`, { exact: true }).waitFor();
    await expectTiles(page, 'KPI status', (await overview(`?unit=testfac&period=${year}-01-01..${year}-03-31`)).totals.counts, enLabels);

    // ---- on to the account's dashboard
    await page.getByRole('table', { name: 'Accounts placed directly in Faculty of Testing' }).getByRole('link', { name: 'Testfac on Instagram' }).click();
    await page.waitForURL((u) => u.pathname === '/accounts/testfac-instagram/dashboard');
    await page.getByRole('heading', { level: 1, name: /Testfac on Instagram/ }).waitFor();

    assert.deepEqual(problems, [], 'no errors in the page');
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});
