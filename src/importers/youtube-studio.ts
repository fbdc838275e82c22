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
import { type MetricColumn, type Table, findColumn } from './tabular.ts';
import { metricColumns, names } from './header-sets/types.ts';
import { youtubeHeaders as H } from './header-sets/youtube.ts';

export const CONTENT = names(H, 'content');
export const TITLE = names(H, 'title');
export const PUBLISHED = names(H, 'published');
export const DATE = names(H, 'date');
export const SUBSCRIBERS_NET = names(H, 'subscribers');
/** `Content` of the channel's own row or line (the table's first row; a chart's total series). */
export const TOTAL_CONTENT = new Set(['total', 'totalt', 'totalsum']);

export const youtubeMetrics: readonly MetricColumn[] = metricColumns(H, { avd: 'duration_s' });

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
