/** Over HTTP: the bell (list, mark read), the e-mail setting, subscriptions, and the calendar feed fetched without a session. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCalendar } from '../../core/calendar/ics-parse.ts';
import { loadConfig } from '../../config.ts';
import { createLogger } from '../logger.ts';
import { forEachDatabase } from '../../testing/database.ts';
import { seed } from '../../testing/seed.ts';
import { testApp } from '../../testing/http.ts';
import { expectProblem } from '../../testing/assertions.ts';
import { prepareEvaluations } from '../../services/evaluations/prepare-evaluations.ts';
import { makeReminders } from '../../services/notifications/make-reminders.ts';
import { loadSystemActor } from '../../services/load-actor.ts';
import type { NotificationList, NotificationSettings, ReportSubscription, CalendarFeedCreated, CalendarFeedInfo } from '../../contract/notifications.ts';

const now = () => new Date('2026-04-02T10:00:00Z');

forEachDatabase('notification and calendar routes', (fresh) => {
  test('the bell: my notifications only, mark read, the unread count; the e-mail setting says whether SMTP is there', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const system = { db: t.db, now: new Date('2026-04-02T06:00:00Z'), actor: await loadSystemActor(t.db) };
    await prepareEvaluations(system, { month: '2026-03' });
    await makeReminders(system);
    const { signIn, anonymous } = testApp(t, { now, config: loadConfig({ MAALBAR_SMTP_URL: 'smtp://127.0.0.1:1' }) });
    const evaluator = await signIn(s.people.evaluator.email);
    const list = await evaluator.json<NotificationList>('GET', '/notifications?unread=true&limit=10');
    assert.equal(list.status, 200);
    assert.equal(list.body.unread, 1);
    assert.deepEqual(list.body.items.map((n) => [n.kind, n.link, n.dueOn, n.readAt]), [['evaluation_due', list.body.items[0]!.link, '2026-04-15', null]]);
    assert.match(list.body.items[0]!.link, /^\/evaluations\/[0-9a-f-]{36}$/);
    const viewer = await signIn(s.people.viewer.email);
    assert.deepEqual((await viewer.json<NotificationList>('GET', '/notifications')).body, { unread: 0, items: [] });
    assert.deepEqual((await viewer.json('POST', '/notifications/read', { ids: [list.body.items[0]!.id] })).body, { unread: 0 });
    assert.deepEqual((await evaluator.json('POST', '/notifications/read', { all: true })).body, { unread: 0 });
    await expectProblem(await evaluator.request('POST', '/notifications/read', { ids: [] }), 400, 'validation_failed');
    await expectProblem(await evaluator.request('GET', '/notifications?limit=0'), 400, 'validation_failed');
    await expectProblem(await anonymous.request('GET', '/notifications'), 401, 'unauthenticated');

    const settings = await evaluator.json<NotificationSettings>('GET', '/me/notification-settings');
    assert.deepEqual(settings.body, { email: true, emailAvailable: true, address: 'evaluator@test.example' });
    assert.deepEqual((await evaluator.json<NotificationSettings>('PUT', '/me/notification-settings', { email: false })).body.email, false);
    const noSmtp = testApp(t, { now });
    const again = await noSmtp.signIn(s.people.evaluator.email);
    assert.deepEqual((await again.json<NotificationSettings>('GET', '/me/notification-settings')).body, { email: false, emailAvailable: false, address: 'evaluator@test.example' });
  });

  test('subscriptions: mine to create, list and delete; another unit’s is not found', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { signIn } = testApp(t, { now });
    const viewer = await signIn(s.people.viewer.email);
    const made = await viewer.json<ReportSubscription>('POST', '/me/report-subscriptions', { unit: 'faculty-a', language: 'en' });
    assert.equal(made.status, 201);
    assert.deepEqual(made.body.scope, { kind: 'unit', id: s.units.facultyA, slug: 'faculty-a', name: 'Faculty A' });
    await expectProblem(await viewer.request('POST', '/me/report-subscriptions', { unit: s.units.facultyB }), 404, 'not_found');
    await expectProblem(await viewer.request('POST', '/me/report-subscriptions', { unit: 'faculty-a', account: 'a1-pa-instagram' }), 400, 'validation_failed');
    assert.deepEqual((await viewer.json<{ items: ReportSubscription[] }>('GET', '/me/report-subscriptions')).body.items.map((i) => i.id), [made.body.id]);
    const outsider = await signIn(s.people.outsider.email);
    await expectProblem(await outsider.request('DELETE', `/me/report-subscriptions/${made.body.id}`), 404, 'not_found');
    assert.equal((await viewer.request('DELETE', `/me/report-subscriptions/${made.body.id}`)).status, 204);
    assert.deepEqual((await viewer.json<{ items: ReportSubscription[] }>('GET', '/me/report-subscriptions')).body.items, []);
  });

  test('the calendar feed: made once, fetched without a session as text/calendar; a replaced, deleted or unknown address is a plain 404', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { app, signIn, anonymous } = testApp(t, { now });
    const evaluator = await signIn(s.people.evaluator.email);
    assert.deepEqual((await evaluator.json<CalendarFeedInfo>('GET', '/me/calendar-feed')).body, { exists: false, prefix: null, createdAt: null, lastUsedAt: null });
    const made = await evaluator.json<CalendarFeedCreated>('POST', '/me/calendar-feed');
    assert.equal(made.status, 201);
    // No public URL configured: the address is made from the request's origin.
    assert.match(made.body.url, /^http:\/\/localhost\/api\/v1\/calendar\/[A-Za-z0-9_-]+\.ics$/);
    const path = new URL(made.body.url).pathname;

    const res = await app.request(path);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/calendar; charset=utf-8');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const cal = parseCalendar(await res.text());
    assert.ok(cal.components.some((c) => c.name === 'VEVENT'), 'the evaluator has deadlines');
    assert.notEqual((await evaluator.json<CalendarFeedInfo>('GET', '/me/calendar-feed')).body.lastUsedAt, null);

    const unknown = await app.request('/api/v1/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics');
    await expectProblem(unknown, 404, 'not_found');
    await expectProblem(await app.request(path.replace(/\.ics$/, '')), 404, 'not_found');
    const renewed = await evaluator.json<CalendarFeedCreated>('POST', '/me/calendar-feed');
    const old = await app.request(path);
    assert.equal(old.status, 404);
    const [a, b] = [await old.json(), await (await app.request('/api/v1/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')).json()] as { detail?: string }[];
    assert.equal(a!.detail, b!.detail, 'a replaced address and an unknown one answer alike');
    assert.equal((await app.request(new URL(renewed.body.url).pathname)).status, 200);
    assert.equal((await evaluator.request('DELETE', '/me/calendar-feed')).status, 204);
    assert.equal((await app.request(new URL(renewed.body.url).pathname)).status, 404);
    await expectProblem(await anonymous.request('POST', '/me/calendar-feed'), 401, 'unauthenticated');
  });

  test('the feed’s secret never reaches the request log', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const lines: string[] = [];
    const { app, signIn } = testApp(t, { now, logger: createLogger('info', (l) => lines.push(l)) });
    const evaluator = await signIn(s.people.evaluator.email);
    const made = await evaluator.json<CalendarFeedCreated>('POST', '/me/calendar-feed');
    const path = new URL(made.body.url).pathname;
    const secret = /calendar\/(.+)\.ics$/.exec(path)![1]!;
    assert.equal((await app.request(path)).status, 200);
    assert.equal((await app.request('/api/v1/calendar/unknown-secret-0123456789abcdef.ics')).status, 404);
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; path?: string }).filter((l) => l.msg === 'request' && l.path?.includes('/calendar/'));
    assert.deepEqual(logged.map((l) => l.path), ['/api/v1/calendar/[redacted]', '/api/v1/calendar/[redacted]']);
    assert.doesNotMatch(lines.join('\n'), new RegExp(secret));
  });

  test('with MAALBAR_PUBLIC_URL the feed address and its links use it', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const { app, signIn } = testApp(t, { now, config: loadConfig({ MAALBAR_PUBLIC_URL: 'https://maalbar.example.no' }) });
    const evaluator = await signIn(s.people.evaluator.email);
    const made = await evaluator.json<CalendarFeedCreated>('POST', '/me/calendar-feed');
    assert.match(made.body.url, /^https:\/\/maalbar\.example\.no\/api\/v1\/calendar\//);
    const text = await (await app.request(new URL(made.body.url).pathname)).text();
    assert.match(text, /URL:https:\/\/maalbar\.example\.no\//);
  });
});
