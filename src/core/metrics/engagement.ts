/**
 * What counts as an engagement on each platform (PRODUCT.md: "Engagements = reactions +
 * comments + shares (+ saves where the platform reports them); say per platform what counts").
 * Kept as data so the UI can show it next to every engagement rate.
 *
 * `required` parts must all be documented for a post or day to have an engagement count;
 * `optional` parts (saves) are added when documented and skipped when the export lacks them.
 * Platform totals that count more than this (X's "Engagements" includes clicks and detail
 * expands; LinkedIn's engagement rate includes clicks and follows) are not used, so rates are
 * comparable across platforms.
 */
import type { Platform } from '../platforms.ts';
import type { Text } from './catalogue.ts';

export interface EngagementRule {
  required: readonly string[];
  optional: readonly string[];
  note: Text;
}

export const engagementRules: Record<Platform, EngagementRule> = {
  facebook: {
    required: ['reactions', 'comments', 'shares'],
    optional: [],
    note: {
      nb: 'Reaksjoner + kommentarer + delinger (Metas «Reactions, comments and shares»). Facebook rapporterer ikke lagringer.',
      en: "Reactions + comments + shares (Meta's \"Reactions, comments and shares\"). Facebook does not report saves.",
    },
  },
  instagram: {
    required: ['likes', 'comments', 'shares'],
    optional: ['saves'],
    note: { nb: 'Liker + kommentarer + delinger + lagringer.', en: 'Likes + comments + shares + saves.' },
  },
  linkedin: {
    required: ['reactions', 'comments', 'shares'],
    optional: [],
    note: {
      nb: 'Reaksjoner + kommentarer + reposter. Klikk og nye følgere, som LinkedIns egen engasjementsrate tar med, telles ikke.',
      en: "Reactions + comments + reposts. Clicks and follows, which LinkedIn's own engagement rate includes, are not counted.",
    },
  },
  tiktok: {
    required: ['likes', 'comments', 'shares'],
    optional: ['saves'],
    note: {
      nb: 'Liker + kommentarer + delinger (+ favoritter når eksporten har dem).',
      en: 'Likes + comments + shares (+ favorites when the export has them).',
    },
  },
  youtube: {
    required: ['likes', 'comments', 'shares'],
    optional: [],
    note: { nb: 'Liker + kommentarer + delinger.', en: 'Likes + comments + shares.' },
  },
  x: {
    required: ['likes', 'comments', 'shares'],
    optional: ['saves'],
    note: {
      nb: 'Liker + svar + reposter (+ bokmerker). X sitt eget «Engagements» tar med klikk og utvidelser og brukes ikke.',
      en: 'Likes + replies + reposts (+ bookmarks). X\'s own "Engagements" includes clicks and expands and is not used.',
    },
  },
  threads: {
    required: ['likes', 'comments', 'shares'],
    optional: [],
    note: { nb: 'Liker + svar + reposter og sitater.', en: 'Likes + replies + reposts and quotes.' },
  },
  snapchat: {
    required: ['comments', 'shares'],
    optional: [],
    note: {
      nb: 'Svar + delinger. Skjermbilder telles ikke.',
      en: 'Replies + shares. Screenshots are not counted.',
    },
  },
};

/**
 * Engagements of one post or day from its parts, by the platform's rule. A documented
 * `engagements` value is used as is (an importer may have computed it by the same rule).
 * null when a required part is missing: a partial sum would look like a measured low value.
 */
export function engagementsOf(
  platform: Platform,
  values: Readonly<Record<string, number | null | undefined>>,
): number | null {
  const given = values['engagements'];
  if (typeof given === 'number' && Number.isFinite(given)) return given;
  const rule = engagementRules[platform];
  let total = 0;
  for (const key of rule.required) {
    const v = values[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) return null;
    total += v;
  }
  for (const key of rule.optional) {
    const v = values[key];
    if (typeof v === 'number' && Number.isFinite(v)) total += v;
  }
  return total;
}
