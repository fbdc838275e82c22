// The built web app (dist/web, from `npm run build`; `npm test` builds first): it obeys the
// server's Content Security Policy (no inline scripts, nothing from other origins) and the first
// page load stays small (every page is its own chunk).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const WEB = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'web');
const INITIAL_JS_GZIP_LIMIT = 300 * 1024;

function built(): false | string {
  if (existsSync(join(WEB, 'index.html'))) return false;
  const msg = 'dist/web is not built: run `npm run build` first';
  if (process.env.CI) throw new Error(msg);
  return msg;
}

/** The scripts the browser loads before any page: the entry and what it imports statically. */
function initialScripts(html: string): string[] {
  const queue = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const code = readFileSync(join(WEB, path), 'utf8');
    // Static imports only: `import("./x.js")` (a lazy page) is not part of the first load.
    for (const m of code.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w$*{}\s,]+from\s*)?["'](\.\/[^"']+\.js)["']/g)) {
      queue.push(join(dirname(path), m[1]!));
    }
  }
  return [...seen];
}

test('index.html has no inline scripts or styles and loads nothing from other origins', { skip: built() }, () => {
  const html = readFileSync(join(WEB, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.ok(scripts.length > 0, 'index.html loads a script');
  for (const [, attrs, body] of scripts) {
    assert.match(attrs!, /\ssrc="\/assets\//, 'every script comes from /assets');
    assert.equal(body!.trim(), '', 'no inline script');
  }
  assert.doesNotMatch(html, /<style\b/, 'no inline <style>');
  assert.doesNotMatch(html, /(?:src|href)="(?:https?:)?\/\//, 'nothing from another origin');
});

test(`the first page load needs at most ${INITIAL_JS_GZIP_LIMIT / 1024} kB of JavaScript (gzip)`, { skip: built() }, () => {
  const html = readFileSync(join(WEB, 'index.html'), 'utf8');
  const files = initialScripts(html);
  const sizes = files.map((f) => ({ file: f, gzip: gzipSync(readFileSync(join(WEB, f))).length }));
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  const detail = sizes.map((s) => `${s.file}: ${(s.gzip / 1024).toFixed(1)} kB`).join(', ');
  assert.ok(total <= INITIAL_JS_GZIP_LIMIT, `initial JS is ${(total / 1024).toFixed(1)} kB gzip (${detail})`);
  // The pages are separate chunks, loaded on demand.
  const pages = files.filter((f) => /Page-[\w-]+\.js$/.test(f));
  assert.deepEqual(pages, [], 'no page is part of the first load');
});
