import { z } from 'zod';
import { Email, Id, Locale, Name, Password, Timestamp } from './common.ts';
import { roles } from '../core/roles.ts';
import { actions } from '../core/roles.ts';

export const SetupStatus = z.object({ needsSetup: z.boolean() }).meta({ id: 'SetupStatus' });

export const SetupInput = z
  .object({
    organisationName: Name,
    adminName: Name,
    email: Email,
    password: Password,
    locale: Locale.default('nb'),
  })
  .meta({ id: 'SetupInput' });
export type SetupInput = z.infer<typeof SetupInput>;

export const LoginInput = z
  .object({ email: Email, password: z.string().min(1).max(200) })
  .meta({ id: 'LoginInput' });
export type LoginInput = z.infer<typeof LoginInput>;

export const PasswordChangeInput = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: Password })
  .meta({ id: 'PasswordChangeInput' });
export type PasswordChangeInput = z.infer<typeof PasswordChangeInput>;

export const Me = z
  .object({
    id: Id,
    name: z.string(),
    email: z.string(),
    locale: Locale,
    organisation: z.object({ id: Id, name: z.string(), slug: z.string() }),
    isAdmin: z.boolean(),
    grants: z.array(z.object({ role: z.enum(roles), unitId: Id.nullable() })),
    /** Actions the person may take somewhere in the organisation, to show or hide pages. */
    abilities: z.array(z.enum(actions)),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

/** What the session endpoints answer: the person and the CSRF token for cookie sessions. */
export const SessionOut = z
  .object({ me: Me, csrfToken: z.string() })
  .meta({ id: 'Session' });
export type SessionOut = z.infer<typeof SessionOut>;

export const TokenCreateInput = z
  .object({
    name: Name,
    expiresInDays: z.number().int().min(1).max(3650).optional(),
  })
  .meta({ id: 'TokenCreateInput' });
export type TokenCreateInput = z.infer<typeof TokenCreateInput>;

export const TokenOut = z
  .object({
    id: Id,
    name: z.string(),
    prefix: z.string(),
    createdAt: Timestamp,
    lastUsedAt: Timestamp.nullable(),
    expiresAt: Timestamp.nullable(),
  })
  .meta({ id: 'Token' });
export type TokenOut = z.infer<typeof TokenOut>;

/** Returned once, when a token is created: the only time the secret is shown. */
export const TokenCreated = TokenOut.extend({ token: z.string() }).meta({ id: 'TokenCreated' });
export type TokenCreated = z.infer<typeof TokenCreated>;
