// Test scenario for the privacy tests: one household with two meldingen, one by a protected
// non-professional melder (no disclosure decision) and one by a professional melder whose
// identity is protected by decision. Melder identities also appear in free text, as they do in
// practice. Used by the *.int.test.ts files of this folder only.
import { generateBsn } from '@voordeur/domain';
import { expect } from 'vitest';
import type { TestClient, TestEnv } from '../testing.ts';

export const BURGER_MELDER = {
  naam: 'Mirjam Quaedvlieg',
  telefoon: '020 555 0143',
  email: 'm.quaedvlieg@voorbeeld.nl',
};
export const PROF_MELDER = {
  naam: 'dr. P. Oosterbeek',
  organisatie: 'Huisartsenpraktijk Oosterpark',
  functie: 'huisarts',
  telefoon: '020 555 0177',
  email: 'oosterbeek@praktijk.nl',
};

/** What must never leak: words and numbers of both melders' identities. */
export const MELDER_NEEDLES = {
  words: ['Quaedvlieg', 'Mirjam', 'Oosterbeek', 'Oosterpark'],
  numbers: ['0205550143', '0205550177'],
  emails: [BURGER_MELDER.email, PROF_MELDER.email],
};

export interface Scenario {
  bo: TestClient;
  gw: TestClient;
  casusId: number;
  huishoudenId: number;
  meldingA: number;
  meldingB: number;
  samira: number;
  yara: number;
  karim: number;
  samiraBsn: string;
  adviesvraagId: number;
  casusNummer: string;
  meldingNummer: string;
}

export async function versie(c: TestClient, casusId: number): Promise<number> {
  const r = await c.get(`/api/casussen/${casusId}`);
  expect(r.status).toBe(200);
  return r.body.versie;
}

export async function buildScenario(env: TestEnv, seed = 71_000): Promise<Scenario> {
  const bo = await env.as('backoffice');
  const gw = await env.as('gw');
  const samiraBsn = generateBsn(seed + 1);
  const a = await bo.post('/api/meldingen', {
    binnenkomst: 'telefoon',
    melder: {
      hoedanigheid: 'buurtbewoner',
      naam: BURGER_MELDER.naam,
      telefoon: BURGER_MELDER.telefoon,
      email: BURGER_MELDER.email,
      wilOnbekendBlijven: true,
    },
    huishouden: {
      straat: 'Wibautstraat',
      huisnummer: '150',
      postcode: '1091GR',
      woonplaats: 'Amsterdam',
      gemeenteCode: 'GM0363',
    },
    regio: 'eigen',
    gemeenteCode: 'GM0363',
    betrokkenen: [
      {
        persoon: {
          bsn: samiraBsn,
          voornamen: 'Samira',
          achternaam: 'Bennani',
          geboortedatum: '19880412',
          geslacht: 'V',
        },
        rol: 'slachtoffer',
      },
      { persoon: { voornamen: 'Yara', achternaam: 'Bennani', geboortedatum: '20190921', geslacht: 'V' }, rol: 'kind' },
    ],
    aanleiding: ['km_anders'],
    aard: ['psychisch_geweld'],
    omschrijving: `Buurvrouw ${BURGER_MELDER.naam} (tel. 020-5550143, ${BURGER_MELDER.email}) hoort bijna dagelijks ruzie en Yara huilen. Zij wil onbekend blijven.`,
  });
  expect(a.status, JSON.stringify(a.body)).toBe(201);
  const casusId = a.body.casusId as number;
  const [samira, yara] = a.body.persoonIds as number[];
  let v = await versie(bo, casusId);
  const vb = await bo.post(`/api/meldingen/${a.body.meldingId}/veiligheidsbeoordeling`, {
    versie: v,
    acuteOnveiligheid: false,
    structureleOnveiligheid: true,
    uitkomst: 'structurele_onveiligheid',
    motivering: 'Melder Quaedvlieg is betrouwbaar; school bevestigt zorgen over Yara.',
    bronnen: ['melder', 'school'],
    getoetstDoor: gw.userId,
  });
  expect(vb.status, JSON.stringify(vb.body)).toBe(200);
  const tk = await bo.post(`/api/meldingen/${a.body.meldingId}/terugkoppeling`, {
    versie: vb.body.versie,
    moment: 'na_beoordeling',
    inhoud: 'Mevrouw Quaedvlieg gebeld op 020 555 0143: de melding is beoordeeld.',
  });
  expect(tk.status, JSON.stringify(tk.body)).toBe(200);
  v = tk.body.versie;
  const b = await bo.post('/api/meldingen', {
    binnenkomst: 'telefoon',
    melder: { hoedanigheid: 'gz_huisarts', ...PROF_MELDER, wilOnbekendBlijven: true },
    huishoudenId: a.body.huishoudenId,
    regio: 'eigen',
    gemeenteCode: 'GM0363',
    betrokkenen: [
      { persoonId: samira, rol: 'slachtoffer' },
      {
        persoon: { voornamen: 'Karim', achternaam: 'Bennani', geboortedatum: '19850101', geslacht: 'M' },
        rol: 'pleger',
      },
    ],
    aanleiding: ['hg_anders'],
    aard: ['lichamelijke_mishandeling'],
    omschrijving:
      'Dr. Oosterbeek van Huisartsenpraktijk Oosterpark zag blauwe plekken bij Samira; Karim Bennani ontkent alles.',
  });
  expect(b.status, JSON.stringify(b.body)).toBe(201);
  expect(b.body.casusId).toBe(casusId);
  const karim = (b.body.persoonIds as number[]).find((p) => p !== samira)!;
  const d = await bo.post(`/api/meldingen/${b.body.meldingId}/melder-openbaarheid`, {
    versie: await versie(bo, casusId),
    grond: 'gevaar_slachtoffer',
    toelichting: 'Pleger is agressief naar hulpverleners.',
  });
  expect(d.status, JSON.stringify(d.body)).toBe(200);
  const adv = await bo.post('/api/adviesvragen', {
    hoedanigheid: 'ow_basis',
    aanleiding: ['km_anders'],
    aard: [],
    regio: 'eigen',
    gemeenteCode: 'GM0363',
    vraag: 'Leerkracht twijfelt over signalen.',
    advies: 'Meldcode volgen.',
  });
  expect(adv.status, JSON.stringify(adv.body)).toBe(201);
  const casus = await bo.get(`/api/casussen/${casusId}`);
  return {
    bo,
    gw,
    casusId,
    huishoudenId: a.body.huishoudenId,
    meldingA: a.body.meldingId,
    meldingB: b.body.meldingId,
    samira: samira!,
    yara: yara!,
    karim,
    samiraBsn,
    adviesvraagId: adv.body.id,
    casusNummer: casus.body.nummer,
    meldingNummer: a.body.nummer,
  };
}
