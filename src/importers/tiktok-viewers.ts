/**
 * TikTok Studio `Viewers.csv`: per day the total (unique) viewers, new viewers and returning
 * viewers; `undefined` where TikTok has no number (not measured). Total viewers is stored as
 * reach (the catalogue's TikTok name for reach). Years from `options.lastDay` (tiktok-studio.ts).
 */
import { yearlessDailyImporter } from './tiktok-studio.ts';
import { metricColumns, names } from './header-sets/types.ts';
import { tiktokViewersHeaders as H } from './header-sets/tiktok.ts';

const NEW = names(H, 'new');
const RETURNING = names(H, 'returning');

export const tiktokViewersImporter = yearlessDailyImporter({
  key: 'tiktok-viewers',
  kind: 'tiktok_viewers',
  signature: [NEW, RETURNING],
  metrics: metricColumns(H),
});
