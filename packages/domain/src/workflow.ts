// The Handelingsprotocol (2019) as an explicit state machine, per melding.
//
// Every melding gets its own veiligheidsbeoordeling (triagebesluit) within 5 werkdagen; then
// Veilig Thuis decides: overdracht, afsluiten, or a dienst (Voorwaarden en Vervolg, Onderzoek)
// that ends in overdracht or afsluiten within 10 weeks. After an overdracht Veilig Thuis
// monitors (monitoringcontacten: has help started, is it safe?); monitoring ends with afsluiten. A request to the Raad voor de Kinderbescherming,
// terugkoppeling to the melder and informing the persons involved are side actions that do
// not change the state.
import type { RegelFout } from './momenten.ts';

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
export const NEVEN_ACTIES = [
  'terugkoppeling',
  'informeren',
  'rvdk_verzoek',
  'onderzoek_uitkomst',
  'veiligheidsvoorwaarden',
  'monitoringcontact',
] as const;
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
  monitoringcontact: 'Monitoringcontact vastleggen',
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
  overgedragen: ['monitoringcontact', 'terugkoppeling', 'informeren', 'rvdk_verzoek'],
  afgesloten: ['terugkoppeling', 'informeren'],
};

/** Facts about a melding that guards need; all optional so callers pass what they have. */
export interface WorkflowContext {
  /** dienst Onderzoek: has an outcome been recorded for every type of violence investigated? */
  onderzoekUitkomstVastgelegd?: boolean;
  /**
   * Does the household have minor children (the melding's "huishouden met kinderen" on receipt, or a
   * minor in the household today)? A request to the Raad voor de Kinderbescherming is only for
   * households with minors. Unknown (undefined) does not restrict.
   */
  huishoudenMetKinderen?: boolean;
  /**
   * The terugkoppeling moments that apply now and are not yet recorded (see terugkoppelingMomenten).
   * An empty list: nothing to report back now, so the action is not offered. Unknown does not restrict.
   */
  openTerugkoppelingMomenten?: readonly TerugkoppelingMoment[];
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
  return [...out, ...NEVEN[status].filter((a) => guard(status, a, ctx) === null)];
}

function guard(status: MeldingStatus, actie: Actie, ctx: WorkflowContext): string | null {
  if (
    status === 'dienst_onderzoek' &&
    (actie === 'overdragen' || actie === 'afsluiten') &&
    !ctx.onderzoekUitkomstVastgelegd
  ) {
    return 'de dienst Onderzoek kan pas worden afgerond als de uitkomst per type geweld is vastgelegd';
  }
  if (actie === 'rvdk_verzoek' && ctx.huishoudenMetKinderen === false) {
    return 'Een verzoek tot onderzoek aan de Raad voor de Kinderbescherming kan alleen voor een huishouden met minderjarige kinderen; dit huishouden heeft geen kinderen';
  }
  if (actie === 'terugkoppeling' && ctx.openTerugkoppelingMomenten && ctx.openTerugkoppelingMomenten.length === 0) {
    return 'Er is nu geen terugkoppeling aan de melder vast te leggen: elke terugkoppeling die van toepassing is, is al vastgelegd';
  }
  return null;
}

export function isTransitie(actie: Actie): actie is TransitieActie {
  return (TRANSITIE_ACTIES as readonly string[]).includes(actie);
}

/** Decide whether an action may happen in the current state; returns the new state or why not. */
export function transition(
  status: MeldingStatus,
  actie: Actie,
  ctx: WorkflowContext = {},
): TransitionOk | TransitionRefused {
  const allowed = allowedActions(status, ctx);
  if (!isTransitie(actie)) {
    if (NEVEN[status].includes(actie)) {
      const g = guard(status, actie, ctx);
      if (g) return { ok: false, from: status, actie, allowed, reason: g };
      return { ok: true, from: status, to: status };
    }
    return {
      ok: false,
      from: status,
      actie,
      allowed,
      reason: `'${ACTIE_LABEL[actie]}' is niet mogelijk in status '${MELDING_STATUS_LABEL[status]}'`,
    };
  }
  const to = TRANSITIES[status][actie];
  if (!to) {
    return {
      ok: false,
      from: status,
      actie,
      allowed,
      reason: `'${ACTIE_LABEL[actie]}' is niet mogelijk in status '${MELDING_STATUS_LABEL[status]}'`,
    };
  }
  const g = guard(status, actie, ctx);
  if (g) return { ok: false, from: status, actie, allowed, reason: g };
  return { ok: true, from: status, to };
}

// ---- Consistency rules of the steps (checked by the server, shown by the forms) ------------

/** A refused step: the field it is about, a stable rule id and a Dutch message. */
export type StapFout = RegelFout;

/** Codes of the list beoordeling_uitkomst that the two questions of the beoordeling decide. */
export const UITKOMST_ACUUT = 'acute_onveiligheid';
export const UITKOMST_STRUCTUREEL = 'structurele_onveiligheid';
const UITKOMST_LABEL: Record<string, string> = {
  [UITKOMST_ACUUT]: '(vermoeden van) acute onveiligheid',
  [UITKOMST_STRUCTUREEL]: '(vermoeden van) structurele onveiligheid',
};

/**
 * The veiligheidsbeoordeling asks two questions in order (Handelingsprotocol 2019): is there acute
 * onveiligheid, then is there structurele onveiligheid. The outcome category (reporting, seed 002)
 * is the most serious answer:
 *
 * | acute | structureel | allowed uitkomst |
 * | --- | --- | --- |
 * | ja  | ja or nee | acute_onveiligheid only |
 * | nee | ja        | structurele_onveiligheid only |
 * | nee | nee       | any other: eenmalige_onveilige_situatie, andere_leefdomeinen, geen_zorgen (and codes beheer adds later) |
 *
 * So: uitkomst acute ⇔ acute = ja; uitkomst structureel ⇔ acute = nee and structureel = ja.
 * `codes` is the current code list (reference data); the result keeps its order.
 */
export function toegestaneUitkomsten(
  acute: boolean | undefined,
  structureel: boolean | undefined,
  codes: readonly string[],
): string[] {
  if (acute === true) return codes.filter((c) => c === UITKOMST_ACUUT);
  if (acute === false && structureel === true) return codes.filter((c) => c === UITKOMST_STRUCTUREEL);
  if (acute === false && structureel === false)
    return codes.filter((c) => c !== UITKOMST_ACUUT && c !== UITKOMST_STRUCTUREEL);
  // A question not answered yet: only what the answered one still allows.
  if (acute === undefined && structureel === false) return codes.filter((c) => c !== UITKOMST_STRUCTUREEL);
  if (acute === undefined && structureel === true)
    return codes.filter((c) => c === UITKOMST_ACUUT || c === UITKOMST_STRUCTUREEL);
  return [...codes];
}

/** The rule above for one beoordeling: null when consistent, else the error on field `uitkomst`. */
export function beoordelingRegel(b: {
  acuteOnveiligheid: boolean;
  structureleOnveiligheid: boolean;
  uitkomst: string;
}): StapFout | null {
  const { acuteOnveiligheid: acute, structureleOnveiligheid: structureel, uitkomst } = b;
  if (uitkomst === UITKOMST_ACUUT && !acute) {
    return {
      field: 'uitkomst',
      rule: 'acuut_vraagt_acute_onveiligheid',
      message:
        'De uitkomst ‘(vermoeden van) acute onveiligheid’ kan alleen als de vraag naar acute onveiligheid met ja is beantwoord',
    };
  }
  if (acute && uitkomst !== UITKOMST_ACUUT) {
    return {
      field: 'uitkomst',
      rule: 'acute_onveiligheid_vraagt_uitkomst_acuut',
      message: 'Bij acute onveiligheid (ja) is de uitkomst ‘(vermoeden van) acute onveiligheid’',
    };
  }
  if (uitkomst === UITKOMST_STRUCTUREEL && !structureel) {
    return {
      field: 'uitkomst',
      rule: 'structureel_vraagt_structurele_onveiligheid',
      message:
        'De uitkomst ‘(vermoeden van) structurele onveiligheid’ kan alleen als de vraag naar structurele onveiligheid met ja is beantwoord',
    };
  }
  if (!acute && structureel && uitkomst !== UITKOMST_STRUCTUREEL) {
    return {
      field: 'uitkomst',
      rule: 'structurele_onveiligheid_vraagt_uitkomst_structureel',
      message:
        'Bij structurele onveiligheid (ja) zonder acute onveiligheid is de uitkomst ‘(vermoeden van) structurele onveiligheid’',
    };
  }
  return null;
}

/** Is this an outcome of (suspected) acute or structural unsafety? */
export function isOnveiligeUitkomst(uitkomst: string | null | undefined): boolean {
  return uitkomst === UITKOMST_ACUUT || uitkomst === UITKOMST_STRUCTUREEL;
}

/** Afsluitreden "Geen (meer) sprake van onveiligheid" (list afsluitreden). */
export const AFSLUITREDEN_GEEN_ONVEILIGHEID = 'geen_onveiligheid';

/**
 * Closing a melding with "geen (meer) sprake van onveiligheid" says the unsafety is over. After a
 * beoordeling of acute or structurele onveiligheid that needs something in between that made it
 * safe: a dienst (Voorwaarden en Vervolg or Onderzoek) or an overdracht with monitoring. Closing
 * directly after such a beoordeling with that reason is refused; other reasons (e.g. "passende hulp
 * al aanwezig", "verhuisd") stay possible.
 */
export function afsluitenRegel(f: {
  reden: string;
  beoordelingUitkomst: string | null | undefined;
  dienstOfOverdracht: boolean;
}): StapFout | null {
  if (
    f.reden === AFSLUITREDEN_GEEN_ONVEILIGHEID &&
    isOnveiligeUitkomst(f.beoordelingUitkomst) &&
    !f.dienstOfOverdracht
  ) {
    return {
      field: 'reden',
      rule: 'onveiligheid_zonder_dienst',
      message: `De veiligheidsbeoordeling kwam uit op ${UITKOMST_LABEL[f.beoordelingUitkomst!]}; zonder dienst of overdracht daarna kan de melding niet worden afgesloten met ‘Geen (meer) sprake van onveiligheid’`,
    };
  }
  return null;
}

/** The moments of terugkoppeling to the melder (Wmo 2015 art. 4.1.1 lid 2 g). */
export const TERUGKOPPELING_MOMENTEN = ['na_beoordeling', 'na_onderzoek'] as const;
export type TerugkoppelingMoment = (typeof TERUGKOPPELING_MOMENTEN)[number];
export const TERUGKOPPELING_MOMENT_LABEL: Record<TerugkoppelingMoment, string> = {
  na_beoordeling: 'Na de veiligheidsbeoordeling',
  na_onderzoek: 'Na het onderzoek',
};

/**
 * The terugkoppeling moments that apply now and are not recorded yet: after the veiligheidsbeoordeling
 * once it is recorded; after the onderzoek once a dienst Onderzoek has its outcome recorded.
 */
export function terugkoppelingMomenten(f: {
  beoordeeld: boolean;
  onderzoekUitkomstVastgelegd: boolean;
  gedaan: readonly string[];
}): TerugkoppelingMoment[] {
  const out: TerugkoppelingMoment[] = [];
  if (f.beoordeeld && !f.gedaan.includes('na_beoordeling')) out.push('na_beoordeling');
  if (f.onderzoekUitkomstVastgelegd && !f.gedaan.includes('na_onderzoek')) out.push('na_onderzoek');
  return out;
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
