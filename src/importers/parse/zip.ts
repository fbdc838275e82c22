/**
 * Reads a ZIP archive (a TikTok/YouTube export as downloaded, or an .xlsx workbook) safely: the
 * central directory is read here, each entry is inflated by fflate in small steps, and the
 * archive is refused (ImportError naming the entry) for paths that could escape a folder (`..`,
 * absolute, drive letters, backslashes), too many entries, too much data in total, or a
 * compression ratio no real export has (a ZIP bomb). Declared sizes are checked before
 * inflating, and inflating stops as soon as the real output passes them. Directories and macOS
 * `__MACOSX/` junk are skipped. Pure.
 */
import { Inflate } from 'fflate';
import { ImportError } from '../errors.ts';

export interface ZipEntry {
  name: string;
  bytes: Uint8Array;
}

export interface ZipOptions {
  /** The archive's name, for messages. */
  file: string;
  /** Total uncompressed bytes allowed. Default 200 MB. */
  maxTotalBytes?: number;
  /** Entries allowed (directories and junk included). Default 2000. */
  maxEntries?: number;
  /** Largest uncompressed/compressed ratio allowed for an entry larger than 1 MB. Default 200. */
  maxRatio?: number;
  /** Only entries this accepts are unpacked (their names are still checked). Default: all. */
  keep?: (name: string) => boolean;
}

const STEP = 16 * 1024;
const RATIO_FLOOR = 1024 * 1024;

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;

let crcTable: Uint32Array | null = null;

function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Why an entry's name is unsafe, or null. */
export function unsafeName(name: string): string | null {
  if (name.includes('\\')) return 'its name contains a backslash';
  if (name.includes('\0')) return 'its name contains a NUL character';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'its path is absolute';
  if (name.split('/').some((s) => s === '..')) return 'its path leads out of the archive ("..")';
  return null;
}

function findEnd(bytes: Uint8Array): number {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= min; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 5 && bytes[i + 3] === 6) return i;
  }
  return -1;
}

/**
 * The names in the archive's central directory (directories and junk included), without
 * unpacking anything; throws ImportError when the archive is damaged or holds too many entries.
 * For telling an .xlsx workbook (a ZIP with `xl/workbook.xml`) from an archive of exports.
 */
export function zipEntryNames(bytes: Uint8Array, options: Pick<ZipOptions, 'file' | 'maxEntries'>): string[] {
  const { file } = options;
  const maxEntries = options.maxEntries ?? 2000;
  const damaged = (why: string) => new ImportError({ file }, `${why} (the ZIP archive is damaged or cut off)`);
  const end = findEnd(bytes);
  if (end === -1) throw damaged('no end of the central directory was found');
  const count = u16(bytes, end + 10);
  const dirSize = u32(bytes, end + 12);
  const dirStart = u32(bytes, end + 16);
  if (count === 0xffff || dirStart === 0xffffffff) throw new ImportError({ file }, 'ZIP64 archives are not supported');
  if (count > maxEntries) throw new ImportError({ file }, `the archive has ${count} entries, more than the ${maxEntries} allowed`);
  if (dirStart + dirSize > end) throw damaged('the central directory lies outside the file');
  const decoder = new TextDecoder('utf-8');
  const names: string[] = [];
  let at = dirStart;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || u32(bytes, at) !== 0x02014b50) throw damaged('a central directory record is broken');
    const nameLength = u16(bytes, at + 28);
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return names;
}

/** Every file entry of the archive, in directory order. */
export function readZip(bytes: Uint8Array, options: ZipOptions): ZipEntry[] {
  const { file } = options;
  const maxTotal = options.maxTotalBytes ?? 200 * 1024 * 1024;
  const maxEntries = options.maxEntries ?? 2000;
  const maxRatio = options.maxRatio ?? 200;
  const damaged = (why: string, entry?: string) =>
    new ImportError({ file }, `${entry ? `entry "${entry}": ` : ''}${why} (the ZIP archive is damaged or cut off)`);

  const end = findEnd(bytes);
  if (end === -1) throw damaged('no end of the central directory was found');
  const count = u16(bytes, end + 10);
  const dirSize = u32(bytes, end + 12);
  const dirStart = u32(bytes, end + 16);
  if (count === 0xffff || dirStart === 0xffffffff) throw new ImportError({ file }, 'ZIP64 archives are not supported');
  if (count > maxEntries) throw new ImportError({ file }, `the archive has ${count} entries, more than the ${maxEntries} allowed`);
  if (dirStart + dirSize > end) throw damaged('the central directory lies outside the file');

  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  let total = 0;
  let at = dirStart;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || u32(bytes, at) !== 0x02014b50) throw damaged('a central directory record is broken');
    const method = u16(bytes, at + 10);
    const crc = u32(bytes, at + 16);
    const compressed = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const local = u32(bytes, at + 42);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;

    const unsafe = unsafeName(name);
    if (unsafe) throw new ImportError({ file }, `entry "${name}" is refused: ${unsafe}`);
    if (name.endsWith('/') || name.startsWith('__MACOSX/') || name.split('/').pop()!.startsWith('._')) continue;
    if (options.keep && !options.keep(name)) continue;
    declaredTotal += size;
    if (declaredTotal > maxTotal) {
      throw new ImportError({ file }, `entry "${name}": the archive unpacks to more than ${maxTotal} bytes`);
    }
    if (size > RATIO_FLOOR && size > compressed * maxRatio) {
      throw new ImportError({ file }, `entry "${name}" is refused: it claims to unpack ${compressed} bytes to ${size} (a ZIP bomb?)`);
    }
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) throw damaged('its local header is missing', name);
    const dataStart = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (dataStart + compressed > bytes.length) throw damaged('its data is cut off', name);
    const data = bytes.subarray(dataStart, dataStart + compressed);

    let out: Uint8Array;
    if (method === 0) {
      out = data.slice();
    } else if (method === 8) {
      out = inflateBounded(data, size, name, damaged);
    } else {
      throw new ImportError({ file }, `entry "${name}" uses compression method ${method}, which is not supported`);
    }
    if (out.length !== size) throw damaged(`it unpacks to ${out.length} bytes, not the ${size} it declares`, name);
    if (crc32(out) !== crc) throw damaged('its checksum does not match its content', name);
    total += out.length;
    if (total > maxTotal) throw new ImportError({ file }, `entry "${name}": the archive unpacks to more than ${maxTotal} bytes`);
    entries.push({ name, bytes: out });
  }
  return entries;
}

/** Inflates `data`, stopping as soon as the output passes `limit` bytes. */
function inflateBounded(data: Uint8Array, limit: number, name: string, damaged: (why: string, entry?: string) => ImportError): Uint8Array {
  const out = new Uint8Array(limit);
  let length = 0;
  let over = false;
  let done = false;
  const inflate = new Inflate((chunk, final) => {
    if (length + chunk.length > limit) {
      over = true;
      throw new RangeError('over');
    }
    out.set(chunk, length);
    length += chunk.length;
    if (final) done = true;
  });
  try {
    for (let i = 0; i < data.length; i += STEP) {
      inflate.push(data.subarray(i, Math.min(data.length, i + STEP)), i + STEP >= data.length);
    }
    if (data.length === 0) inflate.push(new Uint8Array(0), true);
  } catch (e) {
    if (over) throw damaged(`it unpacks to more than the ${limit} bytes it declares (a ZIP bomb?)`, name);
    throw damaged(`it cannot be unpacked (${e instanceof Error ? e.message : String(e)})`, name);
  }
  if (!done && length !== limit) throw damaged('its compressed data ends early', name);
  return out.subarray(0, length);
}
