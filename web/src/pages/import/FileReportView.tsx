/**
 * What Målbar read from one file (or one ZIP entry): platform, kind, period, counts, the metrics
 * recognised (catalogue names), the columns ignored, warnings, or why it was refused; and after an
 * import what was written.
 */
import { useTranslation } from 'react-i18next';
import type { FileReport } from '../../api/index.ts';
import { formatDayRange, metricName, platformName } from '../../components/statistics.ts';
import { formatNumber } from '../../i18n/index.ts';
import { AppliedMappingNote, kindText, MapYourselfButton } from './MappingNote.tsx';

/** The badge of a report: what happened to the file, in words (the colour only repeats it). */
export function ReportStatus({ report, phase }: { report: FileReport; phase: 'preview' | 'import' }) {
  const { t } = useTranslation();
  switch (report.status) {
    case 'ready':
      return <span className="badge neutral">{t('importPage.status.ready')}</span>;
    case 'imported':
      return <span className="badge active">{t('importPage.status.imported')}</span>;
    case 'unchanged':
      return <span className="badge closed">{phase === 'preview' ? t('importPage.status.alreadyImported') : t('importPage.status.unchanged')}</span>;
    case 'refused':
      return <span className="badge refused">{t('importPage.status.refused')}</span>;
  }
}

const n = (v: number) => formatNumber(v);

/**
 * `showName`: false when the report is the uploaded file itself (its name is the item's heading).
 * `onMap`: offered when a known export has columns Målbar did not recognise (map them yourself).
 */
export function FileReportView({
  report,
  phase,
  showName = true,
  onMap,
}: {
  report: FileReport;
  phase: 'preview' | 'import';
  showName?: boolean;
  onMap?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const metrics = [...new Set(report.metrics)].map(metricName);
  const applied = report.mapping?.appliedMapping ?? null;
  if (report.status === 'refused' && report.errorCode === 'mapping_required') {
    return (
      <div className="file-report">
        <p className="file-report-head">
          {showName ? <span className="file-name">{report.file}</span> : null} <span className="badge neutral">{t('mapping.needsMapping')}</span>
        </p>
        <div className="alert alert-warn">
          <p className="alert-title">{t('mapping.requiredTitle')}</p>
        </div>
      </div>
    );
  }
  if (report.status === 'refused') {
    return (
      <div className="file-report">
        <p className="file-report-head">
          {showName ? <span className="file-name">{report.file}</span> : null} <ReportStatus report={report} phase={phase} />
        </p>
        <div className="alert alert-error">
          <p className="alert-title">{t('importPage.refusedTitle')}</p>
          <p className="alert-detail">{report.error ?? t('problem.generic')}</p>
        </div>
      </div>
    );
  }
  return (
    <div className="file-report">
      <p className="file-report-head">
        {showName ? <span className="file-name">{report.file}</span> : null} <ReportStatus report={report} phase={phase} />
      </p>
      {phase === 'import' && report.status === 'imported' ? (
        <p className="result-line">
          {t('importPage.resultCounts', { added: n(report.added), changed: n(report.changed), unchanged: n(report.unchanged) })}
          {report.posts > 0 ? ` ${t('importPage.resultPosts', { count: report.posts, posts: n(report.posts) })}` : ''}
          {report.audience > 0 ? ` ${t('importPage.resultAudience', { count: report.audience, snapshots: n(report.audience) })}` : ''}
        </p>
      ) : null}
      {applied ? <AppliedMappingNote applied={applied} phase={phase} /> : null}
      {phase === 'preview' && onMap && !applied && report.mapping?.reason === 'unknown_columns' ? <MapYourselfButton file={report.file} onMap={onMap} /> : null}
      {report.status === 'unchanged' ? (
        <p className="result-line">{phase === 'preview' ? t('importPage.alreadyImportedText') : t('importPage.unchangedText')}</p>
      ) : null}
      <dl className="facts compact">
        <dt>{t('importPage.platform')}</dt>
        <dd>{platformName(report.platform) || <span className="not-set">{t('importPage.noPlatform')}</span>}</dd>
        <dt>{t('importPage.kind')}</dt>
        <dd>{kindText(t, report.kind)}</dd>
        <dt>{t('importPage.period')}</dt>
        <dd>{formatDayRange(report.from, report.to) || <span className="not-set">{t('importPage.noDates')}</span>}</dd>
        <dt>{t('importPage.counts')}</dt>
        <dd>
          {t('importPage.rows', { count: report.rows, rows: n(report.rows) })} ·{' '}
          {t('importPage.values', { count: report.observations, values: n(report.observations) })} ·{' '}
          {t('importPage.posts', { count: report.posts, posts: n(report.posts) })}
          {report.audience > 0 ? ` · ${t('importPage.audience', { count: report.audience, snapshots: n(report.audience) })}` : ''}
        </dd>
        <dt>{t('importPage.notMeasured')}</dt>
        <dd>
          {report.notMeasured === 0
            ? t('importPage.notMeasuredNone')
            : t('importPage.notMeasuredCount', { count: report.notMeasured, cells: n(report.notMeasured) })}
        </dd>
        <dt>{t('importPage.metrics')}</dt>
        <dd>{metrics.length > 0 ? metrics.join(', ') : <span className="not-set">{t('importPage.none')}</span>}</dd>
        <dt>{t('importPage.ignored')}</dt>
        <dd>{report.columns.ignored.length > 0 ? report.columns.ignored.join(', ') : t('importPage.none')}</dd>
      </dl>
      {report.columns.recognised.length > 0 ? (
        <details className="columns-detail">
          <summary>{t('importPage.columnsMatched', { count: report.columns.recognised.length })}</summary>
          <ul>
            {report.columns.recognised.map((c) => (
              <li key={`${c.header}→${c.metric}`}>
                <q>{c.header}</q> → {metricName(c.metric)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {report.warnings.length > 0 ? (
        <div className="alert alert-warn">
          <p className="alert-title">{t('importPage.warnings')}</p>
          <ul>
            {report.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
