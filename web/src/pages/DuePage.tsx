/**
 * "Due": the accounts you document statistics for whose undocumented days are about to leave the
 * platform's history window, with the deadline, what is still to cover, what is already lost, and
 * which export to download; overdue first, then due soon, then (folded away) the ones up to date.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, type DueItem, type DueList } from '../api/index.ts';
import { Loaded } from '../components/feedback.tsx';
import { formatDay, formatDayRange, formatMonth, platformName } from '../components/statistics.ts';
import { useLoad, usePageTitle } from '../hooks.ts';
import { currentLanguage, formatNumber } from '../i18n/index.ts';

const RANGES_SHOWN = 5;

export default function DuePage() {
  const { t } = useTranslation();
  usePageTitle(t('due.title'));
  const due = useLoad(() => api.coverage.due(), []);
  return (
    <>
      <h1>{t('due.title')}</h1>
      <p>{t('due.intro')}</p>
      <Loaded data={due.data} error={due.error}>
        {(list) => <DueView list={list} />}
      </Loaded>
    </>
  );
}

function DueView({ list }: { list: DueList }) {
  const { t } = useTranslation();
  const overdue = list.items.filter((i) => i.status === 'overdue');
  const dueSoon = list.items.filter((i) => i.status === 'due');
  const ok = list.items.filter((i) => i.status === 'ok');
  if (list.items.length === 0) return <p className="muted">{t('due.noAccounts')}</p>;
  return (
    <>
      <p className="muted">{t('due.asOf', { date: formatDay(list.asOf), days: list.dueWithinDays })}</p>
      <section aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">{t('due.overdueHeading', { count: overdue.length })}</h2>
        {overdue.length === 0 ? <p className="muted">{t('due.noneOverdue')}</p> : <DueItems items={overdue} />}
      </section>
      <section aria-labelledby="due-heading">
        <h2 id="due-heading">{t('due.dueHeading', { count: dueSoon.length, days: list.dueWithinDays })}</h2>
        {dueSoon.length === 0 ? <p className="muted">{t('due.noneDue')}</p> : <DueItems items={dueSoon} />}
      </section>
      {ok.length > 0 ? (
        <details className="disclosure">
          <summary>{t('due.okHeading', { count: ok.length })}</summary>
          <div className="disclosure-body">
            <DueItems items={ok} />
          </div>
        </details>
      ) : null}
    </>
  );
}

function DueItems({ items }: { items: DueItem[] }) {
  return (
    <ul className="due-list">
      {items.map((item) => (
        <DueEntry key={item.account.id} item={item} />
      ))}
    </ul>
  );
}

function StatusBadge({ status }: { status: DueItem['status'] }) {
  const { t } = useTranslation();
  const cls = status === 'overdue' ? 'refused' : status === 'due' ? 'paused' : 'active';
  return <span className={`badge ${cls}`}>{t(`due.status.${status}`)}</span>;
}

function DueEntry({ item }: { item: DueItem }) {
  const { t } = useTranslation();
  const l = currentLanguage();
  const [all, setAll] = useState(false);
  const base = `/accounts/${encodeURIComponent(item.account.slug)}`;
  const monthly = item.cadence === 'monthly';
  const ranges = all ? item.toCover : item.toCover.slice(0, RANGES_SHOWN);
  const deadlineText =
    item.deadline === null
      ? null
      : item.daysLeft !== null && item.daysLeft < 0
        ? t('due.deadlinePast', { date: formatDay(item.deadline), count: -item.daysLeft, days: formatNumber(-item.daysLeft) })
        : t('due.deadline', { date: formatDay(item.deadline), count: item.daysLeft ?? 0, days: formatNumber(item.daysLeft ?? 0) });
  return (
    <li className={`card due-item due-${item.status}`}>
      <div className="due-head">
        <h3>
          <Link to={base}>{item.account.name}</Link>
        </h3>
        <StatusBadge status={item.status} />
      </div>
      <p className="muted">
        {platformName(item.account.platform)} · {item.unit.name}
        {item.reporters.length > 0 ? ` · ${t('due.reporters', { names: item.reporters.map((r) => r.name).join(', ') })}` : ` · ${t('due.noReporter')}`}
      </p>
      {deadlineText ? (
        <p>
          <strong>{deadlineText}</strong>
        </p>
      ) : null}
      {item.lostDays > 0 ? <p className="due-lost">{t('due.lost', { count: item.lostDays, days: formatNumber(item.lostDays) })}</p> : null}
      {monthly ? (
        item.months.length > 0 ? (
          <>
            <p>{t('due.monthsIntro')}</p>
            <ul>
              {item.months.map((m) => (
                <li key={m.month}>
                  {formatMonth(m.month)}: {t(`due.monthState.${m.state}`, { date: formatDay(m.dueBy) })}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('due.allMonthsDone')}</p>
        )
      ) : item.toCoverDays > 0 ? (
        <>
          <p>{t('due.toCover', { count: item.toCoverDays, days: formatNumber(item.toCoverDays) })}</p>
          <ul className="gap-list">
            {ranges.map(([from, to]) => (
              <li key={from}>{formatDayRange(from, to)}</li>
            ))}
          </ul>
          {item.toCover.length > RANGES_SHOWN ? (
            <button type="button" className="link-button" aria-expanded={all} onClick={() => setAll((v) => !v)}>
              {all ? t('due.fewer') : t('due.allRanges', { count: item.toCover.length })}
            </button>
          ) : null}
        </>
      ) : (
        <p>{t('due.nothingToCover')}</p>
      )}
      <p>
        {t('due.download', { export: item.exportName[l] })}{' '}
        {item.window.days === null
          ? t('due.windowLifetime')
          : t('due.window', { count: item.window.days, days: formatNumber(item.window.days) })}
      </p>
      <details className="instruction">
        <summary>{t('due.how')}</summary>
        <p className="pre-wrap">{item.instruction[l]}</p>
      </details>
      <p>
        <Link to={monthly ? `${base}/monthly-entry` : `${base}/import`} className="button primary small">
          {monthly ? t('due.enterMonths', { account: item.account.name }) : t('due.importFor', { account: item.account.name })}
        </Link>
      </p>
    </li>
  );
}
