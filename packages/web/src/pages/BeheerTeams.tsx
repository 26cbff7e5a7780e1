// Beheer → Teams: create and rename teams.
import { useState } from 'react';
import { api } from '../api.ts';
import { ErrorSummary, Notice, TextField } from '../components/forms.tsx';
import { LiveMelding, serverFout, type Melding } from '../components/Melding.tsx';
import { ScrollBox } from '../components/ScrollBox.tsx';
import { type FieldErrors } from '../fieldErrors.ts';
import { useApi } from '../useApi.ts';
import { type GebruikersLijst, type HistorieRegel } from '@voordeur/domain';
import { Historie } from './BeheerGebruikerPaneel.tsx';

export function TeamsBeheer() {
  const lijst = useApi<GebruikersLijst>('/api/beheer/gebruikers');
  const historie = useApi<{ historie: HistorieRegel[] }>('/api/beheer/gebruikersbeheer/historie?limit=30');
  const [melding, setMelding] = useState<Melding>(null);
  const [naam, setNaam] = useState('');
  const [hernoem, setHernoem] = useState<{ id: number; naam: string } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const data = lijst.data;
  const rolLabel = (r: string) => data?.rollen.find((o) => o.code === r)?.label ?? r;
  const teamNaam = (id: number | null) =>
    id === null ? 'geen team' : (data?.teams.find((t) => t.id === id)?.naam ?? `team ${id}`);

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
      <p>
        Teams verdelen het werk: een casus hoort bij het team van de gemeente, en medewerkers zien de werkvoorraad van
        hun team.
      </p>
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
                            void post(
                              `/api/beheer/teams/${t.id}`,
                              { naam: hernoem.naam },
                              'hernoem',
                              `Team ${t.naam} heet nu ${hernoem.naam.trim()}.`,
                            );
                          }}
                        >
                          <TextField
                            name="hernoem.naam"
                            label={`Nieuwe naam voor ${t.naam}`}
                            value={hernoem.naam}
                            onChange={(v) => setHernoem({ id: t.id, naam: v })}
                            errors={errors}
                            width="m"
                          />
                          <div className="button-row">
                            <button type="submit" className="button button--small" disabled={busy}>
                              Opslaan
                            </button>
                            <button
                              type="button"
                              className="button button--small button--secondary"
                              onClick={() => setHernoem(null)}
                            >
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
                        <button
                          type="button"
                          className="button button--small button--secondary"
                          aria-label={`${t.naam} hernoemen`}
                          onClick={() => setHernoem({ id: t.id, naam: t.naam })}
                        >
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
            <TextField
              name="team.naam"
              label="Naam van het team"
              value={naam}
              onChange={setNaam}
              errors={errors}
              width="m"
              maxLength={100}
            />
            <button type="submit" className="button" disabled={busy}>
              Team aanmaken
            </button>
          </form>
        </div>
      )}
      <h3 className="section-top">Recente wijzigingen in gebruikers en teams</h3>
      <Historie
        regels={historie.data?.historie}
        rolLabel={rolLabel}
        teamNaam={teamNaam}
        testid="beheer-historie"
        metOnderwerp
      />
    </section>
  );
}
