// The CBS delivery for 2026H1 from the hand-computed data set (fixture.ts) against the fixture
// file __fixtures__/cbs-2026H1-v1-2015.txt (checked by hand, field by field, against the table in
// fixture.ts and docs/cbs-export.md), the protocol version and code mapping, who may export, the
// access log, and the command-line export.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollenDieMogen } from '@voordeur/domain';
import { routeTableMarkdown } from '../policy/table.ts';
import { createTestEnv, type TestClient, type TestEnv } from '../testing.ts';
import { cbsExportCommand } from './cli.ts';
import { bouwFixture, NOW, type Fixture } from './fixture.ts';
import { rapportageRoutes } from './routes.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURE = fs.readFileSync(path.join(here, '__fixtures__/cbs-2026H1-v1-2015.txt'), 'latin1');

let env: TestEnv;
let fx: Fixture;
let manager: TestClient;
/** Makes the delivery: the functioneel beheerder (cbs_levering export). */
let exporteur: TestClient;
let L: any;

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  fx = await bouwFixture(env);
  manager = await env.as('manager');
  exporteur = await env.as('beheer');
  const r = await exporteur.get('/api/rapportage/cbs?halfjaar=2026H1');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  L = r.body;
});
afterAll(async () => {
  await env?.close();
});

const persoon = (key: string, i: number) => fx.m[key]!.persoonIds[i]!;

describe('CBS delivery 2026H1 with the 2015 codes', () => {
  it('the file equals the fixture byte for byte', () => {
    expect(L.bestand.naam).toBe('cbs-VT-AA-2026H1-v1-2015.txt');
    expect(L.bestand.inhoud).toBe(FIXTURE);
  });

  it('counts, and what is in and out', () => {
    expect(L.periode).toEqual({ van: '2026-01-01', tot: '2026-06-30' });
    expect(L.protocol).toMatchObject({ versie: 'v1-2015', zorgmeldingenPolitie: false });
    expect(L.aantallen).toEqual({
      adviezen: 3,
      meldingen: 6,
      onderzoeken: 1,
      personen: 17,
      nietLeverbaar: 1,
      uitgesloten: 1,
    });
    // Adviezen closed in the period, not the one converted into a melding (A4) nor the 2025 one (A5).
    expect(L.records.adviezen.map((a: any) => a.nummer)).toEqual(['AD0000002', 'AD0000003', 'AD0000004']);
    // Triagebesluiten in the period: M11 (received 2025) is in; M8, M9, M13 (no beoordeling) and M10 (H2) are not.
    // v1 §6.5: M12's dienst Voorwaarden en Vervolg still runs, so it waits; M4's ended in June (06-19), so it is in.
    expect(L.records.meldingen.map((m: any) => m.nummer)).toEqual([
      'ML0000001',
      'ML0000002',
      'ML0000003',
      'ML0000004',
      'ML0000005',
      'ML0000006',
    ]);
  });

  it('a record with missing mandatory data is listed with the reason, never dropped silently', () => {
    // M6: the pleger has a BSN but no date of birth.
    expect(L.nietLeverbaar).toEqual([
      {
        soort: 'melding',
        nummer: 'ML0000007',
        redenen: [`geboortedatum onbekend van persoon ${persoon('M6', 1)} (minstens het jaar invullen: JJJJ0000)`],
      },
    ]);
    // M7: a police zorgmelding about other problems — the 2015 protocol did not deliver those.
    expect(L.uitgesloten).toEqual([
      {
        soort: 'melding',
        nummer: 'ML0000009',
        reden: 'zorgmelding politie zonder huiselijk geweld of kindermishandeling: protocol v1-2015 levert die niet',
      },
    ]);
  });

  it('melding fields: codes, dates (Amsterdam day), triagebesluit, directe overdracht, persons', async () => {
    const m = Object.fromEntries(L.records.meldingen.map((x: any) => [x.nummer, x]));
    expect(m.ML0000001).toMatchObject({
      hoofdnummer: null,
      aanleiding: ['01'],
      datumMelding: '20251231',
      hoedanigheid: '01',
      triagebesluit: '02',
      datumTriagebesluit: '20260107',
      directeOverdracht: ['21'],
      onderzoeksnummer: null,
      // v1 §3.7.2/3.7.3: an overdracht directly after the beoordeling starts and ends the vervolgtraject that day.
      datumStartVervolgtraject: '20260107',
      datumEindeBemoeienis: '20260107',
    });
    // M4: the dienst Voorwaarden en Vervolg from its start to the overdracht that ended it.
    expect(m.ML0000005).toMatchObject({
      triagebesluit: '02',
      datumTriagebesluit: '20260313',
      datumStartVervolgtraject: '20260313',
      datumEindeBemoeienis: '20260619',
    });
    expect(m.ML0000002).toMatchObject({ aanleiding: ['01', '08'], aard: ['01', '08'], directeOverdracht: ['01'] });
    expect(m.ML0000002.personen.map((p: any) => [p.bsn, p.geboortedatum, p.geslacht])).toContainEqual([
      '999999999',
      '99999999',
      'O',
    ]);
    // M2: afgesloten na beoordeling, geen (meer) onveiligheid = einde bemoeienis (04) in v1; its directe
    // overdracht is the cliëntsysteem (v1 code 21, as M11's), as the half-year report groups it; no v1
    // vervolgtraject dates. The witness is not delivered.
    expect(m.ML0000003).toMatchObject({
      triagebesluit: '04',
      directeOverdracht: ['21'],
      datumStartVervolgtraject: null,
      datumEindeBemoeienis: null,
    });
    expect(m.ML0000003.personen.map((p: any) => p.geboortedatum)).toEqual(['19750615', '19800000']);
    expect(m.ML0000004).toMatchObject({
      triagebesluit: '01',
      datumTriagebesluit: '20260223',
      onderzoeksnummer: 'OZ0000001',
      hoedanigheid: '15',
    });
    // M5 is the second melding of M1's casus: it carries the casus number.
    const casus = (
      await sql<{ nummer: string }>`select nummer from casus where id = ${fx.m.M1!.casusId}`.execute(env.database.db)
    ).rows[0]!.nummer;
    expect(m.ML0000006).toMatchObject({ hoofdnummer: casus, directeOverdracht: ['05'] });
  });

  it('onderzoek fields: dates, uitkomst per type, established aard, vervolg incl. the RvdK request', () => {
    expect(L.records.onderzoeken).toEqual([
      {
        nummer: 'OZ0000001',
        meldingnummer: 'ML0000004',
        aanleiding: ['08'],
        datumStart: '20260223',
        datumAfronding: '20260410',
        uitkomst: ['01', '06'],
        aard: ['05'],
        vervolg: ['02', '10'],
        personen: [
          expect.objectContaining({ geboortedatum: '19920505', geslacht: 'V' }),
          expect.objectContaining({ geboortedatum: '20160909', geslacht: 'V' }),
        ],
      },
    ]);
  });

  it('formaat=bestand: the same file as a download', async () => {
    const s = await env.session('beheer');
    const r = await env.app.inject({
      method: 'GET',
      url: '/api/rapportage/cbs?halfjaar=2026H1&formaat=bestand',
      headers: { cookie: s.cookie },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('text/plain');
    expect(r.headers['content-disposition']).toContain('cbs-VT-AA-2026H1-v1-2015.txt');
    expect(r.body).toBe(FIXTURE);
  });
});

describe('who may export, and the access log', () => {
  it('the export is logged as export with every person in it', async () => {
    const log = (
      await sql<any>`select * from access_log where route = 'GET /api/rapportage/cbs' and outcome = 'success' order by id`.execute(
        env.database.db,
      )
    ).rows[0];
    expect(log).toMatchObject({
      user_id: exporteur.userId,
      action: 'export',
      object_type: 'cbs_levering',
      object_id: '2026H1/v1-2015',
    });
    // Every person of the meldingen read for the export (M6 is read, then found undeliverable), except
    // M2's witness, whom the export never reads.
    const gelezen = new Set<number>();
    for (const k of ['M11', 'M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7'])
      for (const id of fx.m[k]!.persoonIds) gelezen.add(id);
    gelezen.delete(persoon('M2', 2));
    expect([...log.client_ids].sort((a: number, b: number) => a - b)).toEqual([...gelezen].sort((a, b) => a - b));
  });

  it('a beleidsmedewerker (aggregated figures only) and case workers get 403, logged as denied', async () => {
    const beleid = await env.as('beleid');
    const r = await beleid.get('/api/rapportage/cbs?halfjaar=2026H1');
    expect(r.status).toBe(403);
    const log = (
      await sql<any>`select * from access_log where route = 'GET /api/rapportage/cbs' order by id desc limit 1`.execute(
        env.database.db,
      )
    ).rows[0];
    expect(log).toMatchObject({ user_id: beleid.userId, outcome: 'denied' });
    expect(log.client_ids).toEqual([]);
    expect((await (await env.as('backoffice')).get('/api/rapportage/cbs?halfjaar=2026H1')).status).toBe(403);
  });

  it('least privilege: the functioneel beheerder and the privacy officer export, the teammanager does not', async () => {
    // A teammanager of one team has no need for the BSN of every client of the organisation.
    expect((await manager.get('/api/rapportage/cbs?halfjaar=2026H1')).status).toBe(403);
    expect((await (await env.as('privacy')).get('/api/rapportage/cbs?halfjaar=2026H1')).status).toBe(200);
    expect(rollenDieMogen('cbs_levering', 'export')).toEqual(['privacy_officer', 'functioneel_beheerder']);
    // The generated policy table says what the route does: one check, the route's declared policy.
    const rij = routeTableMarkdown(rapportageRoutes())
      .split('\n')
      .find((l) => l.startsWith('| `GET /api/rapportage/cbs` '));
    expect(rij).toBe('| `GET /api/rapportage/cbs` | `cbs_levering` · export | – |  |  |  |  |  |  | ✓ |  |  | ✓ |');
  });

  it('a bad half-year is a 400', async () => {
    expect((await exporteur.get('/api/rapportage/cbs?halfjaar=2026H3')).status).toBe(400);
    expect((await exporteur.get('/api/rapportage/cbs?halfjaar=2026H1&protocol=v9')).status).toBe(404);
  });
});

describe('protocol versions and the editable mapping', () => {
  it('lists every deliverable value with its code (null = not mapped)', async () => {
    const r = await manager.get('/api/rapportage/cbs/protocollen');
    expect(r.status).toBe(200);
    const v1 = r.body.protocollen.find((p: any) => p.versie === 'v1-2015');
    const veld = (v: string) =>
      Object.fromEntries(v1.velden.find((x: any) => x.veld === v).waarden.map((w: any) => [w.code, w.cbsCode]));
    expect(veld('aanleiding')).toMatchObject({ partnergeweld: '01', km_anders: '08', andere_problematiek: null });
    // "Gezondheidszorg: anders" = 20 (professional anders), "Onderwijs: anders" = 15 (school) — not 03 / 16.
    expect(veld('hoedanigheid')).toMatchObject({ politie: '01', buurtbewoner: '35', gz_anders: '20', ow_anders: '15' });
    expect(veld('triagebesluit')).toEqual({
      onderzoek: '01',
      voorwaarden_en_vervolg: '02',
      overdracht: '02',
      overdracht_clientsysteem: '04',
      omgezet_in_advies: '03',
      geen_vervolg: '04',
    });
    expect(veld('vervolg')).toMatchObject({
      lokaal_team: '01',
      gi: '05',
      clientsysteem: '21',
      rvdk: '02',
      geen_vervolg: '21',
    });
    expect(veld('onderzoek_uitkomst')).toMatchObject({
      'kindermishandeling:bevestigd': '06',
      'huiselijk_geweld:weerlegd': '01',
      'voortijdig:overleden': '08',
      'voortijdig:anders': null,
    });
  });

  it('a new version (v2, zorgmeldingen politie included) copied from v1; an unmapped value makes a record undeliverable until it is mapped', async () => {
    const beheer = await env.as('beheer');
    const c = await beheer.post('/api/rapportage/cbs/protocollen', {
      versie: 'v2-test',
      omschrijving: 'Informatieprotocol v2 (codes uit de Bestandsdefinitie)',
      zorgmeldingenPolitie: true,
      kopieVan: 'v1-2015',
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect(
      (
        await beheer.post('/api/rapportage/cbs/protocollen', {
          versie: 'v2-test',
          omschrijving: 'nog eens',
          zorgmeldingenPolitie: true,
        })
      ).status,
    ).toBe(409);

    let r = await exporteur.get('/api/rapportage/cbs?halfjaar=2026H1&protocol=v2-test');
    expect(r.body.uitgesloten).toEqual([]);
    expect(r.body.nietLeverbaar).toContainEqual({
      soort: 'melding',
      nummer: 'ML0000009',
      redenen: ["geen CBS-code voor aanleiding 'andere_problematiek' in protocol v2-test"],
    });

    const set = await beheer.post('/api/rapportage/cbs/protocollen/v2-test/codes', {
      veld: 'aanleiding',
      code: 'andere_problematiek',
      cbsCode: '10',
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    r = await exporteur.get('/api/rapportage/cbs?halfjaar=2026H1&protocol=v2-test');
    expect(r.body.records.meldingen.find((m: any) => m.nummer === 'ML0000009')).toMatchObject({
      aanleiding: ['10'],
      triagebesluit: '04',
    });
    expect(r.body.bestand.inhoud.split('\r\n')[0]).toBe('VT;VT-AA;v2-test;2026H1;20260715;3;8;1;20');

    // Removing a code: the v1 mapping is untouched by edits to the copy.
    expect(
      (
        await beheer.post('/api/rapportage/cbs/protocollen/v2-test/codes', {
          veld: 'geslacht',
          code: 'O',
          cbsCode: null,
        })
      ).status,
    ).toBe(200);
    r = await exporteur.get('/api/rapportage/cbs?halfjaar=2026H1&protocol=v2-test');
    expect(r.body.nietLeverbaar.find((n: any) => n.nummer === 'ML0000002').redenen).toEqual([
      "geen CBS-code voor geslacht 'O' in protocol v2-test",
    ]);
    expect((await exporteur.get('/api/rapportage/cbs?halfjaar=2026H1')).body.bestand.inhoud).toBe(FIXTURE);
  });

  it('v2-2025 ships the options of the current protocol without codes: a delivery is refused, naming every option still without a code', async () => {
    const r = await manager.get('/api/rapportage/cbs/protocollen');
    const v2 = r.body.protocollen.find((p: any) => p.versie === 'v2-2025');
    expect(v2).toMatchObject({ zorgmeldingenPolitie: true, metOpties: true });
    const opties = (veld: string) => v2.opties.filter((o: any) => o.veld === veld);
    expect(opties('aanleiding').map((o: any) => o.label)).toContain(
      'Andere problematiek dan huiselijk geweld of kindermishandeling',
    );
    expect(opties('triagebesluit').map((o: any) => [o.optie, o.waarden])).toEqual([
      ['onderzoek', ['onderzoek']],
      ['overdracht', ['overdracht', 'overdracht_clientsysteem', 'voorwaarden_en_vervolg']],
      ['omgezet_in_advies', ['omgezet_in_advies']],
      ['geen_vervolg', ['geen_vervolg']],
    ]);
    expect(opties('vervolg')).toHaveLength(17);
    expect(opties('onderzoek_uitkomst')).toHaveLength(9);
    expect(v2.opties.every((o: any) => o.cbsCode === null)).toBe(true);
    const aantal = v2.opties.length;

    const weg = await exporteur.get('/api/rapportage/cbs?halfjaar=2026H1&protocol=v2-2025');
    expect(weg.status).toBe(409);
    expect(weg.body.error).toBe('cbs_codes_ontbreken');
    expect(weg.body.message).toContain(`${aantal} opties hebben nog geen CBS-code`);
    expect(weg.body.ontbrekend).toHaveLength(aantal);
    // Nothing was exported: no personal data left the system.
    const log = (
      await sql<any>`select * from access_log where route = 'GET /api/rapportage/cbs' order by id desc limit 1`.execute(
        env.database.db,
      )
    ).rows[0];
    expect(log.client_ids ?? []).toEqual([]);

    // The functioneel beheerder fills in every code (here: numbered in protocol order) — then it delivers.
    const beheer = await env.as('beheer');
    const perVeld = new Map<string, number>();
    for (const o of v2.opties) {
      const n = (perVeld.get(o.veld) ?? 0) + 1;
      perVeld.set(o.veld, n);
      const code = o.veld === 'geslacht' ? o.optie : String(n).padStart(2, '0');
      const s = await beheer.post('/api/rapportage/cbs/protocollen/v2-2025/opties', {
        veld: o.veld,
        optie: o.optie,
        cbsCode: code,
      });
      expect(s.status, JSON.stringify(s.body)).toBe(200);
    }
    const ok = await exporteur.get('/api/rapportage/cbs?halfjaar=2026H1&protocol=v2-2025');
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.protocol).toMatchObject({ versie: 'v2-2025', zorgmeldingenPolitie: true });
    // v2 delivers police zorgmeldingen too; andere_problematiek is option 10 of aanleiding.
    expect(ok.body.uitgesloten).toEqual([]);
    expect(ok.body.records.meldingen.find((m: any) => m.nummer === 'ML0000009')).toMatchObject({ aanleiding: ['10'] });
    // M2, afgesloten "geen (meer) onveiligheid" after the beoordeling: Overdracht aan derden (triage option 02),
    // directe overdracht aan het cliëntsysteem (option 02) — the report's group cliëntsysteem, not "geen vervolg".
    expect(ok.body.records.meldingen.find((m: any) => m.nummer === 'ML0000003')).toMatchObject({
      triagebesluit: '02',
      directeOverdracht: ['02'],
      datumStartVervolgtraject: null,
      datumEindeBemoeienis: null,
    });
    // v2 delivers M12 (dienst Voorwaarden en Vervolg still running) at its triagebesluit.
    expect(ok.body.records.meldingen.map((m: any) => m.nummer)).toContain('ML0000008');
    expect(ok.body.bestand.inhoud.split('\r\n')[0]).toMatch(/^VT;VT-AA;v2-2025;2026H1;/);

    // Per-value edits do not apply to a protocol with options; unknown options are refused; only beheer edits.
    expect(
      (
        await beheer.post('/api/rapportage/cbs/protocollen/v2-2025/codes', {
          veld: 'aanleiding',
          code: 'partnergeweld',
          cbsCode: '01',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await beheer.post('/api/rapportage/cbs/protocollen/v2-2025/opties', {
          veld: 'aanleiding',
          optie: 'bestaat_niet',
          cbsCode: '01',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await manager.post('/api/rapportage/cbs/protocollen/v2-2025/opties', {
          veld: 'aanleiding',
          optie: 'partnergeweld',
          cbsCode: '01',
        })
      ).status,
    ).toBe(403);
    // Clearing one code refuses the delivery again, naming that option.
    expect(
      (
        await beheer.post('/api/rapportage/cbs/protocollen/v2-2025/opties', {
          veld: 'geslacht',
          optie: 'O',
          cbsCode: null,
        })
      ).status,
    ).toBe(200);
    const weer = await exporteur.get('/api/rapportage/cbs?halfjaar=2026H1&protocol=v2-2025');
    expect(weer.status).toBe(409);
    expect(weer.body.message).toContain('geslacht: Onbekend');
  });

  it('mapping edits: unknown values are refused; only the functioneel beheerder edits', async () => {
    const beheer = await env.as('beheer');
    const bad = await beheer.post('/api/rapportage/cbs/protocollen/v1-2015/codes', {
      veld: 'aanleiding',
      code: 'bestaat_niet',
      cbsCode: '01',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields[0]).toMatchObject({ field: 'code', rule: 'bestaat' });
    expect(
      (
        await manager.post('/api/rapportage/cbs/protocollen/v1-2015/codes', {
          veld: 'aanleiding',
          code: 'partnergeweld',
          cbsCode: '02',
        })
      ).status,
    ).toBe(403);
  });
});

describe('voordeur export cbs', () => {
  it('writes the file, lists undeliverable records and logs the export', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vd-cbs-'));
    const file = path.join(dir, 'levering.txt');
    const log: string[] = [];
    const err: string[] = [];
    const code = await cbsExportCommand(env.database.db, ['--half-year', '2026H1', '--out', file], NOW, {
      log: (s) => log.push(s),
      error: (s) => err.push(s),
    });
    expect(code).toBe(0);
    expect(fs.readFileSync(file, 'latin1')).toBe(FIXTURE);
    expect(log[0]).toBe(
      `${file}: 3 adviezen, 6 meldingen, 1 onderzoeken, 17 personen (protocol v1-2015, 2026-01-01 t/m 2026-06-30)`,
    );
    expect(log).toContain(
      'uitgesloten melding ML0000009: zorgmelding politie zonder huiselijk geweld of kindermishandeling: protocol v1-2015 levert die niet',
    );
    expect(err[0]).toContain('1 record(s) NIET geleverd');
    expect(err[1]).toContain('melding ML0000007: geboortedatum onbekend');
    const entry = (
      await sql<any>`select * from access_log where route = 'cli: voordeur export cbs'`.execute(env.database.db)
    ).rows[0];
    expect(entry).toMatchObject({ user_id: null, action: 'export', object_id: '2026H1/v1-2015', outcome: 'success' });
    expect(entry.client_ids.length).toBeGreaterThan(0);
    fs.rmSync(dir, { recursive: true });
  });

  it('without --half-year: usage and exit code 2', async () => {
    const err: string[] = [];
    expect(await cbsExportCommand(env.database.db, [], NOW, { log: () => {}, error: (s) => err.push(s) })).toBe(2);
    expect(err[0]).toContain('usage: voordeur export cbs --half-year');
  });
});
