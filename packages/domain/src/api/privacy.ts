// The JSON of the rights of persons involved and of dossier retention (GET /api/personen/:id/rechten,
// /api/rechten/verzoeken, /api/inzageverzoeken/…, /api/vernietigingsverzoeken/…,
// /api/bewaartermijn/rapport): declared once here, built by packages/server/src/privacy
// (rechten.ts, bewaartermijn.ts) and read by packages/web/src/pages/Privacy.tsx. Types only.
// Days are 'YYYY-MM-DD'; instants ISO 8601.

/** A coded value with its words: a signal, a refusal ground. */
export interface CodeLabel {
  code: string;
  label: string;
}

/** The 3-month clock of a destruction request (Wmo 2015 art. 5.3.5); 'bijna' = 14 days or fewer left. */
export interface Vernietigingstermijn {
  uiterlijkOp: string;
  /** null once the request is handled. */
  dagenResterend: number | null;
  status: 'lopend' | 'bijna' | 'verlopen' | 'afgehandeld';
}

/** A request for inzage or afschrift (Wmo 2015 art. 5.3.2) with its decision. */
export interface Inzageverzoek {
  id: number;
  persoonId: number;
  soort: 'inzage' | 'afschrift';
  verzoekerRelatie: string;
  verzoekerNaam: string | null;
  ontvangenOp: string;
  /** AVG art. 12 lid 3: within one month of receipt. */
  uiterlijkOp: string;
  /** null once decided. */
  dagenResterend: number | null;
  toelichting: string | null;
  /** What the system noticed (e.g. a child under 12 asks): a person decides whether a ground applies. */
  signalen: CodeLabel[];
  geregistreerdOp: string;
  geregistreerdDoor: { id: number; naam: string } | null;
  besluit: 'toegewezen' | 'deels_toegewezen' | 'afgewezen' | null;
  weigeringsgronden: CodeLabel[];
  motivering: string | null;
  beslotenOp: string | null;
  beslotenDoor: { id: number; naam: string } | null;
  verstrektOp: string | null;
  status: 'besloten' | 'open';
}

/** A request to destroy a person's data (Wmo 2015 art. 5.3.5). */
export interface Vernietigingsverzoek {
  id: number;
  persoonId: number;
  verzoekerRelatie: string;
  verzoekerNaam: string | null;
  ontvangenOp: string;
  toelichting: string | null;
  termijn: Vernietigingstermijn;
  geregistreerdOp: string;
  geregistreerdDoor: { id: number; naam: string } | null;
  besluit: 'toegewezen' | 'afgewezen' | null;
  weigeringsgrond: CodeLabel | null;
  motivering: string | null;
  melderMeldingIds: number[];
  beslotenOp: string | null;
  beslotenDoor: { id: number; naam: string } | null;
  uitgevoerdOp: string | null;
  uitgevoerdDoor: { id: number; naam: string } | null;
  status: 'uitgevoerd' | 'afgewezen' | 'toegewezen' | 'open';
}

/** One corrected field of a person, with the old value kept. */
export interface Correctie {
  id: number;
  veld: string;
  oudeWaarde: string | null;
  nieuweWaarde: string | null;
  reden: string;
  door: { id: number; naam: string };
  op: string;
}

/** The tombstone: all that is left of a destroyed person. */
export interface PersoonVernietigd {
  persoonId: number;
  vernietigdOp: string;
  door: number | null;
  grond: 'verzoek' | 'bewaartermijn';
  verzoekId: number | null;
  casusId: number | null;
}

/** GET /api/personen/:id/rechten: the person (or the tombstone), their requests and corrections. */
export interface RechtenVanPersoon {
  persoon: { id: number; naam: string; geboortedatum: string | null; bsn: string | null } | null;
  vernietigd: PersoonVernietigd | null;
  inzageverzoeken: Inzageverzoek[];
  vernietigingsverzoeken: Vernietigingsverzoek[];
  correcties: Correctie[];
}

/** A row of the worklist of requests (GET /api/rechten/verzoeken), open ones first by due date. */
export interface VerzoekRegel {
  soort: 'inzage' | 'afschrift' | 'vernietiging';
  id: number;
  persoonId: number;
  persoonNaam: string | null;
  ontvangenOp: string;
  uiterlijkOp: string;
  status: Inzageverzoek['status'] | Vernietigingsverzoek['status'];
  besluit: Inzageverzoek['besluit'] | Vernietigingsverzoek['besluit'];
}

// ---------------------------------------------------------------- dossier retention

/** A legal hold (bewaarblokkade) on a casus: stops destruction when its retention term ends. */
export interface Blokkade {
  id: number;
  reden: string;
  ingesteldOp: string;
  ingesteldDoor: { id: number; naam: string };
}

export interface BewaarItem {
  casusId: number;
  nummer: string;
  geslotenOp: string;
  bewaartermijnEinde: string;
  grondslag: 'jaren_na_sluiting' | 'jongste_kind_meerderjarig';
  blokkade: Blokkade | null;
  meldingen: number;
  personen: number;
  /** Persons who appear in no other casus and are destroyed with this one. */
  personenTeVernietigen: number;
}

/** The retention report (a dry run: it changes nothing). */
export interface BewaarRapport {
  peildatum: string;
  bewaartermijnJaren: number;
  totJongsteMeerderjarig: boolean;
  /** Due now and not held: destroyed by the next execution. */
  teVernietigen: BewaarItem[];
  /** Due now but held. */
  geblokkeerd: BewaarItem[];
  /** Due within the coming 90 days (BINNENKORT_DAGEN on the server). */
  binnenkort: BewaarItem[];
}
