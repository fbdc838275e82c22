/**
 * Column mappings in an import (services/imports/import-files.ts calls these):
 *
 * - `mappingPlan`: what the request asked for: a mapping given as JSON (validated here, the whole
 *   request refused with the field named when it is not a mapping), to be saved under `saveAs`
 *   with the import, or a saved mapping by name or id.
 * - `readFile`: how one file is read. A mapping given in the request (for a file a built-in
 *   importer knows: only when all the mapping's columns are in it), or else a saved mapping
 *   whose header signature is the file's, reads the whole file (column-mapping importer). Without
 *   one, the built-in importers read it as before; when none recognises it but it has a column of
 *   dates or links, it is refused with errorCode 'mapping_required' and the preview's `mapping`
 *   part (columns, samples, suggestions); when a built-in importer ignored some columns, the
 *   report offers the same part ('unknown_columns') while the file imports as before.
 */
import { ColumnMappingSpec, type ColumnMappingOut, type FileMapping } from '../../contract/column-mappings.ts';
import { AppError } from '../../core/errors.ts';
import { platformNames, type Platform } from '../../core/platforms.ts';
import type { Db } from '../../db/client.ts';
import { decodeText, findMojibake } from '../../importers/parse/decode.ts';
import { ImportError } from '../../importers/errors.ts';
import { detectFile, parseFile } from '../../importers/registry.ts';
import { inspectTable } from '../../importers/mapping/inspect.ts';
import { isYearless } from '../../importers/mapping/date-formats.ts';
import { readTableWithMapping } from '../../importers/mapping/read-mapped.ts';
import { maybeTable, readAnyTable, type AnyTable } from '../../importers/mapping/tabular-file.ts';
import { headerSignature } from '../../importers/mapping/signature.ts';
import type { Detection, InputFile, ParsedExport } from '../../importers/types.ts';
import { findMapping, mappingForSignature } from './mapping-store.ts';
import { mappingIssues } from './check-mapping.ts';

export interface MappingRequest {
  /** A ColumnMappingSpec as JSON (multipart field) or as an object. */
  mapping?: string | unknown;
  saveAs?: string | undefined;
  /** A saved mapping's name or id. */
  mappingName?: string | undefined;
}

export interface MappingPlan {
  given: { spec: ColumnMappingSpec; saved: ColumnMappingOut | null } | null;
  saveAs: string | null;
}

export async function mappingPlan(db: Db, organisationId: string, request: MappingRequest): Promise<MappingPlan> {
  const saveAs = request.saveAs?.trim() || null;
  if (request.mapping !== undefined && request.mapping !== null && request.mapping !== '') {
    if (request.mappingName) throw new AppError('validation_failed', 'Give a mapping or the name of a saved one, not both.', [{ path: 'mappingName', message: 'give mapping or mappingName' }]);
    let json: unknown = request.mapping;
    if (typeof json === 'string') {
      try {
        json = JSON.parse(json);
      } catch {
        throw new AppError('validation_failed', 'The mapping is not valid JSON.', [{ path: 'mapping', message: 'not JSON' }]);
      }
    }
    const parsed = ColumnMappingSpec.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: ['mapping', ...i.path].join('.'), message: i.message }));
      throw new AppError('validation_failed', `The mapping is not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`, issues);
    }
    return { given: { spec: parsed.data, saved: null }, saveAs };
  }
  if (saveAs) throw new AppError('validation_failed', 'saveAs names a mapping given with the import: give the mapping too.', [{ path: 'saveAs', message: 'needs mapping' }]);
  if (request.mappingName) {
    const saved = await findMapping(db, organisationId, request.mappingName);
    return { given: { spec: saved.mapping, saved }, saveAs: null };
  }
  return { given: null, saveAs: null };
}

export interface FileReading {
  parsed: ParsedExport;
  /** The mapping that read the file (to record with the import and maybe save), else null. */
  mapping: { spec: ColumnMappingSpec; saved: ColumnMappingOut | null; headers: string[] } | null;
  /** The report's mapping part. */
  part: FileMapping | null;
  /** True when the file's days were placed from the download day. */
  datedByDownload: boolean;
}

/** What to read a file with: the request's mapping, a saved one for its headers, or null (built-in importers). `table` is the file's head (header and samples). */
export async function chooseMapping(db: Db, organisationId: string, plan: MappingPlan, file: InputFile) {
  const table = maybeTable(file, decodeText(file.bytes));
  if (!table) return { table: null, chosen: null };
  // A given mapping reads every file no importer knows, and the known ones it fits (all its columns
  // are there): a ZIP of a known export and an unknown one imports both.
  if (plan.given) return { table, chosen: !detectFile(file) || mappingIssues(plan.given.spec, table.header).length === 0 ? plan.given : null };
  const saved = await mappingForSignature(db, organisationId, headerSignature(table.header));
  return { table, chosen: saved ? { spec: saved.mapping, saved } : null };
}

function refuseGarbled(file: InputFile): void {
  const text = decodeText(file.bytes);
  const garbled = text ? findMojibake(text.text) : null;
  if (garbled) throw new ImportError({ file: file.name, row: garbled.line }, `the text is garbled ("${garbled.found}"): the file was saved with the wrong character encoding; download the export again and import it unopened`);
}

/** Thrown when a file needs a mapping: the report carries the mapping part. */
export class MappingRequired extends AppError {
  readonly part: FileMapping;
  constructor(file: string, part: FileMapping) {
    super('validation_failed', `${file}: not a known export, but it has a column of ${part.suggestedDate ? `dates ("${part.suggestedDate.header}")` : 'dates or links'}: map its columns to metrics once, and files with the same columns are read the same way from then on`);
    this.part = part;
  }
}

export function readFile(
  file: InputFile,
  table: AnyTable | null,
  chosen: { spec: ColumnMappingSpec; saved: ColumnMappingOut | null } | null,
  account: { platform: string },
  lastDay: string,
  /** What detectFile said of the file, when the caller has asked already (saves decoding it again). */
  detection?: Detection | null,
): FileReading {
  const platform = account.platform as Platform;
  if (chosen && table) {
    refuseGarbled(file);
    const whole = readAnyTable(file, decodeText(file.bytes));
    if (chosen.spec.platform !== platform) {
      throw new ImportError({ file: file.name }, `the column mapping${chosen.saved ? ` "${chosen.saved.name}"` : ''} is for ${platformNames[chosen.spec.platform]}, but the account is on ${platformNames[platform]}`);
    }
    const detected = detectFile(file);
    const parsed = readTableWithMapping(whole, chosen.spec, { platform, lastDay });
    const inspection = inspectTable(table, platform, null);
    const part: FileMapping = {
      reason: detected ? 'unknown_columns' : 'unknown_layout',
      signature: inspection.signature,
      headers: inspection.headers,
      columns: inspection.columns,
      suggestedDate: inspection.suggestedDate,
      suggestedGranularity: inspection.suggestedGranularity,
      appliedMapping: chosen.saved ? { id: chosen.saved.id, name: chosen.saved.name, version: chosen.saved.version } : null,
    };
    return { parsed, mapping: { ...chosen, headers: inspection.headers }, part, datedByDownload: isYearless(chosen.spec.date.format) };
  }
  if (table && !(detection === undefined ? detectFile(file) : detection)) {
    const inspection = inspectTable(table, platform, null);
    if (inspection.mappable) {
      refuseGarbled(file);
      const { mappable: _, ...rest } = inspection;
      throw new MappingRequired(file.name, { reason: 'unknown_layout', ...rest, appliedMapping: null });
    }
  }
  const parsed = parseFile(file, { platform, lastDay });
  let part: FileMapping | null = null;
  if (table && parsed.columns.ignored.length > 0 && parsed.observations.length + parsed.posts.length > 0) {
    const { mappable: _, ...rest } = inspectTable(table, platform, parsed);
    part = { reason: 'unknown_columns', ...rest, appliedMapping: null };
  }
  return { parsed, mapping: null, part, datedByDownload: false };
}
