// Beheer → Gebruikers and Teams (functioneel beheerder): accounts with roles, team, status, second
// factor and last login (no case content); create, change roles/team, deactivate/reactivate,
// reset the second factor, set a new password, unlock; teams: create and rename. Every change is
// in the access log and in the history shown here. This file: the users list and the new-user form;
// one user's panel in BeheerGebruikerPaneel.tsx, the teams in BeheerTeams.tsx, the rules in BeheerGebruikersModel.ts.
import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { CheckboxGroup, ErrorSummary, Notice, SelectField, TextField } from '../components/forms.tsx';
import { LiveMelding, serverFout, type Melding } from '../components/Melding.tsx';
import { ScrollBox } from '../components/ScrollBox.tsx';
import { type FieldErrors } from '../fieldErrors.ts';
import { formatTijdstip } from '../format.ts';
import { useApi } from '../useApi.ts';
import {
  checkNieuweGebruiker,
  EMPTY_GEBRUIKER,
  filterGebruikers,
  statusTekst,
  type GebruikerForm,
} from './BeheerGebruikersModel.ts';
import { type GebruikerOverzicht, type GebruikersLijst, type RolOptie, type TeamOverzicht } from '@voordeur/domain';
import { GebruikerPaneel } from './BeheerGebruikerPaneel.tsx';

export function GebruikersBeheer() {
  const lijst = useApi<GebruikersLijst>('/api/beheer/gebruikers');
  const [q, setQ] = useState('');
  const [metInactief, setMetInactief] = useState(true);
  const [gekozen, setGekozen] = useState<number | null>(null);
  const [melding, setMelding] = useState<Melding>(null);
  const data = lijst.data;
  const rolLabel = (r: string) => data?.rollen.find((o) => o.code === r)?.label ?? r;
  const teamNaam = (id: number | null) =>
    id === null ? 'geen team' : (data?.teams.find((t) => t.id === id)?.naam ?? `team ${id}`);
  const zichtbaar = data ? filterGebruikers(data.gebruikers, q, metInactief) : [];
  const keuze = data?.gebruikers.find((g) => g.id === gekozen) ?? null;

  return (
    <section className="section" aria-labelledby="gebruikers-titel">
      <h2 id="gebruikers-titel">Gebruikers</h2>
      <p>
        Accounts, hun rollen en team. Voordeur toont hier geen casusinhoud. Elke wijziging komt in het toegangslog en in
        de historie onderaan.
      </p>
      <LiveMelding melding={melding} />
      {lijst.error && <Notice kind="error">{lijst.error.message}</Notice>}
      {!data && !lijst.error && <p aria-live="polite">Laden…</p>}
      {data && (
        <>
          <div className="filters" role="search" aria-label="Gebruikers filteren">
            <TextField
              name="gebruikers.filter"
              label="Zoek op naam of gebruikersnaam"
              value={q}
              onChange={setQ}
              width="m"
              type="search"
            />
            <div className="choice choice--single">
              <input
                type="checkbox"
                id="f-gebruikers-inactief"
                checked={metInactief}
                onChange={(e) => setMetInactief(e.target.checked)}
              />
              <label htmlFor="f-gebruikers-inactief">Ook gedeactiveerde accounts</label>
            </div>
          </div>
          <p className="table-meta" aria-live="polite">
            {zichtbaar.length} van {data.gebruikers.length} accounts
          </p>
          <ScrollBox label="Gebruikers">
            <table className="table table--compact" data-testid="gebruikers">
              <caption className="visually-hidden">
                Gebruikers met rollen, team, status, tweede factor en laatste login
              </caption>
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
                      <button
                        type="button"
                        className="button button--small button--secondary"
                        aria-label={`${g.naam} beheren`}
                        aria-expanded={gekozen === g.id}
                        onClick={() => setGekozen(gekozen === g.id ? null : g.id)}
                      >
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
              setMelding({
                kind: 'success',
                text: `Account ${g.gebruikersnaam} (${g.naam}) is aangemaakt. Geef het beginwachtwoord via een apart kanaal door; de gebruiker wijzigt het op de accountpagina.`,
              });
              lijst.reload();
            }}
          />
        </>
      )}
    </section>
  );
}

function NieuweGebruiker({
  rollen,
  teams,
  onCreated,
}: {
  rollen: RolOptie[];
  teams: TeamOverzicht[];
  onCreated: (g: GebruikerOverzicht) => void;
}) {
  // No draft: the form holds an initial password, which must not be stored anywhere.
  const [f, setF] = useState<GebruikerForm>(EMPTY_GEBRUIKER);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [melding, setMelding] = useState<Melding>(null);
  const [busy, setBusy] = useState(false);
  const set = (p: Partial<GebruikerForm>) => setF((x) => ({ ...x, ...p }));
  const LABEL: Record<string, string> = {
    'nieuw.gebruikersnaam': 'Gebruikersnaam',
    'nieuw.naam': 'Naam',
    'nieuw.rollen': 'Rollen',
    'nieuw.teamId': 'Team',
    'nieuw.wachtwoord': 'Beginwachtwoord',
  };

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
        <TextField
          name="nieuw.gebruikersnaam"
          label="Gebruikersnaam"
          hint="Kleine letters, cijfers, punt of streepje; uniek"
          value={f.gebruikersnaam}
          onChange={(v) => set({ gebruikersnaam: v })}
          errors={errors}
          width="m"
          maxLength={64}
          autoComplete="off"
        />
        <TextField
          name="nieuw.naam"
          label="Naam"
          value={f.naam}
          onChange={(v) => set({ naam: v })}
          errors={errors}
          width="l"
          maxLength={200}
        />
      </div>
      <CheckboxGroup
        name="nieuw.rollen"
        label="Rollen"
        values={f.rollen}
        onChange={(v) => set({ rollen: v })}
        errors={errors}
        options={rollen.map((r) => ({ value: r.code, label: r.label }))}
        columns
      />
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
