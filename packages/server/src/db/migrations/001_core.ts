// Core schema: organisation, reference data, persons and households, casus/melding workflow,
// users and sessions, and the access log. Plain SQL that runs on PostgreSQL 15 and PGlite (18).
export const name = '001_core';

export const up: string[] = [
  `create extension if not exists pg_trgm`,

  // ---- organisation and reference data
  `create table organisatie (
     id serial primary key,
     code text not null unique,
     naam text not null
   )`,
  `create table team (
     id serial primary key,
     organisatie_id int not null references organisatie,
     naam text not null,
     unique (organisatie_id, naam)
   )`,
  `create table gemeente (
     code text primary key check (code ~ '^GM[0-9]{4}$'),
     naam text not null,
     organisatie_id int not null references organisatie,
     team_id int references team
   )`,
  `create table huishoudens_telling (
     gemeente_code text not null references gemeente,
     jaar int not null,
     totaal int not null check (totaal >= 0),
     met_kinderen int not null check (met_kinderen >= 0),
     zonder_kinderen int not null check (zonder_kinderen >= 0),
     primary key (gemeente_code, jaar)
   )`,
  `create table codelijst_versie (
     lijst text not null,
     versie text not null,
     omschrijving text not null,
     geldig_van date not null,
     primary key (lijst, versie)
   )`,
  `create table codelijst_item (
     lijst text not null,
     versie text not null,
     code text not null,
     label text not null,
     groep text,
     subgroep text,
     cbs2015 text,
     volgorde int not null,
     primary key (lijst, versie, code),
     foreign key (lijst, versie) references codelijst_versie
   )`,
  `create table gelijkgestelde_dag (
     datum date primary key,
     naam text not null
   )`,

  // ---- users and sessions
  `create table gebruiker (
     id serial primary key,
     organisatie_id int not null references organisatie,
     gebruikersnaam text not null unique,
     naam text not null,
     wachtwoord_hash text not null,
     rollen text[] not null,
     team_id int references team,
     actief boolean not null default true,
     aangemaakt_op timestamptz not null default now()
   )`,
  `create table sessie (
     id text primary key,
     gebruiker_id int not null references gebruiker,
     csrf_token text not null,
     aangemaakt_op timestamptz not null default now(),
     laatst_actief_op timestamptz not null default now(),
     verloopt_op timestamptz not null,
     beeindigd_op timestamptz
   )`,
  `create index sessie_gebruiker on sessie (gebruiker_id)`,

  // ---- persons and households
  `create table huishouden (
     id serial primary key,
     straat text,
     huisnummer text,
     toevoeging text,
     postcode text,
     woonplaats text,
     gemeente_code text references gemeente,
     aangemaakt_op timestamptz not null default now()
   )`,
  `create index huishouden_adres on huishouden (postcode, huisnummer)`,
  `create table persoon (
     id serial primary key,
     bsn text check (bsn ~ '^[0-9]{9}$'),
     achternaam text not null,
     tussenvoegsel text,
     voornamen text,
     geboortedatum text check (geboortedatum ~ '^[0-9]{8}$'),
     geslacht text not null default 'O' check (geslacht in ('V','M','O')),
     zoeknaam text not null,
     aangemaakt_op timestamptz not null default now()
   )`,
  `create unique index persoon_bsn on persoon (bsn) where bsn is not null`,
  `create index persoon_zoeknaam_trgm on persoon using gin (zoeknaam gin_trgm_ops)`,
  `create index persoon_geboortedatum on persoon (geboortedatum)`,
  `create table huishouden_lid (
     huishouden_id int not null references huishouden,
     persoon_id int not null references persoon,
     rol text not null,
     sinds timestamptz not null default now(),
     primary key (huishouden_id, persoon_id)
   )`,
  `create index huishouden_lid_persoon on huishouden_lid (persoon_id)`,

  // ---- casus and melding
  `create sequence casus_nummer_seq`,
  `create sequence melding_nummer_seq`,
  `create sequence adviesvraag_nummer_seq`,
  `create table casus (
     id serial primary key,
     nummer text not null unique,
     huishouden_id int not null references huishouden,
     team_id int not null references team,
     status text not null check (status in ('open','gesloten')),
     versie int not null default 0,
     geopend_op timestamptz not null,
     gesloten_op timestamptz,
     veiligheidsvlag text
   )`,
  `create unique index casus_een_open_per_huishouden on casus (huishouden_id) where status = 'open'`,
  `create table melding (
     id serial primary key,
     nummer text not null unique,
     casus_id int not null references casus,
     team_id int not null references team,
     behandelaar_id int references gebruiker,
     status text not null check (status in ('ontvangen','beoordeeld','dienst_vv','dienst_onderzoek','overgedragen','afgesloten')),
     ontvangen_op timestamptz not null,
     geregistreerd_op timestamptz not null default now(),
     geregistreerd_door int references gebruiker,
     binnenkomst text not null,
     melder_hoedanigheid text not null,
     regio text not null check (regio in ('eigen','andere','onbekend')),
     gemeente_code text references gemeente,
     aanleiding text[] not null,
     aard text[] not null,
     omschrijving text not null,
     met_kinderen boolean not null,
     adviesvraag_id int,
     afgesloten_op timestamptz
   )`,
  `create index melding_open on melding (team_id, status, ontvangen_op) where status <> 'afgesloten'`,
  `create index melding_casus on melding (casus_id)`,
  `create index melding_ontvangen on melding (ontvangen_op)`,
  // Melder identity is kept apart from the case narrative (melder protection).
  `create table melder (
     melding_id int primary key references melding,
     naam text,
     organisatie text,
     functie text,
     telefoon text,
     email text,
     wil_onbekend_blijven boolean not null default false
   )`,
  `create table melding_betrokkene (
     melding_id int not null references melding,
     persoon_id int not null references persoon,
     rol text not null,
     primary key (melding_id, persoon_id)
   )`,
  `create index melding_betrokkene_persoon on melding_betrokkene (persoon_id)`,
  `create table adviesvraag (
     id serial primary key,
     nummer text not null unique,
     ontvangen_op timestamptz not null,
     geregistreerd_door int references gebruiker,
     team_id int references team,
     hoedanigheid text not null,
     aanleiding text[] not null,
     aard text[] not null,
     regio text not null check (regio in ('eigen','andere','onbekend')),
     gemeente_code text references gemeente,
     vraag text not null,
     advies text not null,
     afgesloten_op timestamptz,
     omgezet_in_melding_id int references melding
   )`,
  `create index adviesvraag_ontvangen on adviesvraag (ontvangen_op)`,
  `create table veiligheidsbeoordeling (
     melding_id int primary key references melding,
     acute_onveiligheid boolean not null,
     structurele_onveiligheid boolean not null,
     uitkomst text not null,
     motivering text not null,
     bronnen text[] not null,
     besloten_door int not null references gebruiker,
     getoetst_door int not null references gebruiker,
     vastgesteld_op timestamptz not null,
     check (besloten_door <> getoetst_door)
   )`,
  `create table dienst (
     id serial primary key,
     melding_id int not null unique references melding,
     soort text not null check (soort in ('voorwaarden_en_vervolg','onderzoek')),
     gestart_op timestamptz not null,
     gestart_door int references gebruiker,
     toelichting text,
     veiligheidsvoorwaarden jsonb not null default '[]',
     onderzoek_uitkomsten jsonb,
     afgesloten_op timestamptz
   )`,
  `create table overdracht (
     id serial primary key,
     melding_id int not null unique references melding,
     ontvanger_type text not null,
     ontvanger_naam text not null,
     reeds_bekend boolean not null,
     warm boolean not null,
     moment text not null check (moment in ('na_beoordeling','na_dienst')),
     overgedragen_op timestamptz not null,
     door int references gebruiker,
     monitoring_afspraken text
   )`,
  `create table afsluiting (
     melding_id int primary key references melding,
     reden text not null,
     toelichting text,
     moment text not null check (moment in ('na_beoordeling','na_dienst','na_monitoring')),
     afgesloten_op timestamptz not null,
     door int references gebruiker
   )`,
  `create table rvdk_verzoek (
     id serial primary key,
     melding_id int not null references melding,
     motivering text not null,
     verzocht_op timestamptz not null,
     door int references gebruiker
   )`,
  `create table terugkoppeling (
     id serial primary key,
     melding_id int not null references melding,
     moment text not null check (moment in ('na_beoordeling','na_onderzoek')),
     inhoud text not null,
     gedaan_op timestamptz not null,
     door int references gebruiker,
     unique (melding_id, moment)
   )`,
  `create table informering (
     melding_id int not null references melding,
     persoon_id int not null references persoon,
     verlengingen jsonb not null default '[]',
     geinformeerd_op timestamptz,
     wijze text,
     door int references gebruiker,
     primary key (melding_id, persoon_id)
   )`,

  // ---- NEN 7513 access log: append-only, hash-chained
  `create table access_log (
     id bigserial primary key,
     at timestamptz not null,
     user_id int,
     on_behalf_of int,
     client_ids int[] not null default '{}',
     action text not null,
     object_type text not null,
     object_id text,
     purpose text,
     route text,
     outcome text not null,
     prev_hash text not null,
     hash text not null
   )`,
  `create index access_log_at on access_log (at)`,
  `create index access_log_clients on access_log using gin (client_ids)`,
  `create function access_log_append_only() returns trigger language plpgsql as $$
   begin
     raise exception 'access_log is append-only';
   end $$`,
  `create trigger access_log_no_change before update or delete on access_log
     for each row execute function access_log_append_only()`,
];
