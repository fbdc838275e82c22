/**
 * Pure helpers of the audit page: the filters in the address, a value before or after as short
 * readable text, and the download address with the same filters.
 */
import type { AuditEventOut, AuditQuery } from '../../../../src/contract/audit.ts';

export interface AuditFilters {
  from: string;
  to: string;
  unit: string;
  entityType: string;
  actor: string;
}

export const filterKeys = ['from', 'to', 'unit', 'entityType', 'actor'] as const;

export function readFilters(params: URLSearchParams): AuditFilters {
  const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : '');
  return {
    from: day(params.get('from')),
    to: day(params.get('to')),
    unit: params.get('unit') ?? '',
    entityType: params.get('entityType') ?? '',
    actor: params.get('actor') ?? '',
  };
}

/** The filters as API query parameters (empty ones left out). */
export function filterQuery(f: AuditFilters): Partial<Record<keyof AuditQuery, string>> {
  const out: Partial<Record<keyof AuditQuery, string>> = {};
  for (const key of filterKeys) if (f[key]) out[key] = f[key];
  return out;
}

/** The download address (the browser sends the session cookie; the server names the file). */
export function exportUrl(base: string, f: AuditFilters, format: 'csv' | 'xlsx', locale: 'nb' | 'en'): string {
  const params = new URLSearchParams(filterQuery(f) as Record<string, string>);
  params.set('format', format);
  params.set('locale', locale);
  return `${base}/audit-events/export?${params.toString()}`;
}

const MAX_TEXT = 120;

/** A value as short text: strings as they are, lists and objects as compact JSON, cut at 120 characters. */
export function valueText(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** The changed fields to show in the table: at most `max`, and how many more there are. */
export function shownChanges(e: AuditEventOut, max = 6): { shown: AuditEventOut['changes']; more: number } {
  return { shown: e.changes.slice(0, max), more: Math.max(0, e.changes.length - max) };
}

/** 'goal.update' → the i18n key of its label ('audit.actions.goal.update'). */
export function actionKey(action: string): string {
  return `audit.actions.${action}`;
}
