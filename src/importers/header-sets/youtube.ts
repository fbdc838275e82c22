/**
 * YouTube Studio's advanced-mode export headers (`Table data.csv`, `Chart data.csv`,
 * `Totals.csv`), English and bokmål, as the importers have read them so far. One header set
 * serves all three exports: which metric columns a file has depends on what the user ticked.
 */
import { NET_FOLLOWER_METRIC } from '../tabular.ts';
import type { ExportHeaders } from './types.ts';

const KNOWN = 'names read from exports and kept since session 1 (bokmål not re-verified against a Norwegian export)';

type Key =
  | 'content'
  | 'title'
  | 'published'
  | 'date'
  | 'views'
  | 'watch_time'
  | 'subscribers'
  | 'gained'
  | 'lost'
  | 'impressions'
  | 'avd'
  | 'apv'
  | 'likes'
  | 'comments'
  | 'shares'
  | 'unique'
  | 'new_viewers'
  | 'returning';

export const youtubeHeaders: ExportHeaders<Key> = {
  export: 'youtube-table',
  platform: 'youtube',
  metrics: {
    views: 'views',
    watch_time: 'watch_time_hours',
    subscribers: NET_FOLLOWER_METRIC,
    gained: 'new_followers',
    lost: 'lost_followers',
    impressions: 'impressions',
    avd: 'average_view_duration_s',
    apv: 'average_percentage_viewed',
    likes: 'likes',
    comments: 'comments',
    shares: 'shares',
    unique: 'reach',
    new_viewers: 'new_viewers',
    returning: 'returning_viewers',
  },
  sets: [
    {
      lang: 'en',
      source: KNOWN,
      names: {
        content: ['Content'],
        title: ['Video title'],
        published: ['Video publish time'],
        date: ['Date'],
        views: ['Views'],
        watch_time: ['Watch time (hours)'],
        subscribers: ['Subscribers'],
        gained: ['Subscribers gained'],
        lost: ['Subscribers lost'],
        impressions: ['Impressions'],
        avd: ['Average view duration'],
        apv: ['Average percentage viewed (%)'],
        likes: ['Likes'],
        comments: ['Comments added', 'Comments'],
        shares: ['Shares'],
        unique: ['Unique viewers'],
        new_viewers: ['New viewers'],
        returning: ['Returning viewers'],
      },
    },
    {
      lang: 'nb',
      source: KNOWN,
      names: {
        content: ['Innhold'],
        title: ['Videotittel'],
        published: ['Publiseringstidspunkt for video', 'Publiseringstidspunkt'],
        date: ['Dato'],
        views: ['Visninger'],
        watch_time: ['Visningstid (timer)', 'Seertid (timer)'],
        subscribers: ['Abonnenter'],
        gained: ['Nye abonnenter', 'Abonnenter fått'],
        lost: ['Mistede abonnenter', 'Abonnenter mistet'],
        impressions: ['Visninger av miniatyrbilder', 'Eksponeringer'],
        avd: ['Gjennomsnittlig visningstid', 'Gjennomsnittlig seertid'],
        apv: ['Gjennomsnittlig prosentandel sett (%)', 'Gjennomsnittlig andel sett (%)'],
        likes: ['Liker', 'Liker-klikk'],
        comments: ['Kommentarer lagt til', 'Kommentarer'],
        shares: ['Delinger'],
        unique: ['Unike seere'],
        new_viewers: ['Nye seere'],
        returning: ['Tilbakevendende seere', 'Returnerende seere'],
      },
    },
  ],
};
