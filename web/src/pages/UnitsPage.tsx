/**
 * The organisation: the unit tree, and for the chosen unit its named people and (for those who
 * may manage it) create sub-unit, rename, move, archive and restore. ?unit=<slug>&archived=1
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { UnitCreateInput, UnitUpdateInput } from '../../../src/contract/units.ts';
import type { UnitKind } from '../../../src/core/platforms.ts';
import { can, subtree } from '../access.ts';
import { api, type UnitDetail, type UnitOut } from '../api/index.ts';
import { FlashNotice, Loaded, Notice, ProblemAlert } from '../components/feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../components/forms.tsx';
import { kindLabel, kindOptions } from '../components/labels.ts';
import { UnitTree } from '../components/UnitTree.tsx';
import { unitName, unitOptions } from '../components/units.ts';
import { onSubmit, useAction, useFlash, useLoad, usePageTitle } from '../hooks.ts';
import { useMe } from '../session.tsx';
import { check } from '../validation.ts';

export default function UnitsPage() {
  const { t } = useTranslation();
  const flash = useFlash();
  usePageTitle(t('units.title'));
  const [params, setParams] = useSearchParams();
  const showArchived = params.get('archived') === '1';
  const units = useLoad(() => api.units.list(showArchived), [showArchived]);
  const [notice, setNotice] = useState<string | null>(null);
  // A change's notice is shown once the tree has been reloaded, so that what it says is on screen.
  const [pending, setPending] = useState<{ message: string; before: UnitOut[] | undefined } | null>(null);
  useEffect(() => {
    if (!pending || units.loading || units.data === pending.before) return;
    setNotice(pending.message);
    setPending(null);
  }, [pending, units.data, units.loading]);
  // After a change that replaces the panel (a new or moved unit), focus goes to its heading.
  const [focusPanel, setFocusPanel] = useState(false);

  const list = units.data ?? [];
  const wanted = params.get('unit');
  const selected = list.find((u) => u.slug === wanted || u.id === wanted) ?? list[0] ?? null;

  const select = (u: UnitOut) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('unit', u.slug);
        return next;
      },
      { replace: true },
    );
  const setArchived = (on: boolean) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (on) next.set('archived', '1');
        else next.delete('archived');
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('units.title')}</h1>
          <p className="subtitle">{t('units.intro')}</p>
        </div>
      </div>
      <FlashNotice flash={flash} />
      <Notice>{notice}</Notice>
      <Loaded data={units.data} error={units.error}>
        {(all) => (
          <div className="split">
            <section className="card" aria-labelledby="tree-heading">
              <h2 id="tree-heading">{t('units.tree')}</h2>
              <label className="switch">
                <input type="checkbox" checked={showArchived} onChange={(e) => setArchived(e.target.checked)} />
                <span>{t('units.showArchived')}</span>
              </label>
              <p className="hint">{t('units.treeHint')}</p>
              <UnitTree
                units={all}
                selectedId={selected?.id ?? null}
                onSelect={(u) => {
                  setFocusPanel(false);
                  select(u);
                }}
                label={t('units.tree')}
              />
            </section>
            <div>
              {selected ? (
                <UnitPanel
                  key={selected.id}
                  unit={selected}
                  units={all}
                  autoFocus={focusPanel}
                  onChanged={(message, goTo) => {
                    setNotice(null);
                    setPending({ message, before: units.data });
                    setFocusPanel(true);
                    units.reload();
                    if (goTo) select(goTo);
                  }}
                />
              ) : null}
            </div>
          </div>
        )}
      </Loaded>
    </>
  );
}

function UnitPanel({
  unit,
  units,
  autoFocus,
  onChanged,
}: {
  unit: UnitOut;
  units: UnitOut[];
  autoFocus: boolean;
  onChanged(message: string, goTo?: UnitOut): void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (autoFocus) heading.current?.focus();
    // Only when the panel appears.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const detail = useLoad(() => api.units.get(unit.id), [unit.id, unit.updatedAt]);
  const manage = can(me, 'unit.manage', unit.id, units);
  const writeAccounts = !unit.archived && can(me, 'account.write', unit.id, units);

  return (
    <section className="card" aria-labelledby="unit-heading">
      <div className="panel-title">
        <h2 id="unit-heading" ref={heading} tabIndex={-1}>
          {unit.name}
        </h2>
        <span className="badge neutral">{kindLabel(t, unit.kind)}</span>
        {unit.archived ? <span className="badge archived">{t('units.archived')}</span> : null}
      </div>
      {unit.parentId ? <p className="muted">{t('units.partOf', { unit: unitName(units, unit.parentId) })}</p> : null}
      <Loaded data={detail.data} error={detail.error}>
        {(d) => (
          <>
            <p>
              <Link to={`/accounts?unit=${encodeURIComponent(unit.slug)}`}>{t('units.accounts', { count: d.accountCount })}</Link>
              {writeAccounts ? (
                <>
                  {' · '}
                  <Link to={`/accounts/new?unit=${encodeURIComponent(unit.slug)}`}>{t('units.newAccountHere')}</Link>
                </>
              ) : null}
            </p>
            <h3>{t('units.namedPeople')}</h3>
            <div className="named-grid">
              <NamedList title={t('units.managers')} people={d.managers} unit={unit} units={units} />
              <NamedList title={t('units.reporters')} people={d.reporters} unit={unit} units={units} />
              <NamedList title={t('units.evaluators')} people={d.evaluators} unit={unit} units={units} />
            </div>
            <p className="hint">
              {t('units.namedHint')} <Link to="/people">{t('nav.people')}</Link>
            </p>
          </>
        )}
      </Loaded>

      {manage ? (
        <>
          <h3>{t('units.manage')}</h3>
          {unit.archived ? null : <CreateSubUnit parent={unit} onCreated={(u) => onChanged(t('units.created', { name: u.name }), u)} />}
          <RenameUnit unit={unit} onSaved={(u) => onChanged(t('units.saved', { name: u.name }))} />
          {unit.parentId && !unit.archived ? (
            <MoveUnit unit={unit} units={units} onMoved={(u) => onChanged(t('units.moved', { name: u.name }))} />
          ) : null}
          {unit.parentId ? (
            <ArchiveUnit unit={unit} onDone={(u) => onChanged(u.archived ? t('units.archivedDone', { name: u.name }) : t('units.restoredDone', { name: u.name }))} />
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function NamedList({ title, people, unit, units }: { title: string; people: UnitDetail['managers']; unit: UnitOut; units: UnitOut[] }) {
  const { t } = useTranslation();
  return (
    <div>
      <h4>{title}</h4>
      {people.length === 0 ? (
        <p className="not-set">{t('units.nobody')}</p>
      ) : (
        <ul className="people-list">
          {people.map((p) => (
            <li key={`${p.id}-${p.fromUnitId}`}>
              {p.name}
              {p.fromUnitId !== unit.id ? <span className="from"> – {t('account.inheritedFrom', { unit: unitName(units, p.fromUnitId) || '…' })}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Disclosure({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="disclosure">
      <summary>{summary}</summary>
      <div className="disclosure-body">{children}</div>
    </details>
  );
}

function CreateSubUnit({ parent, onCreated }: { parent: UnitOut; onCreated(u: UnitOut): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<UnitKind>('department');
  const submit = async () => {
    const input = { name, kind, parent: parent.id };
    const created = await action.run(() => api.units.create(input), check(UnitCreateInput, input));
    if (created) {
      setName('');
      onCreated(created);
    }
  };
  return (
    <Disclosure summary={t('units.createSub')}>
      <form className="form" noValidate onSubmit={onSubmit(submit)}>
        <ProblemAlert error={action.error} />
        <p className="hint">{t('units.createSubHint', { parent: parent.name })}</p>
        <TextField label={t('units.subName')} value={name} onChange={(e) => setName(e.target.value)} error={action.fieldErrors.name} />
        <SelectField label={t('units.subKind')} value={kind} onChange={(e) => setKind(e.target.value as UnitKind)} options={kindOptions(t)} error={action.fieldErrors.kind} />
        <SubmitButton busy={action.busy}>{t('units.createSubmit')}</SubmitButton>
      </form>
    </Disclosure>
  );
}

function RenameUnit({ unit, onSaved }: { unit: UnitOut; onSaved(u: UnitOut): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const [name, setName] = useState(unit.name);
  const [kind, setKind] = useState<UnitKind>(unit.kind);
  const submit = async () => {
    const input = { name, kind };
    const saved = await action.run(() => api.units.update(unit.id, input), check(UnitUpdateInput, input));
    if (saved) onSaved(saved);
  };
  return (
    <Disclosure summary={t('units.rename')}>
      <form className="form" noValidate onSubmit={onSubmit(submit)}>
        <ProblemAlert error={action.error} />
        <TextField label={t('units.newName')} value={name} onChange={(e) => setName(e.target.value)} error={action.fieldErrors.name} />
        <SelectField
          label={t('units.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as UnitKind)}
          options={kindOptions(t, unit.parentId ? ['organisation'] : [])}
          error={action.fieldErrors.kind}
        />
        <SubmitButton busy={action.busy}>{t('common.save')}</SubmitButton>
      </form>
    </Disclosure>
  );
}

function MoveUnit({ unit, units, onMoved }: { unit: UnitOut; units: UnitOut[]; onMoved(u: UnitOut): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const action = useAction();
  const [parent, setParent] = useState(unit.parentId ?? '');
  const below = subtree(unit.id, units);
  const possible = (u: UnitOut) => !u.archived && !below.has(u.id) && can(me, 'unit.manage', u.id, units);
  const submit = async () => {
    const saved = await action.run(() => api.units.update(unit.id, { parent }), parent ? {} : { parent: 'validation.choose' });
    if (saved) onMoved(saved);
  };
  return (
    <Disclosure summary={t('units.move')}>
      <form className="form" noValidate onSubmit={onSubmit(submit)}>
        <ProblemAlert error={action.error} />
        <SelectField
          label={t('units.newParent')}
          hint={t('units.newParentHint')}
          value={parent}
          onChange={(e) => setParent(e.target.value)}
          options={unitOptions(
            units.filter((u) => !u.archived),
            { enabled: possible },
          )}
          error={action.fieldErrors.parent}
        />
        <SubmitButton busy={action.busy}>{t('units.moveSubmit')}</SubmitButton>
      </form>
    </Disclosure>
  );
}

function ArchiveUnit({ unit, onDone }: { unit: UnitOut; onDone(u: UnitOut): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const submit = async () => {
    const saved = await action.run(() => api.units.update(unit.id, { archived: !unit.archived }));
    if (saved) onDone(saved);
  };
  return (
    <Disclosure summary={unit.archived ? t('units.restore') : t('units.archive')}>
      <form className="form" noValidate onSubmit={onSubmit(submit)}>
        <ProblemAlert error={action.error} />
        <p className="hint">{unit.archived ? t('units.restoreHint') : t('units.archiveHint')}</p>
        <SubmitButton busy={action.busy} className={unit.archived ? 'button' : 'button danger'}>
          {unit.archived ? t('units.restoreSubmit') : t('units.archiveSubmit')}
        </SubmitButton>
      </form>
    </Disclosure>
  );
}
