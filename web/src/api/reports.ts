/**
 * Typed calls of the report routes (issue #6): the annual and monthly report of an account, a
 * unit or the organisation as JSON, the addresses of their files (PDF, print-ready HTML, XLSX,
 * CSV: plain links, the browser sends the session cookie), and the annual report workflow of an
 * account: the list per year, one report, saving the decision, signing and reopening.
 */
import type {
  AnnualAccountReport,
  AnnualReport,
  AnnualReportList,
  AnnualReportListQuery,
  AnnualReportReopenInput,
  AnnualReportUpdateInput,
  MonthlyReport,
  ReportFormat,
} from '../../../src/contract/reports.ts';
import { API_BASE, request } from './client.ts';

export type { AnnualAccountReport, AnnualReport, AnnualReportList, AnnualReportListQuery, AnnualReportReopenInput, AnnualReportUpdateInput, MonthlyReport, ReportFormat };

/** Whose report: one account, a unit and everything below it, or (neither) the whole organisation. */
export interface ReportScopeQuery {
  account?: string | undefined;
  unit?: string | undefined;
}

export type FileFormat = Exclude<ReportFormat, 'json'>;

const seg = (s: string) => encodeURIComponent(s);
const annualPath = (account: string, year: string) => `/annual-reports/${seg(account)}/${seg(year)}`;

/** GET /reports/annual: the year's report of the scope as JSON. */
export function getAnnualReport(query: ReportScopeQuery & { year: string }, signal?: AbortSignal): Promise<AnnualReport> {
  return request<AnnualReport>('GET', '/reports/annual', { query: { account: query.account, unit: query.unit, year: query.year }, signal });
}

/** GET /reports/monthly: the month's report of the scope as JSON. */
export function getMonthlyReport(query: ReportScopeQuery & { month: string }, signal?: AbortSignal): Promise<MonthlyReport> {
  return request<MonthlyReport>('GET', '/reports/monthly', { query: { account: query.account, unit: query.unit, month: query.month }, signal });
}

/**
 * The address of a report file, for a link: `/api/v1/reports/annual?unit=…&year=2025&format=pdf&lang=nb`.
 * Only the scope's own parameter is sent (an account wins over a unit).
 */
export function reportFileUrl(kind: 'annual' | 'monthly', scope: ReportScopeQuery, period: string, format: FileFormat, lang: 'nb' | 'en'): string {
  const params = new URLSearchParams();
  if (scope.account) params.set('account', scope.account);
  else if (scope.unit) params.set('unit', scope.unit);
  params.set(kind === 'annual' ? 'year' : 'month', period);
  params.set('format', format);
  params.set('lang', lang);
  return `${API_BASE}/reports/${kind}?${params.toString()}`;
}

/** GET /annual-reports: the year's annual reports you may read, by unit (and below) and state, with the counts per state. */
export function listAnnualReports(query: AnnualReportListQuery, signal?: AbortSignal): Promise<AnnualReportList> {
  return request<AnnualReportList>('GET', '/annual-reports', { query: { ...query }, signal });
}

/** GET /annual-reports/{account}/{year}: the account's report with its figures, decision and events. */
export function getAccountAnnualReport(account: string, year: string, signal?: AbortSignal): Promise<AnnualAccountReport> {
  return request<AnnualAccountReport>('GET', annualPath(account, year), { signal });
}

/** PATCH /annual-reports/{account}/{year}: saves the decision and the reasoning (the first save creates the report). */
export function updateAnnualReport(account: string, year: string, input: AnnualReportUpdateInput): Promise<AnnualAccountReport> {
  return request<AnnualAccountReport>('PATCH', annualPath(account, year), { body: input });
}

/** POST /annual-reports/{account}/{year}/sign: locks the report and freezes its figures. */
export function signAnnualReport(account: string, year: string): Promise<AnnualAccountReport> {
  return request<AnnualAccountReport>('POST', `${annualPath(account, year)}/sign`, { body: {} });
}

/** POST /annual-reports/{account}/{year}/reopen: a unit manager reopens a signed report, with the reason. */
export function reopenAnnualReport(account: string, year: string, input: AnnualReportReopenInput): Promise<AnnualAccountReport> {
  return request<AnnualAccountReport>('POST', `${annualPath(account, year)}/reopen`, { body: input });
}
