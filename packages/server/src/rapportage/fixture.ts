// The small hand-computed data set of the rapportage tests, built through the API with explicit
// dates. Every expected figure in halfjaar.int.test.ts and cbs.int.test.ts is worked out by hand
// from the table below (docs/statistics.md has the rules).
//
// id   received (Amsterdam)     gemeente   kids melder                  aanleiding                    beoordeling (werkdagen)   then
// A5   2025-12-20               Amsterdam  –    familielid               ouderenmishandeling           –                         closed 2025
// M11  2025-12-31 23:00         Amsterdam  no   politie                  partnergeweld                 2026-01-06 (3)            overdracht clientsysteem 01-07
// M1   2026-01-05 10:00         Amsterdam  yes  politie (zorgmelding)    partnergeweld, km_anders      2026-01-09 (4)            overdracht lokaal team (bekend) 01-12; afgesloten na monitoring 06-26
// A1   2026-01-14               Amsterdam  –    ow_basis                 km_anders                     –                         closed at receipt
// M2   2026-01-30 16:00         Amsterdam  no   politie                  partnergeweld                 2026-02-10 (7)            afgesloten geen onveiligheid 02-11
// M3   2026-02-16 09:00         Diemen     yes  ow_basis                 km_anders                     2026-02-20 (4)            dienst Onderzoek 02-23, RvdK-verzoek, afgesloten hulp al aanwezig 04-10
// A2   2026-03-10               Diemen     –    gz_huisarts              partnergeweld                 –                         closed at receipt
// M4   2026-03-02 11:00         Aalsmeer   no   buurtbewoner             ouderenmishandeling           2026-03-12 (8)            dienst VV 03-13, overdracht lokaal team (onbekend) 06-19
// M5   2026-03-30 09:00 (M1's casus) Amsterdam yes gz_huisarts           km_anders                     2026-04-07 (4: Pasen)     overdracht GI 04-08
// M6   2026-04-24 10:00         Amsterdam  yes  familielid               geweld_tegen_ouders           2026-05-06 (6: 27/4, 5/5) afgesloten geen HG/KM 05-07 (pleger zonder geboortedatum)
// A3   2026-05-05               andere     –    familielid               ouderenmishandeling           –                         closed at receipt
// M12  2026-05-13 10:00         Diemen     no   ow_voortgezet            hg_anders, partnergeweld      2026-05-22 (5: 14/5, 15/5) dienst VV 05-25 (loopt)
// M7   2026-05-20 10:00         Amsterdam  no   politie (zorgmelding)    andere_problematiek           2026-05-21 (1)            afgesloten geen HG/KM 05-21
// A4   2026-06-02               Amsterdam  –    maatsch. ondersteuning   km_vechtscheiding             –                         open, converted into M13 on 06-03
// M13  2026-06-03 10:00         Amsterdam  yes  maatsch. ondersteuning   km_vechtscheiding             –
// M8   2026-06-10 10:00         andere     no   jeugdzorg_gi             hg_anders                     –
// M9   2026-06-30 23:30         onbekend   yes  politie                  km_kindcheck                  –
// M10  2026-07-01 00:30         Amsterdam  no   politie                  partnergeweld                 –                         (second half-year)
// 2026-05-15 (Friday after Hemelvaartsdag) is configured as an equated day.
import { generateBsn } from '@voordeur/domain';
import { sql } from 'kysely';
import { expect } from 'vitest';
import type { TestClient, TestEnv } from '../testing.ts';

export const NOW = new Date('2026-07-15T12:00:00+02:00');

export interface Fixture {
  m: Record<string, { meldingId: number; casusId: number; persoonIds: number[] }>;
  a: Record<string, { id: number }>;
}

let seed = 510_000;
let huisnummer = 1;
const bsn = () => generateBsn(seed++);

type P = {
  bsn?: string | null;
  voornamen: string;
  achternaam: string;
  geboortedatum?: string | null;
  geslacht: 'V' | 'M' | 'O';
};
const volwassene = (
  achternaam: string,
  geslacht: 'V' | 'M',
  geboortedatum: string | null = geslacht === 'V' ? '19880312' : '19850300',
): P => ({ bsn: bsn(), voornamen: geslacht === 'V' ? 'Sanne' : 'Mark', achternaam, geboortedatum, geslacht });
const kind = (achternaam: string, geboortedatum = '20180704', metBsn = true): P => ({
  bsn: metBsn ? bsn() : null,
  voornamen: 'Noor',
  achternaam,
  geboortedatum,
  geslacht: 'V',
});

function melding(o: {
  ontvangenOp: string;
  gemeente: string | null;
  regio?: 'eigen' | 'andere' | 'onbekend';
  hoedanigheid: string;
  binnenkomst?: string;
  aanleiding: string[];
  aard: string[];
  personen: Array<{ p: P; rol: string }>;
  signalen?: string[];
}) {
  return {
    ontvangenOp: o.ontvangenOp,
    binnenkomst: o.binnenkomst ?? 'telefoon',
    melder: { hoedanigheid: o.hoedanigheid, naam: 'Melder Testpersoon', telefoon: '020 555 0100' },
    huishouden: {
      straat: 'Teststraat',
      huisnummer: String(huisnummer++),
      postcode: '1011AA',
      woonplaats: 'Amsterdam',
      gemeenteCode: o.gemeente,
    },
    regio: o.regio ?? 'eigen',
    gemeenteCode: o.gemeente,
    betrokkenen: o.personen.map((x) => ({ persoon: x.p, rol: x.rol })),
    aanleiding: o.aanleiding,
    aard: o.aard,
    signalen: o.signalen ?? [],
    omschrijving: 'Testmelding voor de rapportage: zorgen over de veiligheid in het gezin.',
  };
}

export async function bouwFixture(env: TestEnv): Promise<Fixture> {
  const bo = await env.as('backoffice');
  const beheer = await env.as('beheer');
  const gw = env.users.get('gw')!;
  const m: Fixture['m'] = {};
  const a: Fixture['a'] = {};

  expect(
    (await beheer.post('/api/beheer/gelijkgestelde-dagen', { datum: '2026-05-15', naam: 'Vrijdag na Hemelvaartsdag' }))
      .status,
  ).toBe(200);

  const maak = async (key: string, body: ReturnType<typeof melding> | Record<string, unknown>) => {
    const r = await bo.post('/api/meldingen', body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    m[key] = r.body;
  };
  const versie = async (key: string) => (await bo.get(`/api/casussen/${m[key]!.casusId}`)).body.versie as number;
  const stap = async (key: string, path: string, body: Record<string, unknown>, as: TestClient = bo) => {
    const r = await as.post(`/api/meldingen/${m[key]!.meldingId}/${path}`, { versie: await versie(key), ...body });
    expect(r.status, `${key} ${path}: ${JSON.stringify(r.body)}`).toBe(200);
  };
  const beoordeel = (key: string, vastgesteldOp: string, uitkomst: string) =>
    stap(key, 'veiligheidsbeoordeling', {
      acuteOnveiligheid: uitkomst === 'acute_onveiligheid',
      structureleOnveiligheid: uitkomst === 'structurele_onveiligheid',
      uitkomst,
      motivering: 'Beoordeeld op basis van de melding en eigen registratie.',
      bronnen: ['eigen_registratie'],
      getoetstDoor: gw,
      vastgesteldOp,
    });
  /** Adviesvragen close when registered: the server clock is set to just after receipt. */
  const advies = async (key: string, ontvangenOp: string, body: Record<string, unknown>) => {
    const saved = env.clock.now;
    env.clock.now = new Date(new Date(ontvangenOp).getTime() + 30 * 60_000);
    try {
      const r = await bo.post('/api/adviesvragen', {
        ontvangenOp,
        vraag: 'Vraag zonder identificerende gegevens.',
        advies: 'Advies gegeven aan de adviesvrager.',
        ...body,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      a[key] = r.body;
    } finally {
      env.clock.now = saved;
    }
  };

  await advies('A5', '2025-12-20T10:00:00+01:00', {
    hoedanigheid: 'familielid',
    aanleiding: ['ouderenmishandeling'],
    regio: 'eigen',
    gemeenteCode: 'GM0363',
  });

  await maak(
    'M11',
    melding({
      ontvangenOp: '2025-12-31T23:00:00+01:00',
      gemeente: 'GM0363',
      hoedanigheid: 'politie',
      binnenkomst: 'politie_zorgmelding',
      aanleiding: ['partnergeweld'],
      aard: ['lichamelijke_mishandeling'],
      personen: [
        { p: volwassene('Elf', 'V', '19900101'), rol: 'slachtoffer' },
        { p: volwassene('Elf', 'M', '19890202'), rol: 'pleger' },
      ],
    }),
  );
  await beoordeel('M11', '2026-01-06T11:00:00+01:00', 'structurele_onveiligheid');
  await stap('M11', 'overdracht', {
    ontvangerType: 'clientsysteem',
    ontvangerNaam: 'Het gezin en zijn netwerk',
    reedsBekend: false,
    warm: false,
    overgedragenOp: '2026-01-07T10:00:00+01:00',
  });

  await maak(
    'M1',
    melding({
      ontvangenOp: '2026-01-05T10:00:00+01:00',
      gemeente: 'GM0363',
      hoedanigheid: 'politie',
      binnenkomst: 'politie_zorgmelding',
      aanleiding: ['partnergeweld', 'km_anders'],
      aard: ['getuige_van_geweld', 'lichamelijke_mishandeling'],
      personen: [
        { p: volwassene('Een', 'V', '19880312'), rol: 'slachtoffer' },
        { p: volwassene('Een', 'M', '19850300'), rol: 'pleger' },
        { p: kind('Een', '20180704'), rol: 'kind' },
        {
          p: { bsn: null, voornamen: 'Ongeboren', achternaam: 'Een', geboortedatum: '99999999', geslacht: 'O' },
          rol: 'kind',
        },
      ],
    }),
  );
  await beoordeel('M1', '2026-01-09T15:00:00+01:00', 'structurele_onveiligheid');
  await stap('M1', 'overdracht', {
    ontvangerType: 'lokaal_team',
    ontvangerNaam: 'Ouder Kind Team Oost',
    reedsBekend: true,
    warm: true,
    overgedragenOp: '2026-01-12T10:00:00+01:00',
  });

  await advies('A1', '2026-01-14T10:00:00+01:00', {
    hoedanigheid: 'ow_basis',
    aanleiding: ['km_anders'],
    regio: 'eigen',
    gemeenteCode: 'GM0363',
  });

  await maak(
    'M2',
    melding({
      ontvangenOp: '2026-01-30T16:00:00+01:00',
      gemeente: 'GM0363',
      hoedanigheid: 'politie',
      aanleiding: ['partnergeweld'],
      aard: ['lichamelijke_mishandeling'],
      personen: [
        { p: volwassene('Twee', 'V', '19750615'), rol: 'slachtoffer' },
        { p: volwassene('Twee', 'M', '19800000'), rol: 'pleger' },
        {
          p: { bsn: bsn(), voornamen: 'Buur', achternaam: 'Getuige', geboortedatum: '19600101', geslacht: 'M' },
          rol: 'getuige',
        },
      ],
    }),
  );
  await beoordeel('M2', '2026-02-10T10:00:00+01:00', 'eenmalige_onveilige_situatie');
  await stap('M2', 'afsluiten', { reden: 'geen_onveiligheid', afgeslotenOp: '2026-02-11T10:00:00+01:00' });

  await maak(
    'M3',
    melding({
      ontvangenOp: '2026-02-16T09:00:00+01:00',
      gemeente: 'GM0384',
      hoedanigheid: 'ow_basis',
      aanleiding: ['km_anders'],
      aard: ['pedagogische_verwaarlozing'],
      personen: [
        { p: volwassene('Drie', 'V', '19920505'), rol: 'pleger' },
        { p: kind('Drie', '20160909'), rol: 'kind' },
      ],
    }),
  );
  await beoordeel('M3', '2026-02-20T10:00:00+01:00', 'structurele_onveiligheid');
  await stap('M3', 'dienst-onderzoek', { gestartOp: '2026-02-23T09:00:00+01:00' });
  await stap('M3', 'rvdk-verzoek', {
    motivering: 'Zorgen over de ontwikkeling; verzoek tot onderzoek.',
    verzochtOp: '2026-03-20T10:00:00+01:00',
  });
  await stap('M3', 'onderzoek-uitkomst', {
    uitkomsten: [
      { type: 'kindermishandeling', uitkomst: 'bevestigd' },
      { type: 'huiselijk_geweld', uitkomst: 'weerlegd' },
    ],
  });
  await stap('M3', 'afsluiten', { reden: 'hulp_al_aanwezig', afgeslotenOp: '2026-04-10T10:00:00+02:00' });

  await maak(
    'M4',
    melding({
      ontvangenOp: '2026-03-02T11:00:00+01:00',
      gemeente: 'GM0358',
      hoedanigheid: 'buurtbewoner',
      aanleiding: ['ouderenmishandeling'],
      aard: ['financiele_uitbuiting'],
      personen: [
        { p: volwassene('Vier', 'V', '19400101'), rol: 'slachtoffer' },
        { p: volwassene('Vier', 'M', '19700000'), rol: 'pleger' },
      ],
    }),
  );
  await beoordeel('M4', '2026-03-12T10:00:00+01:00', 'andere_leefdomeinen');
  await stap('M4', 'dienst-voorwaarden-en-vervolg', { gestartOp: '2026-03-13T10:00:00+01:00' });

  await advies('A2', '2026-03-10T10:00:00+01:00', {
    hoedanigheid: 'gz_huisarts',
    aanleiding: ['partnergeweld'],
    aard: ['psychisch_geweld'],
    regio: 'eigen',
    gemeenteCode: 'GM0384',
  });

  // M5: a hermelding about M1's household (the same persons) joins M1's casus.
  await maak('M5', {
    ...melding({
      ontvangenOp: '2026-03-30T09:00:00+02:00',
      gemeente: 'GM0363',
      hoedanigheid: 'gz_huisarts',
      aanleiding: ['km_anders'],
      aard: ['psychisch_geweld'],
      personen: [],
    }),
    huishouden: undefined,
    huishoudenId: (
      await sql<{ huishouden_id: number }>`select huishouden_id from casus where id = ${m.M1!.casusId}`.execute(
        env.database.db,
      )
    ).rows[0]!.huishouden_id,
    betrokkenen: m
      .M1!.persoonIds.slice(0, 3)
      .map((persoonId, i) => ({ persoonId, rol: ['slachtoffer', 'pleger', 'kind'][i] })),
  });
  expect(m.M5!.casusId).toBe(m.M1!.casusId);
  await beoordeel('M5', '2026-04-07T10:00:00+02:00', 'acute_onveiligheid');
  await stap('M5', 'overdracht', {
    ontvangerType: 'gi',
    ontvangerNaam: 'Jeugdbescherming Regio Amsterdam',
    reedsBekend: false,
    warm: true,
    overgedragenOp: '2026-04-08T10:00:00+02:00',
  });

  await maak(
    'M6',
    melding({
      ontvangenOp: '2026-04-24T10:00:00+02:00',
      gemeente: 'GM0363',
      hoedanigheid: 'familielid',
      aanleiding: ['geweld_tegen_ouders'],
      aard: ['lichamelijke_mishandeling'],
      personen: [
        { p: volwassene('Zes', 'V', '19700101'), rol: 'slachtoffer' },
        { p: { bsn: bsn(), voornamen: 'Zoon', achternaam: 'Zes', geboortedatum: null, geslacht: 'M' }, rol: 'pleger' },
        { p: kind('Zes', '20140101', false), rol: 'kind' },
      ],
    }),
  );
  await beoordeel('M6', '2026-05-06T10:00:00+02:00', 'geen_zorgen');
  await stap('M6', 'afsluiten', { reden: 'geen_hg_km', afgeslotenOp: '2026-05-07T10:00:00+02:00' });

  await advies('A3', '2026-05-05T10:00:00+02:00', {
    hoedanigheid: 'familielid',
    aanleiding: ['ouderenmishandeling'],
    regio: 'andere',
    gemeenteCode: null,
  });

  await maak(
    'M12',
    melding({
      ontvangenOp: '2026-05-13T10:00:00+02:00',
      gemeente: 'GM0384',
      hoedanigheid: 'ow_voortgezet',
      aanleiding: ['hg_anders', 'partnergeweld'],
      aard: ['psychisch_geweld'],
      personen: [
        { p: volwassene('Twaalf', 'V', '19950101'), rol: 'slachtoffer' },
        { p: volwassene('Twaalf', 'M', '19930303'), rol: 'pleger' },
      ],
    }),
  );
  await beoordeel('M12', '2026-05-22T10:00:00+02:00', 'structurele_onveiligheid');
  await stap('M12', 'dienst-voorwaarden-en-vervolg', { gestartOp: '2026-05-25T10:00:00+02:00' });

  await maak(
    'M7',
    melding({
      ontvangenOp: '2026-05-20T10:00:00+02:00',
      gemeente: 'GM0363',
      hoedanigheid: 'politie',
      binnenkomst: 'politie_zorgmelding',
      aanleiding: ['andere_problematiek'],
      aard: [],
      personen: [{ p: volwassene('Zeven', 'M', '19600101'), rol: 'overig' }],
    }),
  );
  await beoordeel('M7', '2026-05-21T10:00:00+02:00', 'geen_zorgen');
  await stap('M7', 'afsluiten', { reden: 'geen_hg_km', afgeslotenOp: '2026-05-21T11:00:00+02:00' });

  await advies('A4', '2026-06-02T10:00:00+02:00', {
    hoedanigheid: 'maatschappelijke_ondersteuning',
    aanleiding: ['km_vechtscheiding'],
    regio: 'eigen',
    gemeenteCode: 'GM0363',
    afsluiten: false,
  });
  {
    const saved = env.clock.now;
    env.clock.now = new Date('2026-06-03T10:30:00+02:00');
    try {
      await maak('M13', {
        ...melding({
          ontvangenOp: '2026-06-03T10:00:00+02:00',
          gemeente: 'GM0363',
          hoedanigheid: 'maatschappelijke_ondersteuning',
          binnenkomst: 'omgezet_advies',
          aanleiding: ['km_vechtscheiding'],
          aard: ['psychisch_geweld'],
          personen: [
            { p: volwassene('Dertien', 'V', '19870101'), rol: 'slachtoffer' },
            { p: kind('Dertien', '20190101'), rol: 'kind' },
          ],
        }),
        adviesvraagId: a.A4!.id,
      });
    } finally {
      env.clock.now = saved;
    }
  }

  // M4's dienst ends with an overdracht; M1's monitoring ends (not a new besluit).
  await stap('M4', 'overdracht', {
    ontvangerType: 'lokaal_team',
    ontvangerNaam: 'Wijkteam Aalsmeer',
    reedsBekend: false,
    warm: false,
    overgedragenOp: '2026-06-19T10:00:00+02:00',
  });
  await stap('M1', 'afsluiten', { reden: 'monitoring_afgerond', afgeslotenOp: '2026-06-26T10:00:00+02:00' });

  await maak(
    'M8',
    melding({
      ontvangenOp: '2026-06-10T10:00:00+02:00',
      gemeente: null,
      regio: 'andere',
      hoedanigheid: 'jeugdzorg_gi',
      aanleiding: ['hg_anders'],
      aard: ['psychisch_geweld'],
      personen: [{ p: volwassene('Acht', 'V', '19990101'), rol: 'slachtoffer' }],
    }),
  );
  await maak(
    'M9',
    melding({
      ontvangenOp: '2026-06-30T23:30:00+02:00',
      gemeente: null,
      regio: 'onbekend',
      hoedanigheid: 'politie',
      aanleiding: ['km_kindcheck'],
      aard: [],
      personen: [
        { p: volwassene('Negen', 'V', '19980101'), rol: 'slachtoffer' },
        { p: kind('Negen', '20250101'), rol: 'kind' },
      ],
    }),
  );
  await maak(
    'M10',
    melding({
      ontvangenOp: '2026-07-01T00:30:00+02:00',
      gemeente: 'GM0363',
      hoedanigheid: 'politie',
      aanleiding: ['partnergeweld'],
      aard: [],
      personen: [{ p: volwassene('Tien', 'V', '19970101'), rol: 'slachtoffer' }],
    }),
  );
  return { m, a };
}

/** Household counts: Amsterdam 2026, Diemen only 2025 (fallback), the others only for 2027 (none usable). */
export const HUISHOUDENS_CSV = [
  'gemeentecode,gemeente,jaar,huishoudens_totaal,huishoudens_met_kinderen,huishoudens_zonder_kinderen',
  'GM0363,Amsterdam,2026,2000,500,1500',
  'GM0384,Diemen,2025,800,200,600',
  'GM0358,Aalsmeer,2027,900,300,600',
].join('\n');
