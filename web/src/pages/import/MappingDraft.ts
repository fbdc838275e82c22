/**
 * The column-mapping form as data, without React: a draft made from the import preview's
 * `FileMapping` (or a saved mapping), the ColumnMappingSpec it becomes, the web app's own checks
 * (as message keys under `mapping.problem`), the server's field issues placed on the same
 * controls, and the date formats with an example each. Columns are known by their position in
 * the header row; the spec names them by header.
 */
import { getMetric } from '../../../../src/core/metrics/catalogue.ts';
import {
  dateFormats,
  type ColumnMappingSpecIn,
  type DateFormat,
  type FileMapping,
} from '../../../../src/contract/column-mappings.ts';
import type { Platform } from '../../../../src/core/platforms.ts';
import type { FieldIssue } from '../../api/client.ts';

export type Granularity = 'day' | 'post';
export const postFields = ['id', 'url', 'text', 'type'] as const;
export type PostField = (typeof postFields)[number];
/** How a metric column's cells are written, where the metric's unit leaves a choice. */
export type CellChoice = 'percent' | 'fraction_to_percent' | 'number' | 'duration_s';

export interface MappingDraft {
  granularity: Granularity | null;
  /** Positions in the header row; null when not chosen. */
  dateColumn: number | null;
  dateFormat: DateFormat | null;
  post: Record<PostField, number | null>;
  /** Per column: a metric key, or '' to ignore it. */
  targets: string[];
  cells: (CellChoice | null)[];
  /** The name to save the mapping under ('' = use it for this upload only). */
  name: string;
}

/** A control of the form, by which problems are placed: `columns.3` is the fourth column's target. */
export type FieldKey = 'granularity' | 'date.header' | 'date.format' | `post.${PostField}` | `columns.${number}` | 'columns' | 'name';

/** Problems found by the web app itself, by message key (mapping.problem.*). */
export type ProblemKey = 'chooseGranularity' | 'chooseDate' | 'chooseFormat' | 'choosePostId' | 'noMetric' | 'metricTwice' | 'nameTaken' | 'nameRequired' | 'sameColumn';

const emptyPost = (): Record<PostField, number | null> => ({ id: null, url: null, text: null, type: null });

const norm = (h: string) => h.trim().toLowerCase();

function indexOf(headers: readonly string[], header: string | null | undefined): number | null {
  if (!header) return null;
  const i = headers.findIndex((h) => norm(h) === norm(header));
  return i < 0 ? null : i;
}

/** The draft for a file the preview says needs (or may use) a mapping: what the server suggests, nothing guessed. */
export function draftFromFile(file: FileMapping): MappingDraft {
  const targets = file.headers.map(() => '');
  for (const c of file.columns) if (c.suggestion && c.index < targets.length) targets[c.index] = c.suggestion;
  const dateColumn = indexOf(file.headers, file.suggestedDate?.header);
  if (dateColumn !== null) targets[dateColumn] = '';
  return {
    granularity: file.suggestedGranularity,
    dateColumn,
    dateFormat: file.suggestedDate?.format ?? null,
    post: emptyPost(),
    targets,
    cells: file.headers.map(() => null),
    name: '',
  };
}

/** The draft of a mapping already made (given again, or saved), for the file's headers. */
export function draftFromSpec(spec: ColumnMappingSpecIn, headers: readonly string[], name = ''): MappingDraft {
  const targets = headers.map(() => '');
  const cells: (CellChoice | null)[] = headers.map(() => null);
  for (const c of spec.columns) {
    const i = indexOf(headers, c.header);
    if (i === null || c.target.kind !== 'metric') continue;
    targets[i] = c.target.metric;
    cells[i] = c.target.cells ?? null;
  }
  return {
    granularity: spec.granularity,
    dateColumn: indexOf(headers, spec.date.header),
    dateFormat: spec.date.format,
    post: {
      id: indexOf(headers, spec.post?.id),
      url: indexOf(headers, spec.post?.url),
      text: indexOf(headers, spec.post?.text),
      type: indexOf(headers, spec.post?.type),
    },
    targets,
    cells,
    name,
  };
}

/** The choices of how cells are written for a metric, the first being what Målbar assumes; empty when there is no choice. */
export function cellChoices(metric: string): CellChoice[] {
  const unit = getMetric(metric)?.unit;
  if (unit === 'percent') return ['percent', 'fraction_to_percent'];
  if (unit === 'seconds') return ['number', 'duration_s'];
  return [];
}

/** What a column is used for besides a metric: the date, or one of the post's columns. */
export function roleOf(draft: MappingDraft, index: number): 'date' | PostField | null {
  if (draft.dateColumn === index) return 'date';
  if (draft.granularity === 'post') for (const f of postFields) if (draft.post[f] === index) return f;
  return null;
}

/**
 * The spec the draft describes, and for each of its `columns` the position in the header row
 * (to place the server's issues `columns.N…` on the right row). Date and post columns, and
 * columns without a header, are left out of `columns` (the server ignores columns not listed).
 */
export function specFromDraft(draft: MappingDraft, headers: readonly string[], platform: Platform): { spec: ColumnMappingSpecIn; positions: number[] } {
  const header = (i: number | null) => (i === null ? '' : (headers[i] ?? ''));
  const positions: number[] = [];
  const columns: ColumnMappingSpecIn['columns'] = [];
  headers.forEach((h, i) => {
    if (h.trim() === '' || roleOf(draft, i) !== null) return;
    const metric = draft.targets[i] ?? '';
    const cells = draft.cells[i];
    const choices = metric ? cellChoices(metric) : [];
    positions.push(i);
    columns.push({
      header: h,
      target: metric ? { kind: 'metric', metric, ...(cells && choices.includes(cells) ? { cells } : {}) } : { kind: 'ignore' },
    });
  });
  const post = draft.granularity === 'post'
    ? {
        id: header(draft.post.id),
        url: draft.post.url === null ? null : header(draft.post.url),
        text: draft.post.text === null ? null : header(draft.post.text),
        type: draft.post.type === null ? null : header(draft.post.type),
      }
    : null;
  const spec: ColumnMappingSpecIn = {
    platform,
    granularity: draft.granularity ?? 'day',
    date: { header: header(draft.dateColumn), format: draft.dateFormat ?? 'YYYY-MM-DD' },
    post,
    columns,
  };
  return { spec, positions };
}

/** The id of the control a field key names (the error summary links to it). */
export function controlId(prefix: string, key: FieldKey): string {
  if (key === 'granularity') return `${prefix}-granularity-day`;
  return `${prefix}-${key.replace(/\./g, '-')}`;
}

/** The web app's own checks before sending; `takenNames` are the saved mappings' names (a new name must be free). */
export function checkDraft(draft: MappingDraft, takenNames: readonly string[] = []): Partial<Record<FieldKey, ProblemKey>> {
  const out: Partial<Record<FieldKey, ProblemKey>> = {};
  if (!draft.granularity) out.granularity = 'chooseGranularity';
  if (draft.dateColumn === null) out['date.header'] = 'chooseDate';
  if (!draft.dateFormat) out['date.format'] = 'chooseFormat';
  if (draft.granularity === 'post') {
    if (draft.post.id === null) out['post.id'] = 'choosePostId';
    const used = new Set<number>(draft.dateColumn === null ? [] : [draft.dateColumn]);
    for (const f of postFields) {
      const i = draft.post[f];
      if (i === null) continue;
      if (used.has(i)) out[`post.${f}`] = 'sameColumn';
      used.add(i);
    }
  }
  const seen = new Map<string, number>();
  let metrics = 0;
  draft.targets.forEach((metric, i) => {
    if (!metric || roleOf(draft, i) !== null) return;
    metrics += 1;
    if (seen.has(metric)) out[`columns.${i}`] = 'metricTwice';
    else seen.set(metric, i);
  });
  if (metrics === 0) out.columns = 'noMetric';
  const name = draft.name.trim().toLowerCase();
  if (name && takenNames.some((n) => n.trim().toLowerCase() === name)) out.name = 'nameTaken';
  return out;
}

/**
 * The server's issues on the controls they name. Paths may come with a prefix (`mapping.`,
 * `body.mapping.`); `columns.N` counts the spec's columns, turned back into header positions;
 * `saveAs` and `name` are the name field. Issues naming no control are returned as `other`.
 */
export function placeServerIssues(issues: readonly FieldIssue[], positions: readonly number[]): { fields: Partial<Record<FieldKey, string>>; other: string[] } {
  const fields: Partial<Record<FieldKey, string>> = {};
  const other: string[] = [];
  for (const issue of issues) {
    const path = issue.path.replace(/^(body\.)?mapping\./, '');
    const key = fieldOfPath(path, positions);
    if (key && fields[key] === undefined) fields[key] = issue.message;
    else if (!key) other.push(issue.message);
  }
  return { fields, other };
}

function fieldOfPath(path: string, positions: readonly number[]): FieldKey | null {
  if (path === 'saveAs' || path === 'name' || path === 'mappingName') return 'name';
  if (path === 'granularity') return 'granularity';
  if (path === 'date.header' || path === 'date') return 'date.header';
  if (path === 'date.format') return 'date.format';
  if (path === 'post' || path === 'post.id') return 'post.id';
  for (const f of postFields) if (path === `post.${f}`) return `post.${f}`;
  const column = /^columns\.(\d+)(\.|$)/.exec(path);
  if (column) {
    const position = positions[Number(column[1])];
    return position === undefined ? 'columns' : `columns.${position}`;
  }
  if (path === 'columns') return 'columns';
  return null;
}

/** The example day every format is shown with: the 31st, so day and month cannot be mixed up. */
const EXAMPLE = { year: 2026, month: 3, day: 31 } as const;

/** The example day written in `format`; month names in the interface language where the format allows it. */
export function formatExample(format: DateFormat, language: 'nb' | 'en'): string {
  const { year, month, day } = EXAMPLE;
  const dd = String(day).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  const monthName = (lng: 'nb' | 'en') => new Intl.DateTimeFormat(lng === 'en' ? 'en-GB' : 'nb-NO', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1)));
  switch (format) {
    case 'YYYY-MM-DD': return `${year}-${mm}-${dd}`;
    case 'YYYY/MM/DD': return `${year}/${mm}/${dd}`;
    case 'DD.MM.YYYY': return `${dd}.${mm}.${year}`;
    case 'DD/MM/YYYY': return `${dd}/${mm}/${year}`;
    case 'MM/DD/YYYY': return `${mm}/${dd}/${year}`;
    case 'DD-MM-YYYY': return `${dd}-${mm}-${year}`;
    case 'D. MMMM YYYY': return `${day}. ${monthName(language)} ${year}`;
    case 'MMMM D, YYYY': return `${monthName('en')} ${day}, ${year}`;
    case 'D. MMMM': return `${day}. ${monthName(language)}`;
    case 'MMMM D': return `${monthName('en')} ${day}`;
  }
}

export { dateFormats };

const numeric = (re: RegExp, dayFirst: boolean | null) => (s: string) => {
  const m = re.exec(s.trim());
  if (!m) return false;
  if (dayFirst === null) return true;
  const [a, b] = [Number(m[1]), Number(m[2])];
  const [d, mo] = dayFirst ? [a, b] : [b, a];
  return d >= 1 && d <= 31 && mo >= 1 && mo <= 12;
};

const looksLike: Record<DateFormat, (s: string) => boolean> = {
  'YYYY-MM-DD': numeric(/^\d{4}-(\d{1,2})-(\d{1,2})(\D|$)/, false),
  'YYYY/MM/DD': numeric(/^\d{4}\/(\d{1,2})\/(\d{1,2})(\D|$)/, false),
  'DD.MM.YYYY': numeric(/^(\d{1,2})\.(\d{1,2})\.\d{4}(\D|$)/, true),
  'DD/MM/YYYY': numeric(/^(\d{1,2})\/(\d{1,2})\/\d{4}(\D|$)/, true),
  'MM/DD/YYYY': numeric(/^(\d{1,2})\/(\d{1,2})\/\d{4}(\D|$)/, false),
  'DD-MM-YYYY': numeric(/^(\d{1,2})-(\d{1,2})-\d{4}(\D|$)/, true),
  'D. MMMM YYYY': (s) => /^\d{1,2}\.?\s+\p{L}+\.?\s+\d{4}$/u.test(s.trim()),
  'MMMM D, YYYY': (s) => /^\p{L}+\.?\s+\d{1,2},?\s+\d{4}$/u.test(s.trim()),
  'D. MMMM': (s) => /^\d{1,2}\.?\s+\p{L}+\.?$/u.test(s.trim()),
  'MMMM D': (s) => /^\p{L}+\.?\s+\d{1,2}$/u.test(s.trim()),
};

/**
 * Whether the samples of the date column look written in `format` (a hint only: the server reads
 * every row and says which one it cannot read). True when there are no samples.
 */
export function samplesFit(format: DateFormat, samples: readonly string[]): boolean {
  return samples.every((s) => s.trim() === '' || looksLike[format](s));
}

/**
 * The control a refusal of the server is about: its message names the file, row and column
 * (`file.csv, row 4, column "Dag": …`, services' ImportError); the date column's problems belong
 * to the date format, a post column's to that column, any other column's to its target.
 */
export function placeRefusal(message: string, headers: readonly string[], draft: MappingDraft): FieldKey | null {
  const m = /, column "(.*?)": /.exec(message);
  if (!m) return null;
  const named = m[1] ?? '';
  const i = /^\d+$/.test(named) && indexOf(headers, named) === null ? Number(named) - 1 : indexOf(headers, named);
  if (i === null || i < 0 || i >= headers.length) return null;
  if (draft.dateColumn === i) return 'date.format';
  if (draft.granularity === 'post') for (const f of postFields) if (draft.post[f] === i) return `post.${f}`;
  return `columns.${i}`;
}
