/**
 * The platforms' history windows (administrators): how many days back each platform still shows
 * its statistics, which decides when Målbar warns that undocumented days are about to be lost.
 * Per platform the default and where it comes from, the organisation's own value with a note, and
 * a way back to the default. Others may read the page.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HistoryWindowIn } from '../../../src/contract/coverage.ts';
import { api, type HistoryWindowOut } from '../api/index.ts';
import { Loaded, Notice, ProblemAlert } from '../components/feedback.tsx';
import { SubmitButton, TextArea, TextField } from '../components/forms.tsx';
import { metricName, platformName } from '../components/statistics.ts';
import { onSubmit, useAction, useLoad, usePageTitle } from '../hooks.ts';
import { currentLanguage, formatDate, formatNumber } from '../i18n/index.ts';
import { useMe } from '../session.tsx';
import { check, type LocalIssues } from '../validation.ts';

export default function HistoryWindowsPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('historyWindows.title'));
  const windows = useLoad(() => api.coverage.windows(), []);
  return (
    <>
      <p>
        <Link to="/settings">← {t('historyWindows.back')}</Link>
      </p>
      <h1>{t('historyWindows.title')}</h1>
      <p>{t('historyWindows.intro')}</p>
      {!me.isAdmin ? <p className="alert alert-warn">{t('historyWindows.adminsOnly')}</p> : null}
      <Loaded data={windows.data} error={windows.error}>
        {(list) => (
          <>
            {list.map((w) => (
              <WindowCard
                key={w.platform}
                window={w}
                editable={me.isAdmin}
                onSaved={(next) => windows.setData(list.map((x) => (x.platform === next.platform ? next : x)))}
              />
            ))}
          </>
        )}
      </Loaded>
    </>
  );
}

function WindowCard({ window: w, editable, onSaved }: { window: HistoryWindowOut; editable: boolean; onSaved(w: HistoryWindowOut): void }) {
  const { t } = useTranslation();
  const l = currentLanguage();
  const name = platformName(w.platform);
  const [days, setDays] = useState(String(w.override?.days ?? w.days ?? ''));
  const [note, setNote] = useState(w.override?.note ?? '');
  const [done, setDone] = useState<string | null>(null);
  const save = useAction();
  const reset = useAction();
  const headingId = `window-${w.platform}`;
  const daysText = (d: number | null) => (d === null ? t('historyWindows.lifetime') : t('historyWindows.days', { count: d, days: formatNumber(d) }));

  const submit = async () => {
    setDone(null);
    const trimmed = days.trim();
    const input = { days: trimmed === '' ? Number.NaN : Number(trimmed), note: note.trim() === '' ? null : note.trim() };
    const issues: LocalIssues = check(HistoryWindowIn, input);
    const result = await save.run(() => api.coverage.setWindow(w.platform, input), issues);
    if (result) {
      onSaved(result);
      setDone(t('historyWindows.saved', { platform: name, days: daysText(result.days) }));
    }
  };
  const toDefault = async () => {
    setDone(null);
    const result = await reset.run(() => api.coverage.resetWindow(w.platform));
    if (result) {
      onSaved(result);
      setDays(String(result.days ?? ''));
      setNote('');
      setDone(t('historyWindows.resetDone', { platform: name, days: daysText(result.days) }));
    }
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{name}</h2>
      <dl className="facts">
        <dt>{t('historyWindows.inForce')}</dt>
        <dd>
          {daysText(w.days)}{' '}
          {w.override ? <span className="badge neutral">{t('historyWindows.overridden')}</span> : <span className="badge closed">{t('historyWindows.isDefault')}</span>}
        </dd>
        <dt>{t('historyWindows.default')}</dt>
        <dd>
          {daysText(w.defaultDays)}
          <br />
          <span className="muted">{w.basis[l]}</span>
        </dd>
        {w.override ? (
          <>
            <dt>{t('historyWindows.note')}</dt>
            <dd>
              {w.override.note ?? <span className="not-set">{t('common.notSet')}</span>}
              <br />
              <span className="muted">
                {t('historyWindows.changedBy', { name: w.override.updatedBy?.name ?? '–', date: formatDate(w.override.updatedAt, true) })}
              </span>
            </dd>
          </>
        ) : null}
        <dt>{t('historyWindows.cadence')}</dt>
        <dd>{t(`historyWindows.cadenceValue.${w.cadence}`)}</dd>
        <dt>{t('historyWindows.export')}</dt>
        <dd>{w.exportName[l]}</dd>
        <dt>{t('historyWindows.coreMetrics')}</dt>
        <dd>{w.coreMetrics.map(metricName).join(', ')}</dd>
      </dl>
      <Notice>{done}</Notice>
      {editable ? <ProblemAlert error={reset.error} /> : null}
      {editable ? (
        <details className="disclosure window-disclosure">
          <summary>{t('historyWindows.formLabel', { platform: name })}</summary>
          <div className="disclosure-body">
            <form className="form window-form" noValidate onSubmit={onSubmit(submit)} aria-label={t('historyWindows.formLabel', { platform: name })}>
              <ProblemAlert error={save.error} />
              <TextField
                label={t('historyWindows.daysLabel')}
                hint={t('historyWindows.daysHint')}
                inputMode="numeric"
                value={days}
                onChange={(e) => setDays(e.target.value)}
                error={save.fieldErrors['days']}
                className="field-narrow"
              />
              <TextArea
                label={t('historyWindows.noteLabel')}
                hint={t('historyWindows.noteHint')}
                optional
                value={note}
                onChange={(e) => setNote(e.target.value)}
                error={save.fieldErrors['note']}
              />
              <div className="actions">
                <SubmitButton busy={save.busy}>{t('historyWindows.save', { platform: name })}</SubmitButton>
                {w.override ? (
                  <button type="button" className="button subtle" disabled={reset.busy} onClick={() => void toDefault()}>
                    {t('historyWindows.reset', { platform: name })}
                  </button>
                ) : null}
              </div>
            </form>
          </div>
        </details>
      ) : null}
    </section>
  );
}
