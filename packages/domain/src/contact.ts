// Contact with the household: the contact journal (contactjournaal) and the home-visit protocol
// (huisbezoekprotocol "ja, tenzij" / "nee, tenzij"). Pure rules, shared by the server (which refuses a
// violation with a 400 naming the field and the rule) and the web app (which shows the same message
// before sending). Every rule names its source; docs/contact.md lists them.
import { z } from 'zod';
import { ligtInToekomst, type RegelFout } from './momenten.ts';
import { toLocalDate, type LocalDate } from './werkdagen.ts';

// ---------------------------------------------------------------------------- the journal

export const CONTACT_SOORTEN = [
  'huisbezoek',
  'telefoon',
  'beeldbellen',
  'gesprek_kantoor',
  'gesprek_school',
  'kindgesprek',
  'schriftelijk',
] as const;
export type ContactSoort = (typeof CONTACT_SOORTEN)[number];

export const CONTACT_SOORT_LABEL: Record<ContactSoort, string> = {
  huisbezoek: 'Huisbezoek',
  telefoon: 'Telefoon',
  beeldbellen: 'Beeldbellen',
  gesprek_kantoor: 'Gesprek op kantoor',
  gesprek_school: 'Gesprek op school/opvang',
  kindgesprek: 'Kindgesprek',
  schriftelijk: 'Schriftelijk',
};

/**
 * Contact kinds in which nobody of Veilig Thuis sees the household (seed 001: remote contact misses
 * tidiness, smell, who sleeps where, parent–child interaction). The rest is face to face.
 */
export const OP_AFSTAND: readonly ContactSoort[] = ['telefoon', 'beeldbellen', 'schriftelijk'];
export const isOpAfstand = (s: ContactSoort): boolean => OP_AFSTAND.includes(s);

export const CORRECTIE_SOORTEN = ['correctie', 'aanvulling'] as const;
export type CorrectieSoort = (typeof CORRECTIE_SOORTEN)[number];
export const CORRECTIE_SOORT_LABEL: Record<CorrectieSoort, string> = {
  correctie: 'Correctie',
  aanvulling: 'Aanvulling',
};

const id = z.number().int().positive().max(2_147_483_647);
const tijdstip = z.iso.datetime({ offset: true, message: 'Geef een tijdstip als 2026-03-01T14:30:00+01:00' });
const tekst = (max: number) => z.string().trim().max(max, `Maximaal ${max} tekens`).optional().nullable();

export const professionalSchema = z.object({
  naam: z.string().trim().max(200, 'Maximaal 200 tekens').optional().nullable(),
  organisatie: z.string().trim().min(1, 'Verplicht veld').max(200, 'Maximaal 200 tekens'),
  functie: z.string().trim().min(1, 'Verplicht veld').max(200, 'Maximaal 200 tekens'),
});
export type Professional = z.infer<typeof professionalSchema>;

/** POST /api/casussen/:id/contacten — one journal entry; never changed afterwards. */
export const contactInputSchema = z.object({
  meldingId: id.optional().nullable().describe('de melding waar het contact over ging (leeg = de casus)'),
  soort: z.enum(CONTACT_SOORTEN, { message: 'Kies de soort contact' }),
  begin: tijdstip.describe('begin van het contact; niet in de toekomst'),
  duurMinuten: z
    .number()
    .int('Hele minuten')
    .min(1, 'Minimaal 1 minuut')
    .max(24 * 60, 'Hoogstens 24 uur')
    .optional()
    .nullable(),
  persoonIds: z.array(id).max(50, 'Hoogstens 50 personen').default([]).describe('personen van het huishouden'),
  metMelder: z.boolean().default(false).describe('contact met de melder (de identiteit blijft bij de melding)'),
  professionals: z.array(professionalSchema).max(20, 'Hoogstens 20 professionals').default([]),
  medewerkerIds: z
    .array(id)
    .min(1, 'Wie had het contact? Minstens één medewerker')
    .max(10, 'Hoogstens 10 medewerkers')
    .describe('medewerkers van Veilig Thuis die het contact hadden'),
  politie: z.boolean().default(false).describe('politie was aanwezig'),
  gezegd: tekst(10_000),
  gezien: tekst(10_000),
  afgesproken: tekst(10_000),
  correctieVan: id.optional().nullable().describe('het eerdere contact dat dit corrigeert of aanvult'),
  correctieSoort: z.enum(CORRECTIE_SOORTEN).optional().nullable(),
});
export type ContactInput = z.infer<typeof contactInputSchema>;

export interface ContactContext {
  now: Date;
  /** The persons of the casus (household members and betrokkenen of its meldingen). */
  persoonIds: readonly number[];
  /** The meldingen of the casus. */
  meldingIds: readonly number[];
  /** The journal entries of this casus (ids), for a correction. */
  contactIds: readonly number[];
  /** Active staff of the organisation. */
  medewerkerIds: readonly number[];
}

/**
 * The rules of a journal entry (docs/contact.md, "Contactjournaal"): not in the future; with whom
 * (someone of the household, the melder or a professional); what was said, seen or agreed; persons
 * and melding of this casus; staff who exist; a correction names an entry of this casus and says
 * whether it corrects or adds.
 */
export function contactRegels(input: ContactInput, ctx: ContactContext): RegelFout[] {
  const f: RegelFout[] = [];
  if (ligtInToekomst(input.begin, ctx.now))
    f.push({ field: 'begin', rule: 'niet_in_toekomst', message: 'Een contact leg je vast nadat het er was' });
  if (!input.persoonIds.length && !input.metMelder && !input.professionals.length)
    f.push({
      field: 'persoonIds',
      rule: 'met_wie_verplicht',
      message: 'Met wie was het contact? Kies iemand van het huishouden, de melder of een professional',
    });
  if (![input.gezegd, input.gezien, input.afgesproken].some((t) => t && t.trim().length))
    f.push({
      field: 'gezegd',
      rule: 'inhoud_verplicht',
      message: 'Leg vast wat er is gezegd, gezien of afgesproken',
    });
  input.persoonIds.forEach((p, i) => {
    if (!ctx.persoonIds.includes(p))
      f.push({ field: `persoonIds[${i}]`, rule: 'persoon_in_casus', message: 'Deze persoon hoort niet bij de casus' });
  });
  if (new Set(input.persoonIds).size !== input.persoonIds.length)
    f.push({ field: 'persoonIds', rule: 'uniek', message: 'Elke persoon maar één keer' });
  if (input.meldingId != null && !ctx.meldingIds.includes(input.meldingId))
    f.push({ field: 'meldingId', rule: 'melding_in_casus', message: 'Deze melding hoort niet bij de casus' });
  input.medewerkerIds.forEach((m, i) => {
    if (!ctx.medewerkerIds.includes(m))
      f.push({ field: `medewerkerIds[${i}]`, rule: 'medewerker_bestaat', message: 'Onbekende medewerker' });
  });
  if (new Set(input.medewerkerIds).size !== input.medewerkerIds.length)
    f.push({ field: 'medewerkerIds', rule: 'uniek', message: 'Elke medewerker maar één keer' });
  if (input.correctieVan != null) {
    if (!ctx.contactIds.includes(input.correctieVan))
      f.push({
        field: 'correctieVan',
        rule: 'contact_in_casus',
        message: 'Het contact dat u corrigeert hoort niet bij deze casus',
      });
    if (!input.correctieSoort)
      f.push({ field: 'correctieSoort', rule: 'verplicht_bij_correctie', message: 'Correctie of aanvulling?' });
  } else if (input.correctieSoort)
    f.push({
      field: 'correctieSoort',
      rule: 'alleen_bij_correctie',
      message: 'Een correctie of aanvulling verwijst naar een eerder contact',
    });
  return f;
}

/** Whether these contact kinds include face-to-face contact (for "rests on remote contact only"). */
export function alleenOpAfstand(soorten: readonly ContactSoort[]): boolean {
  return soorten.length > 0 && soorten.every(isOpAfstand);
}

// ---------------------------------------------------------------------------- the home-visit protocol

export const HUISBEZOEK_PROTOCOLLEN = ['ja_tenzij', 'nee_tenzij'] as const;
export type HuisbezoekProtocol = (typeof HUISBEZOEK_PROTOCOLLEN)[number];
export const HUISBEZOEK_PROTOCOL_LABEL: Record<HuisbezoekProtocol, string> = {
  ja_tenzij: 'Huisbezoek: ja, tenzij',
  nee_tenzij: 'Huisbezoek: nee, tenzij',
};
/** Without any recorded setting the protocol is "ja, tenzij" (the normal situation, seed 001). */
export const STANDAARD_PROTOCOL: HuisbezoekProtocol = 'ja_tenzij';

/** The reason (code list huisbezoek_reden) that always qualifies and needs no waiting (seed 004). */
export const ACUTE_ONVEILIGHEID = 'acute_onveiligheid';
/** Group of the gezondheidscheck questions whose "ja" means a household member is ill (no visit). */
export const GROEP_ZIEK = 'ziek';
/** What the system offers instead of a visit when someone is ill (seed 004). */
export const ALTERNATIEVEN_BIJ_ZIEKTE: readonly ContactSoort[] = ['beeldbellen', 'telefoon'];

export const protocolInputSchema = z.object({
  protocol: z.enum(HUISBEZOEK_PROTOCOLLEN, { message: 'Kies ja, tenzij of nee, tenzij' }),
  ingang: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Geef een datum als JJJJ-MM-DD')
    .describe('ingangsdatum (vandaag of later)'),
  reden: z.string().trim().min(10, 'Minimaal 10 tekens').max(2000, 'Maximaal 2000 tekens'),
});
export type ProtocolInput = z.infer<typeof protocolInputSchema>;

export interface ProtocolStand {
  protocol: HuisbezoekProtocol;
  ingang: LocalDate;
}

/** The protocol in force on a day: the latest setting that started on or before it (else the default). */
export function protocolOp(historie: readonly ProtocolStand[], dag: LocalDate): HuisbezoekProtocol {
  let best: ProtocolStand | null = null;
  for (const h of historie) if (h.ingang <= dag && (!best || h.ingang >= best.ingang)) best = h;
  return best?.protocol ?? STANDAARD_PROTOCOL;
}

/** A new setting may not start in the past (history is not rewritten). */
export function protocolRegels(input: ProtocolInput, now: Date): RegelFout[] {
  return input.ingang < toLocalDate(now)
    ? [{ field: 'ingang', rule: 'niet_in_verleden', message: 'De ingangsdatum is vandaag of later' }]
    : [];
}

export const huisbezoekInputSchema = z.object({
  meldingId: id.optional().nullable(),
  gepland: tijdstip.describe('moment van het huisbezoek'),
  medewerkerIds: z
    .array(id)
    .min(1, 'Minstens één medewerker')
    .max(10, 'Hoogstens 10 medewerkers')
    .describe('medewerkers die op bezoek gaan'),
  politie: z.boolean().default(false).describe('de politie gaat mee'),
  gezondheidscheck: z.object({
    gedaanOp: tijdstip.describe('wanneer telefonisch nagevraagd'),
    antwoorden: z
      .record(z.string().max(64), z.boolean())
      .describe('per vraag (code uit lijst gezondheidscheck_vraag): ja (true) of nee (false)'),
    toelichting: tekst(2000),
  }),
  reden: z.string().trim().max(64).optional().nullable().describe('code uit lijst huisbezoek_reden'),
  toelichting: tekst(2000),
});
export type HuisbezoekInput = z.infer<typeof huisbezoekInputSchema>;

export interface GezondheidsVraag {
  code: string;
  label: string;
  groep?: string | null;
}

export type OverrideRegel = 'nee_tenzij' | 'acute_onveiligheid' | 'ziek_acuut';
export const OVERRIDE_LABEL: Record<OverrideRegel, string> = {
  nee_tenzij: 'Huisbezoek onder "nee, tenzij"',
  acute_onveiligheid: 'Acute onveiligheid: huisbezoek dezelfde dag, ongeacht het protocol',
  ziek_acuut: 'Huisbezoek bij een ziek gezinslid wegens acute onveiligheid',
};

export interface HuisbezoekBesluit {
  fouten: RegelFout[];
  /** The visit needs the approval of a teammanager or gedragswetenschapper before it goes ahead. */
  goedkeuringNodig: boolean;
  /** The rules this visit overrides (each recorded with its reason and approver, shown in the timeline). */
  overrides: OverrideRegel[];
  /** Someone in the household is ill: offer these instead of a visit. */
  alternatieven: ContactSoort[];
}

/**
 * The rules of planning a huisbezoek (docs/contact.md, "Huisbezoekprotocol"):
 * - gezondheidscheck by phone first, every configured question answered (seed 001);
 * - never alone: a second staff member or the police (seed 004);
 * - a household member ill → no visit; beeldbellen/telefoon instead (seed 004), except acute
 *   onveiligheid with the approval of a teammanager or gedragswetenschapper;
 * - under "nee, tenzij" a reason from the configured list and approval (seed 001);
 * - acute onveiligheid always qualifies and means a visit the same day, without waiting (seed 004).
 */
export function huisbezoekRegels(
  input: HuisbezoekInput,
  ctx: {
    now: Date;
    protocol: HuisbezoekProtocol;
    vragen: readonly GezondheidsVraag[];
    redenen: readonly string[];
    medewerkerIds: readonly number[];
  },
): HuisbezoekBesluit {
  const f: RegelFout[] = [];
  const overrides: OverrideRegel[] = [];
  const acuut = input.reden === ACUTE_ONVEILIGHEID;
  input.medewerkerIds.forEach((m, i) => {
    if (!ctx.medewerkerIds.includes(m))
      f.push({ field: `medewerkerIds[${i}]`, rule: 'medewerker_bestaat', message: 'Onbekende medewerker' });
  });
  if (new Set(input.medewerkerIds).size < 2 && !input.politie)
    f.push({
      field: 'medewerkerIds',
      rule: 'nooit_alleen',
      message: 'Nooit alleen op huisbezoek: noem een tweede medewerker of ga met de politie',
    });
  const antwoorden = input.gezondheidscheck.antwoorden;
  for (const v of ctx.vragen)
    if (typeof antwoorden[v.code] !== 'boolean')
      f.push({
        field: `gezondheidscheck.antwoorden.${v.code}`,
        rule: 'gezondheidscheck_verplicht',
        message: `Vraag eerst telefonisch na: ${v.label}`,
      });
  for (const k of Object.keys(antwoorden))
    if (!ctx.vragen.some((v) => v.code === k))
      f.push({
        field: `gezondheidscheck.antwoorden.${k}`,
        rule: 'codelijst',
        message: `'${k}' staat niet in de codelijst gezondheidscheck_vraag`,
      });
  if (ligtInToekomst(input.gezondheidscheck.gedaanOp, ctx.now))
    f.push({
      field: 'gezondheidscheck.gedaanOp',
      rule: 'niet_in_toekomst',
      message: 'De gezondheidscheck gaat aan het plannen vooraf',
    });
  if (input.reden != null && !ctx.redenen.includes(input.reden) && !acuut)
    f.push({
      field: 'reden',
      rule: 'codelijst',
      message: `'${input.reden}' staat niet in de codelijst huisbezoek_reden`,
    });
  if (new Date(input.gepland).getTime() < ctx.now.getTime() - 60 * 60_000)
    f.push({ field: 'gepland', rule: 'niet_in_verleden', message: 'Een huisbezoek plan je vooruit' });

  const ziek = ctx.vragen.some((v) => v.groep === GROEP_ZIEK && antwoorden[v.code] === true);
  let goedkeuringNodig = false;
  if (ziek) {
    if (!acuut)
      f.push({
        field: 'gezondheidscheck.antwoorden',
        rule: 'ziek_geen_huisbezoek',
        message: 'Een gezinslid is ziek: geen huisbezoek. Neem contact op via beeldbellen of telefoon',
      });
    else {
      overrides.push('ziek_acuut');
      goedkeuringNodig = true;
      if (!input.toelichting?.trim())
        f.push({
          field: 'toelichting',
          rule: 'toelichting_bij_ziek_acuut',
          message: 'Licht toe waarom het bezoek toch nodig is en welke maatregelen u neemt',
        });
    }
  }
  if (acuut) {
    if (ctx.protocol === 'nee_tenzij') overrides.push('acute_onveiligheid');
    if (toLocalDate(new Date(input.gepland)) !== toLocalDate(ctx.now))
      f.push({
        field: 'gepland',
        rule: 'acuut_zelfde_dag',
        message: 'Bij acute onveiligheid gaat u vandaag op huisbezoek',
      });
  } else if (ctx.protocol === 'nee_tenzij') {
    overrides.push('nee_tenzij');
    goedkeuringNodig = true;
    if (!input.reden)
      f.push({
        field: 'reden',
        rule: 'reden_bij_nee_tenzij',
        message: 'Onder "nee, tenzij" is een reden uit de lijst nodig',
      });
  }
  return { fouten: f, goedkeuringNodig, overrides, alternatieven: ziek ? [...ALTERNATIEVEN_BIJ_ZIEKTE] : [] };
}

export const HUISBEZOEK_STATUSSEN = ['gepland', 'wacht_op_goedkeuring', 'afgewezen'] as const;
export type HuisbezoekStatus = (typeof HUISBEZOEK_STATUSSEN)[number];
export const HUISBEZOEK_STATUS_LABEL: Record<HuisbezoekStatus, string> = {
  gepland: 'Gepland',
  wacht_op_goedkeuring: 'Wacht op goedkeuring',
  afgewezen: 'Afgewezen',
};

export const goedkeuringInputSchema = z.object({
  huisbezoekId: id,
  besluit: z.enum(['goedgekeurd', 'afgewezen'], { message: 'Kies goedgekeurd of afgewezen' }),
  toelichting: z.string().trim().min(5, 'Minimaal 5 tekens').max(2000, 'Maximaal 2000 tekens'),
});
export type GoedkeuringInput = z.infer<typeof goedkeuringInputSchema>;

/** Four eyes: who asked for the visit does not approve it (docs/contact.md). */
export function goedkeuringRegels(
  b: { status: HuisbezoekStatus; aangevraagdDoor: number | null },
  goedkeurder: number,
): RegelFout[] {
  if (b.status !== 'wacht_op_goedkeuring')
    return [
      { field: 'huisbezoekId', rule: 'wacht_niet_op_goedkeuring', message: 'Dit huisbezoek wacht niet op goedkeuring' },
    ];
  if (b.aangevraagdDoor === goedkeurder)
    return [
      {
        field: 'huisbezoekId',
        rule: 'vier_ogen',
        message: 'Wie het huisbezoek aanvraagt, keurt het niet zelf goed',
      },
    ];
  return [];
}

// ---------------------------------------------------------------------------- remote contact only

/** What remote contact misses (seed 001): observed only on a visit. */
export const NIET_GEZIEN_OP_AFSTAND = [
  'hoe het huis eruitziet (netjes of een rommel)',
  'de geur van drank of cannabis',
  'wie waar slaapt',
  'de omgang tussen ouder en kind',
] as const;

/**
 * Does the veiligheidsbeoordeling of a melding rest on remote contact only? True when, up to the
 * moment of the beoordeling, the journal holds at least one contact about this melding (or about the
 * casus as a whole) and none of them was face to face. No contacts at all: the journal does not know
 * (false).
 */
export function beoordelingAlleenOpAfstand(
  contacten: ReadonlyArray<{ soort: ContactSoort; begin: string; meldingId: number | null }>,
  meldingId: number,
  vastgesteldOp: string,
): boolean {
  const t = new Date(vastgesteldOp).getTime();
  const voor = contacten.filter(
    (c) => (c.meldingId === meldingId || c.meldingId === null) && new Date(c.begin).getTime() <= t,
  );
  return alleenOpAfstand(voor.map((c) => c.soort));
}
