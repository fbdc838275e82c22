/**
 * A metric per unit over a period (issue #5, organisation → unit drill-down): for the
 * organisation, or one unit, each unit you may read with its sub-units' accounts added up, per
 * month of the period, over the whole period, the previous period and the same period last year,
 * with coverage. Read from the monthly rollups in one statement (read-rollups.ts), each account
 * added to its unit and the unit's ancestors (the ids of its unit's path).
 * Only accounts the actor may read count; only accounts whose platform reports the metric.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { MetricByUnitOut, MetricByUnitQuery, UnitMetricRow } from '../../contract/dashboards.ts';
import { units } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { findUnit } from '../lookup.ts';
import { coveredUnit, metricOf, monthlyPeriods } from './monthly.ts';
import { organisationAccounts } from './organisation-accounts.ts';
import { readUnitBuckets } from './read-rollups.ts';

/** Names in Norwegian order; one collator (localeCompare with a locale builds one per call). */
const byName = new Intl.Collator('nb');

export async function metricByUnit(ctx: Context, query: MetricByUnitQuery): Promise<MetricByUnitOut> {
  const orgId = ctx.actor.organisationId;
  const { def, aggregation } = metricOf(query.metric);
  const p = monthlyPeriods(query.period, ctx.now);
  const { access } = ctx.actor;

  let scopePath: string | null = null;
  if (query.unit) {
    const unit = await findUnit(ctx.db, orgId, query.unit);
    authorize(ctx, 'read', unit.id, 'unit');
    scopePath = unit.path;
  }
  const inScope = (path: string) => scopePath === null || path === scopePath || path.startsWith(`${scopePath}/`);
  const unitRows = await ctx.db
    .select({ id: units.id, slug: units.slug, name: units.name, parentId: units.parentId, path: units.path, archivedAt: units.archivedAt })
    .from(units)
    .where(and(eq(units.organisationId, orgId), scopePath === null ? undefined : sql`(${units.path} = ${scopePath} or ${units.path} like ${`${scopePath}/%`})`));
  const shown = unitRows.filter((u) => u.archivedAt === null && inScope(u.path) && access.can('read', u.id));
  const pathOf = new Map(unitRows.map((u) => [u.id, u.path]));

  const accountRows = await organisationAccounts(ctx.db, orgId, def.platforms);
  const counted = accountRows.filter((a) => {
    const path = pathOf.get(a.unitId);
    return path !== undefined && inScope(path) && access.can('read', a.unitId);
  });

  // Each account belongs to its unit and every unit above it (the ids of its unit's path).
  const accountsOf = new Map<string, string[]>(shown.map((u) => [u.id, []]));
  for (const a of counted) {
    for (const unitId of (pathOf.get(a.unitId) ?? '').split('/')) accountsOf.get(unitId)?.push(a.id);
  }

  const buckets = await readUnitBuckets(
    ctx.db,
    orgId,
    query.metric,
    aggregation,
    counted.map((a) => ({ id: a.id, units: (pathOf.get(a.unitId) ?? '').split('/').filter((id) => accountsOf.has(id)) })),
    p,
  );

  // Top-down, siblings by name; depth from the shallowest unit shown.
  const shownIds = new Set(shown.map((u) => u.id));
  const children = new Map<string | null, typeof shown>();
  for (const u of shown) {
    const parent = u.parentId !== null && shownIds.has(u.parentId) ? u.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(u);
    children.set(parent, list);
  }
  const rows: UnitMetricRow[] = [];
  const visit = (parent: string | null, depth: number) => {
    const list = (children.get(parent) ?? []).sort((x, y) => byName.compare(x.name, y.name));
    for (const u of list) {
      const ids = accountsOf.get(u.id) ?? [];
      rows.push({
        unit: { id: u.id, slug: u.slug, name: u.name, parentId: u.parentId, depth },
        accounts: ids.length,
        ...coveredUnit(buckets, u.id, ids.length, aggregation, p),
      });
      visit(u.id, depth + 1);
    }
  };
  visit(null, 0);

  return {
    metric: query.metric,
    aggregation,
    acrossAccounts: aggregation === 'mean' ? 'mean' : 'sum',
    periods: { period: p.period, previous: p.previous, sameLastYear: p.sameLastYear },
    units: rows,
  };
}
