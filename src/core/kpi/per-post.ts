/**
 * Per-post values: a base metric of each post (link clicks per post), or a per-post rate
 * (ERR, engagement rate by post, by impressions, click-through rate). Over a window the value
 * is the mean of the posts published in it whose value is measured (PRODUCT.md: "for a
 * period, the mean of the posts' ERR"), or, in `ratio_of_sums` mode, Σ numerator / Σ
 * denominator over posts with both. Posts whose value is not measured are left out and
 * lower the coverage (posts measured / posts published in the window).
 */
import { getMetric } from '../metrics/catalogue.ts';
import type { Platform } from '../platforms.ts';
import type { Period } from '../period/periods.ts';
import { type Dataset, type DayValue, type PostEntry, followersOn, postValue, postsIn } from './dataset.ts';
import * as f from './formulas.ts';
import { type Measured, type TraceItem, coverage, notMeasured } from './types.ts';

const rateInputs: Record<string, readonly [string, string]> = {
  engagement_rate_reach: ['engagements', 'reach'],
  engagement_rate_post: ['engagements', 'followers'],
  engagement_rate_impressions: ['engagements', 'impressions'],
  click_through_rate: ['link_clicks', 'impressions'],
};

const rateFormulas: Record<string, (n: number | undefined, d: number | undefined) => number | null> = {
  engagement_rate_reach: f.engagementRateByReach,
  engagement_rate_post: f.engagementRateByPost,
  engagement_rate_impressions: f.engagementRateByImpressions,
  click_through_rate: f.clickThroughRate,
};

export function supportsPerPost(key: string): boolean {
  const base = getMetric(key);
  if (base) return base.source === 'platform' && base.aggregation === 'sum';
  return key in rateInputs;
}

/** The post's own follower count, else the account's on the day posted (or shortly before). */
function followersForPost(ds: Dataset, post: PostEntry, platform: Platform): DayValue | null {
  return postValue(post, 'followers', platform) ?? followersOn(ds, post.date, platform);
}

function inputsFor(ds: Dataset, post: PostEntry, key: string, platform: Platform): [DayValue | null, DayValue | null] {
  const [num = '', den = ''] = rateInputs[key] ?? [];
  const n = postValue(post, num, platform);
  const d = den === 'followers' ? followersForPost(ds, post, platform) : postValue(post, den, platform);
  return [n, d];
}

export function perPostValue(
  ds: Dataset,
  key: string,
  window: Period,
  platform: Platform,
  mode: 'mean' | 'ratio_of_sums' = 'mean',
): Measured {
  if (!supportsPerPost(key)) return notMeasured('measurement_not_supported', { metric: key, measurement: 'per_post' });
  const posts = postsIn(ds, window);
  if (posts.length === 0) return notMeasured('no_posts');
  const formula = rateFormulas[key];
  const values: { postId: string; date: string; value: number | null }[] = [];
  const used: TraceItem[] = [];
  let sumN = 0;
  let sumD = 0;
  for (const post of posts) {
    let value: number | null;
    if (!formula) {
      const v = postValue(post, key, platform);
      value = v?.value ?? null;
      if (v) used.push(...v.used);
    } else {
      const [n, d] = inputsFor(ds, post, key, platform);
      value = formula(n?.value, d?.value);
      if (value !== null && n && d) {
        used.push(...n.used, ...d.used);
        sumN += n.value;
        sumD += d.value;
      }
    }
    values.push({ postId: post.id, date: post.date, value });
  }
  const measured = values.filter((v) => v.value !== null);
  const cov = coverage('posts', measured.length, posts.length);
  if (measured.length === 0) {
    return { ...notMeasured('no_measurable_posts', { posts: posts.length }), coverage: cov, posts: values };
  }
  if (mode === 'ratio_of_sums' && formula) {
    return { value: formula(sumN, sumD), coverage: cov, used, notes: [{ code: 'ratio_of_post_sums' }], posts: values };
  }
  const mean = f.meanMeasured(values.map((v) => v.value));
  const notes = [{ code: 'mean_of_posts', params: { posts: measured.length } }];
  return { value: mean, coverage: cov, used, notes, posts: values };
}
