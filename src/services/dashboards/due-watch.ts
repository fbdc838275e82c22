/**
 * The due watchdog (core/coverage/due.ts) for the dashboards: the same verdict as
 * services/coverage/list-due.ts, for every active account the actor may read (the due list
 * itself shows only accounts the actor may document). Its input, the days each account
 * documented its platform's core metrics, costs about half a second for 500 accounts
 * (documented-core-days.ts), so it is kept per account in `documented_runs`, computed with no
 * upper bound (clipped to today here) and forgotten with the account's KPI results whenever its
 * statistics change (forget-results.ts). Missing runs are computed under the accounts' write locks,
 * as KPI results are, so a write cannot slip between reading and storing them.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { assessDue, type DueAssessment } from '../../core/coverage/due.ts';
import { effectiveWindow, historyWindowDefaults } from '../../core/coverage/history-windows.ts';
import { clip, type DayRange } from '../../core/coverage/ranges.ts';
import type { Day } from '../../core/period/days.ts';
import type { Platform } from '../../core/platforms.ts';
import type { DueItem } from '../../contract/coverage.ts';
import type { Db } from '../../db/client.ts';
import { documentedRuns } from '../../db/schema/index.ts';
import { dayOfNow } from '../coverage/account-ref.ts';
import { documentedCoreDays } from '../coverage/documented-core-days.ts';
import { loadWindowOverrides } from '../coverage/history-window-rows.ts';
import { loadUnitDirectory } from '../coverage/unit-reporters.ts';
import { dueItem } from '../coverage/due-item.ts';
import type { AccountRow } from '../goals/goal-bundles.ts';
import { lockAccount } from '../statistics/write-statistics.ts';

const BEGINNING: Day = '1970-01-01';
const NO_END: Day = '9999-12-31';
const BATCH = 100;

/** Computes and stores the documented runs of accounts whose runs are not cached, each batch under the accounts' write locks. */
export async function computeDocumentedRuns(
  db: Db,
  organisationId: string,
  list: readonly { id: string; platform: string }[],
  now: Date,
): Promise<Map<string, DayRange[]>> {
  const out = new Map<string, DayRange[]>();
  const sorted = [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 0; i < sorted.length; i += BATCH) {
    const batch = sorted.slice(i, i + BATCH);
    const found = await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      for (const a of batch) await lockAccount(tx, a.id);
      const runs = await documentedCoreDays(tx, organisationId, batch, NO_END);
      const values = batch.map((a) => ({ organisationId, accountId: a.id, runs: runs.get(a.id) ?? [], computedAt: now }));
      await tx.insert(documentedRuns).values(values).onConflictDoNothing();
      return runs;
    });
    for (const a of batch) out.set(a.id, found.get(a.id) ?? []);
  }
  return out;
}

/** Documented core-metric runs of the accounts (cached; missing ones computed and stored). */
export async function cachedDocumentedRuns(db: Db, organisationId: string, list: readonly { id: string; platform: string }[], now: Date): Promise<Map<string, DayRange[]>> {
  const out = new Map<string, DayRange[]>();
  if (list.length === 0) return out;
  const rows = await db
    .select({ accountId: documentedRuns.accountId, runs: documentedRuns.runs })
    .from(documentedRuns)
    .where(and(eq(documentedRuns.organisationId, organisationId), list.length <= 50 ? inArray(documentedRuns.accountId, list.map((a) => a.id)) : undefined));
  const wanted = new Set(list.map((a) => a.id));
  for (const r of rows) if (wanted.has(r.accountId)) out.set(r.accountId, r.runs as DayRange[]);
  const computed = await computeDocumentedRuns(db, organisationId, list.filter((a) => !out.has(a.id)), now);
  return new Map([...out, ...computed]);
}

export interface WatchedAccount {
  id: string;
  platform: string;
  status: string;
  /** The UTC day it was registered. */
  createdDay: Day;
}

type DueVerdict = { assessment: DueAssessment; window: { days: number | null; overridden: boolean } };

/**
 * Verdicts by everything they are computed from (a pure function of its inputs, so a hit can never
 * be stale): the overview asks for every account on every request, and the day arithmetic of 500
 * accounts costs milliseconds. Bounded; cleared when full.
 */
const verdicts = new Map<string, DueVerdict>();
/** Frozen runs (the overview's, shared between requests: overview-rows.ts) as text for the key, by identity. */
const runsKeys = new WeakMap<readonly DayRange[], string>();
const MAX_VERDICTS = 20_000;

/** The watchdog's verdict on one account from its documented runs, as of `today`; null when not watched (paused, closed). */
export function dueOf(
  a: WatchedAccount,
  runs: readonly DayRange[],
  overrides: Map<Platform, { days: number }>,
  today: Day,
): DueVerdict | null {
  if (a.status !== 'active') return null;
  const platform = a.platform as Platform;
  if (!historyWindowDefaults[platform]) return null;
  const window = effectiveWindow(platform, overrides.get(platform)?.days);
  let runsKey = runsKeys.get(runs);
  if (runsKey === undefined) {
    runsKey = JSON.stringify(runs);
    if (Object.isFrozen(runs)) runsKeys.set(runs, runsKey);
  }
  const key = `${platform}|${a.createdDay}|${today}|${window.days}|${window.overridden}|${runsKey}`;
  const known = verdicts.get(key);
  if (known) return known;
  const assessment = assessDue({
    cadence: historyWindowDefaults[platform].cadence,
    windowDays: window.days,
    createdDay: a.createdDay,
    // Runs are kept normalised; only those reaching past today need clipping.
    documented: (runs.at(-1)?.[1] ?? '') > today ? clip(runs, BEGINNING, today) : runs,
    today,
  });
  if (verdicts.size >= MAX_VERDICTS) verdicts.clear();
  verdicts.set(key, { assessment, window });
  return { assessment, window };
}

/** One account's due item, as the due list shows it (null when the account is not watched: paused or closed). */
export async function dueItemOf(db: Db, organisationId: string, a: AccountRow, today: Day, now: Date): Promise<DueItem | null> {
  if (a.status !== 'active') return null;
  const [overrides, runs, directory] = await Promise.all([
    loadWindowOverrides(db, organisationId),
    cachedDocumentedRuns(db, organisationId, [a], now),
    loadUnitDirectory(db, organisationId),
  ]);
  const found = dueOf({ ...a, createdDay: dayOfNow(a.createdAt) }, runs.get(a.id) ?? [], overrides, today);
  const unit = directory.unit(a.unitId);
  if (!found || !unit) return null;
  return dueItem(a, unit, directory.reporters(a.unitId), found.assessment, found.window);
}
