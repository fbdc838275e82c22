/**
 * The strategy: the organisation's strategic goals and the units' breakdowns of them, each with
 * the goals linked to it. Administrators create organisation-wide strategic goals; managers of a
 * unit create and edit its breakdowns.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { api, type GoalOut, type StrategicGoalOut, type UnitOut } from '../api/index.ts';
import { can } from '../access.ts';
import { Loaded, Notice, ProblemAlert } from '../components/feedback.tsx';
import { SelectField, SubmitButton, TextArea, TextField, type Option } from '../components/forms.tsx';
import { GoalStatusBadge } from '../components/goals.tsx';
import { onSubmit, useAction, useLoad, usePageTitle } from '../hooks.ts';
import { formatDate } from '../i18n/index.ts';
import { useMe } from '../session.tsx';

export default function StrategyPage() {
  const [search, setSearch] = useSearchParams();
  const showArchived = search.get('archived') === 'true';
  const strategic = useLoad(() => api.strategicGoals.list(), []);
  const goals = useLoad(() => api.goals.list(), []);
  const units = useLoad(() => api.units.list(), []);
  const data =
    strategic.data && goals.data && units.data
      ? { strategic: strategic.data.filter((s) => showArchived || !s.archived), goals: goals.data, units: units.data }
      : undefined;
  return (
    <Loaded data={data} error={strategic.error || goals.error || units.error}>
      {(d) => (
        <StrategyView
          {...d}
          showArchived={showArchived}
          setShowArchived={(v) => setSearch(v ? { archived: 'true' } : {}, { replace: true })}
          onChanged={() => {
            strategic.reload();
            goals.reload();
          }}
        />
      )}
    </Loaded>
  );
}

function period(s: StrategicGoalOut): string {
  if (!s.periodStart && !s.periodEnd) return '';
  return `${s.periodStart ? formatDate(s.periodStart) : '…'} – ${s.periodEnd ? formatDate(s.periodEnd) : '…'}`;
}

function StrategyView({
  strategic,
  goals,
  units,
  showArchived,
  setShowArchived,
  onChanged,
}: {
  strategic: StrategicGoalOut[];
  goals: GoalOut[];
  units: UnitOut[];
  showArchived: boolean;
  setShowArchived(v: boolean): void;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('strategy.title'));
  const [creating, setCreating] = useState<{ parent: string | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const { hash } = useLocation();
  // A link to one strategic goal (/strategy#sg-…): scroll to it once the page has settled.
  useEffect(() => {
    if (!hash) return;
    const timer = setTimeout(() => document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: 'start' }), 50);
    return () => clearTimeout(timer);
  }, [hash]);

  const managedUnits = units.filter((u) => !u.archived && can(me, 'unit.manage', u.id, units));
  const mayCreate = me.isAdmin || managedUnits.length > 0;
  const top = strategic.filter((s) => s.parentId === null || !strategic.some((p) => p.id === s.parentId));
  const childrenOf = (id: string) => strategic.filter((s) => s.parentId === id);
  const unlinked = goals.filter((g) => !g.strategicGoalId && g.status !== 'archived');

  const done = (message: string) => {
    setCreating(null);
    setNotice(message);
    onChanged();
  };

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('strategy.title')}</h1>
          <p className="subtitle">{t('strategy.intro')}</p>
        </div>
        {mayCreate && creating?.parent !== null ? (
          <button type="button" className="button primary" onClick={() => setCreating({ parent: null })}>
            {t('strategy.new')}
          </button>
        ) : null}
      </div>
      <Notice>{notice}</Notice>
      {creating && creating.parent === null ? (
        <StrategicGoalForm
          units={units}
          managedUnits={managedUnits}
          strategic={strategic}
          parent={creating.parent}
          onCancel={() => setCreating(null)}
          onDone={() => done(t('strategy.created'))}
        />
      ) : null}
      <label className="checkbox inline">
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
        <span>{t('strategy.showArchived')}</span>
      </label>
      {strategic.length === 0 ? <p className="muted">{t('strategy.none')}</p> : null}
      {top.map((s) => (
        <StrategicGoalCard
          key={s.id}
          s={s}
          units={units}
          goals={goals}
          strategic={strategic}
          managedUnits={managedUnits}
          childrenOf={childrenOf}
          onNewBreakdown={() => setCreating({ parent: s.id })}
          breakdownForm={
            creating?.parent === s.id ? (
              <StrategicGoalForm
                units={units}
                managedUnits={managedUnits}
                strategic={strategic}
                parent={s.id}
                onCancel={() => setCreating(null)}
                onDone={() => done(t('strategy.created'))}
              />
            ) : null
          }
          onChanged={(m) => done(m)}
          level={2}
        />
      ))}
      {unlinked.length > 0 ? (
        <section className="card" aria-labelledby="unlinked-heading">
          <h2 id="unlinked-heading">{t('strategy.unlinked')}</h2>
          <p className="muted">{t('strategy.unlinkedHelp')}</p>
          <GoalList goals={unlinked} />
        </section>
      ) : null}
    </>
  );
}

function GoalList({ goals }: { goals: GoalOut[] }) {
  const { t } = useTranslation();
  if (goals.length === 0) return <p className="muted">{t('strategy.noGoals')}</p>;
  return (
    <ul className="goal-list">
      {goals.map((g) => (
        <li key={g.id}>
          <Link to={`/goals/${encodeURIComponent(g.id)}`}>{g.qualitativeGoal}</Link> <GoalStatusBadge status={g.status} />
          <span className="muted">
            {' '}
            · {g.accounts.map((a) => a.name).join(', ')}
            {g.deadline ? ` · ${t('goal.deadlineShort', { date: formatDate(g.deadline) })}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

function StrategicGoalCard({
  s,
  units,
  goals,
  strategic,
  managedUnits,
  childrenOf,
  onNewBreakdown,
  breakdownForm,
  onChanged,
  level,
}: {
  breakdownForm?: ReactNode;
  s: StrategicGoalOut;
  units: UnitOut[];
  goals: GoalOut[];
  strategic: StrategicGoalOut[];
  managedUnits: UnitOut[];
  childrenOf(id: string): StrategicGoalOut[];
  onNewBreakdown(): void;
  onChanged(message: string): void;
  level: 2 | 3;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const action = useAction();
  const unit = s.unitId ? units.find((u) => u.id === s.unitId) : null;
  const mayEdit = s.unitId === null ? me.isAdmin : can(me, 'unit.manage', s.unitId, units);
  const linked = goals.filter((g) => g.strategicGoalId === s.id);
  const kids = childrenOf(s.id);
  const H = level === 2 ? 'h2' : 'h3';
  const archive = async (archived: boolean) => {
    const r = await action.run(() => api.strategicGoals.update(s.id, { archived }));
    if (r) onChanged(archived ? t('strategy.archivedNotice') : t('strategy.restoredNotice'));
  };
  return (
    <section className={`card strategic ${s.archived ? 'archived' : ''}`} id={`sg-${s.id}`} aria-labelledby={`sg-${s.id}-h`}>
      <div className="page-head">
        <div>
          <H id={`sg-${s.id}-h`}>
            {s.title} {s.archived ? <span className="badge goal-archived">{t('strategy.archived')}</span> : null}
          </H>
          <p className="muted">
            {unit ? t('strategy.unitBreakdown', { unit: unit.name }) : t('strategy.orgWide')}
            {period(s) ? ` · ${period(s)}` : ''}
          </p>
        </div>
        {mayEdit && !editing ? (
          <div className="actions">
            <button type="button" className="button subtle" onClick={() => setEditing(true)} aria-label={t('strategy.editNamed', { title: s.title })}>
              {t('strategy.edit')}
            </button>
            <button type="button" className="button subtle" disabled={action.busy} onClick={() => void archive(!s.archived)}>
              {s.archived ? t('strategy.restore') : t('strategy.archive')}
            </button>
          </div>
        ) : null}
      </div>
      <ProblemAlert error={action.error} />
      {editing ? (
        <StrategicGoalForm
          units={units}
          managedUnits={managedUnits}
          strategic={strategic}
          existing={s}
          parent={s.parentId}
          onCancel={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            onChanged(t('strategy.saved'));
          }}
        />
      ) : null}
      {s.description ? <p>{s.description}</p> : null}
      <h4 className="small-heading">{t('strategy.goalsUnder', { count: linked.length })}</h4>
      <GoalList goals={linked} />
      {kids.map((k) => (
        <StrategicGoalCard
          key={k.id}
          s={k}
          units={units}
          goals={goals}
          strategic={strategic}
          managedUnits={managedUnits}
          childrenOf={childrenOf}
          onNewBreakdown={onNewBreakdown}
          onChanged={onChanged}
          level={3}
        />
      ))}
      {breakdownForm}
      {level === 2 && s.unitId === null && managedUnits.length > 0 && !s.archived && !breakdownForm ? (
        <button type="button" className="button subtle" onClick={onNewBreakdown}>
          + {t('strategy.newBreakdown')}
        </button>
      ) : null}
    </section>
  );
}

function StrategicGoalForm({
  units,
  managedUnits,
  strategic,
  existing,
  parent,
  onCancel,
  onDone,
}: {
  units: UnitOut[];
  managedUnits: UnitOut[];
  strategic: StrategicGoalOut[];
  existing?: StrategicGoalOut;
  parent: string | null;
  onCancel(): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const action = useAction();
  const [title, setTitle] = useState(existing?.title ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [unit, setUnit] = useState(existing?.unitId ?? (me.isAdmin && !parent ? '' : (managedUnits[0]?.id ?? '')));
  const [parentId, setParentId] = useState(existing?.parentId ?? parent ?? '');
  const [start, setStart] = useState(existing?.periodStart ?? '');
  const [end, setEnd] = useState(existing?.periodEnd ?? '');
  const unitOptions: Option[] = [
    ...(me.isAdmin ? [{ value: '', label: t('strategy.orgWide') }] : []),
    ...managedUnits.map((u) => ({ value: u.id, label: u.name })),
  ];
  const parentOptions: Option[] = [
    { value: '', label: t('strategy.noParent') },
    ...strategic.filter((s) => s.unitId === null && !s.archived && s.id !== existing?.id).map((s) => ({ value: s.id, label: s.title })),
  ];
  const submit = async () => {
    const input = {
      title: title.trim(),
      description: description.trim() || null,
      unit: unit || null,
      parent: unit ? parentId || null : null,
      periodStart: start || null,
      periodEnd: end || null,
    };
    const r = await action.run(
      () => (existing ? api.strategicGoals.update(existing.id, input) : api.strategicGoals.create(input)),
      title.trim() ? {} : { title: 'validation.required' },
    );
    if (r) onDone();
  };
  void units;
  return (
    <form className="form card inset" noValidate onSubmit={onSubmit(submit)} aria-label={existing ? t('strategy.edit') : t('strategy.new')}>
      <ProblemAlert error={action.error} />
      <TextField label={t('strategy.fieldTitle')} autoFocus value={title} onChange={(e) => setTitle(e.target.value)} error={action.fieldErrors.title} required />
      <TextArea label={t('strategy.fieldDescription')} optional value={description} onChange={(e) => setDescription(e.target.value)} />
      <SelectField label={t('strategy.fieldUnit')} hint={t('strategy.fieldUnitHint')} value={unit} onChange={(e) => setUnit(e.target.value)} options={unitOptions} error={action.fieldErrors.unit} />
      {unit ? (
        <SelectField label={t('strategy.fieldParent')} value={parentId} onChange={(e) => setParentId(e.target.value)} options={parentOptions} optional />
      ) : null}
      <div className="form-grid">
        <TextField label={t('strategy.fieldStart')} type="date" optional value={start} onChange={(e) => setStart(e.target.value)} error={action.fieldErrors.periodStart} />
        <TextField label={t('strategy.fieldEnd')} type="date" optional value={end} onChange={(e) => setEnd(e.target.value)} error={action.fieldErrors.periodEnd} />
      </div>
      <div className="actions">
        <SubmitButton busy={action.busy}>{existing ? t('common.save') : t('strategy.create')}</SubmitButton>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
