/**
 * The period picker (issue #5): month, quarter, year or custom days; previous/next period; what
 * to compare with (the previous period, the same period last year, nothing). The chosen period
 * is said in words with whether it is running or lies ahead. `usePeriodParam` binds it to the
 * address (`?period=2026-Q3&compare=last_year`), so a dashboard can be linked and bookmarked.
 * The arithmetic lives in period-picker.ts (pure, tested).
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { PeriodChoiceKind } from '../../../src/core/period/period-choice.ts';
import { currentLanguage } from '../i18n/index.ts';
import {
  comparisonPeriod,
  customParam,
  customRangeProblem,
  describeRange,
  isWholeMonths,
  monthName,
  monthParam,
  monthRangeDays,
  monthRangeProblem,
  partsOf,
  periodName,
  quarterParam,
  readCompare,
  readPeriodOrDefault,
  resolveParam,
  stepPeriod,
  switchKind,
  yearOptions,
  yearParam,
  type CompareChoice,
  type CustomRangeProblem,
} from './period-picker.ts';
import { todayLocal } from './statistics.ts';

export type { CompareChoice } from './period-picker.ts';

export interface PeriodParamState {
  /** The period in its URL form; the running month when the address has none (or a bad one). */
  period: string;
  setPeriod(v: string): void;
  compare: CompareChoice;
  setCompare(c: CompareChoice): void;
  /** Why the address's `?period=` was refused (the running month is shown instead); null if fine. */
  invalidPeriod: string | null;
}

/** `?period=` (default: the running month) and `?compare=` (default: previous) of the address. */
export function usePeriodParam(): PeriodParamState {
  const [params, setParams] = useSearchParams();
  const { param, invalid } = readPeriodOrDefault(params.get('period'), todayLocal());
  const compare = readCompare(params.get('compare'));
  const setPeriod = useCallback(
    (v: string) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set('period', v);
        return next;
      }),
    [setParams],
  );
  const setCompare = useCallback(
    (c: CompareChoice) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (c === 'previous') next.delete('compare');
        else next.set('compare', c);
        return next;
      }),
    [setParams],
  );
  return { period: param, setPeriod, compare, setCompare, invalidPeriod: invalid };
}

const kinds: PeriodChoiceKind[] = ['month', 'quarter', 'year', 'custom'];
const months = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const quarters = [1, 2, 3, 4];

export function PeriodPicker(props: {
  value: string;
  onChange(v: string): void;
  compare?: CompareChoice;
  onCompareChange?(c: CompareChoice): void;
  /** Custom ranges of whole months only (month inputs), for views read from monthly figures. */
  wholeMonths?: boolean;
}) {
  const { value, onChange, compare, onCompareChange, wholeMonths = false } = props;
  const { t } = useTranslation();
  const lang = currentLanguage();
  const id = useId();
  const today = todayLocal();
  const resolved = resolveParam(value, today);
  // A value that is not a period (it should not happen: usePeriodParam refuses them) shows the running month.
  const current = resolved ? resolved.param : readPeriodOrDefault(null, today).param;
  const parts = partsOf(current);

  // Custom days (or months) as typed: only a valid range reaches onChange; the rest is explained.
  const shown = (day: string) => (wholeMonths ? day.slice(0, 7) : day);
  const [draft, setDraft] = useState({ start: shown(parts.start), end: shown(parts.end) });
  useEffect(() => {
    setDraft({ start: wholeMonths ? parts.start.slice(0, 7) : parts.start, end: wholeMonths ? parts.end.slice(0, 7) : parts.end });
  }, [parts.start, parts.end, wholeMonths]);
  const draftProblem = (d: { start: string; end: string }) => (wholeMonths ? monthRangeProblem(d.start, d.end) : customRangeProblem(d.start, d.end));
  const problem: CustomRangeProblem | 'not_whole_months' | null =
    parts.kind !== 'custom'
      ? null
      : (draftProblem(draft) ?? (wholeMonths && resolved && !isWholeMonths(resolved.param) ? 'not_whole_months' : null));

  const changeDraft = (next: { start: string; end: string }) => {
    setDraft(next);
    if (draftProblem(next) !== null) return;
    const days = wholeMonths ? monthRangeDays(next.start, next.end) : next;
    onChange(customParam(days.start, days.end));
  };

  const previous = stepPeriod(current, -1, wholeMonths);
  const next = stepPeriod(current, 1, wholeMonths);
  const years = yearOptions(parts.year, today);
  const compareTo = resolved && compare ? comparisonPeriod(resolved, compare) : null;
  const problemId = `${id}-problem`;
  const summaryId = `${id}-summary`;

  return (
    <fieldset className="period-picker" aria-describedby={summaryId}>
      <legend>{t('periodPicker.legend')}</legend>
      <div className="period-controls">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('periodPicker.kind')}</label>
          <select
            id={`${id}-kind`}
            value={parts.kind}
            onChange={(e) => onChange(switchKind(current, e.target.value as PeriodChoiceKind))}
          >
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`periodPicker.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>

        {parts.kind === 'month' ? (
          <div className="field">
            <label htmlFor={`${id}-month`}>{t('periodPicker.month')}</label>
            <select id={`${id}-month`} value={parts.month} onChange={(e) => onChange(monthParam(parts.year, Number(e.target.value)))}>
              {months.map((m) => (
                <option key={m} value={m}>
                  {monthName(m, lang)}
                </option>
              ))}
            </select>
          </div>
        ) : null}

        {parts.kind === 'quarter' ? (
          <div className="field">
            <label htmlFor={`${id}-quarter`}>{t('periodPicker.quarter')}</label>
            <select id={`${id}-quarter`} value={parts.quarter} onChange={(e) => onChange(quarterParam(parts.year, Number(e.target.value)))}>
              {quarters.map((q) => (
                <option key={q} value={q}>
                  {t('periodPicker.quarterOption', { quarter: q })}
                </option>
              ))}
            </select>
          </div>
        ) : null}

        {parts.kind !== 'custom' ? (
          <div className="field">
            <label htmlFor={`${id}-year`}>{t('periodPicker.year')}</label>
            <select
              id={`${id}-year`}
              value={parts.year}
              onChange={(e) => {
                const y = Number(e.target.value);
                onChange(parts.kind === 'month' ? monthParam(y, parts.month) : parts.kind === 'quarter' ? quarterParam(y, parts.quarter) : yearParam(y));
              }}
            >
              {years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <>
            <div className="field">
              <label htmlFor={`${id}-from`}>{t(wholeMonths ? 'periodPicker.fromMonth' : 'periodPicker.from')}</label>
              <input
                id={`${id}-from`}
                type={wholeMonths ? 'month' : 'date'}
                value={draft.start}
                placeholder={wholeMonths ? t('periodPicker.monthPlaceholder') : undefined}
                aria-invalid={problem && problem !== 'missing_end' ? true : undefined}
                aria-describedby={problem ? problemId : undefined}
                onChange={(e) => changeDraft({ start: e.target.value, end: draft.end })}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-to`}>{t(wholeMonths ? 'periodPicker.toMonth' : 'periodPicker.to')}</label>
              <input
                id={`${id}-to`}
                type={wholeMonths ? 'month' : 'date'}
                value={draft.end}
                placeholder={wholeMonths ? t('periodPicker.monthPlaceholder') : undefined}
                aria-invalid={problem && problem !== 'missing_start' ? true : undefined}
                aria-describedby={problem ? problemId : undefined}
                onChange={(e) => changeDraft({ start: draft.start, end: e.target.value })}
              />
            </div>
          </>
        )}

        <div className="period-steps">
          <button
            type="button"
            className="button subtle"
            disabled={previous === null}
            onClick={() => previous && onChange(previous)}
            aria-label={previous ? t('periodPicker.previousTo', { period: periodName(previous, lang) }) : t('periodPicker.previous')}
          >
            <span aria-hidden="true">← </span>
            {t('periodPicker.previous')}
          </button>
          <button
            type="button"
            className="button subtle"
            disabled={next === null}
            onClick={() => next && onChange(next)}
            aria-label={next ? t('periodPicker.nextTo', { period: periodName(next, lang) }) : t('periodPicker.next')}
          >
            {t('periodPicker.next')}
            <span aria-hidden="true"> →</span>
          </button>
        </div>

        {compare !== undefined && onCompareChange ? (
          <div className="field">
            <label htmlFor={`${id}-compare`}>{t('periodPicker.compare')}</label>
            <select id={`${id}-compare`} value={compare} onChange={(e) => onCompareChange(readCompare(e.target.value))}>
              <option value="previous">{t('periodPicker.compareWith.previous')}</option>
              <option value="last_year">{t('periodPicker.compareWith.last_year')}</option>
              <option value="none">{t('periodPicker.compareWith.none')}</option>
            </select>
          </div>
        ) : null}
      </div>

      {problem ? (
        <p className="field-error" id={problemId} role="alert">
          {t(`periodPicker.problem.${problem}`)}
        </p>
      ) : null}

      <div id={summaryId} className="period-summary" aria-live="polite">
        {resolved ? (
          <>
            <p className="period-range">
              <strong>{resolved.kind === 'custom' || resolved.kind === 'month' ? describeRange(resolved.period, lang) : `${periodName(resolved.param, lang)} (${describeRange(resolved.period, lang)})`}</strong>
              {resolved.state === 'running' ? (
                <span className="period-state">
                  {' '}
                  {resolved.toDate
                    ? t('periodPicker.running', { date: describeRange({ start: resolved.toDate.period.end, end: resolved.toDate.period.end }, lang) })
                    : t('periodPicker.runningFirstDay')}
                </span>
              ) : null}
              {resolved.state === 'upcoming' ? <span className="period-state"> {t('periodPicker.upcoming')}</span> : null}
            </p>
            {compareTo && compare && compare !== 'none' ? (
              <p className="period-compare">
                {t(resolved.toDate ? `periodPicker.comparedToDate.${compare}` : `periodPicker.compared.${compare}`, {
                  range: describeRange(compareTo, lang),
                })}
              </p>
            ) : null}
          </>
        ) : (
          <p>{t('periodPicker.invalid')}</p>
        )}
      </div>
    </fieldset>
  );
}
