/** Shared pieces of the reports' spreadsheet rows (report-tables*.ts). Pure. */
import type { AnnualAccountReport } from '../contract/reports.ts';
import type { Cell, SheetData } from '../exports/cells.ts';
import { platformName, t, type Lang } from './report-text.ts';

export const sheet = (name: string, header: string[], rows: Cell[][]): SheetData => ({ name, header: true, rows: [header, ...rows] });
/** A fraction as a percent number (0.4292 → 42.92); null stays null. */
export const pct = (fraction: number | null) => (fraction === null ? null : Math.round(fraction * 10_000) / 100);
export const round2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
export const withUnit = (label: string, unit: string) => `${label} (${unit})`;

export function accountCells(r: AnnualAccountReport): Cell[] {
  return [r.unit.name, r.account.name, platformName(r.account.platform)];
}
export const accountHeader = (lang: Lang) => [t(lang, 'unit'), t(lang, 'account'), t(lang, 'platform')];

export const postHeader = (lang: Lang) => [t(lang, 'unit'), t(lang, 'account'), t(lang, 'platform'), t(lang, 'metric'), lang === 'nb' ? 'Beste/svakeste' : 'Best/weakest', t(lang, 'published'), t(lang, 'postType'), t(lang, 'text'), t(lang, 'value'), t(lang, 'link')];

export function postRows(groups: AnnualAccountReport['figures']['posts'], lead: Cell[], lang: Lang): Cell[][] {
  return groups.flatMap((g) =>
    (['best', 'weakest'] as const).flatMap((which) =>
      g[which].map((p) => [...lead, g.name[lang], which === 'best' ? (lang === 'nb' ? 'beste' : 'best') : lang === 'nb' ? 'svakeste' : 'weakest', { date: p.publishedOn }, p.postType, p.excerpt, p.value, p.permalink]),
    ),
  );
}

