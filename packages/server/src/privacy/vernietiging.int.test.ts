// Destruction finds every trace (issue 18): after a name correction the earlier name, the earlier
// BSN in any spacing, initials + surname and the date of birth next to the name are found in the
// preview (a dry run of the same scrub) and gone after execution — in melding, flag note,
// veiligheidsbeoordeling and another user's draft — while the same date in an unrelated text stays.
import { generateBsn } from '@voordeur/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestClient, type TestEnv } from '../testing.ts';
import { buildScenario, versie, type Scenario } from './testfixture.ts';

let env: TestEnv;
let s: Scenario;
let privacy: TestClient;
const db = () => env.database.db;

/** Rows (cast to text) of every table holding a needle; digits also compared without separators. */
async function traces(needles: string[], digits: string[]): Promise<string[]> {
  const tables = (
    await sql<{
      table_name: string;
    }>`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
      db(),
    )
  ).rows.map((r) => r.table_name);
  const found: string[] = [];
  for (const t of tables) {
    for (const { r } of (await sql<{ r: string }>`select x::text as r from ${sql.table(t)} x`.execute(db())).rows) {
      const low = r.toLowerCase();
      const bare = r.replace(/[\s\-.()/]/g, '');
      if (needles.some((n) => low.includes(n.toLowerCase())) || digits.some((d) => bare.includes(d)))
        found.push(`${t}: ${r.slice(0, 300)}`);
    }
  }
  return found;
}

beforeAll(async () => {
  env = await createTestEnv({ now: new Date('2026-03-02T10:00:00+01:00') });
  s = await buildScenario(env, 75_000);
  privacy = await env.as('privacy');
});
afterAll(async () => {
  await env?.close();
});

describe('destruction after a name correction', () => {
  const oudBsn = generateBsn(75_501);
  const nieuwBsn = generateBsn(75_502);
  const gespatieerd = `${oudBsn.slice(0, 4)} ${oudBsn.slice(4, 6)} ${oudBsn.slice(6)}`;

  it('finds and removes every name, BSN and birth date the person ever had, everywhere', async () => {
    // Karim Bennani (born 1 January 1985) gets a BSN, then a corrected BSN, surname and birth date.
    for (const w of [{ bsn: oudBsn }, { bsn: nieuwBsn, achternaam: 'Benali', geboortedatum: '19850102' }]) {
      const r = await privacy.post(`/api/personen/${s.karim}/correctie`, {
        wijzigingen: w,
        reden: 'Uittreksel BRP overgelegd door betrokkene.',
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    // Texts written under the earlier name, BSN and date of birth.
    const vlag = await s.bo.post(`/api/casussen/${s.casusId}/veiligheidsvlag`, {
      versie: await versie(s.bo, s.casusId),
      vlaggen: ['wapen'],
      toelichting: 'Karim Bennani heeft een mes getoond aan de buren.',
    });
    expect(vlag.status, JSON.stringify(vlag.body)).toBe(200);
    const vb = await s.bo.post(`/api/meldingen/${s.meldingB}/veiligheidsbeoordeling`, {
      versie: await versie(s.bo, s.casusId),
      acuteOnveiligheid: false,
      structureleOnveiligheid: true,
      uitkomst: 'structurele_onveiligheid',
      motivering: `Politie kent K. Bennani (BSN ${gespatieerd}); huisarts bevestigt letsel bij Samira.`,
      bronnen: ['politie'],
      getoetstDoor: s.gw.userId,
    });
    expect(vb.status, JSON.stringify(vb.body)).toBe(200);
    // Another user's draft that names no persons by id: only its text carries him.
    expect(
      (
        await s.gw.put('/api/concepten/notitie-karim', {
          inhoud: { notitie: 'Gesprek met Karim (geb. 01-01-1985) gepland', bsn: Number(oudBsn) },
        })
      ).status,
    ).toBe(200);
    // The same date in a text about no one of him stays.
    expect(
      (await s.gw.put('/api/concepten/notitie-oudjaar', { inhoud: { notitie: 'Op 01-01-1985 verhuisd naar Delft' } }))
        .status,
    ).toBe(200);

    const r = await privacy.post(`/api/personen/${s.karim}/vernietigingsverzoeken`, {
      verzoekerRelatie: 'betrokkene',
      ontvangenOp: '2026-03-01',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    // The preview is a dry run of the same scrub: every place is listed, nothing changed yet.
    const v = await privacy.get(`/api/vernietigingsverzoeken/${r.body.id}`);
    expect(v.body.vindplaatsen.vrijeTekst).toEqual({
      'melding.omschrijving': 1,
      'casus.veiligheidsvlag_toelichting': 1,
      'veiligheidsbeoordeling.motivering': 1,
      'concept.inhoud': 1,
    });
    expect((await traces(['Karim Bennani'], [])).length).toBeGreaterThan(0);

    expect(
      (await privacy.post(`/api/vernietigingsverzoeken/${r.body.id}/besluit`, { besluit: 'toegewezen' })).status,
    ).toBe(200);
    const x = await privacy.post(`/api/vernietigingsverzoeken/${r.body.id}/uitvoeren`, {
      bevestigPersoonId: s.karim,
    });
    expect(x.status, JSON.stringify(x.body)).toBe(200);
    expect(x.body.vrijeTekstVervangen).toEqual(v.body.vindplaatsen.vrijeTekst);

    expect(
      await traces(['Karim Bennani', 'K. Bennani', 'Benali', '01-01-1985', '1985-01-01'], [oudBsn, nieuwBsn]),
    ).toEqual([expect.stringContaining('Op 01-01-1985 verhuisd naar Delft')]);
    const c = await s.bo.get(`/api/casussen/${s.casusId}`);
    expect(c.body.veiligheidsvlag.toelichting).toBe('[persoon verwijderd] heeft een mes getoond aan de buren.');
    const concept = await s.gw.get('/api/concepten/notitie-karim');
    expect(concept.body.inhoud).toEqual({
      notitie: 'Gesprek met Karim (geb. [persoon verwijderd]) gepland',
      bsn: '[persoon verwijderd]',
    });
  });
});
