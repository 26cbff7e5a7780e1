// Intake through the API: registering meldingen (casus, persons, household), hermeldingen,
// finding persons before creating them, the radar, adviesvragen and their conversion, and
// the 400 answers for bad input (every offending field, nothing stored).
import { blindIndex, open } from './crypto/veld.ts';
import { generateBsn, MOGELIJK_DUBBEL_DREMPEL } from '@voordeur/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestClient, type TestEnv } from './testing.ts';

let env: TestEnv;
let bo: TestClient;

beforeAll(async () => {
  env = await createTestEnv();
  bo = await env.as('backoffice');
});
afterAll(async () => {
  await env?.close();
});

const TABLES = [
  'casus',
  'melding',
  'melder',
  'persoon',
  'huishouden',
  'huishouden_lid',
  'melding_betrokkene',
  'informering',
  'adviesvraag',
] as const;
async function counts(): Promise<Record<(typeof TABLES)[number], number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES)
    out[t] = (
      await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(env.database.db)
    ).rows[0]!.n;
  return out as Record<(typeof TABLES)[number], number>;
}
const diff = (a: Record<string, number>, b: Record<string, number>) =>
  Object.fromEntries(Object.keys(a).map((k) => [k, b[k]! - a[k]!]));

let bsnSeed = 71_000;
const bsn = () => generateBsn(bsnSeed++);
let huisnummer = 10;
// Every melding's child is another child, with another voornaam and date of birth: the same name at
// the same address, or with the same date of birth, is a likely duplicate the server refuses.
let kindSeq = 0;
const KINDNAMEN = ['Daan', 'Sem', 'Noor', 'Lieke', 'Ayoub', 'Mila', 'Finn', 'Zoë', 'Bilal', 'Tess', 'Olivier', 'Yara'];
const kind = () => {
  const n = kindSeq++;
  return {
    voornamen: KINDNAMEN[n % KINDNAMEN.length]!,
    geboortedatum: new Date(Date.UTC(2017, 0, 1 + n)).toISOString().slice(0, 10).replace(/-/g, ''),
  };
};

function adres(overrides: Record<string, unknown> = {}) {
  return {
    straat: 'Javastraat',
    huisnummer: String(huisnummer++),
    postcode: '1094HB',
    woonplaats: 'Amsterdam',
    gemeenteCode: 'GM0363',
    ...overrides,
  };
}

function melding(overrides: Record<string, unknown> = {}) {
  return {
    binnenkomst: 'telefoon',
    melder: { hoedanigheid: 'politie', naam: 'Wijkagent R. de Boer', organisatie: 'Politie Amsterdam' },
    huishouden: adres(),
    regio: 'eigen',
    gemeenteCode: 'GM0363',
    betrokkenen: [
      {
        persoon: { bsn: bsn(), voornamen: 'Fatima', achternaam: 'Bakker', geboortedatum: '19870412', geslacht: 'V' },
        rol: 'slachtoffer',
        huishoudenRol: 'ouder_verzorger',
      },
      {
        persoon: { ...kind(), achternaam: 'Bakker', geslacht: 'M' },
        rol: 'kind',
      },
    ],
    aanleiding: ['partnergeweld', 'km_anders'],
    aard: ['getuige_van_geweld'],
    omschrijving: 'Politie ter plaatse na een melding van buren over geschreeuw; de kinderen waren thuis.',
    ...overrides,
  };
}

async function casus(id: number) {
  const r = await bo.get(`/api/casussen/${id}`);
  expect(r.status).toBe(200);
  return r.body;
}

describe('POST /api/meldingen', () => {
  it('creates casus, melding, melder, persons, household and informing duties in one go', async () => {
    const before = await counts();
    const r = await bo.post('/api/meldingen', melding());
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ hermelding: false, gekoppeldePersonen: [], eerdereMeldingen: [] });
    expect(r.body.nummer).toMatch(/^ML[0-9]{7}$/);
    expect(r.body.casusNummer).toMatch(/^[0-9]{4}-[0-9]{6}$/);
    expect(r.body.persoonIds).toHaveLength(2);
    expect(diff(before, await counts())).toEqual({
      casus: 1,
      melding: 1,
      melder: 1,
      persoon: 2,
      huishouden: 1,
      huishouden_lid: 2,
      melding_betrokkene: 2,
      informering: 2,
      adviesvraag: 0,
    });
    const c = await casus(r.body.casusId);
    expect(c.status).toBe('open');
    expect(c.huishouden.id).toBe(r.body.huishoudenId);
    expect(c.huishouden.leden.map((l: any) => l.id).sort()).toEqual([...r.body.persoonIds].sort());
    // The child's default household role follows from its role in the melding.
    expect(c.huishouden.leden.find((l: any) => l.naam.startsWith('Daan'))?.rol).toBe('kind');
    expect(c.meldingen).toHaveLength(1);
    expect(c.meldingen[0]).toMatchObject({
      id: r.body.meldingId,
      status: 'ontvangen',
      metKinderen: true,
      aanleiding: ['partnergeweld', 'km_anders'],
    });
  });

  it('a second melding naming the household (huishoudenId) joins the open casus and bumps its version', async () => {
    const first = await bo.post('/api/meldingen', melding());
    expect(first.status).toBe(201);
    const versieBefore = (await casus(first.body.casusId)).versie;
    const before = await counts();
    const { huishouden: _h, ...rest } = melding();
    const second = await bo.post('/api/meldingen', {
      ...rest,
      huishoudenId: first.body.huishoudenId,
      betrokkenen: [{ persoonId: first.body.persoonIds[0], rol: 'slachtoffer' }],
      binnenkomst: 'politie_zorgmelding',
    });
    expect(second.status).toBe(201);
    expect(second.body.hermelding).toBe(true);
    expect(second.body.casusId).toBe(first.body.casusId);
    expect(second.body.casusNummer).toBe(first.body.casusNummer);
    expect(second.body.huishoudenId).toBe(first.body.huishoudenId);
    expect(diff(before, await counts())).toMatchObject({ casus: 0, melding: 1, huishouden: 0, persoon: 0 });
    const c = await casus(first.body.casusId);
    expect(c.versie).toBe(versieBefore + 1);
    expect(c.meldingen.map((m: any) => m.id)).toEqual([first.body.meldingId, second.body.meldingId]);
    // The earlier melding about the same person is shown at once.
    expect(second.body.eerdereMeldingen.map((m: any) => m.id)).toEqual([first.body.meldingId]);
  });

  it('a second melding at the same postcode and huisnummer (typed differently) joins the open casus', async () => {
    const a = adres();
    const first = await bo.post('/api/meldingen', melding({ huishouden: a }));
    expect(first.status).toBe(201);
    const before = await counts();
    const second = await bo.post(
      '/api/meldingen',
      melding({ huishouden: { ...a, postcode: '1094 hb', straat: null } }),
    );
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({
      hermelding: true,
      casusId: first.body.casusId,
      huishoudenId: first.body.huishoudenId,
    });
    expect(diff(before, await counts())).toMatchObject({ casus: 0, huishouden: 0, melding: 1, persoon: 2 });
  });

  it('a different toevoeging is a different household and opens a new casus', async () => {
    const a = adres();
    const first = await bo.post('/api/meldingen', melding({ huishouden: { ...a, toevoeging: 'A' } }));
    const second = await bo.post('/api/meldingen', melding({ huishouden: { ...a, toevoeging: 'B' } }));
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.hermelding).toBe(false);
    expect(second.body.casusId).not.toBe(first.body.casusId);
    expect(second.body.huishoudenId).not.toBe(first.body.huishoudenId);
  });

  it('a "new" person whose BSN already exists is refused (409) naming the field and the person to link; nothing is written', async () => {
    const first = await bo.post('/api/meldingen', melding());
    expect(first.status).toBe(201);
    const existing = first.body.persoonIds[0];
    const existingBsn = open(
      (await sql<{ bsn: string }>`select bsn from persoon where id = ${existing}`.execute(env.database.db)).rows[0]!
        .bsn,
      'persoon.bsn',
    )!;
    const before = await counts();
    const input = melding({
      // Another address: a new household, but the person is the same one.
      huishouden: adres({ straat: 'Kinkerstraat', postcode: '1053DX' }),
      betrokkenen: [
        {
          persoon: { bsn: bsn(), voornamen: 'Kevin', achternaam: 'Smit', geboortedatum: '19840101', geslacht: 'M' },
          rol: 'pleger',
        },
        {
          persoon: { bsn: existingBsn, voornamen: 'Fatma', achternaam: 'Bakker-Yilmaz', geslacht: 'V' },
          rol: 'slachtoffer',
        },
      ],
    }) as any;
    const r = await bo.post('/api/meldingen', input);
    expect(r.status).toBe(409);
    expect(r.body.error).toBe('bestaande_persoon');
    expect(r.body.fields).toEqual([
      expect.objectContaining({ field: 'betrokkenen[1].persoon.bsn', rule: 'bsn_bestaat', persoonIds: [existing] }),
    ]);
    expect(r.body.fields[0].kandidaten).toEqual([expect.objectContaining({ id: existing, naam: 'Fatima Bakker' })]);
    expect(await counts()).toEqual(before);
    const n = (
      await sql<{
        n: number;
      }>`select count(*)::int as n from persoon where bsn_hash = ${blindIndex(existingBsn, 'persoon.bsn')}`.execute(
        env.database.db,
      )
    ).rows[0]!.n;
    expect(n).toBe(1);
    // Linking the existing person instead registers the melding.
    input.betrokkenen[1] = { persoonId: existing, rol: 'slachtoffer' };
    const linked = await bo.post('/api/meldingen', input);
    expect(linked.status).toBe(201);
    expect(linked.body.gekoppeldePersonen).toEqual([existing]);
  });

  it('a new person with the same name and date of birth as a known one needs nieuwBevestigd, else 409 with the candidates', async () => {
    const known = await bo.post(
      '/api/meldingen',
      melding({
        betrokkenen: [
          {
            persoon: { voornamen: 'Esra', achternaam: 'Jansen', geboortedatum: '19891207', geslacht: 'V' },
            rol: 'slachtoffer',
          },
        ],
      }),
    );
    expect(known.status).toBe(201);
    const esra = known.body.persoonIds[0];
    const before = await counts();
    // Spelled differently ('Janssen' normalises to the same search name), no BSN.
    const nieuw = {
      persoon: { voornamen: 'Esra', achternaam: 'Janssen', geboortedatum: '19891207', geslacht: 'V' },
      rol: 'slachtoffer',
    };
    const r = await bo.post('/api/meldingen', melding({ betrokkenen: [nieuw] }));
    expect(r.status).toBe(409);
    expect(r.body.fields).toEqual([
      expect.objectContaining({ field: 'betrokkenen[0].persoon', rule: 'mogelijk_dubbel', persoonIds: [esra] }),
    ]);
    expect(r.body.fields[0].message).toContain('Esra Jansen');
    expect(await counts()).toEqual(before);
    // A different date of birth is someone else; "toch nieuwe persoon" confirms the same one.
    const ander = await bo.post(
      '/api/meldingen',
      melding({ betrokkenen: [{ ...nieuw, persoon: { ...nieuw.persoon, geboortedatum: '19891208' } }] }),
    );
    expect(ander.status).toBe(201);
    const bevestigd = await bo.post('/api/meldingen', melding({ betrokkenen: [{ ...nieuw, nieuwBevestigd: true }] }));
    expect(bevestigd.status).toBe(201);
    expect(bevestigd.body.persoonIds[0]).not.toBe(esra);
  });

  it('a surname with a typo and the same date of birth is a likely duplicate: 409 "Bedoelt u …?" with score and reasons; confirmed, it is logged and the radar shows the other\'s meldingen as mogelijk dezelfde persoon', async () => {
    const known = await bo.post(
      '/api/meldingen',
      melding({
        betrokkenen: [
          {
            persoon: { voornamen: 'Ruud', achternaam: 'Meijer', geboortedatum: '19750505', geslacht: 'M' },
            rol: 'pleger',
          },
        ],
      }),
    );
    expect(known.status).toBe(201);
    const ruud = known.body.persoonIds[0];
    const before = await counts();
    // 'Mejer' instead of 'Meijer' (a typo and a Dutch spelling variant), the same date of birth, another address.
    const nieuw = {
      persoon: { voornamen: 'Ruud', achternaam: 'Mejer', geboortedatum: '19750505', geslacht: 'M' },
      rol: 'pleger',
    };
    const r = await bo.post('/api/meldingen', melding({ betrokkenen: [nieuw] }));
    expect(r.status).toBe(409);
    const [fout] = r.body.fields;
    expect(fout).toMatchObject({ field: 'betrokkenen[0].persoon', rule: 'mogelijk_dubbel', persoonIds: [ruud] });
    expect(fout.kandidaten[0]).toMatchObject({ id: ruud, naam: 'Ruud Meijer' });
    expect(fout.kandidaten[0].score).toBeGreaterThanOrEqual(MOGELIJK_DUBBEL_DREMPEL);
    expect(fout.kandidaten[0].redenen).toEqual(['naam gelijk op spelling na', 'geboortedatum gelijk']);
    expect(fout.message).toMatch(/^Bedoelt u deze persoon\? Ruud Meijer/);
    expect(await counts()).toEqual(before);
    // The same name at the same address, with a date of birth with unknown parts: also refused.
    const adresKnown = known.body.huishoudenId;
    const h = (
      await sql<{
        postcode: string;
        huisnummer: string;
      }>`select postcode, huisnummer from huishouden where id = ${adresKnown}`.execute(env.database.db)
    ).rows[0]!;
    const zelfdeAdres = await bo.post(
      '/api/meldingen',
      melding({
        huishouden: adres({ postcode: h.postcode, huisnummer: h.huisnummer }),
        betrokkenen: [{ ...nieuw, persoon: { ...nieuw.persoon, achternaam: 'Meijer', geboortedatum: '19750000' } }],
      }),
    );
    expect(zelfdeAdres.status).toBe(409);
    // "Toch nieuwe persoon": registered, the confirmation logged with who and in which melding.
    const bevestigd = await bo.post('/api/meldingen', melding({ betrokkenen: [{ ...nieuw, nieuwBevestigd: true }] }));
    expect(bevestigd.status).toBe(201);
    const nieuweId = bevestigd.body.persoonIds[0];
    expect(nieuweId).not.toBe(ruud);
    expect(bevestigd.body.nietDubbel).toEqual([{ persoonId: nieuweId, kandidaatId: ruud }]);
    const log = (
      await sql<{ kandidaat_id: number; melding_id: number; bevestigd_door: number; redenen: string[] }>`
        select kandidaat_id, melding_id, bevestigd_door, redenen from persoon_niet_dubbel where persoon_id = ${nieuweId}`.execute(
        env.database.db,
      )
    ).rows;
    expect(log).toEqual([
      {
        kandidaat_id: ruud,
        melding_id: bevestigd.body.meldingId,
        bevestigd_door: expect.any(Number),
        redenen: ['naam gelijk op spelling na', 'geboortedatum gelijk'],
      },
    ]);
    // The radar of the new melding: the other person's melding, marked.
    expect(bevestigd.body.eerdereMeldingen).toEqual([
      expect.objectContaining({
        id: known.body.meldingId,
        mogelijkDezelfdePersoon: [{ persoonId: nieuweId, kandidaatId: ruud }],
      }),
    ]);
    // And the access log names the other person, whose meldingen were shown.
    const toegang = (
      await sql<{ n: number }>`select count(*)::int as n from access_log where ${ruud} = any(client_ids)`.execute(
        env.database.db,
      )
    ).rows[0]!.n;
    expect(toegang).toBeGreaterThan(0);
    // The other way round too: the known person's casus radar shows the new melding as mogelijk dezelfde persoon.
    const c = await casus(known.body.casusId);
    expect(c.radar).toEqual([
      expect.objectContaining({
        meldingId: bevestigd.body.meldingId,
        mogelijkDezelfdePersoon: [{ persoonId: ruud, kandidaatId: nieuweId }],
      }),
    ]);
  });

  it('the household diagram shows slachtoffer and vermoedelijke pleger as parents with children, as partners without, and a witness as overig', async () => {
    const rollen = async (body: Record<string, unknown>) => {
      const r = await bo.post('/api/meldingen', melding(body));
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const c = await casus(r.body.casusId);
      return Object.fromEntries(c.huishouden.leden.map((l: any) => [l.naam, l.rol]));
    };
    const persoon = (voornamen: string, geboortedatum: string, bsnNodig = true) => ({
      ...(bsnNodig ? { bsn: bsn() } : {}),
      voornamen,
      achternaam: 'Diagram',
      geboortedatum,
      geslacht: 'V',
    });
    expect(
      await rollen({
        betrokkenen: [
          { persoon: persoon('Sara', '19880101'), rol: 'slachtoffer' },
          { persoon: persoon('Tom', '19850101'), rol: 'pleger' },
          { persoon: persoon('Lina', '20180101'), rol: 'kind' },
          { persoon: persoon('Oma', '19500101'), rol: 'getuige' },
        ],
      }),
    ).toEqual({
      'Sara Diagram': 'ouder_verzorger',
      'Tom Diagram': 'ouder_verzorger',
      'Lina Diagram': 'kind',
      'Oma Diagram': 'overig',
    });
    expect(
      await rollen({
        aanleiding: ['partnergeweld'],
        betrokkenen: [
          { persoon: persoon('Eva', '19900101'), rol: 'slachtoffer' },
          { persoon: persoon('Bas', '19890101'), rol: 'pleger' },
        ],
      }),
    ).toEqual({ 'Eva Diagram': 'partner', 'Bas Diagram': 'partner' });
    // A minor slachtoffer is a child of the household, the adult pleger a parent.
    expect(
      await rollen({
        betrokkenen: [
          { persoon: persoon('Mees', '20120101'), rol: 'slachtoffer' },
          { persoon: persoon('Kim', '19800101'), rol: 'pleger' },
        ],
      }),
    ).toEqual({ 'Mees Diagram': 'kind', 'Kim Diagram': 'ouder_verzorger' });
  });

  it('the same BSN twice in one melding is refused and nothing is stored', async () => {
    const dup = bsn();
    const before = await counts();
    const r = await bo.post(
      '/api/meldingen',
      melding({
        betrokkenen: [
          { persoon: { bsn: dup, achternaam: 'Kaya', geslacht: 'V' }, rol: 'slachtoffer' },
          { persoon: { bsn: dup, achternaam: 'Kaya', geslacht: 'V' }, rol: 'getuige' },
        ],
      }),
    );
    expect(r.status).toBe(400);
    expect(r.body.fields).toEqual([expect.objectContaining({ field: 'betrokkenen', rule: 'uniek' })]);
    expect(await counts()).toEqual(before);
  });
});

describe('concurrent registrations', () => {
  it('two meldingen about the same new address arriving together make one household and one casus', async () => {
    const before = await counts();
    const a = adres();
    const [x, y] = await Promise.all([
      bo.post('/api/meldingen', melding({ huishouden: a })),
      bo.post('/api/meldingen', melding({ huishouden: a })),
    ]);
    expect([x.status, y.status]).toEqual([201, 201]);
    expect(x.body.casusId).toBe(y.body.casusId);
    expect(x.body.huishoudenId).toBe(y.body.huishoudenId);
    expect([x.body.hermelding, y.body.hermelding].sort()).toEqual([false, true]);
    expect(diff(before, await counts())).toMatchObject({ casus: 1, huishouden: 1, melding: 2 });
  });

  it('two meldingen naming the same new BSN arriving together make one person: the second is told to link it', async () => {
    const shared = bsn();
    const p = (achternaam: string) => ({
      persoon: { bsn: shared, achternaam, geboortedatum: '19920202', geslacht: 'M' },
      rol: 'pleger',
    });
    const [x, y] = await Promise.all([
      bo.post('/api/meldingen', melding({ betrokkenen: [p('Öztürk')] })),
      bo.post('/api/meldingen', melding({ betrokkenen: [p('Ozturk')] })),
    ]);
    expect([x.status, y.status].sort()).toEqual([201, 409]);
    const [ok, refused] = x.status === 201 ? [x, y] : [y, x];
    expect(refused.body.fields).toEqual([
      expect.objectContaining({ field: 'betrokkenen[0].persoon.bsn', persoonIds: ok.body.persoonIds }),
    ]);
    const n = (
      await sql<{
        n: number;
      }>`select count(*)::int as n from persoon where bsn_hash = ${blindIndex(shared, 'persoon.bsn')}`.execute(
        env.database.db,
      )
    ).rows[0]!.n;
    expect(n).toBe(1);
  });
});

describe('GET /api/personen: find before create', () => {
  let jansen: number;
  let swapped: number;
  let bsnPersoon: { id: number; bsn: string };
  const gooioord = adres({ straat: 'Gooioord', postcode: '1103CJ' });

  beforeAll(async () => {
    const b = bsn();
    const r = await bo.post(
      '/api/meldingen',
      melding({
        huishouden: gooioord,
        betrokkenen: [
          {
            persoon: { voornamen: 'Priya', achternaam: 'Jansen', geboortedatum: '19900517', geslacht: 'V' },
            rol: 'slachtoffer',
          },
          {
            persoon: { voornamen: 'Lina', achternaam: 'Mohan', geboortedatum: '20150304', geslacht: 'V' },
            rol: 'kind',
          },
          {
            persoon: { bsn: b, voornamen: 'Ravi', achternaam: 'Pinas', geboortedatum: '19880808', geslacht: 'M' },
            rol: 'pleger',
          },
        ],
      }),
    );
    expect(r.status).toBe(201);
    [jansen, swapped] = r.body.persoonIds;
    bsnPersoon = { id: r.body.persoonIds[2], bsn: b };
  });

  it("finds 'Jansen' when searching 'Janssen' with the right date of birth", async () => {
    const r = await bo.get('/api/personen?naam=Janssen&geboortedatum=19900517');
    expect(r.status).toBe(200);
    expect(r.body.kandidaten[0].id).toBe(jansen);
    expect(r.body.kandidaten[0].redenen).toContain('geboortedatum gelijk');
  });

  it('finds a person by BSN exactly, and not by another valid BSN', async () => {
    const r = await bo.get(`/api/personen?bsn=${bsnPersoon.bsn}`);
    expect(r.status).toBe(200);
    expect(r.body.kandidaten.map((k: any) => k.id)).toEqual([bsnPersoon.id]);
    expect(r.body.kandidaten[0]).toMatchObject({ bsn: bsnPersoon.bsn, redenen: ['BSN gelijk'] });
    const other = await bo.get(`/api/personen?bsn=${generateBsn(999_999)}`);
    expect(other.status).toBe(200);
    expect(other.body.kandidaten).toEqual([]);
  });

  it('finds a date of birth with day and month swapped', async () => {
    const r = await bo.get('/api/personen?naam=Mohan&geboortedatum=20150403');
    expect(r.status).toBe(200);
    const k = r.body.kandidaten.find((x: any) => x.id === swapped);
    expect(k).toBeDefined();
    expect(k.redenen).toContain('geboortedatum met dag/maand verwisseld');
    expect(r.body.kandidaten[0].id).toBe(swapped);
  });

  it('finds household members by address', async () => {
    const r = await bo.get(`/api/personen?postcode=1103%20cj&huisnummer=${gooioord.huisnummer}`);
    expect(r.status).toBe(200);
    expect(r.body.kandidaten.map((k: any) => k.id).sort()).toEqual([jansen, swapped, bsnPersoon.id].sort());
  });
});

describe('GET /api/radar and eerdereMeldingen', () => {
  it('returns earlier meldingen about a person across casussen', async () => {
    const a = await bo.post(
      '/api/meldingen',
      melding({ huishouden: adres({ straat: 'Meeuwenlaan', postcode: '1021JK' }) }),
    );
    expect(a.status).toBe(201);
    const persoon = a.body.persoonIds[0];
    // The same person, now reported at another address: a new household and a new casus.
    const b = await bo.post(
      '/api/meldingen',
      melding({
        huishouden: adres({
          straat: 'Ouddiemerlaan',
          postcode: '1111HK',
          woonplaats: 'Diemen',
          gemeenteCode: 'GM0384',
        }),
        gemeenteCode: 'GM0384',
        betrokkenen: [{ persoonId: persoon, rol: 'slachtoffer' }],
      }),
    );
    expect(b.status).toBe(201);
    expect(b.body.casusId).not.toBe(a.body.casusId);
    expect(b.body.hermelding).toBe(false);
    expect(b.body.eerdereMeldingen).toEqual([
      expect.objectContaining({ id: a.body.meldingId, casusId: a.body.casusId, persoonIds: [persoon] }),
    ]);

    const r = await bo.get(`/api/radar?persoonIds=${persoon}`);
    expect(r.status).toBe(200);
    const ids = r.body.meldingen.map((m: any) => m.id);
    expect(ids).toHaveLength(2);
    expect(ids).toEqual(expect.arrayContaining([a.body.meldingId, b.body.meldingId]));
    expect(new Set(r.body.meldingen.map((m: any) => m.casusId))).toEqual(new Set([a.body.casusId, b.body.casusId]));

    // A person without meldingen has an empty radar; a malformed list is a 400.
    const child = a.body.persoonIds[1];
    const c = await bo.get(`/api/radar?persoonIds=${child}`);
    expect(c.body.meldingen.map((m: any) => m.id)).toEqual([a.body.meldingId]);
    const bad = await bo.get('/api/radar?persoonIds=1;drop');
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe('query.persoonIds');
    // An id beyond a database integer, or too many ids: a 400 naming the field, not a database error.
    for (const ids of ['99999999999', '3000000000', Array.from({ length: 101 }, (_, i) => i + 1).join(',')]) {
      const r2 = await bo.get(`/api/radar?persoonIds=${ids}`);
      expect(r2.status, ids).toBe(400);
      expect(r2.body.fields[0].field).toBe('query.persoonIds');
    }
    const hh = await bo.get('/api/intake/huishouden?huishoudenId=3000000000');
    expect(hh.status).toBe(400);
    expect(hh.body.fields[0].field).toBe('query.huishoudenId');
  });
});

describe('adviesvragen', () => {
  const advies = (overrides: Record<string, unknown> = {}) => ({
    hoedanigheid: 'ow_basis',
    aanleiding: ['km_anders'],
    aard: ['pedagogische_verwaarlozing'],
    regio: 'eigen',
    gemeenteCode: 'GM0362',
    vraag: 'Leerkracht twijfelt of zij zich zorgen moet maken over een leerling die vaak hongerig is.',
    advies: 'Gesprek met ouders voeren volgens de meldcode, daarna opnieuw contact opnemen.',
    ...overrides,
  });

  it('registers an adviesvraag without any person and converts it into a melding once', async () => {
    const before = await counts();
    const a = await bo.post('/api/adviesvragen', advies());
    expect(a.status).toBe(201);
    expect(a.body.nummer).toMatch(/^AD[0-9]{7}$/);
    expect(diff(before, await counts())).toEqual({ ...Object.fromEntries(TABLES.map((t) => [t, 0])), adviesvraag: 1 });
    const got = await bo.get(`/api/adviesvragen/${a.body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: a.body.id, omgezetInMeldingId: null, gemeenteCode: 'GM0362' });

    const m = await bo.post('/api/meldingen', melding({ adviesvraagId: a.body.id, binnenkomst: 'omgezet_advies' }));
    expect(m.status).toBe(201);
    const after = await bo.get(`/api/adviesvragen/${a.body.id}`);
    expect(after.body.omgezetInMeldingId).toBe(m.body.meldingId);
    expect((await casus(m.body.casusId)).meldingen[0].adviesvraagId).toBe(a.body.id);

    // Converting again: 409, and no casus, melding, person or household is written.
    const beforeSecond = await counts();
    const again = await bo.post('/api/meldingen', melding({ adviesvraagId: a.body.id, binnenkomst: 'omgezet_advies' }));
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('al_omgezet');
    expect(await counts()).toEqual(beforeSecond);
    expect((await bo.get(`/api/adviesvragen/${a.body.id}`)).body.omgezetInMeldingId).toBe(m.body.meldingId);
  });

  it('converting an adviesvraag that does not exist is a 400 on adviesvraagId', async () => {
    const before = await counts();
    const r = await bo.post('/api/meldingen', melding({ adviesvraagId: 987654 }));
    expect(r.status).toBe(400);
    expect(r.body.fields).toEqual([expect.objectContaining({ field: 'adviesvraagId', rule: 'bestaat' })]);
    expect(await counts()).toEqual(before);
  });

  it('an adviesvraag with an unknown code is refused naming the list', async () => {
    const before = await counts();
    const r = await bo.post('/api/adviesvragen', advies({ hoedanigheid: 'waarzegger' }));
    expect(r.status).toBe(400);
    expect(r.body.fields).toEqual([expect.objectContaining({ field: 'hoedanigheid', rule: 'codelijst' })]);
    expect(r.body.fields[0].message).toContain('hoedanigheid');
    expect(await counts()).toEqual(before);
  });
});

describe('bad input: 400 with every offending field, nothing stored', () => {
  it('missing omschrijving, an invalid BSN and an unknown aanleiding code are all reported', async () => {
    const before = await counts();
    const m = melding({ aanleiding: ['partnergeweld', 'burenruzie'] }) as any;
    delete m.omschrijving;
    m.betrokkenen[0].persoon.bsn = '123456789'; // fails the elfproef
    const r = await bo.post('/api/meldingen', m);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('validatie');
    const fields = r.body.fields.map((f: any) => f.field).sort();
    expect(fields).toEqual(['aanleiding[1]', 'betrokkenen[0].persoon.bsn', 'omschrijving']);
    const byField = Object.fromEntries(r.body.fields.map((f: any) => [f.field, f]));
    expect(byField['aanleiding[1]'].rule).toBe('codelijst');
    expect(byField['aanleiding[1]'].message).toContain('aanleiding');
    expect(byField['betrokkenen[0].persoon.bsn'].message).toMatch(/elfproef/);
    expect(await counts()).toEqual(before);
  });

  it('an adviesvraag with a too short vraag and an unknown aard reports both', async () => {
    const before = await counts();
    const r = await bo.post('/api/adviesvragen', {
      hoedanigheid: 'buurtbewoner',
      aanleiding: ['hg_anders'],
      aard: ['psychisch_geweld', 'geluidsoverlast'],
      regio: 'eigen',
      gemeenteCode: 'GM0363',
      vraag: 'Hm',
      advies: 'Bel opnieuw als het erger wordt.',
    });
    expect(r.status).toBe(400);
    expect(Object.fromEntries(r.body.fields.map((f: any) => [f.field, f.rule]))).toEqual({
      vraag: 'too_small',
      'aard[1]': 'codelijst',
    });
    expect(await counts()).toEqual(before);
  });

  it('an unknown code-list value is a 400 that names the list', async () => {
    const before = await counts();
    const r = await bo.post(
      '/api/meldingen',
      melding({ binnenkomst: 'postduif', aard: ['getuige_van_geweld', 'onbekende_aard'] }),
    );
    expect(r.status).toBe(400);
    const byField = Object.fromEntries(r.body.fields.map((f: any) => [f.field, f]));
    expect(Object.keys(byField).sort()).toEqual(['aard[1]', 'binnenkomst']);
    expect(byField.binnenkomst).toMatchObject({ rule: 'codelijst' });
    expect(byField.binnenkomst.message).toContain('codelijst binnenkomst');
    expect(byField['aard[1]'].message).toContain('codelijst aard');
    expect(await counts()).toEqual(before);
  });

  it('references to things that do not exist are field errors', async () => {
    const before = await counts();
    const { huishouden: _h, ...rest } = melding();
    const r = await bo.post('/api/meldingen', {
      ...rest,
      huishoudenId: 999_999,
      gemeenteCode: 'GM9999',
      betrokkenen: [{ persoonId: 999_998, rol: 'slachtoffer' }],
    });
    expect(r.status).toBe(400);
    const byField = Object.fromEntries(r.body.fields.map((f: any) => [f.field, f.rule]));
    expect(byField).toEqual({
      huishoudenId: 'bestaat',
      gemeenteCode: 'bestaat',
      'betrokkenen[0].persoonId': 'bestaat',
    });
    expect(await counts()).toEqual(before);
  });

  it('a person without BSN and without date of birth is refused (Wmo art. 5.2.9)', async () => {
    const r = await bo.post(
      '/api/meldingen',
      melding({ betrokkenen: [{ persoon: { achternaam: 'Onbekend' }, rol: 'slachtoffer' }] }),
    );
    expect(r.status).toBe(400);
    expect(r.body.fields).toEqual([expect.objectContaining({ field: 'betrokkenen[0].persoon.geboortedatum' })]);
  });

  it('malformed JSON is a 400 and stores nothing', async () => {
    const { cookie, csrfToken } = await env.session('backoffice');
    const before = await counts();
    const r = await env.app.inject({
      method: 'POST',
      url: '/api/meldingen',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      payload: '{"binnenkomst": "telefoon", "omschrijving": ',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ error: 'validatie', fields: [{ field: 'body', rule: 'json' }] });
    // An empty body is not a melding either.
    const empty = await env.app.inject({
      method: 'POST',
      url: '/api/meldingen',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      payload: '',
    });
    expect(empty.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('a moment of receipt after the server clock is refused', async () => {
    const future = new Date(env.clock.now.getTime() + 3600_000).toISOString();
    const before = await counts();
    const r = await bo.post('/api/meldingen', melding({ ontvangenOp: future }));
    expect(r.status).toBe(400);
    expect(r.body.fields).toEqual([expect.objectContaining({ field: 'ontvangenOp', rule: 'niet_in_toekomst' })]);
    expect(await counts()).toEqual(before);
  });
});

describe('melder identity (since 2019 the melder makes themselves known)', () => {
  it('requires a name, and an organisation or telefoon or e-mail, naming field and rule; nothing stored', async () => {
    const before = await counts();
    const r = await bo.post('/api/meldingen', melding({ melder: { hoedanigheid: 'politie' } }));
    expect(r.status).toBe(400);
    expect(r.body.fields.map((f: any) => [f.field, f.rule])).toEqual([
      ['melder.naam', 'melder_bekend'],
      ['melder.organisatie', 'melder_bereikbaar'],
    ]);
    expect(r.body.fields[0].message).toMatch(/Naam van de melder is verplicht/);
    expect(r.body.fields[1].message).toMatch(/organisatie .* telefoonnummer of e-mailadres/);
    // Also reported together with schema errors elsewhere in the body.
    const m = melding({ melder: { hoedanigheid: 'politie', naam: 'Agent' } }) as any;
    delete m.omschrijving;
    const both = await bo.post('/api/meldingen', m);
    expect(both.body.fields.map((f: any) => f.field).sort()).toEqual(['melder.organisatie', 'omschrijving']);
    expect(await counts()).toEqual(before);
    // A citizen with a name and a phone number only is enough.
    const ok = await bo.post(
      '/api/meldingen',
      melding({
        melder: {
          hoedanigheid: 'buurtbewoner',
          naam: 'M. Verhoeven',
          telefoon: '020 555 0199',
          wilOnbekendBlijven: true,
        },
      }),
    );
    expect(ok.status).toBe(201);
  });
});

describe('ontvangstmoment and the casus timeline', () => {
  it('a melding received hours before registration starts its clock then, and the timeline shows both moments', async () => {
    const ontvangenOp = new Date(env.clock.now.getTime() - 5 * 3600_000).toISOString();
    const r = await bo.post('/api/meldingen', melding({ ontvangenOp }));
    expect(r.status).toBe(201);
    const c = await casus(r.body.casusId);
    expect(c.meldingen[0].ontvangenOp).toBe(ontvangenOp);
    const items = c.timeline.filter((t: any) => t.meldingNummer === r.body.nummer);
    expect(items.map((t: any) => t.titel)).toEqual(
      expect.arrayContaining([`Melding ${r.body.nummer} ontvangen`, `Melding ${r.body.nummer} geregistreerd`]),
    );
    expect(items.find((t: any) => t.soort === 'registratie').at).toBe(env.clock.now.toISOString());
    // Registered at once: only the moment of receipt.
    const direct = await bo.post('/api/meldingen', melding());
    expect((await casus(direct.body.casusId)).timeline.filter((t: any) => t.soort === 'registratie')).toEqual([]);
  });
});

describe('GET /api/intake/huishouden: open casus and radar of the address', () => {
  it('names the open casus of the household at the address (hermelding) and its earlier meldingen, also at another toevoeging', async () => {
    const a = adres({ straat: 'Bos en Lommerweg', postcode: '1055DV' });
    const first = await bo.post('/api/meldingen', melding({ huishouden: a }));
    const boven = await bo.post('/api/meldingen', melding({ huishouden: { ...a, toevoeging: 'H' } }));
    expect([first.status, boven.status]).toEqual([201, 201]);
    const r = await bo.get(`/api/intake/huishouden?postcode=1055%20dv&huisnummer=${a.huisnummer}`);
    expect(r.status).toBe(200);
    expect(r.body.huishouden).toMatchObject({
      id: first.body.huishoudenId,
      openCasus: { id: first.body.casusId, nummer: first.body.casusNummer },
    });
    expect(r.body.huishouden.leden.map((l: any) => l.id).sort()).toEqual([...first.body.persoonIds].sort());
    expect(r.body.meldingen.map((m: any) => m.id).sort()).toEqual([first.body.meldingId, boven.body.meldingId].sort());
    // Via a linked person (no address): that person's household.
    const viaPersoon = await bo.get(`/api/intake/huishouden?persoonIds=${first.body.persoonIds[0]}`);
    expect(viaPersoon.body.huishouden.openCasus.nummer).toBe(first.body.casusNummer);
    // A new address: no household yet, no radar.
    const leeg = await bo.get('/api/intake/huishouden?postcode=1021JK&huisnummer=99999');
    expect(leeg.body).toEqual({ huishouden: null, meldingen: [] });
    const bad = await bo.get('/api/intake/huishouden?huisnummer=12a');
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0].field).toBe('query.huisnummer');
  });
});

describe('adviesvragen hold no identifying data, and can be closed later', () => {
  const advies = (overrides: Record<string, unknown> = {}) => ({
    hoedanigheid: 'buurtbewoner',
    aanleiding: ['hg_anders'],
    regio: 'eigen',
    gemeenteCode: 'GM0363',
    vraag: 'Buurvrouw hoort vaak geschreeuw bij de buren en twijfelt wat zij kan doen.',
    advies: 'Uitgelegd wat zij kan doen; bij acuut gevaar 112 bellen.',
    afsluiten: false,
    ...overrides,
  });

  it('refuses a BSN, a postcode with huisnummer and a date of birth in vraag or advies, naming field and rule', async () => {
    const before = await counts();
    const r = await bo.post(
      '/api/adviesvragen',
      advies({
        vraag: 'Buurvrouw Fatima de Groot (Kastanjelaan 4, 1234 AB Amsterdam, BSN 123456782) wordt geslagen.',
        advies: 'Haar zoontje (geboren 12-03-2015) is vaak alleen.',
      }),
    );
    expect(r.status).toBe(400);
    const byField = Object.fromEntries(r.body.fields.map((f: any) => [f.field, f]));
    expect(Object.keys(byField).sort()).toEqual(['advies', 'vraag']);
    expect(byField.vraag.rule).toBe('geen_identificerende_gegevens');
    expect(byField.vraag.message).toContain('een BSN (eindigend op 782) en een postcode met huisnummer (1234 AB)');
    expect(byField.advies.message).toContain('een geboortedatum (12-03-2015)');
    expect(byField.advies.message).toContain(
      'een adviesvraag bevat geen gegevens waarmee personen te herkennen zijn; registreer een melding als dat nodig is',
    );
    expect(await counts()).toEqual(before);
  });

  it('closes an open adviesvraag once with the final advice; not a closed or converted one', async () => {
    const a = await bo.post('/api/adviesvragen', advies());
    expect(a.status).toBe(201);
    expect((await bo.get(`/api/adviesvragen/${a.body.id}`)).body.afgeslotenOp).toBeNull();
    const id = await bo.post(`/api/adviesvragen/${a.body.id}/afsluiten`, {
      advies: 'Buurvrouw 123456782 teruggebeld.',
    });
    expect(id.status).toBe(400);
    expect(id.body.fields).toEqual([
      expect.objectContaining({ field: 'advies', rule: 'geen_identificerende_gegevens' }),
    ]);
    const ok = await bo.post(`/api/adviesvragen/${a.body.id}/afsluiten`, {
      advies: 'Teruggebeld: zij heeft de wijkagent ingeschakeld.',
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      id: a.body.id,
      advies: 'Teruggebeld: zij heeft de wijkagent ingeschakeld.',
      afgeslotenOp: env.clock.now.toISOString(),
    });
    const again = await bo.post(`/api/adviesvragen/${a.body.id}/afsluiten`, { advies: 'Nog een keer afsluiten.' });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('al_afgesloten');
    expect((await bo.post('/api/adviesvragen/999999/afsluiten', { advies: 'Bestaat niet.' })).status).toBe(404);
    // A converted adviesvraag is not closed by hand.
    const b = await bo.post('/api/adviesvragen', advies());
    expect(
      (await bo.post('/api/meldingen', melding({ adviesvraagId: b.body.id, binnenkomst: 'omgezet_advies' }))).status,
    ).toBe(201);
    expect((await bo.post(`/api/adviesvragen/${b.body.id}/afsluiten`, { advies: 'Toch afsluiten.' })).body.error).toBe(
      'al_omgezet',
    );
  });
});
