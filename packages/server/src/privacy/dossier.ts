// The dossier of one person for inzage/afschrift (Wmo 2015 art. 5.3.2), as JSON and as a PDF the
// person can read. Only this person's own data: other persons are counted, never named, and
// their names and BSNs are redacted from free text; a protected melder (no decision allowing
// disclosure, art. 4.1.8 lid 3 Uitvoeringsbesluit Wmo 2015) appears with no identity, no
// capacity and no contact details, and their identity is redacted from free text too. A
// disclosed melder is named (with function and organisation), never with phone or e-mail.
import { open } from '../crypto/veld.ts';
import {
  geboortedatumLabel,
  MELDING_STATUS_LABEL,
  volledigeNaam,
  type Inzageverzoek,
  type MeldingStatus,
} from '@voordeur/domain';
import type { Db } from '../db/index.ts';
import { adresLabel } from '../personen/service.ts';
import { dossierGegevens } from './dossier-queries.ts';
import { contactenVanCasussen } from '../contact/queries.ts';
import { CONTACT_SOORT_LABEL, CORRECTIE_SOORT_LABEL, type ContactSoort, type CorrectieSoort } from '@voordeur/domain';
import { melderContactRedactor, melderStatus, protectedMelderRedactor } from './melder.ts';
import { renderPdf, type PdfBlock } from './pdf.ts';
import { codeLabels, organisatieNaam } from './queries.ts';
import { correcties, persoonOf, VERZOEKER_RELATIE_LABEL } from './rechten.ts';
import { nameTerms, redactor, type Redactor } from './redact.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const datum = (d: string | null | undefined) =>
  d
    ? new Intl.DateTimeFormat('nl-NL', {
        timeZone: 'Europe/Amsterdam',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }).format(new Date(d))
    : '–';

export const MELDER_AFGESCHERMD =
  'De identiteit van de melder wordt niet bekendgemaakt (artikel 4.1.8 lid 3 Uitvoeringsbesluit Wmo 2015).';
export const ANDEREN_AFGESCHERMD = 'Gegevens van andere personen zijn afgeschermd (artikel 5.3.2 Wmo 2015).';

async function labels(db: Db): Promise<(lijst: string, code: string | null | undefined) => string> {
  const m = new Map((await codeLabels(db)).map((x) => [`${x.lijst}:${x.code}`, x.label]));
  return (lijst, code) => (code ? (m.get(`${lijst}:${code}`) ?? code) : '–');
}

export interface DossierMelder {
  afgeschermd: boolean;
  toelichting?: string;
  naam?: string | null;
  organisatie?: string | null;
  functie?: string | null;
  hoedanigheid?: string;
}

export interface Dossier {
  documentSoort: 'inzage' | 'afschrift';
  concept: boolean;
  organisatie: string;
  gemaaktOp: string;
  verzoek: {
    id: number;
    ontvangenOp: string | null;
    verzoeker: string;
    besluit: string | null;
    weigeringsgronden: string[];
    motivering: string | null;
  };
  persoon: { id: number; naam: string; bsn: string | null; geboortedatum: string | null; geslacht: string };
  huishoudens: Array<{ adres: string; rol: string; sinds: string | null }>;
  meldingen: Array<{
    nummer: string;
    casusNummer: string;
    ontvangenOp: string | null;
    status: string;
    binnenkomst: string;
    uwRol: string;
    melder: DossierMelder;
    aanleiding: string[];
    aard: string[];
    omschrijving: string | null;
    andereBetrokkenen: number;
    beoordeling: { vastgesteldOp: string | null; uitkomst: string; motivering: string | null } | null;
    dienst: {
      soort: string;
      gestartOp: string | null;
      afgeslotenOp: string | null;
      veiligheidsvoorwaarden: string[];
      onderzoekUitkomsten: Array<{ type: string; uitkomst: string }>;
    } | null;
    overdracht: {
      ontvanger: string;
      soortOntvanger: string;
      overgedragenOp: string | null;
      monitoringAfspraken: string | null;
    } | null;
    afsluiting: { reden: string; toelichting: string | null; afgeslotenOp: string | null } | null;
    terugkoppelingAanMelder: Array<{ gedaanOp: string | null; inhoud: string | null }> | 'afgeschermd';
    rvdkVerzoeken: Array<{ verzochtOp: string | null; motivering: string | null }>;
    monitoringcontacten: Array<{
      gedaanOp: string | null;
      bevindingen: string | null;
      hulpGestart: string;
      veilig: string;
    }>;
    informering: { geinformeerdOp: string | null; wijze: string | null } | null;
  }>;
  /** The contact journal of the casussen of these meldingen (contactjournaal), oldest first. */
  contacten: DossierContact[];
  correcties: Array<{ veld: string; oudeWaarde: string | null; nieuweWaarde: string | null; op: string | null }>;
  afgeschermd: string[];
}

export interface DossierContact {
  nummer: number;
  casusNummer: string;
  meldingNummer: string | null;
  soort: string;
  begin: string | null;
  duurMinuten: number | null;
  /** With whom: "u", other persons counted, the melder (when not protected), professionals by function. */
  met: string[];
  /** A contact with a protected melder: it is said that it happened, not what was said. */
  afgeschermd: boolean;
  gezegd: string | null;
  gezien: string | null;
  afgesproken: string | null;
  correctie: string | null;
}

export const MELDER_CONTACT_AFGESCHERMD_DOSSIER =
  'Contact met de melder; de inhoud is afgeschermd (artikel 4.1.8 lid 3 Uitvoeringsbesluit Wmo 2015).';

/** Build the dossier of `persoonId` for request `verzoek`. */
export async function buildDossier(
  db: Db,
  persoonId: number,
  verzoek: Inzageverzoek,
  now: Date,
  opts: { concept: boolean },
): Promise<Dossier> {
  const p = await persoonOf(db, persoonId);
  const label = await labels(db);
  const org = (await organisatieNaam(db)) ?? 'Veilig Thuis';
  const g = await dossierGegevens(db, persoonId);
  const { huishoudens, meldingen, betrokkenen, beoordelingen, diensten, overdrachten, afsluitingen } = g;
  const { terugkoppelingen, informering, rvdk, monitoring } = g;
  const anderen = g.anderen.map((x) => ({ ...x, bsn: open(x.bsn, 'persoon.bsn') }));
  const melders = await melderStatus(
    db,
    meldingen.map((m) => m.id),
  );

  // Redaction: other persons (full names, name words not shared with this person, BSNs) and
  // every protected melder's identity.
  const eigen = [p.voornamen, p.tussenvoegsel, p.achternaam].filter(Boolean).join(' ').split(/\s+/);
  const others = redactor({
    names: anderen.flatMap((a) => nameTerms(volledigeNaam(a), eigen)),
    numbers: anderen.map((a) => a.bsn),
  });
  const melderR = protectedMelderRedactor(melders.values(), eigen);
  // A melder's phone and e-mail are never part of someone else's dossier, disclosed or not.
  const contactR = melderContactRedactor(melders.values());
  const r: Redactor = (t) => contactR(melderR(others(t)));

  const out: Dossier = {
    documentSoort: verzoek.soort,
    concept: opts.concept,
    organisatie: org,
    gemaaktOp: now.toISOString(),
    verzoek: {
      id: verzoek.id,
      ontvangenOp: verzoek.ontvangenOp,
      verzoeker: VERZOEKER_RELATIE_LABEL[verzoek.verzoekerRelatie as 'betrokkene'] ?? verzoek.verzoekerRelatie,
      besluit: verzoek.besluit,
      weigeringsgronden: verzoek.weigeringsgronden.map((g) => g.label),
      motivering: r(verzoek.motivering),
    },
    persoon: {
      id: p.id,
      naam: volledigeNaam(p),
      bsn: p.bsn,
      geboortedatum: p.geboortedatum ? geboortedatumLabel(p.geboortedatum) : null,
      geslacht: p.geslacht,
    },
    huishoudens: huishoudens.map((h) => ({
      adres: adresLabel(h),
      rol: label('huishouden_rol', h.rol),
      sinds: iso(h.sinds),
    })),
    meldingen: meldingen.map((m) => {
      const st = melders.get(m.id);
      const vb = beoordelingen.find((x) => x.melding_id === m.id);
      const dn = diensten.find((x) => x.melding_id === m.id);
      const ov = overdrachten.find((x) => x.melding_id === m.id);
      const af = afsluitingen.find((x) => x.melding_id === m.id);
      const inf = informering.find((x) => x.melding_id === m.id);
      const melder: DossierMelder =
        !st || st.beschermd
          ? { afgeschermd: true, toelichting: MELDER_AFGESCHERMD }
          : {
              afgeschermd: false,
              naam: st.identiteit?.naam ?? null,
              organisatie: st.identiteit?.organisatie ?? null,
              functie: st.identiteit?.functie ?? null,
              hoedanigheid: label('hoedanigheid', st.hoedanigheid),
            };
      return {
        nummer: m.nummer,
        casusNummer: m.casus_nummer,
        ontvangenOp: iso(m.ontvangen_op),
        status: MELDING_STATUS_LABEL[m.status as MeldingStatus] ?? m.status,
        binnenkomst: label('binnenkomst', m.binnenkomst),
        uwRol: label('betrokkene_rol', m.uw_rol),
        melder,
        aanleiding: (m.aanleiding ?? []).map((c) => label('aanleiding', c)),
        aard: (m.aard ?? []).map((c) => label('aard', c)),
        omschrijving: r(m.omschrijving),
        andereBetrokkenen: betrokkenen.filter((b) => b.melding_id === m.id && b.persoon_id !== persoonId).length,
        beoordeling: vb
          ? {
              vastgesteldOp: iso(vb.vastgesteld_op),
              uitkomst: label('beoordeling_uitkomst', vb.uitkomst),
              motivering: r(vb.motivering),
            }
          : null,
        dienst: dn
          ? {
              soort: dn.soort === 'onderzoek' ? 'Onderzoek' : 'Voorwaarden en Vervolg',
              gestartOp: iso(dn.gestart_op),
              afgeslotenOp: iso(dn.afgesloten_op),
              veiligheidsvoorwaarden: (dn.veiligheidsvoorwaarden ?? []).map((v) => r(v.tekst) ?? ''),
              onderzoekUitkomsten: (dn.onderzoek_uitkomsten ?? []).map((u) => ({
                type: label('geweld_type', u.type),
                uitkomst: label('onderzoek_uitkomst', u.uitkomst),
              })),
            }
          : null,
        overdracht: ov
          ? {
              ontvanger: r(ov.ontvanger_naam) ?? '',
              soortOntvanger: label('overdracht_ontvanger', ov.ontvanger_type),
              overgedragenOp: iso(ov.overgedragen_op),
              monitoringAfspraken: r(ov.monitoring_afspraken),
            }
          : null,
        afsluiting: af
          ? {
              reden: label('afsluitreden', af.reden),
              toelichting: r(af.toelichting),
              afgeslotenOp: iso(af.afgesloten_op),
            }
          : null,
        // What Veilig Thuis told the melder says who the melder is: only when disclosure is allowed.
        terugkoppelingAanMelder:
          st && !st.beschermd
            ? terugkoppelingen
                .filter((t) => t.melding_id === m.id)
                .map((t) => ({ gedaanOp: iso(t.gedaan_op), inhoud: r(t.inhoud) }))
            : 'afgeschermd',
        rvdkVerzoeken: rvdk
          .filter((x) => x.melding_id === m.id)
          .map((x) => ({ verzochtOp: iso(x.verzocht_op), motivering: r(x.motivering) })),
        monitoringcontacten: monitoring
          .filter((x) => x.melding_id === m.id)
          .map((x) => ({
            gedaanOp: iso(x.gedaan_op),
            bevindingen: r(x.bevindingen),
            hulpGestart: x.hulp_gestart,
            veilig: x.veilig,
          })),
        informering: inf ? { geinformeerdOp: iso(inf.geinformeerd_op), wijze: inf.wijze } : null,
      };
    }),
    contacten: await dossierContacten(db, persoonId, meldingen, melders, r),
    correcties: (await correcties(db, persoonId)).map((c) => ({
      veld: c.veld,
      oudeWaarde: c.oudeWaarde,
      nieuweWaarde: c.nieuweWaarde,
      op: c.op,
    })),
    afgeschermd: [ANDEREN_AFGESCHERMD, ...([...melders.values()].some((s) => s.beschermd) ? [MELDER_AFGESCHERMD] : [])],
  };
  return out;
}

async function dossierContacten(
  db: Db,
  persoonId: number,
  meldingen: Array<{ id: number; nummer: string; casus_id: number; casus_nummer: string }>,
  melders: Awaited<ReturnType<typeof melderStatus>>,
  r: Redactor,
): Promise<DossierContact[]> {
  const casusNummer = new Map(meldingen.map((m) => [m.casus_id, m.casus_nummer]));
  const rows = await contactenVanCasussen(db, [...casusNummer.keys()]);
  // A contact with the melder is protected when the melder of its melding is (or, for a contact about
  // the casus, when any melder of the casus is): the content could say who reported.
  const beschermd = (meldingId: number | null, casusId: number) =>
    meldingId != null
      ? (melders.get(meldingId)?.beschermd ?? true)
      : meldingen.filter((m) => m.casus_id === casusId).some((m) => melders.get(m.id)?.beschermd ?? true);
  return rows.map((c) => {
    const afgeschermd = c.met_melder && beschermd(c.melding_id, c.casus_id);
    const anderen = c.persoon_ids.filter((p) => p !== persoonId).length;
    const met = [
      ...(c.persoon_ids.includes(persoonId) ? ['u'] : []),
      ...(anderen ? [`${anderen} andere betrokkene${anderen > 1 ? 'n' : ''}`] : []),
      ...(c.met_melder ? ['de melder'] : []),
      ...c.professionals.map((p) => `${p.functie} (${p.organisatie})`),
    ];
    return {
      nummer: c.id,
      casusNummer: casusNummer.get(c.casus_id) ?? '',
      meldingNummer: meldingen.find((m) => m.id === c.melding_id)?.nummer ?? null,
      soort: CONTACT_SOORT_LABEL[c.soort as ContactSoort] ?? c.soort,
      begin: iso(c.begin_op),
      duurMinuten: c.duur_minuten,
      met,
      afgeschermd,
      gezegd: afgeschermd ? null : r(c.gezegd),
      gezien: afgeschermd ? null : r(c.gezien),
      afgesproken: afgeschermd ? null : r(c.afgesproken),
      correctie: c.correctie_van
        ? `${CORRECTIE_SOORT_LABEL[c.correctie_soort as CorrectieSoort] ?? c.correctie_soort} op contact ${c.correctie_van}`
        : null,
    };
  });
}

export function dossierPdf(d: Dossier): Buffer {
  const b: PdfBlock[] = [];
  const soort = d.documentSoort === 'afschrift' ? 'Afschrift' : 'Inzage';
  b.push({ type: 'title', text: `${soort} van uw dossier bij ${d.organisatie}` });
  b.push({
    type: 'note',
    text: `Gemaakt op ${datum(d.gemaaktOp)} naar aanleiding van uw verzoek van ${datum(d.verzoek.ontvangenOp)} (verzoek ${d.verzoek.id}, ingediend door ${d.verzoek.verzoeker}).`,
  });
  if (d.verzoek.besluit === 'deels_toegewezen') {
    b.push({
      type: 'text',
      text: `Uw verzoek is gedeeltelijk toegewezen. ${d.verzoek.weigeringsgronden.join(' ')} ${d.verzoek.motivering ?? ''}`,
    });
  }
  b.push({ type: 'heading', text: 'Uw gegevens' });
  b.push({ type: 'field', label: 'Naam', value: d.persoon.naam });
  b.push({ type: 'field', label: 'BSN', value: d.persoon.bsn ?? 'niet bekend' });
  b.push({ type: 'field', label: 'Geboortedatum', value: d.persoon.geboortedatum ?? 'niet bekend' });
  b.push({
    type: 'field',
    label: 'Geslacht',
    value: { V: 'vrouw', M: 'man', O: 'onbekend' }[d.persoon.geslacht] ?? d.persoon.geslacht,
  });
  for (const h of d.huishoudens) b.push({ type: 'field', label: 'Adres', value: `${h.adres} (${h.rol})` });
  b.push({ type: 'heading', text: `Meldingen (${d.meldingen.length})` });
  if (d.meldingen.length === 0) b.push({ type: 'text', text: 'Er zijn geen meldingen over u vastgelegd.' });
  for (const m of d.meldingen) {
    b.push({ type: 'subheading', text: `Melding ${m.nummer} — ontvangen ${datum(m.ontvangenOp)}` });
    b.push({ type: 'field', label: 'Dossier (casus)', value: m.casusNummer });
    b.push({ type: 'field', label: 'Stand', value: m.status });
    b.push({ type: 'field', label: 'Uw rol', value: m.uwRol });
    b.push({ type: 'field', label: 'Binnengekomen via', value: m.binnenkomst });
    b.push({
      type: 'field',
      label: 'Melder',
      value: m.melder.afgeschermd
        ? m.melder.toelichting!
        : [m.melder.naam, m.melder.functie, m.melder.organisatie, m.melder.hoedanigheid].filter(Boolean).join(', '),
    });
    b.push({ type: 'field', label: 'Aanleiding', value: m.aanleiding.join(', ') });
    if (m.aard.length) b.push({ type: 'field', label: 'Aard', value: m.aard.join(', ') });
    b.push({ type: 'field', label: 'Omschrijving', value: m.omschrijving ?? '–' });
    if (m.andereBetrokkenen)
      b.push({ type: 'field', label: 'Andere betrokkenen', value: `${m.andereBetrokkenen} (gegevens afgeschermd)` });
    if (m.beoordeling)
      b.push({
        type: 'field',
        label: 'Veiligheidsbeoordeling',
        value: `${datum(m.beoordeling.vastgesteldOp)}: ${m.beoordeling.uitkomst}. ${m.beoordeling.motivering ?? ''}`,
      });
    if (m.dienst) {
      b.push({
        type: 'field',
        label: `Dienst ${m.dienst.soort}`,
        value: `gestart ${datum(m.dienst.gestartOp)}${m.dienst.afgeslotenOp ? `, afgerond ${datum(m.dienst.afgeslotenOp)}` : ''}`,
      });
      for (const v of m.dienst.veiligheidsvoorwaarden)
        b.push({ type: 'field', label: 'Veiligheidsvoorwaarde', value: v });
      for (const u of m.dienst.onderzoekUitkomsten)
        b.push({ type: 'field', label: 'Uitkomst onderzoek', value: `${u.type}: ${u.uitkomst}` });
    }
    if (m.overdracht)
      b.push({
        type: 'field',
        label: 'Overgedragen',
        value: `${datum(m.overdracht.overgedragenOp)} aan ${m.overdracht.ontvanger} (${m.overdracht.soortOntvanger})${m.overdracht.monitoringAfspraken ? `. Afspraken: ${m.overdracht.monitoringAfspraken}` : ''}`,
      });
    for (const x of m.monitoringcontacten)
      b.push({
        type: 'field',
        label: 'Monitoringcontact',
        value: `${datum(x.gedaanOp)}: hulp gestart ${x.hulpGestart}, veilig ${x.veilig}. ${x.bevindingen ?? ''}`,
      });
    for (const x of m.rvdkVerzoeken)
      b.push({
        type: 'field',
        label: 'Verzoek aan de Raad voor de Kinderbescherming',
        value: `${datum(x.verzochtOp)}: ${x.motivering ?? ''}`,
      });
    if (m.informering)
      b.push({
        type: 'field',
        label: 'U bent geïnformeerd',
        value: m.informering.geinformeerdOp
          ? `${datum(m.informering.geinformeerdOp)}${m.informering.wijze ? ` (${m.informering.wijze})` : ''}`
          : 'nog niet',
      });
    if (m.terugkoppelingAanMelder === 'afgeschermd')
      b.push({ type: 'field', label: 'Terugkoppeling aan melder', value: 'afgeschermd' });
    else
      for (const t of m.terugkoppelingAanMelder)
        b.push({ type: 'field', label: 'Terugkoppeling aan melder', value: `${datum(t.gedaanOp)}: ${t.inhoud ?? ''}` });
    if (m.afsluiting)
      b.push({
        type: 'field',
        label: 'Afgesloten',
        value: `${datum(m.afsluiting.afgeslotenOp)}: ${m.afsluiting.reden}${m.afsluiting.toelichting ? `. ${m.afsluiting.toelichting}` : ''}`,
      });
  }
  if (d.contacten.length) {
    b.push({ type: 'heading', text: `Contacten (${d.contacten.length})` });
    for (const c of d.contacten) {
      b.push({
        type: 'subheading',
        text: `Contact ${c.nummer}: ${c.soort}, ${datum(c.begin)}${c.duurMinuten ? ` (${c.duurMinuten} minuten)` : ''}`,
      });
      b.push({
        type: 'field',
        label: 'Dossier (casus)',
        value: c.meldingNummer ? `${c.casusNummer}, melding ${c.meldingNummer}` : c.casusNummer,
      });
      b.push({ type: 'field', label: 'Met', value: c.met.join(', ') || '–' });
      if (c.correctie) b.push({ type: 'field', label: 'Verwijst naar', value: c.correctie });
      if (c.afgeschermd) b.push({ type: 'field', label: 'Inhoud', value: MELDER_CONTACT_AFGESCHERMD_DOSSIER });
      if (c.gezegd) b.push({ type: 'field', label: 'Gezegd', value: c.gezegd });
      if (c.gezien) b.push({ type: 'field', label: 'Gezien', value: c.gezien });
      if (c.afgesproken) b.push({ type: 'field', label: 'Afgesproken', value: c.afgesproken });
    }
  }
  if (d.correcties.length) {
    b.push({ type: 'heading', text: 'Gecorrigeerde gegevens' });
    for (const c of d.correcties)
      b.push({
        type: 'field',
        label: `${c.veld} (${datum(c.op)})`,
        value: `${c.oudeWaarde ?? '(leeg)'} → ${c.nieuweWaarde ?? '(leeg)'}`,
      });
  }
  b.push({ type: 'heading', text: 'Wat is afgeschermd' });
  for (const a of d.afgeschermd) b.push({ type: 'text', text: a });
  b.push({ type: 'heading', text: 'Uw rechten' });
  b.push({
    type: 'text',
    text: 'U kunt vragen om onjuiste gegevens te corrigeren, om een verklaring toe te voegen, en om vernietiging van uw gegevens (artikel 5.3.5 Wmo 2015). Op een verzoek om vernietiging wordt binnen drie maanden beslist. Wilt u weten wie uw gegevens heeft ingezien, vraag dan om een overzicht van de toegang tot uw dossier.',
  });
  return renderPdf({
    title: `${soort} dossier — ${d.persoon.naam}`,
    subject: `${soort} op grond van artikel 5.3.2 Wmo 2015`,
    footer: `${d.organisatie} · ${soort.toLowerCase()} verzoek ${d.verzoek.id} · vertrouwelijk`,
    banner: d.concept ? 'CONCEPT — nog niet besloten; niet verstrekken' : undefined,
    blocks: b,
    createdAt: new Date(d.gemaaktOp),
  });
}
