// Intake lookups by id are tied to what the user found (issue 10): the persons a search of this
// session returned (by name, BSN or address, and the members of a household shown at intake). The
// radar and the intake household answer only for those persons, or for persons of meldingen the user
// has a work relation with — not for any id a worker types (ids are sequential). A row counts for
// 12 hours (a shift) and is then removed; rows go with the person (vernietiging).
export const name = '020_intake_gevonden';

export const up = [
  `create table intake_gevonden (
     sessie_id text not null references sessie on delete cascade,
     persoon_id int not null references persoon on delete cascade,
     gevonden_op timestamptz not null,
     primary key (sessie_id, persoon_id)
   )`,
  `create index intake_gevonden_persoon on intake_gevonden (persoon_id)`,
  `create index intake_gevonden_op on intake_gevonden (gevonden_op)`,
];
