/**
 * A chart's data as a table: the same numbers the chart draws, for the accessible table
 * alternative, CSV and XLSX. `chartTable` keeps raw values (numbers, days as dates, null = not
 * measured, '' = not applicable); `formatTable` turns them into the locale's text. Pure.
 */
import { dayNumber, eachDay } from '../core/period/days.ts';
import type { Cell } from '../exports/cells.ts';
import { chartLabels, formatChartDay, formatChartMonth, formatChartValue } from './format.ts';
import type { BarSpec, ChartLocale, ChartSpec, TimeSeriesSpec } from './spec.ts';

export interface ChartTable {
  columns: string[];
  rows: Cell[][];
}

/** Every day or month from `from` to `to` (inclusive), as 'YYYY-MM-DD' or 'YYYY-MM'. */
export function slots(spec: Pick<TimeSeriesSpec, 'granularity' | 'from' | 'to'>): string[] {
  if (spec.granularity === 'day') return spec.from <= spec.to ? eachDay(spec.from, spec.to) : [];
  const out: string[] = [];
  const m0 = /^(\d{4})-(\d{2})/.exec(spec.from);
  const m1 = /^(\d{4})-(\d{2})/.exec(spec.to);
  if (!m0 || !m1) return out;
  let y = Number(m0[1]);
  let m = Number(m0[2]);
  const end = Number(m1[1]) * 12 + Number(m1[2]);
  while (y * 12 + m <= end && out.length < 10_000) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/** The slot a point belongs to ('2026-03-15' is in the month '2026-03'). */
function slotOf(at: string, granularity: 'day' | 'month'): string {
  return granularity === 'month' ? at.slice(0, 7) : at.slice(0, 10);
}

/** A day's number or a month's index (year × 12 + month), to interpolate on; null when malformed. */
function position(at: string, granularity: 'day' | 'month'): number | null {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(at);
  if (!m) return null;
  if (granularity === 'month') return Number(m[1]) * 12 + Number(m[2]) - 1;
  return m[3] ? dayNumber(`${m[1]}-${m[2]}-${m[3]}`) : null;
}

/** The columns of a time series table after the first (day/month), in order, each with its values per slot. */
export function timeColumns(spec: TimeSeriesSpec, locale: ChartLocale): { name: string; role: 'series' | 'target' | 'pace' | 'mean' | 'lower' | 'upper'; values: (number | null | undefined)[] }[] {
  const keys = slots(spec);
  const index = new Map(keys.map((k, i) => [k, i]));
  const columns: ReturnType<typeof timeColumns> = [];
  for (const s of spec.series) {
    const values: (number | null)[] = keys.map(() => null);
    for (const p of s.points) {
      const i = index.get(slotOf(p.at, spec.granularity));
      if (i !== undefined) values[i] = p.value !== null && Number.isFinite(p.value) ? p.value : null;
    }
    columns.push({ name: s.name, role: 'series', values });
  }
  if (spec.target) {
    const v = spec.target.value;
    columns.push({ name: spec.target.name, role: 'target', values: keys.map(() => v) });
  }
  if (spec.pace) {
    // Interpolated on the calendar, so a baseline or deadline outside the chart's range still places the line.
    const { from, to } = spec.pace;
    const p0 = position(from.at, spec.granularity);
    const p1 = position(to.at, spec.granularity);
    const values = keys.map((k): number | undefined => {
      const p = position(k, spec.granularity);
      if (p0 === null || p1 === null || p === null || p < p0 || p > p1) return undefined;
      return p1 === p0 ? to.value : from.value + ((to.value - from.value) * (p - p0)) / (p1 - p0);
    });
    columns.push({ name: spec.pace.name, role: 'pace', values });
  }
  if (spec.forecast) {
    const f = spec.forecast;
    const mean: (number | undefined)[] = keys.map(() => undefined);
    const lower: (number | undefined)[] = keys.map(() => undefined);
    const upper: (number | undefined)[] = keys.map(() => undefined);
    for (const p of f.points) {
      const i = index.get(slotOf(p.at, spec.granularity));
      if (i === undefined) continue;
      if (p.mean !== null) mean[i] = p.mean;
      lower[i] = p.lower;
      upper[i] = p.upper;
    }
    if (f.points.some((p) => p.mean !== null)) columns.push({ name: f.name, role: 'mean', values: mean });
    const l = chartLabels[locale];
    columns.push({ name: `${f.bandName} (${l.lower})`, role: 'lower', values: lower });
    columns.push({ name: `${f.bandName} (${l.upper})`, role: 'upper', values: upper });
  }
  return columns;
}

function timeTable(spec: TimeSeriesSpec, locale: ChartLocale): ChartTable {
  const keys = slots(spec);
  const columns = timeColumns(spec, locale);
  const l = chartLabels[locale];
  return {
    columns: [spec.granularity === 'day' ? l.day : l.month, ...columns.map((c) => c.name)],
    rows: keys.map((k, i) => [
      spec.granularity === 'day' ? { date: k } : k,
      ...columns.map((c): Cell => {
        const v = c.values[i];
        return v === undefined ? '' : v;
      }),
    ]),
  };
}

function barTable(spec: BarSpec, locale: ChartLocale): ChartTable {
  const l = chartLabels[locale];
  const marked = spec.categories.some((c) => c.inTarget);
  const columns = [l.category, ...spec.series.map((s) => s.name)];
  if (spec.target) columns.push(spec.target.name);
  if (marked) columns.push(spec.targetSetName ?? l.inTarget);
  return {
    columns,
    rows: spec.categories.map((c, i) => {
      const row: Cell[] = [c.label, ...spec.series.map((s) => finite(s.values[i]))];
      if (spec.target) row.push(finite(spec.target.values[i]));
      if (marked) row.push(c.inTarget ? l.yes : l.no);
      return row;
    }),
  };
}

function finite(v: number | null | undefined): number | null {
  return v !== null && v !== undefined && Number.isFinite(v) ? v : null;
}

/** The chart's data with raw values: numbers, days as dates, null = not measured, '' = not applicable. */
export function chartTable(spec: ChartSpec, locale: ChartLocale): ChartTable {
  return spec.kind === 'time' ? timeTable(spec, locale) : barTable(spec, locale);
}

/** The same table as the locale's text: numbers with the unit, dates written out, null → "ikke målt". */
export function formatTable(spec: ChartSpec, locale: ChartLocale): { columns: string[]; rows: string[][] } {
  const table = chartTable(spec, locale);
  return {
    columns: table.columns,
    rows: table.rows.map((row) =>
      row.map((cell, col): string => {
        if (col === 0) {
          if (cell !== null && typeof cell === 'object') return formatChartDay(cell.date, locale);
          if (spec.kind === 'time' && typeof cell === 'string') return formatChartMonth(cell, locale);
        }
        if (cell === null) return chartLabels[locale].notMeasured;
        if (typeof cell === 'number') return formatChartValue(cell, spec.unit, locale);
        if (typeof cell === 'boolean') return String(cell);
        if (typeof cell === 'object') return formatChartDay(cell.date, locale);
        return cell;
      }),
    ),
  };
}
