/**
 * The evaluator's part of an evaluation: while a draft (and you may write it), the assessment, the
 * decision (keep as is, adjust content, escalate to the unit manager), the adjustment, and the
 * month's hours and money spent on the account (empty: not documented; a decimal comma is fine),
 * saved as a draft or signed after a confirmation; what signing needs is checked here first and again by
 * the server, and either's problems are shown next to the fields. Signed, or for readers, the same
 * as text. A unit manager may reopen a signed evaluation, giving the reason.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluationDecisions, type EvaluationDecision } from '../../../../src/contract/evaluations.ts';
import { isApiError } from '../../api/index.ts';
import { signEvaluation, updateEvaluation, type EvaluationDetail } from '../../api/evaluations.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ProblemAlert } from '../../components/feedback.tsx';
import { RadioGroup, SubmitButton, TextArea } from '../../components/forms.tsx';
import { ClientValidationError, onSubmit, useAction } from '../../hooks.ts';
import { todayLocal } from '../../components/statistics.ts';
import { formatDate } from '../../i18n/index.ts';
import { ResourceValue } from '../reports/labels.tsx';
import { SpentFieldset, spentChanged, useSpentFields, type Spent } from '../reports/SpentFields.tsx';
import { decisionLabel } from './labels.tsx';
import { isChanged, missingForSigning, type DraftFields } from './evaluation-view.ts';

type Field = keyof DraftFields;
const fields: readonly Field[] = ['assessment', 'decision', 'adjustment'];

const fieldsOf = (d: EvaluationDetail): DraftFields => ({ assessment: d.assessment, decision: d.decision, adjustment: d.adjustment });
const spentOf = (d: EvaluationDetail): Spent => ({ hoursSpent: d.hoursSpent, moneySpentNok: d.moneySpentNok });

export function EvaluationForm({ detail, onChanged }: { detail: EvaluationDetail; onChanged(detail: EvaluationDetail, notice: 'saved' | 'signed'): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<DraftFields>(() => fieldsOf(detail));
  const [missing, setMissing] = useState<Partial<Record<Field, true>>>({});
  const [confirming, setConfirming] = useState(false);
  const save = useAction();
  const sign = useAction();
  const [localError, setLocalError] = useState<ClientValidationError | null>(null);
  const spentFields = useSpentFields(spentOf(detail));
  const [spentToSign, setSpentToSign] = useState<Spent | null>(null);
  /** The hours and money typed, or null (with the problems shown at the fields). */
  const readSpent = (): Spent | null => {
    const spent = spentFields.read();
    if (!spent) setLocalError(new ClientValidationError({}));
    return spent;
  };

  const set = <K extends Field>(key: K, value: DraftFields[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setMissing((m) => {
      if (!m[key]) return m;
      const next = { ...m };
      delete next[key];
      return next;
    });
  };

  const body = (spent: Spent) => ({ assessment: draft.assessment, decision: draft.decision, adjustment: draft.adjustment, ...spent });

  const submitSave = async () => {
    setLocalError(null);
    sign.reset();
    setMissing({});
    const spent = readSpent();
    if (!spent) return;
    const result = await save.run(() => updateEvaluation(detail.id, body(spent)));
    if (result) onChanged(result, 'saved');
  };

  const askToSign = () => {
    save.reset();
    sign.reset();
    setLocalError(null);
    const spent = readSpent();
    if (!spent) return;
    setSpentToSign(spent);
    const keys = missingForSigning(draft, detail.month, todayLocal());
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
    const spent = spentToSign ?? spentOf(detail);
    const result = await sign.run(async () => {
      if (isChanged(fieldsOf(detail), draft) || spentChanged(spentOf(detail), spent)) await updateEvaluation(detail.id, body(spent));
      try {
        return await signEvaluation(detail.id);
      } catch (e) {
        // What the server found missing is shown next to those fields.
        if (isApiError(e) && e.issues.length > 0) {
          setMissing(Object.fromEntries(e.fieldsNamed(fields).map((k) => [k, true])));
        }
        throw e;
      }
    });
    setConfirming(false);
    if (result) onChanged(result, 'signed');
  };

  const errorFor = (f: Field): string | undefined => (missing[f] ? t(`evaluations.required.${f}`) : save.fieldErrors[f] ?? sign.fieldErrors[f]);
  const busy = save.busy || sign.busy;

  return (
    <section className="card" aria-labelledby="evaluation-form-heading">
      <h2 id="evaluation-form-heading">{t('evaluations.formHeading')}</h2>
      <form className="form" noValidate onSubmit={onSubmit(submitSave)}>
        <ProblemAlert error={localError ?? sign.error ?? save.error} />
        <TextArea
          label={t('evaluations.assessment')}
          hint={t('evaluations.assessmentHint')}
          rows={6}
          value={draft.assessment}
          onChange={(e) => set('assessment', e.target.value)}
          error={errorFor('assessment')}
        />
        <DecisionGroup value={draft.decision} onChange={(v) => set('decision', v)} error={errorFor('decision')} />
        <TextArea
          label={t('evaluations.adjustment')}
          hint={t('evaluations.adjustmentHint')}
          rows={4}
          value={draft.adjustment}
          onChange={(e) => set('adjustment', e.target.value)}
          error={errorFor('adjustment')}
          aria-required={draft.decision === 'adjust_content' ? true : undefined}
        />
        <SpentFieldset state={spentFields} serverError={(f) => save.fieldErrors[f] ?? sign.fieldErrors[f]} />
        <div className="form-actions head-actions">
          <SubmitButton busy={save.busy} className="button">
            {t('evaluations.save')}
          </SubmitButton>
          {detail.state !== 'upcoming' ? (
            <button type="button" className="button primary" onClick={askToSign} disabled={busy}>
              {t('evaluations.sign')}
            </button>
          ) : null}
        </div>
        {detail.state === 'upcoming' ? <p className="hint">{t('evaluations.signAfterMonth')}</p> : null}
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('evaluations.signTitle')}
        confirmLabel={t('evaluations.signConfirm')}
        onConfirm={() => void confirmSign()}
        onCancel={() => setConfirming(false)}
        busy={sign.busy}
      >
        <p>{t('evaluations.signText')}</p>
      </ConfirmDialog>
    </section>
  );
}

function DecisionGroup({ value, onChange, error }: { value: EvaluationDecision | null; onChange(value: EvaluationDecision): void; error: string | undefined }) {
  const { t } = useTranslation();
  return (
    <RadioGroup
      legend={t('evaluations.decisionLegend')}
      error={error}
      options={evaluationDecisions.map((d) => ({ value: d, label: decisionLabel(t, d) }))}
      value={value}
      onChange={onChange}
    />
  );
}

function Written({ label, children }: { label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const empty = children === null || children === undefined || children === '';
  return (
    <>
      <dt>{label}</dt>
      <dd className="pre-wrap">{empty ? <span className="not-set">{t('evaluations.notWritten')}</span> : children}</dd>
    </>
  );
}

/** The assessment, decision and adjustment as text: signed, or for those who may only read. */
export function EvaluationReadOnly({ detail: d }: { detail: EvaluationDetail }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="evaluation-form-heading">
      <h2 id="evaluation-form-heading">{t('evaluations.formHeading')}</h2>
      <p className="muted">{d.status === 'signed' ? t('evaluations.locked') : t('evaluations.readOnly')}</p>
      {d.signedBy ? <p>{t('evaluations.signedBy', { name: d.signedBy.name, date: formatDate(d.signedAt, true) })}</p> : null}
      <dl className="facts">
        <Written label={t('evaluations.assessment')}>{d.assessment.trim()}</Written>
        <Written label={t('evaluations.decisionLegend')}>{d.decision ? decisionLabel(t, d.decision) : null}</Written>
        <Written label={t('evaluations.adjustment')}>{d.adjustment.trim()}</Written>
        <dt>{t('annualReports.spent.hours')}</dt>
        <dd>
          <ResourceValue kind="hours" value={d.hoursSpent} />
        </dd>
        <dt>{t('annualReports.spent.money')}</dt>
        <dd>
          <ResourceValue kind="money" value={d.moneySpentNok} />
        </dd>
      </dl>
    </section>
  );
}

