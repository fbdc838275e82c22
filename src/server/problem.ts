/** The one place where error codes become HTTP statuses and problem+json bodies. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { AppError, type ErrorCode, type FieldIssue } from '../core/errors.ts';
import type { Problem } from '../contract/common.ts';

export const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  validation_failed: 400,
  too_large: 413,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  already_set_up: 409,
  setup_required: 409,
  rate_limited: 429,
  database_locked: 503,
  database_unavailable: 503,
  invalid_config: 500,
  internal: 500,
};

const titles: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid',
  too_large: 'Too large',
  unauthenticated: 'Sign-in required',
  invalid_credentials: 'Sign-in failed',
  forbidden: 'Not allowed',
  csrf_failed: 'Missing or wrong CSRF token',
  not_found: 'Not found',
  conflict: 'Conflict',
  already_set_up: 'Already set up',
  setup_required: 'Set-up required',
  rate_limited: 'Too many attempts',
  database_locked: 'Database in use',
  database_unavailable: 'Database unavailable',
  invalid_config: 'Configuration error',
  internal: 'Internal error',
};

export function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message }));
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) {
    const issues = zodIssues(error);
    return new AppError('validation_failed', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  }
  // A unique index refused a row (e.g. two requests creating the same slug at once).
  // Drizzle wraps the driver's error: the SQLSTATE is on the error or on its cause.
  const sqlState = (e: unknown): unknown => (typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined);
  if (sqlState(error) === '23505' || sqlState((error as { cause?: unknown } | null)?.cause) === '23505') {
    return new AppError('conflict', 'This conflicts with data saved at the same moment; reload and try again.');
  }
  if (lostConnection(error) || lostConnection((error as { cause?: unknown } | null)?.cause)) {
    return new AppError('database_unavailable', 'The database does not answer; try again in a moment.');
  }
  return new AppError('internal', 'Something went wrong on the server; it has been logged.');
}

/**
 * The database cannot be reached (PostgreSQL down, the network between cut): a 503 the caller may
 * retry, not a 500. By the driver's error code: a socket error (ECONNREFUSED, ECONNRESET, …),
 * SQLSTATE class 08 (connection exception), 57P01–57P03 (the server shutting down or starting),
 * or node-postgres' own errors for a connection that ended or timed out.
 */
function lostConnection(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', '57P01', '57P02', '57P03'].includes(code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  const message = e instanceof Error ? e.message : '';
  return message === 'Connection terminated unexpectedly' || message === 'Connection terminated' || message.startsWith('timeout exceeded when trying to connect') || message === 'Query read timeout';
}

export function problemBody(error: AppError): Problem {
  const body: Problem = {
    type: `https://maalbar.app/problems/${error.code.replace(/_/g, '-')}`,
    title: titles[error.code],
    status: statusOf[error.code],
    code: error.code,
    detail: error.message,
  };
  if (error.issues.length > 0) body.issues = error.issues;
  return body;
}

export function problemResponse(c: Context, error: AppError, headers: Record<string, string> = {}): Response {
  const body = problemBody(error);
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json',
    ...headers,
  });
}
