/** Pure helpers of the manual monthly entry form (tested in manual-entry.test.ts). */
import { metricCatalogue, type MetricDefinition } from '../../../../src/core/metrics/catalogue.ts';
import type { Platform } from '../../../../src/core/platforms.ts';
import { historyWindowDefaults } from '../../../../src/core/coverage/history-windows.ts';

/** 'YYYY-MM' of the month before `today` (the month usually entered). */
export function previousMonth(today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/**
 * The metrics to offer: those the platform reports, and those from elsewhere (every platform).
 * `platformFirst` for platforms without an export (entered monthly), whose own statistics are the
 * point of the form; for the others, hours, money and other sources come first.
 */
export function entryMetrics(platform: Platform): { platform: MetricDefinition[]; elsewhere: MetricDefinition[]; platformFirst: boolean } {
  return {
    platformFirst: historyWindowDefaults[platform].cadence === 'monthly',
    platform: metricCatalogue.filter((m) => m.source === 'platform' && m.platforms.includes(platform)),
    elsewhere: metricCatalogue.filter((m) => m.source !== 'platform'),
  };
}
