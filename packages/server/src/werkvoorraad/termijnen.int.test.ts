// The stored werkvoorraad deadlines (termijnen.ts) agree with the clocks computed from the data:
// on every day of a long range, for demo cases in every state; they follow workflow steps, the
// informing of persons, and changes of the equated days (added and removed through the API).
import { addDays, meldingClocks, toLocalDate, worstState, type ClockState } from '@voordeur/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { klokBeleid } from '../referentie/klokbeleid.ts';
import { kalender } from '../referentie/service.ts';
import { informeringPerMelding, MELDING_FACTS_SQL, meldingFacts, type MeldingFactsRow } from './queries.ts';
import { createTestEnv, type TestClient, type TestEnv } from '../testing.ts';
import { klokStatusSql, termijnVersie } from './termijnen.ts';

const NOW = new Date('2026-04-22T11:00:00+02:00'); // Wednesday; Koningsdag Mon 27 April, 5 May ahead
let env: TestEnv;
let bo: TestClient;
let beheer: TestClient;

beforeAll(async () => {
  env = await createTestEnv({ now: NOW, demoCases: true });
  bo = await env.as('backoffice');
  beheer = await env.as('beheer');
});
afterAll(async () => {
  await env?.close();
});

/** Per open melding: the clock state from the stored columns (SQL) and from the clocks (JS), on `day`. */
async function compare(day: string) {
  const db = env.database.db;
  const k = await kalender(db);
  const at = new Date(`${day}T10:00:00Z`);
  const stored = (
    await sql<{
      id: number;
      klok: ClockState;
    }>`select m.id, ${klokStatusSql(day)} as klok from melding m where m.status <> 'afgesloten' order by m.id`.execute(
      db,
    )
  ).rows;
  const facts = (
    await sql<MeldingFactsRow>`${MELDING_FACTS_SQL} where m.status <> 'afgesloten' order by m.id`.execute(db)
  ).rows;
  const inf = await informeringPerMelding(
    db,
    facts.map((m) => m.id),
  );
  const computed = facts.map((m) => {
    const open = meldingClocks(k, meldingFacts(m), inf.get(m.id) ?? [], at, klokBeleid()).filter((c) => !c.metAt);
    return { id: m.id as number, klok: open.length ? worstState(open.map((c) => c.state)) : 'met' };
  });
  return { stored, computed };
}

describe('stored werkvoorraad deadlines', () => {
  it('are filled for every open melding by the current rules', async () => {
    const r = await sql<{ n: number; zonder: number }>`
      select count(*)::int as n, count(*) filter (where termijn_versie is distinct from ${termijnVersie()})::int as zonder
      from melding where status <> 'afgesloten'`.execute(env.database.db);
    expect(r.rows[0]!.n).toBeGreaterThan(5);
    expect(r.rows[0]!.zonder).toBe(0);
  });

  it('give the same clock state as the computed clocks on every day for four months', async () => {
    const states = new Set<string>();
    for (let i = -30; i <= 90; i += 1) {
      const day = addDays(toLocalDate(NOW), i);
      const { stored, computed } = await compare(day);
      expect(stored, day).toEqual(computed);
      for (const s of stored) states.add(s.klok);
    }
    // The range really covers every state of an open clock.
    expect(states).toContain('overdue');
    expect(states).toContain('at_risk');
    expect(states).toContain('on_time');
  });

  it('follow a workflow step in the same request, and the werkvoorraad order follows', async () => {
    const wv = await bo.get('/api/werkvoorraad?proces=bureaudienst');
    expect(wv.status).toBe(200);
    const first = wv.body.items[0];
    expect(first).toBeDefined();
    const v = (await bo.get(`/api/casussen/${first.casusId}`)).body.versie;
    const r = await bo.post(`/api/meldingen/${first.meldingId}/veiligheidsbeoordeling`, {
      versie: v,
      acuteOnveiligheid: false,
      structureleOnveiligheid: false,
      uitkomst: 'geen_zorgen',
      motivering: 'Na overleg met de huisarts en de school geen zorgen over de veiligheid.',
      bronnen: ['huisarts'],
      getoetstDoor: env.users.get('gw')!,
      vastgesteldOp: NOW.toISOString(),
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const row = (
      await sql<any>`select termijn_sortering, termijn_versie from melding where id = ${first.meldingId}`.execute(
        env.database.db,
      )
    ).rows[0];
    expect(row.termijn_versie).toBe(termijnVersie());
    for (const day of ['2026-04-22', '2026-04-28', '2026-05-20']) {
      const { stored, computed } = await compare(day);
      expect(stored).toEqual(computed);
    }
    const after = await bo.get('/api/werkvoorraad?proces=bureaudienst');
    expect(after.body.items.map((i: any) => i.meldingId)).not.toContain(first.meldingId);
    expect(after.body.totaal).toBe(wv.body.totaal - 1);
  });

  it('move with an equated day added and removed through the API', async () => {
    // A melding received today: due after 5 werkdagen = Thu 30 April (Koningsdag, Mon 27 April, is no werkdag).
    const created = await bo.post('/api/meldingen', {
      ontvangenOp: NOW.toISOString(),
      binnenkomst: 'telefoon',
      melder: { hoedanigheid: 'gz_huisarts', naam: 'Dr. B. Vos', organisatie: 'Huisartsenpraktijk Vos' },
      huishouden: {
        straat: 'Ringdijk',
        huisnummer: '401',
        postcode: '1097AB',
        woonplaats: 'Amsterdam',
        gemeenteCode: 'GM0363',
      },
      regio: 'eigen',
      gemeenteCode: 'GM0363',
      betrokkenen: [
        {
          persoon: {
            voornamen: 'Iris',
            achternaam: 'Termijntest',
            geboortedatum: '19900101',
            geslacht: 'V',
            postcode: '1097AB',
            huisnummer: '401',
          },
          rol: 'slachtoffer',
        },
      ],
      aanleiding: ['partnergeweld'],
      aard: ['psychisch_geweld'],
      omschrijving: 'Huisarts meldt zorgen over spanningen thuis; test van de termijnen.',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.meldingId;
    const due = async () =>
      (await sql<any>`select termijn_sortering::text as d from melding where id = ${id}`.execute(env.database.db))
        .rows[0].d;
    expect(await due()).toBe('2026-04-30');

    const add = await beheer.post('/api/beheer/gelijkgestelde-dagen', {
      datum: '2026-04-24',
      naam: 'Brugdag na overleg',
    });
    expect(add.status, JSON.stringify(add.body)).toBe(200);
    expect(await due()).toBe('2026-05-01');
    for (const day of ['2026-04-24', '2026-04-29', '2026-04-30', '2026-05-01']) {
      const { stored, computed } = await compare(day);
      expect(stored, day).toEqual(computed);
    }
    const del = await beheer.del('/api/beheer/gelijkgestelde-dagen/2026-04-24');
    expect(del.status).toBe(200);
    expect(del.body.dagen.map((d: any) => d.datum)).not.toContain('2026-04-24');
    expect(await due()).toBe('2026-04-30');
    expect((await beheer.del('/api/beheer/gelijkgestelde-dagen/2026-04-24')).status).toBe(404);
    const bad = await beheer.del('/api/beheer/gelijkgestelde-dagen/24-04-2026');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('datum');
    expect((await bo.del('/api/beheer/gelijkgestelde-dagen/2026-04-24')).status).toBe(403);
  });
});
