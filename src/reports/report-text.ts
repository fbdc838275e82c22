/**
 * The reports' wording in bokmål and English (the words themselves in report-words.ts; the names
 * of statuses, decisions and states here), and how they format numbers,
 * days, months and times (nb-NO / en-GB). null is "ikke målt" / "not measured", never 0. Messages
 * from the rules (key + params + English text) are translated with the web app's own i18n files,
 * so a finding reads the same in the report as on screen; a key the files lack falls back to the
 * English text. Pure.
 */
import nbMessages from '../../web/src/i18n/nb.json' with { type: 'json' };
import enMessages from '../../web/src/i18n/en.json' with { type: 'json' };
import { formatChartDay, formatChartMonth, formatChartValue, localeTag } from '../charts/format.ts';
import type { ChartUnit } from '../charts/spec.ts';
import { metricCatalogue, metricUnits } from '../core/metrics/catalogue.ts';
import { derivedCatalogue } from '../core/metrics/derived.ts';
import { platformNames } from '../core/platforms.ts';
import { words, type WordKey } from './report-words.ts';

export type Lang = 'nb' | 'en';

/** A report text with `{name}` placeholders filled. */
export function t(lang: Lang, key: WordKey, params: Record<string, string | number> = {}): string {
  return words[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (params[name] === undefined ? whole : String(params[name])));
}

const kpiStatus = {
  nb: { met: 'Nådd', on_track: 'I rute', at_risk: 'I fare', missed: 'Ikke nådd', not_measured: 'Ikke målt' },
  en: { met: 'Met', on_track: 'On track', at_risk: 'At risk', missed: 'Missed', not_measured: 'Not measured' },
} as const;
export const kpiStatusKeys = ['met', 'on_track', 'at_risk', 'missed', 'not_measured'] as const;
export type KpiStatusKey = (typeof kpiStatusKeys)[number];
export const kpiStatusName = (lang: Lang, s: KpiStatusKey): string => kpiStatus[lang][s];

const reportState = {
  nb: { signed: 'Signert', upcoming: 'Kommende', due: 'Skal skrives', overdue: 'Forfalt' },
  en: { signed: 'Signed', upcoming: 'Upcoming', due: 'Due', overdue: 'Overdue' },
} as const;
export const stateKeys = ['signed', 'upcoming', 'due', 'overdue'] as const;
export const stateName = (lang: Lang, s: (typeof stateKeys)[number]): string => reportState[lang][s];

const annualDecision = {
  nb: { continue: 'Fortsette som nå', continue_with_changes: 'Fortsette med endringer', close: 'Legge ned kontoen', undecided: 'Ikke besluttet' },
  en: { continue: 'Continue as it is', continue_with_changes: 'Continue with changes', close: 'Close the account', undecided: 'Not decided' },
} as const;
export const annualDecisionKeys = ['continue', 'continue_with_changes', 'close'] as const;
export const annualDecisionName = (lang: Lang, d: keyof (typeof annualDecision)['nb']): string => annualDecision[lang][d];

const monthlyDecision = {
  nb: { keep: 'Beholde som nå', adjust_content: 'Justere innholdet', escalate: 'Løfte til enhetslederen' },
  en: { keep: 'Keep as it is', adjust_content: 'Adjust the content', escalate: 'Escalate to the unit manager' },
} as const;
export const monthlyDecisionName = (lang: Lang, d: keyof (typeof monthlyDecision)['nb']): string => monthlyDecision[lang][d];

const audienceStatus = {
  nb: { fit: 'I målgruppen', misfit: 'Utenfor målgruppen', broad: 'Svært bredt', unknown: 'Kan ikke vurderes' },
  en: { fit: 'In the target group', misfit: 'Outside the target group', broad: 'Very broad', unknown: 'Cannot be assessed' },
} as const;
export const audienceStatusName = (lang: Lang, s: keyof (typeof audienceStatus)['nb']): string => audienceStatus[lang][s];

const trendName = {
  nb: { up: '↑ stigende', down: '↓ fallende', flat: '→ flat' },
  en: { up: '↑ rising', down: '↓ falling', flat: '→ flat' },
} as const;
export const trendDirectionName = (lang: Lang, d: 'up' | 'down' | 'flat' | null): string => (d === null ? t(lang, 'notMeasured') : trendName[lang][d]);

const dueName = {
  nb: { ok: 'Dokumentasjonen er à jour.', due: 'Dokumentasjon skal føres snart.', overdue: 'Dokumentasjonen er forfalt.' },
  en: { ok: 'The documentation is up to date.', due: 'Documentation is due soon.', overdue: 'The documentation is overdue.' },
} as const;
export const dueStatusText = (lang: Lang, d: 'ok' | 'due' | 'overdue'): string => dueName[lang][d];

const basisName = {
  nb: { competitors: 'Konkurrenter', internal_accounts: 'Andre interne kontoer', vendor_insight: 'Innsikt kjøpt fra leverandør', own_history: 'Egen historikk', other: 'Annet' },
  en: { competitors: 'Competitors', internal_accounts: 'Other internal accounts', vendor_insight: 'Insight bought from a vendor', own_history: 'Own history', other: 'Other' },
} as const;
/** A recorded target basis: a known kind translated, free text as written; null as "none". */
export function targetBasisText(lang: Lang, basis: string | null): string {
  if (basis === null || basis.trim() === '') return t(lang, 'none');
  const known = (basisName[lang] as Record<string, string>)[basis];
  return known ?? basis;
}

export function platformName(platform: string): string {
  return (platformNames as Record<string, string>)[platform] ?? platform;
}

export function ageGroupName(lang: Lang, group: string): string {
  const g = group.replace('-', '–');
  return lang === 'nb' ? `${g} år` : `${g} years`;
}

const unitNames = {
  nb: { count: 'antall', percent: 'prosent', hours: 'timer', seconds: 'sekunder', nok: 'kroner', score: 'poeng' },
  en: { count: 'count', percent: 'percent', hours: 'hours', seconds: 'seconds', nok: 'NOK', score: 'score' },
} as const;
/** The unit of a figure in words (for spreadsheet columns). */
export const unitName = (lang: Lang, unit: string): string => unitNames[lang][chartUnit(unit)];

/** A metric/KPI unit as the chart formatter knows it (an unknown unit is a plain count). */
export function chartUnit(unit: string): ChartUnit {
  return (metricUnits as readonly string[]).includes(unit) ? (unit as ChartUnit) : 'count';
}

/** A value in its unit ("12 345", "12,5 %", "3 t", "120 kr"); null → "ikke målt". */
export function num(lang: Lang, value: number | null | undefined, unit = 'count'): string {
  return formatChartValue(value, chartUnit(unit), lang, 'table');
}

/** A plain number with grouping, no unit. */
export function count(lang: Lang, value: number): string {
  return new Intl.NumberFormat(localeTag(lang), { maximumFractionDigits: 0 }).format(value);
}

/** A share in percent as stored (41.5 → "41,5 %"); null → "ikke målt". */
export function percent(lang: Lang, value: number | null, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return t(lang, 'notMeasured');
  return `${new Intl.NumberFormat(localeTag(lang), { maximumFractionDigits: digits }).format(value)} %`;
}

/** A relative change (0.123 → "+12,3 %", −0.05 → "−5 %" with a real minus sign); null → "ikke målt". */
export function relativeChange(lang: Lang, ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return t(lang, 'notMeasured');
  const n = new Intl.NumberFormat(localeTag(lang), { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(ratio * 100);
  return `${n.replace('-', '−')} %`;
}

/** An absolute change in a unit (percent units in percentage points); null → "ikke målt". */
export function absoluteChange(lang: Lang, value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return t(lang, 'notMeasured');
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  if (chartUnit(unit) === 'percent') return sign + t(lang, 'percentPoints', { value: new Intl.NumberFormat(localeTag(lang), { maximumFractionDigits: 2 }).format(Math.abs(value)) });
  return sign + num(lang, Math.abs(value), unit);
}

/** KPI progress (a fraction: 0.42 → "42 % av veien"); null → "ikke målt". */
export function progressText(lang: Lang, progress: number | null): string {
  if (progress === null || !Number.isFinite(progress)) return t(lang, 'notMeasured');
  return t(lang, 'progressValue', { value: new Intl.NumberFormat(localeTag(lang), { maximumFractionDigits: 0 }).format(progress * 100) });
}

/** Hours or money that may be undocumented: null → "ikke dokumentert" (never 0). */
export function resource(lang: Lang, value: number | null, unit: 'hours' | 'nok'): string {
  return value === null ? t(lang, 'notDocumented') : formatChartValue(value, unit, lang, 'table');
}

export const day = (lang: Lang, d: string): string => formatChartDay(d, lang);
export const month = (lang: Lang, m: string): string => formatChartMonth(m, lang);
export const shortMonth = (lang: Lang, m: string): string => formatChartMonth(m, lang, true);

/** A timestamp in Norwegian time: "3. feb. 2026, 14:05" / "3 Feb 2026, 14:05". */
export function time(lang: Lang, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(localeTag(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Oslo' }).format(d);
}

type Tree = { [key: string]: string | Tree };

function lookup(tree: Tree, key: string): string | null {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return null;
    node = node[part];
  }
  return typeof node === 'string' ? node : null;
}

const metricNames = new Map<string, { nb: string; en: string }>();
for (const m of [...metricCatalogue, ...derivedCatalogue]) {
  metricNames.set(m.key, m.name);
  metricNames.set(m.name.en, m.name);
}
const localMetric = (lang: Lang, v: string) =>
  v
    .split(', ')
    .map((part) => metricNames.get(part)?.[lang] ?? part)
    .join(', ');

/**
 * A rule's message in the language: the web app's translation of its key (as the web app shows
 * it: metric names, days and numbers localised), else its English text.
 */
export function messageText(lang: Lang, m: { key: string; params: Record<string, string | number>; text: string }): string {
  const template = lookup((lang === 'nb' ? nbMessages : enMessages) as Tree, m.key);
  if (template === null) return m.text;
  const nf = (v: number) => new Intl.NumberFormat(localeTag(lang), { maximumFractionDigits: Math.abs(v) >= 1000 ? 0 : 2 }).format(v);
  const param = (name: string, v: string | number): string => {
    if (typeof v === 'number') return ['index', 'n', 'count', 'min', 'more'].includes(name) ? String(v) : nf(v);
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatChartDay(v, lang);
    if (/^-?\d+(\.\d+)?$/.test(v)) return nf(Number(v)).replace('-', '−');
    if (name === 'metric' || name === 'metrics' || name === 'name') return localMetric(lang, v);
    return v;
  };
  return template
    .replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
      const v = m.params[name];
      return v === undefined ? whole : param(name, v);
    })
    .trim();
}

export { localeTag };
