// Numbers typed the Norwegian way, calendar days that never shift with the time zone, and the
// names of metrics and export kinds shown instead of keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TFunction } from 'i18next';
import { exportKindLabel, formatDay, formatDayRange, formatMonth, metricName, parseDecimal, platformName, todayLocal } from './statistics.ts';
import nb from '../i18n/nb.json' with { type: 'json' };

test('parseDecimal reads a decimal comma, spaces and dots as people type them', () => {
  assert.equal(parseDecimal('12,5'), 12.5);
  assert.equal(parseDecimal('1 234,5'), 1234.5);
  assert.equal(parseDecimal('1\u00a0234'), 1234);
  assert.equal(parseDecimal('1.234,5'), 1234.5);
  assert.equal(parseDecimal('1,234.5'), 1234.5);
  assert.equal(parseDecimal('1.234.567'), 1234567);
  assert.equal(parseDecimal('0'), 0, 'a measured zero stays 0');
  assert.equal(parseDecimal('-3'), -3);
  assert.equal(parseDecimal('  '), null, 'empty is not measured, not 0');
  assert.equal(parseDecimal(''), null);
  for (const bad of ['abc', '12,5,3x', '1-2', '12 %', '1e5', ',']) assert.ok(Number.isNaN(parseDecimal(bad)), bad);
});

test('days and months are formatted as calendar days, whatever the time zone', () => {
  // nb-NO: the i18n module is not initialised here, so the locale is bokmål.
  assert.match(formatDay('2026-01-01'), /^1\. jan\.? 2026$/);
  assert.match(formatDay('2026-12-31'), /^31\. des\.? 2026$/);
  assert.equal(formatMonth('2026-10'), 'oktober 2026');
  assert.equal(formatMonth('2026-10-31'), 'oktober 2026');
  assert.equal(formatDayRange('2026-03-01', '2026-03-01'), formatDay('2026-03-01'));
  assert.equal(formatDayRange('2026-03-01', '2026-03-05'), `${formatDay('2026-03-01')} – ${formatDay('2026-03-05')}`);
  assert.equal(formatDayRange(null, null), '');
  assert.equal(formatDay('not a day'), 'not a day');
  assert.equal(todayLocal(new Date(2026, 0, 5, 23, 30)), '2026-01-05');
});

test('metric keys and export kinds are shown by name', () => {
  assert.equal(metricName('profile_views'), 'Profilbesøk');
  assert.equal(metricName('no_such_metric'), 'no_such_metric');
  assert.equal(platformName('tiktok'), 'TikTok');
  assert.equal(platformName(null), '');
  const t = ((key: string) => {
    const [group, name] = key.split('.') as [keyof typeof nb, string];
    return (nb[group] as Record<string, string>)[name] ?? key;
  }) as unknown as TFunction;
  assert.equal(exportKindLabel(t, 'tiktok_overview'), 'Oversikt, daglige verdier (TikTok Studio)');
  assert.equal(exportKindLabel(t, 'something_new'), 'something_new');
  assert.equal(exportKindLabel(t, null), '');
});
