// Documents that leave the screen: a print of a casus (JSON for the print layout, or PDF) and a
// person's access overview as PDF. A casus print never shows a protected melder: the melder block
// is left out and the melder's name, organisation, phone and e-mail are redacted from free text.
import { casusDetail } from '../casus/detail.ts';
import type { Db } from '../db/index.ts';
import type { OverzichtRegel } from '../audit/search.ts';
import { melderStatus, protectedMelderRedactor } from './melder.ts';
import { renderPdf, type PdfBlock } from './pdf.ts';
import * as pq from './queries.ts';
import { redactDeep } from './redact.ts';

const tijd = (d: string | null | undefined) =>
  d
    ? new Intl.DateTimeFormat('nl-NL', {
        timeZone: 'Europe/Amsterdam',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }).format(new Date(d))
    : '–';

export async function casusAfdruk(db: Db, casusId: number, now: Date, melderZichtbaar: boolean) {
  const d = await casusDetail(db, casusId, now, { melderZichtbaar, beschermdeMelderVerbergen: true });
  const statuses = await melderStatus(
    db,
    d.meldingen.map((m) => m.id),
  );
  const r = protectedMelderRedactor(statuses.values());
  // Leave out what only serves the screen (actions, clocks); redact every string that remains.
  const { clientIds, ...rest } = d;
  const afdruk = redactDeep({ ...rest, meldingen: rest.meldingen.map(({ acties, clocks, ...m }) => m) }, r);
  const melderGetoond = afdruk.meldingen.some((m) => m.melder !== null);
  return { afdruk, clientIds, melderGetoond };
}

type CasusAfdruk = Awaited<ReturnType<typeof casusAfdruk>>['afdruk'];

export function casusAfdrukPdf(a: CasusAfdruk, organisatie: string, now: Date): Buffer {
  const b: PdfBlock[] = [];
  b.push({ type: 'title', text: `Casus ${a.nummer}` });
  b.push({
    type: 'note',
    text: `Afgedrukt op ${tijd(now.toISOString())}. Vertrouwelijk: bevat persoonsgegevens (Wmo 2015 hoofdstuk 5.3). Een beschermde melder is niet opgenomen.`,
  });
  b.push({ type: 'field', label: 'Status', value: a.status });
  b.push({ type: 'field', label: 'Team', value: a.team.naam });
  b.push({ type: 'field', label: 'Geopend', value: tijd(a.geopendOp) });
  if (a.geslotenOp) b.push({ type: 'field', label: 'Gesloten', value: tijd(a.geslotenOp) });
  b.push({ type: 'heading', text: 'Huishouden' });
  b.push({ type: 'field', label: 'Adres', value: a.huishouden.adres });
  for (const l of a.huishouden.leden)
    b.push({
      type: 'field',
      label: l.rol,
      value: `${l.naam}${l.geboortedatumLabel ? `, geboren ${l.geboortedatumLabel}` : ''}${l.bsn ? `, BSN ${l.bsn}` : ''}`,
    });
  for (const m of a.meldingen) {
    b.push({ type: 'heading', text: `Melding ${m.nummer} — ${m.statusLabel}` });
    b.push({ type: 'field', label: 'Ontvangen', value: tijd(m.ontvangenOp) });
    b.push({
      type: 'field',
      label: 'Melder',
      value: m.melder
        ? [m.melder.naam, m.melder.functie, m.melder.organisatie].filter(Boolean).join(', ') || m.melderHoedanigheid
        : 'afgeschermd (artikel 4.1.8 lid 3 Uitvoeringsbesluit Wmo 2015)',
    });
    b.push({ type: 'field', label: 'Betrokkenen', value: m.betrokkenen.map((x) => `${x.naam} (${x.rol})`).join(', ') });
    b.push({ type: 'field', label: 'Omschrijving', value: m.omschrijving });
    if (m.beoordeling)
      b.push({
        type: 'field',
        label: 'Veiligheidsbeoordeling',
        value: `${m.beoordeling.uitkomst}: ${m.beoordeling.motivering}`,
      });
  }
  b.push({ type: 'heading', text: 'Tijdlijn' });
  for (const t of a.timeline)
    b.push({ type: 'field', label: tijd(t.at), value: `${t.titel}${t.tekst ? `: ${t.tekst}` : ''}` });
  return renderPdf({
    title: `Casus ${a.nummer}`,
    footer: `${organisatie} · casus ${a.nummer} · vertrouwelijk`,
    blocks: b,
    createdAt: now,
  });
}

export async function organisatieNaam(db: Db): Promise<string> {
  return (await pq.organisatieNaam(db)) ?? 'Veilig Thuis';
}

export function toegangsoverzichtPdf(
  o: { persoon: { id: number; naam: string | null }; regels: OverzichtRegel[]; van?: string; tot?: string },
  organisatie: string,
  now: Date,
): Buffer {
  const b: PdfBlock[] = [];
  b.push({ type: 'title', text: 'Wie heeft uw gegevens ingezien' });
  b.push({
    type: 'note',
    text: `Overzicht uit het toegangslog van ${organisatie} (NEN 7513), gemaakt op ${tijd(now.toISOString())}${o.van || o.tot ? `, periode ${o.van ?? 'begin'} tot en met ${o.tot ?? 'nu'}` : ''}. In volgorde van tijd.`,
  });
  if (o.persoon.naam) b.push({ type: 'field', label: 'Betreft', value: o.persoon.naam });
  if (o.regels.length === 0) b.push({ type: 'text', text: 'Er is in deze periode niemand bij uw gegevens geweest.' });
  for (const r of o.regels) {
    b.push({
      type: 'field',
      label: tijd(r.at),
      value: `${r.medewerker ? `${r.medewerker.naam} (${r.medewerker.functie})` : 'systeem'}: ${r.wat} ${r.actieLabel}${r.doel ? ` — ${r.doel}` : ''}${r.uitkomst !== 'gelukt' ? ` (${r.uitkomst})` : ''}`,
    });
  }
  return renderPdf({
    title: 'Overzicht toegang tot uw gegevens',
    footer: `${organisatie} · toegangsoverzicht · vertrouwelijk`,
    blocks: b,
    createdAt: now,
  });
}
