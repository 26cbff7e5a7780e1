// Melder protection (Uitvoeringsbesluit Wmo 2015 art. 4.1.8 lid 3) through the API: the
// disclosure decision with its ground, who and when, under the casus version; and the leak
// search: every GET route of the server (from allRoutes(), so a new route is covered
// automatically) is called as every role that may call it, and every export, print and inzage
// document is produced as JSON and PDF; the output is searched for the protected melders' names,
// organisation, phone numbers and e-mail addresses. Only the casus screen for roles that may read
// the melder shows the identity, and each such view is in the access log with its purpose.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DEMO_USERS } from '../demo/demo.ts';
import type { RouteDef } from '../http/route.ts';
import { decide, type Action, type Resource } from '../policy/index.ts';
import { allRoutes } from '../routes.ts';
import { createTestEnv, type TestClient, type TestEnv } from '../testing.ts';
import { pdfText, readPdf } from '../testing-pdf.ts';
import { BURGER_MELDER, buildScenario, MELDER_NEEDLES, PROF_MELDER, versie, type Scenario } from './testfixture.ts';

let env: TestEnv;
let s: Scenario;
let privacy: TestClient;
let inzageSamira: number;
let inzageYara: number;
let vvKarim: number;

const key = (r: RouteDef) => `${r.method} ${r.url}`;
const lastLogId = async () =>
  Number(
    (await sql<{ id: number | null }>`select max(id) as id from access_log`.execute(env.database.db)).rows[0]!.id ?? 0,
  );
const logSince = async (id: number) =>
  (await sql<any>`select * from access_log where id > ${id} order by id`.execute(env.database.db)).rows;

/** The melder identity found in a text: each needle that occurs (names case-insensitively, numbers with any separators). */
function leaks(text: string): string[] {
  const found: string[] = [];
  for (const w of MELDER_NEEDLES.words) if (new RegExp(w, 'i').test(text)) found.push(w);
  for (const e of MELDER_NEEDLES.emails) if (text.toLowerCase().includes(e.toLowerCase())) found.push(e);
  // Digits with up to three non-alphanumeric characters between them (spaces, dashes, JSON quotes).
  for (const n of MELDER_NEEDLES.numbers)
    if (new RegExp(n.split('').join('[^0-9A-Za-z]{0,3}')).test(text)) found.push(n);
  return found;
}

/** What a reader of the response sees: the JSON text, or the text of a PDF. */
async function readable(body: unknown): Promise<string> {
  if (Buffer.isBuffer(body)) return pdfText(body);
  return typeof body === 'string' ? body : JSON.stringify(body);
}

beforeAll(async () => {
  // The leak search calls every export route as every role allowed (the privacy officer also makes
  // the CBS delivery): the per-user export limit (http/ratelimit tests) is set out of the way.
  env = await createTestEnv({ config: { rateExportPerHour: 10_000 } });
  s = await buildScenario(env);
  privacy = await env.as('privacy');
  // Requests whose documents are part of the search: Samira (decided), Yara (decided, by a parent).
  const a = await privacy.post(`/api/personen/${s.samira}/inzageverzoeken`, {
    soort: 'afschrift',
    verzoekerRelatie: 'betrokkene',
    ontvangenOp: '2026-01-05',
  });
  expect(a.status, JSON.stringify(a.body)).toBe(201);
  inzageSamira = a.body.id;
  expect((await privacy.post(`/api/inzageverzoeken/${inzageSamira}/besluit`, { besluit: 'toegewezen' })).status).toBe(
    200,
  );
  const y = await privacy.post(`/api/personen/${s.yara}/inzageverzoeken`, {
    soort: 'inzage',
    verzoekerRelatie: 'wettelijk_vertegenwoordiger',
    verzoekerNaam: 'Samira Bennani',
    ontvangenOp: '2026-01-05',
  });
  expect(y.status, JSON.stringify(y.body)).toBe(201);
  inzageYara = y.body.id;
  expect(
    (
      await privacy.post(`/api/inzageverzoeken/${inzageYara}/besluit`, {
        besluit: 'deels_toegewezen',
        weigeringsgronden: ['bescherming_ander'],
        motivering: 'Gegevens over de vader blijven buiten het afschrift.',
      })
    ).status,
  ).toBe(200);
  const v = await privacy.post(`/api/personen/${s.karim}/vernietigingsverzoeken`, {
    verzoekerRelatie: 'betrokkene',
    ontvangenOp: '2026-01-05',
  });
  expect(v.status, JSON.stringify(v.body)).toBe(201);
  vvKarim = v.body.id;
});
afterAll(async () => {
  await env?.close();
});

describe('the disclosure decision (POST /api/meldingen/:id/melder-openbaarheid)', () => {
  it('is refused with a ground that does not fit the melder: a neighbour only by consent, a professional only on the grounds of lid 3', async () => {
    const v = await versie(s.bo, s.casusId);
    const burger = await s.bo.post(`/api/meldingen/${s.meldingA}/melder-openbaarheid`, {
      versie: v,
      grond: 'gevaar_melder',
    });
    expect(burger.status).toBe(400);
    expect(burger.body.fields).toEqual([expect.objectContaining({ field: 'grond', rule: 'hoedanigheid' })]);
    const prof = await s.bo.post(`/api/meldingen/${s.meldingB}/melder-openbaarheid`, {
      versie: v,
      grond: 'toestemming_melder',
      toestemming: true,
    });
    expect(prof.status).toBe(400);
    const noConsentAnswer = await s.bo.post(`/api/meldingen/${s.meldingA}/melder-openbaarheid`, {
      versie: v,
      grond: 'toestemming_melder',
    });
    expect(noConsentAnswer.status).toBe(400);
    expect(noConsentAnswer.body.fields).toEqual([expect.objectContaining({ field: 'toestemming' })]);
    // Disclosure of a melder who asked to stay unknown needs a reason.
    const unexplained = await s.bo.post(`/api/meldingen/${s.meldingA}/melder-openbaarheid`, {
      versie: v,
      grond: 'toestemming_melder',
      toestemming: true,
    });
    expect(unexplained.status).toBe(400);
    expect(unexplained.body.fields).toEqual([expect.objectContaining({ field: 'toelichting', rule: 'verplicht' })]);
    expect(await versie(s.bo, s.casusId)).toBe(v);
    expect(
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from melder_openbaarheid where melding_id = ${s.meldingA}`.execute(env.database.db)
      ).rows[0]!.n,
    ).toBe(0);
  });

  it('checks the casus version (409 with the current one) and bumps it in the same transaction', async () => {
    const v = await versie(s.bo, s.casusId);
    const stale = await s.bo.post(`/api/meldingen/${s.meldingA}/melder-openbaarheid`, {
      versie: v - 1,
      grond: 'toestemming_melder',
      toestemming: false,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: 'versie_conflict', currentVersion: v });
    const before = await lastLogId();
    const ok = await s.bo.post(`/api/meldingen/${s.meldingA}/melder-openbaarheid`, {
      versie: v,
      grond: 'toestemming_melder',
      toestemming: false,
      toelichting: 'Melder wil uitdrukkelijk onbekend blijven.',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({
      meldingId: s.meldingA,
      casusId: s.casusId,
      versie: v + 1,
      melderBeschermd: true,
      openbaarheid: {
        openbaar: false,
        grond: 'toestemming_melder',
        toestemming: false,
        beslotenDoor: { id: s.bo.userId },
      },
    });
    // The answer carries the decision, never the identity.
    expect(leaks(JSON.stringify(ok.body))).toEqual([]);
    const rows = await logSince(before);
    expect(rows, JSON.stringify(rows)).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'change',
      object_type: 'melder',
      object_id: String(s.meldingA),
      outcome: 'success',
      user_id: s.bo.userId,
    });
    expect(rows[0].purpose).toMatch(/openbaarheid melder/);
    expect([...rows[0].client_ids].sort()).toEqual([s.samira, s.yara].sort());
    expect(await versie(s.bo, s.casusId)).toBe(v + 1);
  });

  it('the history keeps every decision with who and when; the casus shows the current one and whether the melder is protected', async () => {
    const h = await s.bo.get(`/api/meldingen/${s.meldingA}/melder-openbaarheid`);
    expect(h.status).toBe(200);
    expect(h.body.historie.map((x: any) => [x.grond, x.openbaar, x.beslotenDoor.naam])).toEqual([
      ['toestemming_melder', false, 'Youssef El Idrissi'],
    ]);
    expect(h.body.melderBeschermd).toBe(true);
    const c = await s.bo.get(`/api/casussen/${s.casusId}`);
    const b = c.body.meldingen.find((m: any) => m.id === s.meldingB);
    expect(b.melderBeschermd).toBe(true);
    expect(b.melderOpenbaarheid).toMatchObject({
      openbaar: false,
      grond: 'gevaar_slachtoffer',
      grondLabel: expect.stringMatching(/slachtoffer/),
    });
    // Case workers with the melder right still see the identity on screen (to give feedback).
    expect(b.melder).toMatchObject({ naam: PROF_MELDER.naam, telefoon: PROF_MELDER.telefoon });
  });
});

describe('leak search: no route, export, print or inzage document shows a protected melder', () => {
  const ROUTES = allRoutes();
  const GETS = ROUTES.filter((r) => r.method === 'GET');

  // GET routes that cannot answer 2xx in a test database, with the reason; their answers are searched all the same.
  const NOT_EXERCISABLE: Record<string, string> = {
    'GET /api/sso/start':
      'single sign-on is not configured in the test database (404); it only redirects to the identity provider',
    'GET /api/sso/callback': 'single sign-on is not configured in the test database (404)',
    'GET /api/metrics':
      'no metrics token is configured in the test (404); the metrics hold counts and timings, no personal data (metrics.int.test.ts)',
  };
  const DRAFT_KEY = 'intake-privacytest';
  const pathValues: Record<string, string> = { sleutel: DRAFT_KEY, versie: 'v1-2015' };

  function idsFor(url: string): number[] {
    if (url.startsWith('/api/casussen/')) return [s.casusId];
    if (url.startsWith('/api/meldingen/')) return [s.meldingA, s.meldingB];
    if (url.startsWith('/api/personen/')) return [s.samira, s.yara, s.karim];
    if (url.startsWith('/api/adviesvragen/')) return [s.adviesvraagId];
    if (url.startsWith('/api/inzageverzoeken/')) return [inzageSamira, inzageYara];
    if (url.startsWith('/api/vernietigingsverzoeken/')) return [vvKarim];
    // A route added later: try every id of the scenario.
    return [
      ...new Set([
        s.casusId,
        s.meldingA,
        s.meldingB,
        s.samira,
        s.yara,
        s.karim,
        s.adviesvraagId,
        inzageSamira,
        inzageYara,
        vvKarim,
      ]),
    ];
  }

  /** Query strings for a route: required parameters filled sensibly, every value of enum "formaat"/"concept". */
  function queriesFor(r: RouteDef): string[] {
    if (!r.query) return [''];
    const js = z.toJSONSchema(r.query, { io: 'input', unrepresentable: 'any' }) as any;
    const props: Record<string, any> =
      js.properties ?? Object.assign({}, ...(js.allOf ?? []).map((x: any) => x.properties ?? {}));
    const required = new Set<string>(js.required ?? []);
    const today = env.clock.now.toISOString().slice(0, 10);
    const known: Record<string, string> = {
      q: s.casusNummer,
      persoonIds: [s.samira, s.yara, s.karim].join(','),
      postcode: '1091GR',
      huisnummer: '150',
      bsn: s.samiraBsn,
      naam: 'Bennani',
      persoonId: String(s.samira),
      team: 'alle',
      jaar: today.slice(0, 4),
      halfjaar: `${today.slice(0, 4)}H1`,
    };
    const base: Record<string, string> = {};
    const variants: Array<[string, string[]]> = [];
    for (const [name, p] of Object.entries(props)) {
      const values: string[] | undefined = p.enum ?? p.anyOf?.find((x: any) => x.enum)?.enum;
      if ((name === 'formaat' || name === 'concept' || name === 'status') && values)
        variants.push([name, values.map(String)]);
      else if (known[name] !== undefined) base[name] = known[name]!;
      else if (required.has(name))
        base[name] = values
          ? String(values[0])
          : p.type === 'integer' || p.type === 'number'
            ? '1'
            : p.format === 'date' || /datum|van|tot|dag/.test(name)
              ? today
              : 'a';
    }
    let out = [base];
    for (const [name, values] of variants) out = out.flatMap((b) => values.map((v) => ({ ...b, [name]: v })));
    return out.map((q) => new URLSearchParams(q).toString());
  }

  const clients = new Map<string, TestClient>();
  const as = async (u: string) => clients.get(u) ?? clients.set(u, await env.as(u)).get(u)!;

  it('searches the output of every GET route for every role that may call it', async () => {
    // A case worker's intake draft that holds a melder's name: only that case worker may get it back.
    const draft = await s.bo.put(`/api/concepten/${DRAFT_KEY}`, {
      inhoud: { melder: { naam: BURGER_MELDER.naam } },
      persoonIds: [s.samira],
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    const okPerRoute = new Map<string, number>();
    const found: string[] = [];
    const melderViews: Array<{ user: string; logId: number }> = [];
    let calls = 0;
    for (const r of GETS) {
      const isPublic = 'public' in r.policy;
      const users = isPublic
        ? [DEMO_USERS[0]!]
        : DEMO_USERS.filter(
            (u) =>
              decide(
                { id: 0, rollen: u.rollen },
                (r.policy as any).resource as Resource,
                (r.policy as any).action as Action,
              ).allow,
          );
      for (const u of users) {
        const client = await as(u.gebruikersnaam);
        for (const id of r.url.includes(':id') ? idsFor(r.url) : [0]) {
          for (const q of queriesFor(r)) {
            const path = r.url
              .replace(':id', String(id))
              .replace(/:([A-Za-z]+)/g, (_, p: string) => pathValues[p] ?? 'x');
            const url = `${path}${q ? `?${q}` : ''}`;
            const before = await lastLogId();
            const res = await client.get(url);
            calls++;
            const seen = await readable(res.body);
            expect(res.status, `${u.gebruikersnaam} GET ${url}: ${seen.slice(0, 300)}`).toBeLessThan(500);
            if (res.status < 400 || NOT_EXERCISABLE[key(r)]) okPerRoute.set(key(r), (okPerRoute.get(key(r)) ?? 0) + 1);
            const hits = leaks(seen);
            if (!hits.length) continue;
            // The one place the identity may be shown: the casus screen, to roles with the melder right.
            // (And a user's own draft, holding what that user typed.)
            if (key(r) === 'GET /api/concepten/:sleutel' && u.gebruikersnaam === 'backoffice') continue;
            const mayShow =
              key(r) === 'GET /api/casussen/:id' && decide({ id: 0, rollen: u.rollen }, 'melder', 'read').allow;
            if (mayShow) melderViews.push({ user: u.gebruikersnaam, logId: before });
            else found.push(`${u.gebruikersnaam} GET ${url}: ${hits.join(', ')}`);
          }
        }
      }
    }
    expect(found, 'melder identity leaked').toEqual([]);
    // Every GET route was exercised with at least one successful answer (else its output was never searched).
    const unexercised = GETS.map(key).filter((k) => !okPerRoute.get(k));
    expect(
      unexercised,
      'GET routes without a 2xx/3xx answer: give them sensible parameters in queriesFor/idsFor/pathValues',
    ).toEqual([]);
    expect(
      Object.keys(NOT_EXERCISABLE).filter((k) => !GETS.some((r) => key(r) === k)),
      'stale NOT_EXERCISABLE entries',
    ).toEqual([]);
    expect(calls).toBeGreaterThan(GETS.length);
    // The search is not vacuous: the casus screen of a case worker does show the melders, and
    // every such view is logged with the melder named in its purpose.
    expect(melderViews.map((m) => m.user)).toEqual(
      expect.arrayContaining(['backoffice', 'bureau', 'gw', 'arts', 'manager']),
    );
    for (const m of melderViews) {
      const rows = (await logSince(m.logId)).filter((x) => x.route === 'GET /api/casussen/:id');
      expect(rows[0], m.user).toMatchObject({ object_type: 'casus', action: 'read', outcome: 'success' });
      expect(rows[0].purpose, m.user).toMatch(/melder/);
    }
  });

  it('inzage documents (JSON and PDF) contain the person and the case but not the melders', async () => {
    for (const id of [inzageSamira, inzageYara]) {
      const json = await privacy.get(`/api/inzageverzoeken/${id}/dossier`);
      expect(json.status).toBe(200);
      expect(leaks(JSON.stringify(json.body))).toEqual([]);
      expect(json.body.meldingen.length).toBeGreaterThan(0);
      for (const m of json.body.meldingen)
        expect(m.melder).toEqual({ afgeschermd: true, toelichting: expect.stringMatching(/4\.1\.8 lid 3/) });
      const pdf = await privacy.get(`/api/inzageverzoeken/${id}/dossier?formaat=pdf`);
      expect(pdf.status).toBe(200);
      const gelezen = await readPdf(pdf.body);
      expect(gelezen.pages).toBeGreaterThan(0);
      const text = gelezen.text.replace(/\s+/g, ' ');
      expect(text).toContain('Bennani');
      expect(text).toMatch(/hoort bijna dagelijks ruzie/);
      expect(leaks(text)).toEqual([]);
      expect(leaks(await pdfText(pdf.body))).toEqual([]);
    }
  });

  it('a print of the casus (JSON and PDF) and the access-log export leave the melders out', async () => {
    const a = await s.bo.get(`/api/casussen/${s.casusId}/afdruk`);
    expect(a.status).toBe(200);
    expect(a.body.meldingen.map((m: any) => m.melder)).toEqual([null, null]);
    expect(JSON.stringify(a.body)).toContain('blauwe plekken bij Samira');
    expect(leaks(JSON.stringify(a.body))).toEqual([]);
    const p = await s.bo.get(`/api/casussen/${s.casusId}/afdruk?formaat=pdf`);
    const gelezen = await pdfText(p.body);
    expect(gelezen.replace(/\s+/g, ' ')).toContain('Wibautstraat 150');
    expect(leaks(gelezen)).toEqual([]);
    const csv = await privacy.get('/api/toegangslog/export');
    expect(csv.status).toBe(200);
    expect(leaks(csv.body)).toEqual([]);
  });

  it('control: after the melder consents to disclosure, the inzage document names her — but never her phone or e-mail', async () => {
    const v = await versie(s.bo, s.casusId);
    const ok = await s.bo.post(`/api/meldingen/${s.meldingA}/melder-openbaarheid`, {
      versie: v,
      grond: 'toestemming_melder',
      toestemming: true,
      toelichting: 'Melder heeft op 5 januari schriftelijk toestemming gegeven.',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.melderBeschermd).toBe(false);
    const d = await privacy.get(`/api/inzageverzoeken/${inzageSamira}/dossier?formaat=pdf`);
    const text = (await pdfText(d.body)).replace(/\s+/g, ' ');
    expect(text).toContain(BURGER_MELDER.naam);
    expect(leaks(text).sort()).toEqual(['Mirjam', 'Quaedvlieg'].sort());
    // The professional melder (decision: danger to the victim) stays protected in the same document.
    expect(text).not.toMatch(/Oosterbeek|Oosterpark/);
    // The print now shows the disclosed melder, and the log says so.
    const before = await lastLogId();
    const a = await s.bo.get(`/api/casussen/${s.casusId}/afdruk`);
    expect(a.body.meldingen.find((m: any) => m.id === s.meldingA).melder).toMatchObject({ naam: BURGER_MELDER.naam });
    expect(a.body.meldingen.find((m: any) => m.id === s.meldingB).melder).toBeNull();
    const rows = await logSince(before);
    expect(rows[0]).toMatchObject({
      action: 'export',
      object_type: 'casus',
      purpose: 'afdruk casus, inclusief melder (openbaar besloten)',
    });
  });
});
