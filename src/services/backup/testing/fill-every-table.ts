/**
 * For the backup tests: the seeded organisation with rows in every table the backup holds, with
 * values that are easy to get subtly wrong (microsecond timestamps, doubles without a short
 * decimal form, every byte value in a file, nested JSON with newlines and æøå, a unit tree whose
 * children sort before their parents). Imports go through the import service; tables without a
 * service yet (or whose service needs a whole workflow) get rows inserted directly.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import * as t from '../../../db/schema/index.ts';
import { importFiles } from '../../imports/import-files.ts';
import type { Seed } from '../../../testing/seed.ts';

const csv = (name: string, lines: string[]) => ({ name, bytes: new TextEncoder().encode(`date,metric,value\n${lines.join('\n')}\n`) });

/** Every byte value, twice: a file that only survives byte for byte. */
export const allBytes = new Uint8Array(512).map((_, i) => i % 256);

export async function fillEveryTable(db: Db, s: Seed): Promise<void> {
  const org = s.organisationId;
  const account = s.accounts.a1Instagram;
  const admin = s.people.admin.id;
  const at = new Date('2026-03-14T12:34:56.789Z');

  // Two imports through the service: the second corrects a value (observation history).
  const ctx = await s.as('editor');
  const first = await importFiles(ctx, account, [csv('reach.csv', ['2026-03-01,reach,100', '2026-03-02,reach,0.1'])]);
  if (first.files[0]?.status !== 'imported') throw new Error(`import failed: ${JSON.stringify(first.files[0])}`);
  const second = await importFiles(ctx, account, [csv('reach-corrected.csv', ['2026-03-02,reach,0.30000000000000004', '2026-03-03,reach,1e300'])]);
  const importId = second.files[0]!.importId!;

  const fileId = randomUUID();
  await db.insert(t.storedFiles).values({ id: fileId, organisationId: org, sha256: 'f'.repeat(64), size: allBytes.length, content: allBytes });
  const postId = randomUUID();
  await db.insert(t.posts).values({ id: postId, organisationId: org, accountId: account, platformPostId: 'p1', publishedOn: '2026-03-01', excerpt: 'Line one\nline "two" — æøå 🎓', importId });
  await db.insert(t.observations).values({ organisationId: org, accountId: account, metric: 'likes', day: '2026-03-01', postId, value: 1 / 3, source: 'import', importId });
  await db.insert(t.audienceSnapshots).values({ id: randomUUID(), organisationId: org, accountId: account, day: '2026-03-01', ageDistribution: { '18-24': 0.25, '25-34': 0.75 } });
  await db.insert(t.audienceHistory).values({ id: randomUUID(), organisationId: org, accountId: account, day: '2026-02-01', ageDistribution: { '18-24': 1 }, source: 'import', replacedAt: at });
  await db.insert(t.idempotencyKeys).values({ accountId: account, key: 'key-1', sha256: 'a'.repeat(64), counts: { added: 1, changed: 0, unchanged: 0, posts: 0, audience: 0 }, importId });
  await db.insert(t.historyWindows).values({ organisationId: org, platform: 'instagram', days: 90, updatedBy: admin });

  // Strategic goals: the child's id sorts before its parent's.
  const parent = 'ffffffff-0000-4000-8000-000000000001';
  const child = '00000000-0000-4000-8000-000000000002';
  await db.insert(t.strategicGoals).values({ id: parent, organisationId: org, title: 'Synlighet' });
  await db.insert(t.strategicGoals).values({ id: child, organisationId: org, title: 'Synlighet for studenter', parentId: parent });
  const goalId = randomUUID();
  await db.insert(t.goals).values({ id: goalId, organisationId: org, unitId: s.units.departmentA1, goalType: 'reach', qualitativeGoal: 'Nå flere', strategicGoalId: child });
  await db.insert(t.goalAccounts).values({ organisationId: org, goalId, accountId: account });
  const kpiId = randomUUID();
  await db.insert(t.kpis).values({ id: kpiId, organisationId: org, goalId, measurement: 'reach' });
  await db.insert(t.kpiResults).values({ organisationId: org, kpiId, accountId: account, asOf: '2026-03-15', status: 'on_track' });
  await db.insert(t.documentedRuns).values({ organisationId: org, accountId: account, runs: [['2026-03-01', '2026-03-03']] }).onConflictDoNothing();

  const evaluationId = randomUUID();
  await db.insert(t.evaluations).values({ id: evaluationId, organisationId: org, accountId: account, month: '2026-02-01' });
  await db.insert(t.evaluationEvents).values({ id: randomUUID(), organisationId: org, evaluationId, at, action: 'created', personId: admin });
  const reportId = randomUUID();
  await db.insert(t.annualReports).values({ id: reportId, organisationId: org, accountId: account, year: 2025 });
  await db.insert(t.annualReportEvents).values({ id: randomUUID(), organisationId: org, annualReportId: reportId, at, action: 'created' });

  const competitorId = randomUUID();
  await db.insert(t.competitors).values({ id: competitorId, organisationId: org, unitId: s.units.facultyA, slug: 'nordvik', name: 'Nordvik', platform: 'instagram', kind: 'competitor' });
  await db.insert(t.competitorFigures).values({ organisationId: org, competitorId, metric: 'followers', period: 'day', day: '2026-03-01', value: 12500, source: 'manual', enteredAt: at });
  await db
    .insert(t.competitorFigureHistory)
    .values({ id: randomUUID(), organisationId: org, competitorId, metric: 'followers', period: 'day', day: '2026-03-01', value: 12000, source: 'manual', enteredAt: at, replacedAt: at });

  await db.insert(t.apiTokens).values({ id: randomUUID(), organisationId: org, personId: admin, name: 'script', prefix: 'mb_abc', tokenHash: 'b'.repeat(64) });
  await db.insert(t.calendarFeeds).values({ id: randomUUID(), organisationId: org, personId: admin, tokenHash: 'c'.repeat(64), prefix: 'cal', createdAt: at });
  await db.insert(t.notifications).values({ id: randomUUID(), organisationId: org, personId: admin, kind: 'evaluation_due', key: 'k1', params: { month: '2026-02', share: 2.5, none: null, text: 'æ\n"ø"' }, link: '/evaluations', createdAt: at });
  const subscriptionId = randomUUID();
  await db.insert(t.reportSubscriptions).values({ id: subscriptionId, organisationId: org, personId: admin, createdAt: at });
  await db.insert(t.reportDeliveries).values({ id: randomUUID(), organisationId: org, subscriptionId, period: '2026-02' });
  await db.insert(t.auditEvents).values({ id: randomUUID(), organisationId: org, actorKind: 'person', actorPersonId: admin, action: 'goal.create', entityType: 'goal', entityId: goalId, unitId: s.units.departmentA1 });
  await db.insert(t.columnMappings).values({ id: randomUUID(), organisationId: org, name: 'Egen mal', signature: 'sig', headers: ['Dato', 'Rekkevidde'], mapping: { platform: 'instagram', columns: [] } });
  await db.insert(t.personIdentities).values({ id: randomUUID(), organisationId: org, personId: admin, issuer: 'https://idp.example', subject: 'sub-1' });
  await db.insert(t.sessions).values({ id: 'session-1', organisationId: org, personId: admin, csrfToken: 'x', expiresAt: new Date('2026-03-16T00:00:00Z') });
  // Microseconds, which a JS Date could not hold.
  await db.execute(sql`update evaluation_events set at = '2026-03-14 12:34:56.123456+00' where organisation_id = ${org}`);
}
