// Intake lookups by id answer only for persons the user found (issue 10). The radar and the intake
// household take person and household ids; ids are sequential, so without this rule any case worker
// could step through the region's households (address, members, earlier meldingen). A person id is
// accepted when a search of the same session showed that person in the last 12 hours (by name, BSN,
// address, or as a member of a household shown at intake), or when the person is in a melding the
// user has a work relation with (own team, behandelaar, registrant, triage, MDO; the crisisdienst at
// night has all: toegang/relatie.ts). Anything else — also an id that does not exist — is the same 403,
// so the answer does not tell whether an id exists.
import type { Session } from '../auth/session.ts';
import type { Db } from '../db/index.ts';
import { HttpError } from '../http/errors.ts';
import { werkrelatieMeldingSql } from '../toegang/relatie.ts';
import * as q from './gevonden-queries.ts';

export const GEVONDEN_GELDIG_UREN = 12;

const verlopen = (now: Date) => new Date(now.getTime() - GEVONDEN_GELDIG_UREN * 3_600_000);

/** Remember the persons a search or an intake view showed to this session. */
export async function onthoudGevonden(db: Db, session: Session, persoonIds: number[], now: Date): Promise<void> {
  await q.onthoudGevonden(db, session.id, [...new Set(persoonIds)], now, verlopen(now));
}

/** Refuse (403 `niet_gevonden`, naming the field) ids this session did not find and has no relation with. */
export async function eisGevonden(
  db: Db,
  session: Session,
  now: Date,
  ids: { persoonIds?: number[]; huishoudenId?: number },
): Promise<void> {
  const relatie = await werkrelatieMeldingSql(db, session.user, now);
  if (relatie === null) return;
  const fout = (veld: string) =>
    new HttpError(
      403,
      'niet_gevonden',
      'Zoek de persoon eerst op (naam, BSN of adres): gegevens worden alleen getoond voor personen die u in deze intake hebt gevonden of met wie u een werkrelatie hebt.',
      { fields: [{ field: veld, rule: 'gevonden', message: 'niet gevonden in deze sessie en geen werkrelatie' }] },
    );
  if (ids.persoonIds?.length && (await q.nietGevonden(db, session.id, ids.persoonIds, verlopen(now), relatie)).length)
    throw fout('persoonIds');
  if (ids.huishoudenId !== undefined) {
    const leden = await q.ledenVanHuishouden(db, ids.huishoudenId);
    // A household counts as found when one of its members was found (or is in a related melding).
    if (
      leden.length === 0 ||
      (await q.nietGevonden(db, session.id, leden, verlopen(now), relatie)).length === leden.length
    )
      throw fout('huishoudenId');
  }
}
