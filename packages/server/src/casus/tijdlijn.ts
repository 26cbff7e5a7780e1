// The timeline of a casus: every recorded moment of its meldingen, oldest first.
import { HULP_GESTART_LABEL, VEILIG_LABEL } from '@voordeur/domain';
import type { HuisbezoekItem } from '../contact/huisbezoek.ts';
import { contactTekst, contactTitel, type ContactItem } from '../contact/service.ts';
import type { MeldingRow } from './queries.ts';

export interface TijdlijnItem {
  at: string;
  soort: string;
  titel: string;
  tekst?: string | null;
  meldingNummer: string;
  door?: string | null;
}

export const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);
const at = (d: Date | string) => new Date(d).toISOString();

/** The user ids a melding's steps reference (for loading only their names). */
export function gebruikersVan(m: MeldingRow): number[] {
  const ids: Array<number | null | undefined> = [
    m.geregistreerd_door,
    m.behandelaar_id,
    m.beoordeling?.besloten_door,
    m.beoordeling?.getoetst_door,
    m.dienst?.gestart_door,
    ...(m.dienst?.veiligheidsvoorwaarden ?? []).map((v) => v.door),
    m.overdracht?.door,
    m.afsluiting?.door,
    ...m.terugkoppelingen.map((t) => t.door),
    ...m.monitoringcontacten.map((x) => x.door),
    ...m.rvdk_verzoeken.map((r) => r.door),
    ...m.informering.map((i) => i.door),
  ];
  return ids.filter((x): x is number => typeof x === 'number');
}

/** The timeline items of one melding (unsorted). */
export function tijdlijnVan(m: MeldingRow, naamVan: (id: number | null | undefined) => string | null): TijdlijnItem[] {
  const out: TijdlijnItem[] = [];
  const nr = m.nummer;
  out.push({
    at: at(m.ontvangen_op),
    soort: 'melding',
    titel: `Melding ${nr} ontvangen`,
    tekst: m.omschrijving,
    meldingNummer: nr,
    door: naamVan(m.geregistreerd_door),
  });
  // Registered more than an hour after receipt (a night call, a CORV batch): both moments are shown; the clock runs from receipt.
  if (Math.abs(new Date(m.geregistreerd_op).getTime() - new Date(m.ontvangen_op).getTime()) > 3600_000)
    out.push({
      at: at(m.geregistreerd_op),
      soort: 'registratie',
      titel: `Melding ${nr} geregistreerd`,
      tekst: 'Later geregistreerd dan ontvangen: de termijn loopt vanaf het ontvangstmoment.',
      meldingNummer: nr,
      door: naamVan(m.geregistreerd_door),
    });
  const vb = m.beoordeling;
  if (vb)
    out.push({
      at: at(vb.vastgesteld_op),
      soort: 'beoordeling',
      titel: 'Veiligheidsbeoordeling',
      tekst: vb.motivering,
      meldingNummer: nr,
      door: `${naamVan(vb.besloten_door)} (getoetst door ${naamVan(vb.getoetst_door)})`,
    });
  const dn = m.dienst;
  if (dn) {
    out.push({
      at: at(dn.gestart_op),
      soort: 'dienst',
      titel: dn.soort === 'onderzoek' ? 'Dienst Onderzoek gestart' : 'Dienst Voorwaarden en Vervolg gestart',
      tekst: dn.toelichting,
      meldingNummer: nr,
      door: naamVan(dn.gestart_door),
    });
    for (const v of dn.veiligheidsvoorwaarden ?? [])
      out.push({
        at: v.op,
        soort: 'voorwaarden',
        titel: 'Veiligheidsvoorwaarde',
        tekst: v.tekst,
        meldingNummer: nr,
        door: naamVan(v.door),
      });
    if (dn.afgesloten_op)
      out.push({ at: at(dn.afgesloten_op), soort: 'dienst', titel: 'Dienst afgerond', meldingNummer: nr });
  }
  const ov = m.overdracht;
  if (ov)
    out.push({
      at: at(ov.overgedragen_op),
      soort: 'overdracht',
      titel: `Overgedragen aan ${ov.ontvanger_naam}${ov.warm ? ' (warme overdracht)' : ''}`,
      tekst: ov.monitoring_afspraken,
      meldingNummer: nr,
      door: naamVan(ov.door),
    });
  const af = m.afsluiting;
  if (af)
    out.push({
      at: at(af.afgesloten_op),
      soort: 'afsluiting',
      titel: 'Afgesloten',
      tekst: af.toelichting,
      meldingNummer: nr,
      door: naamVan(af.door),
    });
  for (const t of m.terugkoppelingen)
    out.push({
      at: at(t.gedaan_op),
      soort: 'terugkoppeling',
      titel: `Terugkoppeling aan melder (${t.moment === 'na_onderzoek' ? 'na onderzoek' : 'na beoordeling'})`,
      tekst: t.inhoud,
      meldingNummer: nr,
      door: naamVan(t.door),
    });
  for (const x of m.monitoringcontacten)
    out.push({
      at: at(x.gedaan_op),
      soort: 'monitoring',
      titel: `Monitoringcontact: hulp gestart ${HULP_GESTART_LABEL[x.hulp_gestart].toLowerCase()}, veilig ${VEILIG_LABEL[x.veilig].toLowerCase()}`,
      tekst: x.bevindingen,
      meldingNummer: nr,
      door: naamVan(x.door),
    });
  for (const r of m.rvdk_verzoeken)
    out.push({
      at: at(r.verzocht_op),
      soort: 'rvdk',
      titel: 'Verzoek tot onderzoek aan de Raad voor de Kinderbescherming',
      tekst: r.motivering,
      meldingNummer: nr,
      door: naamVan(r.door),
    });
  for (const i of m.informering)
    if (i.geinformeerd_op)
      out.push({
        at: at(i.geinformeerd_op),
        soort: 'informeren',
        titel: `Betrokkene geïnformeerd${i.wijze ? ` (${i.wijze})` : ''}`,
        meldingNummer: nr,
        door: naamVan(i.door),
      });
  return out;
}

/** Journal entries in the timeline: one item per contact, at its start. */
export function contactTijdlijn(
  contacten: ContactItem[],
  nummerVan: (meldingId: number | null) => string,
): TijdlijnItem[] {
  return contacten.map((c) => ({
    at: c.begin,
    soort: 'contact',
    titel: contactTitel(c),
    tekst: contactTekst(c),
    meldingNummer: nummerVan(c.meldingId),
    door: c.medewerkers.map((m) => m.naam).join(', '),
  }));
}

/** Planned home visits in the timeline: the request (with every override and its reason) and the decision. */
export function huisbezoekTijdlijn(
  bezoeken: HuisbezoekItem[],
  nummerVan: (meldingId: number | null) => string,
): TijdlijnItem[] {
  const out: TijdlijnItem[] = [];
  const dt = (d: string) =>
    new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(d),
    );
  for (const b of bezoeken) {
    const overrides = b.overrides.map((o) => o.label).join('; ');
    out.push({
      at: b.aangevraagdOp,
      soort: 'huisbezoek',
      titel: `Huisbezoek ${b.overrides.some((o) => o.regel !== 'acute_onveiligheid') ? 'aangevraagd' : 'gepland'} voor ${dt(b.gepland)}${b.politie ? ' (met politie)' : ''}`,
      tekst: [
        overrides ? `Afwijking: ${overrides}.` : null,
        b.redenLabel ? `Reden: ${b.redenLabel}.` : null,
        b.toelichting,
        `Met: ${b.medewerkers.map((m) => m.naam).join(', ')}${b.politie ? ', politie' : ''}.`,
      ]
        .filter(Boolean)
        .join(' '),
      meldingNummer: nummerVan(b.meldingId),
      door: b.aangevraagdDoor,
    });
    if (b.beslotenOp)
      out.push({
        at: b.beslotenOp,
        soort: 'huisbezoek',
        titel: `Huisbezoek ${b.status === 'afgewezen' ? 'afgewezen' : 'goedgekeurd'}${overrides ? ` (afwijking: ${overrides})` : ''}`,
        tekst: b.besluitToelichting,
        meldingNummer: nummerVan(b.meldingId),
        door: b.beslotenDoor,
      });
  }
  return out;
}
