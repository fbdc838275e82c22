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
import { addDays, compareDays, isDay, minDay, monthEnd } from '../../core/period/days.ts';
import type { Platform } from '../../core/platforms.ts';
import type { Db } from '../../db/client.ts';
import { accounts } from '../../db/schema/index.ts';
import { dayOfNow } from '../coverage/account-ref.ts';
import { newestSnapshots } from '../coverage/audience-fits.ts';
import { loadWindowOverrides } from '../coverage/history-window-rows.ts';
import { emptyCounts } from '../dashboards/attention.ts';
import { cachedDocumentedRuns, dueOf } from '../dashboards/due-watch.ts';
import { rankPosts } from '../dashboards/post-rankings.ts';
import { goalsDuring, kpiFigures } from './evaluation-figures-kpis.ts';

export interface FiguresAccount {
  id: string;
  slug: string;
  name: string;
  platform: string;
  unitId: string;
  targetAgeGroups: string[];
}

export async function evaluationFigures(db: Db, organisationId: string, account: FiguresAccount, month: string, now: Date): Promise<EvaluationFigures> {
  const start = `${month}-01`;
  if (!/^\d{4}-\d{2}$/.test(month) || !isDay(start)) {
    throw new AppError('validation_failed', `"${month}" is not a month.`, [{ path: 'month', message: 'a month as YYYY-MM' }]);
  }
  const today = dayOfNow(now);
  if (compareDays(start, today) > 0) {
    throw new AppError('validation_failed', `${month} has not begun yet.`, [{ path: 'month', message: 'a month that has begun' }]);
  }
  const end = monthEnd(start);
  const asOf = minDay(end, today);
  const previousAsOf = addDays(start, -1);
  const period = { start, end };

  const [row] = await db.select().from(accounts).where(and(eq(accounts.organisationId, organisationId), eq(accounts.id, account.id)));
  if (!row) throw new AppError('not_found', 'No such account.');

  const bundles = await goalsDuring(db, organisationId, account.id, period);
  const metrics = [...new Set(bundles.flatMap((b) => b.kpis.flatMap((k) => (k.kind === 'metric' && k.metric ? [k.metric] : []))))];
  const [kpis, snapshots, runs, overrides, posts] = await Promise.all([
    kpiFigures(db, organisationId, account, bundles, asOf, previousAsOf),
    newestSnapshots(db, organisationId, [account.id], asOf),
    cachedDocumentedRuns(db, organisationId, [row], now),
    loadWindowOverrides(db, organisationId),
    rankPosts(db, organisationId, account.id, metrics, period, asOf),
  ]);

  const counts = emptyCounts();
  for (const k of kpis) counts[k.status] += 1;

  const snapshot = snapshots.get(account.id) ?? null;
  const fit = audienceFit(account.targetAgeGroups, snapshot ? { day: snapshot.day, ageDistribution: snapshot.age_distribution } : null);

  const documented = runs.get(account.id) ?? [];
  const createdDay = dayOfNow(row.createdAt);
  const defaults = historyWindowDefaults[row.platform as Platform];
  const documentation = defaults
    ? monthDocumentation({ cadence: defaults.cadence, month: start, createdDay, documented, today })
    : { documentedDays: 0, expectedDays: 0, gaps: [] };
  const due = dueOf({ id: row.id, platform: row.platform, status: row.status, createdDay }, documented, overrides, today);

  return {
    month,
    period,
    asOf,
    computedAt: now.toISOString(),
    counts,
    kpis,
    audience: {
      status: fit.status,
      targetAgeGroups: fit.targetAgeGroups,
      largestGroup: fit.largestGroup,
      largestShare: fit.largestShare,
      targetShare: fit.targetShare,
      snapshotDay: snapshot?.day ?? null,
    },
    documentation: { ...documentation, due: due?.assessment.status ?? null },
    posts,
  };
}
