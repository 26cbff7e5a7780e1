// The logic of the privacy officer's page, apart from the components for unit tests: the access-log
// filter as a query string (the same names as GET /api/toegangslog), the 3-month destruction clock
// in words, and which fields an inzage decision needs (Wmo 2015 art. 5.3.2).
import type { Vernietigingstermijn } from '@voordeur/domain';
import { query } from '../api.ts';

export interface LogFilter {
  van: string;
  tot: string;
  gebruikerId: string;
  persoonId: string;
  actie: string;
  uitkomst: string;
  objectType: string;
}

export const EMPTY_FILTER: LogFilter = { van: '', tot: '', gebruikerId: '', persoonId: '', actie: '', uitkomst: '', objectType: '' };

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

/** Browser check of the filter: ids are numbers, dates JJJJ-MM-DD, the period runs forward. */
export function checkFilter(f: LogFilter): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const datum = /^\d{4}-\d{2}-\d{2}$/;
  if (f.van && !datum.test(f.van)) errors['log.van'] = ['Geef een datum als JJJJ-MM-DD'];
  if (f.tot && !datum.test(f.tot)) errors['log.tot'] = ['Geef een datum als JJJJ-MM-DD'];
  if (f.van && f.tot && datum.test(f.van) && datum.test(f.tot) && f.tot < f.van) errors['log.tot'] = ['De einddatum ligt vóór de begindatum'];
  if (f.persoonId && !/^[1-9][0-9]*$/.test(f.persoonId.trim())) errors['log.persoonId'] = ['Een persoon-id is een getal'];
  return errors;
}

/** Query string for GET /api/toegangslog (and /export, without paging). */
export function logQuery(f: LogFilter, page?: { limit: number; offset: number }): string {
  return query({ van: f.van, tot: f.tot, gebruikerId: f.gebruikerId, persoonId: f.persoonId.trim(), actie: f.actie, uitkomst: f.uitkomst, objectType: f.objectType.trim(), ...(page ?? {}) });
}

/** The destruction clock in words (not colour alone). */
export function termijnTekst(t: Vernietigingstermijn, fmt: (d: string) => string): string {
  if (t.status === 'afgehandeld') return `afgehandeld (uiterlijk ${fmt(t.uiterlijkOp)})`;
  const d = t.dagenResterend ?? 0;
  if (t.status === 'verlopen') return `termijn verlopen: ${-d} ${-d === 1 ? 'dag' : 'dagen'} te laat (uiterlijk ${fmt(t.uiterlijkOp)})`;
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
  if (f.besluit === 'toegewezen' && f.weigeringsgronden.length) e['besluit.weigeringsgronden'] = ['Een toegewezen verzoek heeft geen weigeringsgrond'];
  if ((f.besluit === 'afgewezen' || f.besluit === 'deels_toegewezen') && !f.weigeringsgronden.length) e['besluit.weigeringsgronden'] = ['Noem de weigeringsgrond(en) van Wmo 2015 art. 5.3.2'];
  if ((f.besluit === 'afgewezen' || f.besluit === 'deels_toegewezen') && f.motivering.trim().length < 10) e['besluit.motivering'] = ['Motiveer de (gedeeltelijke) weigering (minimaal 10 tekens)'];
  if (f.besluit === 'toegewezen' && signalen.some((s) => s === 'kind_jonger_dan_12' || s === 'ouder_van_kind_16_plus') && f.motivering.trim().length < 10) {
    e['besluit.motivering'] = ['Motiveer waarom het verzoek toch wordt toegewezen (minimaal 10 tekens)'];
  }
  return e;
}
