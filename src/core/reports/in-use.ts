/**
 * Whether an account was in use during a period (a year for the annual report, a month for the
 * monthly report), pure: it came into use on the day it was registered, or on the first day of
 * its first documented month if that is earlier (exports imported for months before it was
 * registered), and left use on the day it was closed, if it was.
 */
import type { Day } from '../period/days.ts';

export interface AccountUse {
  registeredOn: Day;
  /** The first day of the earliest month with documented statistics; null when nothing is documented. */
  firstDocumented: Day | null;
  /** The day it was closed; null while it is not. */
  closedOn: Day | null;
}

/** The day the account came into use. */
export function inUseSince(use: AccountUse): Day {
  return use.firstDocumented !== null && use.firstDocumented < use.registeredOn ? use.firstDocumented : use.registeredOn;
}

/** In use on some day from `first` to `last` (inclusive). */
export function inUseDuring(use: AccountUse, first: Day, last: Day): boolean {
  return inUseSince(use) <= last && (use.closedOn === null || use.closedOn >= first);
}
