/**
 * Pieces of the mapping forms: the error summary (every problem with a link to its control,
 * focused when problems appear) and the name field (with a stable id for that link).
 */
import type { ReactNode, Ref } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { serverIssueMessage } from '../../validation.ts';
import { controlId, type FieldKey, type PostField, type ProblemKey } from './MappingDraft.ts';

export function MappingErrorSummary({
  ref,
  prefix,
  headers,
  errors,
  general,
}: {
  ref?: Ref<HTMLDivElement>;
  prefix: string;
  headers: readonly string[];
  errors: Partial<Record<FieldKey, string>>;
  /** Problems that name no control (a row the server could not read, …). */
  general: readonly string[];
}) {
  const { t } = useTranslation();
  const entries = Object.entries(errors) as [FieldKey, string][];
  if (entries.length === 0 && general.length === 0) return <div role="alert" className="sr-live" ref={ref} />;
  const label = (key: FieldKey): string => {
    if (key === 'granularity') return t('mapping.granularity');
    if (key === 'date.header') return t('mapping.dateColumn');
    if (key === 'date.format') return t('mapping.dateFormat');
    if (key === 'columns') return t('mapping.columnsLabel');
    if (key === 'name') return t('mapping.nameLabel');
    if (key.startsWith('post.')) return t(`mapping.post.${key.slice(5) as PostField}`);
    const i = Number(key.slice('columns.'.length));
    return t('mapping.targetFor', { column: headers[i]?.trim() || t('mapping.noHeader', { n: i + 1 }) });
  };
  const order = (key: FieldKey) => (key === 'granularity' ? 0 : key.startsWith('date') ? 1 : key.startsWith('post') ? 2 : key === 'columns' ? 3 : key === 'name' ? 5 : 4);
  entries.sort((a, b) => order(a[0]) - order(b[0]) || a[0].localeCompare(b[0], 'en', { numeric: true }));
  return (
    <div role="alert" className="alert alert-error" ref={ref} tabIndex={-1}>
      <p className="alert-title">{t('mapping.summaryTitle')}</p>
      <ul>
        {general.map((m, i) => (
          <li key={`g${i}`}>{m}</li>
        ))}
        {entries.map(([key, message]) => (
          <li key={key}>
            <a
              href={`#${controlId(prefix, key)}`}
              onClick={(e) => {
                // Focus the control itself (a fragment link only scrolls), without a new history entry.
                const control = document.getElementById(controlId(prefix, key));
                if (!control) return;
                e.preventDefault();
                control.focus();
                control.scrollIntoView({ block: 'center' });
              }}
            >
              {label(key)}: {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function MappingNameField({
  prefix,
  label,
  hint,
  value,
  onChange,
  error,
  optional = false,
}: {
  prefix: string;
  label: string;
  hint: ReactNode;
  value: string;
  onChange(value: string): void;
  error: string | undefined;
  optional?: boolean;
}) {
  const { t } = useTranslation();
  const id = controlId(prefix, 'name');
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional ? <span className="optional"> {t('common.optional')}</span> : null}
      </label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        value={value}
        maxLength={120}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}

type Messages = Partial<Record<FieldKey, string>>;

/** The web app's own problems, in the interface language. */
export function problemMessages(found: Partial<Record<FieldKey, ProblemKey>>, t: TFunction): Messages {
  const out: Messages = {};
  for (const [key, problem] of Object.entries(found) as [FieldKey, ProblemKey | undefined][]) if (problem) out[key] = t(`mapping.problem.${problem}`);
  return out;
}

/** The server's messages placed on the controls, in the interface language where known. */
export function serverMessages(fields: Messages, t: TFunction): Messages {
  const out: Messages = {};
  for (const [key, message] of Object.entries(fields) as [FieldKey, string | undefined][]) if (message) out[key] = serverIssueMessage(message, t);
  return out;
}
