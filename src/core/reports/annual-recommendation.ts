/**
 * The rules' suggestion for an account's year (continue, continue with changes, close), pure,
 * with every rule's finding in words so the annual report explains itself.
 *
 * Signals for closing (each also enough on its own for changes):
 * - kpis_missed: half or more of the KPIs measured at the year's end were missed;
 * - audience_misfit: the audience was a misfit in most of the months with a snapshot;
 * - reach_down: the main reach or views metric fell 25 % or more against the year before;
 * - documentation_low: fewer than half of the expected days were documented.
 * Signals for changes only:
 * - monthly_changes: three or more monthly evaluations decided to adjust the content or escalate;
 * - resources_over: documented hours or money exceed the plan by more than 25 %.
 * Close when two or more closing signals hold; continue with changes when any signal holds;
 * continue otherwise. A rule whose inputs are not measured does not hold, and says so.
 */
import { fmt, message, type Message } from '../goals/messages.ts';

export type AnnualSuggestion = 'continue' | 'continue_with_changes' | 'close';

export const MISSED_SHARE = 0.5;
export const REACH_DROP = -0.25;
export const DOCUMENTED_BELOW = 0.5;
export const MONTHLY_CHANGES = 3;
export const OVER_PLAN = 0.25;

export interface RecommendationInput {
  /** The status of each KPI at the year's end. */
  kpiStatuses: readonly string[];
  audience: { misfitMonths: number; snapshotMonths: number };
  /** The main reach/views metric and its change against the year before (null: not measured). */
  reach: { metric: string; change: number | null } | null;
  documentation: { documentedDays: number; expectedDays: number };
  /** The monthly evaluations' decisions (keep, adjust_content, escalate; null: undecided). */
  monthlyDecisions: readonly (string | null)[];
  resources: { plannedHours: number | null; documentedHours: number | null; plannedMoneyNok: number | null; documentedMoneyNok: number | null };
}

export interface Finding {
  rule: string;
  triggered: boolean;
  points: AnnualSuggestion;
  message: Message;
}

export interface Recommendation {
  suggestion: AnnualSuggestion;
  findings: Finding[];
}

const K = 'reports.annual.rules';
const pct = (share: number) => fmt(share * 100, 0);

function kpisMissed(statuses: readonly string[]): Finding {
  const measured = statuses.filter((s) => s !== 'not_measured').length;
  const missed = statuses.filter((s) => s === 'missed').length;
  const rule = 'kpis_missed';
  if (measured === 0) return { rule, triggered: false, points: 'close', message: message(`${K}.${rule}.not_measured`, {}, 'No KPI was measured at the year’s end.') };
  const triggered = missed >= MISSED_SHARE * measured;
  const params = { missed, measured };
  return {
    rule,
    triggered,
    points: 'close',
    message: triggered
      ? message(`${K}.${rule}.triggered`, params, '{missed} of {measured} measured KPIs were missed: half or more.')
      : message(`${K}.${rule}.clear`, params, '{missed} of {measured} measured KPIs were missed: fewer than half.'),
  };
}

function audienceMisfit(a: RecommendationInput['audience']): Finding {
  const rule = 'audience_misfit';
  if (a.snapshotMonths === 0) return { rule, triggered: false, points: 'close', message: message(`${K}.${rule}.not_measured`, {}, 'No audience snapshot was documented in the year.') };
  const triggered = a.misfitMonths * 2 > a.snapshotMonths;
  const params = { misfit: a.misfitMonths, months: a.snapshotMonths };
  return {
    rule,
    triggered,
    points: 'close',
    message: triggered
      ? message(`${K}.${rule}.triggered`, params, 'The audience missed the target age groups in {misfit} of {months} months with a snapshot: most of them.')
      : message(`${K}.${rule}.clear`, params, 'The audience missed the target age groups in {misfit} of {months} months with a snapshot: not most of them.'),
  };
}

function reachDown(r: RecommendationInput['reach']): Finding {
  const rule = 'reach_down';
  if (r === null || r.change === null) {
    return { rule, triggered: false, points: 'close', message: message(`${K}.${rule}.not_measured`, { metric: r?.metric ?? '' }, 'Reach or views cannot be compared with the year before.') };
  }
  const triggered = r.change <= REACH_DROP;
  const params = { metric: r.metric, change: pct(r.change) };
  return {
    rule,
    triggered,
    points: 'close',
    message: triggered
      ? message(`${K}.${rule}.triggered`, params, '{metric} changed by {change} % against the year before: down 25 % or more.')
      : message(`${K}.${rule}.clear`, params, '{metric} changed by {change} % against the year before: not down 25 % or more.'),
  };
}

function documentationLow(d: RecommendationInput['documentation']): Finding {
  const rule = 'documentation_low';
  if (d.expectedDays === 0) return { rule, triggered: false, points: 'close', message: message(`${K}.${rule}.not_measured`, {}, 'No documented day was expected in the year.') };
  const triggered = d.documentedDays < DOCUMENTED_BELOW * d.expectedDays;
  const params = { documented: d.documentedDays, expected: d.expectedDays, share: pct(d.documentedDays / d.expectedDays) };
  return {
    rule,
    triggered,
    points: 'close',
    message: triggered
      ? message(`${K}.${rule}.triggered`, params, '{documented} of {expected} expected days were documented ({share} %): fewer than half.')
      : message(`${K}.${rule}.clear`, params, '{documented} of {expected} expected days were documented ({share} %): half or more.'),
  };
}

function monthlyChanges(decisions: readonly (string | null)[]): Finding {
  const rule = 'monthly_changes';
  const count = decisions.filter((d) => d === 'adjust_content' || d === 'escalate').length;
  const triggered = count >= MONTHLY_CHANGES;
  const params = { count, threshold: MONTHLY_CHANGES };
  return {
    rule,
    triggered,
    points: 'continue_with_changes',
    message: triggered
      ? message(`${K}.${rule}.triggered`, params, '{count} monthly evaluations decided to adjust the content or escalate: {threshold} or more.')
      : message(`${K}.${rule}.clear`, params, '{count} monthly evaluations decided to adjust the content or escalate: fewer than {threshold}.'),
  };
}

/** How far documented exceeds planned (0.3: 30 % over); null when either is missing or nothing was planned. */
function overrun(planned: number | null, documented: number | null): number | null {
  return planned === null || documented === null || planned <= 0 ? null : documented / planned - 1;
}

function resourcesOver(r: RecommendationInput['resources']): Finding {
  const rule = 'resources_over';
  const hours = overrun(r.plannedHours, r.documentedHours);
  const money = overrun(r.plannedMoneyNok, r.documentedMoneyNok);
  if (hours === null && money === null) {
    return { rule, triggered: false, points: 'continue_with_changes', message: message(`${K}.${rule}.not_measured`, {}, 'Planned and documented resources cannot be compared.') };
  }
  const over = (o: number | null) => o !== null && o > OVER_PLAN;
  const triggered = over(hours) || over(money);
  const params = { hours: hours === null ? '–' : pct(hours), money: money === null ? '–' : pct(money) };
  return {
    rule,
    triggered,
    points: 'continue_with_changes',
    message: triggered
      ? message(`${K}.${rule}.triggered`, params, 'Documented against planned: hours {hours} %, money {money} %; more than 25 % over the plan.')
      : message(`${K}.${rule}.clear`, params, 'Documented against planned: hours {hours} %, money {money} %; not more than 25 % over the plan.'),
  };
}

export function recommend(input: RecommendationInput): Recommendation {
  const closing = [kpisMissed(input.kpiStatuses), audienceMisfit(input.audience), reachDown(input.reach), documentationLow(input.documentation)];
  const changing = [monthlyChanges(input.monthlyDecisions), resourcesOver(input.resources)];
  const closeSignals = closing.filter((f) => f.triggered).length;
  const changeSignals = changing.filter((f) => f.triggered).length;
  const suggestion: AnnualSuggestion = closeSignals >= 2 ? 'close' : closeSignals + changeSignals > 0 ? 'continue_with_changes' : 'continue';
  const params = { closing: closeSignals, changes: changeSignals };
  const summary: Finding = {
    rule: 'suggestion',
    triggered: true,
    points: suggestion,
    message:
      suggestion === 'close'
        ? message(`${K}.suggestion.close`, params, '{closing} signals for closing hold (two or more): close the account.')
        : suggestion === 'continue_with_changes'
          ? message(`${K}.suggestion.continue_with_changes`, params, '{closing} signals for closing and {changes} for changes hold: continue with changes.')
          : message(`${K}.suggestion.continue`, params, 'No signal for closing or changes holds: continue as it is.'),
  };
  return { suggestion, findings: [...closing, ...changing, summary] };
}
