/**
 * Warming the dashboard caches in the background (the server does it at start and then every
 * five minutes; when everything is cached that is one read): for each organisation, today's KPI results of every active goal and the documented runs
 * of every active account, so that the first overview of a day reads instead of computing (about
 * 1500 KPIs from daily values at 500 accounts: seconds; bench/results/overview.md). Works in
 * batches and stops between them once `signal` is aborted (a server shutting down). No actor:
 * the caches hold no one's view, and the overview authorises when it reads them.
 */
import type { Db } from '../../db/client.ts';
import { organisations } from '../../db/schema/index.ts';
import { dayOf } from '../goals/kpi-evaluation.ts';
import { computeDocumentedRuns } from './due-watch.ts';
import { computeKpiResults } from './kpi-results.ts';
import { readOverviewRows } from './overview-rows.ts';

const CHUNK = 40;

export interface WarmResult {
  organisations: number;
  kpiAccounts: number;
  runAccounts: number;
  aborted: boolean;
}

export async function warmDashboards(db: Db, now: Date, signal?: AbortSignal): Promise<WarmResult> {
  const result: WarmResult = { organisations: 0, kpiAccounts: 0, runAccounts: 0, aborted: false };
  const today = dayOf(now);
  for (const org of await db.select({ id: organisations.id }).from(organisations)) {
    const rows = await readOverviewRows(db, org.id, null, today);
    const kpiAccounts = rows.filter((a) => a.goals.some((g) => g.details.some((k) => k.status === null)));
    const runAccounts = rows.filter((a) => a.status === 'active' && a.runs === null);
    for (let i = 0; i < kpiAccounts.length; i += CHUNK) {
      if (signal?.aborted) return { ...result, aborted: true };
      await computeKpiResults(db, org.id, kpiAccounts.slice(i, i + CHUNK), today, now);
      result.kpiAccounts += Math.min(CHUNK, kpiAccounts.length - i);
    }
    for (let i = 0; i < runAccounts.length; i += CHUNK) {
      if (signal?.aborted) return { ...result, aborted: true };
      await computeDocumentedRuns(db, org.id, runAccounts.slice(i, i + CHUNK), now);
      result.runAccounts += Math.min(CHUNK, runAccounts.length - i);
    }
    result.organisations += 1;
  }
  return result;
}
