/**
 * Targets for the demo's KPIs, set from the invented statistics so that each KPI card shows the
 * state the demo data asks for (demo-goals.ts `outcome`), with a number a person would write
 * down. Uses the same evaluation engine as the product (core/kpi/evaluate.ts): the pace at a date
 * is linear in the target, so two evaluations give the target at which the actual value is exactly
 * on pace; the target is then set a margin above or below it and checked.
 */
import { evaluateKpi } from '../core/kpi/evaluate.ts';
import type { Dataset } from '../core/kpi/dataset.ts';
import type { Kpi } from '../core/kpi/types.ts';
import type { KpiStatus } from '../core/kpi/status.ts';
import type { Day } from '../core/period/days.ts';
import type { DemoOutcome } from './demo-goals.ts';

const wanted: Record<DemoOutcome, KpiStatus> = { ahead: 'on_track', behind: 'at_risk', met: 'met', missed: 'missed' };

/** A round number near `x`: `digits` significant digits from 100 up, whole numbers from 10, one decimal below. */
export function niceNumber(x: number, digits = 2): number {
  const a = Math.abs(x);
  if (a === 0 || !Number.isFinite(a)) return 0;
  let r: number;
  if (a >= 100) {
    const step = 10 ** Math.max(0, Math.floor(Math.log10(a)) - digits + 1);
    r = Math.round(a / step) * step;
  } else if (a >= 10) r = Math.round(a);
  else if (a >= 1) r = Math.round(a * 10) / 10;
  else r = Math.round(a * 100) / 100;
  return Math.sign(x) * r;
}

/**
 * The target that makes `kpi` show `outcome` as of `asOf` on the dataset, or null when the KPI is
 * not measured there (no statistics): the caller then needs a fixed target.
 */
export function targetFor(kpi: Kpi, ds: Dataset, asOf: Day, outcome: DemoOutcome): number | null {
  const at = (target: number) => evaluateKpi({ ...kpi, target }, ds, asOf);
  // Two probe targets (a share must be a percentage).
  const [t1, t2] = kpi.kind === 'audience_share' ? [40, 60] : [1000, 2000];
  const probe = at(t1);
  const actual = probe.actual;
  if (actual === null) return null;
  const p1 = probe.pace ?? t1;
  const p2 = at(t2).pace ?? t2;
  const slope = (p2 - p1) / (t2 - t1);
  // The target at which the actual value is exactly on pace.
  const onPace = slope === 0 ? actual : t1 + (actual - p1) / slope;
  const up = kpi.comparator === 'at_least';
  const cumulative = probe.shape === 'cumulative';
  // Margins are shares of the way from the baseline for a level (followers, audience share), so
  // a follower target stays above today's count; of the value itself otherwise.
  const ref = probe.shape === 'level' && probe.baseline !== null ? probe.baseline : 0;
  const margin = (x: number, share: number) => x + share * Math.max(Math.abs(x - ref), Math.abs(x) * 0.02, 1e-6);
  let candidates: number[];
  switch (outcome) {
    case 'ahead':
      candidates = up ? [margin(onPace, -0.15), margin(onPace, -0.08), margin(onPace, -0.3)] : [margin(onPace, 0.15), margin(onPace, 0.08), margin(onPace, 0.3)];
      // A running sum must stay short of the target, or it would already be met (or, at most, missed).
      if (cumulative) candidates.push(Math.sqrt(Math.max(actual, 1) * Math.max(onPace, 1)));
      break;
    case 'behind':
      candidates = up ? [margin(onPace, 0.2), margin(onPace, 0.1), margin(onPace, 0.4)] : [margin(onPace, -0.15), margin(onPace, -0.08)];
      if (cumulative && !up) candidates.push(Math.sqrt(Math.max(actual, 1) * Math.max(onPace, 1)));
      if (!up) candidates.push(margin(actual, -0.1));
      break;
    case 'met':
      candidates = up ? [margin(actual, -0.1), margin(actual, -0.03)] : [margin(actual, 0.1), margin(actual, 0.03)];
      break;
    case 'missed':
      candidates = up ? [margin(actual, 0.2), margin(actual, 0.05)] : [margin(actual, -0.15), margin(actual, -0.05)];
      break;
  }
  const want = wanted[outcome];
  if (kpi.kind === 'audience_share') candidates = candidates.map((c) => Math.min(100, Math.max(0, c)));
  for (const c of candidates) {
    for (const t of [niceNumber(c), niceNumber(c, 3), c]) {
      // A level goal "ahead" still has some way to go: its target is beyond today's value.
      const beyond = probe.shape !== 'level' || outcome !== 'ahead' || (up ? t > actual : t < actual);
      if (Number.isFinite(t) && beyond && at(t).status === want) return t;
    }
  }
  return niceNumber(candidates[0]!);
}
