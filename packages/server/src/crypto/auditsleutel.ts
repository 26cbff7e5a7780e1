// The audit key: the secret that keys the access log's hash chains and signs its head anchors
// (audit/index.ts, audit/anker.ts). Whoever holds the database but not this key cannot rewrite
// entries and recompute the chain, nor forge an anchor (docs/security.md, "Access log").
//
// VOORDEUR_AUDIT_KEY (32 bytes, base64 or hex), kept apart from the database (docs/operations.md,
// key custody). Only demo mode may do without it: then a key is generated once into the data
// directory (file audit-key, mode 0600), as for the data key (crypto/veld.ts).
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseDataKey } from './veld.ts';

interface AuditKeys {
  keten: Buffer;
  anker: Buffer;
}
let keys: AuditKeys | null = null;

export function configureAuditKey(raw: Buffer): void {
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), info, 32));
  keys = { keten: derive('voordeur toegangslog keten v1'), anker: derive('voordeur toegangslog anker v1') };
}

/**
 * The key from VOORDEUR_AUDIT_KEY or, in demo mode (`allowKeyFile`), from (or newly into)
 * `<dataDir>/audit-key`. Outside demo mode a missing key refuses the start.
 */
export function resolveAuditKey(opts: { env?: NodeJS.ProcessEnv; dataDir: string; allowKeyFile: boolean }): {
  key: Buffer;
  source: string;
} {
  const env = opts.env ?? process.env;
  if (env.VOORDEUR_AUDIT_KEY?.trim())
    return { key: parseDataKey(env.VOORDEUR_AUDIT_KEY, 'VOORDEUR_AUDIT_KEY'), source: 'VOORDEUR_AUDIT_KEY' };
  if (!opts.allowKeyFile) {
    throw new Error(
      'configuration: VOORDEUR_AUDIT_KEY is required outside demo mode (32 bytes, base64: openssl rand -base64 32); keep it apart from the database and its backups',
    );
  }
  const file = path.join(opts.dataDir, 'audit-key');
  if (fs.existsSync(file)) return { key: parseDataKey(fs.readFileSync(file, 'utf8'), file), source: file };
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const key = randomBytes(32);
  fs.writeFileSync(file, key.toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  return { key, source: `${file} (new)` };
}

/** The start-up rule: the key from configuration; a key file only in demo mode. */
export function configureAuditKeyFromConfig(config: { dataDir: string; demo: boolean }): string {
  const { key, source } = resolveAuditKey({ dataDir: config.dataDir, allowKeyFile: config.demo });
  configureAuditKey(key);
  return source;
}

function k(): AuditKeys {
  if (!keys) {
    // Tools (benchmark) that did not configure a key: the same rules as the embedded demo set-up.
    const { key } = resolveAuditKey({
      dataDir: path.resolve(process.env.VOORDEUR_DATA_DIR?.trim() || './data'),
      allowKeyFile: true,
    });
    configureAuditKey(key);
  }
  return keys!;
}

/** HMAC of a chain entry's canonical text (audit/index.ts). */
export function ketenMac(canonical: string): string {
  return createHmac('sha256', k().keten).update(canonical).digest('hex');
}

/** HMAC signature of an anchor's canonical text (audit/anker.ts, retention anchors). */
export function ankerMac(canonical: string): string {
  return createHmac('sha256', k().anker).update(canonical).digest('hex');
}

/** A short check value of the key (not the key): names which key signed an anchor. */
export function auditKeyCheck(): string {
  return ankerMac('voordeur audit key check').slice(0, 16);
}
