// User and team administration (functioneel beheerder): a history of every change — who changed
// what, when — kept apart from the access log (which records that the change happened, by whom).
// Append-only: the database refuses UPDATE and DELETE of history rows.
export const name = '008_gebruikersbeheer';

export const up: string[] = [
  `create table gebruikersbeheer_historie (
     id bigserial primary key,
     op timestamptz not null,
     door int references gebruiker,
     gebruiker_id int references gebruiker,
     team_id int references team,
     actie text not null check (actie in (
       'gebruiker_aangemaakt', 'naam_gewijzigd', 'rollen_gewijzigd', 'team_gewijzigd', 'gedeactiveerd', 'geactiveerd',
       'tweede_factor_gereset', 'wachtwoord_ingesteld', 'gedeblokkeerd', 'team_aangemaakt', 'team_hernoemd')),
     oud jsonb,
     nieuw jsonb,
     toelichting text,
     check (gebruiker_id is not null or team_id is not null)
   )`,
  `create index gebruikersbeheer_historie_gebruiker on gebruikersbeheer_historie (gebruiker_id, id)`,
  `create index gebruikersbeheer_historie_team on gebruikersbeheer_historie (team_id, id)`,
  `create function gebruikersbeheer_historie_append_only() returns trigger language plpgsql as $$
   begin
     raise exception 'gebruikersbeheer_historie is append-only';
   end $$`,
  `create trigger gebruikersbeheer_historie_no_change before update or delete on gebruikersbeheer_historie
     for each row execute function gebruikersbeheer_historie_append_only()`,
  // When an account was deactivated (and by whom: see the history).
  `alter table gebruiker add column gedeactiveerd_op timestamptz`,
];
