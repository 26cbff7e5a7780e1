// Contact with the household (issue 13, docs/contact.md): the contact journal, the organisation's
// home-visit protocol with its history, and planned home visits with their gezondheidscheck and
// overrides. Journal entries are never updated: a correction or addition is a new row that refers
// to the old one (correctie_van).
export const name = '018_contact';

export const up = [
  `create table contact (
     id serial primary key,
     casus_id int not null references casus,
     melding_id int references melding,
     soort text not null check (soort in ('huisbezoek','telefoon','beeldbellen','gesprek_kantoor','gesprek_school','kindgesprek','schriftelijk')),
     begin_op timestamptz not null,
     duur_minuten int check (duur_minuten between 1 and 1440),
     met_melder boolean not null default false,
     professionals jsonb not null default '[]',
     medewerker_ids int[] not null,
     politie boolean not null default false,
     gezegd text,
     gezien text,
     afgesproken text,
     correctie_van int references contact,
     correctie_soort text check (correctie_soort in ('correctie','aanvulling')),
     huisbezoek_id int,
     vastgelegd_door int references gebruiker,
     vastgelegd_op timestamptz not null default now(),
     check ((correctie_van is null) = (correctie_soort is null))
   )`,
  `create index contact_casus on contact (casus_id, begin_op)`,
  `create index contact_melding on contact (melding_id)`,
  `create table contact_persoon (
     contact_id int not null references contact on delete cascade,
     persoon_id int not null references persoon,
     primary key (contact_id, persoon_id)
   )`,
  `create index contact_persoon_persoon on contact_persoon (persoon_id)`,
  `create table huisbezoekprotocol (
     id serial primary key,
     organisatie_id int not null references organisatie,
     protocol text not null check (protocol in ('ja_tenzij','nee_tenzij')),
     ingang date not null,
     reden text not null,
     door int references gebruiker,
     vastgelegd_op timestamptz not null default now()
   )`,
  `create index huisbezoekprotocol_org on huisbezoekprotocol (organisatie_id, ingang)`,
  `create table huisbezoek (
     id serial primary key,
     casus_id int not null references casus,
     melding_id int references melding,
     gepland_op timestamptz not null,
     medewerker_ids int[] not null,
     politie boolean not null default false,
     protocol text not null check (protocol in ('ja_tenzij','nee_tenzij')),
     reden text,
     toelichting text,
     gezondheidscheck jsonb not null,
     overrides text[] not null default '{}',
     status text not null check (status in ('gepland','wacht_op_goedkeuring','afgewezen')),
     aangevraagd_door int references gebruiker,
     aangevraagd_op timestamptz not null,
     besloten_door int references gebruiker,
     besloten_op timestamptz,
     besluit_toelichting text
   )`,
  `create index huisbezoek_casus on huisbezoek (casus_id, gepland_op)`,
  `alter table contact add foreign key (huisbezoek_id) references huisbezoek`,
];
