// Persons and households: find before create (BSN exact, name + date of birth tolerant of
// spelling and typing differences, address), and the radar of earlier meldingen.
import { blindIndex, open } from '../crypto/veld.ts';
import {
  geboortedatumLabel,
  geboortedatumOvereenkomst,
  matchScore,
  normaliseNaam,
  TUSSENVOEGSELS,
  vergelijkNaam,
  volledigeNaam,
  zoekSleutels,
} from '@voordeur/domain';
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
  /** The score reaches MOGELIJK_DUBBEL_DREMPEL: likely the same person. */
  mogelijkDubbel: boolean;
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
  // The threshold is set for one transaction: the search's own, or the caller's (intake).
  const inTransactie = <T>(f: (tx: Db) => Promise<T>) => (db.isTransaction ? f(db) : db.transaction().execute(f));
  return inTransactie(async (tx) => {
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

export interface ZoekResultaat {
  kandidaten: PersoonKandidaat[];
  /** There are more candidates than shown: refine with a voornaam, date of birth or address. */
  meer: boolean;
}

/** Search candidates; returns at most `limit`, best first. */
export async function zoekPersonen(db: Db, q: ZoekVraag, limit = 20): Promise<PersoonKandidaat[]> {
  return (await zoekPersonenResultaat(db, q, limit)).kandidaten;
}

/** Persons read by the sound-key pass at most (the best by number of shared keys). */
const SLEUTEL_LIMIET = 300;
/** A candidate of the sound-key pass only counts with a name at least this alike (vergelijkNaam). */
const SLEUTEL_MIN_GELIJKENIS = 0.5;

type NaamRij = Omit<pq.NaamKandidaatRij, 'sim' | 'n'>;

/**
 * Candidates in passes, then one score per candidate (the domain's matchScore: weights
 * MATCH_GEWICHTEN, threshold MOGELIJK_DUBBEL_DREMPEL):
 * - BSN (blind index), exact;
 * - date of birth (exact, day/month swapped, unknown parts) with a name at least a little alike;
 * - name: the trigram and surname-prefix passes (naamKandidaten), skipped when the date of birth
 *   already found a clearly similar name; and the sound-key pass (table naamsleutel), which finds
 *   the typos and Dutch spelling variants the trigram similarity misses in a short surname;
 * - address (postcode + huisnummer).
 * The name similarity of a candidate is the greater of the domain's vergelijkNaam() and the
 * database's trigram similarity.
 * `kenmerken: false` (roles that do not register meldingen): a candidate's BSN is shown only when the
 * query had that BSN, the date of birth only when the query had that BSN or that date.
 */
export async function zoekPersonenResultaat(
  db: Db,
  q: ZoekVraag,
  limit = 20,
  opts: { kenmerken: boolean } = { kenmerken: true },
): Promise<ZoekResultaat> {
  const kand = new Map<number, { sim: number; rij?: NaamRij; bsn?: boolean; adres?: boolean }>();
  const voeg = (id: number, x: { sim?: number; rij?: NaamRij; bsn?: boolean; adres?: boolean }) => {
    const e = kand.get(id) ?? { sim: 0 };
    kand.set(id, {
      sim: Math.max(e.sim, x.sim ?? 0),
      rij: e.rij ?? x.rij,
      bsn: e.bsn || x.bsn,
      adres: e.adres || x.adres,
    });
  };
  let vol = false;
  const bsn = q.bsn?.replace(/\D/g, '');
  if (bsn && bsn.length === 9) {
    for (const id of await pq.persoonIdsMetBsnHash(db, blindIndex(bsn, 'persoon.bsn'))) voeg(id, { bsn: true });
  }
  const naam = q.naam ? normaliseNaam(q.naam) : '';
  const dob = q.geboortedatum?.replace(/\D/g, '') ?? '';
  if (naam.length >= 2) {
    let sterk = false;
    if (dob.length === 8) {
      // Candidates born on that day (or with day/month swapped, or unknown parts), any name similarity.
      for (const x of await pq.personenOpGeboortedatum(db, dobVariants(dob), naam, eenWoord(naam))) {
        voeg(x.id, { sim: x.sim, rij: x });
        if (x.geboortedatum === dob && x.sim >= 0.4) sterk = true;
      }
    }
    // Name alone (trigram index). Skipped when the date of birth already found a person with a
    // clearly similar name: at the phone the caller gives name and date of birth, and the broad
    // name search is what costs time.
    if (!sterk) {
      const k = await naamKandidaten(db, naam);
      vol = k.vol;
      for (const r of k.rijen) voeg(r.id, { sim: r.sim, rij: r });
    }
    const sleutels = zoekSleutels(q.naam!);
    if (sleutels.length) {
      const rijen = await pq.personenMetNaamsleutel(db, sleutels, SLEUTEL_LIMIET);
      vol ||= rijen.length >= SLEUTEL_LIMIET;
      for (const r of rijen)
        if (kand.has(r.id) || vergelijkNaam(q.naam!, r).gelijkenis >= SLEUTEL_MIN_GELIJKENIS) voeg(r.id, { rij: r });
    }
  }
  const pc = q.postcode?.replace(/\s+/g, '').toUpperCase();
  if (pc && q.huisnummer) {
    for (const id of await pq.persoonIdsOpAdres(db, pc, q.huisnummer.trim())) voeg(id, { adres: true });
  }
  // Name and date of birth of the candidates found by BSN or address only.
  for (const r of await pq.persoonNamen(
    db,
    [...kand.entries()].filter(([, e]) => !e.rij).map(([id]) => id),
  ))
    voeg(r.id, { rij: r });
  const scores = new Map<number, ReturnType<typeof matchScore>>();
  for (const [id, e] of kand) {
    if (!e.rij) continue; // deleted meanwhile
    scores.set(
      id,
      matchScore({
        bsnGelijk: e.bsn,
        naam: naam.length >= 2 ? naamSignaal(q.naam!, e.rij, e.sim) : null,
        geboortedatum: dob.length === 8 ? geboortedatumOvereenkomst(dob, e.rij.geboortedatum) : null,
        adresGelijk: e.adres,
      }),
    );
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]).slice(0, limit);
  const meer = scores.size > limit || vol;
  if (ranked.length === 0) return { kandidaten: [], meer };
  const ids = ranked.map(([id]) => id);
  const details = await persoonDetails(db, ids);
  return {
    kandidaten: ranked
      .filter(([id]) => details.has(id))
      .map(([id, s]) => {
        const d = details.get(id)!;
        const bsnGelijk = s.redenen.includes('BSN gelijk');
        const datumGelijk = bsnGelijk || s.redenen.includes('geboortedatum gelijk');
        return {
          ...d,
          ...(opts.kenmerken
            ? {}
            : {
                bsn: bsnGelijk ? d.bsn : null,
                geboortedatum: datumGelijk ? d.geboortedatum : null,
                geboortedatumLabel: datumGelijk ? d.geboortedatumLabel : null,
              }),
          ...s,
        };
      }),
    meer,
  };
}

/** The name signal: the domain's comparison, or the trigram similarity when that is higher. */
function naamSignaal(vraag: string, rij: NaamRij, trigram: number) {
  const v = vergelijkNaam(vraag, rij);
  if (trigram <= v.gelijkenis) return v;
  return {
    gelijkenis: trigram,
    reden: v.reden.startsWith('naam lijkt') ? `naam lijkt (${Math.round(trigram * 100)}%)` : v.reden,
  };
}

export async function persoonDetails(
  db: Db,
  ids: number[],
): Promise<Map<number, Omit<PersoonKandidaat, 'score' | 'redenen' | 'mogelijkDubbel'>>> {
  const out = new Map<number, Omit<PersoonKandidaat, 'score' | 'redenen' | 'mogelijkDubbel'>>();
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

/**
 * The radar: earlier meldingen about any of these persons, in any casus (of the organisation, when
 * given); and the meldingen about persons confirmed at intake as others than one of these ("toch
 * nieuwe persoon") marked `mogelijkDezelfdePersoon`: the confirmation may be wrong, and the
 * veiligheidsbeoordeling should not be made blind to them. Those other persons are in `anderen`
 * (for the access log).
 */
export async function radar(db: Db, persoonIds: number[], exceptMeldingId?: number, organisatieId?: number) {
  return (await radarMetAnderen(db, persoonIds, exceptMeldingId, organisatieId)).meldingen;
}

export async function radarMetAnderen(
  db: Db,
  persoonIds: number[],
  exceptMeldingId?: number,
  organisatieId?: number,
): Promise<{ meldingen: ReturnType<typeof radarMelding>[]; anderen: number[] }> {
  if (persoonIds.length === 0) return { meldingen: [], anderen: [] };
  const eigen = (await pq.radarRijen(db, persoonIds, exceptMeldingId ?? null, organisatieId ?? null)).map(radarMelding);
  const paren = (await pq.nietDubbelParen(db, persoonIds)).filter((p) => !persoonIds.includes(p.ander));
  if (paren.length === 0) return { meldingen: eigen, anderen: [] };
  const anderen = [...new Set(paren.map((p) => p.ander))];
  const gezien = new Set(eigen.map((m) => m.id));
  const extra = (await pq.radarRijen(db, anderen, exceptMeldingId ?? null, organisatieId ?? null))
    .map(radarMelding)
    .filter((m) => !gezien.has(m.id))
    .map((m) => ({
      ...m,
      mogelijkDezelfdePersoon: paren
        .filter((p) => m.persoonIds.includes(p.ander))
        .map((p) => ({ persoonId: p.persoon, kandidaatId: p.ander })),
    }));
  const meldingen = [...eigen, ...extra].sort((a, b) => b.ontvangenOp.localeCompare(a.ontvangenOp));
  return { meldingen, anderen };
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
    /**
     * Set when this melding is about a person confirmed as another than one asked about: "mogelijk
     * dezelfde persoon" (the person asked about, and that other person).
     */
    mogelijkDezelfdePersoon: undefined as Array<{ persoonId: number; kandidaatId: number }> | undefined,
  };
}
