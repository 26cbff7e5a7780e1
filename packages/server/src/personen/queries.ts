// The SQL of persons and households: the search passes (BSN, name trigrams, name prefix, date of
// birth, address), the person details loader, households at an address, and the radar.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Row } from '../db/schema.ts';

/**
 * The name score in SQL: for a query of one surname (`eenWoord`, tussenvoegsels aside) the greater
 * of the trigram similarity of the whole name and the strict word similarity of the query within
 * it, so 'Visser' scores as high against 'Vissers Youssef Karim' as against 'Visser Jan'; for a
 * fuller name the whole-name similarity alone (word similarity there favours names that share one
 * common word, and lowered the recall of a name with a typo in the benchmark from 93 % to 89 %).
 */
function naamScore(kolom: RawBuilder<string>, naam: string, eenWoord: boolean) {
  return eenWoord
    ? sql<number>`greatest(similarity(${kolom}, ${naam}), strict_word_similarity(${naam}, ${kolom}))`
    : sql<number>`similarity(${kolom}, ${naam})`;
}

/** A person found by name, with the name score `sim` and `n`, the number of search names read. */
export type NaamKandidaatRij = Pick<
  Row<'persoon'>,
  'id' | 'geboortedatum' | 'achternaam' | 'tussenvoegsel' | 'voornamen'
> & {
  sim: number;
  n: number;
};

/** The trigram threshold of the `%` operator for the rest of this transaction. */
export async function zetTrigramDrempel(tx: Db, drempel: number): Promise<void> {
  await sql`select set_config('pg_trgm.similarity_threshold', ${String(drempel)}, true)`.execute(tx);
}

/** The `limiet` most similar distinct names (table zoeknaam, migration 011), then their persons. */
export async function personenMetLijkendeNaam(
  tx: Db,
  naam: string,
  eenWoord: boolean,
  limiet: number,
): Promise<NaamKandidaatRij[]> {
  return (
    await sql<NaamKandidaatRij>`
      with namen as (
        select naam, naam <-> ${naam} as afstand from zoeknaam
        where naam % ${naam} order by naam <-> ${naam}, naam limit ${limiet})
      select p.id, ${naamScore(sql.ref('n.naam'), naam, eenWoord)} as sim,
        p.geboortedatum, p.achternaam, p.tussenvoegsel, p.voornamen, (select count(*) from namen)::int as n
      from namen n join persoon p on p.zoeknaam = n.naam
      order by n.afstand, p.id limit ${limiet * 4}`.execute(tx)
  ).rows;
}

/** Persons of the best `limiet` of the first `prefixLimiet` search names starting with `prefix`. */
export async function personenMetNaamPrefix(
  tx: Db,
  prefix: string,
  naam: string,
  limieten: { prefix: number; namen: number },
): Promise<NaamKandidaatRij[]> {
  return (
    await sql<NaamKandidaatRij>`
      with namen as (select naam from zoeknaam where naam like ${`${prefix}%`} order by naam limit ${limieten.prefix}),
      beste as (
        select naam, ${naamScore(sql.ref('naam'), naam, true)} as sim from namen
        order by 2 desc, naam limit ${limieten.namen})
      select p.id, b.sim, p.geboortedatum, p.achternaam, p.tussenvoegsel, p.voornamen, (select count(*) from namen)::int as n
      from beste b join persoon p on p.zoeknaam = b.naam`.execute(tx)
  ).rows;
}

/**
 * Persons with one of these name keys (table naamsleutel, migration 017), those sharing the most
 * keys first (the same key shares all its deletions too), at most `limiet`; `n` is the number of
 * keys shared. `sim` is 0: the name is compared in the domain (vergelijkNaam).
 */
export async function personenMetNaamsleutel(db: Db, sleutels: string[], limiet: number): Promise<NaamKandidaatRij[]> {
  const r = await sql<NaamKandidaatRij>`
    with treffers as (
      select persoon_id, count(*)::int as n from naamsleutel where sleutel = any(${sleutels})
      group by persoon_id order by n desc, persoon_id limit ${limiet})
    select p.id, 0 as sim, p.geboortedatum, p.achternaam, p.tussenvoegsel, p.voornamen, t.n
    from treffers t join persoon p on p.id = t.persoon_id`.execute(db);
  return r.rows;
}

/** Name and date of birth of these persons (candidates found by BSN or address). */
export async function persoonNamen(db: Db, ids: number[]): Promise<Omit<NaamKandidaatRij, 'sim' | 'n'>[]> {
  if (ids.length === 0) return [];
  const r = await sql<Omit<NaamKandidaatRij, 'sim' | 'n'>>`
    select id, geboortedatum, achternaam, tussenvoegsel, voornamen from persoon where id = any(${ids})`.execute(db);
  return r.rows;
}

export async function persoonIdsMetBsnHash(db: Db, bsnHash: string): Promise<number[]> {
  const r = await sql<{ id: number }>`select id from persoon where bsn_hash = ${bsnHash}`.execute(db);
  return r.rows.map((x) => x.id);
}

/** Persons born on one of these days whose name is at least a little similar (> 0.2). */
export async function personenOpGeboortedatum(
  db: Db,
  geboortedata: string[],
  naam: string,
  eenWoord: boolean,
): Promise<Array<Omit<NaamKandidaatRij, 'n' | 'geboortedatum'> & { geboortedatum: string }>> {
  const r = await sql<Omit<NaamKandidaatRij, 'n' | 'geboortedatum'> & { geboortedatum: string }>`
    select id, ${naamScore(sql.ref('zoeknaam'), naam, eenWoord)} as sim, geboortedatum, achternaam, tussenvoegsel, voornamen
    from persoon where geboortedatum = any(${geboortedata}) and similarity(zoeknaam, ${naam}) > 0.2`.execute(db);
  return r.rows;
}

/** Members of the households at an address. */
export async function persoonIdsOpAdres(db: Db, postcode: string, huisnummer: string): Promise<number[]> {
  const r = await sql<{ id: number }>`
    select l.persoon_id as id from huishouden h join huishouden_lid l on l.huishouden_id = h.id
    where h.postcode = ${postcode} and h.huisnummer = ${huisnummer}`.execute(db);
  return r.rows.map((x) => x.id);
}

export type AdresVelden = Pick<Row<'huishouden'>, 'straat' | 'huisnummer' | 'toevoeging' | 'postcode' | 'woonplaats'>;

/** A person with their households (each with the safety flags of its latest casus) and their number of meldingen. */
export type PersoonDetailRij = Pick<
  Row<'persoon'>,
  'id' | 'bsn' | 'voornamen' | 'tussenvoegsel' | 'achternaam' | 'geboortedatum' | 'geslacht'
> & {
  huishoudens: Array<
    AdresVelden &
      Pick<Row<'huishouden'>, 'id' | 'gemeente_code'> & { vlaggen: Row<'casus'>['veiligheidsvlaggen'] | null }
  >;
  meldingen: number;
};

/** The details of these persons in one query (bsn still sealed). */
export async function persoonDetailRijen(db: Db, ids: number[]): Promise<PersoonDetailRij[]> {
  const r = await sql<PersoonDetailRij>`
    select p.id, p.bsn, p.voornamen, p.tussenvoegsel, p.achternaam, p.geboortedatum, p.geslacht,
      coalesce((
        select json_agg(json_build_object('id', h.id, 'straat', h.straat, 'huisnummer', h.huisnummer, 'toevoeging', h.toevoeging,
                 'postcode', h.postcode, 'woonplaats', h.woonplaats, 'gemeente_code', h.gemeente_code,
                 'vlaggen', (select c.veiligheidsvlaggen from casus c where c.huishouden_id = h.id order by c.id desc limit 1))
               order by h.id)
        from huishouden_lid l join huishouden h on h.id = l.huishouden_id where l.persoon_id = p.id), '[]'::json) as huishoudens,
      (select count(*)::int from melding_betrokkene mb where mb.persoon_id = p.id) as meldingen
    from persoon p where p.id = any(${ids})`.execute(db);
  return r.rows;
}

export type HuishoudenOpAdresRij = AdresVelden &
  Pick<Row<'huishouden'>, 'id' | 'gemeente_code'> & {
    open_casus: string | null;
    leden: Array<
      Pick<Row<'persoon'>, 'id' | 'voornamen' | 'tussenvoegsel' | 'achternaam' | 'geboortedatum'> &
        Pick<Row<'huishouden_lid'>, 'rol'>
    >;
  };

/** Households at an address with their members and the nummer of an open casus, in one query. */
export async function huishoudensOpAdres(
  db: Db,
  postcode: string,
  huisnummer: string,
): Promise<HuishoudenOpAdresRij[]> {
  const r = await sql<HuishoudenOpAdresRij>`
    select h.id, h.straat, h.huisnummer, h.toevoeging, h.postcode, h.woonplaats, h.gemeente_code,
      (select c.nummer from casus c where c.huishouden_id = h.id and c.status = 'open') as open_casus,
      coalesce((
        select json_agg(json_build_object('id', p.id, 'voornamen', p.voornamen, 'tussenvoegsel', p.tussenvoegsel,
                 'achternaam', p.achternaam, 'rol', l.rol, 'geboortedatum', p.geboortedatum) order by p.id)
        from huishouden_lid l join persoon p on p.id = l.persoon_id where l.huishouden_id = h.id), '[]'::json) as leden
    from huishouden h where h.postcode = ${postcode} and h.huisnummer = ${huisnummer}`.execute(db);
  return r.rows;
}

/**
 * Persons confirmed at intake as others than these persons, or these than them (table
 * persoon_niet_dubbel): [person of `ids`, the other] pairs.
 */
export async function nietDubbelParen(db: Db, ids: number[]): Promise<Array<{ persoon: number; ander: number }>> {
  const r = await sql<{ persoon: number; ander: number }>`
    select persoon_id as persoon, kandidaat_id as ander from persoon_niet_dubbel where persoon_id = any(${ids})
    union
    select kandidaat_id, persoon_id from persoon_niet_dubbel where kandidaat_id = any(${ids})`.execute(db);
  return r.rows;
}

/** A melding of a radar: with its casus, the persons asked about in it, and the outcome of its beoordeling. */
export type RadarRij = Pick<Row<'melding'>, 'id' | 'nummer' | 'ontvangen_op' | 'status' | 'aanleiding'> & {
  casus_id: number;
  casus_nummer: string;
  veiligheidsvlaggen: Row<'casus'>['veiligheidsvlaggen'] | null;
  personen: number[] | null;
  beoordeling_uitkomst: string | null;
};

/** Earlier meldingen about any of these persons, newest first (at most 100). */
export async function radarRijen(
  db: Db,
  persoonIds: number[],
  exceptMeldingId: number | null,
  organisatieId: number | null,
): Promise<RadarRij[]> {
  const r = await sql<RadarRij>`
    select distinct m.id, m.nummer, m.ontvangen_op, m.status, m.aanleiding, c.nummer as casus_nummer, c.id as casus_id, c.veiligheidsvlaggen,
      (select array_agg(b.persoon_id) from melding_betrokkene b where b.melding_id = m.id and b.persoon_id = any(${persoonIds})) as personen,
      vb.uitkomst as beoordeling_uitkomst
    from melding_betrokkene mb
    join melding m on m.id = mb.melding_id
    join casus c on c.id = m.casus_id
    left join veiligheidsbeoordeling vb on vb.melding_id = m.id
    where mb.persoon_id = any(${persoonIds}) and m.id <> ${exceptMeldingId ?? 0}
      and (${organisatieId}::int is null or c.team_id in (select id from team where organisatie_id = ${organisatieId}::int))
    order by m.ontvangen_op desc
    limit 100`.execute(db);
  return r.rows;
}
