/** Translated names of the closed sets of the domain (statuses, kinds, roles, age groups). */
import type { TFunction } from 'i18next';
import { accountStatuses, ageGroups, platformNames, platforms, unitKinds, type AccountStatus, type AgeGroup, type Platform, type UnitKind } from '../../../src/core/platforms.ts';
import { roles, unitRoles, type Role } from '../../../src/core/roles.ts';
import type { Option } from './forms.tsx';

export const statusLabel = (t: TFunction, status: AccountStatus) => t(`status.${status}`);
export const kindLabel = (t: TFunction, kind: UnitKind) => t(`unitKind.${kind}`);
export const roleLabel = (t: TFunction, role: Role) => t(`role.${role}`);
/** "13–17 years" / "13–17 år"; platforms are proper nouns and need no translation. */
export const ageGroupLabel = (t: TFunction, group: AgeGroup) => t('account.ageGroup', { group: group.replace('-', '–') });
export const platformLabel = (platform: Platform) => platformNames[platform];

export const platformOptions = (): Option[] => platforms.map((p) => ({ value: p, label: platformNames[p] }));
export const statusOptions = (t: TFunction): Option[] => accountStatuses.map((s) => ({ value: s, label: statusLabel(t, s) }));
export const kindOptions = (t: TFunction, exclude: readonly UnitKind[] = ['organisation']): Option[] =>
  unitKinds.filter((k) => !exclude.includes(k)).map((k) => ({ value: k, label: kindLabel(t, k) }));
export const ageGroupOptions = (t: TFunction): Option[] => ageGroups.map((g) => ({ value: g, label: ageGroupLabel(t, g) }));
export const roleOptions = (t: TFunction, withAdmin: boolean): Option[] =>
  (withAdmin ? roles : unitRoles).map((r) => ({ value: r, label: roleLabel(t, r) }));
