/**
 * The demo organisation: a fictional Norwegian university, "Universitetet i Nordvik", with its
 * units, people, roles and social media accounts. Pure data, typed by the contract's input
 * schemas; src/demo/load-demo.ts turns it into rows through the services.
 *
 * Everything here is invented: names, handles and addresses are made up (e-mail addresses use
 * the reserved .example domain), and no real account is described. Later features add their own
 * sections (in files of their own when large) and a step to the loader; refer to units and
 * accounts by their slugs, which are fixed below. Statistics: demo-statistics.ts (generated from
 * a profile per account); strategy and goals: demo-goals.ts.
 *
 *   Universitetet i Nordvik (organisation)
 *   ├── Kommunikasjonsavdelingen (office)
 *   │   ├── Seksjon for studentrekruttering (group)
 *   │   └── Seksjon for nett og sosiale medier (group)
 *   ├── Det humanistiske fakultet (faculty)
 *   │   ├── Institutt for språk og litteratur
 *   │   └── Institutt for historie og arkeologi
 *   ├── Fakultet for naturvitenskap og teknologi (faculty)
 *   │   ├── Institutt for fysikk og teknologi
 *   │   └── Institutt for havbiologi
 *   ├── Det helsevitenskapelige fakultet (faculty)
 *   │   └── Institutt for sykepleie og helsefag
 *   ├── Handelshøgskolen i Nordvik (faculty)
 *   ├── Nordvik universitetsmuseum (centre)
 *   │   ├── Utstillinger og formidling (group)
 *   │   └── Skoletjenesten (group)
 *   └── Senter for kyst- og klimaforskning (centre)
 */
import type { AccountCreateInput } from '../contract/accounts.ts';
import type { Locale } from '../contract/common.ts';
import type { Platform, UnitKind } from '../core/platforms.ts';
import type { Role, UnitRole } from '../core/roles.ts';
import { demoStatsProfiles, type DemoStatsProfile } from './demo-statistics.ts';
import { demoGoals, demoStrategicGoals, type DemoGoal, type DemoStrategicGoal } from './demo-goals.ts';
import { demoCompetitors, type DemoCompetitor } from './demo-competitors.ts';

/** Every demo person signs in with this password (the demo is for trying Målbar out, locally). */
export const DEMO_PASSWORD = 'nordvik-demo';

export interface DemoUnit {
  slug: string;
  name: string;
  kind: UnitKind;
  children?: DemoUnit[];
}

export interface DemoGrant {
  role: UnitRole;
  /** Slug of the unit the role is granted on (it holds in every unit below, too). */
  unit: string;
}

export interface DemoPerson {
  name: string;
  email: string;
  /** Job title, shown when the demo tells who to sign in as. */
  title: string;
  locale?: Locale;
  admin?: boolean;
  grants: DemoGrant[];
}

/** An account as the API would receive it, with its unit's slug and a fixed slug of its own. */
export type DemoAccount = AccountCreateInput & { unit: string; slug: string };

export interface DemoOrganisation {
  name: string;
  /** The slug createOrganisation makes of the name; also the top unit's slug. */
  slug: string;
  locale: Locale;
  /** The units below the top unit. */
  units: DemoUnit[];
  /** The first person is the administrator who "set up" the organisation. */
  people: [DemoPerson & { admin: true }, ...DemoPerson[]];
  accounts: DemoAccount[];
  /** Profiles of the invented statistics, by account slug (demo-statistics.ts). */
  statistics: Record<string, DemoStatsProfile>;
  /** The strategy (organisation-wide strategic goals and units' breakdowns) and the accounts' goals (demo-goals.ts). */
  strategicGoals: DemoStrategicGoal[];
  goals: DemoGoal[];
  /** Competitor and peer accounts outside the organisation, with their public figures (demo-competitors.ts). */
  competitors: DemoCompetitor[];
  /** Who to sign in as to see Målbar through each role's eyes (e-mail addresses). */
  signInAs: Record<Role, string>;
}

const ORG = 'universitetet-i-nordvik';

/** The profile address a platform uses for a handle (all handles here are invented). */
export function profileUrl(platform: Platform, handle: string): string {
  const h = handle.replace(/^@/, '');
  switch (platform) {
    case 'facebook':
      return `https://www.facebook.com/${h}`;
    case 'instagram':
      return `https://www.instagram.com/${h}/`;
    case 'linkedin':
      return `https://www.linkedin.com/company/${h}/`;
    case 'tiktok':
      return `https://www.tiktok.com/@${h}`;
    case 'youtube':
      return `https://www.youtube.com/@${h}`;
    case 'x':
      return `https://x.com/${h}`;
    case 'threads':
      return `https://www.threads.net/@${h}`;
    case 'snapchat':
      return `https://www.snapchat.com/add/${h}`;
  }
}

const units: DemoUnit[] = [
  {
    slug: 'kommunikasjon',
    name: 'Kommunikasjonsavdelingen',
    kind: 'office',
    children: [
      { slug: 'studentrekruttering', name: 'Seksjon for studentrekruttering', kind: 'group' },
      { slug: 'nett-og-some', name: 'Seksjon for nett og sosiale medier', kind: 'group' },
    ],
  },
  {
    slug: 'hf',
    name: 'Det humanistiske fakultet',
    kind: 'faculty',
    children: [
      { slug: 'isl', name: 'Institutt for språk og litteratur', kind: 'department' },
      { slug: 'iha', name: 'Institutt for historie og arkeologi', kind: 'department' },
    ],
  },
  {
    slug: 'nt',
    name: 'Fakultet for naturvitenskap og teknologi',
    kind: 'faculty',
    children: [
      { slug: 'ift', name: 'Institutt for fysikk og teknologi', kind: 'department' },
      { slug: 'ihb', name: 'Institutt for havbiologi', kind: 'department' },
    ],
  },
  {
    slug: 'helse',
    name: 'Det helsevitenskapelige fakultet',
    kind: 'faculty',
    children: [{ slug: 'isph', name: 'Institutt for sykepleie og helsefag', kind: 'department' }],
  },
  { slug: 'handelshogskolen', name: 'Handelshøgskolen i Nordvik', kind: 'faculty' },
  {
    slug: 'museum',
    name: 'Nordvik universitetsmuseum',
    kind: 'centre',
    children: [
      { slug: 'formidling', name: 'Utstillinger og formidling', kind: 'group' },
      { slug: 'skoletjenesten', name: 'Skoletjenesten', kind: 'group' },
    ],
  },
  { slug: 'kystklima', name: 'Senter for kyst- og klimaforskning', kind: 'centre' },
];

const people: DemoOrganisation['people'] = [
  { name: 'Ingrid Solheim', email: 'ingrid.solheim@nordvik.example', title: 'Systemforvalter for Målbar, Kommunikasjonsavdelingen', admin: true, grants: [] },
  // Leadership: reads everything.
  { name: 'Marte Lie', email: 'marte.lie@nordvik.example', title: 'Prorektor for utdanning', grants: [{ role: 'viewer', unit: ORG }] },
  {
    name: 'Henrik Aasen',
    email: 'henrik.aasen@nordvik.example',
    title: 'Kommunikasjonsdirektør',
    grants: [
      { role: 'manager', unit: 'kommunikasjon' },
      { role: 'viewer', unit: ORG },
    ],
  },
  // Kommunikasjonsavdelingen
  { name: 'Linnea Larsen', email: 'linnea.larsen@nordvik.example', title: 'Seniorrådgiver, sosiale medier', grants: [{ role: 'editor', unit: 'kommunikasjon' }] },
  { name: 'Emil Pedersen', email: 'emil.pedersen@nordvik.example', title: 'Rådgiver, analyse og innsikt', grants: [{ role: 'reporter', unit: 'kommunikasjon' }] },
  { name: 'Thea Andersen', email: 'thea.andersen@nordvik.example', title: 'Seniorrådgiver, kommunikasjonsstrategi', grants: [{ role: 'evaluator', unit: 'kommunikasjon' }] },
  {
    name: 'Sofie Karlsen',
    email: 'sofie.karlsen@nordvik.example',
    title: 'Rådgiver, studentrekruttering',
    grants: [
      { role: 'editor', unit: 'studentrekruttering' },
      { role: 'reporter', unit: 'studentrekruttering' },
    ],
  },
  { name: 'Mathias Olsen', email: 'mathias.olsen@nordvik.example', title: 'Webredaktør', grants: [{ role: 'editor', unit: 'nett-og-some' }] },
  // Det humanistiske fakultet
  { name: 'Sigrid Haugen', email: 'sigrid.haugen@nordvik.example', title: 'Kommunikasjonssjef, HF', grants: [{ role: 'manager', unit: 'hf' }] },
  { name: 'Jonas Berg', email: 'jonas.berg@nordvik.example', title: 'Kommunikasjonsrådgiver, HF', grants: [{ role: 'editor', unit: 'hf' }] },
  { name: 'Nora Dahl', email: 'nora.dahl@nordvik.example', title: 'Konsulent, HF', grants: [{ role: 'reporter', unit: 'hf' }] },
  { name: 'Eirik Moen', email: 'eirik.moen@nordvik.example', title: 'Seniorrådgiver, HF', grants: [{ role: 'evaluator', unit: 'hf' }] },
  { name: 'Astrid Hovland', email: 'astrid.hovland@nordvik.example', title: 'Dekan, HF', grants: [{ role: 'viewer', unit: 'hf' }] },
  {
    name: 'Amalie Strand',
    email: 'amalie.strand@nordvik.example',
    title: 'Stipendiat og redaktør for Språkprat',
    grants: [
      { role: 'editor', unit: 'isl' },
      { role: 'reporter', unit: 'isl' },
    ],
  },
  { name: 'Knut Rønning', email: 'knut.ronning@nordvik.example', title: 'Førsteamanuensis i arkeologi', grants: [{ role: 'editor', unit: 'iha' }] },
  // Fakultet for naturvitenskap og teknologi
  { name: 'Hanne Brekke', email: 'hanne.brekke@nordvik.example', title: 'Kommunikasjonssjef, NT', grants: [{ role: 'manager', unit: 'nt' }] },
  { name: 'Kristoffer Lunde', email: 'kristoffer.lunde@nordvik.example', title: 'Kommunikasjonsrådgiver, NT', grants: [{ role: 'editor', unit: 'nt' }] },
  { name: 'Ida Johansen', email: 'ida.johansen@nordvik.example', title: 'Rådgiver, NT', grants: [{ role: 'reporter', unit: 'nt' }] },
  { name: 'Per Håkon Vik', email: 'per.hakon.vik@nordvik.example', title: 'Seniorrådgiver, NT', grants: [{ role: 'evaluator', unit: 'nt' }] },
  {
    name: 'Jørgen Sandvik',
    email: 'jorgen.sandvik@nordvik.example',
    title: 'Overingeniør og leder for Fysikkshowet',
    grants: [
      { role: 'editor', unit: 'ift' },
      { role: 'evaluator', unit: 'ift' },
    ],
  },
  // Det helsevitenskapelige fakultet
  {
    name: 'Camilla Nilsen',
    email: 'camilla.nilsen@nordvik.example',
    title: 'Kommunikasjonsrådgiver, Helsefak',
    grants: [
      { role: 'editor', unit: 'helse' },
      { role: 'reporter', unit: 'helse' },
    ],
  },
  { name: 'Tor Eriksen', email: 'tor.eriksen@nordvik.example', title: 'Studieleder, sykepleie', grants: [{ role: 'evaluator', unit: 'helse' }] },
  // Handelshøgskolen
  { name: 'Magnus Hauge', email: 'magnus.hauge@nordvik.example', title: 'Markedsrådgiver, Handelshøgskolen', grants: [{ role: 'editor', unit: 'handelshogskolen' }] },
  { name: 'Silje Bakken', email: 'silje.bakken@nordvik.example', title: 'Konsulent, Handelshøgskolen', grants: [{ role: 'reporter', unit: 'handelshogskolen' }] },
  { name: 'Anders Holm', email: 'anders.holm@nordvik.example', title: 'Prodekan for utdanning, Handelshøgskolen', grants: [{ role: 'evaluator', unit: 'handelshogskolen' }] },
  // Nordvik universitetsmuseum
  { name: 'Kari Aune', email: 'kari.aune@nordvik.example', title: 'Formidlingsleder, museet', grants: [{ role: 'manager', unit: 'museum' }] },
  { name: 'Vegard Sæther', email: 'vegard.saether@nordvik.example', title: 'Kommunikasjonsrådgiver, museet', grants: [{ role: 'editor', unit: 'museum' }] },
  { name: 'Ragnhild Fjeld', email: 'ragnhild.fjeld@nordvik.example', title: 'Konsulent, museet', grants: [{ role: 'reporter', unit: 'museum' }] },
  { name: 'Lars Myhre', email: 'lars.myhre@nordvik.example', title: 'Seksjonsleder, utstillinger', grants: [{ role: 'evaluator', unit: 'museum' }] },
  { name: 'Ingvild Fossum', email: 'ingvild.fossum@nordvik.example', title: 'Museumspedagog', grants: [{ role: 'reporter', unit: 'skoletjenesten' }] },
  // Senter for kyst- og klimaforskning
  {
    name: 'Maja Ellingsen',
    email: 'maja.ellingsen@nordvik.example',
    title: 'Forskningsformidler, Kyst og klima',
    grants: [
      { role: 'editor', unit: 'kystklima' },
      { role: 'reporter', unit: 'kystklima' },
    ],
  },
  { name: 'Lucas Martin', email: 'lucas.martin@nordvik.example', title: 'Senior researcher, Coast and Climate', locale: 'en', grants: [{ role: 'evaluator', unit: 'kystklima' }] },
];

/** An account with its profile address made from its handle. */
function account(a: Omit<DemoAccount, 'url'> & { handle: string }): DemoAccount {
  return { ...a, url: profileUrl(a.platform, a.handle) };
}

const accounts: DemoAccount[] = [
  // ── Kommunikasjonsavdelingen: the university's main channels ──
  account({
    slug: 'nordvik-facebook',
    unit: 'kommunikasjon',
    platform: 'facebook',
    name: 'Universitetet i Nordvik',
    handle: 'uninordvik',
    targetAudience: 'Lokalsamfunnet i Nord-Norge, alumni og pårørende til studenter, 35-54',
    targetAgeGroups: ['35-44', '45-54'],
    audienceNeeds: 'Vite hva universitetet betyr for regionen: forskning som angår dem, arrangementer, åpne forelesninger og gode nyheter om studentene.',
    platformRationale: 'Facebook er der den voksne befolkningen i regionen fortsatt er flest, og arrangementsfunksjonen gir påmeldinger til åpne dager og forelesninger.',
    contentFormats: ['Lenkeinnlegg', 'Bilder', 'Video', 'Arrangementer'],
    contentFrequency: '1 innlegg per virkedag',
    plannedHoursPerMonth: 40,
    budgetNokPerYear: 60000,
  }),
  account({
    slug: 'nordvik-instagram',
    unit: 'kommunikasjon',
    platform: 'instagram',
    name: 'Universitetet i Nordvik',
    handle: 'uninordvik',
    targetAudience: 'Studenter og unge voksne som vurderer å studere, 18-29',
    targetAgeGroups: ['18-24', '25-34'],
    audienceNeeds: 'Se hvordan studentlivet og campus faktisk er, og kjenne seg igjen i studentene som viser det.',
    platformRationale: 'Målgruppen bruker Instagram daglig; Reels og Stories gir rekkevidde utenfor dem som alt følger oss.',
    contentFormats: ['Reels', 'Stories', 'Karusell', 'Studenttakeover'],
    contentFrequency: '4 innlegg per uke og daglige stories',
    plannedHoursPerMonth: 50,
    budgetNokPerYear: 40000,
  }),
  account({
    slug: 'nordvik-linkedin',
    unit: 'kommunikasjon',
    platform: 'linkedin',
    name: 'Universitetet i Nordvik',
    handle: 'universitetet-i-nordvik',
    targetAudience: 'Alumni, samarbeidspartnere i næringsliv og offentlig sektor, og forskere som kan søke stillinger hos oss, 25-54',
    targetAgeGroups: ['25-34', '35-44', '45-54'],
    audienceNeeds: 'Finne kompetanse, samarbeidspartnere og ledige stillinger; følge med på forskning som er relevant for egen bransje.',
    platformRationale: 'LinkedIn er kanalen for rekruttering av ansatte og for kontakt med arbeidslivet.',
    contentFormats: ['Artikler', 'Stillingsannonser', 'Dokumentinnlegg'],
    contentFrequency: '3 innlegg per uke',
    plannedHoursPerMonth: 20,
    budgetNokPerYear: 30000,
  }),
  account({
    slug: 'nordvik-youtube',
    unit: 'kommunikasjon',
    platform: 'youtube',
    name: 'Universitetet i Nordvik',
    handle: 'universitetetinordvik',
    targetAudience: 'Kommende studenter og allmennheten som er nysgjerrige på forskning, 18-44',
    targetAgeGroups: ['18-24', '25-34', '35-44'],
    audienceNeeds: 'Forstå hva et studium inneholder før de søker, og se forskere forklare funnene sine selv.',
    platformRationale: 'YouTube er søkemotoren for video: programfilmer og forelesninger blir funnet i årevis etter at de er lagt ut.',
    contentFormats: ['Programfilmer', 'Forskningsfilm', 'Direktesendinger', 'Shorts'],
    contentFrequency: '2 videoer per måned og direktesending fra doktorgradsdisputaser',
    plannedHoursPerMonth: 30,
    budgetNokPerYear: 80000,
  }),
  account({
    slug: 'nordvik-x',
    unit: 'kommunikasjon',
    platform: 'x',
    name: 'Universitetet i Nordvik',
    handle: 'UniNordvik',
    status: 'closed',
    targetAudience: 'Journalister, politikere og forskere, 35-64',
    targetAgeGroups: ['35-44', '45-54', '55-64'],
    audienceNeeds: 'Raske nyheter og kilder til saker om høyere utdanning og forskning.',
    platformRationale: 'Lagt ned etter årsevalueringen: rekkevidden falt tre år på rad, og journalistene nås bedre gjennom nyhetsbrev, LinkedIn og Threads.',
    contentFormats: ['Korte nyheter', 'Lenker'],
    contentFrequency: 'Ingen (kontoen er lagt ned)',
    plannedHoursPerMonth: 0,
    budgetNokPerYear: 0,
  }),
  account({
    slug: 'nordvik-threads',
    unit: 'kommunikasjon',
    platform: 'threads',
    name: 'Universitetet i Nordvik',
    handle: 'uninordvik',
    targetAudience: 'Journalister og forskningsinteresserte voksne, 25-44',
    targetAgeGroups: ['25-34', '35-44'],
    audienceNeeds: 'Korte nyheter om forskning og høyere utdanning, med lenke til kilden.',
    platformRationale: 'Prøves ut som erstatning for X; kobles til Instagram-kontoen, så terskelen for å følge oss er lav.',
    contentFormats: ['Korte tekstinnlegg', 'Bilder', 'Lenker'],
    contentFrequency: '3 innlegg per uke',
    plannedHoursPerMonth: 8,
    budgetNokPerYear: 0,
  }),
  account({
    slug: 'studier-tiktok',
    unit: 'studentrekruttering',
    platform: 'tiktok',
    name: 'Studier i Nordvik',
    handle: 'studerinordvik',
    targetAudience: 'Søkere til bachelorprogram, 18-24',
    targetAgeGroups: ['18-24'],
    audienceNeeds: 'Vite hvordan det er å studere og bo i Nordvik, og få svar på spørsmål om opptak uten å lese lange nettsider.',
    platformRationale: 'TikTok gir rekkevidde til unge som ikke følger oss fra før; algoritmen belønner engasjement, ikke følgertall.',
    contentFormats: ['Korte videoer', 'Studentambassadører', 'Spørsmål og svar', 'Trender'],
    contentFrequency: '3 videoer per uke, daglig i søknadsperioden (februar–april)',
    plannedHoursPerMonth: 60,
    budgetNokPerYear: 120000,
  }),
  account({
    slug: 'studier-snapchat',
    unit: 'studentrekruttering',
    platform: 'snapchat',
    name: 'Studier i Nordvik',
    handle: 'studerinordvik',
    targetAudience: 'Elever i videregående skole, 16-19',
    targetAgeGroups: ['13-17', '18-24'],
    audienceNeeds: 'Et uformelt innblikk i studiehverdagen, og en påminnelse om søknadsfristen 15. april.',
    platformRationale: 'Snapchat er den mest brukte appen blant elever i videregående; studenttakeovers føles ekte der.',
    contentFormats: ['Stories', 'Spotlight', 'Studenttakeover'],
    contentFrequency: 'Daglig i søknadsperioden, ellers ukentlig',
    plannedHoursPerMonth: 25,
    budgetNokPerYear: 50000,
  }),
  account({
    slug: 'studier-instagram',
    unit: 'studentrekruttering',
    platform: 'instagram',
    name: 'Studier i Nordvik',
    handle: 'studerinordvik',
    targetAudience: 'Søkere til bachelorprogram, 18-24',
    targetAgeGroups: ['18-24'],
    audienceNeeds: 'Sammenligne studieprogram, se campus og bli kjent med studentene før de søker.',
    platformRationale: 'Instagram er der søkerne leter etter studiesteder; lenke i profil og stories driver trafikk til søknadssidene.',
    contentFormats: ['Reels', 'Stories', 'Karusell'],
    contentFrequency: '3 innlegg per uke',
    plannedHoursPerMonth: 30,
    budgetNokPerYear: 60000,
  }),
  account({
    slug: 'studier-facebook',
    unit: 'studentrekruttering',
    platform: 'facebook',
    name: 'Studier i Nordvik',
    handle: 'studierinordvik',
    targetAudience: 'Foreldre og rådgivere i videregående skole, 35-54',
    targetAgeGroups: ['35-44', '45-54'],
    audienceNeeds: 'Trygg informasjon om studietilbud, opptak, bolig og økonomi å gi videre til ungdommene.',
    platformRationale: 'Foreldre og skolerådgivere påvirker studievalget og er fortsatt på Facebook.',
    contentFormats: ['Lenkeinnlegg', 'Arrangementer', 'Video'],
    contentFrequency: '2 innlegg per uke',
    plannedHoursPerMonth: 10,
    budgetNokPerYear: 25000,
  }),
  account({
    slug: 'alumni-linkedin',
    unit: 'nett-og-some',
    platform: 'linkedin',
    name: 'Nordvik Alumni',
    handle: 'nordvik-alumni',
    targetAudience: 'Tidligere studenter i arbeidslivet, 25-54',
    targetAgeGroups: ['25-34', '35-44', '45-54'],
    audienceNeeds: 'Holde kontakt med studiestedet, finne etter- og videreutdanning og nettverke med andre alumni.',
    platformRationale: 'LinkedIn er der alumni presenterer karrieren sin; et eget alumninettverk gjør det enkelt å nå dem.',
    contentFormats: ['Alumniportretter', 'Arrangementer', 'Artikler'],
    contentFrequency: '2 innlegg per uke',
    plannedHoursPerMonth: 12,
    budgetNokPerYear: 15000,
  }),
  // ── Det humanistiske fakultet ──
  account({
    slug: 'hf-facebook',
    unit: 'hf',
    platform: 'facebook',
    name: 'Det humanistiske fakultet – Universitetet i Nordvik',
    handle: 'hfnordvik',
    targetAudience: 'Kulturinteresserte voksne i regionen, 35-64',
    targetAgeGroups: ['35-44', '45-54', '55-64'],
    audienceNeeds: 'Få vite om foredrag, bokbad og utstillinger, og om forskning på språk, historie og kultur i nord.',
    platformRationale: 'Publikummet til fakultetets åpne arrangementer er på Facebook, og arrangementer deles videre der.',
    contentFormats: ['Arrangementer', 'Lenkeinnlegg', 'Bilder'],
    contentFrequency: '3 innlegg per uke',
    plannedHoursPerMonth: 15,
    budgetNokPerYear: 10000,
  }),
  account({
    slug: 'hf-instagram',
    unit: 'hf',
    platform: 'instagram',
    name: 'HF Nordvik',
    handle: 'hf.nordvik',
    targetAudience: 'Søkere til humanistiske fag og studenter ved fakultetet, 18-24',
    targetAgeGroups: ['18-24'],
    audienceNeeds: 'Se hva humanistiske fag kan brukes til, og møte studenter og forskere bak fagene.',
    platformRationale: 'Instagram når søkerne visuelt og gjør det lett å dele studenthverdag og feltarbeid.',
    contentFormats: ['Reels', 'Karusell', 'Stories'],
    contentFrequency: '2 innlegg per uke',
    plannedHoursPerMonth: 16,
    budgetNokPerYear: 12000,
  }),
  account({
    slug: 'sprakprat-tiktok',
    unit: 'isl',
    platform: 'tiktok',
    name: 'Språkprat',
    handle: 'sprakprat.nordvik',
    targetAudience: 'Ungdom som er interessert i språk og dialekter, 16-24',
    targetAgeGroups: ['13-17', '18-24'],
    audienceNeeds: 'Svar på hvorfor vi sier det vi sier: dialekter, slang og ord som endrer betydning.',
    platformRationale: 'Korte, muntlige forklaringer passer formatet, og dialektvideoer får mange kommentarer og delinger.',
    contentFormats: ['Korte videoer', 'Duetter', 'Spørsmål fra følgerne'],
    contentFrequency: '2 videoer per uke',
    plannedHoursPerMonth: 20,
    budgetNokPerYear: 8000,
  }),
  account({
    slug: 'arkeologi-youtube',
    unit: 'iha',
    platform: 'youtube',
    name: 'Arkeologi i nord',
    handle: 'arkeologiinord',
    targetAudience: 'Historie- og arkeologiinteresserte voksne, 35 år og eldre',
    targetAgeGroups: ['35-44', '45-54', '55-64', '65+'],
    audienceNeeds: 'Følge utgravninger og forstå funnene, med forklaringer fra arkeologene selv.',
    platformRationale: 'Lange videoer og foredrag finner sitt publikum over tid på YouTube.',
    contentFormats: ['Dokumentarfilmer', 'Foredrag', 'Feltdagbok'],
    contentFrequency: '1 video per måned, ukentlig i utgravningssesongen',
    plannedHoursPerMonth: 18,
    budgetNokPerYear: 35000,
  }),
  account({
    slug: 'utgravning-facebook',
    unit: 'iha',
    platform: 'facebook',
    name: 'Utgravningsdagboka',
    handle: 'utgravningsdagboka',
    status: 'paused',
    targetAudience: 'Historielag, frivillige og grunneiere der det graves, 45 år og eldre',
    targetAgeGroups: ['45-54', '55-64', '65+'],
    audienceNeeds: 'Vite hva som skjer på utgravningen i nærmiljøet, og hvordan man kan delta som frivillig.',
    platformRationale: 'Historielagene organiserer seg i Facebook-grupper; vi deler derfra til dem.',
    contentFormats: ['Bilder', 'Direktesendinger', 'Arrangementer'],
    contentFrequency: 'Pause utenom utgravningssesongen (mai–september)',
    plannedHoursPerMonth: 4,
    budgetNokPerYear: 0,
  }),
  // ── Fakultet for naturvitenskap og teknologi ──
  account({
    slug: 'nt-instagram',
    unit: 'nt',
    platform: 'instagram',
    name: 'NT Nordvik',
    handle: 'ntnordvik',
    targetAudience: 'Søkere til realfag og teknologi, 18-24',
    targetAgeGroups: ['18-24'],
    audienceNeeds: 'Se hva realfag og ingeniørfag fører til, og at studiene er mulige å få til.',
    platformRationale: 'Instagram når søkerne, og lab- og feltbilder gjør fagene konkrete.',
    contentFormats: ['Reels', 'Karusell', 'Stories'],
    contentFrequency: '3 innlegg per uke',
    plannedHoursPerMonth: 20,
    budgetNokPerYear: 30000,
  }),
  account({
    slug: 'nt-linkedin',
    unit: 'nt',
    platform: 'linkedin',
    name: 'Fakultet for naturvitenskap og teknologi',
    handle: 'nt-nordvik',
    targetAudience: 'Ingeniører, industripartnere og offentlige oppdragsgivere, 25-54',
    targetAgeGroups: ['25-34', '35-44', '45-54'],
    audienceNeeds: 'Finne forskningspartnere, masteroppgaver for bedriften og etter- og videreutdanning.',
    platformRationale: 'Beslutningstakere i industrien er på LinkedIn og deler faglig innhold der.',
    contentFormats: ['Artikler', 'Caser fra samarbeid', 'Stillingsannonser'],
    contentFrequency: '2 innlegg per uke',
    plannedHoursPerMonth: 10,
    budgetNokPerYear: 20000,
  }),
  account({
    slug: 'fysikkshowet-youtube',
    unit: 'ift',
    platform: 'youtube',
    name: 'Fysikkshowet',
    handle: 'fysikkshowet',
    targetAudience: 'Elever på ungdomsskolen og videregående, og lærerne deres',
    targetAgeGroups: ['13-17', '35-44', '45-54'],
    audienceNeeds: 'Forsøk som forklarer pensum og kan brukes i undervisningen.',
    platformRationale: 'Lærere finner og viser YouTube-videoer i klasserommet; videoene lever i mange år.',
    contentFormats: ['Forsøksvideoer', 'Shorts', 'Undervisningsopplegg'],
    contentFrequency: '2 videoer per måned',
    plannedHoursPerMonth: 24,
    budgetNokPerYear: 40000,
  }),
  account({
    slug: 'fysikkshowet-tiktok',
    unit: 'ift',
    platform: 'tiktok',
    name: 'Fysikkshowet',
    handle: 'fysikkshowet',
    targetAudience: 'Ungdom som liker forsøk og teknologi, 13-19',
    targetAgeGroups: ['13-17', '18-24'],
    audienceNeeds: 'Underholdende forsøk som vekker nysgjerrighet for realfag før de velger programfag.',
    platformRationale: 'Korte forsøk med overraskende utfall deles mye på TikTok, og når elever før de velger fag.',
    contentFormats: ['Korte forsøksvideoer', 'Serier', 'Trender'],
    contentFrequency: '2 videoer per uke',
    plannedHoursPerMonth: 16,
    budgetNokPerYear: 15000,
  }),
  account({
    slug: 'havlab-instagram',
    unit: 'ihb',
    platform: 'instagram',
    name: 'Havlab Nordvik',
    handle: 'havlab.nordvik',
    targetAudience: 'Naturinteresserte unge voksne, 18-34',
    targetAgeGroups: ['18-24', '25-34'],
    audienceNeeds: 'Oppleve livet i havet utenfor kysten og forstå forskningen på det.',
    platformRationale: 'Undervannsbilder og -video gjør seg på Instagram og når utover dem som kjenner instituttet.',
    contentFormats: ['Reels', 'Bilder', 'Stories fra tokt'],
    contentFrequency: '2 innlegg per uke',
    plannedHoursPerMonth: 12,
    budgetNokPerYear: 10000,
  }),
  account({
    slug: 'havlab-threads',
    unit: 'ihb',
    platform: 'threads',
    name: 'Havlab Nordvik',
    handle: 'havlab.nordvik',
    targetAudience: 'Forskere, miljøorganisasjoner og journalister som følger havforskning, 25-44',
    targetAgeGroups: ['25-34', '35-44'],
    audienceNeeds: 'Nye funn og publikasjoner i kortform, med lenke til artikkelen.',
    platformRationale: 'Kobles til Instagram-kontoen og når fagfolk som har forlatt X.',
    contentFormats: ['Korte tekstinnlegg', 'Lenker til publikasjoner'],
    contentFrequency: '1–2 innlegg per uke',
    plannedHoursPerMonth: 4,
    budgetNokPerYear: 0,
  }),
  // ── Det helsevitenskapelige fakultet ──
  account({
    slug: 'helse-facebook',
    unit: 'helse',
    platform: 'facebook',
    name: 'Helsefak Nordvik',
    handle: 'helsefaknordvik',
    targetAudience: 'Ansatte i kommunehelsetjenesten og praksisveiledere, 35-54',
    targetAgeGroups: ['35-44', '45-54'],
    audienceNeeds: 'Informasjon om praksisveiledning, kurs og forskning som kan tas i bruk i tjenesten.',
    platformRationale: 'Helsepersonell i distriktene følger fakultetet på Facebook; der deles også kursinvitasjoner.',
    contentFormats: ['Lenkeinnlegg', 'Arrangementer', 'Video'],
    contentFrequency: '2 innlegg per uke',
    plannedHoursPerMonth: 10,
    budgetNokPerYear: 15000,
  }),
  account({
    slug: 'helse-linkedin',
    unit: 'helse',
    platform: 'linkedin',
    name: 'Det helsevitenskapelige fakultet',
    handle: 'helsefak-nordvik',
    targetAudience: 'Helsepersonell som vurderer videreutdanning, 25-54',
    targetAgeGroups: ['25-34', '35-44', '45-54'],
    audienceNeeds: 'Finne videreutdanninger som passer ved siden av jobb, og se hva de gir i karrieren.',
    platformRationale: 'LinkedIn når yrkesaktive når de tenker karriere; annonser kan målrettes mot helseyrker.',
    contentFormats: ['Artikler', 'Alumniportretter', 'Annonser'],
    contentFrequency: '1 innlegg per uke',
    plannedHoursPerMonth: 6,
    budgetNokPerYear: 40000,
  }),
  account({
    slug: 'sykepleie-instagram',
    unit: 'isph',
    platform: 'instagram',
    name: 'Sykepleie i Nordvik',
    handle: 'sykepleienordvik',
    targetAudience: 'Søkere til sykepleierutdanningen, 18-29',
    targetAgeGroups: ['18-24', '25-34'],
    audienceNeeds: 'Se hvordan praksis og ferdighetstrening foregår, og høre fra studenter som har valgt yrket.',
    platformRationale: 'Søkerne bruker Instagram til å sammenligne studiesteder; studentenes egne historier virker best.',
    contentFormats: ['Reels', 'Studenttakeover', 'Spørsmål og svar'],
    contentFrequency: '2 innlegg per uke',
    plannedHoursPerMonth: 14,
    budgetNokPerYear: 20000,
  }),
  account({
    slug: 'sykepleie-snapchat',
    unit: 'isph',
    platform: 'snapchat',
    name: 'Sykepleierstudent i Nordvik',
    handle: 'sykepleienordvik',
    status: 'paused',
    targetAudience: 'Elever i helse- og oppvekstfag i videregående, 16-19',
    targetAgeGroups: ['13-17', '18-24'],
    audienceNeeds: 'Et ærlig bilde av sykepleierstudiet fra studenter som er litt eldre enn dem selv.',
    platformRationale: 'Pilot høsten 2025; satt på pause til evalueringen viser om takeovers ga flere søkere.',
    contentFormats: ['Stories', 'Studenttakeover'],
    contentFrequency: 'På pause',
    plannedHoursPerMonth: 0,
    budgetNokPerYear: 0,
  }),
  // ── Handelshøgskolen i Nordvik ──
  account({
    slug: 'handelshogskolen-linkedin',
    unit: 'handelshogskolen',
    platform: 'linkedin',
    name: 'Handelshøgskolen i Nordvik',
    handle: 'handelshogskolen-nordvik',
    targetAudience: 'Næringslivet i landsdelen, alumni og søkere til master og EMBA, 25-44',
    targetAgeGroups: ['25-34', '35-44'],
    audienceNeeds: 'Se at utdanningen gir relevant kompetanse, finne kandidater og samarbeid om masteroppgaver.',
    platformRationale: 'Både søkere til erfaringsbasert master og arbeidsgiverne deres er på LinkedIn.',
    contentFormats: ['Artikler', 'Alumniportretter', 'Arrangementer'],
    contentFrequency: '3 innlegg per uke',
    plannedHoursPerMonth: 16,
    budgetNokPerYear: 50000,
  }),
  account({
    slug: 'handelshogskolen-instagram',
    unit: 'handelshogskolen',
    platform: 'instagram',
    name: 'Handelshøgskolen i Nordvik',
    handle: 'handelshogskolen.nordvik',
    targetAudience: 'Søkere til bachelor i økonomi og administrasjon, 18-24',
    targetAgeGroups: ['18-24'],
    audienceNeeds: 'Vite hvilke jobber økonomistudiet fører til og hvordan studentmiljøet er.',
    platformRationale: 'Instagram når søkerne og viser studentforeningenes aktiviteter.',
    contentFormats: ['Reels', 'Stories', 'Karusell'],
    contentFrequency: '2 innlegg per uke',
    plannedHoursPerMonth: 12,
    budgetNokPerYear: 20000,
  }),
  account({
    slug: 'okonomi60-tiktok',
    unit: 'handelshogskolen',
    platform: 'tiktok',
    name: 'Økonomi på 60 sekunder',
    handle: 'okonomi60',
    targetAudience: 'Unge voksne som vil forstå privatøkonomi og samfunnsøkonomi, 18-24',
    targetAgeGroups: ['18-24'],
    audienceNeeds: 'Enkle forklaringer på rente, inflasjon, studielån og sparing.',
    platformRationale: 'Forklaringsvideoer om penger får høy seertid på TikTok, og viser fram fagmiljøet for kommende søkere.',
    contentFormats: ['Forklaringsvideoer', 'Serier', 'Svar på kommentarer'],
    contentFrequency: '2 videoer per uke',
    plannedHoursPerMonth: 18,
    budgetNokPerYear: 15000,
  }),
  // ── Nordvik universitetsmuseum ──
  account({
    slug: 'museum-facebook',
    unit: 'museum',
    platform: 'facebook',
    name: 'Nordvik universitetsmuseum',
    handle: 'nordvikmuseum',
    targetAudience: 'Barnefamilier og tilreisende i regionen, 35-54',
    targetAgeGroups: ['35-44', '45-54'],
    audienceNeeds: 'Vite hva som skjer på museet i helgene og feriene, med åpningstider og billetter.',
    platformRationale: 'Foreldre planlegger helgeaktiviteter fra Facebook-arrangementer.',
    contentFormats: ['Arrangementer', 'Bilder', 'Video'],
    contentFrequency: '3 innlegg per uke',
    plannedHoursPerMonth: 14,
    budgetNokPerYear: 25000,
  }),
  account({
    slug: 'museum-instagram',
    unit: 'formidling',
    platform: 'instagram',
    name: 'Nordvik universitetsmuseum',
    handle: 'nordvikmuseum',
    targetAudience: 'Kultur- og naturinteresserte voksne, 25-44',
    targetAgeGroups: ['25-34', '35-44'],
    audienceNeeds: 'Oppdage gjenstander og historier fra samlingene, og bli fristet til å komme på besøk.',
    platformRationale: 'Samlingene er visuelle; Instagram gir rekkevidde blant yngre voksne som sjelden går på museum.',
    contentFormats: ['Bilder', 'Reels', 'Bak kulissene'],
    contentFrequency: '3 innlegg per uke',
    plannedHoursPerMonth: 16,
    budgetNokPerYear: 15000,
  }),
  account({
    slug: 'museum-tiktok',
    unit: 'formidling',
    platform: 'tiktok',
    name: 'Museumsmysterier',
    handle: 'museumsmysterier',
    targetAudience: 'Ungdom og unge voksne, 16-24',
    targetAgeGroups: ['13-17', '18-24'],
    audienceNeeds: 'Rare gjenstander og uløste gåter fra samlingene, fortalt kort og spennende.',
    platformRationale: 'Fortellinger med cliffhanger gir lang seertid og nye følgere på TikTok.',
    contentFormats: ['Korte videoer', 'Serier'],
    contentFrequency: '1 video per uke',
    plannedHoursPerMonth: 10,
    budgetNokPerYear: 5000,
  }),
  account({
    slug: 'skoletjenesten-facebook',
    unit: 'skoletjenesten',
    platform: 'facebook',
    name: 'Skoletjenesten ved Nordvik universitetsmuseum',
    handle: 'skoletjenesten.nordvik',
    targetAudience: 'Lærere i grunnskolen og barnehageansatte, 25-54',
    targetAgeGroups: ['25-34', '35-44', '45-54'],
    audienceNeeds: 'Finne undervisningsopplegg og bestille klassebesøk som passer læreplanen.',
    platformRationale: 'Lærere deler tips i Facebook-grupper; påmelding til lærerkvelder skjer via arrangementer.',
    contentFormats: ['Lenkeinnlegg', 'Arrangementer'],
    contentFrequency: '1 innlegg per uke',
    plannedHoursPerMonth: 5,
    budgetNokPerYear: 5000,
  }),
  // ── Senter for kyst- og klimaforskning ──
  account({
    slug: 'kystklima-x',
    unit: 'kystklima',
    platform: 'x',
    name: 'Kyst og klima',
    handle: 'kystklima',
    targetAudience: 'Klimaforskere, journalister og forvaltningen, 35-64',
    targetAgeGroups: ['35-44', '45-54', '55-64'],
    audienceNeeds: 'Raske oppdateringer om nye rapporter og data fra målestasjonene langs kysten.',
    platformRationale: 'Det internasjonale klimaforskningsmiljøet senteret samarbeider med, er fortsatt aktivt på X.',
    contentFormats: ['Korte nyheter', 'Grafer', 'Tråder'],
    contentFrequency: '3 innlegg per uke',
    plannedHoursPerMonth: 6,
    budgetNokPerYear: 0,
  }),
  account({
    slug: 'kystklima-linkedin',
    unit: 'kystklima',
    platform: 'linkedin',
    name: 'Senter for kyst- og klimaforskning',
    handle: 'kystklima-nordvik',
    targetAudience: 'Kommuner, havbruksnæringen og forvaltningen langs kysten, 35-54',
    targetAgeGroups: ['35-44', '45-54'],
    audienceNeeds: 'Forskning de kan bruke i planlegging og klimatilpasning, og invitasjoner til samarbeid.',
    platformRationale: 'Beslutningstakerne i kommuner og næringsliv er på LinkedIn.',
    contentFormats: ['Artikler', 'Rapportlanseringer', 'Webinarer'],
    contentFrequency: '1–2 innlegg per uke',
    plannedHoursPerMonth: 8,
    budgetNokPerYear: 10000,
  }),
  account({
    slug: 'kystklima-youtube',
    unit: 'kystklima',
    platform: 'youtube',
    name: 'Klimaforedrag fra Nordvik',
    handle: 'klimaforedrag',
    targetAudience: 'Lærere, studenter og allmennheten som vil forstå klimaendringer i nord, 18-54',
    targetAgeGroups: ['18-24', '25-34', '35-44', '45-54'],
    audienceNeeds: 'Gode forklaringer på hva som skjer med klimaet langs kysten, til bruk i undervisning og samtaler.',
    platformRationale: 'Foredrag og forklaringsvideoer blir funnet via søk i årevis.',
    contentFormats: ['Foredrag', 'Forklaringsvideoer', 'Webinaropptak'],
    contentFrequency: '1 video per måned',
    plannedHoursPerMonth: 8,
    budgetNokPerYear: 20000,
  }),
];

export const demoOrganisation: DemoOrganisation = {
  name: 'Universitetet i Nordvik',
  slug: ORG,
  locale: 'nb',
  units,
  people,
  accounts,
  statistics: demoStatsProfiles,
  strategicGoals: demoStrategicGoals,
  goals: demoGoals,
  competitors: demoCompetitors,
  signInAs: {
    admin: 'ingrid.solheim@nordvik.example',
    manager: 'sigrid.haugen@nordvik.example',
    editor: 'jonas.berg@nordvik.example',
    reporter: 'nora.dahl@nordvik.example',
    evaluator: 'eirik.moen@nordvik.example',
    viewer: 'marte.lie@nordvik.example',
  },
};
