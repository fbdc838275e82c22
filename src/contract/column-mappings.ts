/**
 * Column mappings: how to read an export Målbar does not (fully) know, made once by a user and
 * saved for the organisation under the file's header signature (sha256 of the normalised header
 * row). A saved mapping is applied automatically to the next file with the same headers; an
 * import keeps a copy of the mapping it used, so editing or deleting a mapping never changes
 * what was imported before. Shared by the server, the web app (import preview, admin page) and
 * the CLI (`maalbar mapping list|show --json`).
 */
import { z } from 'zod';
import { Id, Timestamp } from './common.ts';
import { PlatformKey } from './accounts.ts';

/**
 * The date formats a mapping may name (a closed list: a date is never guessed). Numeric formats
 * accept a time after the date (`2026-03-01 14:00`), which is dropped. `D. MMMM YYYY` takes
 * bokmål (and English) month names, `MMMM D, YYYY` English ones; the yearless forms
 * (`D. MMMM`, `MMMM D`, as TikTok Studio writes them) are placed in years back from the day the
 * export was downloaded (`lastDay` of the import), rows oldest first.
 */
export const dateFormats = [
  'YYYY-MM-DD',
  'YYYY/MM/DD',
  'DD.MM.YYYY',
  'DD/MM/YYYY',
  'MM/DD/YYYY',
  'DD-MM-YYYY',
  'D. MMMM YYYY',
  'MMMM D, YYYY',
  'D. MMMM',
  'MMMM D',
] as const;
export const DateFormat = z.enum(dateFormats);
export type DateFormat = z.infer<typeof DateFormat>;

const Header = z.string().trim().min(1, 'must name a column').max(200);

/** How a metric column's cells are written (default: a plain number). */
export const cellKinds = ['number', 'percent', 'fraction_to_percent', 'duration_s'] as const;
export const CellKind = z.enum(cellKinds);

export const ColumnTarget = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('metric'),
    /** A catalogue metric key (core/metrics/catalogue.ts) the account's platform has. */
    metric: z.string().min(1).max(60),
    cells: CellKind.optional(),
  }),
  z.object({ kind: z.literal('ignore') }),
]);
export type ColumnTarget = z.infer<typeof ColumnTarget>;

/** The mapping itself: which column is the date (and its format), per day or per post, and each column's metric. */
export const ColumnMappingSpec = z
  .object({
    platform: PlatformKey,
    /** 'day': one row per day, values for the account; 'post': one row per post, values per post. */
    granularity: z.enum(['day', 'post']),
    date: z.object({ header: Header, format: DateFormat }),
    /** Required when granularity is 'post': the post's id column, and optionally link, text, type and time columns. */
    post: z
      .object({
        id: Header,
        url: Header.nullish(),
        text: Header.nullish(),
        type: Header.nullish(),
      })
      .nullish(),
    /** Columns not listed (and the date/post columns) are ignored. At least one column maps to a metric. */
    columns: z.array(z.object({ header: Header, target: ColumnTarget })).max(500),
  })
  .superRefine((spec, ctx) => {
    if (spec.granularity === 'post' && !spec.post) ctx.addIssue({ code: 'custom', path: ['post'], message: 'a per-post mapping names the post id column' });
    if (!spec.columns.some((c) => c.target.kind === 'metric')) ctx.addIssue({ code: 'custom', path: ['columns'], message: 'map at least one column to a metric' });
    const seen = new Set<string>();
    spec.columns.forEach((c, i) => {
      const key = c.header.trim().toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['columns', i, 'header'], message: `"${c.header}" is listed twice` });
      seen.add(key);
    });
    const metrics = new Set<string>();
    spec.columns.forEach((c, i) => {
      if (c.target.kind !== 'metric') return;
      if (metrics.has(c.target.metric)) ctx.addIssue({ code: 'custom', path: ['columns', i, 'target', 'metric'], message: `${c.target.metric} is given by two columns` });
      metrics.add(c.target.metric);
    });
  })
  .meta({ id: 'ColumnMappingSpec' });
export type ColumnMappingSpec = z.infer<typeof ColumnMappingSpec>;
export type ColumnMappingSpecIn = z.input<typeof ColumnMappingSpec>;

/** One column of a file that needs (or may use) a mapping, as the import preview shows it. */
export const MappingColumn = z.object({
  header: z.string(),
  /** 0-based position in the header row. */
  index: z.number().int(),
  /** The first few non-empty values, as written. */
  samples: z.array(z.string()),
  /** A metric only when the header is a name a built-in importer knows exactly; never guessed. */
  suggestion: z.string().nullable(),
});
export type MappingColumn = z.infer<typeof MappingColumn>;

export const AppliedMapping = z.object({ id: Id, name: z.string(), version: z.number().int() });

/**
 * Part of an import preview's FileReport when a file needs a mapping or may use one:
 * - 'unknown_layout': no importer recognises the file, but it has a column of dates (or post
 *   ids): it is refused (errorCode 'mapping_required') until a mapping is given or saved;
 * - 'unknown_columns': a built-in importer reads the file (and imports what it knows), and some
 *   columns are ignored: the user may map the file instead (a mapping then reads the whole file,
 *   pre-filled from what the importer recognised).
 * `appliedMapping` names the mapping that read the file (saved or given), else null.
 */
export const FileMapping = z
  .object({
    reason: z.enum(['unknown_layout', 'unknown_columns']),
    /** sha256 (hex) of the normalised header row: what a saved mapping is found by. */
    signature: z.string(),
    /** The header row as written. */
    headers: z.array(z.string()),
    columns: z.array(MappingColumn),
    suggestedDate: z.object({ header: z.string(), format: DateFormat }).nullable(),
    suggestedGranularity: z.enum(['day', 'post']).nullable(),
    appliedMapping: AppliedMapping.nullable(),
  })
  .meta({ id: 'FileMapping' });
export type FileMapping = z.infer<typeof FileMapping>;

const Person = z.object({ id: Id, name: z.string() }).nullable();

export const ColumnMappingOut = z
  .object({
    id: Id,
    name: z.string(),
    signature: z.string(),
    headers: z.array(z.string()),
    mapping: ColumnMappingSpec,
    version: z.number().int(),
    createdBy: Person,
    createdAt: Timestamp,
    updatedBy: Person,
    updatedAt: Timestamp,
  })
  .meta({ id: 'ColumnMapping' });
export type ColumnMappingOut = z.infer<typeof ColumnMappingOut>;

export const ColumnMappingList = z.object({ mappings: z.array(ColumnMappingOut) }).meta({ id: 'ColumnMappingList' });
export type ColumnMappingList = z.infer<typeof ColumnMappingList>;

export const MappingName = z.string().trim().min(1, 'must not be empty').max(120);

/** `POST /column-mappings`: save a mapping for the headers of a file (as the preview's `mapping.headers` gives them). */
export const ColumnMappingCreate = z
  .object({
    name: MappingName,
    headers: z.array(z.string().max(200)).min(1).max(500),
    mapping: ColumnMappingSpec,
  })
  .meta({ id: 'ColumnMappingCreate' });
export type ColumnMappingCreate = z.input<typeof ColumnMappingCreate>;

/** `PATCH /column-mappings/{id}`: rename and/or change the mapping (the version goes up by one). */
export const ColumnMappingUpdate = z
  .object({ name: MappingName.optional(), mapping: ColumnMappingSpec.optional() })
  .refine((u) => u.name !== undefined || u.mapping !== undefined, 'give a name or a mapping')
  .meta({ id: 'ColumnMappingUpdate' });
export type ColumnMappingUpdate = z.input<typeof ColumnMappingUpdate>;

/**
 * Fields of a multipart import request about mappings (besides ImportOptions): `mapping` is a
 * ColumnMappingSpec as JSON, applied to the upload's files that need a mapping (or that a built-in
 * importer reads with ignored columns), saved under `saveAs` in the same transaction as the
 * import; `mappingName` (a saved mapping's name or id) applies a saved mapping the same way.
 * Without them, a saved mapping with the file's header signature is applied automatically.
 */
export const ImportMappingOptions = z.object({
  mapping: z.string().max(200_000).optional(),
  saveAs: MappingName.optional(),
  mappingName: z.string().trim().min(1).max(120).optional(),
});
