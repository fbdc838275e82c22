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

/**
 * The import journeys' organisation: Høgskolen i Test with administrator Ada (ada@example.org /
 * ada-passord-1), the faculty `testfak` with the TikTok account `testfak-tiktok`, and Rita
 * Rapportør (rita@example.org / rita-passord-1), reporter on the faculty.
 */
export async function setUpReporterOnTikTok(url: string): Promise<{ admin: Session; account: { id: string } }> {
  const admin = await setUpOrganisation(url, { organisationName: 'Høgskolen i Test', adminName: 'Ada Admin', email: 'ada@example.org', password: 'ada-passord-1', locale: 'nb' });
  await api(url, 'POST', '/units', admin, { name: 'Fakultet for test', kind: 'faculty', slug: 'testfak' });
  const account = await api<{ id: string }>(url, 'POST', '/accounts', admin, {
    unit: 'testfak',
    platform: 'tiktok',
    name: 'Testfak på TikTok',
    slug: 'testfak-tiktok',
    targetAudience: 'Søkere til bachelorprogrammene',
    targetAgeGroups: ['18-24'],
  });
  await api(url, 'POST', '/people', admin, { name: 'Rita Rapportør', email: 'rita@example.org', password: 'rita-passord-1' });
  await api(url, 'POST', '/role-grants', admin, { person: 'rita@example.org', role: 'reporter', unit: 'testfak' });
  return { admin, account };
}
