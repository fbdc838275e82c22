/**
 * Serves the built web app (dist/web): hashed assets with long caching, and index.html for every
 * other path so that the single-page app's routes work on reload.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.ts';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function serveWeb(root: string): MiddlewareHandler<AppEnv> {
  const base = normalize(root + sep);
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    const file = normalize(join(base, path));
    if (file.startsWith(base) && extname(file)) {
      const info = await stat(file).catch(() => null);
      if (info?.isFile()) {
        const body = await readFile(file);
        const immutable = path.startsWith('/assets/');
        return c.body(body, 200, {
          'content-type': types[extname(file)] ?? 'application/octet-stream',
          'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
      }
      if (path.startsWith('/assets/')) return c.notFound();
    }
    const index = await readFile(join(base, 'index.html')).catch(() => null);
    if (!index) return next();
    return c.body(index, 200, { 'content-type': types['.html']!, 'cache-control': 'no-cache' });
  };
}
