// Signed head anchors of the access log, written OUTSIDE the database (issue 18): a file with every
// chain's head (position and hash), signed with the audit key (HMAC). `voordeur audit verify`
// checks that each chain still reaches the last anchor's head with the same hash, so truncating the
// log, removing its newest entries or rewriting it (also chain 0, the unkeyed legacy prefix) is
// found even by someone who can rewrite the whole database. The server writes one every
// VOORDEUR_AUDIT_ANCHOR_INTERVAL_SECONDS (default 60) when a head moved, and `voordeur audit anchor`
// writes one on demand. Ship the directory to write-once storage (docs/operations.md).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ankerMac, auditKeyCheck } from '../crypto/auditsleutel.ts';
import type { Db } from '../db/index.ts';
import { ketenKoppen } from './queries.ts';

export interface SignedAnchor {
  versie: 1;
  gemaaktOp: string;
  /** Check value of the audit key that signed it (not the key). */
  sleutel: string;
  ketens: { keten: number; volgnr: number; hash: string }[];
  handtekening: string;
}

const canonical = (a: Omit<SignedAnchor, 'handtekening'>) =>
  JSON.stringify(['hoofdanker', a.versie, a.gemaaktOp, a.sleutel, a.ketens.map((k) => [k.keten, k.volgnr, k.hash])]);

const FILE = /^anker-\d{8}T\d{9}Z-[0-9a-f]{8}\.json$/;

/** The heads now, signed (not yet written). */
export async function maakAnker(db: Db, now = new Date()): Promise<SignedAnchor> {
  const body = {
    versie: 1 as const,
    gemaaktOp: now.toISOString(),
    sleutel: auditKeyCheck(),
    ketens: (await ketenKoppen(db)).map((k) => ({ keten: k.keten, volgnr: Number(k.volgnr), hash: k.hash })),
  };
  return { ...body, handtekening: ankerMac(canonical(body)) };
}

/** Write a signed anchor of the current heads into `dir` (created 0700; the file 0600, never overwritten). */
export async function schrijfAnker(
  db: Db,
  dir: string,
  now = new Date(),
): Promise<{ file: string; anker: SignedAnchor }> {
  const anker = await maakAnker(db, now);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = anker.gemaaktOp.replace(/[-:.]/g, '');
  const file = path.join(dir, `anker-${stamp}-${randomBytes(4).toString('hex')}.json`);
  fs.writeFileSync(file, JSON.stringify(anker, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  return { file, anker };
}

/**
 * The last anchor in `dir` (by time in its name), its signature checked; null when there is none
 * or the directory does not exist. Throws on a file that is not a valid anchor signed with this key.
 */
export async function laatsteSignedAnchor(dir: string): Promise<{ file: string; anker: SignedAnchor } | null> {
  if (!fs.existsSync(dir)) return null;
  const names = fs
    .readdirSync(dir)
    .filter((n) => FILE.test(n))
    .sort();
  const name = names[names.length - 1];
  if (!name) return null;
  const file = path.join(dir, name);
  let a: SignedAnchor;
  try {
    a = JSON.parse(fs.readFileSync(file, 'utf8')) as SignedAnchor;
  } catch {
    throw new Error(`signed anchor ${file} is not valid JSON (altered)`);
  }
  if (a?.versie !== 1 || !Array.isArray(a.ketens) || typeof a.gemaaktOp !== 'string')
    throw new Error(`signed anchor ${file} is not an anchor (altered)`);
  if (a.sleutel !== auditKeyCheck())
    throw new Error(`signed anchor ${file} was signed with another audit key than VOORDEUR_AUDIT_KEY`);
  if (a.handtekening !== ankerMac(canonical(a)))
    throw new Error(`signed anchor ${file}: signature does not match its content (altered or forged)`);
  return { file, anker: a };
}

/**
 * The server's periodic anchor: every `seconds`, when a head moved since the last one this process
 * wrote (also once at start). Errors are reported, never fatal; returns a stop function.
 */
export function startAnkerTimer(
  db: Db,
  dir: string,
  seconds: number,
  report: (msg: string) => void = (m) => console.error(m),
): () => void {
  if (seconds <= 0) return () => {};
  let last = '';
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const heads = JSON.stringify((await maakAnker(db)).ketens);
      if (heads !== last) {
        await schrijfAnker(db, dir);
        last = heads;
      }
    } catch (e) {
      report(`access log: writing a signed anchor to ${dir} failed: ${e instanceof Error ? e.message : e}`);
    } finally {
      busy = false;
    }
  };
  void tick();
  const t = setInterval(() => void tick(), seconds * 1000);
  t.unref();
  return () => clearInterval(t);
}
