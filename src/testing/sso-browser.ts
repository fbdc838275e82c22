/**
 * A minimal browser for single sign-on tests: follows redirects by hand between the in-process
 * app (its public URL) and a real provider on 127.0.0.1, keeping cookies per origin, and stops on
 * the first page of the app that is not an API route (where the sign-in lands).
 */
import type { Hono } from 'hono';

export const TEST_PUBLIC_URL = 'http://maalbar.test';

export interface Landing {
  /** The app page the browser ended on: "/", "/sign-in?sso_error=…", a returnTo. */
  url: URL;
  /** Every URL requested, in order. */
  visited: URL[];
}

// The app's type parameters do not matter here: only `request` is used.
type RequestApp = Pick<Hono, 'request'>;

export class SsoBrowser {
  readonly jar = new Map<string, Map<string, string>>();
  private readonly app: RequestApp;

  constructor(app: RequestApp) {
    this.app = app;
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jar.get(origin)?.get(name);
  }

  setCookie(origin: string, name: string, value: string): void {
    const jar = this.jar.get(origin) ?? new Map<string, string>();
    jar.set(name, value);
    this.jar.set(origin, jar);
  }

  /** GET one URL with this browser's cookies, storing the cookies it sets. */
  async get(url: URL): Promise<Response> {
    const jar = this.jar.get(url.origin) ?? new Map<string, string>();
    this.jar.set(url.origin, jar);
    const headers: Record<string, string> = {};
    if (jar.size > 0) headers.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res =
      url.origin === TEST_PUBLIC_URL
        ? await this.app.request(`${url.pathname}${url.search}`, { headers })
        : await fetch(url, { headers, redirect: 'manual' });
    for (const header of res.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';').map((s) => s.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      const gone = value === '' || attributes.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now()));
      if (gone) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  }

  /** Follows redirects from `start` until a page of the app (not /api/…) is reached. */
  async follow(start: string | URL): Promise<Landing> {
    let url = new URL(start, TEST_PUBLIC_URL);
    const visited: URL[] = [];
    for (let hop = 0; hop < 20; hop += 1) {
      if (url.origin === TEST_PUBLIC_URL && !url.pathname.startsWith('/api/')) return { url, visited };
      if (url.origin !== TEST_PUBLIC_URL && !url.origin.startsWith('http://127.0.0.1:')) {
        // Never leave the machine: another site is where an open redirect would have led.
        return { url, visited };
      }
      visited.push(url);
      const res = await this.get(url);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) {
        throw new Error(`${url.href} answered ${res.status} without a redirect: ${(await res.text()).slice(0, 300)}`);
      }
      await res.body?.cancel();
      url = new URL(location, url);
    }
    throw new Error(`too many redirects from ${String(start)}`);
  }
}
