/**
 * The shapes the evaluation engine works on: KPI definitions, documented statistics, and the
 * trace that says where a number came from ("every number can be traced").
 */
import type { Measurement } from '../metrics/derived.ts';
import type { AgeGroup, Platform } from '../platforms.ts';
import type { Day } from '../period/days.ts';

export const comparators = ['at_least', 'at_most'] as const;
export type Comparator = (typeof comparators)[number];

interface KpiCommon {
  measurement: Measurement;
  comparator: Comparator;
  target: number;
  /** Where the straight pace line starts; when absent the engine derives one (see evaluate.ts). */
  baseline?: number | null;
  start: Day;
  deadline: Day;
}

/** A KPI on a catalogue metric or a derived KPI, for one account on one platform. */
export interface MetricKpi extends KpiCommon {
  kind: 'metric';
  metric: string;
  platform: Platform;
}

/** "60 % of the audience aged 18–24": `target` is the percent the age groups together should reach. */
export interface AudienceShareKpi extends KpiCommon {
  kind: 'audience_share';
  ageGroups: readonly AgeGroup[];
}

export type Kpi = MetricKpi | AudienceShareKpi;

/** One documented value: account-level for a day, or for one post when `postId` is set. */
export interface Observation {
  metric: string;
  date: Day;
  value: number;
  postId?: string;
}

/** A post with its (lifetime) metrics; `date` is the day it was published. */
export interface PostRecord {
  id: string;
  date: Day;
  metrics: Readonly<Record<string, number>>;
}

/** The audience by age group, in percent of the audience, as documented on `date`. */
export interface AudienceSnapshot {
  date: Day;
  distribution: Readonly<Partial<Record<AgeGroup, number>>>;
}

export interface Statistics {
  observations: readonly Observation[];
  posts?: readonly PostRecord[];
  audience?: readonly AudienceSnapshot[];
}

/** One number that went into a result. `postId` for post-level values, `ageGroup` for audience shares. */
export interface TraceItem {
  metric: string;
  date: Day;
  value: number;
  postId?: string;
  ageGroup?: AgeGroup;
}

/** Explanations with a stable code and parameters, so the UI can translate them. */
export interface TraceNote {
  code: string;
  params?: Record<string, string | number>;
}

/** How much of the window is documented: days, posts or ended months with a measured value, or snapshots. */
export interface Coverage {
  kind: 'days' | 'posts' | 'months' | 'snapshots';
  documented: number;
  total: number;
  /** documented / total (1 when total is 0). */
  share: number;
}

/** A value over a window with its trace; `value` null means not measured. */
export interface Measured {
  value: number | null;
  coverage: Coverage | null;
  used: TraceItem[];
  notes: TraceNote[];
  /** For per-post measurements: each post's own value (null when not measurable). */
  posts?: { postId: string; date: Day; value: number | null }[];
}

export function coverage(kind: Coverage['kind'], documented: number, total: number): Coverage {
  return { kind, documented, total, share: total === 0 ? 1 : documented / total };
}

export function notMeasured(code: string, params?: TraceNote['params']): Measured {
  return { value: null, coverage: null, used: [], notes: [params ? { code, params } : { code }] };
}
