// The answers of the contact routes (server contact/), read by the casus page's journal panel.
import type { ContactSoort, CorrectieSoort, HuisbezoekProtocol, HuisbezoekStatus, OverrideRegel } from '../contact.ts';

/** One entry of the contact journal (GET /api/casussen/:id/contacten). */
export interface ContactItem {
  id: number;
  meldingId: number | null;
  soort: ContactSoort;
  soortLabel: string;
  opAfstand: boolean;
  begin: string;
  duurMinuten: number | null;
  personen: Array<{ id: number; naam: string }>;
  metMelder: boolean;
  professionals: Array<{ naam: string | null; organisatie: string; functie: string }>;
  medewerkers: Array<{ id: number; naam: string }>;
  politie: boolean;
  gezegd: string | null;
  gezien: string | null;
  afgesproken: string | null;
  /** Content withheld: a contact with the melder shown to a user who may not see the melder. */
  afgeschermd: boolean;
  correctieVan: number | null;
  correctieSoort: CorrectieSoort | null;
  /** Later entries that correct or add to this one. */
  gecorrigeerdIn: Array<{ id: number; soort: CorrectieSoort }>;
  huisbezoekId: number | null;
  vastgelegdDoor: string | null;
  vastgelegdOp: string;
}

/** A planned home visit with its gezondheidscheck, overrides and decision. */
export interface HuisbezoekItem {
  id: number;
  meldingId: number | null;
  gepland: string;
  medewerkers: Array<{ id: number; naam: string }>;
  politie: boolean;
  protocol: HuisbezoekProtocol;
  reden: string | null;
  redenLabel: string | null;
  toelichting: string | null;
  gezondheidscheck: { gedaanOp: string; antwoorden: Record<string, boolean>; toelichting?: string | null };
  overrides: Array<{ regel: OverrideRegel; label: string }>;
  status: HuisbezoekStatus;
  statusLabel: string;
  aangevraagdDoor: string | null;
  aangevraagdOp: string;
  beslotenDoor: string | null;
  beslotenOp: string | null;
  besluitToelichting: string | null;
}

export interface ContactJournaalAntwoord {
  casusId: number;
  contacten: ContactItem[];
  huisbezoeken: HuisbezoekItem[];
}

/** GET /api/huisbezoekprotocol */
export interface HuisbezoekProtocolAntwoord {
  protocol: HuisbezoekProtocol;
  label: string;
  sinds: string | null;
  volgende: { protocol: HuisbezoekProtocol; ingang: string } | null;
  historie: Array<{
    id: number;
    protocol: HuisbezoekProtocol;
    label: string;
    ingang: string;
    reden: string;
    door: string | null;
    vastgelegdOp: string | null;
  }>;
}
