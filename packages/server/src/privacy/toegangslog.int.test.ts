// The NEN 7513 access log for the privacy officer: search with filters and paging, CSV export
// (itself logged as an export), a person's own chronological overview for an inzage request,
// and retention by archive-and-anchor: a dry run first, then a purge that removes only a prefix
// older than the term, after which the chain still verifies from the anchor; the database
// refuses removing anything younger than 5 years or in the middle of the chain.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { anchors, entryHash, GENESIS_HASH, verifyAccessLog } from '../audit/index.ts';
import { logRetentionReport, purgeAccessLog } from '../audit/retention.ts';
import { auditPurgeCommand } from './cli.ts';
import { createTestEnv, type TestClient, type TestEnv } from '../testing.ts';
import { privacyConfig } from './config.ts';
import { readPdf } from '../testing-pdf.ts';
import { buildScenario, type Scenario } from './testfixture.ts';

let env: TestEnv;
let s: Scenario;
let privacy: TestClient;
const YEAR = 365.25 * 24 * 3600 * 1000;
const OLD = 12; // entries 8 years old
const RECENT = 3; // entries 4 years old

const db = () => env.database.db;
const lastLogId = async () =>
  Number((await sql<{ id: number | null }>`select max(id) as id from access_log`.execute(db())).rows[0]!.id ?? 0);
const logSince = async (id: number) =>
  (await sql<any>`select * from access_log where id > ${id} order by id`.execute(db())).rows;
const count = async (t: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t)}`.execute(db())).rows[0]!.n;

/**
 * Entries written years ago (as a database restored from an old installation would hold): the
 * legacy unkeyed chain, chain 0 since migration 016, with its head moved along.
 */
async function appendBackdated(n: number, yearsAgo: number, clientId: number) {
  const head = (
    await sql<{ volgnr: number; hash: string }>`select volgnr, hash from access_log_keten where keten = 0`.execute(db())
  ).rows[0]!;
  let prev = head.hash;
  let volgnr = Number(head.volgnr);
  for (let i = 0; i < n; i++) {
    volgnr++;
    const at = new Date(Date.now() - yearsAgo * YEAR + i * 60_000).toISOString();
    const e = {
      at,
      userId: null,
      onBehalfOf: null,
      clientIds: [clientId],
      action: 'read',
      objectType: 'casus',
      objectId: '1',
      purpose: 'oud',
      route: 'GET /api/casussen/:id',
      outcome: 'success',
    };
    const hash = entryHash(prev, e);
    await sql`insert into access_log (at, user_id, on_behalf_of, client_ids, action, object_type, object_id, purpose, route, outcome, prev_hash, hash, keten, volgnr)
              values (${at}, null, null, ${[clientId]}, 'read', 'casus', '1', 'oud', 'GET /api/casussen/:id', 'success', ${prev}, ${hash}, 0, ${volgnr})`.execute(
      db(),
    );
    prev = hash;
  }
  await sql`update access_log_keten set volgnr = ${volgnr}, hash = ${prev} where keten = 0`.execute(db());
}

beforeAll(async () => {
  env = await createTestEnv();
  // The chain starts with old entries (before anyone logs in, so they form its prefix).
  await appendBackdated(OLD, 8, 1);
  await appendBackdated(RECENT, 4, 1);
  s = await buildScenario(env, 72_000);
  privacy = await env.as('privacy');
});
afterAll(async () => {
  await env?.close();
});

describe('GET /api/toegangslog', () => {
  it('filters by client, user, action, outcome and period; pages newest first with the total', async () => {
    const beleid = await env.as('beleid');
    expect((await beleid.get(`/api/casussen/${s.casusId}`)).status).toBe(403);
    const all = await privacy.get(`/api/toegangslog?persoonId=${s.samira}&limit=500`);
    expect(all.status).toBe(200);
    expect(all.body.totaal).toBe(all.body.items.length);
    expect(all.body.items.length).toBeGreaterThan(3);
    expect(all.body.items.every((i: any) => i.clientIds.includes(s.samira))).toBe(true);
    const ids = all.body.items.map((i: any) => i.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    // Paging walks the same list (reads only: each search adds a 'search' entry naming Samira).
    const reads = (await privacy.get(`/api/toegangslog?persoonId=${s.samira}&actie=read&limit=500`)).body;
    expect(reads.items.length).toBeGreaterThan(3);
    const p1 = await privacy.get(`/api/toegangslog?persoonId=${s.samira}&actie=read&limit=2`);
    const p2 = await privacy.get(`/api/toegangslog?persoonId=${s.samira}&actie=read&limit=2&offset=2`);
    expect([...p1.body.items, ...p2.body.items].map((i: any) => i.id)).toEqual(
      reads.items.slice(0, 4).map((i: any) => i.id),
    );
    expect(p1.body).toMatchObject({ totaal: reads.totaal, limit: 2, offset: 0 });

    const byUser = await privacy.get(`/api/toegangslog?gebruikerId=${s.bo.userId}&actie=create&limit=500`);
    // The two meldingen and the adviesvraag of the scenario.
    expect(byUser.body.items.map((i: any) => i.objectType)).toEqual(['adviesvraag', 'melding', 'melding']);
    expect(
      byUser.body.items.every(
        (i: any) => i.gebruiker.id === s.bo.userId && i.actie === 'create' && i.gebruiker.naam === 'Youssef El Idrissi',
      ),
    ).toBe(true);
    const denied = await privacy.get(`/api/toegangslog?uitkomst=denied&gebruikerId=${beleid.userId}`);
    expect(denied.body.items).toEqual([
      expect.objectContaining({ route: 'GET /api/casussen/:id', uitkomst: 'denied', clientIds: [] }),
    ]);

    const y8 = new Date(Date.now() - 8 * YEAR).toISOString().slice(0, 10);
    const old = await privacy.get(`/api/toegangslog?van=${y8}&tot=${y8}`);
    expect(old.body.totaal).toBe(OLD);
    expect((await privacy.get(`/api/toegangslog?van=2026-02-01&tot=2026-01-01`)).status).toBe(400);
    expect((await privacy.get(`/api/toegangslog?actie=kijken`)).status).toBe(400);
  });

  it('the search is itself logged with its filter and the clients it returned; case workers may not search', async () => {
    const before = await lastLogId();
    const r = await privacy.get(`/api/toegangslog?persoonId=${s.karim}&limit=5`);
    const rows = await logSince(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      user_id: privacy.userId,
      action: 'search',
      object_type: 'toegangslog',
      purpose: `toegangslog doorzoeken: persoonId=${s.karim}`,
      outcome: 'success',
    });
    const returned = new Set<number>([s.karim, ...r.body.items.flatMap((i: any) => i.clientIds)]);
    expect([...rows[0].client_ids].sort()).toEqual([...returned].sort());
    expect((await s.bo.get('/api/toegangslog')).status).toBe(403);
    expect((await s.bo.get('/api/toegangslog/export')).status).toBe(403);
  });
});

describe('GET /api/toegangslog/export', () => {
  it('is a semicolon CSV of every matching entry, oldest first, and is logged as an export', async () => {
    const n = (
      await sql<{
        n: number;
      }>`select count(*)::int as n from access_log where client_ids @> array[${s.yara}]::int[]`.execute(db())
    ).rows[0]!.n;
    const before = await lastLogId();
    const r = await privacy.get(`/api/toegangslog/export?persoonId=${s.yara}`);
    expect(r.status).toBe(200);
    const lines = (r.body as string)
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'id;tijdstip;gebruiker_id;gebruiker;namens_id;namens;client_ids;actie;object_type;object_id;doel;route;uitkomst;prev_hash;hash',
    );
    expect(lines).toHaveLength(n + 1);
    const ids = lines.slice(1).map((l) => Number(l.split(';')[0]));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(lines.slice(1).every((l) => l.split(';')[6]!.split(' ').includes(String(s.yara)))).toBe(true);
    const rows = await logSince(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      user_id: privacy.userId,
      action: 'export',
      object_type: 'toegangslog',
      route: 'GET /api/toegangslog/export',
      outcome: 'success',
    });
    expect(rows[0].purpose).toBe(`export toegangslog (${n} regels): persoonId=${s.yara}`);
    expect(rows[0].client_ids).toContain(s.yara);
  });
});

describe('GET /api/personen/:id/toegangsoverzicht', () => {
  it('lists who accessed the person, oldest first, with name and function, and nothing about other persons', async () => {
    const before = await lastLogId();
    expect((await s.gw.get(`/api/casussen/${s.casusId}`)).status).toBe(200);
    const r = await privacy.get(`/api/personen/${s.yara}/toegangsoverzicht`);
    expect(r.status).toBe(200);
    expect(r.body.persoon).toMatchObject({ id: s.yara, naam: 'Yara Bennani', vernietigd: null });
    const at = r.body.regels.map((x: any) => x.at);
    expect(at).toEqual([...at].sort());
    expect(r.body.regels).toHaveLength(
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from access_log where client_ids @> array[${s.yara}]::int[] and id <= ${before + 1}`.execute(
          db(),
        )
      ).rows[0]!.n,
    );
    const view = r.body.regels[r.body.regels.length - 1];
    expect(view).toMatchObject({
      medewerker: { naam: 'Marieke Jansen', functie: 'Gedragswetenschapper' },
      actie: 'read',
      actieLabel: 'ingezien',
      uitkomst: 'gelukt',
    });
    expect(view.wat).toMatch(/^casus \(dossier\)/);
    // The overview names no other client.
    expect(JSON.stringify(r.body)).not.toMatch(/Samira|Karim|clientIds/);
    const rows = await logSince(before + 1);
    expect(rows[0]).toMatchObject({
      user_id: privacy.userId,
      client_ids: [s.yara],
      object_type: 'toegangsoverzicht',
      action: 'read',
    });
  });

  it('as a PDF for the person; refused to case workers; 404 for an unknown person', async () => {
    const r = await privacy.get(`/api/personen/${s.yara}/toegangsoverzicht?formaat=pdf`);
    expect(r.status).toBe(200);
    const gelezen = await readPdf(r.body);
    expect(gelezen.pages).toBe(1);
    const text = gelezen.text.replace(/\s+/g, ' ');
    expect(text).toContain('Wie heeft uw gegevens ingezien');
    expect(text).toContain('Marieke Jansen (Gedragswetenschapper)');
    expect((await s.bo.get(`/api/personen/${s.yara}/toegangsoverzicht`)).status).toBe(403);
    expect((await privacy.get('/api/personen/999999/toegangsoverzicht')).status).toBe(404);
  });
});

describe('log retention (archive-and-anchor)', () => {
  it('the retention term is at least 5 years and defaults to 5', () => {
    expect(privacyConfig({}).logRetentionYears).toBe(5);
    expect(privacyConfig({ VOORDEUR_LOG_RETENTION_YEARS: '7' }).logRetentionYears).toBe(7);
    expect(() => privacyConfig({ VOORDEUR_LOG_RETENTION_YEARS: '4' })).toThrow(/at least 5/);
    expect(() => privacyConfig({ VOORDEUR_LOG_RETENTION_YEARS: 'vijf' })).toThrow(/VOORDEUR_LOG_RETENTION_YEARS/);
  });

  it('the dry run reports the old prefix and changes nothing; a longer term reports nothing', async () => {
    const n = await count('access_log');
    const r = await privacy.get('/api/toegangslog/bewaartermijn');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      bewaartermijnJaren: 5,
      teVerwijderen: { aantal: OLD, vanId: 1, totId: OLD },
      anker: null,
    });
    expect(await count('access_log')).toBe(n + 1); // only the entry of the report itself
    expect((await logRetentionReport(db(), new Date(), 10)).teVerwijderen).toBeNull();
  });

  it('the database refuses deleting live entries and anchoring entries younger than 5 years', async () => {
    await expect(sql`delete from access_log where id = 1`.execute(db())).rejects.toThrow(/append-only/);
    const young = (await sql<any>`select id, hash from access_log where id = ${OLD + 1}`.execute(db())).rows[0];
    await expect(
      sql`insert into access_log_anker (first_id, last_id, last_hash, aantal, first_at, last_at, prev_hash, hash) values (1, ${young.id}, ${young.hash}, 13, now(), now(), ${GENESIS_HASH}, 'x')`.execute(
        db(),
      ),
    ).rejects.toThrow(/younger than 5 years/);
    const old = (await sql<any>`select id from access_log where id = 3`.execute(db())).rows[0];
    await expect(
      sql`insert into access_log_anker (first_id, last_id, last_hash, aantal, first_at, last_at, prev_hash, hash) values (1, ${old.id}, ${'0'.repeat(64)}, 3, now(), now(), ${GENESIS_HASH}, 'x')`.execute(
        db(),
      ),
    ).rejects.toThrow(/does not match/);
  });

  it('voordeur audit purge refuses to run without --dry-run, --archive or --no-archive; the dry run changes nothing', async () => {
    const out: string[] = [];
    const io = { log: (x: string) => out.push(x), error: (x: string) => out.push(`ERR ${x}`) };
    const n = await count('access_log');
    expect(await auditPurgeCommand(db(), [], io)).toBe(2);
    expect(await auditPurgeCommand(db(), ['--dry-run'], io)).toBe(0);
    expect(out[1]).toMatch(
      new RegExp(`^${OLD} of ${n} entries are older than 5 years \\(ids 1–${OLD},.*nothing removed \\(dry run\\)$`),
    );
    expect(await count('access_log')).toBe(n);
  });

  it('a purge archives and removes only the old prefix; the chain verifies from the anchor and keeps growing', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vd-archief-')), 'toegangslog-archief.jsonl');
    const out: string[] = [];
    expect(
      await auditPurgeCommand(db(), ['--archive', file], { log: (x) => out.push(x), error: (x) => out.push(x) }),
    ).toBe(0);
    const text = fs.readFileSync(file, 'utf8');
    const archived = text
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(archived.map((x) => x.id)).toEqual(Array.from({ length: OLD }, (_, i) => i + 1));
    const [r] = await anchors(db());
    // The anchor holds the sha256 of the archive file exactly as written.
    expect(r).toMatchObject({
      firstId: 1,
      lastId: OLD,
      aantal: OLD,
      lastHash: archived[OLD - 1].hash,
      archiefSha256: createHash('sha256').update(text).digest('hex'),
    });
    expect(out[0]).toMatch(new RegExp(`^removed ${OLD} entries up to id ${OLD}; chain anchored`));
    // The archived entries verify on their own: each links to the one before, from genesis.
    let prev = GENESIS_HASH;
    for (const a of archived) {
      expect(a.prev_hash).toBe(prev);
      expect(
        entryHash(prev, {
          at: a.at,
          userId: a.user_id,
          onBehalfOf: a.on_behalf_of,
          clientIds: a.client_ids,
          action: a.action,
          objectType: a.object_type,
          objectId: a.object_id,
          purpose: a.purpose,
          route: a.route,
          outcome: a.outcome,
        }),
      ).toBe(a.hash);
      prev = a.hash;
    }
    expect(
      (await sql<{ n: number }>`select count(*)::int as n from access_log where id <= ${OLD}`.execute(db())).rows[0]!.n,
    ).toBe(0);
    // The 4-year-old entries stay.
    expect(
      (await sql<{ n: number }>`select count(*)::int as n from access_log where purpose = 'oud'`.execute(db())).rows[0]!
        .n,
    ).toBe(RECENT);
    // The purge is in the log itself.
    const own = (
      await sql<any>`select * from access_log where object_type = 'toegangslog' and action = 'delete'`.execute(db())
    ).rows;
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ object_id: `1-${OLD}`, route: 'voordeur audit purge' });
    const v = await verifyAccessLog(db());
    expect(v).toMatchObject({ ok: true, anchor: { lastId: OLD } });
    expect(v.checked).toBe(await count('access_log'));
    // Work goes on; the chain still verifies; a second purge finds nothing.
    expect((await s.bo.get(`/api/casussen/${s.casusId}`)).status).toBe(200);
    expect((await verifyAccessLog(db())).ok).toBe(true);
    expect((await purgeAccessLog(db(), { now: new Date(), years: 5 })).verwijderd).toBe(0);
    // Still no delete in the live chain, and none of the 4-year-old entries.
    await expect(sql`delete from access_log where id = ${OLD + 1}`.execute(db())).rejects.toThrow(/append-only/);
  });

  it('verification catches an altered or removed anchor, and a removed entry right after it', async () => {
    const d = db();
    await sql`alter table access_log_anker disable trigger access_log_anker_guard`.execute(d);
    await sql`alter table access_log disable trigger access_log_no_change`.execute(d);
    try {
      const a = (await sql<any>`select * from access_log_anker`.execute(d)).rows[0];
      await sql`update access_log_anker set aantal = aantal - 1 where id = ${a.id}`.execute(d);
      expect(await verifyAccessLog(d)).toMatchObject({
        ok: false,
        problem: expect.stringMatching(/anchor .* altered/),
      });
      await sql`update access_log_anker set aantal = ${a.aantal} where id = ${a.id}`.execute(d);
      expect((await verifyAccessLog(d)).ok).toBe(true);
      // Without the anchor the remaining chain no longer starts at genesis.
      await sql`delete from access_log_anker where id = ${a.id}`.execute(d);
      expect(await verifyAccessLog(d)).toMatchObject({
        ok: false,
        firstBadId: OLD + 1,
        problem: expect.stringMatching(/removed or reordered/),
      });
      await sql`insert into access_log_anker select ${sql.raw(Object.keys(a).join(', '))} from json_populate_record(null::access_log_anker, ${JSON.stringify(a)}::json)`.execute(
        d,
      );
      expect((await verifyAccessLog(d)).ok).toBe(true);
      // Removing the first live entry breaks the chain at the next one.
      await sql`delete from access_log where id = ${OLD + 1}`.execute(d);
      expect(await verifyAccessLog(d)).toMatchObject({ ok: false, firstBadId: OLD + 2 });
    } finally {
      await sql`alter table access_log_anker enable trigger access_log_anker_guard`.execute(d);
      await sql`alter table access_log enable trigger access_log_no_change`.execute(d);
    }
  });
});
