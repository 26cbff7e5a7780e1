// Melder protection (Uitvoeringsbesluit Wmo 2015 art. 4.1.8 lid 3): per melding a recorded
// decision whether the family may learn who reported, with its ground, who decided and when.
// Until a decision allows disclosure the melder is protected: the identity appears in no export,
// inzage document or print (case workers with the `melder` read right still see it on screen).
import { openMelder } from '../crypto/veld.ts';
import { z } from 'zod';
import { versieSchema } from '@voordeur/domain';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { notFound, ValidationError, versionConflict } from '../http/errors.ts';
import { nameTerms, redactor, type Redactor } from './redact.ts';

export const PROFESSIONELE_GRONDEN = ['gevaar_slachtoffer', 'gevaar_melder', 'gevaar_medewerker', 'vertrouwensrelatie', 'geen_bezwaar'] as const;
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
    grond: z.enum(OPENBAARHEID_GRONDEN, { message: 'Kies een grond' }).describe('professional: gevaar_slachtoffer, gevaar_melder, gevaar_medewerker, vertrouwensrelatie, geen_bezwaar; niet-beroepsmatig: toestemming_melder'),
    toestemming: z.boolean().optional().describe('alleen bij grond toestemming_melder: heeft de melder toestemming gegeven?'),
    toelichting: z.string().trim().max(2000, 'Maximaal 2000 tekens').optional().nullable(),
  })
  .superRefine((b, ctx) => {
    if (b.grond === 'toestemming_melder' && b.toestemming === undefined) ctx.addIssue({ code: 'custom', path: ['toestemming'], message: 'Geef aan of de melder toestemming heeft gegeven' });
    if (b.grond !== 'toestemming_melder' && b.toestemming !== undefined) ctx.addIssue({ code: 'custom', path: ['toestemming'], message: 'Toestemming hoort alleen bij een niet-beroepsmatige melder' });
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

const iso = (d: unknown) => new Date(d as string).toISOString();

function toOpenbaarheid(r: any): Openbaarheid {
  return {
    openbaar: r.openbaar,
    grond: r.grond,
    grondLabel: GROND_LABEL[r.grond as OpenbaarheidGrond] ?? r.grond,
    toestemming: r.toestemming,
    toelichting: r.toelichting,
    beslotenDoor: r.besloten_door ? { id: r.besloten_door, naam: r.besloten_door_naam } : null,
    beslotenOp: iso(r.besloten_op),
  };
}

/** The current disclosure decision per melding (none = protected). */
export async function openbaarheidPerMelding(db: Db, meldingIds: number[]): Promise<Map<number, Openbaarheid>> {
  const out = new Map<number, Openbaarheid>();
  if (meldingIds.length === 0) return out;
  const r = await sql<any>`
    select distinct on (o.melding_id) o.*, g.naam as besloten_door_naam
    from melder_openbaarheid o left join gebruiker g on g.id = o.besloten_door
    where o.melding_id = any(${meldingIds})
    order by o.melding_id, o.id desc`.execute(db);
  for (const x of r.rows) out.set(x.melding_id, toOpenbaarheid(x));
  return out;
}

async function professioneleHoedanigheden(db: Db): Promise<Map<string, boolean>> {
  const r = await sql<{ code: string; groep: string | null }>`select distinct on (code) code, groep from codelijst_item where lijst = 'hoedanigheid' order by code, versie desc`.execute(db);
  return new Map(r.rows.map((x) => [x.code, x.groep !== 'burger']));
}

/** Melder status (with identity) of these meldingen. Callers decide what of it may be shown. */
export async function melderStatus(db: Db, meldingIds: number[]): Promise<Map<number, MelderStatus>> {
  const out = new Map<number, MelderStatus>();
  if (meldingIds.length === 0) return out;
  const [rows, besluiten, prof] = await Promise.all([
    sql<any>`select m.id, m.melder_hoedanigheid, md.naam, md.organisatie, md.functie, md.telefoon, md.email, md.wil_onbekend_blijven
             from melding m left join melder md on md.melding_id = m.id where m.id = any(${meldingIds})`.execute(db),
    openbaarheidPerMelding(db, meldingIds),
    professioneleHoedanigheden(db),
  ]);
  for (const row of rows.rows) {
    const r = openMelder(row);
    const o = besluiten.get(r.id) ?? null;
    const heeftIdentiteit = [r.naam, r.organisatie, r.functie, r.telefoon, r.email].some((x) => x);
    out.set(r.id, {
      meldingId: r.id,
      hoedanigheid: r.melder_hoedanigheid,
      professioneel: prof.get(r.melder_hoedanigheid) ?? true,
      beschermd: !(o?.openbaar ?? false),
      openbaarheid: o,
      identiteit: heeftIdentiteit ? { naam: r.naam, organisatie: r.organisatie, functie: r.functie, telefoon: r.telefoon, email: r.email } : null,
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
export async function recordOpenbaarheid(db: Db, meldingId: number, input: MelderOpenbaarheidInput, userId: number, now: Date) {
  const prof = await professioneleHoedanigheden(db);
  return db.transaction().execute(async (tx) => {
    const m = (await sql<any>`select m.id, m.casus_id, m.melder_hoedanigheid, md.wil_onbekend_blijven from melding m left join melder md on md.melding_id = m.id where m.id = ${meldingId}`.execute(tx)).rows[0];
    if (!m) throw notFound('Melding');
    const c = (await sql<any>`select id, versie from casus where id = ${m.casus_id} for update`.execute(tx)).rows[0];
    if (c.versie !== input.versie) throw versionConflict(c.versie, input.versie);
    const professioneel = prof.get(m.melder_hoedanigheid) ?? true;
    if (professioneel && input.grond === 'toestemming_melder') {
      throw new ValidationError([{ field: 'grond', rule: 'hoedanigheid', message: 'De melder is beroepsmatig: kies een van de gronden van art. 4.1.8 lid 3 (gevaar of vertrouwensrelatie) of geen bezwaar' }]);
    }
    if (!professioneel && input.grond !== 'toestemming_melder') {
      throw new ValidationError([{ field: 'grond', rule: 'hoedanigheid', message: 'De melder is niet-beroepsmatig: bekendmaken kan alleen met toestemming van de melder (grond toestemming_melder)' }]);
    }
    const openbaar = input.grond === 'geen_bezwaar' || (input.grond === 'toestemming_melder' && input.toestemming === true);
    if (openbaar && m.wil_onbekend_blijven && !(input.toelichting && input.toelichting.length >= 10)) {
      throw new ValidationError([{ field: 'toelichting', rule: 'verplicht', message: 'De melder wilde onbekend blijven: licht toe waarom de identiteit toch bekend mag worden (minimaal 10 tekens)' }]);
    }
    await sql`insert into melder_openbaarheid (melding_id, openbaar, grond, toestemming, toelichting, besloten_door, besloten_op)
              values (${meldingId}, ${openbaar}, ${input.grond}, ${input.grond === 'toestemming_melder' ? input.toestemming! : null}, ${input.toelichting ?? null}, ${userId}, ${now.toISOString()})`.execute(tx);
    const u = await sql<{ versie: number }>`update casus set versie = versie + 1 where id = ${m.casus_id} returning versie`.execute(tx);
    const clients = await sql<{ persoon_id: number }>`select persoon_id from melding_betrokkene where melding_id = ${meldingId}`.execute(tx);
    const o = (await openbaarheidPerMelding(tx, [meldingId])).get(meldingId)!;
    return { meldingId, casusId: m.casus_id as number, versie: u.rows[0]!.versie, melderBeschermd: !o.openbaar, openbaarheid: o, clientIds: clients.rows.map((r) => r.persoon_id) };
  });
}

/** The decision history of one melding, oldest first (who decided what, when). */
export async function openbaarheidHistorie(db: Db, meldingId: number): Promise<Openbaarheid[]> {
  const r = await sql<any>`select o.*, g.naam as besloten_door_naam from melder_openbaarheid o left join gebruiker g on g.id = o.besloten_door where o.melding_id = ${meldingId} order by o.id`.execute(db);
  return r.rows.map(toOpenbaarheid);
}
