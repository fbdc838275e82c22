/**
 * One account's year for the annual report (contract/reports.ts AnnualAccountFigures), for many
 * accounts at once. No authorisation here: the caller has decided the accounts may be read.
 *
 * - asOf: the year's last day, or today while the year runs (a year not begun is refused).
 * - kpis: every KPI of the account's goals that ran during the year, as of asOf
 *   (annual-figures-kpis.ts); counts: one per KPI.
 * - metrics: the metrics of the KPIs first (catalogue metrics; derived KPIs such as rates have no
 *   rollups and are left out), then the platform's core metrics (core/coverage/history-windows.ts),
 *   month by month from the rollups with the year before, trend and seasonality
 *   (core/reports/annual-trends.ts). While the year runs, the year before is added up over the
 *   same months (up to asOf's month), so the change compares like with like.
 * - formats and posts: the year's posts by their latest readings up to asOf of the KPIs' per-post
 *   metrics (the platform's core metrics for an account without KPI metrics: the first of them any
 *   post has); formats ranked by the first ranked metric.
 * - audience: the newest snapshot in each month that has one against the target age groups.
 * - documentation: documented and expected days of the platform's core metrics, month by month
 *   as monthly evaluations count them (core/evaluations/figures-documentation.ts, cached runs).
 * - months: the year's monthly evaluations (null fields where a month has none), from the month
 *   the account came into use (or January) to December or the current month.
 * - resources, costPerResult and the recommendation: core/reports/annual-*.ts.
 */
import type { AnnualAccountFigures, AnnualMetric } from '../../contract/reports.ts';
import { audienceFit } from '../../core/audience/fit.ts';
import { historyWindowDefaults } from '../../core/coverage/history-windows.ts';
import { AppError } from '../../core/errors.ts';
import { evaluationState } from '../../core/evaluations/rules.ts';
import { monthDocumentation } from '../../core/evaluations/figures-documentation.ts';
import { getMetric } from '../../core/metrics/catalogue.ts';
import { kpiMetric } from '../../core/metrics/derived.ts';
import { compareDays, type Day, minDay } from '../../core/period/days.ts';
import type { Platform } from '../../core/platforms.ts';
import { costPerResult, resultMetrics } from '../../core/reports/annual-cost.ts';
import { rankFormats } from '../../core/reports/annual-formats.ts';
import { recommend } from '../../core/reports/annual-recommendation.ts';
import { annualResources, monthsInUse } from '../../core/reports/annual-resources.ts';
import { isYear, yearFirstDay, yearLastDay } from '../../core/reports/annual-rules.ts';
import type { Db } from '../../db/client.ts';
import { dayOfNow } from '../coverage/account-ref.ts';
import { emptyCounts } from '../dashboards/attention.ts';
import { cachedDocumentedRuns } from '../dashboards/due-watch.ts';
import { rankedPosts } from '../dashboards/post-rankings.ts';
import { rankedMetrics } from '../evaluations/evaluation-figures-kpis.ts';
import { annualKpis, goalsDuringMany } from './annual-figures-kpis.ts';
import { annualMetric, mainReachMetric } from './annual-figures-metrics.ts';
import { asRanked, monthsOf, readMonthSnapshots, readYearEvaluations, readYearPosts, readYearRollups, type YearPost } from './annual-figures-reads.ts';

export interface AnnualFiguresAccount {
  id: string;
  unitId: string;
  platform: string;
  status: string;
  createdAt: Date;
  targetAgeGroups: string[];
  plannedHoursPerMonth: number | null;
  budgetNokPerYear: number | null;
  /** When it was closed (its months in use end with that month); absent or null: not closed. */
  closedAt?: Date | null;
}

type Figures = AnnualAccountFigures;

/** Figures for many accounts at once (batched reads), keyed by account id. Authorisation is the caller's job. */
export async function annualFigures(db: Db, organisationId: string, accounts: AnnualFiguresAccount[], year: string, now: Date): Promise<Map<string, AnnualAccountFigures>> {
  if (!isYear(year)) throw new AppError('validation_failed', `"${year}" is not a year.`, [{ path: 'year', message: 'a year as YYYY' }]);
  const today = dayOfNow(now);
  const period = { start: yearFirstDay(year), end: yearLastDay(year) };
  if (compareDays(period.start, today) > 0) {
    throw new AppError('validation_failed', `${year} has not begun yet.`, [{ path: 'year', message: 'a year that has begun' }]);
  }
  const asOf = minDay(period.end, today);
  const out = new Map<string, AnnualAccountFigures>();
  if (accounts.length === 0) return out;
  const ids = accounts.map((a) => a.id);

  const bundlesOf = await goalsDuringMany(db, organisationId, ids, period);
  const kpiMetricsOf = new Map(accounts.map((a) => [a.id, rankedMetrics(bundlesOf.get(a.id) ?? [])]));
  const coreOf = (a: AnnualFiguresAccount) => historyWindowDefaults[a.platform as Platform]?.coreMetrics ?? [];
  // The metrics each account's report shows: its KPIs' catalogue metrics, then its platform's core metrics.
  const metricsOf = new Map(accounts.map((a) => [a.id, [...new Set([...(kpiMetricsOf.get(a.id) ?? []), ...coreOf(a)])].filter((m) => getMetric(m) !== undefined)]));
  // Per-post metrics: the KPIs' (base metrics), else the platform's core metrics.
  const postMetricsOf = new Map(
    accounts.map((a) => {
      const kpi = (kpiMetricsOf.get(a.id) ?? []).filter((m) => getMetric(m) !== undefined);
      return [a.id, kpi.length > 0 ? { metrics: kpi, fromKpis: true } : { metrics: [...coreOf(a)], fromKpis: false }];
    }),
  );
  const wanted = new Map<string, string[]>();
  for (const a of accounts) {
    for (const m of metricsOf.get(a.id) ?? []) {
      const list = wanted.get(m);
      if (list) list.push(a.id);
      else wanted.set(m, [a.id]);
    }
  }

  const kpisOf = await annualKpis(db, organisationId, accounts, bundlesOf, asOf);
  const rollups = await readYearRollups(db, organisationId, wanted, year);
  const posts = await readYearPosts(db, organisationId, ids, [...new Set([...postMetricsOf.values()].flatMap((p) => p.metrics))], period, asOf);
  const snapshots = await readMonthSnapshots(db, organisationId, ids, period);
  const evaluations = await readYearEvaluations(db, organisationId, ids, year);
  const runs = await cachedDocumentedRuns(db, organisationId, accounts, now);

  const yearMonths = monthsOf(year);
  const asOfMonth = asOf.slice(0, 7);
  for (const a of accounts) {
    const kpis = kpisOf.get(a.id) ?? [];
    const counts = emptyCounts();
    for (const k of kpis) counts[k.status] += 1;

    const metrics: AnnualMetric[] = (metricsOf.get(a.id) ?? []).map((m) => annualMetric(m, rollups.get(m)?.get(a.id), year, asOfMonth));

    const postMetrics = postMetricsOf.get(a.id) ?? { metrics: [], fromKpis: false };
    const { formats, ranked } = postFigures(posts.get(a.id) ?? [], postMetrics.metrics, postMetrics.fromKpis);

    const monthSnapshots = (snapshots.get(a.id) ?? []).map((s) => {
      const fit = audienceFit(a.targetAgeGroups, { day: s.day, ageDistribution: s.ageDistribution });
      return { day: s.day, largestGroup: fit.largestGroup, largestShare: fit.largestShare, targetShare: fit.targetShare, status: fit.status };
    });
    const fitMonths = monthSnapshots.filter((s) => s.status === 'fit').length;
    const misfitMonths = monthSnapshots.filter((s) => s.status === 'misfit').length;

    const documented = runs.get(a.id) ?? [];
    const createdDay = dayOfNow(a.createdAt);
    const defaults = historyWindowDefaults[a.platform as Platform];
    const documentation = { documentedDays: 0, expectedDays: 0 };
    if (defaults) {
      for (const m of yearMonths) {
        const d = monthDocumentation({ cadence: defaults.cadence, month: `${m}-01`, createdDay, documented, today });
        documentation.documentedDays += d.documentedDays;
        documentation.expectedDays += d.expectedDays;
      }
    }

    const firstDocumented = documented.reduce<Day | null>((first, r) => (first === null || r[0] < first ? r[0] : first), null);
    const inUse = monthsInUse({ year, registeredOn: createdDay, firstDocumented, today, closedOn: a.closedAt ? dayOfNow(a.closedAt) : null });
    const evals = evaluations.get(a.id) ?? new Map();
    // Every month in use, and any other month of the year with an evaluation.
    const listed = yearMonths.filter((m) => inUse.includes(m) || evals.has(m));
    const months: Figures['months'] = listed.map((month) => {
      const e = evals.get(month);
      if (!e) return { month, evaluationId: null, state: null, decision: null, assessment: '', adjustment: '', signedBy: null, hoursSpent: null, moneySpentNok: null };
      return {
        month,
        evaluationId: e.id,
        state: evaluationState(e.status, month, today),
        decision: e.decision as Figures['months'][number]['decision'],
        assessment: e.assessment,
        adjustment: e.adjustment,
        signedBy: e.signedBy,
        hoursSpent: e.hoursSpent,
        moneySpentNok: e.moneySpentNok,
      };
    });
    const resources = annualResources(a, months, inUse.length);

    const costs = resultMetrics(kpiMetricsOf.get(a.id) ?? []).map((metric) => {
      const c = costPerResult(metric, metrics.find((m) => m.metric === metric)?.year ?? null, resources.documentedMoneyNok);
      return { ...c, name: getMetric(metric)!.name };
    });

    const reach = mainReachMetric(metrics);
    const recommendation = recommend({
      kpiStatuses: kpis.map((k) => k.status),
      audience: { misfitMonths, snapshotMonths: monthSnapshots.length },
      reach: reach ? { metric: reach.metric, change: reach.change } : null,
      documentation,
      monthlyDecisions: months.map((m) => m.decision),
      resources,
    });

    out.set(a.id, {
      year,
      period,
      asOf,
      computedAt: now.toISOString(),
      resources,
      counts,
      kpis,
      metrics,
      formats,
      posts: ranked,
      audience: {
        targetAgeGroups: audienceFit(a.targetAgeGroups, null).targetAgeGroups,
        snapshots: monthSnapshots,
        fitMonths,
        misfitMonths,
      },
      documentation,
      months,
      costPerResult: costs,
      recommendation,
    });
  }
  return out;
}

/**
 * The best and weakest posts by each per-post metric any post has (all of the KPIs' metrics; of
 * the platform's core metrics only the first, for an account without KPI metrics), and the
 * formats ranked by the first of them.
 */
function postFigures(posts: readonly YearPost[], metrics: readonly string[], fromKpis: boolean): { formats: Figures['formats']; ranked: Figures['posts'] } {
  const withData = metrics.filter((m) => posts.some((p) => p.values.has(m)));
  const shown = fromKpis ? withData : withData.slice(0, 1);
  const ranked = shown.map((m) =>
    rankedPosts(
      m,
      posts.flatMap((p) => {
        const v = p.values.get(m);
        return v === undefined ? [] : [asRanked(p, v)];
      }),
    ),
  );
  const first = shown[0];
  if (first === undefined) return { formats: [], ranked };
  const info = kpiMetric(first);
  const name = info?.name ?? { nb: first, en: first };
  const formats = rankFormats(
    posts.map((p) => ({ postType: p.postType, value: p.values.get(first) ?? null })),
    info?.higherIsBetter === false,
  ).map((f) => ({ ...f, metric: first, name }));
  return { formats, ranked };
}
