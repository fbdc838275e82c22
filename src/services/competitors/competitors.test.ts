import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asc, eq } from 'drizzle-orm';
import { forEachDatabase } from '../../testing/database.ts';
import { FIXED_NOW, seed } from '../../testing/seed.ts';
import { expectAppError } from '../../testing/assertions.ts';
import { competitorFigureHistory, competitorFigures, competitors } from '../../db/schema/index.ts';
import { ImportError } from '../../importers/errors.ts';
import { recordObservations } from '../statistics/record-observations.ts';
import { createCompetitor } from './create-competitor.ts';
import { updateCompetitor } from './update-competitor.ts';
import { archiveCompetitor } from './archive-competitor.ts';
import { listCompetitors } from './list-competitors.ts';
import { getCompetitor } from './get-competitor.ts';
import { recordFigure, recordFigures } from './record-figures.ts';
import { importFiguresCsv } from './import-figures-csv.ts';
import { listFigures } from './list-figures.ts';
import { getShareOfVoice } from './get-share-of-voice.ts';
import { competitorTargetBasis } from './competitor-target-basis.ts';

const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const names = (list: { name: string }[]) => list.map((c) => c.name).sort();
const later = (days: number) => new Date(FIXED_NOW.getTime() + days * 86_400_000);

forEachDatabase('competitors', (fresh) => {
  test('register, list with filters (unit with sub-units, platform, kind), edit and archive', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const editor = await s.as('editor');
    const rival = await createCompetitor(editor, { unit: s.units.facultyA, name: 'Rival University', platform: 'instagram', handle: '@rival', note: 'Same applicants' });
    assert.equal(rival.slug, 'rival-university-instagram');
    assert.equal(rival.kind, 'competitor');
    await createCompetitor(editor, { unit: s.units.departmentA1, name: 'Peer College', platform: 'tiktok', kind: 'peer' });
    await createCompetitor(await s.as('outsider'), { unit: s.units.facultyB, name: 'B Rival', platform: 'instagram' });

    assert.deepEqual(names(await listCompetitors(await s.as('admin'))), ['B Rival', 'Peer College', 'Rival University']);
    assert.deepEqual(names(await listCompetitors(await s.as('viewer'))), ['Peer College', 'Rival University']);
    assert.deepEqual(names(await listCompetitors(await s.as('outsider'))), ['B Rival']);
    assert.deepEqual(names(await listCompetitors(await s.as('admin'), { unit: s.units.departmentA1 })), ['Peer College']);
    assert.deepEqual(names(await listCompetitors(await s.as('admin'), { unit: s.units.facultyA })), ['Peer College', 'Rival University']);
    assert.deepEqual(names(await listCompetitors(await s.as('admin'), { platform: 'instagram' })), ['B Rival', 'Rival University']);
    assert.deepEqual(names(await listCompetitors(await s.as('admin'), { kind: 'peer' })), ['Peer College']);

    const edited = await updateCompetitor({ ...editor, now: later(1) }, rival.slug, { name: 'Rival University (main)', url: 'https://instagram.com/rival', handle: '' });
    assert.equal(edited.name, 'Rival University (main)');
    assert.equal(edited.handle, null);
    assert.equal(edited.url, 'https://instagram.com/rival');

    await archiveCompetitor(editor, rival.id);
    assert.deepEqual(names(await listCompetitors(editor)), ['Peer College']);
    assert.deepEqual(names(await listCompetitors(editor, { includeArchived: true })), ['Peer College', 'Rival University (main)']);
    assert.equal((await getCompetitor(editor, rival.id)).archived, true);
  });

  test('who may register, edit and enter figures', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const input = { unit: s.units.departmentA1, name: 'Rival', platform: 'instagram' as const };
    await expectAppError(createCompetitor(await s.as('reporter'), input), 'forbidden');
    await expectAppError(createCompetitor(await s.as('viewer'), input), 'forbidden');
    await expectAppError(createCompetitor(await s.as('outsider'), input), 'not_found');
    const rival = await createCompetitor(await s.as('manager'), input);
    await expectAppError(updateCompetitor(await s.as('reporter'), rival.id, { name: 'X' }), 'forbidden');
    await expectAppError(updateCompetitor(await s.as('outsider'), rival.id, { name: 'X' }), 'not_found');
    await expectAppError(getCompetitor(await s.as('outsider'), rival.id), 'not_found');
    // Reporters document statistics: they may enter figures, but evaluators and viewers may not.
    const figure = { metric: 'followers' as const, date: '2026-03-01', value: 100 };
    assert.deepEqual(await recordFigure(await s.as('reporter'), rival.id, figure), { added: 1, changed: 0, unchanged: 0 });
    await expectAppError(recordFigure(await s.as('evaluator'), rival.id, { ...figure, value: 1 }), 'forbidden');
    await expectAppError(recordFigure(await s.as('viewer'), rival.id, { ...figure, value: 1 }), 'forbidden');
    await expectAppError(recordFigure(await s.as('outsider'), rival.id, { ...figure, value: 1 }), 'not_found');
    const detail = await getCompetitor(await s.as('reporter'), rival.id);
    assert.deepEqual([detail.canEdit, detail.canRecord], [false, true]);
    assert.deepEqual((await t.db.select().from(competitorFigures)).map((f) => f.value), [100]);
  });

  test('figures: re-entry changes nothing; a correction keeps the old value in history', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const editor = await s.as('editor');
    const rival = await createCompetitor(editor, { unit: s.units.facultyA, name: 'Rival', platform: 'instagram' });
    const batch = {
      figures: [
        { metric: 'followers' as const, date: '2026-03-01', value: 12500, note: 'profile page' },
        { metric: 'mentions' as const, date: '2026-02', value: 340 },
        { metric: 'engagement_rate' as const, date: '2026-02-14', period: 'month' as const, value: 3.2 },
      ],
    };
    assert.deepEqual(await recordFigures(editor, rival.slug, batch), { added: 3, changed: 0, unchanged: 0 });
    assert.deepEqual(await recordFigures(editor, rival.slug, batch), { added: 0, changed: 0, unchanged: 3 });

    const reporter = { ...(await s.as('reporter')), now: later(1) };
    assert.deepEqual(await recordFigure(reporter, rival.id, { metric: 'followers', date: '2026-03-01', value: 12600, note: 'corrected' }), {
      added: 0,
      changed: 1,
      unchanged: 0,
    });
    const figures = await listFigures(editor, rival.id);
    assert.deepEqual(
      figures.map((f) => [f.metric, f.period, f.date, f.value]),
      [
        ['followers', 'day', '2026-03-01', 12600],
        ['engagement_rate', 'month', '2026-02-01', 3.2],
        ['mentions', 'month', '2026-02-01', 340],
      ],
    );
    const followers = figures[0]!;
    assert.equal(followers.enteredBy?.name, 'Reporter Person');
    assert.equal(followers.note, 'corrected');
    assert.deepEqual(
      followers.history.map((h) => [h.value, h.note, h.enteredBy?.name, h.enteredAt, h.replacedAt]),
      [[12500, 'profile page', 'Editor Person', FIXED_NOW.toISOString(), later(1).toISOString()]],
    );
    const history = await t.db.select().from(competitorFigureHistory);
    assert.equal(history.length, 1);
    assert.equal(history[0]!.replacedBy, s.people.reporter.id);
    assert.deepEqual((await listFigures(editor, rival.id, { metric: 'mentions' })).map((f) => f.value), [340]);
  });

  test('a batch is refused whole: bad date, future day, duplicate key, a count that is not whole', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const editor = await s.as('editor');
    const rival = await createCompetitor(editor, { unit: s.units.facultyA, name: 'Rival', platform: 'instagram' });
    const ok = { metric: 'followers' as const, date: '2026-03-01', value: 1 };
    await expectAppError(recordFigures(editor, rival.id, { figures: [ok, { metric: 'likes', date: '2026-13-01', value: 2 }] }), 'validation_failed', ['figures.1.date']);
    await expectAppError(recordFigures(editor, rival.id, { figures: [ok, { metric: 'likes', date: '2026-03-16', value: 2 }] }), 'validation_failed', ['figures.1.date']);
    await expectAppError(recordFigures(editor, rival.id, { figures: [ok, { ...ok, value: 2 }] }), 'validation_failed', ['figures.1.date']);
    await expectAppError(recordFigures(editor, rival.id, { figures: [ok, { metric: 'likes', date: '2026-03-02', value: 2.5 }] }), 'validation_failed', ['figures.1.value']);
    await expectAppError(recordFigures(editor, rival.id, { figures: [{ metric: 'reach' as 'likes', date: '2026-03-02', value: 2 }] }), 'validation_failed');
    assert.equal((await t.db.select().from(competitorFigures)).length, 0);
  });

  test('CSV: all or nothing with file, row and column; the same file twice changes nothing', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const reporter = await s.as('reporter');
    const rival = await createCompetitor(await s.as('editor'), { unit: s.units.departmentA1, name: 'Rival', platform: 'tiktok' });
    const good = 'date,metric,value,note\n2026-03-01,followers,"12 500",profile\n2026-02,mentions,340,Meltwater\n2026-03-02;x\n'.replace('2026-03-02;x\n', '2026-03-02,likes,1200,\n');
    assert.deepEqual(await importFiguresCsv(reporter, rival.id, csv('rival.csv', good)), { added: 3, changed: 0, unchanged: 0 });
    assert.deepEqual(await importFiguresCsv(reporter, rival.id, csv('rival.csv', good)), { added: 0, changed: 0, unchanged: 3 });
    const stored = await t.db.select().from(competitorFigures).orderBy(asc(competitorFigures.metric));
    assert.deepEqual(
      stored.map((f) => [f.metric, f.period, f.day, f.value, f.note, f.source, f.fileName]),
      [
        ['followers', 'day', '2026-03-01', 12500, 'profile', 'csv', 'rival.csv'],
        ['likes', 'day', '2026-03-02', 1200, null, 'csv', 'rival.csv'],
        ['mentions', 'month', '2026-02-01', 340, 'Meltwater', 'csv', 'rival.csv'],
      ],
    );

    const refused = async (text: string, where: { row?: number; column?: string }) => {
      const error = await expectAppError(importFiguresCsv(reporter, rival.id, csv('bad.csv', text)), 'validation_failed');
      assert.ok(error instanceof ImportError, error.message);
      assert.equal(error.location.file, 'bad.csv');
      assert.equal(error.location.row, where.row, error.message);
      assert.equal(error.location.column, where.column, error.message);
    };
    // The first row is good and would change a value: nothing of it may be written.
    await refused('date,metric,value\n2026-03-01,followers,99\n2026-03-03,likes,abc\n', { row: 3, column: 'value' });
    await refused('date,metric,value\n2026-03-01,followers,99\n2026-03-03,reach,5\n', { row: 3, column: 'metric' });
    await refused('date,metric,value\n2026-03-01,followers,99\n03.03.2026,likes,5\n', { row: 3, column: 'date' });
    await refused('date,metric,value\n2026-03-01,followers,99\n2026-04-01,likes,5\n', { row: 3, column: 'date' });
    await refused('date,metric,value\n2026-03-01,followers,99\n2026-03-01,followers,98\n', { row: 3, column: 'date' });
    await refused('date,metric,value\n2026-03-01,followers,-4\n', { row: 2, column: 'value' });
    await refused('date,metric\n2026-03-01,followers\n', { row: 1 });
    await refused('date,metric,value,source\n2026-03-01,followers,1,x\n', { row: 1, column: 'source' });
    assert.deepEqual(
      (await t.db.select().from(competitorFigures).orderBy(asc(competitorFigures.metric))).map((f) => f.value),
      [12500, 1200, 340],
    );
    assert.equal((await t.db.select().from(competitorFigureHistory)).length, 0);
  });

  test('share of voice = own / (own + competitors) × 100, null when nothing is documented', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const editor = await s.as('editor');
    const period = { from: '2026-02-01', to: '2026-02-28' };
    // Nothing documented yet: null, not 0.
    const empty = await getShareOfVoice(editor, { unit: s.units.facultyA, ...period });
    assert.equal(empty.share, null);
    assert.equal(empty.own.mentions, null);
    assert.deepEqual(empty.own.accounts, 1);

    const rival = await createCompetitor(editor, { unit: s.units.facultyA, name: 'Rival', platform: 'instagram' });
    const peer = await createCompetitor(editor, { unit: s.units.departmentA1, name: 'Peer', platform: 'instagram', kind: 'peer' });
    const other = await createCompetitor(await s.as('outsider'), { unit: s.units.facultyB, name: 'B Rival', platform: 'tiktok' });
    await recordFigures(editor, rival.id, { figures: [{ metric: 'mentions', date: '2026-02', value: 100 }, { metric: 'mentions', date: '2026-03-01', value: 999 }] });
    await recordFigures(editor, peer.id, { figures: [{ metric: 'mentions', date: '2026-02-10', value: 20 }, { metric: 'mentions', date: '2026-02-11', value: 30 }] });
    await recordFigures(await s.as('outsider'), other.id, { figures: [{ metric: 'mentions', date: '2026-02', value: 5000 }] });
    // Own mentions of the unit's accounts (Department A1's Instagram account): 10 + 40 = 50 in February.
    await recordObservations(await s.system(), s.accounts.a1Instagram, {
      observations: [
        { metric: 'mentions', date: '2026-02-03', value: 10 },
        { metric: 'mentions', date: '2026-02-20', value: 40 },
        { metric: 'mentions', date: '2026-03-02', value: 1000 },
      ],
    });
    // 50 / (50 + 100 + 50) × 100 = 25
    const sov = await getShareOfVoice(editor, { unit: s.units.facultyA, ...period });
    assert.equal(sov.share, 25);
    assert.equal(sov.own.mentions, 50);
    assert.equal(sov.competitorMentions, 150);
    assert.deepEqual(sov.competitors.map((c) => [c.name, c.mentions]), [['Peer', 50], ['Rival', 100]]);
    // From the department: its own and the faculty's competitors apply too.
    assert.equal((await getShareOfVoice(editor, { account: s.accounts.a1Instagram, ...period })).share, 25);
    // A period without own mentions but with competitors': unknown, not 0 %.
    const january = await getShareOfVoice(editor, { unit: s.units.facultyA, from: '2026-01-01', to: '2026-01-31' });
    assert.equal(january.share, null);
    // A platform with no own accounts: null.
    assert.equal((await getShareOfVoice(editor, { unit: s.units.facultyA, platform: 'tiktok', ...period })).share, null);
    await expectAppError(getShareOfVoice(editor, { unit: s.units.facultyB, ...period }), 'not_found');
    await expectAppError(getShareOfVoice(editor, { unit: s.units.facultyA, from: '2026-03-01', to: '2026-02-01' }), 'validation_failed');
  });

  test('competitors’ latest values and their median as a basis for targets', async () => {
    await using t = await fresh();
    const s = await seed(t.db);
    const editor = await s.as('editor');
    const a = await createCompetitor(editor, { unit: s.units.facultyA, name: 'A', platform: 'instagram' });
    const b = await createCompetitor(editor, { unit: s.units.facultyA, name: 'B', platform: 'instagram' });
    const c = await createCompetitor(editor, { unit: s.units.departmentA1, name: 'C', platform: 'instagram', kind: 'peer' });
    const d = await createCompetitor(editor, { unit: s.units.facultyA, name: 'D (TikTok)', platform: 'tiktok' });
    await recordFigures(editor, a.id, { figures: [{ metric: 'followers', date: '2026-01-01', value: 900 }, { metric: 'followers', date: '2026-03-01', value: 1000 }] });
    await recordFigures(editor, b.id, { figures: [{ metric: 'followers', date: '2026-02-01', value: 4000 }] });
    await recordFigures(editor, c.id, { figures: [{ metric: 'followers', date: '2026-02', value: 2500 }] });
    await recordFigures(editor, d.id, { figures: [{ metric: 'followers', date: '2026-02-01', value: 99999 }] });
    const basis = await competitorTargetBasis(editor, { metric: 'followers', platform: 'instagram' });
    assert.deepEqual(basis.values.map((v) => [v.name, v.value, v.date]), [['B', 4000, '2026-02-01'], ['C', 2500, '2026-02-01'], ['A', 1000, '2026-03-01']]);
    assert.equal(basis.median, 2500);
    assert.equal((await competitorTargetBasis(editor, { metric: 'followers', platform: 'instagram', kind: 'competitor' })).median, 2500);
    assert.equal((await competitorTargetBasis(editor, { metric: 'likes', platform: 'instagram' })).median, null);
    assert.equal((await competitorTargetBasis(await s.as('outsider'), { metric: 'followers', platform: 'instagram' })).median, null);
    // Archived entries leave the basis.
    await archiveCompetitor(editor, b.id);
    assert.equal((await competitorTargetBasis(editor, { metric: 'followers', platform: 'instagram', unit: s.units.departmentA1 })).median, 1750);
    void eq;
    void competitors;
  });
});
