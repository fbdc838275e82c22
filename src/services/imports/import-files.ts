/**
 * Import (or preview) statistics files into one account. Each upload is expanded (a ZIP becomes
 * its entries), each file is detected by its content, read by its importer, checked against the
 * account (platform, catalogue) and written in its own transaction: a file is imported whole or
 * not at all, and one refused file does not stop the others. The report per file says what
 * happened, in the shape `maalbar import --json` prints.
 *
 * - The same file (by SHA-256) already imported into the account and not undone is reported
 *   'unchanged' without reading it again.
 * - A file from another platform than the account's is refused, naming both.
 * - `lastDay` (the day the export was downloaded, default today) resolves TikTok Studio's
 *   yearless days and dates Meta's audience file.
 * - Column mappings (services/column-mappings/apply-mapping.ts): a file no importer knows but with
 *   a date or link column is refused ('mapping_required') with its columns and samples until a
 *   mapping is given (and maybe saved under `saveAs`, in the file's transaction) or saved for its
 *   headers; the import records a copy of the mapping it used (imports.column_mapping), so later
 *   edits of the mapping never change it.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { isYearless } from '../../importers/mapping/date-formats.ts';
import { chooseMapping, mappingPlan, MappingRequired, readFile, type MappingPlan, type MappingRequest } from '../column-mappings/apply-mapping.ts';
import { insertMapping } from '../column-mappings/mapping-store.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { mappingSnapshot } from '../audit/snapshots.ts';
import type { FileReport } from '../../contract/statistics.ts';
import type { ColumnMappingOut } from '../../contract/column-mappings.ts';
import { AppError } from '../../core/errors.ts';
import { platformNames, type Platform } from '../../core/platforms.ts';
import { addDays } from '../../core/period/days.ts';
import type { Db } from '../../db/client.ts';
import { imports } from '../../db/schema/index.ts';
import { expandUpload } from '../../importers/expand.ts';
import { ImportError } from '../../importers/errors.ts';
import { detectFile } from '../../importers/registry.ts';
import type { InputFile, ParsedExport } from '../../importers/types.ts';
import { authorize } from '../authorize.ts';
import type { Context } from '../context.ts';
import { findAccount } from '../lookup.ts';
import { assertStatistics } from '../statistics/check-statistics.ts';
import { sameFileCondition, sha256Hex, writeStatistics, type StatisticsBatch } from '../statistics/write-statistics.ts';

export interface ImportFilesOptions {
  /** 'YYYY-MM-DD'; default: today (UTC) of ctx.now. */
  lastDay?: string | undefined;
  /** Read and check everything, write nothing. */
  dryRun?: boolean | undefined;
  /** A column mapping given with the files (JSON or object), its name to save it under, or a saved mapping's name or id. */
  mapping?: MappingRequest['mapping'];
  saveAs?: string | undefined;
  mappingName?: string | undefined;
}

/** The platforms an importer's files can come from, when the file itself does not say which. */
function platformsOfImporter(importer: string): readonly Platform[] | null {
  if (importer.startsWith('meta-')) return ['facebook', 'instagram'];
  if (importer.startsWith('facebook-')) return ['facebook'];
  if (importer.startsWith('tiktok-')) return ['tiktok'];
  if (importer.startsWith('youtube-')) return ['youtube'];
  if (importer.startsWith('x-')) return ['x'];
  if (importer.startsWith('linkedin-')) return ['linkedin'];
  return null; // the Målbar template: any platform (it checks its own `platform` column)
}

function describeExport(parsed: ParsedExport): string {
  const platform = parsed.platform ? platformNames[parsed.platform] : (platformsOfImporter(parsed.importer) ?? []).map((p) => platformNames[p]).join('/');
  return `a ${platform} export (${parsed.kind.replace(/_/g, ' ')})`;
}

function checkPlatform(file: InputFile, parsed: ParsedExport, account: { name: string; platform: string }): void {
  const accountPlatform = account.platform as Platform;
  const allowed = parsed.platform ? [parsed.platform] : platformsOfImporter(parsed.importer);
  if (allowed && !allowed.includes(accountPlatform)) {
    throw new ImportError(
      { file: file.name },
      `this is ${describeExport(parsed)}, but the account "${account.name}" is on ${platformNames[accountPlatform]}; import it into a ${allowed.map((p) => platformNames[p]).join(' or ')} account`,
    );
  }
}

function toBatch(parsed: ParsedExport): StatisticsBatch {
  return {
    observations: parsed.observations.map((o) => ({ metric: o.metric, date: o.date, value: o.value, postId: o.postId ?? null })),
    posts: parsed.posts.map((p) => ({
      platformPostId: p.platformPostId,
      date: p.date,
      publishedAt: p.publishedAt ?? null,
      postType: p.postType ?? null,
      permalink: p.permalink ?? null,
      excerpt: p.excerpt ?? null,
    })),
    audience: parsed.audience.map((a) => ({ date: a.date, ageDistribution: a.ageDistribution, other: a.other })),
  };
}

/** A report with nothing read yet (status 'refused' until something is). */
export function blankReport(file: string): FileReport {
  return {
    file,
    platform: null,
    kind: null,
    importer: null,
    from: null,
    to: null,
    rows: 0,
    observations: 0,
    posts: 0,
    audience: 0,
    added: 0,
    changed: 0,
    unchanged: 0,
    notMeasured: 0,
    metrics: [],
    columns: { recognised: [], ignored: [] },
    warnings: [],
    status: 'refused',
    error: null,
    errorCode: null,
    importId: null,
    sha256: null,
    mapping: null,
  };
}

function refused(report: FileReport, e: unknown): FileReport {
  if (e instanceof MappingRequired) return { ...report, status: 'refused', error: e.message, errorCode: 'mapping_required', mapping: e.part };
  if (e instanceof AppError) return { ...report, status: 'refused', error: e.message, errorCode: e.code };
  throw e;
}

function describeParsed(report: FileReport, parsed: ParsedExport): FileReport {
  return {
    ...report,
    platform: parsed.platform,
    kind: parsed.kind,
    importer: parsed.importer,
    from: parsed.from,
    to: parsed.to,
    rows: parsed.stats.rows,
    observations: parsed.observations.length,
    posts: parsed.posts.length,
    audience: parsed.audience.length,
    notMeasured: parsed.stats.notMeasured,
    metrics: [...new Set(parsed.observations.map((o) => o.metric))].sort(),
    columns: parsed.columns,
    warnings: parsed.warnings,
  };
}

/** Importers that place their days using the download day (see ParseOptions.lastDay). */
export function dependsOnLastDay(importer: string): boolean {
  return importer === 'meta-audience' || (importer.startsWith('tiktok-') && importer !== 'tiktok-business');
}

async function activeImportOf(db: Db, accountId: string, sha256: string, lastDay: string | null) {
  const [row] = await db
    .select()
    .from(imports)
    .where(and(eq(imports.accountId, accountId), eq(imports.sha256, sha256), isNull(imports.undoneAt), sameFileCondition({ dependsOnLastDay: lastDay !== null, lastDay })))
    .orderBy(desc(imports.createdAt))
    .limit(1);
  return row ?? null;
}

/** The report of a file already imported, from its import (the file is not read again). */
function alreadyImported(report: FileReport, row: NonNullable<Awaited<ReturnType<typeof activeImportOf>>>): FileReport {
  return {
    ...report,
    platform: row.platform as Platform | null,
    kind: row.kind,
    importer: row.importer,
    from: row.fromDay,
    to: row.toDay,
    rows: row.rows,
    columns: row.columns ?? report.columns,
    warnings: row.warnings,
    status: 'unchanged',
    importId: row.id,
  };
}

async function importOne(
  ctx: Context,
  account: { id: string; name: string; platform: string; organisationId: string; unitId: string },
  file: InputFile,
  lastDay: string,
  mode: 'preview' | 'dry-run' | 'import',
  plan: MappingPlan,
): Promise<FileReport> {
  let report = blankReport(file.name);
  const sha256 = await sha256Hex(file.bytes);
  report.sha256 = sha256;
  const { table, chosen } = await chooseMapping(ctx.db, account.organisationId, plan, file);
  const detected = chosen ? null : detectFile(file);
  const datedByDownload = chosen ? isYearless(chosen.spec.date.format) : detected !== null && dependsOnLastDay(detected.importer);
  const existing = await activeImportOf(ctx.db, account.id, sha256, datedByDownload ? lastDay : null);
  if (existing) return alreadyImported(report, existing);
  let parsed: ParsedExport;
  let reading: ReturnType<typeof readFile>;
  try {
    reading = readFile(file, table, chosen, account, lastDay, chosen ? undefined : detected);
    parsed = reading.parsed;
    report = { ...describeParsed(report, parsed), mapping: reading.part };
    checkPlatform(file, parsed, account);
    assertStatistics(account.platform as Platform, account.name, toBatch(parsed), { platformExport: parsed.importer !== 'maalbar-template' });
  } catch (e) {
    return refused(report, e);
  }
  if (mode === 'preview') return { ...report, status: 'ready' };

  const target = { organisationId: account.organisationId, accountId: account.id, accountName: account.name, personId: ctx.actor.personId, now: ctx.now, unitId: account.unitId, actor: ctx.actor };
  const meta = {
    origin: 'file' as const,
    source: 'import',
    sha256,
    file,
    importer: parsed.importer,
    platform: parsed.platform ?? account.platform,
    kind: parsed.kind,
    from: parsed.from,
    to: parsed.to,
    lastDay,
    dependsOnLastDay: reading.mapping ? reading.datedByDownload : dependsOnLastDay(parsed.importer),
    rows: parsed.stats.rows,
    columns: parsed.columns,
    warnings: parsed.warnings,
  };
  try {
    const used = reading.mapping;
    // Saved once per request (the first file it reads), in that file's transaction.
    const saveAs = used && !used.saved && plan.saveAs && mode === 'import' ? plan.saveAs : null;
    const savedBox: { now: ColumnMappingOut | null } = { now: null };
    const result = await ctx.db.transaction(async (tx) => {
      let saved = used?.saved ?? null;
      if (saveAs && used) {
        saved = savedBox.now = await insertMapping(tx as unknown as Db, { organisationId: account.organisationId, name: saveAs, headers: used.headers, mapping: used.spec, personId: ctx.actor.personId, now: ctx.now });
        await recordAudit(tx as unknown as Db, ctx, { action: 'column_mapping.create', entityType: 'column_mapping', entityId: saved.id, unitId: null, label: saved.name, after: mappingSnapshot(saved) });
      }
      const written = await writeStatistics(tx as unknown as Db, target, meta, toBatch(parsed));
      if (used && written.importId && mode === 'import') {
        // A copy, so that editing or deleting the mapping later never changes this import. id, name
        // and version are null for a mapping given with the request and not saved.
        const copy = { id: saved?.id ?? null, name: saved?.name ?? null, version: saved?.version ?? null, mapping: used.spec };
        await tx.update(imports).set({ columnMapping: copy }).where(eq(imports.id, written.importId));
      }
      // A dry run goes all the way through the database (constraints, diff) and then rolls back.
      if (mode === 'dry-run') throw new DryRun(written);
      return written;
    });
    const savedNow = savedBox.now;
    if (savedNow && used) {
      // The next files of this request are read with the mapping just saved.
      plan.given = { spec: used.spec, saved: savedNow };
      plan.saveAs = null;
      if (report.mapping) report = { ...report, mapping: { ...report.mapping, appliedMapping: { id: savedNow.id, name: savedNow.name, version: savedNow.version } } };
    }
    if (result.duplicateOf) return { ...report, status: 'unchanged', importId: result.duplicateOf };
    return finish(report, result.importId, result.counts);
  } catch (e) {
    if (e instanceof DryRun) return { ...finish(report, null, e.result.counts), status: e.result.importId ? 'ready' : 'unchanged' };
    return refused(report, e);
  }
}

class DryRun extends Error {
  readonly result: Awaited<ReturnType<typeof writeStatistics>>;
  constructor(result: Awaited<ReturnType<typeof writeStatistics>>) {
    super('dry run');
    this.result = result;
  }
}

function finish(report: FileReport, importId: string | null, counts: { added: number; changed: number; unchanged: number }): FileReport {
  return {
    ...report,
    status: importId ? 'imported' : 'unchanged',
    importId,
    added: counts.added,
    changed: counts.changed,
    unchanged: counts.unchanged,
    observations: counts.added + counts.changed,
  };
}

async function run(ctx: Context, accountRef: string, uploads: readonly InputFile[], options: ImportFilesOptions, mode: 'preview' | 'dry-run' | 'import') {
  const account = await findAccount(ctx.db, ctx.actor.organisationId, accountRef);
  if (!account) throw new AppError('not_found', 'No such account.');
  authorize(ctx, 'statistics.write', account.unitId, 'account');
  const plan = await mappingPlan(ctx.db, account.organisationId, options);
  if (uploads.length === 0) throw new AppError('validation_failed', 'No file was given.', [{ path: 'file', message: 'give at least one file' }]);
  const today = ctx.now.toISOString().slice(0, 10);
  const lastDay = options.lastDay ?? today;
  // One day of margin: the download day in Oslo can be tomorrow in UTC.
  if (lastDay > addDays(today, 1)) {
    throw new AppError('validation_failed', `lastDay ${lastDay} (the day the export was downloaded) is in the future.`, [{ path: 'lastDay', message: 'the day the export was downloaded: today or earlier' }]);
  }
  const files: FileReport[] = [];
  for (const upload of uploads) {
    let expanded: InputFile[];
    try {
      expanded = expandUpload(upload);
    } catch (e) {
      files.push(refused(blankReport(upload.name), e));
      continue;
    }
    for (const file of expanded) files.push(await importOne(ctx, account, file, lastDay, mode, plan));
  }
  return { files };
}

/** Reads and checks the files without writing anything: what an import would do. */
export function previewImport(ctx: Context, accountRef: string, uploads: readonly InputFile[], options: ImportFilesOptions = {}) {
  return run(ctx, accountRef, uploads, options, 'preview');
}

/** Imports the files, each in its own transaction (or, with dryRun, rolls each back after writing it). */
export function importFiles(ctx: Context, accountRef: string, uploads: readonly InputFile[], options: ImportFilesOptions = {}) {
  return run(ctx, accountRef, uploads, options, options.dryRun ? 'dry-run' : 'import');
}
