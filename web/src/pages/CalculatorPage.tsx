/**
 * The engagement-rate calculator (issue #5): enter the numbers, see every rate with its formula
 * (from the metric catalogue, in the interface language), the numbers put into it, and the result,
 * or "not measured" and why. An empty field is not given, never 0. Optionally a platform, whose
 * engagement rule decides what counts as an engagement. The state lives in the address, so a
 * calculation can be bookmarked. The maths: src/core/metrics/calculator.ts.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  type CalculatedRate,
  type CalculatorInput,
  type CalculatorOperand,
  type EngagementSum,
  type NotMeasuredReason,
  calculate,
} from '../../../src/core/metrics/calculator.ts';
import { type Platform, platformNames, platforms } from '../../../src/core/platforms.ts';
import { SelectField, TextField } from '../components/forms.tsx';
import { usePageTitle } from '../hooks.ts';
import { localeTag } from '../i18n/index.ts';
import {
  type CalculatorState,
  expressionText,
  fieldGroups,
  formatInputNumber,
  formatRateValue,
  isPlatform,
  readFields,
  searchFromState,
  stateFromSearch,
} from './calculator.ts';

type Language = 'nb' | 'en';
const hinted = ['followers', 'days', 'video_views_previous'] as const;
type Hinted = (typeof hinted)[number];
const hasHint = (key: CalculatorInput): key is Hinted => (hinted as readonly string[]).includes(key);

export default function CalculatorPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('calculator.title'));
  const lng: Language = i18n.language === 'en' ? 'en' : 'nb';
  const [search, setSearch] = useSearchParams();
  const [state, setState] = useState<CalculatorState>(() => stateFromSearch(search));
  const update = (next: CalculatorState) => {
    setState(next);
    setSearch(searchFromState(next), { replace: true });
  };
  const read = useMemo(() => readFields(state.texts, lng), [state.texts, lng]);
  const result = useMemo(() => calculate(read.values, state.platform), [read.values, state.platform]);

  const label = (key: CalculatorOperand) => (key === 'engagements' ? t('calculator.engagements') : t(`calculator.fields.${key}`));
  const names = (keys: readonly CalculatorOperand[]) =>
    new Intl.ListFormat(localeTag(lng), { type: 'conjunction' }).format(keys.map(label));
  const operand = (key: CalculatorOperand, value: number | null) => (value === null ? `[${label(key)}]` : formatInputNumber(value, lng));

  return (
    <>
      <h1>{t('calculator.title')}</h1>
      <p className="lead">{t('calculator.intro')}</p>
      <p className="muted">{t('calculator.emptyIsNotZero')}</p>

      <form className="form" onSubmit={(e) => e.preventDefault()} aria-label={t('calculator.inputs')}>
        <SelectField
          label={t('calculator.platform')}
          hint={t('calculator.platformHint')}
          value={state.platform ?? ''}
          onChange={(e) => update({ ...state, platform: isPlatform(e.target.value) ? e.target.value : null })}
          options={[{ value: '', label: t('calculator.platformNone') }, ...platforms.map((p) => ({ value: p, label: platformNames[p] }))]}
        />
        {fieldGroups.map((group) => (
          <fieldset key={group.key} className="section">
            <legend>{t(`calculator.groups.${group.key}`)}</legend>
            <div className="filters">
              {group.fields.map((key: CalculatorInput) => {
                const problem = read.problems[key];
                return (
                  <TextField
                    key={key}
                    name={key}
                    label={t(`calculator.fields.${key}`)}
                    hint={hasHint(key) ? t(`calculator.hints.${key}`) : undefined}
                    error={problem ? t(`calculator.problem.${problem}`) : undefined}
                    inputMode="decimal"
                    autoComplete="off"
                    value={state.texts[key] ?? ''}
                    onChange={(e) => update({ ...state, texts: { ...state.texts, [key]: e.target.value } })}
                  />
                );
              })}
            </div>
          </fieldset>
        ))}
        <div className="actions">
          <button type="button" className="button subtle" onClick={() => update({ platform: state.platform, texts: {} })}>
            {t('calculator.clear')}
          </button>
        </div>
      </form>

      <section aria-labelledby="calc-engagements">
        <h2 id="calc-engagements">{t('calculator.engagementsHeading')}</h2>
        <Engagements sum={result.engagements} platform={state.platform} lng={lng} names={names} operand={operand} />
      </section>

      <section aria-labelledby="calc-results">
        <h2 id="calc-results">{t('calculator.results')}</h2>
        <p className="muted">{t('calculator.resultsIntro')}</p>
        <ul className="calculator-rates" style={{ listStyle: 'none', padding: 0, display: 'grid', gap: '1rem' }}>
          {result.rates.map((rate) => (
            <RateCard key={rate.key} rate={rate} platform={state.platform} lng={lng} names={names} operand={operand} />
          ))}
        </ul>
      </section>
    </>
  );
}

interface Present {
  lng: Language;
  platform: Platform | null;
  names(keys: readonly CalculatorOperand[]): string;
  operand(key: CalculatorOperand, value: number | null): string;
}

function Engagements({ sum, platform, lng, names, operand }: Present & { sum: EngagementSum }) {
  const { t } = useTranslation();
  const counted = sum.parts.filter((p) => p.required || p.counted);
  return (
    <div className="card" data-testid="calculator-engagements">
      <p>
        {platform
          ? t('calculator.rulePlatform', { platform: platformNames[platform], rule: sum.rule[lng] })
          : t('calculator.ruleGeneral', { rule: sum.rule[lng] })}
      </p>
      {sum.value === null ? (
        <p>
          <strong>{t('calculator.engagementsMissing', { names: names(sum.missing) })}</strong>
        </p>
      ) : (
        <p>
          <strong>
            {t('calculator.engagementsValue', {
              numbers: counted.map((p) => operand(p.input, p.value)).join(' + '),
              value: formatInputNumber(sum.value, lng),
            })}
          </strong>
        </p>
      )}
      {platform && sum.ignored.length > 0 ? (
        <p className="muted">{t('calculator.notCounted', { platform: platformNames[platform], names: names(sum.ignored) })}</p>
      ) : null}
    </div>
  );
}

function ReasonText({ reason, names }: { reason: NotMeasuredReason; names: Present['names'] }) {
  const { t } = useTranslation();
  switch (reason.code) {
    case 'missing':
      return <>{t('calculator.reason.missing', { names: names(reason.missing) })}</>;
    case 'zero_denominator':
      return <>{t('calculator.reason.zero', { names: names(reason.zero) })}</>;
    case 'inconsistent':
      return <>{t('calculator.reason.inconsistent')}</>;
  }
}

function RateCard({ rate, platform, lng, names, operand }: Present & { rate: CalculatedRate }) {
  const { t } = useTranslation();
  const id = `rate-${rate.key}`;
  return (
    <li className="card" aria-labelledby={id} data-rate={rate.key}>
      <h3 id={id}>
        {rate.name[lng]}{' '}
        {rate.usesEngagements ? <span className="badge neutral">{t('calculator.usesEngagements')}</span> : null}
      </h3>
      <dl className="facts">
        <dt>{t('calculator.formula')}</dt>
        <dd>{rate.formula[lng]}</dd>
        <dt>{t('calculator.numbers')}</dt>
        <dd>{expressionText(rate, operand)}</dd>
        <dt>{t('calculator.result')}</dt>
        <dd data-testid="rate-result">
          {rate.value !== null ? (
            <strong>{formatRateValue(rate.value, rate.unit, lng)}</strong>
          ) : (
            <>
              <strong>{t('calculator.notMeasured')}</strong>
              {rate.reason ? (
                <>
                  {': '}
                  <ReasonText reason={rate.reason} names={names} />
                </>
              ) : null}
            </>
          )}
        </dd>
      </dl>
      {platform && rate.availableOnPlatform === false ? (
        <p className="muted">{t('calculator.notOnPlatform', { platform: platformNames[platform] })}</p>
      ) : null}
    </li>
  );
}
