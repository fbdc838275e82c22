/**
 * Share of voice: how much of the conversation is about us. The product brief's definition
 * (PRODUCT.md, "Formulas"): own mentions / (own + competitors' mentions) × 100.
 *
 * "Not measured is not zero": unless mentions are documented both for the unit (or account) and
 * for at least one competitor in the period, the share is null; a documented 0 own mentions
 * against documented competitor mentions is a measured 0 %.
 * Pure: no I/O.
 */
import { monthEnd } from '../period/days.ts';

export interface VoiceInput {
  /** Own mentions in the period: null when none are documented. */
  own: number | null;
  /** Each competitor's mentions in the period: null when none are documented for it. */
  competitors: readonly (number | null)[];
}

export interface ShareOfVoice {
  /** Percent, 0–100; null unless own and competitors' mentions are documented (and the total is not 0). */
  share: number | null;
  own: number | null;
  /** Sum of the competitors' documented mentions; null when none are documented. */
  competitors: number | null;
  total: number | null;
  /** Competitors whose mentions are documented for the period. */
  competitorsDocumented: number;
}

export const shareOfVoiceFormula = 'own mentions / (own + competitors’ mentions) × 100';

export function shareOfVoice(input: VoiceInput): ShareOfVoice {
  const documented = input.competitors.filter((v): v is number => v !== null && Number.isFinite(v));
  const competitors = documented.length === 0 ? null : documented.reduce((a, b) => a + b, 0);
  const own = input.own !== null && Number.isFinite(input.own) ? input.own : null;
  if (own === null && competitors === null) return { share: null, own, competitors, total: null, competitorsDocumented: 0 };
  const total = (own ?? 0) + (competitors ?? 0);
  // Either side not documented: the share is unknown (our own mentions against competitors of
  // whom nothing is documented are not 100 %, and no own mentions documented are not 0 %).
  const share = own === null || competitors === null || total === 0 ? null : (own / total) * 100;
  return { share, own, competitors, total, competitorsDocumented: documented.length };
}

/** The median of the values (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface PeriodFigure {
  period: 'day' | 'month';
  /** The day, or the first day of the month for a monthly figure. */
  day: string;
  value: number;
}

/**
 * One competitor's mentions over [from, to] (days as YYYY-MM-DD, inclusive) from figures entered
 * per day or per month: a monthly figure counts when its whole month lies in the period, and then
 * the same month's daily figures are left out (they would count the month twice); daily figures
 * count on their day. Null when nothing in the period is documented.
 */
export function sumInPeriod(figures: readonly PeriodFigure[], from: string, to: string): number | null {
  const months = new Set<string>();
  let total: number | null = null;
  for (const f of figures) {
    if (f.period !== 'month') continue;
    const first = f.day.slice(0, 7) + '-01';
    if (first >= from && monthEnd(first) <= to) {
      months.add(first.slice(0, 7));
      total = (total ?? 0) + f.value;
    }
  }
  for (const f of figures) {
    if (f.period !== 'day' || f.day < from || f.day > to || months.has(f.day.slice(0, 7))) continue;
    total = (total ?? 0) + f.value;
  }
  return total;
}

