import { z } from 'zod';
import { Id, IdOrSlug, Name, Slug, Timestamp } from './common.ts';
import { unitKinds } from '../core/platforms.ts';

export const UnitKind = z.enum(unitKinds);

export const UnitOut = z
  .object({
    id: Id,
    slug: z.string(),
    name: z.string(),
    kind: UnitKind,
    parentId: Id.nullable(),
    archived: z.boolean(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Unit' });
export type UnitOut = z.infer<typeof UnitOut>;

const PersonRef = z.object({ id: Id, name: z.string(), email: z.string(), fromUnitId: Id });

/** A unit with the people named on it, directly or inherited from a unit above. */
export const UnitDetail = UnitOut.extend({
  reporters: z.array(PersonRef),
  evaluators: z.array(PersonRef),
  managers: z.array(PersonRef),
  accountCount: z.number().int(),
}).meta({ id: 'UnitDetail' });
export type UnitDetail = z.infer<typeof UnitDetail>;

export const UnitCreateInput = z
  .object({
    name: Name,
    kind: UnitKind.default('department'),
    /** Parent unit id or slug; omitted for a top-level unit. */
    parent: IdOrSlug.nullish(),
    slug: Slug.optional(),
  })
  .meta({ id: 'UnitCreateInput' });
export type UnitCreateInput = z.input<typeof UnitCreateInput>;

export const UnitUpdateInput = z
  .object({
    name: Name.optional(),
    kind: UnitKind.optional(),
    /** Move: the new parent's id or slug, or null to make it top-level. */
    parent: IdOrSlug.nullable().optional(),
    archived: z.boolean().optional(),
  })
  .meta({ id: 'UnitUpdateInput' });
export type UnitUpdateInput = z.infer<typeof UnitUpdateInput>;
