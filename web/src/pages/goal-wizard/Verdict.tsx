/** The attainability verdict of a KPI: likely or not, with the needed and shown growth. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attainability } from '../../api/index.ts';
import { coreText, formatValue } from '../../components/goals.tsx';
import { formatNumber } from '../../i18n/index.ts';

export function Verdict({ a, unit }: { a: Attainability; unit: string }): ReactNode {
  const { t } = useTranslation();
  const stepLabel = a.step === 'day' ? t('wizard.perDay') : t('wizard.perMonth');
  return (
    <div className={`verdict-box verdict-${a.verdict}`}>
      <p>
        <strong>{t(`verdict.${a.verdict}`)}</strong> {coreText(t, a.message)}
      </p>
      {/* The "unlikely" message names the needed and shown growth per step already. */}
      {a.verdict !== 'unlikely' && (a.neededPerStep !== null || a.shownPerStep !== null) ? (
        <p className="muted">
          {t('wizard.growth', {
            needed: a.neededPerStep === null ? '–' : formatValue(t, a.neededPerStep, unit),
            shown: a.shownPerStep === null ? '–' : formatValue(t, a.shownPerStep, unit),
            step: stepLabel,
          })}
        </p>
      ) : null}
      {a.neededPerMonthPercent !== null && a.shownPerMonthPercent !== null ? (
        <p className="muted">
          {t('wizard.growthPercent', {
            needed: formatNumber(a.neededPerMonthPercent, { maximumFractionDigits: 1 }),
            shown: formatNumber(a.shownPerMonthPercent, { maximumFractionDigits: 1 }),
          })}
        </p>
      ) : null}
    </div>
  );
}
