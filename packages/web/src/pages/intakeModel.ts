// The intake form's state and its translation into the API input (meldingInputSchema), kept
// free of React so it can be tested on its own.
import { meldingInputSchema, type MeldingInput } from '@voordeur/domain';
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
}

export interface IntakeForm {
  betrokkenen: BetrokkeneForm[];
  /** 'gekoppeld': the household of a linked person (no address sent); 'adres': the address below. */
  huishoudenKeuze: 'gekoppeld' | 'adres';
  adres: { straat: string; huisnummer: string; toevoeging: string; postcode: string; woonplaats: string; gemeenteCode: string };
  melder: { hoedanigheid: string; naam: string; organisatie: string; functie: string; telefoon: string; email: string; wilOnbekendBlijven: boolean };
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

export function emptyIntake(): IntakeForm {
  return {
    betrokkenen: [],
    huishoudenKeuze: 'adres',
    adres: { straat: '', huisnummer: '', toevoeging: '', postcode: '', woonplaats: '', gemeenteCode: '' },
    melder: { hoedanigheid: '', naam: '', organisatie: '', functie: '', telefoon: '', email: '', wilOnbekendBlijven: false },
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
    gekoppeld: { naam: k.naam, geboortedatumLabel: k.geboortedatumLabel, adressen: k.huishoudens.map((h) => h.adres), eerdereMeldingen: k.eerdereMeldingen },
    rol: '',
    huishoudenRol: '',
  };
  // The first linked person's household is the natural default for the melding.
  const eersteKoppeling = !f.betrokkenen.some((x) => x.persoonId);
  return { ...f, betrokkenen: [...f.betrokkenen, b], huishoudenKeuze: eersteKoppeling && k.huishoudens.length ? 'gekoppeld' : f.huishoudenKeuze };
}

export function addNieuwePersoon(f: IntakeForm, prefill: Partial<PersoonForm> = {}): { form: IntakeForm; key: string } {
  const key = nextKey();
  const persoon: PersoonForm = { bsn: '', voornamen: '', tussenvoegsel: '', achternaam: '', geboortedatum: '', geslacht: 'O', ...prefill };
  return { form: { ...f, betrokkenen: [...f.betrokkenen, { key, persoon, rol: '', huishoudenRol: '' }] }, key };
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
export function toMeldingInput(f: IntakeForm): Record<string, unknown> {
  const a = f.adres;
  return {
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
      ? { huishouden: { straat: opt(a.straat), huisnummer: opt(a.huisnummer), toevoeging: opt(a.toevoeging), postcode: opt(a.postcode), woonplaats: opt(a.woonplaats), gemeenteCode: opt(a.gemeenteCode) } }
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
export function validateIntake(f: IntakeForm): { input: MeldingInput | null; errors: FieldErrors } {
  const r = meldingInputSchema.safeParse(toMeldingInput(f));
  const errors: FieldErrors = r.success ? {} : fromZodIssues(r.error.issues);
  if (f.huishoudenKeuze === 'gekoppeld' && gekoppeldeIds(f).length === 0) {
    errors.huishouden = ['Koppel eerst een gevonden persoon, of vul het adres van het huishouden in'];
  }
  return { input: r.success && Object.keys(errors).length === 0 ? r.data : null, errors };
}
