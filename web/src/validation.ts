/**
 * Client-side checks with the contract's zod schemas, with messages in the interface language
 * (the server checks again and its field issues are shown the same way).
 */
import type { z } from 'zod';
import type { TFunction } from 'i18next';

type Issue = z.core.$ZodIssue;
/** A check of the web app itself (e.g. two passwords that differ), by its message key. */
export type OwnCheck = `validation.${string}`;
/** A problem with a field found before sending; translated when shown (the language may change). */
export type LocalIssue = Issue | OwnCheck;
export type LocalIssues = Record<string, LocalIssue>;

export function issueMessage(issue: LocalIssue, t: TFunction): string {
  if (typeof issue === 'string') return (t as unknown as (key: string) => string)(issue);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.tooShort', { min: Number(issue.minimum) });
      }
      if (issue.origin === 'array') return t('validation.chooseOne');
      return t('validation.tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { max: Number(issue.maximum) });
      if (issue.origin === 'array') return t('validation.tooMany', { max: Number(issue.maximum) });
      return t('validation.tooBig', { max: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      return t('validation.format');
    case 'invalid_type':
      if (issue.expected === 'number') return t('validation.number');
      return t('validation.required');
    case 'invalid_value':
      return t('validation.choose');
    case 'custom':
    case 'invalid_union':
      if (issue.path[0] === 'url') return t('validation.url');
      return t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

/** Problems by top-level field name; empty when the value is valid. */
export function check<S extends z.ZodType>(schema: S, value: unknown): LocalIssues {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const issues: LocalIssues = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '(body)');
    issues[key] ??= issue;
  }
  return issues;
}

/** A text field's value for the API: trimmed, or null when empty. */
export function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A number field's value: null when empty, NaN (rejected by the schema) when not a number. */
export function numberOrNull(value: string): number | null {
  const trimmed = value.trim().replace(/\s/g, '').replace(',', '.');
  if (trimmed === '') return null;
  return Number(trimmed);
}

/**
 * The server's field messages are English; those it is known to send are shown in the interface
 * language, others as they come.
 */
const serverMessages: Record<string, OwnCheck> = {
  taken: 'validation.taken',
  required: 'validation.required',
  'must not be empty': 'validation.required',
  'at least 10 characters': 'validation.password',
  'not a valid e-mail address': 'validation.email',
  'must start with http:// or https://': 'validation.url',
  archived: 'validation.archivedUnit',
  'would create a cycle': 'validation.cycle',
  'wrong password': 'validation.wrongPassword',
};

export function serverIssueMessage(message: string, t: TFunction): string {
  const key = serverMessages[message];
  return key ? issueMessage(key, t) : message;
}
