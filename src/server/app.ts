/**
 * The HTTP application: health checks, the JSON API under /api/v1 with its OpenAPI document and
 * API page, and the built web app. Errors from anywhere become problem+json here.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../core/errors.ts';
import { authenticate } from './auth.ts';
import { openApiInfo, renderApiPage } from './api-docs.ts';
import type { AppEnv, ServerDeps } from './env.ts';
import { problemResponse, toAppError } from './problem.ts';
import { serveWeb } from './static-web.ts';
import { accountRoutes } from './routes/accounts.ts';
import { catalogueRoutes } from './routes/catalogue.ts';
import { goalRoutes } from './routes/goals.ts';
import { strategicGoalRoutes } from './routes/strategic-goals.ts';
import { authRoutes } from './routes/auth.ts';
import { oidcRoutes } from './routes/oidc.ts';
import { peopleRoutes } from './routes/people.ts';
import { setupRoutes } from './routes/setup.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { unitRoutes } from './routes/units.ts';
import { importRoutes } from './routes/imports.ts';
import { observationRoutes } from './routes/observations.ts';
import { coverageRoutes } from './routes/coverage.ts';
import { competitorRoutes } from './routes/competitors.ts';
import { columnMappingRoutes } from './routes/column-mappings.ts';
import { auditRoutes } from './routes/audit.ts';
import { dashboardRoutes } from './routes/dashboards.ts';
import { evaluationRoutes } from './routes/evaluations.ts';
import { notificationRoutes } from './routes/notifications.ts';
import { calendarRoutes } from './routes/calendar.ts';
import { reportRoutes } from './routes/reports.ts';
import { annualReportRoutes } from './routes/annual-reports.ts';
import { router } from './openapi-helpers.ts';

/** Every API router; the OpenAPI document and (later) the authorisation matrix read this list. */
export const apiRouters = [
  setupRoutes,
  authRoutes,
  oidcRoutes,
  tokenRoutes,
  unitRoutes,
  peopleRoutes,
  accountRoutes,
  strategicGoalRoutes,
  goalRoutes,
  catalogueRoutes,
  importRoutes,
  observationRoutes,
  coverageRoutes,
  competitorRoutes,
  columnMappingRoutes,
  auditRoutes,
  dashboardRoutes,
  evaluationRoutes,
  reportRoutes,
  annualReportRoutes,
  notificationRoutes,
  calendarRoutes,
];

/** Request bodies: JSON at most 1 MB, except statistics batches (25 MB) and file imports (100 MB). */
const MAX_JSON_BYTES = 1024 * 1024;
const MAX_BATCH_BYTES = 25 * 1024 * 1024;
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

function bodyLimitFor(path: string): number {
  if (/\/imports(\/preview)?$/.test(path)) return MAX_UPLOAD_BYTES;
  if (/\/observations$/.test(path)) return MAX_BATCH_BYTES;
  return MAX_JSON_BYTES;
}

const tooLarge = (max: number) =>
  new AppError('too_large', `The request body is larger than the ${Math.round(max / 1024 / 1024)} MB accepted here.`);

export function buildApi(): OpenAPIHono<AppEnv> {
  const api = router();
  api.use('*', async (c, next) => {
    const max = bodyLimitFor(c.req.path);
    const length = Number(c.req.header('content-length') ?? 0);
    if (length > max) throw tooLarge(max);
    // Bodies without a length (chunked) are counted as they arrive.
    return bodyLimit({ maxSize: max, onError: () => { throw tooLarge(max); } })(c, next);
  });
  api.use('*', authenticate);
  for (const r of apiRouters) api.route('/', r);
  api.openAPIRegistry.registerComponent('securitySchemes', 'cookie', { type: 'apiKey', in: 'cookie', name: 'maalbar_session' });
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'Personal API token (mlb_…)' });
  return api;
}

export function createApp(deps: ServerDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  const api = buildApi();
  const openApiDoc = api.getOpenAPI31Document(openApiInfo);
  const apiPage = renderApiPage(openApiDoc as Parameters<typeof renderApiPage>[0]);

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('requestId', crypto.randomUUID());
    const started = performance.now();
    await next();
    if (c.req.path.startsWith('/api/')) {
      deps.logger.info('request', {
        requestId: c.get('requestId'),
        method: c.req.method,
        // A calendar feed's address is its secret: never logged.
        path: c.req.path.replace(/^(\/api\/v1\/calendar\/)[^/]+$/, '$1[redacted]'),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        person: c.get('auth')?.actor.personId ?? null,
      });
    }
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
      strictTransportSecurity: deps.config.secureCookies ? 'max-age=31536000; includeSubDomains' : false,
      referrerPolicy: 'same-origin',
      xFrameOptions: 'DENY',
    }),
  );

  app.onError((error, c) => {
    let appError: AppError;
    if (error instanceof HTTPException && error.status < 500) {
      appError = new AppError(error.status === 413 ? 'validation_failed' : 'validation_failed', error.message || 'Malformed request.');
    } else {
      appError = toAppError(error);
    }
    if (appError.code === 'internal') {
      deps.logger.error('unhandled error', { requestId: c.get('requestId'), path: c.req.path.replace(/^(\/api\/v1\/calendar\/)[^/]+$/, '$1[redacted]'), error });
    }
    return problemResponse(c, appError);
  });

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await deps.database.ping();
      return c.json({ status: 'ready', database: deps.database.kind });
    } catch (error) {
      deps.logger.warn('readiness check failed', { error });
      return problemResponse(c, new AppError('database_unavailable', 'The database does not answer.'));
    }
  });
  app.get('/api/v1/openapi.json', (c) => c.json(openApiDoc));
  app.get('/api/v1/docs', (c) => c.html(apiPage));
  app.route('/api/v1', api);
  app.all('/api/*', (c) => problemResponse(c, new AppError('not_found', `No API route ${c.req.method} ${c.req.path}.`)));
  if (deps.webRoot) app.use('*', serveWeb(deps.webRoot));
  return app;
}
