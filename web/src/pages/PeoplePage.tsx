/** People and roles: who is in the organisation, their roles on units; add, grant, revoke, deactivate. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonCreateInput } from '../../../src/contract/people.ts';
import type { Role } from '../../../src/core/roles.ts';
import { can, canAnywhere } from '../access.ts';
import { api, type PersonOut, type RoleGrantOut, type UnitOut } from '../api/index.ts';
import { Loaded, Notice, ProblemAlert } from '../components/feedback.tsx';
import { SelectField, SubmitButton, TextField } from '../components/forms.tsx';
import { roleLabel, roleOptions } from '../components/labels.ts';
import { unitName, unitOptions } from '../components/units.ts';
import { onSubmit, useAction, useLoad, usePageTitle } from '../hooks.ts';
import { isLanguage, type Language } from '../i18n/index.ts';
import { useMe } from '../session.tsx';
import { check, textOrNull } from '../validation.ts';

export default function PeoplePage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('people.title'));
  const people = useLoad(() => api.people.list(), []);
  const units = useLoad(() => api.units.list(true), []);
  const [notice, setNotice] = useState<string | null>(null);
  const [grantPerson, setGrantPerson] = useState('');
  const rowAction = useAction();
  const mayGrant = canAnywhere(me, 'role.grant');
  const unitList = units.data ?? [];

  // The last administrator cannot be removed (the server refuses), so no button for it.
  const admins = (people.data ?? []).filter((p) => p.grants.some((g) => g.role === 'admin')).length;
  const mayRevoke = (g: RoleGrantOut) =>
    g.role === 'admin' ? me.isAdmin && admins > 1 : g.unitId !== null && can(me, 'role.grant', g.unitId, unitList);
  const grantText = (g: RoleGrantOut) => (g.unitId ? t('people.grantOn', { role: roleLabel(t, g.role), unit: unitName(unitList, g.unitId) }) : roleLabel(t, g.role));

  const revoke = async (person: PersonOut, g: RoleGrantOut) => {
    setNotice(null);
    const done = await rowAction.run(async () => {
      await api.people.revoke(g.id);
      return true;
    });
    if (done) {
      setNotice(t('people.revoked', { grant: grantText(g), name: person.name }));
      people.reload();
    }
  };
  const setActive = async (person: PersonOut, active: boolean) => {
    setNotice(null);
    const done = await rowAction.run(() => api.people.update(person.id, { active }));
    if (done) {
      setNotice(active ? t('people.reactivated', { name: person.name }) : t('people.deactivated', { name: person.name }));
      people.reload();
    }
  };

  return (
    <>
      <div className="page-head">
        <div>
          <h1>{t('people.title')}</h1>
          <p className="subtitle">{t('people.intro')}</p>
        </div>
      </div>
      <Notice>{notice}</Notice>
      <ProblemAlert error={rowAction.error} />

      {mayGrant && people.data && units.data ? (
        <div className="form-grid">
          <AddPerson
            onAdded={(p) => {
              setNotice(t('people.added', { name: p.name }));
              setGrantPerson(p.id);
              people.reload();
            }}
          />
          <GrantRole
            people={people.data}
            units={units.data}
            person={grantPerson}
            setPerson={setGrantPerson}
            onGranted={(p, g) => {
              setNotice(t('people.granted', { grant: grantText(g), name: p.name }));
              people.reload();
            }}
          />
        </div>
      ) : null}

      <Loaded data={people.data} error={people.error}>
        {(list) => (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t('people.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('people.name')}</th>
                  <th scope="col">{t('common.email')}</th>
                  <th scope="col">{t('people.roles')}</th>
                  <th scope="col">{t('people.state')}</th>
                  {me.isAdmin ? <th scope="col">{t('people.actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {list.map((p) => (
                  <tr key={p.id}>
                    <th scope="row">
                      {p.name}
                      {p.id === me.id ? <span className="muted"> ({t('people.you')})</span> : null}
                    </th>
                    <td>{p.email}</td>
                    <td>
                      {p.grants.length === 0 ? (
                        <span className="not-set">{t('people.noRoles')}</span>
                      ) : (
                        <ul className="chips">
                          {p.grants.map((g) => (
                            <li key={g.id} className="grant">
                              {grantText(g)}
                              {mayRevoke(g) ? (
                                <button
                                  type="button"
                                  className="link-button"
                                  onClick={() => void revoke(p, g)}
                                  aria-label={t('people.revokeLabel', { grant: grantText(g), name: p.name })}
                                >
                                  {t('people.revoke')}
                                </button>
                              ) : null}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      <span className={`badge ${p.active ? 'active' : 'closed'}`}>{p.active ? t('people.active') : t('people.inactive')}</span>
                      {p.hasPassword ? null : <div className="hint">{t('people.noPassword')}</div>}
                    </td>
                    {me.isAdmin ? (
                      <td>
                        {p.id === me.id ? null : (
                          <button
                            type="button"
                            className={`button small ${p.active ? 'danger' : ''}`}
                            onClick={() => void setActive(p, !p.active)}
                            aria-label={p.active ? t('people.deactivateLabel', { name: p.name }) : t('people.reactivateLabel', { name: p.name })}
                          >
                            {p.active ? t('people.deactivate') : t('people.reactivate')}
                          </button>
                        )}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loaded>
    </>
  );
}

function AddPerson({ onAdded }: { onAdded(p: PersonOut): void }) {
  const { t, i18n } = useTranslation();
  const action = useAction();
  const blank = { name: '', email: '', password: '', locale: (isLanguage(i18n.language) ? i18n.language : 'nb') as Language };
  const [form, setForm] = useState(blank);
  const submit = async () => {
    const input = { name: form.name, email: form.email, locale: form.locale, ...(textOrNull(form.password) ? { password: form.password } : {}) };
    const created = await action.run(() => api.people.create(input), check(PersonCreateInput, input));
    if (created) {
      setForm(blank);
      onAdded(created);
    }
  };
  const errors = action.fieldErrors;
  return (
    <details className="disclosure">
      <summary>{t('people.add')}</summary>
      <div className="disclosure-body">
        <form className="form" noValidate onSubmit={onSubmit(submit)}>
          <ProblemAlert error={action.error} />
          <TextField label={t('people.name')} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} error={errors.name} autoComplete="off" />
          <TextField label={t('common.email')} type="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} error={errors.email} autoComplete="off" />
          <TextField
            label={t('common.password')}
            hint={t('people.passwordHint')}
            type="password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
            error={errors.password}
            autoComplete="new-password"
            optional
          />
          <SelectField
            label={t('common.language')}
            value={form.locale}
            onChange={(e) => setForm({ ...form, locale: isLanguage(e.target.value) ? e.target.value : 'nb' })}
            options={[
              { value: 'nb', label: t('language.nb') },
              { value: 'en', label: t('language.en') },
            ]}
          />
          <SubmitButton busy={action.busy}>{t('people.addSubmit')}</SubmitButton>
        </form>
      </div>
    </details>
  );
}

function GrantRole({
  people,
  units,
  person,
  setPerson,
  onGranted,
}: {
  people: PersonOut[];
  units: UnitOut[];
  person: string;
  setPerson(id: string): void;
  onGranted(p: PersonOut, g: RoleGrantOut): void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const action = useAction();
  const [role, setRole] = useState<Role>('editor');
  const [unit, setUnit] = useState('');
  const grantable = (u: UnitOut) => !u.archived && can(me, 'role.grant', u.id, units);
  const submit = async () => {
    const issues: Record<string, 'validation.choose'> = {};
    if (!person) issues.person = 'validation.choose';
    if (role !== 'admin' && !unit) issues.unit = 'validation.choose';
    const granted = await action.run(() => api.people.grant({ person, role, unit: role === 'admin' ? null : unit }), issues);
    const who = people.find((p) => p.id === person);
    if (granted && who) onGranted(who, granted);
  };
  const errors = action.fieldErrors;
  return (
    <details className="disclosure" open={person ? true : undefined}>
      <summary>{t('people.grant')}</summary>
      <div className="disclosure-body">
        <form className="form" noValidate onSubmit={onSubmit(submit)}>
          <ProblemAlert error={action.error} />
          <SelectField
            label={t('people.person')}
            value={person}
            onChange={(e) => setPerson(e.target.value)}
            error={errors.person}
            options={[
              { value: '', label: t('people.choosePerson'), disabled: true },
              ...people.filter((p) => p.active).map((p) => ({ value: p.id, label: `${p.name} (${p.email})` })),
            ]}
          />
          <SelectField
            label={t('people.role')}
            hint={t(`people.roleHint.${role}`)}
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
            error={errors.role}
            options={roleOptions(t, me.isAdmin)}
          />
          {role === 'admin' ? null : (
            <SelectField
              label={t('people.unit')}
              hint={t('people.unitHint')}
              value={unit}
              onChange={(e) => setUnit(e.target.value)}
              error={errors.unit}
              options={[{ value: '', label: t('accountForm.chooseUnit'), disabled: true }, ...unitOptions(units.filter((u) => !u.archived), { enabled: grantable })]}
            />
          )}
          <SubmitButton busy={action.busy}>{t('people.grantSubmit')}</SubmitButton>
        </form>
      </div>
    </details>
  );
}
