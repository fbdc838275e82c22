/** Register a new account (/accounts/new) or edit one (/accounts/:account/edit). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { AccountCreateInput, AccountUpdateInput } from '../../../src/contract/accounts.ts';
import type { AccountStatus, AgeGroup, Platform } from '../../../src/core/platforms.ts';
import { can } from '../access.ts';
import { api, type AccountDetail, type UnitOut } from '../api/index.ts';
import { Loaded, ProblemAlert } from '../components/feedback.tsx';
import { CheckboxGroup, SelectField, SubmitButton, TextArea, TextField } from '../components/forms.tsx';
import { ageGroupOptions, platformLabel, platformOptions, statusOptions } from '../components/labels.ts';
import { unitOptions } from '../components/units.ts';
import { onSubmit, useAction, useLoad, usePageTitle } from '../hooks.ts';
import { useMe } from '../session.tsx';
import { check, numberOrNull, textOrNull } from '../validation.ts';

interface FormState {
  unit: string;
  platform: Platform | '';
  name: string;
  handle: string;
  url: string;
  status: AccountStatus;
  targetAudience: string;
  targetAgeGroups: AgeGroup[];
  audienceNeeds: string;
  platformRationale: string;
  contentFormats: string;
  contentFrequency: string;
  plannedHoursPerMonth: string;
  budgetNokPerYear: string;
}

const empty: FormState = {
  unit: '',
  platform: '',
  name: '',
  handle: '',
  url: '',
  status: 'active',
  targetAudience: '',
  targetAgeGroups: [],
  audienceNeeds: '',
  platformRationale: '',
  contentFormats: '',
  contentFrequency: '',
  plannedHoursPerMonth: '',
  budgetNokPerYear: '',
};

function fromAccount(a: AccountDetail): FormState {
  return {
    unit: a.unitId,
    platform: a.platform,
    name: a.name,
    handle: a.handle ?? '',
    url: a.url ?? '',
    status: a.status,
    targetAudience: a.targetAudience ?? '',
    targetAgeGroups: a.targetAgeGroups,
    audienceNeeds: a.audienceNeeds ?? '',
    platformRationale: a.platformRationale ?? '',
    contentFormats: a.contentFormats.join(', '),
    contentFrequency: a.contentFrequency ?? '',
    plannedHoursPerMonth: a.plannedHoursPerMonth === null ? '' : String(a.plannedHoursPerMonth),
    budgetNokPerYear: a.budgetNokPerYear === null ? '' : String(a.budgetNokPerYear),
  };
}

function profileOf(form: FormState) {
  return {
    handle: textOrNull(form.handle),
    url: textOrNull(form.url),
    targetAudience: textOrNull(form.targetAudience),
    targetAgeGroups: form.targetAgeGroups,
    audienceNeeds: textOrNull(form.audienceNeeds),
    platformRationale: textOrNull(form.platformRationale),
    contentFormats: form.contentFormats
      .split(/[,;\n]/)
      .map((s) => s.trim())
      .filter(Boolean),
    contentFrequency: textOrNull(form.contentFrequency),
    plannedHoursPerMonth: numberOrNull(form.plannedHoursPerMonth),
    budgetNokPerYear: numberOrNull(form.budgetNokPerYear),
  };
}

export default function AccountFormPage() {
  const { account: accountParam } = useParams();
  const units = useLoad(() => api.units.list(true), []);
  const existing = useLoad(async () => (accountParam ? api.accounts.get(accountParam) : null), [accountParam]);
  return (
    <Loaded data={units.data && existing.data !== undefined ? { units: units.data, account: existing.data } : undefined} error={units.error ?? existing.error}>
      {({ units: list, account }) => <AccountForm key={account?.id ?? 'new'} units={list} account={account} />}
    </Loaded>
  );
}

function AccountForm({ units, account }: { units: UnitOut[]; account: AccountDetail | null }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const action = useAction();
  const editing = account !== null;
  const title = editing ? t('accountForm.editTitle', { name: account.name }) : t('accountForm.newTitle');
  usePageTitle(title);

  const writable = (u: UnitOut) => !u.archived && can(me, 'account.write', u.id, units);
  const allowed = units.filter(writable);
  const [form, setForm] = useState<FormState>(() => {
    if (account) return fromAccount(account);
    const wanted = params.get('unit');
    const preset = allowed.find((u) => u.slug === wanted || u.id === wanted) ?? (allowed.length === 1 ? allowed[0] : undefined);
    return { ...empty, unit: preset?.id ?? '' };
  });
  const set =
    <K extends keyof FormState>(field: K) =>
    (e: { target: { value: string } }) =>
      setForm((f) => ({ ...f, [field]: e.target.value as FormState[K] }));

  if (editing && !account.canEdit) {
    return (
      <>
        <h1>{title}</h1>
        <p className="alert alert-warn">{t('accountForm.notAllowed')}</p>
        <Link to={`/accounts/${encodeURIComponent(account.slug)}`}>{t('account.back')}</Link>
      </>
    );
  }
  if (!editing && allowed.length === 0) {
    return (
      <>
        <h1>{title}</h1>
        <p className="alert alert-warn">{t('accountForm.noUnits')}</p>
      </>
    );
  }

  const submit = async () => {
    if (account) {
      const input = {
        name: form.name,
        ...(form.unit !== account.unitId ? { unit: form.unit } : {}),
        ...profileOf(form),
      };
      const saved = await action.run(() => api.accounts.update(account.id, input), check(AccountUpdateInput, input));
      if (saved) navigate(`/accounts/${encodeURIComponent(saved.slug)}`, { state: { flash: { key: 'notice.accountSaved' } } });
    } else {
      const input = { unit: form.unit, platform: form.platform as Platform, name: form.name, status: form.status, ...profileOf(form) };
      const created = await action.run(() => api.accounts.create(input), check(AccountCreateInput, input));
      if (created) {
        navigate(`/accounts/${encodeURIComponent(created.slug)}`, {
          state: { flash: { key: 'notice.accountCreated', values: { name: created.name } } },
        });
      }
    }
  };

  const errors = action.fieldErrors;
  const cancelTo = account ? `/accounts/${encodeURIComponent(account.slug)}` : '/accounts';
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{title}</h1>
          <p className="subtitle">{t('accountForm.intro')}</p>
        </div>
      </div>
      <form className="form card" noValidate onSubmit={onSubmit(submit)}>
        <ProblemAlert error={action.error} />

        <fieldset className="section">
          <legend>{t('accountForm.sectionAccount')}</legend>
          <div className="form-grid">
            <SelectField
              label={t('account.unit')}
              value={form.unit}
              onChange={set('unit')}
              error={errors.unit}
              hint={editing ? t('accountForm.moveHint') : undefined}
              options={[
                { value: '', label: t('accountForm.chooseUnit'), disabled: true },
                ...unitOptions(
                  units.filter((u) => !u.archived || u.id === form.unit),
                  { enabled: writable },
                ),
              ]}
            />
            {editing ? (
              <div className="field">
                <span className="label-like">{t('account.platform')}</span>
                <p className="static-value">{platformLabel(account.platform)}</p>
              </div>
            ) : (
              <SelectField
                label={t('account.platform')}
                value={form.platform}
                onChange={set('platform')}
                error={errors.platform}
                options={[{ value: '', label: t('accountForm.choosePlatform'), disabled: true }, ...platformOptions()]}
              />
            )}
            <TextField label={t('account.name')} hint={t('accountForm.nameHint')} value={form.name} onChange={set('name')} error={errors.name} />
            <TextField label={t('account.handle')} hint={t('accountForm.handleHint')} value={form.handle} onChange={set('handle')} error={errors.handle} optional />
            <TextField label={t('account.url')} type="url" inputMode="url" value={form.url} onChange={set('url')} error={errors.url} optional placeholder="https://" />
            {editing ? null : (
              <SelectField label={t('account.status')} value={form.status} onChange={set('status')} error={errors.status} options={statusOptions(t)} />
            )}
          </div>
        </fieldset>

        <fieldset className="section">
          <legend>{t('accountForm.sectionAudience')}</legend>
          <div className="form-grid">
            <TextArea
              className="wide"
              label={t('account.targetAudience')}
              hint={t('accountForm.targetAudienceHint')}
              value={form.targetAudience}
              onChange={set('targetAudience')}
              error={errors.targetAudience}
              optional
            />
            <div className="wide">
              <CheckboxGroup
                legend={t('account.targetAgeGroups')}
                hint={t('accountForm.ageGroupsHint')}
                options={ageGroupOptions(t)}
                value={form.targetAgeGroups}
                onChange={(v) => setForm((f) => ({ ...f, targetAgeGroups: v as AgeGroup[] }))}
                error={errors.targetAgeGroups}
              />
            </div>
            <TextArea
              className="wide"
              label={t('account.audienceNeeds')}
              hint={t('accountForm.audienceNeedsHint')}
              value={form.audienceNeeds}
              onChange={set('audienceNeeds')}
              error={errors.audienceNeeds}
              optional
            />
          </div>
        </fieldset>

        <fieldset className="section">
          <legend>{t('accountForm.sectionContent')}</legend>
          <div className="form-grid">
            <TextArea
              className="wide"
              label={t('account.platformRationale')}
              hint={t('accountForm.platformRationaleHint')}
              value={form.platformRationale}
              onChange={set('platformRationale')}
              error={errors.platformRationale}
              optional
            />
            <TextField
              label={t('account.contentFormats')}
              hint={t('accountForm.contentFormatsHint')}
              value={form.contentFormats}
              onChange={set('contentFormats')}
              error={errors.contentFormats}
              optional
            />
            <TextField
              label={t('account.contentFrequency')}
              hint={t('accountForm.contentFrequencyHint')}
              value={form.contentFrequency}
              onChange={set('contentFrequency')}
              error={errors.contentFrequency}
              optional
            />
          </div>
        </fieldset>

        <fieldset className="section">
          <legend>{t('accountForm.sectionResources')}</legend>
          <div className="form-grid">
            <TextField
              label={t('account.plannedHoursPerMonth')}
              inputMode="decimal"
              value={form.plannedHoursPerMonth}
              onChange={set('plannedHoursPerMonth')}
              error={errors.plannedHoursPerMonth}
              optional
            />
            <TextField
              label={t('account.budgetNokPerYear')}
              inputMode="numeric"
              value={form.budgetNokPerYear}
              onChange={set('budgetNokPerYear')}
              error={errors.budgetNokPerYear}
              optional
            />
          </div>
        </fieldset>

        <div className="actions">
          <SubmitButton busy={action.busy}>{editing ? t('common.save') : t('accountForm.create')}</SubmitButton>
          <Link to={cancelTo} className="button subtle">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
