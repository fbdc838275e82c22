/** The organisation's unit tree, as a flat list ordered by path. Every signed-in person sees it. */
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { UnitOut } from '../../contract/units.ts';
import { units } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { presentUnit } from '../present.ts';

export async function listUnits(ctx: Context, options: { includeArchived?: boolean } = {}): Promise<UnitOut[]> {
  const where = options.includeArchived
    ? eq(units.organisationId, ctx.actor.organisationId)
    : and(eq(units.organisationId, ctx.actor.organisationId), isNull(units.archivedAt));
  const rows = await ctx.db.select().from(units).where(where).orderBy(asc(units.path));
  return sortAsTree(rows.map(presentUnit));
}

/** Depth-first order with siblings by name, so a list can be drawn as an indented tree. */
export function sortAsTree(list: UnitOut[]): UnitOut[] {
  const children = new Map<string | null, UnitOut[]>();
  const ids = new Set(list.map((u) => u.id));
  for (const u of list) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    const siblings = children.get(parent) ?? [];
    siblings.push(u);
    children.set(parent, siblings);
  }
  for (const siblings of children.values()) siblings.sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const out: UnitOut[] = [];
  const visit = (parent: string | null) => {
    for (const u of children.get(parent) ?? []) {
      out.push(u);
      visit(u.id);
    }
  };
  visit(null);
  return out;
}
