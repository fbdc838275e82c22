// Headless Chromium for browser tests, via playwright-core and Debian's chromium package
// (no browser download). Usage in a test file:
//   test('login page', { skip: browserSkip() }, async () => {
//     const browser = await launchBrowser();
//     try { const page = await browser.newPage(); ... } finally { await browser.close(); }
//   });
// Without chromium a test skips locally, but fails when CI is set.
import { accessSync, constants } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/** `false` when chromium is there; else the reason to skip (locally) or an Error (under CI). */
export function browserSkip(): false | string {
  try {
    accessSync(chromiumPath(), constants.X_OK);
    return false;
  } catch {
    const msg = `no chromium at ${chromiumPath()}: install Debian's chromium to run browser tests (or set CHROMIUM_PATH)`;
    if (process.env.CI) throw new Error(`${msg}; CI must run them`);
    return msg;
  }
}

/** Whether browser tests can run; throws under CI when chromium is missing. */
export function browserAvailable(): boolean {
  return browserSkip() === false;
}

/** Launches headless Chromium. Each launch gets a fresh temporary profile (user-data dir),
 *  which playwright creates and deletes on `browser.close()`. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}
