/**
 * For a unit manager, on a signed document (a monthly evaluation, an annual report): reopen it,
 * saying why. The texts come from the namespace given (`evaluations` or `annualReports`:
 * reopenHeading, reopenIntro, reopen, reopenTitle, reopenText, reasonRequired); the reason's
 * label is shared. A missing reason is said at the field before anything is sent.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../hooks.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { ProblemAlert } from './feedback.tsx';
import { TextArea } from './forms.tsx';

export function ReopenSection<T>({
  texts,
  reopen,
  onReopened,
}: {
  texts: 'evaluations' | 'annualReports';
  reopen(reason: string): Promise<T>;
  onReopened(result: T): void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const action = useAction();
  const confirm = async () => {
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    const result = await action.run(() => reopen(reason.trim()));
    if (result) {
      setOpen(false);
      onReopened(result);
    }
  };
  const cancel = () => {
    setOpen(false);
    setMissing(false);
    action.reset();
  };
  const heading = `${texts}-reopen-heading`;
  return (
    <section className="card" aria-labelledby={heading}>
      <h2 id={heading}>{t(`${texts}.reopenHeading`)}</h2>
      <p className="muted">{t(`${texts}.reopenIntro`)}</p>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t(`${texts}.reopen`)}
      </button>
      <ConfirmDialog open={open} title={t(`${texts}.reopenTitle`)} confirmLabel={t(`${texts}.reopen`)} onConfirm={() => void confirm()} onCancel={cancel} busy={action.busy}>
        <p>{t(`${texts}.reopenText`)}</p>
        <ProblemAlert error={action.error} />
        <TextArea
          label={t('evaluations.reason')}
          rows={3}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            setMissing(false);
          }}
          error={missing ? t(`${texts}.reasonRequired`) : action.fieldErrors.reason}
        />
      </ConfirmDialog>
    </section>
  );
}
