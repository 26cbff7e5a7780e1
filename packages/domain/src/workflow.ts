// The Handelingsprotocol (2019) as an explicit state machine, per melding.
//
// Every melding gets its own veiligheidsbeoordeling (triagebesluit) within 5 werkdagen; then
// Veilig Thuis decides: overdracht, afsluiten, or a dienst (Voorwaarden en Vervolg, Onderzoek)
// that ends in overdracht or afsluiten within 10 weeks. After an overdracht Veilig Thuis
// monitors; monitoring ends with afsluiten. A request to the Raad voor de Kinderbescherming,
// terugkoppeling to the melder and informing the persons involved are side actions that do
// not change the state.

export const MELDING_STATUSSEN = [
  'ontvangen', // received, veiligheidsbeoordeling pending
  'beoordeeld', // veiligheidsbeoordeling recorded, besluit pending
  'dienst_vv', // dienst Voorwaarden en Vervolg running
  'dienst_onderzoek', // dienst Onderzoek running
  'overgedragen', // handed over; Veilig Thuis monitors
  'afgesloten', // closed
] as const;
export type MeldingStatus = (typeof MELDING_STATUSSEN)[number];

export const MELDING_STATUS_LABEL: Record<MeldingStatus, string> = {
  ontvangen: 'Ontvangen – veiligheidsbeoordeling',
  beoordeeld: 'Beoordeeld – besluit nemen',
  dienst_vv: 'Dienst Voorwaarden en Vervolg',
  dienst_onderzoek: 'Dienst Onderzoek',
  overgedragen: 'Overgedragen – monitoring',
  afgesloten: 'Afgesloten',
};

/** Actions that move a melding to another state. */
export const TRANSITIE_ACTIES = [
  'veiligheidsbeoordeling',
  'dienst_voorwaarden_en_vervolg',
  'dienst_onderzoek',
  'overdragen',
  'afsluiten',
] as const;
export type TransitieActie = (typeof TRANSITIE_ACTIES)[number];

/** Actions that record something without changing the state. */
export const NEVEN_ACTIES = ['terugkoppeling', 'informeren', 'rvdk_verzoek', 'onderzoek_uitkomst', 'veiligheidsvoorwaarden'] as const;
export type NevenActie = (typeof NEVEN_ACTIES)[number];
export type Actie = TransitieActie | NevenActie;

export const ACTIE_LABEL: Record<Actie, string> = {
  veiligheidsbeoordeling: 'Veiligheidsbeoordeling vastleggen',
  dienst_voorwaarden_en_vervolg: 'Dienst Voorwaarden en Vervolg starten',
  dienst_onderzoek: 'Dienst Onderzoek starten',
  overdragen: 'Overdragen',
  afsluiten: 'Afsluiten',
  terugkoppeling: 'Terugkoppeling aan melder vastleggen',
  informeren: 'Informeren betrokkenen vastleggen',
  rvdk_verzoek: 'Verzoek tot onderzoek aan de Raad voor de Kinderbescherming',
  onderzoek_uitkomst: 'Uitkomst onderzoek vastleggen',
  veiligheidsvoorwaarden: 'Veiligheidsvoorwaarden vastleggen',
};

const TRANSITIES: Record<MeldingStatus, Partial<Record<TransitieActie, MeldingStatus>>> = {
  ontvangen: { veiligheidsbeoordeling: 'beoordeeld' },
  beoordeeld: {
    dienst_voorwaarden_en_vervolg: 'dienst_vv',
    dienst_onderzoek: 'dienst_onderzoek',
    overdragen: 'overgedragen',
    afsluiten: 'afgesloten',
  },
  dienst_vv: { overdragen: 'overgedragen', afsluiten: 'afgesloten' },
  dienst_onderzoek: { overdragen: 'overgedragen', afsluiten: 'afgesloten' },
  overgedragen: { afsluiten: 'afgesloten' },
  afgesloten: {},
};

const NEVEN: Record<MeldingStatus, NevenActie[]> = {
  ontvangen: ['informeren', 'rvdk_verzoek'],
  beoordeeld: ['terugkoppeling', 'informeren', 'rvdk_verzoek'],
  dienst_vv: ['terugkoppeling', 'informeren', 'rvdk_verzoek', 'veiligheidsvoorwaarden'],
  dienst_onderzoek: ['terugkoppeling', 'informeren', 'rvdk_verzoek', 'onderzoek_uitkomst', 'veiligheidsvoorwaarden'],
  overgedragen: ['terugkoppeling', 'informeren', 'rvdk_verzoek'],
  afgesloten: ['terugkoppeling', 'informeren'],
};

/** Facts about a melding that guards need; all optional so callers pass what they have. */
export interface WorkflowContext {
  /** dienst Onderzoek: has an outcome been recorded for every type of violence investigated? */
  onderzoekUitkomstVastgelegd?: boolean;
}

export interface TransitionOk {
  ok: true;
  from: MeldingStatus;
  to: MeldingStatus;
}
export interface TransitionRefused {
  ok: false;
  from: MeldingStatus;
  actie: Actie;
  reason: string;
  allowed: Actie[];
}

export function allowedActions(status: MeldingStatus, ctx: WorkflowContext = {}): Actie[] {
  const out: Actie[] = [];
  for (const a of Object.keys(TRANSITIES[status]) as TransitieActie[]) {
    if (guard(status, a, ctx) === null) out.push(a);
  }
  return [...out, ...NEVEN[status]];
}

function guard(status: MeldingStatus, actie: TransitieActie, ctx: WorkflowContext): string | null {
  if (status === 'dienst_onderzoek' && (actie === 'overdragen' || actie === 'afsluiten') && !ctx.onderzoekUitkomstVastgelegd) {
    return 'de dienst Onderzoek kan pas worden afgerond als de uitkomst per type geweld is vastgelegd';
  }
  return null;
}

export function isTransitie(actie: Actie): actie is TransitieActie {
  return (TRANSITIE_ACTIES as readonly string[]).includes(actie);
}

/** Decide whether an action may happen in the current state; returns the new state or why not. */
export function transition(status: MeldingStatus, actie: Actie, ctx: WorkflowContext = {}): TransitionOk | TransitionRefused {
  const allowed = allowedActions(status, ctx);
  if (!isTransitie(actie)) {
    if (NEVEN[status].includes(actie)) return { ok: true, from: status, to: status };
    return { ok: false, from: status, actie, allowed, reason: `'${ACTIE_LABEL[actie]}' is niet mogelijk in status '${MELDING_STATUS_LABEL[status]}'` };
  }
  const to = TRANSITIES[status][actie];
  if (!to) {
    return { ok: false, from: status, actie, allowed, reason: `'${ACTIE_LABEL[actie]}' is niet mogelijk in status '${MELDING_STATUS_LABEL[status]}'` };
  }
  const g = guard(status, actie, ctx);
  if (g) return { ok: false, from: status, actie, allowed, reason: g };
  return { ok: true, from: status, to };
}

export function isOpen(status: MeldingStatus): boolean {
  return status !== 'afgesloten';
}

/** Which dienst a status is in, if any. */
export function dienstSoort(status: MeldingStatus): 'voorwaarden_en_vervolg' | 'onderzoek' | null {
  if (status === 'dienst_vv') return 'voorwaarden_en_vervolg';
  if (status === 'dienst_onderzoek') return 'onderzoek';
  return null;
}

// ---- Werkvoorraad processes -------------------------------------------------------------

export const PROCESSEN = ['bureaudienst', 'veiligheidsbeoordeling', 'diensten', 'monitoring'] as const;
export type Proces = (typeof PROCESSEN)[number];
export const PROCES_LABEL: Record<Proces, string> = {
  bureaudienst: 'Bureaudienst / triage',
  veiligheidsbeoordeling: 'Veiligheidsbeoordeling',
  diensten: 'Diensten',
  monitoring: 'Monitoring',
};

/**
 * The werkvoorraad process a melding belongs to. A received melding without a behandelaar
 * waits in the bureaudienst (triage: who takes it); once assigned it is in the
 * veiligheidsbeoordeling until the besluit is taken.
 */
export function procesVan(status: MeldingStatus, heeftBehandelaar: boolean): Proces | null {
  switch (status) {
    case 'ontvangen':
      return heeftBehandelaar ? 'veiligheidsbeoordeling' : 'bureaudienst';
    case 'beoordeeld':
      return 'veiligheidsbeoordeling';
    case 'dienst_vv':
    case 'dienst_onderzoek':
      return 'diensten';
    case 'overgedragen':
      return 'monitoring';
    case 'afgesloten':
      return null;
  }
}
