/**
 * The KPI formulas of PRODUCT.md ("Formulas"), one pure function each.
 *
 * Null rules (the same for every function):
 * - null means "not measured", never "zero": a missing input (null/undefined/NaN/±Infinity)
 *   gives null, and no function ever turns a missing value into 0;
 * - a negative count is not a valid measurement and gives null (net changes, which may be
 *   negative, are the exception and are named so);
 * - a zero denominator gives null: a rate over nobody reached, no impressions, no clicks, no
 *   followers or no mentions is undefined, not 0 % (e.g. a post with reach 0 has no ERR);
 * - a zero numerator over a positive denominator is a measured 0.
 */

type Input = number | null | undefined;

function valid(x: Input): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function count(x: Input): x is number {
  return valid(x) && x >= 0;
}

/** numerator / denominator × 100 under the null rules. */
function percent(numerator: Input, denominator: Input): number | null {
  if (!count(numerator) || !count(denominator) || denominator === 0) return null;
  return (numerator / denominator) * 100;
}

function meanOfMeasured(values: readonly (number | null)[]): number | null {
  const measured = values.filter((v): v is number => v !== null);
  if (measured.length === 0) return null;
  return measured.reduce((a, b) => a + b, 0) / measured.length;
}

/** PRODUCT.md: "Engagement rate by reach (ERR), per post: engagements / reach × 100". */
export function engagementRateByReach(engagements: Input, reach: Input): number | null {
  return percent(engagements, reach);
}

/**
 * PRODUCT.md: "for a period, the mean of the posts' ERR". Posts whose ERR is not measured
 * (missing input, zero reach) are left out of the mean; null when no post has an ERR.
 */
export function periodEngagementRateByReach(posts: readonly { engagements: Input; reach: Input }[]): number | null {
  return meanOfMeasured(posts.map((p) => engagementRateByReach(p.engagements, p.reach)));
}

/** PRODUCT.md: "Engagement rate by post: engagements / followers × 100 (followers on the day posted)". */
export function engagementRateByPost(engagements: Input, followersOnDayPosted: Input): number | null {
  return percent(engagements, followersOnDayPosted);
}

/** PRODUCT.md: "Engagement rate by impressions (views): engagements / impressions × 100". */
export function engagementRateByImpressions(engagements: Input, impressions: Input): number | null {
  return percent(engagements, impressions);
}

/** PRODUCT.md: "Daily engagement rate: engagements on a day / followers × 100". */
export function dailyEngagementRate(engagementsOnDay: Input, followers: Input): number | null {
  return percent(engagementsOnDay, followers);
}

/**
 * PRODUCT.md: "for a period, total engagements / (days × followers)" (× 100, as a percent).
 * `days` is the number of documented days the total covers (missing days are not zeros),
 * `followers` the period's follower count (the caller's choice; aggregate.ts uses the mean of
 * the documented values). null when days is not a positive whole number.
 */
export function periodDailyEngagementRate(totalEngagements: Input, days: Input, followers: Input): number | null {
  if (!valid(days) || days <= 0 || !Number.isInteger(days) || !count(followers)) return null;
  return percent(totalEngagements, days * followers);
}

/**
 * PRODUCT.md: "Audience growth rate: net new followers in the period / followers at its start
 * × 100". Net new followers may be negative (the rate then is too); zero followers at the start
 * gives null (growth from nothing has no rate).
 */
export function audienceGrowthRate(netNewFollowers: Input, followersAtStart: Input): number | null {
  if (!valid(netNewFollowers) || !count(followersAtStart) || followersAtStart === 0) return null;
  return (netNewFollowers / followersAtStart) * 100;
}

/** Audience growth rate from the follower counts at the start and at the end of the period. */
export function audienceGrowthRateFromCounts(followersAtStart: Input, followersAtEnd: Input): number | null {
  if (!count(followersAtStart) || !count(followersAtEnd)) return null;
  return audienceGrowthRate(followersAtEnd - followersAtStart, followersAtStart);
}

/** PRODUCT.md: "Share of voice: own mentions / (own + competitors' mentions) × 100". null when nobody is mentioned. */
export function shareOfVoice(ownMentions: Input, competitorMentions: Input): number | null {
  if (!count(ownMentions) || !count(competitorMentions)) return null;
  return percent(ownMentions, ownMentions + competitorMentions);
}

/** PRODUCT.md: "Click-through rate: clicks / impressions × 100". */
export function clickThroughRate(clicks: Input, impressions: Input): number | null {
  return percent(clicks, impressions);
}

/** PRODUCT.md: "Conversion rate: conversions / clicks × 100". */
export function conversionRate(conversions: Input, clicks: Input): number | null {
  return percent(conversions, clicks);
}

/**
 * PRODUCT.md: "Net sentiment: (positive − negative) / all mentions × 100". `allMentions` must
 * be at least positive + negative (else the data are inconsistent: null). Ranges −100 … 100.
 */
export function netSentiment(positive: Input, negative: Input, allMentions: Input): number | null {
  if (!count(positive) || !count(negative) || !count(allMentions)) return null;
  if (allMentions === 0 || allMentions < positive + negative) return null;
  return ((positive - negative) / allMentions) * 100;
}

/**
 * PRODUCT.md: "Cost per result: money spent / results (clicks, leads, applicants…)". No results
 * gives null (the cost per result is undefined, not 0 and not infinite); nothing spent with
 * results is a measured 0.
 */
export function costPerResult(moneySpent: Input, results: Input): number | null {
  if (!count(moneySpent) || !count(results) || results === 0) return null;
  return moneySpent / results;
}

/**
 * Viewer development (PRODUCT.md "watch time, viewer development and plays"; issue 3: "change
 * in views/viewers between periods"): (current − previous) / previous × 100. null when the
 * previous period had none (a change from zero has no percentage).
 */
export function viewerDevelopment(current: Input, previous: Input): number | null {
  if (!count(current) || !count(previous) || previous === 0) return null;
  return ((current - previous) / previous) * 100;
}

/** Mean of the measured values, ignoring nulls; null when none is measured. */
export function meanMeasured(values: readonly (number | null)[]): number | null {
  return meanOfMeasured(values);
}
