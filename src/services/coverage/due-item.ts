/** A due item as the due list and the dashboards show it: the core's assessment with the account, its unit and reporters, and the export to download. */
import type { DueAssessment } from '../../core/coverage/due.ts';
import { historyWindowDefaults } from '../../core/coverage/history-windows.ts';
import type { Platform } from '../../core/platforms.ts';
import type { DueItem } from '../../contract/coverage.ts';
import { accountRef } from './account-ref.ts';

export function dueItem(
  a: { id: string; slug: string; name: string; platform: string },
  unit: { id: string; slug: string; name: string },
  reporters: { id: string; name: string }[],
  assessment: DueAssessment,
  window: DueItem['window'],
): DueItem {
  const defaults = historyWindowDefaults[a.platform as Platform];
  return {
    account: accountRef(a),
    unit: { id: unit.id, slug: unit.slug, name: unit.name },
    reporters,
    cadence: defaults.cadence,
    status: assessment.status,
    window,
    windowStart: assessment.windowStart,
    toCover: assessment.toCover,
    toCoverDays: assessment.toCoverDays,
    deadline: assessment.deadline,
    daysLeft: assessment.daysLeft,
    leavesWindowOn: assessment.leavesWindowOn,
    daysUntilLost: assessment.daysUntilLost,
    lostDays: assessment.lostDays,
    months: assessment.months,
    firstDocumented: assessment.firstDocumented,
    exportName: defaults.exportName,
    instruction: defaults.instruction,
  };
}
