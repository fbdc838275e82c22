/**
 * X (Twitter) analytics export headers: the account overview (one row per day) and the content
 * export (one row per post) of today's analytics, English and bokmål as the importers have read
 * them so far; the legacy tweet activity export is English only (X never localised it).
 */
import type { ExportHeaders } from './types.ts';

const KNOWN = 'names read from exports and kept since session 1 (bokmål not re-verified against a Norwegian export)';

type OverviewKey = 'date' | 'impressions' | 'likes' | 'engagements' | 'saves' | 'new_follows' | 'unfollows' | 'replies' | 'reposts' | 'profile' | 'posts' | 'video';

export const xOverviewHeaders: ExportHeaders<OverviewKey> = {
  export: 'x-overview',
  platform: 'x',
  metrics: {
    impressions: 'impressions',
    likes: 'likes',
    engagements: 'engagements',
    saves: 'saves',
    new_follows: 'new_followers',
    unfollows: 'lost_followers',
    replies: 'comments',
    reposts: 'shares',
    profile: 'profile_views',
    posts: 'posts_published',
    video: 'video_views',
  },
  sets: [
    {
      lang: 'en',
      source: KNOWN,
      names: {
        date: ['Date'],
        impressions: ['Impressions'],
        likes: ['Likes'],
        engagements: ['Engagements'],
        saves: ['Bookmarks'],
        new_follows: ['New follows'],
        unfollows: ['Unfollows'],
        replies: ['Replies'],
        reposts: ['Reposts', 'Repost'],
        profile: ['Profile visits'],
        posts: ['Create Post'],
        video: ['Video views'],
      },
    },
    {
      lang: 'nb',
      source: KNOWN,
      names: {
        date: ['Dato'],
        impressions: ['Visninger'],
        likes: ['Liker', 'Liker-merker'],
        engagements: ['Engasjementer', 'Engasjement'],
        saves: ['Bokmerker'],
        new_follows: ['Nye følgere', 'Nye følginger'],
        unfollows: ['Avfølginger', 'Sluttet å følge'],
        replies: ['Svar'],
        reposts: ['Reposter'],
        profile: ['Profilbesøk'],
        posts: ['Opprett innlegg', 'Innlegg opprettet'],
        video: ['Videovisninger'],
      },
    },
  ],
};

type ContentKey = 'id' | 'date' | 'text' | 'link' | 'impressions' | 'likes' | 'engagements' | 'saves' | 'new_follows' | 'replies' | 'reposts' | 'profile' | 'clicks';

export const xContentHeaders: ExportHeaders<ContentKey> = {
  export: 'x-content',
  platform: 'x',
  metrics: {
    impressions: 'impressions',
    likes: 'likes',
    engagements: 'engagements',
    saves: 'saves',
    new_follows: 'new_followers',
    replies: 'comments',
    reposts: 'shares',
    profile: 'profile_views',
    clicks: 'link_clicks',
  },
  sets: [
    {
      lang: 'en',
      source: KNOWN,
      names: {
        id: ['Post id', 'Post ID'],
        date: ['Date'],
        text: ['Post text'],
        link: ['Post Link', 'Link'],
        impressions: ['Impressions'],
        likes: ['Likes'],
        engagements: ['Engagements'],
        saves: ['Bookmarks'],
        new_follows: ['New follows'],
        replies: ['Replies'],
        reposts: ['Reposts'],
        profile: ['Profile visits'],
        clicks: ['URL Clicks', 'Url clicks'],
      },
    },
    {
      lang: 'nb',
      source: KNOWN,
      names: {
        id: ['Innlegg-ID'],
        date: ['Dato'],
        text: ['Innleggstekst', 'Tekst'],
        link: ['Lenke', 'Lenke til innlegg'],
        impressions: ['Visninger'],
        likes: ['Liker'],
        engagements: ['Engasjementer', 'Engasjement'],
        saves: ['Bokmerker'],
        new_follows: ['Nye følgere'],
        replies: ['Svar'],
        reposts: ['Reposter'],
        profile: ['Profilbesøk'],
        clicks: ['URL-klikk', 'Lenkeklikk'],
      },
    },
  ],
};

type LegacyKey = 'id' | 'link' | 'text' | 'time' | 'impressions' | 'engagements' | 'retweets' | 'replies' | 'likes' | 'profile' | 'clicks' | 'follows';

export const xLegacyHeaders: ExportHeaders<LegacyKey> = {
  export: 'x-legacy',
  platform: 'x',
  metrics: {
    impressions: 'impressions',
    engagements: 'engagements',
    retweets: 'shares',
    replies: 'comments',
    likes: 'likes',
    profile: 'profile_views',
    clicks: 'link_clicks',
    follows: 'new_followers',
  },
  sets: [
    {
      lang: 'en',
      source: 'the legacy tweet activity export, English only',
      names: {
        id: ['Tweet id'],
        link: ['Tweet permalink'],
        text: ['Tweet text'],
        time: ['time'],
        impressions: ['impressions'],
        engagements: ['engagements'],
        retweets: ['retweets'],
        replies: ['replies'],
        likes: ['likes', 'favorites'],
        profile: ['user profile clicks'],
        clicks: ['url clicks'],
        follows: ['follows'],
      },
    },
  ],
};
