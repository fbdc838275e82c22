import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assessDue, compareDue, DUE_WITHIN_DAYS, type DueInput } from './due.ts';

const tiktok = (over: Partial<DueInput>): DueInput => ({ cadence: 'daily', windowDays: 365, createdDay: '2025-01-01', documented: [], today: '2026-03-15', ...over });
const x = (over: Partial<DueInput>): DueInput => ({ cadence: 'daily', windowDays: 91, createdDay: '2025-06-01', documented: [], today: '2026-01-10', ...over });

test('a day exactly on the window start is still to cover, and leaves the window tomorrow', () => {
  // 2025-03-15 … 2026-03-15 is 365 days: the window starts on 2025-03-15.
  const r = assessDue(tiktok({ documented: [['2025-01-01', '2025-03-14'], ['2025-03-16', '2026-03-14']] }));
  assert.equal(r.windowStart, '2025-03-15');
  assert.deepEqual(r.toCover, [['2025-03-15', '2025-03-15']]);
  assert.equal(r.deadline, '2026-03-16');
  assert.equal(r.daysLeft, 1);
  assert.equal(r.lostDays, 0);
  assert.equal(r.status, 'due');
});

test('one day later the same day is lost: overdue, one day lost, yesterday to cover', () => {
  const r = assessDue(tiktok({ today: '2026-03-16', documented: [['2025-01-01', '2025-03-14'], ['2025-03-16', '2026-03-14']] }));
  assert.equal(r.windowStart, '2025-03-16');
  assert.equal(r.lostDays, 1);
  assert.equal(r.status, 'overdue');
  assert.deepEqual(r.toCover, [['2026-03-15', '2026-03-15']]);
  assert.equal(r.deadline, '2027-03-16');
  assert.equal(r.daysLeft, 365);
});

test(`'due' when the oldest day leaves within ${DUE_WITHIN_DAYS} days, 'ok' one day later; the gap crosses New Year`, () => {
  // The window starts on 2026-01-10 − 91 = 2025-10-11. A day d leaves on d + 92.
  const due = assessDue(x({ documented: [['2025-06-01', '2025-10-23']] }));
  assert.equal(due.windowStart, '2025-10-11');
  assert.deepEqual(due.toCover, [['2025-10-24', '2026-01-09']]);
  assert.equal(due.toCoverDays, 8 + 30 + 31 + 9);
  assert.equal(due.deadline, '2026-01-24');
  assert.equal(due.daysLeft, 14);
  assert.deepEqual([due.leavesWindowOn, due.daysUntilLost], ['2026-01-24', 14]);
  assert.equal(due.status, 'due');

  const ok = assessDue(x({ documented: [['2025-06-01', '2025-10-24']] }));
  assert.deepEqual(ok.toCover, [['2025-10-25', '2026-01-09']]);
  assert.equal(ok.toCoverDays, 77);
  assert.equal(ok.daysLeft, 15);
  assert.equal(ok.status, 'ok');
});

test('a leap year makes the window start a day later in the calendar', () => {
  // 2023-03-02 … 2024-03-01 is 365 days because of 29 February 2024.
  const r = assessDue({
    cadence: 'daily',
    windowDays: 365,
    createdDay: '2023-01-01',
    documented: [['2023-01-01', '2023-03-01'], ['2023-03-03', '2024-02-27']],
    today: '2024-03-01',
  });
  assert.equal(r.windowStart, '2023-03-02');
  assert.deepEqual(r.toCover, [['2023-03-02', '2023-03-02'], ['2024-02-28', '2024-02-29']]);
  assert.equal(r.toCoverDays, 3);
  assert.equal(r.deadline, '2024-03-02');
  assert.equal(r.lostDays, 0);
  assert.equal(r.status, 'due');
});

test('an empty new account has its days since creation to cover and nothing lost', () => {
  const r = assessDue(tiktok({ createdDay: '2026-03-01' }));
  assert.deepEqual(r.toCover, [['2026-03-01', '2026-03-14']]);
  assert.equal(r.toCoverDays, 14);
  assert.equal(r.deadline, '2027-03-02');
  assert.equal(r.daysLeft, 352);
  assert.equal(r.firstDocumented, null);
  assert.equal(r.status, 'ok');
  const today = assessDue(tiktok({ createdDay: '2026-03-15' }));
  assert.deepEqual([today.toCover, today.deadline, today.status], [[], null, 'ok']);
});

test('an empty old account has lost every day since creation that left the window', () => {
  const r = assessDue(x({}));
  // 2025-06-01 … 2025-10-10: June 30 + July 31 + August 31 + September 30 + October 10.
  assert.equal(r.lostDays, 132);
  assert.deepEqual(r.toCover, [['2025-10-11', '2026-01-09']]);
  assert.equal(r.toCoverDays, 91);
  assert.equal(r.deadline, '2026-01-11');
  assert.equal(r.status, 'overdue');
});

test('lost days count from the later of creation and the first documented day', () => {
  const r = assessDue(x({ createdDay: '2025-01-01', documented: [['2025-06-01', '2025-08-31'], ['2025-10-01', '2026-01-09']] }));
  // Only September is lost; January–May 2025, before documentation began, is not counted.
  assert.equal(r.lostDays, 30);
  assert.deepEqual(r.toCover, []);
  assert.equal(r.deadline, null);
  assert.equal(r.firstDocumented, '2025-06-01');
  assert.equal(r.status, 'overdue');
});

test('gaps in history imported from before the account was registered are to cover, but not lost', () => {
  const r = assessDue(tiktok({ createdDay: '2026-03-01', documented: [['2025-06-01', '2025-12-31'], ['2026-02-01', '2026-03-14']] }));
  assert.deepEqual(r.toCover, [['2026-01-01', '2026-01-31']]);
  assert.equal(r.deadline, '2027-01-02');
  assert.equal(r.daysLeft, 293);
  assert.equal(r.lostDays, 0);
  assert.equal(r.status, 'ok');
});

test('a lifetime window (YouTube) never loses a day', () => {
  const r = assessDue({ cadence: 'daily', windowDays: null, createdDay: '2025-01-01', documented: [['2025-01-01', '2025-05-31']], today: '2026-03-15' });
  assert.deepEqual([r.windowStart, r.toCover, r.deadline, r.lostDays, r.status], [null, [['2025-06-01', '2026-03-14']], null, 0, 'ok']);
});

test('monthly entry: a month is due by the 10th of the next, overdue after it', () => {
  const threads = (today: string, documented: DueInput['documented']) =>
    assessDue({ cadence: 'monthly', windowDays: 90, createdDay: '2025-11-15', documented, today });
  const r = threads('2026-03-05', [['2025-12-31', '2025-12-31']]);
  // November has left the 90-day window, but lies before the first documented day: not counted.
  assert.deepEqual(r.months, [
    { month: '2026-01', dueBy: '2026-02-10', state: 'overdue' },
    { month: '2026-02', dueBy: '2026-03-10', state: 'due' },
  ]);
  assert.deepEqual(r.toCover, [['2026-01-01', '2026-02-28']]);
  assert.equal(r.toCoverDays, 59);
  assert.equal(r.deadline, '2026-02-10');
  assert.equal(r.daysLeft, -23);
  // January's last day leaves the 90-day window on 31 January + 91 = 2 May, 58 days after 5 March.
  assert.deepEqual([r.leavesWindowOn, r.daysUntilLost], ['2026-05-02', 58]);
  assert.equal(r.lostDays, 0);
  assert.equal(r.status, 'overdue');

  const onTheTenth = threads('2026-03-10', [['2025-12-31', '2025-12-31'], ['2026-01-31', '2026-01-31']]);
  assert.deepEqual([onTheTenth.status, onTheTenth.daysLeft, onTheTenth.deadline], ['due', 0, '2026-03-10']);
  const onTheEleventh = threads('2026-03-11', [['2025-12-31', '2025-12-31'], ['2026-01-31', '2026-01-31']]);
  assert.deepEqual([onTheEleventh.status, onTheEleventh.daysLeft], ['overdue', -1]);
  const allDone = threads('2026-03-11', [['2025-11-30', '2025-11-30'], ['2025-12-31', '2025-12-31'], ['2026-01-15', '2026-02-03']]);
  assert.deepEqual([allDone.status, allDone.months, allDone.deadline], ['ok', [], null]);
});

test('monthly entry: the first month counts from the creation day; a month past the window is lost', () => {
  const first = assessDue({ cadence: 'monthly', windowDays: 28, createdDay: '2026-01-20', documented: [], today: '2026-02-05' });
  assert.deepEqual(first.toCover, [['2026-01-20', '2026-01-31']]);
  assert.deepEqual([first.deadline, first.daysLeft, first.status], ['2026-02-10', 5, 'due']);

  // Snapchat, 28 days: January's last day left the window on 31 January + 29 = 1 March.
  const lost = assessDue({ cadence: 'monthly', windowDays: 28, createdDay: '2025-11-15', documented: [['2025-12-31', '2025-12-31'], ['2026-02-28', '2026-02-28']], today: '2026-03-01' });
  assert.deepEqual(lost.months, [{ month: '2026-01', dueBy: '2026-02-10', state: 'lost' }]);
  assert.deepEqual([lost.lostDays, lost.toCover, lost.status], [31, [], 'overdue']);
  const notYet = assessDue({ cadence: 'monthly', windowDays: 28, createdDay: '2025-11-15', documented: [['2025-12-31', '2025-12-31'], ['2026-02-28', '2026-02-28']], today: '2026-02-28' });
  assert.deepEqual(notYet.months, [{ month: '2026-01', dueBy: '2026-02-10', state: 'overdue' }]);
  assert.equal(notYet.lostDays, 0);
});

test('most urgent first: overdue, then due by nearest deadline, then ok', () => {
  const a = assessDue(x({})); // overdue
  const b = assessDue(x({ documented: [['2025-06-01', '2025-10-23']] })); // due in 14
  const c = assessDue(tiktok({ documented: [['2025-01-01', '2025-03-14'], ['2025-03-16', '2026-03-14']] })); // due in 1
  const d = assessDue(tiktok({ createdDay: '2026-03-01' })); // ok
  const sorted = [d, b, a, c].sort(compareDue);
  assert.deepEqual(sorted.map((s) => [s.status, s.daysLeft]), [['overdue', 1], ['due', 1], ['due', 14], ['ok', 352]]);
});
