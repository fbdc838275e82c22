/**
 * TikTok Studio `Viewers.csv`: per day the total (unique) viewers, new viewers and returning
 * viewers; `undefined` where TikTok has no number (not measured). Total viewers is stored as
 * reach (the catalogue's TikTok name for reach). Years from `options.lastDay` (tiktok-studio.ts).
 */
import { yearlessDailyImporter } from './tiktok-studio.ts';

const TOTAL = ['Total Viewers', 'Totalt antall seere', 'Seere totalt'];
const NEW = ['New Viewers', 'Nye seere'];
const RETURNING = ['Returning Viewers', 'Tilbakevendende seere', 'Returnerende seere'];

export const tiktokViewersImporter = yearlessDailyImporter({
  key: 'tiktok-viewers',
  kind: 'tiktok_viewers',
  signature: [NEW, RETURNING],
  metrics: [
    { metric: 'reach', names: TOTAL },
    { metric: 'new_viewers', names: NEW },
    { metric: 'returning_viewers', names: RETURNING },
  ],
});
