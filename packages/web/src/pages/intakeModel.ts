// The intake form's state and its translation into the API input (meldingInputSchema), kept
// free of React so it can be tested on its own.
import {
  amsterdamDatumTijd,
  amsterdamMoment,
  geboortedatumLabel,
  isValidBsn,
  MOGELIJK_DUBBEL_DREMPEL,
  melderFouten,
  meldingInputSchema,
  parseDatumInvoer,
  parseTijdInvoer,
  type MeldingInput,
  ligtInToekomst,
} from '@voordeur/domain';
import { fromZodIssues, type FieldErrors } from '../fieldErrors.ts';
import type { Adviesvraag, Kandidaat } from '../types.ts';

export interface PersoonForm {
  bsn: string;
  voornamen: string;
  tussenvoegsel: string;
  achternaam: string;
  geboortedatum: string;
  geslacht: 'V' | 'M' | 'O';
}

export interface BetrokkeneForm {
  /** Stable key for React and for focus after adding. */
  key: string;
  /** A person found by the search and linked. */
  persoonId?: number;
  gekoppeld?: { naam: string; geboortedatumLabel: string | null; adressen: string[]; eerdereMeldingen: number };
  /** A new person. */
  persoon?: PersoonForm;
  rol: string;
  huishoudenRol: string;
  /** New person: "toch nieuwe persoon" chosen although existing persons look the same. */
  nieuwBevestigd?: boolean;
}

export interface IntakeForm {
  /** Ontvangstmoment (start of the 5-werkdagen clock) in Amsterdam time: 'dd-mm-jjjj' and 'uu:mm'. */
  ontvangenDatum?: string;
  ontvangenTijd?: string;
  betrokkenen: BetrokkeneForm[];
  /** 'gekoppeld': the household of a linked person (no address sent); 'adres': the address below. */
  huishoudenKeuze: 'gekoppeld' | 'adres';
  adres: {
    straat: string;
    huisnummer: string;
    toevoeging: string;
    postcode: string;
    woonplaats: string;
    gemeenteCode: string;
  };
  melder: {
    hoedanigheid: string;
    naam: string;
    organisatie: string;
    functie: string;
    telefoon: string;
    email: string;
    wilOnbekendBlijven: boolean;
  };
  regio: 'eigen' | 'andere' | 'onbekend' | '';
  gemeenteCode: string;
  binnenkomst: string;
  aanleiding: string[];
  aard: string[];
  signalen: string[];
  omschrijving: string;
  adviesvraagId?: number;
  adviesvraagNummer?: string;
}

let seq = 0;
const nextKey = () => `b${Date.now().toString(36)}${(seq++).toString(36)}`;

export function emptyIntake(now: Date = new Date()): IntakeForm {
  const o = amsterdamDatumTijd(now);
  return {
    ontvangenDatum: o.datum,
    ontvangenTijd: o.tijd,
    betrokkenen: [],
    huishoudenKeuze: 'adres',
    adres: { straat: '', huisnummer: '', toevoeging: '', postcode: '', woonplaats: '', gemeenteCode: '' },
    melder: {
      hoedanigheid: '',
      naam: '',
      organisatie: '',
      functie: '',
      telefoon: '',
      email: '',
      wilOnbekendBlijven: false,
    },
    regio: 'eigen',
    gemeenteCode: '',
    binnenkomst: 'telefoon',
    aanleiding: [],
    aard: [],
    signalen: [],
    omschrijving: '',
  };
}

export function linkPersoon(f: IntakeForm, k: Kandidaat): IntakeForm {
  if (f.betrokkenen.some((b) => b.persoonId === k.id)) return f;
  const b: BetrokkeneForm = {
    key: nextKey(),
    persoonId: k.id,
    gekoppeld: {
      naam: k.naam,
      geboortedatumLabel: k.geboortedatumLabel,
      adressen: k.huishoudens.map((h) => h.adres),
      eerdereMeldingen: k.eerdereMeldingen,
    },
    rol: '',
    huishoudenRol: '',
  };
  // The first linked person's household is the natural default for the melding.
  const eersteKoppeling = !f.betrokkenen.some((x) => x.persoonId);
  return {
    ...f,
    betrokkenen: [...f.betrokkenen, b],
    huishoudenKeuze: eersteKoppeling && k.huishoudens.length ? 'gekoppeld' : f.huishoudenKeuze,
  };
}

export function addNieuwePersoon(f: IntakeForm, prefill: Partial<PersoonForm> = {}): { form: IntakeForm; key: string } {
  const key = nextKey();
  const persoon: PersoonForm = {
    bsn: '',
    voornamen: '',
    tussenvoegsel: '',
    achternaam: '',
    geboortedatum: '',
    geslacht: 'O',
    ...prefill,
  };
  return { form: { ...f, betrokkenen: [...f.betrokkenen, { key, persoon, rol: '', huishoudenRol: '' }] }, key };
}

/** Replace a new person by the existing one the user recognised ("Bedoelt u …? Koppelen"), keeping the roles. */
export function linkInPlaatsVan(f: IntakeForm, key: string, k: Kandidaat): IntakeForm {
  const oud = f.betrokkenen.find((b) => b.key === key);
  if (!oud) return f;
  if (f.betrokkenen.some((b) => b.persoonId === k.id)) return removeBetrokkene(f, key);
  const linked = linkPersoon(f, k);
  const nieuw = linked.betrokkenen[linked.betrokkenen.length - 1]!;
  const betrokkenen = f.betrokkenen.map((b) =>
    b.key === key ? { ...nieuw, rol: oud.rol, huishoudenRol: oud.huishoudenRol } : b,
  );
  return { ...linked, betrokkenen };
}

/**
 * The search that finds an existing person for a new one: by BSN when it is valid, else by name
 * with a complete date of birth (JJJJMMDD) or the household's address (postcode + huisnummer),
 * the address added when known: the same signals the server scores before it creates a person.
 * Null while the entry is not specific enough.
 */
export function dubbelZoekvraag(
  p: PersoonForm,
  adres?: { postcode?: string; huisnummer?: string },
): Record<string, string> | null {
  const bsn = p.bsn.replace(/\s+/g, '');
  if (bsn && isValidBsn(bsn)) return { bsn };
  const dob = p.geboortedatum.replace(/[\s-]+/g, '');
  const naam = [p.voornamen, p.tussenvoegsel, p.achternaam]
    .map((x) => x.trim())
    .filter(Boolean)
    .join(' ');
  const postcode = adres?.postcode?.replace(/\s+/g, '').toUpperCase() ?? '';
  const huisnummer = adres?.huisnummer?.trim() ?? '';
  const metAdres = /^[0-9]{4}[A-Z]{2}$/.test(postcode) && huisnummer !== '';
  const metDatum = /^[0-9]{8}$/.test(dob) && dob !== '00000000' && dob !== '99999999';
  if (p.achternaam.trim().length < 2 || !(metDatum || metAdres)) return null;
  return {
    naam,
    ...(metDatum ? { geboortedatum: dob } : {}),
    ...(metAdres ? { postcode, huisnummer } : {}),
  };
}

/**
 * The search results that are likely the same person: the same BSN, or a score at or above the
 * domain's MOGELIJK_DUBBEL_DREMPEL (name, date of birth and address together; the server refuses
 * those without "Toch nieuwe persoon"). Persons already linked in this form are left out, and a
 * candidate with another BSN when this person has one.
 */
export function waarschijnlijkDezelfde(p: PersoonForm, kandidaten: Kandidaat[], gekoppeld: number[]): Kandidaat[] {
  const bsn = p.bsn.replace(/\s+/g, '');
  return kandidaten
    .filter((k) => !gekoppeld.includes(k.id))
    .filter((k) => {
      if (bsn && isValidBsn(bsn)) return k.bsn === bsn;
      // A candidate with a BSN is another person when this one has a BSN too (the same one was searched above).
      if (bsn && k.bsn) return false;
      return k.score >= MOGELIJK_DUBBEL_DREMPEL;
    })
    .slice(0, 5);
}

/** A candidate from the server's 409 (id, name, date of birth), in the shape the form links. */
export function kandidaatUitServer(k: {
  id: number;
  naam: string;
  geboortedatum: string | null;
  score?: number;
  redenen?: string[];
}): Kandidaat {
  return {
    id: k.id,
    naam: k.naam,
    bsn: null,
    geboortedatum: k.geboortedatum,
    geboortedatumLabel: k.geboortedatum ? geboortedatumLabel(k.geboortedatum) : null,
    geslacht: 'O',
    score: k.score ?? 0,
    redenen: k.redenen ?? [],
    huishoudens: [],
    eerdereMeldingen: 0,
  };
}

/** The ontvangstmoment as an instant, or the field errors of its date and time. */
export function ontvangenOp(f: IntakeForm, now: Date = new Date()): { iso?: string; errors: FieldErrors } {
  // A draft from before the field existed: the server takes "now".
  if (f.ontvangenDatum === undefined && f.ontvangenTijd === undefined) return { errors: {} };
  const errors: FieldErrors = {};
  const d = parseDatumInvoer(f.ontvangenDatum ?? '');
  const t = parseTijdInvoer(f.ontvangenTijd ?? '');
  if (!d) errors.ontvangenOp = ['Ontvangen op: geef de datum als dd-mm-jjjj'];
  if (t === null) errors.ontvangenTijd = ['Geef de tijd als uu:mm (24 uur)'];
  if (!d || t === null) return { errors };
  const moment = amsterdamMoment(d, t);
  if (ligtInToekomst(moment, now))
    return {
      errors: {
        ontvangenOp: ['Het ontvangstmoment ligt in de toekomst: vul het moment in waarop de melding binnenkwam'],
      },
    };
  return { iso: moment.toISOString(), errors };
}

export function removeBetrokkene(f: IntakeForm, key: string): IntakeForm {
  const betrokkenen = f.betrokkenen.filter((b) => b.key !== key);
  return { ...f, betrokkenen, huishoudenKeuze: betrokkenen.some((b) => b.persoonId) ? f.huishoudenKeuze : 'adres' };
}

export function gekoppeldeIds(f: IntakeForm): number[] {
  return f.betrokkenen.map((b) => b.persoonId).filter((x): x is number => !!x);
}

/** Prefill from an adviesvraag being converted into a melding. */
export function fromAdviesvraag(a: Adviesvraag): IntakeForm {
  const f = emptyIntake();
  return {
    ...f,
    adviesvraagId: a.id,
    adviesvraagNummer: a.nummer,
    binnenkomst: 'omgezet_advies',
    melder: { ...f.melder, hoedanigheid: a.hoedanigheid },
    regio: a.regio,
    gemeenteCode: a.gemeenteCode ?? '',
    aanleiding: [...a.aanleiding],
    aard: [...a.aard],
    signalen: [...(a.signalen ?? [])],
    omschrijving: a.vraag,
  };
}

const opt = (s: string): string | undefined => {
  const t = s.trim();
  return t === '' ? undefined : t;
};

/** The request body for POST /api/meldingen: empty optional fields are left out. */
export function toMeldingInput(f: IntakeForm, now: Date = new Date()): Record<string, unknown> {
  const a = f.adres;
  const o = ontvangenOp(f, now);
  return {
    ...(o.iso ? { ontvangenOp: o.iso } : {}),
    binnenkomst: f.binnenkomst,
    melder: {
      hoedanigheid: f.melder.hoedanigheid,
      naam: opt(f.melder.naam),
      organisatie: opt(f.melder.organisatie),
      functie: opt(f.melder.functie),
      telefoon: opt(f.melder.telefoon),
      email: opt(f.melder.email),
      wilOnbekendBlijven: f.melder.wilOnbekendBlijven,
    },
    ...(f.huishoudenKeuze === 'adres'
      ? {
          huishouden: {
            straat: opt(a.straat),
            huisnummer: opt(a.huisnummer),
            toevoeging: opt(a.toevoeging),
            postcode: opt(a.postcode),
            woonplaats: opt(a.woonplaats),
            gemeenteCode: opt(a.gemeenteCode),
          },
        }
      : {}),
    regio: f.regio || undefined,
    gemeenteCode: f.regio === 'eigen' ? opt(f.gemeenteCode) : undefined,
    betrokkenen: f.betrokkenen.map((b) =>
      b.persoonId
        ? { persoonId: b.persoonId, rol: b.rol, huishoudenRol: opt(b.huishoudenRol) }
        : {
            persoon: {
              bsn: opt(b.persoon!.bsn.replace(/\s+/g, '')),
              voornamen: opt(b.persoon!.voornamen),
              tussenvoegsel: opt(b.persoon!.tussenvoegsel),
              achternaam: b.persoon!.achternaam,
              geboortedatum: opt(b.persoon!.geboortedatum.replace(/[\s-]+/g, '')),
              geslacht: b.persoon!.geslacht,
            },
            rol: b.rol,
            huishoudenRol: opt(b.huishoudenRol),
            ...(b.nieuwBevestigd ? { nieuwBevestigd: true } : {}),
          },
    ),
    aanleiding: f.aanleiding,
    aard: f.aard,
    signalen: f.signalen,
    omschrijving: f.omschrijving,
    ...(f.adviesvraagId ? { adviesvraagId: f.adviesvraagId } : {}),
  };
}

/** Validate in the browser with the server's own schema, plus the form's own rules. */
export function validateIntake(
  f: IntakeForm,
  now: Date = new Date(),
): { input: MeldingInput | null; errors: FieldErrors } {
  const body = toMeldingInput(f, now);
  const r = meldingInputSchema.safeParse(body);
  const errors: FieldErrors = r.success ? {} : fromZodIssues(r.error.issues);
  for (const [k, v] of Object.entries(ontvangenOp(f, now).errors)) errors[k] = [...(errors[k] ?? []), ...v];
  for (const e of melderFouten(body.melder))
    if (!errors[e.field]?.includes(e.message)) errors[e.field] = [...(errors[e.field] ?? []), e.message];
  if (f.huishoudenKeuze === 'gekoppeld' && gekoppeldeIds(f).length === 0) {
    errors.huishouden = ['Koppel eerst een gevonden persoon, of vul het adres van het huishouden in'];
  }
  return { input: r.success && Object.keys(errors).length === 0 ? r.data : null, errors };
}
