// Management information: the editable label → CBS code mapping per Informatieprotocol version,
// and indexes for the report queries (each figure selects on the date of its own event).
export const name = '005_rapportage';

// Codes of the 2015 protocol (v1) for values that are not a code-list item of their own: the
// triagebesluit (vervolg melding §3.6), the uitkomst of an onderzoek per type (§4.5), the vervolg
// values that are not an overdracht ontvanger (§4.7), and geslacht. The code-list values
// (aanleiding, aard, hoedanigheid, overdracht ontvanger) come from codelijst_item.cbs2015.
const V1_AFGELEID: Array<[veld: string, code: string, cbs: string]> = [
  ['triagebesluit', 'onderzoek', '01'],
  ['triagebesluit', 'voorwaarden_en_vervolg', '02'],
  ['triagebesluit', 'overdracht', '02'],
  ['triagebesluit', 'omgezet_in_advies', '03'],
  ['triagebesluit', 'geen_vervolg', '04'],
  ['onderzoek_uitkomst', 'huiselijk_geweld:weerlegd', '01'],
  ['onderzoek_uitkomst', 'huiselijk_geweld:niet_bevestigd', '02'],
  ['onderzoek_uitkomst', 'huiselijk_geweld:bevestigd', '03'],
  ['onderzoek_uitkomst', 'kindermishandeling:weerlegd', '04'],
  ['onderzoek_uitkomst', 'kindermishandeling:niet_bevestigd', '05'],
  ['onderzoek_uitkomst', 'kindermishandeling:bevestigd', '06'],
  ['onderzoek_uitkomst', 'voortijdig:vertrokken_onbekend', '07'],
  ['onderzoek_uitkomst', 'voortijdig:overleden', '08'],
  ['vervolg', 'rvdk', '02'],
  ['vervolg', 'geen_vervolg', '21'],
  ['vervolg', 'hulp_al_aanwezig', '10'],
  ['geslacht', 'V', 'V'],
  ['geslacht', 'M', 'M'],
  ['geslacht', 'O', 'O'],
];

const v1Values = V1_AFGELEID.map(([v, c, k]) => `('v1-2015', '${v}', '${c}', '${k}')`).join(',\n     ');

export const up: string[] = [
  `create table cbs_protocol (
     versie text primary key,
     omschrijving text not null,
     -- v1 (2015) did not deliver police zorgmeldingen that are not about HG/KM; v2 delivers every triagebesluit
     zorgmeldingen_politie boolean not null,
     -- the code-list based rows were copied from codelijst_item.cbs2015 (done once; edits are kept)
     uit_codelijst_geladen boolean not null default false,
     aangemaakt_op timestamptz not null default now()
   )`,
  `create table cbs_code (
     protocol text not null references cbs_protocol on delete cascade,
     veld text not null check (veld in ('aanleiding','aard','hoedanigheid','triagebesluit','vervolg','onderzoek_uitkomst','geslacht')),
     code text not null,
     cbs_code text not null check (cbs_code ~ '^[0-9A-Za-z]{1,4}$'),
     gewijzigd_op timestamptz not null default now(),
     gewijzigd_door int references gebruiker,
     primary key (protocol, veld, code)
   )`,
  `insert into cbs_protocol (versie, omschrijving, zorgmeldingen_politie) values
     ('v1-2015', 'Informatieprotocol AMHK 2015 (v1): codes uit de Uitvoeringsregeling Wmo 2015, bijlage, stand april 2015 — historisch en als uitgewerkt voorbeeld', false)`,
  `insert into cbs_code (protocol, veld, code, cbs_code) values
     ${v1Values}`,
  // Installations that already hold code lists get the code-list rows now; a fresh database gets
  // them on first use (rapportage/cbs.ts ensureCbsMapping), after the code lists are seeded.
  `insert into cbs_code (protocol, veld, code, cbs_code)
   select distinct on (i.lijst, i.code) 'v1-2015', case i.lijst when 'overdracht_ontvanger' then 'vervolg' else i.lijst end, i.code, i.cbs2015
   from codelijst_item i join codelijst_versie v using (lijst, versie)
   where i.cbs2015 is not null and i.lijst in ('aanleiding','aard','hoedanigheid','overdracht_ontvanger')
   order by i.lijst, i.code, v.geldig_van desc
   on conflict do nothing`,
  `update cbs_protocol set uit_codelijst_geladen = exists (select 1 from codelijst_item where cbs2015 is not null) where versie = 'v1-2015'`,

  // ---- report queries: each figure selects on the date of its own event. The indexes cover the
  // columns the aggregates read, so a half-year is an index-only range scan whose cost follows the
  // period, not the size of the history; events reach their melding through melding_feiten
  // (index-only lookups instead of scanning the wide melding table).
  `create index melding_feiten on melding (id) include (casus_id, ontvangen_op, met_kinderen, gemeente_code)`,
  `create index melding_rapportage on melding (ontvangen_op) include (gemeente_code, regio, met_kinderen, melder_hoedanigheid, aanleiding, signalen)`,
  `create index veiligheidsbeoordeling_vastgesteld on veiligheidsbeoordeling (vastgesteld_op) include (melding_id, uitkomst)`,
  `create index dienst_gestart on dienst (gestart_op) include (melding_id)`,
  `create index dienst_afgesloten on dienst (afgesloten_op) include (melding_id, soort) where afgesloten_op is not null`,
  `create index overdracht_op on overdracht (overgedragen_op) include (melding_id, ontvanger_type, moment, reeds_bekend)`,
  `create index afsluiting_op on afsluiting (afgesloten_op) include (melding_id, reden, moment)`,
  `create index adviesvraag_afgesloten on adviesvraag (afgesloten_op) where afgesloten_op is not null`,
];
