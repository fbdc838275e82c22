/**
 * Share of voice of a unit (its accounts and those of its sub-units) or one account over a
 * period: own mentions (documented observations of the metric 'mentions') against the mentions
 * documented for the competitor entries that apply to the unit (core/compare/share-of-voice.ts).
 */
import { and, eq, gte, inArray, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import { shareOfVoice, shareOfVoiceFormula, sumInPeriod } from '../../core/compare/share-of-voice.ts';
import { AppError } from '../../core/errors.ts';
import type { Platform } from '../../core/platforms.ts';
import { ShareOfVoiceQuery, type ShareOfVoiceOut } from '../../contract/competitors.ts';
import { accounts, competitorFigures, observations, units } from '../../db/schema/index.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { findAccount, findUnit } from '../lookup.ts';
import { relatedCompetitors } from './related-competitors.ts';

export async function getShareOfVoice(ctx: Context, rawQuery: ShareOfVoiceQuery): Promise<ShareOfVoiceOut> {
  const q = ShareOfVoiceQuery.parse(rawQuery);
  const orgId = ctx.actor.organisationId;
  let unit: { id: string; path: string };
  let own: string[];
  if (q.account) {
    const account = await findAccount(ctx.db, orgId, q.account);
    if (!account) throw new AppError('not_found', 'No such account.');
    authorize(ctx, 'read', account.unitId, 'account');
    const [row] = await ctx.db.select().from(units).where(eq(units.id, account.unitId));
    unit = row!;
    own = [account.id];
  } else {
    const row = await findUnit(ctx.db, orgId, q.unit!);
    authorize(ctx, 'read', row.id, 'unit');
    unit = row;
    const conditions: SQL[] = [eq(accounts.organisationId, orgId), or(eq(units.id, row.id), like(units.path, `${row.path}/%`))!];
    if (q.platform) conditions.push(eq(accounts.platform, q.platform));
    own = (
      await ctx.db
        .select({ id: accounts.id })
        .from(accounts)
        .innerJoin(units, eq(units.id, accounts.unitId))
        .where(and(...conditions))
    ).map((r) => r.id);
  }

  let ownMentions: number | null = null;
  if (own.length > 0) {
    const [row] = await ctx.db
      .select({ total: sql<string | null>`sum(${observations.value})`, n: sql<number>`count(*)::int` })
      .from(observations)
      .where(
        and(
          inArray(observations.accountId, own),
          eq(observations.metric, 'mentions'),
          isNull(observations.postId),
          gte(observations.day, q.from),
          lte(observations.day, q.to),
        ),
      );
    ownMentions = row && Number(row.n) > 0 ? Number(row.total) : null;
  }

  const rivals = (await relatedCompetitors(ctx, unit, { platform: q.platform })).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const figures =
    rivals.length === 0
      ? []
      : await ctx.db
          .select({ competitorId: competitorFigures.competitorId, period: competitorFigures.period, day: competitorFigures.day, value: competitorFigures.value })
          .from(competitorFigures)
          .where(and(inArray(competitorFigures.competitorId, rivals.map((c) => c.id)), eq(competitorFigures.metric, 'mentions')));
  const perCompetitor = rivals.map((c) => ({
    id: c.id,
    slug: c.slug,
    name: c.name,
    platform: c.platform as Platform,
    kind: c.kind,
    mentions: sumInPeriod(
      figures.filter((f) => f.competitorId === c.id),
      q.from,
      q.to,
    ),
  }));
  const result = shareOfVoice({ own: ownMentions, competitors: perCompetitor.map((c) => c.mentions) });
  return {
    from: q.from,
    to: q.to,
    formula: shareOfVoiceFormula,
    own: { mentions: ownMentions, accounts: own.length },
    competitors: perCompetitor,
    competitorMentions: result.competitors,
    share: result.share,
  };
}
