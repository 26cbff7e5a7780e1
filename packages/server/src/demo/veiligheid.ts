// Safe defaults at start: outside demo mode, Voordeur refuses to serve a database in which demo
// accounts can still log in with the published demo password (README). Such accounts appear when a
// database was once started in demo mode and later taken into use; their passwords and second-factor
// secrets are public, so serving it would open the door to anyone who read the README.
import { sql } from 'kysely';
import { verifyPassword } from '../auth/session.ts';
import type { Db } from '../db/index.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './demo.ts';

/** Active demo accounts whose password is still the published demo password. */
export async function openDemoAccounts(db: Db): Promise<string[]> {
  const namen = DEMO_USERS.map((u) => u.gebruikersnaam);
  const rows = (
    await sql<{ gebruikersnaam: string; wachtwoord_hash: string | null }>`
      select gebruikersnaam, wachtwoord_hash from gebruiker where actief and gebruikersnaam = any(${namen})`.execute(db)
  ).rows;
  const open: string[] = [];
  for (const r of rows) if (await verifyPassword(r.wachtwoord_hash, DEMO_PASSWORD)) open.push(r.gebruikersnaam);
  return open;
}

/** Throws, with what to do, when demo mode is off and demo accounts with the demo password are active. */
export async function weigerOpenDemoAccounts(db: Db, demo: boolean): Promise<void> {
  if (demo) return;
  const open = await openDemoAccounts(db);
  if (open.length)
    throw new Error(
      `Voordeur does not start: VOORDEUR_DEMO is off, but this database has active demo accounts with the ` +
        `published demo password (${open.join(', ')}). Deactivate them or change their passwords ` +
        `(as functioneel beheerder, or start once with VOORDEUR_DEMO=true to do so), or use a database without demo data.`,
    );
}
