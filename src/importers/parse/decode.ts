/**
 * Bytes → text, once per file, for every importer. Recognises the encodings platforms and
 * spreadsheets write: UTF-8 (with or without BOM), UTF-16 LE/BE (with BOM, or without one by
 * the pattern of NUL bytes), and Windows-1252 for anything that is not valid UTF-8 (a CSV
 * re-saved by Excel on Windows). Binary files (ZIP, XLSX which is a ZIP, old XLS) answer null:
 * their importers read the bytes themselves. Pure.
 */
import type { DecodedText } from '../types.ts';

const ZIP_MAGICS = [
  [0x50, 0x4b, 0x03, 0x04], // local file header
  [0x50, 0x4b, 0x05, 0x06], // empty archive
  [0x50, 0x4b, 0x07, 0x08], // spanned archive
];
/** OLE2 compound document: old binary Excel (.xls), also .doc/.ppt. */
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** 'zip' for ZIP archives (and XLSX, which is one), 'xls' for OLE2 (old Excel), else null. */
export function sniffBinary(bytes: Uint8Array): 'zip' | 'xls' | null {
  if (ZIP_MAGICS.some((m) => startsWith(bytes, m))) return 'zip';
  if (startsWith(bytes, OLE2_MAGIC)) return 'xls';
  return null;
}

/** How many bytes are looked at to guess UTF-16 without a BOM. */
const SNIFF_LENGTH = 4096;

/** 'le'/'be' when the NUL bytes sit in every other position as in UTF-16 of mostly-ASCII text. */
function utf16ByNuls(bytes: Uint8Array): 'le' | 'be' | 'other-nuls' | null {
  const n = Math.min(bytes.length, SNIFF_LENGTH) & ~1;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  // An odd trailing byte is checked too: a NUL there in a short file is still a NUL.
  const tailNul = bytes.length > n && n < SNIFF_LENGTH && bytes[n] === 0 ? 1 : 0;
  if (evenNul === 0 && oddNul === 0) return tailNul ? 'other-nuls' : null;
  const pairs = n / 2;
  if (pairs === 0) return 'other-nuls';
  if (oddNul >= pairs * 0.7 && evenNul <= pairs * 0.05) return 'le';
  if (evenNul >= pairs * 0.7 && oddNul <= pairs * 0.05) return 'be';
  return 'other-nuls';
}

function decode(bytes: Uint8Array, label: string, fatal = false): string {
  // ignoreBOM: false → the decoder drops a BOM of its own encoding.
  return new TextDecoder(label, { fatal }).decode(bytes);
}

/**
 * Decodes a text file. null for binary content: ZIP/XLSX/XLS magic bytes, or NUL bytes that do
 * not follow the UTF-16 pattern. The returned text has no BOM (`hadBom` says whether it had one).
 */
export function decodeText(bytes: Uint8Array): DecodedText | null {
  if (sniffBinary(bytes) !== null) return null;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: decode(bytes, 'utf-8'), encoding: 'utf-8', hadBom: true };
  }
  if (startsWith(bytes, [0xff, 0xfe]) && !startsWith(bytes, [0xff, 0xfe, 0, 0])) {
    return { text: decode(bytes, 'utf-16le'), encoding: 'utf-16le', hadBom: true };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: decode(bytes, 'utf-16be'), encoding: 'utf-16be', hadBom: true };
  }
  const nuls = utf16ByNuls(bytes);
  if (nuls === 'le') return { text: decode(bytes, 'utf-16le'), encoding: 'utf-16le', hadBom: false };
  if (nuls === 'be') return { text: decode(bytes, 'utf-16be'), encoding: 'utf-16be', hadBom: false };
  if (nuls === 'other-nuls' || bytes.includes(0)) return null;
  try {
    return { text: decode(bytes, 'utf-8', true), encoding: 'utf-8', hadBom: false };
  } catch {
    return { text: decode(bytes, 'windows-1252'), encoding: 'windows-1252', hadBom: false };
  }
}

/** What UTF-8 continuation bytes (0x80–0xBF) become when read as Windows-1252. */
const CONTINUATION = '\u0080-\u00BF\u20AC\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u017D\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u017E\u0178';
// "Ã¸" (ø), "Â " (no-break space), "â€™"/"â€”" (’ —), "ðŸ" (an emoji), "ï»¿" (a byte order mark)
const MOJIBAKE = new RegExp(`\uFFFD|\u00EF\u00BB\u00BF|Ã[${CONTINUATION}]|Â[\u00A0-\u00BF]|â€[${CONTINUATION}"]|ðŸ[${CONTINUATION}]`);

/**
 * Signs that text was decoded with the wrong encoding somewhere along the way (a UTF-8 file
 * re-saved as Windows-1252 and read as UTF-8 again): "Ã¸" for "ø", "ï»¿" for a byte order mark,
 * or U+FFFD replacement characters. Importers may refuse such text with a clear reason.
 */
export function looksMojibake(text: string): boolean {
  return MOJIBAKE.test(text);
}

/** The first garbled spot: its 1-based line and the characters found there, or null. */
export function findMojibake(text: string): { line: number; found: string } | null {
  const m = MOJIBAKE.exec(text);
  if (!m) return null;
  const before = text.slice(0, m.index);
  const line = (before.match(/\r\n|\n|\r/g)?.length ?? 0) + 1;
  return { line, found: m[0] };
}
