/** Step 3 of the goal wizard: the list of KPIs, adding and removing them. */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { GoalPreview, MetricInfo } from '../../api/index.ts';
import { type Draft, type KpiDraft, newKpi } from './draft.ts';
import { KpiEditor } from './KpiEditor.tsx';

export function KpisStep({
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
