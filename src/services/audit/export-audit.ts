/**
 * The audit trail as a download (CSV or XLSX), with the same filters and the same scope as the
 * list: one row per event, newest first, the changed fields spelled out and before/after as JSON.
 * Every text cell goes through the exports' formula-injection guard (a label or a goal's text
 * starting with '=' stays text).
 */
import type { AuditExportQuery, AuditEventOut } from '../../contract/audit.ts';
import { AuditExportQuery as AuditExportQuerySchema } from '../../contract/audit.ts';
import type { Locale } from '../../contract/common.ts';
import { AppError } from '../../core/errors.ts';
import type { Cell } from '../../exports/cells.ts';
import { writeCsv } from '../../exports/csv.ts';
import { writeXlsx } from '../../exports/xlsx.ts';
import type { Context } from '../context.ts';
import { auditConditions, readAuditRows } from './list-audit.ts';

/** More than this in one download is refused: narrow the period. */
export const MAX_EXPORT_EVENTS = 100_000;
const PAGE = 5000;

const headers: Record<Locale, string[]> = {
  nb: ['Tidspunkt (UTC)', 'Hvem', 'Type aktør', 'Handling', 'Gjelder', 'Id', 'Enhet', 'Navn', 'Endringer', 'Før (JSON)', 'Etter (JSON)'],
  en: ['Time (UTC)', 'Who', 'Actor kind', 'Action', 'Entity', 'Id', 'Unit', 'Label', 'Changes', 'Before (JSON)', 'After (JSON)'],
};

function valueText(v: unknown): string {
  if (v === null || v === undefined) return '–';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** "field: before → after; …" */
export function changesText(e: AuditEventOut): string {
  return e.changes.map((c) => `${c.field}: ${valueText(c.before)} → ${valueText(c.after)}`).join('; ');
}

function rowOf(e: AuditEventOut): Cell[] {
  return [
    e.at,
    e.actor.name,
    e.actor.kind,
    e.action,
    e.entityType,
    e.entityId,
    e.unit?.name ?? null,
    e.label,
    changesText(e),
    e.before ? JSON.stringify(e.before) : null,
    e.after ? JSON.stringify(e.after) : null,
  ];
}

export interface AuditDownload {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  events: number;
}

export async function exportAuditEvents(ctx: Context, rawQuery: AuditExportQuery): Promise<AuditDownload> {
  const query = AuditExportQuerySchema.parse(rawQuery);
  const locale: Locale = query.locale ?? ctx.actor.locale;
  const where = await auditConditions(ctx, query);
  const events: AuditEventOut[] = [];
  let cursor: { at: Date; id: string } | undefined;
  for (;;) {
    const page = await readAuditRows(ctx, where, PAGE, cursor);
    events.push(...page);
    if (events.length > MAX_EXPORT_EVENTS) {
      throw new AppError('validation_failed', `More than ${MAX_EXPORT_EVENTS} events match; choose a shorter period.`, [{ path: 'from', message: 'too many events' }]);
    }
    const last = page[page.length - 1];
    if (page.length < PAGE || !last) break;
    cursor = { at: new Date(last.at), id: last.id };
  }
  const rows: Cell[][] = [headers[locale], ...events.map(rowOf)];
  const stamp = ctx.now.toISOString().slice(0, 10);
  if (query.format === 'xlsx') {
    const name = locale === 'nb' ? 'Endringslogg' : 'Audit trail';
    return {
      fileName: `audit-${stamp}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      bytes: writeXlsx([{ name, rows, header: true }]),
      events: events.length,
    };
  }
  return {
    fileName: `audit-${stamp}.csv`,
    contentType: 'text/csv; charset=utf-8',
    bytes: writeCsv(rows, { delimiter: locale === 'nb' ? ';' : ',' }),
    events: events.length,
  };
}
