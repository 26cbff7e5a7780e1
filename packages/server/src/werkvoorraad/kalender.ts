// Changing the werkdagen calendar (equated days, Atw art. 3 lid 3): the change and the stored
// werkvoorraad deadlines of every open melding, in one transaction. A use case above both the
// reference data (referentie/) and the deadlines (termijnen.ts), so neither imports the other.
import type { Db } from '../db/index.ts';
import { verwijderGelijkgesteldeDagRij, zetGelijkgesteldeDag } from '../referentie/queries.ts';
import { invalidateReferenceCache } from '../referentie/service.ts';
import { bijwerkenTermijnen } from './termijnen.ts';

/** Equated days change werkdagen counting: the calendar cache is dropped at once. */
export async function setGelijkgesteldeDag(db: Db, datum: string, naam: string) {
  await wijzigKalender(db, (tx) => zetGelijkgesteldeDag(tx, datum, naam));
}

/** Removing an equated day (e.g. entered by mistake) makes it a werkdag again. */
export async function verwijderGelijkgesteldeDag(db: Db, datum: string): Promise<boolean> {
  let found = false;
  await wijzigKalender(db, async (tx) => {
    found = await verwijderGelijkgesteldeDagRij(tx, datum);
  });
  return found;
}

async function wijzigKalender(db: Db, change: (tx: Db) => Promise<void>) {
  try {
    await db.transaction().execute(async (tx) => {
      await change(tx);
      invalidateReferenceCache();
      await bijwerkenTermijnen(tx, 'alle_open');
    });
  } finally {
    invalidateReferenceCache();
  }
}
