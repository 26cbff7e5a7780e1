// Beheer → Gebruikers: one user's panel (roles, team, status, second factor, password, unlock) and history.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { CheckboxGroup, ErrorSummary, SelectField, TextArea, TextField } from '../components/forms.tsx';
import { LiveMelding, serverFout, type Melding } from '../components/Melding.tsx';
import { Bevestiging } from '../components/Bevestiging.tsx';
import { ScrollBox } from '../components/ScrollBox.tsx';
import { type FieldErrors } from '../fieldErrors.ts';
import { formatTijdstip } from '../format.ts';
import { useApi } from '../useApi.ts';
import { historieTekst, statusTekst, teamFout, deactiverenGevolgen, resetGevolgen } from './BeheerGebruikersModel.ts';
import { type GebruikerOverzicht, type HistorieRegel, type RolOptie, type TeamOverzicht } from '@voordeur/domain';

export function GebruikerPaneel({
  g,
  rollen,
  teams,
  onDone,
  onClose,
  rolLabel,
  teamNaam,
}: {
  g: GebruikerOverzicht;
  rollen: RolOptie[];
  teams: TeamOverzicht[];
  onDone: (text: string) => void;
  onClose: () => void;
  rolLabel: (r: string) => string;
  teamNaam: (id: number | null) => string;
}) {
  const [f, setF] = useState({ naam: g.naam, rollen: g.rollen, teamId: g.teamId === null ? '' : String(g.teamId) });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [melding, setMelding] = useState<Melding>(null);
  const [busy, setBusy] = useState(false);
  const [toelichting, setToelichting] = useState('');
  const [wachtwoord, setWachtwoord] = useState('');
  /** The confirmation step that is open (deactiveren, tweede factor resetten), if any. */
  const [bevestig, setBevestig] = useState<null | 'deactiveren' | 'reset'>(null);
  const historie = useApi<{ historie: HistorieRegel[] }>(
    `/api/beheer/gebruikersbeheer/historie?gebruikerId=${g.id}&limit=50`,
  );
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
    void run(
      () => api.post(`/api/beheer/gebruikers/${g.id}`, body),
      `De gegevens van ${g.naam} zijn opgeslagen. Nieuwe rechten gelden direct.`,
    );
  };

  const LABEL: Record<string, string> = {
    'wijzig.naam': 'Naam',
    'wijzig.rollen': 'Rollen',
    'wijzig.teamId': 'Team',
    'actie.wachtwoord': 'Nieuw wachtwoord',
    'actie.toelichting': 'Toelichting',
  };
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
        {g.geblokkeerdTot && ` tot ${formatTijdstip(g.geblokkeerdTot)} (te veel mislukte inlogpogingen)`}. Aangemaakt op{' '}
        {formatTijdstip(g.aangemaaktOp)}.
        {g.sso &&
          ' Dit account logt in via single sign-on: de rollen kunnen bij de volgende login door de identity provider worden overschreven.'}
      </p>
      <ErrorSummary errors={errors} focusKey={attempt} describe={(k) => LABEL[k] ?? k} />
      <LiveMelding melding={melding} focus={false} />
      <div className="two-column">
        <form onSubmit={opslaan} noValidate className="form" aria-labelledby="wijzig-titel">
          <h4 id="wijzig-titel">Naam, rollen en team</h4>
          <TextField
            name="wijzig.naam"
            label="Naam"
            value={f.naam}
            onChange={(v) => setF((x) => ({ ...x, naam: v }))}
            errors={errors}
            width="l"
          />
          <CheckboxGroup
            name="wijzig.rollen"
            label="Rollen"
            values={f.rollen}
            onChange={(v) => setF((x) => ({ ...x, rollen: v }))}
            errors={errors}
            options={rollen.map((r) => ({ value: r.code, label: r.label }))}
          />
          <SelectField
            name="wijzig.teamId"
            label="Team"
            value={f.teamId}
            onChange={(v) => setF((x) => ({ ...x, teamId: v }))}
            errors={errors}
            placeholder="Geen team"
            options={teams.map((t) => ({ value: String(t.id), label: t.naam }))}
          />
          <button type="submit" className="button" disabled={busy}>
            Wijzigingen opslaan
          </button>
        </form>
        <div className="form">
          <h4>Toegang</h4>
          <TextArea
            name="actie.toelichting"
            label="Toelichting (optioneel)"
            hint="Komt in de historie, bijvoorbeeld: uit dienst per 1 juni"
            value={toelichting}
            onChange={setToelichting}
            rows={2}
            errors={errors}
          />
          <div className="button-row button-row--wrap">
            {g.actief ? (
              <button
                type="button"
                className="button button--secondary"
                disabled={busy || bevestig !== null}
                aria-expanded={bevestig === 'deactiveren'}
                onClick={() => setBevestig('deactiveren')}
              >
                Deactiveren
              </button>
            ) : (
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() =>
                  void run(
                    () => api.post(`/api/beheer/gebruikers/${g.id}/activeren`, { toelichting: toelichting || null }),
                    `${g.naam} is weer actief.`,
                    'actie',
                  )
                }
              >
                Weer actief maken
              </button>
            )}
            {g.tweedeFactor && (
              <button
                type="button"
                className="button button--secondary"
                disabled={busy || bevestig !== null}
                aria-expanded={bevestig === 'reset'}
                onClick={() => setBevestig('reset')}
              >
                Tweede factor resetten
              </button>
            )}
            {g.geblokkeerdTot && (
              <button
                type="button"
                className="button button--secondary"
                disabled={busy}
                onClick={() =>
                  void run(
                    () => api.post(`/api/beheer/gebruikers/${g.id}/deblokkeren`, {}),
                    `De blokkade van ${g.naam} is opgeheven.`,
                    'actie',
                  )
                }
              >
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
              onBevestig={() =>
                void run(
                  () => api.post(`/api/beheer/gebruikers/${g.id}/deactiveren`, { toelichting: toelichting || null }),
                  `${g.naam} is gedeactiveerd; alle sessies zijn beëindigd.`,
                  'actie',
                )
              }
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
              onBevestig={() =>
                void run(
                  () =>
                    api.post(`/api/beheer/gebruikers/${g.id}/tweede-factor-resetten`, {
                      toelichting: toelichting || null,
                    }),
                  `De tweede factor van ${g.naam} is gereset; bij de volgende login stelt de gebruiker die opnieuw in.`,
                  'actie',
                )
              }
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
                void run(
                  () => api.post(`/api/beheer/gebruikers/${g.id}/wachtwoord`, { wachtwoord }),
                  `Het nieuwe wachtwoord van ${g.naam} is ingesteld; de sessies zijn beëindigd.`,
                  'actie',
                );
              }}
            >
              <TextField
                name="actie.wachtwoord"
                label="Nieuw wachtwoord instellen"
                type="password"
                autoComplete="new-password"
                hint="Bij een vergeten wachtwoord; heft ook een blokkade op"
                value={wachtwoord}
                onChange={setWachtwoord}
                errors={errors}
                width="m"
              />
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

export function Historie({
  regels,
  rolLabel,
  teamNaam,
  testid,
  metOnderwerp,
}: {
  regels: HistorieRegel[] | undefined;
  rolLabel: (r: string) => string;
  teamNaam: (id: number | null) => string;
  testid: string;
  metOnderwerp?: boolean;
}) {
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
              {metOnderwerp && (
                <td>{h.gebruiker ? `${h.gebruiker.naam} (${h.gebruiker.gebruikersnaam})` : (h.team?.naam ?? '–')}</td>
              )}
              <td>{historieTekst(h, { rolLabel, teamNaam })}</td>
              <td>{h.toelichting ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
