/**
 * The month's resources in the monthly evaluation form: hours and money (NOK) spent on the
 * account, typed the Norwegian way ("12,5", "1 500"); empty is "not documented" (null), never 0.
 * The annual report sums them against the account's plan. A hook keeps the typed texts and their
 * problems; the fieldset shows them with the server's field errors.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/forms.tsx';
import { parseDecimal } from '../../components/statistics.ts';
import { formatNumber } from '../../i18n/index.ts';
import { parseResource } from './report-view.ts';

export type SpentField = 'hoursSpent' | 'moneySpentNok';
export type Spent = Record<SpentField, number | null>;
const spentFields: readonly SpentField[] = ['hoursSpent', 'moneySpentNok'];

/** A saved amount as typed in the locale ("12,5"); '' when not documented. */
const textOf = (value: number | null): string => (value === null ? '' : formatNumber(value, { useGrouping: false, maximumFractionDigits: 2 }));

export interface SpentState {
  texts: Record<SpentField, string>;
  errors: Partial<Record<SpentField, string>>;
  set(field: SpentField, text: string): void;
  /** The typed amounts as numbers (null: not documented), or null when one is not a number (its problem is then shown). */
  read(): Spent | null;
}

export function useSpentFields(saved: Spent): SpentState {
  const { t } = useTranslation();
  const [texts, setTexts] = useState<Record<SpentField, string>>(() => ({ hoursSpent: textOf(saved.hoursSpent), moneySpentNok: textOf(saved.moneySpentNok) }));
  const [errors, setErrors] = useState<Partial<Record<SpentField, string>>>({});
  const set = (field: SpentField, text: string) => {
    setTexts((x) => ({ ...x, [field]: text }));
    setErrors((e) => {
      if (!e[field]) return e;
      const next = { ...e };
      delete next[field];
      return next;
    });
  };
  const read = (): Spent | null => {
    const values: Spent = { hoursSpent: null, moneySpentNok: null };
    const problems: Partial<Record<SpentField, string>> = {};
    for (const f of spentFields) {
      const parsed = parseResource(texts[f], parseDecimal);
      if (parsed.ok) values[f] = parsed.value;
      else problems[f] = t(parsed.error);
    }
    setErrors(problems);
    return Object.keys(problems).length > 0 ? null : values;
  };
  return { texts, errors, set, read };
}

export const spentChanged = (saved: Spent, spent: Spent): boolean => saved.hoursSpent !== spent.hoursSpent || saved.moneySpentNok !== spent.moneySpentNok;

export function SpentFieldset({ state, serverError }: { state: SpentState; serverError(field: SpentField): string | undefined }) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <fieldset className="field" aria-describedby={hintId}>
      <legend>{t('annualReports.spent.legend')}</legend>
      <p className="hint" id={hintId}>
        {t('annualReports.spent.hint')}
      </p>
      <TextField
        label={t('annualReports.spent.hours')}
        inputMode="decimal"
        autoComplete="off"
        optional
        value={state.texts.hoursSpent}
        onChange={(e) => state.set('hoursSpent', e.target.value)}
        error={state.errors.hoursSpent ?? serverError('hoursSpent')}
      />
      <TextField
        label={t('annualReports.spent.money')}
        inputMode="decimal"
        autoComplete="off"
        optional
        value={state.texts.moneySpentNok}
        onChange={(e) => state.set('moneySpentNok', e.target.value)}
        error={state.errors.moneySpentNok ?? serverError('moneySpentNok')}
      />
    </fieldset>
  );
}
