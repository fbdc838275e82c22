/**
 * Every export's header sets, and the exact-name lookup column mappings suggest metrics from: a
 * header suggests a metric only when it is, normalised, one of the names a built-in export of the
 * account's platform reads as that metric (a name two exports read as different metrics suggests
 * nothing). Never a guess by likeness. Pure.
 */
import type { Platform } from '../../core/platforms.ts';
import { normaliseHeader } from '../parse/headers.ts';
import { tiktokBusinessHeaders, tiktokContentHeaders, tiktokFollowersHeaders, tiktokOverviewHeaders, tiktokViewersHeaders } from './tiktok.ts';
import { xContentHeaders, xLegacyHeaders, xOverviewHeaders } from './x.ts';
import { youtubeHeaders } from './youtube.ts';
import { metaPostsHeaders, metaPostsInstagramHeaders } from './meta.ts';
import { linkedinVisitorsHeaders } from './linkedin.ts';
import type { ExportHeaders } from './types.ts';

export const headerSets: readonly ExportHeaders<string>[] = [
  tiktokOverviewHeaders,
  tiktokViewersHeaders,
  tiktokFollowersHeaders,
  tiktokContentHeaders,
  tiktokBusinessHeaders,
  youtubeHeaders,
  xOverviewHeaders,
  xContentHeaders,
  xLegacyHeaders,
  metaPostsHeaders,
  metaPostsInstagramHeaders,
  linkedinVisitorsHeaders,
] as readonly ExportHeaders<string>[];

const byPlatform = new Map<Platform, Map<string, string | null>>();

function lookup(platform: Platform): Map<string, string | null> {
  let map = byPlatform.get(platform);
  if (map) return map;
  map = new Map();
  for (const h of headerSets) {
    if (h.platform !== platform) continue;
    for (const [key, metric] of Object.entries(h.metrics)) {
      if (!metric) continue;
      for (const set of h.sets) {
        for (const name of set.names[key] ?? []) {
          const n = normaliseHeader(name);
          const had = map.get(n);
          map.set(n, had === undefined || had === metric ? metric : null);
        }
      }
    }
  }
  byPlatform.set(platform, map);
  return map;
}

/** The metric a header exactly names for a platform's exports, else null. */
export function knownMetricOf(platform: Platform, header: string): string | null {
  return lookup(platform).get(normaliseHeader(header)) ?? null;
}
