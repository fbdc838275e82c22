/**
 * Manual monthly entry: one value per metric for a month (platforms without exports, hours and
 * money spent, applicants), stored on the month's last day — the day a month's total or
 * end-of-month count belongs to in the KPI engine — as one import of origin 'manual'. Entering
 * the same values again changes nothing; a corrected value replaces the old one, which stays in
 * history.
 */
import type { BatchResult, MonthlyEntry } from '../../contract/statistics.ts';
import { AppError } from '../../core/errors.ts';
import { monthEnd } from '../../core/period/days.ts';
import type { Context } from '../context.ts';
import { recordObservations } from './record-observations.ts';

export async function recordMonthlyEntry(ctx: Context, accountRef: string, entry: MonthlyEntry): Promise<BatchResult> {
  const day = monthEnd(`${entry.month}-01`);
  if (`${entry.month}-01` > ctx.now.toISOString().slice(0, 10)) {
    throw new AppError('validation_failed', `${entry.month} has not begun yet.`, [{ path: 'month', message: 'a month that has begun' }]);
  }
  const seen = new Set<string>();
  entry.values.forEach((v, i) => {
    if (seen.has(v.metric)) throw new AppError('validation_failed', `"${v.metric}" is given twice.`, [{ path: `values[${i}].metric`, message: 'given twice' }]);
    seen.add(v.metric);
  });
  const written = await recordObservations(
    ctx,
    accountRef,
    { observations: entry.values.map((v) => ({ metric: v.metric, date: day, value: v.value })) },
    'manual',
    { meta: { from: `${entry.month}-01`, to: day, kind: 'monthly_entry', rows: entry.values.length } },
  );
  return { importId: written.importId, status: written.importId ? 'imported' : 'unchanged', ...written.counts };
}
