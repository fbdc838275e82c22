/**
 * Uploads become the files importers read: an export as it is, or the entries of a ZIP archive
 * (TikTok Studio and YouTube Studio hand out ZIPs, and people zip several exports together),
 * each named "archive.zip › folder/entry.csv". An .xlsx workbook is a ZIP too, told apart by
 * its central directory holding `xl/workbook.xml` (read without unpacking anything, so a ZIP of
 * several stored .xlsx files is still an archive): it stays one file, as do old .xls files
 * and text files. The archive is unpacked by parse/zip.ts with its limits (paths leaving the
 * archive, 2000 entries, 200 MB in total, a compression ratio over 200 for entries over 1 MB,
 * checksums). Directories, macOS `__MACOSX/` junk and dot-files (`.DS_Store`, `._x.csv`, anything
 * under a `.folder/`) are skipped without unpacking. Two entries with the same path are refused
 * (which one is meant cannot be told). A ZIP inside the ZIP is refused naming both
 * (it is not unpacked: each level would multiply the limits), and so is an archive with no
 * files. A damaged or cut-off archive is refused as one file: which of its entries would be
 * complete cannot be known. Pure.
 */
import { sniffBinary } from './parse/decode.ts';
import { readZip, zipEntryNames } from './parse/zip.ts';
import { ImportError } from './errors.ts';
import type { InputFile } from './types.ts';

export const ENTRY_SEPARATOR = ' › ';

const WORKBOOK = 'xl/workbook.xml';

/** True for an Office Open XML workbook (.xlsx); throws ImportError when the ZIP is damaged. */
function isWorkbook(file: InputFile): boolean {
  return zipEntryNames(file.bytes, { file: file.name }).some((n) => n.toLowerCase() === WORKBOOK);
}

/** Skipped without unpacking: directories, macOS junk and dot-files or dot-folders. */
function isJunk(name: string): boolean {
  return name.endsWith('/') || name.startsWith('__MACOSX/') || name.split('/').some((segment) => segment.startsWith('.'));
}

/** The file itself, or the entries of a ZIP archive. Throws ImportError for an unsafe, damaged, nested or empty archive. */
export function expandUpload(file: InputFile): InputFile[] {
  if (sniffBinary(file.bytes) !== 'zip' || isWorkbook(file)) return [file];
  const entries = readZip(file.bytes, { file: file.name, keep: (name) => !isJunk(name) });
  const out: InputFile[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.name)) throw new ImportError({ file: file.name }, `entry "${entry.name}" appears twice in the archive: which one is meant cannot be told`);
    seen.add(entry.name);
    const inner: InputFile = { name: `${file.name}${ENTRY_SEPARATOR}${entry.name}`, bytes: entry.bytes };
    if (sniffBinary(inner.bytes) === 'zip') {
      let workbook: boolean;
      try {
        workbook = isWorkbook(inner);
      } catch {
        workbook = true; // a damaged .xlsx (or ZIP): passed on, and refused as damaged when read
      }
      if (!workbook) {
        throw new ImportError(
          { file: file.name },
          `entry "${entry.name}" is itself a ZIP archive, which is not unpacked: unpack it and upload its files, or the inner archive as it is`,
        );
      }
    }
    out.push(inner);
  }
  if (out.length === 0) throw new ImportError({ file: file.name }, 'the ZIP archive holds no files (only folders or hidden files)');
  return out;
}
