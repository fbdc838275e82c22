/**
 * Reads a legacy .xls workbook (BIFF8, Excel 97–2003): the `Workbook` stream of the Compound
 * File (read by `cfb`) is a list of records. BOUNDSHEET gives each sheet's name and where its
 * records start; SST (+ CONTINUE) holds the shared strings; cells come from LABELSST, LABEL,
 * NUMBER, RK, MULRK, FORMULA (its cached number, boolean or error, or the string in the STRING
 * record after it) and BOOLERR; BLANK/MULBLANK are empty. Numbers become their shortest text
 * (`String(n)`), as xlsx.ts writes them. Every read is bounds-checked: a cut-off or damaged file
 * is refused with an ImportError, never a crash. Older BIFF versions are refused. Pure.
 */
import * as CFB from 'cfb';
import { ImportError } from '../errors.ts';
import { RowCollector, type Workbook } from './workbook.ts';

const BOF = 0x0809;
const EOF = 0x000a;
const BOUNDSHEET = 0x0085;
const SST = 0x00fc;
const CONTINUE = 0x003c;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const FORMULA = 0x0006;
const STRING = 0x0207;
const BOOLERR = 0x0205;

const ERRORS: Record<number, string> = { 0: '#NULL!', 7: '#DIV/0!', 15: '#VALUE!', 23: '#REF!', 29: '#NAME?', 36: '#NUM!', 42: '#N/A' };

interface BiffRecord {
  type: number;
  /** Offset of the record's header in the stream. */
  at: number;
  data: Uint8Array;
  /** Data of the CONTINUE records right after it. */
  continues: Uint8Array[];
}

class Damaged extends Error {}

/** Reads across a record and its CONTINUEs; a string's characters resume after a flag byte. */
class Reader {
  private readonly segments: Uint8Array[];
  private seg = 0;
  private pos: number;

  constructor(record: BiffRecord, start = 0) {
    this.segments = [record.data, ...record.continues];
    this.pos = start;
  }

  private current(): Uint8Array {
    while (this.pos >= this.segments[this.seg]!.length) {
      if (++this.seg >= this.segments.length) throw new Damaged('a record ends early');
      this.pos = 0;
    }
    return this.segments[this.seg]!;
  }

  u8(): number {
    return this.current()[this.pos++]!;
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }

  skip(n: number): void {
    for (let i = 0; i < n; i++) this.u8();
  }

  chars(count: number, high: boolean): string {
    let out = '';
    let left = count;
    while (left > 0) {
      if (this.pos >= this.segments[this.seg]!.length) {
        if (++this.seg >= this.segments.length) throw new Damaged('a string ends early');
        this.pos = 0;
        high = (this.u8() & 1) === 1; // a CONTINUE inside a string starts with its flag byte
      }
      const seg = this.segments[this.seg]!;
      const n = Math.min(left, high ? (seg.length - this.pos) >> 1 : seg.length - this.pos);
      if (n <= 0) throw new Damaged('a string is split inside a character');
      const part = seg.subarray(this.pos, this.pos + (high ? n * 2 : n));
      out += high ? new TextDecoder('utf-16le').decode(part) : String.fromCharCode(...part);
      this.pos += high ? n * 2 : n;
      left -= n;
    }
    return out;
  }

  /** XLUnicodeRichExtendedString (SST items) or, with `wide` length and no extras, XLUnicodeString. */
  string(lengthBytes: 1 | 2 = 2): string {
    const count = lengthBytes === 2 ? this.u16() : this.u8();
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(count, (flags & 1) === 1);
    this.skip(runs * 4 + ext);
    return text;
  }
}

function records(stream: Uint8Array): BiffRecord[] {
  const out: BiffRecord[] = [];
  let at = 0;
  while (at + 4 <= stream.length) {
    const type = stream[at]! | (stream[at + 1]! << 8);
    const length = stream[at + 2]! | (stream[at + 3]! << 8);
    if (at + 4 + length > stream.length) throw new Damaged('the last record is cut off');
    const data = stream.subarray(at + 4, at + 4 + length);
    const last = out[out.length - 1];
    if (type === CONTINUE && last) last.continues.push(data);
    else out.push({ type, at, data, continues: [] });
    at += 4 + length;
  }
  return out;
}

/** RK: a 30-bit integer or the top 30 bits of a double, optionally divided by 100. */
export function rkValue(rk: number): number {
  let value: number;
  if (rk & 2) {
    value = rk >> 2;
  } else {
    const view = new DataView(new ArrayBuffer(8));
    view.setUint32(4, rk & 0xfffffffc, true);
    value = view.getFloat64(0, true);
  }
  return rk & 1 ? value / 100 : value;
}

const f64 = (data: Uint8Array, at: number) => new DataView(data.buffer, data.byteOffset + at, 8).getFloat64(0, true);
const u16 = (data: Uint8Array, at: number) => data[at]! | (data[at + 1]! << 8);
const u32 = (data: Uint8Array, at: number) => (u16(data, at) | (u16(data, at + 2) << 16)) >>> 0;

export function readXls(bytes: Uint8Array, options: { file: string }): Workbook {
  const { file } = options;
  let stream: Uint8Array;
  try {
    const container = CFB.read(bytes, { type: 'buffer' });
    const entry = CFB.find(container, 'Workbook') ?? CFB.find(container, 'Book');
    if (!entry || !entry.content) throw new ImportError({ file }, 'this Office file holds no Excel workbook');
    if (entry.name.toLowerCase() === 'book') throw new ImportError({ file }, 'this is an Excel 5/95 workbook, which is not supported: save it as .xlsx');
    stream = entry.content instanceof Uint8Array ? entry.content : Uint8Array.from(entry.content);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError({ file }, 'the .xls file cannot be read: its container is damaged or cut off');
  }
  try {
    return readBiff(stream, file);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    if (e instanceof Damaged || e instanceof RangeError) throw new ImportError({ file }, `the workbook is damaged or cut off (${e.message})`);
    throw e;
  }
}

function readBiff(stream: Uint8Array, file: string): Workbook {
  const all = records(stream);
  const globals = all[0];
  if (!globals || globals.type !== BOF || globals.data.length < 4) throw new Damaged('the workbook does not start with a BOF record');
  if (u16(globals.data, 0) !== 0x0600) throw new ImportError({ file }, 'only Excel 97–2003 (BIFF8) .xls files are supported: save it as .xlsx');
  const byOffset = new Map<number, number>(all.map((r, i) => [r.at, i]));

  const shared: string[] = [];
  const sheets: { name: string; offset: number; kind: number }[] = [];
  for (const r of all) {
    if (r.type === EOF) break;
    if (r.type === BOUNDSHEET) {
      const reader = new Reader(r, 6);
      sheets.push({ name: reader.string(1), offset: u32(r.data, 0), kind: r.data[5] ?? 0 });
    } else if (r.type === SST) {
      const reader = new Reader(r, 0);
      reader.u32();
      const unique = reader.u32();
      for (let i = 0; i < unique; i++) shared.push(reader.string());
    }
  }

  const out: Workbook['sheets'] = [];
  for (const sheet of sheets) {
    if (sheet.kind !== 0) continue; // charts, macro sheets
    const start = byOffset.get(sheet.offset);
    if (start === undefined || all[start]!.type !== BOF) throw new Damaged(`the sheet "${sheet.name}" is missing`);
    out.push({ name: sheet.name, rows: readSheet(all, start + 1, shared, file) });
  }
  return { sheets: out };
}

function readSheet(all: readonly BiffRecord[], from: number, shared: readonly string[], file: string): Workbook['sheets'][number]['rows'] {
  const cells = new RowCollector(file);
  const need = (r: BiffRecord, n: number) => {
    if (r.data.length < n) throw new Damaged(`a cell record is too short`);
  };
  let i = from;
  for (; i < all.length; i++) {
    const r = all[i]!;
    const d = r.data;
    if (r.type === EOF) break;
    if (r.type === BOF) throw new Damaged('a sheet has no end');
    switch (r.type) {
      case LABELSST: {
        need(r, 10);
        const isst = u32(d, 6);
        if (isst >= shared.length) throw new Damaged(`a cell refers to shared string ${isst}, which does not exist`);
        cells.set(u16(d, 0), u16(d, 2), shared[isst]!);
        break;
      }
      case LABEL:
        need(r, 8);
        cells.set(u16(d, 0), u16(d, 2), new Reader(r, 6).string());
        break;
      case NUMBER:
        need(r, 14);
        cells.set(u16(d, 0), u16(d, 2), String(f64(d, 6)));
        break;
      case RK:
        need(r, 10);
        cells.set(u16(d, 0), u16(d, 2), String(rkValue(u32(d, 6))));
        break;
      case MULRK: {
        need(r, 6);
        const row = u16(d, 0);
        const first = u16(d, 2);
        const count = (d.length - 6) / 6;
        for (let k = 0; k < count; k++) cells.set(row, first + k, String(rkValue(u32(d, 4 + k * 6 + 2))));
        break;
      }
      case FORMULA: {
        need(r, 20);
        const row = u16(d, 0);
        const col = u16(d, 2);
        if (u16(d, 12) !== 0xffff) {
          cells.set(row, col, String(f64(d, 6)));
        } else if (d[6] === 0) {
          const next = all[i + 1];
          if (next?.type === STRING) {
            cells.set(row, col, new Reader(next).string());
            i++;
          }
        } else if (d[6] === 1) {
          cells.set(row, col, d[8] ? 'TRUE' : 'FALSE');
        } else if (d[6] === 2) {
          cells.set(row, col, ERRORS[d[8]!] ?? '#ERROR');
        }
        break;
      }
      case BOOLERR:
        need(r, 8);
        cells.set(u16(d, 0), u16(d, 2), d[7] ? (ERRORS[d[6]!] ?? '#ERROR') : d[6] ? 'TRUE' : 'FALSE');
        break;
      default: // BLANK, MULBLANK, formats, dimensions, …: nothing to read
    }
  }
  if (i >= all.length) throw new Damaged('a sheet is cut off');
  return cells.finish();
}
