/**
 * Everything the overview reads, in one statement: the organisation's units, its history-window
 * overrides, and per account (active and paused, in the scope) the account, its newest audience
 * snapshot on or before `asOf`, its cached documented runs, the months whose evaluation is overdue
 * today, and per active goal the cached KPI statuses as of `asOf`, with the KPIs that are missed,
 * at risk, or not cached yet (status null) named. No authorisation here: the caller filters by unit.
 *
 * Measured on PGlite (500 accounts, bench/overview.ts; the issue's aim is 20 ms at p95 for the
 * whole request), which pays per row passed on, per value turned into text and per object built
 * from the result (CPU times below from a busy machine; the request as a whole went from about 24
 * to 16 ms CPU at p50):
 * - one statement, one result row: each column a list as text, records separated by RS (U+001E)
 *   and fields by US (U+001F), split in JavaScript. As JSON (`json_build_array` per row,
 *   `json_agg(… order by …)` per goal) the KPI list took about 8 ms CPU, as text about 5. Free text
 *   (names, KPI metrics) goes as a JSON string (`to_json`) and JSON columns as their text, which
 *   escape control characters, so no separator can occur inside a field; the rest are uuids, days,
 *   numbers, slugs and values from closed lists (platforms, statuses, age groups, KPI kinds).
 * - the KPIs one record per KPI, not grouped (grouping sorted 1,500 rows), the goals' unit and
 *   creation time in a list of their own; goals are put in order (created, id) and KPIs by
 *   position here;
 * - overdue evaluations as one grouped scan of the organisation's drafts rather than a subquery
 *   per account (500 index probes, about 1.5 ms even with no evaluations at all);
 * - units and window overrides in the same statement (each its own query cost 0.5–1 ms).
 * JSON columns are parsed once per distinct text and shared (frozen), see parseShared.
 */
import { sql } from 'drizzle-orm';
import type { DayRange } from '../../core/coverage/ranges.ts';
import type { KpiStatus } from '../../core/kpi/status.ts';
import type { Day } from '../../core/period/days.ts';
import { platforms, type Platform } from '../../core/platforms.ts';
import type { Db } from '../../db/client.ts';
import type { StatusCounts } from '../../contract/overview.ts';

/** A KPI of an active goal that needs naming or computing: missed, at risk, or not cached yet. */
export interface OverviewKpi {
  kpiId: string;
  kind: string;
  metric: string | null;
  ageGroups: string[];
  /** The cached result's status; null: not computed yet for this day. */
  status: KpiStatus | null;
}

/** One active goal of an account: its cached statuses counted, and the KPIs that need more. */
export interface OverviewGoal {
  goalId: string;
  goalUnitId: string;
  counts: StatusCounts;
  details: OverviewKpi[];
}

export interface OverviewRow {
  id: string;
  unitId: string;
  name: string;
  slug: string;
  platform: string;
  status: string;
  /** The UTC calendar day the account was registered. */
  createdDay: Day;
  targetAgeGroups: string[];
  /** The distribution is shared between requests (frozen): read it, do not change it. */
  snapshot: { day: Day; ageDistribution: Readonly<Record<string, number>>; importId: string | null; source: string } | null;
  /** Cached documented runs; null: not computed yet. Shared between requests (frozen). */
  runs: readonly DayRange[] | null;
  /** Months whose evaluation is still a draft after its due day (as of today), oldest first. */
  overdueEvaluations: string[];
  goals: OverviewGoal[];
}

export interface OverviewUnitRow {
  id: string;
  slug: string;
  name: string;
  parentId: string | null;
  path: string;
  archived: boolean;
}

export interface OverviewRead {
  /** Every unit of the organisation (archived too). */
  units: OverviewUnitRow[];
  /** The organisation's history-window overrides (days) by platform. */
  windowOverrides: Map<Platform, { days: number }>;
  accounts: OverviewRow[];
  /** The snapshot the statement read in (pg_current_snapshot() as text): what overview-cache.ts validates against. */
  snapshot: string;
}

const RS = '\u001e';
const US = '\u001f';
/** Between the age groups of a KPI. */
const GS = '\u001d';
const records = (text: string | null): string[][] => (text ? text.split(RS).map((r) => r.split(US)) : []);
const orNull = (s: string | undefined): string | null => (s ? s : null);

/**
 * JSON columns parsed once per distinct text (audience distributions and documented runs change
 * rarely, and parsing 1,000 of them cost about 1 ms a request), frozen because they are shared
 * between requests. Bounded; cleared when full.
 */
const parsedTexts = new Map<string, unknown>();
const MAX_PARSED = 20_000;
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
function parseShared<T>(text: string): T {
  let value = parsedTexts.get(text);
  if (value === undefined) {
    if (parsedTexts.size >= MAX_PARSED) parsedTexts.clear();
    value = deepFreeze(JSON.parse(text) as unknown);
    parsedTexts.set(text, value);
  }
  return value as T;
}

const counted = new Set<string>(['met', 'on_track', 'at_risk', 'missed', 'not_measured']);
const named = (status: string) => status === '' || status === 'missed' || status === 'at_risk';

/** The active and paused accounts of the organisation, or of the unit with this path and below. */
export async function readOverviewRows(db: Db, organisationId: string, scopePath: string | null, asOf: Day, today: Day = asOf): Promise<OverviewRow[]> {
  return (await readOverview(db, organisationId, scopePath, asOf, today)).accounts;
}

/** Units, window overrides and the overview's accounts (see readOverviewRows) in one statement. */
export async function readOverview(db: Db, organisationId: string, scopePath: string | null, asOf: Day, today: Day = asOf): Promise<OverviewRead> {
  const org = sql`${organisationId}::uuid`;
  const scope = scopePath === null
    ? sql``
    : sql`and a.unit_id in (select u.id from units u where u.organisation_id = ${org} and (u.path = ${scopePath} or u.path like ${`${scopePath}/%`}))`;
  const result = await db.execute(sql`
    with shown as (
      select a.id, a.organisation_id, a.unit_id, a.name, a.slug, a.platform, a.status, a.created_at, a.target_age_groups from accounts a
      where a.organisation_id = ${org} and a.status in ('active', 'paused') ${scope}
    )
    select
      pg_current_snapshot()::text as snapshot,
      (select string_agg(concat_ws(chr(31), u.id, u.slug, to_json(u.name)::text, coalesce(u.parent_id::text, ''), u.path, (u.archived_at is not null)::int), chr(30))
       from units u where u.organisation_id = ${org}) as units,
      (select string_agg(concat_ws(chr(31), h.platform, h.days), chr(30)) from history_windows h where h.organisation_id = ${org}) as windows,
      (select string_agg(concat_ws(chr(31),
         a.id, a.unit_id, to_json(a.name)::text, a.slug, a.platform, a.status, (a.created_at at time zone 'UTC')::date,
         coalesce(array_to_string(a.target_age_groups, chr(29)), ''),
         coalesce(s.day::text, ''), coalesce(s.age_distribution::text, ''), coalesce(s.import_id::text, ''), coalesce(s.source, ''),
         coalesce(r.runs::text, ''), coalesce(ev.months, '')), chr(30))
       from shown a
       left join lateral (
         select day, age_distribution, import_id, source from audience_snapshots
         where account_id = a.id and day <= ${asOf}::date order by day desc limit 1
       ) s on true
       left join documented_runs r on r.account_id = a.id
       left join (
         select e.account_id, string_agg(to_char(e.month, 'YYYY-MM'), chr(29) order by e.month) as months from evaluations e
         where e.organisation_id = ${org} and e.status = 'draft' and (e.month + interval '1 month' + interval '14 days')::date < ${today}::date
         group by e.account_id
       ) ev on ev.account_id = a.id) as accounts,
      (select string_agg(concat_ws(chr(31), g.id, g.unit_id, (extract(epoch from g.created_at) * 1000000)::bigint), chr(30))
       from goals g where g.organisation_id = ${org} and g.status = 'active' ${scopePath === null ? sql`` : sql`and g.id in (select ga.goal_id from goal_accounts ga join shown a on a.id = ga.account_id)`}) as goals,
      (select string_agg(concat_ws(chr(31),
         ga.account_id, g.id, k.position, coalesce(kr.status, ''),
         case when kr.status is null or kr.status in ('missed', 'at_risk')
           then concat_ws(chr(31), k.id, k.kind, coalesce(to_json(k.metric)::text, ''), coalesce(array_to_string(k.age_groups, chr(29)), '')) end), chr(30))
       from goal_accounts ga
       join goals g on g.id = ga.goal_id and g.status = 'active'
       join kpis k on k.goal_id = g.id
       left join kpi_results kr on kr.kpi_id = k.id and kr.account_id = ga.account_id and kr.as_of = ${asOf}::date
       where ga.organisation_id = ${org} ${scopePath === null ? sql`` : sql`and ga.account_id in (select id from shown)`}) as kpis`);
  const row = (result as unknown as { rows: { snapshot: string; units: string | null; windows: string | null; accounts: string | null; goals: string | null; kpis: string | null }[] }).rows[0];

  // Goals per account, in the order they were created (then by id); their KPIs by position. For
  // the organisation the KPIs are read by goal_accounts without joining the accounts read (0.7 ms
  // less): closed accounts' goals come too, and are left out with their accounts below.
  const goalInfo = new Map<string, { unitId: string; created: number }>();
  for (const [id, unitId, created] of records(row?.goals ?? null)) goalInfo.set(id!, { unitId: unitId!, created: Number(created) });
  type Goal = OverviewGoal & { created: number; positions: number[] };
  const goalsOf = new Map<string, Goal[]>();
  for (const f of records(row?.kpis ?? null)) {
    const [accountId, goalId, position, status] = f as [string, string, string, string];
    let list = goalsOf.get(accountId);
    if (!list) goalsOf.set(accountId, (list = []));
    let goal = list.find((g) => g.goalId === goalId);
    if (!goal) {
      const info = goalInfo.get(goalId)!;
      goal = { goalId, goalUnitId: info.unitId, counts: { met: 0, on_track: 0, at_risk: 0, missed: 0, not_measured: 0 }, details: [], created: info.created, positions: [] };
      list.push(goal);
    }
    if (counted.has(status)) goal.counts[status as KpiStatus] += 1;
    if (named(status)) {
      const at = Number(position);
      const i = goal.positions.findIndex((p) => p > at);
      const kpi: OverviewKpi = { kpiId: f[4]!, kind: f[5]!, metric: f[6] ? (JSON.parse(f[6]) as string) : null, ageGroups: f[7] ? f[7].split(GS) : [], status: (status || null) as KpiStatus | null };
      goal.details.splice(i < 0 ? goal.details.length : i, 0, kpi);
      goal.positions.splice(i < 0 ? goal.positions.length : i, 0, at);
    }
  }

  const accounts = records(row?.accounts ?? null).map((f): OverviewRow => {
    const raw = f[9] ? parseShared<Record<string, number> | string>(f[9]) : null;
    const dist = typeof raw === 'string' ? (JSON.parse(raw) as Record<string, number>) : raw;
    const goals = goalsOf.get(f[0]!) ?? [];
    if (goals.length > 1) goals.sort((x, y) => x.created - y.created || (x.goalId < y.goalId ? -1 : x.goalId > y.goalId ? 1 : 0));
    return {
      id: f[0]!,
      unitId: f[1]!,
      name: JSON.parse(f[2]!) as string,
      slug: f[3]!,
      platform: f[4]!,
      status: f[5]!,
      createdDay: f[6]!,
      targetAgeGroups: f[7] ? f[7].split(GS) : [],
      snapshot: f[8] && dist ? { day: f[8], ageDistribution: dist, importId: orNull(f[10]), source: f[11] || 'manual' } : null,
      runs: f[12] ? parseShared<DayRange[]>(f[12]) : null,
      overdueEvaluations: f[13] ? f[13].split(GS) : [],
      goals: goals.map(({ goalId, goalUnitId, counts, details }) => ({ goalId, goalUnitId, counts, details })),
    };
  });

  const units = records(row?.units ?? null).map(
    (f): OverviewUnitRow => ({ id: f[0]!, slug: f[1]!, name: JSON.parse(f[2]!) as string, parentId: orNull(f[3]), path: f[4]!, archived: f[5] === '1' }),
  );
  const windowOverrides = new Map<Platform, { days: number }>();
  for (const [platform, days] of records(row?.windows ?? null)) {
    if ((platforms as readonly (string | undefined)[]).includes(platform)) windowOverrides.set(platform as Platform, { days: Number(days) });
  }
  return { units, windowOverrides, accounts, snapshot: row?.snapshot ?? '' };
}
