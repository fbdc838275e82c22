import { test } from 'node:test';
import assert from 'node:assert/strict';
import { platforms } from '../platforms.ts';
import { getMetric, platformProvides } from '../metrics/catalogue.ts';
import { effectiveWindow, historyWindowDefaults } from './history-windows.ts';

test("the defaults follow PRODUCT.md's platform facts", () => {
  const days = Object.fromEntries(platforms.map((p) => [p, historyWindowDefaults[p].days]));
  assert.deepEqual(days, { facebook: 730, instagram: 730, linkedin: 365, tiktok: 365, youtube: null, x: 91, threads: 90, snapchat: 28 });
  assert.deepEqual(platforms.filter((p) => historyWindowDefaults[p].cadence === 'monthly'), ['threads', 'snapchat']);
});

test('every platform has instructions in both languages and core metrics it provides', () => {
  for (const p of platforms) {
    const d = historyWindowDefaults[p];
    assert.equal(d.platform, p);
    for (const text of [d.instruction, d.exportName, d.basis]) {
      assert.ok(text.nb.length > 10 && text.en.length > 10, `${p}: both languages`);
      assert.notEqual(text.nb, text.en, `${p}: translated`);
    }
    assert.ok(d.coreMetrics.length > 0);
    for (const m of d.coreMetrics) {
      assert.equal(getMetric(m)?.source, 'platform', `${p}: ${m} is a platform metric`);
      assert.ok(platformProvides(p, m), `${p} provides ${m}`);
    }
  }
});

test('an override wins over the default', () => {
  assert.deepEqual(effectiveWindow('tiktok', null), { days: 365, overridden: false });
  assert.deepEqual(effectiveWindow('tiktok', 180), { days: 180, overridden: true });
  assert.deepEqual(effectiveWindow('youtube', undefined), { days: null, overridden: false });
});
