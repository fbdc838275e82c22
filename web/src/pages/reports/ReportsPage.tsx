/**
 * Reports (`/reports`): choose the annual or the monthly report, its scope – the organisation, a
 * unit (and everything below it) or one account – and the year or month; the report is shown as
 * a web page with its files to download (PDF, print-ready HTML, XLSX, CSV) in the interface
 * language. The whole choice lives in the address (?kind=&scope=&unit=&account=&year=&month=), so
 * a report can be shared as a link. The annual reports to write are a link away.
 */
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../api/index.ts';
import { getAnnualReport, getMonthlyReport, type AnnualReport, type MonthlyReport } from '../../api/reports.ts';
import { Loaded } from '../../components/feedback.tsx';
import { SelectField, type Option } from '../../components/forms.tsx';
import { formatMonth, platformName, todayLocal } from '../../components/statistics.ts';
import { unitOptions } from '../../components/units.ts';
import { useLoad, usePageTitle } from '../../hooks.ts';
import { monthChoices } from '../evaluations/evaluation-view.ts';
import { AnnualReportView } from './AnnualReportView.tsx';
import { MonthlyReportView } from './MonthlyReportView.tsx';
import { ReportDownloads } from './ReportDownloads.tsx';
import { choiceParams, isComplete, readChoice, reportKinds, scopeKinds, scopeQuery, yearChoices, type ReportChoice } from './report-view.ts';

const YEARS_OFFERED = 5;
const MONTHS_OFFERED = 24;

export default function ReportsPage() {
  const { t } = useTranslation();
  usePageTitle(t('reports.title'));
  const [params, setParams] = useSearchParams();
  const today = todayLocal();
  const choice = readChoice(params, today);
  const set = (patch: Partial<ReportChoice>) => setParams(choiceParams({ ...choice, ...patch }), { replace: true });

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('reports.title')}</h1>
          <p className="subtitle">{t('reports.intro')}</p>
        </div>
        <div className="head-actions">
          <Link to={`/annual-reports?year=${choice.year}`} className="button">
            {t('reports.annualListLink')}
          </Link>
        </div>
      </div>
      <ChoiceForm choice={choice} today={today} set={set} />
      {isComplete(choice) ? <ReportSection choice={choice} /> : <p className="muted">{t(choice.scope === 'unit' ? 'reports.chooseUnit' : 'reports.chooseAccount')}</p>}
    </>
  );
}

function Radios<T extends string>({ legend, name, values, value, label, onChange }: { legend: string; name: string; values: readonly T[]; value: T; label(v: T): string; onChange(v: T): void }) {
  const id = useId();
  return (
    <fieldset className="field checkbox-group">
      <legend>{legend}</legend>
      <div className="checkboxes">
        {values.map((v) => (
          <label key={v} className="checkbox" htmlFor={`${id}-${v}`}>
            <input type="radio" id={`${id}-${v}`} name={`${id}-${name}`} value={v} checked={value === v} onChange={() => onChange(v)} />
            <span>{label(v)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function ChoiceForm({ choice, today, set }: { choice: ReportChoice; today: string; set(patch: Partial<ReportChoice>): void }) {
  const { t } = useTranslation();
  const units = useLoad(() => api.units.list(true), []);
  const wantsAccounts = choice.scope === 'account';
  const accounts = useLoad(() => (wantsAccounts ? api.accounts.list() : Promise.resolve([])), [wantsAccounts]);
  const unitList = units.data ?? [];
  const accountOptions: Option[] = [...(accounts.data ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'))
    .map((a) => ({ value: a.slug, label: `${a.name} (${platformName(a.platform)})` }));
  return (
    <form className="filters card" aria-label={t('reports.choose')} onSubmit={(e) => e.preventDefault()}>
      <Radios legend={t('reports.kindLegend')} name="kind" values={reportKinds} value={choice.kind} label={(k) => t(`reports.kind.${k}`)} onChange={(kind) => set({ kind })} />
      <Radios legend={t('reports.scopeLegend')} name="scope" values={scopeKinds} value={choice.scope} label={(s) => t(`reports.scope.${s}`)} onChange={(scope) => set({ scope })} />
      {choice.scope === 'unit' ? (
        <SelectField
          label={t('reports.unit')}
          hint={t('reports.unitHint')}
          value={choice.unit}
          onChange={(e) => set({ unit: e.target.value })}
          options={[{ value: '', label: t('reports.chooseOption') }, ...unitOptions(unitList.filter((u) => !u.archived || u.slug === choice.unit), { bySlug: true })]}
        />
      ) : null}
      {choice.scope === 'account' ? (
        <SelectField
          label={t('reports.account')}
          value={choice.account}
          onChange={(e) => set({ account: e.target.value })}
          options={[
            { value: '', label: t('reports.chooseOption') },
            ...accountOptions,
            ...(choice.account && !accountOptions.some((o) => o.value === choice.account) ? [{ value: choice.account, label: choice.account }] : []),
          ]}
        />
      ) : null}
      {choice.kind === 'annual' ? (
        <SelectField
          label={t('reports.year')}
          value={choice.year}
          onChange={(e) => set({ year: e.target.value })}
          options={yearChoices(today, YEARS_OFFERED, choice.year).map((y) => ({ value: y, label: y }))}
        />
      ) : (
        <SelectField
          label={t('reports.month')}
          value={choice.month}
          onChange={(e) => set({ month: e.target.value })}
          options={monthChoices(today, MONTHS_OFFERED, choice.month).map((m) => ({ value: m, label: formatMonth(m) }))}
        />
      )}
    </form>
  );
}

function scopeName(report: AnnualReport | MonthlyReport, organisation: string): string {
  const s = report.scope;
  if (s.kind === 'account') return s.account.name;
  if (s.kind === 'unit') return s.unit.name;
  return s.name || organisation;
}

function ReportSection({ choice }: { choice: ReportChoice }) {
  const { t } = useTranslation();
  const scope = scopeQuery(choice);
  const key = `${choice.kind}|${scope.account ?? ''}|${scope.unit ?? ''}|${choice.year}|${choice.month}`;
  const report = useLoad<AnnualReport | MonthlyReport>(
    () => (choice.kind === 'annual' ? getAnnualReport({ ...scope, year: choice.year }) : getMonthlyReport({ ...scope, month: choice.month })),
    [key],
  );
  // While another report loads, the previous one stays; only show the one asked for.
  const data = report.data && report.data.kind === choice.kind ? report.data : undefined;
  return (
    <Loaded data={data} error={report.error}>
      {(r) => {
        const scopeText = scopeName(r, t('reports.scope.organisation'));
        const title =
          r.kind === 'annual' ? t('reports.annualTitle', { year: r.year, scope: scopeText }) : t('reports.monthlyTitle', { month: formatMonth(r.month), scope: scopeText });
        return (
          <ReportFrame title={title} busy={report.loading}>
            <ReportDownloads kind={r.kind} scope={scope} period={r.kind === 'annual' ? r.year : r.month} title={title} />
            {r.kind === 'annual' ? <AnnualReportView report={r} /> : <MonthlyReportView report={r} />}
          </ReportFrame>
        );
      }}
    </Loaded>
  );
}

function ReportFrame({ title, busy, children }: { title: string; busy: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div aria-busy={busy || undefined}>
      <h2 id="report-title">{title}</h2>
      {busy ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : null}
      {children}
    </div>
  );
}
