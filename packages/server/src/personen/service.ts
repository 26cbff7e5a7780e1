// Persons and households: find before create (BSN exact, name + date of birth tolerant of
// spelling and typing differences, address), and the radar of earlier meldingen.
import { blindIndex, open } from '../crypto/veld.ts';
import { geboortedatumLabel, normaliseNaam, volledigeNaam } from '@voordeur/domain';
import type { Db } from '../db/index.ts';
import * as pq from './queries.ts';

export interface PersoonKandidaat {
  id: number;
  naam: string;
  bsn: string | null;
  geboortedatum: string | null;
  geboortedatumLabel: string | null;
  geslacht: string;
  score: number;
  redenen: string[];
  huishoudens: Array<{ id: number; adres: string; gemeenteCode: string | null; veiligheidsvlaggen: string[] }>;
  eerdereMeldingen: number;
}

export interface ZoekVraag {
  bsn?: string;
  naam?: string;
  geboortedatum?: string;
  postcode?: string;
  huisnummer?: string;
}

function dobVariants(dob: string): string[] {
  // Typing differences in a date of birth: day and month swapped.
  if (!/^[0-9]{8}$/.test(dob)) return [];
  const y = dob.slice(0, 4);
  const m = dob.slice(4, 6);
  const d = dob.slice(6, 8);
  const out = new Set([dob]);
  if (d !== '00' && Number(d) <= 12) out.add(`${y}${d}${m}`);
  // Registered with an unknown day, or day and month (CBS '00'): that date still fits.
  out.add(`${y}${m}00`);
  out.add(`${y}0000`);
  return [...out];
}

export function adresLabel(h: {
  straat?: string | null;
  huisnummer?: string | null;
  toevoeging?: string | null;
  postcode?: string | null;
  woonplaats?: string | null;
}): string {
  const street = [h.straat, [h.huisnummer, h.toevoeging].filter(Boolean).join('')].filter(Boolean).join(' ');
  const place = [h.postcode, h.woonplaats].filter(Boolean).join(' ');
  return [street, place].filter(Boolean).join(', ') || 'adres onbekend';
}

const NAAM_LIMIET = 50;
/** Search names read by the surname-prefix pass at most. */
const PREFIX_LIMIET = 200;

/** Words that are not the surname itself: tussenvoegsels ('van der Berg' is stored as 'berg …'). */
const TUSSENVOEGSELS = new Set(['van', 'de', 'der', 'den', 'het', 'ter', 'ten', 'te', 'in', 'op', 't', 's']);

/** One surname (tussenvoegsels aside): the name score also counts the query as a word within a name. */
const eenWoord = (naam: string) => naam.split(' ').filter((w) => w && !TUSSENVOEGSELS.has(w)).length === 1;

/**
 * Persons whose zoeknaam is like `naam`, most similar first; `vol` when a pass hit its cap (there
 * are more).
 * - Trigram pass over the distinct search names: first with a strict threshold (0.5: one typo in a
 *   name of normal length stays above it, and the GIN index visits far fewer rows); only when that
 *   finds fewer than 3 persons the tolerant default (0.3), for short names and several typos.
 *   Measured on 1.2 million persons (bench/): the same recall as always searching at 0.3.
 * - Surname-prefix pass, when the query is one surname (tussenvoegsels aside): every search name
 *   that starts with it (btree, migration 012), so a short surname finds its long variants whose
 *   whole-name similarity is low ('Visser' → 'Vissers', 'Visser-de Boer').
 * Scored by the name score of queries.ts.
 */
async function naamKandidaten(db: Db, naam: string): Promise<{ rijen: pq.NaamKandidaatRij[]; vol: boolean }> {
  const woorden = naam.split(' ').filter((w) => w && !TUSSENVOEGSELS.has(w));
  const zoek = async (tx: Db, drempel: number) => {
    await pq.zetTrigramDrempel(tx, drempel);
    return pq.personenMetLijkendeNaam(tx, naam, woorden.length === 1, NAAM_LIMIET);
  };
  return db.transaction().execute(async (tx) => {
    let rijen = await zoek(tx, 0.5);
    if (rijen.length < 3) rijen = await zoek(tx, 0.3);
    let vol = (rijen[0]?.n ?? 0) >= NAAM_LIMIET || rijen.length >= NAAM_LIMIET * 4;
    if (woorden.length === 1 && woorden[0]!.length >= 2) {
      const prefix = await pq.personenMetNaamPrefix(tx, woorden[0]!, naam, {
        prefix: PREFIX_LIMIET,
        namen: NAAM_LIMIET,
      });
      const seen = new Set(rijen.map((r) => r.id));
      rijen = [...rijen, ...prefix.filter((r) => !seen.has(r.id))];
      vol ||= (prefix[0]?.n ?? 0) > NAAM_LIMIET;
    }
    return { rijen, vol };
  });
}

/** Why a name matched, in the words of the intake: the same name, the same surname, or alike. */
function naamReden(q: string, r: { achternaam: string; voornamen: string | null; sim: number }): string {
  const vraag = q.split(' ').filter((w) => w && !TUSSENVOEGSELS.has(w));
  const achternaam = normaliseNaam(r.achternaam)
    .split(' ')
    .filter((w) => !TUSSENVOEGSELS.has(w));
  const voornamen = normaliseNaam(r.voornamen ?? '')
    .split(' ')
    .filter(Boolean);
  const zelfde = (a: string[], b: string[]) =>
    a.length === b.length && [...a].sort().join(' ') === [...b].sort().join(' ');
  if (zelfde(vraag, achternaam)) return 'achternaam gelijk';
  // 'Jan de Vries' or 'Vries Jan': the surname and the first (or every) voornaam, in any order.
  if (
    voornamen.length &&
    (zelfde(vraag, [...achternaam, voornamen[0]!]) || zelfde(vraag, [...achternaam, ...voornamen]))
  )
    return 'naam gelijk';
  return `naam lijkt (${Math.round(r.sim * 100)}%)`;
}

export interface ZoekResultaat {
  kandidaten: PersoonKandidaat[];
  /** There are more candidates than shown: refine with a voornaam, date of birth or address. */
  meer: boolean;
}

/** Search candidates; returns at most `limit`, best first. */
export async function zoekPersonen(db: Db, q: ZoekVraag, limit = 20): Promise<PersoonKandidaat[]> {
  return (await zoekPersonenResultaat(db, q, limit)).kandidaten;
}

/**
 * `kenmerken: false` (roles that do not register meldingen): a candidate's BSN is shown only when the
 * query had that BSN, the date of birth only when the query had that BSN or that date.
 */
export async function zoekPersonenResultaat(
  db: Db,
  q: ZoekVraag,
  limit = 20,
  opts: { kenmerken: boolean } = { kenmerken: true },
): Promise<ZoekResultaat> {
  const scores = new Map<number, { score: number; redenen: Set<string> }>();
  const bump = (id: number, s: number, reden: string) => {
    const e = scores.get(id) ?? { score: 0, redenen: new Set<string>() };
    e.score += s;
    e.redenen.add(reden);
    scores.set(id, e);
  };
  let vol = false;
  const bsn = q.bsn?.replace(/\D/g, '');
  if (bsn && bsn.length === 9) {
    for (const id of await pq.persoonIdsMetBsnHash(db, blindIndex(bsn, 'persoon.bsn'))) bump(id, 10, 'BSN gelijk');
  }
  const naam = q.naam ? normaliseNaam(q.naam) : '';
  const dob = q.geboortedatum?.replace(/\D/g, '') ?? '';
  if (naam.length >= 2) {
    if (dob.length === 8) {
      // Candidates born on that day (or with day/month swapped), any name similarity.
      const variants = dobVariants(dob);
      for (const x of await pq.personenOpGeboortedatum(db, variants, naam, eenWoord(naam))) {
        bump(x.id, x.sim * 3, naamReden(naam, x));
        if (x.geboortedatum === dob) bump(x.id, 2, 'geboortedatum gelijk');
        else if (x.geboortedatum.endsWith('00')) bump(x.id, 1, 'geboortedatum past (deels onbekend)');
        else bump(x.id, 1.2, 'geboortedatum met dag/maand verwisseld');
      }
    }
    // Name alone (trigram index); a date of birth in the same year adds to the score. Skipped when
    // the date of birth already found a person with a clearly similar name: at the phone the
    // caller gives name and date of birth, and the broad name search is what costs time.
    const sterk = [...scores.values()].some((e) => e.redenen.has('geboortedatum gelijk') && e.score >= 2 + 0.4 * 3);
    if (!sterk) {
      const k = await naamKandidaten(db, naam);
      vol = k.vol;
      for (const r of k.rijen) {
        if (scores.get(r.id)?.redenen.has('geboortedatum gelijk')) continue;
        bump(r.id, r.sim * 3, naamReden(naam, r));
        if (
          dob.length === 8 &&
          r.geboortedatum &&
          r.geboortedatum.slice(0, 4) === dob.slice(0, 4) &&
          r.geboortedatum !== dob
        )
          bump(r.id, 0.5, 'geboortejaar gelijk');
      }
    }
  }
  const pc = q.postcode?.replace(/\s+/g, '').toUpperCase();
  if (pc && q.huisnummer) {
    for (const id of await pq.persoonIdsOpAdres(db, pc, q.huisnummer.trim())) bump(id, 1.5, 'zelfde adres');
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]).slice(0, limit);
  const meer = scores.size > limit || vol;
  if (ranked.length === 0) return { kandidaten: [], meer };
  const ids = ranked.map(([id]) => id);
  const details = await persoonDetails(db, ids);
  return {
    kandidaten: ranked.map(([id, s]) => {
      const d = details.get(id)!;
      const bsnGelijk = s.redenen.has('BSN gelijk');
      const datumGelijk = bsnGelijk || s.redenen.has('geboortedatum gelijk');
      return {
        ...d,
        ...(opts.kenmerken
          ? {}
          : {
              bsn: bsnGelijk ? d.bsn : null,
              geboortedatum: datumGelijk ? d.geboortedatum : null,
              geboortedatumLabel: datumGelijk ? d.geboortedatumLabel : null,
            }),
        score: Math.round(s.score * 100) / 100,
        redenen: [...s.redenen],
      };
    }),
    meer,
  };
}

export async function persoonDetails(
  db: Db,
  ids: number[],
): Promise<Map<number, Omit<PersoonKandidaat, 'score' | 'redenen'>>> {
  const out = new Map<number, Omit<PersoonKandidaat, 'score' | 'redenen'>>();
  if (ids.length === 0) return out;
  // With the safety flags of the household's latest casus: whoever finds the person sees the danger.
  for (const r of await pq.persoonDetailRijen(db, ids)) {
    out.set(r.id, {
      id: r.id,
      naam: volledigeNaam(r),
      bsn: open(r.bsn, 'persoon.bsn'),
      geboortedatum: r.geboortedatum,
      geboortedatumLabel: r.geboortedatum ? geboortedatumLabel(r.geboortedatum) : null,
      geslacht: r.geslacht,
      huishoudens: r.huishoudens.map((x) => ({
        id: x.id,
        adres: adresLabel(x),
        gemeenteCode: x.gemeente_code,
        veiligheidsvlaggen: x.vlaggen ?? [],
      })),
      eerdereMeldingen: r.meldingen,
    });
  }
  return out;
}

/** Households at an address, with their members and whether a casus is open. */
export async function zoekHuishoudens(db: Db, postcode: string, huisnummer: string) {
  const pc = postcode.replace(/\s+/g, '').toUpperCase();
  return (await pq.huishoudensOpAdres(db, pc, huisnummer.trim())).map((h) => ({
    id: h.id,
    adres: adresLabel(h),
    gemeenteCode: h.gemeente_code,
    openCasus: h.open_casus,
    leden: h.leden.map((l) => ({ id: l.id, naam: volledigeNaam(l), rol: l.rol, geboortedatum: l.geboortedatum })),
  }));
}

/** The radar: earlier meldingen about any of these persons, in any casus (of the organisation, when given). */
export async function radar(db: Db, persoonIds: number[], exceptMeldingId?: number, organisatieId?: number) {
  if (persoonIds.length === 0) return [];
  return (await pq.radarRijen(db, persoonIds, exceptMeldingId ?? null, organisatieId ?? null)).map(radarMelding);
}

/** One radar row (melding of the radar query, or of the intake's household radar) for the API. */
export function radarMelding(x: pq.RadarRij) {
  return {
    id: x.id,
    nummer: x.nummer,
    ontvangenOp: new Date(x.ontvangen_op).toISOString(),
    status: x.status,
    aanleiding: x.aanleiding,
    casusId: x.casus_id,
    casusNummer: x.casus_nummer,
    persoonIds: x.personen ?? [],
    beoordelingUitkomst: x.beoordeling_uitkomst,
    /** Safety flags of the melding's casus: a danger known for the household shows at intake. */
    veiligheidsvlaggen: x.veiligheidsvlaggen ?? [],
  };
}
