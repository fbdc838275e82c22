/**
 * `maalbar report monthly|annual`: a report of one account (--account), a unit and everything
 * below it (--unit) or the whole organisation (neither), for a year or a month (--period), written
 * to a file (-o) as PDF, HTML, XLSX, CSV or JSON (--format, or the file's extension), in bokmål or
 * English (--lang). The same report the API gives (GET /reports/annual, /reports/monthly); the
 * operator acts as an administrator, so every account is included.
 */
import { writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { AnnualReportQuery, MonthlyReportQuery, ReportFormat, reportFileName, type AnnualReport, type MonthlyReport } from '../../contract/reports.ts';
import { buildAnnualReport } from '../../services/reports/build-annual-report.ts';
import { buildMonthlyReport } from '../../services/reports/build-monthly-report.ts';
import { parseInput } from '../input.ts';
import { action, output, withOperator, type GlobalOptions } from '../run.ts';

interface ReportOptions {
  account?: string;
  unit?: string;
  period?: string;
  format?: string;
  output?: string;
  lang?: string;
}

const Kind = z.object({ kind: z.enum(['annual', 'monthly']) });

/** --format, else the extension of -o (report.pdf → pdf), else json. */
function formatOf(opts: ReportOptions): string {
  if (opts.format) return opts.format;
  const ext = opts.output ? extname(opts.output).slice(1).toLowerCase() : '';
  return (ReportFormat.options as readonly string[]).includes(ext) ? ext : 'json';
}

export interface WrittenReport {
  file: string;
  name: string;
  format: ReportFormat;
  contentType: string;
  bytes: number;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('write the annual or monthly report of an account, a unit or the organisation to a file (PDF, HTML, XLSX, CSV or JSON)')
    .argument('<kind>', 'annual or monthly')
    .option('--account <slug>', 'one account')
    .option('--unit <slug>', 'a unit and everything below it (neither: the whole organisation)')
    .requiredOption('--period <period>', 'the year (YYYY) of an annual report, the month (YYYY-MM) of a monthly one')
    .option('--format <format>', `one of ${ReportFormat.options.join(', ')} (default: the file's extension, else json)`)
    .option('-o, --output <file>', 'the file to write (JSON without a file: printed)')
    .option('--lang <lang>', 'nb or en (for html, pdf, xlsx and csv)', 'nb')
    .action(
      action(async (kindArg: string, opts: ReportOptions, cmd: Command) => {
        const options = cmd.optsWithGlobals<GlobalOptions>();
        const { kind } = parseInput(Kind, { kind: kindArg }, { kind: 'KIND' });
        const scope = { account: opts.account, unit: opts.unit, format: formatOf(opts), lang: opts.lang };
        const names = { year: '--period', month: '--period', format: '--format', lang: '--lang', account: '--account', unit: '--unit' };
        const query =
          kind === 'annual'
            ? { kind, ...parseInput(AnnualReportQuery, { ...scope, year: opts.period }, names) }
            : { kind, ...parseInput(MonthlyReportQuery, { ...scope, month: opts.period }, names) };
        if (query.account && query.unit) throw new AppError('validation_failed', 'Give --account or --unit, not both.', [{ path: '--unit', message: 'either --account or --unit' }]);
        if (query.format !== 'json' && !opts.output) {
          throw new AppError('validation_failed', `Give the file to write the ${query.format.toUpperCase()} to with -o FILE.`, [{ path: '--output', message: 'a file name' }]);
        }
        const report = await withOperator(`report ${kind}`, options, (ctx): Promise<AnnualReport | MonthlyReport> =>
          query.kind === 'annual'
            ? buildAnnualReport(ctx, { account: query.account, unit: query.unit, year: query.year })
            : buildMonthlyReport(ctx, { account: query.account, unit: query.unit, month: query.month }),
        );
        const period = query.kind === 'annual' ? query.year : query.month;
        let body: Uint8Array;
        let contentType: string;
        if (query.format === 'json') {
          if (!opts.output) {
            process.stdout.write(JSON.stringify(report, null, 2) + '\n');
            return;
          }
          body = new TextEncoder().encode(JSON.stringify(report, null, 2) + '\n');
          contentType = 'application/json';
        } else {
          const { renderReport } = await import('../../reports/render-report.ts');
          ({ body, contentType } = await renderReport(report, query.format, query.lang));
        }
        const file = resolve(opts.output!);
        writeFileSync(file, body);
        // The API's name for the file (JSON is not a download there): maalbar-annual-2025-faculty-a.pdf.
        const name = query.format === 'json' ? reportFileName(kind, period, report.scope, 'csv').replace(/\.csv$/, '.json') : reportFileName(kind, period, report.scope, query.format);
        const written: WrittenReport = { file, name, format: query.format, contentType, bytes: body.length };
        output(options, written, (w) => `Wrote the ${kind} report ${period} (${describeScope(report)}) as ${w.format.toUpperCase()} to ${w.file} (${w.bytes} bytes).`);
      }),
    );
}

function describeScope(report: AnnualReport | MonthlyReport): string {
  const s = report.scope;
  const accounts = report.kind === 'annual' ? report.accounts.length : report.evaluations.length;
  const what = report.kind === 'annual' ? `${accounts} account${accounts === 1 ? '' : 's'}` : `${accounts} evaluation${accounts === 1 ? '' : 's'}`;
  if (s.kind === 'account') return `${s.account.name}, ${what}`;
  if (s.kind === 'unit') return `${s.unit.name}, ${what}`;
  return `${s.name}, ${what}`;
}
