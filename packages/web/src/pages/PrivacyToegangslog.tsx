// Privacy page, tab Toegangslog: search and export of the NEN 7513 access log and the chain verification.
import { useState, type FormEvent } from 'react';
import { Checkbox, ErrorSummary, Notice, SelectField, TextField } from '../components/forms.tsx';
import { ScrollBox } from '../components/ScrollBox.tsx';
import { useApp } from '../context.ts';
import { type FieldErrors } from '../fieldErrors.ts';
import { DATUM_HINT, formatTijdstip } from '../format.ts';
import { useApi } from '../useApi.ts';
import {
  ACTIES,
  checkFilter,
  EMPTY_FILTER,
  logQuery,
  UITKOMSTEN,
  type LogFilter,
  type LogRegel,
  PAGINA,
} from './PrivacyModel.ts';

export function Toegangslog({ onPersoon }: { onPersoon: (id: number) => void }) {
  const { ref } = useApp();
  const [f, setF] = useState<LogFilter>(EMPTY_FILTER);
  const [gezocht, setGezocht] = useState<{ f: LogFilter; offset: number } | null>({ f: EMPTY_FILTER, offset: 0 });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const r = useApi<{ items: LogRegel[]; totaal: number; limit: number; offset: number }>(
    gezocht ? `/api/toegangslog${logQuery(gezocht.f, { limit: PAGINA, offset: gezocht.offset })}` : null,
  );
  const set = (p: Partial<LogFilter>) => setF((x) => ({ ...x, ...p }));
  const uitkomst = Object.fromEntries(UITKOMSTEN);

  const zoek = (e: FormEvent) => {
    e.preventDefault();
    setAttempt((a) => a + 1);
    const errs = checkFilter(f);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setGezocht({ f, offset: 0 });
  };
  const serverFout = r.error?.status === 400 && r.error.body.fields ? r.error : null;

  return (
    <section className="section" aria-labelledby="log-titel">
      <h2 id="log-titel">Toegangslog (NEN 7513)</h2>
      <Verificatie />
      <form onSubmit={zoek} noValidate className="panel form" role="search" aria-label="Toegangslog doorzoeken">
        <ErrorSummary
          errors={errors}
          focusKey={attempt}
          describe={(k) => ({ 'log.van': 'Van', 'log.tot': 'Tot en met', 'log.persoonId': 'Persoon-id' })[k] ?? k}
        />
        <div className="form-row form-row--wrap">
          <TextField
            name="log.van"
            label="Van"
            hint={DATUM_HINT}
            value={f.van}
            onChange={(v) => set({ van: v })}
            errors={errors}
            width="s"
            maxLength={10}
          />
          <TextField
            name="log.tot"
            label="Tot en met"
            hint={DATUM_HINT}
            value={f.tot}
            onChange={(v) => set({ tot: v })}
            errors={errors}
            width="s"
            maxLength={10}
          />
          <SelectField
            name="log.gebruikerId"
            label="Medewerker"
            value={f.gebruikerId}
            onChange={(v) => set({ gebruikerId: v })}
            placeholder="Iedereen"
            options={ref.medewerkers.map((m) => ({ value: String(m.id), label: m.naam }))}
          />
          <TextField
            name="log.persoonId"
            label="Persoon-id (cliënt)"
            hint="Op naam of BSN: zie Persoon en verzoeken"
            value={f.persoonId}
            onChange={(v) => set({ persoonId: v })}
            errors={errors}
            width="xs"
            inputMode="numeric"
          />
          <SelectField
            name="log.actie"
            label="Actie"
            value={f.actie}
            onChange={(v) => set({ actie: v })}
            placeholder="Alle acties"
            options={ACTIES.map(([value, label]) => ({ value, label }))}
          />
          <SelectField
            name="log.uitkomst"
            label="Uitkomst"
            value={f.uitkomst}
            onChange={(v) => set({ uitkomst: v })}
            placeholder="Alle uitkomsten"
            options={UITKOMSTEN.map(([value, label]) => ({ value, label }))}
          />
          <TextField
            name="log.objectType"
            label="Soort object"
            hint="bijv. casus, persoon"
            value={f.objectType}
            onChange={(v) => set({ objectType: v })}
            width="s"
          />
        </div>
        <Checkbox
          name="log.alleenDossier"
          label="Alleen dossiertoegang"
          hint="Verbergt de technische regels die elke pagina schrijft (referentiegegevens, concepten, sessies, inloggen) en het doorzoeken van dit log. Geweigerde pogingen en noodtoegang blijven zichtbaar."
          checked={f.alleenDossier}
          onChange={(v) => {
            set({ alleenDossier: v });
            // Applies at once to the shown results (the other filters as last searched).
            setGezocht((g) => ({ f: { ...(g?.f ?? f), alleenDossier: v }, offset: 0 }));
          }}
        />
        <div className="button-row">
          <button type="submit" className="button">
            Zoeken
          </button>
          <a
            className="button button--secondary"
            href={`/api/toegangslog/export${logQuery(gezocht?.f ?? f)}`}
            download
            data-testid="log-export"
          >
            Exporteren als CSV
          </a>
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              setF(EMPTY_FILTER);
              setErrors({});
              setGezocht({ f: EMPTY_FILTER, offset: 0 });
            }}
          >
            Filters wissen
          </button>
        </div>
        <p className="hint">
          De export bevat de regels van de laatste zoekopdracht, oudste eerst, met de hashketen (puntkomma-gescheiden,
          opent in Excel).
        </p>
      </form>
      {serverFout ? (
        <Notice kind="error">{serverFout.body.fields!.map((x) => x.message).join('; ')}</Notice>
      ) : (
        r.error && <Notice kind="error">{r.error.message}</Notice>
      )}
      {r.data && (
        <>
          <p className="table-meta" aria-live="polite">
            {r.data.totaal === 0
              ? 'Geen regels met dit filter.'
              : `${r.data.totaal} regels, nieuwste eerst; ${r.data.offset + 1}–${Math.min(r.data.offset + r.data.items.length, r.data.totaal)} getoond.`}
            {r.loading && ' Bijwerken…'}
          </p>
          {r.data.items.length > 0 && (
            <ScrollBox label="Toegangslog">
              <table className="table table--compact" data-testid="log-resultaten">
                <caption className="visually-hidden">Regels van het toegangslog</caption>
                <thead>
                  <tr>
                    <th scope="col">Tijdstip</th>
                    <th scope="col">Medewerker</th>
                    <th scope="col">Actie</th>
                    <th scope="col">Object</th>
                    <th scope="col">Cliënten</th>
                    <th scope="col">Doel</th>
                    <th scope="col">Uitkomst</th>
                  </tr>
                </thead>
                <tbody>
                  {r.data.items.map((x) => (
                    <tr key={x.id}>
                      <td className="nowrap">{formatTijdstip(x.at)}</td>
                      <td>
                        {x.gebruiker ? x.gebruiker.naam : '–'}
                        {x.namens && <span className="muted"> namens {x.namens.naam}</span>}
                      </td>
                      <td>{x.actieLabel}</td>
                      <td>
                        {x.objectType}
                        {x.objectId ? ` ${x.objectId}` : ''}
                      </td>
                      <td>
                        {x.clientIds.slice(0, 6).map((id) => (
                          <button
                            key={id}
                            type="button"
                            className="button button--link"
                            aria-label={`Persoon ${id}: verzoeken en toegangsoverzicht`}
                            onClick={() => onPersoon(id)}
                          >
                            {id}
                          </button>
                        ))}
                        {x.clientIds.length > 6 && <span className="muted"> +{x.clientIds.length - 6}</span>}
                      </td>
                      <td>{x.doel ?? ''}</td>
                      <td>{uitkomst[x.uitkomst] ?? x.uitkomst}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
          {gezocht && r.data.totaal > PAGINA && (
            <div className="button-row">
              <button
                type="button"
                className="button button--secondary"
                disabled={gezocht.offset === 0}
                onClick={() => setGezocht({ ...gezocht, offset: Math.max(0, gezocht.offset - PAGINA) })}
              >
                Nieuwere regels
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={gezocht.offset + PAGINA >= r.data.totaal}
                onClick={() => setGezocht({ ...gezocht, offset: gezocht.offset + PAGINA })}
              >
                Oudere regels
              </button>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function Verificatie() {
  const [tick, setTick] = useState(0);
  const v = useApi<{
    ok: boolean;
    checked: number;
    firstBadId: number | null;
    problem: string | null;
    anchor: { id: number; lastId: number } | null;
  }>(`/api/toegangslog/verificatie?t=${tick}`);
  return (
    <div
      className={`notice ${v.data ? (v.data.ok ? 'notice--success' : 'notice--error') : ''}`}
      data-testid="log-verificatie"
      role="status"
    >
      {v.error && `De controle van de hashketen mislukte: ${v.error.message}`}
      {!v.data && !v.error && 'De hashketen wordt gecontroleerd…'}
      {v.data &&
        (v.data.ok
          ? `Hashketen intact: ${v.data.checked} regels gecontroleerd${v.data.anchor ? ` vanaf anker ${v.data.anchor.id} (regels tot en met ${v.data.anchor.lastId} zijn gearchiveerd)` : ''}.`
          : `Hashketen verbroken bij regel ${v.data.firstBadId ?? '?'}: ${v.data.problem}. Bewaar dit als bewijs en meld het als beveiligingsincident.`)}{' '}
      <button type="button" className="button button--link" onClick={() => setTick((t) => t + 1)}>
        Opnieuw controleren
      </button>
    </div>
  );
}

// ------------------------------------------------------------------ a person's rights
