// The management pages in real Chromium (bokmål): the unit tree (keyboard, create, move, rename,
// archive refused with the server's reason), people and roles (add, grant, inherited naming,
// revoke, deactivate), an account's edit and closing, API tokens, and the return to sign-in
// when the session ends. Needs `npm run build` first (`npm test` does it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { browserSkip, launchBrowser } from './browser.ts';
import { startTestServer } from './server.ts';

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const h2 = (page: Page, name: string) => page.getByRole('heading', { level: 2, name, exact: true });
const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });
const alert = (page: Page, text: string) => page.getByRole('alert').filter({ hasText: text });
const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name }).click();

/** Opens a collapsed section (<details>) by its summary. */
const disclosure = (page: Page, summary: string) => page.locator('summary').getByText(summary, { exact: true }).click();

/** Chooses the option whose text contains `text` (unit options are indented). */
async function chooseOption(page: Page, label: string, text: string) {
  const select = page.getByLabel(label, { exact: true });
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  assert.ok(value, `an option "${text}" in "${label}"`);
  await select.selectOption(value);
}

async function addSubUnit(page: Page, parent: RegExp, name: string, kind: string) {
  await page.getByRole('treeitem', { name: parent }).click();
  await disclosure(page, 'Legg til underenhet');
  await page.getByLabel('Navn på underenheten', { exact: true }).fill(name);
  await page.getByLabel('Type underenhet', { exact: true }).selectOption(kind);
  await page.getByRole('button', { name: 'Opprett underenhet' }).click();
  await h2(page, name).waitFor();
}

test('managing units, people, an account and tokens', { skip: browserSkip(), timeout: 120_000 }, async () => {
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

    await page.goto(`${server.url}/organisation`);
    await h1(page, 'Logg inn').waitFor();
    await page.getByLabel('E-post', { exact: true }).fill('ada@example.org');
    await page.getByLabel('Passord', { exact: true }).fill('ada-passord-1');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
    // Back to the page that was asked for.
    await h1(page, 'Organisasjon').waitFor();

    // Units: two under the top, then one moved below the other, then renamed.
    await addSubUnit(page, /^Høgskolen i Test/, 'Fakultet A', 'faculty');
    await addSubUnit(page, /^Høgskolen i Test/, 'Institutt B', 'department');
    await disclosure(page, 'Flytt');
    await chooseOption(page, 'Ny plassering (overordnet enhet)', 'Fakultet A');
    await page.getByRole('button', { name: 'Flytt enheten' }).click();
    await status(page, 'Institutt B er flyttet.').waitFor();
    assert.equal(await page.getByRole('treeitem', { name: /^Institutt B/ }).getAttribute('aria-level'), '3');
    await disclosure(page, 'Endre navn eller type');
    await page.getByLabel('Nytt navn', { exact: true }).fill('Institutt C');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await h2(page, 'Institutt C').waitFor();

    // The tree by keyboard: up from Institutt C is Fakultet A; Enter chooses it.
    await page.getByRole('treeitem', { name: /^Institutt C/ }).focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await h2(page, 'Fakultet A').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('unit'), 'fakultet-a');

    // Archiving a unit with a live sub-unit is refused; the server's reason is shown.
    await disclosure(page, 'Arkiver');
    await page.getByRole('button', { name: 'Arkiver enheten' }).click();
    await alert(page, 'Konflikt').waitFor();
    await alert(page, 'sub-unit').waitFor();

    // People: add Ola, make him reporter on Fakultet A; Institutt C inherits him.
    await nav(page, 'Personer og roller');
    await h1(page, 'Personer og roller').waitFor();
    await disclosure(page, 'Legg til person');
    await page.getByLabel('Navn', { exact: true }).fill('Ola Nordmann');
    await page.getByLabel('E-post', { exact: true }).fill('ola@example.org');
    await page.getByLabel(/^Passord/).fill('ola-passord-1');
    await page.getByRole('button', { name: 'Legg til person' }).click();
    await status(page, 'Ola Nordmann er lagt til').waitFor();
    await page.getByLabel('Rolle', { exact: true }).selectOption('reporter');
    await chooseOption(page, 'Enhet', 'Fakultet A');
    await page.getByRole('button', { name: 'Gi rolle' }).click();
    await status(page, 'Ola Nordmann er nå Rapportør – Fakultet A').waitFor();
    const olaRow = page.getByRole('row', { name: /Ola Nordmann/ });
    await olaRow.getByText('Rapportør – Fakultet A').waitFor();

    await nav(page, 'Organisasjon');
    await page.getByRole('treeitem', { name: /^Institutt C/ }).click();
    await h2(page, 'Institutt C').waitFor();
    await page.getByRole('listitem').filter({ hasText: 'Ola Nordmann' }).filter({ hasText: 'fra Fakultet A' }).waitFor();

    // An account in Institutt C: registered from the unit page, edited, then closed.
    await page.getByRole('link', { name: 'Registrer en konto her' }).click();
    await h1(page, 'Ny konto').waitFor();
    assert.match(await page.getByLabel('Enhet', { exact: true }).locator('option:checked').innerText(), /Institutt C/);
    await page.getByLabel('Plattform', { exact: true }).selectOption('tiktok');
    await page.getByLabel('Navn', { exact: true }).fill('Institutt C på TikTok');
    await page.getByLabel(/^Planlagte timer/).fill('mange');
    await page.getByRole('button', { name: 'Registrer konto' }).click();
    await alert(page, 'Se over feltene').waitFor();
    await page.getByText('Skriv et tall.').waitFor();
    await page.getByLabel(/^Planlagte timer/).fill('8');
    await page.getByRole('button', { name: 'Registrer konto' }).click();
    await h1(page, 'Institutt C på TikTok').waitFor();
    await page.getByText('Ola Nordmann').waitFor();

    await page.getByRole('link', { name: 'Rediger konto' }).click();
    await page.getByLabel(/^Innholdsformater/).fill('kort video, live');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await status(page, 'Endringene er lagret.').waitFor();
    await page.getByText('kort video, live').waitFor();

    await page.getByLabel('Ny status', { exact: true }).selectOption('closed');
    await page.getByText('Å legge ned kontoen beholder alle data').waitFor();
    await page.getByRole('button', { name: 'Endre status' }).click();
    await page.getByText('Denne kontoen ble lagt ned').waitFor();

    await nav(page, 'Kontoer');
    await page.getByLabel('Status', { exact: true }).selectOption('closed');
    await page.waitForURL((u) => u.searchParams.get('status') === 'closed');
    await page.getByRole('row', { name: /Institutt C på TikTok/ }).getByText('Lagt ned').waitFor();

    // Revoking the role and deactivating Ola.
    await nav(page, 'Personer og roller');
    await page.getByRole('button', { name: 'Fjern rollen Rapportør – Fakultet A fra Ola Nordmann' }).click();
    await status(page, 'er fjernet fra Ola Nordmann').waitFor();
    await olaRow.getByText('Ingen roller').waitFor();
    await page.getByRole('button', { name: 'Deaktiver Ola Nordmann' }).click();
    await olaRow.getByText('Deaktivert').waitFor();

    // API tokens: the secret is shown once; revoking removes the token.
    await page.getByRole('link', { name: /Ada Admin/ }).click();
    await h1(page, 'Mine innstillinger').waitFor();
    await page.getByText('Du har ingen aktive nøkler.').waitFor();
    await page.getByLabel('Navn', { exact: true }).fill('importskript');
    await page.getByRole('button', { name: 'Opprett nøkkel' }).click();
    await page.getByText('den vises bare denne ene gangen').waitFor();
    const secret = await page.locator('code.secret').innerText();
    assert.match(secret, /^mlb_/);
    const me = await fetch(`${server.url}/api/v1/auth/session`, { headers: { authorization: `Bearer ${secret}` } });
    assert.equal(me.status, 200, 'the token shown works');
    await page.getByRole('button', { name: 'Trekk tilbake nøkkelen importskript' }).click();
    await page.getByText('Du har ingen aktive nøkler.').waitFor();

    // Changing the password: the repetition must match, the current password must be right.
    await page.getByLabel('Nåværende passord', { exact: true }).fill('feil-passord-1');
    await page.getByLabel('Nytt passord', { exact: true }).fill('nytt-passord-12');
    await page.getByLabel('Gjenta det nye passordet', { exact: true }).fill('nytt-passord-13');
    await page.getByRole('button', { name: 'Bytt passord' }).click();
    await page.getByText('De to passordene er ikke like.').waitFor();
    await page.getByLabel('Gjenta det nye passordet', { exact: true }).fill('nytt-passord-12');
    await page.getByRole('button', { name: 'Bytt passord' }).click();
    await page.getByText('Passordet er feil.').waitFor();
    await page.getByLabel('Nåværende passord', { exact: true }).fill('ada-passord-1');
    await page.getByRole('button', { name: 'Bytt passord' }).click();
    await status(page, 'Passordet er byttet.').waitFor();

    // When the session ends, the next request leads to the sign-in page.
    await context.clearCookies();
    await nav(page, 'Kontoer');
    await h1(page, 'Logg inn').waitFor();
    await status(page, 'Økten din er avsluttet').waitFor();

    assert.deepEqual(problems, []);
    await context.close();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(`${message}\n--- server output ---\n${server.output().slice(-3000)}`, { cause: e });
  } finally {
    await browser.close();
    await server.stop();
  }
});
