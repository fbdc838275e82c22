/**
 * Content formats (post types) ranked by a per-post metric for the annual report, pure: per
 * format the number of posts, and the mean and median of the metric over the posts that have it.
 * Best first by the mean (lowest first where lower is better), then by the median, then more
 * posts first, then by name; formats no post of which has the metric come last.
 */

export interface FormatPost {
  /** null: the export did not say; counted as 'unknown'. */
  postType: string | null;
  /** The post's latest reading of the metric; null: not measured. */
  value: number | null;
}

export interface FormatRank {
  postType: string;
  posts: number;
  mean: number | null;
  median: number | null;
}

export const UNKNOWN_FORMAT = 'unknown';

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function rankFormats(posts: readonly FormatPost[], lowerIsBetter = false): FormatRank[] {
  const groups = new Map<string, { posts: number; values: number[] }>();
  for (const p of posts) {
    const key = p.postType && p.postType.trim() !== '' ? p.postType : UNKNOWN_FORMAT;
    const g = groups.get(key) ?? { posts: 0, values: [] };
    g.posts += 1;
    if (p.value !== null && Number.isFinite(p.value)) g.values.push(p.value);
    groups.set(key, g);
  }
  const ranks = [...groups].map(([postType, g]): FormatRank => ({
    postType,
    posts: g.posts,
    mean: g.values.length === 0 ? null : g.values.reduce((s, v) => s + v, 0) / g.values.length,
    median: median(g.values),
  }));
  const dir = lowerIsBetter ? 1 : -1;
  return ranks.sort((a, b) => {
    if (a.mean === null || b.mean === null) return a.mean === null ? (b.mean === null ? b.posts - a.posts || a.postType.localeCompare(b.postType) : 1) : -1;
    return dir * (a.mean - b.mean) || dir * ((a.median ?? 0) - (b.median ?? 0)) || b.posts - a.posts || a.postType.localeCompare(b.postType);
  });
}
