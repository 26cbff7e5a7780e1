// The embedded database's data directory holds personal data (table files, WAL segments with every
// change, the data key in demo mode): readable by the service account only. The process runs with
// umask 077, so every file Voordeur writes is 0600 and every directory 0700; a directory Voordeur
// creates is created 0700; a directory that group or others can enter is refused with the command
// that fixes it. PGlite's file system layer sets its own modes (0666) explicitly, past the umask:
// the 0700 directory keeps those files from other users, and `tightenTree` takes group and other
// bits off every file when the database opens and closes.
import fs from 'node:fs';
import path from 'node:path';

/** Files and directories written from now on by this process: owner only. */
export function ownerOnlyUmask(): void {
  try {
    process.umask(0o077);
  } catch {
    // Worker threads cannot change the umask; the directory check below still holds.
  }
}

/** Make sure `dir` exists and only its owner can use it; throws (refuses to start) otherwise. */
export function secureDataDir(dir: string): void {
  ownerOnlyUmask();
  if (process.platform === 'win32') return;
  if (!fs.existsSync(dir)) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.chmodSync(dir, 0o700);
    return;
  }
  const st = fs.statSync(dir);
  if (!st.isDirectory()) throw new Error(`data directory ${dir} is not a directory (VOORDEUR_DATA_DIR)`);
  const mode = st.mode & 0o777;
  if (mode & 0o077) {
    throw new Error(
      `data directory ${dir} can be read by other users (mode ${mode.toString(8).padStart(4, '0')}): it holds the ` +
        `personal data of the embedded database. Fix it with: chmod 700 ${dir} && chmod -R go-rwx ${dir} ` +
        `(as the account that runs Voordeur), then start again.`,
    );
  }
}

/** Remove group and other permission bits from everything under `dir` (not following links). */
export function tightenTree(dir: string): void {
  if (process.platform === 'win32') return;
  const walk = (p: string) => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return;
    if (st.mode & 0o077) fs.chmodSync(p, st.mode & 0o700);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
  };
  walk(dir);
}
