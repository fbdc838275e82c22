/**
 * The controls of a column mapping, shared by the import preview's editor and the administrators'
 * mapping page: per day or per post, the date column and its format (each with an example), the
 * post's columns, and a table of the file's columns (header, sample values, what it maps to: a
 * catalogue metric grouped by source, or "ignore"). Every control has a label and a stable id,
 * so that the error summary can link to it; problems sit next to their control.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MetricInfo } from '../../api/index.ts';
import type { Platform } from '../../../../src/core/platforms.ts';
import { currentLanguage } from '../../i18n/index.ts';
import { ColumnRow } from './MappingColumnRow.tsx';
import {
  controlId,
  dateFormats,
  formatExample,
  postFields,
  samplesFit,
  type FieldKey,
  type Granularity,
  type MappingDraft,
  type PostField,
} from './MappingDraft.ts';

function Select({
  id,
  label,
  hint,
  error,
  optional,
  value,
  onChange,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  value: string;
  onChange(value: string): void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional ? <span className="optional"> {t('common.optional')}</span> : null}
      </label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        aria-invalid={error ? true : undefined}
      >
        {children}
      </select>
    </div>
  );
}

const columnValue = (i: number | null) => (i === null ? '' : String(i));
const columnOf = (v: string) => (v === '' ? null : Number(v));

export function MappingFields({
  prefix,
  headers,
  samples,
  platform,
  metrics,
  draft,
  onChange,
  errors,
}: {
  prefix: string;
  headers: readonly string[];
  /** Sample values per column position (the import preview has them; a saved mapping has none). */
  samples?: readonly (readonly string[])[];
  platform: Platform;
  /** The catalogue's metrics for the platform (base metrics are offered). */
  metrics: readonly MetricInfo[];
  draft: MappingDraft;
  onChange(draft: MappingDraft): void;
  errors: Partial<Record<FieldKey, string>>;
}) {
  const { t } = useTranslation();
  const l = currentLanguage();
  const set = (patch: Partial<MappingDraft>) => onChange({ ...draft, ...patch });
  const headerLabel = (i: number) => (headers[i]?.trim() ? headers[i] : t('mapping.noHeader', { n: i + 1 }));
  const columnOptions = (
    <>
      <option value="">{t('mapping.chooseColumn')}</option>
      {headers.map((h, i) =>
        h.trim() ? (
          <option key={i} value={String(i)}>
            {samples?.[i]?.[0] ? t('mapping.columnWithSample', { column: h, sample: samples[i][0] }) : h}
          </option>
        ) : null,
      )}
    </>
  );
  const dateSamples = draft.dateColumn === null ? [] : (samples?.[draft.dateColumn] ?? []);
  const misfit = draft.dateFormat !== null && dateSamples.length > 0 && !samplesFit(draft.dateFormat, dateSamples);

  const granularityError = errors.granularity;
  const granularityHint = `${prefix}-granularity-hint`;
  const granularities: Granularity[] = ['day', 'post'];

  return (
    <>
      <fieldset className="field checkbox-group" aria-describedby={[granularityHint, granularityError ? `${prefix}-granularity-error` : ''].filter(Boolean).join(' ')}>
        <legend>{t('mapping.granularity')}</legend>
        <p className="hint" id={granularityHint}>
          {t('mapping.granularityHint')}
        </p>
        {granularityError ? (
          <p className="field-error" id={`${prefix}-granularity-error`}>
            {granularityError}
          </p>
        ) : null}
        <div className="checkboxes">
          {granularities.map((g, i) => (
            <label key={g} className="checkbox" htmlFor={`${prefix}-granularity-${g}`}>
              <input
                type="radio"
                id={`${prefix}-granularity-${g}`}
                name={`${prefix}-granularity`}
                value={g}
                checked={draft.granularity === g}
                onChange={() => set({ granularity: g })}
                aria-invalid={granularityError && i === 0 ? true : undefined}
              />
              <span>{t(`mapping.granularityValue.${g}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <Select
        id={controlId(prefix, 'date.header')}
        label={draft.granularity === 'post' ? t('mapping.dateColumnPost') : t('mapping.dateColumn')}
        hint={draft.granularity === 'post' ? t('mapping.dateColumnPostHint') : undefined}
        error={errors['date.header']}
        value={columnValue(draft.dateColumn)}
        onChange={(v) => {
          const dateColumn = columnOf(v);
          const targets = [...draft.targets];
          if (dateColumn !== null) targets[dateColumn] = '';
          set({ dateColumn, targets });
        }}
      >
        {columnOptions}
      </Select>

      <Select
        id={controlId(prefix, 'date.format')}
        label={t('mapping.dateFormat')}
        hint={
          <>
            {t('mapping.dateFormatHint')}
            {dateSamples.length > 0 ? (
              <>
                {' '}
                {t('mapping.dateSamples', { samples: dateSamples.slice(0, 3).join(' · ') })}
              </>
            ) : null}
            {misfit ? (
              <>
                {' '}
                <strong>{t('mapping.formatMisfit', { format: draft.dateFormat })}</strong>
              </>
            ) : null}
          </>
        }
        error={errors['date.format']}
        value={draft.dateFormat ?? ''}
        onChange={(v) => set({ dateFormat: dateFormats.find((f) => f === v) ?? null })}
      >
        <option value="">{t('mapping.chooseFormat')}</option>
        {dateFormats.map((f) => (
          <option key={f} value={f}>
            {t('mapping.formatOption', { format: f, example: formatExample(f, l) })}
          </option>
        ))}
      </Select>

      {draft.granularity === 'post' ? (
        <fieldset className="field mapping-post">
          <legend>{t('mapping.postColumns')}</legend>
          {postFields.map((f: PostField) => (
            <Select
              key={f}
              id={controlId(prefix, `post.${f}`)}
              label={t(`mapping.post.${f}`)}
              optional={f !== 'id'}
              error={errors[`post.${f}`]}
              value={columnValue(draft.post[f])}
              onChange={(v) => {
                const column = columnOf(v);
                const targets = [...draft.targets];
                if (column !== null) targets[column] = '';
                set({ post: { ...draft.post, [f]: column }, targets });
              }}
            >
              {columnOptions}
            </Select>
          ))}
        </fieldset>
      ) : null}

      {errors.columns ? (
        <p className="field-error" id={controlId(prefix, 'columns')} tabIndex={-1}>
          {errors.columns}
        </p>
      ) : null}
      <div className="table-wrap">
        <table aria-describedby={errors.columns ? controlId(prefix, 'columns') : undefined}>
          <caption>{t('mapping.columnsCaption', { count: headers.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('mapping.column')}</th>
              {samples ? <th scope="col">{t('mapping.samples')}</th> : null}
              <th scope="col">{t('mapping.target')}</th>
            </tr>
          </thead>
          <tbody>
            {headers.map((h, i) => (
              <ColumnRow
                key={i}
                prefix={prefix}
                index={i}
                header={headerLabel(i)}
                blank={h.trim() === ''}
                samples={samples?.[i]}
                showSamples={samples !== undefined}
                platform={platform}
                metrics={metrics}
                draft={draft}
                language={l}
                error={errors[`columns.${i}`]}
                onTarget={(metric) => {
                  const targets = [...draft.targets];
                  targets[i] = metric;
                  const cells = [...draft.cells];
                  cells[i] = null;
                  set({ targets, cells });
                }}
                onCells={(c) => {
                  const cells = [...draft.cells];
                  cells[i] = c;
                  set({ cells });
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
