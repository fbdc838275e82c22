/**
 * One KPI in the goal wizard: metric or audience share, measurement, target with suggestions from
 * the account's history, the target's basis, and the attainability verdict as you type.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ageGroups, type AgeGroup } from '../../../../src/core/platforms.ts';
import { measurements } from '../../../../src/core/metrics/derived.ts';
import { targetBases } from '../../../../src/contract/goals.ts';
import { api, type GoalPreview, type MetricInfo, type TargetSuggestions } from '../../api/index.ts';
import { CheckboxGroup, SelectField, TextField } from '../../components/forms.tsx';
import { ageGroupOptions } from '../../components/labels.ts';
import { basisLabel, coreText, formatValue, lang, measurementLabel } from '../../components/goals.tsx';
import { useLoad } from '../../hooks.ts';
import { type KpiDraft, type Measurement, parseNumber } from './draft.ts';
import { Verdict } from './Verdict.tsx';

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

export function KpiEditor({
  index,
  kpi,
  metrics,
  onChange,
  onRemove,
  preview,
  account,
}: {
  index: number;
  kpi: KpiDraft;
  metrics: MetricInfo[];
  onChange(p: Partial<KpiDraft>): void;
  onRemove(): void;
  preview: GoalPreview['kpis'][number] | null;
  account: string | null;
}) {
  const { t } = useTranslation();
  const l = lang();
  const info = metrics.find((m) => m.key === kpi.metric);
  const unit = kpi.kind === 'audience_share' ? 'percent' : (info?.unit ?? 'count');
  const name = kpi.kind === 'audience_share' ? t('wizard.audienceShare') : info ? info.name[l] : t('wizard.noMetric');
  const allowed = info?.measurements.length ? info.measurements : measurements;
  const base = metrics.filter((m) => m.kind === 'base');
  const derived = metrics.filter((m) => m.kind === 'derived');
  const metricId = `kpi-${kpi.uid}-metric`;

  const key = useDebounced(kpi.kind === 'metric' && kpi.metric && account ? `${account}|${kpi.metric}|${kpi.measurement}` : '', 300);
  const suggestions = useLoad<TargetSuggestions | null>(() => {
    if (!key) return Promise.resolve(null);
    const [acc, metric, measurement] = key.split('|') as [string, string, string];
    return api.kpis.targetSuggestions(acc, metric, measurement);
  }, [key]);

  // Competitors' latest figures (their median) as another suggestion; picking it sets the basis.
  const competitors = suggestions.data?.competitors ?? null;
  const competitorMedian = competitors?.median ?? null;
  const competitorNote = competitors
    ? t('wizard.competitorsNote', {
        n: competitors.values.length,
        list: competitors.values.map((v) => `${v.name} ${formatValue(t, v.value, unit)} (${v.day})`).join(', '),
      })
    : '';
  const targetNumber = parseNumber(kpi.target);
  const targetError = kpi.target.trim() !== '' && targetNumber === null ? t('wizard.notANumber') : undefined;
  const baselineError = kpi.baseline.trim() !== '' && parseNumber(kpi.baseline) === null ? t('wizard.notANumber') : undefined;
  const serverIssues = preview?.issues ?? [];

  return (
    <fieldset className="kpi-editor card">
      <legend>{t('wizard.kpiLegend', { n: index + 1, name })}</legend>
      <div className="form-grid">
        {kpi.kind === 'metric' ? (
          <div className="field">
            <label htmlFor={metricId}>{t('kpi.metric')}</label>
            <select
              id={metricId}
              value={kpi.metric}
              onChange={(e) => {
                const m = metrics.find((x) => x.key === e.target.value);
                const patch: Partial<KpiDraft> = { metric: e.target.value };
                if (m && m.measurements.length && !m.measurements.includes(kpi.measurement)) patch.measurement = m.measurements[0] as Measurement;
                if (m && m.higherIsBetter === false) patch.comparator = 'at_most';
                onChange(patch);
              }}
              aria-describedby={info ? `${metricId}-def` : undefined}
            >
              <option value="">{t('wizard.chooseMetric')}</option>
              <optgroup label={t('wizard.baseMetrics')}>
                {base.map((m) => (
                  <option key={m.key} value={m.key}>
                    {m.name[l]}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t('wizard.derivedMetrics')}>
                {derived.map((m) => (
                  <option key={m.key} value={m.key}>
                    {m.name[l]}
                  </option>
                ))}
              </optgroup>
              {kpi.metric && !info ? <option value={kpi.metric}>{kpi.metric}</option> : null}
            </select>
            {info ? (
              <p className="hint" id={`${metricId}-def`}>
                {info.formula ? (
                  <>
                    <strong>{t('kpi.formula')}:</strong> {info.formula[l]}
                    <br />
                  </>
                ) : null}
                {info.definition?.[l]}
              </p>
            ) : null}
          </div>
        ) : (
          <CheckboxGroup
            legend={t('wizard.ageGroups')}
            options={ageGroupOptions(t)}
            value={kpi.ageGroups}
            onChange={(v) => onChange({ ageGroups: v.filter((x): x is AgeGroup => (ageGroups as readonly string[]).includes(x)) })}
          />
        )}
        <SelectField
          label={t('kpi.measurement')}
          value={kpi.measurement}
          onChange={(e) => onChange({ measurement: e.target.value as Measurement })}
          options={(kpi.kind === 'audience_share' ? measurements : allowed).map((m) => ({ value: m, label: measurementLabel(t, m) }))}
        />
        <SelectField
          label={t('kpi.comparator')}
          value={kpi.comparator}
          onChange={(e) => onChange({ comparator: e.target.value as KpiDraft['comparator'] })}
          options={[
            { value: 'at_least', label: t('comparator.at_least') },
            { value: 'at_most', label: t('comparator.at_most') },
          ]}
        />
        <TextField
          label={kpi.kind === 'audience_share' ? t('wizard.targetPercent') : t('kpi.target')}
          inputMode="decimal"
          value={kpi.target}
          error={targetError}
          onChange={(e) => onChange({ target: e.target.value })}
        />
        <TextField
          label={t('kpi.baseline')}
          optional
          inputMode="decimal"
          value={kpi.baseline}
          error={baselineError}
          onChange={(e) => onChange({ baseline: e.target.value })}
        />
      </div>

      {suggestions.data && (suggestions.data.suggestions.length > 0 || suggestions.data.notes.length > 0 || competitorMedian !== null) ? (
        <div className="suggestions">
          {suggestions.data.suggestions.length > 0 || competitorMedian !== null ? <p className="hint">{t('wizard.suggestions')}</p> : null}
          <ul className="chips">
            {suggestions.data.suggestions.map((s, i) => (
              <li key={i}>
                <button
                  type="button"
                  className="chip"
                  aria-pressed={targetNumber !== null && Math.abs(targetNumber - round(s.value)) < 1e-9}
                  onClick={() =>
                    onChange({ target: String(round(s.value)), targetBasis: s.basis, targetBasisNote: coreText(t, s.label) })
                  }
                >
                  <span className="chip-value">{formatValue(t, s.value, unit)}</span> <span className="chip-basis">{coreText(t, s.label)}</span>
                </button>
              </li>
            ))}
            {competitors && competitorMedian !== null ? (
              <li>
                <button
                  type="button"
                  className="chip"
                  aria-pressed={targetNumber !== null && Math.abs(targetNumber - round(competitorMedian)) < 1e-9}
                  title={competitorNote}
                  onClick={() => onChange({ target: String(round(competitorMedian)), targetBasis: 'competitors', targetBasisNote: competitorNote })}
                >
                  <span className="chip-value">{formatValue(t, competitorMedian, unit)}</span>{' '}
                  <span className="chip-basis">{t('wizard.competitorsMedian')}</span>
                </button>
              </li>
            ) : null}
          </ul>
          {suggestions.data.notes.map((n, i) => (
            <p key={i} className="hint">
              {coreText(t, n)}
            </p>
          ))}
        </div>
      ) : null}

      <div className="form-grid">
        <SelectField
          label={t('kpi.targetBasis')}
          optional
          value={kpi.targetBasis}
          onChange={(e) => onChange({ targetBasis: e.target.value })}
          options={[{ value: '', label: t('wizard.chooseBasis') }, ...targetBases.map((b) => ({ value: b, label: basisLabel(t, b) }))]}
        />
        <TextField
          label={t('kpi.targetBasisNote')}
          optional
          value={kpi.targetBasisNote}
          onChange={(e) => onChange({ targetBasisNote: e.target.value })}
        />
      </div>

      <div className="verdict" aria-live="polite">
        {preview?.attainability ? <Verdict a={preview.attainability} unit={unit} /> : null}
        {serverIssues.length > 0 ? (
          <ul className="field-error">
            {serverIssues.map((i, n) => (
              <li key={n}>{i.message}</li>
            ))}
          </ul>
        ) : null}
      </div>

      <button type="button" className="button subtle danger" onClick={onRemove}>
        {t('wizard.removeKpi', { n: index + 1 })}
      </button>
    </fieldset>
  );
}

const round = (v: number) => Number(v.toPrecision(4));
