/**
 * TikTok Studio `FollowerHistory.csv`: per day the number of followers (`undefined` before
 * TikTok started counting: not measured) and the difference from the day before. The
 * difference is a net change (it can be negative), not the gross new followers the catalogue's
 * `new_followers` means: it is stored as `net_followers` (tabular.ts NET_FOLLOWER_METRIC).
 * Years from `options.lastDay` (tiktok-studio.ts).
 */
import { yearlessDailyImporter } from './tiktok-studio.ts';
import { NET_FOLLOWER_METRIC } from './tabular.ts';

const FOLLOWERS = ['Followers', 'Følgere'];
const DIFFERENCE = [
  'Difference in followers from previous day',
  'Forskjell i følgere fra forrige dag',
  'Endring i følgere fra forrige dag',
];

export const tiktokFollowersImporter = yearlessDailyImporter({
  key: 'tiktok-followers',
  kind: 'tiktok_follower_history',
  signature: [FOLLOWERS, DIFFERENCE],
  metrics: [
    { metric: 'followers', names: FOLLOWERS },
    { metric: NET_FOLLOWER_METRIC, names: DIFFERENCE },
  ],
});
