/**
 * Command-line input checked with the contract's zod schemas before the database is opened, with
 * messages that name the command-line option (`--platform`, not `platform`) and list the allowed
 * values of an enumeration.
 */
import type { z } from 'zod';
import { InvalidArgumentError } from 'commander';
import { AppError, type FieldIssue } from '../core/errors.ts';

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * Parses `input` with `schema`. `options` maps input fields to how they are written on the
 * command line (default: `--field-name`); a field mapped to a name without dashes is an argument.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: Record<string, unknown>, options: Record<string, string> = {}): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const option = options[field] ?? (field ? `--${kebab(field)}` : '(input)');
    let message = issue.message;
    if (issue.code === 'invalid_value' && 'values' in issue) {
      const given = issue.path.reduce<unknown>((v, key) => (v as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey], input);
      const allowed = (issue.values as unknown[]).map(String).join(', ');
      message = `${given === undefined ? 'a value' : `"${String(given)}"`} is not allowed; choose one of: ${allowed}`;
    }
    return { path: option, message };
  });
  const text = issues.map((i) => `${i.path}: ${i.message}`);
  throw new AppError('validation_failed', issues.length === 1 ? `Invalid ${text[0]}` : `Invalid input:\n  ${text.join('\n  ')}`, issues);
}

/** A commander option parser for a number (hours, money). */
export function numberOption(value: string): number {
  const n = Number(value.replace(',', '.'));
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('Not a number.');
  return n;
}

/** A commander option parser for a comma-separated list ("18-24,25-34"). */
export function listOption(value: string, previous: string[] = []): string[] {
  return [...previous, ...value.split(',').map((s) => s.trim()).filter((s) => s !== '')];
}
