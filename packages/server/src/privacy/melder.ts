// Melder protection (Uitvoeringsbesluit Wmo 2015 art. 4.1.8 lid 3): per melding a recorded
// decision whether the family may learn who reported, with its ground, who decided and when.
// Until a decision allows disclosure the melder is protected: the identity appears in no export,
// inzage document or print (case workers with the `melder` read right still see it on screen).
import { openMelder } from '../crypto/veld.ts';
import { z } from 'zod';
import { versieSchema } from '@voordeur/domain';
import type { Db } from '../db/index.ts';
import { notFound, ValidationError, versionConflict } from '../http/errors.ts';
import * as pq from './queries.ts';
import { nameTerms, redactor, type Redactor } from './redact.ts';

export const PROFESSIONELE_GRONDEN = [
  'gevaar_slachtoffer',
  'gevaar_melder',
  'gevaar_medewerker',
  'vertrouwensrelatie',
  'geen_bezwaar',
] as const;
export const OPENBAARHEID_GRONDEN = [...PROFESSIONELE_GRONDEN, 'toestemming_melder'] as const;
export type OpenbaarheidGrond = (typeof OPENBAARHEID_GRONDEN)[number];

export const GROND_LABEL: Record<OpenbaarheidGrond, string> = {
  gevaar_slachtoffer: 'Niet bekendmaken: gevaar voor de veiligheid van het slachtoffer',
  gevaar_melder: 'Niet bekendmaken: gevaar voor de veiligheid van de melder',
  gevaar_medewerker: 'Niet bekendmaken: gevaar voor de veiligheid van medewerkers',
  vertrouwensrelatie: 'Niet bekendmaken: ernstige schade aan de (zorg)relatie van de melder met de betrokkene',
  geen_bezwaar: 'Bekendmaken: geen van de gronden doet zich voor',
  toestemming_melder: 'Niet-beroepsmatige melder: bekendmaken alleen met toestemming van de melder',
};

export const melderOpenbaarheidInputSchema = z
  .object({
    versie: versieSchema,
    grond: z
      .enum(OPENBAARHEID_GRONDEN, { message: 'Kies een grond' })
      .describe(
        'professional: gevaar_slachtoffer, gevaar_melder, gevaar_medewerker, vertrouwensrelatie, geen_bezwaar; niet-beroepsmatig: toestemming_melder',
      ),
    toestemming: z
      .boolean()
      .optional()
      .describe('alleen bij grond toestemming_melder: heeft de melder toestemming gegeven?'),
    toelichting: z.string().trim().max(2000, 'Maximaal 2000 tekens').optional().nullable(),
  })
  .superRefine((b, ctx) => {
    if (b.grond === 'toestemming_melder' && b.toestemming === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['toestemming'],
        message: 'Geef aan of de melder toestemming heeft gegeven',
      });
    if (b.grond !== 'toestemming_melder' && b.toestemming !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['toestemming'],
        message: 'Toestemming hoort alleen bij een niet-beroepsmatige melder',
      });
  });
export type MelderOpenbaarheidInput = z.infer<typeof melderOpenbaarheidInputSchema>;

export interface Openbaarheid {
  openbaar: boolean;
  grond: OpenbaarheidGrond;
  grondLabel: string;
  toestemming: boolean | null;
  toelichting: string | null;
  beslotenDoor: { id: number; naam: string } | null;
  beslotenOp: string;
}

export interface MelderIdentiteit {
  naam: string | null;
  organisatie: string | null;
  functie: string | null;
  telefoon: string | null;
  email: string | null;
}

export interface MelderStatus {
  meldingId: number;
  hoedanigheid: string;
  professioneel: boolean;
  /** True until a decision allows disclosure to the family. */
  beschermd: boolean;
  openbaarheid: Openbaarheid | null;
  identiteit: MelderIdentiteit | null;
  wilOnbekendBlijven: boolean;
}

const iso = (d: Date | string) => new Date(d).toISOString();

function toOpenbaarheid(r: pq.OpenbaarheidRij): Openbaarheid {
  return {
    openbaar: r.openbaar,
    grond: r.grond as OpenbaarheidGrond,
    grondLabel: GROND_LABEL[r.grond as OpenbaarheidGrond] ?? r.grond,
    toestemming: r.toestemming,
    toelichting: r.toelichting,
    beslotenDoor: r.besloten_door ? { id: r.besloten_door, naam: r.besloten_door_naam ?? '' } : null,
    beslotenOp: iso(r.besloten_op),
  };
}

/** The current disclosure decision per melding (none = protected). */
export async function openbaarheidPerMelding(db: Db, meldingIds: number[]): Promise<Map<number, Openbaarheid>> {
  const out = new Map<number, Openbaarheid>();
  if (meldingIds.length === 0) return out;
  for (const x of await pq.laatsteOpenbaarheid(db, meldingIds)) out.set(x.melding_id, toOpenbaarheid(x));
  return out;
}

async function professioneleHoedanigheden(db: Db): Promise<Map<string, boolean>> {
  return new Map((await pq.hoedanigheidGroepen(db)).map((x) => [x.code, x.groep !== 'burger']));
}

/** Melder status (with identity) of these meldingen. Callers decide what of it may be shown. */
export async function melderStatus(db: Db, meldingIds: number[]): Promise<Map<number, MelderStatus>> {
  const out = new Map<number, MelderStatus>();
  if (meldingIds.length === 0) return out;
  const [rows, besluiten, prof] = await Promise.all([
    pq.melderRijen(db, meldingIds),
    openbaarheidPerMelding(db, meldingIds),
    professioneleHoedanigheden(db),
  ]);
  for (const row of rows) {
    const r = openMelder(row);
    const o = besluiten.get(r.id) ?? null;
    const heeftIdentiteit = [r.naam, r.organisatie, r.functie, r.telefoon, r.email].some((x) => x);
    out.set(r.id, {
      meldingId: r.id,
      hoedanigheid: r.melder_hoedanigheid,
      professioneel: prof.get(r.melder_hoedanigheid) ?? true,
      beschermd: !(o?.openbaar ?? false),
      openbaarheid: o,
      identiteit: heeftIdentiteit
        ? { naam: r.naam, organisatie: r.organisatie, functie: r.functie, telefoon: r.telefoon, email: r.email }
        : null,
      wilOnbekendBlijven: r.wil_onbekend_blijven ?? false,
    });
  }
  return out;
}

/** A redactor for the identity of every protected melder among these statuses. */
export function protectedMelderRedactor(statuses: Iterable<MelderStatus>, keepNames: string[] = []): Redactor {
  const names: string[] = [];
  const numbers: string[] = [];
  const emails: string[] = [];
  for (const s of statuses) {
    if (!s.beschermd || !s.identiteit) continue;
    names.push(...nameTerms(s.identiteit.naam, keepNames));
    if (s.identiteit.organisatie) names.push(s.identiteit.organisatie);
    if (s.identiteit.telefoon) numbers.push(s.identiteit.telefoon);
    if (s.identiteit.email) emails.push(s.identiteit.email);
  }
  return redactor({ names, numbers, emails });
}

/** A redactor for the phone numbers and e-mail addresses of every melder (disclosed or not). */
export function melderContactRedactor(statuses: Iterable<MelderStatus>): Redactor {
  const numbers: string[] = [];
  const emails: string[] = [];
  for (const s of statuses) {
    if (s.identiteit?.telefoon) numbers.push(s.identiteit.telefoon);
    if (s.identiteit?.email) emails.push(s.identiteit.email);
  }
  return redactor({ numbers, emails });
}

/**
 * Record the disclosure decision for the melder of a melding. Checks the casus version and bumps
 * it in the same transaction (like the workflow steps).
 */
export async function recordOpenbaarheid(
  db: Db,
  meldingId: number,
  input: MelderOpenbaarheidInput,
  userId: number,
  now: Date,
) {
  const prof = await professioneleHoedanigheden(db);
  return db.transaction().execute(async (tx) => {
    const m = await pq.meldingMetMelder(tx, meldingId);
    if (!m) throw notFound('Melding');
    const versie = (await pq.casusVersieVoorUpdate(tx, m.casus_id))!;
    if (versie !== input.versie) throw versionConflict(versie, input.versie);
    const professioneel = prof.get(m.melder_hoedanigheid) ?? true;
    if (professioneel && input.grond === 'toestemming_melder') {
      throw new ValidationError([
        {
          field: 'grond',
          rule: 'hoedanigheid',
          message:
            'De melder is beroepsmatig: kies een van de gronden van art. 4.1.8 lid 3 (gevaar of vertrouwensrelatie) of geen bezwaar',
        },
      ]);
    }
    if (!professioneel && input.grond !== 'toestemming_melder') {
      throw new ValidationError([
        {
          field: 'grond',
          rule: 'hoedanigheid',
          message:
            'De melder is niet-beroepsmatig: bekendmaken kan alleen met toestemming van de melder (grond toestemming_melder)',
        },
      ]);
    }
    const openbaar =
      input.grond === 'geen_bezwaar' || (input.grond === 'toestemming_melder' && input.toestemming === true);
    if (openbaar && m.wil_onbekend_blijven && !(input.toelichting && input.toelichting.length >= 10)) {
      throw new ValidationError([
        {
          field: 'toelichting',
          rule: 'verplicht',
          message:
            'De melder wilde onbekend blijven: licht toe waarom de identiteit toch bekend mag worden (minimaal 10 tekens)',
        },
      ]);
    }
    await pq.insertOpenbaarheid(tx, {
      melding_id: meldingId,
      openbaar,
      grond: input.grond,
      toestemming: input.grond === 'toestemming_melder' ? input.toestemming! : null,
      toelichting: input.toelichting ?? null,
      besloten_door: userId,
      besloten_op: now,
    });
    const nieuweVersie = await pq.verhoogCasusVersie(tx, m.casus_id);
    const clients = await pq.betrokkenenVanMelding(tx, meldingId);
    const o = (await openbaarheidPerMelding(tx, [meldingId])).get(meldingId)!;
    return {
      meldingId,
      casusId: m.casus_id,
      versie: nieuweVersie,
      melderBeschermd: !o.openbaar,
      openbaarheid: o,
      clientIds: clients,
    };
  });
}

/** The decision history of one melding, oldest first (who decided what, when). */
export async function openbaarheidHistorie(db: Db, meldingId: number): Promise<Openbaarheid[]> {
  return (await pq.openbaarheidRijen(db, meldingId)).map(toOpenbaarheid);
}
