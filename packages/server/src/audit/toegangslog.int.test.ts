// The NEN 7513 access log's integrity (issues 10, 11 and 18):
// - a change and the entry that records it commit together: with the log write failing, nothing is
//   changed and the user gets an honest 503; a read shows no data without its entry;
// - writers use keyed chains (one head row each), a transaction stays on one chain, and on a
//   PostgreSQL server a writer is not held up by another writer's open transaction;
// - `verify` finds what an unkeyed single chain missed: truncation, removal of the newest entries,
//   a rewrite re-chained without the audit key (or with another one), a rewritten legacy prefix,
//   a forged anchor; TRUNCATE itself is refused;
// - entries from before migration 016 (the unkeyed chain, with a retention anchor) still verify.
import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configureAuditKey } from '../crypto/auditsleutel.ts';
import { openDatabase, type Db } from '../db/index.ts';
import { MIGRATIONS } from '../db/migrate.ts';
import { inVerzoekTransactie } from '../db/verzoektransactie.ts';
import { buildScenario, versie, type Scenario } from '../privacy/testfixture.ts';
import { migrate } from '../startup.ts';
import { createTestEnv, testDatabaseKind, type TestEnv } from '../testing.ts';
import { TEST_AUDIT_KEY } from '../testing-template.ts';
import { laatsteSignedAnchor, schrijfAnker } from './anker.ts';
import { anchorHash, entryHash, GENESIS_HASH, verifyAccessLog, writeAccessLog, type AuditEntry } from './index.ts';

let env: TestEnv;
let s: Scenario;
const db = () => env.database.db;
const ROLLBACK = new Error('rollback');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'vd-ankers-'));

/** Tamper inside a transaction that is rolled back afterwards; returns what `f` found. */
async function teruggedraaid<T>(f: (tx: Db) => Promise<T>): Promise<T> {
  let out!: T;
  await db()
    .transaction()
    .execute(async (tx) => {
      out = await f(tx);
      throw ROLLBACK;
    })
    .catch((e) => {
      if (e !== ROLLBACK) throw e;
    });
  return out;
}

const count = async (q: ReturnType<typeof sql<{ n: number }>>, d: Db = db()) => (await q.execute(d)).rows[0]!.n;
const lastLogId = async () =>
  Number((await sql<{ id: number | null }>`select max(id) as id from access_log`.execute(db())).rows[0]!.id ?? 0);

const entry = (purpose: string): AuditEntry => ({
  userId: null,
  clientIds: [1],
  action: 'read',
  objectType: 'test',
  objectId: null,
  purpose,
  route: 'test',
  outcome: 'success',
});

beforeAll(async () => {
  env = await createTestEnv();
  s = await buildScenario(env, 73_000);
});
afterAll(async () => {
  await env?.close();
});

describe('a change and its access-log entry commit together', () => {
  const kapot = async () => {
    await sql
      .raw(
        `create or replace function vd_test_log_kapot() returns trigger language plpgsql as $$
                   begin raise exception 'toegangslog tijdelijk onbereikbaar'; end $$`,
      )
      .execute(db());
    await sql`create trigger vd_test_log_kapot before insert on access_log for each row execute function vd_test_log_kapot()`.execute(
      db(),
    );
  };
  const heel = () => sql`drop trigger vd_test_log_kapot on access_log`.execute(db());
  const behandelaar = async () =>
    (await sql<{ b: number | null }>`select behandelaar_id as b from melding where id = ${s.meldingA}`.execute(db()))
      .rows[0]!.b;

  it('with the log write failing: 503 toegangslog_onbeschikbaar, the toewijzing is not saved, no entry', async () => {
    const manager = await env.as('manager');
    const bo2 = env.users.get('backoffice2')!;
    const v = await versie(s.bo, s.casusId);
    const before = await behandelaar();
    expect(before).not.toBe(bo2);
    const logBefore = await lastLogId();
    const meldingen = await count(sql`select count(*)::int as n from melding`);
    await kapot();
    try {
      const r = await manager.post(`/api/meldingen/${s.meldingA}/toewijzen`, { versie: v, behandelaarId: bo2 });
      expect(r.status, JSON.stringify(r.body)).toBe(503);
      expect(r.body).toMatchObject({
        error: 'toegangslog_onbeschikbaar',
        message: expect.stringMatching(/^De wijziging is niet opgeslagen: het toegangslog is niet beschikbaar/),
      });
      expect(await behandelaar()).toBe(before);
      // A new melding (several use-case transactions) is not half-written either.
      const m = await s.bo.post('/api/meldingen', {
        binnenkomst: 'telefoon',
        melder: {
          hoedanigheid: 'buurtbewoner',
          naam: 'Anna de Wit',
          telefoon: '0205550199',
          wilOnbekendBlijven: false,
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
        betrokkenen: [{ persoonId: s.samira, rol: 'slachtoffer' }],
        aanleiding: ['km_anders'],
        aard: ['psychisch_geweld'],
        omschrijving: 'Buurvrouw hoort opnieuw ruzie.',
      });
      expect(m.status, JSON.stringify(m.body)).toBe(503);
      expect(await count(sql`select count(*)::int as n from melding`)).toBe(meldingen);
      // A read of personal data: nothing leaves without its entry.
      const g = await s.gw.get(`/api/casussen/${s.casusId}`);
      expect(g.status).toBe(503);
      expect(g.body).toMatchObject({
        error: 'toegangslog_onbeschikbaar',
        message: expect.stringMatching(/niet getoond/),
      });
      expect(JSON.stringify(g.body)).not.toMatch(/Bennani/);
    } finally {
      await heel();
    }
    expect(await lastLogId()).toBe(logBefore);
    // With the log back, the same request succeeds and is logged.
    const r = await manager.post(`/api/meldingen/${s.meldingA}/toewijzen`, { versie: v, behandelaarId: bo2 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(await behandelaar()).toBe(bo2);
    const rows = (await sql<any>`select * from access_log where id > ${logBefore} order by id`.execute(db())).rows;
    expect(rows.map((x) => [x.route, x.outcome])).toContainEqual(['POST /api/meldingen/:id/toewijzen', 'success']);
    expect((await verifyAccessLog(db())).ok).toBe(true);
  });

  it('a refused change (409) gets its answer and a failure entry in the same transaction', async () => {
    const logBefore = await lastLogId();
    const r = await s.bo.post(`/api/meldingen/${s.meldingA}/toewijzen`, { versie: 1, behandelaarId: s.bo.userId });
    expect(r.status).toBe(409);
    const rows = (await sql<any>`select * from access_log where id > ${logBefore}`.execute(db())).rows;
    expect(rows.map((x) => x.outcome)).toEqual(['failure']);
  });
});

describe('keyed chains', () => {
  it('a transaction writes all its entries to one chain; positions run on; every chain verifies', async () => {
    const before = await lastLogId();
    // As in a request: the writes are savepoints in one transaction (db/verzoektransactie.ts).
    await inVerzoekTransactie(db(), async (rdb) => {
      await writeAccessLog(rdb, [entry('a')]);
      await writeAccessLog(rdb, [entry('b'), entry('c')]);
    });
    const rows = (
      await sql<{
        keten: number;
        volgnr: number;
      }>`select keten, volgnr from access_log where id > ${before} order by id`.execute(db())
    ).rows;
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.keten)).size).toBe(1);
    expect(rows[0]!.keten).toBeGreaterThanOrEqual(1);
    expect(rows.map((r) => Number(r.volgnr) - Number(rows[0]!.volgnr))).toEqual([0, 1, 2]);
    const head = (await sql<any>`select * from access_log_keten where keten = ${rows[0]!.keten}`.execute(db())).rows[0];
    expect(Number(head.volgnr)).toBe(Number(rows[2]!.volgnr));
    const v = await verifyAccessLog(db());
    expect(v).toMatchObject({ ok: true, ketens: 17 });
    expect(v.checked).toBe(await count(sql`select count(*)::int as n from access_log`));
  });

  it.runIf(testDatabaseKind() === 'postgresql')(
    'on a PostgreSQL server a writer is not held up by another writer’s open transaction (another chain)',
    async () => {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let firstChain = 0;
      const locked = new Promise<void>((ready) => {
        void inVerzoekTransactie(db(), async (tx) => {
          await writeAccessLog(tx, [entry('lang open')]);
          firstChain = Number(
            (await sql<{ k: string }>`select current_setting('voordeur.toegangslog_keten') as k`.execute(tx)).rows[0]!
              .k,
          );
          ready();
          await held;
        });
      });
      await locked;
      // Under the old single lock this write would wait for the open transaction above.
      const before = await lastLogId();
      await writeAccessLog(db(), [entry('ondertussen')]);
      const k = (await sql<{ keten: number }>`select keten from access_log where id > ${before}`.execute(db()))
        .rows[0]!;
      expect(k.keten).not.toBe(firstChain);
      release();
      await new Promise((r) => setTimeout(r, 50));
      expect((await verifyAccessLog(db())).ok).toBe(true);
    },
  );
});

describe('tampering that verify finds', () => {
  let dir: string;
  beforeAll(async () => {
    // Some activity, then a signed anchor of the heads.
    expect((await s.gw.get(`/api/casussen/${s.casusId}`)).status).toBe(200);
    dir = tmp();
    await schrijfAnker(db(), dir);
  });

  it('the anchor file is signed and verify reaches it', async () => {
    const a = await laatsteSignedAnchor(dir);
    expect(a!.anker.ketens).toHaveLength(17);
    expect(a!.anker.handtekening).toMatch(/^[0-9a-f]{64}$/);
    expect((fs.statSync(a!.file).mode & 0o777).toString(8)).toBe('600');
    const v = await verifyAccessLog(db(), { ankerDir: dir });
    expect(v).toMatchObject({ ok: true, signedAnchor: { file: a!.file } });
    // Without any anchor, keyed entries are a finding (truncation cannot be ruled out).
    expect(await verifyAccessLog(db(), { ankerDir: tmp() })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/no signed anchor/),
    });
  });

  it('TRUNCATE is refused by the database', async () => {
    await expect(teruggedraaid((tx) => sql`truncate access_log`.execute(tx))).rejects.toThrow(/cannot be truncated/);
    await expect(teruggedraaid((tx) => sql`truncate access_log_keten`.execute(tx))).rejects.toThrow(
      /cannot be truncated/,
    );
  });

  it('truncation by the owner, heads reset too: found against the signed anchor', async () => {
    const v = await teruggedraaid(async (tx) => {
      await sql`alter table access_log disable trigger access_log_no_truncate`.execute(tx);
      await sql`alter table access_log_keten disable trigger access_log_keten_guard`.execute(tx);
      await sql`truncate access_log`.execute(tx);
      await sql`update access_log_keten set volgnr = 0, hash = ${GENESIS_HASH}`.execute(tx);
      return { zonder: await verifyAccessLog(tx), met: await verifyAccessLog(tx, { ankerDir: dir }) };
    });
    // The unkeyed single chain reported "0 entries checked, intact" here.
    expect(v.zonder).toMatchObject({ ok: true, checked: 0 });
    expect(v.met).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/entries removed \(truncation or tail deletion\)/),
    });
  });

  it('removing the newest entries: found by the head, and against the anchor when the head is moved back', async () => {
    const v = await teruggedraaid(async (tx) => {
      const { keten, volgnr } = (
        await sql<{
          keten: number;
          volgnr: number;
        }>`select keten, volgnr from access_log_keten where volgnr > 2 order by volgnr desc limit 1`.execute(tx)
      ).rows[0]!;
      await sql`alter table access_log disable trigger access_log_no_change`.execute(tx);
      await sql`delete from access_log where keten = ${keten} and volgnr > ${Number(volgnr) - 2}`.execute(tx);
      const headOnly = await verifyAccessLog(tx);
      const last = (
        await sql<{
          hash: string;
        }>`select hash from access_log where keten = ${keten} and volgnr = ${Number(volgnr) - 2}`.execute(tx)
      ).rows[0]!;
      await sql`alter table access_log_keten disable trigger access_log_keten_guard`.execute(tx);
      await sql`update access_log_keten set volgnr = ${Number(volgnr) - 2}, hash = ${last.hash} where keten = ${keten}`.execute(
        tx,
      );
      return { headOnly, zonder: await verifyAccessLog(tx), met: await verifyAccessLog(tx, { ankerDir: dir }) };
    });
    expect(v.headOnly).toMatchObject({ ok: false, problem: expect.stringMatching(/its head records/) });
    expect(v.zonder.ok).toBe(true);
    expect(v.met).toMatchObject({ ok: false, problem: expect.stringMatching(/entries removed/) });
  });

  it('rewriting an entry and re-chaining from there without the audit key (unkeyed, or another key)', async () => {
    for (const rechain of [
      (c: string) => createHash('sha256').update(c).digest('hex'),
      (c: string) => createHmac('sha256', Buffer.alloc(32, 1)).update(c).digest('hex'),
    ]) {
      const v = await teruggedraaid(async (tx) => {
        const rows = (
          await sql<any>`select * from access_log where keten = (select keten from access_log where client_ids @> array[${s.samira}]::int[] and keten > 0 order by id desc limit 1) order by volgnr`.execute(
            tx,
          )
        ).rows;
        const victim = rows.findIndex((r) => r.client_ids.includes(s.samira));
        await sql`alter table access_log disable trigger access_log_no_change`.execute(tx);
        await sql`alter table access_log_keten disable trigger access_log_keten_guard`.execute(tx);
        let prev = rows[victim].prev_hash as string;
        for (const r of rows.slice(victim)) {
          const clientIds = r === rows[victim] ? [] : r.client_ids;
          const c = JSON.stringify([
            prev,
            r.keten,
            Number(r.volgnr),
            new Date(r.at).toISOString(),
            r.user_id,
            r.on_behalf_of,
            clientIds,
            r.action,
            r.object_type,
            r.object_id,
            r.purpose,
            r.route,
            r.outcome,
          ]);
          const h = rechain(c);
          await sql`update access_log set client_ids = ${clientIds}, prev_hash = ${prev}, hash = ${h} where id = ${r.id}`.execute(
            tx,
          );
          prev = h;
        }
        await sql`update access_log_keten set hash = ${prev} where keten = ${rows[0].keten}`.execute(tx);
        return { v: await verifyAccessLog(tx), id: Number(rows[victim].id) };
      });
      expect(v.v).toMatchObject({ ok: false, firstBadId: v.id, problem: expect.stringMatching(/altered/) });
    }
  });

  it('a forged or edited anchor file, and verification under another audit key, are refused', async () => {
    const forged = tmp();
    const a = (await laatsteSignedAnchor(dir))!;
    const edited = { ...a.anker, ketens: a.anker.ketens.map((k) => ({ ...k, volgnr: 0, hash: GENESIS_HASH })) };
    fs.writeFileSync(path.join(forged, path.basename(a.file)), JSON.stringify(edited));
    expect(await verifyAccessLog(db(), { ankerDir: forged })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/signature does not match/),
    });
    configureAuditKey(Buffer.alloc(32, 3));
    try {
      expect(await verifyAccessLog(db(), { ankerDir: dir })).toMatchObject({
        ok: false,
        problem: expect.stringMatching(/another audit key/),
      });
      expect(await verifyAccessLog(db())).toMatchObject({
        ok: false,
        problem: expect.stringMatching(/under the audit key/),
      });
    } finally {
      configureAuditKey(TEST_AUDIT_KEY);
    }
    expect((await verifyAccessLog(db(), { ankerDir: dir })).ok).toBe(true);
  });
});

describe('entries from before migration 016', () => {
  it('keep their unkeyed chain (chain 0, after a retention anchor) and verify; a rewrite of them is found by the anchor', async () => {
    const database = await openDatabase({ databaseUrl: null, dataDir: 'memory://' });
    try {
      const d = database.db;
      await sql`create table schema_migration (name text primary key, applied_at timestamptz not null default now())`.execute(
        d,
      );
      for (const m of MIGRATIONS.filter((x) => x.name < '016')) {
        for (const stmt of m.up) await sql.raw(stmt).execute(d);
        await sql`insert into schema_migration (name) values (${m.name})`.execute(d);
      }
      // The log as 015 wrote it: 3 entries 8 years old (purged under an anchor), 2 recent ones.
      let prev = GENESIS_HASH;
      const hashes: string[] = [];
      for (let i = 0; i < 5; i++) {
        const at = new Date(Date.now() - (i < 3 ? 8 * 365 : 1) * 86_400_000 + i * 1000).toISOString();
        const e = {
          at,
          userId: null,
          onBehalfOf: null,
          clientIds: [i],
          action: 'read',
          objectType: 'casus',
          objectId: String(i),
          purpose: 'oud',
          route: 'GET /api/casussen/:id',
          outcome: 'success',
        };
        const hash = entryHash(prev, e);
        await sql`insert into access_log (at, user_id, on_behalf_of, client_ids, action, object_type, object_id, purpose, route, outcome, prev_hash, hash)
                  values (${at}, null, null, ${[i]}, 'read', 'casus', ${String(i)}, 'oud', 'GET /api/casussen/:id', 'success', ${prev}, ${hash})`.execute(
          d,
        );
        hashes.push(hash);
        prev = hash;
      }
      const first = (await sql<any>`select min(at) as a, max(at) as b from access_log where id <= 3`.execute(d))
        .rows[0];
      const anker = {
        prevHash: GENESIS_HASH,
        firstId: 1,
        lastId: 3,
        lastHash: hashes[2]!,
        aantal: 3,
        firstAt: new Date(first.a).toISOString(),
        lastAt: new Date(first.b).toISOString(),
        archiefSha256: null,
      };
      await sql`insert into access_log_anker (first_id, last_id, last_hash, aantal, first_at, last_at, archief_sha256, prev_hash, hash)
                values (1, 3, ${anker.lastHash}, 3, ${anker.firstAt}, ${anker.lastAt}, null, ${GENESIS_HASH}, ${anchorHash(anker)})`.execute(
        d,
      );
      await sql`delete from access_log where id <= 3`.execute(d);

      expect((await migrate(d)).applied).toContain('016_toegangslog_ketens');
      expect(
        (await sql<any>`select keten, volgnr from access_log order by id`.execute(d)).rows.map((r) => [
          r.keten,
          Number(r.volgnr),
        ]),
      ).toEqual([
        [0, 4],
        [0, 5],
      ]);
      expect(await verifyAccessLog(d)).toMatchObject({ ok: true, checked: 2, anchor: { lastId: 3 } });
      await writeAccessLog(d, [entry('na de migratie')]);
      const dir = tmp();
      await schrijfAnker(d, dir);
      expect(await verifyAccessLog(d, { ankerDir: dir })).toMatchObject({ ok: true, checked: 3 });
      expect(
        (await sql<any>`select keten from access_log order by id desc limit 1`.execute(d)).rows[0].keten,
      ).toBeGreaterThan(0);

      // Someone rewrites a legacy entry and recomputes the unkeyed chain: the chain walk is fine,
      // the signed anchor (which recorded chain 0's head) is not.
      const r5 = (await sql<any>`select * from access_log where keten = 0 and volgnr = 5`.execute(d)).rows[0];
      const h = entryHash(r5.prev_hash, {
        at: new Date(r5.at).toISOString(),
        userId: null,
        onBehalfOf: null,
        clientIds: [],
        action: 'read',
        objectType: 'casus',
        objectId: r5.object_id,
        purpose: 'oud',
        route: 'GET /api/casussen/:id',
        outcome: 'success',
      });
      await sql`alter table access_log disable trigger access_log_no_change`.execute(d);
      await sql`update access_log set client_ids = '{}', hash = ${h} where id = ${r5.id}`.execute(d);
      await sql`alter table access_log_keten disable trigger access_log_keten_guard`.execute(d);
      await sql`update access_log_keten set hash = ${h} where keten = 0`.execute(d);
      expect((await verifyAccessLog(d)).ok).toBe(true);
      expect(await verifyAccessLog(d, { ankerDir: dir })).toMatchObject({
        ok: false,
        firstBadId: Number(r5.id),
        problem: expect.stringMatching(/differs from the signed anchor/),
      });
    } finally {
      await database.close();
    }
  }, 240_000);
});
