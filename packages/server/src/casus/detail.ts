// The casus answer: one household's story (meldingen, beoordelingen, besluiten, diensten,
// overdrachten, terugkoppelingen) with each melding's clocks and what the workflow allows now —
// derived by the domain's melding model (domain/melding.ts), so the web shows it and does not
// derive it again.
import {
  ACTIE_LABEL,
  afsluitenContext,
  allowedActions,
  beoordelingAlleenOpAfstand,
  NIET_GEZIEN_OP_AFSTAND,
  geboortedatumLabel,
  leeftijdOp,
  meldingClocks,
  metKinderen,
  MELDING_STATUS_LABEL,
  toLocalDate,
  volledigeNaam,
  workflowContext,
  worstState,
  type MeldingStatus,
} from '@voordeur/domain';
import { open, openMelder } from '../crypto/veld.ts';
import type { Db } from '../db/index.ts';
import { notFound } from '../http/errors.ts';
import { adresLabel, radar } from '../personen/service.ts';
import { openbaarheidPerMelding } from '../privacy/melder.ts';
import { klokBeleid } from '../referentie/klokbeleid.ts';
import { kalender } from '../referentie/service.ts';
import { informeringFacts, meldingFacts } from '../werkvoorraad/queries.ts';
import {
  casusIdVanMelding,
  casusRij,
  gebruikerNamen,
  ledenVan,
  meldingenVanCasus,
  zoekCasusRijen,
  type LidRow,
  type MeldingRow,
} from './queries.ts';
import { contactTijdlijn, gebruikersVan, huisbezoekTijdlijn, iso, tijdlijnVan, type TijdlijnItem } from './tijdlijn.ts';
import { contactenVanCasus } from '../contact/queries.ts';
import { contactItems, persoonNamen } from '../contact/service.ts';
import { huisbezoekenVanCasus, huisbezoekProtocol } from '../contact/huisbezoek.ts';

export type { TijdlijnItem };

/**
 * melderZichtbaar: the user may read the melder resource (identity on screen, logged by the route).
 * beschermdeMelderVerbergen: for prints and exports — a melder without a decision allowing
 * disclosure to the family (art. 4.1.8 lid 3 Uitvoeringsbesluit Wmo 2015) is left out.
 */
export async function casusDetail(
  db: Db,
  casusId: number,
  now: Date,
  opts: { melderZichtbaar: boolean; beschermdeMelderVerbergen?: boolean },
) {
  const c = await casusRij(db, casusId);
  if (!c) throw notFound('Casus');
  const [k, leden, meldingen] = await Promise.all([
    kalender(db),
    ledenVan(db, c.huishouden_id),
    meldingenVanCasus(db, casusId, opts.melderZichtbaar),
  ]);
  const mIds = meldingen.map((m) => m.id);
  const [namen, openbaarheid] = await Promise.all([
    gebruikerNamen(db, [...new Set(meldingen.flatMap(gebruikersVan))]),
    openbaarheidPerMelding(db, mIds),
  ]);
  const naamVan = (id: number | null | undefined) => (id ? (namen.get(id) ?? `#${id}`) : null);
  const today = toLocalDate(now);
  const policy = klokBeleid();

  const timeline: TijdlijnItem[] = meldingen.flatMap((m) => tijdlijnVan(m, naamVan));
  // The contact journal and the planned home visits (with their overrides) in the same timeline.
  const [contactRijen, bezoeken, personen] = await Promise.all([
    contactenVanCasus(db, casusId),
    huisbezoekenVanCasus(db, casusId),
    persoonNamen(db, casusId),
  ]);
  const nummerVan = (meldingId: number | null) => meldingen.find((m) => m.id === meldingId)?.nummer ?? c.nummer;
  // Prints and exports leave out what was said in a contact with the melder (melder protection).
  const contacten = await contactItems(db, contactRijen, personen.naam, {
    melderZichtbaar: opts.melderZichtbaar && !opts.beschermdeMelderVerbergen,
  });
  timeline.push(...contactTijdlijn(contacten, nummerVan), ...huisbezoekTijdlijn(bezoeken, nummerVan));
  timeline.sort((a, b) => a.at.localeCompare(b.at));
  const meldingenOut = meldingen.map((m) =>
    meldingAntwoord(m, leden, today, now, k, policy, naamVan, openbaarheid, opts),
  );

  // The radar: meldingen about any person of this casus in other casussen (numbers and status only,
  // not their content). Prints and exports (beschermdeMelderVerbergen) leave it out: it is about
  // other casussen and only serves the screen.
  const persoonIds = [
    ...new Set([...leden.map((p) => p.id), ...meldingen.flatMap((m) => m.betrokkenen.map((b) => b.persoon_id))]),
  ];
  const radarOut = (opts.beschermdeMelderVerbergen ? [] : await radar(db, persoonIds, undefined, c.organisatie_id))
    .filter((r) => r.casusId !== c.id)
    .map((r) => ({
      meldingId: r.id,
      nummer: r.nummer,
      ontvangenOp: r.ontvangenOp,
      status: r.status as MeldingStatus,
      statusLabel: MELDING_STATUS_LABEL[r.status as MeldingStatus] ?? r.status,
      beoordelingUitkomst: r.beoordelingUitkomst ?? null,
      casusId: r.casusId,
      casusNummer: r.casusNummer,
      persoonIds: r.persoonIds,
      ...(r.mogelijkDezelfdePersoon ? { mogelijkDezelfdePersoon: r.mogelijkDezelfdePersoon } : {}),
    }));
  const h = c.huishouden;
  return {
    id: c.id,
    nummer: c.nummer,
    status: c.status,
    versie: c.versie,
    team: { id: c.team_id, naam: c.team_naam },
    geopendOp: iso(c.geopend_op),
    geslotenOp: iso(c.gesloten_op),
    veiligheidsvlag: { vlaggen: c.veiligheidsvlaggen ?? [], toelichting: c.veiligheidsvlag_toelichting },
    huishouden: {
      id: h.id,
      adres: adresLabel(h),
      gemeenteCode: h.gemeente_code,
      leden: leden.map((p) => ({
        id: p.id,
        naam: volledigeNaam(p),
        rol: p.huishouden_rol,
        geboortedatum: p.geboortedatum,
        geboortedatumLabel: p.geboortedatum ? geboortedatumLabel(p.geboortedatum) : null,
        leeftijd: p.geboortedatum ? leeftijdOp(p.geboortedatum, today) : null,
        geslacht: p.geslacht,
        bsn: open(p.bsn, 'persoon.bsn'),
      })),
    },
    meldingen: meldingenOut,
    timeline,
    /** The contact journal (contactjournaal), oldest first, and the planned home visits. */
    contacten,
    huisbezoeken: bezoeken,
    huisbezoekprotocol: await huidigProtocol(db, c.organisatie_id, now),
    /** Veiligheidsbeoordelingen that rest on remote contact only (domain beoordelingAlleenOpAfstand). */
    alleenOpAfstand: meldingen
      .filter((m) => m.beoordeling && beoordelingAlleenOpAfstand(contacten, m.id, iso(m.beoordeling.vastgesteld_op)!))
      .map((m) => ({ meldingId: m.id, meldingNummer: m.nummer, nietGezien: [...NIET_GEZIEN_OP_AFSTAND] })),
    radar: radarOut,
    clientIds: persoonIds,
  };
}

export type CasusAntwoord = Awaited<ReturnType<typeof casusDetail>>;

async function huidigProtocol(db: Db, organisatieId: number, now: Date) {
  const p = await huisbezoekProtocol(db, organisatieId, now);
  return { protocol: p.protocol, label: p.label };
}

function meldingAntwoord(
  m: MeldingRow,
  leden: LidRow[],
  today: string,
  now: Date,
  k: Awaited<ReturnType<typeof kalender>>,
  policy: ReturnType<typeof klokBeleid>,
  naamVan: (id: number | null | undefined) => string | null,
  openbaarheid: Awaited<ReturnType<typeof openbaarheidPerMelding>>,
  opts: { beschermdeMelderVerbergen?: boolean },
) {
  const facts = meldingFacts(m.feiten);
  const clocks = meldingClocks(k, facts, m.informering.map(informeringFacts), now, policy);
  const workflow = workflowContext(
    facts,
    metKinderen(
      facts,
      leden.map((l) => ({ geboortedatum: l.geboortedatum, huishoudenRol: l.huishouden_rol })),
      today,
    ),
  );
  const melderOpenbaarheid = openbaarheid.get(m.id) ?? null;
  const melderBeschermd = !(melderOpenbaarheid?.openbaar ?? false);
  const melder = opts.beschermdeMelderVerbergen && melderBeschermd ? null : m.melder ? openMelder(m.melder) : null;
  const { beoordeling: vb, dienst: dn, overdracht: ov, afsluiting: af } = m;
  return {
    id: m.id,
    nummer: m.nummer,
    status: m.status,
    statusLabel: MELDING_STATUS_LABEL[m.status],
    ontvangenOp: iso(m.ontvangen_op),
    binnenkomst: m.binnenkomst,
    melderHoedanigheid: m.melder_hoedanigheid,
    regio: m.regio,
    gemeenteCode: m.gemeente_code,
    aanleiding: m.aanleiding,
    aard: m.aard,
    signalen: m.signalen,
    omschrijving: m.omschrijving,
    metKinderen: m.met_kinderen,
    behandelaar: m.behandelaar_id ? { id: m.behandelaar_id, naam: naamVan(m.behandelaar_id) } : null,
    adviesvraagId: m.adviesvraag_id,
    betrokkenen: m.betrokkenen.map((b) => ({ persoonId: b.persoon_id, naam: volledigeNaam(b), rol: b.rol })),
    melder: melder
      ? {
          naam: melder.naam,
          organisatie: melder.organisatie,
          functie: melder.functie,
          telefoon: melder.telefoon,
          email: melder.email,
          wilOnbekendBlijven: melder.wil_onbekend_blijven,
        }
      : null,
    melderBeschermd,
    melderOpenbaarheid,
    beoordeling: vb
      ? {
          acuteOnveiligheid: vb.acute_onveiligheid,
          structureleOnveiligheid: vb.structurele_onveiligheid,
          uitkomst: vb.uitkomst,
          motivering: vb.motivering,
          bronnen: vb.bronnen,
          beslotenDoor: naamVan(vb.besloten_door),
          getoetstDoor: naamVan(vb.getoetst_door),
          vastgesteldOp: iso(vb.vastgesteld_op),
        }
      : null,
    dienst: dn
      ? {
          soort: dn.soort,
          gestartOp: iso(dn.gestart_op),
          afgeslotenOp: iso(dn.afgesloten_op),
          veiligheidsvoorwaarden: dn.veiligheidsvoorwaarden,
          onderzoekUitkomsten: dn.onderzoek_uitkomsten,
        }
      : null,
    overdracht: ov
      ? {
          ontvangerType: ov.ontvanger_type,
          ontvangerNaam: ov.ontvanger_naam,
          reedsBekend: ov.reeds_bekend,
          warm: ov.warm,
          moment: ov.moment,
          overgedragenOp: iso(ov.overgedragen_op),
          monitoringAfspraken: ov.monitoring_afspraken,
        }
      : null,
    afsluiting: af
      ? { reden: af.reden, toelichting: af.toelichting, moment: af.moment, afgeslotenOp: iso(af.afgesloten_op) }
      : null,
    terugkoppelingen: m.terugkoppelingen.map((t) => ({
      moment: t.moment,
      inhoud: t.inhoud,
      gedaanOp: iso(t.gedaan_op),
      door: naamVan(t.door),
    })),
    informering: m.informering.map((i) => ({
      persoonId: i.persoon_id,
      geinformeerdOp: iso(i.geinformeerd_op),
      wijze: i.wijze,
      verlengingen: i.verlengingen,
    })),
    rvdkVerzoeken: m.rvdk_verzoeken.map((r) => ({ motivering: r.motivering, verzochtOp: iso(r.verzocht_op) })),
    monitoringcontacten: m.monitoringcontacten.map((x) => ({
      gedaanOp: iso(x.gedaan_op),
      bevindingen: x.bevindingen,
      hulpGestart: x.hulp_gestart,
      veilig: x.veilig,
      door: naamVan(x.door),
    })),
    clocks,
    ergsteKlok: worstState(clocks.map((x) => x.state)),
    /** The inputs of the workflow's guards (domain workflowContext): the web offers what they allow. */
    workflow,
    /** The facts the closing rule needs (domain afsluitenRegel). */
    afsluiten: afsluitenContext(facts),
    acties: allowedActions(m.status, workflow).map((a) => ({ actie: a, label: ACTIE_LABEL[a] })),
  };
}

export { casusClientIds } from './queries.ts';

export async function casusIdOfMelding(db: Db, meldingId: number): Promise<number> {
  const id = await casusIdVanMelding(db, meldingId);
  if (id === undefined) throw notFound('Melding');
  return id;
}

/** Casussen by casus number or by the number of one of their meldingen. */
export async function zoekCasussen(db: Db, term: string) {
  return (await zoekCasusRijen(db, term.trim())).map((x) => ({
    id: x.id,
    nummer: x.nummer,
    status: x.status,
    adres: adresLabel(x),
  }));
}
