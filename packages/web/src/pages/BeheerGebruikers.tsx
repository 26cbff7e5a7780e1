// Beheer → Gebruikers and Teams (functioneel beheerder): accounts with roles, team, status, second
// factor and last login (no case content); create, change roles/team, deactivate/reactivate,
// reset the second factor, set a new password, unlock; teams: create and rename. Every change is
// in the access log and in the history shown here.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { CheckboxGroup, ErrorSummary, Notice, SelectField, TextArea, TextField } from '../components/forms.tsx';
import { LiveMelding, serverFout, type Melding } from '../components/Melding.tsx';
import { Bevestiging } from '../components/Bevestiging.tsx';
import { ScrollBox } from '../components/ScrollBox.tsx';
import type { FieldErrors } from '../fieldErrors.ts';
import { formatTijdstip } from '../format.ts';
import { useApi } from '../useApi.ts';
import {
  checkNieuweGebruiker,
  EMPTY_GEBRUIKER,
  filterGebruikers,
  historieTekst,
  statusTekst,
  teamFout,
  type GebruikerForm,
  deactiverenGevolgen,
  resetGevolgen,
} from './BeheerGebruikersModel.ts';
import type { GebruikerOverzicht, HistorieRegel, RolOptie, TeamOverzicht } from '@voordeur/domain';

interface Lijst {
  gebruikers: GebruikerOverzicht[];
  teams: TeamOverzicht[];
  rollen: RolOptie[];
}




export function GebruikersBeheer() {
  const lijst = useApi<Lijst>('/api/beheer/gebruikers');
  const [q, setQ] = useState('');
  const [metInactief, setMetInactief] = useState(true);
  const [gekozen, setGekozen] = useState<number | null>(null);
  const [melding, setMelding] = useState<Melding>(null);
  const data = lijst.data;
  const rolLabel = (r: string) => data?.rollen.find((o) => o.code === r)?.label ?? r;
  const teamNaam = (id: number | null) => (id === null ? 'geen team' : (data?.teams.find((t) => t.id === id)?.naam ?? `team ${id}`));
  const zichtbaar = data ? filterGebruikers(data.gebruikers, q, metInactief) : [];
  const keuze = data?.gebruikers.find((g) => g.id === gekozen) ?? null;

  return (
    <section className="section" aria-labelledby="gebruikers-titel">
      <h2 id="gebruikers-titel">Gebruikers</h2>
      <p>Accounts, hun rollen en team. Voordeur toont hier geen casusinhoud. Elke wijziging komt in het toegangslog en in de historie onderaan.</p>
      <LiveMelding melding={melding} />
      {lijst.error && <Notice kind="error">{lijst.error.message}</Notice>}
      {!data && !lijst.error && <p aria-live="polite">Laden…</p>}
      {data && (
        <>
          <div className="filters" role="search" aria-label="Gebruikers filteren">
            <TextField name="gebruikers.filter" label="Zoek op naam of gebruikersnaam" value={q} onChange={setQ} width="m" type="search" />
            <div className="choice choice--single">
              <input type="checkbox" id="f-gebruikers-inactief" checked={metInactief} onChange={(e) => setMetInactief(e.target.checked)} />
              <label htmlFor="f-gebruikers-inactief">Ook gedeactiveerde accounts</label>
            </div>
          </div>
          <p className="table-meta" aria-live="polite">
            {zichtbaar.length} van {data.gebruikers.length} accounts
          </p>
          <ScrollBox label="Gebruikers">
            <table className="table table--compact" data-testid="gebruikers">
              <caption className="visually-hidden">Gebruikers met rollen, team, status, tweede factor en laatste login</caption>
              <thead>
                <tr>
                  <th scope="col">Naam</th>
                  <th scope="col">Gebruikersnaam</th>
                  <th scope="col">Rollen</th>
                  <th scope="col">Team</th>
                  <th scope="col">Status</th>
                  <th scope="col">Tweede factor</th>
                  <th scope="col">Laatste login</th>
                  <th scope="col">
                    <span className="visually-hidden">Actie</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {zichtbaar.map((g) => (
                  <tr key={g.id} className={g.actief ? undefined : 'row--inactief'}>
                    <th scope="row">{g.naam}</th>
                    <td>
                      <code>{g.gebruikersnaam}</code>
                    </td>
                    <td>{g.rolLabels.join(', ')}</td>
                    <td>{g.teamNaam ?? '–'}</td>
                    <td>
                      <span className={`status-tag status-tag--${statusTekst(g).toLowerCase()}`}>{statusTekst(g)}</span>
                    </td>
                    <td>{g.sso ? 'via single sign-on' : g.tweedeFactor ? 'Ingesteld' : 'Niet ingesteld'}</td>
                    <td className="nowrap">{g.laatsteLogin ? formatTijdstip(g.laatsteLogin) : 'nog nooit'}</td>
                    <td>
                      <button type="button" className="button button--small button--secondary" aria-label={`${g.naam} beheren`} aria-expanded={gekozen === g.id} onClick={() => setGekozen(gekozen === g.id ? null : g.id)}>
                        Beheren
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          {keuze && (
            <GebruikerPaneel
              key={keuze.id}
              g={keuze}
              rollen={data.rollen}
              teams={data.teams}
              // The panel shows its own message; the list only reloads.
              onDone={() => lijst.reload()}
              onClose={() => setGekozen(null)}
              rolLabel={rolLabel}
              teamNaam={teamNaam}
            />
          )}
          <NieuweGebruiker
            rollen={data.rollen}
            teams={data.teams}
            onCreated={(g) => {
              setMelding({ kind: 'success', text: `Account ${g.gebruikersnaam} (${g.naam}) is aangemaakt. Geef het beginwachtwoord via een apart kanaal door; de gebruiker wijzigt het op de accountpagina.` });
              lijst.reload();
            }}
          />
        </>
      )}
    </section>
  );
}

function NieuweGebruiker({ rollen, teams, onCreated }: { rollen: RolOptie[]; teams: TeamOverzicht[]; onCreated: (g: GebruikerOverzicht) => void }) {
  // No draft: the form holds an initial password, which must not be stored anywhere.
  const [f, setF] = useState<GebruikerForm>(EMPTY_GEBRUIKER);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [melding, setMelding] = useState<Melding>(null);
  const [busy, setBusy] = useState(false);
  const set = (p: Partial<GebruikerForm>) => setF((x) => ({ ...x, ...p }));
  const LABEL: Record<string, string> = { 'nieuw.gebruikersnaam': 'Gebruikersnaam', 'nieuw.naam': 'Naam', 'nieuw.rollen': 'Rollen', 'nieuw.teamId': 'Team', 'nieuw.wachtwoord': 'Beginwachtwoord' };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMelding(null);
    setAttempt((a) => a + 1);
    const c = checkNieuweGebruiker(f, rollen);
    if (!c.ok) {
      setErrors(Object.fromEntries(Object.entries(c.errors).map(([k, v]) => [`nieuw.${k}`, v])));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const g = await api.post<GebruikerOverzicht>('/api/beheer/gebruikers', c.body);
      setF(EMPTY_GEBRUIKER);
      onCreated(g);
    } catch (err) {
      serverFout(err, 'nieuw', setErrors, setMelding);
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="panel form section-top" aria-labelledby="nieuw-gebruiker-titel">
      <h3 id="nieuw-gebruiker-titel">Nieuwe gebruiker</h3>
      <ErrorSummary errors={errors} focusKey={attempt} describe={(k) => LABEL[k] ?? k} />
      <LiveMelding melding={melding} focus={false} />
      <div className="form-row">
        <TextField name="nieuw.gebruikersnaam" label="Gebruikersnaam" hint="Kleine letters, cijfers, punt of streepje; uniek" value={f.gebruikersnaam} onChange={(v) => set({ gebruikersnaam: v })} errors={errors} width="m" maxLength={64} autoComplete="off" />
        <TextField name="nieuw.naam" label="Naam" value={f.naam} onChange={(v) => set({ naam: v })} errors={errors} width="l" maxLength={200} />
      </div>
      <CheckboxGroup name="nieuw.rollen" label="Rollen" values={f.rollen} onChange={(v) => set({ rollen: v })} errors={errors} options={rollen.map((r) => ({ value: r.code, label: r.label }))} columns />
      <SelectField
        name="nieuw.teamId"
        label="Team"
        hint="Verplicht voor rollen die met casussen werken"
        value={f.teamId}
        onChange={(v) => set({ teamId: v })}
        errors={errors}
        placeholder="Geen team"
        options={teams.map((t) => ({ value: String(t.id), label: t.naam }))}
      />
      <TextField
        name="nieuw.wachtwoord"
        label="Beginwachtwoord"
        type="password"
        autoComplete="new-password"
        hint="Minstens 12 tekens, niet de gebruikersnaam en geen veelgebruikt wachtwoord. Geef het via een apart kanaal door; de gebruiker wijzigt het zelf."
        value={f.wachtwoord}
        onChange={(v) => set({ wachtwoord: v })}
        errors={errors}
        width="m"
      />
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Bezig…' : 'Gebruiker aanmaken'}
      </button>
    </form>
  );
}

function GebruikerPaneel({ g, rollen, teams, onDone, onClose, rolLabel, teamNaam }: { g: GebruikerOverzicht; rollen: RolOptie[]; teams: TeamOverzicht[]; onDone: (text: string) => void; onClose: () => void; rolLabel: (r: string) => string; teamNaam: (id: number | null) => string }) {
  const [f, setF] = useState({ naam: g.naam, rollen: g.rollen, teamId: g.teamId === null ? '' : String(g.teamId) });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [melding, setMelding] = useState<Melding>(null);
  const [busy, setBusy] = useState(false);
  const [toelichting, setToelichting] = useState('');
  const [wachtwoord, setWachtwoord] = useState('');
  /** The confirmation step that is open (deactiveren, tweede factor resetten), if any. */
  const [bevestig, setBevestig] = useState<null | 'deactiveren' | 'reset'>(null);
  const historie = useApi<{ historie: HistorieRegel[] }>(`/api/beheer/gebruikersbeheer/historie?gebruikerId=${g.id}&limit=50`);
  const titel = useRef<HTMLHeadingElement>(null);
  useEffect(() => titel.current?.focus(), []);

  const run = async (fn: () => Promise<unknown>, ok: string, prefix = 'wijzig') => {
    setMelding(null);
    setBusy(true);
    try {
      await fn();
      setBevestig(null);
      setErrors({});
      setToelichting('');
      setWachtwoord('');
      setMelding({ kind: 'success', text: ok });
      historie.reload();
      onDone(ok);
    } catch (err) {
      serverFout(err, prefix, setErrors, setMelding);
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  };

  const opslaan = (e: FormEvent) => {
    e.preventDefault();
    setAttempt((a) => a + 1);
    const teamId = f.teamId ? Number(f.teamId) : null;
    const errs: FieldErrors = {};
    if (f.naam.trim().length < 2) errs['wijzig.naam'] = ['Minimaal 2 tekens'];
    if (!f.rollen.length) errs['wijzig.rollen'] = ['Kies minstens één rol'];
    const tf = teamFout(f.rollen, teamId, rollen);
    if (tf) errs['wijzig.teamId'] = [tf];
    if (Object.keys(errs).length) return setErrors(errs);
    const body: Record<string, unknown> = {};
    if (f.naam.trim() !== g.naam) body.naam = f.naam.trim();
    if ([...f.rollen].sort().join() !== [...g.rollen].sort().join()) body.rollen = f.rollen;
    if (teamId !== g.teamId) body.teamId = teamId;
    if (!Object.keys(body).length) return setErrors({ 'wijzig.naam': ['Er is niets gewijzigd'] });
    void run(() => api.post(`/api/beheer/gebruikers/${g.id}`, body), `De gegevens van ${g.naam} zijn opgeslagen. Nieuwe rechten gelden direct.`);
  };

  const LABEL: Record<string, string> = { 'wijzig.naam': 'Naam', 'wijzig.rollen': 'Rollen', 'wijzig.teamId': 'Team', 'actie.wachtwoord': 'Nieuw wachtwoord', 'actie.toelichting': 'Toelichting' };
  return (
    <section className="panel section-top" aria-labelledby="gebruiker-paneel-titel" data-testid="gebruiker-paneel">
      <div className="panel__head">
        <h3 id="gebruiker-paneel-titel" tabIndex={-1} ref={titel}>
          {g.naam} <span className="muted">({g.gebruikersnaam})</span>
        </h3>
        <button type="button" className="button button--link" onClick={onClose}>
          Sluiten
        </button>
      </div>
      <p>
        Status: <strong>{statusTekst(g)}</strong>
        {g.gedeactiveerdOp && ` sinds ${formatTijdstip(g.gedeactiveerdOp)}`}
        {g.geblokkeerdTot && ` tot ${formatTijdstip(g.geblokkeerdTot)} (te veel mislukte inlogpogingen)`}. Aangemaakt op {formatTijdstip(g.aangemaaktOp)}.
        {g.sso && ' Dit account logt in via single sign-on: de rollen kunnen bij de volgende login door de identity provider worden overschreven.'}
      </p>
      <ErrorSummary errors={errors} focusKey={attempt} describe={(k) => LABEL[k] ?? k} />
      <LiveMelding melding={melding} focus={false} />
      <div className="two-column">
        <form onSubmit={opslaan} noValidate className="form" aria-labelledby="wijzig-titel">
          <h4 id="wijzig-titel">Naam, rollen en team</h4>
          <TextField name="wijzig.naam" label="Naam" value={f.naam} onChange={(v) => setF((x) => ({ ...x, naam: v }))} errors={errors} width="l" />
          <CheckboxGroup name="wijzig.rollen" label="Rollen" values={f.rollen} onChange={(v) => setF((x) => ({ ...x, rollen: v }))} errors={errors} options={rollen.map((r) => ({ value: r.code, label: r.label }))} />
          <SelectField name="wijzig.teamId" label="Team" value={f.teamId} onChange={(v) => setF((x) => ({ ...x, teamId: v }))} errors={errors} placeholder="Geen team" options={teams.map((t) => ({ value: String(t.id), label: t.naam }))} />
          <button type="submit" className="button" disabled={busy}>
            Wijzigingen opslaan
          </button>
        </form>
        <div className="form">
          <h4>Toegang</h4>
          <TextArea name="actie.toelichting" label="Toelichting (optioneel)" hint="Komt in de historie, bijvoorbeeld: uit dienst per 1 juni" value={toelichting} onChange={setToelichting} rows={2} errors={errors} />
          <div className="button-row button-row--wrap">
            {g.actief ? (
              <button type="button" className="button button--secondary" disabled={busy || bevestig !== null} aria-expanded={bevestig === 'deactiveren'} onClick={() => setBevestig('deactiveren')}>
                Deactiveren
              </button>
            ) : (
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => void run(() => api.post(`/api/beheer/gebruikers/${g.id}/activeren`, { toelichting: toelichting || null }), `${g.naam} is weer actief.`, 'actie')}>
                Weer actief maken
              </button>
            )}
            {g.tweedeFactor && (
              <button type="button" className="button button--secondary" disabled={busy || bevestig !== null} aria-expanded={bevestig === 'reset'} onClick={() => setBevestig('reset')}>
                Tweede factor resetten
              </button>
            )}
            {g.geblokkeerdTot && (
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => void run(() => api.post(`/api/beheer/gebruikers/${g.id}/deblokkeren`, {}), `De blokkade van ${g.naam} is opgeheven.`, 'actie')}>
                Blokkade opheffen
              </button>
            )}
          </div>
          {bevestig === 'deactiveren' && (
            <Bevestiging
              naam={`${g.naam} deactiveren`}
              titel={`${g.naam} deactiveren?`}
              gevolgen={deactiverenGevolgen(g.naam, toelichting)}
              onomkeerbaar={false}
              bevestigLabel="Ja, deactiveren"
              busy={busy}
              onAnnuleer={() => setBevestig(null)}
              onBevestig={() => void run(() => api.post(`/api/beheer/gebruikers/${g.id}/deactiveren`, { toelichting: toelichting || null }), `${g.naam} is gedeactiveerd; alle sessies zijn beëindigd.`, 'actie')}
            />
          )}
          {bevestig === 'reset' && (
            <Bevestiging
              naam={`Tweede factor van ${g.naam} resetten`}
              titel={`De tweede factor van ${g.naam} resetten?`}
              gevolgen={resetGevolgen(g.naam, toelichting)}
              bevestigLabel="Ja, tweede factor resetten"
              busy={busy}
              onAnnuleer={() => setBevestig(null)}
              onBevestig={() => void run(() => api.post(`/api/beheer/gebruikers/${g.id}/tweede-factor-resetten`, { toelichting: toelichting || null }), `De tweede factor van ${g.naam} is gereset; bij de volgende login stelt de gebruiker die opnieuw in.`, 'actie')}
            />
          )}
          {!g.sso && (
            <form
              noValidate
              className="section-top"
              onSubmit={(e) => {
                e.preventDefault();
                if (!wachtwoord) {
                  setErrors({ 'actie.wachtwoord': ['Verplicht veld'] });
                  setAttempt((a) => a + 1);
                  return;
                }
                void run(() => api.post(`/api/beheer/gebruikers/${g.id}/wachtwoord`, { wachtwoord }), `Het nieuwe wachtwoord van ${g.naam} is ingesteld; de sessies zijn beëindigd.`, 'actie');
              }}
            >
              <TextField name="actie.wachtwoord" label="Nieuw wachtwoord instellen" type="password" autoComplete="new-password" hint="Bij een vergeten wachtwoord; heft ook een blokkade op" value={wachtwoord} onChange={setWachtwoord} errors={errors} width="m" />
              <button type="submit" className="button button--secondary" disabled={busy}>
                Wachtwoord instellen
              </button>
            </form>
          )}
        </div>
      </div>
      <h4 className="section-top">Historie</h4>
      <Historie regels={historie.data?.historie} rolLabel={rolLabel} teamNaam={teamNaam} testid="gebruiker-historie" />
    </section>
  );
}

function Historie({ regels, rolLabel, teamNaam, testid, metOnderwerp }: { regels: HistorieRegel[] | undefined; rolLabel: (r: string) => string; teamNaam: (id: number | null) => string; testid: string; metOnderwerp?: boolean }) {
  if (!regels) return <p aria-live="polite">Laden…</p>;
  if (!regels.length) return <p className="muted">Nog geen wijzigingen.</p>;
  return (
    <ScrollBox label="Historie">
      <table className="table table--compact" data-testid={testid}>
        <caption className="visually-hidden">Historie: wie wijzigde wat, wanneer</caption>
        <thead>
          <tr>
            <th scope="col">Wanneer</th>
            <th scope="col">Door</th>
            {metOnderwerp && <th scope="col">Account of team</th>}
            <th scope="col">Wijziging</th>
            <th scope="col">Toelichting</th>
          </tr>
        </thead>
        <tbody>
          {regels.map((h) => (
            <tr key={h.id}>
              <td className="nowrap">{formatTijdstip(h.op)}</td>
              <td>{h.door?.naam ?? '–'}</td>
              {metOnderwerp && <td>{h.gebruiker ? `${h.gebruiker.naam} (${h.gebruiker.gebruikersnaam})` : (h.team?.naam ?? '–')}</td>}
              <td>{historieTekst(h, { rolLabel, teamNaam })}</td>
              <td>{h.toelichting ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

export function TeamsBeheer() {
  const lijst = useApi<Lijst>('/api/beheer/gebruikers');
  const historie = useApi<{ historie: HistorieRegel[] }>('/api/beheer/gebruikersbeheer/historie?limit=30');
  const [melding, setMelding] = useState<Melding>(null);
  const [naam, setNaam] = useState('');
  const [hernoem, setHernoem] = useState<{ id: number; naam: string } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const data = lijst.data;
  const rolLabel = (r: string) => data?.rollen.find((o) => o.code === r)?.label ?? r;
  const teamNaam = (id: number | null) => (id === null ? 'geen team' : (data?.teams.find((t) => t.id === id)?.naam ?? `team ${id}`));

  const post = async (url: string, body: { naam: string }, prefix: string, ok: string) => {
    setMelding(null);
    setAttempt((a) => a + 1);
    if (body.naam.trim().length < 2) return setErrors({ [`${prefix}.naam`]: ['Minimaal 2 tekens'] });
    setBusy(true);
    try {
      await api.post(url, { naam: body.naam.trim() });
      setErrors({});
      setMelding({ kind: 'success', text: ok });
      setNaam('');
      setHernoem(null);
      lijst.reload();
      historie.reload();
    } catch (err) {
      serverFout(err, prefix, setErrors, setMelding);
      setAttempt((a) => a + 1);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="teams-titel">
      <h2 id="teams-titel">Teams</h2>
      <p>Teams verdelen het werk: een casus hoort bij het team van de gemeente, en medewerkers zien de werkvoorraad van hun team.</p>
      <LiveMelding melding={melding} />
      <ErrorSummary errors={errors} focusKey={attempt} describe={() => 'Naam'} />
      {lijst.error && <Notice kind="error">{lijst.error.message}</Notice>}
      {data && (
        <div className="two-column">
          <ScrollBox label="Teams">
            <table className="table table--compact" data-testid="teams">
              <caption className="visually-hidden">Teams met het aantal medewerkers en gemeenten</caption>
              <thead>
                <tr>
                  <th scope="col">Team</th>
                  <th scope="col" className="num">
                    Actieve medewerkers
                  </th>
                  <th scope="col" className="num">
                    Gemeenten
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Actie</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.teams.map((t) => (
                  <tr key={t.id}>
                    <th scope="row">
                      {hernoem?.id === t.id ? (
                        <form
                          noValidate
                          className="inline-form"
                          onSubmit={(e) => {
                            e.preventDefault();
                            void post(`/api/beheer/teams/${t.id}`, { naam: hernoem.naam }, 'hernoem', `Team ${t.naam} heet nu ${hernoem.naam.trim()}.`);
                          }}
                        >
                          <TextField name="hernoem.naam" label={`Nieuwe naam voor ${t.naam}`} value={hernoem.naam} onChange={(v) => setHernoem({ id: t.id, naam: v })} errors={errors} width="m" />
                          <div className="button-row">
                            <button type="submit" className="button button--small" disabled={busy}>
                              Opslaan
                            </button>
                            <button type="button" className="button button--small button--secondary" onClick={() => setHernoem(null)}>
                              Annuleren
                            </button>
                          </div>
                        </form>
                      ) : (
                        t.naam
                      )}
                    </th>
                    <td className="num">{t.actieveLeden}</td>
                    <td className="num">{t.gemeenten}</td>
                    <td>
                      {hernoem?.id !== t.id && (
                        <button type="button" className="button button--small button--secondary" aria-label={`${t.naam} hernoemen`} onClick={() => setHernoem({ id: t.id, naam: t.naam })}>
                          Hernoemen
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <form
            noValidate
            className="panel form"
            aria-labelledby="nieuw-team-titel"
            onSubmit={(e) => {
              e.preventDefault();
              void post('/api/beheer/teams', { naam }, 'team', `Team ${naam.trim()} is aangemaakt.`);
            }}
          >
            <h3 id="nieuw-team-titel">Nieuw team</h3>
            <TextField name="team.naam" label="Naam van het team" value={naam} onChange={setNaam} errors={errors} width="m" maxLength={100} />
            <button type="submit" className="button" disabled={busy}>
              Team aanmaken
            </button>
          </form>
        </div>
      )}
      <h3 className="section-top">Recente wijzigingen in gebruikers en teams</h3>
      <Historie regels={historie.data?.historie} rolLabel={rolLabel} teamNaam={teamNaam} testid="beheer-historie" metOnderwerp />
    </section>
  );
}
