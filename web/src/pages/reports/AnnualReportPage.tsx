/**
 * One account's annual report (`/annual-reports/:account/:year`): the account and year, the
 * report's state and due day, its files, the year's figures (live while a draft, frozen once
 * signed), the evaluator's decision and reasoning (a form while a draft you may write; text
 * otherwise), reopening for a unit manager, and the events – edited, signed, reopened with the
 * reason – who and when. After saving, signing or reopening, focus moves to the notice.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getAccountAnnualReport, reopenAnnualReport, type AnnualAccountReport } from '../../api/reports.ts';
import { Loaded } from '../../components/feedback.tsx';
import { formatDay, todayLocal } from '../../components/statistics.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { formatDate } from '../../i18n/index.ts';
import { AnnualFiguresView } from './AnnualAccountView.tsx';
import { AnnualDecisionForm } from './AnnualReportForm.tsx';
import { ReopenSection } from '../../components/ReopenSection.tsx';
import { DecisionText } from './AnnualReportView.tsx';
import { ReportDownloads } from './ReportDownloads.tsx';
import { AnnualStateBadge } from './labels.tsx';
import { annualReportPath } from './report-view.ts';

type NoticeKey = 'saved' | 'signed' | 'reopened';

export default function AnnualReportPage() {
  const { t } = useTranslation();
  const { account = '', year = '' } = useParams();
  const report = useLoad(() => getAccountAnnualReport(account, year), [account, year]);
  const r = report.data;
  usePageTitle(r ? t('annualReports.heading', { account: r.account.name, year: r.year }) : t('annualReports.title'));
  return (
    <>
      <p>
        <Link to={`/annual-reports?year=${encodeURIComponent(year)}`}>← {t('annualReports.back')}</Link>
      </p>
      <Loaded data={r} error={report.error}>
        {(data) => <ReportView report={data} onChanged={report.setData} />}
      </Loaded>
    </>
  );
}

function ReportView({ report: r, onChanged }: { report: AnnualAccountReport; onChanged(report: AnnualAccountReport): void }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<NoticeKey | null>(null);
  const [round, setRound] = useState(0);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice, round]);
  const changed = (next: AnnualAccountReport, key: NoticeKey) => {
    onChanged(next);
    setNotice(key);
    setRound((n) => n + 1);
  };
  const writable = r.status === 'draft' && r.canWrite;
  const title = t('annualReports.heading', { account: r.account.name, year: r.year });
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{title}</h1>
          <p className="subtitle">
            <AnnualStateBadge state={r.state} /> · {t('evaluations.dueOn', { date: formatDay(r.dueOn) })} · {t('evaluations.unitLine', { unit: r.unit.name })}
          </p>
          <p className="muted">
            {r.evaluators.length > 0 ? t('evaluations.evaluatorsLine', { names: r.evaluators.map((p) => p.name).join(', ') }) : t('evaluations.noEvaluators')}
          </p>
        </div>
        <div className="head-actions">
          <Link to={`/accounts/${encodeURIComponent(r.account.slug)}`} className="button">
            {t('annualReports.accountLink')}
          </Link>
        </div>
      </div>
      <nav aria-label={t('annualReports.otherYears')}>
        <ul className="inline-list actions">
          <li>
            <Link to={annualReportPath(r.account.slug, String(Number(r.year) - 1))}>← {Number(r.year) - 1}</Link>
          </li>
          {Number(r.year) < Number(todayLocal().slice(0, 4)) ? (
            <li>
              <Link to={annualReportPath(r.account.slug, String(Number(r.year) + 1))}>{Number(r.year) + 1} →</Link>
            </li>
          ) : null}
        </ul>
      </nav>
      <div ref={noticeRef} tabIndex={-1} role="status" aria-live="polite" className={notice ? 'alert alert-ok' : 'sr-live'}>
        {notice ? t(`annualReports.notice.${notice}`) : null}
      </div>
      <ReportDownloads kind="annual" scope={{ account: r.account.slug }} period={r.year} title={title} />

      <AnnualFiguresView figures={r.figures} frozen={r.figuresFrozen} />

      {writable ? (
        // A new form after signing or reopening, so that it starts from what is saved.
        <AnnualDecisionForm key={`${r.status}-${r.events.length}`} report={r} onChanged={(next, key) => changed(next, key)} />
      ) : (
        <>
          {r.status === 'draft' ? <p className="muted">{t('annualReports.readOnly')}</p> : <p className="muted">{t('annualReports.locked')}</p>}
          <DecisionText report={r} withLink={false} />
        </>
      )}
      {r.canReopen && r.status === 'signed' ? <ReopenSection texts="annualReports" reopen={(reason) => reopenAnnualReport(r.account.slug, r.year, { reason })} onReopened={(next) => changed(next, 'reopened')} /> : null}
      <Events events={r.events} />
    </>
  );
}

function Events({ events }: { events: AnnualAccountReport['events'] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="annual-events-heading">
      <h2 id="annual-events-heading">{t('evaluations.eventsHeading')}</h2>
      {events.length === 0 ? (
        <p className="muted">{t('annualReports.noEvents')}</p>
      ) : (
        <ol className="event-list" aria-labelledby="annual-events-heading">
          {events.map((e, i) => (
            <li key={`${e.at}-${i}`}>
              <strong>{t(`evaluations.event.${e.action}`)}</strong> {e.person ? t('evaluations.eventBy', { name: e.person.name }) : t('evaluations.eventBySystem')} ·{' '}
              <time dateTime={e.at}>{formatDate(e.at, true)}</time>
              {e.reason ? <p className="pre-wrap">{t('evaluations.eventReason', { reason: e.reason })}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
