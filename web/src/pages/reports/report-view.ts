/**
 * Pure pieces of the report pages: the choice of report read from and written to the address
 * (kind, scope, year or month; only known values pass), the years offered, a change with its
 * sign, planned against documented resources, and the annual reports' filters. No I/O, no i18n:
 * formatting arrives as functions.
 */
import type { AnnualReportState } from '../../../../src/contract/reports.ts';
import { isMonth, addMonths } from '../evaluations/evaluation-view.ts';

export const reportKinds = ['annual', 'monthly'] as const;
export type ReportKind = (typeof reportKinds)[number];
export const scopeKinds = ['organisation', 'unit', 'account'] as const;
export type ScopeKind = (typeof scopeKinds)[number];

/** What the reports page shows; every part lives in the address so that a report can be shared. */
export interface ReportChoice {
  kind: ReportKind;
  scope: ScopeKind;
  /** The unit's or account's slug (or id); '' when not chosen. */
  unit: string;
  account: string;
  year: string;
  month: string;
}

const YEAR = /^\d{4}$/;
export const isYear = (value: string): boolean => YEAR.test(value);

const oneOf = <T extends string>(values: readonly T[], value: string | null): value is T => value !== null && (values as readonly string[]).includes(value);

/** The year before `today`'s: the annual report people are most likely writing or reading. */
export const defaultYear = (today: string): string => String(Number(today.slice(0, 4)) - 1).padStart(4, '0');
/** The month before `today`'s: the latest month that has ended. */
export const defaultMonth = (today: string): string => addMonths(today.slice(0, 7), 1);

/**
 * The choice from the address (`?kind=annual&scope=unit&unit=hf&year=2025`). Without a scope it is
 * the account's when an account is named, else the unit's when a unit is, else the organisation.
 */
export function readChoice(params: URLSearchParams, today: string): ReportChoice {
  const kind = params.get('kind');
  const scope = params.get('scope');
  const unit = params.get('unit') ?? '';
  const account = params.get('account') ?? '';
  const year = params.get('year') ?? '';
  const month = params.get('month') ?? '';
  return {
    kind: oneOf(reportKinds, kind) ? kind : 'annual',
    scope: oneOf(scopeKinds, scope) ? scope : account ? 'account' : unit ? 'unit' : 'organisation',
    unit,
    account,
    year: isYear(year) ? year : defaultYear(today),
    month: isMonth(month) ? month : defaultMonth(today),
  };
}

/** The address's query for a choice: only what the kind and scope use. */
export function choiceParams(c: ReportChoice): URLSearchParams {
  const p = new URLSearchParams();
  p.set('kind', c.kind);
  p.set('scope', c.scope);
  if (c.scope === 'unit' && c.unit) p.set('unit', c.unit);
  if (c.scope === 'account' && c.account) p.set('account', c.account);
  if (c.kind === 'annual') p.set('year', c.year);
  else p.set('month', c.month);
  return p;
}

/** Whether the scope is chosen far enough to ask for the report (a unit or an account must be named). */
export function isComplete(c: ReportChoice): boolean {
  if (c.scope === 'unit') return c.unit !== '';
  if (c.scope === 'account') return c.account !== '';
  return true;
}

/** The API's scope parameters of a choice. */
export function scopeQuery(c: Pick<ReportChoice, 'scope' | 'unit' | 'account'>): { account?: string; unit?: string } {
  if (c.scope === 'account' && c.account) return { account: c.account };
  if (c.scope === 'unit' && c.unit) return { unit: c.unit };
  return {};
}

/** The years to choose from, newest first: `today`'s year and `count` years before, and the chosen one when outside them. */
export function yearChoices(today: string, count: number, chosen = ''): string[] {
  const current = Number(today.slice(0, 4));
  const out = Array.from({ length: count + 1 }, (_, i) => String(current - i).padStart(4, '0'));
  if (isYear(chosen) && !out.includes(chosen)) {
    out.push(chosen);
    out.sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  }
  return out;
}

/**
 * A relative change (0.125 for +12.5 %) as a signed percentage, "+12,5 %" / "−3 %" / "0 %"; null
 * when not measured. `formatPercent` formats the absolute number of percent (locale and digits).
 */
export function changeText(change: number | null, formatPercent: (percent: number) => string): string | null {
  if (change === null || !Number.isFinite(change)) return null;
  const percent = change * 100;
  const text = formatPercent(Math.abs(percent));
  if (text === formatPercent(0)) return text;
  return percent > 0 ? `+${text}` : `\u2212${text}`;
}

export type ResourceKind = 'hours' | 'money';

export interface ResourceRow {
  kind: ResourceKind;
  planned: number | null;
  documented: number | null;
  /** Months with the resource documented, of the months in use. */
  months: number;
  monthsInUse: number;
  /** documented / planned; null without a plan, without documentation, or with a plan of 0. */
  share: number | null;
}

interface ResourcesLike {
  plannedHours: number | null;
  documentedHours: number | null;
  hoursMonths: number;
  plannedMoneyNok: number | null;
  documentedMoneyNok: number | null;
  moneyMonths: number;
}

export function shareOf(documented: number | null, planned: number | null): number | null {
  if (documented === null || planned === null || planned === 0) return null;
  return documented / planned;
}

/** Hours and money, planned against documented (an account's `monthsInUse`, or a roll-up's account-months). */
export function resourceRows(r: ResourcesLike, monthsInUse: number): ResourceRow[] {
  return [
    { kind: 'hours', planned: r.plannedHours, documented: r.documentedHours, months: r.hoursMonths, monthsInUse, share: shareOf(r.documentedHours, r.plannedHours) },
    { kind: 'money', planned: r.plannedMoneyNok, documented: r.documentedMoneyNok, months: r.moneyMonths, monthsInUse, share: shareOf(r.documentedMoneyNok, r.plannedMoneyNok) },
  ];
}

/** A number typed into a resource field: empty is "not documented" (null); a comma may be the decimal separator. */
export type ResourceInput = { ok: true; value: number | null } | { ok: false; error: 'validation.decimal' | 'validation.notNegative' };

export function parseResource(text: string, parse: (text: string) => number | null): ResourceInput {
  const value = parse(text);
  if (value === null) return { ok: true, value: null };
  if (!Number.isFinite(value)) return { ok: false, error: 'validation.decimal' };
  if (value < 0) return { ok: false, error: 'validation.notNegative' };
  return { ok: true, value };
}

export const annualStates = ['overdue', 'due', 'upcoming', 'signed'] as const satisfies readonly AnnualReportState[];

export interface AnnualListFilters {
  year: string;
  unit: string;
  state: AnnualReportState | '';
}

/** The annual reports' filters from the address; the year defaults to last year. */
export function readListFilters(params: URLSearchParams, today: string): AnnualListFilters {
  const year = params.get('year') ?? '';
  const state = params.get('state');
  return { year: isYear(year) ? year : defaultYear(today), unit: params.get('unit') ?? '', state: oneOf(annualStates, state) ? state : '' };
}

/** The address of an account's annual report page. */
export const annualReportPath = (account: string, year: string): string => `/annual-reports/${encodeURIComponent(account)}/${encodeURIComponent(year)}`;
