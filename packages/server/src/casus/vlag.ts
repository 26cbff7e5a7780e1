// The safety flag of a casus: acute danger, weapon, threat to staff — set with the casus
// version like every other change, shown on every page about the household.
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { notFound, ValidationError, versionConflict } from '../http/errors.ts';
import { checkCodes } from '../referentie/service.ts';

export async function setVeiligheidsvlag(
  db: Db,
  casusId: number,
  input: { versie: number; vlaggen: string[]; toelichting?: string | null },
) {
  const errors = await checkCodes(db, [['vlaggen', 'veiligheidsvlag', input.vlaggen]]);
  if (input.vlaggen.length && !input.toelichting)
    errors.push({ field: 'toelichting', rule: 'verplicht_bij_vlag', message: 'Licht de veiligheidsvlag toe' });
  if (errors.length) throw new ValidationError(errors);
  return db.transaction().execute(async (tx) => {
    const c = (await sql<{ versie: number }>`select versie from casus where id = ${casusId} for update`.execute(tx))
      .rows[0];
    if (!c) throw notFound('Casus');
    if (c.versie !== input.versie) throw versionConflict(c.versie, input.versie);
    const r = await sql<{ versie: number }>`
      update casus set veiligheidsvlaggen = ${input.vlaggen}, veiligheidsvlag_toelichting = ${input.vlaggen.length ? (input.toelichting ?? null) : null}, versie = versie + 1
      where id = ${casusId} returning versie`.execute(tx);
    return { casusId, versie: r.rows[0]!.versie, vlaggen: input.vlaggen };
  });
}
