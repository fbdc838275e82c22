/**
 * Shared building blocks of the request and response schemas. The contract folder is imported by
 * the server (validation + OpenAPI), the web client (forms, types) and the CLI, so it depends on
 * zod and core data only.
 */
import { z } from 'zod';

export const Id = z.uuid();
export const Slug = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single dashes');
/** An id or a slug: routes and the CLI accept either. */
export const IdOrSlug = z.string().min(1).max(80);

export const Name = z.string().trim().min(1, 'must not be empty').max(200);
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'not a valid e-mail address' }));
export const Password = z.string().min(10, 'at least 10 characters').max(200);
export const Locale = z.enum(['nb', 'en']);
export type Locale = z.infer<typeof Locale>;

export const Timestamp = z.string().meta({ format: 'date-time' });

/** The body of every error response (RFC 9457 problem details plus a stable `code`). */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;
