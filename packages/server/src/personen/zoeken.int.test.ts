// Person search (find before create): name with typing errors, date of birth with swapped or
// unknown parts, the strict-then-tolerant name threshold, and the name+dob shortcut.
import { zoekNaam } from '@voordeur/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../testing.ts';
import { schrijfNaamsleutels } from './naamsleutels.ts';
import { radar, zoekPersonen, zoekPersonenResultaat } from './service.ts';

let env: TestEnv;
const ids: Record<string, number> = {};

async function persoon(
  key: string,
  achternaam: string,
  voornamen: string,
  geboortedatum: string | null,
  tussenvoegsel: string | null = null,
) {
  const r = await sql<{ id: number }>`
    insert into persoon (achternaam, tussenvoegsel, voornamen, geboortedatum, geslacht, zoeknaam)
    values (${achternaam}, ${tussenvoegsel}, ${voornamen}, ${geboortedatum}, 'V', ${zoekNaam({ achternaam: [tussenvoegsel, achternaam].filter(Boolean).join(' '), voornamen })})
    returning id`.execute(env.database.db);
  ids[key] = r.rows[0]!.id;
  await schrijfNaamsleutels(env.database.db, ids[key], { achternaam, tussenvoegsel, voornamen });
}

beforeAll(async () => {
  env = await createTestEnv();
  await persoon('aya', 'Hamdaoui', 'Aya', '20150312', 'el');
  await persoon('ayaOnbekendeDag', 'Hamdaoui', 'Aya', '20150300', 'el');
  await persoon('ayaAnderJaar', 'Hamdaoui', 'Aya', '20090704', 'el');
  await persoon('anas', 'Hamdaoui', 'Anas', '20120101', 'el');
  // Many similar names: the strict threshold alone already gives enough candidates.
  for (let i = 0; i < 14; i++)
    await persoon(`jansen${i}`, 'Jansen', `Pieter ${['A', 'B', 'C', 'D', 'E', 'F', 'G'][i % 7]}`, `19${60 + i}0101`);
  await persoon('kort', 'Li', 'Bo', '19900101');
  // A short surname and its longer variants (the review's 'Visser' that missed both Vissers).
  await persoon('visserJan', 'Visser', 'Jan', '19700101');
  await persoon('vissersYoussef', 'Vissers', 'Youssef Karim', '19820202');
  await persoon('vissersYoussef2', 'Vissers', 'Youssef', '20100303');
  await persoon('visserDeBoer', 'Visser-de Boer', 'Maria Johanna Wilhelmina', '19550505');
  await persoon('visscher', 'Visscher', 'Tom', '19990909');
  // The surnames of issue 19 that a typo or a Dutch spelling variant lost.
  await persoon('meijer', 'Meijer', 'Ruud', '19750505');
  await persoon('bakker', 'Bakker', 'Ilse', '19880808');
  await persoon('mulder', 'Mulder', 'Gerrit', '19600606');
  await persoon('yilmaz', 'Yilmaz', 'Mehmet', '19850505');
  await persoon('ozturk', 'Öztürk', 'Zeynep', '19920202');
  await persoon('deJong', 'Jong', 'Kees', '19580808', 'de');
  await persoon('jansenDeVries', 'Jansen-de Vries', 'Femke', '19790909');
});
afterAll(async () => {
  await env?.close();
});

const db = () => env.database.db;

describe('zoekPersonen', () => {
  it('finds the person by name with a typo and exact date of birth first, with the reasons', async () => {
    const r = await zoekPersonen(db(), { naam: 'el Hamdaui Aya', geboortedatum: '20150312' });
    expect(r[0]!.id).toBe(ids.aya);
    expect(r[0]!.redenen).toContain('geboortedatum gelijk');
    // A registration with an unknown day still fits the date given at the phone.
    const partial = r.find((x) => x.id === ids.ayaOnbekendeDag);
    expect(partial?.redenen).toContain('geboortedatum past (deels onbekend)');
    expect(r.findIndex((x) => x.id === ids.ayaOnbekendeDag)).toBeGreaterThan(0);
  });

  it('finds day and month swapped', async () => {
    const r = await zoekPersonen(db(), { naam: 'Aya el Hamdaoui', geboortedatum: '20151203' });
    const hit = r.find((x) => x.id === ids.aya);
    expect(hit?.redenen).toContain('geboortedatum met dag/maand verwisseld');
  });

  it('without a strong date-of-birth match also searches by name alone (same name, other date)', async () => {
    const r = await zoekPersonen(db(), { naam: 'el Hamdaoui Aya', geboortedatum: '20010101' });
    expect(r.map((x) => x.id)).toEqual(expect.arrayContaining([ids.aya, ids.ayaAnderJaar, ids.ayaOnbekendeDag]));
  });

  it('by name alone: a typo in a common name, best match first', async () => {
    const r = await zoekPersonen(db(), { naam: 'el Hamdoaui Anas' });
    expect(r[0]!.id).toBe(ids.anas);
    const j = await zoekPersonen(db(), { naam: 'Jnasen Pieter' });
    expect(j.length).toBeGreaterThanOrEqual(10);
    expect(j.every((x) => x.naam.includes('Jansen'))).toBe(true);
  });

  it('falls back to the tolerant threshold when the strict one finds fewer than 3', async () => {
    // "lee bo" vs "li bo": trigram similarity 4/9 = 0.44, below the strict 0.5: found by the tolerant pass.
    const r = await zoekPersonen(db(), { naam: 'Lee Bo' });
    expect(r.map((x) => x.id)).toContain(ids.kort);
  });

  it('a surname alone finds every person with that surname or a longer variant, the same surname first and said so', async () => {
    const r = await zoekPersonen(db(), { naam: 'Visser' });
    const found = r.map((x) => x.id);
    expect(found).toEqual(
      expect.arrayContaining([ids.visserJan, ids.vissersYoussef, ids.vissersYoussef2, ids.visserDeBoer]),
    );
    expect(r[0]!.id).toBe(ids.visserJan);
    expect(r[0]!.redenen).toContain('achternaam gelijk');
    // The long variants score above mere look-alikes such as 'Visscher'.
    const rank = (id: number) => found.indexOf(id);
    expect(rank(ids.vissersYoussef)).toBeLessThan(rank(ids.visscher) === -1 ? Infinity : rank(ids.visscher));
    // With a tussenvoegsel typed in front it is the same search.
    expect((await zoekPersonen(db(), { naam: 'van Visser' })).map((x) => x.id)).toEqual(
      expect.arrayContaining([ids.vissersYoussef, ids.vissersYoussef2]),
    );
  });

  it('a surname with one typo or a Dutch spelling variant finds the person, with the reason (sound keys)', async () => {
    const gevonden = async (naam: string, id: number) => {
      const r = await zoekPersonen(db(), { naam }, 5);
      expect(
        r.map((x) => x.id),
        naam,
      ).toContain(id);
      return r.find((x) => x.id === id)!;
    };
    for (const naam of ['Jansn Pieter', 'Janzen Pieter', 'Jnasen Pieter']) await gevonden(naam, ids.jansen0!);
    for (const naam of ['Meier', 'Mejer', 'Meyer', 'Meijr']) await gevonden(naam, ids.meijer!);
    await gevonden('Bakkr', ids.bakker!);
    await gevonden('Vissr', ids.visserJan!);
    await gevonden('Mudler', ids.mulder!);
    await gevonden('Ylimaz', ids.yilmaz!);
    for (const naam of ['Ozturk', 'Oeztuerk', 'Öztürk Zeynep']) await gevonden(naam, ids.ozturk!);
    // Tussenvoegsel in any position, and left out.
    for (const naam of ['Jong, de', 'de Jong', 'Jong', 'Kees Jong, de', 'K. de Jong'])
      expect((await gevonden(naam, ids.deJong!)).redenen.join(), naam).toMatch(/gelijk/);
    // A part of a double or partner name.
    for (const naam of ['Femke de Vries', 'Femke Jansen', 'Jansen-de Vries']) await gevonden(naam, ids.jansenDeVries!);
    expect((await gevonden('Meyer', ids.meijer!)).redenen).toContain('achternaam gelijk');
    expect((await gevonden('Mejer Ruud', ids.meijer!)).redenen).toContain('naam gelijk op spelling na');
    expect((await gevonden('Jnasen Pieter', ids.jansen0!)).redenen).toContain('naam klinkt gelijk');
  });

  it('labels an identical name as such, in either order', async () => {
    for (const naam of ['Youssef Vissers', 'Vissers Youssef']) {
      const r = await zoekPersonen(db(), { naam });
      expect(r.find((x) => x.id === ids.vissersYoussef2)?.redenen).toContain('naam gelijk');
      expect(r.find((x) => x.id === ids.vissersYoussef)?.redenen).toContain('naam gelijk'); // first of two voornamen
    }
    // Another spelling that sounds the same (the same sound keys), and a name that only looks alike.
    const r = await zoekPersonen(db(), { naam: 'Yusef Vissers' });
    expect(r.find((x) => x.id === ids.vissersYoussef2)?.redenen).toContain('naam klinkt gelijk');
    const t = await zoekPersonen(db(), { naam: 'Tim Visscher' });
    expect(t.find((x) => x.id === ids.visscher)?.redenen.some((x) => /^naam lijkt \(\d+%\)$/.test(x))).toBe(true);
  });

  it('says when there are more candidates than shown', async () => {
    const veel = await zoekPersonenResultaat(db(), { naam: 'Jansen' }, 5);
    expect(veel.kandidaten).toHaveLength(5);
    expect(veel.meer).toBe(true);
    const weinig = await zoekPersonenResultaat(db(), { naam: 'Visscher Tom' }, 20);
    expect(weinig.meer).toBe(false);
  });

  it("shows the safety flag of a found person's household, in the search and in the radar", async () => {
    const bo = await env.as('backoffice');
    const m = await bo.post('/api/meldingen', {
      binnenkomst: 'telefoon',
      melder: {
        hoedanigheid: 'gz_huisarts',
        naam: 'Dr. A. Kuipers',
        organisatie: 'Huisartsenpraktijk Oost',
        telefoon: '020 555 0101',
      },
      huishouden: {
        straat: 'Javastraat',
        huisnummer: '77',
        postcode: '1094HB',
        woonplaats: 'Amsterdam',
        gemeenteCode: 'GM0363',
      },
      regio: 'eigen',
      gemeenteCode: 'GM0363',
      betrokkenen: [
        {
          persoon: { voornamen: 'Quinta', achternaam: 'Vlagsma', geboortedatum: '19800101', geslacht: 'V' },
          rol: 'slachtoffer',
        },
      ],
      aanleiding: ['partnergeweld'],
      aard: ['psychisch_geweld'],
      omschrijving: 'Huisarts ziet blauwe plekken; partner dreigt met een mes.',
    });
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    const versie = (await bo.get(`/api/casussen/${m.body.casusId}`)).body.versie;
    expect(
      (
        await bo.post(`/api/casussen/${m.body.casusId}/veiligheidsvlag`, {
          versie,
          vlaggen: ['wapen'],
          toelichting: 'Mes genoemd door huisarts.',
        })
      ).status,
    ).toBe(200);
    const [k] = await zoekPersonen(db(), { naam: 'Quinta Vlagsma' });
    expect(k!.huishoudens).toEqual([expect.objectContaining({ veiligheidsvlaggen: ['wapen'] })]);
    const r = await radar(db(), [k!.id]);
    expect(r).toEqual([expect.objectContaining({ id: m.body.meldingId, veiligheidsvlaggen: ['wapen'] })]);
  });

  it('keeps the distinct-name table in step with persons (insert, correction, deletion)', async () => {
    const aantal = async (naam: string) =>
      (await sql<{ aantal: number }>`select aantal from zoeknaam where naam = ${naam}`.execute(db())).rows[0]?.aantal ??
      0;
    expect(await aantal(zoekNaam({ achternaam: 'el Hamdaoui', voornamen: 'Aya' }))).toBe(3);
    await persoon('tijdelijk', 'Zeldzaam', 'Quirijn', '19500101');
    const oud = zoekNaam({ achternaam: 'Zeldzaam', voornamen: 'Quirijn' });
    expect(await aantal(oud)).toBe(1);
    await sql`update persoon set zoeknaam = 'zeldzaam quirinus' where id = ${ids.tijdelijk}`.execute(db());
    expect(await aantal(oud)).toBe(0);
    expect(await aantal('zeldzaam quirinus')).toBe(1);
    await sql`delete from persoon where id = ${ids.tijdelijk}`.execute(db());
    expect(await aantal('zeldzaam quirinus')).toBe(0);
    expect(await aantal(zoekNaam({ achternaam: 'el Hamdaoui', voornamen: 'Aya' }))).toBe(3);
    const totals = (
      await sql<{
        a: number;
        b: number;
      }>`select (select sum(aantal)::int from zoeknaam) as a, (select count(*)::int from persoon) as b`.execute(db())
    ).rows[0]!;
    expect(totals.a).toBe(totals.b);
  });
});
