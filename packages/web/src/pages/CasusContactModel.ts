// The contact journal panel on the casus page: the form's state (a draft saved while typing), its
// conversion into the API input, and the domain's rules checked before sending (the server checks the
// same rules: domain contact.ts). Tested in CasusContactModel.test.ts.
import {
  amsterdamDatumTijd,
  amsterdamMoment,
  contactInputSchema,
  contactRegels,
  parseDatumInvoer,
  parseTijdInvoer,
  type ContactInput,
  type ContactSoort,
  type CorrectieSoort,
} from '@voordeur/domain';
import { fromZodIssues, type FieldErrors } from '../fieldErrors.ts';

export interface ContactDraft {
  correctieVan: number | null;
  correctieSoort: CorrectieSoort | '';
  meldingId: string;
  soort: ContactSoort | '';
  datum: string;
  tijd: string;
  duur: string;
  persoonIds: string[];
  metMelder: boolean;
  professional: { naam: string; organisatie: string; functie: string };
  medewerkerIds: string[];
  politie: boolean;
  gezegd: string;
  gezien: string;
  afgesproken: string;
}

/** An empty entry: now, by the user, about the newest open melding. */
export function leegContact(userId: number, meldingId: number | null, now: Date): ContactDraft {
  const nu = amsterdamDatumTijd(now);
  return {
    correctieVan: null,
    correctieSoort: '',
    meldingId: meldingId ? String(meldingId) : '',
    soort: '',
    datum: nu.datum,
    tijd: nu.tijd,
    duur: '',
    persoonIds: [],
    metMelder: false,
    professional: { naam: '', organisatie: '', functie: '' },
    medewerkerIds: [String(userId)],
    politie: false,
    gezegd: '',
    gezien: '',
    afgesproken: '',
  };
}

/** A correction or addition of an earlier entry: a new entry that refers to it, with its who and when. */
export function correctieVan(
  oud: {
    id: number;
    meldingId: number | null;
    soort: ContactSoort;
    begin: string;
    duurMinuten: number | null;
    personen: Array<{ id: number }>;
    metMelder: boolean;
    medewerkers: Array<{ id: number }>;
    politie: boolean;
  },
  soort: CorrectieSoort,
): ContactDraft {
  const b = amsterdamDatumTijd(new Date(oud.begin));
  return {
    correctieVan: oud.id,
    correctieSoort: soort,
    meldingId: oud.meldingId ? String(oud.meldingId) : '',
    soort: oud.soort,
    datum: b.datum,
    tijd: b.tijd,
    duur: oud.duurMinuten ? String(oud.duurMinuten) : '',
    persoonIds: oud.personen.map((p) => String(p.id)),
    metMelder: oud.metMelder,
    professional: { naam: '', organisatie: '', functie: '' },
    medewerkerIds: oud.medewerkers.map((m) => String(m.id)),
    politie: oud.politie,
    gezegd: '',
    gezien: '',
    afgesproken: '',
  };
}

const opt = (s: string) => (s.trim() ? s.trim() : null);

/** The draft as the API input (before validation). */
export function naarInvoer(d: ContactDraft): Record<string, unknown> {
  const datum = parseDatumInvoer(d.datum);
  const tijd = parseTijdInvoer(d.tijd);
  const p = d.professional;
  return {
    meldingId: d.meldingId ? Number(d.meldingId) : null,
    soort: d.soort || undefined,
    begin: datum && tijd !== null ? amsterdamMoment(datum, tijd).toISOString() : undefined,
    duurMinuten: d.duur.trim() ? Number(d.duur.trim()) : null,
    persoonIds: d.persoonIds.map(Number),
    metMelder: d.metMelder,
    professionals: p.organisatie.trim() || p.functie.trim() || p.naam.trim() ? [{ ...p, naam: opt(p.naam) }] : [],
    medewerkerIds: d.medewerkerIds.map(Number),
    politie: d.politie,
    gezegd: opt(d.gezegd),
    gezien: opt(d.gezien),
    afgesproken: opt(d.afgesproken),
    correctieVan: d.correctieVan,
    correctieSoort: d.correctieVan ? d.correctieSoort || null : null,
  };
}

export interface ContactContextWeb {
  persoonIds: number[];
  meldingIds: number[];
  contactIds: number[];
  medewerkerIds: number[];
}

/** Check the draft as the server will: the schema, the date and time as typed, and the domain rules. */
export function controleerContact(
  d: ContactDraft,
  ctx: ContactContextWeb,
  now: Date,
): { data: ContactInput | null; errors: FieldErrors } {
  const body = naarInvoer(d);
  const r = contactInputSchema.safeParse(body);
  const errors: FieldErrors = r.success ? {} : fromZodIssues(r.error.issues);
  if (!parseDatumInvoer(d.datum)) errors.begin = ['Geef de datum als dd-mm-jjjj'];
  else if (parseTijdInvoer(d.tijd) === null) errors.tijd = ['Geef de tijd als uu:mm (24 uur)'];
  if (d.duur.trim() && !/^\d{1,4}$/.test(d.duur.trim())) errors.duurMinuten = ['Geef de duur in hele minuten'];
  if (r.success)
    for (const f of contactRegels(r.data, { ...ctx, now })) if (!errors[f.field]) errors[f.field] = [f.message];
  return { data: r.success && !Object.keys(errors).length ? r.data : null, errors };
}

/** Keyboard: Ctrl+Enter (or Cmd+Enter) in the form saves the entry. */
export const isOpslaanToets = (e: { key: string; ctrlKey: boolean; metaKey: boolean }): boolean =>
  e.key === 'Enter' && (e.ctrlKey || e.metaKey);
