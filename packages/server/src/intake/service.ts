// Intake: register a melding (persons and household found before they are created twice,
// a hermelding joins the open casus) and adviesvragen (no identifying data), and convert an
// adviesvraag into a melding.
import { blindIndex, nameWordIndexes, seal } from '../crypto/veld.ts';
import { isMinderjarigOp, toLocalDate, zoekNaam, type AdviesvraagInput, type MeldingInput, type PersoonInput } from '@voordeur/domain';
import { sql } from 'kysely';
import { bijwerkenTermijnen } from '../werkvoorraad/termijnen.ts';
import type { Db } from '../db/index.ts';
import { HttpError, ValidationError, type FieldError } from '../http/errors.ts';
import { checkCodes } from '../referentie/service.ts';

const DEFAULT_HUISHOUDEN_ROL: Record<string, string> = { kind: 'kind', slachtoffer: 'overig', pleger: 'overig', getuige: 'overig', overig: 'overig' };

async function defaultTeam(db: Db, gemeenteCode: string | null | undefined): Promise<number> {
  if (gemeenteCode) {
    const r = await sql<{ team_id: number | null }>`select team_id from gemeente where code = ${gemeenteCode}`.execute(db);
    if (r.rows[0]?.team_id) return r.rows[0].team_id;
  }
  const t = await sql<{ id: number }>`select id from team order by id limit 1`.execute(db);
  if (!t.rows[0]) throw new HttpError(500, 'configuratie', 'Er is nog geen team ingericht');
  return t.rows[0].id;
}

async function insertPersoon(db: Db, p: PersoonInput): Promise<{ id: number; linked: boolean }> {
  if (p.bsn) {
    // BSN is exact identity: never create the same person twice.
    const found = await sql<{ id: number }>`select id from persoon where bsn_hash = ${blindIndex(p.bsn, 'persoon.bsn')}`.execute(db);
    if (found.rows[0]) return { id: found.rows[0].id, linked: true };
  }
  const r = await sql<{ id: number }>`
    insert into persoon (bsn, bsn_hash, achternaam, tussenvoegsel, voornamen, geboortedatum, geslacht, zoeknaam)
    values (${seal(p.bsn, 'persoon.bsn')}, ${p.bsn ? blindIndex(p.bsn, 'persoon.bsn') : null}, ${p.achternaam}, ${p.tussenvoegsel ?? null}, ${p.voornamen ?? null}, ${p.geboortedatum ?? null}, ${p.geslacht}, ${zoekNaam(p)})
    returning id`.execute(db);
  return { id: r.rows[0]!.id, linked: false };
}

export interface MeldingCreated {
  meldingId: number;
  nummer: string;
  casusId: number;
  casusNummer: string;
  hermelding: boolean;
  huishoudenId: number;
  persoonIds: number[];
  gekoppeldePersonen: number[];
}

type CodeCheck = Parameters<typeof checkCodes>[1][number];
// Code-list fields, read leniently so the same checks also run on a body that failed its schema
// (the 400 then names every offending field at once); malformed values are left to the schema.
const codeStr = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const codeStrs = (v: unknown) => (Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim()) ? v.map((x: string) => x.trim()) : undefined);

function meldingCodeChecks(m: any): CodeCheck[] {
  const betrokkenen: any[] = Array.isArray(m?.betrokkenen) ? m.betrokkenen : [];
  return [
    ['binnenkomst', 'binnenkomst', codeStr(m?.binnenkomst)],
    ['melder.hoedanigheid', 'hoedanigheid', codeStr(m?.melder?.hoedanigheid)],
    ['aanleiding', 'aanleiding', codeStrs(m?.aanleiding)],
    ['aard', 'aard', codeStrs(m?.aard)],
    ['signalen', 'signaal', codeStrs(m?.signalen)],
    ...betrokkenen.flatMap((b, i): CodeCheck[] => [
      [`betrokkenen[${i}].rol`, 'betrokkene_rol', codeStr(b?.rol)],
      [`betrokkenen[${i}].huishoudenRol`, 'huishouden_rol', codeStr(b?.huishoudenRol)],
    ]),
  ];
}

function adviesvraagCodeChecks(a: any): CodeCheck[] {
  return [
    ['hoedanigheid', 'hoedanigheid', codeStr(a?.hoedanigheid)],
    ['aanleiding', 'aanleiding', codeStrs(a?.aanleiding)],
    ['aard', 'aard', codeStrs(a?.aard)],
    ['signalen', 'signaal', codeStrs(a?.signalen)],
  ];
}

/** Code-list errors of a raw melding body (route bodyCheck: runs when the schema refuses the body). */
export const meldingCodeErrors = (db: Db, raw: unknown) => checkCodes(db, meldingCodeChecks(raw));
/** Code-list errors of a raw adviesvraag body. */
export const adviesvraagCodeErrors = (db: Db, raw: unknown) => checkCodes(db, adviesvraagCodeChecks(raw));

async function validateMelding(db: Db, m: MeldingInput, now: Date): Promise<FieldError[]> {
  const errors = await checkCodes(db, meldingCodeChecks(m));
  const gm = [m.gemeenteCode, m.huishouden?.gemeenteCode].filter(Boolean) as string[];
  if (gm.length) {
    const known = new Set((await sql<{ code: string }>`select code from gemeente where code = any(${gm})`.execute(db)).rows.map((r) => r.code));
    if (m.gemeenteCode && !known.has(m.gemeenteCode)) errors.push({ field: 'gemeenteCode', rule: 'bestaat', message: `Gemeente ${m.gemeenteCode} hoort niet bij deze Veilig Thuis-regio` });
    if (m.huishouden?.gemeenteCode && !known.has(m.huishouden.gemeenteCode)) errors.push({ field: 'huishouden.gemeenteCode', rule: 'bestaat', message: `Onbekende gemeente ${m.huishouden.gemeenteCode}` });
  }
  const ids = m.betrokkenen.map((b) => b.persoonId).filter((x): x is number => !!x);
  if (ids.length) {
    const known = new Set((await sql<{ id: number }>`select id from persoon where id = any(${ids})`.execute(db)).rows.map((r) => r.id));
    m.betrokkenen.forEach((b, i) => {
      if (b.persoonId && !known.has(b.persoonId)) errors.push({ field: `betrokkenen[${i}].persoonId`, rule: 'bestaat', message: `Persoon ${b.persoonId} bestaat niet` });
    });
    if (new Set(ids).size !== ids.length) errors.push({ field: 'betrokkenen', rule: 'uniek', message: 'Dezelfde persoon staat twee keer bij de betrokkenen' });
  }
  if (m.huishoudenId) {
    const h = await sql`select 1 from huishouden where id = ${m.huishoudenId}`.execute(db);
    if (!h.rows.length) errors.push({ field: 'huishoudenId', rule: 'bestaat', message: `Huishouden ${m.huishoudenId} bestaat niet` });
  }
  if (m.ontvangenOp && new Date(m.ontvangenOp).getTime() > now.getTime() + 5 * 60_000) {
    errors.push({ field: 'ontvangenOp', rule: 'niet_in_toekomst', message: 'Het ontvangstmoment ligt in de toekomst' });
  }
  return errors;
}

export async function createMelding(db: Db, m: MeldingInput, userId: number, now: Date): Promise<MeldingCreated> {
  const errors = await validateMelding(db, m, now);
  if (errors.length) throw new ValidationError(errors);
  const ontvangenOp = m.ontvangenOp ? new Date(m.ontvangenOp) : now;

  return db.transaction().execute(async (tx) => {
    // One registration at a time: two meldingen about the same new address or the same new BSN
    // arriving together must find each other's household, casus and person (else: two casussen
    // for one household, or a unique-index error). Intake volume is low; the lock is short.
    await sql`select pg_advisory_xact_lock(5291)`.execute(tx);
    // Conversion of an adviesvraag: lock it so it is converted once.
    if (m.adviesvraagId) {
      const a = await sql<any>`select id, omgezet_in_melding_id from adviesvraag where id = ${m.adviesvraagId} for update`.execute(tx);
      if (!a.rows[0]) throw new ValidationError([{ field: 'adviesvraagId', rule: 'bestaat', message: `Adviesvraag ${m.adviesvraagId} bestaat niet` }]);
      if (a.rows[0].omgezet_in_melding_id) throw new HttpError(409, 'al_omgezet', 'Deze adviesvraag is al omgezet in een melding');
    }
    // Persons: link existing ones, create new ones (BSN match links instead of duplicating).
    const personen: Array<{ id: number; rol: string; huishoudenRol: string; rolGekozen: boolean; linked: boolean }> = [];
    for (const b of m.betrokkenen) {
      const p = b.persoonId ? { id: b.persoonId, linked: true } : await insertPersoon(tx, b.persoon!);
      if (personen.some((x) => x.id === p.id)) throw new ValidationError([{ field: 'betrokkenen', rule: 'uniek', message: 'Dezelfde persoon (zelfde BSN) staat twee keer bij de betrokkenen' }]);
      personen.push({ id: p.id, rol: b.rol, huishoudenRol: b.huishoudenRol ?? DEFAULT_HUISHOUDEN_ROL[b.rol] ?? 'overig', rolGekozen: !!b.huishoudenRol, linked: p.linked });
    }
    // Household: chosen, or found at the same address, or the household of a linked person, or new.
    let huishoudenId = m.huishoudenId ?? null;
    if (!huishoudenId && m.huishouden?.postcode && m.huishouden.huisnummer) {
      const h = await sql<{ id: number }>`
        select id from huishouden where postcode = ${m.huishouden.postcode} and huisnummer = ${m.huishouden.huisnummer}
          and coalesce(toevoeging, '') = ${m.huishouden.toevoeging ?? ''} order by id limit 1`.execute(tx);
      huishoudenId = h.rows[0]?.id ?? null;
    }
    if (!huishoudenId && !m.huishouden) {
      const linked = personen.filter((p) => p.linked).map((p) => p.id);
      if (linked.length) {
        const h = await sql<{ huishouden_id: number }>`select huishouden_id from huishouden_lid where persoon_id = any(${linked}) order by sinds desc limit 1`.execute(tx);
        huishoudenId = h.rows[0]?.huishouden_id ?? null;
      }
    }
    if (!huishoudenId) {
      const a = m.huishouden ?? {};
      const h = await sql<{ id: number }>`
        insert into huishouden (straat, huisnummer, toevoeging, postcode, woonplaats, gemeente_code)
        values (${a.straat ?? null}, ${a.huisnummer ?? null}, ${a.toevoeging ?? null}, ${a.postcode ?? null}, ${a.woonplaats ?? null}, ${a.gemeenteCode ?? m.gemeenteCode ?? null})
        returning id`.execute(tx);
      huishoudenId = h.rows[0]!.id;
    }
    for (const p of personen) {
      // A role chosen at intake updates a known member's role; a defaulted one never overwrites it.
      await sql`insert into huishouden_lid (huishouden_id, persoon_id, rol) values (${huishoudenId}, ${p.id}, ${p.huishoudenRol})
                on conflict (huishouden_id, persoon_id) do update set rol = case when ${p.rolGekozen} then excluded.rol else huishouden_lid.rol end`.execute(tx);
    }
    // Casus: a melding about a household with an open casus joins it (hermelding).
    const open = await sql<{ id: number; nummer: string; team_id: number }>`select id, nummer, team_id from casus where huishouden_id = ${huishoudenId} and status = 'open' for update`.execute(tx);
    let casus = open.rows[0];
    const hermelding = !!casus;
    if (!casus) {
      const teamId = await defaultTeam(tx, m.gemeenteCode ?? m.huishouden?.gemeenteCode);
      const year = toLocalDate(ontvangenOp).slice(0, 4);
      const c = await sql<{ id: number; nummer: string; team_id: number }>`
        insert into casus (nummer, huishouden_id, team_id, status, geopend_op)
        values (${year} || '-' || lpad(nextval('casus_nummer_seq')::text, 6, '0'), ${huishoudenId}, ${teamId}, 'open', ${ontvangenOp.toISOString()})
        returning id, nummer, team_id`.execute(tx);
      casus = c.rows[0]!;
    }
    // With or without children: any minor in the household on the day of receipt.
    const leden = await sql<{ geboortedatum: string | null }>`
      select p.geboortedatum from huishouden_lid l join persoon p on p.id = l.persoon_id where l.huishouden_id = ${huishoudenId}`.execute(tx);
    const dag = toLocalDate(ontvangenOp);
    const metKinderen = leden.rows.some((l) => l.geboortedatum && isMinderjarigOp(l.geboortedatum, dag)) || personen.some((p) => p.rol === 'kind');

    const mel = await sql<{ id: number; nummer: string }>`
      insert into melding (nummer, casus_id, team_id, status, ontvangen_op, geregistreerd_op, geregistreerd_door, binnenkomst, melder_hoedanigheid, regio,
                           gemeente_code, aanleiding, aard, signalen, omschrijving, met_kinderen, adviesvraag_id)
      values ('ML' || lpad(nextval('melding_nummer_seq')::text, 7, '0'), ${casus.id}, ${casus.team_id}, 'ontvangen', ${ontvangenOp.toISOString()}, ${now.toISOString()}, ${userId},
              ${m.binnenkomst}, ${m.melder.hoedanigheid}, ${m.regio}, ${m.gemeenteCode ?? null}, ${m.aanleiding}, ${m.aard}, ${m.signalen ?? []}, ${m.omschrijving},
              ${metKinderen}, ${m.adviesvraagId ?? null})
      returning id, nummer`.execute(tx);
    const melding = mel.rows[0]!;
    const md = m.melder;
    // Melder identity encrypted (crypto/veld.ts); the name's words as keyed hashes for lookups.
    await sql`insert into melder (melding_id, naam, organisatie, functie, telefoon, email, wil_onbekend_blijven, naam_zoek)
              values (${melding.id}, ${seal(md.naam, 'melder.naam')}, ${seal(md.organisatie, 'melder.organisatie')}, ${seal(md.functie, 'melder.functie')},
                      ${seal(md.telefoon, 'melder.telefoon')}, ${seal(md.email, 'melder.email')}, ${md.wilOnbekendBlijven}, ${nameWordIndexes(md.naam)})`.execute(tx);
    for (const p of personen) {
      await sql`insert into melding_betrokkene (melding_id, persoon_id, rol) values (${melding.id}, ${p.id}, ${p.rol})`.execute(tx);
      // Wmo art. 5.3.1: persons whose data came from someone else are informed within 4 weeks.
      await sql`insert into informering (melding_id, persoon_id) values (${melding.id}, ${p.id})`.execute(tx);
    }
    if (m.adviesvraagId) {
      await sql`update adviesvraag set omgezet_in_melding_id = ${melding.id}, afgesloten_op = coalesce(afgesloten_op, ${now.toISOString()}) where id = ${m.adviesvraagId}`.execute(tx);
    }
    await sql`update casus set versie = versie + 1 where id = ${casus.id}`.execute(tx);
    await bijwerkenTermijnen(tx, [melding.id]);
    return {
      meldingId: melding.id,
      nummer: melding.nummer,
      casusId: casus.id,
      casusNummer: casus.nummer,
      hermelding,
      huishoudenId,
      persoonIds: personen.map((p) => p.id),
      gekoppeldePersonen: personen.filter((p) => p.linked).map((p) => p.id),
    };
  });
}

export async function createAdviesvraag(db: Db, a: AdviesvraagInput, userId: number, teamId: number | null, now: Date) {
  const errors = await checkCodes(db, adviesvraagCodeChecks(a));
  if (a.gemeenteCode) {
    const g = await sql`select 1 from gemeente where code = ${a.gemeenteCode}`.execute(db);
    if (!g.rows.length) errors.push({ field: 'gemeenteCode', rule: 'bestaat', message: `Gemeente ${a.gemeenteCode} hoort niet bij deze Veilig Thuis-regio` });
  }
  if (a.ontvangenOp && new Date(a.ontvangenOp).getTime() > now.getTime() + 5 * 60_000) {
    errors.push({ field: 'ontvangenOp', rule: 'niet_in_toekomst', message: 'Het ontvangstmoment ligt in de toekomst' });
  }
  if (errors.length) throw new ValidationError(errors);
  const ontvangen = a.ontvangenOp ? new Date(a.ontvangenOp) : now;
  const r = await sql<{ id: number; nummer: string }>`
    insert into adviesvraag (nummer, ontvangen_op, geregistreerd_door, team_id, hoedanigheid, aanleiding, aard, signalen, regio, gemeente_code, vraag, advies, afgesloten_op)
    values ('AD' || lpad(nextval('adviesvraag_nummer_seq')::text, 7, '0'), ${ontvangen.toISOString()}, ${userId}, ${teamId}, ${a.hoedanigheid}, ${a.aanleiding}, ${a.aard}, ${a.signalen ?? []},
            ${a.regio}, ${a.gemeenteCode ?? null}, ${a.vraag}, ${a.advies}, ${a.afsluiten ? now.toISOString() : null})
    returning id, nummer`.execute(db);
  return r.rows[0]!;
}

export async function getAdviesvraag(db: Db, id: number) {
  const r = await sql<any>`select * from adviesvraag where id = ${id}`.execute(db);
  const a = r.rows[0];
  if (!a) return null;
  return {
    id: a.id,
    nummer: a.nummer,
    ontvangenOp: new Date(a.ontvangen_op).toISOString(),
    hoedanigheid: a.hoedanigheid,
    aanleiding: a.aanleiding,
    aard: a.aard,
    signalen: a.signalen,
    regio: a.regio,
    gemeenteCode: a.gemeente_code,
    vraag: a.vraag,
    advies: a.advies,
    afgeslotenOp: a.afgesloten_op ? new Date(a.afgesloten_op).toISOString() : null,
    omgezetInMeldingId: a.omgezet_in_melding_id,
  };
}

export async function listAdviesvragen(db: Db, limit = 50) {
  const r = await sql<any>`select id from adviesvraag order by ontvangen_op desc limit ${limit}`.execute(db);
  return Promise.all(r.rows.map((x: any) => getAdviesvraag(db, x.id)));
}
