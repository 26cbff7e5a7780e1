// Reference data (GET /api/referentie, GET /api/gelijkgestelde-dagen): code lists, gemeenten, teams, users, processes.
import type { Proces } from '../melding.ts';

/** A code-list item as the API sends it (groep and subgroep null when absent). */
export interface CodelijstItem {
  code: string;
  label: string;
  groep: string | null;
  subgroep: string | null;
}

export interface Referentie {
  codelijsten: Record<string, { versie: string; items: CodelijstItem[] }>;
  gemeenten: Array<{ code: string; naam: string; teamId: number | null }>;
  teams: Array<{ id: number; naam: string }>;
  medewerkers: Array<{ id: number; naam: string; rollen: string[]; teamId: number | null }>;
  processen: Proces[];
  /** The home-visit protocol in force (roles that read it: case workers), shown on every page. */
  huisbezoekprotocol?: { protocol: 'ja_tenzij' | 'nee_tenzij'; label: string; sinds: string | null };
}

export interface GelijkgesteldeDag {
  datum: string;
  naam: string;
}
