/**
 * Periods in addresses and answers (issue #5, the period picker): the URL form of a chosen period
 * (`2026-10`, `2026-Q3`, `2026`, `2026-03-01..2026-04-15`), read by core/period/period-choice.ts,
 * and the resolved period with what it is compared with. For query parameters (`?period=2026-Q3`)
 * on the server and for the web app's address bar.
 */
import { z } from 'zod';
import { readPeriodParam } from '../core/period/period-choice.ts';
import { Day } from './statistics.ts';

/** The URL form as a string; anything but the four canonical forms is refused with the reason. */
export const PeriodParam = z
  .string()
  .superRefine((value, ctx) => {
    const r = readPeriodParam(value);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
  })
  .meta({
    id: 'PeriodParam',
    description:
      'A month (2026-10), a quarter (2026-Q3), a year (2026) or a range of days, both included (2026-03-01..2026-04-15).',
    examples: ['2026-10', '2026-Q3', '2026', '2026-03-01..2026-04-15'],
  });

/** The URL form read into a choice (month, quarter and year anchored on their first day). */
export const PeriodChoiceFromParam = PeriodParam.transform((value) => {
  const r = readPeriodParam(value);
  // PeriodParam has already refused anything readPeriodParam does not read.
  if (!r.ok) throw new Error(r.message);
  return r.choice;
});

export const PeriodChoiceKind = z.enum(['month', 'quarter', 'year', 'custom']);

/** A choice as data (core PeriodChoice); a custom range must not end before it starts. */
export const PeriodChoice = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.enum(['month', 'quarter', 'year']), anchor: Day }),
    z.object({ kind: z.literal('custom'), start: Day, end: Day }),
  ])
  .refine((c) => c.kind !== 'custom' || c.start <= c.end, { message: 'the last day is before the first', path: ['end'] });

export const PeriodRange = z.object({ start: Day, end: Day }).meta({ id: 'PeriodRange' });

/** core ResolvedPeriodChoice. */
export const ResolvedPeriodOut = z
  .object({
    kind: PeriodChoiceKind,
    param: z.string(),
    period: PeriodRange,
    days: z.number().int(),
    previous: PeriodRange,
    sameLastYear: PeriodRange,
    state: z.enum(['complete', 'running', 'upcoming']),
    toDate: z
      .object({ period: PeriodRange, days: z.number().int(), previous: PeriodRange, sameLastYear: PeriodRange })
      .nullable(),
  })
  .meta({ id: 'ResolvedPeriod' });
export type ResolvedPeriodOut = z.infer<typeof ResolvedPeriodOut>;
