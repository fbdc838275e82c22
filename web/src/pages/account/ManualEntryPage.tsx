/**
 * Manual monthly entry: one value per metric for a month, for platforms without an export
 * (Snapchat, Threads) and for what comes from elsewhere (hours and money spent, applicants, web
 * analytics, social listening). Values are typed the Norwegian way ("1 234,5"); an empty field is
 * not sent (not measured), never 0. After saving, the page shows what was stored.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useParams } from 'react-router';
import { api, type AccountDetail, type BatchResult, type UnitOut } from '../../api/index.ts';
import { can } from '../../access.ts';
import { Loaded, Notice, ProblemAlert } from '../../components/feedback.tsx';
import { SubmitButton, TextField } from '../../components/forms.tsx';
import { formatValue } from '../../components/goals.tsx';
import { platformLabel } from '../../components/labels.ts';
import { formatMonth, parseDecimal, todayLocal } from '../../components/statistics.ts';
import { onSubmit, useAction, useLoad, usePageTitle } from '../../hooks.ts';
import { currentLanguage, formatNumber } from '../../i18n/index.ts';
import { useMe } from '../../session.tsx';
import type { LocalIssues } from '../../validation.ts';
import type { MetricDefinition } from '../../../../src/core/metrics/catalogue.ts';
import { entryMetrics, previousMonth } from './manual-entry.ts';

export default function ManualEntryPage() {
  const { account: param = '' } = useParams();
  const account = useLoad(() => api.accounts.get(param), [param]);
  const units = useLoad(() => api.units.list(true), []);
  return (
    <Loaded data={account.data} error={account.error}>
      {(a) => <ManualEntry account={a} units={units.data} />}
    </Loaded>
  );
}

const unitHint = (t: TFunction, m: MetricDefinition) => {
  const how = m.aggregation === 'latest' ? t('manualEntry.atMonthEnd') : m.aggregation === 'sum' ? t('manualEntry.monthTotal') : t('manualEntry.monthAverage');
  const unit = m.unit === 'count' || m.unit === 'score' ? '' : ` ${t(`manualEntry.unit.${m.unit}`)}`;
  return `${how}${unit}`;
};

interface Saved {
  month: string;
  result: BatchResult;
  values: { metric: MetricDefinition; value: number }[];
}

function ManualEntry({ account: a, units }: { account: AccountDetail; units: UnitOut[] | undefined }) {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('manualEntry.title', { account: a.name }));
  const today = todayLocal();
  const thisMonth = today.slice(0, 7);
  const [month, setMonth] = useState(previousMonth(today));
  const [values, setValues] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<Saved | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const action = useAction();
  const groups = useMemo(() => entryMetrics(a.platform), [a.platform]);
  const mayWrite = a.status !== 'closed' && (a.canEdit || (units !== undefined && can(me, 'statistics.write', a.unitId, units)));
  const l = currentLanguage();

  const submit = async () => {
    setSaved(null);
    setFormError(null);
    const issues: LocalIssues = {};
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) issues['month'] = 'validation.required';
    else if (month > thisMonth) issues['month'] = 'validation.monthNotBegun';
    const entries: Saved['values'] = [];
    for (const m of [...groups.platform, ...groups.elsewhere]) {
      const text = values[m.key] ?? '';
      const value = parseDecimal(text);
      if (value === null) continue;
      if (Number.isNaN(value)) issues[m.key] = 'validation.decimal';
      else if (value < 0) issues[m.key] = 'validation.notNegative';
      else entries.push({ metric: m, value });
    }
    if (entries.length === 0 && Object.keys(issues).length === 0) {
      setFormError(t('manualEntry.nothingGiven'));
      return;
    }
    const result = await action.run(
      () => api.statistics.monthlyEntry(a.id, { month, values: entries.map((e) => ({ metric: e.metric.key, value: e.value })) }),
      issues,
    );
    if (result) {
      setSaved({ month, result, values: entries });
      setValues({});
    }
  };

  const field = (m: MetricDefinition) => (
    <TextField
      key={m.key}
      label={m.name[l]}
      hint={unitHint(t, m)}
      inputMode="decimal"
      autoComplete="off"
      value={values[m.key] ?? ''}
      onChange={(e) => setValues((v) => ({ ...v, [m.key]: e.target.value }))}
      error={action.fieldErrors[m.key]}
      title={m.definition[l]}
    />
  );

  const platformSet = (
    <fieldset className="metric-group" key="platform">
      <legend>{t('manualEntry.fromPlatform', { platform: platformLabel(a.platform) })}</legend>
      <p className="hint">{t('manualEntry.fromPlatformHint')}</p>
      <div className="form-grid">{groups.platform.map(field)}</div>
    </fieldset>
  );
  const elsewhereSet = (
    <fieldset className="metric-group" key="elsewhere">
      <legend>{t('manualEntry.fromElsewhere')}</legend>
      <p className="hint">{t('manualEntry.fromElsewhereHint')}</p>
      <div className="form-grid">{groups.elsewhere.map(field)}</div>
    </fieldset>
  );

  return (
    <>
      <p>
        <Link to={`/accounts/${encodeURIComponent(a.slug)}`}>← {t('account.back')}</Link>
      </p>
      <h1>{t('manualEntry.heading')}</h1>
      <p className="subtitle">
        {a.name} · {platformLabel(a.platform)}
      </p>
      <p>{t('manualEntry.intro')}</p>
      {!mayWrite ? (
        <p className="alert alert-warn">{a.status === 'closed' ? t('importPage.closed') : t('importPage.notAllowed')}</p>
      ) : (
        <form className="form card" noValidate onSubmit={onSubmit(submit)} aria-labelledby="entry-heading">
          <h2 id="entry-heading" className="visually-hidden">
            {t('manualEntry.heading')}
          </h2>
          <ProblemAlert error={action.error} />
          {formError ? (
            <p role="alert" className="alert alert-error">
              {formError}
            </p>
          ) : null}
          <TextField
            label={t('manualEntry.month')}
            hint={t('manualEntry.monthHint')}
            type="month"
            max={thisMonth}
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            error={action.fieldErrors['month']}
            className="field-narrow"
          />
          {groups.platformFirst ? [platformSet, elsewhereSet] : [elsewhereSet, platformSet]}
          <SubmitButton busy={action.busy}>{t('manualEntry.save')}</SubmitButton>
        </form>
      )}
      <Notice>
        {saved
          ? saved.result.status === 'unchanged'
            ? t('manualEntry.unchanged', { month: formatMonth(saved.month) })
            : t('manualEntry.saved', {
                month: formatMonth(saved.month),
                added: formatNumber(saved.result.added),
                changed: formatNumber(saved.result.changed),
                unchanged: formatNumber(saved.result.unchanged),
              })
          : null}
      </Notice>
      {saved ? (
        <section className="card" aria-labelledby="saved-heading">
          <h2 id="saved-heading">{t('manualEntry.savedHeading', { month: formatMonth(saved.month) })}</h2>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('kpi.metric')}</th>
                  <th scope="col" className="num">
                    {t('manualEntry.value')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {saved.values.map((v) => (
                  <tr key={v.metric.key}>
                    <td>{v.metric.name[l]}</td>
                    <td className="num">{formatValue(t, v.value, v.metric.unit)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint">
            <Link to={`/accounts/${encodeURIComponent(a.slug)}/import#history`}>{t('manualEntry.historyLink')}</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
