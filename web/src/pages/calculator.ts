/**
 * Pure helpers of the engagement-rate calculator page: which fields there are and how they are
 * grouped, reading what was typed (Norwegian decimal comma, English thousands commas; an empty
 * field is "not given", never 0), the formula with the numbers put in, results formatted for the locale, and the page's state
 * in the address (so a calculation can be bookmarked or shared). The maths is in
 * src/core/metrics/calculator.ts.
 */
import {
  type CalculatedRate,
  type CalculatorInput,
  type CalculatorOperand,
  type CalculatorValues,
  calculatorInputs,
  wholeNumberInputs,
} from '../../../src/core/metrics/calculator.ts';
import type { MetricUnit } from '../../../src/core/metrics/catalogue.ts';
import { type Platform, platforms } from '../../../src/core/platforms.ts';
import { parseDecimal } from '../components/statistics.ts';

export const fieldGroups = [
  { key: 'audience', fields: ['reach', 'impressions', 'followers', 'followers_at_start'] },
  { key: 'interactions', fields: ['likes', 'comments', 'shares', 'saves'] },
  { key: 'content', fields: ['posts', 'days'] },
  { key: 'traffic', fields: ['link_clicks', 'conversions', 'spend_nok'] },
  { key: 'mentions', fields: ['mentions', 'competitor_mentions', 'sentiment_positive', 'sentiment_negative', 'sentiment_neutral'] },
  { key: 'video', fields: ['video_views', 'video_views_previous', 'watch_time_hours'] },
] as const satisfies readonly { key: string; fields: readonly CalculatorInput[] }[];

export type FieldGroupKey = (typeof fieldGroups)[number]['key'];

/** Why a typed value cannot be used (the field then counts as not given). */
export type FieldProblem = 'notNumber' | 'negative' | 'notWhole';

export type FieldTexts = Partial<Record<CalculatorInput, string>>;

export interface ReadFields {
  values: CalculatorValues;
  problems: Partial<Record<CalculatorInput, FieldProblem>>;
}

/**
 * A number as typed in the interface language. Bokmål: the shared reading (decimal comma, so
 * '8,5' is 8.5). English: commas that group thousands ('8,000', '1,234.5') are read as such; any
 * other form is read as in bokmål.
 */
export function readNumber(text: string, language: string): number | null {
  const compact = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (language === 'en' && /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact)) return Number(compact.replace(/,/g, ''));
  return parseDecimal(text);
}

/** What was typed → numbers: '' is not given (null), '0' is a measured 0, '1 234,5' is 1234.5. */
export function readFields(texts: FieldTexts, language = 'nb'): ReadFields {
  const values: CalculatorValues = {};
  const problems: Partial<Record<CalculatorInput, FieldProblem>> = {};
  for (const key of calculatorInputs) {
    const n = readNumber(texts[key] ?? '', language);
    let value: number | null = n;
    if (n !== null) {
      if (Number.isNaN(n)) problems[key] = 'notNumber';
      else if (n < 0) problems[key] = 'negative';
      else if (wholeNumberInputs.includes(key) && !Number.isInteger(n)) problems[key] = 'notWhole';
      if (problems[key]) value = null;
    }
    values[key] = value;
  }
  return { values, problems };
}

/**
 * The formula with the numbers put in, e.g. "200 / 2 000 × 100". `operand` formats an operand's
 * value (or says it is missing when null).
 */
export function expressionText(rate: CalculatedRate, operand: (key: CalculatorOperand, value: number | null) => string): string {
  return rate.expression
    .map((token) => ('operand' in token ? operand(token.operand, rate.used[token.operand] ?? null) : token.text))
    .join(' ')
    .replace(/\( /g, '(')
    .replace(/ \)/g, ')');
}

function localeTagOf(language: string): string {
  return language === 'en' ? 'en-GB' : 'nb-NO';
}

/** A number as typed values are shown: up to two decimals, grouped thousands. */
export function formatInputNumber(value: number, language: string): string {
  return new Intl.NumberFormat(localeTagOf(language), { maximumFractionDigits: 2 }).format(value);
}

/** A result in its unit: "7,5 %", "15,00 kr" / "NOK 15.00", "30 s", "50". */
export function formatRateValue(value: number, unit: MetricUnit, language: string): string {
  const tag = localeTagOf(language);
  switch (unit) {
    case 'percent':
      // Small rates (daily engagement) need more than two decimals to be seen.
      return `${new Intl.NumberFormat(tag, { maximumFractionDigits: Math.abs(value) < 1 && value !== 0 ? 3 : 2 }).format(value)} %`;
    case 'nok':
      return new Intl.NumberFormat(tag, { style: 'currency', currency: 'NOK', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
    case 'seconds':
      return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(value)} s`;
    case 'hours':
      return `${new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(value)} h`;
    default:
      return new Intl.NumberFormat(tag, { maximumFractionDigits: 2 }).format(value);
  }
}

export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && (platforms as readonly string[]).includes(value);
}

export interface CalculatorState {
  texts: FieldTexts;
  platform: Platform | null;
}

/** The page's state from the address: each field by its input key, and `platform`. */
export function stateFromSearch(search: URLSearchParams): CalculatorState {
  const texts: FieldTexts = {};
  for (const key of calculatorInputs) {
    const v = search.get(key);
    if (v !== null && v !== '') texts[key] = v.slice(0, 40);
  }
  const p = search.get('platform');
  return { texts, platform: isPlatform(p) ? p : null };
}

/** The address form of the state: filled fields only, in the fields' order. */
export function searchFromState(state: CalculatorState): URLSearchParams {
  const out = new URLSearchParams();
  if (state.platform) out.set('platform', state.platform);
  for (const key of calculatorInputs) {
    const v = state.texts[key]?.trim();
    if (v) out.set(key, v);
  }
  return out;
}
