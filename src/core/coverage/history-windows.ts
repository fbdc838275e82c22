/**
 * How far back each platform's own statistics reach (its history window), which export the
 * reporter downloads, and which account-level daily metrics show that a day is documented.
 * Data, not code: an administrator overrides `days` per organisation (table history_windows);
 * these are the defaults. Sources are PRODUCT.md's platform facts; where it says nothing, a
 * conservative (short) value is chosen, so that Målbar warns too early rather than too late.
 *
 * `cadence`:
 * - 'daily': the platform exports daily values; a day is documented when any of `coreMetrics`
 *   has an account-level value on it;
 * - 'monthly': the platform has no export (Snapchat, Threads); the reporter reads the in-app
 *   insights and enters the month's values (stored on the month's last day) by the 10th of the
 *   next month (MONTHLY_DUE_DAY). A month is documented when any of `coreMetrics` has an
 *   account-level value on one of its days.
 */
import type { Platform } from '../platforms.ts';
import type { Text } from '../metrics/catalogue.ts';

export type Cadence = 'daily' | 'monthly';

export interface HistoryWindowDefault {
  platform: Platform;
  /** Days back from yesterday that the platform still shows; null: it keeps the whole lifetime. */
  days: number | null;
  cadence: Cadence;
  /** Account-level daily metrics whose values mark a day (or month) as documented. */
  coreMetrics: readonly string[];
  /** The export (or screen) to use, by name. */
  exportName: Text;
  /** What the reporter does, step by step, in bokmål and English. */
  instruction: Text;
  /** Where the default comes from (shown to administrators next to it). */
  basis: Text;
}

/** Longest window an administrator may set: ten years (YouTube-like lifetimes are `null`). */
export const MAX_WINDOW_DAYS = 3660;

const meta = (account: 'Facebook-siden' | 'Instagram-kontoen', accountEn: 'Facebook Page' | 'Instagram account'): Text => ({
  nb:
    `Åpne Meta Business Suite › Innsikt og velg ${account}. Sett datoperioden slik at den dekker dagene som mangler, ` +
    'og bruk «Eksporter data»: last ned de daglige verdiene på kontonivå (rekkevidde, visninger, følger) som CSV, ' +
    'og innholdseksporten for verdiene per innlegg. Importer filene som de er lastet ned.',
  en:
    `Open Meta Business Suite › Insights and choose the ${accountEn}. Set the date range to cover the missing days ` +
    'and use "Export data": download the account-level daily values (reach, views, follows) as CSV, and the content ' +
    'export for the per-post values. Import the files as downloaded.',
});

export const historyWindowDefaults: Record<Platform, HistoryWindowDefault> = {
  facebook: {
    platform: 'facebook',
    // "About two years through the API" (PRODUCT.md): 730 days.
    days: 730,
    cadence: 'daily',
    coreMetrics: ['reach', 'views', 'impressions', 'new_followers'],
    exportName: { nb: 'Meta Business Suite › Innsikt › Eksporter data', en: 'Meta Business Suite › Insights › Export data' },
    instruction: meta('Facebook-siden', 'Facebook Page'),
    basis: { nb: 'Facebook-innsikt rekker om lag to år tilbake.', en: 'Facebook insights reach back about two years.' },
  },
  instagram: {
    platform: 'instagram',
    // "About two years through the API" (PRODUCT.md); stories only 24 hours, which no window here can help.
    days: 730,
    cadence: 'daily',
    coreMetrics: ['reach', 'views', 'impressions', 'new_followers'],
    exportName: { nb: 'Meta Business Suite › Innsikt › Eksporter data', en: 'Meta Business Suite › Insights › Export data' },
    instruction: meta('Instagram-kontoen', 'Instagram account'),
    basis: {
      nb: 'Instagram-innsikt rekker om lag to år tilbake (historier bare 24 timer).',
      en: 'Instagram insights reach back about two years (stories only 24 hours).',
    },
  },
  linkedin: {
    platform: 'linkedin',
    // "A rolling 12 months" (PRODUCT.md): 365 days, the shorter reading of twelve months.
    days: 365,
    cadence: 'daily',
    coreMetrics: ['impressions', 'reach', 'new_followers'],
    exportName: { nb: 'LinkedIn-siden › Analyse › Eksporter', en: 'LinkedIn page › Analytics › Export' },
    instruction: {
      nb:
        'Gå til LinkedIn-siden som administrator: Analyse › Innhold, og så Følgere og Besøkende. Velg datoperioden ' +
        '(LinkedIn viser de siste 12 månedene) og trykk «Eksporter». Importer .xls- eller .xlsx-filene som de er.',
      en:
        'Go to the LinkedIn page as an admin: Analytics › Content, then Followers and Visitors. Choose the date range ' +
        '(LinkedIn shows the last 12 months) and press "Export". Import the .xls or .xlsx files as they are.',
    },
    basis: { nb: 'LinkedIn-sidestatistikk: rullerende 12 måneder.', en: 'LinkedIn page statistics: a rolling 12 months.' },
  },
  tiktok: {
    platform: 'tiktok',
    // "TikTok Studio lets one export at most 365 days at a time" (PRODUCT.md).
    days: 365,
    cadence: 'daily',
    coreMetrics: ['views', 'reach', 'profile_views', 'likes', 'comments', 'shares', 'followers'],
    exportName: { nb: 'TikTok Studio › Analyse › Last ned data', en: 'TikTok Studio › Analytics › Download data' },
    instruction: {
      nb:
        'Åpne TikTok Studio i nettleseren › Analyse. Velg en egendefinert periode som dekker dagene som mangler ' +
        '(høyst 365 dager om gangen) og trykk «Last ned data». Importer ZIP-filen (eller CSV-filene) som de er, og oppgi ' +
        'nedlastingsdagen: TikToks filer har datoer uten årstall.',
      en:
        'Open TikTok Studio in a browser › Analytics. Choose a custom range that covers the missing days (at most 365 ' +
        'days at a time) and press "Download data". Import the ZIP (or the CSV files) as downloaded, and give the day ' +
        "of the download: TikTok's files carry dates without a year.",
    },
    basis: { nb: 'TikTok Studio eksporterer høyst 365 dager om gangen.', en: 'TikTok Studio exports at most 365 days at a time.' },
  },
  youtube: {
    platform: 'youtube',
    // "YouTube Studio keeps lifetime data" (PRODUCT.md): nothing leaves the window.
    days: null,
    cadence: 'daily',
    coreMetrics: ['views', 'watch_time_hours', 'new_followers', 'impressions'],
    exportName: { nb: 'YouTube Studio › Analyse › Avansert modus › Eksporter', en: 'YouTube Studio › Analytics › Advanced mode › Export' },
    instruction: {
      nb:
        'Åpne YouTube Studio › Analyse › Avansert modus. Velg perioden og beregningene, vis per dato, og velg ' +
        '«Eksporter gjeldende visning» › CSV. Importer ZIP-filen eller filene «Table data», «Chart data» og «Totals».',
      en:
        'Open YouTube Studio › Analytics › Advanced mode. Choose the period and the metrics, show them by date, and ' +
        'choose "Export current view" › CSV. Import the ZIP or its "Table data", "Chart data" and "Totals" files.',
    },
    basis: { nb: 'YouTube Studio beholder statistikken for hele kanalens levetid.', en: "YouTube Studio keeps the channel's lifetime statistics." },
  },
  x: {
    platform: 'x',
    // "X's legacy export covered 91 days per file" (PRODUCT.md): the conservative reading.
    days: 91,
    cadence: 'daily',
    coreMetrics: ['impressions', 'engagements', 'new_followers', 'profile_views', 'likes'],
    exportName: { nb: 'X › Analyse › Kontooversikt › Eksporter', en: 'X › Analytics › Account overview › Export' },
    instruction: {
      nb:
        'Åpne X › Analyse. Velg perioden i kontooversikten og eksporter de daglige verdiene, og eksporter innholdet ' +
        '(per innlegg), begge som CSV. Last ned minst hver 91. dag. Importer filene som de er.',
      en:
        'Open X › Analytics. Choose the period in the account overview and export the daily values, then export the ' +
        'content (per post), both as CSV. Download at least every 91 days. Import the files as they are.',
    },
    basis: { nb: 'X sin eldre eksport dekket 91 dager per fil.', en: "X's legacy export covered 91 days per file." },
  },
  threads: {
    platform: 'threads',
    // Not in PRODUCT.md. The Threads app's insights offer at most the last 90 days: conservative.
    days: 90,
    cadence: 'monthly',
    coreMetrics: ['followers', 'views', 'likes', 'comments', 'shares', 'link_clicks'],
    exportName: { nb: 'Threads-appen › Innsikt (ingen eksport)', en: 'Threads app › Insights (no export)' },
    instruction: {
      nb:
        'Threads har ingen eksport. Åpne Innsikt i Threads-appen etter hver månedsslutt, les av verdiene for måneden ' +
        'som gikk, og registrer dem i Målbars månedlige registrering innen den 10. i neste måned.',
      en:
        'Threads has no export. Open Insights in the Threads app after each month ends, read the values for the month ' +
        "just ended, and enter them in Målbar's monthly entry by the 10th of the next month.",
    },
    basis: {
      nb: 'Ikke kjent; Innsikt i appen viser høyst de siste 90 dagene (forsiktig anslag).',
      en: 'Not known; the in-app insights show at most the last 90 days (a conservative value).',
    },
  },
  snapchat: {
    platform: 'snapchat',
    // Not in PRODUCT.md. Snapchat's public-profile insights show recent weeks only: 28 days, conservative.
    days: 28,
    cadence: 'monthly',
    coreMetrics: ['followers', 'views', 'reach', 'video_views'],
    exportName: { nb: 'Snapchat › Offentlig profil › Innsikt (ingen eksport)', en: 'Snapchat › Public profile › Insights (no export)' },
    instruction: {
      nb:
        'Snapchat har ingen eksport. Åpne Innsikt på den offentlige profilen i appen etter hver månedsslutt, les av ' +
        'verdiene for måneden som gikk, og registrer dem i Målbars månedlige registrering innen den 10. i neste måned.',
      en:
        'Snapchat has no export. Open Insights on the public profile in the app after each month ends, read the values ' +
        "for the month just ended, and enter them in Målbar's monthly entry by the 10th of the next month.",
    },
    basis: {
      nb: 'Ikke kjent; Innsikt i appen viser bare de siste ukene (forsiktig anslag: 28 dager).',
      en: 'Not known; the in-app insights show recent weeks only (a conservative value: 28 days).',
    },
  },
};

/** The window in force: the organisation's override when there is one, otherwise the default. */
export interface EffectiveWindow {
  days: number | null;
  overridden: boolean;
}

export function effectiveWindow(platform: Platform, overrideDays: number | null | undefined): EffectiveWindow {
  if (overrideDays !== null && overrideDays !== undefined) return { days: overrideDays, overridden: true };
  return { days: historyWindowDefaults[platform].days, overridden: false };
}
