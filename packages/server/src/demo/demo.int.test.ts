// The demo data tells consistent stories (UX review, finding 25): each melding's text fits its
// melder, its household (children or not) and its gemeente, and the demo satisfies the rules that
// data entered by hand must satisfy: a melder with a name and an organisation or contact; a
// veiligheidsbeoordeling whose outcome agrees with its answers; no "geen (meer) onveiligheid" right
// after acute or structurele onveiligheid; a request to the Raad only about minor children.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMelder } from '../crypto/veld.ts';
import { createTestEnv, type TestEnv } from '../testing.ts';

let env: TestEnv;
let meldingen: any[];

beforeAll(async () => {
  env = await createTestEnv({ now: new Date('2026-11-22T10:30:00+01:00'), demoCases: true });
  meldingen = (
    await sql<any>`
      select m.id, m.nummer, m.casus_id, m.gemeente_code, m.met_kinderen, m.melder_hoedanigheid, m.aanleiding, m.omschrijving,
             h.gemeente_code as hh_gemeente, h.woonplaats,
             md.naam, md.organisatie, md.functie, md.telefoon, md.email, md.wil_onbekend_blijven,
             vb.acute_onveiligheid, vb.structurele_onveiligheid, vb.uitkomst,
             (select min(p.geboortedatum) from melding_betrokkene mb join persoon p on p.id = mb.persoon_id where mb.melding_id = m.id and mb.rol = 'kind') as oudste_kind,
             (select min(p.geboortedatum) from melding_betrokkene mb join persoon p on p.id = mb.persoon_id where mb.melding_id = m.id and mb.rol = 'slachtoffer') as moeder
      from melding m join casus c on c.id = m.casus_id join huishouden h on h.id = c.huishouden_id
      left join melder md on md.melding_id = m.id left join veiligheidsbeoordeling vb on vb.melding_id = m.id
      order by m.nummer`.execute(env.database.db)
  ).rows.map((r) => openMelder(r));
}, 120_000);
afterAll(async () => {
  await env?.close();
});

const KIND_WOORDEN =
  /\b(kind|kinderen|ouders|vader|school|leerkracht|consultatiebureau|jeugdarts|kinderdagverblijf|luier)\b/i;

describe('demo data', () => {
  it('has meldingen in every state', () => {
    expect(meldingen.length).toBeGreaterThan(25);
  });

  it('every melder has a name and an organisation or a telephone number / e-mail address', () => {
    for (const m of meldingen) {
      expect(m.naam, m.nummer).toBeTruthy();
      expect(m.organisatie || m.telefoon || m.email, m.nummer).toBeTruthy();
    }
  });

  it('the text fits the household: no children, no children in the text; a school or jeugdarts only reports about children', () => {
    for (const m of meldingen) {
      if (!m.met_kinderen) expect(m.omschrijving, m.nummer).not.toMatch(KIND_WOORDEN);
      if (['ow_basis', 'gz_anders', 'kinderopvang'].includes(m.melder_hoedanigheid))
        expect(m.met_kinderen, m.nummer).toBe(true);
      if (m.aanleiding.some((a: string) => a.startsWith('km_'))) expect(m.met_kinderen, m.nummer).toBe(true);
    }
  });

  it('a mother is at least 18 years older than her oldest child', () => {
    for (const m of meldingen.filter((x) => x.oudste_kind))
      expect(Number(m.oudste_kind.slice(0, 4)) - Number(m.moeder.slice(0, 4)), m.nummer).toBeGreaterThanOrEqual(18);
  });

  it('the text fits the melder: a police melding is written as one, a school or a jeugdarts as theirs', () => {
    for (const m of meldingen) {
      if (m.melder_hoedanigheid === 'politie') expect(m.omschrijving, m.nummer).toMatch(/politie|agenten/i);
      else expect(m.omschrijving, m.nummer).not.toMatch(/zorgmelding politie|agenten/i);
      if (/jeugdarts|consultatiebureau/i.test(m.omschrijving))
        expect(m.melder_hoedanigheid, m.nummer).toBe('gz_anders');
      if (/leerkracht|intern begeleider/i.test(m.omschrijving))
        expect(m.melder_hoedanigheid, m.nummer).toBe('ow_basis');
      if (m.organisatie?.includes('Basisschool')) expect(m.melder_hoedanigheid, m.nummer).toBe('ow_basis');
    }
  });

  it('the gemeente of each melding is the gemeente of its household, and a place named in the text is where the household lives', () => {
    const plaatsen = ['Amsterdam', 'Diemen', 'Amstelveen', 'Aalsmeer', 'Uithoorn', 'Ouderkerk aan de Amstel'];
    for (const m of meldingen) {
      expect(m.gemeente_code, m.nummer).toBe(m.hh_gemeente);
      for (const p of plaatsen) if (m.omschrijving.includes(` in ${p}`)) expect(m.woonplaats, m.nummer).toBe(p);
    }
  });

  it('a veiligheidsbeoordeling agrees with its answers', () => {
    const vb = meldingen.filter((m) => m.uitkomst);
    expect(vb.length).toBeGreaterThan(10);
    for (const m of vb) {
      if (m.uitkomst === 'acute_onveiligheid') expect(m.acute_onveiligheid, m.nummer).toBe(true);
      if (m.uitkomst === 'structurele_onveiligheid') expect(m.structurele_onveiligheid, m.nummer).toBe(true);
      if (m.acute_onveiligheid) expect(m.uitkomst, m.nummer).toBe('acute_onveiligheid');
    }
  });

  it('no afsluiten "geen (meer) sprake van onveiligheid" directly after acute or structurele onveiligheid', async () => {
    const r =
      await sql<any>`select m.nummer, vb.uitkomst from afsluiting a join melding m on m.id = a.melding_id join veiligheidsbeoordeling vb on vb.melding_id = m.id
                             where a.reden = 'geen_onveiligheid' and a.moment = 'na_beoordeling'`.execute(
        env.database.db,
      );
    for (const x of r.rows)
      expect(['acute_onveiligheid', 'structurele_onveiligheid'], x.nummer).not.toContain(x.uitkomst);
  });

  it('requests to the Raad and overdrachten to a GI only about households with minor children', async () => {
    const rvdk =
      await sql<any>`select m.nummer, m.met_kinderen from rvdk_verzoek v join melding m on m.id = v.melding_id`.execute(
        env.database.db,
      );
    for (const x of rvdk.rows) expect(x.met_kinderen, x.nummer).toBe(true);
    const gi =
      await sql<any>`select m.nummer, m.met_kinderen from overdracht o join melding m on m.id = o.melding_id where o.ontvanger_type in ('gi', 'gi_anders')`.execute(
        env.database.db,
      );
    for (const x of gi.rows) expect(x.met_kinderen, x.nummer).toBe(true);
  });

  it('a hermelding in a casus is about the same gemeente and the same children (or none) as the casus', () => {
    const perCasus = new Map<number, any[]>();
    for (const m of meldingen) perCasus.set(m.casus_id, [...(perCasus.get(m.casus_id) ?? []), m]);
    const herm = [...perCasus.values()].filter((ms) => ms.length > 1);
    expect(herm.length).toBeGreaterThan(0);
    for (const ms of herm) {
      expect(new Set(ms.map((m) => m.gemeente_code)).size).toBe(1);
      expect(new Set(ms.map((m) => m.met_kinderen)).size).toBe(1);
    }
  });
});
