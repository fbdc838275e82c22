/**
 * Realistic, fictional reports for the renderers' tests and benchmarks: an annual report of one
 * account, of a unit with three accounts, and of an organisation with any number (the monthly
 * report is in report-fixtures-monthly.ts), each validated with the contract's zod schemas.
 * Deterministic (a seeded generator, fixed times). Some texts are hostile on purpose (a formula,
 * a script tag, `+cmd`, `@SUM`) to prove that HTML escapes them and the spreadsheets never run
 * them; some values are not measured (null) to prove they print as "ikke målt", never 0.
 */
import { AnnualAccountReport, AnnualReport, type AnnualRollup } from '../contract/reports.ts';
import { getMetric } from '../core/metrics/catalogue.ts';

export const HOSTILE = {
  formula: '=HYPERLINK("http://example.invalid/x","Klikk her")',
  script: '<script>alert(1)</script>',
  plus: '+cmd|\' /C calc\'!A0',
  at: '@SUM(1+1)*cmd',
} as const;

const YEAR = '2025';
export const GENERATED_AT = '2026-02-03T13:05:00.000Z';

export function id(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const months = Array.from({ length: 12 }, (_, i) => `${YEAR}-${String(i + 1).padStart(2, '0')}`);
const daysIn = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).getUTCDate();

function metricName(key: string) {
  const m = getMetric(key);
  if (!m) throw new Error(`no metric ${key}`);
  return { name: { nb: m.name.nb, en: m.name.en }, unit: m.unit };
}

const platforms = ['instagram', 'facebook', 'linkedin', 'tiktok', 'youtube'] as const;
export const unitsList = [
  { id: id(9001), slug: 'institutt-for-nordlysfysikk', name: 'Institutt for nordlysfysikk' },
  { id: id(9002), slug: 'studieveiledning-og-opptak', name: 'Studieveiledning og opptak' },
  { id: id(9003), slug: 'fakultet-for-havrom', name: 'Fakultet for havrom og kyst' },
];
export const people = [
  { id: id(8001), name: 'Åse Fjellstad' },
  { id: id(8002), name: 'Øystein Lervåg' },
  { id: id(8003), name: 'Kari Nordbø' },
];
const accountNames = ['Nordlyslaben', 'Studentliv på Øya', 'Havrommet', 'Søkerservice Ålesund', 'Fjordforskning', 'Kyststien'];

function metricOf(key: string, aggregation: 'sum' | 'last' | 'mean', base: number, rnd: () => number, gapMonths: number[]) {
  const { name, unit } = metricName(key);
  const values = months.map((m, i) => {
    const v = gapMonths.includes(i) ? null : Math.round(base * (1 + 0.35 * Math.sin((i / 12) * 2 * Math.PI) + 0.1 * rnd()) * 10) / 10;
    const prev = i === 11 ? null : Math.round(base * 0.85 * (1 + 0.3 * Math.sin((i / 12) * 2 * Math.PI)) * 10) / 10;
    return { month: m, value: v, previousYear: prev, documentedDays: v === null ? 0 : daysIn(m), days: daysIn(m) };
  });
  const measured = values.map((v) => v.value).filter((v): v is number => v !== null);
  const prevMeasured = values.map((v) => v.previousYear).filter((v): v is number => v !== null);
  const agg = (xs: number[]) => (xs.length === 0 ? null : aggregation === 'sum' ? xs.reduce((s, x) => s + x, 0) : aggregation === 'last' ? xs.at(-1)! : xs.reduce((s, x) => s + x, 0) / xs.length);
  const year = agg(measured);
  const previousYear = agg(prevMeasured);
  return {
    metric: key,
    name,
    unit,
    aggregation,
    months: values,
    year,
    previousYear,
    change: year === null || previousYear === null || previousYear === 0 ? null : (year - previousYear) / previousYear,
    trend: { slopePerMonth: base * 0.02, direction: 'up' as const },
    seasonality: { peakMonth: `${YEAR}-03`, lowMonth: `${YEAR}-09`, peakIndex: 1.3, lowIndex: 0.7 },
  };
}

function post(n: number, value: number, excerpt: string | null, day: string, type: string) {
  return { postId: id(50_000 + n), platformPostId: `p${n}`, publishedOn: day, postType: type, permalink: `https://example.invalid/p/${n}`, excerpt, value };
}

/** One account's annual report; `n` picks its name, unit, platform and numbers. */
export function annualAccountFixture(n: number, options: { hostile?: boolean; signed?: boolean } = {}): AnnualAccountReport {
  const rnd = random(1000 + n);
  const unit = unitsList[n % unitsList.length]!;
  const platform = platforms[n % platforms.length]!;
  const name = n < accountNames.length ? accountNames[n]! : `${accountNames[n % accountNames.length]} ${Math.floor(n / accountNames.length) + 1}`;
  const slug = name.toLowerCase().replace(/[æ]/g, 'ae').replace(/[ø]/g, 'o').replace(/[å]/g, 'a').replace(/[^a-z0-9]+/g, '-');
  const hostile = options.hostile ?? false;
  const signed = options.signed ?? n % 3 !== 2;
  const reach = metricOf('reach', 'sum', 12_000 + 900 * (n % 7), rnd, n % 4 === 0 ? [6] : []);
  const followers = metricOf('followers', 'last', 3_400 + 120 * (n % 5), rnd, []);
  const clicks = metricOf('link_clicks', 'sum', 180 + 10 * (n % 3), rnd, [6, 7]);
  const status = (['met', 'on_track', 'at_risk', 'missed', 'not_measured'] as const)[n % 5]!;
  const monthsOut = months.map((m, i) => ({
    month: m,
    evaluationId: id(20_000 + n * 12 + i),
    state: i < 11 ? ('signed' as const) : ('due' as const),
    decision: i < 11 ? (i % 4 === 3 ? ('adjust_content' as const) : ('keep' as const)) : null,
    assessment: i === 2 && hostile ? `Sterk vår. ${HOSTILE.script} ${HOSTILE.formula}` : i === 3 && hostile ? HOSTILE.plus : i < 11 ? `Jevn måned med ${i % 2 === 0 ? 'gode' : 'svakere'} reels; æøå ÆØÅ.` : '',
    adjustment: i % 4 === 3 ? (hostile ? HOSTILE.at : 'Flere korte videoer fra feltarbeid.') : '',
    signedBy: i < 11 ? people[n % people.length]! : null,
    hoursSpent: i === 5 ? null : 12 + (n % 4),
    moneySpentNok: i % 2 === 0 ? 1500 : null,
  }));
  const documentedHours = monthsOut.reduce((s, m) => s + (m.hoursSpent ?? 0), 0);
  const documentedMoney = monthsOut.reduce((s, m) => s + (m.moneySpentNok ?? 0), 0);
  const report = {
    id: signed || n % 2 === 0 ? id(30_000 + n) : null,
    account: { id: id(10_000 + n), slug, name, platform },
    unit,
    year: YEAR,
    status: signed ? ('signed' as const) : ('draft' as const),
    state: signed ? ('signed' as const) : ('due' as const),
    dueOn: '2026-01-31',
    decision: signed ? (n % 3 === 1 ? ('continue_with_changes' as const) : ('continue' as const)) : null,
    reasoning: signed ? (hostile ? `${HOSTILE.formula} Vi fortsetter. ${HOSTILE.script}` : 'Kontoen når studentene vi sikter mot; vi fortsetter med flere videoer – særlig fra feltarbeid → høsten.') : '',
    signedBy: signed ? people[(n + 1) % people.length]! : null,
    signedAt: signed ? '2026-01-20T09:30:00.000Z' : null,
    evaluators: [people[n % people.length]!, people[(n + 1) % people.length]!],
    figures: {
      year: YEAR,
      period: { start: `${YEAR}-01-01`, end: `${YEAR}-12-31` },
      asOf: `${YEAR}-12-31`,
      computedAt: signed ? '2026-01-20T09:30:00.000Z' : GENERATED_AT,
      resources: { plannedHours: 15 * 12, documentedHours, hoursMonths: 11, plannedMoneyNok: n % 4 === 1 ? null : 24_000, documentedMoneyNok: documentedMoney, moneyMonths: 6, monthsInUse: 12 },
      counts: { met: status === 'met' ? 2 : 1, on_track: status === 'on_track' ? 1 : 0, at_risk: status === 'at_risk' ? 1 : 0, missed: status === 'missed' ? 1 : 0, not_measured: 1 },
      kpis: [
        {
          goal: { id: id(40_000 + n), qualitativeGoal: 'Flere søkere fra Nord-Norge skal kjenne studietilbudet', status: 'active' as const },
          kpi: { id: id(41_000 + n), name: reach.name, unit: 'count', comparator: 'at_least' as const, target: 150_000 },
          targetBasis: 'own_history',
          status,
          actual: reach.year,
          progress: reach.year === null ? null : reach.year / 150_000,
        },
        {
          goal: { id: id(40_000 + n), qualitativeGoal: 'Flere søkere fra Nord-Norge skal kjenne studietilbudet', status: 'active' as const },
          kpi: { id: id(42_000 + n), name: { nb: 'Engasjementsrate', en: 'Engagement rate' }, unit: 'percent', comparator: 'at_least' as const, target: 4.5 },
          targetBasis: hostile ? HOSTILE.at : 'Snittet for tre sammenlignbare kontoer',
          status: 'not_measured' as const,
          actual: null,
          progress: null,
        },
        {
          goal: { id: id(43_000 + n), qualitativeGoal: 'Raskere svar på spørsmål fra søkere', status: 'active' as const },
          kpi: { id: id(44_000 + n), name: { nb: 'Svartid (timer)', en: 'Response time (hours)' }, unit: 'hours', comparator: 'at_most' as const, target: 24 },
          targetBasis: null,
          status: 'met' as const,
          actual: 17.5,
          progress: 1,
        },
      ],
      metrics: [reach, followers, clicks],
      formats: [
        { postType: 'reel', posts: 48, metric: 'reach', name: reach.name, mean: 2_450.5, median: 1_980 },
        { postType: 'carousel', posts: 22, metric: 'reach', name: reach.name, mean: 1_210, median: 1_100 },
        { postType: 'story', posts: 0, metric: 'reach', name: reach.name, mean: null, median: null },
      ],
      posts: [
        {
          metric: 'reach',
          name: reach.name,
          unit: 'count',
          count: 70,
          best: [
            post(n * 10 + 1, 9_870, hostile ? `Opptaksdagen! ${HOSTILE.script}` : 'Opptaksdagen på Øya – se hvordan det gikk!', `${YEAR}-04-12`, 'reel'),
            post(n * 10 + 2, 7_020, hostile ? HOSTILE.formula : 'Nordlys over forskningsstasjonen i natt.', `${YEAR}-10-02`, 'reel'),
          ],
          weakest: [post(n * 10 + 3, 120, hostile ? HOSTILE.plus : 'Påminnelse: søknadsfristen er 15. april.', `${YEAR}-03-30`, 'carousel'), post(n * 10 + 4, 95, null, `${YEAR}-07-14`, 'story')],
        },
      ],
      audience: {
        targetAgeGroups: ['18-24', '25-34'] as ('18-24' | '25-34')[],
        snapshots: months
          .filter((_, i) => i % 3 === 2)
          .map((m, i) => ({
            day: `${m}-${String(daysIn(m)).padStart(2, '0')}`,
            largestGroup: i === 1 && n % 2 === 1 ? ('35-44' as const) : ('18-24' as const),
            largestShare: 38.5 + i,
            targetShare: i === 3 ? null : 61.2 - i,
            status: i === 1 && n % 2 === 1 ? ('misfit' as const) : i === 3 ? ('unknown' as const) : ('fit' as const),
          })),
        fitMonths: n % 2 === 1 ? 2 : 3,
        misfitMonths: n % 2 === 1 ? 1 : 0,
      },
      documentation: { documentedDays: 334, expectedDays: 365 },
      months: monthsOut,
      costPerResult: [
        { metric: 'link_clicks', name: clicks.name, results: clicks.year, moneyNok: documentedMoney, costPerResult: clicks.year ? documentedMoney / clicks.year : null },
        { metric: 'applicants', name: metricName('applicants').name, results: null, moneyNok: documentedMoney, costPerResult: null },
      ],
      recommendation: {
        suggestion: n % 3 === 1 ? ('continue_with_changes' as const) : ('continue' as const),
        findings: [
          { rule: 'kpis_missed', triggered: false, points: 'close' as const, message: { key: 'reports.annual.rules.kpis_missed.clear', params: { missed: 0, measured: 2 }, text: '0 of 2 measured KPIs were missed: fewer than half.' } },
          {
            rule: 'audience_misfit',
            triggered: false,
            points: 'close' as const,
            message: { key: 'reports.annual.rules.audience_misfit.clear', params: { misfit: n % 2, months: 4 }, text: `The audience missed the target age groups in ${n % 2} of 4 months with a snapshot: not most of them.` },
          },
          { rule: 'reach_down', triggered: false, points: 'close' as const, message: { key: 'reports.annual.rules.reach_down.clear', params: { metric: 'reach', change: '23' }, text: 'reach changed by 23 % against the year before: not down 25 % or more.' } },
          {
            rule: 'monthly_changes',
            triggered: n % 3 === 1,
            points: 'continue_with_changes' as const,
            message:
              n % 3 === 1
                ? { key: 'reports.annual.rules.monthly_changes.triggered', params: { count: 3, threshold: 3 }, text: '3 monthly evaluations decided to adjust the content or escalate: 3 or more.' }
                : { key: 'reports.annual.rules.monthly_changes.clear', params: { count: 2, threshold: 3 }, text: '2 monthly evaluations decided to adjust the content or escalate: fewer than 3.' },
          },
          { rule: 'future_rule', triggered: false, points: 'continue' as const, message: { key: 'reports.annual.rules.not_in_the_web_texts', params: {}, text: 'A finding the web app has no words for yet.' } },
        ],
      },
    },
    figuresFrozen: signed,
    events: signed ? [{ at: '2026-01-20T09:30:00.000Z', person: people[(n + 1) % people.length]!, action: 'signed' as const, reason: null }] : [],
    canWrite: !signed,
    canReopen: signed,
  };
  return AnnualAccountReport.parse(report);
}

function rollup(accounts: AnnualAccountReport[]): AnnualRollup {
  const sum = (f: (a: AnnualAccountReport) => number) => accounts.reduce((s, a) => s + f(a), 0);
  const sumN = (f: (a: AnnualAccountReport) => number | null) => {
    const xs = accounts.map(f).filter((x): x is number => x !== null);
    return xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0);
  };
  const statuses = ['met', 'on_track', 'at_risk', 'missed', 'not_measured'] as const;
  const counts = Object.fromEntries(statuses.map((k) => [k, sum((a) => a.figures.counts[k])])) as AnnualRollup['counts'];
  return {
    accounts: accounts.length,
    counts,
    resources: {
      plannedHours: sumN((a) => a.figures.resources.plannedHours),
      documentedHours: sumN((a) => a.figures.resources.documentedHours),
      hoursMonths: sum((a) => a.figures.resources.hoursMonths),
      plannedMoneyNok: sumN((a) => a.figures.resources.plannedMoneyNok),
      documentedMoneyNok: sumN((a) => a.figures.resources.documentedMoneyNok),
      moneyMonths: sum((a) => a.figures.resources.moneyMonths),
      accountMonthsInUse: sum((a) => a.figures.resources.monthsInUse),
    },
    suggestions: {
      continue: sum((a) => +(a.figures.recommendation.suggestion === 'continue')),
      continue_with_changes: sum((a) => +(a.figures.recommendation.suggestion === 'continue_with_changes')),
      close: sum((a) => +(a.figures.recommendation.suggestion === 'close')),
    },
    decisions: {
      continue: sum((a) => +(a.decision === 'continue')),
      continue_with_changes: sum((a) => +(a.decision === 'continue_with_changes')),
      close: sum((a) => +(a.decision === 'close')),
      undecided: sum((a) => +(a.decision === null)),
    },
    audience: { fit: sum((a) => +(a.figures.audience.misfitMonths === 0)), misfit: sum((a) => +(a.figures.audience.misfitMonths > 0)), broad: 0, unknown: 0 },
    reports: { signed: sum((a) => +(a.state === 'signed')), upcoming: sum((a) => +(a.state === 'upcoming')), due: sum((a) => +(a.state === 'due')), overdue: sum((a) => +(a.state === 'overdue')) },
  };
}

/** One account's annual report (full detail), with hostile texts. */
export function accountAnnualFixture(): AnnualReport {
  const account = annualAccountFixture(0, { hostile: true, signed: true });
  return AnnualReport.parse({
    kind: 'annual',
    scope: { kind: 'account', account: account.account, unit: account.unit },
    year: YEAR,
    generatedAt: GENERATED_AT,
    summary: rollup([account]),
    byUnit: [],
    accounts: [account],
  });
}

/** A unit's annual report with three accounts (one a draft without a decision), with hostile texts. */
export function unitAnnualFixture(): AnnualReport {
  const accounts = [annualAccountFixture(0, { hostile: true, signed: true }), annualAccountFixture(3, { signed: true }), annualAccountFixture(6, { signed: false })];
  const unit = unitsList[0]!;
  return AnnualReport.parse({
    kind: 'annual',
    scope: { kind: 'unit', unit },
    year: YEAR,
    generatedAt: GENERATED_AT,
    summary: rollup(accounts),
    byUnit: [{ unit, summary: rollup(accounts) }],
    accounts,
  });
}

/** The organisation's annual report with `count` accounts over three units (for the benchmarks). */
export function organisationAnnualFixture(count: number): AnnualReport {
  const accounts = Array.from({ length: count }, (_, i) => annualAccountFixture(i, { hostile: i === 0 }));
  return AnnualReport.parse({
    kind: 'annual',
    scope: { kind: 'organisation', name: 'Universitetet i Nordvik' },
    year: YEAR,
    generatedAt: GENERATED_AT,
    summary: rollup(accounts),
    byUnit: unitsList.map((u) => ({ unit: u, summary: rollup(accounts.filter((a) => a.unit.id === u.id)) })),
    accounts,
  });
}
