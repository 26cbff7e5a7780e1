// The SQL of intake: registering a melding (persons, household, casus, melding, melder), the
// household radar at intake, and adviesvragen. Functions with typed parameters and results; the
// rules stay in service.ts.
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { Row } from '../db/schema.ts';
import type { AdresVelden, RadarRij } from '../personen/queries.ts';

/** The name parts and date of birth of a person, as a candidate to link. */
export type PersoonNaamRij = Pick<
  Row<'persoon'>,
  'id' | 'voornamen' | 'tussenvoegsel' | 'achternaam' | 'geboortedatum'
>;

export type HuishoudenRij = Pick<
  Row<'huishouden'>,
  'id' | 'straat' | 'huisnummer' | 'toevoeging' | 'postcode' | 'woonplaats' | 'gemeente_code'
>;

/** An adviesvraag as the API shows it (ADVIESVRAAG_KOLOMMEN). */
export type AdviesvraagRij = Omit<Row<'adviesvraag'>, 'geregistreerd_door' | 'team_id'>;

/** A melding of the household radar at intake, with the address of its household. */
export type RadarAdresRij = RadarRij & AdresVelden;

// ---------------------------------------------------------------------------- reference data

export async function teamVanGemeente(db: Db, gemeenteCode: string): Promise<number | null> {
  const r = await sql<{ team_id: number | null }>`select team_id from gemeente where code = ${gemeenteCode}`.execute(
    db,
  );
  return r.rows[0]?.team_id ?? null;
}

export async function eersteTeam(db: Db): Promise<number | null> {
  const r = await sql<{ id: number }>`select id from team order by id limit 1`.execute(db);
  return r.rows[0]?.id ?? null;
}

/** Which of these gemeente codes belong to the region. */
export async function bekendeGemeenten(db: Db, codes: string[]): Promise<Set<string>> {
  const r = await sql<{ code: string }>`select code from gemeente where code = any(${codes})`.execute(db);
  return new Set(r.rows.map((x) => x.code));
}

// ---------------------------------------------------------------------------- persons

export async function insertPersoon(
  db: Db,
  p: {
    bsn: string | null;
    bsnHash: string | null;
    achternaam: string;
    tussenvoegsel: string | null;
    voornamen: string | null;
    geboortedatum: string | null;
    geslacht: string;
    zoeknaam: string;
  },
): Promise<number> {
  const r = await sql<{ id: number }>`
    insert into persoon (bsn, bsn_hash, achternaam, tussenvoegsel, voornamen, geboortedatum, geslacht, zoeknaam)
    values (${p.bsn}, ${p.bsnHash}, ${p.achternaam}, ${p.tussenvoegsel}, ${p.voornamen}, ${p.geboortedatum}, ${p.geslacht}, ${p.zoeknaam})
    returning id`.execute(db);
  return r.rows[0]!.id;
}

export async function persoonMetBsnHash(db: Db, bsnHash: string): Promise<PersoonNaamRij | undefined> {
  const r = await sql<PersoonNaamRij>`
    select id, voornamen, tussenvoegsel, achternaam, geboortedatum from persoon where bsn_hash = ${bsnHash}`.execute(
    db,
  );
  return r.rows[0];
}

/** Log that a new person is confirmed as another than a likely duplicate (table persoon_niet_dubbel). */
export async function insertNietDubbel(
  db: Db,
  r: {
    persoonId: number;
    kandidaatId: number;
    score: number;
    redenen: string[];
    meldingId: number;
    door: number;
    op: Date;
  },
): Promise<void> {
  await sql`
    insert into persoon_niet_dubbel (persoon_id, kandidaat_id, score, redenen, melding_id, bevestigd_door, bevestigd_op)
    values (${r.persoonId}, ${r.kandidaatId}, ${r.score}, ${r.redenen}, ${r.meldingId}, ${r.door}, ${r.op})
    on conflict (persoon_id, kandidaat_id) do nothing`.execute(db);
}

/** Which of these person ids exist. */
export async function bestaandePersoonIds(db: Db, ids: number[]): Promise<Set<number>> {
  const r = await sql<{ id: number }>`select id from persoon where id = any(${ids})`.execute(db);
  return new Set(r.rows.map((x) => x.id));
}

// ---------------------------------------------------------------------------- households

export async function huishoudenOpAdres(
  db: Db,
  a: { postcode: string; huisnummer: string; toevoeging: string },
): Promise<number | null> {
  const r = await sql<{ id: number }>`
    select id from huishouden where postcode = ${a.postcode} and huisnummer = ${a.huisnummer}
      and coalesce(toevoeging, '') = ${a.toevoeging} order by id limit 1`.execute(db);
  return r.rows[0]?.id ?? null;
}

/** The household any of these persons joined last. */
export async function laatsteHuishoudenVanPersonen(db: Db, persoonIds: number[]): Promise<number | null> {
  const r = await sql<{ huishouden_id: number }>`
    select huishouden_id from huishouden_lid where persoon_id = any(${persoonIds}) order by sinds desc limit 1`.execute(
    db,
  );
  return r.rows[0]?.huishouden_id ?? null;
}

export async function huishoudenBestaat(db: Db, id: number): Promise<boolean> {
  return (await sql`select 1 from huishouden where id = ${id}`.execute(db)).rows.length > 0;
}

/**
 * The household of the intake radar in one query: its address, its members (by name, in id
 * order) and its open casus.
 */
export async function huishoudenMetLedenEnOpenCasus(db: Db, id: number) {
  const r = await sql<
    HuishoudenRij & {
      leden: Array<Pick<Row<'persoon'>, 'id' | 'voornamen' | 'tussenvoegsel' | 'achternaam'>>;
      open_casus: Pick<Row<'casus'>, 'id' | 'nummer'> | null;
    }
  >`
    select h.id, h.straat, h.huisnummer, h.toevoeging, h.postcode, h.woonplaats, h.gemeente_code,
      coalesce((select json_agg(json_build_object('id', p.id, 'voornamen', p.voornamen, 'tussenvoegsel', p.tussenvoegsel, 'achternaam', p.achternaam) order by p.id)
                from huishouden_lid l join persoon p on p.id = l.persoon_id where l.huishouden_id = h.id), '[]'::json) as leden,
      (select json_build_object('id', c.id, 'nummer', c.nummer) from casus c
        where c.huishouden_id = h.id and c.status = 'open' order by c.id limit 1) as open_casus
    from huishouden h where h.id = ${id}`.execute(db);
  return r.rows[0];
}

/** Meldingen about this household or about this address (any toevoeging), newest first. */
export async function radarVanHuishoudenEnAdres(
  db: Db,
  k: { huishoudenId: number | null; postcode: string | null; huisnummer: string | null },
): Promise<RadarAdresRij[]> {
  const r = await sql<RadarAdresRij>`
    select m.id, m.nummer, m.ontvangen_op, m.status, m.aanleiding, c.id as casus_id, c.nummer as casus_nummer, c.veiligheidsvlaggen,
      hh.straat, hh.huisnummer, hh.toevoeging, hh.postcode, hh.woonplaats,
      (select array_agg(b.persoon_id order by b.persoon_id) from melding_betrokkene b where b.melding_id = m.id) as personen,
      vb.uitkomst as beoordeling_uitkomst
    from melding m
    join casus c on c.id = m.casus_id
    join huishouden hh on hh.id = c.huishouden_id
    left join veiligheidsbeoordeling vb on vb.melding_id = m.id
    where c.huishouden_id = ${k.huishoudenId ?? 0} or (${k.postcode}::text is not null and hh.postcode = ${k.postcode} and hh.huisnummer = ${k.huisnummer})
    order by m.ontvangen_op desc
    limit 100`.execute(db);
  return r.rows;
}

// ---------------------------------------------------------------------------- registering a melding

/** One registration at a time (see createMelding); held until the transaction ends. */
export async function intakeSlot(tx: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(5291)`.execute(tx);
}

export async function insertHuishouden(
  tx: Db,
  a: {
    straat: string | null;
    huisnummer: string | null;
    toevoeging: string | null;
    postcode: string | null;
    woonplaats: string | null;
    gemeenteCode: string | null;
  },
): Promise<number> {
  const r = await sql<{ id: number }>`
    insert into huishouden (straat, huisnummer, toevoeging, postcode, woonplaats, gemeente_code)
    values (${a.straat}, ${a.huisnummer}, ${a.toevoeging}, ${a.postcode}, ${a.woonplaats}, ${a.gemeenteCode})
    returning id`.execute(tx);
  return r.rows[0]!.id;
}

/** Add members; a role chosen at intake (`rolGekozen`) updates a known member's role, a defaulted one never does. */
export async function voegLedenToe(
  tx: Db,
  huishoudenId: number,
  leden: Array<{ persoonId: number; rol: string; rolGekozen: boolean }>,
): Promise<void> {
  for (const l of leden) {
    await sql`insert into huishouden_lid (huishouden_id, persoon_id, rol) values (${huishoudenId}, ${l.persoonId}, ${l.rol})
              on conflict (huishouden_id, persoon_id) do update set rol = case when ${l.rolGekozen} then excluded.rol else huishouden_lid.rol end`.execute(
      tx,
    );
  }
}

export type CasusKop = Pick<Row<'casus'>, 'id' | 'nummer' | 'team_id'>;

/** The open casus of a household, locked for the registration. */
export async function openCasusVoorUpdate(tx: Db, huishoudenId: number): Promise<CasusKop | undefined> {
  const r = await sql<CasusKop>`
    select id, nummer, team_id from casus where huishouden_id = ${huishoudenId} and status = 'open' for update`.execute(
    tx,
  );
  return r.rows[0];
}

export async function insertCasus(
  tx: Db,
  c: { jaar: string; huishoudenId: number; teamId: number; geopendOp: Date },
): Promise<CasusKop> {
  const r = await sql<CasusKop>`
    insert into casus (nummer, huishouden_id, team_id, status, geopend_op)
    values (${c.jaar} || '-' || lpad(nextval('casus_nummer_seq')::text, 6, '0'), ${c.huishoudenId}, ${c.teamId}, 'open', ${c.geopendOp.toISOString()})
    returning id, nummer, team_id`.execute(tx);
  return r.rows[0]!;
}

/** The date of birth of each of these persons. */
export async function geboortedataVanPersonen(tx: Db, ids: number[]): Promise<Map<number, string | null>> {
  const r = await sql<{ id: number; geboortedatum: string | null }>`
    select id, geboortedatum from persoon where id = any(${ids})`.execute(tx);
  return new Map(r.rows.map((x) => [x.id, x.geboortedatum]));
}

export async function geboortedataVanLeden(tx: Db, huishoudenId: number): Promise<Array<string | null>> {
  const r = await sql<{ geboortedatum: string | null }>`
    select p.geboortedatum from huishouden_lid l join persoon p on p.id = l.persoon_id where l.huishouden_id = ${huishoudenId}`.execute(
    tx,
  );
  return r.rows.map((x) => x.geboortedatum);
}

export async function insertMelding(
  tx: Db,
  m: {
    casusId: number;
    teamId: number;
    ontvangenOp: Date;
    geregistreerdOp: Date;
    geregistreerdDoor: number;
    binnenkomst: string;
    melderHoedanigheid: string;
    regio: string;
    gemeenteCode: string | null;
    aanleiding: string[];
    aard: string[];
    signalen: string[];
    omschrijving: string;
    metKinderen: boolean;
    adviesvraagId: number | null;
  },
): Promise<{ id: number; nummer: string }> {
  const r = await sql<{ id: number; nummer: string }>`
    insert into melding (nummer, casus_id, team_id, status, ontvangen_op, geregistreerd_op, geregistreerd_door, binnenkomst, melder_hoedanigheid, regio,
                         gemeente_code, aanleiding, aard, signalen, omschrijving, met_kinderen, adviesvraag_id)
    values ('ML' || lpad(nextval('melding_nummer_seq')::text, 7, '0'), ${m.casusId}, ${m.teamId}, 'ontvangen', ${m.ontvangenOp.toISOString()}, ${m.geregistreerdOp.toISOString()}, ${m.geregistreerdDoor},
            ${m.binnenkomst}, ${m.melderHoedanigheid}, ${m.regio}, ${m.gemeenteCode}, ${m.aanleiding}, ${m.aard}, ${m.signalen}, ${m.omschrijving},
            ${m.metKinderen}, ${m.adviesvraagId})
    returning id, nummer`.execute(tx);
  return r.rows[0]!;
}

/** The melder row; identity fields already sealed by the caller, the name's word hashes in naamZoek. */
export async function insertMelder(
  tx: Db,
  meldingId: number,
  md: {
    naam: string | null;
    organisatie: string | null;
    functie: string | null;
    telefoon: string | null;
    email: string | null;
    wilOnbekendBlijven: boolean;
    naamZoek: string[];
  },
): Promise<void> {
  await sql`insert into melder (melding_id, naam, organisatie, functie, telefoon, email, wil_onbekend_blijven, naam_zoek)
            values (${meldingId}, ${md.naam}, ${md.organisatie}, ${md.functie}, ${md.telefoon}, ${md.email}, ${md.wilOnbekendBlijven}, ${md.naamZoek})`.execute(
    tx,
  );
}

/** The betrokkenen of a new melding, each with an informing row (Wmo art. 5.3.1). */
export async function insertBetrokkenen(
  tx: Db,
  meldingId: number,
  betrokkenen: Array<{ persoonId: number; rol: string }>,
): Promise<void> {
  for (const b of betrokkenen) {
    await sql`insert into melding_betrokkene (melding_id, persoon_id, rol) values (${meldingId}, ${b.persoonId}, ${b.rol})`.execute(
      tx,
    );
    await sql`insert into informering (melding_id, persoon_id) values (${meldingId}, ${b.persoonId})`.execute(tx);
  }
}

export async function verhoogCasusVersie(tx: Db, casusId: number): Promise<void> {
  await sql`update casus set versie = versie + 1 where id = ${casusId}`.execute(tx);
}

// ---------------------------------------------------------------------------- adviesvragen

const ADVIESVRAAG_KOLOMMEN = sql`id, nummer, ontvangen_op, hoedanigheid, aanleiding, aard, signalen, regio, gemeente_code, vraag, advies, afgesloten_op, omgezet_in_melding_id`;

export async function insertAdviesvraag(
  db: Db,
  a: {
    ontvangenOp: Date;
    geregistreerdDoor: number;
    teamId: number | null;
    hoedanigheid: string;
    aanleiding: string[];
    aard: string[];
    signalen: string[];
    regio: string;
    gemeenteCode: string | null;
    vraag: string;
    advies: string;
    afgeslotenOp: Date | null;
  },
): Promise<{ id: number; nummer: string }> {
  const r = await sql<{ id: number; nummer: string }>`
    insert into adviesvraag (nummer, ontvangen_op, geregistreerd_door, team_id, hoedanigheid, aanleiding, aard, signalen, regio, gemeente_code, vraag, advies, afgesloten_op)
    values ('AD' || lpad(nextval('adviesvraag_nummer_seq')::text, 7, '0'), ${a.ontvangenOp.toISOString()}, ${a.geregistreerdDoor}, ${a.teamId}, ${a.hoedanigheid}, ${a.aanleiding}, ${a.aard}, ${a.signalen},
            ${a.regio}, ${a.gemeenteCode}, ${a.vraag}, ${a.advies}, ${a.afgeslotenOp ? a.afgeslotenOp.toISOString() : null})
    returning id, nummer`.execute(db);
  return r.rows[0]!;
}

export async function adviesvraag(db: Db, id: number): Promise<AdviesvraagRij | undefined> {
  return (await sql<AdviesvraagRij>`select ${ADVIESVRAAG_KOLOMMEN} from adviesvraag where id = ${id}`.execute(db))
    .rows[0];
}

/** The latest adviesvragen, newest first: one query. */
export async function laatsteAdviesvragen(db: Db, limit: number): Promise<AdviesvraagRij[]> {
  return (
    await sql<AdviesvraagRij>`select ${ADVIESVRAAG_KOLOMMEN} from adviesvraag order by ontvangen_op desc limit ${limit}`.execute(
      db,
    )
  ).rows;
}

type AdviesvraagStand = Pick<
  Row<'adviesvraag'>,
  'id' | 'nummer' | 'ontvangen_op' | 'afgesloten_op' | 'omgezet_in_melding_id'
>;

/** The state of an adviesvraag, locked until the transaction ends. */
export async function adviesvraagVoorUpdate(tx: Db, id: number): Promise<AdviesvraagStand | undefined> {
  return (
    await sql<AdviesvraagStand>`
      select id, nummer, ontvangen_op, afgesloten_op, omgezet_in_melding_id from adviesvraag where id = ${id} for update`.execute(
      tx,
    )
  ).rows[0];
}

/** Converted into melding `meldingId`; closed then too unless it was closed before. */
export async function markeerAdviesvraagOmgezet(tx: Db, id: number, meldingId: number, now: Date): Promise<void> {
  await sql`update adviesvraag set omgezet_in_melding_id = ${meldingId}, afgesloten_op = coalesce(afgesloten_op, ${now.toISOString()}) where id = ${id}`.execute(
    tx,
  );
}

export async function sluitAdviesvraag(tx: Db, id: number, advies: string, afgeslotenOp: Date): Promise<void> {
  await sql`update adviesvraag set advies = ${advies}, afgesloten_op = ${afgeslotenOp.toISOString()} where id = ${id}`.execute(
    tx,
  );
}
