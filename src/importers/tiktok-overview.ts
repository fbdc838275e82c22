/**
 * TikTok Studio `Overview.csv`: one row per day (year-less dates, oldest first, up to 365 days)
 * with video views, profile views, likes, comments and shares. Years come from
 * `options.lastDay` (see tiktok-studio.ts). English and bokmål headers.
 */
import { yearlessDailyImporter } from './tiktok-studio.ts';

const VIDEO_VIEWS = ['Video Views', 'Videovisninger'];
const PROFILE_VIEWS = ['Profile Views', 'Profilvisninger'];

export const tiktokOverviewImporter = yearlessDailyImporter({
  key: 'tiktok-overview',
  kind: 'tiktok_overview',
  signature: [VIDEO_VIEWS, PROFILE_VIEWS],
  metrics: [
    { metric: 'views', names: VIDEO_VIEWS },
    { metric: 'profile_views', names: PROFILE_VIEWS },
    { metric: 'likes', names: ['Likes', 'Liker', 'Likerklikk'] },
    { metric: 'comments', names: ['Comments', 'Kommentarer'] },
    { metric: 'shares', names: ['Shares', 'Delinger'] },
  ],
});
