/**
 * The OpenAPI document's metadata and a human-readable API page rendered on the server from the
 * same document (no scripts, no external assets, so it works offline and under a strict CSP).
 */
type OpenApiDoc = {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, { summary?: string; tags?: string[]; security?: unknown[]; requestBody?: unknown }>>;
};

export const openApiInfo = {
  openapi: '3.1.0',
  info: {
    title: 'Målbar API',
    version: '1',
    description:
      'JSON API of Målbar. Authenticate with the session cookie (browser; send X-CSRF-Token on changes) or a personal API token: `Authorization: Bearer mlb_…`. Errors are application/problem+json with a stable `code`.',
  },
  servers: [{ url: '/api/v1' }],
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderApiPage(doc: OpenApiDoc): string {
  const rows: { tag: string; method: string; path: string; summary: string; auth: boolean }[] = [];
  for (const [path, ops] of Object.entries(doc.paths ?? {})) {
    for (const [method, op] of Object.entries(ops)) {
      rows.push({ tag: op.tags?.[0] ?? 'other', method: method.toUpperCase(), path, summary: op.summary ?? '', auth: Boolean(op.security?.length) });
    }
  }
  const tags = [...new Set(rows.map((r) => r.tag))];
  const sections = tags
    .map((tag) => {
      const items = rows
        .filter((r) => r.tag === tag)
        .map(
          (r) =>
            `<tr><td><code class="m ${r.method.toLowerCase()}">${r.method}</code></td><td><code>/api/v1${escape(r.path)}</code></td><td>${escape(r.summary)}${r.auth ? '' : ' <em>(no sign-in)</em>'}</td></tr>`,
        )
        .join('');
      return `<section><h2>${escape(tag)}</h2><table><thead><tr><th>Method</th><th>Path</th><th>What it does</th></tr></thead><tbody>${items}</tbody></table></section>`;
    })
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(doc.info.title)}</title><style>
body{font:16px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #ddd;vertical-align:top}
code{font:14px ui-monospace,monospace}.m{font-weight:700}.get{color:#05603a}.post{color:#0b4a8f}.patch{color:#8a4b00}.delete{color:#a0001b}
</style></head><body><h1>${escape(doc.info.title)} v${escape(doc.info.version)}</h1><p>${escape(doc.info.description ?? '')}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p>${sections}</body></html>`;
}
