/** Step 4 of the goal wizard: the SMART check and what activation still needs. */
import { useTranslation } from 'react-i18next';
import type { GoalPreview } from '../../api/index.ts';
import { ProblemAlert } from '../../components/feedback.tsx';
import { SmartList, coreText } from '../../components/goals.tsx';

export function SmartStep({ preview, previewError, kpiCount }: { preview: GoalPreview | null; previewError: unknown; kpiCount: number }) {
  const { t } = useTranslation();
  if (previewError) return <ProblemAlert error={previewError} />;
  if (!preview) return <p role="status">{t('common.loading')}</p>;
  return (
    <div aria-live="polite">
      <h3>{t('wizard.smartHeading')}</h3>
      <SmartList smart={preview.smart} />
      <h3>{t('wizard.activationHeading')}</h3>
      {preview.activation.ok ? (
        <p className="alert alert-ok">{t('wizard.readyToActivate', { count: kpiCount })}</p>
      ) : (
        <div className="alert alert-warn">
          <p className="alert-title">{t('wizard.missingForActivation')}</p>
          <ul>
            {preview.activation.missing.map((m, i) => (
              <li key={i}>{coreText(t, m)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
