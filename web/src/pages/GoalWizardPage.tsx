/**
 * The goal wizard (issue 3): accounts and template → the goal → KPIs with targets, suggestions
 * and the attainability verdict as you type → SMART check and activation. The same form edits a
 * goal (/goals/:goal/edit). The live check is POST /goals/preview, debounced.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ageGroups, type AgeGroup } from '../../../src/core/platforms.ts';
import { measurements } from '../../../src/core/metrics/derived.ts';
import { goalTypes } from '../../../src/core/goals/templates.ts';
import {
  api,
  isApiError,
  type AccountOut,
  type Attainability,
  type GoalCreateInput,
  type GoalDetail,
  type GoalPreview,
  type GoalTemplateOut,
  type KpiInput,
  type MetricInfo,
  type StrategicGoalOut,
  type TargetSuggestions,
} from '../api/index.ts';
import { can } from '../access.ts';
import { Loaded, ProblemAlert } from '../components/feedback.tsx';
import { CheckboxGroup, SelectField, TextArea, TextField, type Option } from '../components/forms.tsx';
import { ageGroupOptions, platformLabel } from '../components/labels.ts';
import { SmartList, basisLabel, deadlinePassed, coreText, formatValue, goalTypeLabel, lang, measurementLabel } from '../components/goals.tsx';
import { useAction, useLoad, usePageTitle } from '../hooks.ts';
import { formatNumber } from '../i18n/index.ts';
import { useMe } from '../session.tsx';
import { targetBases } from '../../../src/contract/goals.ts';

type Kind = 'metric' | 'audience_share';
type Measurement = (typeof measurements)[number];

interface KpiDraft {
  uid: number;
  kind: Kind;
  metric: string;
  ageGroups: AgeGroup[];
  measurement: Measurement;
  comparator: 'at_least' | 'at_most';
  target: string;
  baseline: string;
  targetBasis: string;
  targetBasisNote: string;
}

interface Draft {
  accounts: string[];
  goalType: string;
  qualitativeGoal: string;
  concreteGoal: string;
  strategicGoal: string;
  startDate: string;
  deadline: string;
  owner: string;
  kpis: KpiDraft[];
}

let nextUid = 1;
const newKpi = (over: Partial<KpiDraft> = {}): KpiDraft => ({
  uid: nextUid++,
  kind: 'metric',
  metric: '',
  ageGroups: [],
  measurement: 'over_period',
  comparator: 'at_least',
  target: '',
  baseline: '',
  targetBasis: '',
  targetBasisNote: '',
  ...over,
});

/** "1 234,5" or "1234.5" → 1234.5; empty or not a number → null. */
export function parseNumber(s: string): number | null {
  const cleaned = s.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : null;
}

const numText = (n: number | null) => (n === null ? '' : String(n));

function toKpiInput(k: KpiDraft): KpiInput {
  return {
    kind: k.kind,
    metric: k.kind === 'metric' ? k.metric || null : null,
    ageGroups: k.kind === 'audience_share' ? k.ageGroups : [],
    measurement: k.measurement,
    comparator: k.comparator,
    target: parseNumber(k.target),
    baseline: parseNumber(k.baseline),
    targetBasis: (k.targetBasis || null) as KpiInput['targetBasis'],
    targetBasisNote: k.targetBasisNote.trim() || null,
  };
}

function toInput(d: Draft, forPreview = false): GoalCreateInput {
  return {
    accounts: d.accounts,
    goalType: (d.goalType || 'custom') as GoalCreateInput['goalType'],
    qualitativeGoal: d.qualitativeGoal.trim() || (forPreview ? '…' : ''),
    concreteGoal: d.concreteGoal.trim() || null,
    strategicGoal: d.strategicGoal || null,
    startDate: d.startDate || null,
    deadline: d.deadline || null,
    owner: d.owner.trim() || null,
    kpis: d.kpis.map(toKpiInput),
  };
}

function fromGoal(g: GoalDetail): Draft {
  return {
    accounts: g.accounts.map((a) => a.slug),
    goalType: g.goalType,
    qualitativeGoal: g.qualitativeGoal,
    concreteGoal: g.concreteGoal ?? '',
    strategicGoal: g.strategicGoalId ?? '',
    startDate: g.startDate ?? '',
    deadline: g.deadline ?? '',
    owner: '',
    kpis: g.kpis.map((k) =>
      newKpi({
        kind: k.kind,
        metric: k.metric ?? '',
        ageGroups: k.ageGroups,
        measurement: k.measurement,
        comparator: k.comparator,
        target: numText(k.target),
        baseline: numText(k.baseline),
        targetBasis: k.targetBasis ?? '',
        targetBasisNote: k.targetBasisNote ?? '',
      }),
    ),
  };
}

export default function GoalWizardPage() {
  const { goal: goalParam } = useParams();
  const existing = useLoad(() => (goalParam ? api.goals.get(goalParam) : Promise.resolve(null)), [goalParam]);
  const accounts = useLoad(() => api.accounts.list(), []);
  const units = useLoad(() => api.units.list(), []);
  const strategic = useLoad(() => api.strategicGoals.list(), []);
  const ready =
    accounts.data && units.data && strategic.data && existing.data !== undefined
      ? { accounts: accounts.data, units: units.data, strategic: strategic.data, goal: existing.data }
      : undefined;
  return (
    <Loaded data={ready} error={existing.error || accounts.error || units.error || strategic.error}>
      {(d) => <Wizard key={d.goal?.id ?? 'new'} {...d} />}
    </Loaded>
  );
}

const STEPS = ['accounts', 'goal', 'kpis', 'check'] as const;
type Step = (typeof STEPS)[number];

function Wizard({
  accounts,
  units,
  strategic,
  goal,
}: {
  accounts: AccountOut[];
  units: Awaited<ReturnType<typeof api.units.list>>;
  strategic: StrategicGoalOut[];
  goal: GoalDetail | null;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  usePageTitle(goal ? t('wizard.editTitle') : t('wizard.title'));

  const writable = useMemo(
    () => accounts.filter((a) => a.status !== 'closed' && can(me, 'goal.write', a.unitId, units)),
    [accounts, me, units],
  );
  const initialAccount = search.get('account');
  const [draft, setDraft] = useState<Draft>(() => {
    if (goal) return fromGoal(goal);
    const first = writable.find((a) => a.slug === initialAccount || a.id === initialAccount);
    return {
      accounts: first ? [first.slug] : [],
      goalType: '',
      qualitativeGoal: '',
      concreteGoal: '',
      strategicGoal: '',
      startDate: new Date().toISOString().slice(0, 10),
      deadline: '',
      owner: '',
      kpis: [],
    };
  });
  const [step, setStep] = useState<Step>(goal ? 'kpis' : 'accounts');
  const [savedId, setSavedId] = useState<string | null>(goal?.id ?? null);
  const [refusal, setRefusal] = useState<{ detail: string; issues: string[] } | null>(null);
  const [templateApplied, setTemplateApplied] = useState<string | null>(goal ? goal.goalType : null);
  const action = useAction();
  const headingRef = useRef<HTMLHeadingElement>(null);

  const chosen = draft.accounts.map((s) => accounts.find((a) => a.slug === s)).filter((a): a is AccountOut => Boolean(a));
  const primary = chosen[0];
  const platform = primary?.platform;

  const metrics = useLoad(() => (platform ? api.catalogue.metrics(platform) : Promise.resolve([] as MetricInfo[])), [platform]);
  const templates = useLoad(
    () => (platform ? api.catalogue.templates(platform) : Promise.resolve([] as GoalTemplateOut[])),
    [platform],
  );

  // ----- live check (debounced)
  const [preview, setPreview] = useState<GoalPreview | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const previewKey = JSON.stringify(toInput(draft, true));
  useEffect(() => {
    if (draft.accounts.length === 0) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.goals.preview(JSON.parse(previewKey) as GoalCreateInput, controller.signal).then(
        (p) => {
          setPreview(p);
          setPreviewError(null);
        },
        (e: unknown) => {
          if (e instanceof DOMException && e.name === 'AbortError') return;
          setPreviewError(e);
        },
      );
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [previewKey, draft.accounts.length]);

  const update = (patch: Partial<Draft>) => {
    if (patch.qualitativeGoal?.trim() && action.fieldErrors.qualitativeGoal) action.reset();
    setDraft((d) => ({ ...d, ...patch }));
  };
  const updateKpi = (uid: number, patch: Partial<KpiDraft>) =>
    setDraft((d) => ({ ...d, kpis: d.kpis.map((k) => (k.uid === uid ? { ...k, ...patch } : k)) }));

  // Prefill the KPIs from the chosen template (for the first account's platform) when the KPI
  // step is reached; KPIs already given targets are kept.
  const templateList = templates.data;
  useEffect(() => {
    if (step !== 'kpis' && step !== 'check') return;
    if (!draft.goalType || draft.goalType === templateApplied || !templateList) return;
    setTemplateApplied(draft.goalType);
    const tpl = templateList.find((x) => x.key === draft.goalType);
    if (!tpl) return;
    setDraft((d) => {
      if (d.kpis.some((k) => k.target.trim() !== '')) return d;
      return {
        ...d,
        kpis: tpl.kpis.slice(0, 4).map((k) => newKpi({ metric: k.metric, measurement: k.measurement, comparator: k.comparator })),
      };
    });
  }, [step, draft.goalType, templateApplied, templateList]);

  const go = (next: Step) => {
    setStep(next);
    setTimeout(() => headingRef.current?.focus(), 0);
  };

  const save = async (activate: boolean) => {
    setRefusal(null);
    if (!draft.qualitativeGoal.trim()) {
      // The one field a draft needs: go back to it, marked.
      await action.run(() => Promise.resolve(null), { qualitativeGoal: 'validation.required' });
      go('goal');
      return;
    }
    const result = await action.run(async () => {
      const input = toInput(draft);
      let id = savedId;
      if (id) {
        const { owner, ...rest } = input;
        await api.goals.update(id, owner ? input : rest);
      } else {
        const created = await api.goals.create(input);
        id = created.id;
        setSavedId(id);
      }
      if (activate) {
        try {
          await api.goals.setStatus(id, 'active');
        } catch (e) {
          if (isApiError(e) && (e.status === 400 || e.status === 409 || e.status === 422)) {
            setRefusal({ detail: e.detail, issues: e.issues.map((i) => i.message) });
            return null;
          }
          throw e;
        }
      }
      return id;
    });
    if (result) {
      navigate(`/goals/${encodeURIComponent(result)}`, {
        state: { flash: { key: activate ? 'notice.goalActivated' : 'notice.goalSaved' } },
      });
    }
  };

  const stepIndex = STEPS.indexOf(step);
  const stepTitle = (s: Step) => t(`wizard.step.${s}`);
  const kpiCount = draft.kpis.length;

  return (
    <>
      <p>
        {goal ? (
          <Link to={`/goals/${encodeURIComponent(goal.id)}`}>← {t('goal.backToGoal')}</Link>
        ) : primary ? (
          <Link to={`/accounts/${encodeURIComponent(primary.slug)}`}>← {primary.name}</Link>
        ) : (
          <Link to="/strategy">← {t('nav.strategy')}</Link>
        )}
      </p>
      <h1>{goal ? t('wizard.editTitle') : t('wizard.title')}</h1>
      <nav aria-label={t('wizard.steps')}>
        <ol className="steps">
          {STEPS.map((s, i) => (
            <li key={s} className={s === step ? 'current' : i < stepIndex ? 'done' : ''}>
              <button
                type="button"
                className="step-button"
                aria-current={s === step ? 'step' : undefined}
                disabled={draft.accounts.length === 0 && i > 0}
                onClick={() => go(s)}
              >
                <span className="step-number">{i + 1}</span> {stepTitle(s)}
              </button>
            </li>
          ))}
        </ol>
      </nav>

      <section className="card wizard-step" aria-labelledby="step-heading">
        <h2 id="step-heading" ref={headingRef} tabIndex={-1}>
          {t('wizard.stepOf', { n: stepIndex + 1, total: STEPS.length })}: {stepTitle(step)}
        </h2>

        {step === 'accounts' ? (
          <AccountsStep draft={draft} update={update} writable={writable} units={units} />
        ) : null}
        {step === 'goal' && action.error ? <ProblemAlert error={action.error} /> : null}
        {step === 'goal' ? <GoalStep error={action.fieldErrors.qualitativeGoal} draft={draft} update={update} strategic={strategic} chosen={chosen} me={me} units={units} currentOwner={goal?.owner?.name ?? null} /> : null}
        {step === 'kpis' ? (
          <KpisStep
            draft={draft}
            setDraft={setDraft}
            updateKpi={updateKpi}
            metrics={metrics.data ?? []}
            preview={preview}
            account={primary?.slug ?? null}
          />
        ) : null}
        {step === 'kpis' && previewError ? <ProblemAlert error={previewError} /> : null}
        {step === 'check' ? (
          <CheckStep preview={preview} previewError={previewError} kpiCount={kpiCount} />
        ) : null}

        {step === 'check' ? (
          <div className="wizard-save">
            {step === 'check' ? <ProblemAlert error={action.error} /> : null}
            {refusal ? (
              <div role="alert" className="alert alert-error">
                <p className="alert-title">{t('wizard.activationRefused')}</p>
                {preview && (!preview.activation.ok || deadlinePassed(draft.deadline).length > 0) ? (
                  <ul>
                    {[...preview.activation.missing, ...deadlinePassed(draft.deadline)].map((m, i) => (
                      <li key={i}>{coreText(t, m)}</li>
                    ))}
                  </ul>
                ) : (
                  <ul>
                    {(refusal.issues.length ? refusal.issues : [refusal.detail]).map((m, i) => (
                      <li key={i}>{m}</li>
                    ))}
                  </ul>
                )}
                {savedId ? <p>{t('wizard.savedAsDraft')}</p> : null}
              </div>
            ) : null}
            <div className="actions">
              <button type="button" className="button" disabled={action.busy} onClick={() => void save(false)}>
                {t('wizard.saveDraft')}
              </button>
              {!goal || goal.status === 'draft' ? (
                <button type="button" className="button primary" disabled={action.busy} onClick={() => void save(true)}>
                  {t('wizard.activate')}
                </button>
              ) : null}
            </div>
          </div>
        ) : null}

        <div className="wizard-nav">
          {stepIndex > 0 ? (
            <button type="button" className="button" onClick={() => go(STEPS[stepIndex - 1] as Step)}>
              ← {t('wizard.back')}
            </button>
          ) : (
            <span />
          )}
          {stepIndex < STEPS.length - 1 ? (
            <button
              type="button"
              className="button primary"
              disabled={draft.accounts.length === 0}
              onClick={() => go(STEPS[stepIndex + 1] as Step)}
            >
              {t('wizard.next')}: {stepTitle(STEPS[stepIndex + 1] as Step)} →
            </button>
          ) : null}
        </div>
      </section>
    </>
  );
}

// ---------------------------------------------------------------- step 1

function AccountsStep({
  draft,
  update,
  writable,
  units,
}: {
  draft: Draft;
  update(p: Partial<Draft>): void;
  writable: AccountOut[];
  units: Awaited<ReturnType<typeof api.units.list>>;
}) {
  const { t } = useTranslation();
  const first = writable.find((a) => a.slug === draft.accounts[0]);
  const sameUnit = first ? writable.filter((a) => a.unitId === first.unitId && a.id !== first.id) : [];
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? '';
  const accountOptions: Option[] = [
    { value: '', label: t('wizard.chooseAccount') },
    ...writable.map((a) => ({ value: a.slug, label: `${a.name} (${platformLabel(a.platform)}, ${unitName(a.unitId)})` })),
  ];
  return (
    <>
      {writable.length === 0 ? <p className="alert alert-warn">{t('wizard.noWritableAccounts')}</p> : null}
      <SelectField
        label={t('wizard.account')}
        hint={t('wizard.accountHint')}
        value={draft.accounts[0] ?? ''}
        onChange={(e) => update({ accounts: e.target.value ? [e.target.value] : [] })}
        options={accountOptions}
      />
      {sameUnit.length > 0 ? (
        <CheckboxGroup
          legend={t('wizard.campaignAccounts')}
          hint={t('wizard.campaignHint', { unit: first ? unitName(first.unitId) : '' })}
          options={sameUnit.map((a) => ({ value: a.slug, label: `${a.name} (${platformLabel(a.platform)})` }))}
          value={draft.accounts.slice(1)}
          onChange={(v) => update({ accounts: [draft.accounts[0] as string, ...v] })}
        />
      ) : null}
      <fieldset className="field template-choice">
        <legend>{t('wizard.goalType')}</legend>
        <p className="hint">{t('wizard.goalTypeHint')}</p>
        <div className="template-grid">
          {[...goalTypes, 'custom' as const].map((type) => (
            <label key={type} className={`template-option ${draft.goalType === type ? 'selected' : ''}`}>
              <input
                type="radio"
                name="goalType"
                value={type}
                checked={draft.goalType === type}
                onChange={() => update({ goalType: type })}
              />
              <span className="template-name">{goalTypeLabel(t, type)}</span>
              <span className="template-desc">{templateDescription(t, type)}</span>
            </label>
          ))}
        </div>
      </fieldset>
    </>
  );
}

function templateDescription(t: ReturnType<typeof useTranslation>['t'], type: string): string {
  if (type === 'custom') return t('goalType.customDescription');
  return t(`goalTypeDescription.${type as 'engagement'}`);
}

// ---------------------------------------------------------------- step 2

function GoalStep({
  draft,
  update,
  strategic,
  chosen,
  me,
  units,
  currentOwner,
  error,
}: {
  error: string | undefined;
  currentOwner: string | null;
  draft: Draft;
  update(p: Partial<Draft>): void;
  strategic: StrategicGoalOut[];
  chosen: AccountOut[];
  me: ReturnType<typeof useMe>;
  units: Awaited<ReturnType<typeof api.units.list>>;
}) {
  const { t } = useTranslation();
  const unitName = (id: string | null) => (id ? (units.find((u) => u.id === id)?.name ?? '') : t('strategy.orgWide'));
  const options: Option[] = [
    { value: '', label: t('wizard.noStrategicGoal') },
    ...strategic
      .filter((s) => !s.archived || s.id === draft.strategicGoal)
      .map((s) => ({ value: s.id, label: `${s.title} – ${unitName(s.unitId)}` })),
  ];
  const audience = chosen[0];
  return (
    <>
      {audience ? (
        <p className="muted">
          {t('wizard.audienceOf', { account: audience.name })}{' '}
          {audience.targetAudience || audience.targetAgeGroups.length ? (
            <>
              {audience.targetAudience}
              {audience.targetAgeGroups.length ? ` (${audience.targetAgeGroups.join(', ')})` : ''}
            </>
          ) : (
            <strong>{t('wizard.noAudience')}</strong>
          )}
        </p>
      ) : null}
      <TextField
        label={t('goal.qualitativeGoal')}
        hint={t('wizard.qualitativeHint')}
        value={draft.qualitativeGoal}
        onChange={(e) => update({ qualitativeGoal: e.target.value })}
        error={error}
        required
      />
      <TextArea
        label={t('goal.concreteGoal')}
        hint={t('wizard.concreteHint')}
        optional
        value={draft.concreteGoal}
        onChange={(e) => update({ concreteGoal: e.target.value })}
      />
      <SelectField
        label={t('goal.strategicGoal')}
        hint={strategic.length === 0 ? t('wizard.noStrategicGoalsYet') : t('wizard.strategicHint')}
        value={draft.strategicGoal}
        onChange={(e) => update({ strategicGoal: e.target.value })}
        options={options}
      />
      <div className="form-grid">
        <TextField label={t('goal.start')} type="date" value={draft.startDate} onChange={(e) => update({ startDate: e.target.value })} />
        <TextField label={t('goal.deadline')} type="date" value={draft.deadline} onChange={(e) => update({ deadline: e.target.value })} />
      </div>
      <TextField
        label={t('goal.owner')}
        hint={currentOwner ? t('wizard.ownerHintEdit', { name: currentOwner }) : t('wizard.ownerHint', { name: me.name })}
        optional
        type="email"
        value={draft.owner}
        onChange={(e) => update({ owner: e.target.value })}
      />
    </>
  );
}

// ---------------------------------------------------------------- step 3

function KpisStep({
  draft,
  setDraft,
  updateKpi,
  metrics,
  preview,
  account,
}: {
  draft: Draft;
  setDraft(f: (d: Draft) => Draft): void;
  updateKpi(uid: number, patch: Partial<KpiDraft>): void;
  metrics: MetricInfo[];
  preview: GoalPreview | null;
  account: string | null;
}) {
  const { t } = useTranslation();
  const count = draft.kpis.length;
  const addRef = useRef<HTMLButtonElement>(null);
  const remove = (uid: number) => {
    setDraft((d) => ({ ...d, kpis: d.kpis.filter((k) => k.uid !== uid) }));
    setTimeout(() => addRef.current?.focus(), 0);
  };
  return (
    <>
      <p className={count < 3 ? 'alert alert-warn' : 'muted'} role="status">
        {count < 3 ? t('wizard.kpisNeeded', { count, more: 3 - count }) : t('wizard.kpisEnough', { count })}
      </p>
      {draft.kpis.map((k, i) => (
        <KpiEditor
          key={k.uid}
          index={i}
          kpi={k}
          metrics={metrics}
          onChange={(p) => updateKpi(k.uid, p)}
          onRemove={() => remove(k.uid)}
          preview={preview?.kpis.find((p) => p.index === i) ?? null}
          account={account}
        />
      ))}
      <div className="actions">
        <button
          type="button"
          className="button"
          ref={addRef}
          onClick={() => setDraft((d) => ({ ...d, kpis: [...d.kpis, newKpi()] }))}
          disabled={count >= 20}
        >
          + {t('wizard.addKpi')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => setDraft((d) => ({ ...d, kpis: [...d.kpis, newKpi({ kind: 'audience_share', measurement: 'at_deadline' })] }))}
          disabled={count >= 20}
        >
          + {t('wizard.addAudienceKpi')}
        </button>
      </div>
    </>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

function KpiEditor({
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

      {suggestions.data && (suggestions.data.suggestions.length > 0 || suggestions.data.notes.length > 0) ? (
        <div className="suggestions">
          {suggestions.data.suggestions.length > 0 ? <p className="hint">{t('wizard.suggestions')}</p> : null}
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

// ---------------------------------------------------------------- step 4

function CheckStep({ preview, previewError, kpiCount }: { preview: GoalPreview | null; previewError: unknown; kpiCount: number }) {
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
