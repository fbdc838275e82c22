// The first journey through the web app, in real Chromium against the real server (which serves
// the built app: run `npm run build` first; `npm test` does). Once in bokmål and once in English,
// each on a fresh server: first run → sign out → sign in → create a unit → register an account in
// it → find it in the accounts list (with filters in the address). The expected texts are written
// out here, not read from nb.json/en.json, so a missing or wrong translation fails the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSkip, launchBrowser } from './browser.ts';
import { startTestServer } from './server.ts';

interface Texts {
  lang: 'nb' | 'en';
  languageButton: string;
  setupTitle: string;
  organisationName: string;
  yourName: string;
  email: string;
  password: string;
  language: string;
  languageOption: string;
  createOrganisation: string;
  organisationTitle: string;
  setupNotice: string;
  signOut: string;
  signInTitle: string;
  signedOutNotice: string;
  signIn: string;
  accountsTitle: string;
  overviewTitle: string;
  nav: { accounts: string; organisation: string };
  addSubUnit: string;
  subUnitName: string;
  subUnitKind: string;
  createSubUnit: string;
  unitCreated: string;
  newAccount: string;
  newAccountTitle: string;
  unit: string;
  platform: string;
  name: string;
  handle: RegExp;
  targetAudience: RegExp;
  ageGroup: string;
  registerAccount: string;
  checkFields: string;
  accountCreated: string;
  profile: string;
  oneAccount: string;
  noneMatching: string;
}

const nb: Texts = {
  lang: 'nb',
  languageButton: 'Bokmål',
  setupTitle: 'Sett opp Målbar',
  organisationName: 'Navn på organisasjonen',
  yourName: 'Navnet ditt',
  email: 'E-post',
  password: 'Passord',
  language: 'Språk',
  languageOption: 'nb',
  createOrganisation: 'Opprett organisasjon',
  organisationTitle: 'Organisasjon',
  setupNotice: 'Målbar er satt opp',
  signOut: 'Logg ut',
  signInTitle: 'Logg inn',
  signedOutNotice: 'Du er logget ut.',
  signIn: 'Logg inn',
  accountsTitle: 'Kontoer',
  overviewTitle: 'Oversikt',
  nav: { accounts: 'Kontoer', organisation: 'Organisasjon' },
  addSubUnit: 'Legg til underenhet',
  subUnitName: 'Navn på underenheten',
  subUnitKind: 'Type underenhet',
  createSubUnit: 'Opprett underenhet',
  unitCreated: 'er opprettet',
  newAccount: 'Ny konto',
  newAccountTitle: 'Ny konto',
  unit: 'Enhet',
  platform: 'Plattform',
  name: 'Navn',
  handle: /^Brukernavn/,
  targetAudience: /^Målgruppe/,
  ageGroup: '18–24 år',
  registerAccount: 'Registrer konto',
  checkFields: 'Se over feltene som er merket nedenfor.',
  accountCreated: 'er registrert',
  profile: 'Profil',
  oneAccount: '1 konto',
  noneMatching: 'Ingen kontoer passer med filtrene.',
};

const en: Texts = {
  lang: 'en',
  languageButton: 'English',
  setupTitle: 'Set up Målbar',
  organisationName: 'Name of the organisation',
  yourName: 'Your name',
  email: 'E-mail',
  password: 'Password',
  language: 'Language',
  languageOption: 'en',
  createOrganisation: 'Create organisation',
  organisationTitle: 'Organisation',
  setupNotice: 'Målbar is set up',
  signOut: 'Sign out',
  signInTitle: 'Sign in',
  signedOutNotice: 'You are signed out.',
  signIn: 'Sign in',
  accountsTitle: 'Accounts',
  overviewTitle: 'Overview',
  nav: { accounts: 'Accounts', organisation: 'Organisation' },
  addSubUnit: 'Add sub-unit',
  subUnitName: 'Name of the sub-unit',
  subUnitKind: 'Kind of the sub-unit',
  createSubUnit: 'Create sub-unit',
  unitCreated: 'is created',
  newAccount: 'New account',
  newAccountTitle: 'New account',
  unit: 'Unit',
  platform: 'Platform',
  name: 'Name',
  handle: /^Handle/,
  targetAudience: /^Target audience/,
  ageGroup: '18–24 years',
  registerAccount: 'Register account',
  checkFields: 'Check the fields marked below.',
  accountCreated: 'is registered',
  profile: 'Profile',
  oneAccount: '1 account',
  noneMatching: 'No accounts match the filters.',
};

/** Fails the test on script errors and on anything the Content Security Policy blocks. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    const text = m.text();
    // The session probe answers 401 before sign-in; that one is expected.
    if (m.type() === 'error' && !/status of 401/.test(text)) problems.push(`console: ${text}`);
  });
  return problems;
}

const heading1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

async function journey(T: Texts, org: { org: string; admin: string; email: string; unit: string; account: string }) {
  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const problems = watchProblems(page);

    // First run: the start page leads to the set-up form.
    await page.goto(`${server.url}/`);
    await heading1(page, nb.setupTitle).waitFor();
    assert.equal(new URL(page.url()).pathname, '/setup');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'nb');
    if (T.lang !== 'nb') {
      await page.getByRole('button', { name: T.languageButton }).click();
      await heading1(page, T.setupTitle).waitFor();
    }
    assert.equal(await page.evaluate(() => document.documentElement.lang), T.lang);

    // Sending the empty form shows the problems in this language, next to the fields.
    await page.getByRole('button', { name: T.createOrganisation }).click();
    await page.getByRole('alert').filter({ hasText: T.checkFields }).waitFor();

    await page.getByLabel(T.organisationName, { exact: true }).fill(org.org);
    await page.getByLabel(T.yourName, { exact: true }).fill(org.admin);
    await page.getByLabel(T.email, { exact: true }).fill(org.email);
    await page.getByLabel(T.password, { exact: true }).fill('correct horse battery');
    await page.getByLabel(T.language, { exact: true }).selectOption(T.languageOption);
    await page.getByRole('button', { name: T.createOrganisation }).click();
    await heading1(page, T.organisationTitle).waitFor();
    await page.getByRole('status').filter({ hasText: T.setupNotice }).waitFor();
    await page.getByRole('banner').getByText(org.org).waitFor();

    // The set-up page is gone once the organisation exists.
    await page.goto(`${server.url}/setup`);
    await page.waitForURL((u) => u.pathname !== '/setup');

    // Sign out, and in again.
    await page.getByRole('button', { name: T.signOut }).click();
    await heading1(page, T.signInTitle).waitFor();
    await page.getByRole('status').filter({ hasText: T.signedOutNotice }).waitFor();
    await page.goto(`${server.url}/setup`);
    await heading1(page, T.signInTitle).waitFor();
    assert.equal(new URL(page.url()).pathname, '/sign-in');
    await page.getByLabel(T.email, { exact: true }).fill(org.email);
    await page.getByLabel(T.password, { exact: true }).fill('correct horse battery');
    await page.getByRole('button', { name: T.signIn, exact: true }).click();
    await heading1(page, T.overviewTitle).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), T.lang);

    // A unit under the top unit.
    await page.getByRole('navigation').getByRole('link', { name: T.nav.organisation }).click();
    await heading1(page, T.organisationTitle).waitFor();
    await page.getByRole('tree').getByRole('treeitem', { name: new RegExp(`^${org.org}`) }).waitFor();
    await page.getByText(T.addSubUnit, { exact: true }).click();
    await page.getByLabel(T.subUnitName, { exact: true }).fill(org.unit);
    await page.getByLabel(T.subUnitKind, { exact: true }).selectOption('faculty');
    await page.getByRole('button', { name: T.createSubUnit }).click();
    await page.getByRole('heading', { level: 2, name: org.unit }).waitFor();
    await page.getByRole('status').filter({ hasText: T.unitCreated }).waitFor();
    await page.getByRole('treeitem', { name: new RegExp(`^${org.unit}`), selected: true }).waitFor();

    // An account in it.
    await page.getByRole('navigation').getByRole('link', { name: T.nav.accounts }).click();
    await heading1(page, T.accountsTitle).waitFor();
    await page.getByRole('link', { name: T.newAccount, exact: true }).click();
    await heading1(page, T.newAccountTitle).waitFor();
    const unitSelect = page.getByLabel(T.unit, { exact: true });
    const unitValue = await unitSelect.locator('option', { hasText: org.unit }).getAttribute('value');
    assert.ok(unitValue, 'the new unit is offered for the account');
    await unitSelect.selectOption(unitValue);
    await page.getByLabel(T.platform, { exact: true }).selectOption('instagram');
    await page.getByLabel(T.name, { exact: true }).fill(org.account);
    await page.getByLabel(T.handle).fill('@maalbar_test');
    await page.getByLabel(T.targetAudience).fill('Pupils, 16–19');
    await page.getByLabel(T.ageGroup, { exact: true }).check();
    await page.getByRole('button', { name: T.registerAccount }).click();
    await heading1(page, org.account).waitFor();
    await page.getByRole('status').filter({ hasText: T.accountCreated }).waitFor();
    await page.getByRole('heading', { level: 2, name: T.profile }).waitFor();
    await page.getByRole('link', { name: org.unit }).first().waitFor();

    // The accounts list shows it, and the filters live in the address.
    await page.getByRole('navigation').getByRole('link', { name: T.nav.accounts }).click();
    await heading1(page, T.accountsTitle).waitFor();
    await page.getByRole('row').getByRole('link', { name: org.account }).waitFor();
    await page.getByText(T.oneAccount, { exact: true }).waitFor();
    await page.getByLabel(T.platform, { exact: true }).selectOption('tiktok');
    await page.waitForURL((u) => u.searchParams.get('platform') === 'tiktok');
    await page.getByText(T.noneMatching).waitFor();
    await page.getByLabel(T.platform, { exact: true }).selectOption('instagram');
    await page.waitForURL((u) => u.searchParams.get('platform') === 'instagram');
    await page.getByRole('row').getByRole('link', { name: org.account }).waitFor();
    // Reloading keeps the filter (it is in the address).
    await page.reload();
    await page.getByRole('row').getByRole('link', { name: org.account }).waitFor();
    assert.equal(await page.getByLabel(T.platform, { exact: true }).inputValue(), 'instagram');

    assert.deepEqual(problems, []);
    await context.close();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(`${message}\n--- server output ---\n${server.output().slice(-3000)}`, { cause: e });
  } finally {
    await browser.close();
    await server.stop();
  }
}

test('first journey in bokmål: set up, sign out and in, a unit, an account, the list', { skip: browserSkip(), timeout: 90_000 }, async () => {
  await journey(nb, {
    org: 'Universitetet i Vestland',
    admin: 'Kari Nordmann',
    email: 'kari@example.org',
    unit: 'Det humanistiske fakultet',
    account: 'Humaniora på Instagram',
  });
});

test('first journey in English: set up, sign out and in, a unit, an account, the list', { skip: browserSkip(), timeout: 90_000 }, async () => {
  await journey(en, {
    org: 'University of the West',
    admin: 'Alex Smith',
    email: 'alex@example.org',
    unit: 'Faculty of Humanities',
    account: 'Humanities on Instagram',
  });
});
