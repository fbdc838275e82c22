/**
 * A mapping checked against the headers it is saved for and the metric catalogue, before any file
 * is read: every column it names is in the headers, every metric is a catalogue metric the
 * platform provides. Errors name the field. Pure.
 */
import type { ColumnMappingSpec } from '../../contract/column-mappings.ts';
import { AppError, type FieldIssue } from '../../core/errors.ts';
import { isMetricKey, platformProvides } from '../../core/metrics/catalogue.ts';
import { platformNames } from '../../core/platforms.ts';
import { normaliseHeader } from '../../importers/parse/headers.ts';

export function mappingIssues(spec: ColumnMappingSpec, headers: readonly string[]): FieldIssue[] {
  const have = new Set(headers.map(normaliseHeader));
  const issues: FieldIssue[] = [];
  const need = (header: string | null | undefined, path: string) => {
    if (header && !have.has(normaliseHeader(header))) issues.push({ path, message: `"${header}" is not one of the file's columns` });
  };
  need(spec.date.header, 'mapping.date.header');
  if (spec.post) {
    need(spec.post.id, 'mapping.post.id');
    need(spec.post.url, 'mapping.post.url');
    need(spec.post.text, 'mapping.post.text');
    need(spec.post.type, 'mapping.post.type');
  }
  spec.columns.forEach((c, i) => {
    need(c.header, `mapping.columns.${i}.header`);
    if (c.target.kind !== 'metric') return;
    if (!isMetricKey(c.target.metric)) issues.push({ path: `mapping.columns.${i}.target.metric`, message: `"${c.target.metric}" is not a metric in the catalogue` });
    else if (!platformProvides(spec.platform, c.target.metric)) {
      issues.push({ path: `mapping.columns.${i}.target.metric`, message: `${c.target.metric} is not a metric ${platformNames[spec.platform]} provides` });
    }
  });
  return issues;
}

export function assertMappingFitsHeaders(spec: ColumnMappingSpec, headers: readonly string[]): void {
  const issues = mappingIssues(spec, headers);
  if (issues.length > 0) throw new AppError('validation_failed', `The column mapping does not fit: ${issues.map((i) => i.message).join('; ')}.`, issues);
}
