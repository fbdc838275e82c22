/**
 * The contract every platform importer implements: bytes in → detected kind + normalised rows
 * out. Importers are pure (no database, no clock): the import service stores what they return.
 * One importer per file in this folder, each listed once in registry.ts.
 */
import type { Platform, AgeGroup } from '../core/platforms.ts';

/** A file as uploaded or unpacked from a ZIP. `name` is shown in messages, never trusted for detection. */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

/** What an export contains, e.g. 'meta_posts', 'meta_daily', 'meta_audience', 'tiktok_overview'. */
export type ExportKind = string;

/** The result of looking at a file's content: which importer, how sure, and what it saw. */
export interface Detection {
  importer: string;
  platform: Platform | null;
  kind: ExportKind;
  /** 0..1: importers answer only for files they recognise; the registry picks the highest. */
  confidence: number;
}

export interface ParsedObservation {
  metric: string;
  /** 'YYYY-MM-DD' */
  date: string;
  /** A measured value; "not measured" cells are left out (and counted in `stats.notMeasured`). */
  value: number;
  /** The platform's id of the post for per-post values. */
  postId?: string;
}

export interface ParsedPost {
  platformPostId: string;
  /** 'YYYY-MM-DD' in the export's own time (no time zone conversion). */
  date: string;
  /** ISO date-time when the export gives a time. */
  publishedAt?: string;
  postType?: string;
  permalink?: string;
  /** At most 280 characters of the post's text, as plain text. */
  excerpt?: string;
}

export interface ParsedAudience {
  date: string;
  /** Percent per age group, 0..100. */
  ageDistribution: Partial<Record<AgeGroup, number>>;
  /** Other blocks the export holds (gender, countries, cities), kept as they are: name → percent or count. */
  other?: Record<string, Record<string, number>>;
}

/** Everything an importer read from one file. */
export interface ParsedExport {
  importer: string;
  platform: Platform | null;
  kind: ExportKind;
  /** First and last day the values cover ('YYYY-MM-DD'), null when the file has no dated values. */
  from: string | null;
  to: string | null;
  observations: ParsedObservation[];
  posts: ParsedPost[];
  audience: ParsedAudience[];
  /** Columns matched to catalogue metrics (header as in the file → metric key) and columns ignored. */
  columns: { recognised: { header: string; metric: string }[]; ignored: string[] };
  stats: { rows: number; notMeasured: number };
  warnings: string[];
}

/** Context an importer may need beyond the bytes: e.g. the account's platform to resolve ambiguity. */
export interface ParseOptions {
  /** The platform of the account the file is imported into, when known. */
  platform?: Platform;
  /**
   * 'YYYY-MM-DD': the day the export was downloaded (or a day soon after it), for files that do
   * not say it themselves: TikTok Studio's yearless days are placed in years back from it, and
   * Meta's undated `Audience.csv` becomes a snapshot of this day. Importers that need it and do
   * not get it refuse the file; they never guess it (and never read the clock).
   */
  lastDay?: string;
}

export interface Importer {
  /** Stable key, e.g. 'meta-posts'. */
  key: string;
  /** Looks at the content only (never the file name) and answers null when it is not this importer's file. */
  detect(file: InputFile, text: DecodedText | null): Detection | null;
  /** Reads the whole file; throws ImportError (file, row, column, reason) for anything it cannot read. */
  parse(file: InputFile, text: DecodedText | null, options: ParseOptions): ParsedExport;
}

/** A text file decoded once for all importers (parse/decode.ts). null for binary files (xls, xlsx, zip). */
export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  hadBom: boolean;
}
