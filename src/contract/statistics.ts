/**
 * Statistics documentation: file imports (preview, import, history, undo), observations read and
 * written through the API, manual monthly entry. Shared by the server (validation + OpenAPI), the
 * web client and the CLI (`maalbar import --json` prints FileReportList).
 */
import { z } from 'zod';
import { Id, Timestamp } from './common.ts';
import { AgeGroup, PlatformKey } from './accounts.ts';
import { isDay } from '../core/period/days.ts';
import { FileMapping, ImportMappingOptions } from './column-mappings.ts';

export const Day = z.string().refine(isDay, 'a date as YYYY-MM-DD').meta({ format: 'date', example: '2026-10-31' });
export const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')
  .meta({ example: '2026-10' });

/** Outcome of one file (or one ZIP entry) in a preview or an import. */
export const FileStatus = z.enum(['ready', 'imported', 'unchanged', 'refused']);
export type FileStatus = z.infer<typeof FileStatus>;

export const FileReport = z
  .object({
    /** The name as uploaded; a ZIP entry is "archive.zip › entry.csv". */
    file: z.string(),
    platform: PlatformKey.nullable(),
    kind: z.string().nullable(),
    importer: z.string().nullable(),
    from: Day.nullable(),
    to: Day.nullable(),
    /** Data rows read. */
    rows: z.number().int(),
    /** Values read (preview) or values written: added + changed (import). */
    observations: z.number().int(),
    posts: z.number().int(),
    audience: z.number().int(),
    /** Values written that were new, replaced an older value, or equalled what was documented. */
    added: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    /** Cells holding a no-value marker (`-`, `NAN`, empty): stored as not measured, never 0. */
    notMeasured: z.number().int(),
    metrics: z.array(z.string()),
    columns: z.object({ recognised: z.array(z.object({ header: z.string(), metric: z.string() })), ignored: z.array(z.string()) }),
    warnings: z.array(z.string()),
    status: FileStatus,
    /** Why the file was refused, naming the file, row, column and reason. */
    error: z.string().nullable(),
    /** The stable code of the refusal (validation_failed, conflict, ...). */
    errorCode: z.string().nullable(),
    /** The import that documented the values (imported), or that already holds this file (unchanged). */
    importId: Id.nullable(),
    sha256: z.string().nullable(),
    /**
     * Present when the file needs a column mapping (refused with errorCode 'mapping_required'),
     * was read with one (appliedMapping), or a built-in importer ignored some of its columns.
     */
    mapping: FileMapping.nullable().optional(),
  })
  .meta({ id: 'FileReport' });
export type FileReport = z.infer<typeof FileReport>;

export const FileReportList = z.object({ files: z.array(FileReport) }).meta({ id: 'FileReportList' });
export type FileReportList = z.infer<typeof FileReportList>;

/** Fields of a multipart import request besides the files (`file` parts, one or many). */
export const ImportOptions = z.object({
  /** The day the export was downloaded; defaults to today. Resolves TikTok's yearless days and dates Meta's audience file. */
  lastDay: Day.optional(),
  dryRun: z.enum(['true', 'false']).optional(),
}).extend(ImportMappingOptions.shape);

export const ImportOrigin = z.enum(['file', 'manual', 'api', 'demo']);

export const ImportOut = z
  .object({
    id: Id,
    accountId: Id,
    origin: ImportOrigin,
    fileName: z.string().nullable(),
    sha256: z.string(),
    /** Size in bytes of the kept original file, null when there is none (manual entry, JSON batch). */
    fileSize: z.number().int().nullable(),
    importer: z.string().nullable(),
    platform: z.string().nullable(),
    kind: z.string().nullable(),
    from: Day.nullable(),
    to: Day.nullable(),
    lastDay: Day.nullable(),
    rows: z.number().int(),
    counts: z.object({ added: z.number().int(), changed: z.number().int(), unchanged: z.number().int(), posts: z.number().int(), audience: z.number().int() }),
    columns: z.object({ recognised: z.array(z.object({ header: z.string(), metric: z.string() })), ignored: z.array(z.string()) }).nullable(),
    warnings: z.array(z.string()),
    createdBy: z.object({ id: Id, name: z.string() }).nullable(),
    createdAt: Timestamp,
    undoneBy: z.object({ id: Id, name: z.string() }).nullable(),
    undoneAt: Timestamp.nullable(),
  })
  .meta({ id: 'Import' });
export type ImportOut = z.infer<typeof ImportOut>;

export const UndoResult = z
  .object({
    import: ImportOut,
    /** Values removed (documented by this import only) and values put back to what an earlier import documented. */
    removed: z.number().int(),
    restored: z.number().int(),
    postsRemoved: z.number().int(),
    audienceRemoved: z.number().int(),
    audienceRestored: z.number().int(),
  })
  .meta({ id: 'UndoResult' });
export type UndoResult = z.infer<typeof UndoResult>;

/** One value in an API batch. `post` is the platform's post id for a per-post value. */
export const ObservationIn = z.object({
  metric: z.string().min(1).max(60),
  date: Day,
  value: z.number(),
  post: z.string().min(1).max(200).nullish(),
});
export const PostIn = z.object({
  platformPostId: z.string().trim().min(1).max(200),
  date: Day,
  publishedAt: z.iso.datetime({ offset: true, local: true }).nullish(),
  postType: z.string().trim().max(60).nullish(),
  permalink: z.string().trim().max(2000).nullish(),
  excerpt: z.string().trim().max(500).nullish(),
});
export const AudienceIn = z.object({
  date: Day,
  ageDistribution: z.partialRecord(AgeGroup, z.number()),
});

/** `POST /accounts/{account}/observations` with a JSON body (a CSV body uses the Målbar template). */
export const ObservationBatch = z
  .object({
    observations: z.array(ObservationIn).max(100_000).default([]),
    posts: z.array(PostIn).max(20_000).optional(),
    audience: z.array(AudienceIn).max(1000).optional(),
  })
  .meta({ id: 'ObservationBatch' });
export type ObservationBatch = z.input<typeof ObservationBatch>;

/** What a batch (API, manual entry) did. */
export const BatchResult = z
  .object({
    /** null when nothing changed (no import is recorded for a batch that changes nothing). */
    importId: Id.nullable(),
    status: z.enum(['imported', 'unchanged']),
    added: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    posts: z.number().int(),
    audience: z.number().int(),
  })
  .meta({ id: 'BatchResult' });
export type BatchResult = z.infer<typeof BatchResult>;

export const ObservationQuery = z.object({
  metric: z.string().min(1).max(60).optional(),
  from: Day.optional(),
  to: Day.optional(),
});

/** A documented value as read back (CLI `maalbar observations --json` prints these). */
export const ObservationOut = z
  .object({
    metric: z.string(),
    date: Day,
    value: z.number(),
    /** The platform's post id, or null for an account-level value. */
    post: z.string().nullable(),
    importId: Id.nullable(),
    source: z.string(),
  })
  .meta({ id: 'Observation' });
export type ObservationOut = z.infer<typeof ObservationOut>;

/** Manual monthly entry: one value per metric for a month (stored on the month's last day). */
export const MonthlyEntry = z
  .object({
    month: Month,
    values: z
      .array(z.object({ metric: z.string().min(1).max(60), value: z.number().min(0) }))
      .min(1, 'give at least one value')
      .max(200),
  })
  .meta({ id: 'MonthlyEntry' });
export type MonthlyEntry = z.infer<typeof MonthlyEntry>;
