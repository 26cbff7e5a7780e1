// The werkvoorraad's deadline columns (see werkvoorraad/termijnen.ts): stored dates derived from
// the clocks so the list can be sorted, filtered, counted and paged in SQL on a partial index of
// the open meldingen. Filled for existing rows right after the migrations (termijn_versie null).
export const name = '006_termijnen';

export const up = [
  `alter table melding
     add column termijn_sortering date,
     add column termijn_open_due date,
     add column termijn_risico_vanaf date,
     add column termijn_versie int`,
  // Per team, in list order; the included columns answer the counts without reading the table.
  `create index melding_werkvoorraad on melding (team_id, termijn_sortering, ontvangen_op, id)
     include (status, behandelaar_id, termijn_open_due, termijn_risico_vanaf) where status <> 'afgesloten'`,
  // All teams (bureaudienst and crisisdienst at night look region-wide).
  `create index melding_werkvoorraad_alle on melding (termijn_sortering, ontvangen_op, id)
     include (team_id, status, behandelaar_id, termijn_open_due, termijn_risico_vanaf) where status <> 'afgesloten'`,
];
