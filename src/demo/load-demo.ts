/**
 * Loads the demo organisation (demo-organisation.ts) through the same services the API uses,
 * acting as the operator, in one transaction: either all of it is there or none of it. The
 * shared demo password is hashed once. Loading twice is harmless: a database that already holds
 * the demo is left as it is; one that holds another organisation is refused, so demo data never
 * mixes with real data.
 *
 * To extend the demo for a new feature: add the data to demo-organisation.ts and a step to
 * `steps` below; a step finds the ids of what earlier steps made in `ids`.
 */
import { count, eq } from 'drizzle-orm';
import { AppError } from '../core/errors.ts';
import type { Role } from '../core/roles.ts';
import type { Db } from '../db/client.ts';
import { accounts, goals, kpis, observations, organisations, people, strategicGoals, units } from '../db/schema/index.ts';
import { createAccount } from '../services/accounts/create-account.ts';
import { createOrganisation } from '../services/auth/setup-organisation.ts';
import type { Context } from '../services/context.ts';
import { loadPersonActor, loadSystemActor } from '../services/load-actor.ts';
import { hashPassword } from '../services/passwords.ts';
import { createPerson } from '../services/people/create-person.ts';
import { grantRole } from '../services/people/role-grants.ts';
import { createUnit } from '../services/units/create-unit.ts';
import { recordObservations } from '../services/statistics/record-observations.ts';
import { importFiles } from '../services/imports/import-files.ts';
import { namedPeople } from '../services/units/named-people.ts';
import { createStrategicGoal } from '../services/goals/strategic-goals.ts';
import { createGoal } from '../services/goals/create-goal.ts';
import { setGoalStatus } from '../services/goals/set-goal-status.ts';
import { indexStatistics, type Dataset } from '../core/kpi/dataset.ts';
import type { Kpi } from '../core/kpi/types.ts';
import { addDays, addMonths, daysBetween, daysInclusive, monthEnd, monthStart } from '../core/period/days.ts';
import type { Platform } from '../core/platforms.ts';
import type { KpiInput } from '../contract/goals.ts';
import { DEMO_PASSWORD, demoOrganisation, profileUrl, type DemoOrganisation, type DemoUnit } from './demo-organisation.ts';
import { demoToday, generateStatistics } from './demo-statistics.ts';
import { demoExports } from './demo-exports.ts';
import type { DemoGoal } from './demo-goals.ts';
import { targetFor } from './demo-targets.ts';
import { generateCompetitorFigures } from './demo-competitors.ts';
import { createCompetitor } from '../services/competitors/create-competitor.ts';
import { recordFigures } from '../services/competitors/record-figures.ts';
import { vacuumRollups } from '../services/statistics/vacuum-rollups.ts';
import { loadEvaluations } from './demo-evaluations.ts';
import { loadAnnualReports } from './demo-annual-reports.ts';

/** What the loader made, by the keys the demo data uses. */
export interface DemoIds {
  organisationId: string;
  /** unit slug → id (the top unit under the organisation's slug) */
  units: Map<string, string>;
  /** e-mail → person id */
  people: Map<string, string>;
  /** account slug → id */
  accounts: Map<string, string>;
  /** demo goal key → goal id */
  goals: Map<string, string>;
  /** competitor slug → id */
  competitors: Map<string, string>;
}

export type DemoStep = (ctx: Context, data: DemoOrganisation, ids: DemoIds, passwordHash: string) => Promise<void>;

export interface DemoSignIn {
  role: Role;
  name: string;
  email: string;
  title: string;
  /** Where the role holds: the organisation (admin) or the names of the units it is granted on. */
  where: string;
}

export interface DemoSummary {
  status: 'loaded' | 'already_loaded';
  organisation: { id: string; name: string; slug: string };
  counts: { units: number; people: number; accounts: number; strategicGoals: number; goals: number; kpis: number; observations: number };
  /** The password of every demo person. */
  password: string;
  signIn: DemoSignIn[];
}

async function loadUnits(ctx: Context, data: DemoOrganisation, ids: DemoIds): Promise<void> {
  const visit = async (list: DemoUnit[], parentId: string) => {
    for (const unit of list) {
      const created = await createUnit(ctx, { name: unit.name, kind: unit.kind, slug: unit.slug, parent: parentId });
      ids.units.set(unit.slug, created.id);
      await visit(unit.children ?? [], created.id);
    }
  };
  await visit(data.units, ids.units.get(data.slug)!);
}

async function loadPeople(ctx: Context, data: DemoOrganisation, ids: DemoIds, passwordHash: string): Promise<void> {
  for (const person of data.people) {
    // The first administrator was made with the organisation.
    let id = ids.people.get(person.email);
    if (id === undefined) {
      id = (await createPerson(ctx, { name: person.name, email: person.email, locale: person.locale ?? data.locale }, { passwordHash })).id;
      ids.people.set(person.email, id);
      if (person.admin) await grantRole(ctx, { person: id, role: 'admin' });
    }
    for (const grant of person.grants) await grantRole(ctx, { person: id, role: grant.role, unit: ids.units.get(grant.unit) ?? grant.unit });
  }
}

async function loadAccounts(ctx: Context, data: DemoOrganisation, ids: DemoIds): Promise<void> {
  for (const account of data.accounts) {
    const created = await createAccount(ctx, { ...account, unit: ids.units.get(account.unit) ?? account.unit });
    ids.accounts.set(account.slug, created.id);
  }
}

/**
 * Invented statistics for every account with a profile, ending the day before the demo's today,
 * documented as a reporter would: written as export files (demo-exports.ts) and imported with
 * importFiles by the account's named reporter, so the import history shows people and files.
 * Audience snapshots without an export layout are recorded by the same reporter.
 */
async function loadStatistics(ctx: Context, data: DemoOrganisation, ids: DemoIds): Promise<void> {
  const today = demoToday(ctx.now);
  const reporters = new Map<string, Context>(); // unit slug → the reporter's context
  const reporterOf = async (unitSlug: string): Promise<Context> => {
    let reporter = reporters.get(unitSlug);
    if (!reporter) {
      const named = await namedPeople(ctx.db, ids.organisationId, ids.units.get(unitSlug)!);
      const person = named.reporters[0];
      if (!person) throw new Error(`demo data: the unit ${unitSlug} has no reporter to document its statistics`);
      const actor = await loadPersonActor(ctx.db, person.id);
      if (!actor) throw new Error(`demo data: ${person.email} cannot act`);
      reporter = { db: ctx.db, now: ctx.now, actor };
      reporters.set(unitSlug, reporter);
    }
    return reporter;
  };
  for (const account of data.accounts) {
    const profile = data.statistics[account.slug];
    if (!profile) continue;
    const stats = generateStatistics(account.slug, account.platform, profile, today);
    const exports = demoExports(account.slug, account.platform, stats, today);
    const reporter = await reporterOf(account.unit);
    const accountId = ids.accounts.get(account.slug)!;
    for (const batch of exports.imports) {
      const report = await importFiles(reporter, accountId, batch.files, { lastDay: batch.lastDay });
      const refused = report.files.filter((f) => f.status !== 'imported');
      if (refused.length > 0) {
        throw new Error(`demo data: ${account.slug}: ${refused.map((f) => `${f.file} ${f.status}${f.error ? `: ${f.error}` : ''}`).join('; ')}`);
      }
    }
    if (exports.audience.length > 0) await recordObservations(reporter, accountId, { audience: exports.audience }, 'demo');
  }
}

/** The first and last day of a demo goal, from its months relative to today's month. */
export function demoGoalPeriod(goal: Pick<DemoGoal, 'start' | 'end'>, today: string): { start: string; deadline: string } {
  return { start: monthStart(addMonths(monthStart(today), goal.start)), deadline: monthEnd(addMonths(monthStart(today), goal.end)) };
}

/**
 * The demo goal's KPIs as the goal services take them, with targets set from the invented
 * statistics of the goal's first account (demo-targets.ts) unless the data fixes them.
 */
export function demoKpiInputs(goal: DemoGoal, data: DemoOrganisation, today: string, datasets: Map<string, Dataset> = new Map()): KpiInput[] {
  const slug = goal.accounts[0]!;
  const account = data.accounts.find((a) => a.slug === slug);
  if (!account) throw new Error(`demo data: goal ${goal.key} names an unknown account ${slug}`);
  let ds = datasets.get(slug);
  if (!ds) {
    const profile = data.statistics[slug];
    const stats = profile ? generateStatistics(slug, account.platform, profile, today) : { observations: [], posts: [], audience: [] };
    ds = indexStatistics({
      observations: stats.observations,
      posts: stats.posts.map((p) => ({ id: p.platformPostId, date: p.date, metrics: {} })),
      audience: stats.audience.map((a) => ({ date: a.date, distribution: a.ageDistribution })),
    });
    datasets.set(slug, ds);
  }
  const { start, deadline } = demoGoalPeriod(goal, today);
  return goal.kpis.map((k) => {
    const kind = k.kind ?? 'metric';
    const comparator = k.comparator ?? 'at_least';
    let target = k.target ?? null;
    if (target === null && k.outcome) {
      // A goal that has not started, or started less than two weeks ago, gets targets from a
      // period of its length that ended yesterday (there is too little of its own period yet).
      const future = daysBetween(start, today) < 14;
      const period = future ? { start: addDays(today, -daysInclusive(start, deadline)), deadline: addDays(today, -1) } : { start, deadline };
      const core: Kpi =
        kind === 'audience_share'
          ? { kind, ageGroups: k.ageGroups ?? [], measurement: k.measurement, comparator, target: 0, ...period }
          : { kind, metric: k.metric!, platform: account.platform as Platform, measurement: k.measurement, comparator, target: 0, ...period };
      const outcome = future ? (k.outcome === 'ahead' || k.outcome === 'met' ? 'met' : 'missed') : k.outcome;
      target = targetFor(core, ds, today, outcome);
    }
    if (target === null) throw new Error(`demo data: goal ${goal.key}, KPI ${k.metric ?? k.kind}: no statistics to set a target from; give one`);
    return {
      kind,
      ...(kind === 'metric' ? { metric: k.metric } : { ageGroups: k.ageGroups }),
      measurement: k.measurement,
      comparator,
      target,
      targetBasis: k.basis,
      targetBasisNote: k.note,
    };
  });
}

/**
 * Strategic goals (organisation-wide, then the units' breakdowns) and the goals of the accounts,
 * through the goal services. Active goals are activated; goals whose deadline has passed were
 * created and activated on their start day (a context back-dated to it) and then marked achieved
 * or missed.
 */
async function loadGoals(before: Context, data: DemoOrganisation, ids: DemoIds): Promise<void> {
  // The operator's view of the unit tree was taken before the units existed.
  const ctx: Context = { ...before, actor: await loadSystemActor(before.db, data.slug) };
  const today = demoToday(ctx.now);
  const strategic = new Map<string, string>();
  for (const sg of [...data.strategicGoals.filter((g) => !g.unit), ...data.strategicGoals.filter((g) => g.unit)]) {
    const created = await createStrategicGoal(ctx, {
      title: sg.title,
      description: sg.description,
      unit: sg.unit ? ids.units.get(sg.unit) : null,
      parent: sg.parent ? strategic.get(sg.parent) : null,
      periodStart: sg.periodStart,
      periodEnd: sg.periodEnd,
    });
    strategic.set(sg.key, created.id);
  }
  const datasets = new Map<string, Dataset>();
  for (const goal of data.goals) {
    const { start, deadline } = demoGoalPeriod(goal, today);
    const past = goal.status === 'achieved' || goal.status === 'missed';
    const then: Context = past ? { ...ctx, now: new Date(`${start}T09:00:00Z`) } : ctx;
    const created = await createGoal(then, {
      accounts: goal.accounts.map((slug) => ids.accounts.get(slug) ?? slug),
      strategicGoal: strategic.get(goal.strategicGoal),
      goalType: goal.goalType,
      qualitativeGoal: goal.qualitativeGoal,
      concreteGoal: goal.concreteGoal,
      startDate: start,
      deadline,
      owner: ids.people.get(goal.owner) ?? goal.owner,
      kpis: demoKpiInputs(goal, data, today, datasets),
    });
    ids.goals.set(goal.key, created.id);
    if (goal.status === 'draft') continue;
    await setGoalStatus(then, created.id, { status: 'active' });
    if (past) await setGoalStatus(ctx, created.id, { status: goal.status });
  }
}

/**
 * Competitor and peer accounts (demo-competitors.ts), registered by an editor of the unit that
 * keeps them, their monthly public figures entered by the unit's reporter, one batch per entry.
 */
async function loadCompetitors(ctx: Context, data: DemoOrganisation, ids: DemoIds): Promise<void> {
  const today = demoToday(ctx.now);
  const people = new Map<string, Context>();
  const as = async (role: 'editor' | 'reporter', unit: string): Promise<Context> => {
    const person = data.people.find((p) => p.grants.some((g) => g.role === role && g.unit === unit));
    if (!person) throw new Error(`demo data: the unit ${unit} has no ${role} to keep its competitors`);
    let who = people.get(person.email);
    if (!who) {
      const actor = await loadPersonActor(ctx.db, ids.people.get(person.email)!);
      if (!actor) throw new Error(`demo data: ${person.email} cannot act`);
      who = { db: ctx.db, now: ctx.now, actor };
      people.set(person.email, who);
    }
    return who;
  };
  for (const c of data.competitors) {
    const created = await createCompetitor(await as('editor', c.unit), {
      unit: ids.units.get(c.unit) ?? c.unit,
      name: c.name,
      platform: c.platform,
      kind: c.kind,
      slug: c.slug,
      handle: c.handle,
      url: profileUrl(c.platform, c.handle),
      note: c.note,
    });
    ids.competitors.set(c.slug, created.id);
    const figures = generateCompetitorFigures(c, today);
    if (figures.length > 0) await recordFigures(await as('reporter', c.unit), created.id, { figures });
  }
}

/** A year of monthly evaluations of the active accounts, signed by the units' evaluators (demo-evaluations.ts). */
const loadDemoEvaluations: DemoStep = (ctx, _data, ids) => loadEvaluations(ctx, ids.organisationId);

/** Last year's annual reports, signed or in progress by the units' evaluators (demo-annual-reports.ts). */
const loadDemoAnnualReports: DemoStep = (ctx, _data, ids) => loadAnnualReports(ctx, ids.organisationId);

/** The steps after the organisation itself is made, in order. New features add theirs at the end. */
export const steps: DemoStep[] = [loadUnits, loadPeople, loadAccounts, loadStatistics, loadGoals, loadCompetitors, loadDemoEvaluations, loadDemoAnnualReports];

let sharedHash: Promise<string> | null = null;

/** The demo password's hash, computed once per process. */
export function demoPasswordHash(): Promise<string> {
  sharedHash ??= hashPassword(DEMO_PASSWORD);
  return sharedHash;
}

export function demoSignIn(data: DemoOrganisation = demoOrganisation): DemoSignIn[] {
  const unitNames = new Map<string, string>([[data.slug, data.name]]);
  const walk = (list: DemoUnit[]) => list.forEach((u) => (unitNames.set(u.slug, u.name), walk(u.children ?? [])));
  walk(data.units);
  return (Object.entries(data.signInAs) as [Role, string][]).map(([role, email]) => {
    const person = data.people.find((p) => p.email === email);
    if (!person) throw new Error(`demo data: signInAs.${role} names ${email}, who is not among the demo people`);
    const where =
      role === 'admin' ? data.name : person.grants.filter((g) => g.role === role).map((g) => unitNames.get(g.unit) ?? g.unit).join(', ');
    return { role, name: person.name, email, title: person.title, where };
  });
}

async function countsOf(db: Db, organisationId: string): Promise<DemoSummary['counts']> {
  const n = async (
    table: typeof units | typeof people | typeof accounts | typeof strategicGoals | typeof goals | typeof kpis | typeof observations,
  ) => (await db.select({ n: count() }).from(table).where(eq(table.organisationId, organisationId)))[0]?.n ?? 0;
  return {
    units: await n(units),
    people: await n(people),
    accounts: await n(accounts),
    strategicGoals: await n(strategicGoals),
    goals: await n(goals),
    kpis: await n(kpis),
    observations: await n(observations),
  };
}

export interface LoadDemoOptions {
  now?: Date;
  data?: DemoOrganisation;
}

/** Loads the demo organisation into `db`, unless it is already there. */
export async function loadDemo(db: Db, options: LoadDemoOptions = {}): Promise<DemoSummary> {
  const data = options.data ?? demoOrganisation;
  const now = options.now ?? new Date();
  const summary = (status: DemoSummary['status'], id: string, counts: DemoSummary['counts']): DemoSummary => ({
    status,
    organisation: { id, name: data.name, slug: data.slug },
    counts,
    password: DEMO_PASSWORD,
    signIn: demoSignIn(data),
  });

  const existing = await db.select({ id: organisations.id, slug: organisations.slug, name: organisations.name }).from(organisations);
  const demo = existing.find((o) => o.slug === data.slug);
  if (demo) return summary('already_loaded', demo.id, await countsOf(db, demo.id));
  if (existing.length > 0) {
    throw new AppError(
      'conflict',
      `This database already holds ${existing.map((o) => `"${o.name}"`).join(', ')}; the demo is loaded only into a database of its own ` +
        '(without DATABASE_URL and MAALBAR_DATA_DIR, `maalbar demo` uses ./data-demo).',
    );
  }

  const admin = data.people[0];
  const passwordHash = await demoPasswordHash();
  const organisationId = await db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const org = await createOrganisation(
      { db: txDb, now },
      { organisationName: data.name, adminName: admin.name, email: admin.email, password: DEMO_PASSWORD, locale: data.locale },
      passwordHash,
    );
    const ctx: Context = { db: txDb, now, actor: await loadSystemActor(txDb, data.slug) };
    const ids: DemoIds = {
      organisationId: org.organisationId,
      units: new Map([[data.slug, org.topUnitId]]),
      people: new Map([[admin.email, org.personId]]),
      accounts: new Map(),
      goals: new Map(),
      competitors: new Map(),
    };
    for (const step of steps) await step(ctx, data, ids, passwordHash);
    return org.organisationId;
  });
  // The rollups were all written just now: vacuumed, the dashboards read them by index only at
  // once (PGlite has no autovacuum; on PostgreSQL it saves autovacuum the wait).
  await vacuumRollups(db);
  return summary('loaded', organisationId, await countsOf(db, organisationId));
}
