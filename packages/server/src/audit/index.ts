// NEN 7513 access log: one entry per event on personal data, append-only and hash-chained.
// Each entry's hash covers the previous entry's hash and the entry's own fields, so altering,
// removing or reordering an entry breaks the chain from that point (`voordeur audit verify`).
import { createHash } from 'node:crypto';
import type { Db } from '../db/index.ts';
import { ankers, ketenSlot, laatsteHash, logRegelInvoegen, logRegelsNa } from './queries.ts';

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
}

export const GENESIS_HASH = '0'.repeat(64);

export function entryHash(
  prev: string,
  e: {
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
  },
): string {
  const canonical = JSON.stringify([
    prev,
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
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Append entries in one transaction; the chain is serialised with an advisory lock. */
export async function writeAccessLog(db: Db, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.transaction().execute(async (tx) => {
    await ketenSlot(tx);
    let prev = await chainHead(tx);
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
      const hash = entryHash(prev, full);
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
      });
      prev = hash;
    }
  });
}

/** The hash the next entry chains to: the last entry, else the latest anchor, else genesis. */
async function chainHead(db: Db): Promise<string> {
  return (await laatsteHash(db)) ?? GENESIS_HASH;
}

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
}

/** Hash of an anchor: covers the previous anchor, so anchors form a chain of their own. */
export function anchorHash(a: Omit<Anchor, 'id' | 'hash' | 'gemaaktOp'>): string {
  const canonical = JSON.stringify([
    a.prevHash,
    a.firstId,
    a.lastId,
    a.lastHash,
    a.aantal,
    a.firstAt,
    a.lastAt,
    a.archiefSha256,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
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
  }));
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBadId: number | null;
  problem: string | null;
  /** The anchor the live chain starts from (entries up to it were purged after archiving). */
  anchor: { id: number; lastId: number } | null;
}

/**
 * Walk the chain in id order and report the first entry that does not fit. After a retention
 * purge the chain starts from the latest anchor (the hash of the last purged entry); the anchors
 * are checked as a chain of their own first.
 */
export async function verifyAccessLog(db: Db): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let checked = 0;
  let lastId = 0;
  let anchor: VerifyResult['anchor'] = null;
  let prevAnchor = GENESIS_HASH;
  for (const a of await anchors(db)) {
    if (a.prevHash !== prevAnchor || a.hash !== anchorHash(a)) {
      return {
        ok: false,
        checked: 0,
        firstBadId: null,
        problem: `anchor ${a.id} altered or an anchor before it removed`,
        anchor: { id: a.id, lastId: a.lastId },
      };
    }
    prevAnchor = a.hash;
    prev = a.lastHash;
    lastId = a.lastId;
    anchor = { id: a.id, lastId: a.lastId };
  }
  for (;;) {
    const batch = await logRegelsNa(db, lastId, 5000);
    if (batch.length === 0) break;
    for (const r of batch) {
      const at = new Date(r.at).toISOString();
      const expected = entryHash(prev, {
        at,
        userId: r.user_id,
        onBehalfOf: r.on_behalf_of,
        clientIds: r.client_ids ?? [],
        action: r.action,
        objectType: r.object_type,
        objectId: r.object_id,
        purpose: r.purpose,
        route: r.route,
        outcome: r.outcome,
      });
      if (r.prev_hash !== prev)
        return {
          ok: false,
          checked,
          firstBadId: Number(r.id),
          problem: 'previous entry removed or reordered (prev_hash does not match)',
          anchor,
        };
      if (r.hash !== expected)
        return {
          ok: false,
          checked,
          firstBadId: Number(r.id),
          problem: 'entry altered (hash does not match its content)',
          anchor,
        };
      prev = r.hash;
      lastId = Number(r.id);
      checked++;
    }
  }
  return { ok: true, checked, firstBadId: null, problem: null, anchor };
}
