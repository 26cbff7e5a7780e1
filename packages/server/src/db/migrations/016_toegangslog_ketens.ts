// NEN 7513 access log: keyed chains (issues 11 and 18, docs/security.md "Access log").
// - Keyed chains: new entries go to one of 16 chains (access_log.keten 1..16), each with its own
//   head row in access_log_keten. A writer locks only its chain's head (SELECT … FOR UPDATE), so
//   logged requests no longer serialise on one database-wide lock. Every entry carries its position
//   in its chain (volgnr); the hash of an entry in chains 1..16 is an HMAC with the audit key
//   (VOORDEUR_AUDIT_KEY), which the database holder does not have.
// - The entries written before this migration stay as they are: they become chain 0, the legacy
//   prefix with its unkeyed SHA-256 chain, frozen (nothing is appended to it). Their volgnr counts on
//   from the entries already purged under retention anchors. The first signed anchor written after
//   the migration (at the first start: audit/anker.ts) records chain 0's head under the key.
// - TRUNCATE is refused by a trigger on the log, its anchors and its heads (for every role: the owner
//   has to drop the trigger first, which the application role cannot).
export const name = '016_toegangslog_ketens';

export const up: string[] = [
  `alter table access_log add column keten smallint not null default 0, add column volgnr bigint`,
  `alter table access_log disable trigger access_log_no_change`,
  `update access_log a set volgnr = v.n + coalesce((select sum(aantal) from access_log_anker), 0)
     from (select id, row_number() over (order by id) as n from access_log) v where a.id = v.id`,
  `alter table access_log enable trigger access_log_no_change`,
  `alter table access_log alter column volgnr set not null, alter column keten drop default`,
  `create unique index access_log_keten_volgnr on access_log (keten, volgnr)`,

  `create table access_log_keten (
     keten smallint primary key,
     volgnr bigint not null,
     hash text not null
   )`,
  // Chain 0: the legacy prefix's head (last entry, else the latest anchor's, else genesis).
  `insert into access_log_keten (keten, volgnr, hash) values (0,
     coalesce((select max(volgnr) from access_log where keten = 0), (select sum(aantal) from access_log_anker), 0),
     coalesce((select hash from access_log order by id desc limit 1),
              (select last_hash from access_log_anker order by id desc limit 1),
              repeat('0', 64)))`,
  `insert into access_log_keten (keten, volgnr, hash) select g, 0, repeat('0', 64) from generate_series(1, 16) g`,
  // A head only moves forward and is never removed.
  `create function access_log_keten_check() returns trigger language plpgsql as $$
   begin
     if tg_op = 'DELETE' then
       raise exception 'access_log_keten: a chain head cannot be removed';
     end if;
     if tg_op = 'UPDATE' and (new.keten <> old.keten or new.volgnr <= old.volgnr) then
       raise exception 'access_log_keten: a chain head only moves forward';
     end if;
     return new;
   end $$`,
  `create trigger access_log_keten_guard before update or delete on access_log_keten
     for each row execute function access_log_keten_check()`,

  // Retention anchors now record, per chain, the position and hash of the last purged entry.
  `alter table access_log_anker add column ketens jsonb`,

  `create function access_log_no_truncate() returns trigger language plpgsql as $$
   begin
     raise exception '% cannot be truncated (NEN 7513 access log)', tg_table_name;
   end $$`,
  `create trigger access_log_no_truncate before truncate on access_log
     for each statement execute function access_log_no_truncate()`,
  `create trigger access_log_anker_no_truncate before truncate on access_log_anker
     for each statement execute function access_log_no_truncate()`,
  `create trigger access_log_keten_no_truncate before truncate on access_log_keten
     for each statement execute function access_log_no_truncate()`,
];
