/**
 * The goal wizard (issue 3): accounts and template → the goal → KPIs with targets, suggestions
 * and the attainability verdict as you type → SMART check and activation. The same form edits a
 * goal (/goals/:goal/edit). The live check is POST /goals/preview, debounced. This is the page and
 * its state machine; the steps are in this folder.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  api,
  isApiError,
  type AccountOut,
  type GoalDetail,
  type GoalTemplateOut,
  type MetricInfo,
  type StrategicGoalOut,
} from '../../api/index.ts';
import { can } from '../../access.ts';
import { Loaded, ProblemAlert } from '../../components/feedback.tsx';
import { coreText, deadlinePassed } from '../../components/goals.tsx';
import { useAction, useLoad, usePageTitle } from '../../hooks.ts';
import { useMe } from '../../session.tsx';
import { type Draft, type KpiDraft, fromGoal, newKpi, toInput } from './draft.ts';
import { useGoalPreview } from './useGoalPreview.ts';
import { AccountsAndTypeStep } from './AccountsAndTypeStep.tsx';
import { GoalStep } from './GoalStep.tsx';
import { KpisStep } from './KpisStep.tsx';
import { SmartStep } from './SmartStep.tsx';

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
  const { preview, previewError } = useGoalPreview(draft);

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
          <AccountsAndTypeStep draft={draft} update={update} writable={writable} units={units} />
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
          <SmartStep preview={preview} previewError={previewError} kpiCount={kpiCount} />
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
