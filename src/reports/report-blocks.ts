/**
 * A report as a list of layout blocks (title, headings, paragraphs, facts, tables, charts, page
 * breaks), made once from the report and the language and drawn by both the HTML and the PDF
 * renderer, so the two always say the same. Every text here is plain text: the renderers escape
 * (HTML) or draw it as text (PDF). Pure except for drawing the charts' SVG.
 */
import type { DrawnChart } from './report-charts.ts';
import type { Lang } from './report-text.ts';

export interface Column {
  label: string;
  /** Numbers are right-aligned. */
  align?: 'left' | 'right';
  /** Relative width (default 1). */
  weight?: number;
}

export type Block =
  | { kind: 'title'; text: string; facts: Fact[] }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; tone?: 'muted' | 'quote' | 'strong' }
  | { kind: 'facts'; items: Fact[] }
  | { kind: 'table'; caption: string; columns: Column[]; rows: string[][] }
  | { kind: 'chart'; chart: DrawnChart }
  /** A new page: between accounts. */
  | { kind: 'pageBreak' };

export interface Fact {
  label: string;
  value: string;
}

export interface ReportDocument {
  lang: Lang;
  title: string;
  subject: string;
  blocks: Block[];
}

export const heading = (level: 1 | 2 | 3, text: string): Block => ({ kind: 'heading', level, text });
export const paragraph = (text: string, tone?: 'muted' | 'quote' | 'strong'): Block => (tone ? { kind: 'paragraph', text, tone } : { kind: 'paragraph', text });
export const facts = (items: Fact[]): Block => ({ kind: 'facts', items });
export const table = (caption: string, columns: Column[], rows: string[][]): Block => ({ kind: 'table', caption, columns, rows });
export const left = (label: string, weight = 1): Column => ({ label, align: 'left', weight });
export const right = (label: string, weight = 1): Column => ({ label, align: 'right', weight });
