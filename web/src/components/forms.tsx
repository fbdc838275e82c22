/**
 * Labelled form controls with hints and field errors wired up for assistive technology. Hint and
 * error sit between the label and the control, where they are read and seen before typing.
 */
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

interface FieldFrame {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  /** Shown after the label, e.g. "(optional)". */
  optional?: boolean;
  className?: string;
}

function useFieldIds(error: string | undefined, hint: ReactNode) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return { id, hintId, errorId, describedBy };
}

function Label({ htmlFor, label, optional }: { htmlFor: string; label: ReactNode; optional?: boolean | undefined }) {
  const { t } = useTranslation();
  return (
    <label htmlFor={htmlFor}>
      {label}
      {optional ? <span className="optional"> {t('common.optional')}</span> : null}
    </label>
  );
}

function Extras({ hint, hintId, error, errorId }: { hint?: ReactNode; hintId?: string | undefined; error?: string | undefined; errorId?: string | undefined }) {
  return (
    <>
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
    </>
  );
}

export function TextField({
  label,
  hint,
  error,
  optional,
  className,
  ...input
}: FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'className'>) {
  const { id, hintId, errorId, describedBy } = useFieldIds(error, hint);
  return (
    <div className={`field ${className ?? ''}`}>
      <Label htmlFor={id} label={label} optional={optional} />
      <Extras hint={hint} hintId={hintId} error={error} errorId={errorId} />
      <input id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} {...input} />
    </div>
  );
}

export function TextArea({
  label,
  hint,
  error,
  optional,
  className,
  ...input
}: FieldFrame & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'className'>) {
  const { id, hintId, errorId, describedBy } = useFieldIds(error, hint);
  return (
    <div className={`field ${className ?? ''}`}>
      <Label htmlFor={id} label={label} optional={optional} />
      <Extras hint={hint} hintId={hintId} error={error} errorId={errorId} />
      <textarea id={id} rows={3} aria-describedby={describedBy} aria-invalid={error ? true : undefined} {...input} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  disabled?: boolean;
}

export function SelectField({
  label,
  hint,
  error,
  optional,
  className,
  options,
  ...select
}: FieldFrame & { options: Option[] } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'className'>) {
  const { id, hintId, errorId, describedBy } = useFieldIds(error, hint);
  return (
    <div className={`field ${className ?? ''}`}>
      <Label htmlFor={id} label={label} optional={optional} />
      <Extras hint={hint} hintId={hintId} error={error} errorId={errorId} />
      <select id={id} aria-describedby={describedBy} aria-invalid={error ? true : undefined} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A group of checkboxes in a fieldset with a legend. */
export function CheckboxGroup({
  legend,
  hint,
  error,
  options,
  value,
  onChange,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: Option[];
  value: readonly string[];
  onChange(value: string[]): void;
}) {
  const { id, hintId, errorId, describedBy } = useFieldIds(error, hint);
  const toggle = (v: string, on: boolean) => {
    const next = on ? [...value, v] : value.filter((x) => x !== v);
    onChange(options.map((o) => o.value).filter((x) => next.includes(x)));
  };
  return (
    <fieldset className="field checkbox-group" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <Extras hint={hint} hintId={hintId} error={error} errorId={errorId} />
      <div className="checkboxes">
        {options.map((o) => (
          <label key={o.value} className="checkbox" htmlFor={`${id}-${o.value}`}>
            <input
              type="checkbox"
              id={`${id}-${o.value}`}
              checked={value.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** One choice of several, as radio buttons in a fieldset with a legend; the first is marked invalid when there is an error. */
export function RadioGroup<T extends string>({
  legend,
  hint,
  error,
  options,
  value,
  onChange,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: readonly { value: T; label: ReactNode }[];
  value: T | null;
  onChange(value: T): void;
}) {
  const { id, hintId, errorId, describedBy } = useFieldIds(error, hint);
  return (
    <fieldset className="field checkbox-group" aria-describedby={describedBy}>
      <legend>{legend}</legend>
      <Extras hint={hint} hintId={hintId} error={error} errorId={errorId} />
      <div className="checkboxes">
        {options.map((o, i) => (
          <label key={o.value} className="checkbox" htmlFor={`${id}-${o.value}`}>
            <input
              type="radio"
              id={`${id}-${o.value}`}
              name={`${id}-choice`}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              aria-invalid={error && i === 0 ? true : undefined}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function SubmitButton({ busy, children, className }: { busy: boolean; children: ReactNode; className?: string }) {
  return (
    <button type="submit" className={className ?? 'button primary'} disabled={busy} aria-busy={busy || undefined}>
      {children}
    </button>
  );
}
