/** Platforms Målbar knows, the audience age groups, and the account statuses. Pure data. */
export const platforms = [
  'facebook',
  'instagram',
  'linkedin',
  'tiktok',
  'youtube',
  'x',
  'threads',
  'snapchat',
] as const;
export type Platform = (typeof platforms)[number];

/** Display names are proper nouns and the same in every language. */
export const platformNames: Record<Platform, string> = {
  facebook: 'Facebook',
  instagram: 'Instagram',
  linkedin: 'LinkedIn',
  tiktok: 'TikTok',
  youtube: 'YouTube',
  x: 'X',
  threads: 'Threads',
  snapchat: 'Snapchat',
};

export const ageGroups = ['13-17', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'] as const;
export type AgeGroup = (typeof ageGroups)[number];

export const accountStatuses = ['active', 'paused', 'closed'] as const;
export type AccountStatus = (typeof accountStatuses)[number];

export const unitKinds = ['organisation', 'faculty', 'department', 'group', 'office', 'centre', 'other'] as const;
export type UnitKind = (typeof unitKinds)[number];
