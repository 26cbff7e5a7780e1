// `voordeur demo-totp <user>`: the current second-factor code of a demo user. DEMO ONLY: demo
// users are enrolled with fixed secrets derived from their names (demo/demo.ts), which are public.
import { DEMO_USERS, demoUserNeedsTotp } from '../demo/demo.ts';
import { demoSecret, otpauthUri, TOTP_STEP_SECONDS, totp } from './totp.ts';

export const DEMO_TOTP_USAGE =
  'demo-totp USER                current second-factor code of a demo user (demo secrets are public)';

/** Returns the exit code: 0 printed, 2 not a demo user. */
export function demoTotpCommand(
  args: string[],
  now = new Date(),
  out: { log: (s: string) => void; error: (s: string) => void } = console,
): number {
  const gebruikersnaam = args[0];
  const u = DEMO_USERS.find((x) => x.gebruikersnaam === gebruikersnaam);
  if (!u) {
    out.error(`usage: voordeur demo-totp USER, one of: ${DEMO_USERS.map((x) => x.gebruikersnaam).join(', ')}`);
    return 2;
  }
  if (!demoUserNeedsTotp(u)) {
    out.log(
      `${u.gebruikersnaam} (${u.rollen.join(', ')}) logs in with the password only: no second factor for this role${process.env.VOORDEUR_REQUIRE_TOTP === 'false' ? ' (VOORDEUR_REQUIRE_TOTP=false)' : ''}.`,
    );
    return 0;
  }
  const secret = demoSecret(u.gebruikersnaam);
  const left = TOTP_STEP_SECONDS - (Math.floor(now.getTime() / 1000) % TOTP_STEP_SECONDS);
  out.log(
    `${totp(secret, now)}   code for ${u.gebruikersnaam}, valid ${left} s more (each code works once; the next one comes within 30 s)`,
  );
  out.log(`demo secret ${secret} — for an authenticator app: ${otpauthUri(secret, u.gebruikersnaam)}`);
  return 0;
}
