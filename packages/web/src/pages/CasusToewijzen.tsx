// Assigning a melding: pick it up yourself, or (the teammanager) give it to a colleague.
import { api, ApiError } from '../api.ts';
import { useState } from 'react';
import { useApp } from '../context.ts';
import type { Casus, Melding } from '../types.ts';
import { collegasVoor, mayToewijzen, toewijzingNaam } from './CasusModel.ts';

export function Toewijzen({
  casus,
  melding: m,
  onDone,
  onStale,
}: {
  casus: Casus;
  melding: Melding;
  onDone: (message: string) => void;
  onStale: (message: string) => void;
}) {
  const app = useApp();
  const [busy, setBusy] = useState(false);
  const [keuze, setKeuze] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const magToewijzen = mayToewijzen(app.user.rollen);
  // Colleagues who handle meldingen, the casus's own team first.
  const collegas = collegasVoor(app.ref.medewerkers, casus.team.id);
  const naam = (id: number | null) => toewijzingNaam(app.ref.medewerkers, id);

  const wijs = async (behandelaarId: number | null) => {
    setFout(null);
    setBusy(true);
    try {
      await api.post(`/api/meldingen/${m.id}/toewijzen`, { behandelaarId, versie: casus.versie });
      setKeuze('');
      onDone(
        behandelaarId === app.user.id
          ? 'u bent nu de behandelaar.'
          : behandelaarId === null
            ? 'de melding is niet meer toegewezen.'
            : `toegewezen aan ${naam(behandelaarId)}.`,
      );
    } catch (e) {
      if (e instanceof ApiError && e.code === 'versie_conflict')
        onStale(
          `Melding ${m.nummer} is intussen door iemand anders gewijzigd (bijvoorbeeld al opgepakt). De casus is bijgewerkt; kijk of u nog wilt toewijzen.`,
        );
      else setFout(`Toewijzen lukte niet: ${e instanceof ApiError ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  // As on the werkvoorraad: an unassigned melding can be picked up; taking over a colleague's work
  // is assigning, which only whoever may assign others does.
  if (m.behandelaar && !magToewijzen) return null;
  const selectId = `m${m.id}-toewijzen`;
  return (
    <div className="toewijzen" role="group" aria-label={`Behandelaar van melding ${m.nummer}`} data-testid="toewijzen">
      {!m.behandelaar && (
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={busy}
          onClick={() => void wijs(app.user.id)}
          aria-label={`Melding ${m.nummer} oppakken`}
        >
          {busy ? 'Bezig…' : 'Oppakken'}
        </button>
      )}
      {magToewijzen && (
        <form
          className="toewijzen__form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!keuze) return setFout('Kies aan wie u de melding toewijst.');
            void wijs(keuze === 'geen' ? null : Number(keuze));
          }}
        >
          <label htmlFor={selectId} className="toewijzen__label">
            Toewijzen aan
          </label>
          <select
            id={selectId}
            className="select select--small"
            value={keuze}
            onChange={(e) => setKeuze(e.target.value)}
            aria-invalid={fout ? true : undefined}
          >
            <option value="">— kies —</option>
            {collegas
              .filter((x) => x.id !== m.behandelaar?.id)
              .map((x) => (
                <option key={x.id} value={String(x.id)}>
                  {x.naam}
                  {x.teamId !== casus.team.id ? ' (ander team)' : ''}
                </option>
              ))}
            {m.behandelaar && <option value="geen">Niemand (terug naar de werkvoorraad)</option>}
          </select>
          <button type="submit" className="button button--secondary button--small" disabled={busy}>
            Toewijzen
          </button>
        </form>
      )}
      {fout && (
        <p className="field-error" role="alert">
          {fout}
        </p>
      )}
    </div>
  );
}

/**
 * The radar: earlier and other meldingen about the persons of this casus, in other casussen of the
 * organisation. Numbers, dates, status and beoordeling outcome only — never the content of another
 * casus; opening it goes through that casus's own access rules.
 */
