/**
 * LinkedIn page export headers. Visitors: English and bokmål as the importer has read them so
 * far. Followers: English only — no bokmål headers of LinkedIn's follower export could be
 * confirmed (none seen in an export, none found in LinkedIn's Norwegian help pages), so none are
 * listed; a Norwegian file is mapped once by its user instead. The followers file's columns are
 * combined by the importer (total, or organic + sponsored), so they suggest no metric.
 */
import type { ExportHeaders } from './types.ts';

const KNOWN = 'names read from exports and kept since session 1 (bokmål not re-verified against a Norwegian export)';

export const linkedinVisitorsHeaders: ExportHeaders<'date' | 'page_views' | 'unique_visitors' | 'sheet'> = {
  export: 'linkedin-visitors',
  platform: 'linkedin',
  metrics: { page_views: 'profile_views', unique_visitors: 'unique_visitors' },
  sets: [
    {
      lang: 'en',
      source: KNOWN,
      names: {
        date: ['Date'],
        page_views: ['Total page views (total)', 'Page views total (total)'],
        unique_visitors: ['Total unique visitors (total)', 'Unique visitors total (total)'],
        sheet: ['Visitor metrics'],
      },
    },
    {
      lang: 'nb',
      source: KNOWN,
      names: {
        date: ['Dato'],
        page_views: ['Totalt antall sidevisninger (totalt)', 'Sidevisninger totalt (totalt)', 'Sidevisninger (totalt)'],
        unique_visitors: ['Totalt antall unike besøkende (totalt)', 'Unike besøkende totalt (totalt)', 'Unike besøkende (totalt)'],
        sheet: ['Besøksstatistikk', 'Besøkende'],
      },
    },
  ],
};

export const linkedinFollowersHeaders: ExportHeaders<'date' | 'total' | 'organic' | 'sponsored' | 'sheet'> = {
  export: 'linkedin-followers',
  platform: 'linkedin',
  metrics: {},
  sets: [
    {
      lang: 'en',
      source: 'names read from exports and kept since session 1',
      names: { date: ['Date'], total: ['Total followers'], organic: ['Organic followers'], sponsored: ['Sponsored followers'], sheet: ['New followers'] },
    },
  ],
};

/**
 * LinkedIn's content export (.xls/.xlsx): a daily "Metrics" sheet whose metric columns come as
 * `<base> (total)`, `(organic)` and `(sponsored)`, and an "All posts" sheet with one row per post.
 * English only: no bokmål version could be confirmed (see above).
 */
type ContentKey =
  | 'date'
  | 'impressions_any'
  | 'impressions_sponsored'
  | 'link'
  | 'created'
  | 'unique_total'
  | 'unique_organic'
  | 'title'
  | 'post_type'
  | 'content_type'
  | 'campaign'
  | 'posted_by'
  | 'campaign_start'
  | 'campaign_end'
  | 'audience'
  | 'impressions'
  | 'views'
  | 'clicks'
  | 'reactions'
  | 'comments'
  | 'reposts';

export const linkedinContentHeaders: ExportHeaders<ContentKey> = {
  export: 'linkedin-content',
  platform: 'linkedin',
  metrics: { impressions: 'impressions', views: 'video_views', clicks: 'link_clicks', reactions: 'reactions', comments: 'comments', reposts: 'shares' },
  sets: [
    {
      lang: 'en',
      source: 'names read from exports and kept since session 1',
      names: {
        date: ['Date'],
        impressions_any: ['Impressions (total)', 'Impressions (organic)'],
        impressions_sponsored: ['Impressions (sponsored)'],
        link: ['Post link'],
        created: ['Created date'],
        unique_total: ['Unique impressions (total)', 'Unique impressions'],
        unique_organic: ['Unique impressions (organic)'],
        title: ['Post title'],
        post_type: ['Post type'],
        content_type: ['Content Type'],
        campaign: ['Campaign name'],
        posted_by: ['Posted by'],
        campaign_start: ['Campaign start date'],
        campaign_end: ['Campaign end date'],
        audience: ['Audience'],
        impressions: ['Impressions'],
        views: ['Views'],
        clicks: ['Clicks'],
        reactions: ['Likes', 'Reactions'],
        comments: ['Comments'],
        reposts: ['Reposts'],
      },
    },
  ],
};

/** The daily sheet's metric columns: `<base> (total)` / `(organic)` of these bases (English). */
export const linkedinDailyBases = [
  { metric: 'impressions', base: 'Impressions' },
  { metric: 'link_clicks', base: 'Clicks' },
  { metric: 'reactions', base: 'Reactions' },
  { metric: 'comments', base: 'Comments' },
  { metric: 'shares', base: 'Reposts' },
] as const;
