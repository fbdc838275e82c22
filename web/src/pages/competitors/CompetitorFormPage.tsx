/** Register a competitor or peer (/competitors/new) or edit one (/competitors/:competitor/edit). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { CompetitorCreateInput, CompetitorUpdateInput } from '../../../../src/contract/competitors.ts';
import type { Platform } from '../../../../src/core/platforms.ts';
import { can } from '../../access.ts';
import { api, type UnitOut } from '../../api/index.ts';
import { Loaded, ProblemAlert } from '../../components/feedback.tsx';
import { SelectField, SubmitButton, TextArea, TextField } from '../../components/forms.tsx';
import { platformOptions } from '../../components/labels.ts';
import { unitOptions } from '../../components/units.ts';
import { onSubmit, useAction, useLoad, usePageTitle } from '../../hooks.ts';
import { useMe } from '../../session.tsx';
import { check, textOrNull } from '../../validation.ts';
import { competitorApi, type CompetitorDetail } from './api.ts';
import { kindOptions } from './labels.ts';

interface FormState {
  unit: string;
  platform: Platform | '';
  name: string;
  kind: 'competitor' | 'peer';
  handle: string;
  url: string;
  note: string;
}

export default function CompetitorFormPage() {
  const { competitor } = useParams();
  const units = useLoad(() => api.units.list(true), []);
  const existing = useLoad(async () => (competitor ? competitorApi.get(competitor) : null), [competitor]);
  return (
    <Loaded data={units.data && existing.data !== undefined ? { units: units.data, entry: existing.data } : undefined} error={units.error ?? existing.error}>
      {({ units: list, entry }) => <CompetitorForm key={entry?.id ?? 'new'} units={list} entry={entry} />}
    </Loaded>
  );
}

function CompetitorForm({ units, entry }: { units: UnitOut[]; entry: CompetitorDetail | null }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const action = useAction();
  const title = entry ? t('competitors.editTitle', { name: entry.name }) : t('competitors.newTitle');
  usePageTitle(title);
  const writable = (u: UnitOut) => !u.archived && can(me, 'account.write', u.id, units);
  const allowed = units.filter(writable);
  const [form, setForm] = useState<FormState>(() => {
    if (entry) return { unit: entry.unitId, platform: entry.platform, name: entry.name, kind: entry.kind, handle: entry.handle ?? '', url: entry.url ?? '', note: entry.note ?? '' };
    const wanted = params.get('unit');
    const preset = allowed.find((u) => u.slug === wanted || u.id === wanted) ?? (allowed.length === 1 ? allowed[0] : undefined);
    return { unit: preset?.id ?? '', platform: '', name: '', kind: 'competitor', handle: '', url: '', note: '' };
  });
  const set =
    <K extends keyof FormState>(field: K) =>
    (e: { target: { value: string } }) =>
      setForm((f) => ({ ...f, [field]: e.target.value as FormState[K] }));

  if (entry && !entry.canEdit) {
    return (
      <>
        <h1>{title}</h1>
        <p className="alert alert-warn">{t('competitors.notAllowed')}</p>
        <Link to={`/competitors/${encodeURIComponent(entry.slug)}`}>{t('competitors.back')}</Link>
      </>
    );
  }
  if (!entry && allowed.length === 0) {
    return (
      <>
        <h1>{title}</h1>
        <p className="alert alert-warn">{t('competitors.noUnits')}</p>
      </>
    );
  }

  const fields = { name: form.name, kind: form.kind, handle: textOrNull(form.handle), url: textOrNull(form.url), note: textOrNull(form.note) };
  const submit = async () => {
    if (entry) {
      const input = { ...fields, ...(form.platform && form.platform !== entry.platform ? { platform: form.platform } : {}), ...(form.unit !== entry.unitId ? { unit: form.unit } : {}) };
      const saved = await action.run(() => competitorApi.update(entry.id, input), check(CompetitorUpdateInput, input));
      if (saved) navigate(`/competitors/${encodeURIComponent(saved.slug)}`);
    } else {
      const input = { ...fields, unit: form.unit, platform: form.platform as Platform };
      const created = await action.run(() => competitorApi.create(input), check(CompetitorCreateInput, input));
      if (created) navigate(`/competitors/${encodeURIComponent(created.slug)}`);
    }
  };
  const errors = action.fieldErrors;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{title}</h1>
          <p className="subtitle">{t('competitors.formIntro')}</p>
        </div>
      </div>
      <form className="form card" noValidate onSubmit={onSubmit(submit)}>
        <ProblemAlert error={action.error} />
        <div className="form-grid">
          <SelectField
            label={t('competitors.unit')}
            hint={t('competitors.unitHint')}
            value={form.unit}
            onChange={set('unit')}
            error={errors.unit}
            options={[{ value: '', label: t('competitors.chooseUnit'), disabled: true }, ...unitOptions(units.filter((u) => !u.archived || u.id === form.unit), { enabled: writable })]}
          />
          <SelectField
            label={t('competitors.platform')}
            value={form.platform}
            onChange={set('platform')}
            error={errors.platform}
            options={[{ value: '', label: t('competitors.choosePlatform'), disabled: true }, ...platformOptions()]}
          />
          <TextField label={t('competitors.name')} value={form.name} onChange={set('name')} error={errors.name} required />
          <SelectField label={t('competitors.kind')} hint={t('competitors.kindHint')} value={form.kind} onChange={set('kind')} error={errors.kind} options={kindOptions(t)} />
          <TextField label={t('competitors.handle')} value={form.handle} onChange={set('handle')} error={errors.handle} optional />
          <TextField label={t('competitors.url')} type="url" value={form.url} onChange={set('url')} error={errors.url} optional />
        </div>
        <TextArea label={t('competitors.note')} hint={t('competitors.noteHint')} value={form.note} onChange={set('note')} error={errors.note} optional />
        <div className="actions">
          <SubmitButton busy={action.busy}>{entry ? t('competitors.save') : t('competitors.register')}</SubmitButton>
          <Link to={entry ? `/competitors/${encodeURIComponent(entry.slug)}` : '/competitors'} className="button subtle">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
