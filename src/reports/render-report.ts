/**
 * An annual or monthly report (src/contract/reports.ts) → a file people open: print-ready HTML,
 * PDF (with charts, made on the server without a browser), XLSX (one sheet per section) or CSV,
 * in bokmål or English. The API and the monthly report e-mails call this.
 */
import type { AnnualReport, MonthlyReport } from '../contract/reports.ts';
import { reportDocument } from './report-document.ts';
import { reportHtml } from './report-html.ts';
import { reportPdf } from './report-pdf.ts';
import { reportCsv, reportXlsx } from './report-tables.ts';

export interface RenderedReport {
  body: Uint8Array;
  contentType: string;
}

export const reportContentTypes = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

export async function renderReport(report: AnnualReport | MonthlyReport, format: 'html' | 'pdf' | 'xlsx' | 'csv', lang: 'nb' | 'en'): Promise<RenderedReport> {
  switch (format) {
    case 'html':
      return { body: new TextEncoder().encode(reportHtml(reportDocument(report, lang))), contentType: reportContentTypes.html };
    case 'pdf':
      return { body: await reportPdf(reportDocument(report, lang), new Date(report.generatedAt)), contentType: reportContentTypes.pdf };
    case 'xlsx':
      return { body: reportXlsx(report, lang), contentType: reportContentTypes.xlsx };
    case 'csv':
      return { body: reportCsv(report, lang), contentType: reportContentTypes.csv };
  }
}
