/** Step 1 of the goal wizard: the account (and campaign accounts of the same unit) and the goal type. */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { goalTypes } from '../../../../src/core/goals/templates.ts';
import type { AccountOut, api } from '../../api/index.ts';
import { CheckboxGroup, SelectField, type Option } from '../../components/forms.tsx';
import { platformLabel } from '../../components/labels.ts';
import { goalTypeLabel } from '../../components/goals.tsx';
import type { Draft } from './draft.ts';

export function AccountsAndTypeStep({
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

function templateDescription(t: TFunction, type: string): string {
  if (type === 'custom') return t('goalType.customDescription');
  return t(`goalTypeDescription.${type as 'engagement'}`);
}
