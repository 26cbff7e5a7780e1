// The logic of the privacy officer's page, apart from the components for unit tests: the access-log
// filter as a query string (the same names as GET /api/toegangslog), the 3-month destruction clock
// in words, and which fields an inzage decision needs (Wmo 2015 art. 5.3.2).
import type { BewaarItem, Vernietigingstermijn } from '@voordeur/domain';
import { query } from '../api.ts';
import { DATUM_FOUT, datumVoorApi, leesDatum } from '../format.ts';

export interface LogFilter {
  van: string;
  tot: string;
  gebruikerId: string;
  persoonId: string;
  actie: string;
  uitkomst: string;
  objectType: string;
  /** Only access to persons' dossiers (the default): the technical reads every page makes are left out. */
  alleenDossier: boolean;
}

export const EMPTY_FILTER: LogFilter = {
  van: '',
  tot: '',
  gebruikerId: '',
  persoonId: '',
  actie: '',
  uitkomst: '',
  objectType: '',
  alleenDossier: true,
};

export const ACTIES: Array<[string, string]> = [
  ['read', 'ingezien'],
  ['search', 'gevonden bij zoeken'],
  ['create', 'vastgelegd'],
  ['change', 'gewijzigd'],
  ['delete', 'verwijderd'],
  ['export', 'geëxporteerd of afgedrukt'],
  ['merge', 'samengevoegd of gesplitst'],
  ['transfer', 'overgedragen'],
  ['emergency', 'noodtoegang'],
  ['login', 'ingelogd'],
  ['logout', 'uitgelogd'],
];
export const UITKOMSTEN: Array<[string, string]> = [
  ['success', 'gelukt'],
  ['denied', 'geweigerd'],
  ['failure', 'mislukt'],
];

/** Browser check of the filter: ids are numbers, dates as shown (dd-mm-jjjj) or JJJJ-MM-DD, the period runs forward. */
export function checkFilter(f: LogFilter): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const van = f.van.trim() ? leesDatum(f.van) : null;
  const tot = f.tot.trim() ? leesDatum(f.tot) : null;
  if (f.van.trim() && !van) errors['log.van'] = [DATUM_FOUT];
  if (f.tot.trim() && !tot) errors['log.tot'] = [DATUM_FOUT];
  if (van && tot && tot < van) errors['log.tot'] = ['De einddatum ligt vóór de begindatum'];
  if (f.persoonId && !/^[1-9][0-9]*$/.test(f.persoonId.trim()))
    errors['log.persoonId'] = ['Een persoon-id is een getal'];
  return errors;
}

/** Query string for GET /api/toegangslog (and /export, without paging); dates as the API takes them. */
export function logQuery(f: LogFilter, page?: { limit: number; offset: number }): string {
  const dag = (x: string) => (x.trim() ? datumVoorApi(x) : '');
  return query({
    van: dag(f.van),
    tot: dag(f.tot),
    gebruikerId: f.gebruikerId,
    persoonId: f.persoonId.trim(),
    actie: f.actie,
    uitkomst: f.uitkomst,
    objectType: f.objectType.trim(),
    weergave: f.alleenDossier ? 'dossier' : '',
    ...(page ?? {}),
  });
}

/** The destruction clock in words (not colour alone). */
export function termijnTekst(t: Vernietigingstermijn, fmt: (d: string) => string): string {
  if (t.status === 'afgehandeld') return `afgehandeld (uiterlijk ${fmt(t.uiterlijkOp)})`;
  const d = t.dagenResterend ?? 0;
  if (t.status === 'verlopen')
    return `termijn verlopen: ${-d} ${-d === 1 ? 'dag' : 'dagen'} te laat (uiterlijk ${fmt(t.uiterlijkOp)})`;
  if (d === 0) return `laatste dag: vandaag (${fmt(t.uiterlijkOp)})`;
  return `nog ${d} ${d === 1 ? 'dag' : 'dagen'}, uiterlijk ${fmt(t.uiterlijkOp)}`;
}

export interface InzageBesluitForm {
  besluit: '' | 'toegewezen' | 'deels_toegewezen' | 'afgewezen';
  weigeringsgronden: string[];
  motivering: string;
}

/** Browser check of an inzage decision (the server checks the same and the signals). */
export function checkInzageBesluit(f: InzageBesluitForm, signalen: string[]): Record<string, string[]> {
  const e: Record<string, string[]> = {};
  if (!f.besluit) e['besluit.besluit'] = ['Kies toegewezen, deels toegewezen of afgewezen'];
  if (f.besluit === 'toegewezen' && f.weigeringsgronden.length)
    e['besluit.weigeringsgronden'] = ['Een toegewezen verzoek heeft geen weigeringsgrond'];
  if ((f.besluit === 'afgewezen' || f.besluit === 'deels_toegewezen') && !f.weigeringsgronden.length)
    e['besluit.weigeringsgronden'] = ['Noem de weigeringsgrond(en) van Wmo 2015 art. 5.3.2'];
  if ((f.besluit === 'afgewezen' || f.besluit === 'deels_toegewezen') && f.motivering.trim().length < 10)
    e['besluit.motivering'] = ['Motiveer de (gedeeltelijke) weigering (minimaal 10 tekens)'];
  if (
    f.besluit === 'toegewezen' &&
    signalen.some((s) => s === 'kind_jonger_dan_12' || s === 'ouder_van_kind_16_plus') &&
    f.motivering.trim().length < 10
  ) {
    e['besluit.motivering'] = ['Motiveer waarom het verzoek toch wordt toegewezen (minimaal 10 tekens)'];
  }
  return e;
}

const meervoud = (n: number, een: string, meer: string) => `${n} ${n === 1 ? een : meer}`;

/** What destroying the chosen casussen (retention) does, for the confirmation step. */
export function bewaarGevolgen(items: Pick<BewaarItem, 'nummer' | 'meldingen' | 'personenTeVernietigen'>[]): string[] {
  const meldingen = items.reduce((a, x) => a + x.meldingen, 0);
  const personen = items.reduce((a, x) => a + x.personenTeVernietigen, 0);
  return [
    `${meervoud(items.length, 'casus wordt', 'casussen worden')} vernietigd: ${items.map((x) => x.nummer).join(', ')}.`,
    `Daarmee verdwijnen ${meervoud(meldingen, 'melding', 'meldingen')} en de gegevens van ${meervoud(personen, 'persoon', 'personen')} die in geen andere casus voorkomen.`,
    'Alleen een grafsteen per casus en het toegangslog blijven.',
  ];
}

/** What executing a destruction request does, for the confirmation step. */
export function vernietigingGevolgen(
  persoon: string,
  vindplaatsen: {
    huishoudens: number;
    meldingen: number;
    casussen: Array<{ nummer: string; blokkade?: unknown }>;
  } | null,
): string[] {
  const out = [`Alle persoonsgegevens van ${persoon} worden overal verwijderd.`];
  if (vindplaatsen) {
    const casussen = vindplaatsen.casussen.map((c) => c.nummer).join(', ');
    out.push(
      `Het gaat om ${meervoud(vindplaatsen.meldingen, 'melding', 'meldingen')} en ${meervoud(vindplaatsen.huishoudens, 'huishouden', 'huishoudens')}${casussen ? ` (casus ${casussen})` : ''}.`,
    );
    const geblokkeerd = vindplaatsen.casussen.filter((c) => c.blokkade).map((c) => c.nummer);
    if (geblokkeerd.length)
      out.push(
        `Let op: ${geblokkeerd.join(', ')} ${geblokkeerd.length === 1 ? 'heeft' : 'hebben'} een bewaarblokkade; dan wordt de vernietiging geweigerd.`,
      );
  }
  out.push('Alleen een grafsteen (datum en grond) en het toegangslog blijven.');
  return out;
}

/** A casus as the privacy officer types it: its casusnummer (2026-000123) or its id; null when neither. */
export function casusSleutel(invoer: string): string | null {
  const s = invoer.trim();
  if (/^\d{4}-\d{6}$/.test(s)) return s;
  if (/^[1-9][0-9]*$/.test(s)) return s;
  return null;
}

// Shapes, labels and constants of the page (shared by its tab components).
export interface LogRegel {
  id: number;
  at: string;
  gebruiker: { id: number; naam: string; gebruikersnaam: string } | null;
  namens: { id: number; naam: string } | null;
  clientIds: number[];
  actie: string;
  actieLabel: string;
  objectType: string;
  objectId: string | null;
  doel: string | null;
  route: string | null;
  uitkomst: string;
}

export const PAGINA = 50;
export interface PrivacyKandidaat {
  id: number;
  naam: string;
  bsn: string | null;
  geboortedatumLabel: string | null;
}

export const RELATIES = [
  { value: 'betrokkene', label: 'De betrokkene zelf' },
  { value: 'wettelijk_vertegenwoordiger', label: 'Ouder met gezag, voogd of andere wettelijk vertegenwoordiger' },
  { value: 'gemachtigde', label: 'Gemachtigde (schriftelijke machtiging)' },
];
export const GRONDEN = [
  { value: 'kind_jonger_dan_12', label: 'De betrokkene is jonger dan 12 jaar' },
  {
    value: 'niet_in_staat_tot_redelijke_waardering',
    label: 'De betrokkene is niet in staat tot een redelijke waardering van zijn belangen',
  },
  { value: 'bescherming_ander', label: 'Bescherming van de persoonlijke levenssfeer van een ander' },
  { value: 'verzoeker_niet_bevoegd', label: 'De verzoeker is niet bevoegd namens de betrokkene' },
];
export const BESLUIT_LABEL: Record<string, string> = {
  toegewezen: 'toegewezen',
  deels_toegewezen: 'deels toegewezen',
  afgewezen: 'afgewezen',
};
export const VELD_LABEL: Record<string, string> = {
  bsn: 'BSN',
  voornamen: 'Voornamen',
  tussenvoegsel: 'Tussenvoegsel',
  achternaam: 'Achternaam',
  geboortedatum: 'Geboortedatum',
  geslacht: 'Geslacht',
};

export interface NoodtoegangItem {
  id: number;
  casus: { id: number; nummer: string };
  gebruiker: { id: number; naam: string; gebruikersnaam: string };
  reden: string;
  verleendOp: string;
  verlooptOp: string;
  gebruik: number;
  beoordeeld: boolean;
  beoordeling: { oordeel: string; notitie: string; door: { naam: string }; op: string } | null;
}

export const OORDEEL_LABEL: Record<string, string> = {
  gerechtvaardigd: 'Gerechtvaardigd',
  niet_gerechtvaardigd: 'Niet gerechtvaardigd',
};

export const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });
