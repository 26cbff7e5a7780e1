// Search: persons (as at intake, with their earlier meldingen) and a casus by casus or melding number.
import { MELDING_STATUS_LABEL } from '@voordeur/domain';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, query } from '../api.ts';
import { PersoonZoeken } from '../components/PersoonZoeken.tsx';
import { Notice, TextField } from '../components/forms.tsx';
import { VlagMarker } from '../components/Veiligheidsvlag.tsx';
import { useApp } from '../context.ts';
import { useDraft } from '../drafts.ts';
import { formatDag } from '../format.ts';
import { Link } from '../router.tsx';
import type { CasusZoekResultaat, Kandidaat, RadarMelding } from '../types.ts';

export function ZoekenPage() {
  const app = useApp();
  const [q, setQ] = useDraft('zoeken:casus', () => '');
  const [casussen, setCasussen] = useDraft<CasusZoekResultaat[] | null>('zoeken:casus:resultaten', () => null);
  const [casusError, setCasusError] = useState<string | null>(null);
  const [meldingen, setMeldingen] = useDraft<{ persoon: Kandidaat; meldingen: RadarMelding[] } | null>(
    'zoeken:persoon:meldingen',
    () => null,
  );
  const [meldingenError, setMeldingenError] = useState<string | null>(null);
  const meldingenRef = useRef<HTMLHeadingElement>(null);
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (shown) meldingenRef.current?.focus();
  }, [shown]);

  const zoekCasus = async (e: FormEvent) => {
    e.preventDefault();
    setCasusError(null);
    if (!q.trim()) {
      setCasusError('Vul een casusnummer (2026-000001) of meldingnummer (ML0000001) in.');
      return;
    }
    try {
      const r = await api.get<{ casussen: CasusZoekResultaat[] }>(`/api/casussen${query({ q: q.trim() })}`);
      setCasussen(r.casussen);
    } catch (err) {
      setCasusError(err instanceof ApiError ? err.message : String(err));
    }
  };

  const toonMeldingen = async (k: Kandidaat) => {
    setMeldingenError(null);
    try {
      const r = await api.get<{ meldingen: RadarMelding[] }>(`/api/radar${query({ persoonIds: String(k.id) })}`);
      setMeldingen({ persoon: k, meldingen: r.meldingen });
      setShown((n) => n + 1);
    } catch (err) {
      setMeldingenError(err instanceof ApiError ? err.message : String(err));
    }
  };

  return (
    <>
      <h1>Zoeken</h1>
      <section aria-labelledby="zoek-casus" className="section">
        <h2 id="zoek-casus">Casus</h2>
        <form
          role="search"
          aria-label="Casus zoeken"
          onSubmit={zoekCasus}
          noValidate
          className="search-form search-form--inline"
        >
          <TextField
            name="casus-q"
            id="casus-q"
            label="Casus- of meldingnummer"
            hint="Bijvoorbeeld 2026-000001 of ML0000001"
            value={q}
            onChange={setQ}
            width="m"
          />
          <div className="field field--button">
            <button type="submit" className="button">
              Casus zoeken
            </button>
          </div>
        </form>
        {casusError && <Notice kind="error">{casusError}</Notice>}
        {casussen && (
          <div aria-live="polite">
            {casussen.length === 0 ? (
              <p>Geen casus gevonden.</p>
            ) : (
              <ul className="plain-list" data-testid="casus-resultaten">
                {casussen.map((c) => (
                  <li key={c.id}>
                    <Link to={`/casussen/${c.id}`}>Casus {c.nummer}</Link> · {c.adres} ·{' '}
                    {c.status === 'open' ? 'open' : 'gesloten'}
                    <VlagMarker vlaggen={c.veiligheidsvlaggen} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </section>
      <section aria-labelledby="zoek-personen" className="section">
        <h2 id="zoek-personen">Personen</h2>
        <PersoonZoeken
          draftKey="zoeken"
          title="Personen zoeken"
          actions={(k) =>
            k.eerdereMeldingen > 0 ? (
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => toonMeldingen(k)}
                aria-label={`Meldingen over ${k.naam} tonen`}
              >
                Meldingen
              </button>
            ) : null
          }
        />
        {meldingenError && <Notice kind="error">{meldingenError}</Notice>}
        {meldingen && (
          <div className="panel">
            <h3 id="persoon-meldingen" tabIndex={-1} ref={meldingenRef}>
              Meldingen over {meldingen.persoon.naam}
            </h3>
            <ul className="plain-list">
              {meldingen.meldingen.map((m) => (
                <li key={m.id}>
                  {formatDag(m.ontvangenOp)} · {m.nummer} · casus{' '}
                  <Link to={`/casussen/${m.casusId}`}>{m.casusNummer}</Link> ·{' '}
                  {MELDING_STATUS_LABEL[m.status] ?? m.status} · {app.labels('aanleiding', m.aanleiding)}
                  <VlagMarker vlaggen={m.veiligheidsvlaggen} />
                </li>
              ))}
            </ul>
          </div>
        )}
      </section>
    </>
  );
}
