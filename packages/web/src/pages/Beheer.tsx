// Beheer (functioneel beheerder), in tabs: equated days (Algemene termijnenwet art. 3 lid 3) that
// the statutory clocks skip with a read-only view of the reference data; users and teams
// (BeheerGebruikers.tsx).
import { ScrollBox } from '../components/ScrollBox.tsx';
import { datumSchema, rollenMogen } from '@voordeur/domain';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { api, ApiError } from '../api.ts';
import { ErrorSummary, Notice, TextField } from '../components/forms.tsx';
import { HuisbezoekProtocolSectie } from '../components/HuisbezoekProtocol.tsx';
import { useApp } from '../context.ts';
import { dropDraft, useDraft } from '../drafts.ts';
import { fromServerFields, fromZodIssues, type FieldErrors } from '../fieldErrors.ts';
import { DATUM_FOUT, DATUM_HINT, datumVoorApi, formatDag, formatDatum, leesDatum } from '../format.ts';
import { isBeheerder } from '../roles.ts';
import type { GelijkgesteldeDag } from '../types.ts';
import { useApi } from '../useApi.ts';
import { GebruikersBeheer } from './BeheerGebruikers.tsx';
import { TeamsBeheer } from './BeheerTeams.tsx';
import { Tabs, useTab } from './BeheerTabs.tsx';
import { CbsCodetabel } from './Cbs.tsx';

/** The same rules as the server's POST /api/beheer/gelijkgestelde-dagen body. */
export const gelijkgesteldeDagSchema = z.object({
  datum: datumSchema,
  naam: z.string().trim().min(3, 'Minimaal 3 tekens').max(200, 'Maximaal 200 tekens'),
});

/** A date from the API: 'JJJJ-MM-DD', or an instant at midnight (Amsterdam) → 'dd-mm-jjjj'. */
export function dagLabel(datum: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(datum) ? formatDatum(datum) : formatDag(datum);
}

const WEEKDAG = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', timeZone: 'Europe/Amsterdam' });
function weekdag(datum: string): string {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(datum) ? `${datum}T12:00:00Z` : datum);
  return Number.isNaN(d.getTime()) ? '' : WEEKDAG.format(d);
}

const LIJST_NAAM: Record<string, string> = {
  aanleiding: 'Aanleiding',
  aard: 'Aard van het geweld',
  hoedanigheid: 'Hoedanigheid melder of adviesvrager',
  binnenkomst: 'Binnenkomst',
  betrokkene_rol: 'Rol van een betrokkene',
  huishouden_rol: 'Rol in het huishouden',
  beoordeling_uitkomst: 'Uitkomst veiligheidsbeoordeling',
  overdracht_ontvanger: 'Ontvanger bij overdracht',
  afsluitreden: 'Reden van afsluiten',
  onderzoek_uitkomst: 'Uitkomst onderzoek',
  geweld_type: 'Type geweld',
  signaal: 'Signalen',
  veiligheidsvlag: 'Veiligheidsvlag',
};

const BEHEER_TABS = [
  { id: 'kalender', label: 'Kalender en referentie' },
  { id: 'gebruikers', label: 'Gebruikers' },
  { id: 'teams', label: 'Teams' },
  { id: 'cbs', label: 'CBS-codes' },
] as const;

/** The current CBS protocol's code table (migration 013): its codes come from CBS's Bestandsdefinitie. */
const CBS_HUIDIG = 'v2-2025';

export function BeheerPage() {
  const app = useApp();
  const magWijzigen = isBeheerder(app.user.rollen);
  const [tab, setTab] = useTab(BEHEER_TABS);
  return (
    <>
      <h1>Beheer</h1>
      <p className="lead">Instellingen, gebruikers en teams, en de referentiegegevens die voor heel Voordeur gelden.</p>
      <Tabs label="Onderdeel van beheer" idPrefix="beheer" tabs={BEHEER_TABS} value={tab} onChange={(t) => setTab(t)}>
        {tab === 'kalender' && (
          <>
            <GelijkgesteldeDagen magWijzigen={magWijzigen} />
            {rollenMogen(app.user.rollen, 'huisbezoekprotocol', 'update') && <HuisbezoekProtocolSectie />}
            <Referentiegegevens />
          </>
        )}
        {tab === 'gebruikers' && <GebruikersBeheer />}
        {tab === 'teams' && <TeamsBeheer />}
        {tab === 'cbs' && <CbsCodetabel versie={CBS_HUIDIG} />}
      </Tabs>
    </>
  );
}

function GelijkgesteldeDagen({ magWijzigen }: { magWijzigen: boolean }) {
  const lijst = useApi<{ dagen: GelijkgesteldeDag[] }>('/api/beheer/gelijkgestelde-dagen');
  const [bijgewerkt, setBijgewerkt] = useState<GelijkgesteldeDag[] | null>(null);
  const dagen = bijgewerkt ?? lijst.data?.dagen;
  const [form, setForm] = useDraft('beheer:gelijkgestelde-dag', () => ({ datum: '', naam: '' }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const doneRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setDone(null);
    setAttempt((a) => a + 1);
    // Dates as the app shows them (dd-mm-jjjj) or JJJJ-MM-DD; the API takes JJJJ-MM-DD.
    const r = gelijkgesteldeDagSchema.safeParse({ datum: datumVoorApi(form.datum), naam: form.naam });
    const datumFout = form.datum.trim() !== '' && !leesDatum(form.datum);
    if (!r.success || datumFout) {
      const errs = r.success ? {} : fromZodIssues(r.error.issues, 'dag');
      setErrors(datumFout ? { ...errs, 'dag.datum': [DATUM_FOUT] } : errs);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const a = await api.post<{ dagen: GelijkgesteldeDag[] }>('/api/beheer/gelijkgestelde-dagen', r.data);
      setBijgewerkt(a.dagen);
      dropDraft('beheer:gelijkgestelde-dag');
      setForm({ datum: '', naam: '' });
      setDone(
        `${formatDatum(r.data.datum)} (${r.data.naam}) is opgeslagen als gelijkgestelde dag. Termijnen tellen deze dag vanaf nu niet als werkdag.`,
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.body.fields) {
        setErrors(
          Object.fromEntries(Object.entries(fromServerFields(err.body.fields)).map(([k, v]) => [`dag.${k}`, v])),
        );
        setAttempt((a) => a + 1);
      } else setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="gelijkgesteld-titel">
      <h2 id="gelijkgesteld-titel">Gelijkgestelde dagen</h2>
      <p>
        Dagen die volgens de Algemene termijnenwet (art. 3 lid 3) gelijk staan aan een feestdag, zoals Bevrijdingsdag in
        een lustrumjaar of een bij besluit aangewezen dag. Ze tellen niet als werkdag in de wettelijke termijnen
        (bijvoorbeeld de 5 werkdagen voor de veiligheidsbeoordeling). Weekenden en de algemeen erkende feestdagen rekent
        Voordeur zelf.
      </p>
      <div className="two-column">
        <div>
          {lijst.error && <Notice kind="error">{lijst.error.message}</Notice>}
          {!dagen && !lijst.error && <p aria-live="polite">Laden…</p>}
          {dagen && dagen.length === 0 && <p className="muted">Er zijn nog geen gelijkgestelde dagen ingesteld.</p>}
          {dagen && dagen.length > 0 && (
            <ScrollBox label="Gelijkgestelde dagen">
              <table className="table table--compact" data-testid="gelijkgestelde-dagen">
                <caption className="visually-hidden">Ingestelde gelijkgestelde dagen</caption>
                <thead>
                  <tr>
                    <th scope="col">Datum</th>
                    <th scope="col">Dag</th>
                    <th scope="col">Naam</th>
                  </tr>
                </thead>
                <tbody>
                  {dagen.map((d) => (
                    <tr key={d.datum}>
                      <td className="nowrap">{dagLabel(d.datum)}</td>
                      <td>{weekdag(d.datum)}</td>
                      <td>{d.naam}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
        </div>
        {magWijzigen && (
          <form onSubmit={submit} noValidate className="panel form" aria-labelledby="dag-form-titel">
            <h3 id="dag-form-titel">Dag toevoegen of wijzigen</h3>
            <p className="hint">Bestaat de datum al, dan wordt de naam bijgewerkt.</p>
            <ErrorSummary errors={errors} focusKey={attempt} describe={(k) => (k === 'dag.datum' ? 'Datum' : 'Naam')} />
            <div aria-live="polite">
              {done && (
                <div className="notice notice--success" role="status" tabIndex={-1} ref={doneRef}>
                  {done}
                </div>
              )}
            </div>
            {failure && <Notice kind="error">{failure}</Notice>}
            <TextField
              name="dag.datum"
              label="Datum"
              hint={DATUM_HINT}
              value={form.datum}
              onChange={(v) => setForm((f) => ({ ...f, datum: v }))}
              errors={errors}
              width="s"
              maxLength={10}
            />
            <TextField
              name="dag.naam"
              label="Naam"
              hint="Bijvoorbeeld Bevrijdingsdag (lustrum)"
              value={form.naam}
              onChange={(v) => setForm((f) => ({ ...f, naam: v }))}
              errors={errors}
              width="l"
              maxLength={200}
            />
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Bezig…' : 'Dag opslaan'}
            </button>
          </form>
        )}
      </div>
    </section>
  );
}

/** The reference data on its own page (read-only, for every role). */
export function ReferentiePage() {
  return (
    <>
      <h1>Referentiegegevens</h1>
      <Referentiegegevens standalone />
    </>
  );
}

function Referentiegegevens({ standalone = false }: { standalone?: boolean }) {
  const { ref } = useApp();
  const H = standalone ? 'h2' : 'h3';
  const lijsten = Object.entries(ref.codelijsten).sort(([a], [b]) =>
    (LIJST_NAAM[a] ?? a).localeCompare(LIJST_NAAM[b] ?? b, 'nl'),
  );
  const teamNaam = (id: number | null) =>
    id === null ? '' : (ref.teams.find((t) => t.id === id)?.naam ?? `team ${id}`);
  return (
    <section className="section" aria-labelledby={standalone ? undefined : 'referentie-titel'}>
      {!standalone && <h2 id="referentie-titel">Referentiegegevens</h2>}
      <p>
        Alleen lezen: zo gebruikt Voordeur de codelijsten en gemeenten nu. Wijzigingen in codelijsten komen als nieuwe
        versie.
      </p>

      <H>Codelijsten ({lijsten.length})</H>
      <div className="codelijsten" data-testid="codelijsten">
        {lijsten.map(([naam, l]) => (
          <details key={naam} className="codelijst">
            <summary>
              <span className="codelijst__naam">{LIJST_NAAM[naam] ?? naam}</span>{' '}
              <span className="muted">
                · versie {l.versie} · {l.items.length} waarden
              </span>
            </summary>
            <ScrollBox label={`Codelijst ${LIJST_NAAM[naam] ?? naam}`}>
              <table className="table table--compact">
                <caption className="visually-hidden">
                  Codelijst {LIJST_NAAM[naam] ?? naam}, versie {l.versie}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Code</th>
                    <th scope="col">Omschrijving</th>
                    <th scope="col">Groep</th>
                  </tr>
                </thead>
                <tbody>
                  {l.items.map((i) => (
                    <tr key={i.code}>
                      <td>
                        <code>{i.code}</code>
                      </td>
                      <td>{i.label}</td>
                      <td>{[i.groep, i.subgroep].filter(Boolean).join(' / ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          </details>
        ))}
      </div>

      <H className="section-top">Gemeenten ({ref.gemeenten.length})</H>
      <ScrollBox label="Gemeenten">
        <table className="table table--compact table--narrow" data-testid="gemeenten">
          <caption className="visually-hidden">Gemeenten en hun team</caption>
          <thead>
            <tr>
              <th scope="col">CBS-code</th>
              <th scope="col">Gemeente</th>
              <th scope="col">Team</th>
            </tr>
          </thead>
          <tbody>
            {ref.gemeenten.map((g) => (
              <tr key={g.code}>
                <td>
                  <code>{g.code}</code>
                </td>
                <td>{g.naam}</td>
                <td>{teamNaam(g.teamId)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}
