/**
 * The overview's pure side (issue #5, organisation → unit drill-down): KPI statuses in order,
 * why an account needs attention as translatable phrases, the addresses that keep the chosen
 * period while drilling down, and the metric-by-unit bar chart's spec with its coverage.
 */
import type { BarSpec } from '../../../../src/charts/spec.ts';
import type { MetricByUnitOut, UnitMetricRow } from '../../../../src/contract/dashboards.ts';
import type { AttentionReason, StatusCounts } from '../../../../src/contract/overview.ts';
import { getMetric } from '../../../../src/core/metrics/catalogue.ts';
import { describeRange, monthName, type CompareChoice, type PickerLanguage } from '../../components/period-picker.ts';

/** Best first, as the tiles show them. */
export const statusOrder = ['met', 'on_track', 'at_risk', 'missed', 'not_measured'] as const satisfies readonly (keyof StatusCounts)[];
export type TileStatus = (typeof statusOrder)[number];

export function kpiResults(counts: StatusCounts): number {
  return statusOrder.reduce((sum, s) => sum + counts[s], 0);
}

const tags: Record<PickerLanguage, string> = { nb: 'nb-NO', en: 'en-GB' };

/** A percent value (38.2 → "38 %" / "38%"). */
export function percentText(value: number, lang: PickerLanguage): string {
  return new Intl.NumberFormat(tags[lang], { style: 'percent', maximumFractionDigits: 0 }).format(value / 100);
}

/** A share 0–1 (coverage) as a percent. */
export function shareText(value: number, lang: PickerLanguage): string {
  return new Intl.NumberFormat(tags[lang], { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

export const ageText = (group: string) => group.replace('-', '–');

/** "oktober 2026" / "October 2026" from 2026-10. */
function monthText(month: string, lang: PickerLanguage): string {
  const [y, m] = month.split('-').map(Number);
  return y && m ? `${monthName(m, lang)} ${y}` : month;
}

function dayInWords(day: string, lang: PickerLanguage): string {
  return describeRange({ start: day, end: day }, lang);
}

export type ReasonPhraseKey =
  | 'evaluationsOverdue'
  | 'missed'
  | 'atRisk'
  | 'misfit'
  | 'gapOverdue'
  | 'gapDue'
  | 'gapLostIn'
  | 'gapLostToday'
  | 'gapLeftOn'
  | 'gapLost'
  | 'gapMonthly';

export interface ReasonPhrase {
  key: ReasonPhraseKey;
  params: Record<string, string | number>;
}

/**
 * A reason as phrases to translate and join with ", ": "3 KPIs missed: Reach, …", "largest
 * group 45–54 (38 %), target 18–24", "overdue: 12 days to cover, lost in 5 days".
 */
export function reasonPhrases(reason: AttentionReason, lang: PickerLanguage): ReasonPhrase[] {
  switch (reason.kind) {
    case 'missed_kpis':
    case 'at_risk_kpis':
      return [
        {
          key: reason.kind === 'missed_kpis' ? 'missed' : 'atRisk',
          params: { count: reason.count, names: reason.kpis.map((k) => k.name[lang]).join(', ') },
        },
      ];
    case 'audience_misfit':
      return [
        {
          key: 'misfit',
          params: {
            group: ageText(reason.largestGroup),
            share: percentText(reason.largestShare, lang),
            targets: reason.targetAgeGroups.map(ageText).join(', '),
            date: dayInWords(reason.snapshotDay, lang),
          },
        },
      ];
    case 'documentation_gap': {
      const out: ReasonPhrase[] = [{ key: reason.status === 'overdue' ? 'gapOverdue' : 'gapDue', params: { count: reason.toCoverDays } }];
      if (reason.daysUntilLost !== null && reason.daysUntilLost > 0) {
        out.push({ key: 'gapLostIn', params: { count: reason.daysUntilLost } });
      } else if (reason.daysUntilLost === 0) {
        out.push({ key: 'gapLostToday', params: {} });
      } else if (reason.leavesWindowOn && reason.daysUntilLost !== null) {
        out.push({ key: 'gapLeftOn', params: { date: dayInWords(reason.leavesWindowOn, lang) } });
      }
      if (reason.lostDays > 0) out.push({ key: 'gapLost', params: { count: reason.lostDays } });
      // Platforms without an export (Snapchat, Threads): the figures are entered by hand each month.
      if (reason.cadence === 'monthly') out.push({ key: 'gapMonthly', params: {} });
      return out;
    }
    case 'overdue_evaluations':
      return [{ key: 'evaluationsOverdue', params: { count: reason.count, months: reason.months.map((m) => monthText(m, lang)).join(', ') } }];
  }
}

/** An address with the period and comparison kept (`?period=…&compare=…`). */
export function withPeriod(path: string, period: string, compare: CompareChoice): string {
  const q = new URLSearchParams({ period });
  if (compare !== 'previous') q.set('compare', compare);
  return `${path}?${q.toString()}`;
}

export const unitDashboardPath = (slug: string) => `/dashboard/units/${encodeURIComponent(slug)}`;
export const accountDashboardPath = (slug: string) => `/accounts/${encodeURIComponent(slug)}/dashboard`;

/** The metrics offered on the overview's chart: reported by most platforms and added up across accounts. */
export const overviewMetrics = ['reach', 'impressions', 'views', 'engagements', 'followers', 'link_clicks', 'posts_published'] as const;

export function isOverviewMetric(value: string | null): value is (typeof overviewMetrics)[number] {
  return (overviewMetrics as readonly string[]).includes(value ?? '');
}

export interface ChartTexts {
  /** e.g. "Reach by unit". */
  title: string;
  /** The current period's series name (e.g. "1.–31. oktober 2026"). */
  current: string;
  /** The comparison series' name, or null for no comparison. */
  compared: string | null;
  /** "{unit}: {share} of account-days documented" / "{unit}: not measured", for the description. */
  coverage(unit: string, share: string | null): string;
  /** The description's first sentence. */
  lead: string;
}

export interface UnitChart {
  spec: BarSpec;
  /** Units without any readable account reporting the metric (left out of the bars). */
  withoutAccounts: string[];
}

/** A unit to draw as a bar, optionally under another label (the scope's total: "Faculty A in all"). */
export interface BarUnit {
  id: string;
  label?: string;
}

/**
 * Bars per unit (the given units, usually the scope's total and its children): the period's
 * value and, unless the comparison is 'none' or not available, the comparison period's. Coverage
 * is listed in the description; units with no account reporting the metric are left out and named.
 */
export function unitBarSpec(data: MetricByUnitOut, units: readonly BarUnit[], compare: CompareChoice, texts: ChartTexts, lang: PickerLanguage): UnitChart {
  const byId = new Map(data.units.map((u) => [u.unit.id, u]));
  const rows: { row: UnitMetricRow; label: string }[] = [];
  const withoutAccounts: string[] = [];
  for (const u of units) {
    const row = byId.get(u.id);
    if (!row) continue;
    if (row.accounts === 0) withoutAccounts.push(u.label ?? row.unit.name);
    else rows.push({ row, label: u.label ?? row.unit.name });
  }
  const other = (row: UnitMetricRow) => (compare === 'previous' ? row.previous : compare === 'last_year' ? row.sameLastYear : null);
  const comparable = compare !== 'none' && texts.compared !== null && (compare === 'previous' ? data.periods.previous : data.periods.sameLastYear) !== null;
  const series: BarSpec['series'] = [{ key: 'period', name: texts.current, values: rows.map(({ row }) => row.total.value) }];
  if (comparable && texts.compared) series.push({ key: compare, name: texts.compared, values: rows.map(({ row }) => other(row)?.value ?? null) });
  const coverage = rows.map(({ row, label }) => texts.coverage(label, row.total.coverage === null ? null : shareText(row.total.coverage, lang)));
  return {
    spec: {
      kind: 'bar',
      title: texts.title,
      description: [texts.lead, ...coverage].join(' '),
      unit: getMetric(data.metric)?.unit ?? 'count',
      categories: rows.map(({ row, label }) => ({ key: row.unit.id, label })),
      series,
    },
    withoutAccounts,
  };
}
