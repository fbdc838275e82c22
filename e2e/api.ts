/**
 * Setting up a browser test's data through the real API: the first-run organisation with its
 * administrator's session, and JSON calls with that session's cookie and CSRF token.
 */
import assert from 'node:assert/strict';

export interface Session {
  cookie: string;
  csrf: string;
}

export interface Organisation {
  organisationName: string;
  adminName: string;
  email: string;
  password: string;
  locale: 'nb' | 'en';
}

/** Creates the organisation on an empty server; the administrator's session. */
export async function setUpOrganisation(url: string, org: Organisation): Promise<Session> {
  const setup = await fetch(`${url}/api/v1/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(org) });
  assert.equal(setup.status, 201);
  return { cookie: (setup.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: ((await setup.json()) as { csrfToken: string }).csrfToken };
}

/** A JSON call that must succeed; its parsed answer. */
export async function api<T>(url: string, method: string, path: string, session: Session, body?: unknown): Promise<T> {
  const res = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text) as T;
}
