import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentationKeyAccount, dueReminders, type ReminderAccount, type ReminderDueItem, type ReminderInput } from './due-reminders.ts';

const a1: ReminderAccount = { id: 'acc-1', slug: 'a1-instagram', name: 'A1 på Instagram', platform: 'instagram', unitId: 'unit-a1', unitName: 'Department A1' };
const b: ReminderAccount = { id: 'acc-2', slug: 'b-snap', name: 'B on Snapchat', platform: 'snapchat', unitId: 'unit-b', unitName: 'Faculty B' };

const people = {
  evaluators: (u: string) => (u === 'unit-a1' ? [{ id: 'eva' }, { id: 'eve' }] : []),
  reporters: (u: string) => (u === 'unit-a1' ? [{ id: 'rita' }] : []),
  managers: (u: string) => (u === 'unit-b' ? [{ id: 'mona' }] : [{ id: 'max' }]),
};

const input = (today: string, over: Partial<ReminderInput> = {}): ReminderInput => ({
  today,
  evaluations: [],
  annualReports: [],
  due: [],
  previousDocumentation: new Map(),
  people,
  ...over,
});

const keys = (i: ReminderInput) => dueReminders(i).map((d) => `${d.personId} ${d.key}`);

test('monthly evaluation: ready when the month has ended, soon 3 days before the 15th, overdue once after it', () => {
  const evaluations = [{ id: 'ev-1', month: '2026-03', status: 'draft' as const, account: a1 }];
  assert.deepEqual(keys(input('2026-03-31', { evaluations })), [], 'the month has not ended');
  assert.deepEqual(keys(input('2026-04-01', { evaluations })), ['eva evaluation_due:ev-1:ready', 'eve evaluation_due:ev-1:ready']);
  assert.deepEqual(keys(input('2026-04-11', { evaluations })), ['eva evaluation_due:ev-1:ready', 'eve evaluation_due:ev-1:ready']);
  assert.deepEqual(keys(input('2026-04-12', { evaluations })), ['eva evaluation_due:ev-1:soon', 'eve evaluation_due:ev-1:soon']);
  assert.deepEqual(keys(input('2026-04-15', { evaluations })), ['eva evaluation_due:ev-1:soon', 'eve evaluation_due:ev-1:soon'], 'the due day itself');
  assert.deepEqual(keys(input('2026-04-16', { evaluations })), ['eva evaluation_overdue:ev-1', 'eve evaluation_overdue:ev-1']);
  // The same key every day after: stored once per person, so one overdue reminder, not a daily one.
  assert.deepEqual(keys(input('2026-05-10', { evaluations })), ['eva evaluation_overdue:ev-1', 'eve evaluation_overdue:ev-1']);
  assert.deepEqual(keys(input('2026-05-17', { evaluations })), [], 'more than 31 days overdue: no longer reminded');
  const [draft] = dueReminders(input('2026-04-16', { evaluations }));
  assert.deepEqual(draft, {
    personId: 'eva',
    kind: 'evaluation_overdue',
    key: 'evaluation_overdue:ev-1',
    params: { accountId: 'acc-1', account: 'A1 på Instagram', accountSlug: 'a1-instagram', platform: 'instagram', unitId: 'unit-a1', unit: 'Department A1', evaluationId: 'ev-1', month: '2026-03', dueOn: '2026-04-15', stage: 'overdue' },
    link: '/evaluations/ev-1',
    dueOn: '2026-04-15',
  });
});

test('signed evaluations are not reminded; a unit without evaluators reminds its managers', () => {
  assert.deepEqual(keys(input('2026-04-16', { evaluations: [{ id: 'ev-1', month: '2026-03', status: 'signed', account: a1 }] })), []);
  assert.deepEqual(keys(input('2026-04-02', { evaluations: [{ id: 'ev-2', month: '2026-03', status: 'draft', account: b }] })), ['mona evaluation_due:ev-2:ready']);
});

test('annual report: due from 1 January, soon 7 days before 31 January, overdue once after it; signed is quiet', () => {
  const annualReports = [{ account: a1, year: '2026', status: null }];
  assert.deepEqual(keys(input('2026-12-31', { annualReports })), [], 'the year has not ended');
  assert.deepEqual(keys(input('2027-01-01', { annualReports })), ['eva annual_report_due:acc-1:2026:ready', 'eve annual_report_due:acc-1:2026:ready']);
  assert.deepEqual(keys(input('2027-01-24', { annualReports })), ['eva annual_report_due:acc-1:2026:soon', 'eve annual_report_due:acc-1:2026:soon']);
  assert.deepEqual(keys(input('2027-01-31', { annualReports })), ['eva annual_report_due:acc-1:2026:soon', 'eve annual_report_due:acc-1:2026:soon']);
  assert.deepEqual(keys(input('2027-02-01', { annualReports })), ['eva annual_report_overdue:acc-1:2026', 'eve annual_report_overdue:acc-1:2026']);
  assert.deepEqual(keys(input('2027-03-05', { annualReports })), []);
  assert.deepEqual(keys(input('2027-02-01', { annualReports: [{ account: a1, year: '2026', status: 'signed' }] })), []);
  const [d] = dueReminders(input('2027-01-02', { annualReports: [{ account: a1, year: '2026', status: 'draft' }] }));
  assert.equal(d!.link, '/annual-reports/a1-instagram/2026');
  assert.equal(d!.dueOn, '2027-01-31');
});

const dueItem = (over: Partial<ReminderDueItem> = {}): ReminderDueItem => ({
  account: a1,
  status: 'due',
  cadence: 'daily',
  toCoverDays: 20,
  lostDays: 0,
  deadline: '2026-04-10',
  daysLeft: 9,
  leavesWindowOn: '2026-04-10',
  ...over,
});

test('documentation: reminded to the reporters when due, again when it turns overdue, not every day', () => {
  assert.deepEqual(keys(input('2026-04-01', { due: [dueItem()] })), ['rita documentation_due:acc-1:2026-04-10']);
  assert.deepEqual(keys(input('2026-04-01', { due: [dueItem({ status: 'ok', daysLeft: 20 })] })), []);
  // The next day the oldest undocumented day has moved on; the account was reminded yesterday.
  const previousDocumentation = new Map([['acc-1', { kind: 'documentation_due' as const, on: '2026-04-01' }]]);
  assert.deepEqual(keys(input('2026-04-02', { due: [dueItem({ leavesWindowOn: '2026-04-11', deadline: '2026-04-11' })], previousDocumentation })), []);
  // Days were lost: the status changed, so one more reminder.
  const lost = dueItem({ status: 'overdue', lostDays: 3, leavesWindowOn: '2026-04-14', deadline: '2026-04-14', daysLeft: 1 });
  assert.deepEqual(keys(input('2026-04-13', { due: [lost], previousDocumentation })), ['rita documentation_overdue:acc-1:2026-04-14']);
  const overdueBefore = new Map([['acc-1', { kind: 'documentation_overdue' as const, on: '2026-04-13' }]]);
  assert.deepEqual(keys(input('2026-04-20', { due: [lost], previousDocumentation: overdueBefore })), [], 'still overdue a week later: quiet');
  assert.deepEqual(keys(input('2026-04-27', { due: [lost], previousDocumentation: overdueBefore })), ['rita documentation_overdue:acc-1:2026-04-14'], 'a fortnight later, still undocumented');
  // Overdue only because of days lost long ago, with nothing left to document soon: no reminder.
  assert.deepEqual(keys(input('2026-04-13', { due: [dueItem({ status: 'overdue', lostDays: 30, toCoverDays: 0, deadline: null, daysLeft: null, leavesWindowOn: null })] })), []);
});

test('documentation of a monthly platform: the entry day as deadline, past it overdue; managers when no reporter', () => {
  const snap = dueItem({ account: b, cadence: 'monthly', deadline: '2026-04-10', daysLeft: -2, leavesWindowOn: null, status: 'overdue', toCoverDays: 31 });
  const [d] = dueReminders(input('2026-04-12', { due: [snap] }));
  assert.equal(d!.personId, 'mona');
  assert.equal(d!.key, 'documentation_overdue:acc-2:2026-04-10');
  assert.equal(d!.link, '/accounts/b-snap/monthly-entry');
  assert.equal(documentationKeyAccount(d!.key), 'acc-2');
  assert.equal(documentationKeyAccount('evaluation_due:x:ready'), null);
});
