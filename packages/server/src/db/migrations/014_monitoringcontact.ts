// Monitoring after an overdracht: each monitoringcontact (has help started, is the situation safe?)
// is a row of its own. The monitoring clock (domain clocks.ts monitoringClock) runs from the
// overdracht or the last contact; the stored werkvoorraad deadlines are recomputed by TERMIJN_VERSIE.
export const name = '014_monitoringcontact';

export const up = [
  `create table monitoringcontact (
     id serial primary key,
     melding_id int not null references melding,
     gedaan_op timestamptz not null,
     bevindingen text not null,
     hulp_gestart text not null check (hulp_gestart in ('ja','nee','onbekend')),
     veilig text not null check (veilig in ('ja','nee','twijfel')),
     door int references gebruiker,
     vastgelegd_op timestamptz not null default now()
   )`,
  `create index monitoringcontact_melding on monitoringcontact (melding_id, gedaan_op)`,
];
