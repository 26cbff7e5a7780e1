// The work queue (GET /api/werkvoorraad).
import type { Clock, ClockState } from '../clocks.ts';
import type { Proces } from '../melding.ts';
import type { MeldingStatus } from '../workflow.ts';

export interface WerkItem {
  meldingId: number;
  nummer: string;
  casusId: number;
  casusNummer: string;
  adres: string;
  status: MeldingStatus;
  proces: Proces;
  behandelaar: { id: number; naam: string } | null;
  ontvangenOp: string;
  eerstvolgende: Clock | null;
  klokStatus: ClockState;
  openKlokken: Clock[];
  /** The casus version, for Oppakken without reading the casus first. */
  casusVersie: number;
  /** Safety flags of the household's casus. */
  veiligheidsvlaggen?: string[];
}

export interface Werkvoorraad {
  vandaag: string;
  totaal: number;
  /** Meldingen matching the filters that are not listed: no relation with them (another team). */
  nietGetoond?: number;
  items: WerkItem[];
  tellingen: Partial<Record<Proces, Record<ClockState, number>>>;
  perBehandelaar: Array<{ behandelaarId: number | null; naam: string; aantal: number; teLaat: number }>;
}
