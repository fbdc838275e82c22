/**
 * Shared pieces of the goal pages: translated core messages, labels of the goal vocabulary,
 * value formatting by unit, status badges, and the forecast chart (an inline SVG with a data
 * table alternative; no chart library).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { goalTemplates } from '../../../src/core/goals/templates.ts';
import { getMetric, metricCatalogue } from '../../../src/core/metrics/catalogue.ts';
import { derivedCatalogue } from '../../../src/core/metrics/derived.ts';
import type { Attainability, CoreMessage, GoalPreview, GoalStatus, KpiEvaluation, KpiOut } from '../api/index.ts';
import { currentLanguage, formatDate, formatNumber } from '../i18n/index.ts';

type Translate = (key: string, options?: Record<string, unknown>) => string;

const metricNames = new Map<string, { nb: string; en: string }>();
for (const m of [...metricCatalogue, ...derivedCatalogue]) {
  metricNames.set(m.key, m.name);
  metricNames.set(m.name.en, m.name);
}
metricNames.set('audience share', { nb: 'andel av publikum', en: 'audience share' });
const localMetric = (v: string, l: 'nb' | 'en') =>
  v
    .split(', ')
    .map((part) => metricNames.get(part)?.[l] ?? part)
    .join(', ');

const digitsFor = (v: number) => (Math.abs(v) >= 1000 ? 0 : Math.abs(v) >= 10 ? 1 : Math.abs(v) >= 0.01 || v === 0 ? 2 : 6);

/**
 * A message of the core in the current language: its key translated with the parameters
 * interpolated (metric names, goal types, dates and numbers localised), else its English text.
 */
export function coreText(t: TFunction, m: CoreMessage): string {
  const translate = t as unknown as Translate;
  const l = lang();
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.params)) {
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) params[k] = formatDate(v);
    else if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) params[k] = formatNumber(Number(v), { maximumFractionDigits: digitsFor(Number(v)) });
    else if (typeof v === 'number' && !['index', 'n', 'count', 'min', 'more'].includes(k)) params[k] = formatNumber(v, { maximumFractionDigits: 6 });
    else params[k] = v;
  }
  if (typeof params['metric'] === 'string') params['metric'] = localMetric(params['metric'], l);
  if (typeof params['name'] === 'string') params['name'] = localMetric(params['name'], l);
  if (typeof params['metrics'] === 'string') params['metrics'] = localMetric(params['metrics'], l);
  if (typeof params['goalType'] === 'string') params['goalType'] = goalTypeLabel(t, params['goalType']);
  if (params['step'] === 'day') params['step'] = t('wizard.stepDay');
  if (params['step'] === 'month') params['step'] = t('wizard.stepMonth');
  // The detail is the English text of a nested message; other languages show the verdict on its own.
  if (l !== 'en' && typeof params['detail'] === 'string') params['detail'] = '';
  let key = m.key;
  if (key === 'goals.attainability.insufficient_history' && m.params['minDays'] === 0) key += '_months';
  return translate(key, { ...params, defaultValue: m.text }).trim();
}

export function useCoreText(): (m: CoreMessage) => string {
  const { t } = useTranslation();
  return (m) => coreText(t, m);
}

export const lang = (): 'nb' | 'en' => currentLanguage();

export const goalTypeLabel = (t: TFunction, type: string): string => {
  if (type === 'custom') return t('goalType.custom');
  const tpl = goalTemplates.find((g) => g.key === type);
  return tpl ? tpl.name[lang()] : type;
};

export const goalStatusLabel = (t: TFunction, status: GoalStatus) => t(`goalStatus.${status}`);
export const kpiStatusLabel = (t: TFunction, status: KpiEvaluation['status']) => t(`kpiStatus.${status}`);

export function GoalStatusBadge({ status }: { status: GoalStatus }) {
  const { t } = useTranslation();
  return <span className={`badge goal-${status}`}>{goalStatusLabel(t, status)}</span>;
}

const kpiStatusIcon: Record<KpiEvaluation['status'], string> = {
  met: '✓',
  on_track: '↗',
  at_risk: '!',
  missed: '✗',
  not_measured: '○',
};

export function KpiStatusBadge({ status }: { status: KpiEvaluation['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge kpi-${status}`}>
      <span aria-hidden="true">{kpiStatusIcon[status]} </span>
      {kpiStatusLabel(t, status)}
    </span>
  );
}

/** A value in its unit: "12,5 %", "1 234", "3,5 t", "kr 1 200". Null is "not measured", never 0. */
export function formatValue(t: TFunction, value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return t('kpi.notMeasured');
  const abs = Math.abs(value);
  const digits = unit === 'percent' ? 2 : abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  const n = formatNumber(value, { maximumFractionDigits: digits });
  switch (unit) {
    case 'percent':
      return t('unit.percent', { value: n });
    case 'hours':
      return t('unit.hours', { value: n });
    case 'seconds':
      return t('unit.seconds', { value: n });
    case 'nok':
      return t('unit.nok', { value: n });
    default:
      return n;
  }
}

export function comparatorLabel(t: TFunction, comparator: string): string {
  return comparator === 'at_most' ? t('comparator.at_most') : t('comparator.at_least');
}

export function measurementLabel(t: TFunction, m: string): string {
  return t(`measurement.${m as 'per_post'}`);
}

export function basisLabel(t: TFunction, b: string): string {
  return t(`targetBasis.${b as 'other'}`);
}

// ---------------------------------------------------------------- forecast chart

interface Series {
  history: { date: string; value: number }[];
  band: { date: string; mean: number; lower: number; upper: number }[];
  target: number | null;
  pace: { from: { date: string; value: number }; to: { date: string; value: number } } | null;
  /** The history is summed from the goal's start (a total over the period), the band runs to the projected total. */
  cumulative: boolean;
}

const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** A KPI that sums a metric over the goal's period (its target is a total, not a daily value). */
export function isTotalKpi(kpi: Pick<KpiOut, 'kind' | 'metric' | 'measurement'>): boolean {
  if (kpi.kind !== 'metric' || !kpi.metric || kpi.measurement !== 'over_period') return false;
  return getMetric(kpi.metric)?.aggregation === 'sum';
}

/**
 * Series of a KPI evaluation for the chart. For a total over the period the history is summed from
 * the start, and the band fans out from the last documented total to the projected total (with
 * its 80 % interval) at the deadline; otherwise the history and band are drawn as forecast.
 */
export function chartSeries(
  evaluation: Pick<KpiEvaluation, 'paceLine' | 'target'> & { attainability: Attainability | null },
  kpi: Pick<KpiOut, 'kind' | 'metric' | 'measurement'>,
  start: string | null,
  deadline: string | null,
): Series {
  const a = evaluation.attainability;
  const base = { target: evaluation.target, pace: evaluation.paceLine };
  if (!isTotalKpi(kpi)) return { ...base, history: a?.history ?? [], band: a?.band ?? [], cumulative: false };
  const history: Series['history'] = [];
  let sum = 0;
  const points = [...(a?.history ?? [])].filter((p) => !start || p.date >= start).sort((x, y) => x.date.localeCompare(y.date));
  if (start && (points[0]?.date ?? '') > start) history.push({ date: start, value: 0 });
  for (const p of points) {
    sum += p.value;
    history.push({ date: p.date, value: sum });
  }
  const last = history.at(-1);
  const end = a?.band.at(-1)?.date ?? deadline;
  const band =
    a?.projection && last && end && end > last.date
      ? [
          { date: last.date, mean: last.value, lower: last.value, upper: last.value },
          { date: end, mean: a.projection.mean, lower: a.projection.lower, upper: a.projection.upper },
        ]
      : [];
  return { ...base, history, band, cumulative: true };
}

export function hasChartData(s: Series): boolean {
  return s.history.length > 0 || s.band.length > 0 || s.pace !== null;
}

/**
 * History (solid line), pace from baseline to target (dashed), the target (horizontal line) and
 * the 80 % forecast band (shaded, with its mean dotted). A toggle shows the same as a table.
 */
export function ForecastChart({ series, unit, title }: { series: Series; unit: string; title: string }) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const id = useId();
  const W = 560;
  const H = 220;
  const M = { left: 64, right: 16, top: 14, bottom: 34 };

  const xs: number[] = [];
  const ys: number[] = [];
  for (const p of series.history) {
    xs.push(dayMs(p.date));
    ys.push(p.value);
  }
  for (const b of series.band) {
    xs.push(dayMs(b.date));
    ys.push(b.lower, b.upper, b.mean);
  }
  if (series.pace) {
    xs.push(dayMs(series.pace.from.date), dayMs(series.pace.to.date));
    ys.push(series.pace.from.value, series.pace.to.value);
  }
  if (series.target !== null) ys.push(series.target);
  if (xs.length === 0) return <p className="muted">{t('chart.noData')}</p>;

  const x0 = Math.min(...xs);
  let x1 = Math.max(...xs);
  if (x1 === x0) x1 = x0 + 86_400_000;
  let y0 = Math.min(0, ...ys);
  let y1 = Math.max(...ys);
  if (y1 === y0) y1 = y0 + 1;
  const px = (ms: number) => M.left + ((ms - x0) / (x1 - x0)) * (W - M.left - M.right);
  const path = (pts: [number, number][]) => pts.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`).join(' ');

  // "Nice" steps (1, 2, 2.5, 5 × 10^k) for the value axis, about four of them.
  const rawStep = (y1 - y0) / 4;
  const mag = 10 ** Math.floor(Math.log10(rawStep));
  const niceStep = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= rawStep) ?? 10) * mag;
  y0 = Math.floor(y0 / niceStep) * niceStep;
  y1 = Math.ceil(y1 / niceStep) * niceStep;
  const ticksY: number[] = [];
  for (let v = y0; v <= y1 + niceStep / 2; v += niceStep) ticksY.push(Number(v.toPrecision(12)));
  const py = (v: number) => H - M.bottom - ((v - y0) / (y1 - y0)) * (H - M.top - M.bottom);
  const axis = (v: number) =>
    Math.abs(v) >= 10_000 && unit === 'count' ? formatNumber(v, { notation: 'compact', maximumFractionDigits: 1 }) : formatValue(t, v, unit);
  const historyPath = path(series.history.map((p) => [px(dayMs(p.date)), py(p.value)]));
  const bandPath =
    series.band.length > 0
      ? path([
          ...series.band.map((b): [number, number] => [px(dayMs(b.date)), py(b.upper)]),
          ...[...series.band].reverse().map((b): [number, number] => [px(dayMs(b.date)), py(b.lower)]),
        ]) + ' Z'
      : '';
  const meanPath = path(series.band.map((b) => [px(dayMs(b.date)), py(b.mean)]));
  const ticksX = [0, 0.5, 1].map((f) => x0 + f * (x1 - x0));
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const fv = (v: number) => formatValue(t, v, unit);

  const rows = [
    ...series.history.map((p) => ({ date: p.date, kind: series.cumulative ? t('chart.historyTotal') : t('chart.history'), value: fv(p.value), interval: '' })),
    ...series.band.map((b) => ({
      date: b.date,
      kind: t('chart.forecast'),
      value: fv(b.mean),
      interval: `${fv(b.lower)} – ${fv(b.upper)}`,
    })),
  ];

  return (
    <figure className="chart" aria-labelledby={`${id}-cap`}>
      <div className="chart-head">
        <p className="chart-title" id={`${id}-cap`}>
          {title}
        </p>
        <button type="button" className="button subtle small" onClick={() => setAsTable((v) => !v)}>
          {asTable ? t('chart.showChart') : t('chart.showTable')}
        </button>
      </div>
      {series.cumulative ? <p className="hint">{t('chart.cumulativeNote')}</p> : null}
      {asTable ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('chart.date')}</th>
                <th scope="col">{t('chart.kind')}</th>
                <th scope="col">{t('chart.value')}</th>
                <th scope="col">{t('chart.interval')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <td>{formatDate(r.date)}</td>
                  <td>{r.kind}</td>
                  <td>{r.value}</td>
                  <td>{r.interval}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">
            {series.target !== null ? `${t('chart.target')}: ${fv(series.target)}. ` : ''}
            {series.pace
              ? t('chart.paceText', {
                  from: fv(series.pace.from.value),
                  fromDate: formatDate(series.pace.from.date),
                  to: fv(series.pace.to.value),
                  toDate: formatDate(series.pace.to.date),
                })
              : ''}
          </p>
        </div>
      ) : (
        <>
          <svg
            viewBox={`0 0 ${W} ${H}`}
            role="img"
            aria-labelledby={`${id}-cap`}
            aria-describedby={`${id}-desc`}
            className="chart-svg"
            preserveAspectRatio="xMidYMid meet"
          >
            <desc id={`${id}-desc`}>
              {t('chart.description', {
                points: series.history.length,
                target: series.target === null ? t('kpi.noTarget') : fv(series.target),
              })}
            </desc>
            {ticksY.map((v, i) => (
              <g key={i}>
                <line x1={M.left} x2={W - M.right} y1={py(v)} y2={py(v)} className="grid" />
                <text x={M.left - 6} y={py(v) + 4} textAnchor="end" className="axis-label">
                  {axis(v)}
                </text>
              </g>
            ))}
            {ticksX.map((ms, i) => (
              <text key={i} x={px(ms)} y={H - 10} textAnchor={i === 0 ? 'start' : i === 2 ? 'end' : 'middle'} className="axis-label">
                {formatDate(iso(ms))}
              </text>
            ))}
            {bandPath ? <path d={bandPath} className="band" /> : null}
            {series.band.length > 1 ? <path d={meanPath} className="mean-line" /> : null}
            {series.target !== null ? (
              <line x1={M.left} x2={W - M.right} y1={py(series.target)} y2={py(series.target)} className="target-line" />
            ) : null}
            {series.pace ? (
              <line
                x1={px(dayMs(series.pace.from.date))}
                y1={py(series.pace.from.value)}
                x2={px(dayMs(series.pace.to.date))}
                y2={py(series.pace.to.value)}
                className="pace-line"
              />
            ) : null}
            {series.history.length > 1 ? <path d={historyPath} className="history-line" /> : null}
            {series.history.length === 1 && series.history[0] ? (
              <circle cx={px(dayMs(series.history[0].date))} cy={py(series.history[0].value)} r={3} className="history-dot" />
            ) : null}
          </svg>
          <ul className="chart-legend" aria-hidden="true">
            {series.history.length > 0 ? (
              <li>
                <span className="swatch history" /> {series.cumulative ? t('chart.historyTotal') : t('chart.history')}
              </li>
            ) : null}
            {series.band.length > 0 ? (
              <li>
                <span className="swatch band" /> {t('chart.band')}
              </li>
            ) : null}
            {series.target !== null ? (
              <li>
                <span className="swatch target" /> {t('chart.target')}
              </li>
            ) : null}
            {series.pace ? (
              <li>
                <span className="swatch pace" /> {t('chart.pace')}
              </li>
            ) : null}
          </ul>
        </>
      )}
    </figure>
  );
}

// ---------------------------------------------------------------- SMART

const smartIcon: Record<string, string> = { ok: '✓', warning: '!', missing: '✗', unknown: '?' };

export function SmartList({ smart }: { smart: GoalPreview['smart'] }) {
  const { t } = useTranslation();
  return (
    <ul className="smart-list">
      {smart.items.map((item) => (
        <li key={item.letter} className={`smart-${item.status}`}>
          <span className="smart-icon" aria-hidden="true">
            {smartIcon[item.status]}
          </span>
          <div>
            <p className="smart-letter">
              <strong>{t(`smart.${item.letter}`)}</strong>{' '}
              <span className="visually-hidden">– {t(`smartStatus.${item.status}`)}</span>
              <span className="smart-status" aria-hidden="true">
                {t(`smartStatus.${item.status}`)}
              </span>
            </p>
            <ul>
              {item.messages.map((m, i) => (
                <li key={i}>{coreText(t, m)}</li>
              ))}
            </ul>
          </div>
        </li>
      ))}
    </ul>
  );
}


/** The server also refuses to activate a goal whose deadline has passed (not part of the activation check). */
export function deadlinePassed(deadline: string | null | undefined): CoreMessage[] {
  const today = new Date().toISOString().slice(0, 10);
  if (!deadline || deadline >= today) return [];
  return [{ key: 'goals.activation.deadline_passed', params: { deadline }, text: `The deadline ${deadline} has passed.` }];
}
