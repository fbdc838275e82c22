/** What the HTTP layer shares between middleware and routes. */
import type { Database } from '../db/client.ts';
import type { Actor } from '../services/context.ts';
import type { Config } from '../config.ts';
import type { Logger } from './logger.ts';
import type { FailureLimiter } from './rate-limit.ts';

export interface ServerDeps {
  database: Database;
  config: Config;
  logger: Logger;
  loginLimiter: FailureLimiter;
  /** The clock; tests may fix it. */
  clock: () => Date;
  /** Folder of the built web app, or null to serve no web app (API-only tests). */
  webRoot: string | null;
}

export interface AuthState {
  actor: Actor;
  via: 'cookie' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
}

export type AppEnv = {
  Variables: {
    deps: ServerDeps;
    auth: AuthState | null;
    requestId: string;
  };
};
