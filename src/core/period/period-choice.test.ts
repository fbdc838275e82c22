import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  MAX_CUSTOM_DAYS,
  type PeriodChoice,
  formatPeriodParam,
  parsePeriodParam,
  readPeriodParam,
  resolvePeriodChoice,
} from './period-choice.ts';
import { addDays, daysInclusive, formatDay, fromDayNumber, dayNumber } from './days.ts';
import { isAppError } from '../errors.ts';

test('a month: previous month, same month last year, complete', () => {
  const r = resolvePeriodChoice({ kind: 'month', anchor: '2026-03-17' }, '2026-11-22');
  assert.equal(r.param, '2026-03');
  assert.deepEqual(r.period, { start: '2026-03-01', end: '2026-03-31' });
  assert.equal(r.days, 31);
  assert.deepEqual(r.previous, { start: '2026-02-01', end: '2026-02-28' });
  assert.deepEqual(r.sameLastYear, { start: '2025-03-01', end: '2025-03-31' });
  assert.equal(r.state, 'complete');
  assert.equal(r.toDate, null);
});

test('January: the previous month is last December', () => {
  const r = resolvePeriodChoice({ kind: 'month', anchor: '2026-01-01' }, '2026-11-22');
  assert.deepEqual(r.previous, { start: '2025-12-01', end: '2025-12-31' });
  assert.deepEqual(r.sameLastYear, { start: '2025-01-01', end: '2025-01-31' });
});

test('a running month is compared with the same number of finished days', () => {
  // Today 22 November: 1–21 November are finished; compare with 1–21 October and 1–21 November 2025.
  const r = resolvePeriodChoice({ kind: 'month', anchor: '2026-11-05' }, '2026-11-22');
  assert.equal(r.state, 'running');
  assert.deepEqual(r.period, { start: '2026-11-01', end: '2026-11-30' });
  assert.deepEqual(r.toDate, {
    period: { start: '2026-11-01', end: '2026-11-21' },
    days: 21,
    previous: { start: '2026-10-01', end: '2026-10-21' },
    sameLastYear: { start: '2025-11-01', end: '2025-11-21' },
  });
});

test('to date is clipped to a shorter previous period', () => {
  // 31 March 2026: 1–30 March finished; February 2026 has 28 days, so all of it.
  const r = resolvePeriodChoice({ kind: 'month', anchor: '2026-03-01' }, '2026-03-31');
  assert.deepEqual(r.toDate?.period, { start: '2026-03-01', end: '2026-03-30' });
  assert.equal(r.toDate?.days, 30);
  assert.deepEqual(r.toDate?.previous, { start: '2026-02-01', end: '2026-02-28' });
  assert.deepEqual(r.toDate?.sameLastYear, { start: '2025-03-01', end: '2025-03-30' });
});

test('the first day of a period: running, but no finished day yet', () => {
  const r = resolvePeriodChoice({ kind: 'month', anchor: '2026-11-01' }, '2026-11-01');
  assert.equal(r.state, 'running');
  assert.equal(r.toDate, null);
});

test('the last day of a period is still running; the day after it is complete', () => {
  assert.equal(resolvePeriodChoice({ kind: 'month', anchor: '2026-10-10' }, '2026-10-31').state, 'running');
  assert.equal(resolvePeriodChoice({ kind: 'month', anchor: '2026-10-10' }, '2026-11-01').state, 'complete');
  assert.equal(resolvePeriodChoice({ kind: 'month', anchor: '2026-12-10' }, '2026-11-30').state, 'upcoming');
  assert.equal(resolvePeriodChoice({ kind: 'month', anchor: '2026-12-10' }, '2026-11-30').toDate, null);
});

test('a quarter: previous quarter across a year, same quarter last year', () => {
  const r = resolvePeriodChoice({ kind: 'quarter', anchor: '2026-02-14' }, '2026-02-14');
  assert.equal(r.param, '2026-Q1');
  assert.deepEqual(r.period, { start: '2026-01-01', end: '2026-03-31' });
  assert.equal(r.days, 90);
  assert.deepEqual(r.previous, { start: '2025-10-01', end: '2025-12-31' });
  assert.deepEqual(r.sameLastYear, { start: '2025-01-01', end: '2025-03-31' });
  // 1 Jan – 13 Feb finished = 44 days; Q4 2025 from 1 Oct: 1 Oct – 13 Nov.
  assert.deepEqual(r.toDate, {
    period: { start: '2026-01-01', end: '2026-02-13' },
    days: 44,
    previous: { start: '2025-10-01', end: '2025-11-13' },
    sameLastYear: { start: '2025-01-01', end: '2025-02-13' },
  });
  assert.equal(formatPeriodParam({ kind: 'quarter', anchor: '2026-09-30' }), '2026-Q3');
  assert.equal(formatPeriodParam({ kind: 'quarter', anchor: '2026-10-01' }), '2026-Q4');
});

test('a year: previous year is also the same period last year; a leap year has 366 days', () => {
  const r = resolvePeriodChoice({ kind: 'year', anchor: '2024-06-30' }, '2026-11-22');
  assert.equal(r.param, '2024');
  assert.equal(r.days, 366);
  assert.deepEqual(r.previous, { start: '2023-01-01', end: '2023-12-31' });
  assert.deepEqual(r.sameLastYear, r.previous);
  const running = resolvePeriodChoice({ kind: 'year', anchor: '2024-06-30' }, '2024-03-01');
  // 1 Jan – 29 Feb 2024 = 60 days; in 2023 the 60th day is 1 March.
  assert.deepEqual(running.toDate?.previous, { start: '2023-01-01', end: '2023-03-01' });
  assert.equal(running.toDate?.days, 60);
});

test('custom: the previous period is the same number of days just before', () => {
  const r = resolvePeriodChoice({ kind: 'custom', start: '2026-03-01', end: '2026-04-15' }, '2026-11-22');
  assert.equal(r.param, '2026-03-01..2026-04-15');
  assert.equal(r.days, 46);
  // 46 days before 1 March 2026: 14 January – 28 February.
  assert.deepEqual(r.previous, { start: '2026-01-14', end: '2026-02-28' });
  assert.deepEqual(r.sameLastYear, { start: '2025-03-01', end: '2025-04-15' });
  const one = resolvePeriodChoice({ kind: 'custom', start: '2026-11-22', end: '2026-11-22' }, '2026-11-22');
  assert.deepEqual(one.previous, { start: '2026-11-21', end: '2026-11-21' });
  assert.equal(one.state, 'running');
  assert.equal(one.toDate, null);
});

test('custom: 29 February last year becomes 28 February', () => {
  const r = resolvePeriodChoice({ kind: 'custom', start: '2024-02-29', end: '2024-03-10' }, '2026-11-22');
  assert.deepEqual(r.sameLastYear, { start: '2023-02-28', end: '2023-03-10' });
  const feb = resolvePeriodChoice({ kind: 'custom', start: '2024-02-01', end: '2024-02-29' }, '2026-11-22');
  assert.deepEqual(feb.sameLastYear, { start: '2023-02-01', end: '2023-02-28' });
  const leapMonth = resolvePeriodChoice({ kind: 'month', anchor: '2024-02-29' }, '2026-11-22');
  assert.deepEqual(leapMonth.sameLastYear, { start: '2023-02-01', end: '2023-02-28' });
  const fromLeap = resolvePeriodChoice({ kind: 'month', anchor: '2025-02-10' }, '2026-11-22');
  assert.deepEqual(fromLeap.sameLastYear, { start: '2024-02-01', end: '2024-02-29' });
});

test('URL forms read back to the same choice', () => {
  assert.deepEqual(parsePeriodParam('2026-10'), { kind: 'month', anchor: '2026-10-01' });
  assert.deepEqual(parsePeriodParam('2026-Q3'), { kind: 'quarter', anchor: '2026-07-01' });
  assert.deepEqual(parsePeriodParam('2026'), { kind: 'year', anchor: '2026-01-01' });
  assert.deepEqual(parsePeriodParam('2026-03-01..2026-04-15'), { kind: 'custom', start: '2026-03-01', end: '2026-04-15' });
  assert.deepEqual(parsePeriodParam('2026-03-01..2026-03-01'), { kind: 'custom', start: '2026-03-01', end: '2026-03-01' });
});

test('anything else is refused with a message saying why', () => {
  const refused: [string, RegExp][] = [
    ['', /expected a month/],
    [' 2026-10', /expected a month/],
    ['2026-10 ', /expected a month/],
    ['2026-1', /expected a month/],
    ['2026-13', /month must be 01 to 12/],
    ['2026-00', /month must be 01 to 12/],
    ['2026-q3', /expected a month/],
    ['2026-Q5', /quarter must be Q1 to Q4/],
    ['2026-Q0', /quarter must be Q1 to Q4/],
    ['26', /expected a month/],
    ['0000', /year must be 0002 or later/],
    ['2026-10-01', /expected a month/],
    ['2026-02-30..2026-03-01', /"2026-02-30" is not a calendar day/],
    ['2026-03-01..2026-02-28', /last day is before the first/],
    ['2026-03-01...2026-04-01', /expected a month/],
    ['2026-03-01–2026-04-01', /expected a month/],
    ['2000-01-01..2026-01-01', new RegExp(`at most ${MAX_CUSTOM_DAYS} days`)],
    ['last-month', /expected a month/],
  ];
  for (const [text, why] of refused) {
    const r = readPeriodParam(text);
    assert.equal(r.ok, false, text);
    if (!r.ok) {
      assert.match(r.message, why, text);
      assert.ok(r.message.includes(`"${text}"`), `the message names the value: ${r.message}`);
    }
    assert.throws(
      () => parsePeriodParam(text),
      (e) => isAppError(e) && e.code === 'validation_failed' && e.issues[0]?.path === 'period',
    );
  }
});

test('a long value is cut short in the message', () => {
  const r = readPeriodParam('x'.repeat(5000));
  assert.equal(r.ok, false);
  if (!r.ok) assert.ok(r.message.length < 200, r.message);
});

test('invalid choices are refused', () => {
  assert.throws(() => resolvePeriodChoice({ kind: 'month', anchor: '2026-02-30' }, '2026-11-22'), isAppError);
  assert.throws(() => resolvePeriodChoice({ kind: 'custom', start: '2026-02-02', end: '2026-02-01' }, '2026-11-22'), isAppError);
  assert.throws(() => resolvePeriodChoice({ kind: 'month', anchor: '2026-02-01' }, 'today'), isAppError);
});

const dayArb = fc.integer({ min: dayNumber('1990-01-01'), max: dayNumber('2060-12-31') }).map(fromDayNumber);
const choiceArb: fc.Arbitrary<PeriodChoice> = fc.oneof(
  fc.record({ kind: fc.constantFrom('month' as const, 'quarter' as const, 'year' as const), anchor: dayArb }),
  fc
    .tuple(dayArb, fc.integer({ min: 0, max: 800 }))
    .map(([start, extra]): PeriodChoice => ({ kind: 'custom', start, end: addDays(start, extra) })),
);

test('property: the URL form round-trips and the comparisons sit before the period', () => {
  fc.assert(
    fc.property(choiceArb, dayArb, (choice, today) => {
      const r = resolvePeriodChoice(choice, today);
      const back = resolvePeriodChoice(parsePeriodParam(r.param), today);
      assert.deepEqual(back.period, r.period);
      assert.equal(back.param, r.param);
      // The previous period ends the day before this one starts.
      assert.equal(addDays(r.previous.end, 1), r.period.start);
      if (choice.kind === 'custom') assert.equal(daysInclusive(r.previous.start, r.previous.end), r.days);
      // Same period last year: a year earlier, at most one day shorter (29 Feb).
      assert.equal(Number(r.sameLastYear.start.slice(0, 4)), Number(r.period.start.slice(0, 4)) - 1);
      const lastYearDays = daysInclusive(r.sameLastYear.start, r.sameLastYear.end);
      assert.ok(Math.abs(lastYearDays - r.days) <= 1, `${lastYearDays} vs ${r.days}`);
      if (r.toDate) {
        assert.equal(r.state, 'running');
        assert.equal(r.toDate.period.end, addDays(today, -1));
        assert.equal(daysInclusive(r.toDate.period.start, r.toDate.period.end), r.toDate.days);
        assert.ok(daysInclusive(r.toDate.previous.start, r.toDate.previous.end) <= r.toDate.days);
        assert.equal(r.toDate.previous.start, r.previous.start);
      }
    }),
    { numRuns: 500 },
  );
});

test('property: a month is complete exactly when today is after its last day', () => {
  fc.assert(
    fc.property(fc.integer({ min: 2000, max: 2050 }), fc.integer({ min: 1, max: 12 }), dayArb, (year, month, today) => {
      const r = resolvePeriodChoice({ kind: 'month', anchor: formatDay(year, month, 1) }, today);
      assert.equal(r.state === 'complete', today > r.period.end);
      assert.equal(r.state === 'upcoming', today < r.period.start);
    }),
  );
});
