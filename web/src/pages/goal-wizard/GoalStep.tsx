/** Step 2 of the goal wizard: the goal itself, its strategic goal, dates and owner. */
import { useTranslation } from 'react-i18next';
import type { AccountOut, api, StrategicGoalOut } from '../../api/index.ts';
import { SelectField, TextArea, TextField, type Option } from '../../components/forms.tsx';
import type { useMe } from '../../session.tsx';
import type { Draft } from './draft.ts';

export function GoalStep({
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
