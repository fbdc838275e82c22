/** Small helpers to declare routes for @hono/zod-openapi with the shared contract schemas. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { z } from 'zod';
import { Problem } from '../contract/common.ts';
import type { AppEnv } from './env.ts';
import { toAppError } from './problem.ts';

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } });

/** The error responses every authenticated route can give. */
export const errors = {
  400: problem('The request is not valid (see `issues`)'),
  401: problem('Not signed in'),
  403: problem('Not allowed, or missing CSRF token'),
  404: problem('Not found, or not visible to you'),
  409: problem('Conflicts with existing data'),
} as const;

export const noContent = { description: 'Done' };

/** A router whose request validation failures become `validation_failed` problems. */
export function router(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw toAppError(result.error);
    },
  });
}

/** Security requirement objects for the OpenAPI document. */
export const signedIn: Record<string, string[]>[] = [{ cookie: [] }, { bearer: [] }];
