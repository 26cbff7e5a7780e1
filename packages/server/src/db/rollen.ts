// Separate database roles on a PostgreSQL server (NEN 7513: the application cannot alter its own
// access log). The schema owner runs the migrations (VOORDEUR_MIGRATION_DATABASE_URL); the
// application connects as a role that may read and write data but is not the owner of anything:
// on access_log and access_log_anker it may only SELECT and INSERT, and DELETE what the retention
// trigger allows (rows already archived under an anchor) — no UPDATE, no TRUNCATE; on the chain
// heads (access_log_keten) only SELECT and UPDATE (forward only, by trigger); and as a
// non-owner it cannot disable or drop the append-only trigger.
import { sql } from 'kysely';
import type { Db } from './index.ts';

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

/** The statements that give `rol` the application's rights (run as the schema owner). */
export function appRolStatements(rol: string): string[] {
  if (!IDENT.test(rol)) throw new Error(`role name must match ${IDENT} (got '${rol}')`);
  return [
    `do $$ begin if not exists (select from pg_roles where rolname = '${rol}') then create role ${rol} login; end if; end $$`,
    `grant usage on schema public to ${rol}`,
    `grant select, insert, update, delete on all tables in schema public to ${rol}`,
    `grant usage, select on all sequences in schema public to ${rol}`,
    `grant execute on all functions in schema public to ${rol}`,
    `revoke update, truncate on access_log, access_log_anker from ${rol}`,
    `revoke delete on access_log_anker from ${rol}`,
    // Chain heads (migration 016): the application moves them forward, never adds, removes or truncates one.
    `do $$ begin if to_regclass('access_log_keten') is not null then revoke insert, delete, truncate on access_log_keten from ${rol}; end if; end $$`,
    // Tables and sequences that later migrations (run by this owner) create.
    `alter default privileges in schema public grant select, insert, update, delete on tables to ${rol}`,
    `alter default privileges in schema public grant usage, select on sequences to ${rol}`,
  ];
}

/** Give the application role its rights; idempotent (run after every migration by the owner). */
export async function grantAppRol(db: Db, rol: string): Promise<void> {
  for (const s of appRolStatements(rol)) await sql.raw(s).execute(db);
}
