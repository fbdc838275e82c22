/**
 * What the YouTube Studio importers share (advanced mode exports: `Table data.csv`,
 * `Chart data.csv`, `Totals.csv`). The metric columns depend on what the user ticked, so each is
 * matched by name (English and bokmål header sets); the rest are listed as ignored. YouTube's
 * `Subscribers` is the net change (gained − lost, can be negative): it is stored as
 * `net_followers`, never as the gross `new_followers`, while `Subscribers gained`/`lost` map to
 * new/lost followers. Thumbnail click-through rate has no catalogue metric and is ignored.
 */
import { guessDayOrder, type DayOrder } from './parse/dates.ts';
import { ImportError } from './errors.ts';
import { type MetricColumn, type Table, NET_FOLLOWER_METRIC, findColumn } from './tabular.ts';

export const CONTENT = ['Content', 'Innhold'];
export const TITLE = ['Video title', 'Videotittel'];
export const PUBLISHED = ['Video publish time', 'Publiseringstidspunkt for video', 'Publiseringstidspunkt'];
export const DATE = ['Date', 'Dato'];
export const SUBSCRIBERS_NET = ['Subscribers', 'Abonnenter'];
/** `Content` of the channel's own row or line (the table's first row; a chart's total series). */
export const TOTAL_CONTENT = new Set(['total', 'totalt', 'totalsum']);

export const youtubeMetrics: readonly MetricColumn[] = [
  { metric: 'views', names: ['Views', 'Visninger'] },
  { metric: 'watch_time_hours', names: ['Watch time (hours)', 'Visningstid (timer)', 'Seertid (timer)'] },
  { metric: NET_FOLLOWER_METRIC, names: SUBSCRIBERS_NET },
  { metric: 'new_followers', names: ['Subscribers gained', 'Nye abonnenter', 'Abonnenter fått'] },
  { metric: 'lost_followers', names: ['Subscribers lost', 'Mistede abonnenter', 'Abonnenter mistet'] },
  { metric: 'impressions', names: ['Impressions', 'Visninger av miniatyrbilder', 'Eksponeringer'] },
  {
    metric: 'average_view_duration_s',
    names: ['Average view duration', 'Gjennomsnittlig visningstid', 'Gjennomsnittlig seertid'],
    kind: 'duration_s',
  },
  {
    metric: 'average_percentage_viewed',
    names: ['Average percentage viewed (%)', 'Gjennomsnittlig prosentandel sett (%)', 'Gjennomsnittlig andel sett (%)'],
  },
  { metric: 'likes', names: ['Likes', 'Liker', 'Liker-klikk'] },
  { metric: 'comments', names: ['Comments added', 'Comments', 'Kommentarer lagt til', 'Kommentarer'] },
  { metric: 'shares', names: ['Shares', 'Delinger'] },
  { metric: 'reach', names: ['Unique viewers', 'Unike seere'] },
  { metric: 'new_viewers', names: ['New viewers', 'Nye seere'] },
  { metric: 'returning_viewers', names: ['Returning viewers', 'Tilbakevendende seere', 'Returnerende seere'] },
];

/** Headers YouTube Studio writes that are known but not stored (so a Totals file can be told apart). */
const KNOWN_OTHER = [
  'Impressions click-through rate (%)',
  'Klikkfrekvens for visninger av miniatyrbilder (%)',
  'Duration',
  'Varighet',
  'Engaged views',
  'Stay to watch (%)',
];

/** True when every header but the date is a YouTube Studio metric (for Totals detection). */
export function allYoutubeColumns(header: readonly string[], skip: readonly number[]): boolean {
  const names = [...youtubeMetrics.flatMap((m) => m.names), ...KNOWN_OTHER];
  return header.every((h, i) => skip.includes(i) || findColumn([h], names) === 0);
}

/**
 * The day order of a date column: ISO dates need none; `DD-MM-YYYY` (a re-saved export) or
 * `MM/DD/YYYY` is told from the values, and a column that fits both orders (or neither) is
 * refused rather than guessed.
 */
export function dayOrderOf(table: Table, dateAt: number): DayOrder | undefined {
  const values = table.rows.map((r) => r.cells[dateAt] ?? '').filter((v) => /^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/.test(v));
  if (values.length === 0) return undefined;
  const order = guessDayOrder(values);
  if (order) return order;
  const column = table.header[dateAt]!;
  const bothFit = values.every((v) => {
    const [a, b] = v.trim().split(/[/.-]/).map(Number) as [number, number];
    return a <= 12 && b <= 12;
  });
  throw new ImportError(
    { file: table.file, column },
    bothFit
      ? `the dates (e.g. "${values[0]}") fit both day-month-year and month-day-year: the file was probably re-saved by a spreadsheet; export it again from YouTube Studio`
      : `the dates mix day-month-year and month-day-year order (e.g. "${values[0]}"): the file was probably damaged by a spreadsheet`,
  );
}
