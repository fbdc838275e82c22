import { test } from 'node:test';
import assert from 'node:assert/strict';
import { audienceFit, BROAD_BELOW_PERCENT } from './fit.ts';

const snap = (ageDistribution: Record<string, number>) => ({ day: '2026-03-01', ageDistribution });

test('fit: the largest group is the target group', () => {
  const r = audienceFit(['18-24'], snap({ '18-24': 41.5, '25-34': 30.1, '35-44': 20, '45-54': 8.4 }));
  assert.equal(r.status, 'fit');
  assert.equal(r.evaluateBeforeContinuing, false);
  assert.deepEqual([r.largestGroup, r.largestShare, r.targetShare, r.reason], ['18-24', 41.5, 41.5, null]);
  assert.deepEqual(r.distribution, [
    { ageGroup: '13-17', share: null, inTarget: false },
    { ageGroup: '18-24', share: 41.5, inTarget: true },
    { ageGroup: '25-34', share: 30.1, inTarget: false },
    { ageGroup: '35-44', share: 20, inTarget: false },
    { ageGroup: '45-54', share: 8.4, inTarget: false },
    { ageGroup: '55-64', share: null, inTarget: false },
    { ageGroup: '65+', share: null, inTarget: false },
  ]);
});

test('misfit: another age group is largest; evaluate before continuing', () => {
  const r = audienceFit(['18-24'], snap({ '18-24': 30, '25-34': 45, '35-44': 25 }));
  assert.deepEqual([r.status, r.largestGroup, r.largestShare, r.targetShare, r.evaluateBeforeContinuing], ['misfit', '25-34', 45, 30, true]);
});

test(`broad: no group reaches ${BROAD_BELOW_PERCENT} %; exactly ${BROAD_BELOW_PERCENT} % is not broad`, () => {
  const broad = audienceFit(['18-24'], snap({ '18-24': 39.99, '25-34': 30, '35-44': 30.01 }));
  assert.deepEqual([broad.status, broad.largestGroup, broad.evaluateBeforeContinuing], ['broad', '18-24', true]);
  const edge = audienceFit(['18-24'], snap({ '18-24': 40, '25-34': 30, '35-44': 30 }));
  assert.deepEqual([edge.status, edge.evaluateBeforeContinuing], ['fit', false]);
});

test('several target groups: their shares add up; ties favour a target group', () => {
  const r = audienceFit(['25-34', '18-24'], snap({ '13-17': 5, '18-24': 44.4, '25-34': 30.35, '35-44': 20.25 }));
  assert.deepEqual(r.targetAgeGroups, ['18-24', '25-34'], 'in age order');
  assert.equal(r.targetShare, 74.75);
  assert.equal(r.status, 'fit');
  const tie = audienceFit(['25-34'], snap({ '18-24': 45, '25-34': 45, '35-44': 10 }));
  assert.deepEqual([tie.status, tie.largestGroup], ['fit', '25-34']);
  const tieOutside = audienceFit(['35-44'], snap({ '18-24': 45, '25-34': 45, '35-44': 10 }));
  assert.deepEqual([tieOutside.status, tieOutside.largestGroup], ['misfit', '18-24']);
});

test('unknown: no snapshot, no target groups, or no positive share; unknown keys are ignored', () => {
  assert.deepEqual(
    [audienceFit(['18-24'], null).reason, audienceFit([], snap({ '18-24': 60 })).reason, audienceFit(['18-24'], snap({})).reason],
    ['no_snapshot', 'no_target_groups', 'empty_snapshot'],
  );
  const zeros = audienceFit(['18-24'], snap({ '18-24': 0, '25-34': 0 }));
  assert.deepEqual([zeros.status, zeros.evaluateBeforeContinuing, zeros.largestGroup], ['unknown', false, null]);
  const odd = audienceFit(['18-24'], snap({ '18-24': 50, unknown: 50 }));
  assert.deepEqual([odd.status, odd.largestShare], ['fit', 50]);
});
