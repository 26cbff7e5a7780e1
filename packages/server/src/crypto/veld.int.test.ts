// Field-level encryption: a dump of the database holds no BSN, melder identity or TOTP secret in
// the clear; search by BSN, the duplicate check and the person's melder lookup still work; a
// different key is refused at start; values stored before encryption are encrypted by migrate().
import { generateBsn } from '@voordeur/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../startup.ts';
import { createTestEnv, type TestClient, type TestEnv } from '../testing.ts';
import {
  blindIndex,
  checkDataKey,
  configureDataKey,
  isSealed,
  open,
  parseDataKey,
  resolveDataKey,
  seal,
} from './veld.ts';

let env: TestEnv;
let bo: TestClient;
const BSN = generateBsn(91_234);
const MELDER = {
  hoedanigheid: 'gz_huisarts',
  naam: 'Dr. Wilhelmina Zwartkruis',
  organisatie: 'Huisartsenpraktijk Oostpoort',
  functie: 'huisarts',
  telefoon: '020-5550199',
  email: 'w.zwartkruis@example.nl',
};
let meldingId: number;
let persoonId: number;

/** Everything a dump would show: every row of every table in the public schema as text. */
async function dump(): Promise<string> {
  const tables = (
    await sql<{
      t: string;
    }>`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(
      env.database.db,
    )
  ).rows;
  let out = '';
  for (const { t } of tables) {
    const rows = await sql.raw(`select t::text as r from "${t}" t`).execute(env.database.db);
    out += rows.rows.map((x: any) => x.r).join('\n');
  }
  return out;
}

beforeAll(async () => {
  env = await createTestEnv({ demoCases: true });
  bo = await env.as('backoffice');
  const r = await bo.post('/api/meldingen', {
    ontvangenOp: new Date().toISOString(),
    binnenkomst: 'telefoon',
    melder: { ...MELDER, wilOnbekendBlijven: true },
    huishouden: {
      straat: 'Kruislaan',
      huisnummer: '12',
      postcode: '1098SM',
      woonplaats: 'Amsterdam',
      gemeenteCode: 'GM0363',
    },
    regio: 'eigen',
    gemeenteCode: 'GM0363',
    betrokkenen: [
      {
        persoon: { bsn: BSN, voornamen: 'Femke', achternaam: 'Oosterveld', geboortedatum: '19870304', geslacht: 'V' },
        rol: 'slachtoffer',
      },
    ],
    aanleiding: ['partnergeweld'],
    aard: ['psychisch_geweld'],
    omschrijving: 'Huisarts ziet een angstige patiënte met blauwe plekken; partner dominant aanwezig.',
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  meldingId = r.body.meldingId;
  persoonId = (
    await sql<{
      persoon_id: number;
    }>`select persoon_id from melding_betrokkene where melding_id = ${meldingId}`.execute(env.database.db)
  ).rows[0]!.persoon_id;
});
afterAll(async () => {
  await env?.close();
});

describe('field-level encryption', () => {
  it('a dump of the database reveals no BSN, melder identity or TOTP secret', async () => {
    const d = await dump();
    expect(d).toContain('Oosterveld'); // the dump is real: unencrypted fields are there
    for (const secret of [BSN, MELDER.naam, 'Zwartkruis', MELDER.organisatie, MELDER.telefoon, MELDER.email])
      expect(d, secret).not.toContain(secret);
    const p = (await sql<any>`select bsn, bsn_hash from persoon where id = ${persoonId}`.execute(env.database.db))
      .rows[0];
    expect(isSealed(p.bsn)).toBe(true);
    expect(p.bsn_hash).toBe(blindIndex(BSN, 'persoon.bsn'));
    const t = (await sql<any>`select geheim from totp where geheim is not null`.execute(env.database.db)).rows;
    expect(t.length).toBeGreaterThan(3);
    expect(t.every((x) => isSealed(x.geheim))).toBe(true);
  });

  it('the application still shows and finds them for whoever may see them', async () => {
    const s = await bo.get(`/api/personen?bsn=${BSN}`);
    expect(s.status).toBe(200);
    expect(JSON.stringify(s.body)).toContain(BSN);
    const casusId = (
      await sql<{ casus_id: number }>`select casus_id from melding where id = ${meldingId}`.execute(env.database.db)
    ).rows[0]!.casus_id;
    const c = await bo.get(`/api/casussen/${casusId}`);
    expect(c.status).toBe(200);
    expect(JSON.stringify(c.body)).toContain(MELDER.telefoon);
    expect(JSON.stringify(c.body)).toContain(BSN);
    // The same BSN at a new melding finds the same person (lookup by keyed hash): refused, to be linked.
    const again = await bo.post('/api/meldingen', {
      ontvangenOp: new Date().toISOString(),
      binnenkomst: 'telefoon',
      melder: { hoedanigheid: 'politie', naam: 'Wijkagent', organisatie: 'Politie Amsterdam' },
      huishouden: {
        straat: 'Kruislaan',
        huisnummer: '12',
        postcode: '1098SM',
        woonplaats: 'Amsterdam',
        gemeenteCode: 'GM0363',
      },
      regio: 'eigen',
      gemeenteCode: 'GM0363',
      betrokkenen: [
        {
          persoon: { bsn: BSN, voornamen: 'Femke', achternaam: 'Oosterveld', geboortedatum: '19870304', geslacht: 'V' },
          rol: 'slachtoffer',
        },
      ],
      aanleiding: ['partnergeweld'],
      aard: ['psychisch_geweld'],
      omschrijving: 'Politie meldt een incident op hetzelfde adres; tweede melding.',
    });
    expect(again.status, JSON.stringify(again.body)).toBe(409);
    expect(again.body.fields[0]).toMatchObject({ field: 'betrokkenen[0].persoon.bsn', rule: 'bsn_bestaat' });
    const n = (
      await sql<{
        n: number;
      }>`select count(*)::int as n from persoon where bsn_hash = ${blindIndex(BSN, 'persoon.bsn')}`.execute(
        env.database.db,
      )
    ).rows[0]!.n;
    expect(n).toBe(1);
    // Searching by BSN leaves no BSN in the clear behind (access log, sessions, …).
    expect(await dump()).not.toContain(BSN);
  });

  it('a value cannot be moved to another field, and a wrong key does not decrypt', () => {
    const v = seal('123456782', 'persoon.bsn')!;
    expect(open(v, 'persoon.bsn')).toBe('123456782');
    expect(() => open(v, 'melder.telefoon')).toThrow(/cannot be decrypted/);
    configureDataKey(Buffer.alloc(32, 9));
    try {
      expect(() => open(v, 'persoon.bsn')).toThrow(/wrong data key/);
    } finally {
      configureDataKey(Buffer.alloc(32, 7));
    }
  });

  it('refuses to start with another key than the database was encrypted with', async () => {
    configureDataKey(Buffer.alloc(32, 9));
    try {
      await expect(checkDataKey(env.database.db)).rejects.toThrow(/does not match/);
    } finally {
      configureDataKey(Buffer.alloc(32, 7));
    }
    await expect(checkDataKey(env.database.db)).resolves.toBeUndefined();
  });

  it('encrypts values stored before encryption (upgrade, bulk load) when migrating', async () => {
    const plainBsn = generateBsn(91_999);
    const r = await sql<{
      id: number;
    }>`insert into persoon (bsn, achternaam, voornamen, geboortedatum, geslacht, zoeknaam) values (${plainBsn}, 'Legacy', 'Lotte', '19700101', 'V', 'legacy lotte') returning id`.execute(
      env.database.db,
    );
    await sql`update melder set naam = 'Oude Onversleutelde Naam', telefoon = '06-11112222' where melding_id = ${meldingId}`.execute(
      env.database.db,
    );
    await migrate(env.database.db);
    const p = (await sql<any>`select bsn, bsn_hash from persoon where id = ${r.rows[0]!.id}`.execute(env.database.db))
      .rows[0];
    expect(isSealed(p.bsn)).toBe(true);
    expect(open(p.bsn, 'persoon.bsn')).toBe(plainBsn);
    expect(p.bsn_hash).toBe(blindIndex(plainBsn, 'persoon.bsn'));
    const m = (
      await sql<any>`select naam, telefoon, naam_zoek from melder where melding_id = ${meldingId}`.execute(
        env.database.db,
      )
    ).rows[0];
    expect(isSealed(m.naam) && isSealed(m.telefoon)).toBe(true);
    expect(open(m.naam, 'melder.naam')).toBe('Oude Onversleutelde Naam');
    expect(m.naam_zoek.length).toBe(3);
    const d = await dump();
    expect(d).not.toContain(plainBsn);
    expect(d).not.toContain('06-11112222');
  });

  it('configuration: a key must be 32 bytes; a PostgreSQL server outside demo mode needs one', () => {
    expect(() => parseDataKey('dGVzdA==')).toThrow(/32 bytes/);
    expect(parseDataKey('ab'.repeat(32)).length).toBe(32);
    expect(() => resolveDataKey({ env: {}, dataDir: '/nonexistent', allowKeyFile: false })).toThrow(
      /VOORDEUR_DATA_KEY is required/,
    );
    expect(
      resolveDataKey({
        env: { VOORDEUR_DATA_KEY: Buffer.alloc(32, 1).toString('base64') },
        dataDir: '/nonexistent',
        allowKeyFile: false,
      }).source,
    ).toBe('VOORDEUR_DATA_KEY');
  });
});
