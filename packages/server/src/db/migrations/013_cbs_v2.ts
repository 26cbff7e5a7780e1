// CBS delivery: the current Informatieprotocol (v2, Uitvoeringsregeling Wmo 2015 bijlage A, text in
// force since 20-03-2025) as a code table of its own. The protocol names its options as labels; their
// numeric codes are in CBS's Bestandsdefinitie Veilig Thuis, which the organisation receives from CBS.
// So the table ships every v2 option (label, order) with an EMPTY CBS code that the functioneel
// beheerder fills in, and the link from each Voordeur value to its v2 option. A delivery with this
// table is refused while any option still lacks its code (rapportage/cbs.ts). docs/cbs-export.md.
export const name = '013_cbs_v2';

export const V2 = 'v2-2025';

type Optie = [optie: string, label: string, waarden?: string[]];

// Options in the order of the protocol text; `waarden` = the Voordeur values delivered as this
// option (default: the value with the same code, for the lists Voordeur keeps in v2 form).
const OPTIES: Record<string, Optie[]> = {
  aanleiding: [
    ['partnergeweld', '(Ex)Partnergeweld'],
    ['eergerelateerd', 'Eergerelateerd geweld'],
    ['ouderenmishandeling', 'Ouderenmishandeling en ontspoorde zorg (vanaf 65 jaar)'],
    ['geweld_tegen_ouders', 'Geweld tegen ouders jonger dan 65 jaar door hun kinderen'],
    ['huwelijksdwang', 'Huwelijksdwang en achterlating'],
    ['km_kindcheck', 'Kindermishandeling, kindcheck'],
    ['km_vechtscheiding', 'Kindermishandeling, vechtscheiding'],
    ['km_anders', 'Kindermishandeling, anders'],
    ['hg_anders', 'Huiselijk geweld, anders'],
    ['andere_problematiek', 'Andere problematiek dan huiselijk geweld of kindermishandeling'],
  ],
  aard: [
    ['lichamelijke_mishandeling', 'Lichamelijke mishandeling'],
    ['lichamelijke_verwaarlozing', 'Lichamelijke verwaarlozing'],
    ['psychisch_geweld', 'Psychisch geweld'],
    ['affectieve_verwaarlozing', 'Affectieve verwaarlozing'],
    ['pedagogische_verwaarlozing', 'Pedagogische verwaarlozing'],
    ['seksueel_misbruik', 'Seksueel misbruik'],
    ['financiele_uitbuiting', 'Financiële uitbuiting'],
    ['getuige_van_geweld', 'Getuige van geweld in gezin'],
    ['munchhausen_by_proxy', 'Münchhausen-by-proxy'],
    ['vrouwelijke_genitale_verminking', 'Vrouwelijke genitale verminking'],
    ['anders_onveilig', 'Anders onveilig'],
    ['anders_niet_onveilig', 'Anders (niet onveilig)'],
  ],
  hoedanigheid: [
    ['gz_huisarts', 'Gezondheidszorg: huisarts'],
    ['gz_kinderarts', 'Gezondheidszorg: kinderarts'],
    ['gz_geriater', 'Gezondheidszorg: geriater'],
    ['gz_ggz', 'Gezondheidszorg: GGZ'],
    ['gz_anders', 'Gezondheidszorg: anders'],
    ['ow_basis', 'Onderwijs: basisonderwijs'],
    ['ow_voortgezet', 'Onderwijs: voortgezet onderwijs'],
    ['ow_anders', 'Onderwijs: anders'],
    ['maatschappelijke_ondersteuning', 'Maatschappelijke ondersteuning / lokaal veld / wijkteams (welzijn en jeugd)'],
    ['jeugdzorg_gi', 'Jeugdzorg: gecertificeerde instelling'],
    ['jeugdzorg_anders', 'Jeugdzorg: anders'],
    ['kinderopvang', 'Kinderopvang'],
    ['politie', 'Politie'],
    ['justitie', 'Justitie'],
    ['beroepsmatig_anders', 'Beroepsmatig: anders'],
    ['db_jeugdige', 'Direct betrokkene, jeugdige'],
    ['db_volwassene', 'Direct betrokkene, volwassene'],
    ['familielid', 'Familielid van direct betrokkene'],
    ['sociaal_netwerk', 'Persoon behorend tot het sociale netwerk'],
    ['buurtbewoner', 'Buurtbewoner'],
    ['vrijwilliger', 'Vrijwilliger'],
    ['niet_beroepsmatig_anders', 'Niet-beroepsmatig: anders'],
  ],
  // Inhoud triagebesluit (3.7). Assumption: a dienst Voorwaarden en Vervolg (arranging help and
  // handing over with monitoring) is delivered as "Overdracht aan derden" — v2 has no option of its own.
  triagebesluit: [
    ['onderzoek', 'Onderzoek Veilig Thuis'],
    ['overdracht', 'Overdracht aan derden', ['overdracht', 'voorwaarden_en_vervolg']],
    ['omgezet_in_advies', 'Melding omgezet in advies'],
    ['geen_vervolg', 'Geen vervolg door Veilig Thuis'],
  ],
  // Directe overdracht aan derden (3.9) and Vervolg na het onderzoek (4.5): the same list. v2 has no
  // "geen vervolg" option: an onderzoek closed without any vervolg cannot be delivered under v2 (it
  // is listed as niet leverbaar with the reason). Voordeur's one GGZ receiver is taken as adult GGZ.
  vervolg: [
    ['lokale_veld', 'Overdracht aan lokale veld', ['lokaal_team']],
    ['clientsysteem', 'Overdracht aan cliëntsysteem', ['clientsysteem']],
    ['rvdk', 'Overdracht aan de Raad voor de Kinderbescherming', ['rvdk']],
    ['politie_om', 'Overdracht aan politie of Openbaar Ministerie', ['politie_om']],
    ['jeugdhulp', 'Overdracht aan een jeugdhulpaanbieder', ['jeugdhulp']],
    ['gi', 'Overdracht aan een Gecertificeerde Instelling', ['gi', 'gi_anders']],
    ['vrouwenopvang', 'Overdracht aan vrouwenopvang', ['vrouwenopvang']],
    ['maatschappelijke_opvang', 'Overdracht aan maatschappelijke opvang', []],
    ['jeugd_ggz', 'Overdracht aan Jeugd GGZ', []],
    ['volwassenen_ggz', 'Overdracht aan volwassenen GGZ', ['ggz']],
    ['thuiszorg', 'Overdracht aan thuiszorg', []],
    ['verslavingszorg', 'Overdracht aan verslavingszorg', ['verslavingszorg']],
    ['poh_huisarts', 'Overdracht aan een POH/huisarts', ['huisarts']],
    ['ambulante_hulp_volwassen', 'Overdracht aan ambulante hulp volwassen', []],
    ['hulp_al_aanwezig', 'Hulp al aanwezig', ['hulp_al_aanwezig']],
    ['wth', 'Bovenwettelijke taak (WTH)', []],
    ['anders', 'Anders', ['lopende_hulpverlening']],
  ],
  onderzoek_uitkomst: [
    ['geen_hg', 'Geen huiselijk geweld', ['huiselijk_geweld:weerlegd']],
    ['hg_niet_bevestigd', 'Huiselijk geweld niet bevestigd', ['huiselijk_geweld:niet_bevestigd']],
    ['hg_bevestigd', 'Huiselijk geweld bevestigd', ['huiselijk_geweld:bevestigd']],
    ['geen_km', 'Geen kindermishandeling', ['kindermishandeling:weerlegd']],
    ['km_niet_bevestigd', 'Kindermishandeling niet bevestigd', ['kindermishandeling:niet_bevestigd']],
    ['km_bevestigd', 'Kindermishandeling bevestigd', ['kindermishandeling:bevestigd']],
    [
      'vertrokken_onbekend',
      'Onderzoek (voortijdig) afgesloten: betrokkene(n) vertrokken met onbekende bestemming',
      ['voortijdig:vertrokken_onbekend'],
    ],
    [
      'verhuisd_andere_regio',
      'Onderzoek/vervolgtraject voortijdig afgesloten, overdracht in verband met verhuizing naar andere regio',
      ['voortijdig:verhuisd_andere_regio'],
    ],
    ['overleden', 'Onderzoek (voortijdig) afgesloten: betrokkene(n) overleden', ['voortijdig:overleden']],
  ],
  geslacht: [
    ['V', 'Vrouw'],
    ['M', 'Man'],
    ['O', 'Onbekend'],
  ],
};

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const optieRijen = Object.entries(OPTIES).flatMap(([veld, opties]) =>
  opties.map(([optie, label], i) => `(${q(V2)}, ${q(veld)}, ${q(optie)}, ${q(label)}, ${i + 1})`),
);
const waardeRijen = Object.entries(OPTIES).flatMap(([veld, opties]) =>
  opties.flatMap(([optie, , waarden]) =>
    (waarden ?? [optie]).map((w) => `(${q(V2)}, ${q(veld)}, ${q(w)}, ${q(optie)})`),
  ),
);
const VELDEN = `('aanleiding','aard','hoedanigheid','triagebesluit','vervolg','onderzoek_uitkomst','geslacht')`;

export const up: string[] = [
  // A protocol with options: codes are kept per option of the protocol (cbs_optie), and each
  // Voordeur value is delivered as the code of its option (cbs_optie_waarde). Without: cbs_code.
  `alter table cbs_protocol add column met_opties boolean not null default false`,
  `create table cbs_optie (
     protocol text not null references cbs_protocol on delete cascade,
     veld text not null check (veld in ${VELDEN}),
     optie text not null,
     label text not null,
     volgorde int not null,
     -- null until the organisation fills it in from the CBS Bestandsdefinitie
     cbs_code text check (cbs_code ~ '^[0-9A-Za-z]{1,4}$'),
     gewijzigd_op timestamptz,
     gewijzigd_door int references gebruiker,
     primary key (protocol, veld, optie)
   )`,
  `create table cbs_optie_waarde (
     protocol text not null,
     veld text not null,
     code text not null,
     optie text not null,
     primary key (protocol, veld, code),
     foreign key (protocol, veld, optie) references cbs_optie on delete cascade
   )`,
  // An organisation may already have made its own code table under this name (the API allowed any
  // name before): it is kept, renamed to '<name>-eigen' with its codes, so this insert cannot fail.
  `insert into cbs_protocol (versie, omschrijving, zorgmeldingen_politie, uit_codelijst_geladen, aangemaakt_op)
     select versie || '-eigen', omschrijving || ' (eigen codetabel; hernoemd bij de komst van de ingebouwde v2-tabel)', zorgmeldingen_politie, uit_codelijst_geladen, aangemaakt_op
     from cbs_protocol where versie = ${q(V2)}`,
  `update cbs_code set protocol = ${q(V2 + '-eigen')} where protocol = ${q(V2)}`,
  `delete from cbs_protocol where versie = ${q(V2)}`,
  `insert into cbs_protocol (versie, omschrijving, zorgmeldingen_politie, uit_codelijst_geladen, met_opties) values
     (${q(V2)}, ${q('Informatieprotocol Beleidsinformatie Veilig Thuis v2 (Uitvoeringsregeling Wmo 2015, bijlage A, geldend vanaf 20 maart 2025): de opties van het protocol; de CBS-codes vult de organisatie in uit de Bestandsdefinitie Veilig Thuis van het CBS')}, true, true, true)`,
  `insert into cbs_optie (protocol, veld, optie, label, volgorde) values
     ${optieRijen.join(',\n     ')}`,
  `insert into cbs_optie_waarde (protocol, veld, code, optie) values
     ${waardeRijen.join(',\n     ')}`,
];
