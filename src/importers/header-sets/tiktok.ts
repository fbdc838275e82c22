/**
 * TikTok's export headers. English and bokmål as the importers have read them so far (TikTok
 * Studio writes headers in the user's language); Swedish as issue #8 lists them for the business
 * account overview (`Datum`, `Videovisningar`, `Målgrupp som nåtts`, `Profilvisningar`,
 * `Gilla-markeringar`, `Kommentarer`, `Delningar`, `Nya följare`, `Tappade följare`). TikTok
 * Studio's Overview has the same columns as the business overview's first ones, so it takes the
 * same Swedish names for them.
 */
import { NET_FOLLOWER_METRIC } from '../tabular.ts';
import type { ExportHeaders } from './types.ts';

const KNOWN = 'names read from exports and kept since session 1';
const ISSUE_8 = 'issue #8: Swedish TikTok exports';

export const tiktokOverviewHeaders: ExportHeaders<'date' | 'views' | 'profile_views' | 'likes' | 'comments' | 'shares'> = {
  export: 'tiktok-overview',
  platform: 'tiktok',
  metrics: { views: 'views', profile_views: 'profile_views', likes: 'likes', comments: 'comments', shares: 'shares' },
  sets: [
    { lang: 'en', source: KNOWN, names: { date: ['Date'], views: ['Video Views'], profile_views: ['Profile Views'], likes: ['Likes'], comments: ['Comments'], shares: ['Shares'] } },
    { lang: 'nb', source: KNOWN, names: { date: ['Dato'], views: ['Videovisninger'], profile_views: ['Profilvisninger'], likes: ['Liker', 'Likerklikk'], comments: ['Kommentarer'], shares: ['Delinger'] } },
    { lang: 'sv', source: ISSUE_8, names: { date: ['Datum'], views: ['Videovisningar'], profile_views: ['Profilvisningar'], likes: ['Gilla-markeringar'], comments: ['Kommentarer'], shares: ['Delningar'] } },
  ],
};

export const tiktokViewersHeaders: ExportHeaders<'total' | 'new' | 'returning'> = {
  export: 'tiktok-viewers',
  platform: 'tiktok',
  metrics: { total: 'reach', new: 'new_viewers', returning: 'returning_viewers' },
  sets: [
    { lang: 'en', source: KNOWN, names: { total: ['Total Viewers'], new: ['New Viewers'], returning: ['Returning Viewers'] } },
    { lang: 'nb', source: KNOWN, names: { total: ['Totalt antall seere', 'Seere totalt'], new: ['Nye seere'], returning: ['Tilbakevendende seere', 'Returnerende seere'] } },
  ],
};

export const tiktokFollowersHeaders: ExportHeaders<'followers' | 'difference'> = {
  export: 'tiktok-followers',
  platform: 'tiktok',
  metrics: { followers: 'followers', difference: NET_FOLLOWER_METRIC },
  sets: [
    { lang: 'en', source: KNOWN, names: { followers: ['Followers'], difference: ['Difference in followers from previous day'] } },
    { lang: 'nb', source: KNOWN, names: { followers: ['Følgere'], difference: ['Forskjell i følgere fra forrige dag', 'Endring i følgere fra forrige dag'] } },
  ],
};

export const tiktokContentHeaders: ExportHeaders<'time' | 'title' | 'link' | 'post_time' | 'likes' | 'comments' | 'shares' | 'views'> = {
  export: 'tiktok-content',
  platform: 'tiktok',
  metrics: { likes: 'likes', comments: 'comments', shares: 'shares', views: 'views' },
  sets: [
    {
      lang: 'en',
      source: KNOWN,
      names: { time: ['Time'], title: ['Video title'], link: ['Video link'], post_time: ['Post time'], likes: ['Total likes'], comments: ['Total comments'], shares: ['Total shares'], views: ['Total views'] },
    },
    {
      lang: 'nb',
      source: KNOWN,
      names: {
        time: ['Tid'],
        title: ['Videotittel'],
        link: ['Videolenke', 'Lenke til video'],
        post_time: ['Publiseringstidspunkt', 'Innleggstidspunkt', 'Publisert'],
        likes: ['Totalt antall liker', 'Liker totalt'],
        comments: ['Totalt antall kommentarer', 'Kommentarer totalt'],
        shares: ['Totalt antall delinger', 'Delinger totalt'],
        views: ['Totalt antall visninger', 'Visninger totalt'],
      },
    },
  ],
};

type BusinessKey = 'date' | 'views' | 'reach' | 'profile_views' | 'likes' | 'comments' | 'shares' | 'link_clicks' | 'followers' | 'new_followers' | 'lost_followers' | 'net';

export const tiktokBusinessHeaders: ExportHeaders<BusinessKey> = {
  export: 'tiktok-business',
  platform: 'tiktok',
  metrics: {
    views: 'views',
    reach: 'reach',
    profile_views: 'profile_views',
    likes: 'likes',
    comments: 'comments',
    shares: 'shares',
    link_clicks: 'link_clicks',
    followers: 'followers',
    new_followers: 'new_followers',
    lost_followers: 'lost_followers',
    net: NET_FOLLOWER_METRIC,
  },
  sets: [
    {
      lang: 'en',
      source: KNOWN,
      names: {
        date: ['Date'],
        views: ['Video views'],
        reach: ['Reached audience'],
        profile_views: ['Profile views'],
        likes: ['Likes'],
        comments: ['Comments'],
        shares: ['Shares'],
        link_clicks: ['Website clicks'],
        followers: ['Total followers', 'Followers'],
        new_followers: ['New followers'],
        lost_followers: ['Lost followers'],
        net: ['Net growth'],
      },
    },
    {
      lang: 'nb',
      source: KNOWN,
      names: {
        date: ['Dato'],
        views: ['Videovisninger'],
        reach: ['Nådd publikum', 'Publikum nådd'],
        profile_views: ['Profilvisninger'],
        likes: ['Liker'],
        comments: ['Kommentarer'],
        shares: ['Delinger'],
        link_clicks: ['Klikk på nettsted', 'Nettstedsklikk'],
        followers: ['Følgere', 'Totalt antall følgere'],
        new_followers: ['Nye følgere'],
        lost_followers: ['Tapte følgere', 'Mistede følgere'],
        net: ['Netto vekst', 'Nettovekst'],
      },
    },
    {
      lang: 'sv',
      source: ISSUE_8,
      names: {
        date: ['Datum'],
        views: ['Videovisningar'],
        reach: ['Målgrupp som nåtts'],
        profile_views: ['Profilvisningar'],
        likes: ['Gilla-markeringar'],
        comments: ['Kommentarer'],
        shares: ['Delningar'],
        new_followers: ['Nya följare'],
        lost_followers: ['Tappade följare'],
      },
    },
  ],
};

/** TikTok Studio's follower files (FollowerGender, FollowerTopTerritories, FollowerActivity): audience snapshots, no metric columns. */
export const tiktokAudienceHeaders: ExportHeaders<'gender' | 'territory' | 'distribution' | 'hour' | 'active'> = {
  export: 'tiktok-audience',
  platform: 'tiktok',
  metrics: {},
  sets: [
    { lang: 'en', source: KNOWN, names: { gender: ['Gender'], territory: ['Top territories'], distribution: ['Distribution'], hour: ['Hour'], active: ['Active followers'] } },
    {
      lang: 'nb',
      source: KNOWN,
      names: {
        gender: ['Kjønn'],
        territory: ['Toppterritorier', 'Viktigste territorier', 'Territorier'],
        distribution: ['Fordeling'],
        hour: ['Time', 'Klokkeslett'],
        active: ['Aktive følgere'],
      },
    },
  ],
};
