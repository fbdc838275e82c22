import { z } from 'zod';
import { Id, IdOrSlug, Name, Slug, Timestamp } from './common.ts';
import { accountStatuses, ageGroups, platforms } from '../core/platforms.ts';

export const PlatformKey = z.enum(platforms);
export const AgeGroup = z.enum(ageGroups);
export const AccountStatus = z.enum(accountStatuses);

const text = (max: number) => z.string().trim().max(max);
const HttpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((s) => /^https?:\/\/[^\s]+$/i.test(s), 'must start with http:// or https://');

/** The profile fields an editor fills in; shared by create and update. */
const profileFields = {
  handle: text(100).nullish(),
  url: HttpUrl.nullish().or(z.literal('')),
  targetAudience: text(2000).nullish(),
  targetAgeGroups: z.array(AgeGroup).max(ageGroups.length).optional(),
  audienceNeeds: text(2000).nullish(),
  platformRationale: text(2000).nullish(),
  contentFormats: z.array(text(60).min(1)).max(20).optional(),
  contentFrequency: text(200).nullish(),
  plannedHoursPerMonth: z.number().min(0).max(10000).nullish(),
  budgetNokPerYear: z.number().min(0).max(1e9).nullish(),
};

export const AccountOut = z
  .object({
    id: Id,
    slug: z.string(),
    platform: PlatformKey,
    name: z.string(),
    handle: z.string().nullable(),
    url: z.string().nullable(),
    unitId: Id,
    status: AccountStatus,
    targetAudience: z.string().nullable(),
    targetAgeGroups: z.array(AgeGroup),
    audienceNeeds: z.string().nullable(),
    platformRationale: z.string().nullable(),
    contentFormats: z.array(z.string()),
    contentFrequency: z.string().nullable(),
    plannedHoursPerMonth: z.number().nullable(),
    budgetNokPerYear: z.number().nullable(),
    closedAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Account' });
export type AccountOut = z.infer<typeof AccountOut>;

const PersonRef = z.object({ id: Id, name: z.string(), email: z.string(), fromUnitId: Id });

/** An account with its unit and the unit's named reporters and evaluators. */
export const AccountDetail = AccountOut.extend({
  unit: z.object({ id: Id, slug: z.string(), name: z.string() }),
  reporters: z.array(PersonRef),
  evaluators: z.array(PersonRef),
  canEdit: z.boolean(),
}).meta({ id: 'AccountDetail' });
export type AccountDetail = z.infer<typeof AccountDetail>;

export const AccountCreateInput = z
  .object({
    unit: IdOrSlug,
    platform: PlatformKey,
    name: Name,
    slug: Slug.optional(),
    status: AccountStatus.default('active'),
    ...profileFields,
  })
  .meta({ id: 'AccountCreateInput' });
export type AccountCreateInput = z.input<typeof AccountCreateInput>;

export const AccountUpdateInput = z
  .object({
    name: Name.optional(),
    unit: IdOrSlug.optional(),
    status: AccountStatus.optional(),
    ...profileFields,
  })
  .meta({ id: 'AccountUpdateInput' });
export type AccountUpdateInput = z.infer<typeof AccountUpdateInput>;

export const AccountFilter = z.object({
  unit: IdOrSlug.optional().describe('unit id or slug; includes its sub-units'),
  platform: PlatformKey.optional(),
  status: AccountStatus.optional(),
  q: z.string().max(200).optional().describe('text in name or handle'),
});
export type AccountFilter = z.infer<typeof AccountFilter>;
