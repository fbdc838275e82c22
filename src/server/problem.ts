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
  return new AppError('internal', 'Something went wrong on the server; it has been logged.');
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
