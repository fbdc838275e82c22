/**
 * The evaluator's part of an annual report: while a draft (and you may write it), the decision
 * (continue, continue with changes, close) with the rules' suggestion shown beside its option, and
 * the reasoning; saved as a draft, or signed after a confirmation. What signing needs is checked
 * here first (the core's rule) and again by the server; either's problems are shown at the
 * fields. A unit manager may reopen a signed report, giving the reason.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { annualDecisions, type AnnualDecision } from '../../../../src/contract/reports.ts';
import { annualSignIssues } from '../../../../src/core/reports/annual-rules.ts';
import { isApiError } from '../../api/index.ts';
import { signAnnualReport, updateAnnualReport, type AnnualAccountReport } from '../../api/reports.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ProblemAlert } from '../../components/feedback.tsx';
import { RadioGroup, SubmitButton, TextArea } from '../../components/forms.tsx';
import { todayLocal } from '../../components/statistics.ts';
import { ClientValidationError, onSubmit, useAction } from '../../hooks.ts';
import { annualDecisionLabel } from './labels.tsx';

type Field = 'decision' | 'reasoning';
const fields: readonly Field[] = ['decision', 'reasoning'];

interface Draft {
  decision: AnnualDecision | null;
  reasoning: string;
}

export function AnnualDecisionForm({ report, onChanged }: { report: AnnualAccountReport; onChanged(report: AnnualAccountReport, notice: 'saved' | 'signed'): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>({ decision: report.decision, reasoning: report.reasoning });
  const [missing, setMissing] = useState<Partial<Record<Field, true>>>({});
  const [confirming, setConfirming] = useState(false);
  const [localError, setLocalError] = useState<ClientValidationError | null>(null);
  const save = useAction();
  const sign = useAction();
  const account = report.account.slug;

  const set = <K extends Field>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setMissing((m) => {
      if (!m[key]) return m;
      const next = { ...m };
      delete next[key];
      return next;
    });
  };
  const changed = draft.decision !== report.decision || draft.reasoning !== report.reasoning;

  const submitSave = async () => {
    setLocalError(null);
    sign.reset();
    setMissing({});
    const result = await save.run(() => updateAnnualReport(account, report.year, { decision: draft.decision, reasoning: draft.reasoning }));
    if (result) onChanged(result, 'saved');
  };

  const askToSign = () => {
    save.reset();
    sign.reset();
    const paths = new Set(annualSignIssues({ year: report.year, decision: draft.decision, reasoning: draft.reasoning }, todayLocal()).map((i) => i.path));
    const keys = fields.filter((f) => paths.has(f));
    if (keys.length > 0) {
      setMissing(Object.fromEntries(keys.map((k) => [k, true])));
      setLocalError(new ClientValidationError({}));
      return;
    }
    setMissing({});
    setLocalError(null);
    setConfirming(true);
  };

  const confirmSign = async () => {
    const result = await sign.run(async () => {
      if (changed) await updateAnnualReport(account, report.year, { decision: draft.decision, reasoning: draft.reasoning });
      try {
        return await signAnnualReport(account, report.year);
      } catch (e) {
        if (isApiError(e) && e.issues.length > 0) {
          setMissing(Object.fromEntries(e.fieldsNamed(fields).map((k) => [k, true])));
        }
        throw e;
      }
    });
    setConfirming(false);
    if (result) onChanged(result, 'signed');
  };

  const errorFor = (f: Field): string | undefined => (missing[f] ? t(`annualReports.required.${f}`) : save.fieldErrors[f] ?? sign.fieldErrors[f]);
  const busy = save.busy || sign.busy;
  const yearEnded = report.state !== 'upcoming';

  return (
    <section className="card" aria-labelledby="annual-form-heading">
      <h2 id="annual-form-heading">{t('annualReports.decisionHeading')}</h2>
      <form className="form" noValidate onSubmit={onSubmit(submitSave)}>
        <ProblemAlert error={localError ?? sign.error ?? save.error} />
        <DecisionGroup value={draft.decision} suggestion={report.figures.recommendation.suggestion} onChange={(v) => set('decision', v)} error={errorFor('decision')} />
        <TextArea
          label={t('annualReports.reasoning')}
          hint={t('annualReports.reasoningHint')}
          rows={6}
          value={draft.reasoning}
          onChange={(e) => set('reasoning', e.target.value)}
          error={errorFor('reasoning')}
        />
        <div className="form-actions head-actions">
          <SubmitButton busy={save.busy} className="button">
            {t('annualReports.save')}
          </SubmitButton>
          {yearEnded ? (
            <button type="button" className="button primary" onClick={askToSign} disabled={busy}>
              {t('annualReports.sign')}
            </button>
          ) : null}
        </div>
        {!yearEnded ? <p className="hint">{t('annualReports.signAfterYear')}</p> : null}
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('annualReports.signTitle')}
        confirmLabel={t('annualReports.signConfirm')}
        onConfirm={() => void confirmSign()}
        onCancel={() => setConfirming(false)}
        busy={sign.busy}
      >
        <p>{t('annualReports.signText')}</p>
      </ConfirmDialog>
    </section>
  );
}

function DecisionGroup({ value, suggestion, onChange, error }: { value: AnnualDecision | null; suggestion: AnnualDecision; onChange(value: AnnualDecision): void; error: string | undefined }) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      legend={t('annualReports.decisionLegend')}
      hint={t('annualReports.suggestion', { decision: annualDecisionLabel(t, suggestion) })}
      error={error}
      options={annualDecisions.map((d) => ({
        value: d,
        label: (
          <>
            {annualDecisionLabel(t, d)}
            {d === suggestion ? <span className="badge neutral"> {t('annualReports.suggestedTag')}</span> : null}
          </>
        ),
      }))}
      value={value}
      onChange={onChange}
    />
  );
}

