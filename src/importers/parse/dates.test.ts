import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, guessDayOrder, parseDate, parseDateTime, parseMonthDay, resolveYearless } from './dates.ts';
import { ImportError } from '../errors.ts';

const ctx = { file: 'f.csv', row: 3, column: 'Date' };
const d = (s: string, o = {}) => parseDate(s, ctx, o);

test('US dates with time and AM/PM', () => {
  assert.equal(d('03/18/2025'), '2025-03-18');
  assert.deepEqual(parseDateTime('04/14/2025 13:05', ctx), { date: '2025-04-14', time: '13:05:00' });
  assert.deepEqual(parseDateTime('04/03/2017 11:00:01 PM', ctx), { date: '2017-04-03', time: '23:00:01' });
  assert.deepEqual(parseDateTime('4/3/2017 12:30:00 AM', ctx), { date: '2017-04-03', time: '00:30:00' });
});

test('day-first dates with dots and dashes, or an explicit order', () => {
  assert.equal(d('28.02.2025'), '2025-02-28');
  assert.equal(d('28-02-2025'), '2025-02-28');
  assert.equal(d('02-28-2025', { order: 'mdy' }), '2025-02-28');
  assert.equal(d('05/12/2025', { order: 'dmy' }), '2025-12-05');
  assert.equal(guessDayOrder(['01-02-2025', '28-02-2025']), 'dmy');
  assert.equal(guessDayOrder(['02/28/2025']), 'mdy');
  assert.equal(guessDayOrder(['01/02/2025']), null);
});

test('ISO with time and offset: the date as written, no time-zone shift', () => {
  assert.equal(d('2025-01-01T01:00:00'), '2025-01-01');
  assert.equal(d('2025-04-14T00:00:00'), '2025-04-14');
  assert.equal(d('2025-03-30T23:30:00-07:00'), '2025-03-30');
  assert.deepEqual(parseDateTime('2017-04-04 00:00 +0000', ctx), { date: '2017-04-04', time: '00:00:00' });
  assert.equal(d('2025-02-18'), '2025-02-18');
});

test('month names: English, bokmål, with weekday', () => {
  assert.equal(d('Sat, Aug 15, 2026'), '2026-08-15');
  assert.equal(d('Tue, Feb 18, 2025'), '2025-02-18');
  assert.equal(d('Aug 28, 2025'), '2025-08-28');
  assert.equal(d('August 28, 2025'), '2025-08-28');
  assert.equal(d('28. februar 2025'), '2025-02-28');
  assert.equal(d('lør. 15. aug. 2026'), '2026-08-15');
  assert.equal(d('3 Dec 2024'), '2024-12-03');
  assert.deepEqual(parseMonthDay('February 28', ctx), { month: 2, day: 28 });
  assert.deepEqual(parseMonthDay('28. februar', ctx), { month: 2, day: 28 });
  assert.deepEqual(parseMonthDay('1 desember', ctx), { month: 12, day: 1 });
});

test('refusals: no year, invalid dates, text', () => {
  const refused = (s: string, re: RegExp) =>
    assert.throws(() => d(s), (e: unknown) => e instanceof ImportError && e.location.row === 3 && re.test(e.message), s);
  refused('February 28', /no year/);
  refused('02/30/2025', /not a valid date/);
  refused('2025-13-01', /not a valid date/);
  refused('Lifetime', /not a date/);
  refused('', /missing/);
  refused('04/03/2017 13:00:00 PM', /invalid time/);
  assert.throws(() => parseMonthDay('February 30', ctx), ImportError);
  assert.throws(() => parseMonthDay('Feb 28, 2025', ctx), /year where none/);
});

test('yearless days resolve backwards from the last day, across New Year', () => {
  const days = ['December 30', 'December 31', 'January 1', 'January 2'].map((s) => parseMonthDay(s, ctx));
  assert.deepEqual(resolveYearless(days, '2026-01-02'), ['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02']);
  assert.deepEqual(resolveYearless([...days].reverse(), '2026-01-02', { order: 'descending' }), [
    '2026-01-02',
    '2026-01-01',
    '2025-12-31',
    '2025-12-30',
  ]);
  // A 365-day file ending on 28 February 2025 starts on 29 February 2024.
  const year: { month: number; day: number }[] = [];
  for (let i = 364; i >= 0; i--) {
    const [, m, dd] = addDays('2025-02-28', -i).split('-').map(Number) as [number, number, number];
    year.push({ month: m, day: dd });
  }
  const resolved = resolveYearless(year, '2025-02-28');
  assert.equal(resolved[0], '2024-03-01');
  assert.equal(resolved.at(-1), '2025-02-28');
  assert.equal(resolved.indexOf('2025-01-01'), resolved.indexOf('2024-12-31') + 1);
  // The newest row after the export day belongs to the year before.
  assert.deepEqual(resolveYearless([{ month: 12, day: 31 }], '2026-01-05'), ['2025-12-31']);
  // 29 February in a year without it is refused with the row.
  assert.throws(
    () => resolveYearless([{ month: 2, day: 29 }], '2025-03-01', { file: 'Overview.csv', rows: [9] }),
    (e: unknown) => e instanceof ImportError && e.location.row === 9,
  );
});

test('addDays', () => {
  assert.equal(addDays('2024-12-31', 1), '2025-01-01');
  assert.equal(addDays('2024-03-01', -1), '2024-02-29');
});
