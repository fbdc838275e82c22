import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Notification } from '../../../../src/contract/notifications.ts';
import { formatDueDay, formatMonthName, notificationDueOn, notificationText, type NotificationLanguage, type Translate } from './notification-text.ts';

type Tree = { [key: string]: string | Tree };
const load = (lng: NotificationLanguage) => JSON.parse(readFileSync(new URL(`../../i18n/${lng}.json`, import.meta.url), 'utf8')) as Tree;

/** The app's texts with i18next's rules as far as the wording uses them: nested keys, {{values}}, _one/_other. */
function translator(lng: NotificationLanguage): Translate {
  const tree = load(lng);
  const lookup = (key: string): string => {
    let node: string | Tree | undefined = tree;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    assert.equal(typeof node, 'string', `${lng}: ${key} is a text`);
    return node as string;
  };
  return (key, values = {}) => {
    const count = values.count;
    const text = typeof count === 'number' ? lookup(`${key}_${count === 1 ? 'one' : 'other'}`) : lookup(key);
    return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
      assert.ok(name in values, `${lng}: ${key} gets {{${name}}}`);
      return String(values[name]);
    });
  };
}

const nb = translator('nb');
const en = translator('en');

const n = (kind: Notification['kind'], params: Notification['params'], dueOn: string | null = null) => ({ kind, params, dueOn });

test('a monthly evaluation reminder names the account, the month and the due day', () => {
  const due = n('evaluation_due', { account: 'Instagram @x', accountSlug: 'x', unit: 'Fakultet for test', month: '2026-10' }, '2026-11-15');
  assert.equal(notificationText(due, 'nb', nb), 'Månedsevaluering for Instagram @x for oktober 2026 skal signeres innen 15. november');
  assert.equal(notificationText(due, 'en', en), 'The monthly evaluation of Instagram @x for October 2026 is to be signed by 15 November');
  const overdue = n('evaluation_overdue', { account: 'Testfak på Instagram', month: '2026-10' }, '2026-11-15');
  assert.equal(
    notificationText(overdue, 'nb', nb),
    'Månedsevalueringen for Testfak på Instagram for oktober 2026 er forfalt: den skulle vært signert innen 15. november',
  );
});

test('a December evaluation and an annual report are due the next year: no year in the due day; a far one shows it', () => {
  assert.equal(
    notificationText(n('evaluation_due', { account: 'A', month: '2026-12' }, '2027-01-15'), 'nb', nb),
    'Månedsevaluering for A for desember 2026 skal signeres innen 15. januar',
  );
  assert.equal(
    notificationText(n('annual_report_due', { account: 'A', year: 2026 }, '2027-01-31'), 'en', en),
    'The annual report of A for 2026 is to be signed by 31 January',
  );
  assert.equal(
    notificationText(n('annual_report_overdue', { account: 'A', year: '2024' }, '2026-01-31'), 'nb', nb),
    'Årsrapporten for A for 2024 er forfalt: den skulle vært signert innen 31. januar 2026',
  );
});

test('documentation reminders (the params core/reminders/due-reminders.ts sends) say how many days are missing and lost', () => {
  const params = { accountId: 'a1', account: 'Testfak på TikTok', accountSlug: 'testfak-tiktok', platform: 'tiktok', unitId: 'u1', unit: 'Fakultet for test' };
  const daily = { ...params, cadence: 'daily', toCoverDays: 3, lostDays: 0, deadline: '2026-11-25', leavesWindowOn: '2026-11-25' };
  assert.equal(
    notificationText(n('documentation_due', daily, '2026-11-25'), 'nb', nb),
    'Statistikken for Testfak på TikTok må dokumenteres innen 25. november, før dager forsvinner fra plattformens historikk. 3 dager er ikke dokumentert.',
  );
  assert.equal(
    notificationText(n('documentation_due', { ...daily, toCoverDays: 1 }, '2026-11-25'), 'en', en),
    "The statistics of Testfak på TikTok must be documented by 25 November, before days leave the platform's history. 1 day is not documented.",
  );
  assert.equal(
    notificationText(n('documentation_overdue', { ...daily, toCoverDays: 0, lostDays: '12', deadline: null }, null), 'nb', nb),
    'Statistikken for Testfak på TikTok er forfalt: udokumenterte dager forsvinner fra plattformens historikk. 12 dager kan ikke lenger lastes ned.',
  );
  // Without its own due day the notification's deadline parameter gives it.
  assert.match(notificationText(n('documentation_overdue', daily, null), 'nb', nb), /er forfalt: fristen var 25\. november, og udokumenterte/);
  // A monthly platform's figures are entered by hand by a day.
  const monthly = { ...params, account: 'Snap', platform: 'snapchat', cadence: 'monthly', toCoverDays: 31, lostDays: 0, deadline: '2026-11-10', leavesWindowOn: '2027-01-30' };
  assert.equal(
    notificationText(n('documentation_due', monthly, '2026-11-10'), 'en', en),
    'The monthly figures of Snap must be entered by 10 November. 31 days are not documented.',
  );
  assert.equal(
    notificationText(n('documentation_overdue', monthly, '2026-11-10'), 'nb', nb),
    'Månedstallene for Snap er forfalt: de skulle vært lagt inn innen 10. november. 31 dager er ikke dokumentert.',
  );
});

test('a delivered report names its scope and month', () => {
  assert.equal(
    notificationText(n('report_delivered', { scope: 'Fakultet for test', month: '2026-10' }), 'nb', nb),
    'Månedsrapporten for Fakultet for test for oktober 2026 er sendt til deg på e-post',
  );
});

test('missing parameters leave their part out instead of showing undefined', () => {
  const texts = [
    notificationText(n('evaluation_due', {}), 'nb', nb),
    notificationText(n('evaluation_due', { account: null, month: null, unit: 'Fakultet for test' }), 'nb', nb),
    notificationText(n('report_delivered', { unit: 'Fakultet for test', month: '2026-10' }), 'en', en),
    notificationText(n('evaluation_due', { handle: '@x', platform: 'instagram', month: 'soon' }), 'en', en),
  ];
  assert.deepEqual(texts, [
    'Månedsevaluering for en konto skal signeres',
    'Månedsevaluering for Fakultet for test skal signeres',
    'The monthly report of Fakultet for test for October 2026 was sent to you by e-mail',
    'The monthly evaluation of Instagram @x for soon is to be signed',
  ]);
  for (const t of texts) assert.doesNotMatch(t, /undefined|null|\{\{/);
});

test('the due day comes from the notification, else from a parameter that is a day', () => {
  assert.equal(notificationDueOn({ dueOn: '2026-11-15', params: { dueOn: '2026-12-01' } }), '2026-11-15');
  assert.equal(notificationDueOn({ dueOn: null, params: { dueOn: '2026-12-01' } }), '2026-12-01');
  assert.equal(notificationDueOn({ dueOn: null, params: { deadline: 'tomorrow' } }), null);
});

test('days and months in both languages', () => {
  assert.equal(formatDueDay('2026-11-05', 'nb'), '5. november');
  assert.equal(formatDueDay('2026-11-05', 'en', true), '5 November 2026');
  assert.equal(formatDueDay('not a day', 'nb'), 'not a day');
  assert.equal(formatMonthName('2027-01', 'nb'), 'januar 2027');
  assert.equal(formatMonthName('2027-01', 'en'), 'January 2027');
});
