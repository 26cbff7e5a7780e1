// The database step of every start (server, `voordeur migrate`/`seed`, tests, bench): apply the migrations
// (db/migrate.ts, schema only), then the post-migration work that needs the modules' code. It sits above the
// modules so that db/ imports none of them (layer rule: docs/architecture.md).
import { versleutelBestaande } from './crypto/veld.ts';
import { applyMigrations } from './db/migrate.ts';
import type { Db } from './db/index.ts';
import { vulNaamsleutels } from './personen/naamsleutels.ts';
import { bijwerkenTermijnen } from './werkvoorraad/termijnen.ts';

export { LATEST_MIGRATION, MIGRATIONS, migrationVersion } from './db/migrate.ts';

/** Migrate the schema and bring code-derived data up to date; returns the migrations applied and the version. */
export async function migrate(db: Db): Promise<{ applied: string[]; version: string }> {
  const result = await applyMigrations(db);
  // Data derived by code: stored werkvoorraad deadlines of rows made before 006 or by an older
  // version of the clock rules.
  await bijwerkenTermijnen(db, 'verouderd');
  // Encrypted fields: check the data key, encrypt values stored before 009 (or bulk-loaded).
  await versleutelBestaande(db);
  // Sound keys of the names of persons made before 017 (or bulk-loaded): the key is domain code.
  await vulNaamsleutels(db);
  return result;
}
