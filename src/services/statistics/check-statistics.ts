/**
 * The rules every batch of statistics must pass before anything is written, whatever brought it
 * (a file, the API, manual entry, the demo):
 * - every metric is a catalogue metric (core/metrics/catalogue.ts) that the account's platform
 *   provides, or one from another source (web analytics, listening, manual), which every
 *   platform may document; derived KPIs (rates) are computed, never stored;
 * - values are finite numbers and not negative (every catalogue metric is a count, a duration,
 *   an amount or a percentage), except net changes (`signed` metrics) and, in a platform's own
 *   export, an account's daily count: TikTok Studio reports a day's comments net of deleted
 *   ones, so a day can read -1. That is the platform's number and is kept as it is, never
 *   "corrected" to 0; a per-post value and a value entered by hand or sent by the API cannot be
 *   negative;
 * - a post is given once; audience shares are percentages that add up to at most 100 %.
 */
import { AppError, type FieldIssue } from '../../core/errors.ts';
import { getMetric, platformProvides } from '../../core/metrics/catalogue.ts';
import { platformNames, type Platform } from '../../core/platforms.ts';
import type { StatisticsBatch } from './write-statistics.ts';

/** Issues reported at most (a large import with a systematic error would otherwise flood). */
export const MAX_ISSUES = 20;

export interface CheckOptions {
  /** The batch is a platform's own export (origin 'file'). */
  platformExport?: boolean;
}

export function checkStatistics(platform: Platform, input: StatisticsBatch, options: CheckOptions = {}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  // A wrong metric is reported once, at its first use.
  const badMetric = new Map<string, FieldIssue>();
  input.observations.forEach((o, i) => {
    const def = getMetric(o.metric);
    const path = `observations[${i}].metric`;
    if (badMetric.has(o.metric)) {
      // already reported
    } else if (!def) {
      badMetric.set(o.metric, { path, message: `"${o.metric}" is not a metric in the catalogue` });
    } else if (!platformProvides(platform, o.metric)) {
      badMetric.set(o.metric, { path, message: `${platformNames[platform]} does not provide "${o.metric}" (${def.name.en})` });
    }
    if (!Number.isFinite(o.value)) issues.push({ path: `observations[${i}].value`, message: 'not a finite number' });
    else if (o.value < 0 && !def?.signed && !(options.platformExport && !o.postId)) issues.push({ path: `observations[${i}].value`, message: `${o.metric} cannot be negative (${o.value})` });
  });
  issues.unshift(...badMetric.values());
  const seenPosts = new Set<string>();
  input.posts.forEach((p, i) => {
    if (seenPosts.has(p.platformPostId)) issues.push({ path: `posts[${i}].platformPostId`, message: `"${p.platformPostId}" is given twice` });
    seenPosts.add(p.platformPostId);
  });
  input.audience.forEach((a, i) => {
    const values = Object.values(a.ageDistribution).filter((v): v is number => v !== undefined);
    if (values.length === 0) issues.push({ path: `audience[${i}].ageDistribution`, message: 'no age group given' });
    if (values.some((v) => !Number.isFinite(v) || v < 0 || v > 100)) {
      issues.push({ path: `audience[${i}].ageDistribution`, message: 'each share is a percentage between 0 and 100' });
    }
    const total = values.reduce((s, v) => s + v, 0);
    if (total > 100.5) issues.push({ path: `audience[${i}].ageDistribution`, message: `the shares add up to ${total.toFixed(1)} %, more than 100 %` });
  });
  return issues;
}

/** Throws validation_failed naming the problems (at most MAX_ISSUES) when there are any. */
export function assertStatistics(platform: Platform, accountName: string, input: StatisticsBatch, options: CheckOptions = {}): void {
  const issues = checkStatistics(platform, input, options);
  if (issues.length === 0) return;
  const shown = issues.slice(0, MAX_ISSUES);
  const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : '';
  throw new AppError('validation_failed', `Invalid statistics for ${accountName}: ${shown.map((i) => i.message).join('; ')}${more}`, shown);
}
