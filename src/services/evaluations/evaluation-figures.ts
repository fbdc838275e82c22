/**
 * The figures of one account's monthly evaluation (issue #6), computed from the documented
 * statistics whenever asked for (a draft shows late imports; signing freezes what this returns).
 * No authorisation here: the caller has decided the account may be read.
 *
 * - asOf: the month's last day, or today while the month runs (a month not yet begun is refused);
 *   the month before is evaluated as of its last day.
 * - kpis: see evaluation-figures-kpis.ts (goals active, achieved or missed that ran during the
 *   month); counts: one per KPI, as the overview counts them.
 * - audience: the newest audience snapshot on or before asOf against the target age groups.
 * - documentation: the days the platform's core metrics were expected and documented in the
 *   month and its gaps (core/evaluations/figures-documentation.ts, from the cached documented
 *   runs the due watchdog reads), and the watchdog's verdict today (null for paused or closed
 *   accounts, which it does not watch).
 * - posts: the best and weakest posts published in the month by the KPIs' metrics, as the
 *   account dashboard ranks them, by their readings up to asOf.
 */
import { and, eq } from 'drizzle-orm';
import type { EvaluationFigures } from '../../contract/evaluations.ts';
import { audienceFit } from '../../core/audience/fit.ts';
import { historyWindowDefaults } from '../../core/coverage/history-windows.ts';
import { AppError } from '../../core/errors.ts';
import { monthDocumentation } from '../../core/evaluations/figures-documentation.ts';
import type { DayRange } from '../../core/coverage/ranges.ts';
import { addDays, compareDays, type Day, isDay, minDay, monthEnd } from '../../core/period/days.ts';
import type { Platform } from '../../core/platforms.ts';
import type { Db } from '../../db/client.ts';
import { accounts } from '../../db/schema/index.ts';
import { dayOfNow } from '../coverage/account-ref.ts';
import { newestSnapshots } from '../coverage/audience-fits.ts';
import { loadWindowOverrides, type WindowOverride } from '../coverage/history-window-rows.ts';
import { emptyCounts } from '../dashboards/attention.ts';
import { cachedDocumentedRuns, dueOf } from '../dashboards/due-watch.ts';
import { rankPosts } from '../dashboards/post-rankings.ts';
import type { AccountRow } from '../goals/goal-bundles.ts';
import { goalsDuring, kpiFigures, rankedMetrics } from './evaluation-figures-kpis.ts';

export interface FiguresAccount {
  id: string;
  slug: string;
  name: string;
  platform: string;
  unitId: string;
  targetAgeGroups: string[];
}

/** The month's days and the days its figures are taken as of; validation_failed for a bad or future month. */
export function figuresPeriod(month: string, now: Date): { start: Day; end: Day; asOf: Day; previousAsOf: Day; today: Day } {
  const start = `${month}-01`;
  if (!/^\d{4}-\d{2}$/.test(month) || !isDay(start)) {
    throw new AppError('validation_failed', `"${month}" is not a month.`, [{ path: 'month', message: 'a month as YYYY-MM' }]);
  }
  const today = dayOfNow(now);
  if (compareDays(start, today) > 0) {
    throw new AppError('validation_failed', `${month} has not begun yet.`, [{ path: 'month', message: 'a month that has begun' }]);
  }
  const end = monthEnd(start);
  return { start, end, asOf: minDay(end, today), previousAsOf: addDays(start, -1), today };
}

/** What assembleFigures needs besides the KPIs: read by evaluationFigures for one month, by the batch for many. */
export interface FiguresParts {
  month: string;
  now: Date;
  account: FiguresAccount;
  row: Pick<AccountRow, 'id' | 'platform' | 'status' | 'createdAt'>;
  kpis: EvaluationFigures['kpis'];
  snapshot: { day: string; age_distribution: Record<string, number> } | null;
  documented: readonly DayRange[];
  overrides: Map<Platform, WindowOverride>;
  posts: EvaluationFigures['posts'];
}

/** The figures from what was read (pure). */
export function assembleFigures(p: FiguresParts): EvaluationFigures {
  const { start, end, asOf, today } = figuresPeriod(p.month, p.now);
  const counts = emptyCounts();
  for (const k of p.kpis) counts[k.status] += 1;

  const snapshot = p.snapshot;
  const fit = audienceFit(p.account.targetAgeGroups, snapshot ? { day: snapshot.day, ageDistribution: snapshot.age_distribution } : null);

  const { row, documented } = p;
  const createdDay = dayOfNow(row.createdAt);
  const defaults = historyWindowDefaults[row.platform as Platform];
  const documentation = defaults
    ? monthDocumentation({ cadence: defaults.cadence, month: start, createdDay, documented, today })
    : { documentedDays: 0, expectedDays: 0, gaps: [] };
  const due = dueOf({ id: row.id, platform: row.platform, status: row.status, createdDay }, documented, p.overrides, today);

  return {
    month: p.month,
    period: { start, end },
    asOf,
    computedAt: p.now.toISOString(),
    counts,
    kpis: p.kpis,
    audience: {
      status: fit.status,
      targetAgeGroups: fit.targetAgeGroups,
      largestGroup: fit.largestGroup,
      largestShare: fit.largestShare,
      targetShare: fit.targetShare,
      snapshotDay: snapshot?.day ?? null,
    },
    documentation: { ...documentation, due: due?.assessment.status ?? null },
    posts: p.posts,
  };
}

export async function evaluationFigures(db: Db, organisationId: string, account: FiguresAccount, month: string, now: Date): Promise<EvaluationFigures> {
  const { start, end, asOf, previousAsOf } = figuresPeriod(month, now);
  const period = { start, end };

  const [row] = await db.select().from(accounts).where(and(eq(accounts.organisationId, organisationId), eq(accounts.id, account.id)));
  if (!row) throw new AppError('not_found', 'No such account.');

  const bundles = await goalsDuring(db, organisationId, account.id, period);
  const [kpis, snapshots, runs, overrides, posts] = await Promise.all([
    kpiFigures(db, organisationId, account, bundles, asOf, previousAsOf),
    newestSnapshots(db, organisationId, [account.id], asOf),
    cachedDocumentedRuns(db, organisationId, [row], now),
    loadWindowOverrides(db, organisationId),
    rankPosts(db, organisationId, account.id, rankedMetrics(bundles), period, asOf),
  ]);
  return assembleFigures({ month, now, account, row, kpis, snapshot: snapshots.get(account.id) ?? null, documented: runs.get(account.id) ?? [], overrides, posts });
}
