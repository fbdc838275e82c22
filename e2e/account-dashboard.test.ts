// The account dashboard and the comparison page in real Chromium (bokmål), against the real server
// with the built app (`npm run build` first; `npm test` does it). Set up through the API: three
// Instagram accounts, four months of daily followers and reach for one of them with posts, their
// likes and an audience snapshot, an active goal with four KPIs; last month's reach, followers and
// posts for another. Then: the dashboard's KPIs with their statuses, a chart's table alternative
// with the documented numbers, the best and weakest posts (imported text shown as text), the
// audience against the target group, the period picker changing the address and the content; the
// comparison page ranking differently per 1000 followers, with the percentiles and the account
// that cannot be compared. Dates are relative to today, as the server evaluates as of today.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSkip, launchBrowser } from './browser.ts';
import { startTestServer } from './server.ts';
import { api, setUpOrganisation } from './api.ts';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const h2 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 2, name });

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const statuses = ['Nådd', 'I rute', 'I fare', 'Ikke nådd', 'Ikke målt'];

test('account dashboard and comparison of accounts', { skip: browserSkip(), timeout: 240_000 }, async () => {
  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    const now = Date.now();
    const today = iso(now);
    const [y, m] = today.split('-').map(Number) as [number, number];
    const lastMonthStart = Date.UTC(m === 1 ? y - 1 : y, m === 1 ? 11 : m - 2, 1);
    const thisMonthStart = Date.UTC(y, m - 1, 1);
    const lastMonth = iso(lastMonthStart).slice(0, 7);
    const lastMonthDays = Math.round((thisMonthStart - lastMonthStart) / DAY);
    const inLastMonth = (d: number) => iso(lastMonthStart + (d - 1) * DAY);
    // The dashboard of last month is evaluated as of its last day: A's followers then.
    const followersAtEnd = 430 - Math.round((Date.UTC(y, m - 1, Number(today.slice(8))) - (thisMonthStart - DAY)) / DAY);

    const admin = await setUpOrganisation(server.url, { organisationName: 'Høgskolen i Test', adminName: 'Ada Admin', email: 'ada@example.org', password: 'ada-passord-1', locale: 'nb' });
    await api(server.url, 'POST', '/units', admin, { name: 'Fakultet for test', kind: 'faculty', slug: 'testfak' });
    const account = (name: string, slug: string) =>
      api<{ id: string }>(server.url, 'POST', '/accounts', admin, { unit: 'testfak', platform: 'instagram', name, slug, targetAudience: 'Søkere', targetAgeGroups: ['18-24'] });
    const a = await account('Testfak på Instagram', 'testfak-instagram');
    const b = await account('Studentliv på Instagram', 'studentliv-instagram');
    await account('Stille konto', 'stille-konto');

    // A: 130 days of followers (300, 301, … so the last is 429) and reach up to yesterday.
    const observations: { metric: string; date: string; value: number; post?: string }[] = [];
    for (let i = 0; i < 130; i++) {
      const date = iso(now - (130 - i) * DAY);
      observations.push({ metric: 'followers', date, value: 300 + i }, { metric: 'reach', date, value: 200 + (i % 7) * 10 });
    }
    const likes = [120, 45, 300, 80, 15];
    const posts = likes.map((_, i) => ({
      platformPostId: `p${i + 1}`,
      date: inLastMonth(2 + i * 5),
      postType: i === 2 ? 'Reel' : 'Bilde',
      permalink: i === 4 ? 'javascript:alert(1)' : `https://www.instagram.com/p/p${i + 1}/`,
      excerpt: i === 2 ? '<b>Opptak</b> åpner – søk nå!' : `Innlegg nummer ${i + 1}`,
    }));
    likes.forEach((value, i) => observations.push({ metric: 'likes', date: inLastMonth(2 + i * 5), value, post: `p${i + 1}` }));
    await api(server.url, 'POST', `/accounts/${a.id}/observations`, admin, {
      observations,
      posts,
      audience: [{ date: inLastMonth(1), ageDistribution: { '13-17': 5, '18-24': 55, '25-34': 25, '35-44': 15 } }],
    });
    // B: last month only, every day: reach 500 a day, 10 000 followers, ten posts.
    const bObs: { metric: string; date: string; value: number }[] = [];
    for (let d = 1; d <= lastMonthDays; d++) bObs.push({ metric: 'reach', date: inLastMonth(d), value: 500 }, { metric: 'followers', date: inLastMonth(d), value: 10_000 });
    await api(server.url, 'POST', `/accounts/${b.id}/observations`, admin, {
      observations: bObs,
      posts: Array.from({ length: 10 }, (_, i) => ({ platformPostId: `b${i}`, date: inLastMonth(1 + i) })),
    });

    const strategic = await api<{ id: string }>(server.url, 'POST', '/strategic-goals', admin, { title: 'Rekruttere flere studenter' });
    const goal = await api<{ id: string }>(server.url, 'POST', '/goals', admin, {
      accounts: [a.id],
      strategicGoal: strategic.id,
      goalType: 'custom',
      qualitativeGoal: 'Flere søkere fra Instagram',
      startDate: iso(now - 130 * DAY),
      deadline: iso(now + 60 * DAY),
      kpis: [
        { metric: 'followers', measurement: 'at_deadline', target: 1000, baseline: 300, targetBasis: 'own_history' },
        { metric: 'reach', measurement: 'per_month', target: 9000, targetBasis: 'own_history' },
        { metric: 'likes', measurement: 'per_post', target: 100, targetBasis: 'own_history' },
        { kind: 'audience_share', ageGroups: ['18-24'], measurement: 'at_deadline', target: 60, targetBasis: 'vendor_insight' },
      ],
    });
    await api(server.url, 'POST', `/goals/${goal.id}/status`, admin, { status: 'active' });
    // A goal whose deadline is today: as of today it has no forecast, so its chart shows the months.
    const ended = await api<{ id: string }>(server.url, 'POST', '/goals', admin, {
      accounts: [a.id],
      strategicGoal: strategic.id,
      goalType: 'custom',
      qualitativeGoal: 'Holde rekkevidden oppe',
      startDate: iso(now - 130 * DAY),
      deadline: today,
      kpis: [
        { metric: 'reach', measurement: 'per_month', target: 9000, targetBasis: 'own_history' },
        { metric: 'followers', measurement: 'at_deadline', target: 1000, targetBasis: 'own_history' },
        { metric: 'reach', measurement: 'over_period', target: 100_000, targetBasis: 'own_history' },
      ],
    });
    await api(server.url, 'POST', `/goals/${ended.id}/status`, admin, { status: 'active' });
    // A month of this year with reach documented (last month, or in January this one): its total.
    const nb = (n: number) => new Intl.NumberFormat('nb-NO').format(n);
    const checkedMonth = lastMonth.startsWith(String(y)) ? lastMonth : today.slice(0, 7);
    const reachInMonth = observations.filter((o) => o.metric === 'reach' && o.date.startsWith(checkedMonth)).reduce((sum, o) => sum + o.value, 0);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto(`${server.url}/accounts/testfak-instagram`);
    await h1(page, 'Logg inn').waitFor();
    await page.getByLabel('E-post', { exact: true }).fill('ada@example.org');
    await page.getByLabel('Passord', { exact: true }).fill('ada-passord-1');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    await h1(page, 'Testfak på Instagram').waitFor();

    // ---- from the account page to its dashboard
    await page.getByRole('link', { name: 'Dashbord', exact: true }).click();
    await h1(page, 'Dashbord for Testfak på Instagram').waitFor();
    await page.getByRole('navigation', { name: 'Brødsmulesti' }).getByRole('link', { name: 'Fakultet for test' }).waitFor();
    await page.goto(`${server.url}/accounts/testfak-instagram/dashboard?period=${lastMonth}`);
    await h1(page, 'Dashbord for Testfak på Instagram').waitFor();

    // Status tiles and one card per KPI, each with its status in words.
    await h2(page, 'Status for nøkkeltallene').waitFor();
    const tiles = page.getByRole('list', { name: 'Status for nøkkeltallene' });
    for (const s of statuses) await tiles.getByText(s, { exact: true }).waitFor();
    const cards = page.getByRole('article');
    assert.equal(await cards.count(), 7);
    for (let i = 0; i < 7; i++) {
      const text = (await cards.nth(i).getByRole('heading', { level: 4 }).locator('..').textContent()) ?? '';
      assert.ok(statuses.some((s) => text.includes(s)), `card ${i} shows a status: ${text}`);
    }
    // Followers at the end of last month, against the target.
    const firstGoal = page.getByRole('region', { name: /^Flere søkere fra Instagram/ });
    const followers = firstGoal.getByRole('article').filter({ has: page.getByRole('heading', { level: 4, name: /^Følgere/ }) });
    await followers.locator('dd.actual').getByText(String(followersAtEnd), { exact: true }).waitFor();
    await followers.getByText('Målverdi', { exact: true }).first().waitFor();
    // Its chart's table alternative holds the documented values.
    await followers.getByText('Vis tallene som tabell').click();
    const table = followers.getByRole('table');
    await table.waitFor();
    const tableText = (await table.textContent()) ?? '';
    for (const v of [String(followersAtEnd), String(followersAtEnd - 1), '300']) assert.ok(tableText.includes(v), `the chart table has ${v}`);
    assert.ok(tableText.includes('Målverdi') && tableText.includes('Tempolinje'), 'target and pace columns');

    // ---- best and weakest posts by likes; imported text shown as text, unsafe links not linked
    await h2(page, 'Beste og svakeste innlegg').waitFor();
    const best = page.getByRole('table', { name: /^Beste innlegg etter/ });
    const bestFirst = best.getByRole('row').nth(1);
    await bestFirst.getByText('<b>Opptak</b> åpner – søk nå!').waitFor();
    assert.match((await bestFirst.textContent()) ?? '', /300/);
    const link = bestFirst.getByRole('link', { name: '<b>Opptak</b> åpner – søk nå!' });
    assert.equal(await link.getAttribute('href'), 'https://www.instagram.com/p/p3/');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    const weakest = page.getByRole('table', { name: /^Svakeste innlegg etter/ });
    const weakestFirst = weakest.getByRole('row').nth(1);
    await weakestFirst.getByText('Innlegg nummer 5').waitFor();
    assert.equal(await weakestFirst.getByRole('link').count(), 0, 'a javascript: address is not linked');

    // ---- audience against the target group
    await h2(page, 'Publikum etter alder').waitFor();
    await page.getByText('Publikum passer med målgruppen').waitFor();
    const audience = page.getByRole('region', { name: 'Publikum etter alder' });
    await audience.getByText('Vis tallene som tabell').click();
    const audienceTable = (await audience.getByRole('table').textContent()) ?? '';
    assert.ok(audienceTable.includes('55') && audienceTable.includes('60'), `shares and the 60 % target: ${audienceTable}`);

    // ---- coverage and freshness
    await h2(page, 'Dekning og ferskhet').waitFor();
    const lastMonthEnd = new Intl.DateTimeFormat('nb-NO', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(thisMonthStart - DAY));
    await page.getByText(new RegExp(`^Nyeste dokumenterte dag per .*: ${lastMonthEnd.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)).waitFor();

    // ---- the period picker changes the address and the content
    const asOf = page.getByText(/^Periode .* Nøkkeltallene er beregnet per/);
    const before = await asOf.textContent();
    await page.getByLabel('Type periode', { exact: true }).selectOption('year');
    await page.waitForURL((url) => url.searchParams.get('period') === lastMonth.slice(0, 4));
    // This year (last month's year, except in January).
    await page.getByLabel('År', { exact: true }).selectOption(String(y));
    await page.waitForURL((url) => url.searchParams.get('period') === String(y));
    await page.getByText(new RegExp(`^Periode 1\\. jan\\. ${y} – 31\\. des\\. ${y}\\. Nøkkeltallene`)).waitFor();
    assert.notEqual(await page.getByText(/^Periode .* Nøkkeltallene er beregnet per/).textContent(), before);
    const figures = page.getByRole('table', { name: /^Tallene for 1\. jan\./ });
    await figures.getByRole('row').filter({ hasText: 'Rekkevidde' }).waitFor();
    // As of today the ended goal has no forecast: its reach KPI shows the year's months, with the target.
    const endedGoal = page.getByRole('region', { name: /^Holde rekkevidden oppe/ });
    const months = endedGoal.getByRole('figure', { name: 'Rekkevidde per måned i perioden' }).first();
    await months.getByText('Vis tallene som tabell').click();
    const monthsText = (await months.getByRole('table').textContent()) ?? '';
    if (reachInMonth > 0) assert.ok(monthsText.includes(nb(reachInMonth)), `the reach of ${checkedMonth}, ${nb(reachInMonth)}, in ${monthsText}`);
    assert.ok(monthsText.includes('ikke målt') && monthsText.includes('Målverdi'), 'months before the data are not measured; the target per month is shown');
    await page.getByLabel('Sammenlign med', { exact: true }).selectOption('last_year');
    await page.waitForURL((url) => url.searchParams.get('compare') === 'last_year');
    await page.getByRole('columnheader', { name: 'Samme periode i fjor' }).waitFor();

    // A custom range of part months is explained; the picker stays to choose again.
    await page.goto(`${server.url}/accounts/testfak-instagram/dashboard?period=${lastMonth}-03..${lastMonth}-20`);
    await page.getByRole('alert').filter({ hasText: 'Månedstallene kan bare vises for hele måneder.' }).waitFor();
    await page.getByLabel('Type periode', { exact: true }).selectOption('month');
    await h1(page, 'Dashbord for Testfak på Instagram').waitFor();

    // ---- comparison of accounts, from the main menu
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Sammenlign' }).click();
    await h1(page, 'Sammenlign kontoer').waitFor();
    await page.getByText(/den interne referansen som målverdier bygger på/).waitFor();
    await page.getByLabel('Måltall', { exact: true }).selectOption('reach');
    await page.waitForURL((url) => url.searchParams.get('metric') === 'reach');
    await page.goto(`${server.url}/compare?metric=reach&period=${lastMonth}`);
    await h1(page, 'Sammenlign kontoer').waitFor();
    const ranking = page.getByRole('table', { name: 'Rangering på Instagram etter Rekkevidde' });
    // Raw: Studentliv's 500 a day beats Testfak's 200–260.
    await ranking.getByRole('row').nth(1).getByRole('link', { name: 'Studentliv på Instagram' }).waitFor();
    const notComparable = page.getByRole('heading', { level: 3, name: /^Ikke sammenlignbar/ });
    await notComparable.waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Stille konto' }).getByText(/ikke målt i perioden/).waitFor();
    const percentiles = async () => {
      const figure = page.getByRole('figure', { name: /^Persentiler for Rekkevidde på Instagram/ });
      // The table alternative is in the page (in a closed <details>) whether shown or not.
      return (await figure.locator('table').textContent()) ?? '';
    };
    const rawPercentiles = await percentiles();
    assert.match(rawPercentiles, /Median/);

    // Per 1000 followers: Testfak (about 430 followers) beats Studentliv (10 000).
    await page.getByRole('radio', { name: 'Per 1000 følgere' }).check();
    await page.waitForURL((url) => url.searchParams.get('normalise') === 'per_follower');
    await ranking.getByRole('columnheader', { name: 'Følgere ved periodens slutt' }).waitFor();
    await ranking.getByRole('row').nth(1).getByRole('link', { name: 'Testfak på Instagram' }).waitFor();
    const perFollowerPercentiles = await percentiles();
    assert.notEqual(perFollowerPercentiles, rawPercentiles, 'the percentiles follow the normalisation');
    // The account links to its dashboard.
    await ranking.getByRole('link', { name: 'Testfak på Instagram' }).click();
    await h1(page, 'Dashbord for Testfak på Instagram').waitFor();

    assert.deepEqual(problems, [], `no script errors: ${problems.join('; ')}`);
  } catch (e) {
    console.error(server.output());
    throw e;
  } finally {
    await browser.close();
    await server.stop();
  }
});
