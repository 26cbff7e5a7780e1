// Classification lists (CBS Informatieprotocol Veilig Thuis and the Handelingsprotocol).
//
// This file is the *seed* of the versioned reference data: the server loads it into the
// `codelijst_item` table on migration, and from then on the database is the source of truth
// (an organisation can add a version or edit the CBS code mapping). Nothing else in the code
// base should list these values: validate against the database, show labels from the API.
//
// Our own codes are stable slugs. The numeric CBS codes of the current protocol (v2.x) are in
// CBS's Bestandsdefinitie, which we do not have; the 2015 (v1) codes are known and are kept
// as `cbs2015` so the CBS export can be shown working end to end (see docs/cbs-export.md).

export type CodeLijstNaam =
  | 'aanleiding'
  | 'aard'
  | 'hoedanigheid'
  | 'binnenkomst'
  | 'betrokkene_rol'
  | 'huishouden_rol'
  | 'beoordeling_uitkomst'
  | 'overdracht_ontvanger'
  | 'afsluitreden'
  | 'onderzoek_uitkomst'
  | 'geweld_type'
  | 'signaal'
  | 'veiligheidsvlag'
  | 'gezondheidscheck_vraag'
  | 'huisbezoek_reden';

export interface CodeItem {
  code: string;
  label: string;
  /** Grouping used by reports, e.g. melder group 'politie' / 'professional' / 'burger'. */
  groep?: string;
  /** Finer reporting group, e.g. Meldcode sector or 'buren' / 'familie' / 'directbetrokkene'. */
  subgroep?: string;
  /** The 2015 (v1) CBS code where a label corresponds. */
  cbs2015?: string;
}

export interface CodeLijst {
  lijst: CodeLijstNaam;
  versie: string;
  omschrijving: string;
  items: CodeItem[];
}

export const CODELIJST_VERSIE = 'v2-2019';

const i = (code: string, label: string, extra: Omit<CodeItem, 'code' | 'label'> = {}): CodeItem => ({
  code,
  label,
  ...extra,
});

export const CODELIJSTEN: CodeLijst[] = [
  {
    lijst: 'aanleiding',
    versie: CODELIJST_VERSIE,
    omschrijving: 'Aanleiding om contact op te nemen met Veilig Thuis (Informatieprotocol v2, 2.2/3.2)',
    items: [
      i('partnergeweld', '(Ex-)partnergeweld', { groep: 'partnergeweld', cbs2015: '01' }),
      i('eergerelateerd', 'Eergerelateerd geweld', { groep: 'hg_overig', cbs2015: '02' }),
      i('ouderenmishandeling', 'Ouderenmishandeling en ontspoorde zorg (vanaf 65 jaar)', {
        groep: 'ouderenmishandeling',
        cbs2015: '03',
      }),
      i('geweld_tegen_ouders', 'Geweld tegen ouders jonger dan 65 jaar door hun kinderen', {
        groep: 'geweld_tegen_ouders',
        cbs2015: '04',
      }),
      i('huwelijksdwang', 'Huwelijksdwang en achterlating', { groep: 'hg_overig', cbs2015: '05' }),
      i('km_kindcheck', 'Kindermishandeling, kindcheck', { groep: 'kindermishandeling', cbs2015: '06' }),
      i('km_vechtscheiding', 'Kindermishandeling, vechtscheiding', { groep: 'kindermishandeling', cbs2015: '07' }),
      i('km_anders', 'Kindermishandeling, anders', { groep: 'kindermishandeling', cbs2015: '08' }),
      i('hg_anders', 'Huiselijk geweld, anders', { groep: 'hg_overig', cbs2015: '09' }),
      i('andere_problematiek', 'Andere problematiek dan huiselijk geweld of kindermishandeling', {
        groep: 'geen_hg_km',
      }),
    ],
  },
  {
    lijst: 'aard',
    versie: CODELIJST_VERSIE,
    omschrijving: 'Aard van het geweld en/of de mishandeling (meerdere mogelijk)',
    items: [
      i('lichamelijke_mishandeling', 'Lichamelijke mishandeling', { cbs2015: '01' }),
      i('lichamelijke_verwaarlozing', 'Lichamelijke verwaarlozing', { cbs2015: '02' }),
      i('psychisch_geweld', 'Psychisch geweld', { cbs2015: '03' }),
      i('affectieve_verwaarlozing', 'Affectieve verwaarlozing', { cbs2015: '04' }),
      i('pedagogische_verwaarlozing', 'Pedagogische verwaarlozing', { groep: 'alleen_km', cbs2015: '05' }),
      i('seksueel_misbruik', 'Seksueel misbruik', { cbs2015: '06' }),
      i('financiele_uitbuiting', 'Financiële uitbuiting', { cbs2015: '07' }),
      i('getuige_van_geweld', 'Getuige van geweld in gezin', { groep: 'alleen_km', cbs2015: '08' }),
      i('munchhausen_by_proxy', 'Münchhausen-by-proxy', { groep: 'alleen_km', cbs2015: '09' }),
      i('vrouwelijke_genitale_verminking', 'Vrouwelijke genitale verminking', { groep: 'alleen_km', cbs2015: '10' }),
      i('anders_onveilig', 'Anders onveilig', { cbs2015: '11' }),
      i('anders_niet_onveilig', 'Anders (niet onveilig)'),
    ],
  },
  {
    lijst: 'hoedanigheid',
    versie: CODELIJST_VERSIE,
    omschrijving: 'Hoedanigheid van de melder / adviesvrager (precies één)',
    items: [
      i('gz_huisarts', 'Gezondheidszorg: huisarts', {
        groep: 'professional',
        subgroep: 'gezondheidszorg',
        cbs2015: '02',
      }),
      i('gz_kinderarts', 'Gezondheidszorg: kinderarts', {
        groep: 'professional',
        subgroep: 'gezondheidszorg',
        cbs2015: '05',
      }),
      i('gz_geriater', 'Gezondheidszorg: geriater', {
        groep: 'professional',
        subgroep: 'gezondheidszorg',
        cbs2015: '06',
      }),
      i('gz_ggz', 'Gezondheidszorg: GGZ', { groep: 'professional', subgroep: 'gezondheidszorg', cbs2015: '04' }),
      i('gz_anders', 'Gezondheidszorg: anders', { groep: 'professional', subgroep: 'gezondheidszorg', cbs2015: '20' }),
      i('ow_basis', 'Onderwijs: basisonderwijs', { groep: 'professional', subgroep: 'onderwijs', cbs2015: '15' }),
      i('ow_voortgezet', 'Onderwijs: voortgezet onderwijs', {
        groep: 'professional',
        subgroep: 'onderwijs',
        cbs2015: '15',
      }),
      i('ow_anders', 'Onderwijs: anders', { groep: 'professional', subgroep: 'onderwijs', cbs2015: '15' }),
      i(
        'maatschappelijke_ondersteuning',
        'Maatschappelijke ondersteuning / lokaal veld / wijkteams (welzijn en jeugd)',
        { groep: 'professional', subgroep: 'maatschappelijke_ondersteuning', cbs2015: '08' },
      ),
      i('jeugdzorg_gi', 'Jeugdzorg: gecertificeerde instelling', {
        groep: 'professional',
        subgroep: 'jeugdhulp',
        cbs2015: '09',
      }),
      i('jeugdzorg_anders', 'Jeugdzorg: anders', { groep: 'professional', subgroep: 'jeugdhulp', cbs2015: '10' }),
      i('kinderopvang', 'Kinderopvang', { groep: 'professional', subgroep: 'kinderopvang', cbs2015: '18' }),
      i('politie', 'Politie', { groep: 'politie', subgroep: 'politie', cbs2015: '01' }),
      i('justitie', 'Justitie', { groep: 'professional', subgroep: 'justitie', cbs2015: '20' }),
      i('beroepsmatig_anders', 'Beroepsmatig: anders', { groep: 'professional', subgroep: 'anders', cbs2015: '20' }),
      i('db_jeugdige', 'Direct betrokkene, jeugdige', { groep: 'burger', subgroep: 'directbetrokkene', cbs2015: '32' }),
      i('db_volwassene', 'Direct betrokkene, volwassene', {
        groep: 'burger',
        subgroep: 'directbetrokkene',
        cbs2015: '31',
      }),
      i('familielid', 'Familielid van direct betrokkene', { groep: 'burger', subgroep: 'familie', cbs2015: '33' }),
      i('sociaal_netwerk', 'Persoon behorend tot het sociale netwerk', {
        groep: 'burger',
        subgroep: 'familie',
        cbs2015: '34',
      }),
      i('buurtbewoner', 'Buurtbewoner', { groep: 'burger', subgroep: 'buren', cbs2015: '35' }),
      i('vrijwilliger', 'Vrijwilliger', { groep: 'burger', subgroep: 'anders', cbs2015: '36' }),
      i('niet_beroepsmatig_anders', 'Niet-beroepsmatig: anders', {
        groep: 'burger',
        subgroep: 'anders',
        cbs2015: '40',
      }),
    ],
  },
  {
    lijst: 'binnenkomst',
    versie: CODELIJST_VERSIE,
    omschrijving: 'Hoe de melding binnenkwam',
    items: [
      i('telefoon', 'Telefonisch'),
      i('politie_zorgmelding', 'Zorgmelding politie (CORV / mutatie)'),
      i('beveiligd_formulier', 'Beveiligd meldformulier'),
      i('beveiligde_mail', 'Beveiligde e-mail'),
      i('post', 'Post'),
      i('crisisdienst', 'Crisisdienst (buiten kantoortijd)'),
      i('omgezet_advies', 'Omgezet uit adviesvraag'),
    ],
  },
  {
    lijst: 'betrokkene_rol',
    versie: CODELIJST_VERSIE,
    omschrijving: 'Rol van een betrokkene in de melding',
    items: [
      i('slachtoffer', 'Slachtoffer'),
      i('pleger', 'Vermoedelijke pleger'),
      i('kind', 'Kind'),
      i('getuige', 'Getuige'),
      i('overig', 'Overig'),
    ],
  },
  {
    lijst: 'huishouden_rol',
    versie: CODELIJST_VERSIE,
    omschrijving: 'Rol van een persoon in het huishouden',
    items: [
      i('ouder_verzorger', 'Ouder / verzorger'),
      i('kind', 'Kind'),
      i('partner', 'Partner'),
      i('overig', 'Overig'),
    ],
  },
  {
    lijst: 'beoordeling_uitkomst',
    versie: CODELIJST_VERSIE,
    omschrijving: 'Uitkomst van de veiligheidsbeoordeling (halfjaarrapportage)',
    items: [
      i('acute_onveiligheid', '(Vermoeden van) acute onveiligheid'),
      i('structurele_onveiligheid', '(Vermoeden van) structurele onveiligheid'),
      i('eenmalige_onveilige_situatie', 'Eenmalige onveilige situatie'),
      i('andere_leefdomeinen', 'Problemen op andere leefdomeinen'),
      i('geen_zorgen', 'Geen zorgen over veiligheid'),
    ],
  },
  {
    lijst: 'overdracht_ontvanger',
    versie: CODELIJST_VERSIE,
    omschrijving: 'Soort ontvanger bij overdracht (groep = rapportagegroep)',
    items: [
      i('lokaal_team', 'Lokaal team / wijkteam', { groep: 'casusregie', cbs2015: '01' }),
      i('gi', 'Gecertificeerde Instelling', { groep: 'casusregie', cbs2015: '05' }),
      i('gi_anders', 'Anders GI (Nidos, GI andere regio)', { groep: 'casusregie', cbs2015: '05' }),
      i('vrouwenopvang', 'Vrouwenopvang (o.a. Blijf Groep)', { groep: 'hulpverlening', cbs2015: '06' }),
      i('ggz', 'GGZ', { groep: 'hulpverlening', cbs2015: '07' }),
      i('verslavingszorg', 'Verslavingszorg', { groep: 'hulpverlening', cbs2015: '09' }),
      i('huisarts', 'Huisarts / POH', { groep: 'hulpverlening', cbs2015: '10' }),
      i('jeugdhulp', 'Jeugdhulpaanbieder', { groep: 'hulpverlening', cbs2015: '04' }),
      i('lopende_hulpverlening', 'Lopende hulpverlening (anders)', { groep: 'hulpverlening', cbs2015: '10' }),
      i('politie_om', 'Politie of Openbaar Ministerie', { groep: 'hulpverlening', cbs2015: '03' }),
      i('clientsysteem', 'Cliëntsysteem (gezin en eigen netwerk)', { groep: 'clientsysteem', cbs2015: '21' }),
    ],
  },
  {
    lijst: 'afsluitreden',
    versie: CODELIJST_VERSIE,
    omschrijving: 'Reden van afsluiten',
    items: [
      i('geen_onveiligheid', 'Geen (meer) sprake van onveiligheid', { groep: 'clientsysteem' }),
      i('geen_hg_km', 'Geen huiselijk geweld of kindermishandeling', { groep: 'geen_hg_km' }),
      i('hulp_al_aanwezig', 'Passende hulp al aanwezig', { groep: 'hulpverlening' }),
      i('verhuisd_andere_regio', 'Verhuisd naar andere regio (overgedragen aan die Veilig Thuis)', { groep: 'overig' }),
      i('vertrokken_onbekend', 'Betrokkene(n) vertrokken met onbekende bestemming', { groep: 'overig' }),
      i('overleden', 'Betrokkene(n) overleden', { groep: 'overig' }),
      i('monitoring_afgerond', 'Monitoring na overdracht afgerond', { groep: 'overig' }),
      i('anders', 'Anders', { groep: 'overig' }),
    ],
  },
  {
    lijst: 'onderzoek_uitkomst',
    versie: CODELIJST_VERSIE,
    omschrijving: 'Uitkomst van de dienst Onderzoek per type geweld',
    items: [
      i('bevestigd', 'Bevestigd'),
      i('niet_bevestigd', 'Niet bevestigd'),
      i('weerlegd', 'Weerlegd (geen geweld)'),
      i('voortijdig_afgesloten', 'Voortijdig afgesloten'),
    ],
  },
  {
    lijst: 'geweld_type',
    versie: CODELIJST_VERSIE,
    omschrijving: 'Type geweld waarover een onderzoek uitspraak doet',
    items: [i('huiselijk_geweld', 'Huiselijk geweld'), i('kindermishandeling', 'Kindermishandeling')],
  },
  {
    lijst: 'signaal',
    versie: CODELIJST_VERSIE,
    omschrijving:
      'Signalen bij een melding of adviesvraag (inhoudelijke verschuivingen volgen; lijst is per organisatie aan te passen)',
    items: [
      i('corona', 'Corona-gerelateerd'),
      i('verslaving', 'Verslaving'),
      i('lvb', 'Licht verstandelijke beperking'),
      i('isolement', 'Isolement'),
      i('uitgestelde_zorg', 'Uitgestelde zorg'),
      i('financiele_zorgen', 'Financiële zorgen'),
    ],
  },
  {
    lijst: 'veiligheidsvlag',
    versie: CODELIJST_VERSIE,
    omschrijving: 'Veiligheidsvlag op de casus: zichtbaar op elke pagina over het huishouden',
    items: [
      i('acuut_gevaar', 'Acuut gevaar'),
      i('wapen', 'Wapen(bezit) bekend'),
      i('dreiging_medewerkers', 'Dreiging richting medewerkers'),
      i('niet_alleen_op_huisbezoek', 'Niet alleen op huisbezoek'),
      i('besmettingsrisico', 'Gezondheidsrisico bij huisbezoek (bijv. besmetting)'),
    ],
  },
  {
    // Asked by phone before every huisbezoek (seed 001, 004). Groep 'ziek': a "ja" means no visit
    // (contact.ts huisbezoekRegels); groep 'risico': kept with the visit so the visitors take care.
    lijst: 'gezondheidscheck_vraag',
    versie: CODELIJST_VERSIE,
    omschrijving: 'Gezondheidscheck per telefoon vóór een huisbezoek',
    items: [
      i('klachten', 'Heeft iemand in het huishouden gezondheidsklachten (verkoudheid, koorts, hoesten)?', {
        groep: 'ziek',
      }),
      i('ziek_of_positief', 'Is een gezinslid ziek of positief getest op een besmettelijke ziekte?', {
        groep: 'ziek',
      }),
      i('risicogroep', 'Hoort iemand bij een risicogroep (bijv. astma)?', { groep: 'risico' }),
    ],
  },
  {
    // Under "nee, tenzij" a visit needs one of these reasons (acute_onveiligheid always qualifies).
    lijst: 'huisbezoek_reden',
    versie: CODELIJST_VERSIE,
    omschrijving: 'Reden voor een huisbezoek onder het protocol "nee, tenzij"',
    items: [
      i('acute_onveiligheid', 'Acute onveiligheid'),
      i('kind_niet_in_beeld', 'Kind niet in beeld (geen school, opvang of ander contact)'),
      i('contact_op_afstand_onmogelijk', 'Contact op afstand niet mogelijk of niet veilig'),
      i('onderzoek_vraagt_waarneming', 'Onderzoek vraagt waarneming in de woning'),
    ],
  },
];

export function codeLijst(naam: CodeLijstNaam): CodeLijst {
  const l = CODELIJSTEN.find((c) => c.lijst === naam);
  if (!l) throw new Error(`unknown code list ${naam}`);
  return l;
}
