/**
 * The downloadable Målbar CSV template (maalbar-template.ts reads it) and its column
 * documentation in bokmål and English, for the web app's download and help page and for
 * docs/import-template.md. The template is a header row and commented example rows (lines
 * starting with `#` are not imported), so an unedited download imports nothing. Pure.
 */
import { getMetric, metricCatalogue } from '../core/metrics/catalogue.ts';
import { platforms, type Platform } from '../core/platforms.ts';
import { AppError } from '../core/errors.ts';
import { TEMPLATE_COLUMNS, TEMPLATE_COLUMN_ORDER } from './maalbar-template.ts';

export type TemplateLocale = 'nb' | 'en';

export interface TemplateOptions {
  platform?: Platform;
  /** Catalogue keys to give example rows for (default: reach, plus hours and money per month). */
  metrics?: readonly string[];
  /** Header names: English (default) or bokmål. */
  locale?: TemplateLocale;
}

/** Metrics that are usually counted per month (written in the `month` column of the example). */
const monthlyByDefault = new Set(['hours_spent', 'spend_nok', 'applicants', 'leads', 'satisfaction', 'response_rate', 'response_time_hours']);

const csvCell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** An invented value of the right kind for an example row. */
function exampleValue(key: string): string {
  const unit = getMetric(key)?.unit;
  if (unit === 'percent') return '12.5';
  if (unit === 'hours') return '7.5';
  if (unit === 'nok') return '1500';
  if (unit === 'score') return '4.2';
  if (unit === 'seconds') return '14';
  return '120';
}

/**
 * The template as CSV text (UTF-8, comma-separated, `\n` line ends; the caller adds a BOM for
 * spreadsheets if it wants one). Throws validation_failed for an unknown metric or platform.
 */
export function templateCsv(options: TemplateOptions = {}): string {
  const metrics = options.metrics && options.metrics.length > 0 ? [...options.metrics] : ['reach', 'hours_spent', 'spend_nok'];
  const unknown = metrics.filter((m) => !getMetric(m));
  if (unknown.length > 0) {
    throw new AppError('validation_failed', `unknown metric ${unknown.map((m) => `"${m}"`).join(', ')}; see the metric catalogue for the keys`, [
      { path: 'metrics', message: `unknown: ${unknown.join(', ')}` },
    ]);
  }
  if (options.platform !== undefined && !platforms.includes(options.platform)) {
    throw new AppError('validation_failed', `unknown platform "${String(options.platform)}"; use one of: ${platforms.join(', ')}`, [
      { path: 'platform', message: 'unknown platform' },
    ]);
  }
  const nb = options.locale === 'nb';
  const names = TEMPLATE_COLUMN_ORDER.map((c) => TEMPLATE_COLUMNS[c][nb ? 1 : 0]!);
  const platform = options.platform ?? '';
  const lines = [
    nb
      ? '# Målbar CSV-mal: én verdi per rad. Linjer som starter med # blir ikke importert. Fjern # foran eksemplene eller skriv egne rader.'
      : '# Målbar CSV template: one value per row. Lines starting with # are not imported. Remove the # before an example or write your own rows.',
    names.join(','),
  ];
  for (const key of metrics) {
    const monthly = monthlyByDefault.has(key);
    const row: Record<string, string> = {
      date: monthly ? '' : '2026-01-05',
      month: monthly ? '2026-01' : '',
      metric: key,
      value: exampleValue(key),
      platform,
      post_id: '',
      post_date: '',
      post_url: '',
      post_text: '',
      note: nb ? 'eksempel' : 'example',
    };
    lines.push(`#${TEMPLATE_COLUMN_ORDER.map((c) => csvCell(row[c]!)).join(',')}`);
  }
  const perPost = metrics.find((m) => !monthlyByDefault.has(m) && getMetric(m)?.source === 'platform');
  if (perPost) {
    const row: Record<string, string> = {
      date: '2026-01-06',
      month: '',
      metric: perPost,
      value: exampleValue(perPost),
      platform,
      post_id: 'post-123',
      post_date: '2026-01-06',
      post_url: 'https://example.com/post-123',
      post_text: nb ? 'Åpen dag på campus' : 'Open day on campus',
      note: nb ? 'eksempel per innlegg' : 'example per post',
    };
    lines.push(`#${TEMPLATE_COLUMN_ORDER.map((c) => csvCell(row[c]!)).join(',')}`);
  }
  return lines.join('\n') + '\n';
}

export interface TemplateColumnDoc {
  column: string;
  /** Accepted header names (English and bokmål). */
  names: readonly string[];
  required: boolean;
  description: string;
}

const descriptions: Record<(typeof TEMPLATE_COLUMN_ORDER)[number], { required: boolean; en: string; nb: string }> = {
  date: {
    required: false,
    en: 'The day the value is for, YYYY-MM-DD (DD.MM.YYYY is accepted too). Give either date or month in each row.',
    nb: 'Dagen verdien gjelder, ÅÅÅÅ-MM-DD (DD.MM.ÅÅÅÅ godtas også). Hver rad har enten dato eller måned.',
  },
  month: {
    required: false,
    en: 'The month a monthly value is for, YYYY-MM (e.g. hours and money spent). It is stored on the last day of the month and covers the whole month; the same metric cannot also have daily values in that month.',
    nb: 'Måneden en månedsverdi gjelder, ÅÅÅÅ-MM (f.eks. timer og penger brukt). Den lagres på månedens siste dag og dekker hele måneden; samme nøkkeltall kan ikke også ha dagsverdier den måneden.',
  },
  metric: {
    required: true,
    en: 'A metric key from the catalogue (e.g. reach, views, mentions, sentiment_positive, sessions, applicants, hours_spent, spend_nok). An unknown key is refused with the closest known key.',
    nb: 'En nøkkel fra nøkkeltallskatalogen (f.eks. reach, views, mentions, sentiment_positive, sessions, applicants, hours_spent, spend_nok). En ukjent nøkkel avvises, med forslag til nærmeste kjente.',
  },
  value: {
    required: true,
    en: 'The number: 1234, 1 234 or 12,5 (percentages as 12.5, not 0.125). "-" or empty means not measured: the row is skipped, never stored as 0. Negative values are refused, except for a net change (net_followers).',
    nb: 'Tallet: 1234, 1 234 eller 12,5 (prosent som 12,5, ikke 0,125). «-» eller tomt betyr ikke målt: raden hoppes over og lagres aldri som 0. Negative verdier avvises, unntatt for en nettoendring (net_followers).',
  },
  platform: {
    required: false,
    en: `The platform (${platforms.join(', ')}). When given it must be the same in every row and match the account the file is imported into.`,
    nb: `Plattformen (${platforms.join(', ')}). Hvis den er oppgitt, må den være lik i alle rader og stemme med kontoen filen importeres til.`,
  },
  post_id: {
    required: false,
    en: "The platform's id of the post, for values per post. Leave empty for values for the whole account.",
    nb: 'Plattformens id for innlegget, for verdier per innlegg. La stå tom for verdier for hele kontoen.',
  },
  post_date: { required: false, en: 'When the post was published (YYYY-MM-DD, optionally with a time).', nb: 'Når innlegget ble publisert (ÅÅÅÅ-MM-DD, gjerne med klokkeslett).' },
  post_url: { required: false, en: 'The web address of the post (https://…).', nb: 'Nettadressen til innlegget (https://…).' },
  post_text: {
    required: false,
    en: 'The start of the post text (at most 280 characters are kept). Kept exactly as written, also text starting with =, +, - or @.',
    nb: 'Starten av teksten i innlegget (inntil 280 tegn tas vare på). Lagres nøyaktig slik den er skrevet, også tekst som starter med =, +, - eller @.',
  },
  note: {
    required: false,
    en: 'A note for the people who fill in the file (e.g. the source). Not imported; kept with the original file.',
    nb: 'En merknad til dem som fyller ut filen (f.eks. kilden). Importeres ikke, men tas vare på med originalfilen.',
  },
};

/** The template's columns documented in bokmål or English. */
export function templateDescription(locale: TemplateLocale): TemplateColumnDoc[] {
  return TEMPLATE_COLUMN_ORDER.map((c) => ({
    column: TEMPLATE_COLUMNS[c][locale === 'nb' ? 1 : 0]!,
    names: TEMPLATE_COLUMNS[c],
    required: descriptions[c].required,
    description: descriptions[c][locale],
  }));
}

/** The metric keys with their names, for the template's help page. */
export function templateMetrics(locale: TemplateLocale): { key: string; name: string; unit: string }[] {
  return metricCatalogue.map((m) => ({ key: m.key, name: m.name[locale], unit: m.unit }));
}
