/**
 * The one error type of Målbar. Every failure a user can cause or meet is an AppError with a
 * code from a closed set; the HTTP layer maps codes to statuses in one table (server/problem.ts)
 * and the CLI maps them to exit codes. Never branch on `message`.
 */
export const errorCodes = [
  'validation_failed',
  'too_large',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'setup_required',
  'already_set_up',
  'invalid_credentials',
  'rate_limited',
  'csrf_failed',
  'database_locked',
  'database_unavailable',
  'invalid_config',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** One problem with one field of the input, e.g. `{ path: 'email', message: 'Required' }`. */
export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[];

  constructor(code: ErrorCode, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
