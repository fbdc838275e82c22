/**
 * One column of the mapping table: its header, sample values (in the import preview), and what it
 * maps to: a catalogue metric grouped by source (the platform's own statistics, web analytics,
 * listening, own records), or "ignore"; how its cells are written where the metric's unit leaves a
 * choice; or the role it already has (date, post id…). The select is labelled by the column.
 */
import { useTranslation } from 'react-i18next';
import type { MetricInfo } from '../../api/index.ts';
import type { Platform } from '../../../../src/core/platforms.ts';
import { getMetric, metricSources, type MetricSource } from '../../../../src/core/metrics/catalogue.ts';
import { platformName } from '../../components/statistics.ts';
import { cellChoices, controlId, roleOf, type CellChoice, type MappingDraft } from './MappingDraft.ts';

export function ColumnRow({
  prefix,
  index,
  header,
  blank,
  samples,
  showSamples,
  platform,
  metrics,
  draft,
  language,
  error,
  onTarget,
  onCells,
}: {
  prefix: string;
  index: number;
  header: string;
  blank: boolean;
  samples: readonly string[] | undefined;
  showSamples: boolean;
  platform: Platform;
  metrics: readonly MetricInfo[];
  draft: MappingDraft;
  language: 'nb' | 'en';
  error: string | undefined;
  onTarget(metric: string): void;
  onCells(cells: CellChoice): void;
}) {
  const { t } = useTranslation();
  const role = roleOf(draft, index);
  const id = controlId(prefix, `columns.${index}`);
  const metric = draft.targets[index] ?? '';
  const choices = metric ? cellChoices(metric) : [];
  const base = metrics.filter((m) => m.kind === 'base');
  const bySource = new Map<MetricSource, MetricInfo[]>();
  for (const m of base) {
    const source = getMetric(m.key)?.source ?? 'platform';
    bySource.set(source, [...(bySource.get(source) ?? []), m]);
  }
  const known = metric === '' || base.some((m) => m.key === metric);
  return (
    <tr>
      <th scope="row">{blank ? <span className="not-set">{header}</span> : header}</th>
      {showSamples ? (
        <td>{samples && samples.length > 0 ? samples.slice(0, 3).join(' · ') : <span className="not-set">{t('mapping.noSamples')}</span>}</td>
      ) : null}
      <td>
        {role ? (
          <span className="badge neutral">{t(`mapping.role.${role}`)}</span>
        ) : blank ? (
          <span className="muted">{t('mapping.ignoredBlank')}</span>
        ) : (
          <>
            <label htmlFor={id} className="visually-hidden">
              {t('mapping.targetFor', { column: header })}
            </label>
            {error ? (
              <p className="field-error" id={`${id}-error`}>
                {error}
              </p>
            ) : null}
            <select id={id} value={metric} onChange={(e) => onTarget(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined}>
              <option value="">{t('mapping.ignore')}</option>
              {metricSources.map((source) => {
                const list = (bySource.get(source) ?? []).sort((a, b) => a.name[language].localeCompare(b.name[language], language));
                if (list.length === 0) return null;
                return (
                  <optgroup key={source} label={t(`mapping.source.${source}`, { platform: platformName(platform) })}>
                    {list.map((m) => (
                      <option key={m.key} value={m.key}>
                        {m.name[language]}
                      </option>
                    ))}
                  </optgroup>
                );
              })}
              {known ? null : <option value={metric}>{metric}</option>}
            </select>
            {choices.length > 0 ? (
              <div className="field">
                <label htmlFor={`${id}-cells`}>{t('mapping.cellsFor', { column: header })}</label>
                <select id={`${id}-cells`} value={draft.cells[index] ?? choices[0]} onChange={(e) => onCells(choices.find((c) => c === e.target.value) ?? choices[0]!)}>
                  {choices.map((c) => (
                    <option key={c} value={c}>
                      {t(`mapping.cells.${c}`)}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
          </>
        )}
      </td>
    </tr>
  );
}
