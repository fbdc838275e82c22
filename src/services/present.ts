/** Turns database rows into the contract's response shapes (ISO timestamps, no secrets). */
import type { AccountOut } from '../contract/accounts.ts';
import type { PersonOut, RoleGrantOut } from '../contract/people.ts';
import type { UnitOut } from '../contract/units.ts';
import type { Locale } from '../contract/common.ts';
import type { AccountStatus, AgeGroup, Platform, UnitKind } from '../core/platforms.ts';
import type { Role } from '../core/roles.ts';
import type { accounts, people, roleGrants, units } from '../db/schema/index.ts';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function presentUnit(row: typeof units.$inferSelect): UnitOut {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    kind: row.kind as UnitKind,
    parentId: row.parentId,
    archived: row.archivedAt !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentGrant(row: typeof roleGrants.$inferSelect): RoleGrantOut {
  return { id: row.id, personId: row.personId, role: row.role as Role, unitId: row.unitId, createdAt: row.createdAt.toISOString() };
}

export function presentPerson(row: typeof people.$inferSelect, grants: (typeof roleGrants.$inferSelect)[]): PersonOut {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    locale: row.locale as Locale,
    active: row.active,
    hasPassword: row.passwordHash !== null,
    lastLoginAt: iso(row.lastLoginAt),
    createdAt: row.createdAt.toISOString(),
    grants: grants.map(presentGrant),
  };
}

export function presentAccount(row: typeof accounts.$inferSelect): AccountOut {
  return {
    id: row.id,
    slug: row.slug,
    platform: row.platform as Platform,
    name: row.name,
    handle: row.handle,
    url: row.url,
    unitId: row.unitId,
    status: row.status as AccountStatus,
    targetAudience: row.targetAudience,
    targetAgeGroups: row.targetAgeGroups as AgeGroup[],
    audienceNeeds: row.audienceNeeds,
    platformRationale: row.platformRationale,
    contentFormats: row.contentFormats,
    contentFrequency: row.contentFrequency,
    plannedHoursPerMonth: row.plannedHoursPerMonth,
    budgetNokPerYear: row.budgetNokPerYear,
    closedAt: iso(row.closedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
