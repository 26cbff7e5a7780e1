// Mijn account (every logged-in user): change the password (the server's policy errors beside the
// field), set up or renew the second factor (a QR code of the otpauth URI, drawn in the browser, with
// the URI as text and the secret beside it for those who cannot scan), new recovery codes (shown
// once), and logging out on every device.
import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { ErrorSummary, Notice, TextField } from '../components/forms.tsx';
import { LiveMelding, serverFout, type Melding } from '../components/Melding.tsx';
import { QrCode } from '../components/QrCode.tsx';
import type { FieldErrors } from '../fieldErrors.ts';
import { formatTijdstip } from '../format.ts';
import { useApi } from '../useApi.ts';
import { checkWachtwoord, herstelcodesStatus } from './AccountModel.ts';

interface AccountInfo {
  gebruikersnaam: string;
  naam: string;
  rollen: string[];
  lokaalWachtwoord: boolean;
  wachtwoordGewijzigdOp: string | null;
  sso: boolean;
  sessie: { methode: string | null };
  tweedeFactor: { ingeschreven: boolean; verplicht: boolean; herstelcodesOver: number };
}

/** The base32 secret in groups of four, easier to type over. */
export function groepeer(geheim: string): string {
  return geheim
    .replace(/\s+/g, '')
    .replace(/(.{4})/g, '$1 ')
    .trim();
}

export function AccountPage({ onLoggedOutEverywhere }: { onLoggedOutEverywhere: () => void }) {
  const info = useApi<AccountInfo>('/api/account');
  const a = info.data;
  return (
    <>
      <h1>Mijn account</h1>
      {info.error && <Notice kind="error">{info.error.message}</Notice>}
      {!a && !info.error && <p aria-live="polite">Laden…</p>}
      {a && (
        <>
          <dl className="facts" data-testid="account-gegevens">
            <dt>Naam</dt>
            <dd>{a.naam}</dd>
            <dt>Gebruikersnaam</dt>
            <dd>
              <code>{a.gebruikersnaam}</code>
            </dd>
            <dt>Inloggen</dt>
            <dd>
              {a.sso ? 'via single sign-on van uw organisatie' : 'met wachtwoord'}
              {a.tweedeFactor.ingeschreven ? ' en tweede factor (app)' : ''}
            </dd>
            {a.lokaalWachtwoord && (
              <>
                <dt>Wachtwoord gewijzigd</dt>
                <dd>
                  {a.wachtwoordGewijzigdOp
                    ? formatTijdstip(a.wachtwoordGewijzigdOp)
                    : 'nog nooit door uzelf — kies een eigen wachtwoord als u het van de beheerder kreeg'}
                </dd>
              </>
            )}
          </dl>
          {a.lokaalWachtwoord && <Wachtwoord onChanged={info.reload} />}
          <TweedeFactor info={a} onChanged={info.reload} />
          <AlleApparaten onDone={onLoggedOutEverywhere} />
        </>
      )}
    </>
  );
}

function Wachtwoord({ onChanged }: { onChanged: () => void }) {
  const [f, setF] = useState({ huidig: '', nieuw: '', herhaal: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [melding, setMelding] = useState<Melding>(null);
  const [busy, setBusy] = useState(false);
  const LABEL: Record<string, string> = {
    'pw.huidigWachtwoord': 'Huidig wachtwoord',
    'pw.nieuwWachtwoord': 'Nieuw wachtwoord',
    'pw.herhaal': 'Herhaal het nieuwe wachtwoord',
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMelding(null);
    setAttempt((x) => x + 1);
    // Every rule the browser knows at once (a too-short password and a wrong repeat both).
    const errs: FieldErrors = checkWachtwoord(f);
    if (Object.keys(errs).length) return setErrors(errs);
    setErrors({});
    setBusy(true);
    try {
      const r = await api.post<{ andereSessiesBeeindigd: number }>('/api/account/wachtwoord', {
        huidigWachtwoord: f.huidig,
        nieuwWachtwoord: f.nieuw,
      });
      setF({ huidig: '', nieuw: '', herhaal: '' });
      setMelding({
        kind: 'success',
        text: `Uw wachtwoord is gewijzigd.${r.andereSessiesBeeindigd ? ` U bent uitgelogd op ${r.andereSessiesBeeindigd} ander${r.andereSessiesBeeindigd === 1 ? ' apparaat' : 'e apparaten'}.` : ''}`,
      });
      onChanged();
    } catch (err) {
      serverFout(err, 'pw', setErrors, setMelding);
      setAttempt((x) => x + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="pw-titel">
      <h2 id="pw-titel">Wachtwoord wijzigen</h2>
      <form onSubmit={submit} noValidate className="form panel form--narrow" aria-labelledby="pw-titel">
        <ErrorSummary errors={errors} focusKey={attempt} describe={(k) => LABEL[k] ?? k} />
        <LiveMelding melding={melding} />
        <TextField
          name="pw.huidigWachtwoord"
          label="Huidig wachtwoord"
          type="password"
          autoComplete="current-password"
          value={f.huidig}
          onChange={(v) => setF((x) => ({ ...x, huidig: v }))}
          errors={errors}
          width="m"
        />
        <TextField
          name="pw.nieuwWachtwoord"
          label="Nieuw wachtwoord"
          type="password"
          autoComplete="new-password"
          hint="Minstens 12 tekens; een zin van een paar woorden werkt goed. Niet uw gebruikersnaam en geen veelgebruikt wachtwoord."
          value={f.nieuw}
          onChange={(v) => setF((x) => ({ ...x, nieuw: v }))}
          errors={errors}
          width="m"
        />
        <TextField
          name="pw.herhaal"
          label="Herhaal het nieuwe wachtwoord"
          type="password"
          autoComplete="new-password"
          value={f.herhaal}
          onChange={(v) => setF((x) => ({ ...x, herhaal: v }))}
          errors={errors}
          width="m"
        />
        <p className="hint">Na het wijzigen wordt u op uw andere apparaten uitgelogd.</p>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Bezig…' : 'Wachtwoord wijzigen'}
        </button>
      </form>
    </section>
  );
}

function Herstelcodes({ codes }: { codes: string[] }) {
  return (
    <div className="notice notice--warning" data-testid="herstelcodes">
      <p>
        <strong>Uw herstelcodes — alleen nu zichtbaar.</strong> Bewaar ze op een veilige plek (niet op dezelfde
        telefoon). Elke code werkt één keer in plaats van de code uit de app.
      </p>
      <ul className="codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

function TweedeFactor({ info, onChanged }: { info: AccountInfo; onChanged: () => void }) {
  const [stap, setStap] = useState<'rust' | 'wachtwoord' | 'code'>('rust');
  const [wachtwoord, setWachtwoord] = useState('');
  const [code, setCode] = useState('');
  const [herstelCode, setHerstelCode] = useState('');
  const [geheim, setGeheim] = useState<{ geheim: string; otpauthUri: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [melding, setMelding] = useState<Melding>(null);
  const [busy, setBusy] = useState(false);
  const t = info.tweedeFactor;
  const herstel = herstelcodesStatus(t.herstelcodesOver);
  const LABEL: Record<string, string> = {
    'totp.wachtwoord': 'Wachtwoord',
    'totp.code': 'Code',
    'herstel.code': 'Code uit de app',
  };

  const run = async (fn: () => Promise<void>, prefix: string) => {
    setMelding(null);
    setBusy(true);
    setAttempt((x) => x + 1);
    try {
      await fn();
      setErrors({});
    } catch (err) {
      serverFout(err, prefix, setErrors, setMelding);
      setAttempt((x) => x + 1);
    } finally {
      setBusy(false);
    }
  };

  const start = (e: FormEvent) => {
    e.preventDefault();
    setCodes(null);
    void run(async () => {
      const r = await api.post<{ geheim: string; otpauthUri: string }>(
        '/api/account/totp/inschrijving',
        info.lokaalWachtwoord ? { wachtwoord } : {},
      );
      setGeheim(r);
      setWachtwoord('');
      setStap('code');
    }, 'totp');
  };
  const bevestig = (e: FormEvent) => {
    e.preventDefault();
    if (!code.trim()) return setErrors({ 'totp.code': ['Verplicht veld'] });
    void run(async () => {
      const r = await api.post<{ herstelcodes: string[] }>('/api/account/totp/bevestiging', { code });
      setCodes(r.herstelcodes);
      setGeheim(null);
      setCode('');
      setStap('rust');
      setMelding({
        kind: 'success',
        text: 'De tweede factor is ingesteld. Vanaf nu vraagt Voordeur bij het inloggen om de code uit uw app.',
      });
      onChanged();
    }, 'totp');
  };
  const vernieuw = (e: FormEvent) => {
    e.preventDefault();
    if (!herstelCode.trim()) return setErrors({ 'herstel.code': ['Verplicht veld'] });
    void run(async () => {
      const r = await api.post<{ herstelcodes: string[] }>('/api/account/herstelcodes', { code: herstelCode });
      setCodes(r.herstelcodes);
      setHerstelCode('');
      setMelding({ kind: 'success', text: 'U heeft 10 nieuwe herstelcodes; de oude werken niet meer.' });
      onChanged();
    }, 'herstel');
  };

  return (
    <section className="section" aria-labelledby="totp-titel">
      <h2 id="totp-titel">Tweede factor</h2>
      <p>
        {t.ingeschreven
          ? 'Ingesteld: bij het inloggen vraagt Voordeur een code uit uw authenticator-app.'
          : 'Nog niet ingesteld.'}{' '}
        {t.verplicht
          ? 'Voor uw rol is een tweede factor verplicht.'
          : 'Voor uw rol is een tweede factor niet verplicht, maar wel aan te raden.'}
        {t.ingeschreven && herstel.soort === 'ok' && ` ${herstel.tekst}`}
      </p>
      {t.ingeschreven && herstel.soort !== 'ok' && !codes && (
        <div className="notice notice--warning" role="status" data-testid="herstelcodes-op">
          <p>{herstel.tekst}</p>
          <p>
            <a
              href="#f-herstel-code"
              onClick={(e) => {
                e.preventDefault();
                document.getElementById('f-herstel-code')?.focus();
              }}
            >
              Nieuwe herstelcodes maken
            </a>{' '}
            met een code uit uw authenticator-app.
          </p>
        </div>
      )}
      <ErrorSummary errors={errors} focusKey={attempt} describe={(k) => LABEL[k] ?? k} />
      <LiveMelding melding={melding} />
      {codes && <Herstelcodes codes={codes} />}
      <div className="two-column">
        <div className="panel form">
          <h3>{t.ingeschreven ? 'Opnieuw instellen (nieuwe telefoon)' : 'Instellen'}</h3>
          {stap !== 'code' && (
            <form onSubmit={start} noValidate>
              {info.lokaalWachtwoord && (
                <TextField
                  name="totp.wachtwoord"
                  label="Wachtwoord"
                  hint="Ter bevestiging dat u het bent"
                  type="password"
                  autoComplete="current-password"
                  value={wachtwoord}
                  onChange={setWachtwoord}
                  errors={errors}
                  width="m"
                />
              )}
              <button type="submit" className="button" disabled={busy}>
                Nieuw geheim maken
              </button>
            </form>
          )}
          {stap === 'code' && geheim && (
            <form onSubmit={bevestig} noValidate data-testid="totp-inschrijving">
              <p>
                Voeg Voordeur toe in uw authenticator-app: scan de QR-code met de app. Het geheim wordt maar één keer
                getoond.
              </p>
              <QrCode tekst={geheim.otpauthUri} label="QR-code om de tweede factor in uw authenticator-app te zetten" />
              <p>
                Lukt scannen niet? Kies in de app “sleutel invoeren” en typ het geheim over, of open de koppeling op de
                telefoon.
              </p>
              <dl className="facts">
                <dt>Geheim</dt>
                <dd>
                  <code className="secret">{groepeer(geheim.geheim)}</code>
                </dd>
                <dt>Koppeling (otpauth)</dt>
                <dd>
                  <code className="secret secret--wrap">{geheim.otpauthUri}</code>
                </dd>
              </dl>
              <TextField
                name="totp.code"
                label="Code"
                hint="De 6 cijfers die de app nu toont"
                value={code}
                onChange={setCode}
                errors={errors}
                width="s"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={10}
              />
              <div className="button-row">
                <button type="submit" className="button" disabled={busy}>
                  Bevestigen
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setGeheim(null);
                    setStap('rust');
                  }}
                >
                  Annuleren
                </button>
              </div>
              {t.ingeschreven && <p className="hint">Tot u bevestigt, blijft uw huidige app werken.</p>}
            </form>
          )}
        </div>
        {t.ingeschreven && (
          <form onSubmit={vernieuw} noValidate className="panel form" aria-labelledby="herstel-titel">
            <h3 id="herstel-titel">Nieuwe herstelcodes</h3>
            <p>De oude herstelcodes vervallen. U ziet de nieuwe maar één keer.</p>
            <TextField
              name="herstel.code"
              label="Code uit de app"
              value={herstelCode}
              onChange={setHerstelCode}
              errors={errors}
              width="s"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={40}
            />
            <button type="submit" className="button" disabled={busy}>
              Nieuwe herstelcodes maken
            </button>
          </form>
        )}
      </div>
    </section>
  );
}

function AlleApparaten({ onDone }: { onDone: () => void }) {
  const [melding, setMelding] = useState<Melding>(null);
  const [zeker, setZeker] = useState(false);
  return (
    <section className="section" aria-labelledby="overal-titel">
      <h2 id="overal-titel">Uitloggen op alle apparaten</h2>
      <p>
        Bijvoorbeeld als u uw telefoon of laptop kwijt bent, of vergat uit te loggen op een andere computer. Ook deze
        sessie eindigt. Wat u in formulieren had ingevuld, blijft bewaard als concept.
      </p>
      <LiveMelding melding={melding} />
      {!zeker ? (
        <button type="button" className="button button--secondary" onClick={() => setZeker(true)}>
          Uitloggen op alle apparaten…
        </button>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button"
            onClick={async () => {
              try {
                await api.del('/api/sessie/alle');
                onDone();
              } catch (err) {
                setMelding({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
              }
            }}
          >
            Ja, overal uitloggen
          </button>
          <button type="button" className="button button--secondary" onClick={() => setZeker(false)}>
            Annuleren
          </button>
        </div>
      )}
    </section>
  );
}
