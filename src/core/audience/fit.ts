/**
 * Audience fit (PRODUCT.md, "The practice it supports", 6): the largest share of an account's
 * audience must be in one of its target age groups. If another age group is largest, or the
 * audience is so broad that no group is near a majority, the account is flagged: its effect
 * must be evaluated before it continues. Pure: the service passes in the newest snapshot.
 *
 * Rules, in order:
 * 1. 'unknown' when there is no snapshot, the account names no target age group, or the
 *    snapshot holds no positive share;
 * 2. 'broad' when the largest group holds less than BROAD_BELOW_PERCENT of the audience;
 * 3. 'fit' when the largest group is a target group (on a tie for largest, when any of the tied
 *    groups is: the target is then jointly the largest), otherwise 'misfit'.
 * Shares are the snapshot's percentages as documented, not rescaled: an export that leaves
 * some of the audience without an age shows less than 100 % in total, and so does Målbar.
 */
import { ageGroups, type AgeGroup } from '../platforms.ts';

/**
 * Below this share (percent) the largest age group is not "near a majority", and the audience
 * is broad. A majority is 50 %; 40 % is within ten points of it, the distance at which one group
 * still clearly dominates: with 40 % in one group, the rest is split among up to six others, so
 * none of them can match it unless the remaining 60 % sits in one or two groups. Below 40 %, as
 * with an even spread over the three or four adult groups most accounts reach (25–33 % each),
 * no age group speaks for the audience. PRODUCT.md names no number ("very broad").
 */
export const BROAD_BELOW_PERCENT = 40;

export type AudienceFitStatus = 'fit' | 'misfit' | 'broad' | 'unknown';
export type UnknownReason = 'no_snapshot' | 'no_target_groups' | 'empty_snapshot';

export interface AudienceSnapshotInput {
  day: string;
  /** Percent per age group; groups Målbar does not know are ignored. */
  ageDistribution: Readonly<Record<string, number>>;
}

export interface AgeGroupShare {
  ageGroup: AgeGroup;
  /** Percent of the audience; null when the snapshot does not give this group. */
  share: number | null;
  inTarget: boolean;
}

export interface AudienceFit {
  status: AudienceFitStatus;
  /** Why the fit is unknown; null otherwise. */
  reason: UnknownReason | null;
  evaluateBeforeContinuing: boolean;
  targetAgeGroups: AgeGroup[];
  /** The largest group (the first in age order on a tie, unless a tied group is a target group). */
  largestGroup: AgeGroup | null;
  largestShare: number | null;
  /** Sum of the shares of the target groups that the snapshot gives; null when unknown. */
  targetShare: number | null;
  /** Every age group, in age order, with its share and whether it is a target group. */
  distribution: AgeGroupShare[];
}

const round = (n: number) => Math.round(n * 100) / 100;

export function audienceFit(targetAgeGroups: readonly string[], snapshot: AudienceSnapshotInput | null): AudienceFit {
  const target = ageGroups.filter((g) => targetAgeGroups.includes(g));
  const targetSet = new Set<AgeGroup>(target);
  const distribution: AgeGroupShare[] = ageGroups.map((g) => {
    const v = snapshot?.ageDistribution[g];
    return { ageGroup: g, share: typeof v === 'number' && Number.isFinite(v) ? v : null, inTarget: targetSet.has(g) };
  });
  const given = distribution.filter((d): d is AgeGroupShare & { share: number } => d.share !== null);
  const top = given.reduce((m, d) => Math.max(m, d.share), 0);
  const unknown = (reason: UnknownReason): AudienceFit => ({
    status: 'unknown',
    reason,
    evaluateBeforeContinuing: false,
    targetAgeGroups: target,
    largestGroup: null,
    largestShare: null,
    targetShare: null,
    distribution,
  });
  if (!snapshot) return unknown('no_snapshot');
  if (target.length === 0) return unknown('no_target_groups');
  if (top <= 0) return unknown('empty_snapshot');

  const tied = given.filter((d) => d.share === top);
  const largest = tied.find((d) => d.inTarget) ?? tied[0]!;
  const targetShare = round(given.filter((d) => d.inTarget).reduce((s, d) => s + d.share, 0));
  const status: AudienceFitStatus = top < BROAD_BELOW_PERCENT ? 'broad' : largest.inTarget ? 'fit' : 'misfit';
  return {
    status,
    reason: null,
    evaluateBeforeContinuing: status === 'misfit' || status === 'broad',
    targetAgeGroups: target,
    largestGroup: largest.ageGroup,
    largestShare: top,
    targetShare,
    distribution,
  };
}
