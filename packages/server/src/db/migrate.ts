// Versioned migrations: plain SQL statements in order, recorded in schema_migration. Only the schema: the work
// that follows a migration with code from the modules (derived dates, encryption of old values) is in
// ../startup.ts, which is what the server, the CLI and the tests call.
import { sql } from 'kysely';
import type { Db } from './index.ts';
import * as m001 from './migrations/001_core.ts';
import * as m002 from './migrations/002_signalen.ts';
import * as m003 from './migrations/003_auth.ts';
import * as m004 from './migrations/004_privacy.ts';
import * as m005 from './migrations/005_rapportage.ts';
import * as m006 from './migrations/006_termijnen.ts';
import * as m007 from './migrations/007_toegang.ts';
import * as m008 from './migrations/008_gebruikersbeheer.ts';
import * as m009 from './migrations/009_versleuteling.ts';
import * as m010 from './migrations/010_autovacuum.ts';
import * as m011 from './migrations/011_zoeknaam.ts';
import * as m012 from './migrations/012_zoeknaam_prefix.ts';
import * as m013 from './migrations/013_cbs_v2.ts';
import * as m014 from './migrations/014_monitoringcontact.ts';
import * as m015 from './migrations/015_cbs_correcties.ts';
import * as m016 from './migrations/016_toegangslog_ketens.ts';
import * as m017 from './migrations/017_naamsleutel.ts';
import * as m018 from './migrations/018_contact.ts';
import * as m020 from './migrations/020_intake_gevonden.ts';
import * as m021 from './migrations/021_toegangslog_verzoek.ts';

interface Migration {
  name: string;
  up: string[];
}
// A migration with no statements is not applied (a module's reserved slot).
export const MIGRATIONS: Migration[] = [
  m001,
  m002,
  m003,
  m004,
  m005,
  m006,
  m007,
  m008,
  m009,
  m010,
  m011,
  m012,
  m013,
  m014,
  m015,
  m016,
  m017,
  m018,
  m020,
  m021,
].filter((m) => m.up.length > 0);
export const LATEST_MIGRATION = MIGRATIONS[MIGRATIONS.length - 1]!.name;

/** Apply the migrations not yet applied (schema only; `migrate` in ../startup.ts adds the post-migration work). */
export async function applyMigrations(db: Db): Promise<{ applied: string[]; version: string }> {
  await sql`create table if not exists schema_migration (name text primary key, applied_at timestamptz not null default now())`.execute(
    db,
  );
  const applied: string[] = [];
  await db.transaction().execute(async (tx) => {
    // One migrator at a time, also with several app nodes on one PostgreSQL server.
    await sql`select pg_advisory_xact_lock(74201)`.execute(tx);
    const done = new Set(
      (await sql<{ name: string }>`select name from schema_migration`.execute(tx)).rows.map((r) => r.name),
    );
    for (const m of MIGRATIONS) {
      if (done.has(m.name)) continue;
      for (const stmt of m.up) await sql.raw(stmt).execute(tx);
      await sql`insert into schema_migration (name) values (${m.name})`.execute(tx);
      applied.push(m.name);
    }
  });
  return { applied, version: await migrationVersion(db) };
}

export async function migrationVersion(db: Db): Promise<string> {
  const r = await sql<{ name: string }>`select name from schema_migration order by name desc limit 1`.execute(db);
  return r.rows[0]?.name ?? 'none';
}
