// The logic of the own account page, apart from the components for unit tests: the browser check
// of a new password (with a wrong repeat, the server's length rule is named too) and what the page
// says about the recovery codes left.

/** The server's minimum (packages/server/src/auth/password-policy.ts MIN_LENGTH). */
export const MIN_WACHTWOORD = 12;

export interface WachtwoordForm {
  huidig: string;
  nieuw: string;
  herhaal: string;
}

/**
 * Field errors before sending. A wrong repeat stops the form here, and then the length rule is
 * named with it (not one message now and the next after the fix). When the repeat matches, the
 * server checks the password and names every rule it breaks at once (length, user name, common).
 */
export function checkWachtwoord(f: WachtwoordForm): Record<string, string[]> {
  const errs: Record<string, string[]> = {};
  if (!f.huidig) errs['pw.huidigWachtwoord'] = ['Verplicht veld'];
  if (!f.nieuw) errs['pw.nieuwWachtwoord'] = ['Verplicht veld'];
  else if (f.nieuw !== f.herhaal) {
    errs['pw.herhaal'] = [f.herhaal ? 'Komt niet overeen met het nieuwe wachtwoord' : 'Herhaal het nieuwe wachtwoord'];
    const n = [...f.nieuw].length;
    if (n < MIN_WACHTWOORD) errs['pw.nieuwWachtwoord'] = [`Minstens ${MIN_WACHTWOORD} tekens (nu ${n})`];
  }
  return errs;
}

/** What the page says about the recovery codes left: plain while there are enough, a warning with what to do when few or none are left. */
export function herstelcodesStatus(over: number): { soort: 'ok' | 'weinig' | 'op'; tekst: string } {
  if (over <= 0)
    return {
      soort: 'op',
      tekst:
        'U heeft geen ongebruikte herstelcodes meer. Raakt u uw telefoon kwijt, dan kunt u niet inloggen tot de functioneel beheerder uw tweede factor reset. Maak nu nieuwe herstelcodes.',
    };
  if (over <= 2)
    return {
      soort: 'weinig',
      tekst: `U heeft nog maar ${over} ongebruikte herstelcode${over === 1 ? '' : 's'}. Maak nieuwe herstelcodes voordat ze op zijn.`,
    };
  return { soort: 'ok', tekst: `U heeft nog ${over} ongebruikte herstelcodes.` };
}
