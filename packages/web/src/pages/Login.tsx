// Login in one or two steps (see packages/server/src/auth/routes.ts):
//   1. POST /api/sessie {gebruikersnaam, wachtwoord} → logged in, or {stap: 'totp' | 'totp_inschrijven'}
//   2. POST /api/sessie/totp {code} (code from the authenticator app, or a recovery code); when the
//      second factor is not set up yet, first POST /api/sessie/totp/inschrijving → {geheim, otpauthUri}.
// New recovery codes (after enrolment) are shown once, before the app opens.
import { loginInputSchema } from '@voordeur/domain';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, setCsrfToken } from '../api.ts';
import { ErrorSummary, TextField } from '../components/forms.tsx';
import { fromServerFields, fromZodIssues, type FieldErrors } from '../fieldErrors.ts';
import type { SessieAntwoord } from '../types.ts';
import { QrCode } from '../components/QrCode.tsx';

type LoginAntwoord =
  (SessieAntwoord & { herstelcodes?: string[]; herstelcodesOver?: number }) | { stap: 'totp' | 'totp_inschrijven' };
type Stap =
  | { stap: 'wachtwoord' }
  | { stap: 'totp' }
  | { stap: 'totp_inschrijven'; geheim?: string; otpauthUri?: string }
  | { stap: 'herstelcodes'; codes: string[]; sessie: SessieAntwoord };

/** '2FQX…' → '2FQX 7K3M …' (easier to type into an authenticator app). */
export const groepeer = (s: string) => s.replace(/(.{4})/g, '$1 ').trim();

/** The message after logging in with a recovery code: how many are left, and what to do when few or none are. */
export function herstelcodeLoginTekst(over: number): string {
  if (over <= 0)
    return 'U heeft met uw laatste herstelcode ingelogd. Maak nu via Mijn account nieuwe herstelcodes aan: zonder telefoon en zonder herstelcodes kunt u niet meer inloggen.';
  return `U heeft met een herstelcode ingelogd; u heeft er nog ${over}.${over <= 3 ? ' Maak via Mijn account nieuwe herstelcodes aan.' : ''}`;
}

export function LoginPage({
  reason,
  onLoggedIn,
}: {
  reason?: string;
  onLoggedIn: (s: SessieAntwoord, melding?: string) => void;
}) {
  const [stap, setStap] = useState<Stap>({ stap: 'wachtwoord' });
  const [gebruikersnaam, setGebruikersnaam] = useState('');
  const [wachtwoord, setWachtwoord] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const stapRef = useRef<HTMLHeadingElement>(null);
  // Each new step: focus its heading (screen readers announce it; the field follows).
  useEffect(() => {
    if (stap.stap !== 'wachtwoord') stapRef.current?.focus();
  }, [stap.stap]);

  const klaar = async (r: SessieAntwoord & { herstelcodes?: string[]; herstelcodesOver?: number }) => {
    setCsrfToken(r.csrfToken);
    // The session answer also carries the role labels.
    const s = await api.get<SessieAntwoord>('/api/sessie').catch(() => r);
    if (r.herstelcodes?.length) {
      setStap({ stap: 'herstelcodes', codes: r.herstelcodes, sessie: s });
      return;
    }
    const over = r.herstelcodesOver;
    onLoggedIn(s, over !== undefined ? herstelcodeLoginTekst(over) : undefined);
  };

  const fout = (err: unknown, veld: string) => {
    if (err instanceof ApiError && err.status === 400 && err.body.fields) setErrors(fromServerFields(err.body.fields));
    else if (err instanceof ApiError && err.code === 'code_onjuist')
      setErrors({ [veld]: [err.message || 'De code is onjuist of verlopen'] });
    else if (
      err instanceof ApiError &&
      (err.code === 'niet_ingelogd' || (err.status === 429 && stap.stap !== 'wachtwoord'))
    ) {
      // The first step expired (10 minutes), or too many wrong codes ended it: start again.
      setStap({ stap: 'wachtwoord' });
      setFailure(err.message);
    } else setFailure(err instanceof Error ? err.message : String(err));
    setAttempt((a) => a + 1);
  };

  const stap1 = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setAttempt((a) => a + 1);
    const parsed = loginInputSchema.safeParse({ gebruikersnaam, wachtwoord });
    if (!parsed.success) {
      setErrors(fromZodIssues(parsed.error.issues));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const r = await api.post<LoginAntwoord>('/api/sessie', parsed.data);
      setWachtwoord('');
      if ('stap' in r) {
        setCode('');
        setStap({ stap: r.stap });
      } else await klaar(r);
    } catch (err) {
      setWachtwoord('');
      fout(err, 'wachtwoord');
    } finally {
      setBusy(false);
    }
  };

  const stap2 = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const c = code.trim();
    if (!c) {
      setErrors({ code: ['Vul de code in'] });
      setAttempt((a) => a + 1);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await klaar(
        await api.post<SessieAntwoord & { herstelcodes?: string[]; herstelcodesOver?: number }>('/api/sessie/totp', {
          code: c.replace(/\s+/g, ''),
        }),
      );
    } catch (err) {
      setCode('');
      fout(err, 'code');
    } finally {
      setBusy(false);
    }
  };

  const inschrijven = async () => {
    setFailure(null);
    setBusy(true);
    try {
      const r = await api.post<{ geheim: string; otpauthUri: string }>('/api/sessie/totp/inschrijving', {});
      setStap({ stap: 'totp_inschrijven', geheim: r.geheim, otpauthUri: r.otpauthUri });
    } catch (err) {
      fout(err, 'code');
    } finally {
      setBusy(false);
    }
  };

  const opnieuw = () => {
    setStap({ stap: 'wachtwoord' });
    setErrors({});
    setFailure(null);
    setCode('');
  };

  const codeForm = (label: string, hint: string) => (
    <form onSubmit={stap2} noValidate className="form">
      <TextField
        name="code"
        label={label}
        hint={hint}
        value={code}
        onChange={setCode}
        errors={errors}
        autoComplete="one-time-code"
        width="m"
        maxLength={40}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Bezig met inloggen…' : 'Inloggen'}
        </button>
        <button type="button" className="button button--link" onClick={opnieuw}>
          Opnieuw beginnen
        </button>
      </div>
    </form>
  );

  return (
    <div className="login">
      <header className="site-header">
        <div className="site-header__inner">
          <span className="site-header__brand">
            Voordeur <span className="site-header__org">Veilig Thuis</span>
          </span>
        </div>
      </header>
      <main id="main" className="page page--narrow">
        <h1>Inloggen</h1>
        {reason && !failure && stap.stap === 'wachtwoord' && (
          <div className="notice notice--info" role="status">
            {reason}
          </div>
        )}
        {failure && (
          <div className="notice notice--error" role="alert" data-testid="login-fout">
            {failure}
          </div>
        )}
        <ErrorSummary
          errors={errors}
          focusKey={attempt}
          describe={(k) => ({ gebruikersnaam: 'Gebruikersnaam', wachtwoord: 'Wachtwoord', code: 'Code' })[k] ?? k}
        />

        {stap.stap === 'wachtwoord' && (
          <form onSubmit={stap1} noValidate className="form">
            <TextField
              name="gebruikersnaam"
              label="Gebruikersnaam"
              value={gebruikersnaam}
              onChange={setGebruikersnaam}
              errors={errors}
              autoComplete="username"
              width="m"
            />
            <TextField
              name="wachtwoord"
              label="Wachtwoord"
              type="password"
              value={wachtwoord}
              onChange={setWachtwoord}
              errors={errors}
              autoComplete="current-password"
              width="m"
            />
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Bezig met inloggen…' : 'Inloggen'}
            </button>
          </form>
        )}

        {stap.stap === 'totp' && (
          <section aria-labelledby="stap-titel">
            <h2 id="stap-titel" tabIndex={-1} ref={stapRef}>
              Tweede stap: code
            </h2>
            <p>Open de authenticator-app op uw telefoon en vul de code van 6 cijfers in die bij Voordeur staat.</p>
            {codeForm('Code', 'Geen telefoon bij de hand? Vul een van uw herstelcodes in (xxxx-xxxx-xxxx-xxxx).')}
          </section>
        )}

        {stap.stap === 'totp_inschrijven' && (
          <section aria-labelledby="stap-titel">
            <h2 id="stap-titel" tabIndex={-1} ref={stapRef}>
              Tweede stap instellen
            </h2>
            <p>
              Uw rol geeft toegang tot persoonsgegevens. Daarom logt u in met een tweede factor: een code uit een
              authenticator-app op uw telefoon.
            </p>
            {!stap.geheim ? (
              <button type="button" className="button" onClick={inschrijven} disabled={busy}>
                {busy ? 'Bezig…' : 'Tweede factor instellen'}
              </button>
            ) : (
              <>
                <ol className="steps-list">
                  <li>
                    Voeg in de app een account toe: scan deze QR-code met de app.
                    {stap.otpauthUri && (
                      <QrCode
                        tekst={stap.otpauthUri}
                        label="QR-code om de tweede factor in uw authenticator-app te zetten"
                      />
                    )}
                    Lukt scannen niet? Typ deze sleutel over:
                    <code className="geheim" data-testid="totp-geheim">
                      {groepeer(stap.geheim)}
                    </code>
                    Of open <a href={stap.otpauthUri}>deze koppeling</a> op de telefoon met de app.
                  </li>
                  <li>Vul de code van 6 cijfers in die de app nu toont.</li>
                </ol>
                {codeForm('Code uit de app', '6 cijfers')}
              </>
            )}
          </section>
        )}

        {stap.stap === 'herstelcodes' && (
          <section aria-labelledby="stap-titel">
            <h2 id="stap-titel" tabIndex={-1} ref={stapRef}>
              Bewaar uw herstelcodes
            </h2>
            <p>
              Met een herstelcode logt u in als u uw telefoon niet bij de hand heeft. Elke code werkt één keer. Bewaar
              ze op een veilige plek; ze worden niet opnieuw getoond.
            </p>
            <ul className="herstelcodes" data-testid="herstelcodes">
              {stap.codes.map((c) => (
                <li key={c}>
                  <code>{c}</code>
                </li>
              ))}
            </ul>
            <button type="button" className="button" onClick={() => onLoggedIn(stap.sessie)}>
              Ik heb de codes bewaard, verder
            </button>
          </section>
        )}

        {stap.stap === 'wachtwoord' && (
          <p className="hint">
            Voordeur is alleen voor medewerkers van Veilig Thuis. Elke inzage wordt vastgelegd (NEN 7513).
          </p>
        )}
      </main>
    </div>
  );
}
