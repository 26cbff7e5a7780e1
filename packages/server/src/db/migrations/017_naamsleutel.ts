// Finding a person despite spelling (issue 19): the sound keys of each person's name (domain
// naamSleutels(): per surname part and first voornaam, the consonant skeleton and its one-letter
// deletions), searched beside the trigram index; and the confirmations "this new person is not that
// existing one" given at intake (logged: who, when, in which melding), which the radar of the new
// melding shows as "mogelijk dezelfde persoon". The keys of existing persons are filled at start-up
// (startup.ts: the key function is domain code); a person's keys go with the person.
export const name = '017_naamsleutel';

export const up = [
  `create table naamsleutel (
     sleutel text not null,
     persoon_id int not null references persoon(id) on delete cascade,
     primary key (sleutel, persoon_id)
   )`,
  `create index naamsleutel_persoon on naamsleutel (persoon_id)`,
  `create table persoon_niet_dubbel (
     id serial primary key,
     persoon_id int not null references persoon(id) on delete cascade,
     kandidaat_id int not null references persoon(id) on delete cascade,
     score numeric(6,2) not null,
     redenen text[] not null default '{}',
     melding_id int references melding(id) on delete cascade,
     bevestigd_door int not null references gebruiker(id),
     bevestigd_op timestamptz not null,
     unique (persoon_id, kandidaat_id)
   )`,
  `create index persoon_niet_dubbel_kandidaat on persoon_niet_dubbel (kandidaat_id)`,
];
