import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDocumented, annualRollup, latestAudienceStatus, type RollupInput } from './annual-rollup.ts';

type Resources = RollupInput['figures']['resources'];
const noResources: Resources = { plannedHours: null, documentedHours: null, hoursMonths: 0, plannedMoneyNok: null, documentedMoneyNok: null, moneyMonths: 0, monthsInUse: 12 };

function report(over: Partial<Omit<RollupInput, 'figures'>> & { resources?: Partial<Resources>; counts?: Partial<RollupInput['figures']['counts']>; suggestion?: RollupInput['figures']['recommendation']['suggestion']; snapshots?: RollupInput['figures']['audience']['snapshots'] } = {}): RollupInput {
  return {
    status: over.status ?? 'draft',
    state: over.state ?? 'due',
    decision: over.decision ?? null,
    figures: {
      counts: { met: 0, on_track: 0, at_risk: 0, missed: 0, not_measured: 0, ...over.counts },
      resources: { ...noResources, ...over.resources },
      recommendation: { suggestion: over.suggestion ?? 'continue' },
      audience: { snapshots: over.snapshots ?? [] },
    },
  };
}

test('not documented stays null when added: null + null = null, null + 3 = 3', () => {
  assert.equal(addDocumented(null, null), null);
  assert.equal(addDocumented(null, 3), 3);
  assert.equal(addDocumented(4, null), 4);
  assert.equal(addDocumented(0, 0), 0);
  assert.equal(addDocumented(1.5, 2), 3.5);
});

test('the newest audience snapshot decides; none is unknown', () => {
  assert.equal(latestAudienceStatus([]), 'unknown');
  assert.equal(
    latestAudienceStatus([
      { day: '2025-11-30', status: 'misfit' },
      { day: '2025-12-31', status: 'fit' },
      { day: '2025-03-31', status: 'broad' },
    ]),
    'fit',
  );
});

test('an empty roll-up: zero accounts, zero counts, resources not documented (null)', () => {
  const r = annualRollup([]);
  assert.equal(r.accounts, 0);
  assert.deepEqual(r.resources, { plannedHours: null, documentedHours: null, hoursMonths: 0, plannedMoneyNok: null, documentedMoneyNok: null, moneyMonths: 0, accountMonthsInUse: 0 });
  assert.deepEqual(r.decisions, { continue: 0, continue_with_changes: 0, close: 0, undecided: 0 });
});

test('three accounts, summed by hand', () => {
  const r = annualRollup([
    report({
      status: 'signed',
      state: 'signed',
      decision: 'continue_with_changes',
      counts: { met: 2, at_risk: 1 },
      resources: { plannedHours: 120, documentedHours: 95.5, hoursMonths: 10, plannedMoneyNok: 10_000, documentedMoneyNok: null, moneyMonths: 0, monthsInUse: 12 },
      suggestion: 'continue_with_changes',
      snapshots: [{ day: '2025-06-30', status: 'fit' }, { day: '2025-12-31', status: 'misfit' }],
    }),
    report({
      state: 'overdue',
      // A draft's decision is not a decision yet.
      decision: 'close',
      counts: { missed: 3, not_measured: 1 },
      resources: { plannedHours: null, documentedHours: 10, hoursMonths: 2, plannedMoneyNok: null, documentedMoneyNok: 2_500, moneyMonths: 1, monthsInUse: 4 },
      suggestion: 'close',
      snapshots: [{ day: '2025-04-30', status: 'broad' }],
    }),
    report({ state: 'due', counts: { on_track: 1 }, resources: { monthsInUse: 7 }, suggestion: 'continue' }),
  ]);
  assert.deepEqual(r, {
    accounts: 3,
    counts: { met: 2, on_track: 1, at_risk: 1, missed: 3, not_measured: 1 },
    resources: { plannedHours: 120, documentedHours: 105.5, hoursMonths: 12, plannedMoneyNok: 10_000, documentedMoneyNok: 2_500, moneyMonths: 1, accountMonthsInUse: 23 },
    suggestions: { continue: 1, continue_with_changes: 1, close: 1 },
    decisions: { continue: 0, continue_with_changes: 1, close: 0, undecided: 2 },
    audience: { fit: 0, misfit: 1, broad: 1, unknown: 1 },
    reports: { signed: 1, upcoming: 0, due: 1, overdue: 1 },
  });
});
