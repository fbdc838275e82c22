/**
 * The demo's annual reports on last calendar year (issue #6), written by each unit's evaluator:
 * in January (while they are due) a couple signed and a few drafts, the rest not begun; after
 * January most signed and a couple of drafts left overdue. The decision follows the rules'
 * suggestion in the figures (see annualDecision), and the reasoning is written from the year's
 * figures in bokmål. Deterministic for a load day.
 */
import type { AnnualAccountFigures, AnnualDecision } from '../contract/reports.ts';
import { annualReportDueOn, assertAnnualSignable } from '../core/reports/annual-rules.ts';
import type { Context } from '../services/context.ts';
import { dayOfNow } from '../services/coverage/account-ref.ts';
import { annualFigures } from '../services/reports/annual-figures.ts';
import { annualReportEvents, annualReports } from '../db/schema/index.ts';
import { seeded } from './demo-evaluation-text.ts';
import { demoAccounts, inWorkingHours } from './demo-evaluations.ts';

const nb = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
const months = (n: number) => `${n} ${n === 1 ? 'måned' : 'måneder'}`;
const pct = (v: number) => `${v > 0 ? '+' : ''}${nb.format(v * 100)} %`;

/** How far each in-use account's report got by the load day: signed, a draft, or not begun. */
export function annualStages(slugs: readonly string[], today: string, year: string): Map<string, 'signed' | 'draft' | 'none'> {
  const order = [...slugs].sort((a, b) => seeded(`${a}|${year}|annual`)() - seeded(`${b}|${year}|annual`)());
  const january = today <= annualReportDueOn(year);
  return new Map(
    order.map((slug, i): [string, 'signed' | 'draft' | 'none'] => [
      slug,
      january ? (i < 2 ? 'signed' : i < 5 ? 'draft' : 'none') : i < 2 ? 'draft' : 'signed',
    ]),
  );
}

/** How weak the year looked to the evaluator: KPIs behind, the audience off target, content adjusted, gaps, months without hours. */
export function weakness(f: AnnualAccountFigures): number {
  const adjusted = f.months.filter((m) => m.decision === 'adjust_content' || m.decision === 'escalate').length;
  const d = f.documentation;
  return (
    2 * f.counts.missed +
    f.counts.at_risk +
    (f.audience.misfitMonths > f.audience.fitMonths ? 2 : 0) +
    adjusted +
    (d.expectedDays > 0 && d.documentedDays < 0.9 * d.expectedDays ? 1 : 0) +
    (f.resources.documentedHours === null || f.resources.hoursMonths < f.resources.monthsInUse ? 1 : 0)
  );
}

/**
 * The evaluator's decision: the rules' suggestion, except that a proposal to close is sometimes
 * argued into continuing with changes, and the weakest years of the organisation (`weak`: about a
 * quarter, see loadAnnualReports) are continued with changes even when the rules see no signal.
 * A closed account's report closes it.
 */
export function annualDecision(f: AnnualAccountFigures, key: string, status = 'active', weak = false): AnnualDecision {
  if (status === 'closed') return 'close';
  const s = f.recommendation.suggestion;
  if (s === 'close' && seeded(`${key}|close`)() < 0.5) return 'continue_with_changes';
  if (s === 'continue' && weak) return 'continue_with_changes';
  return s;
}

/** The evaluator's reasoning, from the year's figures. */
export function annualReasoning(f: AnnualAccountFigures, decision: AnnualDecision, key: string, status = 'active'): string {
  const rnd = seeded(key);
  const out: string[] = [];
  const c = f.counts;
  const n = f.kpis.length;
  if (n === 0) out.push(`Kontoen hadde ingen mål med KPI-er i ${f.year}; vurderingen bygger på rekkevidde, publikum og ressursbruk.`);
  else out.push(`Av ${n} ${n === 1 ? 'KPI' : 'KPI-er'} for ${f.year} ble ${c.met} nådd${c.on_track ? `, ${c.on_track} er i rute` : ''}${c.at_risk ? `, ${c.at_risk} i faresonen` : ''}${c.missed ? ` og ${c.missed} ikke nådd` : ''}${c.not_measured ? ` (${c.not_measured} ikke målt)` : ''}.`);
  const main = f.metrics.find((m) => m.year !== null && m.previousYear !== null && m.previousYear !== 0);
  if (main) {
    const change = (main.year! - main.previousYear!) / main.previousYear!;
    out.push(`${main.name.nb} endret seg ${pct(change)} fra året før (${nb.format(main.year!)} mot ${nb.format(main.previousYear!)}).`);
  }
  const adjusted = f.months.filter((m) => m.decision === 'adjust_content').length;
  const escalated = f.months.some((m) => m.decision === 'escalate');
  if (adjusted > 0 || escalated) {
    out.push(`Innholdet ble justert etter ${adjusted} av månedsevalueringene${escalated ? ', og én måned ble løftet til enhetsleder' : ''}.`);
  }
  const a = f.audience;
  if (a.misfitMonths > a.fitMonths) out.push(`Publikum passet dårlig med målgruppen i ${a.misfitMonths} av ${months(a.snapshots.length)} med aldersfordeling.`);
  else if (a.fitMonths > 0) out.push(`Publikum traff målgruppen i ${a.fitMonths} av ${months(a.snapshots.length)} med aldersfordeling.`);
  const r = f.resources;
  if (r.documentedHours !== null && r.plannedHours !== null) {
    out.push(`Det er ført ${nb.format(r.documentedHours)} timer i ${r.hoursMonths} av ${months(r.monthsInUse)}, mot ${nb.format(r.plannedHours)} planlagt for året.`);
  } else if (r.documentedHours === null) {
    out.push('Timebruken er ikke ført i månedsevalueringene.');
  }
  if (f.documentation.expectedDays > 0 && f.documentation.documentedDays < f.documentation.expectedDays) {
    out.push(`Statistikken er ført for ${nb.format(f.documentation.documentedDays)} av ${nb.format(f.documentation.expectedDays)} dager.`);
  }
  const suggestion = f.recommendation.suggestion;
  if (decision === 'continue') {
    out.push(n === 0 || rnd() < 0.5 ? 'Vi fortsetter kontoen med samme strategi og ressurser.' : 'Kontoen leverer på målene, og vi viderefører den som i dag.');
  } else if (decision === 'continue_with_changes') {
    out.push(
      suggestion === 'close'
        ? 'Reglene foreslår å legge ned kontoen, men vi gir den ett år til med ny innholdsplan, færre timer og tydeligere målgruppe; vurderes på nytt etter sommeren.'
        : ['Vi fortsetter, men justerer innholdet mot målgruppen og reduserer gjenbruk av nyhetssaker.', 'Vi fortsetter med endringer: færre, bedre innlegg, mer video og faste publiseringsdager.'][Math.floor(rnd() * 2)]!,
    );
  } else if (status === 'closed') {
    out.push('Kontoen er alt lagt ned; årsrapporten avslutter den, og innholdet videreføres på hovedkontoene.');
  } else {
    out.push('Kontoen avvikles: målene er ikke nådd, publikum er ikke målgruppen, og ressursene gjør mer nytte på andre kanaler. Følgerne henvises til hovedkontoen.');
  }
  return out.join(' ');
}

const MINUTE = 60_000;

/**
 * The loader's step: last year's annual reports of the accounts that were in use then.
 * Rows and events are inserted as updateAnnualReport and signAnnualReport write them (an
 * 'edited' event, then 'signed' with the figures frozen), with the figures of all accounts
 * computed in one annualFigures call (a signing through the service computes and presents one
 * account's year at a time: seconds for the demo).
 */
export async function loadAnnualReports(ctx: Context, organisationId: string): Promise<void> {
  const today = dayOfNow(ctx.now);
  const year = String(Number(today.slice(0, 4)) - 1);
  // Paused and closed accounts that were in use during the year get their report too.
  const list = (await demoAccounts(ctx.db, organisationId, ['active', 'paused', 'closed'])).filter((a) => a.evaluator !== null && a.firstMonth <= `${year}-12`);
  if (list.length === 0) return;
  const stages = annualStages(list.map((a) => a.row.slug), today, year);
  const written = list.filter((a) => stages.get(a.row.slug) !== 'none');
  const figures = await annualFigures(ctx.db, organisationId, written.map((a) => a.row), year, ctx.now);
  // The weakest quarter of the years (by weakness, ties by slug) are continued with changes.
  const ranked = written.filter((a) => weakness(figures.get(a.row.id)!) > 0).sort((x, y) => weakness(figures.get(y.row.id)!) - weakness(figures.get(x.row.id)!) || x.row.slug.localeCompare(y.row.slug));
  const weak = new Set(ranked.slice(0, Math.ceil(written.length / 4)).map((a) => a.row.id));
  // Written in January, in working hours, before now.
  const to = Math.min(Date.parse(`${Number(year) + 1}-01-30T15:00:00Z`), ctx.now.getTime() - 10 * MINUTE);
  const start = Math.min(Date.parse(`${Number(year) + 1}-01-02T07:00:00Z`), to - 2 * MINUTE);
  const rows: (typeof annualReports.$inferInsert)[] = [];
  const events: (typeof annualReportEvents.$inferInsert)[] = [];
  for (const a of written) {
    const f = figures.get(a.row.id);
    if (!f) throw new Error(`demo data: no annual figures for ${a.row.slug}`);
    const key = `${a.row.slug}|${year}`;
    const rnd = seeded(`${key}|when`);
    const raw = [start + rnd() * 0.6 * (to - start), start + (0.65 + rnd() * 0.3) * (to - start)];
    const [edited, signed] = inWorkingHours(raw, start, to).map((t) => new Date(t)) as [Date, Date];
    const decision = annualDecision(f, key, a.row.status, weak.has(a.row.id));
    const reasoning = annualReasoning(f, decision, key, a.row.status);
    // Loaded in the first minutes of the year: nothing could be signed yet.
    const isSigned = stages.get(a.row.slug) === 'signed' && dayOfNow(signed) > `${year}-12-31`;
    if (isSigned) assertAnnualSignable({ year, decision, reasoning }, dayOfNow(signed));
    const id = crypto.randomUUID();
    const evaluator = a.evaluator!.id;
    rows.push({
      id,
      organisationId,
      accountId: a.row.id,
      year: Number(year),
      status: isSigned ? 'signed' : 'draft',
      decision,
      reasoning,
      figures: isSigned ? ({ ...f, computedAt: signed.toISOString() } as unknown as Record<string, unknown>) : null,
      signedBy: isSigned ? evaluator : null,
      signedAt: isSigned ? signed : null,
      createdAt: edited,
      updatedAt: isSigned ? signed : edited,
      updatedBy: evaluator,
    });
    events.push({ id: crypto.randomUUID(), organisationId, annualReportId: id, at: edited, personId: evaluator, action: 'edited', reason: null });
    if (isSigned) events.push({ id: crypto.randomUUID(), organisationId, annualReportId: id, at: signed, personId: evaluator, action: 'signed', reason: null });
  }
  events.sort((x, y) => (x.at as Date).getTime() - (y.at as Date).getTime());
  if (rows.length > 0) await ctx.db.insert(annualReports).values(rows);
  if (events.length > 0) await ctx.db.insert(annualReportEvents).values(events);
}
