/**
 * Talking to a real server over HTTP in fault and load tests: the first-run set-up (the
 * administrator's session), JSON calls with the session cookie and CSRF token, an account, and
 * file imports as the web app uploads them (multipart).
 */
import assert from 'node:assert/strict';
import type { FileReport } from '../contract/statistics.ts';

export interface HttpSession {
  url: string;
  cookie: string;
  csrf: string;
}

export const FAULT_PASSWORD = 'fault-test-password-1';

/** Creates the organisation on an empty server; the administrator's session. */
export async function setUpOverHttp(url: string, organisationName = 'Fault Test University'): Promise<HttpSession> {
  const res = await fetch(`${url}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ organisationName, adminName: 'Fault Admin', email: 'admin@faults.example', password: FAULT_PASSWORD, locale: 'en' }),
  });
  const text = await res.text();
  assert.equal(res.status, 201, text);
  return { url, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: (JSON.parse(text) as { csrfToken: string }).csrfToken };
}

/** Signs in with e-mail and password; the new session. */
export async function signInOverHttp(url: string, email: string, password: string): Promise<HttpSession> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const text = await res.text();
  assert.equal(res.status, 200, text);
  return { url, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: (JSON.parse(text) as { csrfToken: string }).csrfToken };
}

/** A JSON call; the status and the parsed answer (null when there is none). */
export async function call<T>(s: HttpSession, method: string, path: string, body?: unknown): Promise<{ status: number; body: T; type: string }> {
  const res = await fetch(`${s.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, type: res.headers.get('content-type') ?? '' };
}

/** A JSON call that must succeed. */
export async function ok<T>(s: HttpSession, method: string, path: string, body?: unknown): Promise<T> {
  const r = await call<T>(s, method, path, body);
  assert.ok(r.status >= 200 && r.status < 300, `${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** An account on the organisation's top unit; its id. */
export async function createAccountOverHttp(s: HttpSession, name: string, platform = 'instagram'): Promise<string> {
  const units = await ok<{ id: string; parentId: string | null }[]>(s, 'GET', '/units');
  const top = units.find((u) => u.parentId === null);
  assert.ok(top, 'the organisation has a top unit');
  return (await ok<{ id: string }>(s, 'POST', '/accounts', { unit: top.id, platform, name })).id;
}

/** Uploads files to an account's import (multipart, as the web app does); the reports. */
export async function importOverHttp(
  s: HttpSession,
  account: string,
  files: { name: string; bytes: Uint8Array }[],
  options: { lastDay?: string; signal?: AbortSignal } = {},
): Promise<FileReport[]> {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([f.bytes as Uint8Array<ArrayBuffer>], { type: 'text/csv' }), f.name);
  if (options.lastDay) form.append('lastDay', options.lastDay);
  const res = await fetch(`${s.url}/api/v1/accounts/${account}/imports`, {
    method: 'POST',
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: form,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const text = await res.text();
  assert.equal(res.status, 200, text);
  return (JSON.parse(text) as { files: FileReport[] }).files;
}

/** The Målbar template CSV (long format) of the values. */
export function templateCsv(name: string, values: readonly { day: string; metric: string; value: number }[]): { name: string; bytes: Uint8Array } {
  const lines = ['date,metric,value'];
  for (const v of values) lines.push(`${v.day},${v.metric},${v.value}`);
  return { name, bytes: new TextEncoder().encode(lines.join('\n') + '\n') };
}

/** Consecutive days from `first` (YYYY-MM-DD). */
export function daysFrom(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}
