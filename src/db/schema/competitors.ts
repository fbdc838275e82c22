/**
 * Competitor and peer accounts: social media accounts outside the organisation that a unit
 * compares itself with, and their public figures (followers, posts, engagement, mentions) as
 * someone entered or imported them. A unit owns each entry; it is read like the unit's accounts.
 *
 * Figures are keyed by what they are: (competitor, metric, period, day), where a monthly figure
 * has the first day of its month. A figure is never overwritten silently: a different value for
 * the same key moves the old one, with who entered it and when, to `competitor_figure_history`.
 */
import { date, doublePrecision, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, units } from './organisation.ts';
import { people } from './people.ts';

export const competitors = pgTable(
  'competitors',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The unit that keeps the entry: readable by whoever may read the unit, like its accounts. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    platform: text('platform').notNull(),
    handle: text('handle'),
    url: text('url'),
    /** 'competitor' (competes for the same audience) or 'peer' (a similar organisation to learn from). */
    kind: text('kind').$type<'competitor' | 'peer'>().notNull(),
    note: text('note'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('competitors_org_slug_key').on(t.organisationId, t.slug), index('competitors_org_unit_idx').on(t.organisationId, t.unitId)],
);

export const competitorFigures = pgTable(
  'competitor_figures',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    competitorId: uuid('competitor_id')
      .notNull()
      .references(() => competitors.id),
    metric: text('metric').notNull(),
    /** 'day': the value of that day; 'month': the value of the month that starts on `day`. */
    period: text('period').$type<'day' | 'month'>().notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    value: doublePrecision('value').notNull(),
    /** Where the figure came from (e.g. "the profile page", "Meltwater"), as entered. */
    note: text('note'),
    /** 'manual', 'csv' or 'api'. */
    source: text('source').notNull(),
    /** The CSV file's name when it came from one. */
    fileName: text('file_name'),
    enteredBy: uuid('entered_by').references(() => people.id),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.competitorId, t.metric, t.period, t.day] })],
);

/** Figures that a correction replaced: the value as it was, who had entered it, and who replaced it. */
export const competitorFigureHistory = pgTable(
  'competitor_figure_history',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    competitorId: uuid('competitor_id')
      .notNull()
      .references(() => competitors.id),
    metric: text('metric').notNull(),
    period: text('period').$type<'day' | 'month'>().notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    value: doublePrecision('value').notNull(),
    note: text('note'),
    source: text('source').notNull(),
    fileName: text('file_name'),
    enteredBy: uuid('entered_by').references(() => people.id),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
    replacedBy: uuid('replaced_by').references(() => people.id),
    replacedAt: timestamp('replaced_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('competitor_figure_history_key_idx').on(t.competitorId, t.metric, t.day)],
);
