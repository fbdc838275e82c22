/**
 * Reads an .xlsx workbook (Office Open XML): a ZIP (read safely by zip.ts) holding
 * `xl/workbook.xml` (sheet names), `xl/_rels/workbook.xml.rels` (where each sheet's XML is),
 * `xl/sharedStrings.xml` and `xl/worksheets/sheetN.xml`. Cells: shared strings (`t="s"`),
 * formula strings (`str`), inline strings, booleans (`b`, as "TRUE"/"FALSE"), errors (as their
 * text, e.g. "#DIV/0!") and numbers as their text. `r` references place cells; rows and cells
 * without one follow the previous. A minimal XML scan by regular expressions: only the five XML
 * entities and numeric character references are expanded (no DTD, no external entities). Pure.
 */
import { ImportError } from '../errors.ts';
import { readZip, type ZipEntry } from './zip.ts';
import { RowCollector, type Workbook } from './workbook.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Expands the five XML entities and numeric references (anything else is left as written), after
 * XML's end-of-line handling: a literal CR LF or CR is a LF (a `&#13;` stays a CR).
 */
export function unescapeXml(raw: string): string {
  const s = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref] ?? whole;
  });
}

/** The attributes of one start tag's text (`<c r="A1" t="s">` → {r: 'A1', t: 's'}), prefixes dropped. */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const name = m[1]!.includes(':') && !m[1]!.startsWith('xmlns') ? m[1]!.split(':').pop()! : m[1]!;
    out[name] = unescapeXml(m[2] ?? m[3] ?? '');
  }
  return out;
}

/** The text of every `<t>` in a string item, skipping phonetic runs (`<rPh>`). */
function itemText(xml: string): string {
  const plain = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let text = '';
  for (const m of plain.matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)) text += unescapeXml(m[1] ?? '');
  // ST_Xstring escapes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for a carriage return)
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** 'B12' → {row: 11, col: 1}; null for anything else. */
export function cellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?([0-9]{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function resolveTarget(target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : `xl/${target}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

export function readXlsx(bytes: Uint8Array, options: { file: string }): Workbook {
  const { file } = options;
  const entries = new Map<string, ZipEntry>(readZip(bytes, { file, keep: (name) => /^xl\/.*\.(xml|rels)$/i.test(name) }).map((e) => [e.name.toLowerCase(), e]));
  const decoder = new TextDecoder('utf-8');
  const text = (path: string): string | null => {
    const entry = entries.get(path.toLowerCase());
    return entry ? decoder.decode(entry.bytes) : null;
  };

  const workbook = text('xl/workbook.xml');
  if (workbook === null) throw new ImportError({ file }, 'this ZIP archive is not an Excel workbook (it has no xl/workbook.xml)');
  const rels = new Map<string, string>();
  for (const m of (text('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (a.Id && a.Target) rels.set(a.Id, resolveTarget(a.Target));
  }

  const shared: string[] = [];
  for (const m of (text('xl/sharedStrings.xml') ?? '').matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)) shared.push(itemText(m[1] ?? ''));

  const sheets: Workbook['sheets'] = [];
  let index = 0;
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    index++;
    const a = attributes(m[0]);
    const name = a.name ?? `Sheet${index}`;
    const path = (a.id && rels.get(a.id)) ?? `xl/worksheets/sheet${index}.xml`;
    const xml = text(path);
    if (xml === null) throw new ImportError({ file }, `the sheet "${name}" is missing from the workbook (${path}): the file is damaged`);
    sheets.push({ name, rows: readSheet(xml, shared, file, name) });
  }
  return { sheets };
}

function readSheet(xml: string, shared: readonly string[], file: string, sheet: string): Workbook['sheets'][number]['rows'] {
  const collector = new RowCollector(file);
  const data = /<sheetData\b[^>]*>([\s\S]*?)<\/sheetData>/.exec(xml)?.[1] ?? '';
  let row = -1;
  for (const r of data.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const ra = attributes(r[1]!);
    row = ra.r !== undefined && /^[0-9]+$/.test(ra.r) ? Number(ra.r) - 1 : row + 1;
    let col = -1;
    for (const c of (r[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const a = attributes(c[1]!);
      const at = a.r !== undefined ? cellRef(a.r) : null;
      if (a.r !== undefined && !at) throw new ImportError({ file, row: row + 1 }, `sheet "${sheet}": the cell reference "${a.r}" is not valid`);
      col = at ? at.col : col + 1;
      const body = c[2] ?? '';
      const v = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value: string;
      switch (a.t) {
        case 's': {
          const i = Number(v);
          if (v === undefined || !Number.isInteger(i) || i < 0 || i >= shared.length) {
            throw new ImportError({ file, row: row + 1 }, `sheet "${sheet}": a cell refers to shared string ${v ?? '(none)'}, which does not exist`);
          }
          value = shared[i]!;
          break;
        }
        case 'inlineStr':
          value = itemText(/<is\b[^>]*>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
          break;
        case 'b':
          value = v === undefined ? '' : v.trim() === '1' ? 'TRUE' : 'FALSE';
          break;
        case undefined:
        case 'n': // numbers as their shortest text, as xls.ts writes them ("7.6E-2" → "0.076")
          value = v === undefined ? '' : /^\s*-?[0-9.]+(?:[eE][-+]?[0-9]+)?\s*$/.test(v) ? String(Number(v)) : v;
          break;
        default: // 'str' (formula text), 'e' (errors), 'd' (ISO dates)
          value = unescapeXml(v ?? '');
      }
      if (value !== '') collector.set(at ? at.row : row, col, value);
    }
  }
  return collector.finish();
}
