/**
 * The demo's strategy and goals: organisation-wide strategic goals with unit breakdowns, and
 * goals on most active accounts (the nine goal types, as each platform allows), each with at
 * least three KPIs whose targets say where they came from. Pure data; load-demo.ts creates them
 * through the goal services.
 *
 * Dates are relative to the demo's "today" (months from the current month), so a demo loaded
 * any day has goals under way. Most targets are not written here but set when the demo is
 * loaded from the invented statistics, so that each KPI card shows the state named by
 * `outcome` (`ahead`: on track; `behind`: at risk; `met`: met, for a running total also before
 * the deadline; `missed`: missed, for goals whose deadline has passed and for a running total
 * already past an at-most ceiling), rounded to a number someone would write down. Targets that
 * the product brief names are fixed: "2000 link clicks per post, 60 % of the audience aged 18–24".
 * A KPI with a fixed target on values nobody documents yet shows "not measured".
 */
import type { AgeGroup } from '../core/platforms.ts';
import type { Comparator } from '../core/kpi/types.ts';
import type { Measurement } from '../core/metrics/derived.ts';
import type { GoalType } from '../core/goals/templates.ts';
import type { targetBases } from '../contract/goals.ts';

export type DemoOutcome = 'ahead' | 'behind' | 'met' | 'missed';
type TargetBasis = (typeof targetBases)[number];

export interface DemoStrategicGoal {
  key: string;
  title: string;
  description: string;
  /** A unit's breakdown: the unit's slug and the key of the organisation-wide goal it breaks down. */
  unit?: string;
  parent?: string;
  periodStart: string;
  periodEnd: string;
}

export interface DemoKpi {
  kind?: 'metric' | 'audience_share';
  metric?: string;
  ageGroups?: AgeGroup[];
  measurement: Measurement;
  comparator?: Comparator;
  /** A fixed target; otherwise one is set at load time from the statistics to show `outcome`. */
  target?: number;
  outcome?: DemoOutcome;
  basis: TargetBasis;
  note: string;
}

export interface DemoGoal {
  /** A stable name for tests and the loader's messages. */
  key: string;
  accounts: string[];
  /** Key of a strategic goal above. */
  strategicGoal: string;
  goalType: GoalType;
  qualitativeGoal: string;
  concreteGoal: string;
  /** Months from the current month: the goal runs from the first day of `start` to the last day of `end`. */
  start: number;
  end: number;
  status: 'draft' | 'active' | 'achieved' | 'missed';
  /** E-mail of the owner. */
  owner: string;
  kpis: DemoKpi[];
}

const STRATEGY = { periodStart: '2024-01-01', periodEnd: '2030-12-31' };

export const demoStrategicGoals: DemoStrategicGoal[] = [
  {
    key: 'utdanning',
    title: 'Utdanne internasjonalt fremragende kandidater',
    description: 'Studieprogrammene skal holde høy internasjonal kvalitet, og kandidatene skal være ettertraktet i arbeidslivet.',
    ...STRATEGY,
  },
  {
    key: 'formidling',
    title: 'Formidle forskning til samfunnet',
    description: 'Forskningen skal nå allmennheten, skolene og beslutningstakerne, og universitetet skal delta i samfunnsdebatten.',
    ...STRATEGY,
  },
  {
    key: 'rekruttering',
    title: 'Rekruttere flere søkere til studieprogrammene',
    description: 'Flere kvalifiserte førsteprioritetssøkere fra hele landet, særlig til programmene med ledige plasser.',
    ...STRATEGY,
  },
  {
    key: 'omdomme',
    title: 'Et åpent og synlig universitet',
    description: 'Universitetet skal være kjent, tilgjengelig og ha tillit i regionen og nasjonalt.',
    ...STRATEGY,
  },
  {
    key: 'rekruttering-studier',
    unit: 'studentrekruttering',
    parent: 'rekruttering',
    title: 'Flere førsteprioritetssøkere til bachelorprogrammene',
    description: 'Søknadskampanjen skal nå 17–24-åringer der de er, og lede dem til søknadssidene før 15. april.',
    ...STRATEGY,
  },
  {
    key: 'rekruttering-hhn',
    unit: 'handelshogskolen',
    parent: 'rekruttering',
    title: 'Flere søkere til økonomi og administrasjon og til etter- og videreutdanning',
    description: 'Handelshøgskolen skal fylle bachelorprogrammet og doble antallet henvendelser om erfaringsbasert master.',
    ...STRATEGY,
  },
  {
    key: 'rekruttering-helse',
    unit: 'helse',
    parent: 'rekruttering',
    title: 'Nok kvalifiserte søkere til sykepleie',
    description: 'Regionen trenger flere sykepleiere; studiet skal ha minst to kvalifiserte søkere per plass.',
    ...STRATEGY,
  },
  {
    key: 'formidling-museum',
    unit: 'museum',
    parent: 'formidling',
    title: 'Flere besøkende og flere skoleklasser i museet',
    description: 'Museet skal være kjent i hele regionen, og skoletjenesten skal nå flere klasser.',
    ...STRATEGY,
  },
  {
    key: 'formidling-kystklima',
    unit: 'kystklima',
    parent: 'formidling',
    title: 'Klimaforskningen skal nå beslutningstakere og allmennheten',
    description: 'Senterets forskning skal brukes i offentlig debatt og forvaltning.',
    ...STRATEGY,
  },
  {
    key: 'formidling-hf',
    unit: 'hf',
    parent: 'formidling',
    title: 'Humaniora synlig i samfunnsdebatten',
    description: 'Fakultetets fagfolk skal være en tydelig stemme om språk, historie og kultur.',
    ...STRATEGY,
  },
  {
    key: 'formidling-nt',
    unit: 'nt',
    parent: 'formidling',
    title: 'Realfag og teknologi som folk forstår',
    description: 'Fakultetet skal vekke interesse for realfag hos unge og vise hva forskningen betyr for samfunnet.',
    ...STRATEGY,
  },
  {
    key: 'utdanning-alumni',
    unit: 'nett-og-some',
    parent: 'utdanning',
    title: 'Et levende alumninettverk',
    description: 'Kandidatene skal holde kontakten med universitetet og dele erfaringer med studentene.',
    ...STRATEGY,
  },
];

const k = (
  metric: string,
  measurement: Measurement,
  outcome: DemoOutcome,
  basis: TargetBasis,
  note: string,
  comparator: Comparator = 'at_least',
): DemoKpi => ({ metric, measurement, outcome, basis, note, comparator });

// Notes on where targets came from (bokmål, like the rest of the demo organisation).
const OWN = 'Egen historikk: snittet for de siste tolv månedene, justert for planlagt innsats.';
const OWN_SEASON = 'Egen historikk fra samme periode i fjor, pluss planlagt økning.';
const INTERNAL = 'Andre interne kontoer på samme plattform (median i Målbar for universitetets kontoer).';
const INTERNAL_BEST = 'Øvre kvartil blant universitetets kontoer på samme plattform.';
const COMPETITORS = 'Tre sammenlignbare universiteter (offentlige tall gjennomgått i januar).';
const VENDOR = 'Innsiktsrapport kjøpt fra byrå (Ung i sosiale medier 2025).';

export const demoGoals: DemoGoal[] = [
  {
    key: 'studier-instagram-rekruttering',
    accounts: ['studier-instagram'],
    strategicGoal: 'rekruttering-studier',
    goalType: 'recruiting',
    qualitativeGoal: 'Flere førsteprioritetssøkere til bachelorprogrammene',
    concreteGoal: 'Lede 18–24-åringer fra Instagram til søknadssidene før søknadsfristen 15. april',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'camilla.nilsen@nordvik.example',
    kpis: [
      {
        metric: 'link_clicks',
        measurement: 'per_post',
        target: 2000,
        basis: 'competitors',
        note: 'Sammenlignbare universiteters Instagram-kontoer fikk rundt 2000 lenkeklikk per innlegg med lenke i søknadsperioden i fjor.',
      },
      {
        kind: 'audience_share',
        ageGroups: ['18-24'],
        measurement: 'at_deadline',
        target: 60,
        basis: 'vendor_insight',
        note: 'Byråets målgruppeanalyse: kontoer som treffer søkerne, har minst 60 % av publikum i alderen 18–24.',
      },
      k('applicants', 'over_period', 'ahead', 'own_history', 'Søkere som oppga Instagram som kilde i fjor (Samordna opptak-undersøkelsen), pluss 15 %.'),
      k('conversions', 'over_period', 'ahead', 'other', 'Påbegynte søknader fra Instagram i webanalysen: budsjettert i handlingsplanen.'),
    ],
  },
  {
    key: 'soknadskampanje',
    accounts: ['studier-tiktok', 'studier-snapchat'],
    strategicGoal: 'rekruttering-studier',
    goalType: 'engagement',
    qualitativeGoal: 'Søknadskampanjen: bli student i Nordvik',
    concreteGoal: 'Videoer fra studenthverdagen som 17–19-åringer ser ferdig og deler med venner',
    start: -3,
    end: 5,
    status: 'active',
    owner: 'camilla.nilsen@nordvik.example',
    kpis: [
      k('engagement_rate_reach', 'per_post', 'ahead', 'internal_accounts', INTERNAL),
      k('shares', 'over_period', 'behind', 'vendor_insight', VENDOR),
      k('comments', 'over_period', 'ahead', 'own_history', OWN_SEASON),
    ],
  },
  {
    key: 'studier-facebook-kundeservice',
    accounts: ['studier-facebook'],
    strategicGoal: 'rekruttering-studier',
    goalType: 'customer_service',
    qualitativeGoal: 'Foreldre og søkere får raske og gode svar',
    concreteGoal: 'Svare på meldinger og kommentarer om opptak innen én arbeidsdag',
    start: -5,
    end: 6,
    status: 'active',
    owner: 'camilla.nilsen@nordvik.example',
    kpis: [
      k('response_rate', 'per_month', 'ahead', 'own_history', OWN),
      k('response_time_hours', 'per_month', 'behind', 'competitors', 'Servicemålet til sammenlignbare studieinformasjoner (svar innen 6 timer på hverdager).', 'at_most'),
      k('satisfaction', 'per_month', 'ahead', 'other', 'Tilfredshetsmåling etter avsluttet henvendelse (skala 1–5).'),
    ],
  },
  {
    key: 'nordvik-facebook-omdomme',
    accounts: ['nordvik-facebook'],
    strategicGoal: 'omdomme',
    goalType: 'reputation',
    qualitativeGoal: 'Universitetet omtales oftere og mer positivt',
    concreteGoal: 'Løfte fram studenter og forskere med gode historier, og svare raskt i kommentarfeltet',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'linnea.larsen@nordvik.example',
    kpis: [
      k('mentions', 'over_period', 'ahead', 'own_history', 'Omtaler i fjor fra lytteverktøyet, pluss 10 %.'),
      k('net_sentiment', 'over_period', 'behind', 'competitors', COMPETITORS),
      // An ambitious ceiling on negative mentions, already passed: missed before the deadline.
      k('sentiment_negative', 'over_period', 'missed', 'own_history', 'Negative omtaler i samme periode i fjor (lytteverktøyet), minus 20 %.', 'at_most'),
      k('share_of_voice', 'over_period', 'behind', 'competitors', 'Tre sammenlignbare universiteter i lytteverktøyet.'),
    ],
  },
  {
    key: 'nordvik-instagram-kjennskap',
    accounts: ['nordvik-instagram'],
    strategicGoal: 'omdomme',
    goalType: 'brand_awareness',
    qualitativeGoal: 'Flere unge voksne kjenner universitetet',
    concreteGoal: 'Reels fra campus og forskning som når 18–34-åringer utenfor regionen',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'linnea.larsen@nordvik.example',
    kpis: [
      k('reach', 'per_post', 'ahead', 'internal_accounts', INTERNAL_BEST),
      k('views', 'over_period', 'ahead', 'own_history', OWN),
      k('audience_growth_rate', 'over_period', 'ahead', 'competitors', COMPETITORS),
      k('followers', 'at_deadline', 'ahead', 'own_history', OWN),
    ],
  },
  {
    key: 'nordvik-linkedin-trafikk',
    accounts: ['nordvik-linkedin'],
    strategicGoal: 'utdanning',
    goalType: 'web_traffic',
    qualitativeGoal: 'Flere søkere til masterprogrammene fra arbeidslivet',
    concreteGoal: 'Lede yrkesaktive til sidene om masterprogram og etter- og videreutdanning',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'mathias.olsen@nordvik.example',
    kpis: [
      k('link_clicks', 'per_post', 'ahead', 'own_history', OWN),
      k('sessions', 'over_period', 'behind', 'own_history', 'Økter fra LinkedIn i webanalysen i fjor, pluss 25 %.'),
      k('click_through_rate', 'over_period', 'ahead', 'vendor_insight', 'LinkedIns egne referansetall for utdanningssektoren (kjøpt rapport).'),
      k('conversions', 'over_period', 'behind', 'other', 'Påmeldinger til informasjonsmøter: budsjettert i handlingsplanen.'),
    ],
  },
  {
    key: 'nordvik-youtube-engasjement',
    accounts: ['nordvik-youtube'],
    strategicGoal: 'formidling',
    goalType: 'engagement',
    qualitativeGoal: 'Flere ser forskningsvideoene og disputasene til ende',
    concreteGoal: 'Kortere videoer med tydelig start, og direktesendte disputaser med kapitler',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'linnea.larsen@nordvik.example',
    kpis: [
      k('watch_time_hours', 'over_period', 'ahead', 'own_history', OWN),
      k('viewer_development', 'over_period', 'ahead', 'own_history', 'Like mange visninger per dag som i samme periode før målet, pluss 15 %.'),
      k('engagement_rate_impressions', 'over_period', 'ahead', 'internal_accounts', INTERNAL),
    ],
  },
  {
    key: 'nordvik-x-engasjement',
    accounts: ['nordvik-x'],
    strategicGoal: 'omdomme',
    goalType: 'engagement',
    qualitativeGoal: 'Universitetet deltar i samtalen på X',
    concreteGoal: 'Svare og dele forskning i debatter der journalister og politikere er',
    start: -16,
    end: -9,
    status: 'missed',
    owner: 'linnea.larsen@nordvik.example',
    kpis: [
      k('engagement_rate_impressions', 'over_period', 'missed', 'own_history', OWN),
      k('likes', 'over_period', 'missed', 'own_history', OWN),
      k('shares', 'over_period', 'missed', 'internal_accounts', INTERNAL),
    ],
  },
  {
    key: 'nordvik-threads-kjennskap',
    accounts: ['nordvik-threads'],
    strategicGoal: 'omdomme',
    goalType: 'brand_awareness',
    qualitativeGoal: 'Prøve ut Threads som kanal for forskningsnyheter',
    concreteGoal: 'Finne ut om Threads når voksne som ikke følger oss andre steder',
    start: 0,
    end: 5,
    status: 'draft',
    owner: 'mathias.olsen@nordvik.example',
    kpis: [
      k('views', 'over_period', 'ahead', 'own_history', 'Foreløpig: tre måneders historikk.'),
      k('followers', 'at_deadline', 'ahead', 'own_history', 'Foreløpig: tre måneders historikk.'),
    ],
  },
  {
    key: 'alumni-linkedin-engasjement',
    accounts: ['alumni-linkedin'],
    strategicGoal: 'utdanning-alumni',
    goalType: 'engagement',
    qualitativeGoal: 'Alumni deler erfaringer med studentene',
    concreteGoal: 'Månedlige alumniportretter som alumni selv kommenterer og deler',
    start: 1,
    end: 12,
    status: 'draft',
    owner: 'mathias.olsen@nordvik.example',
    kpis: [
      k('engagement_rate_post', 'per_post', 'ahead', 'internal_accounts', INTERNAL),
      k('shares', 'over_period', 'ahead', 'own_history', OWN),
      k('comments', 'per_month', 'ahead', 'own_history', OWN),
    ],
  },
  {
    key: 'hf-facebook-engasjement',
    accounts: ['hf-facebook'],
    strategicGoal: 'formidling-hf',
    goalType: 'engagement',
    qualitativeGoal: 'Flere tar del i samtalen om humanistisk forskning',
    concreteGoal: 'Spørsmål til leserne og svar fra fagfolk i kommentarfeltet hver uke',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'jonas.berg@nordvik.example',
    kpis: [
      k('engagement_rate_post', 'per_post', 'ahead', 'own_history', OWN),
      k('daily_engagement_rate', 'per_day', 'ahead', 'internal_accounts', INTERNAL),
      k('shares', 'over_period', 'ahead', 'own_history', OWN),
    ],
  },
  {
    key: 'hf-instagram-engasjement',
    accounts: ['hf-instagram'],
    strategicGoal: 'formidling-hf',
    goalType: 'engagement',
    qualitativeGoal: 'Unge voksne oppdager humaniora',
    concreteGoal: 'Karuseller om språk og historie som 18–24-åringer lagrer og deler',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'jonas.berg@nordvik.example',
    kpis: [
      k('engagement_rate_reach', 'per_post', 'ahead', 'internal_accounts', INTERNAL),
      k('saves', 'over_period', 'ahead', 'own_history', OWN),
      { kind: 'audience_share', ageGroups: ['18-24'], measurement: 'at_deadline', outcome: 'behind', basis: 'vendor_insight', note: VENDOR },
    ],
  },
  {
    key: 'sprakprat-tiktok-kjennskap',
    accounts: ['sprakprat-tiktok'],
    strategicGoal: 'formidling-hf',
    goalType: 'brand_awareness',
    qualitativeGoal: 'Språkforskning når elever i videregående',
    concreteGoal: 'Korte videoer om ord og dialekter som elever og lærere deler',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'jonas.berg@nordvik.example',
    kpis: [
      // Set from a year when the account was smaller: the views target for the whole period is reached already (met).
      k('views', 'over_period', 'met', 'own_history', OWN),
      k('followers', 'at_deadline', 'ahead', 'own_history', OWN),
      k('audience_growth_rate', 'over_period', 'ahead', 'competitors', COMPETITORS),
    ],
  },
  {
    key: 'arkeologi-youtube-engasjement',
    accounts: ['arkeologi-youtube'],
    strategicGoal: 'formidling-hf',
    goalType: 'engagement',
    qualitativeGoal: 'Flere følger utgravningene gjennom året',
    concreteGoal: 'Ukentlige videoer fra feltarbeidet og månedlige fra laboratoriet',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'knut.ronning@nordvik.example',
    kpis: [
      k('watch_time_hours', 'over_period', 'behind', 'own_history', OWN_SEASON),
      k('viewer_development', 'over_period', 'ahead', 'own_history', 'Flere visninger per dag enn i samme periode før målet.'),
      k('likes', 'over_period', 'ahead', 'internal_accounts', INTERNAL),
    ],
  },
  {
    key: 'nt-instagram-engasjement',
    accounts: ['nt-instagram'],
    strategicGoal: 'formidling-nt',
    goalType: 'engagement',
    qualitativeGoal: 'Unge får lyst til å studere realfag',
    concreteGoal: 'Forsøk og forskerportretter som 18–24-åringer kommenterer',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'kristoffer.lunde@nordvik.example',
    kpis: [
      k('engagement_rate_reach', 'per_post', 'behind', 'internal_accounts', INTERNAL_BEST),
      k('comments', 'per_month', 'ahead', 'own_history', OWN),
      k('saves', 'over_period', 'ahead', 'own_history', OWN),
    ],
  },
  {
    key: 'nt-linkedin-trafikk',
    accounts: ['nt-linkedin'],
    strategicGoal: 'formidling-nt',
    goalType: 'web_traffic',
    qualitativeGoal: 'Næringslivet kjenner fakultetets forskning',
    concreteGoal: 'Lede bedrifter til sidene om samarbeid og studentoppgaver',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'kristoffer.lunde@nordvik.example',
    kpis: [
      k('link_clicks', 'per_post', 'ahead', 'own_history', OWN),
      k('click_through_rate', 'over_period', 'ahead', 'vendor_insight', 'LinkedIns egne referansetall for utdanningssektoren (kjøpt rapport).'),
      k('sessions', 'over_period', 'ahead', 'own_history', 'Økter fra LinkedIn i webanalysen i fjor.'),
    ],
  },
  {
    key: 'fysikkshowet-youtube-engasjement',
    accounts: ['fysikkshowet-youtube'],
    strategicGoal: 'formidling-nt',
    goalType: 'engagement',
    qualitativeGoal: 'Familier ser fysikkshowet sammen',
    concreteGoal: 'Hele forestillinger og korte forsøk som familier ser til ende',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'kristoffer.lunde@nordvik.example',
    kpis: [
      k('watch_time_hours', 'over_period', 'ahead', 'own_history', OWN),
      k('viewer_development', 'over_period', 'ahead', 'own_history', 'Flere visninger per dag enn i samme periode før målet, pluss 20 %.'),
      k('engagement_rate_impressions', 'per_month', 'ahead', 'internal_accounts', INTERNAL),
    ],
  },
  {
    key: 'fysikkshowet-tiktok-kjennskap',
    accounts: ['fysikkshowet-tiktok'],
    strategicGoal: 'formidling-nt',
    goalType: 'brand_awareness',
    qualitativeGoal: 'Fysikkshowet blir kjent blant ungdomsskoleelever',
    concreteGoal: 'Ett forsøk i uka, filmet vertikalt, med en overraskelse i første sekund',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'kristoffer.lunde@nordvik.example',
    kpis: [
      k('views', 'over_period', 'met', 'own_history', OWN),
      k('followers', 'at_deadline', 'ahead', 'competitors', 'Tilsvarende vitensentre på TikTok.'),
      k('reach', 'per_post', 'behind', 'internal_accounts', INTERNAL_BEST),
    ],
  },
  {
    key: 'havlab-instagram-engasjement',
    accounts: ['havlab-instagram'],
    strategicGoal: 'formidling-nt',
    goalType: 'engagement',
    qualitativeGoal: 'Havforskningen engasjerer unge voksne',
    concreteGoal: 'Bilder og reels fra tokt og laboratorium med forskerne som forteller',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'kristoffer.lunde@nordvik.example',
    kpis: [
      k('engagement_rate_reach', 'per_post', 'ahead', 'internal_accounts', INTERNAL),
      k('shares', 'over_period', 'ahead', 'own_history', OWN),
      k('engagement_rate_post', 'per_post', 'ahead', 'own_history', OWN),
    ],
  },
  {
    // Nothing has been documented since the reporter left: every KPI is "not measured".
    key: 'havlab-threads-kjennskap',
    accounts: ['havlab-threads'],
    strategicGoal: 'formidling-nt',
    goalType: 'brand_awareness',
    qualitativeGoal: 'Havforskningen når voksne på Threads',
    concreteGoal: 'Korte forskningsnyheter med lenke til artiklene',
    start: -3,
    end: 8,
    status: 'active',
    owner: 'kristoffer.lunde@nordvik.example',
    kpis: [
      { metric: 'views', measurement: 'over_period', target: 60_000, basis: 'own_history', note: 'Egen historikk fra de første månedene på Threads.' },
      { metric: 'followers', measurement: 'at_deadline', target: 2_000, basis: 'own_history', note: 'Egen historikk fra de første månedene på Threads.' },
      { metric: 'audience_growth_rate', measurement: 'over_period', target: 15, basis: 'internal_accounts', note: INTERNAL },
    ],
  },
  {
    key: 'helse-facebook-trafikk',
    accounts: ['helse-facebook'],
    strategicGoal: 'rekruttering-helse',
    goalType: 'web_traffic',
    qualitativeGoal: 'Flere voksne vurderer å studere sykepleie',
    concreteGoal: 'Lede voksne som vil bytte yrke til sidene om deltidsstudiet i sykepleie',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'sofie.karlsen@nordvik.example',
    kpis: [
      k('link_clicks', 'per_post', 'ahead', 'own_history', OWN),
      k('sessions', 'over_period', 'ahead', 'own_history', 'Økter fra Facebook i webanalysen i fjor, pluss 20 %.'),
      k('click_through_rate', 'over_period', 'ahead', 'internal_accounts', INTERNAL),
    ],
  },
  {
    key: 'sykepleie-instagram-rekruttering',
    accounts: ['sykepleie-instagram'],
    strategicGoal: 'rekruttering-helse',
    goalType: 'recruiting',
    qualitativeGoal: 'Flere søkere til bachelor i sykepleie',
    concreteGoal: 'Studenter i praksis forteller, med lenke til studiesiden i hver historie',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'sofie.karlsen@nordvik.example',
    kpis: [
      k('applicants', 'over_period', 'behind', 'own_history', 'Søkere som oppga Instagram som kilde i fjor, pluss 20 %.'),
      k('link_clicks', 'per_post', 'ahead', 'internal_accounts', INTERNAL),
      { kind: 'audience_share', ageGroups: ['18-24'], measurement: 'at_deadline', outcome: 'ahead', basis: 'vendor_insight', note: VENDOR },
    ],
  },
  {
    key: 'handelshogskolen-linkedin-leads',
    accounts: ['handelshogskolen-linkedin'],
    strategicGoal: 'rekruttering-hhn',
    goalType: 'leads',
    qualitativeGoal: 'Flere henvendelser om erfaringsbasert master',
    concreteGoal: 'Annonser og innlegg som leder ledere til påmeldingsskjemaet for informasjonsmøter',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'magnus.hauge@nordvik.example',
    kpis: [
      k('leads', 'over_period', 'ahead', 'own_history', 'Henvendelser fra LinkedIn i fjor, doblet som i strategien.'),
      k('cost_per_lead', 'over_period', 'behind', 'competitors', 'Kostnad per lead hos to andre handelshøyskoler (oppgitt på bransjeseminar).', 'at_most'),
      k('conversion_rate', 'over_period', 'ahead', 'vendor_insight', 'Byråets referansetall for påmeldinger fra LinkedIn-annonser.'),
    ],
  },
  {
    key: 'handelshogskolen-instagram-konvertering',
    accounts: ['handelshogskolen-instagram'],
    strategicGoal: 'rekruttering-hhn',
    goalType: 'conversions',
    qualitativeGoal: 'Flere melder seg på digital åpen dag for økonomi og administrasjon',
    concreteGoal: 'Lede elever i videregående fra Instagram til påmeldingen til åpen dag',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'magnus.hauge@nordvik.example',
    kpis: [
      k('conversion_rate', 'over_period', 'ahead', 'own_history', OWN),
      k('conversions', 'over_period', 'ahead', 'other', 'Antall plasser på åpen dag.'),
      k('link_clicks', 'per_post', 'ahead', 'internal_accounts', INTERNAL),
    ],
  },
  {
    key: 'okonomi60-tiktok-engasjement',
    accounts: ['okonomi60-tiktok'],
    strategicGoal: 'rekruttering-hhn',
    goalType: 'engagement',
    qualitativeGoal: 'Økonomi forklart på 60 sekunder engasjerer unge',
    concreteGoal: 'Forklaringsvideoer som ses til ende og deles',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'magnus.hauge@nordvik.example',
    kpis: [
      k('engagement_rate_reach', 'per_post', 'ahead', 'internal_accounts', INTERNAL_BEST),
      k('viewer_development', 'over_period', 'ahead', 'own_history', 'Flere visninger per dag enn i perioden før målet.'),
      k('watch_time_hours', 'over_period', 'behind', 'competitors', COMPETITORS),
    ],
  },
  {
    key: 'museum-facebook-kjennskap',
    accounts: ['museum-facebook'],
    strategicGoal: 'formidling-museum',
    goalType: 'brand_awareness',
    qualitativeGoal: 'Flere i regionen kjenner museets utstillinger',
    concreteGoal: 'Arrangementer og utstillinger presentert for familier i regionen',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'vegard.saether@nordvik.example',
    kpis: [
      k('reach', 'per_post', 'ahead', 'own_history', OWN),
      k('impressions', 'over_period', 'behind', 'own_history', OWN_SEASON),
      k('followers', 'at_deadline', 'ahead', 'internal_accounts', INTERNAL),
    ],
  },
  {
    key: 'museum-facebook-sommer',
    accounts: ['museum-facebook'],
    strategicGoal: 'formidling-museum',
    goalType: 'engagement',
    qualitativeGoal: 'Sommerutstillingen engasjerer turister og familier',
    concreteGoal: 'Daglige innlegg fra sommerutstillingen i høysesongen',
    start: -13,
    end: -8,
    status: 'achieved',
    owner: 'vegard.saether@nordvik.example',
    kpis: [
      k('engagements', 'over_period', 'met', 'own_history', OWN_SEASON),
      k('engagement_rate_impressions', 'over_period', 'met', 'internal_accounts', INTERNAL),
      k('shares', 'over_period', 'met', 'own_history', OWN_SEASON),
    ],
  },
  {
    key: 'museum-instagram-engasjement',
    accounts: ['museum-instagram'],
    strategicGoal: 'formidling-museum',
    goalType: 'engagement',
    qualitativeGoal: 'Samlingene engasjerer voksne kulturinteresserte',
    concreteGoal: 'Månedens gjenstand og glimt bak kulissene',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'vegard.saether@nordvik.example',
    kpis: [
      k('engagement_rate_reach', 'per_post', 'ahead', 'internal_accounts', INTERNAL),
      k('saves', 'over_period', 'ahead', 'own_history', OWN),
      k('comments', 'per_month', 'ahead', 'own_history', OWN),
    ],
  },
  {
    key: 'museum-tiktok-kjennskap',
    accounts: ['museum-tiktok'],
    strategicGoal: 'formidling-museum',
    goalType: 'brand_awareness',
    qualitativeGoal: 'Unge oppdager museet',
    concreteGoal: 'Korte videoer der gjenstandene «snakker»',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'vegard.saether@nordvik.example',
    kpis: [
      k('views', 'over_period', 'ahead', 'vendor_insight', VENDOR),
      k('audience_growth_rate', 'over_period', 'ahead', 'own_history', OWN),
      k('followers', 'at_deadline', 'behind', 'internal_accounts', INTERNAL_BEST),
    ],
  },
  {
    // Bookings are not tracked in web analytics yet: that KPI shows "not measured" until they are.
    key: 'skoletjenesten-facebook-trafikk',
    accounts: ['skoletjenesten-facebook'],
    strategicGoal: 'formidling-museum',
    goalType: 'web_traffic',
    qualitativeGoal: 'Flere skoleklasser besøker museet',
    concreteGoal: 'Lede lærere fra Facebook til bestillingssiden for klassebesøk og lærerkvelder',
    start: -2,
    end: 9,
    status: 'active',
    owner: 'vegard.saether@nordvik.example',
    kpis: [
      k('link_clicks', 'per_post', 'ahead', 'own_history', OWN),
      k('click_through_rate', 'over_period', 'behind', 'internal_accounts', INTERNAL),
      {
        metric: 'conversions',
        measurement: 'over_period',
        target: 150,
        basis: 'other',
        note: 'Skoletjenestens mål for skoleåret: 150 bestillinger fra Facebook. Bestillingene spores ikke i webanalysen ennå, så KPI-en er ikke målt før sporingen er på plass.',
      },
    ],
  },
  {
    key: 'kystklima-x-lytting',
    accounts: ['kystklima-x'],
    strategicGoal: 'formidling-kystklima',
    goalType: 'social_listening',
    qualitativeGoal: 'Senteret er en stemme i klimadebatten',
    concreteGoal: 'Følge debatten om kystklima og delta når forskningen er relevant',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'lucas.martin@nordvik.example',
    kpis: [
      k('mentions', 'over_period', 'ahead', 'own_history', 'Omtaler fra lytteverktøyet i fjor.'),
      k('share_of_voice', 'over_period', 'behind', 'competitors', 'To andre klimaforskningssentre (lytteverktøyet).'),
      k('net_sentiment', 'over_period', 'ahead', 'own_history', OWN),
      // A ceiling on negative mentions that the running total has passed: missed before the deadline.
      k('sentiment_negative', 'over_period', 'missed', 'other', 'Senterets kommunikasjonsplan: færre negative omtaler enn i samme periode i fjor, minus 20 %.', 'at_most'),
    ],
  },
  {
    key: 'kystklima-linkedin-engasjement',
    accounts: ['kystklima-linkedin'],
    strategicGoal: 'formidling-kystklima',
    goalType: 'engagement',
    qualitativeGoal: 'Forvaltningen bruker senterets forskning',
    concreteGoal: 'Korte sammendrag av nye rapporter for forvaltning og næringsliv',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'lucas.martin@nordvik.example',
    kpis: [
      k('engagement_rate_impressions', 'over_period', 'ahead', 'internal_accounts', INTERNAL),
      k('shares', 'over_period', 'ahead', 'own_history', OWN),
      k('comments', 'per_month', 'behind', 'own_history', OWN),
    ],
  },
  {
    key: 'kystklima-youtube-kjennskap',
    accounts: ['kystklima-youtube'],
    strategicGoal: 'formidling-kystklima',
    goalType: 'brand_awareness',
    qualitativeGoal: 'Flere ser forklaringsvideoene om kystklima',
    concreteGoal: 'Én forklaringsvideo i måneden om et nytt forskningsresultat',
    start: -4,
    end: 7,
    status: 'active',
    owner: 'lucas.martin@nordvik.example',
    kpis: [
      k('views', 'over_period', 'behind', 'own_history', OWN),
      k('followers', 'at_deadline', 'ahead', 'own_history', OWN),
      k('impressions', 'over_period', 'ahead', 'internal_accounts', INTERNAL),
    ],
  },
];
