// Privacy: melder protection decisions, rights of persons (inzage/afschrift, correction with
// history, destruction on request with tombstones), dossier retention with legal hold, and
// access-log retention by archive-and-anchor (see docs/privacy.md).
export const name = '004_privacy';

export const up: string[] = [
  // ---- melder protection (Uitvoeringsbesluit Wmo 2015 art. 4.1.8 lid 3): may the family learn
  // who reported? One row per decision; the latest (highest id) per melding counts.
  `create table melder_openbaarheid (
     id serial primary key,
     melding_id int not null references melding,
     openbaar boolean not null,
     grond text not null check (grond in ('gevaar_slachtoffer','gevaar_melder','gevaar_medewerker','vertrouwensrelatie','geen_bezwaar','toestemming_melder')),
     toestemming boolean,
     toelichting text,
     besloten_door int not null references gebruiker,
     besloten_op timestamptz not null,
     check ((grond = 'toestemming_melder') = (toestemming is not null))
   )`,
  `create index melder_openbaarheid_melding on melder_openbaarheid (melding_id, id desc)`,

  // ---- correction with history (old value kept)
  `create table persoon_correctie (
     id serial primary key,
     persoon_id int not null references persoon,
     veld text not null check (veld in ('bsn','voornamen','tussenvoegsel','achternaam','geboortedatum','geslacht')),
     oude_waarde text,
     nieuwe_waarde text,
     reden text not null,
     door int not null references gebruiker,
     op timestamptz not null
   )`,
  `create index persoon_correctie_persoon on persoon_correctie (persoon_id, id)`,

  // ---- inzage / afschrift (Wmo 2015 art. 5.3.2): the request, its signals and its decision.
  // persoon_id has no foreign key: the request outlives a destroyed person (tombstone).
  `create table inzageverzoek (
     id serial primary key,
     persoon_id int not null,
     soort text not null check (soort in ('inzage','afschrift')),
     verzoeker_relatie text not null check (verzoeker_relatie in ('betrokkene','wettelijk_vertegenwoordiger','gemachtigde')),
     verzoeker_naam text,
     ontvangen_op date not null,
     toelichting text,
     signalen text[] not null default '{}',
     geregistreerd_door int not null references gebruiker,
     geregistreerd_op timestamptz not null,
     besluit text check (besluit in ('toegewezen','deels_toegewezen','afgewezen')),
     weigeringsgronden text[] not null default '{}',
     motivering text,
     besloten_door int references gebruiker,
     besloten_op timestamptz,
     verstrekt_op timestamptz,
     verstrekt_door int references gebruiker
   )`,
  `create index inzageverzoek_persoon on inzageverzoek (persoon_id)`,

  // ---- destruction on request (Wmo 2015 art. 5.3.5): 3-month clock, motivated refusal
  `create table vernietigingsverzoek (
     id serial primary key,
     persoon_id int not null,
     verzoeker_relatie text not null check (verzoeker_relatie in ('betrokkene','wettelijk_vertegenwoordiger','gemachtigde')),
     verzoeker_naam text,
     ontvangen_op date not null,
     uiterlijk_op date not null,
     toelichting text,
     geregistreerd_door int not null references gebruiker,
     geregistreerd_op timestamptz not null,
     besluit text check (besluit in ('toegewezen','afgewezen')),
     weigeringsgrond text check (weigeringsgrond in ('aanmerkelijk_belang_ander','wettelijk_voorschrift')),
     motivering text,
     melder_melding_ids int[] not null default '{}',
     besloten_door int references gebruiker,
     besloten_op timestamptz,
     uitgevoerd_op timestamptz,
     uitgevoerd_door int references gebruiker,
     check ((besluit = 'afgewezen') = (weigeringsgrond is not null))
   )`,
  `create index vernietigingsverzoek_persoon on vernietigingsverzoek (persoon_id)`,

  // ---- tombstones: the only thing left of a destroyed person or casus
  `create table persoon_vernietigd (
     persoon_id int primary key,
     vernietigd_op timestamptz not null,
     door int references gebruiker,
     grond text not null check (grond in ('verzoek','bewaartermijn')),
     verzoek_id int references vernietigingsverzoek,
     casus_id int
   )`,
  `create table casus_vernietigd (
     casus_id int primary key,
     nummer text not null,
     vernietigd_op timestamptz not null,
     door int references gebruiker,
     grond text not null check (grond in ('bewaartermijn')),
     bewaartermijn_einde date not null
   )`,

  // ---- legal hold on a casus (no retention destruction while active)
  `create table bewaarblokkade (
     id serial primary key,
     casus_id int not null references casus,
     reden text not null,
     ingesteld_door int not null references gebruiker,
     ingesteld_op timestamptz not null,
     opgeheven_op timestamptz,
     opgeheven_door int references gebruiker,
     opheffing_reden text
   )`,
  `create unique index bewaarblokkade_actief on bewaarblokkade (casus_id) where opgeheven_op is null`,

  // ---- access-log retention: archive-and-anchor. A purge removes a PREFIX of the chain only,
  // after recording the hash of its last entry here; verification starts from the latest anchor.
  `create table access_log_anker (
     id serial primary key,
     first_id bigint not null,
     last_id bigint not null,
     last_hash text not null,
     aantal bigint not null,
     first_at timestamptz not null,
     last_at timestamptz not null,
     archief_sha256 text,
     gemaakt_op timestamptz not null default now(),
     prev_hash text not null,
     hash text not null
   )`,
  // An anchor may only move forward, must match the log, and may only cover entries older than
  // the legal minimum of 5 years (NEN 7513), whatever the application asks for.
  `create function access_log_anker_check() returns trigger language plpgsql as $$
   declare
     prev_last bigint;
     h text;
   begin
     if tg_op <> 'INSERT' then
       raise exception 'access_log_anker is append-only';
     end if;
     select coalesce(max(last_id), 0) into prev_last from access_log_anker;
     if new.last_id <= prev_last then
       raise exception 'access_log_anker must move forward';
     end if;
     select hash into h from access_log where id = new.last_id;
     if h is null or h <> new.last_hash then
       raise exception 'access_log_anker does not match the access log';
     end if;
     if exists (select 1 from access_log where id > prev_last and id <= new.last_id and at >= now() - interval '5 years') then
       raise exception 'access log entries younger than 5 years cannot be purged';
     end if;
     return new;
   end $$`,
  `create trigger access_log_anker_guard before insert or update or delete on access_log_anker
     for each row execute function access_log_anker_check()`,
  // The append-only trigger stays; it now lets a delete through only for entries already covered
  // by an anchor (a purged prefix). Updates, and deletes in the live chain, are still refused.
  `create or replace function access_log_append_only() returns trigger language plpgsql as $$
   begin
     if tg_op = 'DELETE' and old.id <= (select coalesce(max(last_id), 0) from access_log_anker) then
       return old;
     end if;
     raise exception 'access_log is append-only';
   end $$`,
];
