// Intake: register a melding (persons and household found before they are created twice,
// a hermelding joins the open casus) and adviesvragen (no identifying data), and convert an
// adviesvraag into a melding.
import { blindIndex, nameWordIndexes, seal } from '../crypto/veld.ts';
import {
  adviesvraagIdentificatieFouten,
  isMinderjarigOp,
  melderFouten,
  toLocalDate,
  volledigeNaam,
  zoekNaam,
  type AdviesvraagInput,
  type MeldingInput,
  type PersoonInput,
} from '@voordeur/domain';
import { sql } from 'kysely';
import { bijwerkenTermijnen } from '../werkvoorraad/termijnen.ts';
import type { Db } from '../db/index.ts';
import { HttpError, ValidationError, type FieldError } from '../http/errors.ts';
import { adresLabel, radarMelding } from '../personen/service.ts';
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
  // A BSN that exists already was refused before (bestaandePersonen); the unique index on
  // bsn_hash is the last line of defence.
  const r = await sql<{ id: number }>`
    insert into persoon (bsn, bsn_hash, achternaam, tussenvoegsel, voornamen, geboortedatum, geslacht, zoeknaam)
    values (${seal(p.bsn, 'persoon.bsn')}, ${p.bsn ? blindIndex(p.bsn, 'persoon.bsn') : null}, ${p.achternaam}, ${p.tussenvoegsel ?? null}, ${p.voornamen ?? null}, ${p.geboortedatum ?? null}, ${p.geslacht}, ${zoekNaam(p)})
    returning id`.execute(db);
  return { id: r.rows[0]!.id, linked: false };
}

/** A refused new person: the field, the rule and the existing persons the UI can offer to link. */
export interface BestaandePersoonFout extends FieldError {
  persoonIds: number[];
  kandidaten: Array<{ id: number; naam: string; geboortedatum: string | null }>;
}

// Dates of birth too vague for an "exact" match: all unknown, or unborn.
const VAGE_GEBOORTEDATUM = new Set(['00000000', '99999999']);

/**
 * New persons in a melding that already exist (find before create, also on the server):
 * - the same BSN: refused, the existing person must be linked (a BSN is one person);
 * - the same normalised name (zoeknaam) and the same date of birth, where at most one of the two
 *   has a BSN: refused unless the betrokkene says `nieuwBevestigd: true` ("toch nieuwe persoon").
 */
async function bestaandePersonen(db: Db, m: MeldingInput): Promise<BestaandePersoonFout[]> {
  const out: BestaandePersoonFout[] = [];
  const kandidaat = (r: any) => ({ id: r.id, naam: volledigeNaam(r), geboortedatum: r.geboortedatum });
  for (const [i, b] of m.betrokkenen.entries()) {
    const p = b.persoon;
    if (b.persoonId || !p) continue;
    if (p.bsn) {
      const r = await sql<any>`select id, voornamen, tussenvoegsel, achternaam, geboortedatum from persoon where bsn_hash = ${blindIndex(p.bsn, 'persoon.bsn')}`.execute(db);
      if (r.rows[0]) {
        out.push({
          field: `betrokkenen[${i}].persoon.bsn`,
          rule: 'bsn_bestaat',
          message: `Er is al een persoon met dit BSN: ${volledigeNaam(r.rows[0])} (persoon ${r.rows[0].id}). Koppel die persoon in plaats van een nieuwe toe te voegen.`,
          persoonIds: [r.rows[0].id],
          kandidaten: [kandidaat(r.rows[0])],
        });
        continue;
      }
    }
    if (b.nieuwBevestigd || !p.geboortedatum || VAGE_GEBOORTEDATUM.has(p.geboortedatum)) continue;
    const r = await sql<any>`
      select id, voornamen, tussenvoegsel, achternaam, geboortedatum from persoon
      where zoeknaam = ${zoekNaam(p)} and geboortedatum = ${p.geboortedatum} and (bsn_hash is null or ${p.bsn ?? null}::text is null)
      order by id limit 10`.execute(db);
    if (r.rows.length) {
      out.push({
        field: `betrokkenen[${i}].persoon`,
        rule: 'mogelijk_dubbel',
        message:
          `Er is al ${r.rows.length === 1 ? 'een persoon' : `${r.rows.length} personen`} met deze naam en geboortedatum: ` +
          r.rows.map((x: any) => `${volledigeNaam(x)} (persoon ${x.id})`).join(', ') +
          '. Koppel de bestaande persoon, of bevestig dat het een andere persoon is (nieuwBevestigd).',
        persoonIds: r.rows.map((x: any) => x.id),
        kandidaten: r.rows.map(kandidaat),
      });
    }
  }
  return out;
}

/** The household a melding will be about (chosen, at the address, or of a linked person), or null: a new one. */
async function kiesHuishouden(db: Db, k: { huishoudenId?: number | null; adres?: MeldingInput['huishouden']; gekoppeldePersonen: number[] }): Promise<number | null> {
  if (k.huishoudenId) return k.huishoudenId;
  if (k.adres?.postcode && k.adres.huisnummer) {
    const h = await sql<{ id: number }>`
      select id from huishouden where postcode = ${k.adres.postcode} and huisnummer = ${k.adres.huisnummer}
        and coalesce(toevoeging, '') = ${k.adres.toevoeging ?? ''} order by id limit 1`.execute(db);
    if (h.rows[0]) return h.rows[0].id;
  }
  if (!k.adres && k.gekoppeldePersonen.length) {
    const h = await sql<{ huishouden_id: number }>`select huishouden_id from huishouden_lid where persoon_id = any(${k.gekoppeldePersonen}) order by sinds desc limit 1`.execute(db);
    return h.rows[0]?.huishouden_id ?? null;
  }
  return null;
}

export interface HuishoudenVoorIntake {
  huishouden: { id: number; adres: string; leden: Array<{ id: number; naam: string }>; openCasus: { id: number; nummer: string } | null } | null;
  /** Earlier meldingen about this household or its address (any toevoeging), newest first. */
  meldingen: Array<{
    id: number;
    nummer: string;
    ontvangenOp: string;
    status: string;
    aanleiding: string[];
    casusId: number;
    casusNummer: string;
    persoonIds: number[];
    beoordelingUitkomst: string | null;
    veiligheidsvlaggen: string[];
    adres: string;
  }>;
}

/**
 * At intake, before registering: the household the melding will join (the same choice as
 * createMelding), whether it has an open casus (then the melding is a hermelding), and the radar
 * of earlier meldingen about that household and about its address.
 */
export async function huishoudenVoorIntake(
  db: Db,
  k: { huishoudenId?: number; postcode?: string; huisnummer?: string; toevoeging?: string; persoonIds?: number[] },
): Promise<HuishoudenVoorIntake> {
  const postcode = k.postcode?.replace(/\s+/g, '').toUpperCase() || undefined;
  const huisnummer = k.huisnummer?.trim() || undefined;
  const adres = postcode || huisnummer ? { postcode, huisnummer, toevoeging: k.toevoeging?.trim() || undefined } : undefined;
  const id = await kiesHuishouden(db, { huishoudenId: k.huishoudenId, adres, gekoppeldePersonen: k.persoonIds ?? [] });
  const h = id ? (await sql<any>`select * from huishouden where id = ${id}`.execute(db)).rows[0] : null;
  let huishouden: HuishoudenVoorIntake['huishouden'] = null;
  if (h) {
    const leden = (await sql<any>`select p.id, p.voornamen, p.tussenvoegsel, p.achternaam from huishouden_lid l join persoon p on p.id = l.persoon_id where l.huishouden_id = ${h.id} order by p.id`.execute(db)).rows;
    const c = (await sql<{ id: number; nummer: string }>`select id, nummer from casus where huishouden_id = ${h.id} and status = 'open' order by id limit 1`.execute(db)).rows[0];
    huishouden = { id: h.id, adres: adresLabel(h), leden: leden.map((l: any) => ({ id: l.id, naam: volledigeNaam(l) })), openCasus: c ? { id: c.id, nummer: c.nummer } : null };
  }
  // The address: of the household, else the one typed (a new household at a known address).
  const pc = h?.postcode ?? postcode;
  const nr = h?.huisnummer ?? huisnummer;
  if (!h && !(pc && nr)) return { huishouden, meldingen: [] };
  const r = await sql<any>`
    select m.id, m.nummer, m.ontvangen_op, m.status, m.aanleiding, c.id as casus_id, c.nummer as casus_nummer, c.veiligheidsvlaggen,
      hh.straat, hh.huisnummer, hh.toevoeging, hh.postcode, hh.woonplaats,
      (select array_agg(b.persoon_id order by b.persoon_id) from melding_betrokkene b where b.melding_id = m.id) as personen,
      vb.uitkomst as beoordeling_uitkomst
    from melding m
    join casus c on c.id = m.casus_id
    join huishouden hh on hh.id = c.huishouden_id
    left join veiligheidsbeoordeling vb on vb.melding_id = m.id
    where c.huishouden_id = ${h?.id ?? 0} or (${pc ?? null}::text is not null and hh.postcode = ${pc ?? null} and hh.huisnummer = ${nr ?? null})
    order by m.ontvangen_op desc
    limit 100`.execute(db);
  return {
    huishouden,
    meldingen: r.rows.map((x: any) => ({ ...radarMelding(x), adres: adresLabel(x) })),
  };
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

/** Code-list and melder errors of a raw melding body (route bodyCheck: runs when the schema refuses the body). */
export const meldingCodeErrors = async (db: Db, raw: unknown) => [...(await checkCodes(db, meldingCodeChecks(raw))), ...melderFouten((raw as any)?.melder)];
/** Code-list errors and identifying data of a raw adviesvraag body. */
export const adviesvraagCodeErrors = async (db: Db, raw: unknown) => [...(await checkCodes(db, adviesvraagCodeChecks(raw))), ...adviesvraagIdentificatieFouten(raw, toLocalDate(new Date()))];

async function validateMelding(db: Db, m: MeldingInput, now: Date): Promise<FieldError[]> {
  const errors = await checkCodes(db, meldingCodeChecks(m));
  // Since 2019 a melder makes themselves known (name + organisation or contact).
  errors.push(...melderFouten(m.melder));
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
  const bsns = m.betrokkenen.map((b) => (b.persoonId ? null : b.persoon?.bsn)).filter((x): x is string => !!x);
  if (new Set(bsns).size !== bsns.length) errors.push({ field: 'betrokkenen', rule: 'uniek', message: 'Dezelfde persoon (zelfde BSN) staat twee keer bij de betrokkenen' });
  if (m.huishoudenId) {
    const h = await sql`select 1 from huishouden where id = ${m.huishoudenId}`.execute(db);
    if (!h.rows.length) errors.push({ field: 'huishoudenId', rule: 'bestaat', message: `Huishouden ${m.huishoudenId} bestaat niet` });
  }
  if (m.ontvangenOp && new Date(m.ontvangenOp).getTime() > now.getTime() + 5 * 60_000) {
    errors.push({ field: 'ontvangenOp', rule: 'niet_in_toekomst', message: 'Het ontvangstmoment (Ontvangen op) ligt in de toekomst: vul het moment in waarop de melding binnenkwam' });
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
    // New persons who already exist (same BSN; same name and date of birth unless confirmed):
    // refused before anything is written, naming the existing persons to link.
    const bestaand = await bestaandePersonen(tx, m);
    if (bestaand.length) {
      throw new HttpError(409, 'bestaande_persoon', `Niet geregistreerd: ${bestaand.map((f) => f.message).join(' ')}`, { fields: bestaand });
    }
    // Persons: link existing ones, create new ones.
    const personen: Array<{ id: number; rol: string; huishoudenRol: string; rolGekozen: boolean; linked: boolean }> = [];
    for (const b of m.betrokkenen) {
      const p = b.persoonId ? { id: b.persoonId, linked: true } : await insertPersoon(tx, b.persoon!);
      personen.push({ id: p.id, rol: b.rol, huishoudenRol: b.huishoudenRol ?? DEFAULT_HUISHOUDEN_ROL[b.rol] ?? 'overig', rolGekozen: !!b.huishoudenRol, linked: p.linked });
    }
    // Household: chosen, or found at the same address, or the household of a linked person, or new.
    let huishoudenId = await kiesHuishouden(tx, { huishoudenId: m.huishoudenId, adres: m.huishouden, gekoppeldePersonen: personen.filter((p) => p.linked).map((p) => p.id) });
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
  // No data that identifies the persons it is about (BSN, postcode + huisnummer, date of birth).
  errors.push(...adviesvraagIdentificatieFouten(a, toLocalDate(now)));
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

/**
 * Close an open adviesvraag with the advice given (the caller called back, the advice is final).
 * 404 when it does not exist, 409 when it is closed or converted already; the advice is checked
 * for identifying data like at registration.
 */
export async function afsluitenAdviesvraag(db: Db, id: number, input: { advies: string }, now: Date) {
  const errors = adviesvraagIdentificatieFouten(input, toLocalDate(now), ['advies']);
  if (errors.length) throw new ValidationError(errors);
  return db.transaction().execute(async (tx) => {
    const a = (await sql<any>`select id, nummer, afgesloten_op, omgezet_in_melding_id from adviesvraag where id = ${id} for update`.execute(tx)).rows[0];
    if (!a) throw new HttpError(404, 'niet_gevonden', 'Adviesvraag niet gevonden');
    if (a.omgezet_in_melding_id) throw new HttpError(409, 'al_omgezet', `Adviesvraag ${a.nummer} is al omgezet in een melding`);
    if (a.afgesloten_op) throw new HttpError(409, 'al_afgesloten', `Adviesvraag ${a.nummer} is al afgesloten`);
    await sql`update adviesvraag set advies = ${input.advies}, afgesloten_op = ${now.toISOString()} where id = ${id}`.execute(tx);
    return (await getAdviesvraag(tx, id))!;
  });
}
