// Demo organisation (Veilig Thuis Amsterdam-Amstelland with its 6 gemeenten), demo users for
// every role and a realistic set of cases in every state, made through the real services so
// the data obeys the same rules as data entered by hand.
import { seal } from '../crypto/veld.ts';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addDays,
  createKalender,
  generateBsn,
  startOfLocalDay,
  toLocalDate,
  type MeldingInput,
} from '@voordeur/domain';
import { sql } from 'kysely';
import { performAction, assignBehandelaar } from '../casus/acties.ts';
import { totpRequired } from '../auth/login.ts';
import { hashPassword } from '../auth/session.ts';
import { demoSecret } from '../auth/totp.ts';
import { createAdviesvraag, createMelding, type BestaandePersoonFout } from '../intake/service.ts';
import { HttpError } from '../http/errors.ts';
import { seedCodeLists } from '../referentie/service.ts';
import { importHuishoudens } from '../db/huishoudens-import.ts';
import type { Db } from '../db/index.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

export const GEMEENTEN = [
  { code: 'GM0358', naam: 'Aalsmeer', team: 'Team Amstelland' },
  { code: 'GM0362', naam: 'Amstelveen', team: 'Team Amstelland' },
  { code: 'GM0363', naam: 'Amsterdam', team: 'Team Amsterdam' },
  { code: 'GM0384', naam: 'Diemen', team: 'Team Amsterdam' },
  { code: 'GM0437', naam: 'Ouder-Amstel', team: 'Team Amstelland' },
  { code: 'GM0451', naam: 'Uithoorn', team: 'Team Amstelland' },
];
export const TEAMS = ['Bureaudienst', 'Team Amsterdam', 'Team Amstelland'];

export const DEMO_PASSWORD = process.env.VOORDEUR_DEMO_PASSWORD || 'Voordeur-demo-2026';

export const DEMO_USERS = [
  { gebruikersnaam: 'bureau', naam: 'Sanne de Vries', rollen: ['bureaudienst'], team: 'Bureaudienst' },
  { gebruikersnaam: 'crisis', naam: 'Ahmed Bouzid', rollen: ['crisisdienst'], team: 'Bureaudienst' },
  { gebruikersnaam: 'backoffice', naam: 'Youssef El Idrissi', rollen: ['backoffice'], team: 'Team Amsterdam' },
  { gebruikersnaam: 'backoffice2', naam: 'Eva Bakker', rollen: ['backoffice'], team: 'Team Amsterdam' },
  { gebruikersnaam: 'amstelland', naam: 'Lotte Hendriks', rollen: ['backoffice'], team: 'Team Amstelland' },
  { gebruikersnaam: 'gw', naam: 'Marieke Jansen', rollen: ['gedragswetenschapper'], team: 'Team Amsterdam' },
  { gebruikersnaam: 'arts', naam: 'Pieter Smit', rollen: ['vertrouwensarts'], team: 'Team Amsterdam' },
  { gebruikersnaam: 'manager', naam: 'Karin Visser', rollen: ['teammanager'], team: 'Team Amsterdam' },
  { gebruikersnaam: 'privacy', naam: 'Ruud Mulder', rollen: ['privacy_officer'], team: null },
  { gebruikersnaam: 'beleid', naam: 'Noor Yilmaz', rollen: ['beleidsmedewerker'], team: null },
  { gebruikersnaam: 'onderzoek', naam: 'Daan Koster', rollen: ['onderzoeker'], team: null },
  { gebruikersnaam: 'beheer', naam: 'Iris Peters', rollen: ['functioneel_beheerder'], team: null },
];

/** Organisation, teams, gemeenten, household counts and code lists (idempotent). */
export async function seedOrganisation(db: Db): Promise<void> {
  await seedCodeLists(db);
  const exists = await sql`select 1 from organisatie limit 1`.execute(db);
  if (exists.rows.length) return;
  const org = (
    await sql<{
      id: number;
    }>`insert into organisatie (code, naam) values ('VT-AA', 'Veilig Thuis Amsterdam-Amstelland') returning id`.execute(
      db,
    )
  ).rows[0]!;
  const teamIds = new Map<string, number>();
  for (const t of TEAMS) {
    teamIds.set(
      t,
      (
        await sql<{
          id: number;
        }>`insert into team (organisatie_id, naam) values (${org.id}, ${t}) returning id`.execute(db)
      ).rows[0]!.id,
    );
  }
  for (const g of GEMEENTEN) {
    await sql`insert into gemeente (code, naam, organisatie_id, team_id) values (${g.code}, ${g.naam}, ${org.id}, ${teamIds.get(g.team)!})`.execute(
      db,
    );
  }
  const csv = fs.readFileSync(path.join(here, 'data/huishoudens-demo.csv'), 'utf8');
  const r = await importHuishoudens(db, csv);
  if (r.errors.length) throw new Error(`demo household counts: ${JSON.stringify(r.errors)}`);
}

/**
 * Demo users whose roles need a second factor are enrolled in TOTP with a FIXED, PUBLISHED
 * secret derived from the user name (auth/totp.ts demoSecret): demo only, never for real
 * accounts. `npm run voordeur -- demo-totp <user>` prints the current code. Not enrolled when
 * VOORDEUR_REQUIRE_TOTP=false at the first start.
 */
export const DEMO_TOTP = process.env.VOORDEUR_REQUIRE_TOTP?.trim() !== 'false';
export const demoUserNeedsTotp = (u: { rollen: string[] }) =>
  DEMO_TOTP && totpRequired(u.rollen, { requireTotp: true });

export async function seedDemoUsers(db: Db): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const org = (await sql<{ id: number }>`select id from organisatie order by id limit 1`.execute(db)).rows[0]!;
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const u of DEMO_USERS) {
    const team = u.team
      ? (await sql<{ id: number }>`select id from team where naam = ${u.team}`.execute(db)).rows[0]?.id
      : null;
    const r = await sql<{ id: number }>`
      insert into gebruiker (organisatie_id, gebruikersnaam, naam, wachtwoord_hash, rollen, team_id)
      values (${org.id}, ${u.gebruikersnaam}, ${u.naam}, ${hash}, ${u.rollen}, ${team ?? null})
      on conflict (gebruikersnaam) do update set naam = excluded.naam returning id`.execute(db);
    ids.set(u.gebruikersnaam, r.rows[0]!.id);
    if (demoUserNeedsTotp(u)) {
      await sql`insert into totp (gebruiker_id, geheim, bevestigd_op) values (${r.rows[0]!.id}, ${seal(demoSecret(u.gebruikersnaam), 'totp.geheim')}, now())
                on conflict (gebruiker_id) do nothing`.execute(db);
    }
  }
  return ids;
}

// ---- deterministic demo cases

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACHTERNAMEN = [
  'Jansen',
  'de Jong',
  'El Amrani',
  'Yilmaz',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'Kaya',
  'Mohan',
  'Pinas',
  'van den Berg',
  'Dekker',
  'Bouali',
  'Öztürk',
  'de Graaf',
  'Mulder',
  'Brouwer',
  'Tahiri',
  'Kramer',
];
const VOORNAMEN_V = ['Fatima', 'Sanne', 'Aylin', 'Priya', 'Linda', 'Noor', 'Esra', 'Kim', 'Samira', 'Anouk'];
const VOORNAMEN_M = ['Mohammed', 'Jeroen', 'Emre', 'Ravi', 'Dennis', 'Kevin', 'Youssef', 'Mark', 'Mehmet', 'Bas'];
const KINDNAMEN = ['Daan', 'Lina', 'Sem', 'Amira', 'Noah', 'Yara', 'Milan', 'Sara', 'Ayoub', 'Julia', 'Levi', 'Eline'];
const STRATEN: Record<string, Array<[string, string, string]>> = {
  GM0363: [
    ['Javastraat', '1094HB', 'Amsterdam'],
    ['Bos en Lommerweg', '1055DV', 'Amsterdam'],
    ['Burgemeester de Vlugtlaan', '1063BJ', 'Amsterdam'],
    ['Kinkerstraat', '1053DX', 'Amsterdam'],
    ['Gooioord', '1103CJ', 'Amsterdam'],
    ['Meeuwenlaan', '1021JK', 'Amsterdam'],
  ],
  GM0384: [['Ouddiemerlaan', '1111HK', 'Diemen']],
  GM0362: [['Van der Hooplaan', '1185LN', 'Amstelveen']],
  GM0358: [['Zijdstraat', '1431EC', 'Aalsmeer']],
  GM0451: [['Prinses Irenelaan', '1421BG', 'Uithoorn']],
  GM0437: [['Dorpsstraat', '1191BM', 'Ouderkerk aan de Amstel']],
};
// ---- demo scenarios: every melding's text matches its melder, its household (with or without
// children) and its gemeente. A scenario fixes the household, the aanleiding and aard, and which
// melders can report it; the text is written for that melder and place.

type Scenario =
  'partnergeweld_kinderen' | 'kindermishandeling' | 'vechtscheiding' | 'partnergeweld' | 'ouderenmishandeling';

const SCENARIO_GEWICHT: Array<[Scenario, number]> = [
  ['partnergeweld_kinderen', 35],
  ['kindermishandeling', 25],
  ['vechtscheiding', 12],
  ['partnergeweld', 18],
  ['ouderenmishandeling', 10],
];

/** Households with minor children (the melding's children flag follows from the persons). */
export const MET_KINDEREN: Record<Scenario, boolean> = {
  partnergeweld_kinderen: true,
  kindermishandeling: true,
  vechtscheiding: true,
  partnergeweld: false,
  ouderenmishandeling: false,
};

/** Who can report each scenario (politie most often, as in reality). */
const MELDERS: Record<Scenario, string[]> = {
  partnergeweld_kinderen: [
    'politie',
    'politie',
    'politie',
    'buurtbewoner',
    'familielid',
    'gz_huisarts',
    'maatschappelijke_ondersteuning',
  ],
  kindermishandeling: ['ow_basis', 'ow_basis', 'gz_anders', 'politie', 'buurtbewoner', 'kinderopvang'],
  vechtscheiding: ['politie', 'politie', 'maatschappelijke_ondersteuning', 'ow_basis'],
  partnergeweld: [
    'politie',
    'politie',
    'politie',
    'buurtbewoner',
    'gz_huisarts',
    'familielid',
    'maatschappelijke_ondersteuning',
  ],
  ouderenmishandeling: ['gz_huisarts', 'familielid', 'maatschappelijke_ondersteuning', 'politie'],
};

const AANLEIDING: Record<Scenario, string[]> = {
  partnergeweld_kinderen: ['partnergeweld', 'km_anders'],
  kindermishandeling: ['km_anders'],
  vechtscheiding: ['km_vechtscheiding'],
  partnergeweld: ['partnergeweld'],
  ouderenmishandeling: ['ouderenmishandeling'],
};

const BASISTEAM: Record<string, string> = {
  GM0363: 'Oost',
  GM0384: 'Diemen/Ouder-Amstel',
  GM0437: 'Diemen/Ouder-Amstel',
  GM0362: 'Amstelland',
  GM0358: 'Amstelland',
  GM0451: 'Amstelland',
};

/** The melder: always a name and a way to reach them (organisation and/or telephone). */
export function demoMelder(hoedanigheid: string, gemeente: string, woonplaats: string, i: number) {
  const telefoon = `020 555 01 ${String(10 + i)}`;
  const gemeenteNaam = GEMEENTEN.find((g) => g.code === gemeente)?.naam ?? woonplaats;
  switch (hoedanigheid) {
    case 'politie':
      return {
        naam: ['R. de Boer', 'S. Koç', 'P. Hendriks'][i % 3]!,
        functie: 'wijkagent',
        organisatie: `Politie eenheid Amsterdam, basisteam ${BASISTEAM[gemeente] ?? woonplaats}`,
        telefoon,
        wilOnbekendBlijven: false,
      };
    case 'ow_basis':
      return {
        naam: 'J. Kuipers',
        functie: 'intern begeleider',
        organisatie: `Basisschool De Regenboog, ${woonplaats}`,
        telefoon,
        wilOnbekendBlijven: false,
      };
    case 'kinderopvang':
      return {
        naam: 'D. Scholten',
        functie: 'pedagogisch medewerker',
        organisatie: `Kinderdagverblijf Het Speelhuis, ${woonplaats}`,
        telefoon,
        wilOnbekendBlijven: false,
      };
    case 'gz_anders':
      return {
        naam: 'L. Vos',
        functie: 'jeugdarts',
        organisatie: `GGD Amsterdam, jeugdgezondheidszorg (consultatiebureau ${woonplaats})`,
        telefoon,
        wilOnbekendBlijven: false,
      };
    case 'gz_huisarts':
      return {
        naam: 'A. Hoekstra',
        functie: 'huisarts',
        organisatie: `Huisartsenpraktijk ${woonplaats}`,
        telefoon,
        wilOnbekendBlijven: false,
      };
    case 'maatschappelijke_ondersteuning':
      return {
        naam: 'S. Amrani',
        functie: 'buurtteammedewerker',
        organisatie: gemeente === 'GM0363' ? 'Buurtteam Amsterdam Oost' : `Sociaal team ${gemeenteNaam}`,
        telefoon,
        wilOnbekendBlijven: false,
      };
    case 'buurtbewoner':
      return { naam: 'M. Verhoeven', functie: null, organisatie: null, telefoon, wilOnbekendBlijven: true };
    default:
      return { naam: 'R. Dijkstra', functie: null, organisatie: null, telefoon, wilOnbekendBlijven: false };
  }
}

/** The text of the melding, written for this scenario, melder and place. */
export function demoOmschrijving(sc: Scenario, hoedanigheid: string, woonplaats: string): string {
  const t: Record<Scenario, Record<string, string>> = {
    partnergeweld_kinderen: {
      politie: `Zorgmelding politie: agenten zijn in ${woonplaats} ter plaatse geweest na een melding van buren over geschreeuw en gestommel. Moeder had een zichtbare verwonding aan de arm; de kinderen waren thuis en hebben het gezien.`,
      buurtbewoner: `Buurvrouw in ${woonplaats} hoort al maanden bijna dagelijks harde ruzies tussen de ouders en daarna een huilend kind. Zij wil onbekend blijven voor het gezin.`,
      familielid:
        'Zus van moeder belt: moeder wordt door haar partner geslagen en de kinderen zien het. Moeder durft zelf niet te bellen.',
      gz_huisarts:
        'Huisarts zag moeder met letsel dat niet past bij haar uitleg. Zij vertelde over ruzies thuis waar de kinderen bij zijn.',
      maatschappelijke_ondersteuning: `Het buurtteam begeleidt het gezin in ${woonplaats} bij schulden. Moeder vertelde dat vader haar slaat; de kinderen zijn daar getuige van.`,
    },
    kindermishandeling: {
      ow_basis:
        'De leerkracht ziet dat het kind de laatste weken vaak moe en hongerig op school komt en blauwe plekken heeft op de bovenarmen. Het kind zegt dat papa boos was.',
      kinderopvang:
        'Pedagogisch medewerker ziet bij het jongste kind herhaaldelijk blauwe plekken en een luier die de hele dag niet is verschoond. Moeder reageert afwerend.',
      gz_anders:
        'Jeugdarts constateert op het consultatiebureau een achterstand in ontwikkeling en groei bij het jongste kind; de ouders komen afspraken niet na. Er is verslavingsproblematiek bij vader.',
      politie: `Zorgmelding politie: bij een controle in ${woonplaats} troffen agenten de kinderen 's avonds laat alleen thuis aan; de woning was ernstig vervuild.`,
      buurtbewoner:
        'Buurman hoort vader bijna dagelijks tegen de kinderen schreeuwen en hoort klappen. Het oudste kind staat vaak laat buiten. Hij wil onbekend blijven.',
    },
    vechtscheiding: {
      politie:
        'Zorgmelding politie na een ruzie tussen de ex-partners bij de overdracht van de kinderen. Er werd gedreigd met geweld; de kinderen waren getuige.',
      maatschappelijke_ondersteuning:
        'Het buurtteam begeleidt de ouders in een vechtscheiding. De kinderen worden steeds meer in de strijd betrokken en het oudste kind wil niet meer naar vader.',
      ow_basis:
        'De intern begeleider ziet dat het kind sinds de scheiding van de ouders angstig en teruggetrokken is; bij het ophalen maken de ouders ruzie op het schoolplein.',
    },
    partnergeweld: {
      politie: `Zorgmelding politie: agenten zijn in ${woonplaats} ter plaatse geweest na een melding over geschreeuw. De vrouw had letsel in het gezicht; haar partner is aangehouden.`,
      buurtbewoner:
        'Buurvrouw hoort regelmatig harde ruzies en gebonk bij het stel naast haar en zag de vrouw met een blauw oog. Zij wil onbekend blijven.',
      gz_huisarts:
        'Huisarts vermoedt partnergeweld: patiënte komt voor de derde keer met letsel dat niet past bij haar uitleg en zegt bang te zijn voor haar partner.',
      familielid:
        'Moeder van de vrouw maakt zich zorgen: haar dochter wordt door haar partner gecontroleerd en bedreigd en mag geen contact meer hebben met de familie.',
      maatschappelijke_ondersteuning: `Het sociaal team in ${woonplaats} hoort van de vrouw dat haar partner haar slaat en haar geld afneemt. Zij wil hulp maar durft niet weg.`,
    },
    ouderenmishandeling: {
      gz_huisarts:
        'Huisarts maakt zich zorgen over een oudere patiënte die voor haar zorg afhankelijk is van haar zoon; zij oogt verwaarloosd en er verdwijnt geld van haar rekening.',
      familielid:
        'Dochter maakt zich zorgen om haar moeder: haar broer, die bij moeder woont, beheert haar geld, geeft haar te weinig te eten en houdt bezoek tegen.',
      maatschappelijke_ondersteuning: `De wijkverpleging in ${woonplaats} meldt via het sociaal team dat een oudere vrouw door haar inwonende zoon wordt uitgescholden en geduwd; er is geen eten in huis.`,
      politie:
        'Zorgmelding politie: de bank meldde verdachte opnames van de rekening van een oudere vrouw. Agenten troffen haar verward en vermagerd aan; haar zoon woont bij haar.',
    },
  };
  return t[sc][hoedanigheid] ?? t[sc][MELDERS[sc][0]!]!;
}

function kiesScenario(r: () => number): Scenario {
  const som = SCENARIO_GEWICHT.reduce((s, [, w]) => s + w, 0);
  let x = r() * som;
  for (const [sc, w] of SCENARIO_GEWICHT) {
    x -= w;
    if (x < 0) return sc;
  }
  return 'partnergeweld';
}

/** Who a dienst or overdracht goes to, with a name that fits the kind of receiver and the household. */
function ontvangerVoor(r: () => number, sc: Scenario, gemeente: string): { type: string; naam: string } {
  const kinderen = MET_KINDEREN[sc];
  const lokaal =
    gemeente === 'GM0363'
      ? kinderen
        ? 'Ouder Kind Team Oost'
        : 'Samen DOEN Oost'
      : `Sociaal team ${GEMEENTEN.find((g) => g.code === gemeente)?.naam ?? ''}`.trim();
  const opties: Array<{ type: string; naam: string }> = kinderen
    ? [
        { type: 'lokaal_team', naam: lokaal },
        { type: 'lokaal_team', naam: lokaal },
        { type: 'gi', naam: 'Jeugdbescherming Regio Amsterdam' },
        { type: 'vrouwenopvang', naam: 'Blijf Groep' },
        { type: 'clientsysteem', naam: 'Het gezin en hun netwerk' },
      ]
    : sc === 'ouderenmishandeling'
      ? [
          { type: 'lokaal_team', naam: lokaal },
          { type: 'huisarts', naam: 'Huisartsenpraktijk (POH ouderenzorg)' },
        ]
      : [
          { type: 'lokaal_team', naam: lokaal },
          { type: 'vrouwenopvang', naam: 'Blijf Groep' },
          { type: 'ggz', naam: 'Arkin' },
          { type: 'clientsysteem', naam: 'De vrouw en haar netwerk' },
        ];
  return opties[Math.floor(r() * opties.length)]!;
}

/** A veiligheidsbeoordeling whose answers agree with its outcome (acute → acute = ja; structurele → structureel = ja). */
function beoordeling(uitkomst: string, r: () => number) {
  const acute = uitkomst === 'acute_onveiligheid';
  const structureel = uitkomst === 'structurele_onveiligheid' || (acute && r() < 0.6);
  return { acuteOnveiligheid: acute, structureleOnveiligheid: structureel, uitkomst };
}

const MOTIVERING: Record<string, (kinderen: boolean) => string> = {
  acute_onveiligheid: (k) =>
    `Er is direct gevaar: recent en ernstig geweld${k ? ' waarbij de kinderen aanwezig waren' : ''}. Direct handelen is nodig om de veiligheid te herstellen.`,
  structurele_onveiligheid: (k) =>
    `Op basis van de melding, eerdere registraties en een gesprek met ${k ? 'moeder' : 'de direct betrokkene'} is er sprake van terugkerend geweld: structurele zorgen over de veiligheid${k ? ' van de kinderen' : ''}.`,
  eenmalige_onveilige_situatie: () =>
    'Het ging om een eenmalig incident; er zijn geen eerdere meldingen en de betrokkenen nemen zelf stappen. Geen aanwijzingen voor herhaling.',
  andere_leefdomeinen: () =>
    'Geen aanwijzingen voor huiselijk geweld of kindermishandeling; wel problemen met schulden en huisvesting waarvoor hulp nodig is.',
  geen_zorgen: () =>
    'Na gesprekken met de betrokkenen en informatie van de huisarts zijn er geen zorgen over de veiligheid.',
};

export async function seedDemoCases(db: Db, users: Map<string, number>, now: Date): Promise<void> {
  const r = rng(20261122);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!;
  const k = createKalender();
  const today = toLocalDate(now);
  const bo = users.get('backoffice')!;
  const bo2 = users.get('backoffice2')!;
  const gw = users.get('gw')!;
  const bureau = users.get('bureau')!;
  let bsnSeed = 1000;

  // [target state, working days ago received]
  const plan: Array<[string, number]> = [
    ['ontvangen', 0],
    ['ontvangen', 1],
    ['ontvangen', 4],
    ['ontvangen', 5],
    ['ontvangen', 7],
    ['ontvangen', 2],
    ['ontvangen_toegewezen', 1],
    ['ontvangen_toegewezen', 3],
    ['ontvangen_toegewezen', 4],
    ['ontvangen_toegewezen', 6],
    ['ontvangen_toegewezen', 9],
    ['beoordeeld', 4],
    ['beoordeeld', 8],
    ['beoordeeld', 12],
    ['dienst_vv', 15],
    ['dienst_vv', 30],
    ['dienst_vv', 48],
    ['dienst_vv', 55],
    ['dienst_onderzoek', 20],
    ['dienst_onderzoek', 45],
    ['dienst_onderzoek_uitkomst', 52],
    ['overgedragen', 10],
    ['overgedragen', 25],
    ['overgedragen', 66],
    ['overgedragen_na_dienst', 70],
    ['afgesloten', 12],
    ['afgesloten', 30],
    ['afgesloten', 80],
    ['afgesloten_na_onderzoek', 90],
    ['afgesloten', 120],
  ];
  const gemeenteVoor = () => (r() < 0.7 ? 'GM0363' : pick(['GM0384', 'GM0362', 'GM0358', 'GM0451', 'GM0437']));
  const back = (werkdagen: number, hour: number) => {
    const d = k.addWerkdagen(today, -werkdagen);
    const t = new Date(startOfLocalDay(d).getTime() + hour * 3600_000);
    // Early in the day "today at 14:00" is still ahead: keep demo moments in the past.
    return t.getTime() < now.getTime() ? t : new Date(now.getTime() - (werkdagen + 1) * 20 * 60_000 - hour * 60_000);
  };

  const past = (t: Date | number) => new Date(Math.min(new Date(t).getTime(), now.getTime() - 60_000));
  for (const [i, [state, ago]] of plan.entries()) {
    const gemeente = gemeenteVoor();
    const [straat, postcode, woonplaats] = pick(STRATEN[gemeente]!);
    const achternaam = ACHTERNAMEN[i % ACHTERNAMEN.length]!;
    // The scenario fixes the household, the aanleiding and who can report it; the text follows.
    const sc = kiesScenario(r);
    const metKinderen = MET_KINDEREN[sc];
    const hoedanigheid = pick(MELDERS[sc]);
    const ontvangenOp = back(ago, 9 + Math.floor(r() * 8));
    const jaar = Number(today.slice(0, 4));
    const datum = (leeftijd: number) =>
      `${jaar - leeftijd}${String(1 + Math.floor(r() * 12)).padStart(2, '0')}${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
    const ouderen = sc === 'ouderenmishandeling';
    const huishoudenRol = metKinderen ? 'ouder_verzorger' : ouderen ? 'overig' : 'partner';
    const leeftijdMoeder = ouderen ? 76 + Math.floor(r() * 14) : 28 + Math.floor(r() * 18);
    const betrokkenen: MeldingInput['betrokkenen'] = [
      {
        persoon: {
          bsn: generateBsn(bsnSeed++),
          voornamen: pick(VOORNAMEN_V),
          achternaam,
          geboortedatum: datum(leeftijdMoeder),
          geslacht: 'V',
        },
        rol: 'slachtoffer',
        huishoudenRol,
      },
      {
        persoon: {
          bsn: r() < 0.8 ? generateBsn(bsnSeed++) : null,
          voornamen: pick(VOORNAMEN_M),
          achternaam: ouderen || r() < 0.5 ? achternaam : pick(ACHTERNAMEN),
          geboortedatum: `${jaar - (ouderen ? 45 : 28) - Math.floor(r() * 15)}0${1 + Math.floor(r() * 9)}00`,
          geslacht: 'M',
        },
        rol: 'pleger',
        huishoudenRol,
      },
    ];
    if (metKinderen) {
      // Jeugdarts and kinderopvang see young children: the youngest is then 0–3 years old.
      const jong = hoedanigheid === 'gz_anders' || hoedanigheid === 'kinderopvang';
      const n = 1 + Math.floor(r() * 3);
      for (let c = 0; c < n; c++) {
        betrokkenen.push({
          persoon: {
            bsn: generateBsn(bsnSeed++),
            voornamen: pick(KINDNAMEN),
            achternaam,
            geboortedatum: datum(
              c === 0 && jong ? 1 + Math.floor(r() * 3) : 4 + Math.floor(r() * Math.min(12, leeftijdMoeder - 22)),
            ),
            geslacht: r() < 0.5 ? 'V' : 'M',
          },
          rol: 'kind',
          huishoudenRol: 'kind',
        });
      }
    }
    const created = await demoMelding(
      db,
      {
        ontvangenOp: ontvangenOp.toISOString(),
        binnenkomst: hoedanigheid === 'politie' ? 'politie_zorgmelding' : 'telefoon',
        melder: { hoedanigheid, ...demoMelder(hoedanigheid, gemeente, woonplaats, i) },
        huishouden: {
          straat,
          huisnummer: String(1 + Math.floor(r() * 200)),
          postcode,
          woonplaats,
          gemeenteCode: gemeente,
        },
        regio: 'eigen',
        gemeenteCode: gemeente,
        betrokkenen,
        aanleiding: AANLEIDING[sc],
        aard:
          sc === 'ouderenmishandeling'
            ? ['financiele_uitbuiting', 'lichamelijke_verwaarlozing']
            : sc === 'kindermishandeling'
              ? hoedanigheid === 'gz_anders' || hoedanigheid === 'kinderopvang' || hoedanigheid === 'politie'
                ? ['lichamelijke_verwaarlozing', 'pedagogische_verwaarlozing']
                : ['lichamelijke_mishandeling']
              : metKinderen
                ? [
                    'getuige_van_geweld',
                    ...(sc === 'partnergeweld_kinderen' ? ['lichamelijke_mishandeling'] : ['psychisch_geweld']),
                  ]
                : ['lichamelijke_mishandeling', 'psychisch_geweld'],
        omschrijving: demoOmschrijving(sc, hoedanigheid, woonplaats),
        signalen: r() < 0.3 ? [pick(['verslaving', 'financiele_zorgen', 'isolement', 'lvb'])] : [],
      },
      bureau,
      // Registered at receipt (the informing clock starts then).
      new Date(Math.min(ontvangenOp.getTime() + 15 * 60_000, now.getTime())),
    );
    let versie = (await sql<{ versie: number }>`select versie from casus where id = ${created.casusId}`.execute(db))
      .rows[0]!.versie;
    const act = async (actie: any, input: any, user = bo) => {
      const res = await performAction(db, created.meldingId, actie, { versie, ...input }, user, now);
      versie = res.versie;
    };
    if (state === 'ontvangen') continue;
    const team = (
      await sql<{ team_id: number }>`select team_id from melding where id = ${created.meldingId}`.execute(db)
    ).rows[0]!.team_id;
    const worker =
      team === (await sql<{ id: number }>`select id from team where naam = 'Team Amstelland'`.execute(db)).rows[0]!.id
        ? users.get('amstelland')!
        : r() < 0.5
          ? bo
          : bo2;
    versie = (await assignBehandelaar(db, created.meldingId, worker, versie)).versie;
    if (state === 'ontvangen_toegewezen') continue;
    const beoordeeldDagen = Math.max(0, ago - (2 + Math.floor(r() * 8)));
    const beoordeeldOp = past(Math.max(back(beoordeeldDagen, 15).getTime(), ontvangenOp.getTime() + 3600_000));
    // The outcome fits what follows it: a dienst or an overdracht after (acute or structurele)
    // onveiligheid; "geen (meer) onveiligheid" never right after acute or structurele onveiligheid.
    const afsluitReden = state === 'afgesloten' ? pick(['geen_onveiligheid', 'geen_hg_km', 'hulp_al_aanwezig']) : null;
    const uitkomst =
      state === 'beoordeeld'
        ? pick([
            'structurele_onveiligheid',
            'structurele_onveiligheid',
            'eenmalige_onveilige_situatie',
            'andere_leefdomeinen',
            'geen_zorgen',
            'acute_onveiligheid',
          ])
        : state.startsWith('dienst') || state === 'afgesloten_na_onderzoek' || state === 'overgedragen_na_dienst'
          ? pick(['structurele_onveiligheid', 'structurele_onveiligheid', 'acute_onveiligheid'])
          : state === 'overgedragen'
            ? pick([
                'structurele_onveiligheid',
                'structurele_onveiligheid',
                'acute_onveiligheid',
                'eenmalige_onveilige_situatie',
              ])
            : afsluitReden === 'geen_onveiligheid'
              ? pick(['geen_zorgen', 'eenmalige_onveilige_situatie'])
              : afsluitReden === 'geen_hg_km'
                ? 'andere_leefdomeinen'
                : pick(['structurele_onveiligheid', 'eenmalige_onveilige_situatie']);
    await act(
      'veiligheidsbeoordeling',
      {
        ...beoordeling(uitkomst, r),
        motivering: MOTIVERING[uitkomst]!(metKinderen),
        bronnen: ['eigen_registratie', 'politie', 'directbetrokkenen'],
        getoetstDoor: gw,
        vastgesteldOp: beoordeeldOp.toISOString(),
      },
      worker,
    );
    if (r() < 0.85)
      await act(
        'terugkoppeling',
        {
          moment: 'na_beoordeling',
          inhoud: 'Melder geïnformeerd over het besluit en de vervolgstappen.',
          gedaanOp: past(beoordeeldOp.getTime() + 3600_000).toISOString(),
        },
        worker,
      );
    if (r() < 0.8 || ago > 15) {
      for (const pid of created.persoonIds) {
        await act(
          'informeren',
          {
            persoonId: pid,
            wijze: 'telefonisch',
            geinformeerdOp: past(beoordeeldOp.getTime() - 30 * 60_000).toISOString(),
          },
          worker,
        );
      }
    }
    if (state === 'beoordeeld') continue;
    const stapOp = past(beoordeeldOp.getTime() + 2 * 3600_000).toISOString();
    if (state.startsWith('dienst_vv')) {
      await act(
        'dienst_voorwaarden_en_vervolg',
        { gestartOp: stapOp, toelichting: 'Veiligheidsvoorwaarden afspreken en hulp organiseren.' },
        worker,
      );
      const voorwaarden = metKinderen
        ? [
            'Er wordt niet geslagen of gedreigd in het bijzijn van de kinderen',
            'Vader volgt een agressieregulatietraining',
          ]
        : ouderen
          ? [
              'De zoon beheert het geld van zijn moeder niet meer; er wordt bewindvoering aangevraagd',
              'De thuiszorg komt dagelijks langs',
            ]
          : ['Er wordt niet geslagen, gedreigd of gescholden', 'Hij volgt een agressieregulatietraining'];
      if (r() < 0.7) await act('veiligheidsvoorwaarden', { voorwaarden }, worker);
      continue;
    }
    if (state.startsWith('dienst_onderzoek') || state === 'afgesloten_na_onderzoek') {
      await act(
        'dienst_onderzoek',
        {
          gestartOp: stapOp,
          toelichting: metKinderen
            ? 'Onderzoek naar vermoedens van kindermishandeling.'
            : 'Onderzoek naar vermoedens van huiselijk geweld.',
        },
        worker,
      );
      if (state === 'dienst_onderzoek') continue;
      const uitkomsten = metKinderen
        ? [
            { type: 'kindermishandeling', uitkomst: 'bevestigd' },
            { type: 'huiselijk_geweld', uitkomst: sc === 'kindermishandeling' ? 'niet_bevestigd' : 'bevestigd' },
          ]
        : [{ type: 'huiselijk_geweld', uitkomst: 'bevestigd' }];
      await act('onderzoek_uitkomst', { uitkomsten }, worker);
      if (state === 'dienst_onderzoek_uitkomst') continue;
      const eind = past(
        Math.max(back(Math.max(0, ago - 40), 11).getTime(), beoordeeldOp.getTime() + 3 * 3600_000),
      ).toISOString();
      await act(
        'afsluiten',
        {
          reden: 'hulp_al_aanwezig',
          afgeslotenOp: eind,
          toelichting: `Onderzoek afgerond, hulp via ${metKinderen ? 'het lokale team' : ouderen ? 'de huisarts en de thuiszorg' : 'het sociaal team'} loopt.`,
        },
        worker,
      );
      continue;
    }
    if (state.startsWith('overgedragen')) {
      if (state === 'overgedragen_na_dienst') await act('dienst_voorwaarden_en_vervolg', { gestartOp: stapOp }, worker);
      // The receiver fits the household: a GI (youth protection) only where there are children.
      const ontvanger = ontvangerVoor(r, sc, gemeente);
      await act(
        'overdragen',
        {
          ontvangerType: ontvanger.type,
          ontvangerNaam: ontvanger.naam,
          reedsBekend: r() < 0.43,
          warm: r() < 0.5,
          overgedragenOp:
            state === 'overgedragen_na_dienst'
              ? past(
                  Math.max(back(Math.max(0, ago - 45), 14).getTime(), beoordeeldOp.getTime() + 3 * 3600_000),
                ).toISOString()
              : stapOp,
          monitoringAfspraken: 'Monitoring na 3 en 6 maanden: is de hulp gestart en is het veilig?',
        },
        worker,
      );
      // The longest-running one has had a first check (its monitoring clock restarts from it); the
      // overdracht of 66 werkdagen ago has not, so its clock is at risk or overdue.
      if (state === 'overgedragen_na_dienst') {
        const ov = (
          await sql<{
            overgedragen_op: Date;
          }>`select overgedragen_op from overdracht where melding_id = ${created.meldingId}`.execute(db)
        ).rows[0]!;
        await act(
          'monitoringcontact',
          {
            gedaanOp: past(new Date(ov.overgedragen_op).getTime() + 21 * 24 * 3600_000).toISOString(),
            bevindingen: `Gebeld met ${ontvanger.naam}: de hulp is gestart, er zijn geen nieuwe incidenten gemeld.`,
            hulpGestart: 'ja',
            veilig: 'ja',
          },
          worker,
        );
      }
      continue;
    }
    if (state === 'afgesloten') {
      await act('afsluiten', { reden: afsluitReden!, afgeslotenOp: stapOp }, worker);
    }
  }
  // A hermelding in the first open casus: the radar shows the earlier melding at intake.
  const first = (
    await sql<any>`select m.id, m.casus_id, m.gemeente_code, m.met_kinderen, c.huishouden_id from melding m join casus c on c.id = m.casus_id where c.status = 'open' order by m.id limit 1`.execute(
      db,
    )
  ).rows[0];
  if (first) {
    const personen = (
      await sql<{
        persoon_id: number;
        rol: string;
      }>`select persoon_id, rol from melding_betrokkene where melding_id = ${first.id}`.execute(db)
    ).rows;
    await createMelding(
      db,
      {
        ontvangenOp: back(0, 8).toISOString(),
        binnenkomst: 'crisisdienst',
        melder: {
          hoedanigheid: 'politie',
          naam: 'Meldkamer politie',
          functie: 'centralist',
          organisatie: 'Politie eenheid Amsterdam',
          telefoon: '020 555 01 99',
          wilOnbekendBlijven: false,
        },
        huishoudenId: first.huishouden_id,
        regio: 'eigen',
        // The same household, so the same gemeente and the same children (or none).
        gemeenteCode: first.gemeente_code,
        betrokkenen: personen.map((p) => ({ persoonId: p.persoon_id, rol: p.rol })),
        aanleiding: first.met_kinderen ? ['partnergeweld', 'km_anders'] : ['partnergeweld'],
        aard: first.met_kinderen ? ['lichamelijke_mishandeling', 'getuige_van_geweld'] : ['lichamelijke_mishandeling'],
        omschrijving: first.met_kinderen
          ? 'Nachtelijke zorgmelding: opnieuw politie-inzet na escalatie tussen de ouders; de kinderen waren thuis. Vader is meegenomen naar het bureau.'
          : 'Nachtelijke zorgmelding: opnieuw politie-inzet na escalatie tussen de partners. De man is meegenomen naar het bureau.',
        signalen: ['verslaving'],
      },
      users.get('crisis')!,
      now,
    );
  }
  // An MDO consultation: Team Amstelland consulted the vertrouwensarts (Team Amsterdam) about one of
  // its open casussen after the veiligheidsbeoordeling, which gives her access (docs/security.md).
  const mdo = (
    await sql<{ casus_id: number }>`
    select m.casus_id from melding m join team t on t.id = m.team_id
    where t.naam = 'Team Amstelland' and m.status in ('beoordeeld', 'dienst_vv', 'dienst_onderzoek') order by m.id limit 1`.execute(
      db,
    )
  ).rows[0];
  if (mdo) {
    const op = back(2, 11);
    await sql`insert into mdo_consultatie (casus_id, gebruiker_id, toelichting, vastgelegd_door, vastgelegd_op, geldig_tot)
              values (${mdo.casus_id}, ${users.get('arts')!}, ${'MDO: vertrouwensarts geeft advies over letsel bij het jongste kind.'}, ${users.get('amstelland')!}, ${op.toISOString()}, ${new Date(op.getTime() + 90 * 86_400_000).toISOString()})`.execute(
      db,
    );
  }
  // Adviesvragen; one still open (can be converted into a melding).
  const adv = [
    {
      hoedanigheid: 'ow_basis',
      aanleiding: ['km_anders'],
      vraag:
        'Leerkracht twijfelt of signalen van een leerling (terugtrekken, angstig bij ophalen) reden zijn om te melden.',
      advies: 'Afwegingskader doorlopen, gesprek met ouders voorbereid; bij structurele zorgen melden.',
    },
    {
      hoedanigheid: 'familielid',
      aanleiding: ['ouderenmishandeling'],
      vraag: 'Dochter maakt zich zorgen om haar vader, die door haar broer financieel wordt uitgebuit.',
      advies: 'Uitgelegd hoe zij het gesprek kan aangaan en welke hulp de gemeente biedt; mag opnieuw bellen.',
    },
    {
      hoedanigheid: 'gz_huisarts',
      aanleiding: ['partnergeweld'],
      vraag: 'Huisarts vermoedt partnergeweld bij een patiënte die het ontkent.',
      advies: 'Meldcode stap 3–4 besproken; veiligheidsplan met patiënte; melden bij acute onveiligheid.',
    },
    {
      hoedanigheid: 'maatschappelijke_ondersteuning',
      aanleiding: ['km_vechtscheiding'],
      vraag: 'Wijkteam begeleidt ouders in een vechtscheiding; kinderen worden steeds meer belast.',
      advies: 'Nog niet gesloten: wijkteam belt terug na gesprek met beide ouders.',
      open: true,
    },
  ];
  for (const [i, a] of adv.entries()) {
    await createAdviesvraag(
      db,
      {
        ontvangenOp: back(i * 2, 10).toISOString(),
        hoedanigheid: a.hoedanigheid,
        aanleiding: a.aanleiding,
        aard: [],
        signalen: [],
        regio: 'eigen',
        gemeenteCode: 'GM0363',
        vraag: a.vraag,
        advies: a.advies,
        afsluiten: !a.open,
      },
      bureau,
      null,
      now,
    );
  }
  void addDays;
}

/** First start: organisation always; demo users and cases when demo is on and there are no users. */
export async function ensureSeeded(db: Db, opts: { demo: boolean; now?: Date }): Promise<{ seeded: boolean }> {
  await seedOrganisation(db);
  const users = await sql`select 1 from gebruiker limit 1`.execute(db);
  if (users.rows.length || !opts.demo) return { seeded: false };
  const ids = await seedDemoUsers(db);
  await seedDemoCases(db, ids, opts.now ?? new Date());
  return { seeded: true };
}

/**
 * Register a demo melding. A new person the server takes for a likely duplicate of a known one
 * (random names and dates of birth meet now and then) is linked instead, as the intake's "Bedoelt
 * u …? Koppelen" does; one already linked in the melding is confirmed as another person.
 */
async function demoMelding(db: Db, m: MeldingInput, userId: number, now: Date) {
  try {
    return await createMelding(db, m, userId, now);
  } catch (e) {
    if (!(e instanceof HttpError) || e.code !== 'bestaande_persoon') throw e;
    const velden = (e.details.fields ?? []) as BestaandePersoonFout[];
    const gekoppeld = new Set<number>();
    const betrokkenen = m.betrokkenen.map((b, i): MeldingInput['betrokkenen'][number] => {
      const f = velden.find((x) => x.field.startsWith(`betrokkenen[${i}]`));
      const id = f?.persoonIds.find((x) => !gekoppeld.has(x));
      if (!f) return b;
      if (id === undefined) return { ...b, nieuwBevestigd: true };
      gekoppeld.add(id);
      return { persoonId: id, rol: b.rol, huishoudenRol: b.huishoudenRol };
    });
    return createMelding(db, { ...m, betrokkenen }, userId, now);
  }
}
