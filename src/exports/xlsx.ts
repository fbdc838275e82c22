/**
 * A minimal XLSX writer (Office Open XML by hand, zipped with fflate): one or more sheets, numbers
 * as numbers, booleans, calendar days as real dates (yyyy-mm-dd) or ISO text, every text as an
 * inline string (never a formula: no cell has an `<f>`), text that a spreadsheet would take for a
 * formula (=, +, -, @, tab, CR) also marked with Excel's quote prefix so editing keeps it text,
 * an optional bold header row that stays in view. null is an empty cell. Pure.
 */
import { strToU8, zipSync } from 'fflate';
import { isFormulaLike, type Cell, type SheetData } from './cells.ts';

export interface XlsxOptions {
  /** Days as real dates (default) or as 'YYYY-MM-DD' text. */
  dates?: 'date' | 'iso';
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

// cellXfs: 0 plain, 1 bold, 2 date, 3 quote-prefixed text, 4 bold quote-prefixed text
const STYLE = { plain: 0, bold: 1, date: 2, quoted: 3, boldQuoted: 4 } as const;
const STYLES = `${XML}<styleSheet xmlns="${NS}">
<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" quotePrefix="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

/** Text for XML: the five specials escaped; characters XML cannot hold (and CR) as _xHHHH_. */
export function xmlText(s: string): string {
  return s
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1') // a literal "_x000D_" must survive the decoding below
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
    .replace(/[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** 'YYYY-MM-DD' → the spreadsheet's day serial (days since 1899-12-30); null when not a day. */
export function dateSerial(day: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms).toISOString().slice(0, 10);
  return back === day ? Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000) : null;
}

function inline(ref: string, text: string, bold: boolean): string {
  const style = isFormulaLike(text) ? (bold ? STYLE.boldQuoted : STYLE.quoted) : bold ? STYLE.bold : STYLE.plain;
  return `<c r="${ref}" t="inlineStr"${style ? ` s="${style}"` : ''}><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
}

function cellXml(cell: Cell, ref: string, bold: boolean, options: XlsxOptions): string {
  if (cell === null) return '';
  const s = bold ? ` s="${STYLE.bold}"` : '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? `<c r="${ref}"${s}><v>${String(cell)}</v></c>` : '';
  if (typeof cell === 'boolean') return `<c r="${ref}" t="b"${s}><v>${cell ? 1 : 0}</v></c>`;
  if (typeof cell === 'object') {
    const serial = options.dates === 'iso' ? null : dateSerial(cell.date);
    return serial === null ? inline(ref, cell.date, bold) : `<c r="${ref}" s="${STYLE.date}"><v>${serial}</v></c>`;
  }
  return cell === '' ? '' : inline(ref, cell, bold);
}

function sheetXml(sheet: SheetData, options: XlsxOptions): string {
  const rows = sheet.rows.map((row, r) => {
    const bold = sheet.header === true && r === 0;
    const cells = row.map((cell, c) => cellXml(cell, `${columnName(c)}${r + 1}`, bold, options)).join('');
    return `<row r="${r + 1}">${cells}</row>`;
  });
  const widths = new Map<number, number>();
  for (const row of sheet.rows.slice(0, 200)) {
    row.forEach((cell, c) => {
      const len = cell === null ? 0 : typeof cell === 'object' ? 10 : String(cell).length;
      widths.set(c, Math.max(widths.get(c) ?? 8, Math.min(60, len + 2)));
    });
  }
  const cols = widths.size > 0 ? `<cols>${[...widths].map(([c, w]) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '';
  const freeze = sheet.header ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' : '';
  return `${XML}<worksheet xmlns="${NS}" xmlns:r="${REL}">${freeze}${cols}<sheetData>${rows.join('')}</sheetData></worksheet>`;
}

/** A sheet name Excel accepts: no []:*?/\, at most 31 characters, not empty, unique in the workbook. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = (name.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Sheet').slice(0, 31);
  let out = base;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(out.toLowerCase());
  return out;
}

export function writeXlsx(sheets: readonly SheetData[], options: XlsxOptions = {}): Uint8Array {
  const list = sheets.length > 0 ? sheets : [{ name: 'Sheet1', rows: [] }];
  const taken = new Set<string>();
  const names = list.map((s) => sheetName(s.name, taken));
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
        list.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
        '</Types>',
    ),
    '_rels/.rels': strToU8(
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `${XML}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>` +
        names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') +
        '</sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        list.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
        `<Relationship Id="rId${list.length + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(STYLES),
  };
  list.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(sheet, options));
  });
  return zipSync(files, { level: 6, mtime: new Date(Date.UTC(2000, 0, 1)) });
}
