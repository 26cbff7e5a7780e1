// Rights of persons through the API: inzage/afschrift with its decision and the refusal grounds of
// Wmo 2015 art. 5.3.2 recorded (never applied silently), the dossier as JSON and PDF with other
// persons and protected melders redacted; correction with history; destruction on request with
// its 3-month clock, a motivated refusal, legal hold, and an executed destruction after which no
// table holds a trace of the person but the tombstone; and retention: dry-run report, legal hold,
// execution of what is due.
import { generateBsn } from '@voordeur/domain';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestClient, type TestEnv } from '../testing.ts';
import { voerBewaartermijnUit } from './bewaartermijn.ts';
import { privacyCommand } from './cli.ts';
import { privacyConfig } from './config.ts';
import { pdfText, readPdf } from '../testing-pdf.ts';
import { buildScenario, versie, type Scenario } from './testfixture.ts';

let env: TestEnv;
let s: Scenario;
let privacy: TestClient;
const db = () => env.database.db;
const lastLogId = async () =>
  Number((await sql<{ id: number | null }>`select max(id) as id from access_log`.execute(db())).rows[0]!.id ?? 0);
const logSince = async (id: number) =>
  (await sql<any>`select * from access_log where id > ${id} order by id`.execute(db())).rows;
const flat = (t: string) => t.replace(/\s+/g, ' ');

/** Every row of every table (cast to text) that contains one of the needles, as "table: row". */
async function traces(needles: string[]): Promise<string[]> {
  const tables = (
    await sql<{
      table_name: string;
    }>`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
      db(),
    )
  ).rows.map((r) => r.table_name);
  const found: string[] = [];
  for (const t of tables) {
    const rows = (await sql<{ r: string }>`select x::text as r from ${sql.table(t)} x`.execute(db())).rows;
    for (const { r } of rows) {
      for (const n of needles) if (r.toLowerCase().includes(n.toLowerCase())) found.push(`${t}: ${r.slice(0, 200)}`);
    }
  }
  return found;
}

/** Rows that reference person `id` in a column named persoon_id, per table. */
async function persoonIdRefs(id: number): Promise<Record<string, number>> {
  const cols = (
    await sql<{
      table_name: string;
    }>`select c.table_name from information_schema.columns c join information_schema.tables t using (table_schema, table_name)
     where c.table_schema = current_schema() and c.column_name = 'persoon_id' and t.table_type = 'BASE TABLE'`.execute(
      db(),
    )
  ).rows;
  const out: Record<string, number> = {};
  for (const { table_name } of cols) {
    const n = (
      await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(table_name)} where persoon_id = ${id}`.execute(db())
    ).rows[0]!.n;
    if (n) out[table_name] = n;
  }
  return out;
}

beforeAll(async () => {
  env = await createTestEnv({ now: new Date('2026-03-02T10:00:00+01:00') });
  s = await buildScenario(env, 73_000);
  privacy = await env.as('privacy');
});
afterAll(async () => {
  await env?.close();
});

describe('inzage and afschrift (Wmo 2015 art. 5.3.2)', () => {
  it('a child under 12 asking herself: the ground is signalled, granting needs a motivation, a refusal is stored with its ground — nothing is applied silently', async () => {
    const r = await privacy.post(`/api/personen/${s.yara}/inzageverzoeken`, {
      soort: 'inzage',
      verzoekerRelatie: 'betrokkene',
      ontvangenOp: '2026-02-20',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      persoonId: s.yara,
      soort: 'inzage',
      ontvangenOp: '2026-02-20',
      uiterlijkOp: '2026-03-20',
      dagenResterend: 18,
      status: 'open',
      besluit: null,
      geregistreerdDoor: { id: privacy.userId },
    });
    expect(r.body.signalen.map((x: any) => x.code).sort()).toEqual([
      'gegevens_van_anderen',
      'kind_jonger_dan_12',
      'melder_beschermd',
    ]);
    // Stored undecided: the request is not refused by the system.
    const row = (
      await sql<any>`select besluit, weigeringsgronden from inzageverzoek where id = ${r.body.id}`.execute(db())
    ).rows[0];
    expect(row).toEqual({ besluit: null, weigeringsgronden: [] });
    const grant = await privacy.post(`/api/inzageverzoeken/${r.body.id}/besluit`, { besluit: 'toegewezen' });
    expect(grant.status).toBe(400);
    expect(grant.body.fields).toEqual([expect.objectContaining({ field: 'motivering', rule: 'signaal' })]);
    const noGround = await privacy.post(`/api/inzageverzoeken/${r.body.id}/besluit`, {
      besluit: 'afgewezen',
      motivering: 'Kind is zes jaar oud.',
    });
    expect(noGround.status).toBe(400);
    const refuse = await privacy.post(`/api/inzageverzoeken/${r.body.id}/besluit`, {
      besluit: 'afgewezen',
      weigeringsgronden: ['kind_jonger_dan_12'],
      motivering: 'Yara is zes; de ouder met gezag kan namens haar vragen.',
    });
    expect(refuse.status).toBe(200);
    expect(refuse.body).toMatchObject({
      besluit: 'afgewezen',
      status: 'besloten',
      weigeringsgronden: [{ code: 'kind_jonger_dan_12', label: expect.stringMatching(/jonger dan 12/) }],
      beslotenDoor: { id: privacy.userId, naam: 'Ruud Mulder' },
    });
    expect(
      (
        await privacy.post(`/api/inzageverzoeken/${r.body.id}/besluit`, {
          besluit: 'toegewezen',
          motivering: 'Toch maar wel doen.',
        })
      ).status,
    ).toBe(409);
    const doc = await privacy.get(`/api/inzageverzoeken/${r.body.id}/dossier`);
    expect(doc.status).toBe(409);
    expect(doc.body.error).toBe('afgewezen');
  });

  it("the dossier: only after a decision (or as a marked concept), the person's own data, other persons and protected melders redacted", async () => {
    const r = await privacy.post(`/api/personen/${s.samira}/inzageverzoeken`, {
      soort: 'afschrift',
      verzoekerRelatie: 'betrokkene',
      ontvangenOp: '2026-02-27',
    });
    expect(r.body.signalen.map((x: any) => x.code)).not.toContain('kind_jonger_dan_12');
    expect((await privacy.get(`/api/inzageverzoeken/${r.body.id}/dossier`)).status).toBe(409);
    const concept = await privacy.get(`/api/inzageverzoeken/${r.body.id}/dossier?concept=true&formaat=pdf`);
    expect(concept.status).toBe(200);
    expect(await pdfText(concept.body)).toMatch(/^CONCEPT/m);
    expect((await privacy.post(`/api/inzageverzoeken/${r.body.id}/besluit`, { besluit: 'toegewezen' })).status).toBe(
      200,
    );

    const before = await lastLogId();
    const d = await privacy.get(`/api/inzageverzoeken/${r.body.id}/dossier`);
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({
      documentSoort: 'afschrift',
      concept: false,
      persoon: { id: s.samira, naam: 'Samira Bennani', bsn: s.samiraBsn, geboortedatum: '12-04-1988' },
    });
    expect(d.body.huishoudens).toEqual([expect.objectContaining({ adres: 'Wibautstraat 150, 1091GR Amsterdam' })]);
    expect(d.body.meldingen.map((m: any) => [m.uwRol, m.andereBetrokkenen])).toEqual([
      ['Slachtoffer', 1],
      ['Slachtoffer', 1],
    ]);
    const text = JSON.stringify(d.body);
    // Other persons: not named, not by BSN; the person herself is.
    expect(text).not.toMatch(/Yara|Karim/);
    expect(text).toContain('[afgeschermd] ontkent alles');
    expect(text).toContain('Samira');
    expect(d.body.afgeschermd).toEqual(
      expect.arrayContaining([expect.stringMatching(/andere personen/), expect.stringMatching(/4\.1\.8 lid 3/)]),
    );
    expect(d.body.meldingen[0].terugkoppelingAanMelder).toBe('afgeschermd');
    const rows = await logSince(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      user_id: privacy.userId,
      action: 'export',
      client_ids: [s.samira],
      object_type: 'inzageverzoek',
      object_id: String(r.body.id),
    });
    // Who asked, when, and when it was handed over.
    const v = await privacy.get(`/api/inzageverzoeken/${r.body.id}`);
    expect(v.body).toMatchObject({
      ontvangenOp: '2026-02-27',
      verzoekerRelatie: 'betrokkene',
      geregistreerdDoor: { naam: 'Ruud Mulder' },
      verstrektOp: env.clock.now.toISOString(),
    });

    const pdf = await privacy.get(`/api/inzageverzoeken/${r.body.id}/dossier?formaat=pdf`);
    expect((await readPdf(pdf.body)).pages).toBeGreaterThan(0);
    const pt = flat(await pdfText(pdf.body));
    expect(pt).toContain('Afschrift van uw dossier bij Veilig Thuis Amsterdam-Amstelland');
    expect(pt).toContain(s.samiraBsn);
    expect(pt).not.toMatch(/Yara|Karim/);
    expect(pt).not.toContain('CONCEPT');
  });

  it('a parent for a child of 16 or older, and a representative without a name, are signalled or refused', async () => {
    const noName = await privacy.post(`/api/personen/${s.yara}/inzageverzoeken`, {
      soort: 'inzage',
      verzoekerRelatie: 'gemachtigde',
      ontvangenOp: '2026-02-20',
    });
    expect(noName.status).toBe(400);
    const future = await privacy.post(`/api/personen/${s.yara}/inzageverzoeken`, {
      soort: 'inzage',
      verzoekerRelatie: 'betrokkene',
      ontvangenOp: '2026-04-01',
    });
    expect(future.status).toBe(400);
    const parent = await privacy.post(`/api/personen/${s.karim}/inzageverzoeken`, {
      soort: 'inzage',
      verzoekerRelatie: 'wettelijk_vertegenwoordiger',
      verzoekerNaam: 'Oma Bennani',
      ontvangenOp: '2026-02-20',
    });
    expect(parent.body.signalen.map((x: any) => x.code)).toContain('ouder_van_kind_16_plus');
    expect(
      (
        await privacy.post('/api/personen/999999/inzageverzoeken', {
          soort: 'inzage',
          verzoekerRelatie: 'betrokkene',
          ontvangenOp: '2026-02-20',
        })
      ).status,
    ).toBe(404);
    // Case workers do not handle requests.
    expect(
      (
        await s.bo.post(`/api/personen/${s.yara}/inzageverzoeken`, {
          soort: 'inzage',
          verzoekerRelatie: 'betrokkene',
          ontvangenOp: '2026-02-20',
        })
      ).status,
    ).toBe(403);
  });
});

describe('correction with history', () => {
  it('changes the fields, keeps the old values with the reason, and search finds the new name', async () => {
    const bsn = generateBsn(73_900);
    const r = await privacy.post(`/api/personen/${s.karim}/correctie`, {
      wijzigingen: { voornamen: 'Karim Ahmed', geboortedatum: '19850102', bsn },
      reden: 'Uittreksel BRP overgelegd door betrokkene op 1 maart.',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.gewijzigd).toEqual(['bsn', 'voornamen', 'geboortedatum']);
    expect(r.body.persoon).toMatchObject({ naam: 'Karim Ahmed Bennani', bsn, geboortedatum: '19850102' });
    const h = await privacy.get(`/api/personen/${s.karim}/correcties`);
    expect(h.body.correcties.map((c: any) => [c.veld, c.oudeWaarde, c.nieuweWaarde, c.door.naam])).toEqual([
      ['bsn', null, bsn, 'Ruud Mulder'],
      ['voornamen', 'Karim', 'Karim Ahmed', 'Ruud Mulder'],
      ['geboortedatum', '19850101', '19850102', 'Ruud Mulder'],
    ]);
    expect(h.body.correcties[0].reden).toMatch(/Uittreksel BRP/);
    const found = await s.bo.get(
      `/api/personen?naam=${encodeURIComponent('Bennani Karim Ahmed')}&geboortedatum=19850102`,
    );
    expect(found.body.kandidaten[0]).toMatchObject({ id: s.karim, naam: 'Karim Ahmed Bennani' });
  });

  it('refuses no change, a BSN of another person, no reason; only the privacy officer sees the history', async () => {
    expect(
      (
        await privacy.post(`/api/personen/${s.karim}/correctie`, {
          wijzigingen: { voornamen: 'Karim Ahmed' },
          reden: 'Nogmaals hetzelfde ingevoerd.',
        })
      ).status,
    ).toBe(400);
    const dup = await privacy.post(`/api/personen/${s.karim}/correctie`, {
      wijzigingen: { bsn: s.samiraBsn },
      reden: 'Verkeerd BSN overgenomen.',
    });
    expect(dup.status).toBe(409);
    expect(
      (await privacy.post(`/api/personen/${s.karim}/correctie`, { wijzigingen: { achternaam: 'B' }, reden: 'kort' }))
        .status,
    ).toBe(400);
    expect(
      (
        await privacy.post(`/api/personen/${s.karim}/correctie`, {
          wijzigingen: { kleur: 'blauw' },
          reden: 'Onbekend veld proberen.',
        })
      ).status,
    ).toBe(400);
    expect((await s.bo.get(`/api/personen/${s.karim}/correcties`)).status).toBe(403);
  });
});

describe('retention: dry-run report, legal hold, execution', () => {
  let oud: { casusId: number; henk: number };

  afterEach(() => {
    delete process.env.VOORDEUR_RETENTION_YEARS;
    delete process.env.VOORDEUR_RETENTION_UNTIL_YOUNGEST_ADULT;
  });

  it('a casus closed in 2004 is due after 20 years; with a legal hold it is reported as held and not destroyed', async () => {
    // An old household: Henk (only here) and Samira (also in the open casus).
    const m = await s.bo.post('/api/meldingen', {
      ontvangenOp: '2004-03-01T10:00:00+01:00',
      binnenkomst: 'post',
      melder: {
        hoedanigheid: 'politie',
        naam: 'Wijkagent Oud',
        organisatie: 'Politie Amsterdam',
        wilOnbekendBlijven: false,
      },
      huishouden: {
        straat: 'Oude Schans',
        huisnummer: '7',
        postcode: '1011KA',
        woonplaats: 'Amsterdam',
        gemeenteCode: 'GM0363',
      },
      regio: 'eigen',
      gemeenteCode: 'GM0363',
      betrokkenen: [
        {
          persoon: { voornamen: 'Henk', achternaam: 'Zwanenburg', geboortedatum: '19500505', geslacht: 'M' },
          rol: 'pleger',
        },
        { persoonId: s.samira, rol: 'getuige' },
      ],
      aanleiding: ['hg_anders'],
      aard: [],
      omschrijving: 'Henk Zwanenburg bedreigt zijn dochter; oude zaak uit 2004.',
    });
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    const henk = (m.body.persoonIds as number[]).find((p) => p !== s.samira)!;
    oud = { casusId: m.body.casusId, henk };
    let v = await versie(s.bo, oud.casusId);
    const vb = await s.bo.post(`/api/meldingen/${m.body.meldingId}/veiligheidsbeoordeling`, {
      versie: v,
      acuteOnveiligheid: false,
      structureleOnveiligheid: false,
      uitkomst: 'geen_zorgen',
      motivering: 'Geen zorgen meer over Henk Zwanenburg.',
      bronnen: ['politie'],
      getoetstDoor: s.gw.userId,
      vastgesteldOp: '2004-03-03T10:00:00+01:00',
    });
    expect(vb.status, JSON.stringify(vb.body)).toBe(200);
    v = vb.body.versie;
    const af = await s.bo.post(`/api/meldingen/${m.body.meldingId}/afsluiten`, {
      versie: v,
      reden: 'geen_onveiligheid',
      afgeslotenOp: '2004-03-05T10:00:00+01:00',
    });
    expect(af.status, JSON.stringify(af.body)).toBe(200);

    const rapport = await privacy.get('/api/bewaartermijn/rapport');
    expect(rapport.status).toBe(200);
    expect(rapport.body).toMatchObject({
      peildatum: '2026-03-02',
      bewaartermijnJaren: 20,
      totJongsteMeerderjarig: false,
      geblokkeerd: [],
      binnenkort: [],
    });
    expect(rapport.body.teVernietigen).toEqual([
      expect.objectContaining({
        casusId: oud.casusId,
        bewaartermijnEinde: '2024-03-05',
        grondslag: 'jaren_na_sluiting',
        blokkade: null,
        meldingen: 1,
        personen: 2,
        personenTeVernietigen: 1,
      }),
    ]);
    // A shorter term with "until the youngest is adult": Samira (1988) and Henk are adults, so the term stands.
    process.env.VOORDEUR_RETENTION_YEARS = '30';
    expect((await privacy.get('/api/bewaartermijn/rapport')).body.teVernietigen).toEqual([]);

    const hold = await privacy.post(`/api/casussen/${oud.casusId}/bewaarblokkade`, {
      reden: 'Lopende procedure bij de rechtbank (klacht).',
    });
    expect(hold.status).toBe(201);
    expect(
      (await privacy.post(`/api/casussen/${oud.casusId}/bewaarblokkade`, { reden: 'Nog een keer instellen.' })).status,
    ).toBe(409);
    delete process.env.VOORDEUR_RETENTION_YEARS;
    const held = (await privacy.get('/api/bewaartermijn/rapport')).body;
    expect(held.teVernietigen).toEqual([]);
    expect(held.geblokkeerd).toEqual([
      expect.objectContaining({
        casusId: oud.casusId,
        blokkade: expect.objectContaining({
          reden: 'Lopende procedure bij de rechtbank (klacht).',
          ingesteldDoor: { id: privacy.userId, naam: 'Ruud Mulder' },
        }),
      }),
    ]);
    const x = await privacy.post('/api/bewaartermijn/uitvoeren', { casusIds: [oud.casusId, s.casusId] });
    expect(x.status).toBe(200);
    expect(x.body.vernietigd).toEqual([]);
    expect(x.body.geweigerd.map((g: any) => [g.casusId, g.reden.split(':')[0]])).toEqual([
      [oud.casusId, 'bewaarblokkade'],
      [s.casusId, 'de bewaartermijn is niet verstreken (of de casus bestaat niet of is open)'],
    ]);
    expect((await sql`select 1 from casus where id = ${oud.casusId}`.execute(db())).rows).toHaveLength(1);
  });

  it('after lifting the hold the casus is destroyed with the persons who appear nowhere else; the others stay', async () => {
    expect(
      (
        await privacy.post(`/api/casussen/${oud.casusId}/bewaarblokkade/opheffen`, {
          reden: 'Procedure afgerond op 1 maart.',
        })
      ).status,
    ).toBe(200);
    const hist = await privacy.get(`/api/casussen/${oud.casusId}/bewaarblokkade`);
    expect(hist.body.blokkades).toEqual([
      expect.objectContaining({ actief: false, opheffingReden: 'Procedure afgerond op 1 maart.' }),
    ]);
    const before = await lastLogId();
    const x = await privacy.post('/api/bewaartermijn/uitvoeren', { casusIds: [oud.casusId] });
    expect(x.status, JSON.stringify(x.body)).toBe(200);
    expect(x.body.vernietigd).toEqual([
      expect.objectContaining({ casusId: oud.casusId, personenVernietigd: [oud.henk] }),
    ]);
    const rows = await logSince(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'delete',
      object_type: 'casus',
      object_id: String(oud.casusId),
      client_ids: [oud.henk],
    });
    expect(await traces(['Zwanenburg', 'Oude Schans', '1011KA', '19500505', 'Wijkagent Oud'])).toEqual([]);
    expect(
      (await sql<any>`select grond, door from casus_vernietigd where casus_id = ${oud.casusId}`.execute(db())).rows,
    ).toEqual([{ grond: 'bewaartermijn', door: privacy.userId }]);
    expect(
      (await sql<any>`select grond, casus_id from persoon_vernietigd where persoon_id = ${oud.henk}`.execute(db()))
        .rows,
    ).toEqual([{ grond: 'bewaartermijn', casus_id: oud.casusId }]);
    // Samira stays, with her open casus intact.
    const c = await s.bo.get(`/api/casussen/${s.casusId}`);
    expect(c.status).toBe(200);
    expect(c.body.huishouden.leden.map((l: any) => l.id)).toContain(s.samira);
    expect((await s.bo.get(`/api/casussen/${oud.casusId}`)).status).toBe(403);
  });

  it('until the youngest child is adult: a short term is extended while a child of the casus is a minor', async () => {
    const m = await s.bo.post('/api/meldingen', {
      ontvangenOp: '2015-03-02T10:00:00+01:00',
      binnenkomst: 'post',
      melder: {
        hoedanigheid: 'politie',
        naam: 'Wijkagent',
        organisatie: 'Politie Amsterdam',
        wilOnbekendBlijven: false,
      },
      huishouden: {
        straat: 'Singel',
        huisnummer: '3',
        postcode: '1012AA',
        woonplaats: 'Amsterdam',
        gemeenteCode: 'GM0363',
      },
      regio: 'eigen',
      gemeenteCode: 'GM0363',
      betrokkenen: [
        {
          persoon: { voornamen: 'Noa', achternaam: 'Kleinkind', geboortedatum: '20120600', geslacht: 'V' },
          rol: 'kind',
        },
      ],
      aanleiding: ['km_anders'],
      aard: [],
      omschrijving: 'Oude melding over een kind, afgesloten in 2015.',
    });
    const v = await versie(s.bo, m.body.casusId);
    const vb = await s.bo.post(`/api/meldingen/${m.body.meldingId}/veiligheidsbeoordeling`, {
      versie: v,
      acuteOnveiligheid: false,
      structureleOnveiligheid: false,
      uitkomst: 'geen_zorgen',
      motivering: 'Geen zorgen over veiligheid.',
      bronnen: ['politie'],
      getoetstDoor: s.gw.userId,
      vastgesteldOp: '2015-03-03T10:00:00+01:00',
    });
    expect(
      (
        await s.bo.post(`/api/meldingen/${m.body.meldingId}/afsluiten`, {
          versie: vb.body.versie,
          reden: 'geen_onveiligheid',
          afgeslotenOp: '2015-03-04T10:00:00+01:00',
        })
      ).status,
    ).toBe(200);
    process.env.VOORDEUR_RETENTION_YEARS = '10';
    const plain = (await privacy.get('/api/bewaartermijn/rapport')).body;
    expect(plain.binnenkort).toEqual([]);
    expect(plain.teVernietigen).toEqual([
      expect.objectContaining({
        casusId: m.body.casusId,
        bewaartermijnEinde: '2025-03-04',
        grondslag: 'jaren_na_sluiting',
      }),
    ]);
    process.env.VOORDEUR_RETENTION_UNTIL_YOUNGEST_ADULT = 'true';
    const minor = (await privacy.get('/api/bewaartermijn/rapport')).body;
    expect(minor.teVernietigen).toEqual([]);
    // Born "June 2012": certainly 18 only at the end of June 2030.
    const dry = await voerBewaartermijnUit(db(), env.clock.now, privacyConfig(), null, [m.body.casusId]);
    expect(dry.vernietigd).toEqual([]);
    // On 1 July 2030 the term has ended: the scheduled command reports it, then destroys it.
    const out: string[] = [];
    const io = { log: (x: string) => out.push(x), error: (x: string) => out.push(`ERR ${x}`) };
    const on = new Date('2030-07-01T12:00:00+02:00');
    expect(await privacyCommand(db(), ['bewaartermijn'], io, on)).toBe(0);
    expect(out).toEqual(
      expect.arrayContaining([
        'te vernietigen: 1',
        expect.stringMatching(
          new RegExp(
            `^  casus ${m.body.casusNummer} \\(id ${m.body.casusId}\\): gesloten 2015-03-04, termijn tot 2030-06-30 \\(jongste_kind_meerderjarig\\)`,
          ),
        ),
        'dry run: nothing destroyed (add --uitvoeren to destroy)',
      ]),
    );
    expect((await sql`select 1 from casus where id = ${m.body.casusId}`.execute(db())).rows).toHaveLength(1);
    const before = await lastLogId();
    expect(await privacyCommand(db(), ['bewaartermijn', '--uitvoeren'], io, on)).toBe(0);
    expect(out.at(-1)).toBe('1 casussen destroyed');
    const rows = await logSince(before);
    expect(rows).toEqual([
      expect.objectContaining({
        user_id: null,
        action: 'delete',
        object_type: 'casus',
        object_id: String(m.body.casusId),
        route: 'voordeur privacy bewaartermijn',
        client_ids: m.body.persoonIds,
      }),
    ]);
    expect(await traces(['Kleinkind', 'Singel'])).toEqual([]);
  });
});

describe('destruction on request (Wmo 2015 art. 5.3.5)', () => {
  let melderMelding: number;
  let karimBsn: string;

  it('a request runs on a 3-month clock; a refusal needs the ground and a motivation and destroys nothing', async () => {
    karimBsn = (await privacy.get(`/api/personen/${s.karim}/rechten`)).body.persoon.bsn;
    const r = await privacy.post(`/api/personen/${s.karim}/vernietigingsverzoeken`, {
      verzoekerRelatie: 'betrokkene',
      ontvangenOp: '2025-11-30',
      toelichting: 'Wil dat alles over hem verdwijnt.',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    // 30 November + 3 months = 28 February (no 30 February); on 2 March that is past.
    expect(r.body.termijn).toEqual({ uiterlijkOp: '2026-02-28', dagenResterend: -2, status: 'verlopen' });
    const noGround = await privacy.post(`/api/vernietigingsverzoeken/${r.body.id}/besluit`, {
      besluit: 'afgewezen',
      motivering: 'Belang van de kinderen weegt zwaarder.',
    });
    expect(noGround.status).toBe(400);
    const short = await privacy.post(`/api/vernietigingsverzoeken/${r.body.id}/besluit`, {
      besluit: 'afgewezen',
      weigeringsgrond: 'aanmerkelijk_belang_ander',
      motivering: 'Nee.',
    });
    expect(short.status).toBe(400);
    const refuse = await privacy.post(`/api/vernietigingsverzoeken/${r.body.id}/besluit`, {
      besluit: 'afgewezen',
      weigeringsgrond: 'aanmerkelijk_belang_ander',
      motivering:
        'Het dossier is van aanmerkelijk belang voor Yara (6): de onderzoeksgegevens zijn nodig voor haar bescherming.',
    });
    expect(refuse.status).toBe(200);
    expect(refuse.body).toMatchObject({
      status: 'afgewezen',
      weigeringsgrond: { code: 'aanmerkelijk_belang_ander' },
      termijn: { status: 'afgehandeld', dagenResterend: null },
    });
    const exec = await privacy.post(`/api/vernietigingsverzoeken/${r.body.id}/uitvoeren`, {
      bevestigPersoonId: s.karim,
    });
    expect(exec.status).toBe(409);
    expect((await sql`select 1 from persoon where id = ${s.karim}`.execute(db())).rows).toHaveLength(1);
  });

  it('shows where the data is, including melder rows carrying the name, before the decision', async () => {
    // Karim also reported a melding himself (as a direct betrokkene).
    const m = await s.bo.post('/api/meldingen', {
      binnenkomst: 'telefoon',
      melder: {
        hoedanigheid: 'db_volwassene',
        naam: 'Karim Ahmed Bennani',
        telefoon: '06 1111 2222',
        wilOnbekendBlijven: false,
      },
      huishoudenId: s.huishoudenId,
      regio: 'eigen',
      gemeenteCode: 'GM0363',
      betrokkenen: [{ persoonId: s.samira, rol: 'slachtoffer' }],
      aanleiding: ['hg_anders'],
      aard: [],
      omschrijving: `Karim Ahmed Bennani (BSN ${karimBsn}) belt zelf: hij wil hulp bij zijn boosheid.`,
    });
    expect(m.status, JSON.stringify(m.body)).toBe(201);
    melderMelding = m.body.meldingId;
    // A case worker's unsaved intake form about him.
    expect(
      (
        await s.bo.put('/api/concepten/intake-2', {
          inhoud: { notitie: 'Karim belde terug, wil afspraak' },
          persoonIds: [s.karim],
        })
      ).status,
    ).toBe(200);
    // A draft of a step on his melding names no persons itself: the server knows them by its key.
    const stap = await s.bo.put(`/api/concepten/casus.${s.meldingB}.veiligheidsbeoordeling`, {
      inhoud: { motivering: 'Pleger ontkent; huisarts bellen' },
    });
    expect(stap.status).toBe(200);
    expect((await s.bo.get(`/api/concepten/casus.${s.meldingB}.veiligheidsbeoordeling`)).body.persoonIds).toContain(
      s.karim,
    );
    const r = await privacy.post(`/api/personen/${s.karim}/vernietigingsverzoeken`, {
      verzoekerRelatie: 'betrokkene',
      ontvangenOp: '2026-03-01',
    });
    expect(r.body.termijn).toEqual({ uiterlijkOp: '2026-06-01', dagenResterend: 91, status: 'lopend' });
    const v = await privacy.get(`/api/vernietigingsverzoeken/${r.body.id}`);
    expect(v.body.vindplaatsen).toMatchObject({
      huishoudens: 1,
      meldingen: 1,
      informering: 1,
      correcties: 3,
      concepten: 2,
      melderKandidaten: [{ meldingId: melderMelding }],
    });
    expect(v.body.vindplaatsen.casussen).toEqual([expect.objectContaining({ id: s.casusId, blokkade: null })]);
    expect(v.body.vindplaatsen.vrijeTekst).toMatchObject({ 'melding.omschrijving': 2 });
    const ok = await privacy.post(`/api/vernietigingsverzoeken/${r.body.id}/besluit`, {
      besluit: 'toegewezen',
      melderMeldingIds: [melderMelding],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it('a legal hold on a casus of the person stops execution; a wrong confirmation too', async () => {
    const id = (await privacy.get(`/api/personen/${s.karim}/rechten`)).body.vernietigingsverzoeken.find(
      (x: any) => x.status === 'toegewezen',
    ).id;
    expect(
      (
        await privacy.post(`/api/casussen/${s.casusId}/bewaarblokkade`, {
          reden: 'Verzoek RvdK om dossier te bewaren.',
        })
      ).status,
    ).toBe(201);
    const held = await privacy.post(`/api/vernietigingsverzoeken/${id}/uitvoeren`, { bevestigPersoonId: s.karim });
    expect(held.status).toBe(409);
    expect(held.body).toMatchObject({ error: 'bewaarblokkade', casusIds: [s.casusId] });
    expect(
      (
        await privacy.post(`/api/casussen/${s.casusId}/bewaarblokkade/opheffen`, {
          reden: 'RvdK heeft afschrift ontvangen.',
        })
      ).status,
    ).toBe(200);
    expect(
      (await privacy.post(`/api/vernietigingsverzoeken/${id}/uitvoeren`, { bevestigPersoonId: s.samira })).status,
    ).toBe(400);
    // Case workers cannot destroy.
    expect(
      (await s.bo.post(`/api/vernietigingsverzoeken/${id}/uitvoeren`, { bevestigPersoonId: s.karim })).status,
    ).toBe(403);
  });

  it('executed: no table holds a trace of the person but the tombstone; the casus lives on without him', async () => {
    const id = (await privacy.get(`/api/personen/${s.karim}/rechten`)).body.vernietigingsverzoeken.find(
      (x: any) => x.status === 'toegewezen',
    ).id;
    // Before: the name, BSN, birth dates (old and corrected) and his phone are in the database.
    const needles = ['Karim', karimBsn, '19850102', '19850101', '06 1111 2222'];
    expect((await traces(needles)).length).toBeGreaterThan(5);
    const before = await lastLogId();
    const r = await privacy.post(`/api/vernietigingsverzoeken/${id}/uitvoeren`, { bevestigPersoonId: s.karim });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.vernietigd).toMatchObject({
      persoonId: s.karim,
      grond: 'verzoek',
      verzoekId: id,
      door: privacy.userId,
    });
    expect(r.body.verwijderd).toMatchObject({
      persoon: 1,
      melding_betrokkene: 1,
      huishouden_lid: 1,
      informering: 1,
      persoon_correctie: 3,
      melder: 1,
      inzageverzoek: 1,
      concept: 2,
    });
    expect(r.body.vrijeTekstVervangen).toMatchObject({ 'melding.omschrijving': 2 });
    expect(r.body.verzoek).toMatchObject({ status: 'uitgevoerd', uitgevoerdDoor: { id: privacy.userId } });

    // No trace in any table: not the name, BSN, birth dates or phone.
    expect(await traces(needles)).toEqual([]);
    // His id is left only in the tombstone, the skeleton of his requests and the access log.
    expect(await persoonIdRefs(s.karim)).toEqual({ persoon_vernietigd: 1, vernietigingsverzoek: 2 });
    const skeleton = (
      await sql<any>`select verzoeker_naam, toelichting, motivering from vernietigingsverzoek where persoon_id = ${s.karim}`.execute(
        db(),
      )
    ).rows;
    expect(
      skeleton.every((x: any) => x.verzoeker_naam === null && x.toelichting === null && x.motivering === null),
    ).toBe(true);
    const rows = await logSince(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'delete',
      object_type: 'persoon',
      object_id: String(s.karim),
      client_ids: [s.karim],
      outcome: 'success',
    });

    // Search and radar find nothing; the casus still opens; the free text no longer names him.
    expect((await s.bo.get(`/api/personen?bsn=${karimBsn}`)).body.kandidaten).toEqual([]);
    expect(
      (await s.bo.get(`/api/personen?naam=Karim%20Bennani&geboortedatum=19850102`)).body.kandidaten.map(
        (k: any) => k.id,
      ),
    ).not.toContain(s.karim);
    // The radar knows no melding of the destroyed id: refused like any id the user did not find (intake/gevonden.ts).
    const radar = await s.bo.get(`/api/radar?persoonIds=${s.karim}`);
    expect(radar.status).toBe(403);
    expect(radar.body.meldingen).toBeUndefined();
    const c = await s.bo.get(`/api/casussen/${s.casusId}`);
    expect(c.status).toBe(200);
    const b = c.body.meldingen.find((m: any) => m.id === s.meldingB);
    expect(b.betrokkenen.map((x: any) => x.persoonId)).toEqual([s.samira]);
    expect(b.omschrijving).toContain('[persoon verwijderd] ontkent alles');
    expect(c.body.meldingen.find((m: any) => m.id === melderMelding).melder).toBeNull();
    // The person's own access overview still exists (the log names him by id) and shows the destruction.
    const o = await privacy.get(`/api/personen/${s.karim}/toegangsoverzicht`);
    expect(o.status).toBe(200);
    expect(o.body.persoon).toMatchObject({ id: s.karim, naam: null, vernietigd: { grond: 'verzoek' } });
    expect(o.body.regels.filter((x: any) => x.actie === 'delete')).toEqual([
      expect.objectContaining({
        medewerker: expect.objectContaining({ naam: 'Ruud Mulder' }),
        doel: `vernietiging op verzoek ${id} (Wmo 2015 art. 5.3.5)`,
      }),
    ]);
    // Requests about a destroyed person: 410 Gone.
    expect(
      (
        await privacy.post(`/api/personen/${s.karim}/inzageverzoeken`, {
          soort: 'inzage',
          verzoekerRelatie: 'betrokkene',
          ontvangenOp: '2026-03-01',
        })
      ).status,
    ).toBe(410);
    expect(
      (await privacy.post(`/api/vernietigingsverzoeken/${id}/uitvoeren`, { bevestigPersoonId: s.karim })).status,
    ).toBe(409);
  });
});
