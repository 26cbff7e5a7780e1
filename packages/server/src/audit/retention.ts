// Access-log retention by archive-and-anchor. Entries older than the retention term (at least 5
// years, NEN 7513) may go, but the hash chain must stay verifiable, so only a PREFIX of the chain
// is ever removed: the purge verifies the chain, writes the entries to an archive (optional),
// records an anchor (the hash of the last purged entry, chained to the previous anchor) and then
// deletes the entries up to it. verifyAccessLog starts from the latest anchor. The database
// enforces the rest: the append-only trigger lets a delete through only for entries covered by an
// anchor, and an anchor can only cover entries older than 5 years (migration 004).
import { createHash } from 'node:crypto';
import type { Db } from '../db/index.ts';
import { addYears } from '../privacy/config.ts';
import {
  aantalLogRegels,
  ankerInvoegen,
  alleKoppenVergrendelen,
  ketenEindenTussen,
  logRegelsVanTot,
  logRegelsVerwijderen,
  prefixVoor,
} from './queries.ts';
import {
  anchorHash,
  anchors,
  GENESIS_HASH,
  verifyAccessLog,
  writeAccessLog,
  type Anchor,
  type KetenPunten,
} from './index.ts';

export interface LogRetentionReport {
  bewaartermijnJaren: number;
  /** Entries before this instant are past the term. */
  grens: string;
  totaal: number;
  teVerwijderen: { aantal: number; vanId: number; totId: number; oudste: string; nieuwste: string } | null;
  anker: Anchor | null;
}

/** The cut-off: `years` before `now`, at the same instant of the day. */
export function logRetentionCutoff(now: Date, years: number): Date {
  const iso = now.toISOString();
  return new Date(`${addYears(iso.slice(0, 10), -years)}${iso.slice(10)}`);
}

async function purgeable(db: Db, cutoff: Date, fromId: number) {
  // The prefix: everything before the first entry that is still within the term.
  const x = await prefixVoor(db, fromId, cutoff);
  if (!x) return null;
  return {
    aantal: x.n,
    vanId: Number(x.van),
    totId: Number(x.tot),
    oudste: new Date(x.oudste).toISOString(),
    nieuwste: new Date(x.nieuwste).toISOString(),
  };
}

/** Dry run: what a purge would remove now. Changes nothing. */
export async function logRetentionReport(db: Db, now: Date, years: number): Promise<LogRetentionReport> {
  const cutoff = logRetentionCutoff(now, years);
  const all = await anchors(db);
  const anker = all[all.length - 1] ?? null;
  const totaal = await aantalLogRegels(db);
  return {
    bewaartermijnJaren: years,
    grens: cutoff.toISOString(),
    totaal,
    teVerwijderen: await purgeable(db, cutoff, anker?.lastId ?? 0),
    anker,
  };
}

export interface PurgeOptions {
  now: Date;
  years: number;
  /**
   * Receives the entries before they are deleted, as JSON lines (oldest first, one entry per
   * line, ending in a newline) — the anchor records the sha256 of exactly this text.
   */
  archive?: (jsonl: string) => Promise<void>;
  /** The user on whose instruction the purge runs, when known (the command line has none). */
  userId?: number | null;
}

export interface PurgeResult extends LogRetentionReport {
  verwijderd: number;
  nieuwAnker: Anchor | null;
  archiefSha256: string | null;
}

/**
 * Archive and remove the entries past the retention term. Refuses when the chain does not verify
 * (a broken chain is evidence and must not be purged away). Writes its own access-log entry.
 */
export async function purgeAccessLog(db: Db, opts: PurgeOptions): Promise<PurgeResult> {
  const check = await verifyAccessLog(db);
  if (!check.ok)
    throw new Error(`access log does not verify (entry ${check.firstBadId}: ${check.problem}); nothing purged`);
  const cutoff = logRetentionCutoff(opts.now, opts.years);
  const result = await db.transaction().execute(async (tx) => {
    // Every chain's head, as the writers lock them: no entry is appended while the prefix is cut.
    // Ids are taken under a chain's head lock, so an id prefix is a prefix of every chain.
    await alleKoppenVergrendelen(tx);
    const all = await anchors(tx);
    const prevAnchor = all[all.length - 1] ?? null;
    const p = await purgeable(tx, cutoff, prevAnchor?.lastId ?? 0);
    if (!p) return { p, anchor: null, sha: null };
    const rows = await logRegelsVanTot(tx, p.vanId, p.totId);
    const jsonl = rows
      .map((r) => `${JSON.stringify({ ...r, id: Number(r.id), at: new Date(r.at).toISOString() })}\n`)
      .join('');
    const sha = createHash('sha256').update(jsonl).digest('hex');
    if (opts.archive) await opts.archive(jsonl);
    const last = rows[rows.length - 1]!;
    const ketens: KetenPunten = {};
    for (const e of await ketenEindenTussen(tx, p.vanId, p.totId))
      ketens[String(e.keten)] = { volgnr: Number(e.volgnr), hash: e.hash };
    const a = {
      prevHash: prevAnchor?.hash ?? GENESIS_HASH,
      firstId: p.vanId,
      lastId: p.totId,
      lastHash: last.hash,
      aantal: p.aantal,
      firstAt: p.oudste,
      lastAt: p.nieuwste,
      archiefSha256: opts.archive ? sha : null,
      ketens,
    };
    const hash = anchorHash(a);
    await ankerInvoegen(tx, {
      first_id: a.firstId,
      last_id: a.lastId,
      last_hash: a.lastHash,
      aantal: a.aantal,
      first_at: a.firstAt,
      last_at: a.lastAt,
      archief_sha256: a.archiefSha256,
      prev_hash: a.prevHash,
      hash,
      ketens: JSON.stringify(a.ketens),
    });
    await logRegelsVerwijderen(tx, a.lastId);
    return { p, anchor: a, sha: a.archiefSha256 };
  });
  if (result.p) {
    await writeAccessLog(db, [
      {
        userId: opts.userId ?? null,
        clientIds: [],
        action: 'delete',
        objectType: 'toegangslog',
        objectId: `${result.p.vanId}-${result.p.totId}`,
        purpose: `bewaartermijn toegangslog (${opts.years} jaar) verstreken: ${result.p.aantal} regels${result.sha ? ' gearchiveerd en' : ''} verwijderd`,
        route: 'voordeur audit purge',
        outcome: 'success',
      },
    ]);
  }
  const report = await logRetentionReport(db, opts.now, opts.years);
  return {
    ...report,
    verwijderd: result.p?.aantal ?? 0,
    nieuwAnker: result.anchor ? report.anker : null,
    archiefSha256: result.sha,
  };
}
