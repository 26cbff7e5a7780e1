// Shared pieces of the half-year report's parts: the part's props, per-month series and the running-period note.
import { type HalfjaarRapport, type KindGroep } from '@voordeur/domain';
import { getal, type Punt } from '../components/charts/schaal.ts';
import { datumLang, maandNaam, periodeMaanden } from './RapportageModel.ts';

export const KIND_NAAM: Record<KindGroep, string> = {
  totaal: 'Alle meldingen',
  metKinderen: 'Met kinderen',
  zonderKinderen: 'Zonder kinderen',
};

export type Deel = { r: HalfjaarRapport; o: ReadonlySet<string> };

export const NOG_NIET: Punt = { waarde: null, status: 'nogNiet' };
type MaandRij = ReturnType<typeof periodeMaanden>[number];

/** A per-month series over every month of the period: a month after today is 'nog niet', not 0. */
export function perMaand<T extends { maand: string }>(alle: MaandRij[], rijen: T[], f: (x: T) => Punt): Punt[] {
  return alle.map((m) => {
    const x = rijen.find((y) => y.maand === m.maand);
    return x ? f(x) : NOG_NIET;
  });
}

/** The note under a running period's monthly figures. */
export function LopendNoot({ r }: { r: HalfjaarRapport }) {
  const l = r.periode.lopend;
  if (!l) return null;
  return (
    <p className="rapport-lopend" data-testid="rapport-lopend">
      Deze periode loopt nog: de cijfers gaan tot en met vandaag ({datumLang(l.peildatum)}); de lopende maand is nog
      niet compleet.
      {l.nogNiet.length > 0 && ` ${l.nogNiet.map((m) => maandNaam(m)).join(', ')}: nog niet (geen cijfer, niet 0).`}
    </p>
  );
}

export const getalTekst = (v: number | null) => (v === null ? 'onderdrukt' : getal(v));
