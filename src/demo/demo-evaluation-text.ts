/**
 * What the demo's evaluators write in a monthly evaluation, in bokmål, generated from the month's
 * computed figures (KPI statuses and changes, the audience against the target groups, gaps in the
 * documentation, the best post, the hours spent), so the text fits the numbers beside it. The
 * wording varies by a PRNG seeded by the account and the month, so a load day always gives the
 * same text. Pure.
 */
import type { EvaluationDecision, EvaluationFigures } from '../contract/evaluations.ts';

/** A PRNG (mulberry32) seeded by a string. */
export function seeded(key: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  let t = h >>> 0;
  return () => {
    t = (t + 0x6d2b79f5) >>> 0;
    let x = Math.imul(t ^ (t >>> 15), 1 | t);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

export const MONTH_NAMES = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];
export const monthName = (month: string): string => MONTH_NAMES[Number(month.slice(5, 7)) - 1]!;

const nb = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 });
/** A KPI value as the evaluator would write it ("ikke målt" for null, never 0). */
function value(v: number | null, unit: string): string {
  if (v === null) return 'ikke målt';
  if (unit === 'percent') return `${nb.format(v)} %`;
  if (unit === 'nok') return `${nb.format(Math.round(v))} kr`;
  if (unit === 'seconds') return `${nb.format(v)} sek.`;
  return nb.format(Math.abs(v) >= 100 ? Math.round(v) : v);
}

/** '18-24', '18-24 og 25-34', '13-17, 18-24 og 25-34'. */
const groups = (list: readonly string[]) => (list.length > 1 ? `${list.slice(0, -1).join(', ')} og ${list.at(-1)}` : (list[0] ?? 'ukjent'));

const dayMonth = (day: string) => `${Number(day.slice(8, 10))}. ${monthName(day.slice(0, 7))}`;

type Kpi = EvaluationFigures['kpis'][number];
const lower = (k: Kpi) => k.kpi.name.nb.charAt(0).toLowerCase() + k.kpi.name.nb.slice(1);

/** How the month went: 'good' (nothing at risk or missed), 'mixed', 'bad' (most behind), 'none' (no KPIs). */
export function monthMood(f: EvaluationFigures): 'good' | 'mixed' | 'bad' | 'none' {
  const measured = f.kpis.length;
  if (measured === 0) return 'none';
  const behind = f.counts.at_risk + f.counts.missed;
  if (behind === 0) return 'good';
  return behind * 2 >= measured ? 'bad' : 'mixed';
}

function kpiSentence(f: EvaluationFigures, rnd: () => number): string {
  const c = f.counts;
  const n = f.kpis.length;
  const month = monthName(f.month);
  if (n === 0) {
    return pick(rnd, [
      `Kontoen hadde ingen aktive mål med KPI-er i ${month}, så vurderingen bygger på dokumentasjonen, publikum og innleggene.`,
      `Ingen KPI-er var knyttet til kontoen i ${month}; her ser vi på publikum, innlegg og om statistikken er ført.`,
    ]);
  }
  const parts = [
    c.met ? `${c.met} nådd` : null,
    c.on_track ? `${c.on_track} i rute` : null,
    c.at_risk ? `${c.at_risk} i faresonen` : null,
    c.missed ? `${c.missed} ikke nådd` : null,
    c.not_measured ? `${c.not_measured} ikke målt` : null,
  ].filter((p): p is string => p !== null);
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} og ${parts.at(-1)}` : parts[0]!;
  const mood = monthMood(f);
  const opener =
    mood === 'good'
      ? pick(rnd, [`En god måned.`, `${month.charAt(0).toUpperCase() + month.slice(1)} gikk som planlagt.`, `Stabilt og bra i ${month}.`])
      : mood === 'bad'
        ? pick(rnd, [`En svak måned.`, `${month.charAt(0).toUpperCase() + month.slice(1)} ble tyngre enn ventet.`, `Vi ligger bak på flere mål.`])
        : pick(rnd, [`Blandede resultater i ${month}.`, `Noe går bra, noe henger etter.`, `En måned med både fremgang og etterslep.`]);
  return `${opener} Av ${n} ${n === 1 ? 'KPI' : 'KPI-er'} er ${list} per ${dayMonth(f.asOf)}.`;
}

function highlights(f: EvaluationFigures, rnd: () => number): string[] {
  const out: string[] = [];
  const rising = f.kpis
    .filter((k) => k.change !== null && k.previousActual !== null && k.previousActual !== 0 && k.change > 0)
    .sort((a, b) => b.change! / Math.abs(b.previousActual!) - a.change! / Math.abs(a.previousActual!))[0];
  if (rising) {
    out.push(
      pick(rnd, [
        `${rising.kpi.name.nb} økte fra ${value(rising.previousActual, rising.kpi.unit)} til ${value(rising.actual, rising.kpi.unit)}.`,
        `Best utvikling hadde ${lower(rising)}: opp fra ${value(rising.previousActual, rising.kpi.unit)} til ${value(rising.actual, rising.kpi.unit)}.`,
      ]),
    );
  }
  const behind = f.kpis.find((k) => k.status === 'missed') ?? f.kpis.find((k) => k.status === 'at_risk');
  if (behind) {
    const target = behind.kpi.target === null ? '' : ` mot målet ${behind.kpi.comparator === 'at_most' ? 'høyst' : 'minst'} ${value(behind.kpi.target, behind.kpi.unit)}`;
    out.push(
      behind.status === 'missed'
        ? `${behind.kpi.name.nb} nådde ikke målet (${value(behind.actual, behind.kpi.unit)}${target}).`
        : pick(rnd, [
            `${behind.kpi.name.nb} er i faresonen: ${value(behind.actual, behind.kpi.unit)}${target}.`,
            `Vi må følge med på ${lower(behind)}, som står på ${value(behind.actual, behind.kpi.unit)}${target}.`,
          ]),
    );
  }
  const unmeasured = f.kpis.find((k) => k.status === 'not_measured');
  if (unmeasured) out.push(`${unmeasured.kpi.name.nb} er ikke målt ennå – tallene mangler i statistikken vi har ført.`);
  return out;
}

function audienceSentence(f: EvaluationFigures, rnd: () => number): string | null {
  const a = f.audience;
  const share = (v: number | null) => (v === null ? 'ukjent andel' : `${nb.format(v)} %`);
  const targets = groups(a.targetAgeGroups);
  switch (a.status) {
    case 'fit':
      return pick(rnd, [
        `Publikum treffer målgruppen: ${a.largestGroup} er største aldersgruppe (${share(a.largestShare)}).`,
        `Målgruppen ${targets} utgjør ${share(a.targetShare)} av følgerne, og største gruppe er ${a.largestGroup}.`,
      ]);
    case 'misfit':
      return pick(rnd, [
        `Publikum bommer fortsatt på målgruppen: størst er ${a.largestGroup} (${share(a.largestShare)}), mens ${targets} utgjør ${share(a.targetShare)}.`,
        `Aldersfordelingen passer dårlig med målgruppen ${targets} (${share(a.targetShare)}); ${a.largestGroup} dominerer.`,
      ]);
    case 'broad':
      return `Publikum er bredt sammensatt; ${targets} utgjør ${share(a.targetShare)}.`;
    default:
      return a.snapshotDay === null ? `Vi har ingen aldersfordeling for kontoen ennå.` : null;
  }
}

function documentationSentence(f: EvaluationFigures, rnd: () => number): string {
  const d = f.documentation;
  if (d.expectedDays === 0) return 'Det var ikke ventet statistikk for måneden.';
  if (d.gaps.length === 0) {
    return pick(rnd, [`Statistikken er ført for alle ${d.expectedDays} dagene.`, `Dokumentasjonen er komplett for måneden.`, `Ingen hull i statistikken.`]);
  }
  const missing = d.expectedDays - d.documentedDays;
  const first = d.gaps[0]!;
  const range = first[0] === first[1] ? dayMonth(first[0]) : `${dayMonth(first[0])}–${dayMonth(first[1])}`;
  return `Statistikken mangler for ${missing} av ${d.expectedDays} dager (${range}${d.gaps.length > 1 ? ' m.fl.' : ''}); det må hentes inn før tallene er til å stole på.`;
}

function postSentence(f: EvaluationFigures, rnd: () => number): string | null {
  const ranked = f.posts.find((p) => p.best.length > 0);
  const best = ranked?.best[0];
  if (!ranked || !best) return null;
  const what = best.excerpt ? `«${best.excerpt.length > 60 ? `${best.excerpt.slice(0, 57)}…` : best.excerpt}»` : 'innlegget';
  return pick(rnd, [
    `Beste innlegg etter ${ranked.name.nb.toLowerCase()} var ${what} fra ${dayMonth(best.publishedOn)} (${value(best.value, ranked.unit)}).`,
    `${what.charAt(0).toUpperCase() + what.slice(1)} (${dayMonth(best.publishedOn)}) gjorde det best, med ${value(best.value, ranked.unit)} i ${ranked.name.nb.toLowerCase()}.`,
  ]);
}

function resourceSentence(hours: number | null, planned: number | null): string | null {
  if (hours === null) return 'Timene er ikke ført for denne måneden.';
  if (planned === null || planned === 0) return `Brukte ${nb.format(hours)} timer.`;
  const ratio = hours / planned;
  if (ratio > 1.15) return `Brukte ${nb.format(hours)} timer, mer enn de ${nb.format(planned)} som er planlagt.`;
  if (ratio < 0.8) return `Brukte ${nb.format(hours)} timer av planlagte ${nb.format(planned)}.`;
  return `Timebruken (${nb.format(hours)} t) var omtrent som planlagt.`;
}

/** The adjustment described when the decision is to adjust the content. */
export function adjustmentText(f: EvaluationFigures, key: string): string {
  const rnd = seeded(`${key}|adjust`);
  const behind = f.kpis.find((k) => k.status === 'missed') ?? f.kpis.find((k) => k.status === 'at_risk');
  const targets = groups(f.audience.targetAgeGroups);
  const steps = [
    f.audience.status === 'misfit' ? `Flere innlegg laget for ${targets}: korte videoer og studenthverdag i stedet for rene nyhetslenker.` : null,
    behind ? `Prioritere innhold som løfter ${lower(behind)}: ${pick(rnd, ['faste publiseringsdager', 'tydeligere oppfordring til handling', 'mer video og færre tekstinnlegg', 'samarbeid med fagmiljøene om saker'])}.` : null,
    f.documentation.gaps.length > 0 ? 'Hente inn manglende statistikk og sette opp fast påminnelse om eksport.' : null,
    pick(rnd, ['Teste to nye formater i neste måned og sammenligne rekkevidden.', 'Flytte publisering til ettermiddag og kveld, når følgerne er aktive.', 'Kutte ned på gjenbruk av pressemeldinger.']),
  ].filter((s): s is string => s !== null);
  return steps.slice(0, 2).join(' ');
}

export interface WrittenEvaluation {
  assessment: string;
  /** null: the assessment is written, the decision not yet taken (a draft in progress). */
  decision: EvaluationDecision | null;
  adjustment: string;
}

/** The evaluator's text for the month, for the decision already chosen. */
export function writeEvaluation(f: EvaluationFigures, key: string, decision: EvaluationDecision | null, hours: number | null, planned: number | null): WrittenEvaluation {
  const rnd = seeded(key);
  const sentences = [kpiSentence(f, rnd), ...highlights(f, rnd), audienceSentence(f, rnd), documentationSentence(f, rnd), postSentence(f, rnd), resourceSentence(hours, planned)];
  if (decision === 'escalate') {
    sentences.push('Vi klarer ikke å snu utviklingen innenfor dagens ressurser og løfter saken til enhetsleder: kontoen bør vurderes satt på pause eller få mer tid.');
  } else if (decision === 'keep') {
    sentences.push(pick(rnd, ['Vi fortsetter som planlagt.', 'Ingen endringer nå.', 'Planen ligger fast.', 'Fortsetter med samme innholdsplan.']));
  }
  return { assessment: sentences.filter((s): s is string => s !== null).join(' '), decision, adjustment: decision === 'adjust_content' ? adjustmentText(f, key) : '' };
}
