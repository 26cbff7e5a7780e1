// The workflow actions on a melding, without the screen: per action its schema, the form's initial
// state, the API input, the domain rules checked before sending, the confirmation of an irreversible
// step and its texts. The guards' inputs (open terugkoppeling moments, what closing allows) come
// from the casus answer (melding.workflow, melding.afsluiten): the web does not derive them again.
import {
  afsluitenInputSchema,
  afsluitenRegel,
  amsterdamDatumTijd,
  amsterdamMoment,
  beoordelingInputSchema,
  beoordelingRegel,
  dienstStartInputSchema,
  informerenInputSchema,
  monitoringcontactInputSchema,
  nietInToekomstFout,
  onderzoekUitkomstInputSchema,
  overdrachtInputSchema,
  parseDatumInvoer,
  parseTijdInvoer,
  rvdkInputSchema,
  terugkoppelingInputSchema,
  toegestaneUitkomsten,
  veiligheidsvoorwaardenInputSchema,
  type Actie,
  type StapFout,
  type TerugkoppelingMoment,
} from '@voordeur/domain';
import type { z } from 'zod';
import type { AppState } from '../context.ts';
import { fromZodIssues, type FieldErrors } from '../fieldErrors.ts';
import { clockLabel, formatDatum, formatTijdstip } from '../format.ts';
import type { Casus, Melding } from '../types.ts';

export type Draft = Record<string, any>;

/** What the fields of an action's form get (casusActionsFields.tsx). */
export interface FieldsProps {
  d: Draft;
  set: (patch: Draft) => void;
  errors: FieldErrors;
  melding: Melding;
  casus: Casus;
  app: AppState;
  /** Unique prefix for ids within the page (several meldingen can have the same form open). */
  p: (name: string) => string;
}

/** What a step will do, shown before an irreversible step is sent (Bevestigen / Terug). */
export interface Bevestiging {
  titel: string;
  regels: string[];
  waarschuwing?: string;
}

/** The labels of codes, as the app knows them (AppState.label). */
export type LabelVan = (lijst: string, code: string | null | undefined) => string;

export interface ActieModel {
  schema: z.ZodType;
  initial: (m: Melding) => Draft;
  toInput: (d: Draft) => Record<string, unknown>;
  submit: string;
  done: string;
  labels: Record<string, string>;
  /** The domain's consistency rules for this step (the server checks the same), on the API input. */
  regels?: (input: Record<string, any>, m: Melding) => StapFout[];
  /** Checks of the form's own fields (e.g. a date and time typed apart), before the schema's. */
  invoerFouten?: (d: Draft, m: Melding) => StapFout[];
  /** Irreversible steps: the consequence to confirm before the step is sent. */
  bevestiging?: (input: Record<string, any>, m: Melding, c: Casus, label: LabelVan) => Bevestiging;
}

export const bool = (v: string) => (v === 'ja' ? true : v === 'nee' ? false : undefined);
const meervoud = (n: number, een: string, meer: string) => `${n} ${n === 1 ? een : meer}`;
const opt = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

/** The domain rule afsluitenRegel for closing this melding with `reden` (null = allowed), on the answer's facts. */
export const afsluitenFout = (m: Melding, reden: string) => afsluitenRegel({ reden, ...m.afsluiten });
/** Is "geen (meer) sprake van onveiligheid" refused for this melding? */
export const geenOnveiligheidGeweigerd = (m: Melding) => afsluitenFout(m, 'geen_onveiligheid');

/** The terugkoppeling moments that apply now and are not recorded yet (from the casus answer). */
export const openMomenten = (m: Melding): readonly TerugkoppelingMoment[] => m.workflow.openTerugkoppelingMomenten;

/** The open meldingen of the casus other than this one, and the clocks of this melding still running. */
export function gevolgen(m: Melding, c: Casus) {
  const andereOpen = c.meldingen.filter((x) => x.id !== m.id && x.status !== 'afgesloten');
  const lopend = m.clocks.filter((k) => !k.metAt);
  return { andereOpen, lopend };
}

function termijnRegels(m: Melding, lopend: Melding['clocks'], blijft: string): string[] {
  if (!lopend.length) return ['Er lopen geen termijnen meer voor deze melding.'];
  const naam = (id?: number) => (id ? m.betrokkenen.find((b) => b.persoonId === id)?.naam : undefined);
  const lijst = lopend.map((k) => `${clockLabel(k, naam(k.persoonId))} (uiterlijk ${formatDatum(k.due)})`).join('; ');
  return [
    `Er ${lopend.length === 1 ? 'loopt' : 'lopen'} nog ${meervoud(lopend.length, 'termijn', 'termijnen')}: ${lijst}. ${blijft}`,
  ];
}

/** Colleagues who can toetsen a beoordeling: case workers and experts, not myself. */
export const TOETS_ROLLEN = new Set([
  'backoffice',
  'bureaudienst',
  'crisisdienst',
  'gedragswetenschapper',
  'vertrouwensarts',
  'teammanager',
]);

/** The uitkomsten the two questions allow (domain rule toegestaneUitkomsten), of all codes in the list. */
export const toegestaan = (acute: string, structureel: string, alle: string[]) =>
  toegestaneUitkomsten(bool(acute), bool(structureel), alle);

/** An answer to one of the two questions: the uitkomst follows, picked when only one fits. */
export function beoordelingAntwoord(d: Draft, patch: Draft, alle: string[]): Draft {
  const next = { ...d, ...patch };
  const ok = toegestaan(next.acuteOnveiligheid, next.structureleOnveiligheid, alle);
  return { ...patch, uitkomst: ok.length === 1 ? ok[0] : ok.includes(next.uitkomst) ? next.uitkomst : '' };
}

export function uitkomstHint(acute: string, structureel: string): string {
  if (acute === 'ja') return 'Bij acute onveiligheid is de uitkomst ‘(Vermoeden van) acute onveiligheid’.';
  if (acute === 'nee' && structureel === 'ja')
    return 'Structurele onveiligheid zonder acute onveiligheid: de uitkomst is ‘(Vermoeden van) structurele onveiligheid’.';
  if (acute === 'nee' && structureel === 'nee')
    return 'Geen acute of structurele onveiligheid: kies een van de andere uitkomsten.';
  return 'Beantwoord eerst de twee vragen; de uitkomst volgt daaruit.';
}

/** The moment of a monitoringcontact from the form's date and time (Amsterdam), or null. */
export function contactMoment(d: Draft): Date | null {
  const datum = parseDatumInvoer(d.datum ?? '');
  const tijd = parseTijdInvoer(d.tijd ?? '');
  return datum && tijd !== null ? amsterdamMoment(datum, tijd) : null;
}

const dienst = (soort: string): ActieModel => ({
  schema: dienstStartInputSchema,
  initial: () => ({ toelichting: '' }),
  toInput: (d) => ({ toelichting: opt(d.toelichting) }),
  submit: `Dienst ${soort} starten`,
  done: `Dienst ${soort} is gestart.`,
  labels: { toelichting: 'Toelichting' },
});

export const MODELLEN: Record<Actie, ActieModel> = {
  veiligheidsbeoordeling: {
    schema: beoordelingInputSchema,
    initial: () => ({
      acuteOnveiligheid: '',
      structureleOnveiligheid: '',
      uitkomst: '',
      motivering: '',
      bronnen: ['eigen_registratie'],
      getoetstDoor: '',
      vlagZetten: false,
      vlagToelichting: '',
    }),
    toInput: (d) => ({
      acuteOnveiligheid: bool(d.acuteOnveiligheid),
      structureleOnveiligheid: bool(d.structureleOnveiligheid),
      uitkomst: d.uitkomst,
      motivering: d.motivering,
      bronnen: d.bronnen,
      getoetstDoor: Number(d.getoetstDoor) || 0,
    }),
    regels: (input) => {
      const fout =
        typeof input.acuteOnveiligheid === 'boolean' &&
        typeof input.structureleOnveiligheid === 'boolean' &&
        input.uitkomst
          ? beoordelingRegel(input as any)
          : null;
      return fout ? [fout] : [];
    },
    submit: 'Veiligheidsbeoordeling vastleggen',
    done: 'De veiligheidsbeoordeling is vastgelegd.',
    labels: {
      acuteOnveiligheid: 'Acute onveiligheid',
      structureleOnveiligheid: 'Structurele onveiligheid',
      uitkomst: 'Uitkomst',
      motivering: 'Motivering',
      bronnen: 'Bronnen',
      getoetstDoor: 'Getoetst door',
      vlagToelichting: 'Toelichting bij de vlag',
    },
  },
  dienst_voorwaarden_en_vervolg: dienst('Voorwaarden en Vervolg'),
  dienst_onderzoek: dienst('Onderzoek'),
  overdragen: {
    schema: overdrachtInputSchema,
    initial: () => ({ ontvangerType: '', ontvangerNaam: '', reedsBekend: '', warm: '', monitoringAfspraken: '' }),
    toInput: (d) => ({
      ontvangerType: d.ontvangerType,
      ontvangerNaam: d.ontvangerNaam,
      reedsBekend: bool(d.reedsBekend),
      warm: bool(d.warm),
      monitoringAfspraken: opt(d.monitoringAfspraken),
    }),
    bevestiging: (input, m, c, label) => {
      const { lopend } = gevolgen(m, c);
      return {
        titel: `Melding ${m.nummer} overdragen?`,
        regels: [
          `Melding ${m.nummer} wordt overgedragen aan ${input.ontvangerNaam} (${label('overdracht_ontvanger', input.ontvangerType)}).${m.dienst && !m.dienst.afgeslotenOp ? ' De lopende dienst wordt daarmee afgerond.' : ''}`,
          `Daarna monitort Veilig Thuis (monitoringcontacten, met een eigen termijn) tot de melding wordt afgesloten. Casus ${c.nummer} blijft open.`,
          ...termijnRegels(
            m,
            lopend.filter((k) => k.kind !== 'dienst'),
            'Die blijven na de overdracht staan.',
          ),
        ],
        waarschuwing: 'Een overdracht kan niet worden teruggedraaid.',
      };
    },
    submit: 'Overdragen',
    done: 'De melding is overgedragen; Veilig Thuis monitort.',
    labels: {
      ontvangerType: 'Soort ontvanger',
      ontvangerNaam: 'Naam ontvanger',
      reedsBekend: 'Al bekend',
      warm: 'Warme overdracht',
      monitoringAfspraken: 'Monitoringafspraken',
    },
  },
  afsluiten: {
    schema: afsluitenInputSchema,
    initial: () => ({ reden: '', toelichting: '' }),
    toInput: (d) => ({ reden: d.reden, toelichting: opt(d.toelichting) }),
    regels: (input, m) => {
      const fout = input.reden ? afsluitenFout(m, input.reden) : null;
      return fout ? [fout] : [];
    },
    bevestiging: (input, m, c, label) => {
      const { andereOpen, lopend } = gevolgen(m, c);
      const sluit = andereOpen.length === 0;
      return {
        titel: `Melding ${m.nummer} afsluiten?`,
        regels: [
          sluit
            ? `Melding ${m.nummer} en casus ${c.nummer} worden gesloten.`
            : `Melding ${m.nummer} wordt gesloten. Casus ${c.nummer} blijft open: nog ${meervoud(andereOpen.length, 'open melding', 'open meldingen')} (${andereOpen.map((x) => x.nummer).join(', ')}).`,
          `Reden: ${label('afsluitreden', input.reden)}.${m.dienst && !m.dienst.afgeslotenOp ? ' De lopende dienst wordt daarmee afgerond.' : ''}`,
          ...termijnRegels(
            m,
            lopend.filter((k) => k.kind !== 'dienst' && k.kind !== 'monitoring'),
            'Die blijven na het sluiten staan: terugkoppelen en informeren kan nog.',
          ),
        ],
        waarschuwing: sluit
          ? 'Afsluiten kan niet worden teruggedraaid; een nieuwe melding over dit huishouden opent een nieuwe casus.'
          : `Afsluiten kan niet worden teruggedraaid; een nieuwe melding over dit huishouden komt bij casus ${c.nummer}, die open blijft.`,
      };
    },
    submit: 'Afsluiten',
    done: 'De melding is afgesloten.',
    labels: { reden: 'Reden', toelichting: 'Toelichting' },
  },
  onderzoek_uitkomst: {
    schema: onderzoekUitkomstInputSchema,
    initial: (m) => ({
      per: Object.fromEntries((m.dienst?.onderzoekUitkomsten ?? []).map((u) => [u.type, u.uitkomst])),
      toelichting: '',
    }),
    toInput: (d) => ({
      uitkomsten: Object.entries(d.per as Record<string, string>)
        .filter(([, u]) => u)
        .map(([type, uitkomst]) => ({ type, uitkomst })),
      toelichting: opt(d.toelichting),
    }),
    submit: 'Uitkomst vastleggen',
    done: 'De uitkomst van het onderzoek is vastgelegd.',
    labels: { uitkomsten: 'Uitkomsten', toelichting: 'Toelichting' },
  },
  veiligheidsvoorwaarden: {
    schema: veiligheidsvoorwaardenInputSchema,
    initial: () => ({ voorwaarden: [''] }),
    toInput: (d) => ({ voorwaarden: (d.voorwaarden as string[]).map((v) => v.trim()).filter(Boolean) }),
    submit: 'Voorwaarden vastleggen',
    done: 'De veiligheidsvoorwaarden zijn vastgelegd.',
    labels: { voorwaarden: 'Voorwaarden' },
  },
  terugkoppeling: {
    schema: terugkoppelingInputSchema,
    initial: (m) => ({ moment: openMomenten(m)[0] ?? '', inhoud: '' }),
    toInput: (d) => ({ moment: d.moment, inhoud: d.inhoud }),
    submit: 'Terugkoppeling vastleggen',
    done: 'De terugkoppeling aan de melder is vastgelegd.',
    labels: { moment: 'Moment', inhoud: 'Inhoud' },
  },
  informeren: {
    schema: informerenInputSchema,
    initial: (m) => ({
      persoonId: String(m.informering.find((i) => !i.geinformeerdOp)?.persoonId ?? ''),
      keuze: 'geinformeerd',
      wijze: '',
      weken: '2',
      reden: '',
    }),
    toInput: (d) => ({
      persoonId: Number(d.persoonId) || 0,
      ...(d.keuze === 'verlengen'
        ? { verlenging: { weken: Number(d.weken), reden: d.reden } }
        : { wijze: opt(d.wijze) }),
    }),
    submit: 'Vastleggen',
    done: 'Het informeren van de betrokkene is vastgelegd.',
    labels: {
      persoonId: 'Betrokkene',
      wijze: 'Wijze',
      verlenging: 'Verlenging',
      'verlenging.weken': 'Verlenging',
      'verlenging.reden': 'Reden van de verlenging',
    },
  },
  rvdk_verzoek: {
    schema: rvdkInputSchema,
    initial: () => ({ motivering: '' }),
    toInput: (d) => ({ motivering: d.motivering }),
    submit: 'Verzoek vastleggen',
    done: 'Het verzoek aan de Raad voor de Kinderbescherming is vastgelegd.',
    labels: { motivering: 'Motivering' },
  },
  monitoringcontact: {
    schema: monitoringcontactInputSchema,
    initial: () => {
      const nu = amsterdamDatumTijd(new Date());
      return { datum: nu.datum, tijd: nu.tijd, bevindingen: '', hulpGestart: '', veilig: '' };
    },
    // With a bad time only the time field reports it (invoerFouten); the step is not sent then.
    toInput: (d) => ({
      gedaanOp: (contactMoment(d) ?? contactMoment({ ...d, tijd: '12:00' }))?.toISOString(),
      bevindingen: d.bevindingen,
      hulpGestart: d.hulpGestart || undefined,
      veilig: d.veilig || undefined,
    }),
    invoerFouten: (d, m) => {
      if (!parseDatumInvoer(d.datum ?? ''))
        return [{ field: 'gedaanOp', rule: 'datum', message: 'Geef de datum van het contact als dd-mm-jjjj' }];
      if (parseTijdInvoer(d.tijd ?? '') === null)
        return [{ field: 'gedaanTijd', rule: 'tijd', message: 'Geef de tijd als uu:mm (24 uur)' }];
      const moment = contactMoment(d)!;
      const toekomst = nietInToekomstFout('gedaanOp', moment, new Date());
      if (toekomst) return [toekomst];
      if (m.overdracht?.overgedragenOp && moment < new Date(m.overdracht.overgedragenOp)) {
        return [
          {
            field: 'gedaanOp',
            rule: 'na_overdracht',
            message: `Het monitoringcontact kan niet vóór de overdracht liggen (${formatTijdstip(m.overdracht.overgedragenOp)})`,
          },
        ];
      }
      return [];
    },
    submit: 'Monitoringcontact vastleggen',
    done: 'Het monitoringcontact is vastgelegd; de monitoringtermijn loopt opnieuw.',
    labels: {
      gedaanOp: 'Datum van het contact',
      gedaanTijd: 'Tijd',
      bevindingen: 'Bevindingen',
      hulpGestart: 'Hulp gestart',
      veilig: 'Veilig',
    },
  },
};

/**
 * Check a step before it is sent: the schema, then the form's own fields (their message is more
 * precise than the schema's), then the domain's consistency rules as the server checks them (one
 * message per field). `data` is the API input when there are no errors.
 */
export function controleer(
  actie: Actie,
  d: Draft,
  melding: Melding,
  versie: number,
): { data: Record<string, any> | null; errors: FieldErrors } {
  const model = MODELLEN[actie];
  const body = { ...model.toInput(d), versie };
  const r = model.schema.safeParse(body);
  const errs: FieldErrors = r.success ? {} : fromZodIssues(r.error.issues);
  for (const f of model.invoerFouten?.(d, melding) ?? []) errs[f.field] = [f.message];
  for (const f of model.regels?.(body, melding) ?? []) if (!errs[f.field]) errs[f.field] = [f.message];
  if (actie === 'veiligheidsbeoordeling' && d.vlagZetten && !String(d.vlagToelichting ?? '').trim())
    errs.vlagToelichting = ['Licht de veiligheidsvlag toe'];
  return { data: r.success && !Object.keys(errs).length ? (r.data as Record<string, any>) : null, errors: errs };
}

/** Field errors keyed by the API's field names → keys with this form's prefix. */
export function prefixErrors(errors: FieldErrors, prefix: string): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}.${k}`, v]));
}
