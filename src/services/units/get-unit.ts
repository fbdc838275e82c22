/** One unit with its named reporters, evaluators and managers and its number of accounts. */
import { and, count, eq, inArray, like, or } from 'drizzle-orm';
import type { UnitDetail } from '../../contract/units.ts';
import { accounts, units } from '../../db/schema/index.ts';
import type { Context } from '../context.ts';
import { findUnit } from '../lookup.ts';
import { presentUnit } from '../present.ts';
import { namedPeople } from './named-people.ts';

export async function getUnit(ctx: Context, idOrSlug: string): Promise<UnitDetail> {
  const unit = await findUnit(ctx.db, ctx.actor.organisationId, idOrSlug);
  const named = await namedPeople(ctx.db, ctx.actor.organisationId, unit.id);
  // Counts the accounts in the unit and below that the actor may read.
  const readable = ctx.actor.access.isAdmin ? null : ctx.actor.access.unitsWhere('read');
  let accountCount = 0;
  if (readable === null || readable.length > 0) {
    const [row] = await ctx.db
      .select({ n: count() })
      .from(accounts)
      .innerJoin(units, eq(units.id, accounts.unitId))
      .where(
        and(
          eq(accounts.organisationId, ctx.actor.organisationId),
          or(eq(units.id, unit.id), like(units.path, `${unit.path}/%`)),
          readable === null ? undefined : inArray(accounts.unitId, readable),
        ),
      );
    accountCount = row?.n ?? 0;
  }
  return { ...presentUnit(unit), ...named, accountCount };
}
