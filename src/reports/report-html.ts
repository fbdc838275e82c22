/**
 * A report as one self-contained, print-ready HTML document: inline CSS (A4 pages with margins,
 * @media print, every account on a page of its own, table headers repeated on every printed
 * page), the charts as inline SVG, no scripts and a Content-Security-Policy that would refuse any.
 * Every text is HTML-escaped: post texts come from imported files and assessments are written by
 * people, so either may hold markup. Pure.
 */
import type { Block, Fact, ReportDocument } from './report-blocks.ts';

/** Text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

const CSS = `
@page { size: A4; margin: 18mm 16mm 20mm 16mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #1a1a1a; background: #fff; margin: 0 auto; max-width: 190mm; padding: 12mm 0; font-size: 10.5pt; line-height: 1.4; }
h1.report-title { font-size: 22pt; margin: 0 0 4mm; }
h1 { font-size: 16pt; margin: 8mm 0 3mm; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; border-bottom: 1px solid #c8c8c8; padding-bottom: 1mm; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
p { margin: 1.5mm 0; white-space: pre-wrap; overflow-wrap: anywhere; }
p.muted { color: #54555a; }
p.strong { font-weight: bold; }
p.quote { border-left: 3px solid #0072B2; padding-left: 3mm; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 2mm 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 9pt; }
table.wide { font-size: 7.5pt; }
table.wide th, table.wide td { padding: 1mm 0.8mm; }
caption { text-align: left; font-weight: bold; padding-bottom: 1mm; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
th, td { border-bottom: 1px solid #d9d9d9; padding: 1mm 1.5mm; vertical-align: top; text-align: left; overflow-wrap: anywhere; white-space: pre-wrap; }
thead th { border-bottom: 2px solid #1a1a1a; background: #f2f2f2; overflow-wrap: normal; hyphens: auto; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
figure.chart { margin: 3mm 0; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { width: 100%; height: auto; display: block; }
section.account { break-before: page; page-break-before: always; }
@media print {
  body { padding: 0; max-width: none; font-size: 9.5pt; }
  a { color: inherit; text-decoration: none; }
  thead th { background: #f2f2f2 !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

function factsHtml(items: Fact[]): string {
  return `<dl class="facts">${items.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${escapeHtml(f.value)}</dd>`).join('')}</dl>`;
}

/** The chart's SVG as ECharts drew it, with anything that could run removed (it has none; belt and braces). */
function safeSvg(svg: string): string {
  return svg.replace(/<script[\s\S]*?<\/script>/gi, '').replace(/\son\w+\s*=\s*("[^"]*"|'[^']*')/gi, '');
}

function blockHtml(block: Block, previous: Block | undefined): string {
  switch (block.kind) {
    case 'title':
      return `<header><h1 class="report-title">${escapeHtml(block.text)}</h1>${factsHtml(block.facts)}</header>`;
    case 'heading':
      return `<h${block.level}>${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p${block.tone ? ` class="${block.tone}"` : ''}>${escapeHtml(block.text)}</p>`;
    case 'facts':
      return factsHtml(block.items);
    case 'table': {
      const total = block.columns.reduce((s, c) => s + (c.weight ?? 1), 0);
      const cols = block.columns.map((c) => `<col style="width:${(((c.weight ?? 1) / total) * 100).toFixed(1)}%">`).join('');
      const head = block.columns.map((c) => `<th scope="col"${c.align === 'right' ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`).join('');
      const rows = block.rows
        .map((row) => `<tr>${row.map((cell, i) => `<td${block.columns[i]?.align === 'right' ? ' class="num"' : ''}>${escapeHtml(cell)}</td>`).join('')}</tr>`)
        .join('');
      // a caption that only repeats the heading above is for screen readers only
      const hidden = previous?.kind === 'heading' && previous.text === block.caption ? ' class="sr-only"' : '';
      const wide = block.columns.length > 8 ? ' class="wide"' : ''; // per unit: a smaller type, as in the PDF
      return `<table${wide}><caption${hidden}>${escapeHtml(block.caption)}</caption><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
    }
    case 'chart':
      return `<figure class="chart" role="img" aria-label="${escapeHtml(block.chart.spec.title)}">${safeSvg(block.chart.svg)}</figure>`;
    case 'pageBreak':
      return '';
  }
}

export function reportHtml(doc: ReportDocument): string {
  const parts: string[] = [];
  let open = false;
  doc.blocks.forEach((block, i) => {
    if (block.kind === 'pageBreak') {
      if (open) parts.push('</section>');
      parts.push('<section class="account">');
      open = true;
    } else parts.push(blockHtml(block, doc.blocks[i - 1]));
  });
  if (open) parts.push('</section>');
  return (
    `<!doctype html>\n<html lang="${doc.lang === 'nb' ? 'nb' : 'en'}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeHtml(doc.title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n<main>\n${parts.join('\n')}\n</main>\n</body>\n</html>\n`
  );
}
