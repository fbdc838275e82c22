/**
 * The HTTP app in-process for API tests: `app.request()` with a cookie jar and the CSRF token
 * handled like the web client does, or a bearer token like a script.
 */
import { createApp } from '../server/app.ts';
import type { ServerDeps } from '../server/env.ts';
import { createLogger, type Logger } from '../server/logger.ts';
import { FailureLimiter } from '../server/rate-limit.ts';
import type { Database } from '../db/client.ts';
import { loadConfig, type Config } from '../config.ts';
import { TEST_PASSWORD } from './seed.ts';

export interface TestClient {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  json<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

/** A client signed in with a session cookie; `cookie` is the `name=value` pair it sends. */
export interface SignedInClient extends TestClient {
  cookie: string;
  csrfToken: string;
}

export interface TestAppOptions {
  /** The clock the server reads (sessions, tokens, rate limits); defaults to the real time. */
  now?: () => Date;
  /** Defaults to loadConfig({}): plain http, no public URL. */
  config?: Config;
  /** Defaults to a silent logger. */
  logger?: Logger;
}

export function testApp(database: Database, options: TestAppOptions = {}) {
  const deps: ServerDeps = {
    database,
    config: options.config ?? loadConfig({}),
    logger: options.logger ?? createLogger('silent'),
    loginLimiter: new FailureLimiter({ windowMs: 15 * 60_000, maxPerKey: 10 }),
    clock: options.now ?? (() => new Date()),
    webRoot: null,
  };
  const app = createApp(deps);

  function client(auth: { cookie?: string; csrf?: string; bearer?: string } = {}): TestClient {
    const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
      const h: Record<string, string> = { ...headers };
      if (body !== undefined && !h['content-type']) h['content-type'] = 'application/json';
      if (auth.cookie) h.cookie = auth.cookie;
      if (auth.csrf && method !== 'GET') h['x-csrf-token'] = auth.csrf;
      if (auth.bearer) h.authorization = `Bearer ${auth.bearer}`;
      const init: RequestInit = { method, headers: h };
      if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
      return Promise.resolve(app.request(`/api/v1${path}`, init));
    };
    return {
      request,
      async json<T>(method: string, path: string, body?: unknown) {
        const res = await request(method, path, body);
        const text = await res.text();
        return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
      },
    };
  }

  /** Signs in through POST /auth/login and returns a client carrying the cookie and CSRF token. */
  async function signIn(email: string, password = TEST_PASSWORD): Promise<SignedInClient> {
    const res = await app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers.getSetCookie().at(-1)!.split(';')[0]!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { ...client({ cookie, csrf: csrfToken }), cookie, csrfToken };
  }

  return { app, deps, client, signIn, anonymous: client() };
}
