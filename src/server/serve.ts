/**
 * Starts Målbar's HTTP server on its database (migrated first) and stops it gracefully: on
 * SIGTERM or SIGINT it stops accepting connections, lets requests in flight finish, closes the
 * database (releasing the embedded database's lock) and exits.
 */
import { serve, type ServerType } from '@hono/node-server';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { createApp } from './app.ts';
import { createLogger, type Logger } from './logger.ts';
import { FailureLimiter } from './rate-limit.ts';
import { AppError } from '../core/errors.ts';
import { deleteExpiredSessions } from '../services/auth/sessions.ts';
import { warmDashboards } from '../services/dashboards/warm-dashboards.ts';
import { startSchedule } from './schedule.ts';
import { createSmtpMailer } from '../mail/send-mail.ts';

export const defaultWebRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

export interface RunningServer {
  url: string;
  port: number;
  database: Database;
  logger: Logger;
  close(): Promise<void>;
}

export async function openConfiguredDatabase(config: Config, command: string): Promise<Database> {
  const database =
    config.database.kind === 'postgres'
      ? await openDatabase({ kind: 'postgres', url: config.database.url })
      : await openDatabase({ kind: 'pglite', dataDir: config.database.dataDir, command });
  try {
    await database.migrate();
  } catch (e) {
    await database.close();
    throw e;
  }
  return database;
}

export async function startServer(config: Config, options: { webRoot?: string | null } = {}): Promise<RunningServer> {
  const logger = createLogger(config.logLevel);
  const database = await openConfiguredDatabase(config, 'maalbar serve');
  const webRoot = options.webRoot === undefined ? defaultWebRoot : options.webRoot;
  if (webRoot && !existsSync(`${webRoot}/index.html`)) {
    logger.warn('the web app is not built; run `npm run build` (npm start does it)', { webRoot });
  }
  const app = createApp({
    database,
    config,
    logger,
    loginLimiter: new FailureLimiter({ windowMs: 15 * 60_000, maxPerKey: 10 }),
    clock: () => new Date(),
    webRoot,
  });
  let server: ServerType;
  try {
    server = await new Promise<ServerType>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
      s.once('error', reject);
    });
  } catch (error) {
    await database.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES') {
      throw new AppError('invalid_config', `Cannot listen on ${config.host}:${config.port} (${code === 'EADDRINUSE' ? 'the port is in use' : 'permission denied'}). Set PORT or use --port.`);
    }
    throw error;
  }
  // Expired sessions are removed at start and then every hour.
  const sweep = () => deleteExpiredSessions(database.db, new Date()).catch((error: unknown) => logger.warn('session sweep failed', { error }));
  void sweep();
  const sweeper = setInterval(sweep, 60 * 60_000);
  sweeper.unref();
  // Today's dashboard caches, at start and every five minutes (one read when warm), so the first
  // overview of a day reads instead of computing; stopped on close.
  const warmer = new AbortController();
  let warming: Promise<unknown> | null = null;
  const warm = () => {
    warming ??= warmDashboards(database.db, new Date(), warmer.signal)
      .catch((error: unknown) => logger.warn('dashboard warm-up failed', { error }))
      .finally(() => (warming = null));
  };
  warm();
  const warmTimer = setInterval(warm, 5 * 60_000);
  warmTimer.unref();
  // Last month's evaluation drafts, reminders (e-mailed when SMTP is configured), subscribed reports and (PGlite) the rollups' VACUUM, at start and every hour.
  const mailer = config.mail ? createSmtpMailer(config.mail) : null;
  const schedule = startSchedule(database, logger, () => new Date(), 60 * 60_000, { mailer, publicUrl: config.publicUrl });
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${shownHost}:${port}`;
  logger.info('Målbar is listening', { url, database: database.kind, dataDir: config.database.kind === 'pglite' ? config.database.dataDir : undefined, mail: mailer ? mailer.server : 'off' });

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      clearInterval(sweeper);
      clearInterval(warmTimer);
      warmer.abort();
      await warming;
      await schedule.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections would hold close() open; in-flight requests still finish.
        (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      });
      await database.close();
      logger.info('Målbar stopped');
    })());
  return { url, port, database, logger, close };
}

/** Stops the server on SIGTERM/SIGINT (a second signal exits at once). */
export function stopOnSignals(server: RunningServer): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    server.logger.info('shutting down', { signal });
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.logger.error('error while shutting down', { error });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
