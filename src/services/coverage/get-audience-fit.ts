/** An account's audience fit from its newest audience snapshot on or before `at` (default today). Anyone who may read the account. */
import type { Day } from '../../core/period/days.ts';
import type { AudienceFitOut } from '../../contract/coverage.ts';
import type { Context } from '../context.ts';
import { dayOfNow, readableAccount } from './account-ref.ts';
import { assessAudienceFits } from './audience-fits.ts';

export async function getAudienceFit(ctx: Context, accountIdOrSlug: string, at?: Day): Promise<AudienceFitOut> {
  const account = await readableAccount(ctx, accountIdOrSlug);
  const [fit] = await assessAudienceFits(ctx.db, ctx.actor.organisationId, [account], at ?? dayOfNow(ctx.now));
  return fit!;
}
