/** Maps the profile fields of a create or update request onto account columns. */
import type { AccountUpdateInput } from '../../contract/accounts.ts';
import type { accounts } from '../../db/schema/index.ts';

type ProfileInput = Omit<AccountUpdateInput, 'name' | 'unit' | 'status'>;

const blankToNull = (s: string | null | undefined): string | null | undefined =>
  s === undefined ? undefined : s === null || s.trim() === '' ? null : s.trim();

export function profileChanges(input: ProfileInput): Partial<typeof accounts.$inferInsert> {
  const out: Partial<typeof accounts.$inferInsert> = {};
  const set = <K extends keyof typeof accounts.$inferInsert>(key: K, value: (typeof accounts.$inferInsert)[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set('handle', blankToNull(input.handle));
  set('url', blankToNull(input.url));
  set('targetAudience', blankToNull(input.targetAudience));
  set('targetAgeGroups', input.targetAgeGroups ? [...new Set(input.targetAgeGroups)] : undefined);
  set('audienceNeeds', blankToNull(input.audienceNeeds));
  set('platformRationale', blankToNull(input.platformRationale));
  set('contentFormats', input.contentFormats ? [...new Set(input.contentFormats.map((f) => f.trim()))] : undefined);
  set('contentFrequency', blankToNull(input.contentFrequency));
  set('plannedHoursPerMonth', input.plannedHoursPerMonth);
  set('budgetNokPerYear', input.budgetNokPerYear);
  return out;
}
