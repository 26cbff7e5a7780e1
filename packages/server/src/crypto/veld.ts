// Field-level encryption of the most sensitive fields (melder identity, BSN, TOTP secrets): a
// database dump alone does not reveal them. AES-256-GCM with a random 96-bit IV per value; the
// field name is authenticated data, so a value moved to another field does not decrypt. Lookups
// that must still work (BSN search, a person's name among melders) use a keyed hash (HMAC-SHA256,
// "blind index") with a separate key derived from the same data key.
//
// The data key (32 bytes) comes from configuration: VOORDEUR_DATA_KEY (base64 or hex). Only the
// embedded demo set-up may do without it: then a key is generated once into the data directory
// (file data-key, mode 0600). A key check value stored in the database refuses a wrong key at
// start instead of producing unreadable data.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { secureDataDir } from '../db/datadir.ts';
import type { Db } from '../db/index.ts';

const PREFIX = 'enc1:';

interface Keys {
  enc: Buffer;
  mac: Buffer;
  kcv: string;
}
let keys: Keys | null = null;

/** Parse a configured key: 32 bytes as base64 or hex. */
export function parseDataKey(value: string, name = 'VOORDEUR_DATA_KEY'): Buffer {
  const v = value.trim();
  const buf = /^[0-9a-fA-F]{64}$/.test(v) ? Buffer.from(v, 'hex') : Buffer.from(v, 'base64');
  if (buf.length !== 32)
    throw new Error(
      `configuration: ${name} must be 32 bytes, base64 or hex (generate one with: openssl rand -base64 32)`,
    );
  return buf;
}

export function configureDataKey(raw: Buffer): void {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), info, 32));
  const mac = derive('voordeur veld mac v1');
  keys = {
    enc: derive('voordeur veld enc v1'),
    mac,
    kcv: createHmac('sha256', mac).update('voordeur key check').digest('hex').slice(0, 16),
  };
}

/**
 * The key from VOORDEUR_DATA_KEY or, without it, from (or newly into) `<dataDir>/data-key`.
 * `allowKeyFile` false (a PostgreSQL server outside demo mode) refuses to start without a key:
 * several app nodes must share one key, and a key must be managed, not appear by accident.
 */
export function resolveDataKey(opts: { env?: NodeJS.ProcessEnv; dataDir: string; allowKeyFile: boolean }): {
  key: Buffer;
  source: string;
} {
  const env = opts.env ?? process.env;
  if (env.VOORDEUR_DATA_KEY?.trim()) return { key: parseDataKey(env.VOORDEUR_DATA_KEY), source: 'VOORDEUR_DATA_KEY' };
  if (!opts.allowKeyFile) {
    throw new Error(
      'configuration: VOORDEUR_DATA_KEY is required with a PostgreSQL server outside demo mode (32 bytes, base64: openssl rand -base64 32)',
    );
  }
  const file = path.join(opts.dataDir, 'data-key');
  secureDataDir(opts.dataDir);
  if (fs.existsSync(file)) return { key: parseDataKey(fs.readFileSync(file, 'utf8'), file), source: file };
  const key = randomBytes(32);
  fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return { key, source: `${file} (new)` };
}

function k(): Keys {
  if (!keys) {
    // Tools (benchmark, CLI) that did not configure a key: the same rules as the embedded set-up.
    const { key } = resolveDataKey({
      dataDir: path.resolve(process.env.VOORDEUR_DATA_DIR?.trim() || './data'),
      allowKeyFile: true,
    });
    configureDataKey(key);
  }
  return keys!;
}

/** Encrypt a field value (null stays null). */
export function seal(plain: string | null | undefined, field: string): string | null {
  if (plain === null || plain === undefined || plain === '') return plain === '' ? '' : null;
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', k().enc, iv);
  c.setAAD(Buffer.from(field));
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return PREFIX + Buffer.concat([iv, ct, c.getAuthTag()]).toString('base64');
}

/** Decrypt a field value; a value stored before encryption (no prefix) is returned as is. */
export function open(stored: string | null | undefined, field: string): string | null {
  if (stored === null || stored === undefined) return null;
  if (!stored.startsWith(PREFIX)) return stored;
  const buf = Buffer.from(stored.slice(PREFIX.length), 'base64');
  const d = createDecipheriv('aes-256-gcm', k().enc, buf.subarray(0, 12));
  d.setAAD(Buffer.from(field));
  d.setAuthTag(buf.subarray(buf.length - 16));
  try {
    return Buffer.concat([d.update(buf.subarray(12, buf.length - 16)), d.final()]).toString('utf8');
  } catch {
    throw new Error(`field ${field} cannot be decrypted: wrong data key or altered value`);
  }
}

export const isSealed = (v: string | null | undefined) => typeof v === 'string' && v.startsWith(PREFIX);

/** Keyed hash for exact lookups (BSN, name words). */
export function blindIndex(value: string, field: string): string {
  return createHmac('sha256', k().mac).update(`${field}\u0000${value}`).digest('hex');
}

/** Blind index of each normalised word (≥ 2 letters) of a name: "find this person among melders". */
export function nameWordIndexes(name: string | null | undefined): string[] {
  if (!name) return [];
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length >= 2);
  return [...new Set(words)].map((w) => blindIndex(w, 'naamwoord'));
}

/** Melder identity fields that are encrypted. */
export const MELDER_VELDEN = ['naam', 'organisatie', 'functie', 'telefoon', 'email'] as const;

export function openMelder<T extends Record<string, any>>(row: T): T {
  const out: Record<string, any> = { ...row };
  for (const f of MELDER_VELDEN) if (f in out) out[f] = open(out[f], `melder.${f}`);
  return out as T;
}

/**
 * At start: store the key check value on first use, refuse a different key later; then encrypt
 * values stored before encryption existed (upgrade of an existing database, bulk-loaded data).
 */
export async function checkDataKey(db: Db): Promise<void> {
  const r = await sql<{ kcv: string }>`select kcv from data_sleutel where id = 1`.execute(db);
  if (!r.rows[0]) {
    await sql`insert into data_sleutel (id, kcv) values (1, ${k().kcv}) on conflict (id) do nothing`.execute(db);
    return checkDataKey(db);
  }
  if (r.rows[0].kcv !== k().kcv) {
    throw new Error(
      'data key: VOORDEUR_DATA_KEY does not match the key this database was encrypted with (key check value differs); start with the original key',
    );
  }
}

export async function versleutelBestaande(db: Db): Promise<{ personen: number; melders: number; totp: number }> {
  await checkDataKey(db);
  // Batches in key order (each batch starts after the last key: linear, not quadratic, on millions).
  let personen = 0;
  let na = 0;
  for (;;) {
    const rows = (
      await sql<{
        id: number;
        bsn: string;
      }>`select id, bsn from persoon where id > ${na} and bsn is not null and bsn not like 'enc1:%' order by id limit 5000`.execute(
        db,
      )
    ).rows;
    if (!rows.length) break;
    na = rows[rows.length - 1]!.id;
    await sql`update persoon p set bsn = u.bsn, bsn_hash = u.h from unnest(${rows.map((x) => x.id)}::int[], ${rows.map((x) => seal(x.bsn, 'persoon.bsn'))}::text[], ${rows.map((x) => blindIndex(x.bsn, 'persoon.bsn'))}::text[]) as u(id, bsn, h) where p.id = u.id`.execute(
      db,
    );
    personen += rows.length;
  }
  let melders = 0;
  let naMelding = 0;
  for (;;) {
    const rows = (
      await sql<any>`select melding_id, naam, organisatie, functie, telefoon, email from melder
                     where melding_id > ${naMelding} and ((naam is not null and naam not like 'enc1:%') or (organisatie is not null and organisatie not like 'enc1:%')
                        or (functie is not null and functie not like 'enc1:%') or (telefoon is not null and telefoon not like 'enc1:%')
                        or (email is not null and email not like 'enc1:%')) order by melding_id limit 5000`.execute(db)
    ).rows;
    if (!rows.length) break;
    naMelding = rows[rows.length - 1]!.melding_id;
    const col = (f: (typeof MELDER_VELDEN)[number]) =>
      rows.map((x) => (isSealed(x[f]) ? x[f] : seal(x[f], `melder.${f}`)));
    const zoek = rows.map((x) => `{${nameWordIndexes(open(x.naam, 'melder.naam')).join(',')}}`);
    await sql`update melder m set naam = u.naam, organisatie = u.organisatie, functie = u.functie, telefoon = u.telefoon, email = u.email, naam_zoek = u.zoek::text[]
              from unnest(${rows.map((x) => x.melding_id)}::int[], ${col('naam')}::text[], ${col('organisatie')}::text[], ${col('functie')}::text[], ${col('telefoon')}::text[], ${col('email')}::text[], ${zoek}::text[])
                as u(melding_id, naam, organisatie, functie, telefoon, email, zoek)
              where m.melding_id = u.melding_id`.execute(db);
    melders += rows.length;
  }
  let totp = 0;
  const t = (
    await sql<any>`select gebruiker_id, geheim, nieuw_geheim from totp where (geheim is not null and geheim not like 'enc1:%') or (nieuw_geheim is not null and nieuw_geheim not like 'enc1:%')`.execute(
      db,
    )
  ).rows;
  for (const x of t) {
    await sql`update totp set geheim = ${isSealed(x.geheim) ? x.geheim : seal(x.geheim, 'totp.geheim')}, nieuw_geheim = ${isSealed(x.nieuw_geheim) ? x.nieuw_geheim : seal(x.nieuw_geheim, 'totp.geheim')}
              where gebruiker_id = ${x.gebruiker_id}`.execute(db);
    totp++;
  }
  return { personen, melders, totp };
}

/** The start-up rule: the key from configuration; a key file only for the embedded database or demo mode. */
export function configureDataKeyFromConfig(config: {
  databaseUrl: string | null;
  dataDir: string;
  demo: boolean;
}): string {
  const { key, source } = resolveDataKey({ dataDir: config.dataDir, allowKeyFile: config.demo });
  configureDataKey(key);
  return source;
}
