/**
 * Meta Business Suite's post export headers (Facebook and Instagram `Posts`), English and bokmål
 * as the importer has read them so far. `Seconds viewed` is stored as watch_time_hours (divided
 * by 3600 by the importer), so it suggests no metric to a column mapping, whose cells are read
 * as written.
 */
import type { ExportHeaders } from './types.ts';

const KNOWN = 'names read from exports and kept since session 1 (bokmål not re-verified against a Norwegian export)';

export const metaPostFields = ['postId', 'publishTime', 'permalink', 'postType', 'title', 'description', 'date', 'pageId', 'accountId', 'accountUsername'] as const;
export const metaPostMetrics = [
  'reach',
  'views',
  'impressions',
  'engagements',
  'reactions',
  'likes',
  'comments',
  'shares',
  'saves',
  'link_clicks',
  'video_views',
  'plays',
  'profile_views',
  'watch_time_hours',
  'average_view_duration_s',
] as const;
type Key = (typeof metaPostFields)[number] | (typeof metaPostMetrics)[number];

export const metaPostsHeaders: ExportHeaders<Key> = {
  export: 'meta-posts',
  platform: 'facebook',
  metrics: Object.fromEntries(metaPostMetrics.filter((m) => m !== 'watch_time_hours').map((m) => [m, m])),
  sets: [
    {
      lang: 'en',
      source: KNOWN,
      names: {
        postId: ['Post ID'],
        publishTime: ['Publish time'],
        permalink: ['Permalink'],
        postType: ['Post type'],
        title: ['Title'],
        description: ['Description'],
        date: ['Date'],
        pageId: ['Page ID'],
        accountId: ['Account ID'],
        accountUsername: ['Account username'],
        reach: ['Reach'],
        views: ['Views'],
        impressions: ['Impressions'],
        engagements: ['Reactions, comments and shares'],
        reactions: ['Reactions'],
        likes: ['Likes'],
        comments: ['Comments'],
        shares: ['Shares'],
        saves: ['Saves'],
        link_clicks: ['Link clicks'],
        video_views: ['3-second video views'],
        plays: ['Plays'],
        profile_views: ['Profile visits'],
        watch_time_hours: ['Seconds viewed'],
        average_view_duration_s: ['Average seconds viewed'],
      },
    },
    {
      lang: 'nb',
      source: KNOWN,
      names: {
        postId: ['Innleggs-ID', 'Innlegg-ID', 'ID for innlegg'],
        publishTime: ['Publiseringstidspunkt', 'Publiseringstid', 'Publisert'],
        permalink: ['Permalenke', 'Permanent lenke', 'Lenke'],
        postType: ['Innleggstype', 'Type innlegg'],
        title: ['Tittel'],
        description: ['Beskrivelse'],
        date: ['Dato'],
        pageId: ['Side-ID', 'ID for side'],
        accountId: ['Konto-ID', 'ID for konto'],
        accountUsername: ['Brukernavn for konto', 'Kontobrukernavn'],
        reach: ['Rekkevidde'],
        views: ['Visninger'],
        impressions: ['Eksponeringer', 'Visninger (eksponeringer)'],
        engagements: ['Reaksjoner, kommentarer og delinger'],
        reactions: ['Reaksjoner'],
        likes: ['Liker', 'Likerklikk'],
        comments: ['Kommentarer'],
        shares: ['Delinger'],
        saves: ['Lagringer', 'Lagret'],
        link_clicks: ['Lenkeklikk', 'Linkklikk', 'Klikk på lenker', 'Klikk på lenke'],
        video_views: ['3-sekunders videovisninger', 'Videovisninger på 3 sekunder'],
        plays: ['Avspillinger'],
        profile_views: ['Profilbesøk'],
        watch_time_hours: ['Sekunder sett', 'Antall sekunder sett'],
        average_view_duration_s: ['Gjennomsnittlig antall sekunder sett', 'Gjennomsnittlige sekunder sett'],
      },
    },
  ],
};

/** The same headers for Instagram (the export is one for both platforms). */
export const metaPostsInstagramHeaders: ExportHeaders<Key> = { ...metaPostsHeaders, platform: 'instagram' };

/**
 * Facebook's legacy Page post export (Insights "Post data", before Meta Business Suite): English
 * only, as Facebook wrote it whatever the user's language; no bokmål version was ever seen.
 */
export const facebookLegacyFields = ['postId', 'permalink', 'message', 'postType', 'posted'] as const;
export const facebookLegacyMetrics = ['reach', 'impressions', 'reactions', 'comments', 'shares', 'link_clicks', 'video_views'] as const;

export const facebookLegacyHeaders: ExportHeaders<(typeof facebookLegacyFields)[number] | (typeof facebookLegacyMetrics)[number]> = {
  export: 'facebook-legacy',
  platform: 'facebook',
  metrics: Object.fromEntries(facebookLegacyMetrics.map((m) => [m, m])),
  sets: [
    {
      lang: 'en',
      source: 'the legacy Page post export, English only',
      names: {
        postId: ['Post ID'],
        permalink: ['Permalink'],
        message: ['Post Message'],
        postType: ['Type'],
        posted: ['Posted'],
        reach: ['Lifetime Post Total Reach'],
        impressions: ['Lifetime Post Total Impressions'],
        reactions: ['Lifetime Post Stories by action type - like', 'Lifetime Post Total Reactions'],
        comments: ['Lifetime Post Stories by action type - comment'],
        shares: ['Lifetime Post Stories by action type - share'],
        link_clicks: ['Lifetime Post Consumptions by type - link clicks'],
        video_views: ['Lifetime Total Video Views'],
      },
    },
  ],
};

/**
 * Meta Business Suite's daily series files (one metric per file, named by its title line, e.g.
 * `Facebook reach`): the titles (lower case, the platform's name taken out) per metric, and the
 * columns. English and bokmål as the importer has read them so far.
 */
type DailyKey = 'reach' | 'views' | 'impressions' | 'new_followers' | 'lost_followers' | 'profile_views' | 'link_clicks' | 'engagements' | 'date' | 'primary';

export const metaDailyHeaders: ExportHeaders<DailyKey> = {
  export: 'meta-daily',
  platform: 'facebook',
  metrics: {},
  sets: [
    {
      lang: 'en',
      source: KNOWN,
      names: {
        reach: ['reach'],
        views: ['views'],
        impressions: ['impressions'],
        new_followers: ['follows', 'new follows', 'new followers'],
        lost_followers: ['unfollows'],
        profile_views: ['visits', 'page visits', 'profile visits'],
        link_clicks: ['link clicks', 'external link taps'],
        engagements: ['content interactions', 'interactions'],
        date: ['Date'],
        primary: ['Primary', 'Primary period', 'Value'],
      },
    },
    {
      lang: 'nb',
      source: KNOWN,
      names: {
        reach: ['rekkevidde'],
        views: ['visninger'],
        impressions: ['eksponeringer'],
        new_followers: ['nye følgere', 'følginger', 'nye følginger'],
        lost_followers: ['avfølginger', 'sluttet å følge'],
        profile_views: ['besøk', 'sidebesøk', 'profilbesøk'],
        link_clicks: ['lenkeklikk', 'trykk på eksterne lenker'],
        engagements: ['innholdsinteraksjoner', 'interaksjoner'],
        date: ['Dato'],
        primary: ['Primær', 'Verdi'],
      },
    },
  ],
};

/** The daily file's title metrics (the keys of metaDailyHeaders that are catalogue metrics). */
export const metaDailyTitleMetrics = ['reach', 'views', 'impressions', 'new_followers', 'lost_followers', 'profile_views', 'link_clicks', 'engagements'] as const;
