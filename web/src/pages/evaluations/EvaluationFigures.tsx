/**
 * The month's figures of an evaluation: whether they are live or frozen at signing, the KPI
 * status tiles, a table of the KPIs (target, actual, status, progress, the month before and the
 * change with its sign; "ikke målt" where nothing was measured), audience fit in words, the
 * month's documentation (documented days, gaps as date ranges, the due watchdog now) and the best
 * and weakest posts (the account dashboard's posts section: plain text, only web addresses linked).
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EvaluationFigures } from '../../../../src/contract/evaluations.ts';
import { BROAD_BELOW_PERCENT } from '../../../../src/core/audience/fit.ts';
import { KpiStatusBadge, comparatorLabel, formatValue, lang } from '../../components/goals.tsx';
import { ageGroupLabel } from '../../components/labels.ts';
import { formatDay, formatDayRange, formatMonth } from '../../components/statistics.ts';
import { formatDate, formatNumber } from '../../i18n/index.ts';
import { PostsSection } from '../account-dashboard/PostsSection.tsx';
import { StatusTiles } from '../dashboard/StatusTiles.tsx';
import { withSign } from './evaluation-view.ts';

type KpiRow = EvaluationFigures['kpis'][number];

export function EvaluationFiguresView({ figures: f, frozen }: { figures: EvaluationFigures; frozen: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <p className={frozen ? 'alert alert-ok' : 'alert'}>
        {frozen ? t('evaluations.figuresFrozen', { time: formatDate(f.computedAt, true) }) : t('evaluations.figuresLive', { time: formatDate(f.computedAt, true) })}
      </p>
      <section className="card" aria-labelledby="evaluation-kpis-heading">
        <h2 id="evaluation-kpis-heading">{t('evaluations.kpisHeading')}</h2>
        <p className="muted">{t('evaluations.asOfNote', { date: formatDay(f.asOf) })}</p>
        <h3 id="evaluation-status-heading">{t('evaluations.statusHeading')}</h3>
        <StatusTiles counts={f.counts} headingId="evaluation-status-heading" />
        {f.kpis.length === 0 ? <p className="muted">{t('evaluations.noKpis')}</p> : <KpiTable figures={f} />}
      </section>
      <AudienceSection audience={f.audience} />
      <DocumentationSection documentation={f.documentation} month={f.month} />
      <PostsSection posts={f.posts} />
    </>
  );
}

/** A change in the KPI's unit with its sign; percentages change in percentage points. */
function changeText(t: TFunction, change: number | null, unit: string): string {
  if (change === null) return t('kpi.notMeasured');
  if (unit === 'percent') return t('evaluations.percentPoints', { value: withSign(formatNumber(change, { maximumFractionDigits: 2 }), change) });
  return withSign(formatValue(t, change, unit), change);
}

function KpiTable({ figures: f }: { figures: EvaluationFigures }) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption>{t('evaluations.kpisCaption', { month: formatMonth(f.month) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('evaluations.kpiCol.kpi')}</th>
            <th scope="col" className="num">
              {t('evaluations.kpiCol.target')}
            </th>
            <th scope="col" className="num">
              {t('evaluations.kpiCol.actual')}
            </th>
            <th scope="col">{t('evaluations.kpiCol.status')}</th>
            <th scope="col" className="num">
              {t('evaluations.kpiCol.progress')}
            </th>
            <th scope="col" className="num">
              {t('evaluations.kpiCol.previous')}
            </th>
            <th scope="col" className="num">
              {t('evaluations.kpiCol.change')}
            </th>
          </tr>
        </thead>
        <tbody>
          {f.kpis.map((row) => (
            <KpiTableRow key={`${row.goal.id}-${row.kpi.id}`} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function KpiTableRow({ row }: { row: KpiRow }) {
  const { t } = useTranslation();
  const { kpi } = row;
  const notMeasured = <span className="not-set">{t('kpi.notMeasured')}</span>;
  return (
    <tr>
      <th scope="row">
        {kpi.name[lang()]}
        <br />
        <span className="muted">
          <Link to={`/goals/${encodeURIComponent(row.goal.id)}`}>{t('evaluations.goalOf', { goal: row.goal.qualitativeGoal })}</Link> ·{' '}
          {comparatorLabel(t, kpi.comparator)}
        </span>
      </th>
      <td className="num">{kpi.target === null ? <span className="not-set">{t('kpi.noTarget')}</span> : formatValue(t, kpi.target, kpi.unit)}</td>
      <td className="num">{row.actual === null ? notMeasured : formatValue(t, row.actual, kpi.unit)}</td>
      <td>
        <KpiStatusBadge status={row.status} />
      </td>
      <td className="num">
        {row.progress === null ? notMeasured : t('kpi.progressValue', { value: formatNumber(row.progress * 100, { maximumFractionDigits: 0 }) })}
      </td>
      <td className="num">
        {row.previousActual === null ? notMeasured : formatValue(t, row.previousActual, kpi.unit)}
        {/* The status the month before, unless it only repeats "not measured". */}
        {row.previousStatus === 'not_measured' && row.previousActual === null ? null : (
          <>
            <br />
            <span className="muted">{row.previousStatus === null ? t('evaluations.notEvaluatedBefore') : t(`kpiStatus.${row.previousStatus}`)}</span>
          </>
        )}
      </td>
      <td className="num">{row.change === null ? notMeasured : changeText(t, row.change, kpi.unit)}</td>
    </tr>
  );
}

function AudienceSection({ audience: a }: { audience: EvaluationFigures['audience'] }) {
  const { t } = useTranslation();
  const percent = (v: number) => t('unit.percent', { value: formatNumber(v, { maximumFractionDigits: 1 }) });
  const group = a.largestGroup ? ageGroupLabel(t, a.largestGroup) : '';
  const share = a.largestShare !== null ? percent(a.largestShare) : '';
  const targets = a.targetAgeGroups.map((g) => ageGroupLabel(t, g)).join(', ');
  let verdict: { title: string; text: string; className: string };
  switch (a.status) {
    case 'fit':
      verdict = { title: t('audience.fitTitle'), text: t('audience.fitText', { group, share }), className: 'verdict-likely' };
      break;
    case 'misfit':
      verdict = { title: t('audience.evaluateTitle'), text: t('audience.misfitText', { group, share, targets }), className: 'verdict-unlikely' };
      break;
    case 'broad':
      verdict = {
        title: t('audience.evaluateTitle'),
        text: t('audience.broadText', { group, share, limit: percent(BROAD_BELOW_PERCENT) }),
        className: 'verdict-unlikely',
      };
      break;
    case 'unknown':
      verdict = { title: t('audience.unknownTitle'), text: t('evaluations.audienceUnknown'), className: 'verdict-insufficient_history' };
      break;
  }
  return (
    <section className="card" aria-labelledby="evaluation-audience-heading">
      <h2 id="evaluation-audience-heading">{t('evaluations.audienceHeading')}</h2>
      <div className={`verdict-box ${verdict.className}`}>
        <p className="alert-title">{verdict.title}</p>
        <p>{verdict.text}</p>
      </div>
      {a.snapshotDay ? <p className="muted">{t('audience.snapshot', { date: formatDay(a.snapshotDay) })}</p> : null}
      {a.targetShare !== null ? <p>{t('audience.targetShare', { share: percent(a.targetShare) })}</p> : null}
      {a.targetAgeGroups.length > 0 ? <p className="hint">{t('audience.targets', { groups: targets })}</p> : null}
    </section>
  );
}

function DocumentationSection({ documentation: d, month }: { documentation: EvaluationFigures['documentation']; month: string }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="evaluation-doc-heading">
      <h2 id="evaluation-doc-heading">{t('evaluations.docHeading')}</h2>
      <p>{t('evaluations.documentedDays', { documented: formatNumber(d.documentedDays), expected: formatNumber(d.expectedDays) })}</p>
      {d.gaps.length === 0 ? (
        <p>{t('evaluations.noGaps')}</p>
      ) : (
        <>
          <h3 id={`evaluation-gaps-${month}`}>{t('evaluations.gapsCaption')}</h3>
          <ul className="gap-list" aria-labelledby={`evaluation-gaps-${month}`}>
            {d.gaps.map(([from, to]) => (
              <li key={from}>{formatDayRange(from, to)}</li>
            ))}
          </ul>
        </>
      )}
      {d.due ? (
        <p>
          {t(`evaluations.due.${d.due}`)} {d.due !== 'ok' ? <Link to="/due">{t('evaluations.dueLink')}</Link> : null}
        </p>
      ) : null}
    </section>
  );
}
