// NEN 7513 access log: one entry per event on personal data, append-only and hash-chained.
// Entries go to one of KETENS keyed chains (migration 016): each entry records its chain and its
// position in it (volgnr), and its hash is an HMAC, with the audit key (crypto/auditsleutel.ts),
// over the previous entry's hash, the position and the entry's fields. Altering, removing or
// reordering an entry breaks its chain from that point, and someone without the key cannot
// recompute the chain after a rewrite. A writer locks only its own chain's head row, so logged
// requests on different connections do not wait for each other. Chain 0 holds the entries from
// before migration 016 with their original unkeyed SHA-256 chain (frozen). Signed head anchors
// outside the database (anker.ts) catch truncation and removal of the newest entries; `voordeur
// audit verify` checks every chain, the retention anchors and the last signed anchor.
import { createHash } from 'node:crypto';
import { ankerMac, ketenMac } from '../crypto/auditsleutel.ts';
import type { Db } from '../db/index.ts';
import { laatsteSignedAnchor } from './anker.ts';
import {
  ankers,
  ketenKopBijwerken,
  ketenKopVergrendelen,
  ketenKoppen,
  ketenRegelsNa,
  ketensMetRegels,
  logRegelInvoegen,
} from './queries.ts';

export type AuditAction =
  | 'create'
  | 'read'
  | 'search'
  | 'change'
  | 'delete'
  | 'export'
  | 'merge'
  | 'transfer'
  | 'emergency'
  | 'login'
  | 'logout';

export interface AuditEntry {
  userId: number | null;
  onBehalfOf?: number | null;
  clientIds: number[];
  action: AuditAction;
  objectType: string;
  objectId?: string | null;
  purpose?: string | null;
  route?: string | null;
  outcome: 'success' | 'denied' | 'failure';
  /** The request's X-Request-Id (not hashed: a pointer into the request logs, migration 021). */
  requestId?: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

type EntryFields = {
  at: string;
  userId: number | null;
  onBehalfOf: number | null;
  clientIds: number[];
  action: string;
  objectType: string;
  objectId: string | null;
  purpose: string | null;
  route: string | null;
  outcome: string;
};

const fieldsOf = (e: EntryFields) => [
  e.at,
  e.userId,
  e.onBehalfOf,
  [...e.clientIds].sort((a, b) => a - b),
  e.action,
  e.objectType,
  e.objectId,
  e.purpose,
  e.route,
  e.outcome,
];

/** The unkeyed SHA-256 hash of the legacy chain (chain 0: entries from before migration 016). */
export function entryHash(prev: string, e: EntryFields): string {
  return createHash('sha256')
    .update(JSON.stringify([prev, ...fieldsOf(e)]))
    .digest('hex');
}

/** The keyed hash of an entry in chains 1..KETENS: HMAC over previous hash, chain, position and fields. */
export function ketenHash(prev: string, keten: number, volgnr: number, e: EntryFields): string {
  return ketenMac(JSON.stringify([prev, keten, volgnr, ...fieldsOf(e)]));
}

/** The log could not be written: the request's change is not kept and its data does not leave. */
export class ToegangslogFout extends Error {
  constructor(readonly cause: unknown) {
    super(`access log unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/**
 * Append entries to this transaction's chain (a transaction of its own, or a savepoint inside the
 * caller's request transaction: http/route.ts). Locks only that chain's head until commit.
 * Throws ToegangslogFout when the log cannot be written.
 */
export async function writeAccessLog(db: Db, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  try {
    await db.transaction().execute(async (tx) => {
      const kop = await ketenKopVergrendelen(tx);
      let prev = kop.hash;
      let volgnr = Number(kop.volgnr);
      for (const e of entries) {
        const at = new Date().toISOString();
        const clientIds = [...new Set(e.clientIds)].sort((a, b) => a - b);
        const full = {
          at,
          userId: e.userId,
          onBehalfOf: e.onBehalfOf ?? null,
          clientIds,
          action: e.action,
          objectType: e.objectType,
          objectId: e.objectId ?? null,
          purpose: e.purpose ?? null,
          route: e.route ?? null,
          outcome: e.outcome,
        };
        volgnr++;
        const hash = ketenHash(prev, kop.keten, volgnr, full);
        await logRegelInvoegen(tx, {
          at,
          user_id: full.userId,
          on_behalf_of: full.onBehalfOf,
          client_ids: clientIds,
          action: full.action,
          object_type: full.objectType,
          object_id: full.objectId,
          purpose: full.purpose,
          route: full.route,
          outcome: full.outcome,
          prev_hash: prev,
          hash,
          keten: kop.keten,
          volgnr,
          request_id: e.requestId ?? null,
        });
        prev = hash;
      }
      await ketenKopBijwerken(tx, { keten: kop.keten, volgnr, hash: prev });
    });
  } catch (e) {
    throw e instanceof ToegangslogFout ? e : new ToegangslogFout(e);
  }
}

/** Per chain: the position and hash of the last entry a retention anchor covers. */
export type KetenPunten = Record<string, { volgnr: number; hash: string }>;

export interface Anchor {
  id: number;
  firstId: number;
  lastId: number;
  lastHash: string;
  aantal: number;
  firstAt: string;
  lastAt: string;
  archiefSha256: string | null;
  gemaaktOp: string;
  prevHash: string;
  hash: string;
  /** Per chain (migration 016 on); null for an anchor of the legacy single chain. */
  ketens: KetenPunten | null;
}

/**
 * Hash of a retention anchor: covers the previous anchor, so anchors form a chain of their own.
 * Anchors with per-chain points (migration 016 on) are keyed (HMAC with the audit key); the
 * anchors before it keep their unkeyed SHA-256.
 */
export function anchorHash(
  a: Omit<Anchor, 'id' | 'hash' | 'gemaaktOp' | 'ketens'> & { ketens?: KetenPunten | null },
): string {
  const base = [a.prevHash, a.firstId, a.lastId, a.lastHash, a.aantal, a.firstAt, a.lastAt, a.archiefSha256];
  if (!a.ketens) return createHash('sha256').update(JSON.stringify(base)).digest('hex');
  const ketens = Object.keys(a.ketens)
    .map(Number)
    .sort((x, y) => x - y)
    .map((k) => [k, a.ketens![String(k)]!.volgnr, a.ketens![String(k)]!.hash]);
  return ankerMac(JSON.stringify(['retentie', ...base, ketens]));
}

export async function anchors(db: Db): Promise<Anchor[]> {
  return (await ankers(db)).map((x) => ({
    id: x.id,
    firstId: Number(x.first_id),
    lastId: Number(x.last_id),
    lastHash: x.last_hash,
    aantal: Number(x.aantal),
    firstAt: new Date(x.first_at).toISOString(),
    lastAt: new Date(x.last_at).toISOString(),
    archiefSha256: x.archief_sha256,
    gemaaktOp: new Date(x.gemaakt_op).toISOString(),
    prevHash: x.prev_hash,
    hash: x.hash,
    ketens: (x.ketens as KetenPunten | null) ?? null,
  }));
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBadId: number | null;
  problem: string | null;
  /** The retention anchor the live chains start from (entries up to it were purged after archiving). */
  anchor: { id: number; lastId: number } | null;
  /** The chains checked (head rows), chain 0 being the legacy prefix. */
  ketens: number;
  /** The signed head anchor checked against (anker.ts), when an anchor directory was given. */
  signedAnchor: { file: string; gemaaktOp: string } | null;
}

export interface VerifyOptions {
  /**
   * The directory of signed head anchors (VOORDEUR_AUDIT_ANCHOR_DIR). Given, the chains must reach
   * at least the last anchor's heads, with the same hashes: this finds truncation and removal of
   * the newest entries. A directory without an anchor is itself a finding.
   */
  ankerDir?: string;
}

/**
 * Walk every chain in position order and report the first entry that does not fit. After a
 * retention purge a chain starts from the latest retention anchor; the retention anchors are
 * checked as a chain of their own first. Each chain must end at its head row, and reach the
 * heads of the last signed anchor (when `ankerDir` is given).
 */
export async function verifyAccessLog(db: Db, opts: VerifyOptions = {}): Promise<VerifyResult> {
  let checked = 0;
  let anchor: VerifyResult['anchor'] = null;
  let signedAnchor: VerifyResult['signedAnchor'] = null;
  let ketenCount = 0;
  const fail = (firstBadId: number | null, problem: string): VerifyResult => ({
    ok: false,
    checked,
    firstBadId,
    problem,
    anchor,
    ketens: ketenCount,
    signedAnchor,
  });

  // Where each chain starts: genesis, or the last purged entry under the retention anchors.
  const start = new Map<number, { volgnr: number; hash: string }>();
  let prevAnchor = GENESIS_HASH;
  let legacyVolgnr = 0;
  for (const a of await anchors(db)) {
    anchor = { id: a.id, lastId: a.lastId };
    if (a.prevHash !== prevAnchor || a.hash !== anchorHash(a))
      return fail(null, `anchor ${a.id} altered or an anchor before it removed`);
    prevAnchor = a.hash;
    if (a.ketens) {
      for (const [k, p] of Object.entries(a.ketens)) start.set(Number(k), p);
    } else {
      legacyVolgnr += a.aantal;
      start.set(0, { volgnr: legacyVolgnr, hash: a.lastHash });
    }
  }

  let signed: Awaited<ReturnType<typeof laatsteSignedAnchor>> = null;
  if (opts.ankerDir !== undefined) {
    try {
      signed = await laatsteSignedAnchor(opts.ankerDir);
    } catch (e) {
      return fail(null, e instanceof Error ? e.message : String(e));
    }
    if (signed) signedAnchor = { file: signed.file, gemaaktOp: signed.anker.gemaaktOp };
  }

  const koppen = await ketenKoppen(db);
  ketenCount = koppen.length;
  const bekend = new Set(koppen.map((k) => k.keten));
  for (const k of await ketensMetRegels(db))
    if (!bekend.has(k)) return fail(null, `entries in chain ${k}, which has no head (chain table altered)`);
  if (opts.ankerDir !== undefined && !signed && koppen.some((k) => k.keten > 0 && Number(k.volgnr) > 0))
    return fail(
      null,
      `no signed anchor in ${opts.ankerDir}: truncation or removal of the newest entries cannot be ruled out (write one with: voordeur audit anchor)`,
    );

  for (const kop of koppen) {
    const k = kop.keten;
    let prev = start.get(k) ?? { volgnr: 0, hash: GENESIS_HASH };
    const anchored = signed?.anker.ketens.find((x) => x.keten === k) ?? null;
    let anchoredSeen = anchored === null || anchored.volgnr <= prev.volgnr;
    if (anchored && anchored.volgnr === prev.volgnr && anchored.hash !== prev.hash)
      return fail(null, `chain ${k}: the signed anchor ${signed!.file} records a different entry ${anchored.volgnr}`);
    for (;;) {
      const batch = await ketenRegelsNa(db, k, prev.volgnr, 5000);
      if (batch.length === 0) break;
      for (const r of batch) {
        const volgnr = Number(r.volgnr);
        const fields = {
          at: new Date(r.at).toISOString(),
          userId: r.user_id,
          onBehalfOf: r.on_behalf_of,
          clientIds: r.client_ids ?? [],
          action: r.action,
          objectType: r.object_type,
          objectId: r.object_id,
          purpose: r.purpose,
          route: r.route,
          outcome: r.outcome,
        };
        if (volgnr !== prev.volgnr + 1 || r.prev_hash !== prev.hash)
          return fail(Number(r.id), `previous entry removed or reordered (chain ${k}: prev_hash does not match)`);
        const expected = k === 0 ? entryHash(prev.hash, fields) : ketenHash(prev.hash, k, volgnr, fields);
        if (r.hash !== expected)
          return fail(
            Number(r.id),
            `entry altered (chain ${k}: hash does not match its content${k === 0 ? '' : ' under the audit key'})`,
          );
        if (anchored && volgnr === anchored.volgnr) {
          if (r.hash !== anchored.hash)
            return fail(Number(r.id), `chain ${k}: entry ${volgnr} differs from the signed anchor ${signed!.file}`);
          anchoredSeen = true;
        }
        prev = { volgnr, hash: r.hash };
        checked++;
      }
    }
    if (!anchoredSeen)
      return fail(
        null,
        `chain ${k} ends at entry ${prev.volgnr}, but the signed anchor ${signed!.file} (${signed!.anker.gemaaktOp}) records ${anchored!.volgnr}: entries removed (truncation or tail deletion)`,
      );
    if (Number(kop.volgnr) !== prev.volgnr || kop.hash !== prev.hash)
      return fail(
        null,
        `chain ${k} ends at entry ${prev.volgnr}, but its head records entry ${Number(kop.volgnr)}: entries removed or the head altered`,
      );
  }
  if (signed) {
    for (const a of signed.anker.ketens)
      if (!bekend.has(a.keten)) return fail(null, `chain ${a.keten} of the signed anchor ${signed.file} is missing`);
  }
  return { ok: true, checked, firstBadId: null, problem: null, anchor, ketens: ketenCount, signedAnchor };
}
