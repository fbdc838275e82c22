/**
 * The HTTP layer of the web app: JSON requests to /api/v1 with the session cookie, the CSRF
 * token on every change, and problem+json errors turned into `ApiError`.
 */
import type { Problem } from '../../../src/contract/common.ts';

export const API_BASE = '/api/v1';

export interface FieldIssue {
  path: string;
  message: string;
}

/** An error answer of the API (application/problem+json), or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly issues: FieldIssue[];

  constructor(status: number, code: string, detail: string, issues: FieldIssue[] = []) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.issues = issues;
  }

  /** Field issues by path (`"email"`, `"targetAgeGroups.0"` → also under `"targetAgeGroups"`). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const issue of this.issues) {
      const top = issue.path.split('.')[0] ?? issue.path;
      out[issue.path] ??= issue.message;
      out[top] ??= issue.message;
    }
    return out;
  }

  /** Which of `fields` the server named in its issues (the field itself or a path below it). */
  fieldsNamed<F extends string>(fields: readonly F[]): F[] {
    return fields.filter((f) => this.issues.some((i) => i.path === f || i.path.startsWith(`${f}.`)));
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Kept after sign-in, set-up or GET /auth/session; sent as X-CSRF-Token with every change. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when a request answers 401 (the session ended): the app shows the sign-in page. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  query?: Record<string, string | undefined | null>;
  body?: unknown;
  /** Do not call the 401 handler (for the session probe and the sign-in itself). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'code' in value && 'detail' in value;
}

export async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  let url = API_BASE + path;
  if (options.query) {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(options.query)) {
      if (value !== undefined && value !== null && value !== '') params.set(key, value);
    }
    const qs = params.toString();
    if (qs) url += `?${qs}`;
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
  }

  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!response.ok) {
    const error = isProblem(data)
      ? new ApiError(response.status, data.code, data.detail, data.issues ?? [])
      : new ApiError(response.status, 'http_' + response.status, response.statusText || `HTTP ${response.status}`);
    if (response.status === 401 && !options.quiet401) onUnauthorized?.();
    throw error;
  }
  return data as T;
}

export interface UploadOptions {
  /** Bytes sent so far and in all (the whole multipart body), as the browser reports them. */
  onProgress?(loaded: number, total: number): void;
  signal?: AbortSignal;
}

function problemFromText(status: number, statusText: string, text: string): ApiError {
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  return isProblem(data)
    ? new ApiError(status, data.code, data.detail, data.issues ?? [])
    : new ApiError(status, 'http_' + status, statusText || `HTTP ${status}`);
}

/**
 * POSTs a multipart/form-data body (files) with the session cookie and the CSRF token, reporting
 * upload progress (fetch cannot). Errors are `ApiError`s as from `request`.
 */
export function upload<T>(path: string, body: FormData, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', API_BASE + path);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded, event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        } catch (e) {
          reject(new ApiError(xhr.status, 'internal', e instanceof Error ? e.message : String(e)));
        }
        return;
      }
      if (xhr.status === 401) onUnauthorized?.();
      reject(problemFromText(xhr.status, xhr.statusText, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    if (options.signal) {
      if (options.signal.aborted) {
        reject(new DOMException('aborted', 'AbortError'));
        return;
      }
      options.signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(body);
  });
}
