// Password policy for local accounts (NCSC / NIST SP 800-63B style: length over composition
// rules): at least 12 characters, at most 200, not the user name (nor containing it), not a
// common password (also not one with only digits or punctuation added), not the current one.
import type { FieldError } from '../http/errors.ts';

export const MIN_LENGTH = 12;
export const MAX_LENGTH = 200;

// Frequently used and breached passwords (international and Dutch), lower case. Compared after
// stripping digits, spaces and punctuation at the ends, so "Wachtwoord2026!" is refused too.
const COMMON = new Set([
  '123456',
  '123456789',
  '12345678',
  '1234567890',
  '12345',
  'qwerty',
  'qwertyuiop',
  'password',
  'passw0rd',
  'password1',
  'iloveyou',
  'admin',
  'administrator',
  'welcome',
  'welkom',
  'welkom01',
  'letmein',
  'monkey',
  'dragon',
  'football',
  'baseball',
  'sunshine',
  'princess',
  'master',
  'shadow',
  'superman',
  'trustno1',
  'starwars',
  'whatever',
  'abc123',
  'qazwsx',
  'zaq12wsx',
  'asdfghjkl',
  'azerty',
  'changeme',
  'secret',
  'geheim',
  'wachtwoord',
  'wachtwoord1',
  'wachtwoordje',
  'voordeur',
  'veiligthuis',
  'veilig thuis',
  'veilig',
  'thuis',
  'amsterdam',
  'rotterdam',
  'utrecht',
  'nederland',
  'holland',
  'ajax',
  'feyenoord',
  'psv',
  'voetbal',
  'zomer',
  'winter',
  'lente',
  'herfst',
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
  'maandag',
  'dinsdag',
  'woensdag',
  'donderdag',
  'vrijdag',
  'zaterdag',
  'zondag',
  'hallo',
  'hallo123',
  'hoihoi',
  'liefde',
  'schatje',
  'lieverd',
  'konijn',
  'poes',
  'hond',
  'kaas',
  'gemeente',
  'politie',
  'jeugdzorg',
  'zorg',
  'huiselijkgeweld',
  'kindermishandeling',
  'medewerker',
  'gebruiker',
  'inloggen',
  'toegang',
  'beheer',
  'beheerder',
  'test',
  'testtest',
  'test123',
  'demo',
  'qwerty123',
  'passwordpassword',
  'wachtwoordwachtwoord',
  'aaaaaaaaaaaa',
  'abcdefghijkl',
  'abcdefghijklmnop',
  'qwertyqwerty',
  '111111111111',
  '000000000000',
  '123123123123',
  '123456123456',
  'correcthorsebatterystaple',
  'ikhouvanjou',
  'welkomwelkom',
  'welkom123',
  'zomer2024',
  'zomer2025',
  'zomer2026',
  'winter2025',
  'winter2026',
  'lente2026',
]);

const stripEnds = (pw: string) => pw.toLowerCase().replace(/^[^a-z]+|[^a-z]+$/g, '');

/**
 * Field errors for a new password (empty when it is acceptable). `field` names the input
 * (e.g. 'nieuwWachtwoord') and `label` is how the message names it.
 */
export function checkPassword(
  pw: string,
  opts: { gebruikersnaam: string; huidig?: string; field?: string; label?: string },
): FieldError[] {
  const field = opts.field ?? 'wachtwoord';
  const label = opts.label ?? 'Wachtwoord';
  const errors: FieldError[] = [];
  const add = (rule: string, message: string) => errors.push({ field, rule, message: `${label}: ${message}` });
  const length = [...pw].length;
  if (length < MIN_LENGTH) add('min_lengte', `minstens ${MIN_LENGTH} tekens (nu ${length})`);
  if (length > MAX_LENGTH) add('max_lengte', `hoogstens ${MAX_LENGTH} tekens`);
  const lower = pw.toLowerCase();
  const naam = opts.gebruikersnaam.toLowerCase();
  if (naam && (lower === naam || (naam.length >= 3 && lower.includes(naam))))
    add('gebruikersnaam', 'mag niet uw gebruikersnaam zijn of bevatten');
  const core = stripEnds(pw);
  if (
    COMMON.has(lower) ||
    COMMON.has(lower.replace(/\s+/g, '')) ||
    (core.length > 0 && COMMON.has(core)) ||
    /^(.)\1+$/.test(pw)
  ) {
    add('veelgebruikt', 'dit is een veelgebruikt wachtwoord; kies een langere zin of een wachtwoordmanager');
  }
  if (opts.huidig !== undefined && pw === opts.huidig)
    add('ongewijzigd', 'moet verschillen van het huidige wachtwoord');
  return errors;
}
