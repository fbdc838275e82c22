/**
 * A year of monthly evaluations for the demo (issue #6): for every active account, the twelve
 * months that ended before the load day (from the month it came into use, as prepareEvaluations
 * decides), written and signed by the unit's named evaluator, with the hours and money spent.
 * The last ended month is not finished everywhere: a couple of drafts remain (due up to the 15th,
 * overdue after it), one untouched, one with the assessment written, and before the 15th one with
 * a decision chosen but not yet signed. One older evaluation was reopened by a unit manager and
 * signed again. Decisions follow the figures: mostly keep, adjust the content in weak months,
 * one escalation in the demo's worst month.
 *
 * The plan (which evaluations, how far each got, when each event happened, hours and money) is
 * pure and deterministic for a load time; the figures are computed as of each signing
 * (evaluation-figures-batch.ts) and frozen in the signed rows, and the text is written from them
 * (demo-evaluation-text.ts). Rows and events are inserted as the evaluation services write them,
 * in the demo's transaction.
 */
import { and, eq, inArray, min } from 'drizzle-orm';
import { Access } from '../core/access.ts';
import type { EvaluationDecision, EvaluationFigures } from '../contract/evaluations.ts';
import { monthOfDay, shiftMonth, type Month } from '../core/evaluations/months.ts';
import { needsDraft } from '../core/evaluations/rules.ts';
import { formatDay } from '../core/period/days.ts';
import type { Db } from '../db/client.ts';
import { accounts, evaluationEvents, evaluations, metricMonths, units } from '../db/schema/index.ts';
import type { Context } from '../services/context.ts';
import { dayOfNow } from '../services/coverage/account-ref.ts';
import { evaluationFiguresBatch } from '../services/evaluations/evaluation-figures-batch.ts';
import { loadNamedPeople } from '../services/named-people.ts';
import { monthMood, monthName, seeded, writeEvaluation } from './demo-evaluation-text.ts';

export interface PlanAccount {
  slug: string;
  /** The first month it was in use (registered, or its first documented statistics). */
  firstMonth: Month;
  plannedHoursPerMonth: number | null;
  budgetNokPerYear: number | null;
}

/** How far an evaluation got by the load time. */
export type Stage = 'untouched' | 'assessed' | 'decided' | 'signed';

export interface PlannedEvaluation {
  slug: string;
  month: Month;
  stage: Stage;
  /** Prepared by the server's hourly schedule (no person). */
  prepared: Date;
  /** The evaluator's saves, in order (none for an untouched draft). */
  edits: Date[];
  /** Signed by the evaluator (null: a draft). */
  signed: Date | null;
  /** Reopened by a unit manager with a reason, edited and signed again. */
  reopened: { at: Date; reason: string; edit: Date; signed: Date } | null;
  hoursSpent: number | null;
  moneySpentNok: number | null;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (day: string, minutes: number) => new Date(Date.parse(`${day}T00:00:00Z`) + minutes * MINUTE);

/**
 * Times (ascending) moved into working hours (07–16 UTC) of their day where that keeps them
 * after `from`, before `to` and in order; as they are otherwise (a demo loaded early on the 1st).
 */
export function inWorkingHours(times: readonly number[], from: number, to: number): number[] {
  const moved = times.map((t) => {
    const d = new Date(t);
    const h = d.getUTCHours();
    if (h >= 7 && h < 16) return t;
    const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    return day + (h < 7 ? 7 * 60 + 10 + d.getUTCMinutes() : 13 * 60 + d.getUTCMinutes() * 2) * MINUTE + (t % MINUTE);
  });
  const ok = moved.every((t, i) => t >= from && t <= to && (i === 0 || t > moved[i - 1]! + MINUTE));
  return ok ? moved : [...times];
}

/** Drafts left in the last ended month: a couple after its due day, one more before (the evaluators are still at it). */
export function draftsLeft(today: string): Stage[] {
  return Number(today.slice(8, 10)) > 15 ? ['untouched', 'assessed'] : ['untouched', 'assessed', 'decided'];
}

function resources(a: PlanAccount, rnd: () => number): { hoursSpent: number | null; moneySpentNok: number | null } {
  const planned = a.plannedHoursPerMonth;
  let hours: number | null = planned === null ? null : planned === 0 ? (rnd() < 0.6 ? 0 : 1 + Math.round(rnd() * 3)) : Math.round(planned * (0.65 + 0.6 * rnd()) * 2) / 2;
  const budget = a.budgetNokPerYear;
  let money: number | null = budget === null ? null : budget === 0 || rnd() < 0.3 ? 0 : Math.round(((budget / 12) * (0.4 + 1.6 * rnd())) / 100) * 100;
  // A few months where the evaluator did not write them down: "not documented", never 0.
  if (rnd() < 0.07) hours = null;
  if (rnd() < 0.07) money = null;
  return { hoursSpent: hours, moneySpentNok: money };
}

/** The demo's evaluations as of `now` (deterministic): each account's months, oldest first. */
export function planDemoEvaluations(list: readonly PlanAccount[], now: Date): PlannedEvaluation[] {
  const today = dayOfNow(now);
  const thisMonth = monthOfDay(today);
  const last = shiftMonth(thisMonth, -1);
  const inUse = (a: PlanAccount, month: Month) => needsDraft({ status: 'active', registeredOn: `${a.firstMonth}-01` }, month);
  // The accounts whose last-month evaluation is still a draft, by a hash of slug and month.
  const order = list.filter((a) => inUse(a, last)).map((a) => ({ slug: a.slug, r: seeded(`${a.slug}|${last}|draft`)() }));
  order.sort((x, y) => x.r - y.r);
  const stages = draftsLeft(today);
  const draftStage = new Map(order.slice(0, stages.length).map((x, i) => [x.slug, stages[i]!]));
  // One reopened evaluation, three to eight months back.
  const reopenMonth = shiftMonth(thisMonth, -3 - Math.floor(seeded(`${today}|reopen`)() * 6));
  const reopenSlug = list.filter((a) => inUse(a, reopenMonth)).map((a) => a.slug).sort((x, y) => seeded(`${x}|reopen`)() - seeded(`${y}|reopen`)())[0];

  const out: PlannedEvaluation[] = [];
  const latest = now.getTime() - 2 * MINUTE;
  for (const a of list) {
    for (let back = 12; back >= 1; back--) {
      const month = shiftMonth(thisMonth, -back);
      if (!inUse(a, month)) continue;
      const rnd = seeded(`${a.slug}|${month}|plan`);
      const next = `${shiftMonth(month, 1)}-01`;
      // Last month's preparation ran in the night of the 1st; on a demo loaded minutes after midnight, just before now.
      const ideal = at(next, 5 + Math.floor(rnd() * 40)).getTime();
      const prepared = new Date(back === 1 ? Math.max(at(next, 0).getTime() + 30_000, Math.min(ideal, latest - 10 * MINUTE)) : ideal);
      const stage: Stage = back === 1 ? (draftStage.get(a.slug) ?? 'signed') : 'signed';
      const edits: Date[] = [];
      let signed: Date | null = null;
      if (back === 1) {
        // This month's work fits between the preparation and now.
        const span = Math.max(latest - prepared.getTime(), 4 * MINUTE);
        const times = [0.1 + 0.25 * rnd(), 0.4 + 0.25 * rnd(), 0.7 + 0.25 * rnd()].map((f) => prepared.getTime() + f * span);
        const worked = inWorkingHours(times, prepared.getTime(), latest);
        const when = (i: number) => new Date(worked[i]!);
        if (stage !== 'untouched') edits.push(when(0));
        if (stage === 'decided' || stage === 'signed') edits.push(when(1));
        if (stage === 'signed') signed = when(2);
      } else {
        const late = rnd() < 0.08;
        const signDay = late ? 16 + Math.floor(rnd() * 6) : 2 + Math.floor(rnd() * 13);
        const [y, m] = next.split('-').map(Number) as [number, number];
        const startDay = Math.max(1, signDay - Math.floor(rnd() * 4));
        const first = at(formatDay(y, m, startDay), (7 + Math.floor(rnd() * 7)) * 60 + Math.floor(rnd() * 60));
        edits.push(new Date(Math.max(first.getTime(), prepared.getTime() + HOUR)));
        const day = formatDay(y, m, signDay);
        const second = at(day, (8 + Math.floor(rnd() * 6)) * 60 + Math.floor(rnd() * 60));
        if (second.getTime() > edits[0]!.getTime()) edits.push(second);
        signed = new Date(edits.at(-1)!.getTime() + (5 + Math.floor(rnd() * 80)) * MINUTE);
      }
      let reopened: PlannedEvaluation['reopened'] = null;
      if (signed && a.slug === reopenSlug && month === reopenMonth) {
        const r = new Date(signed.getTime() + (3 + Math.floor(rnd() * 6)) * 24 * HOUR);
        reopened = {
          at: r,
          reason: `Statistikken for ${monthName(month)} ble importert på nytt med rettede tall; vurderingen må oppdateres.`,
          edit: new Date(r.getTime() + (40 + Math.floor(rnd() * 90)) * MINUTE),
          signed: new Date(r.getTime() + (3 * 60 + Math.floor(rnd() * 60)) * MINUTE),
        };
      }
      const spent = resources(a, rnd);
      out.push({ slug: a.slug, month, stage, prepared, edits, signed, reopened, ...(stage === 'untouched' ? { hoursSpent: null, moneySpentNok: null } : spent) });
    }
  }
  return out;
}

/** When the figures were computed: at the (last) signing, or now for a draft. */
export const figuresTime = (p: PlannedEvaluation, now: Date): Date => p.reopened?.signed ?? p.signed ?? now;

/**
 * The decisions: one escalation (the signed month with the most KPIs missed or at risk, before the
 * last month), adjusted content in most weak months and some mixed ones, keep otherwise.
 */
export function chooseDecisions(list: readonly { plan: PlannedEvaluation; figures: EvaluationFigures }[]): EvaluationDecision[] {
  const score = (f: EvaluationFigures) => f.counts.missed * 2 + f.counts.at_risk + (f.audience.status === 'misfit' ? 1 : 0);
  const last = list.reduce<Month>((m, x) => (x.plan.month > m ? x.plan.month : m), '');
  let worst = -1;
  list.forEach((x, i) => {
    if (x.plan.stage !== 'signed' || x.plan.month === last) return;
    const w = list[worst];
    const tie = (y: typeof x) => seeded(`${y.plan.slug}|${y.plan.month}|escalate`)();
    if (!w || score(x.figures) > score(w.figures) || (score(x.figures) === score(w.figures) && tie(x) < tie(w))) worst = i;
  });
  return list.map((x, i) => {
    if (i === worst) return 'escalate';
    const r = seeded(`${x.plan.slug}|${x.plan.month}|decision`)();
    const mood = monthMood(x.figures);
    const misfit = x.figures.audience.status === 'misfit';
    if (mood === 'bad' && r < 0.7) return 'adjust_content';
    if ((mood === 'mixed' || misfit) && r < 0.25) return 'adjust_content';
    return 'keep';
  });
}

/** The accounts (active ones unless told), the month each came into use (registered or first documented), and the people who write and reopen. */
export async function demoAccounts(db: Db, organisationId: string, statuses: readonly string[] = ['active']) {
  const rows = await db.select().from(accounts).where(and(eq(accounts.organisationId, organisationId), inArray(accounts.status, [...statuses])));
  const firsts = await db
    .select({ accountId: metricMonths.accountId, first: min(metricMonths.month) })
    .from(metricMonths)
    .where(eq(metricMonths.organisationId, organisationId))
    .groupBy(metricMonths.accountId);
  const firstOf = new Map(firsts.map((f) => [f.accountId, f.first]));
  const tree = new Access([], await db.select({ id: units.id, parentId: units.parentId }).from(units).where(eq(units.organisationId, organisationId)));
  const evaluators = await loadNamedPeople(db, organisationId, 'evaluator', tree);
  const managers = await loadNamedPeople(db, organisationId, 'manager', tree);
  return rows.map((row) => {
    const registered = monthOfDay(dayOfNow(row.createdAt));
    const documented = firstOf.get(row.id);
    const firstMonth = documented && documented.slice(0, 7) < registered ? documented.slice(0, 7) : registered;
    return { row, firstMonth, evaluator: evaluators(row.unitId)[0] ?? null, manager: managers(row.unitId)[0] ?? null };
  });
}

/** The loader's step: the evaluations of the demo's active accounts, inserted with their events. */
export async function loadEvaluations(ctx: Context, organisationId: string): Promise<void> {
  const list = (await demoAccounts(ctx.db, organisationId)).filter((a) => a.evaluator !== null);
  const bySlug = new Map(list.map((a) => [a.row.slug, a]));
  const plans = planDemoEvaluations(
    list.map((a) => ({ slug: a.row.slug, firstMonth: a.firstMonth, plannedHoursPerMonth: a.row.plannedHoursPerMonth, budgetNokPerYear: a.row.budgetNokPerYear })),
    ctx.now,
  );
  const written = plans.filter((p) => p.stage !== 'untouched');
  const figures = await evaluationFiguresBatch(
    ctx.db,
    organisationId,
    written.map((p) => {
      const { row } = bySlug.get(p.slug)!;
      return { account: { ...row, targetAgeGroups: [...row.targetAgeGroups] }, month: p.month, now: figuresTime(p, ctx.now) };
    }),
  );
  const decisions = chooseDecisions(written.map((plan, i) => ({ plan, figures: figures[i]! })));
  const text = new Map(
    written.map((p, i) => {
      const a = bySlug.get(p.slug)!;
      const decision = p.stage === 'assessed' ? null : decisions[i]!;
      return [p, { figures: figures[i]!, ...writeEvaluation(figures[i]!, `${p.slug}|${p.month}`, decision, p.hoursSpent, a.row.plannedHoursPerMonth) }];
    }),
  );

  const rows: (typeof evaluations.$inferInsert)[] = [];
  const events: (typeof evaluationEvents.$inferInsert)[] = [];
  for (const p of plans) {
    const a = bySlug.get(p.slug)!;
    const evaluator = a.evaluator!.id;
    const id = crypto.randomUUID();
    const t = text.get(p);
    const event = (when: Date, action: 'prepared' | 'edited' | 'signed' | 'reopened', personId: string | null, reason: string | null = null) =>
      events.push({ id: crypto.randomUUID(), organisationId, evaluationId: id, at: when, personId, action, reason });
    event(p.prepared, 'prepared', null);
    for (const e of p.edits) event(e, 'edited', evaluator);
    if (p.signed) event(p.signed, 'signed', evaluator);
    if (p.reopened) {
      event(p.reopened.at, 'reopened', a.manager?.id ?? null, p.reopened.reason);
      event(p.reopened.edit, 'edited', evaluator);
      event(p.reopened.signed, 'signed', evaluator);
    }
    const signedAt = p.reopened?.signed ?? p.signed;
    const lastAt = events.at(-1)!.at as Date;
    rows.push({
      id,
      organisationId,
      accountId: a.row.id,
      month: `${p.month}-01`,
      status: signedAt ? 'signed' : 'draft',
      assessment: t?.assessment ?? '',
      decision: t?.decision ?? null,
      adjustment: t?.adjustment ?? '',
      hoursSpent: p.hoursSpent,
      moneySpentNok: p.moneySpentNok,
      figures: signedAt && t ? (t.figures as unknown as Record<string, unknown>) : null,
      signedBy: signedAt ? evaluator : null,
      signedAt,
      createdAt: p.prepared,
      updatedAt: lastAt,
      updatedBy: p.stage === 'untouched' ? null : evaluator,
    });
  }
  // In the order they happened, so the events' sequence follows time.
  events.sort((x, y) => (x.at as Date).getTime() - (y.at as Date).getTime());
  for (let i = 0; i < rows.length; i += 500) await ctx.db.insert(evaluations).values(rows.slice(i, i + 500));
  for (let i = 0; i < events.length; i += 1000) await ctx.db.insert(evaluationEvents).values(events.slice(i, i + 1000));
}
