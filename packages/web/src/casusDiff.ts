// What changed in a casus between the version a user loaded and the current one (after a 409
// versie_conflict): the safety flag, the casus status, per melding its status and behandelaar,
// new meldingen, new household members and new timeline entries. Computed by comparing the two
// casus answers (GET /api/casussen/:id), so it needs no history API.
import type { Casus } from './types.ts';

export type WijzigingSoort =
  'vlag' | 'casus_status' | 'melding_nieuw' | 'melding_status' | 'behandelaar' | 'huishouden' | 'tijdlijn';

export interface Wijziging {
  soort: WijzigingSoort;
  /** One line in Dutch, e.g. 'Melding ML0000012: status Ontvangen → Beoordeeld'. */
  tekst: string;
  meldingNummer?: string;
  /** For timeline entries: when, by whom and the entry's text. */
  at?: string;
  door?: string | null;
  detail?: string | null;
}

export interface CasusDiff {
  versieVan: number;
  versieNaar: number;
  wijzigingen: Wijziging[];
}

/** The parts of a casus the diff reads (older server answers may lack the flag). */
export type DiffCasus = Pick<Casus, 'versie' | 'status' | 'huishouden' | 'timeline'> & {
  veiligheidsvlag?: { vlaggen: string[]; toelichting: string | null } | null;
  meldingen: Array<Pick<Casus['meldingen'][number], 'id' | 'nummer' | 'status' | 'statusLabel' | 'behandelaar'>>;
};

export interface DiffLabels {
  /** Label of a code of list 'veiligheidsvlag'. */
  vlag: (code: string) => string;
}

const vlagOf = (c: DiffCasus) => ({
  vlaggen: c.veiligheidsvlag?.vlaggen ?? [],
  toelichting: c.veiligheidsvlag?.toelichting ?? null,
});

type TimelineEntry = Casus['timeline'][number];
const entryKey = (t: TimelineEntry) =>
  JSON.stringify([t.at, t.soort, t.titel, t.meldingNummer, t.tekst ?? null, t.door ?? null]);

/** Timeline entries in `nieuw` that were not in `oud` (as a multiset: identical entries count). */
export function nieuweTijdlijn(oud: TimelineEntry[], nieuw: TimelineEntry[]): TimelineEntry[] {
  const seen = new Map<string, number>();
  for (const t of oud) seen.set(entryKey(t), (seen.get(entryKey(t)) ?? 0) + 1);
  const out: TimelineEntry[] = [];
  for (const t of nieuw) {
    const k = entryKey(t);
    const n = seen.get(k) ?? 0;
    if (n > 0) seen.set(k, n - 1);
    else out.push(t);
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

export function diffCasus(oud: DiffCasus, nieuw: DiffCasus, labels: DiffLabels): CasusDiff {
  const w: Wijziging[] = [];

  const vo = vlagOf(oud);
  const vn = vlagOf(nieuw);
  const erbij = vn.vlaggen.filter((v) => !vo.vlaggen.includes(v));
  const eraf = vo.vlaggen.filter((v) => !vn.vlaggen.includes(v));
  const nieuwGezet = !vo.vlaggen.length && vn.vlaggen.length > 0;
  if (erbij.length)
    w.push({
      soort: 'vlag',
      tekst: `Veiligheidsvlag gezet: ${erbij.map(labels.vlag).join(', ')}`,
      ...(nieuwGezet ? { detail: vn.toelichting } : {}),
    });
  if (eraf.length)
    w.push({
      soort: 'vlag',
      tekst: vn.vlaggen.length
        ? `Veiligheidsvlag weggehaald: ${eraf.map(labels.vlag).join(', ')}`
        : `Veiligheidsvlag helemaal weggehaald (was: ${eraf.map(labels.vlag).join(', ')})`,
    });
  if (vn.vlaggen.length && !nieuwGezet && (vo.toelichting ?? '') !== (vn.toelichting ?? '')) {
    w.push({ soort: 'vlag', tekst: 'Toelichting bij de veiligheidsvlag gewijzigd', detail: vn.toelichting });
  }

  if (oud.status !== nieuw.status)
    w.push({
      soort: 'casus_status',
      tekst: nieuw.status === 'gesloten' ? 'De casus is gesloten' : 'De casus is heropend',
    });

  for (const m of nieuw.meldingen) {
    const o = oud.meldingen.find((x) => x.id === m.id);
    if (!o) {
      w.push({
        soort: 'melding_nieuw',
        meldingNummer: m.nummer,
        tekst: `Nieuwe melding ${m.nummer} (${m.statusLabel})`,
      });
      continue;
    }
    if (o.status !== m.status)
      w.push({
        soort: 'melding_status',
        meldingNummer: m.nummer,
        tekst: `Melding ${m.nummer}: status ${o.statusLabel} → ${m.statusLabel}`,
      });
    if ((o.behandelaar?.id ?? null) !== (m.behandelaar?.id ?? null)) {
      w.push({
        soort: 'behandelaar',
        meldingNummer: m.nummer,
        tekst: `Melding ${m.nummer}: behandelaar ${o.behandelaar?.naam ?? 'niet toegewezen'} → ${m.behandelaar?.naam ?? 'niet toegewezen'}`,
      });
    }
  }

  const oudeLeden = new Set(oud.huishouden.leden.map((l) => l.id));
  const nieuweLeden = nieuw.huishouden.leden.filter((l) => !oudeLeden.has(l.id));
  if (nieuweLeden.length)
    w.push({ soort: 'huishouden', tekst: `Nieuw in het huishouden: ${nieuweLeden.map((l) => l.naam).join(', ')}` });

  for (const t of nieuweTijdlijn(oud.timeline, nieuw.timeline)) {
    w.push({
      soort: 'tijdlijn',
      meldingNummer: t.meldingNummer,
      tekst: `${t.titel} (${t.meldingNummer})`,
      at: t.at,
      door: t.door ?? null,
      detail: t.tekst ?? null,
    });
  }

  return { versieVan: oud.versie, versieNaar: nieuw.versie, wijzigingen: w };
}
