/**
 * Resources of an account's year for the annual report, pure: the months it was in use, the
 * planned hours and money for those months, and what the monthly evaluations documented.
 * Not documented is null, never 0.
 */
import type { Day } from '../period/days.ts';
import { inUseSince } from './in-use.ts';

export interface MonthsInUseInput {
  year: string;
  /** The UTC day the account was registered. */
  registeredOn: Day;
  /** Its first documented day (history imported from before registration counts); null: none. */
  firstDocumented: Day | null;
  today: Day;
  /** The day it was closed, if it was: the months in use end with that month. */
  closedOn?: Day | null;
}

/**
 * The months of the year the account was in use: from the month it came into use (the earlier of
 * registration and its first documented day, as for monthly evaluations' drafts) or January, to
 * December, or the current month while the year runs, or the month it was closed in (as
 * core/reports/in-use.ts counts it). Paused accounts count throughout (when a pause began is not
 * recorded). 0 for a year before it came into use, after it was closed, or not begun.
 */
export function monthsInUse(input: MonthsInUseInput): string[] {
  const since = inUseSince({ registeredOn: input.registeredOn, firstDocumented: input.firstDocumented, closedOn: input.closedOn ?? null });
  const firstMonth = since.slice(0, 7) > `${input.year}-01` ? since.slice(0, 7) : `${input.year}-01`;
  const thisMonth = input.today.slice(0, 7);
  let lastMonth = thisMonth < `${input.year}-12` ? thisMonth : `${input.year}-12`;
  const closedMonth = input.closedOn?.slice(0, 7);
  if (closedMonth !== undefined && closedMonth < lastMonth) lastMonth = closedMonth;
  const out: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const month = `${input.year}-${String(m).padStart(2, '0')}`;
    if (month >= firstMonth && month <= lastMonth) out.push(month);
  }
  return out;
}

export interface MonthResources {
  month: string;
  hoursSpent: number | null;
  moneySpentNok: number | null;
}

export interface AnnualResourcesOut {
  plannedHours: number | null;
  documentedHours: number | null;
  hoursMonths: number;
  plannedMoneyNok: number | null;
  documentedMoneyNok: number | null;
  moneyMonths: number;
  monthsInUse: number;
}

/**
 * Planned: hours per month × months in use; the yearly budget × months in use / 12 (null without
 * a plan). Documented: the sums over the months that have a value, with how many months do
 * (null when none has).
 */
export function annualResources(
  plan: { plannedHoursPerMonth: number | null; budgetNokPerYear: number | null },
  months: readonly MonthResources[],
  inUse: number,
): AnnualResourcesOut {
  const hours = months.flatMap((m) => (m.hoursSpent === null ? [] : [m.hoursSpent]));
  const money = months.flatMap((m) => (m.moneySpentNok === null ? [] : [m.moneySpentNok]));
  const total = (list: number[]) => (list.length === 0 ? null : list.reduce((s, n) => s + n, 0));
  return {
    plannedHours: plan.plannedHoursPerMonth === null ? null : plan.plannedHoursPerMonth * inUse,
    documentedHours: total(hours),
    hoursMonths: hours.length,
    plannedMoneyNok: plan.budgetNokPerYear === null ? null : (plan.budgetNokPerYear * inUse) / 12,
    documentedMoneyNok: total(money),
    moneyMonths: money.length,
    monthsInUse: inUse,
  };
}
