/**
 * Every importer, listed once. A file is decoded once, every importer looks at its content (never
 * its name), and the most confident answer wins. A file no importer recognises is refused with
 * a description of what it looked like, and a file whose text is garbled by a wrong encoding
 * (U+FFFD, "Ã¸" for "ø") is refused before any importer reads it. Pure.
 */
import { decodeText, findMojibake, sniffBinary } from './parse/decode.ts';
import { headRows } from './meta-common.ts';
import { ImportError } from './errors.ts';
import { metaPostsImporter } from './meta-posts.ts';
import { metaDailyImporter } from './meta-daily.ts';
import { metaAudienceImporter } from './meta-audience.ts';
import { facebookLegacyImporter } from './facebook-legacy.ts';
import { tiktokOverviewImporter } from './tiktok-overview.ts';
import { tiktokViewersImporter } from './tiktok-viewers.ts';
import { tiktokFollowersImporter } from './tiktok-followers.ts';
import { tiktokContentImporter } from './tiktok-content.ts';
import { tiktokAudienceImporter } from './tiktok-audience.ts';
import { tiktokBusinessImporter } from './tiktok-business.ts';
import { youtubeTableImporter } from './youtube-table.ts';
import { youtubeChartImporter } from './youtube-chart.ts';
import { youtubeTotalsImporter } from './youtube-totals.ts';
import { xOverviewImporter } from './x-overview.ts';
import { xContentImporter } from './x-content.ts';
import { xLegacyImporter } from './x-legacy.ts';
import { linkedinContentImporter } from './linkedin-content.ts';
import { linkedinFollowersImporter } from './linkedin-followers.ts';
import { linkedinVisitorsImporter } from './linkedin-visitors.ts';
import { readWorkbook } from './parse/excel.ts';
import { templateImporter } from './maalbar-template.ts';
import type { DecodedText, Detection, Importer, InputFile, ParsedExport, ParseOptions } from './types.ts';

export const importers: readonly Importer[] = [
  metaPostsImporter,
  metaDailyImporter,
  metaAudienceImporter,
  facebookLegacyImporter,
  tiktokOverviewImporter,
  tiktokViewersImporter,
  tiktokFollowersImporter,
  tiktokContentImporter,
  tiktokAudienceImporter,
  tiktokBusinessImporter,
  youtubeTableImporter,
  youtubeChartImporter,
  youtubeTotalsImporter,
  xOverviewImporter,
  xContentImporter,
  xLegacyImporter,
  linkedinContentImporter,
  linkedinFollowersImporter,
  linkedinVisitorsImporter,
  templateImporter,
];

/**
 * The largest file read (a ZIP's entries each count on their own; the archive as a whole may
 * unpack to 200 MB, parse/zip.ts). The largest real exports are YouTube Studio's Chart data
 * (a row per video and day: about 45 MB for 1000 videos over a year). Reading a 50 MB CSV takes
 * about 2.5 s and 650 MB of memory; a larger file is refused before it is decoded.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

function tooLarge(file: InputFile): ImportError | null {
  if (file.bytes.length <= MAX_FILE_BYTES) return null;
  const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  return new ImportError(
    { file: file.name },
    `the file is ${file.bytes.length} bytes (${mb(file.bytes.length)}), more than the ${MAX_FILE_BYTES} bytes (${mb(MAX_FILE_BYTES)}) one export may be: export a shorter period, or fewer videos or posts at a time`,
  );
}

export function importerByKey(key: string): Importer | undefined {
  return importers.find((i) => i.key === key);
}

function best(file: InputFile, text: DecodedText | null): { importer: Importer; detection: Detection } | null {
  let found: { importer: Importer; detection: Detection } | null = null;
  for (const importer of importers) {
    let detection: Detection | null;
    try {
      detection = importer.detect(file, text);
    } catch {
      detection = null; // detection never fails a file; parse explains what is wrong
    }
    if (detection && (!found || detection.confidence > found.detection.confidence)) found = { importer, detection };
  }
  return found;
}

/** What the file's content says it is, or null when no importer recognises it. */
export function detectFile(file: InputFile, text?: DecodedText | null): Detection | null {
  if (tooLarge(file)) return null; // parseFile says why
  return best(file, text === undefined ? decodeText(file.bytes) : text)?.detection ?? null;
}

/** Reads a file with the importer that recognises it; refuses it with a description when none does. */
export function parseFile(file: InputFile, options: ParseOptions = {}): ParsedExport {
  const large = tooLarge(file);
  if (large) throw large;
  const text = decodeText(file.bytes);
  // Garbled text first: a garbled header (a BOM turned into "ï»¿") would otherwise be "unknown".
  const garbled = text ? findMojibake(text.text) : null;
  if (garbled) {
    throw new ImportError(
      { file: file.name, row: garbled.line },
      `the text is garbled ("${garbled.found}"): the file was saved with the wrong character encoding, probably by a spreadsheet; download the export again and import it unopened`,
    );
  }
  const found = best(file, text);
  if (!found) throw new ImportError({ file: file.name }, `not a known export: ${describeFile(file, text)}`);
  return found.importer.parse(file, text, options);
}

const clip = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A short description of a file's content for "not a known export" messages. */
export function describeFile(file: InputFile, text?: DecodedText | null): string {
  if (file.bytes.length === 0) return 'the file is empty';
  if (tooLarge(file)) return `a file of ${file.bytes.length} bytes, more than the ${MAX_FILE_BYTES} read`;
  if (text === undefined) text = decodeText(file.bytes);
  const binary = sniffBinary(file.bytes);
  if (binary !== null) {
    let sheets: string;
    try {
      sheets = readWorkbook(file.bytes, file.name).sheets.map((s) => `"${s.name}"`).join(', ');
    } catch (e) {
      const reason = e instanceof ImportError ? (e.issues[0]?.message ?? e.message) : String(e);
      if (binary === 'zip' && /no xl\/workbook\.xml/.test(reason)) return 'a ZIP archive that no importer reads';
      return `${binary === 'zip' ? 'a ZIP archive or .xlsx workbook' : 'an old Excel (.xls) workbook'} that cannot be read: ${reason}`;
    }
    return `${binary === 'zip' ? 'an Excel (.xlsx)' : 'an old Excel (.xls)'} workbook with the sheets ${sheets || '(none)'} that no importer reads`;
  }
  if (!text) return `a binary file of ${file.bytes.length} bytes, not text`;
  const rows = headRows(text, 8192);
  const first = rows[0];
  if (!first) return `a ${text.encoding} text file with no readable first line`;
  const lines = rows.slice(0, 3).map((r) => clip(r.cells.map((c) => clip(c.trim(), 30)).join(' | ')));
  return `a ${text.encoding} text file whose first lines read: ${lines.map((l) => `"${l}"`).join(', ')}`;
}
