/**
 * TikTok Studio `FollowerHistory.csv`: per day the number of followers (`undefined` before
 * TikTok started counting: not measured) and the difference from the day before. The
 * difference is a net change (it can be negative), not the gross new followers the catalogue's
 * `new_followers` means: it is stored as `net_followers` (tabular.ts NET_FOLLOWER_METRIC).
 * Years from `options.lastDay` (tiktok-studio.ts).
 */
import { yearlessDailyImporter } from './tiktok-studio.ts';
import { metricColumns, names } from './header-sets/types.ts';
import { tiktokFollowersHeaders as H } from './header-sets/tiktok.ts';

const FOLLOWERS = names(H, 'followers');
const DIFFERENCE = names(H, 'difference');

export const tiktokFollowersImporter = yearlessDailyImporter({
  key: 'tiktok-followers',
  kind: 'tiktok_follower_history',
  signature: [FOLLOWERS, DIFFERENCE],
  metrics: metricColumns(H),
});
