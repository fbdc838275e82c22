/**
 * Target suggestions for a KPI, each labelled with its basis (PRODUCT.md: a KPI records where
 * its target came from; issue 3: "from the account's own history, and from the other internal
 * accounts on the same platform (median and upper quartile of the metric, normalised per
 * follower where it matters)").
 *
 * - own_history: the median and the better quartile of the account's own past values of the
 *   KPI as it is measured (per post, per month, …), from at least 3 values.
 * - internal_accounts: the median and the better quartile over the other internal accounts on
 *   the same platform (one value each), from at least 3 accounts. For metrics that scale with
 *   audience size (catalogue `perFollower`), each account's value is divided by its followers
 *   and the quartile is multiplied by this account's followers; accounts without a follower
 *   count are left out. Without this account's follower count the raw values are used and
 *   the suggestion says it is not normalised.
 * "Better quartile" is the upper quartile when higher is better, the lower when lower is
 * better; a metric with no better direction gets only the median. Quartiles are
 * simple-statistics' `quantile`: linear interpolation between the ordered values at position
 * (n − 1) × p (R's type 7, Excel's QUARTILE.INC).
 */
import { quantile } from 'simple-statistics';
import { getMetric } from '../metrics/catalogue.ts';
import { kpiMetric } from '../metrics/derived.ts';
import { type Message, fmt, message } from './messages.ts';

export const MIN_OWN_VALUES = 3;
export const MIN_PEER_ACCOUNTS = 3;

export type TargetBasis = 'own_history' | 'internal_accounts';
export type TargetStatistic = 'median' | 'upper_quartile' | 'lower_quartile';

export interface PeerValue {
  accountId: string;
  value: number;
  followers?: number | null;
}

export interface TargetInput {
  metric: string;
  own: readonly number[];
  ownFollowers?: number | null;
  peers: readonly PeerValue[];
}

export interface TargetSuggestion {
  basis: TargetBasis;
  statistic: TargetStatistic;
  value: number;
  /** How many values (own) or accounts (peers) it rests on. */
  n: number;
  normalisedPerFollower: boolean;
  label: Message;
}

export interface TargetSuggestions {
  suggestions: TargetSuggestion[];
  /** Why a basis gave no suggestion. */
  notes: Message[];
}

function statistics(higherIsBetter: boolean | null): TargetStatistic[] {
  if (higherIsBetter === null) return ['median'];
  return ['median', higherIsBetter ? 'upper_quartile' : 'lower_quartile'];
}

const P: Record<TargetStatistic, number> = { median: 0.5, upper_quartile: 0.75, lower_quartile: 0.25 };
const STAT_EN: Record<TargetStatistic, string> = {
  median: 'median',
  upper_quartile: 'upper quartile',
  lower_quartile: 'lower quartile',
};

export function suggestTargets(input: TargetInput): TargetSuggestions {
  const info = kpiMetric(input.metric);
  const stats = statistics(info?.higherIsBetter ?? true);
  const suggestions: TargetSuggestion[] = [];
  const notes: Message[] = [];

  const own = input.own.filter(Number.isFinite);
  if (own.length >= MIN_OWN_VALUES) {
    for (const s of stats) {
      const value = quantile(own, P[s]);
      suggestions.push({
        basis: 'own_history', statistic: s, value, n: own.length, normalisedPerFollower: false,
        label: message(
          `goals.targets.own_history.${s}`,
          { value: fmt(value, 2), n: own.length },
          `Own history: ${STAT_EN[s]} {value} of {n} values`,
        ),
      });
    }
  } else {
    const params = { n: own.length, min: MIN_OWN_VALUES };
    notes.push(message('goals.targets.own_history.too_few', params, 'Own history: {n} values, at least {min} needed.'));
  }

  const perFollower = getMetric(input.metric)?.perFollower ?? false;
  const ownFollowers = input.ownFollowers ?? null;
  const normalise = perFollower && ownFollowers !== null && ownFollowers > 0;
  const peers = input.peers.filter((p) => Number.isFinite(p.value) && (!normalise || (p.followers ?? 0) > 0));
  const values = peers.map((p) => (normalise ? p.value / (p.followers as number) : p.value));
  if (values.length >= MIN_PEER_ACCOUNTS) {
    for (const s of stats) {
      const q = quantile(values, P[s]);
      const value = normalise ? q * (ownFollowers as number) : q;
      const params = { value: fmt(value, 2), n: values.length, perFollower: fmt(q, 6), followers: ownFollowers ?? 0 };
      const en = normalise
        ? `Other internal accounts: ${STAT_EN[s]} {perFollower} per follower × {followers} followers = {value} ({n} accounts)`
        : `Other internal accounts: ${STAT_EN[s]} {value} ({n} accounts)`;
      suggestions.push({
        basis: 'internal_accounts', statistic: s, value, n: values.length, normalisedPerFollower: normalise,
        label: message(`goals.targets.internal_accounts.${s}${normalise ? '_per_follower' : ''}`, params, en),
      });
    }
    if (perFollower && !normalise) {
      const english = 'Not normalised per follower: this account\u2019s follower count is not documented.';
      notes.push(message('goals.targets.internal_accounts.not_normalised', {}, english));
    }
  } else {
    const params = { n: values.length, min: MIN_PEER_ACCOUNTS };
    const english = 'Other internal accounts: {n} with this metric, at least {min} needed.';
    notes.push(message('goals.targets.internal_accounts.too_few', params, english));
  }
  return { suggestions, notes };
}
