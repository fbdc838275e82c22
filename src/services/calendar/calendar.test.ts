/** The calendar feed: a secret made once and stored as a hash, a person's own deadlines read back from the ICS, a revoked or replaced secret that no longer works. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { calendarFeeds } from '../../db/schema/index.ts';
import { parseCalendar, prop } from '../../core/calendar/ics-parse.ts';
import { forEachDatabase, type TestDb } from '../../testing/database.ts';
import { seed, type Seed } from '../../testing/seed.ts';
import type { Context } from '../context.ts';
import { prepareEvaluations } from '../evaluations/prepare-evaluations.ts';
import { loadSystemActor } from '../load-actor.ts';
import { sha256Hex } from '../secrets.ts';
import { createCalendarFeed, deleteCalendarFeed, getCalendarFeed } from './calendar-feed.ts';
import { calendarFeedIcs } from './feed-events.ts';

const NOW = '2026-04-02T10:00:00Z';
const as = async (s: Seed, who: Parameters<Seed['as']>[0]): Promise<Context> => ({ ...(await s.as(who)), now: new Date(NOW) });
const anon = (t: TestDb) => ({ db: t.db, now: new Date(NOW) });
const secretOf = (url: string) => /\/api\/v1\/calendar\/([^/]+)\.ics$/.exec(url)![1]!;

function events(ics: string) {
  return parseCalendar(ics)
    .components.filter((c) => c.name === 'VEVENT')
    .map((e) => ({ uid: prop(e, 'UID')!, day: prop(e, 'DTSTART')!, summary: prop(e, 'SUMMARY')!, url: prop(e, 'URL')! }));
}

forEachDatabase('calendar feed', (fresh) => {
  test('the evaluator’s feed holds their evaluations and annual reports; the reporter’s their documentation; nobody else’s', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    await prepareEvaluations({ db: t.db, now: new Date('2026-04-01T00:30:00Z'), actor: await loadSystemActor(t.db) }, { month: '2026-03' });
    const evaluator = await as(s, 'evaluator');
    const created = await createCalendarFeed(evaluator, 'https://maalbar.example.no/');
    assert.match(created.url, /^https:\/\/maalbar\.example\.no\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const secret = secretOf(created.url);
    assert.equal(created.prefix, secret.slice(0, 6));
    const [row] = await t.db.select().from(calendarFeeds);
    assert.equal(row!.tokenHash, sha256Hex(secret), 'only the hash is stored');
    assert.doesNotMatch(JSON.stringify(row), new RegExp(secret));

    const a1 = s.accounts.a1Instagram;
    const got = events(await calendarFeedIcs(anon(t), secret, 'https://maalbar.example.no'));
    assert.deepEqual(
      got.map((e) => [e.uid, e.day, e.summary]),
      [
        [`evaluation-${a1}-2026-03@maalbar`, '20260415', 'Monthly evaluation: A1 på Instagram, March 2026'],
        [`evaluation-${a1}-2026-04@maalbar`, '20260515', 'Monthly evaluation: A1 på Instagram, April 2026'],
        [`annual-report-${a1}-2026@maalbar`, '20270131', 'Annual report 2026: A1 på Instagram'],
      ],
    );
    assert.match(got[0]!.url, /^https:\/\/maalbar\.example\.no\/evaluations\/[0-9a-f-]{36}$/);
    assert.ok(got.every((e) => !e.summary.includes('TikTok')), 'Faculty B’s account is not the evaluator’s');
    assert.notEqual((await getCalendarFeed(evaluator)).lastUsedAt, null);

    const reporter = await as(s, 'reporter');
    const theirs = events(await calendarFeedIcs(anon(t), secretOf((await createCalendarFeed(reporter, 'http://localhost:8080')).url), 'http://localhost:8080'));
    // A1 on Instagram registered 2026-03-15, nothing documented: its first day leaves the 730-day window on 2028-03-15.
    assert.deepEqual(theirs.map((e) => [e.uid, e.day, e.summary, e.url]), [[`documentation-${a1}@maalbar`, '20280315', 'Document statistics: A1 på Instagram', 'http://localhost:8080/accounts/a1-pa-instagram/import']]);

    const viewer = await as(s, 'viewer');
    assert.deepEqual(events(await calendarFeedIcs(anon(t), secretOf((await createCalendarFeed(viewer, 'http://x')).url), 'http://x')), [], 'a viewer has no deadlines');
  });

  test('a new address ends the old one; a deleted or unknown one is not found', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const evaluator = await as(s, 'evaluator');
    assert.deepEqual(await getCalendarFeed(evaluator), { exists: false, prefix: null, createdAt: null, lastUsedAt: null });
    const first = secretOf((await createCalendarFeed(evaluator, 'http://x')).url);
    const second = secretOf((await createCalendarFeed(evaluator, 'http://x')).url);
    assert.notEqual(first, second);
    await assert.rejects(calendarFeedIcs(anon(t), first, 'http://x'), { code: 'not_found' });
    assert.match(await calendarFeedIcs(anon(t), second, 'http://x'), /^BEGIN:VCALENDAR/);
    const info = await getCalendarFeed(evaluator);
    assert.equal(info.exists, true);
    assert.equal(info.prefix, second.slice(0, 6));
    await deleteCalendarFeed(evaluator);
    await assert.rejects(calendarFeedIcs(anon(t), second, 'http://x'), { code: 'not_found' });
    await assert.rejects(calendarFeedIcs(anon(t), 'short', 'http://x'), { code: 'not_found' });
    assert.equal((await t.db.select().from(calendarFeeds)).length, 0);
  });
});
