// The werkvoorraad's deadline columns on melding: what sorting, filtering and counting by clock
// state need, as three dates that depend only on the melding's data and the werkdagen calendar
// (never on "today"): termijn_sortering, termijn_open_due, termijn_risico_vanaf — derived by the
// domain's termijnenVan (domain/melding.ts) from exactly the clocks the casus page shows, in the
// same transaction as every write that can change them, for all open meldingen when the calendar
// changes, and after migrations for rows computed by an older TERMIJN_VERSIE (so a change of the
// clock rules recomputes them).
import { termijnenVan } from '@voordeur/domain';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { klokBeleid } from '../referentie/klokbeleid.ts';
import { kalender } from '../referentie/service.ts';
import { informeringPerMelding, meldingFacts, meldingFactsRows, slaTermijnenOp } from './queries.ts';

export { klokStatusSql, procesSql } from './queries.ts';

/**
 * Bump when meldingClocks or the clock policy changes: stored deadlines are then recomputed.
 * 2: the monitoring clock after an overdracht.
 * 3: the dienst and informeren terms run on to the next werkdag (Algemene termijnenwet art. 1).
 */
export const TERMIJN_VERSIE = 3;

/**
 * The version stored with the deadlines: the rules (TERMIJN_VERSIE) and the configured monitoring
 * interval (VOORDEUR_MONITORING_WEKEN), so a changed interval also recomputes them on the next start.
 */
export function termijnVersie(): number {
  return TERMIJN_VERSIE * 1000 + klokBeleid().monitoringWeken;
}

/**
 * Recompute and store the deadline columns of these meldingen (or of all open ones). Call inside
 * the transaction of the write that changed them.
 */
export async function bijwerkenTermijnen(db: Db, meldingIds: number[] | 'alle_open' | 'verouderd'): Promise<number> {
  if (Array.isArray(meldingIds) && !meldingIds.length) return 0;
  const k = await kalender(db);
  const p = klokBeleid();
  const versie = termijnVersie();
  const where =
    meldingIds === 'alle_open'
      ? sql`m.status <> 'afgesloten'`
      : meldingIds === 'verouderd'
        ? sql`m.status <> 'afgesloten' and m.termijn_versie is distinct from ${versie}`
        : sql`m.id = any(${meldingIds})`;
  let done = 0;
  let afterId = 0;
  for (;;) {
    const rows = await meldingFactsRows(db, where, afterId, 2000);
    if (!rows.length) break;
    const ids = rows.map((r) => r.id);
    const inf = await informeringPerMelding(db, ids);
    const t = rows.map((r) => termijnenVan(k, meldingFacts(r), inf.get(r.id) ?? [], p));
    await slaTermijnenOp(db, ids, t, versie);
    done += rows.length;
    afterId = ids[ids.length - 1]!;
    if (rows.length < 2000) break;
  }
  return done;
}
