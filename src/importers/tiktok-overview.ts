/**
 * TikTok Studio `Overview.csv`: one row per day (year-less dates, oldest first, up to 365 days)
 * with video views, profile views, likes, comments and shares. Years come from
 * `options.lastDay` (see tiktok-studio.ts). Headers in English, bokmål and Swedish (header-sets/tiktok.ts).
 */
import { yearlessDailyImporter } from './tiktok-studio.ts';
import { metricColumns, names } from './header-sets/types.ts';
import { tiktokOverviewHeaders as H } from './header-sets/tiktok.ts';

const VIDEO_VIEWS = names(H, 'views');
const PROFILE_VIEWS = names(H, 'profile_views');

export const tiktokOverviewImporter = yearlessDailyImporter({
  key: 'tiktok-overview',
  kind: 'tiktok_overview',
  signature: [VIDEO_VIEWS, PROFILE_VIEWS],
  metrics: metricColumns(H),
});
