// The embedded database's data directory is the service account's only (issue 18): created 0700
// with every file 0600, and a directory other users can read is refused with the fix.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveDataKey } from '../crypto/veld.ts';
import { openDatabase } from './index.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'voordeur-datadir-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Every file and directory under `dir` (itself included) with group or other permission bits. */
function openToOthers(dir: string): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = fs.statSync(p);
    if (st.mode & 0o077) out.push(`${path.relative(root, p) || '.'} ${(st.mode & 0o777).toString(8)}`);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
  };
  walk(dir);
  return out;
}

describe.skipIf(process.platform === 'win32')('embedded data directory', () => {
  it('a new data directory (and its parents) is created 0700 with owner-only files, the data key too', async () => {
    const umask = process.umask(0o022);
    try {
      const dir = path.join(root, 'nieuw', 'data');
      expect(resolveDataKey({ env: {}, dataDir: dir, allowKeyFile: true }).source).toMatch(/\(new\)$/);
      const db = await openDatabase({ databaseUrl: null, dataDir: dir });
      await db.close();
      expect(fs.readdirSync(dir).length).toBeGreaterThan(10);
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      expect(openToOthers(dir)).toEqual([]);
    } finally {
      process.umask(umask);
    }
  });

  it('refuses to start on a data directory other users can read, saying how to fix it', async () => {
    const dir = path.join(root, 'open');
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    await expect(openDatabase({ databaseUrl: null, dataDir: dir })).rejects.toThrow(
      `data directory ${dir} can be read by other users (mode 0755)`,
    );
    await expect(openDatabase({ databaseUrl: null, dataDir: dir })).rejects.toThrow(`chmod 700 ${dir}`);
    expect(() => resolveDataKey({ env: {}, dataDir: dir, allowKeyFile: true })).toThrow(/chmod 700/);
    expect(fs.readdirSync(dir)).toEqual([]);
    // After the fix it starts.
    fs.chmodSync(dir, 0o700);
    const db = await openDatabase({ databaseUrl: null, dataDir: dir });
    await db.close();
    expect(openToOthers(dir)).toEqual([]);
  });
});
