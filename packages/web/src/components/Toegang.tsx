// Access to a casus on the casus page: the explanation and the "break the glass" form when the
// server answers 403 geen_relatie, the banner under emergency access, and the MDO consultations.
// The server decides (docs/security.md, "Access to a casus"); this only shows and asks.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { useApp } from '../context.ts';
import { fromServerFields, type FieldErrors } from '../fieldErrors.ts';
import { formatTijdstip } from '../format.ts';
import { CASE_ROLES } from '../roles.ts';
import { ErrorSummary, Notice, SelectField, TextArea } from './forms.tsx';

export interface Noodtoegang {
  id: number;
  reden: string;
  verleendOp: string;
  verlooptOp: string;
}

export interface CasusToegang {
  relaties: Array<{ relatie: string; label: string }>;
  noodtoegang: Noodtoegang | null;
  magConsulteren: boolean;
}

export interface Consultatie {
  id: number;
  gebruiker: { id: number; naam: string; rollen: string[]; team: string | null };
  toelichting: string;
  vastgelegdDoor: string;
  vastgelegdOp: string;
  geldigTot: string;
  beeindigdOp: string | null;
  beeindigdDoor: string | null;
  actief: boolean;
}

const REDEN_MIN = 20;

const ROL_NAAM: Record<string, string> = {
  bureaudienst: 'bureaudienst',
  backoffice: 'backoffice',
  gedragswetenschapper: 'gedragswetenschapper',
  vertrouwensarts: 'vertrouwensarts',
  teammanager: 'teammanager',
  crisisdienst: 'crisisdienst',
};
const rollenTekst = (rollen: string[]) => rollen.map((r) => ROL_NAAM[r] ?? r).join(', ');

/** 403 geen_relatie: why, and the emergency-access form. */
export function GeenRelatie({
  casusId,
  message,
  onGranted,
}: {
  casusId: number;
  message: string;
  onGranted: () => void;
}) {
  const [reden, setReden] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const tekst = reden.trim();
    if (tekst.length < REDEN_MIN) {
      setErrors({
        reden: [
          tekst
            ? `Minimaal ${REDEN_MIN} tekens: beschrijf waarom u deze casus nu moet inzien (nu ${tekst.length})`
            : 'Verplicht veld: beschrijf waarom u deze casus nu moet inzien',
        ],
      });
      setAttempt((a) => a + 1);
      return;
    }
    setBusy(true);
    try {
      await api.post(`/api/casussen/${casusId}/noodtoegang`, { reden: tekst });
      setErrors({});
      onGranted();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.body.fields) {
        setErrors(fromServerFields(err.body.fields));
        setAttempt((a) => a + 1);
      } else setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="geen-relatie-titel" data-testid="geen-relatie">
      <div className="notice notice--warning">
        <h2 id="geen-relatie-titel">U heeft geen toegang tot deze casus</h2>
        <p>{message}</p>
        <p>Kan het wachten? Vraag dan de behandelaar of de teammanager van de casus om u te consulteren in een MDO.</p>
      </div>
      <form className="form form--narrow" aria-labelledby="noodtoegang-titel" onSubmit={submit} noValidate>
        <h2 id="noodtoegang-titel">Noodtoegang (break the glass)</h2>
        <p>
          Alleen als de veiligheid van een cliënt het nu vereist. U krijgt toegang tot deze casus voor deze sessie,
          hoogstens 12 uur. Alles wat u onder noodtoegang inziet of vastlegt, wordt als noodtoegang gelogd en door de
          privacy officer beoordeeld.
        </p>
        <ErrorSummary errors={errors} focusKey={attempt} describe={() => 'Reden'} />
        <div aria-live="polite">{problem && <Notice kind="error">Noodtoegang lukte niet: {problem}</Notice>}</div>
        <TextArea
          name="reden"
          label="Reden"
          hint={`Minimaal ${REDEN_MIN} tekens: wat is er aan de hand en waarom kan het niet wachten?`}
          errors={errors}
          value={reden}
          onChange={setReden}
          rows={4}
        />
        <div className="button-row">
          <button type="submit" className="button" disabled={busy}>
            Noodtoegang vragen
          </button>
        </div>
      </form>
    </section>
  );
}

/** The banner while the casus is open under emergency access. */
export function NoodtoegangBanner({ noodtoegang }: { noodtoegang: Noodtoegang }) {
  return (
    <section
      className="notice notice--warning noodtoegang-banner"
      aria-labelledby="noodtoegang-banner-titel"
      data-testid="noodtoegang-banner"
    >
      <h2 id="noodtoegang-banner-titel">Noodtoegang</h2>
      <p>
        U ziet deze casus met <strong>noodtoegang</strong>, geldig tot {formatTijdstip(noodtoegang.verlooptOp)} (of tot
        u uitlogt). Alles wat u hier inziet of vastlegt, wordt gelogd als noodtoegang en beoordeeld door de privacy
        officer.
      </p>
      <p>
        <span className="muted">Uw reden:</span> {noodtoegang.reden}
      </p>
    </section>
  );
}

/** MDO consultations of the casus: list, and for who works on it a form to add one and to end one. */
export function Consultaties({
  casusId,
  consultaties,
  magConsulteren,
  onChanged,
}: {
  casusId: number;
  consultaties: Consultatie[];
  magConsulteren: boolean;
  onChanged: () => void;
}) {
  const app = useApp();
  const [gebruikerId, setGebruikerId] = useState('');
  const [toelichting, setToelichting] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const actief = new Set(consultaties.filter((k) => k.actief).map((k) => k.gebruiker.id));
  const options = app.ref.medewerkers
    .filter(
      (m) =>
        m.id !== app.user.id &&
        !actief.has(m.id) &&
        m.rollen.some((r) => (CASE_ROLES as readonly string[]).includes(r)),
    )
    .map((m) => ({
      value: String(m.id),
      label: `${m.naam} (${rollenTekst(m.rollen)}${m.teamId ? `, ${app.ref.teams.find((t) => t.id === m.teamId)?.naam ?? ''}` : ''})`,
    }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    setNotice(null);
    const errs: FieldErrors = {};
    if (!gebruikerId) errs.gebruikerId = ['Kies een medewerker'];
    if (toelichting.trim().length < 10)
      errs.toelichting = ['Minimaal 10 tekens: waarover wordt de collega geconsulteerd?'];
    setErrors(errs);
    setAttempt((a) => a + 1);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      const naam = app.ref.medewerkers.find((m) => String(m.id) === gebruikerId)?.naam ?? 'De collega';
      await api.post(`/api/casussen/${casusId}/consultaties`, {
        gebruikerId: Number(gebruikerId),
        toelichting: toelichting.trim(),
      });
      setGebruikerId('');
      setToelichting('');
      setNotice(`${naam} is geconsulteerd en heeft nu toegang tot deze casus.`);
      onChanged();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.body.fields)
        setErrors(fromServerFields(err.body.fields));
      else setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  async function beeindig(k: Consultatie) {
    setProblem(null);
    setNotice(null);
    try {
      await api.post(`/api/casussen/${casusId}/consultaties/${k.id}/beeindigen`, {});
      setNotice(`De consultatie van ${k.gebruiker.naam} is beëindigd.`);
      onChanged();
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <section aria-labelledby="mdo-titel" className="section" data-testid="consultaties">
      <h2 id="mdo-titel">MDO en consultatie</h2>
      <div aria-live="polite">
        {notice && (
          <div className="notice notice--success" role="status" tabIndex={-1} ref={noticeRef}>
            {notice}
          </div>
        )}
        {problem && <Notice kind="error">{problem}</Notice>}
      </div>
      {consultaties.length === 0 ? (
        <p className="muted">Er is nog niemand geconsulteerd over deze casus.</p>
      ) : (
        <ul className="plain-list">
          {consultaties.map((k) => (
            <li key={k.id} data-testid="consultatie">
              <strong>{k.gebruiker.naam}</strong> ({rollenTekst(k.gebruiker.rollen)}
              {k.gebruiker.team ? `, ${k.gebruiker.team}` : ''}) —{' '}
              {k.actief
                ? `geconsulteerd, toegang tot ${formatTijdstip(k.geldigTot)}`
                : k.beeindigdOp && new Date(k.beeindigdOp) < new Date(k.geldigTot)
                  ? `beëindigd op ${formatTijdstip(k.beeindigdOp)}${k.beeindigdDoor ? ` door ${k.beeindigdDoor}` : ''}`
                  : 'verlopen'}
              <span className="muted block">
                Vastgelegd door {k.vastgelegdDoor} op {formatTijdstip(k.vastgelegdOp)}: {k.toelichting}
              </span>
              {k.actief && magConsulteren && (
                <button type="button" className="button button--secondary button--small" onClick={() => beeindig(k)}>
                  Consultatie van {k.gebruiker.naam} beëindigen
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {magConsulteren && (
        <form className="form form--narrow" aria-labelledby="consulteren-titel" onSubmit={submit} noValidate>
          <h3 id="consulteren-titel">Collega consulteren</h3>
          <p className="hint">
            Een geconsulteerde collega (bijvoorbeeld een gedragswetenschapper of vertrouwensarts van een ander team)
            krijgt 90 dagen toegang tot deze casus, of tot u de consultatie beëindigt.
          </p>
          <ErrorSummary
            errors={errors}
            focusKey={attempt}
            describe={(k) => (k === 'gebruikerId' ? 'Medewerker' : 'Toelichting')}
          />
          <SelectField
            name="gebruikerId"
            label="Medewerker"
            errors={errors}
            value={gebruikerId}
            onChange={setGebruikerId}
            options={options}
          />
          <TextArea
            name="toelichting"
            label="Toelichting"
            hint="Waarover wordt de collega geconsulteerd (bijv. MDO van vandaag)?"
            errors={errors}
            value={toelichting}
            onChange={setToelichting}
            rows={3}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={busy}>
              Consultatie vastleggen
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
