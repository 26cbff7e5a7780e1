// Person search before registration (BSN exact; name + date of birth tolerant; address), as at
// intake and on the search page. Results show why they were found and how many earlier meldingen.
import { ScrollBox } from './ScrollBox.tsx';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, query } from '../api.ts';
import { useDraft } from '../drafts.ts';
import type { Kandidaat } from '../types.ts';
import { Notice, TextField } from './forms.tsx';
import { VlagMarker } from './Veiligheidsvlag.tsx';

export interface ZoekCriteria {
  naam: string;
  geboortedatum: string;
  bsn: string;
  postcode: string;
  huisnummer: string;
}

const EMPTY: ZoekCriteria = { naam: '', geboortedatum: '', bsn: '', postcode: '', huisnummer: '' };

export function PersoonZoeken({
  draftKey,
  actions,
  footer,
  title = 'Personen zoeken',
}: {
  draftKey: string;
  actions: (k: Kandidaat) => ReactNode;
  footer?: (c: ZoekCriteria) => ReactNode;
  title?: string;
}) {
  const [c, setC] = useDraft<ZoekCriteria>(`${draftKey}:criteria`, () => EMPTY);
  const [opgeslagen, setResults] = useDraft<{ kandidaten: Kandidaat[]; meer: boolean } | Kandidaat[] | null>(
    `${draftKey}:resultaten`,
    () => null,
  );
  // (A draft from before 'meer' existed holds just the list.)
  const results = Array.isArray(opgeslagen) ? opgeslagen : (opgeslagen?.kandidaten ?? null);
  const meer = !Array.isArray(opgeslagen) && !!opgeslagen?.meer;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const resultsRef = useRef<HTMLHeadingElement>(null);
  // After a search, focus moves to the result heading (once it is rendered).
  const [searched, setSearched] = useState(0);
  useEffect(() => {
    if (searched) resultsRef.current?.focus();
  }, [searched]);
  const set = (k: keyof ZoekCriteria) => (v: string) => setC((x) => ({ ...x, [k]: v }));

  const search = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const naam = c.naam.trim();
    const bsn = c.bsn.replace(/\D/g, '');
    const adres = c.postcode.trim() && c.huisnummer.trim();
    if (naam.length < 2 && bsn.length !== 9 && !adres) {
      setError('Vul een naam (minstens 2 letters), een BSN van 9 cijfers of postcode en huisnummer in.');
      return;
    }
    setBusy(true);
    try {
      const r = await api.get<{ kandidaten: Kandidaat[]; meer?: boolean }>(
        `/api/personen${query({ naam, geboortedatum: c.geboortedatum.replace(/[\s-]+/g, ''), bsn, postcode: c.postcode.replace(/\s+/g, '').toUpperCase(), huisnummer: c.huisnummer.trim() })}`,
      );
      setResults({ kandidaten: r.kandidaten, meer: !!r.meer });
      setSearched((n) => n + 1);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="persoon-zoeken">
      <form role="search" aria-label={title} onSubmit={search} noValidate className="search-form">
        <div className="field-row">
          <TextField
            name={`${draftKey}-zoek-naam`}
            id={`${draftKey}-zoek-naam`}
            label="Naam"
            hint="Achternaam, eventueel met voornaam"
            value={c.naam}
            onChange={set('naam')}
            width="l"
          />
          <TextField
            name={`${draftKey}-zoek-geboortedatum`}
            id={`${draftKey}-zoek-geboortedatum`}
            label="Geboortedatum"
            hint="JJJJMMDD"
            value={c.geboortedatum}
            onChange={set('geboortedatum')}
            inputMode="numeric"
            width="s"
            maxLength={10}
          />
          <TextField
            name={`${draftKey}-zoek-bsn`}
            id={`${draftKey}-zoek-bsn`}
            label="BSN"
            hint="9 cijfers"
            value={c.bsn}
            onChange={set('bsn')}
            inputMode="numeric"
            width="s"
            maxLength={11}
          />
        </div>
        <div className="field-row">
          <TextField
            name={`${draftKey}-zoek-postcode`}
            id={`${draftKey}-zoek-postcode`}
            label="Postcode"
            hint="1234AB"
            value={c.postcode}
            onChange={set('postcode')}
            width="s"
            maxLength={7}
          />
          <TextField
            name={`${draftKey}-zoek-huisnummer`}
            id={`${draftKey}-zoek-huisnummer`}
            label="Huisnummer"
            value={c.huisnummer}
            onChange={set('huisnummer')}
            inputMode="numeric"
            width="xs"
            maxLength={5}
          />
          <div className="field field--button">
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Zoeken…' : 'Zoeken'}
            </button>
          </div>
        </div>
        {error && <Notice kind="error">{error}</Notice>}
      </form>
      {results && (
        <section className="search-results" aria-labelledby={`${draftKey}-resultaten`}>
          <h3 id={`${draftKey}-resultaten`} ref={resultsRef} tabIndex={-1} aria-live="polite">
            {results.length === 0
              ? 'Geen personen gevonden'
              : meer
                ? `Meer dan ${results.length} personen gevonden`
                : `${results.length} ${results.length === 1 ? 'persoon' : 'personen'} gevonden`}
          </h3>
          {meer && (
            <p className="muted" data-testid="zoek-meer">
              De {results.length} best passende staan hieronder. Staat de persoon er niet bij, verfijn dan met voornaam,
              geboortedatum, BSN of adres.
            </p>
          )}
          {results.length > 0 && (
            <ScrollBox label="Gevonden personen">
              <table className="table table--compact" data-testid="zoekresultaten">
                <thead>
                  <tr>
                    <th scope="col">Naam</th>
                    <th scope="col">Geboorte&shy;datum</th>
                    <th scope="col">Adres</th>
                    <th scope="col">Overeen&shy;komst</th>
                    <th scope="col" className="num">
                      Eerdere meldingen
                    </th>
                    <th scope="col">
                      <span className="visually-hidden">Actie</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {results.map((k) => (
                    <tr key={k.id} data-testid="kandidaat">
                      <th scope="row">
                        {k.naam}
                        {k.bsn && <span className="muted block">BSN {k.bsn}</span>}
                      </th>
                      <td>{k.geboortedatumLabel ?? <span className="muted">onbekend</span>}</td>
                      <td>
                        {k.huishoudens.length ? (
                          k.huishoudens.map((h) => (
                            <span key={h.id} className="block">
                              {h.adres}
                              <VlagMarker vlaggen={h.veiligheidsvlaggen} />
                            </span>
                          ))
                        ) : (
                          <span className="muted">geen adres</span>
                        )}
                      </td>
                      <td>{k.redenen.join('; ')}</td>
                      <td className={`num${k.eerdereMeldingen ? ' num--alert' : ''}`}>{k.eerdereMeldingen}</td>
                      <td className="cell--action">{actions(k)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
          {footer?.(c)}
        </section>
      )}
    </div>
  );
}
