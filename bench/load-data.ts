/**
 * The organisation the load test (bench/load.ts) runs against, loaded into PostgreSQL: the shape
 * of bench/overview.ts (8 faculties × 4 departments, accounts spread over the departments, the
 * daily values of bench/generate.ts COPYed into `observations` with the monthly rollups built,
 * three posts a week in the last year with per-post readings, a monthly audience snapshot, a year
 * of monthly evaluations, one active goal per account with three KPIs), dated up to today (the
 * server reads the real clock), plus people who sign in: the administrator, a manager for each
 * faculty and a viewer for each department. Set up through the services, the bulk values by COPY.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { sql } from 'drizzle-orm';
import { addDays } from '../src/core/period/days.ts';
import { ageGroups } from '../src/core/platforms.ts';
import { getMetric } from '../src/core/metrics/catalogue.ts';
import { kpiMetric } from '../src/core/metrics/derived.ts';
import type { KpiInput } from '../src/contract/goals.ts';
import type { Db } from '../src/db/client.ts';
import type { Context } from '../src/services/context.ts';
import { createOrganisation } from '../src/services/auth/setup-organisation.ts';
import { hashPassword } from '../src/services/passwords.ts';
import { loadSystemActor } from '../src/services/load-actor.ts';
import { createUnit } from '../src/services/units/create-unit.ts';
import { createAccount } from '../src/services/accounts/create-account.ts';
import { createPerson } from '../src/services/people/create-person.ts';
import { grantRole } from '../src/services/people/role-grants.ts';
import { createStrategicGoal } from '../src/services/goals/strategic-goals.ts';
import { createGoal } from '../src/services/goals/create-goal.ts';
import { setGoalStatus } from '../src/services/goals/set-goal-status.ts';
import { rebuildRollups } from '../src/services/statistics/refresh-rollups.ts';
import { accountValues, benchAccounts, postRows } from './generate.ts';

export const LOAD_PASSWORD = 'load-test-password-1';
export const ADMIN_EMAIL = 'admin@load.example';

export interface LoadUser {
  email: string;
  /** 'organisation' for the administrator, else the unit (id) the person may read. */
  scope: 'organisation' | string;
}

export interface LoadedOrganisation {
  organisationId: string;
  /** Faculty ids, each with its departments' ids. */
  faculties: { id: string; departments: string[] }[];
  /** Every account: id, its department, its goal. */
  accounts: { id: string; department: string; goal: string }[];
  users: LoadUser[];
  dailyValues: number;
  postValues: number;
}

const log = (...xs: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...xs);

/** A KPI on a metric (as bench/overview.ts): a sum over the period, a level at the deadline, or a monthly mean. */
function kpiFor(metric: string, i: number): KpiInput {
  const def = getMetric(metric);
  const measurements = kpiMetric(metric)?.measurements ?? [];
  const measurement = def?.aggregation === 'sum' && measurements.includes('over_period') ? 'over_period' : measurements.includes('at_deadline') ? 'at_deadline' : 'per_month';
  const scale = measurement === 'over_period' ? 200 : 1;
  return { kind: 'metric', metric, measurement, target: Math.round((500 + (i % 7) * 900) * scale) };
}

/** COPY rows (CSV text) into a table through one pg client. */
export async function copyRows(client: pg.Client, table: string, csv: string): Promise<void> {
  if (csv === '') return;
  await pipeline(Readable.from([Buffer.from(csv)]), client.query(copyFrom(`copy ${table} from stdin with (format csv)`)));
}

export async function loadOrganisation(db: Db, copyClient: pg.Client, options: { accounts: number; days: number; today: string; now: Date }): Promise<LoadedOrganisation> {
  const { today, now } = options;
  const firstDay = addDays(today, -options.days);
  const passwordHash = await hashPassword(LOAD_PASSWORD);
  const org = await createOrganisation(
    { db, now },
    { organisationName: 'Load Test University', adminName: 'Load Admin', email: ADMIN_EMAIL, password: LOAD_PASSWORD, locale: 'en' },
    passwordHash,
  );
  const orgId = org.organisationId;
  let ctx: Context = { db, now, actor: await loadSystemActor(db) };
  const faculties: { id: string; departments: string[] }[] = [];
  for (let f = 1; f <= 8; f++) {
    const unit = await createUnit(ctx, { name: `Faculty ${f}`, kind: 'faculty', parent: org.topUnitId, slug: `faculty-${f}` });
    const departments: string[] = [];
    for (let d = 1; d <= 4; d++) {
      departments.push((await createUnit(ctx, { name: `Department ${f}.${d}`, kind: 'department', parent: unit.id, slug: `department-${f}-${d}` })).id);
    }
    faculties.push({ id: unit.id, departments });
  }
  ctx = { db, now, actor: await loadSystemActor(db) };
  const allDepartments = faculties.flatMap((f) => f.departments);

  const users: LoadUser[] = [{ email: ADMIN_EMAIL, scope: 'organisation' }];
  for (const [f, faculty] of faculties.entries()) {
    const email = `manager-${f + 1}@load.example`;
    await createPerson(ctx, { name: `Manager ${f + 1}`, email, locale: 'en' }, { passwordHash });
    await grantRole(ctx, { person: email, role: 'manager', unit: faculty.id });
    users.push({ email, scope: faculty.id });
    for (const [d, department] of faculty.departments.entries()) {
      const viewer = `viewer-${f + 1}-${d + 1}@load.example`;
      await createPerson(ctx, { name: `Viewer ${f + 1}.${d + 1}`, email: viewer, locale: 'en' }, { passwordHash });
      await grantRole(ctx, { person: viewer, role: 'viewer', unit: department });
      users.push({ email: viewer, scope: department });
    }
  }

  log(`set-up: ${options.accounts} accounts, ${users.length} people`);
  const bench = benchAccounts(options.accounts);
  const created = { db, now: new Date(`${firstDay}T08:00:00Z`), actor: ctx.actor };
  const ids: string[] = [];
  for (const a of bench) {
    const targetAgeGroups = a.index % 2 === 0 ? ['18-24' as const, '25-34' as const] : [];
    ids.push((await createAccount(created, { unit: allDepartments[a.index % allDepartments.length]!, platform: a.platform, name: a.name, slug: a.slug, targetAgeGroups })).id);
  }

  log(`COPY ${options.accounts} accounts × ${options.days} days × 20 metrics, posts, audience, evaluations`);
  let dailyValues = 0;
  let postValues = 0;
  const postFrom = addDays(today, -365);
  for (const a of bench) {
    const id = ids[a.index]!;
    // Documentation gaps for the watchdog, as in bench/overview.ts: every tenth account 30 days 400 days ago, every tenth but five 9 days inside a year.
    const gap = a.index % 10 === 0 ? [addDays(today, -400), addDays(today, -371)] : a.index % 10 === 5 ? [addDays(today, -360), addDays(today, -352)] : null;
    const vs = accountValues(a, firstDay, options.days).filter((v) => gap === null || v.day < gap[0]! || v.day > gap[1]!);
    dailyValues += vs.length;
    await copyRows(copyClient, 'observations (organisation_id, account_id, metric, day, value, source)', vs.map((v) => `${orgId},${id},${v.metric},${v.day},${v.value},import\n`).join(''));
    const made = postRows(a, orgId, id, postFrom, today);
    postValues += made.count;
    await copyRows(copyClient, 'posts (id, organisation_id, account_id, platform_post_id, published_on, post_type)', made.posts);
    await copyRows(copyClient, 'observations (organisation_id, account_id, metric, day, post_id, value, source)', made.readings);
    const snapshots: string[] = [];
    for (let m = 0; m < 12; m++) {
      const day = addDays(today, -30 * (m + 1));
      const top = (a.index + (m === 0 ? 0 : 1)) % ageGroups.length;
      const shares = ageGroups.map((_, g) => (g === top ? 40 : 0) + 1 + ((a.index * 13 + g * 29 + m) % 10));
      const total = shares.reduce((x, y) => x + y, 0);
      const distribution = Object.fromEntries(ageGroups.map((g, i) => [g, Math.round((shares[i]! / total) * 1000) / 10]));
      snapshots.push(`${crypto.randomUUID()},${orgId},${id},${day},"${JSON.stringify(distribution).replaceAll('"', '""')}",import\n`);
    }
    await copyRows(copyClient, 'audience_snapshots (id, organisation_id, account_id, day, age_distribution, source)', snapshots.join(''));
  }
  // The last twelve months' evaluations: signed, but the last month a draft (due on the 15th) and every third account's month before a draft past its due day.
  const evaluations: string[] = [];
  const thisMonth = `${today.slice(0, 7)}-01`;
  ids.forEach((id, i) => {
    for (let m = 12; m >= 1; m--) {
      const d = new Date(`${thisMonth}T00:00:00Z`);
      d.setUTCMonth(d.getUTCMonth() - m);
      const month = d.toISOString().slice(0, 10);
      const draft = m === 1 || (m === 2 && i % 3 === 0);
      evaluations.push(`${crypto.randomUUID()},${orgId},${id},${month},${draft ? 'draft' : 'signed'},${draft ? '' : `${month.slice(0, 8)}20T10:00:00Z`}\n`);
    }
  });
  await copyRows(copyClient, 'evaluations (id, organisation_id, account_id, month, status, signed_at)', evaluations.join(''));
  await db.execute(sql`analyze`);
  log(`${dailyValues} daily and ${postValues} per-post values; building rollups`);
  await rebuildRollups(db, orgId);

  log('goals: one active goal per account, three KPIs on its first three metrics');
  const start = new Date(`${thisMonth}T00:00:00Z`);
  start.setUTCMonth(start.getUTCMonth() - 3);
  const deadline = new Date(`${thisMonth}T00:00:00Z`);
  deadline.setUTCMonth(deadline.getUTCMonth() + 7);
  deadline.setUTCDate(0);
  const sg = (await createStrategicGoal(ctx, { title: 'Load test strategy' })).id;
  const accounts: LoadedOrganisation['accounts'] = [];
  for (const a of bench) {
    const goal = await createGoal(ctx, {
      accounts: [ids[a.index]!],
      goalType: 'custom',
      qualitativeGoal: `Goal of ${a.name}`,
      strategicGoal: sg,
      startDate: start.toISOString().slice(0, 10),
      deadline: deadline.toISOString().slice(0, 10),
      kpis: a.metrics.slice(0, 3).map((m, i) => kpiFor(m, a.index + i)),
    });
    await setGoalStatus(ctx, goal.id, { status: 'active' });
    accounts.push({ id: ids[a.index]!, department: allDepartments[a.index % allDepartments.length]!, goal: goal.id });
  }
  await db.execute(sql`analyze`);
  return { organisationId: orgId, faculties, accounts, users, dailyValues, postValues };
}
