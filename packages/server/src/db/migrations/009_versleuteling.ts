// Field-level encryption (crypto/veld.ts): BSN stored encrypted with a keyed hash for lookups
// and uniqueness; melder identity encrypted with keyed hashes of the name's words; the key
// check value. Existing plaintext values are encrypted right after the migrations (migrate()).
export const name = '009_versleuteling';

export const up = [
  `drop index if exists persoon_bsn`,
  `alter table persoon drop constraint if exists persoon_bsn_check`,
  `alter table persoon add column bsn_hash text`,
  `create unique index persoon_bsn_hash on persoon (bsn_hash) where bsn_hash is not null`,
  `alter table melder add column naam_zoek text[] not null default '{}'`,
  `create index melder_naam_zoek on melder using gin (naam_zoek)`,
  `create table data_sleutel (
     id int primary key check (id = 1),
     kcv text not null,
     aangemaakt_op timestamptz not null default now()
   )`,
];
