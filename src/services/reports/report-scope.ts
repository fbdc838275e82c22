/**
 * Which accounts a report covers: one account, a unit and everything below it, or everything in
 * the organisation the actor may read (account and unit by id or slug; an unreadable one is
 * not_found) — and of those, the accounts in use during the report's period (core/reports/in-use.ts:
 * registered, or with statistics documented, by the period's end; not closed before it began).
 * Three queries: the units, the accounts, and the first documented month of the accounts
 * registered after the period began.
 */
import { and, eq, inArray, lte, min } from 'drizzle-orm';
import { AppError } from '../../core/errors.ts';
import { inUseDuring, type AccountUse } from '../../core/reports/in-use.ts';
import type { Day } from '../../core/period/days.ts';
import type { ReportScope } from '../../contract/reports.ts';
import type { Db } from '../../db/client.ts';
import { accounts, metricMonths, organisations, units } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { accountRef, dayOfNow, readableAccount } from '../coverage/account-ref.ts';
import { findUnit } from '../lookup.ts';

export interface ScopeUnit {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
  path: string;
  archivedAt: Date | null;
}

export interface ScopeAccount {
  id: string;
  slug: string;
  name: string;
  platform: string;
  unitId: string;
  status: string;
  createdAt: Date;
  closedAt: Date | null;
  targetAgeGroups: string[];
  plannedHoursPerMonth: number | null;
  budgetNokPerYear: number | null;
  unit: { id: string; slug: string; name: string };
  /** Registration, first documented month and closing, for the in-use rule. */
  use: AccountUse;
}

export interface ResolvedScope {
  scope: ReportScope;
  /** The scope's unit (unit scope) or null (account and organisation scopes). */
  unit: ScopeUnit | null;
  /** Every unit of the organisation (for the roll-up by child unit). */
  units: ScopeUnit[];
  /** The accounts in scope that the actor may read and that were in use in the period, by unit path then name. */
  accounts: ScopeAccount[];
}

export interface ScopeQuery {
  account?: string | undefined;
  unit?: string | undefined;
}

const accountColumns = {
  id: accounts.id,
  slug: accounts.slug,
  name: accounts.name,
  platform: accounts.platform,
  unitId: accounts.unitId,
  status: accounts.status,
  createdAt: accounts.createdAt,
  closedAt: accounts.closedAt,
  targetAgeGroups: accounts.targetAgeGroups,
  plannedHoursPerMonth: accounts.plannedHoursPerMonth,
  budgetNokPerYear: accounts.budgetNokPerYear,
};

/** The first day of each account's earliest documented month up to `last` (only for those registered after `first`: the others are in use by registration). */
async function firstDocumented(db: Db, organisationId: string, candidates: { id: string; createdAt: Date }[], first: Day, last: Day): Promise<Map<string, Day>> {
  const later = candidates.filter((a) => dayOfNow(a.createdAt) > first).map((a) => a.id);
  if (later.length === 0) return new Map();
  const rows = await db
    .select({ accountId: metricMonths.accountId, month: min(metricMonths.month) })
    .from(metricMonths)
    .where(and(eq(metricMonths.organisationId, organisationId), inArray(metricMonths.accountId, later), lte(metricMonths.month, last)))
    .groupBy(metricMonths.accountId);
  return new Map(rows.flatMap((r) => (r.month ? [[r.accountId, r.month] as const] : [])));
}

export function useOf(a: { createdAt: Date; closedAt: Date | null }, documented: Day | null): AccountUse {
  return { registeredOn: dayOfNow(a.createdAt), firstDocumented: documented, closedOn: a.closedAt ? dayOfNow(a.closedAt) : null };
}

/** The accounts in scope (readable), with their use, and whether each was in use from `first` to `last`. */
export async function resolveScope(ctx: Context, query: ScopeQuery, period: { first: Day; last: Day }): Promise<ResolvedScope & { outOfUse: ScopeAccount[] }> {
  const orgId = ctx.actor.organisationId;
  const { access } = ctx.actor;
  if (query.account && query.unit) {
    throw new AppError('validation_failed', 'Choose one account or one unit, not both.', [{ path: 'unit', message: 'give either account or unit' }]);
  }
  const unitRows = await ctx.db
    .select({ id: units.id, slug: units.slug, name: units.name, parentId: units.parentId, path: units.path, archivedAt: units.archivedAt })
    .from(units)
    .where(eq(units.organisationId, orgId));
  const unitById = new Map(unitRows.map((u) => [u.id, u]));

  let scope: ReportScope;
  let scopeUnit: ScopeUnit | null = null;
  let rows: Omit<ScopeAccount, 'unit' | 'use'>[];
  if (query.account) {
    const account = await readableAccount(ctx, query.account);
    const unit = unitById.get(account.unitId)!;
    scope = { kind: 'account', account: accountRef(account), unit: { id: unit.id, slug: unit.slug, name: unit.name } };
    rows = [account];
  } else if (query.unit) {
    const unit = await findUnit(ctx.db, orgId, query.unit);
    if (!access.can('read', unit.id)) throw new AppError('not_found', `No unit "${query.unit}".`);
    scopeUnit = unitById.get(unit.id)!;
    scope = { kind: 'unit', unit: { id: unit.id, slug: unit.slug, name: unit.name } };
    const inside = new Set(unitRows.filter((u) => u.id === unit.id || u.path.startsWith(`${unit.path}/`)).map((u) => u.id));
    rows = (await ctx.db.select(accountColumns).from(accounts).where(eq(accounts.organisationId, orgId))).filter((a) => inside.has(a.unitId));
  } else {
    const [org] = await ctx.db.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, orgId));
    scope = { kind: 'organisation', name: org?.name ?? '' };
    rows = await ctx.db.select(accountColumns).from(accounts).where(eq(accounts.organisationId, orgId));
  }
  const readable = rows.filter((a) => access.can('read', a.unitId));
  const documented = await firstDocumented(ctx.db, orgId, readable, period.first, period.last);
  const all: ScopeAccount[] = readable.map((a) => {
    const u = unitById.get(a.unitId)!;
    return { ...pick(a), unit: { id: u.id, slug: u.slug, name: u.name }, use: useOf(a, documented.get(a.id) ?? null) };
  });
  // By the units' names from the top down (the tree as people read it), then the account's name.
  const namePath = (unitId: string) => (unitById.get(unitId)?.path ?? '').split('/').map((id) => unitById.get(id)?.name ?? id);
  const keys = new Map(all.map((a) => [a.id, [...namePath(a.unitId), '', a.name]]));
  all.sort((x, y) => compareNames(keys.get(x.id)!, keys.get(y.id)!) || x.id.localeCompare(y.id));
  return {
    scope,
    unit: scopeUnit,
    units: unitRows,
    accounts: all.filter((a) => inUseDuring(a.use, period.first, period.last)),
    outOfUse: all.filter((a) => !inUseDuring(a.use, period.first, period.last)),
  };
}

function compareNames(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = a[i]!.localeCompare(b[i]!, 'nb');
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function pick(a: Omit<ScopeAccount, 'unit' | 'use'>): Omit<ScopeAccount, 'unit' | 'use'> {
  return {
    id: a.id,
    slug: a.slug,
    name: a.name,
    platform: a.platform,
    unitId: a.unitId,
    status: a.status,
    createdAt: a.createdAt,
    closedAt: a.closedAt,
    targetAgeGroups: a.targetAgeGroups,
    plannedHoursPerMonth: a.plannedHoursPerMonth,
    budgetNokPerYear: a.budgetNokPerYear,
  };
}

/** The units a scope's roll-up is split by: the organisation's top units the actor may read, or the unit's direct children (archived ones only when they hold accounts). */
export function childUnits(ctx: Context, resolved: ResolvedScope): ScopeUnit[] {
  const { access } = ctx.actor;
  const withAccounts = new Set(resolved.accounts.map((a) => a.unitId));
  const scopeUnit = resolved.unit;
  const isChild =
    resolved.scope.kind === 'unit' && scopeUnit
      ? (u: ScopeUnit) => u.parentId === scopeUnit.id
      : resolved.scope.kind === 'organisation'
        ? (u: ScopeUnit) => u.parentId === null || !access.can('read', u.parentId)
        : () => false;
  return resolved.units
    .filter((u) => isChild(u) && access.can('read', u.id))
    .filter((u) => u.archivedAt === null || resolved.accounts.some((a) => withAccounts.has(a.unitId) && inSubtree(resolved.units, a.unitId, u)))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.id.localeCompare(b.id));
}

/** Is the unit `unitId` the unit `root` or below it? */
export function inSubtree(all: readonly ScopeUnit[], unitId: string, root: ScopeUnit): boolean {
  const unit = all.find((u) => u.id === unitId);
  return !!unit && (unit.id === root.id || unit.path.startsWith(`${root.path}/`));
}
