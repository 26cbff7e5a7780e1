// Relation-based access to a casus (docs/security.md, "Access to a casus"): colleagues consulted
// in an MDO, and emergency access ("break the glass") with the privacy officer's review.
export const name = '007_toegang';

export const up: string[] = [
  // A colleague (often a gedragswetenschapper or vertrouwensarts, possibly of another team)
  // consulted about this casus in an MDO. Gives access to the casus while it is active: not ended
  // and not past geldig_tot. Rows reference the casus, so destroying the casus removes them.
  `create table mdo_consultatie (
     id serial primary key,
     casus_id int not null references casus,
     gebruiker_id int not null references gebruiker,
     toelichting text not null,
     vastgelegd_door int not null references gebruiker,
     vastgelegd_op timestamptz not null,
     geldig_tot timestamptz not null,
     beeindigd_op timestamptz,
     beeindigd_door int references gebruiker,
     check (geldig_tot > vastgelegd_op)
   )`,
  `create index mdo_consultatie_casus on mdo_consultatie (casus_id, gebruiker_id)`,
  `create unique index mdo_consultatie_een_actief on mdo_consultatie (casus_id, gebruiker_id) where beeindigd_op is null`,

  // Emergency access: one user, one casus, one session, limited in time. The privacy officer
  // reviews every one (oordeel + notitie). sessie_id has no foreign key: the review outlives it.
  `create table noodtoegang (
     id serial primary key,
     casus_id int not null references casus,
     gebruiker_id int not null references gebruiker,
     sessie_id text not null,
     reden text not null,
     verleend_op timestamptz not null,
     verloopt_op timestamptz not null,
     beoordeeld_op timestamptz,
     beoordeeld_door int references gebruiker,
     oordeel text check (oordeel in ('gerechtvaardigd','niet_gerechtvaardigd')),
     beoordeling_notitie text,
     check (verloopt_op > verleend_op),
     check ((beoordeeld_op is null) = (oordeel is null) and (oordeel is null) = (beoordeling_notitie is null) and (oordeel is null) = (beoordeeld_door is null))
   )`,
  `create index noodtoegang_gebruiker on noodtoegang (gebruiker_id, casus_id, verloopt_op)`,
  `create index noodtoegang_open on noodtoegang (verleend_op) where beoordeeld_op is null`,
];
