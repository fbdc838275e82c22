import { test } from 'node:test';
import assert from 'node:assert/strict';
import { suggestTargets } from './targets.ts';

test('own history: median and upper quartile, labelled', () => {
  const r = suggestTargets({ metric: 'link_clicks', own: [1000, 2000, 3000, 4000], peers: [] });
  const own = r.suggestions.filter((s) => s.basis === 'own_history');
  // quartiles interpolate between ordered values (position (n − 1) × p): 0.75 → 2.25 → 3000 + 0.25 × 1000
  assert.deepEqual(own.map((s) => [s.statistic, s.value, s.n]), [['median', 2500, 4], ['upper_quartile', 3250, 4]]);
  assert.equal(own[1]?.label.text, 'Own history: upper quartile 3250 of 4 values');
  assert.equal(r.notes[0]?.key, 'goals.targets.internal_accounts.too_few');
});

test('other internal accounts normalised per follower where the metric scales with audience', () => {
  const r = suggestTargets({
    metric: 'reach',
    own: [],
    ownFollowers: 2000,
    peers: [
      { accountId: 'a', value: 1000, followers: 1000 }, // 1.0 per follower
      { accountId: 'b', value: 4000, followers: 2000 }, // 2.0
      { accountId: 'c', value: 9000, followers: 3000 }, // 3.0
      { accountId: 'd', value: 4000, followers: 1000 }, // 4.0
      { accountId: 'e', value: 5000, followers: null }, // no followers: left out
    ],
  });
  const peers = r.suggestions.filter((s) => s.basis === 'internal_accounts');
  // per follower [1, 2, 3, 4]: median 2.5, upper quartile 3.25 (1 + 0.75 × 3 → 3 + 0.25); × 2000 followers
  assert.deepEqual(peers.map((s) => [s.statistic, s.value, s.n, s.normalisedPerFollower]), [['median', 5000, 4, true], ['upper_quartile', 6500, 4, true]]);
  assert.equal(peers[0]?.label.text, 'Other internal accounts: median 2.5 per follower × 2000 followers = 5000 (4 accounts)');
  assert.equal(r.notes[0]?.key, 'goals.targets.own_history.too_few');
});

test('rates are not normalised; lower-is-better metrics suggest the lower quartile', () => {
  const err = suggestTargets({ metric: 'engagement_rate_reach', own: [2, 4, 6], ownFollowers: 5000, peers: [{ accountId: 'a', value: 1 }, { accountId: 'b', value: 3 }, { accountId: 'c', value: 5 }] });
  const p = err.suggestions.find((s) => s.basis === 'internal_accounts' && s.statistic === 'median');
  assert.equal(p?.value, 3);
  assert.equal(p?.normalisedPerFollower, false);
  const cost = suggestTargets({ metric: 'cost_per_lead', own: [100, 200, 300, 400], peers: [] });
  assert.deepEqual(cost.suggestions.map((s) => [s.statistic, s.value]), [['median', 250], ['lower_quartile', 175]]);
});

test('without this account\u2019s followers: raw peer values, with a note', () => {
  const r = suggestTargets({ metric: 'link_clicks', own: [], peers: [{ accountId: 'a', value: 10 }, { accountId: 'b', value: 20 }, { accountId: 'c', value: 30 }] });
  assert.equal(r.suggestions.find((s) => s.statistic === 'median')?.value, 20);
  assert.ok(r.notes.some((n) => n.key === 'goals.targets.internal_accounts.not_normalised'));
});
