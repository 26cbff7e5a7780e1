// Intake: register a melding (persons and household found before they are created twice,
// a hermelding joins the open casus) and adviesvragen (no identifying data), and convert an
// adviesvraag into a melding.
import { adviesAfsluitmoment } from './afsluitmoment.ts';
import { blindIndex, nameWordIndexes, seal } from '../crypto/veld.ts';
import {
  adviesvraagIdentificatieFouten,
  huishoudenRollen,
  isMinderjarigOp,
  toLocalDate,
  volledigeNaam,
  zoekNaam,
  type AdviesvraagInput,
  type MeldingInput,
  type PersoonInput,
  nietInToekomstFout,
} from '@voordeur/domain';
import { bijwerkenTermijnen } from '../werkvoorraad/termijnen.ts';
import type { Db } from '../db/index.ts';
import { HttpError, ValidationError } from '../http/errors.ts';
import { schrijfNaamsleutels } from '../personen/naamsleutels.ts';
import { adresLabel, radarMelding } from '../personen/service.ts';
import { checkCodes } from '../referentie/service.ts';
import * as q from './queries.ts';
import { adviesvraagCodeChecks, bestaandePersonen, validateMelding } from './validatie.ts';

export { adviesvraagCodeErrors, meldingCodeErrors, type BestaandePersoonFout } from './validatie.ts';

async function defaultTeam(db: Db, gemeenteCode: string | null | undefined): Promise<number> {
  if (gemeenteCode) {
    const teamId = await q.teamVanGemeente(db, gemeenteCode);
    if (teamId) return teamId;
  }
  const t = await q.eersteTeam(db);
  if (!t) throw new HttpError(500, 'configuratie', 'Er is nog geen team ingericht');
  return t;
}

async function insertPersoon(db: Db, p: PersoonInput): Promise<{ id: number; linked: boolean }> {
  // A BSN that exists already was refused before (bestaandePersonen); the unique index on
  // bsn_hash is the last line of defence.
  const id = await q.insertPersoon(db, {
    bsn: seal(p.bsn, 'persoon.bsn'),
    bsnHash: p.bsn ? blindIndex(p.bsn, 'persoon.bsn') : null,
    achternaam: p.achternaam,
    tussenvoegsel: p.tussenvoegsel ?? null,
    voornamen: p.voornamen ?? null,
    geboortedatum: p.geboortedatum ?? null,
    geslacht: p.geslacht,
    zoeknaam: zoekNaam(p),
  });
  await schrijfNaamsleutels(db, id, p);
  return { id, linked: false };
}

/** The household a melding will be about (chosen, at the address, or of a linked person), or null: a new one. */
async function kiesHuishouden(
  db: Db,
  k: { huishoudenId?: number | null; adres?: MeldingInput['huishouden']; gekoppeldePersonen: number[] },
): Promise<number | null> {
  if (k.huishoudenId) return k.huishoudenId;
  if (k.adres?.postcode && k.adres.huisnummer) {
    const h = await q.huishoudenOpAdres(db, {
      postcode: k.adres.postcode,
      huisnummer: k.adres.huisnummer,
      toevoeging: k.adres.toevoeging ?? '',
    });
    if (h) return h;
  }
  if (!k.adres && k.gekoppeldePersonen.length) return q.laatsteHuishoudenVanPersonen(db, k.gekoppeldePersonen);
  return null;
}

export interface HuishoudenVoorIntake {
  huishouden: {
    id: number;
    adres: string;
    leden: Array<{ id: number; naam: string }>;
    openCasus: { id: number; nummer: string } | null;
  } | null;
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
  const adres =
    postcode || huisnummer ? { postcode, huisnummer, toevoeging: k.toevoeging?.trim() || undefined } : undefined;
  const id = await kiesHuishouden(db, { huishoudenId: k.huishoudenId, adres, gekoppeldePersonen: k.persoonIds ?? [] });
  const h = id ? await q.huishoudenMetLedenEnOpenCasus(db, id) : undefined;
  let huishouden: HuishoudenVoorIntake['huishouden'] = null;
  if (h) {
    huishouden = {
      id: h.id,
      adres: adresLabel(h),
      leden: h.leden.map((l) => ({ id: l.id, naam: volledigeNaam(l) })),
      openCasus: h.open_casus ? { id: h.open_casus.id, nummer: h.open_casus.nummer } : null,
    };
  }
  // The address: of the household, else the one typed (a new household at a known address).
  const pc = h?.postcode ?? postcode;
  const nr = h?.huisnummer ?? huisnummer;
  if (!h && !(pc && nr)) return { huishouden, meldingen: [] };
  const r = await q.radarVanHuishoudenEnAdres(db, {
    huishoudenId: h?.id ?? null,
    postcode: pc ?? null,
    huisnummer: nr ?? null,
  });
  return {
    huishouden,
    meldingen: r.map((x) => ({ ...radarMelding(x), adres: adresLabel(x) })),
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
  /** New persons confirmed as others than likely duplicates: [new person, candidate] pairs. */
  nietDubbel: Array<{ persoonId: number; kandidaatId: number }>;
}

export async function createMelding(db: Db, m: MeldingInput, userId: number, now: Date): Promise<MeldingCreated> {
  const errors = await validateMelding(db, m, now);
  if (errors.length) throw new ValidationError(errors);
  const ontvangenOp = m.ontvangenOp ? new Date(m.ontvangenOp) : now;

  return db.transaction().execute(async (tx) => {
    // One registration at a time: two meldingen about the same new address or the same new BSN
    // arriving together must find each other's household, casus and person (else: two casussen
    // for one household, or a unique-index error). Intake volume is low; the lock is short.
    await q.intakeSlot(tx);
    // Conversion of an adviesvraag: lock it so it is converted once.
    if (m.adviesvraagId) {
      const a = await q.adviesvraagVoorUpdate(tx, m.adviesvraagId);
      if (!a)
        throw new ValidationError([
          { field: 'adviesvraagId', rule: 'bestaat', message: `Adviesvraag ${m.adviesvraagId} bestaat niet` },
        ]);
      if (a.omgezet_in_melding_id)
        throw new HttpError(409, 'al_omgezet', 'Deze adviesvraag is al omgezet in een melding');
    }
    // New persons who already exist (same BSN; same name and date of birth unless confirmed):
    // refused before anything is written, naming the existing persons to link.
    const { fouten: bestaand, bevestigd } = await bestaandePersonen(tx, m);
    if (bestaand.length) {
      throw new HttpError(409, 'bestaande_persoon', `Niet geregistreerd: ${bestaand.map((f) => f.message).join(' ')}`, {
        fields: bestaand,
      });
    }
    // Persons: link existing ones, create new ones.
    const personen: Array<{ id: number; rol: string; rolGekozen: boolean; linked: boolean }> = [];
    for (const b of m.betrokkenen) {
      const p = b.persoonId ? { id: b.persoonId, linked: true } : await insertPersoon(tx, b.persoon!);
      personen.push({ id: p.id, rol: b.rol, rolGekozen: !!b.huishoudenRol, linked: p.linked });
    }
    // Household: chosen, or found at the same address, or the household of a linked person, or new.
    let huishoudenId = await kiesHuishouden(tx, {
      huishoudenId: m.huishoudenId,
      adres: m.huishouden,
      gekoppeldePersonen: personen.filter((p) => p.linked).map((p) => p.id),
    });
    if (!huishoudenId) {
      const a = m.huishouden ?? {};
      huishoudenId = await q.insertHuishouden(tx, {
        straat: a.straat ?? null,
        huisnummer: a.huisnummer ?? null,
        toevoeging: a.toevoeging ?? null,
        postcode: a.postcode ?? null,
        woonplaats: a.woonplaats ?? null,
        gemeenteCode: a.gemeenteCode ?? m.gemeenteCode ?? null,
      });
    }
    // Each member's relation to the household: chosen at intake, else derived from the roles in the
    // melding, the ages on the day of receipt and the children already in the household.
    const dag = toLocalDate(ontvangenOp);
    const minderjarig = (g: string | null | undefined) => (g ? isMinderjarigOp(g, dag) : null);
    const gebVan = await q.geboortedataVanPersonen(
      tx,
      personen.map((p) => p.id),
    );
    const rollen = huishoudenRollen(
      m.betrokkenen.map((b, i) => ({
        rol: b.rol,
        huishoudenRol: b.huishoudenRol,
        minderjarig: minderjarig(gebVan.get(personen[i]!.id)),
      })),
      {
        aanleiding: m.aanleiding,
        minderjarigInHuishouden: (await q.geboortedataVanLeden(tx, huishoudenId)).some((g) => minderjarig(g)),
      },
    );
    // A role chosen at intake updates a known member's role; a derived one never overwrites it.
    await q.voegLedenToe(
      tx,
      huishoudenId,
      personen.map((p, i) => ({ persoonId: p.id, rol: rollen[i]!, rolGekozen: p.rolGekozen })),
    );
    // Casus: a melding about a household with an open casus joins it (hermelding).
    let casus = await q.openCasusVoorUpdate(tx, huishoudenId);
    const hermelding = !!casus;
    if (!casus) {
      const teamId = await defaultTeam(tx, m.gemeenteCode ?? m.huishouden?.gemeenteCode);
      const year = toLocalDate(ontvangenOp).slice(0, 4);
      casus = await q.insertCasus(tx, { jaar: year, huishoudenId, teamId, geopendOp: ontvangenOp });
    }
    // With or without children: any minor in the household on the day of receipt.
    const geboortedata = await q.geboortedataVanLeden(tx, huishoudenId);
    const metKinderen =
      geboortedata.some((g) => g && isMinderjarigOp(g, dag)) || personen.some((p) => p.rol === 'kind');

    const melding = await q.insertMelding(tx, {
      casusId: casus.id,
      teamId: casus.team_id,
      ontvangenOp,
      geregistreerdOp: now,
      geregistreerdDoor: userId,
      binnenkomst: m.binnenkomst,
      melderHoedanigheid: m.melder.hoedanigheid,
      regio: m.regio,
      gemeenteCode: m.gemeenteCode ?? null,
      aanleiding: m.aanleiding,
      aard: m.aard,
      signalen: m.signalen ?? [],
      omschrijving: m.omschrijving,
      metKinderen,
      adviesvraagId: m.adviesvraagId ?? null,
    });
    const md = m.melder;
    // Melder identity encrypted (crypto/veld.ts); the name's words as keyed hashes for lookups.
    await q.insertMelder(tx, melding.id, {
      naam: seal(md.naam, 'melder.naam'),
      organisatie: seal(md.organisatie, 'melder.organisatie'),
      functie: seal(md.functie, 'melder.functie'),
      telefoon: seal(md.telefoon, 'melder.telefoon'),
      email: seal(md.email, 'melder.email'),
      wilOnbekendBlijven: md.wilOnbekendBlijven,
      naamZoek: nameWordIndexes(md.naam),
    });
    // Wmo art. 5.3.1: persons whose data came from someone else are informed within 4 weeks.
    await q.insertBetrokkenen(
      tx,
      melding.id,
      personen.map((p) => ({ persoonId: p.id, rol: p.rol })),
    );
    // "Toch nieuwe persoon": who confirmed, when, in which melding, against which candidates.
    for (const b of bevestigd)
      for (const k of b.kandidaten)
        await q.insertNietDubbel(tx, {
          persoonId: personen[b.index]!.id,
          kandidaatId: k.id,
          score: k.score,
          redenen: k.redenen,
          meldingId: melding.id,
          door: userId,
          op: now,
        });
    if (m.adviesvraagId) await q.markeerAdviesvraagOmgezet(tx, m.adviesvraagId, melding.id, now);
    await q.verhoogCasusVersie(tx, casus.id);
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
      nietDubbel: bevestigd.flatMap((b) =>
        b.kandidaten.map((k) => ({ persoonId: personen[b.index]!.id, kandidaatId: k.id })),
      ),
    };
  });
}

export async function createAdviesvraag(db: Db, a: AdviesvraagInput, userId: number, teamId: number | null, now: Date) {
  const errors = await checkCodes(db, adviesvraagCodeChecks(a));
  if (a.gemeenteCode) {
    if (!(await q.bekendeGemeenten(db, [a.gemeenteCode])).has(a.gemeenteCode))
      errors.push({
        field: 'gemeenteCode',
        rule: 'bestaat',
        message: `Gemeente ${a.gemeenteCode} hoort niet bij deze Veilig Thuis-regio`,
      });
  }
  const toekomst = nietInToekomstFout('ontvangenOp', a.ontvangenOp, now, 'Het ontvangstmoment ligt in de toekomst');
  if (toekomst) errors.push(toekomst);
  // No data that identifies the persons it is about (BSN, postcode + huisnummer, date of birth).
  errors.push(...adviesvraagIdentificatieFouten(a, toLocalDate(now)));
  const ontvangen = a.ontvangenOp ? new Date(a.ontvangenOp) : now;
  const afsluiting = adviesAfsluitmoment(a.afgeslotenOp, ontvangen, now);
  errors.push(...afsluiting.fouten);
  if (a.afgeslotenOp && !a.afsluiten)
    errors.push({
      field: 'afgeslotenOp',
      rule: 'alleen_bij_afsluiten',
      message: 'Alleen bij een afgesloten adviesvraag',
    });
  if (errors.length) throw new ValidationError(errors);
  return q.insertAdviesvraag(db, {
    ontvangenOp: ontvangen,
    geregistreerdDoor: userId,
    teamId,
    hoedanigheid: a.hoedanigheid,
    aanleiding: a.aanleiding,
    aard: a.aard,
    signalen: a.signalen ?? [],
    regio: a.regio,
    gemeenteCode: a.gemeenteCode ?? null,
    vraag: a.vraag,
    advies: a.advies,
    afgeslotenOp: a.afsluiten ? afsluiting.moment : null,
  });
}

function adviesvraagUit(a: q.AdviesvraagRij) {
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

export async function getAdviesvraag(db: Db, id: number) {
  const a = await q.adviesvraag(db, id);
  return a ? adviesvraagUit(a) : null;
}

/** The latest adviesvragen, newest first, in one query. */
export async function listAdviesvragen(db: Db, limit = 50) {
  return (await q.laatsteAdviesvragen(db, limit)).map(adviesvraagUit);
}

/**
 * Close an open adviesvraag with the advice given (the caller called back, the advice is final).
 * 404 when it does not exist, 409 when it is closed or converted already; the advice is checked
 * for identifying data like at registration.
 */
export async function afsluitenAdviesvraag(
  db: Db,
  id: number,
  input: { advies: string; afgeslotenOp?: string },
  now: Date,
) {
  const errors = adviesvraagIdentificatieFouten(input, toLocalDate(now), ['advies']);
  if (errors.length) throw new ValidationError(errors);
  return db.transaction().execute(async (tx) => {
    const a = await q.adviesvraagVoorUpdate(tx, id);
    if (!a) throw new HttpError(404, 'niet_gevonden', 'Adviesvraag niet gevonden');
    if (a.omgezet_in_melding_id)
      throw new HttpError(409, 'al_omgezet', `Adviesvraag ${a.nummer} is al omgezet in een melding`);
    if (a.afgesloten_op) throw new HttpError(409, 'al_afgesloten', `Adviesvraag ${a.nummer} is al afgesloten`);
    const afsluiting = adviesAfsluitmoment(input.afgeslotenOp, new Date(a.ontvangen_op), now);
    if (afsluiting.fouten.length) throw new ValidationError(afsluiting.fouten);
    await q.sluitAdviesvraag(tx, id, input.advies, afsluiting.moment);
    return (await getAdviesvraag(tx, id))!;
  });
}
