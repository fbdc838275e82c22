/**
 * One monthly evaluation (`/evaluations/:id`): the account and month, its state and due day, the
 * month's figures (live while a draft, frozen once signed), the evaluator's assessment, decision
 * and adjustment (a form while a draft you may write; text otherwise), reopening for a unit
 * manager, and the events: prepared, edited, signed, reopened with the reason – who and when.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getEvaluation, reopenEvaluation, type EvaluationDetail } from '../../api/evaluations.ts';
import { Loaded, Notice } from '../../components/feedback.tsx';
import { formatDay, formatMonth } from '../../components/statistics.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { formatDate } from '../../i18n/index.ts';
import { EvaluationFiguresView } from './EvaluationFigures.tsx';
import { ReopenSection } from '../../components/ReopenSection.tsx';
import { EvaluationForm, EvaluationReadOnly } from './EvaluationForm.tsx';
import { EvaluationStateBadge } from './labels.tsx';

type NoticeKey = 'saved' | 'signed' | 'reopened';

export default function EvaluationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const evaluation = useLoad(() => getEvaluation(id), [id]);
  const d = evaluation.data;
  usePageTitle(d ? t('evaluations.heading', { account: d.account.name, month: formatMonth(d.month) }) : t('evaluations.title'));
  return (
    <>
      <p>
        <Link to="/evaluations">← {t('evaluations.back')}</Link>
      </p>
      <Loaded data={d} error={evaluation.error}>
        {(detail) => <EvaluationView detail={detail} onChanged={evaluation.setData} />}
      </Loaded>
    </>
  );
}

function EvaluationView({ detail: d, onChanged }: { detail: EvaluationDetail; onChanged(detail: EvaluationDetail): void }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<NoticeKey | null>(null);
  const changed = (next: EvaluationDetail, key: NoticeKey) => {
    onChanged(next);
    setNotice(key);
  };
  const writable = d.status === 'draft' && d.canWrite;
  const noticeText = notice === 'saved' ? t('evaluations.saved') : notice === 'signed' ? t('evaluations.signedNotice') : notice === 'reopened' ? t('evaluations.reopened') : null;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('evaluations.heading', { account: d.account.name, month: formatMonth(d.month) })}</h1>
          <p className="subtitle">
            <EvaluationStateBadge state={d.state} /> · {t('evaluations.dueOn', { date: formatDay(d.dueOn) })} ·{' '}
            {t('evaluations.unitLine', { unit: d.unit.name })}
          </p>
          <p className="muted">
            {d.evaluators.length > 0 ? t('evaluations.evaluatorsLine', { names: d.evaluators.map((p) => p.name).join(', ') }) : t('evaluations.noEvaluators')}
          </p>
        </div>
        <div className="head-actions">
          <Link to={`/accounts/${encodeURIComponent(d.account.slug)}/dashboard`} className="button">
            {t('evaluations.dashboardLink')}
          </Link>
        </div>
      </div>
      <Notice>{noticeText}</Notice>

      <EvaluationFiguresView figures={d.figures} frozen={d.figuresFrozen} />

      {writable ? (
        // A new form after signing or reopening, so that it starts from what is saved.
        <EvaluationForm key={`${d.id}-${d.status}-${d.events.length}`} detail={d} onChanged={(next, key) => changed(next, key)} />
      ) : (
        <EvaluationReadOnly detail={d} />
      )}
      {d.canReopen && d.status === 'signed' ? <ReopenSection texts="evaluations" reopen={(reason) => reopenEvaluation(d.id, { reason })} onReopened={(next) => changed(next, 'reopened')} /> : null}

      <Events events={d.events} />
    </>
  );
}

function Events({ events }: { events: EvaluationDetail['events'] }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="evaluation-events-heading">
      <h2 id="evaluation-events-heading">{t('evaluations.eventsHeading')}</h2>
      <ol className="event-list" aria-labelledby="evaluation-events-heading">
        {events.map((e, i) => (
          <li key={`${e.at}-${i}`}>
            <strong>{t(`evaluations.event.${e.action}`)}</strong>{' '}
            {e.person ? t('evaluations.eventBy', { name: e.person.name }) : t('evaluations.eventBySystem')} ·{' '}
            <time dateTime={e.at}>{formatDate(e.at, true)}</time>
            {e.reason ? <p className="pre-wrap">{t('evaluations.eventReason', { reason: e.reason })}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
