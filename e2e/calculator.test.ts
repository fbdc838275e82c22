// The engagement-rate calculator in real Chromium, in bokmål and English: reached from the main
// menu; numbers typed the Norwegian way (decimal comma, spaces); every rate with its formula, the
// numbers put in and the result; an empty field and a zero denominator say "not measured" and why;
// a platform's engagement rule decides what counts; the state survives a reload (it is in the
// address) and a change of language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSkip, launchBrowser } from './browser.ts';
import { startTestServer } from './server.ts';

const h1 = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const card = (page: Page, key: string) => page.locator(`li[data-rate="${key}"]`);
const result = (page: Page, key: string) => card(page, key).getByTestId('rate-result');
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
/** Text with non-breaking and narrow spaces (number grouping) as plain spaces. */
const plain = async (page: Page, key: string) => ((await result(page, key).textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ');

async function expectResult(page: Page, key: string, expected: string | RegExp): Promise<void> {
  // The results follow the typing at once; poll briefly for React to render.
  const deadline = Date.now() + 5000;
  let last = '';
  while (Date.now() < deadline) {
    last = await plain(page, key);
    if (typeof expected === 'string' ? last === expected : expected.test(last)) return;
    await page.waitForTimeout(50);
  }
  assert.fail(`${key}: expected ${String(expected)}, found "${last}"`);
}

test('the calculator shows every rate with its formula, in bokmål and English', { skip: browserSkip(), timeout: 180_000 }, async () => {
  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    const setup = await fetch(`${server.url}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ organisationName: 'Høgskolen i Test', adminName: 'Ada Admin', email: 'ada@example.org', password: 'ada-passord-1', locale: 'nb' }),
    });
    assert.equal(setup.status, 201);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto(`${server.url}/`);
    await h1(page, 'Logg inn').waitFor();
    await field(page, 'E-post').fill('ada@example.org');
    await field(page, 'Passord').fill('ada-passord-1');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();

    // ---- from the main menu, in bokmål
    await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Ratekalkulator' }).click();
    await h1(page, 'Kalkulator for engasjementsrate').waitFor();
    assert.match(page.url(), /\/calculator$/);

    // Nothing given: every rate is not measured, none is 0.
    await expectResult(page, 'engagement_rate_reach', /^Ikke målt: Rekkevidde, Liker \/ reaksjoner, Kommentarer og Delinger er ikke oppgitt\.$/);

    await field(page, 'Rekkevidde').fill('2 000');
    await field(page, 'Liker / reaksjoner').fill('150');
    await field(page, 'Kommentarer').fill('30');
    await field(page, 'Delinger').fill('20');
    // (150 + 30 + 20) / 2000 × 100 = 10 %
    await expectResult(page, 'engagement_rate_reach', '10 %');
    const err = card(page, 'engagement_rate_reach');
    assert.match(await err.textContent() ?? '', /Per innlegg: engasjement \/ rekkevidde × 100/, 'the catalogue formula in bokmål');
    assert.match(((await err.textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' '), /200 \/ 2 000 × 100/, 'the numbers put in');
    assert.match(((await page.getByTestId('calculator-engagements').textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' '), /150 \+ 30 \+ 20 = 200/);

    // An empty field is not given; a zero denominator is not measured, not 0 %.
    await expectResult(page, 'engagement_rate_post', 'Ikke målt: Følgere er ikke oppgitt.');
    await field(page, 'Følgere').fill('0');
    await expectResult(page, 'engagement_rate_post', /^Ikke målt: Følgere er 0: en rate over ingenting er udefinert, ikke 0\.$/);
    await field(page, 'Følgere').fill('10 000');
    await expectResult(page, 'engagement_rate_post', '2 %');

    // Decimal comma: 0,5 hours × 3600 / 60 views = 30 s.
    await field(page, 'Seertid (timer)').fill('0,5');
    await field(page, 'Videovisninger / avspillinger').fill('60');
    await expectResult(page, 'average_view_duration_s', '30 s');

    // A value that is not a number is named and not used.
    await field(page, 'Lagringer').fill('tolv');
    await page.getByText('Ikke et tall. Skriv sifre, f.eks. 1 234,5.').waitFor();
    assert.equal(await field(page, 'Lagringer').getAttribute('aria-invalid'), 'true');
    await field(page, 'Lagringer').fill('50');
    // The general rule counts saves: 250 / 2000 × 100 = 12,5 %.
    await expectResult(page, 'engagement_rate_reach', '12,5 %');

    // Facebook's rule leaves saves out.
    await field(page, 'Plattform').selectOption('facebook');
    await expectResult(page, 'engagement_rate_reach', '10 %');
    await page.getByText('Telles ikke på Facebook: Lagringer.').waitFor();
    await field(page, 'Plattform').selectOption('instagram');
    await expectResult(page, 'engagement_rate_reach', '12,5 %');

    // ---- the state is in the address: a reload keeps it
    assert.match(page.url(), /platform=instagram/);
    await page.reload();
    await h1(page, 'Kalkulator for engasjementsrate').waitFor();
    assert.equal(await field(page, 'Rekkevidde').inputValue(), '2 000');
    await expectResult(page, 'engagement_rate_reach', '12,5 %');

    // ---- English
    await page.getByRole('button', { name: 'English' }).click();
    await h1(page, 'Engagement-rate calculator').waitFor();
    assert.equal(await field(page, 'Reach').inputValue(), '2 000');
    await expectResult(page, 'engagement_rate_reach', '12.5 %');
    assert.match((await card(page, 'engagement_rate_reach').textContent()) ?? '', /Per post: engagements \/ reach × 100/);
    assert.match((await card(page, 'engagement_rate_reach').textContent()) ?? '', /Counts engagements/);
    await expectResult(page, 'share_of_voice', "Not measured: Mentions and Competitors' mentions not given.");
    await field(page, 'Mentions').fill('30');
    await field(page, "Competitors' mentions").fill('90');
    await expectResult(page, 'share_of_voice', '25 %');
    await field(page, 'Followers at the start of the period').fill('8,000');
    // (10 000 − 8 000) / 8 000 × 100 = 25 %
    await expectResult(page, 'audience_growth_rate', '25 %');
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Rate calculator' }).waitFor();

    await page.getByRole('button', { name: 'Clear all fields' }).click();
    assert.equal(await field(page, 'Reach').inputValue(), '');
    await expectResult(page, 'engagement_rate_reach', /^Not measured: /);

    assert.deepEqual(problems, []);
    await context.close();
  } catch (e) {
    console.error(server.output());
    throw e;
  } finally {
    await browser.close();
    await server.stop();
  }
});
