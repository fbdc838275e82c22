/**
 * The SMART checklist (PRODUCT.md "SMART"): one entry per letter with a status and concrete
 * messages (key + params + English text).
 *
 * - Specific: a platform, every KPI's metric and the target audience are named; each KPI's
 *   metric is available on the goal's platform(s).
 * - Measurable: there is at least one KPI, and every KPI has a catalogue metric (or is an
 *   audience share with age groups) and a target number.
 * - Attainable: from the attainability verdicts (attainability.ts): any unlikely → warning;
 *   uncertain or too little history → ok with notes; all likely → ok; none assessed → unknown.
 * - Relevant: linked to a strategic goal (else missing); every KPI metric fits the goal type
 *   (else warning naming the metrics).
 * - Time-bound: a deadline on or after the start (else missing); a deadline already passed on
 *   `today` is a warning.
 * Status per letter: ok, warning (can proceed, should look), missing (must fix), unknown.
 */
import { kpiMetric } from '../metrics/derived.ts';
import { type AgeGroup, type Platform, platformNames } from '../platforms.ts';
import { type Day, compareDays, isDay } from '../period/days.ts';
import type { Verdict } from './attainability.ts';
import { type Message, type MessageParams, message } from './messages.ts';
import { type GoalType, metricFitsGoalType } from './templates.ts';

export type SmartLetter = 'specific' | 'measurable' | 'attainable' | 'relevant' | 'time_bound';
export type SmartStatus = 'ok' | 'warning' | 'missing' | 'unknown';

export interface SmartKpi {
  kind?: 'metric' | 'audience_share';
  metric?: string | null;
  ageGroups?: readonly AgeGroup[];
  target?: number | null;
  /** The attainability verdict for this KPI, when one has been made. */
  attainability?: { verdict: Verdict; message?: Message } | null;
}

export interface SmartGoal {
  goalType: GoalType | 'custom' | null;
  platforms: readonly Platform[];
  audience: { description?: string | null; ageGroups?: readonly AgeGroup[] } | null;
  strategicGoalId: string | null;
  start: Day | null;
  deadline: Day | null;
  kpis: readonly SmartKpi[];
}

export interface SmartItem {
  letter: SmartLetter;
  status: SmartStatus;
  messages: Message[];
}

export interface SmartCheck {
  items: SmartItem[];
  /** True when no letter is missing or unknown (warnings allowed). */
  complete: boolean;
}

const name = (metric: string): string => kpiMetric(metric)?.name.en ?? metric;
const severity: SmartStatus[] = ['ok', 'unknown', 'warning', 'missing'];

/** Collects the findings of one letter; keys are `goals.smart.<letter>.<code>`. */
class Findings {
  readonly letter: SmartLetter;
  private readonly found: { status: SmartStatus; m: Message }[] = [];

  constructor(letter: SmartLetter) {
    this.letter = letter;
  }

  add(status: SmartStatus, code: string, params: MessageParams, english: string): void {
    this.found.push({ status, m: message(`goals.smart.${this.letter}.${code}`, params, english) });
  }

  /** The item; with no findings, ok with the `ok` message. */
  result(okParams: MessageParams, okEnglish: string): SmartItem {
    if (this.found.length === 0) {
      return { letter: this.letter, status: 'ok', messages: [message(`goals.smart.${this.letter}.ok`, okParams, okEnglish)] };
    }
    const status = this.found.reduce<SmartStatus>(
      (acc, f) => (severity.indexOf(f.status) > severity.indexOf(acc) ? f.status : acc),
      'ok',
    );
    return { letter: this.letter, status, messages: this.found.map((f) => f.m) };
  }
}

function specific(goal: SmartGoal): SmartItem {
  const f = new Findings('specific');
  if (goal.platforms.length === 0) f.add('missing', 'no_platform', {}, 'Name the platform (choose the account).');
  const audienceNamed = Boolean(goal.audience?.description?.trim()) || (goal.audience?.ageGroups?.length ?? 0) > 0;
  if (!audienceNamed) f.add('missing', 'no_audience', {}, 'Name the target audience (who, and which age groups).');
  goal.kpis.forEach((k, i) => {
    if (k.kind === 'audience_share') return;
    if (!k.metric) {
      f.add('missing', 'kpi_no_metric', { index: i + 1 }, 'KPI {index}: name the metric.');
      return;
    }
    const info = kpiMetric(k.metric);
    for (const p of goal.platforms) {
      if (info && !info.platforms.includes(p)) {
        const params = { index: i + 1, metric: k.metric, name: info.name.en, platform: platformNames[p] };
        f.add('missing', 'metric_not_on_platform', params, 'KPI {index}: {platform} does not provide {name}.');
      }
    }
  });
  return f.result({}, 'Platform, metrics and target audience are named.');
}

function measurable(goal: SmartGoal): SmartItem {
  const f = new Findings('measurable');
  if (goal.kpis.length === 0) f.add('missing', 'no_kpis', {}, 'Add KPIs with a metric and a target number.');
  goal.kpis.forEach((k, i) => {
    const index = i + 1;
    if (k.kind === 'audience_share') {
      if (!k.ageGroups?.length) {
        f.add('missing', 'share_no_age_groups', { index }, 'KPI {index}: choose the age groups of the audience share.');
      }
    } else if (k.metric && !kpiMetric(k.metric)) {
      f.add('missing', 'unknown_metric', { index, metric: k.metric }, 'KPI {index}: "{metric}" is not a metric in the catalogue.');
    }
    if (typeof k.target !== 'number' || !Number.isFinite(k.target)) {
      f.add('missing', 'no_target', { index }, 'KPI {index}: set a target number.');
    }
  });
  return f.result({ count: goal.kpis.length }, 'All {count} KPIs have a catalogue metric and a target number.');
}

function attainable(goal: SmartGoal): SmartItem {
  const f = new Findings('attainable');
  const assessed = goal.kpis.flatMap((k, i) => (k.attainability ? [{ k, a: k.attainability, index: i + 1 }] : []));
  if (assessed.length === 0) {
    f.add('unknown', 'not_assessed', {}, 'Attainability has not been checked yet: set the targets to see the forecast.');
  }
  for (const { k, a, index } of assessed) {
    const params = {
      index,
      metric: k.kind === 'audience_share' ? 'audience share' : name(k.metric ?? ''),
      detail: a.message?.text ?? '',
    };
    if (a.verdict === 'unlikely') {
      f.add('warning', 'unlikely', params, 'KPI {index} ({metric}) is unlikely to be reached by the deadline. {detail}');
    } else if (a.verdict === 'uncertain') {
      f.add('ok', 'uncertain', params, 'KPI {index} ({metric}) is uncertain: ambitious but possible. {detail}');
    } else if (a.verdict === 'insufficient_history') {
      f.add('ok', 'insufficient_history', params, 'KPI {index} ({metric}) cannot be checked yet. {detail}');
    }
  }
  return f.result({}, 'Every KPI is likely to be reached, judged from the account\u2019s history.');
}

function relevant(goal: SmartGoal): SmartItem {
  const f = new Findings('relevant');
  if (!goal.strategicGoalId) f.add('missing', 'no_strategy', {}, 'Link the goal to a strategic goal.');
  const type = goal.goalType;
  if (!type) {
    f.add('warning', 'no_goal_type', {}, 'Choose a goal type, so the KPIs can be checked against it.');
  } else {
    const misfits = goal.kpis.flatMap((k) =>
      k.kind !== 'audience_share' && k.metric && kpiMetric(k.metric) && !metricFitsGoalType(type, k.metric)
        ? [name(k.metric)]
        : [],
    );
    if (misfits.length > 0) {
      const params = { metrics: misfits.join(', '), goalType: type };
      f.add('warning', 'metrics_do_not_fit', params, 'These KPI metrics do not fit the goal type ({goalType}): {metrics}.');
    }
  }
  return f.result({}, 'Linked to a strategic goal; the KPIs fit the goal type.');
}

function timeBound(goal: SmartGoal, today: Day): SmartItem {
  const f = new Findings('time_bound');
  const { start, deadline } = goal;
  if (!deadline || !isDay(deadline)) {
    f.add('missing', 'no_deadline', {}, 'Set a deadline.');
  } else {
    if (start && isDay(start) && compareDays(deadline, start) < 0) {
      f.add('missing', 'deadline_before_start', { start, deadline }, 'The deadline {deadline} is before the start {start}.');
    }
    if (compareDays(deadline, today) < 0) f.add('warning', 'deadline_passed', { deadline }, 'The deadline {deadline} has passed.');
  }
  return f.result({ deadline: deadline ?? '' }, 'Deadline {deadline}.');
}

/** The SMART checklist for a goal (draft or active); `today` decides whether the deadline has passed. */
export function checkSmart(goal: SmartGoal, today: Day): SmartCheck {
  const items = [specific(goal), measurable(goal), attainable(goal), relevant(goal), timeBound(goal, today)];
  return { items, complete: items.every((i) => i.status === 'ok' || i.status === 'warning') };
}
