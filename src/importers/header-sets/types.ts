/**
 * Header sets as data: for each export, the column names it is read by, one set per language
 * (English, Norwegian bokmål, Swedish where known). Adding a language is adding a set; an
 * importer accepts the names of every set (compared normalised, parse/headers.ts). Each set says
 * where its names come from. `metrics` tells which columns are catalogue metrics (the column
 * mapping's suggestions use them: a header suggests a metric only when it is exactly one of these
 * names). Pure data.
 */
import type { Platform } from '../../core/platforms.ts';

export type HeaderLanguage = 'en' | 'nb' | 'sv';

export interface HeaderSet<K extends string> {
  lang: HeaderLanguage;
  /** Where the names were seen (an export, the platform's help pages in that language). */
  source: string;
  names: Partial<Record<K, readonly string[]>>;
}

export interface ExportHeaders<K extends string> {
  /** The importer's key. */
  export: string;
  platform: Platform;
  /** Column key → catalogue metric key, for the columns that hold a metric. */
  metrics: Partial<Record<K, string>>;
  sets: readonly HeaderSet<K>[];
}

/** Every name a column is accepted by, in the order of the sets (English first). */
export function names<K extends string>(headers: ExportHeaders<K>, key: K): string[] {
  return headers.sets.flatMap((s) => s.names[key] ?? []);
}

/** The names of one language (for tests that write a file in that language). */
export function namesIn<K extends string>(headers: ExportHeaders<K>, lang: HeaderLanguage, key: K): string[] {
  return headers.sets.filter((s) => s.lang === lang).flatMap((s) => s.names[key] ?? []);
}

/** Metric columns as tabular.ts MetricColumn specs. */
export function metricColumns<K extends string>(headers: ExportHeaders<K>, kinds: Partial<Record<K, 'number' | 'fraction_to_percent' | 'duration_s'>> = {}) {
  return (Object.entries(headers.metrics) as [K, string][]).map(([key, metric]) => ({ metric, names: names(headers, key), ...(kinds[key] ? { kind: kinds[key] } : {}) }));
}
