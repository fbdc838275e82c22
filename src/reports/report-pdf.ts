/**
 * A report as a PDF, made on the server without a browser: pdfkit lays out the blocks on A4
 * pages, svg-to-pdfkit draws the charts' SVG as vectors (their text in the embedded fonts, so it
 * stays text), DejaVu Sans (from the dejavu-fonts-ttf package) prints æøå, −, ≤, – and →.
 * Tables break across pages with their header repeated; every account starts a page; every page
 * is numbered "Side 3 av 12" / "Page 3 of 12"; the document carries its title, author, subject
 * and language. Long texts people wrote are paragraphs that flow over pages, never clipped; a
 * table row taller than a page (a hostile post text) is cut with an ellipsis rather than drawn
 * over the footer.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { Block, Column, Fact, ReportDocument } from './report-blocks.ts';
import { localeTag, t } from './report-text.ts';

const require = createRequire(import.meta.url);
const fontDir = require.resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, 'ttf/');
/** fontkit as pdfkit itself loads it (its own dependency, the same version). */
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(data: Uint8Array): FontkitFont };
interface FontkitFont {
  layout(...args: unknown[]): unknown;
}
/**
 * The two fonts parsed once per process and shared by every document (pdfkit accepts a parsed
 * fontkit font; each document still embeds its own subset): parsing DejaVu Sans for every PDF
 * took about a fifth of an account's PDF.
 */
let fonts: { regular: FontkitFont; bold: FontkitFont } | null = null;
function loadFonts(): { regular: FontkitFont; bold: FontkitFont } {
  fonts ??= {
    regular: fontkit.create(readFileSync(`${fontDir}DejaVuSans.ttf`)),
    bold: fontkit.create(readFileSync(`${fontDir}DejaVuSans-Bold.ttf`)),
  };
  return fonts;
}

const SANS = 'DejaVuSans';
const BOLD = 'DejaVuSans-Bold';
const MARGIN = { top: 48, bottom: 56, left: 48, right: 48 };
const TEXT = '#1a1a1a';
const MUTED = '#54555a';
const RULE = '#c8c8c8';
const HEAD_FILL = '#efefef';
const CELL_PAD = 3;
const TABLE_SIZE = 8.5;

type Doc = PDFKit.PDFDocument;

class Layout {
  readonly doc: Doc;
  readonly width: number;
  /** True until something is drawn on the current page. */
  fresh = true;

  constructor(doc: Doc) {
    this.doc = doc;
    this.width = doc.page.width - MARGIN.left - MARGIN.right;
  }

  get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  get room(): number {
    return this.bottom - this.doc.y;
  }

  newPage(): void {
    if (this.fresh) return;
    this.doc.addPage();
    this.fresh = true;
  }

  /** A new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (height > this.room) this.newPage();
  }

  drew(): void {
    this.fresh = false;
  }

  gap(points: number): void {
    if (this.doc.y + points < this.bottom) this.doc.y += points;
  }

  title(text: string, items: Fact[]): void {
    const { doc } = this;
    doc.font(BOLD).fontSize(20).fillColor(TEXT).text(text, MARGIN.left, doc.y, { width: this.width });
    this.drew();
    this.gap(6);
    this.facts(items);
    this.gap(4);
  }

  heading(level: 1 | 2 | 3, text: string): void {
    const { doc } = this;
    const size = level === 1 ? 15 : level === 2 ? 12 : 10.5;
    doc.font(BOLD).fontSize(size);
    const h = doc.heightOfString(text, { width: this.width });
    // keep a heading with at least a few lines of what follows
    this.ensure(h + 48);
    this.gap(level === 1 ? 4 : level === 2 ? 8 : 4);
    doc.fillColor(TEXT).text(text, MARGIN.left, doc.y, { width: this.width });
    if (level === 2) {
      doc.moveTo(MARGIN.left, doc.y + 1).lineTo(MARGIN.left + this.width, doc.y + 1).lineWidth(0.6).strokeColor(RULE).stroke();
    }
    this.drew();
    this.gap(4);
  }

  paragraph(text: string, tone?: 'muted' | 'quote' | 'strong'): void {
    const { doc } = this;
    const indent = tone === 'quote' ? 10 : 0;
    doc.font(tone === 'strong' ? BOLD : SANS).fontSize(9.5).fillColor(tone === 'muted' ? MUTED : TEXT);
    const width = this.width - indent;
    const h = doc.heightOfString(text, { width });
    this.ensure(Math.min(h, 40));
    const top = doc.y;
    const fits = h <= this.room;
    // pdfkit continues a long paragraph on new pages by itself
    doc.text(text, MARGIN.left + indent, doc.y, { width });
    if (tone === 'quote' && fits) doc.moveTo(MARGIN.left + 2, top).lineTo(MARGIN.left + 2, top + h).lineWidth(2).strokeColor('#0072B2').stroke();
    this.drew();
    this.gap(4);
    doc.fillColor(TEXT);
  }

  facts(items: Fact[]): void {
    const { doc } = this;
    const labelWidth = Math.min(150, this.width * 0.3);
    const valueWidth = this.width - labelWidth - 8;
    for (const item of items) {
      doc.font(BOLD).fontSize(9.5);
      const hl = doc.heightOfString(item.label, { width: labelWidth });
      doc.font(SANS);
      const hv = doc.heightOfString(item.value, { width: valueWidth });
      const h = Math.max(hl, hv);
      this.ensure(Math.min(h, 60));
      const y = doc.y;
      doc.font(BOLD).fillColor(TEXT).text(item.label, MARGIN.left, y, { width: labelWidth });
      const afterLabel = doc.y;
      doc.font(SANS).text(item.value, MARGIN.left + labelWidth + 8, y, { width: valueWidth });
      // a long value may have flowed to the next page: continue below whichever ended lower there
      if (doc.y < afterLabel && h <= this.bottom - y) doc.y = afterLabel;
      doc.y += 2;
      this.drew();
    }
    this.gap(2);
  }

  /** `caption` null: the heading just above says it already. */
  table(caption: string | null, columns: Column[], rows: string[][]): void {
    const { doc } = this;
    const size = columns.length > 8 ? 7 : TABLE_SIZE; // wide tables (per unit) in a smaller type
    const total = columns.reduce((s, c) => s + (c.weight ?? 1), 0);
    const widths = columns.map((c) => ((c.weight ?? 1) / total) * this.width);
    const xs = widths.map((_, i) => MARGIN.left + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const rowHeight = (cells: string[], font: string) => {
      doc.font(font).fontSize(size);
      return Math.max(...cells.map((c, i) => doc.heightOfString(c === '' ? ' ' : c, { width: widths[i]! - 2 * CELL_PAD }))) + 2 * CELL_PAD;
    };
    const header = columns.map((c) => c.label);
    const headerHeight = rowHeight(header, BOLD);
    const drawCaption = () => {
      if (caption === null) return;
      doc.font(BOLD).fontSize(9).fillColor(TEXT).text(caption, MARGIN.left, doc.y, { width: this.width });
      doc.y += 2;
    };
    const drawRow = (cells: string[], height: number, head: boolean) => {
      const y = doc.y;
      if (head) doc.rect(MARGIN.left, y, this.width, height).fill(HEAD_FILL);
      doc.font(head ? BOLD : SANS).fontSize(size).fillColor(TEXT);
      cells.forEach((cell, i) => {
        const w = widths[i]! - 2 * CELL_PAD;
        doc.text(cell, xs[i]! + CELL_PAD, y + CELL_PAD, { width: w, height: height - 2 * CELL_PAD, ellipsis: true, align: columns[i]?.align === 'right' ? 'right' : 'left', lineBreak: true });
      });
      doc.moveTo(MARGIN.left, y + height).lineTo(MARGIN.left + this.width, y + height).lineWidth(head ? 1 : 0.4).strokeColor(head ? TEXT : RULE).stroke();
      doc.y = y + height;
      doc.x = MARGIN.left;
      this.drew();
    };
    // a row taller than a whole page is cut (ellipsis) to the page's height
    const maxRow = this.bodyHeight() - headerHeight - 24;
    // the caption and header stay with the first row
    const firstRow = rows[0] ? Math.min(rowHeight(rows[0], SANS), maxRow) : 0;
    doc.font(BOLD).fontSize(9);
    this.ensure((caption === null ? 0 : doc.heightOfString(caption, { width: this.width }) + 2) + headerHeight + firstRow);
    drawCaption();
    drawRow(header, headerHeight, true);
    for (const row of rows) {
      const height = Math.min(rowHeight(row, SANS), maxRow);
      if (height > this.room) {
        this.newPage();
        drawRow(header, headerHeight, true);
      }
      drawRow(row, height, false);
    }
    this.gap(8);
  }

  bodyHeight(): number {
    return this.doc.page.height - MARGIN.top - MARGIN.bottom;
  }

  chart(svg: string, size: { width: number; height: number }): void {
    const { doc } = this;
    const width = this.width;
    const height = (width * size.height) / size.width;
    this.ensure(height + 6);
    const y = doc.y;
    SVGtoPDF(doc, svg, MARGIN.left, y, {
      width,
      height,
      preserveAspectRatio: 'xMinYMin meet',
      fontCallback: (_family: string, bold: boolean) => (bold ? BOLD : SANS),
      warningCallback: () => undefined,
    });
    doc.x = MARGIN.left;
    doc.y = y + height + 6;
    this.drew();
  }
}

function drawBlock(layout: Layout, block: Block, previous: Block | undefined): void {
  switch (block.kind) {
    case 'title':
      return layout.title(block.text, block.facts);
    case 'heading':
      return layout.heading(block.level, block.text);
    case 'paragraph':
      return layout.paragraph(block.text, block.tone);
    case 'facts':
      return layout.facts(block.items);
    case 'table':
      return layout.table(previous?.kind === 'heading' && previous.text === block.caption ? null : block.caption, block.columns, block.rows);
    case 'chart':
      return layout.chart(block.chart.svg, block.chart.size);
    case 'pageBreak':
      return layout.newPage();
  }
}

/** The PDF's bytes. `createdAt` (the report's generatedAt) is the document's date, so the same report gives the same file. */
export function reportPdf(report: ReportDocument, createdAt: Date): Promise<Uint8Array> {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    lang: localeTag(report.lang),
    displayTitle: true,
    info: { Title: report.title, Author: t(report.lang, 'author'), Subject: report.subject, Creator: 'Målbar', Producer: 'Målbar (pdfkit)', CreationDate: createdAt, ModDate: createdAt },
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => {
      const all = Buffer.concat(chunks);
      resolve(new Uint8Array(all.buffer, all.byteOffset, all.byteLength)); // a plain Uint8Array, not a Buffer
    });
    doc.on('error', reject);
  });
  // pdfkit's types only list files and bytes as sources; a parsed fontkit font is accepted too (PDFFontFactory.open)
  doc.registerFont(SANS, regular as unknown as Uint8Array);
  doc.registerFont(BOLD, bold as unknown as Uint8Array);
  doc.font(SANS);
  const layout = new Layout(doc);
  report.blocks.forEach((block, i) => drawBlock(layout, block, report.blocks[i - 1]));

  // Page numbers and the title in the footer of every page.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    const keep = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not start a new page
    const y = doc.page.height - MARGIN.bottom + 20;
    const w = layout.width;
    doc.font(SANS).fontSize(8).fillColor(MUTED);
    doc.text(report.title, MARGIN.left, y, { width: w * 0.7, lineBreak: false, ellipsis: true, height: 10 });
    doc.text(t(report.lang, 'page', { page: i + 1, pages: range.count }), MARGIN.left + w * 0.7, y, { width: w * 0.3, align: 'right', lineBreak: false });
    doc.page.margins.bottom = keep;
  }
  doc.end();
  return done;
}
