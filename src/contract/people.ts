import { z } from 'zod';
import { Email, Id, IdOrSlug, Locale, Name, Password, Timestamp } from './common.ts';
import { roles } from '../core/roles.ts';

export const RoleName = z.enum(roles);

export const RoleGrantOut = z
  .object({
    id: Id,
    personId: Id,
    role: RoleName,
    unitId: Id.nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'RoleGrant' });
export type RoleGrantOut = z.infer<typeof RoleGrantOut>;

export const PersonOut = z
  .object({
    id: Id,
    name: z.string(),
    email: z.string(),
    locale: Locale,
    active: z.boolean(),
    hasPassword: z.boolean(),
    lastLoginAt: Timestamp.nullable(),
    createdAt: Timestamp,
    grants: z.array(RoleGrantOut),
  })
  .meta({ id: 'Person' });
export type PersonOut = z.infer<typeof PersonOut>;

export const PersonCreateInput = z
  .object({
    name: Name,
    email: Email,
    /** Optional: a person without a password signs in once one is set (or by single sign-on). */
    password: Password.optional(),
    locale: Locale.default('nb'),
  })
  .meta({ id: 'PersonCreateInput' });
export type PersonCreateInput = z.input<typeof PersonCreateInput>;

export const PersonUpdateInput = z
  .object({
    name: Name.optional(),
    locale: Locale.optional(),
    active: z.boolean().optional(),
    /** Administrators may set a new password for someone else. */
    password: Password.optional(),
  })
  .meta({ id: 'PersonUpdateInput' });
export type PersonUpdateInput = z.infer<typeof PersonUpdateInput>;

export const RoleGrantCreateInput = z
  .object({
    person: z.string().min(1).describe('person id or e-mail'),
    role: RoleName,
    /** Unit id or slug; must be omitted (or null) for `admin`, required otherwise. */
    unit: IdOrSlug.nullish(),
  })
  .meta({ id: 'RoleGrantCreateInput' });
export type RoleGrantCreateInput = z.infer<typeof RoleGrantCreateInput>;
