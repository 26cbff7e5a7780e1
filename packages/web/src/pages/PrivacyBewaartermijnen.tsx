// Privacy page, tab Bewaartermijnen: dossiers past their retention term, legal holds and destruction.
import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { ErrorSummary, Notice, TextArea, TextField } from '../components/forms.tsx';
import { LiveMelding, serverFout, type Melding } from '../components/Melding.tsx';
import { Bevestiging } from '../components/Bevestiging.tsx';
import { ScrollBox } from '../components/ScrollBox.tsx';
import { type FieldErrors } from '../fieldErrors.ts';
import { formatDatum, formatTijdstip } from '../format.ts';
import { useApi } from '../useApi.ts';
import { bewaarGevolgen, casusSleutel } from './PrivacyModel.ts';
import { type BewaarItem, type BewaarRapport } from '@voordeur/domain';

export function Bewaartermijnen() {
  const r = useApi<BewaarRapport>('/api/bewaartermijn/rapport');
  const [gekozen, setGekozen] = useState<number[]>([]);
  const [melding, setMelding] = useState<Melding>(null);
  const [blokkade, setBlokkade] = useState<{ casusId: string; reden: string }>({ casusId: '', reden: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [bevestigen, setBevestigen] = useState(false);
  const [busy, setBusy] = useState(false);
  const d = r.data;
  const gekozenItems = (d?.teVernietigen ?? []).filter((x) => gekozen.includes(x.casusId));

  const uitvoeren = async () => {
    setBusy(true);
    try {
      const x = await api.post<{ vernietigd: unknown[]; geweigerd: unknown[] }>('/api/bewaartermijn/uitvoeren', {
        casusIds: gekozen,
      });
      setMelding({
        kind: 'success',
        text: `${x.vernietigd.length} casus(sen) vernietigd, ${x.geweigerd.length} geweigerd.`,
      });
      setGekozen([]);
      setBevestigen(false);
      r.reload();
    } catch (err) {
      setMelding({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  const blokkeer = async (e: FormEvent, opheffen: boolean) => {
    e.preventDefault();
    setAttempt((a) => a + 1);
    const id = casusSleutel(blokkade.casusId);
    if (!id)
      return setErrors({
        'blokkade.casusId': [
          blokkade.casusId.trim()
            ? 'Vul een casusnummer in zoals 2026-000123 (of het id van de casus)'
            : 'Vul het casusnummer in',
        ],
      });
    try {
      await api.post(`/api/casussen/${encodeURIComponent(id)}/bewaarblokkade${opheffen ? '/opheffen' : ''}`, {
        reden: blokkade.reden,
      });
      setErrors({});
      setMelding({
        kind: 'success',
        text: opheffen ? `De bewaarblokkade van casus ${id} is opgeheven.` : `Casus ${id} heeft nu een bewaarblokkade.`,
      });
      setBlokkade({ casusId: '', reden: '' });
      r.reload();
    } catch (err) {
      serverFout(err, 'blokkade', setErrors, setMelding);
      setAttempt((a) => a + 1);
    }
  };

  const tabel = (items: BewaarItem[], titel: string, kies: boolean) => (
    <>
      <h3 className="section-top">
        {titel} ({items.length})
      </h3>
      {items.length === 0 ? (
        <p className="muted">Geen.</p>
      ) : (
        <ScrollBox label={titel}>
          <table className="table table--compact">
            <caption className="visually-hidden">{titel}</caption>
            <thead>
              <tr>
                {kies && (
                  <th scope="col">
                    <span className="visually-hidden">Kiezen</span>
                  </th>
                )}
                <th scope="col">Casus</th>
                <th scope="col">Gesloten</th>
                <th scope="col">Einde termijn</th>
                <th scope="col" className="num">
                  Meldingen
                </th>
                <th scope="col" className="num">
                  Personen (te vernietigen)
                </th>
                <th scope="col">Blokkade</th>
              </tr>
            </thead>
            <tbody>
              {items.map((x) => (
                <tr key={x.casusId}>
                  {kies && (
                    <td>
                      <input
                        type="checkbox"
                        id={`bewaar-${x.casusId}`}
                        aria-label={`Casus ${x.nummer} vernietigen`}
                        checked={gekozen.includes(x.casusId)}
                        onChange={(e) =>
                          setGekozen((g) => (e.target.checked ? [...g, x.casusId] : g.filter((y) => y !== x.casusId)))
                        }
                      />
                    </td>
                  )}
                  <td>
                    {x.nummer} <span className="muted">(id {x.casusId})</span>
                  </td>
                  <td className="nowrap">{formatDatum(x.geslotenOp.slice(0, 10))}</td>
                  <td className="nowrap">
                    {formatDatum(x.bewaartermijnEinde)}{' '}
                    {x.grondslag === 'jongste_kind_meerderjarig' ? '(jongste kind 18)' : ''}
                  </td>
                  <td className="num">{x.meldingen}</td>
                  <td className="num">
                    {x.personen} ({x.personenTeVernietigen})
                  </td>
                  <td>
                    {x.blokkade
                      ? `${x.blokkade.reden} — ${x.blokkade.ingesteldDoor.naam}, ${formatTijdstip(x.blokkade.ingesteldOp)}`
                      : '–'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </>
  );

  return (
    <section className="section" aria-labelledby="bewaar-titel">
      <h2 id="bewaar-titel">Bewaartermijnen</h2>
      <LiveMelding melding={melding} />
      {r.error && <Notice kind="error">{r.error.message}</Notice>}
      {d && (
        <>
          <p>
            Proefrun op {formatDatum(d.peildatum)}: bewaartermijn {d.bewaartermijnJaren} jaar na sluiting
            {d.totJongsteMeerderjarig ? ', en minstens tot het jongste kind 18 is' : ''}. Er verandert niets tot u
            casussen kiest en op “Vernietigen” drukt.
          </p>
          {tabel(d.teVernietigen, 'Nu te vernietigen', true)}
          {d.teVernietigen.length > 0 && !bevestigen && (
            <button type="button" className="button" disabled={!gekozen.length} onClick={() => setBevestigen(true)}>
              Gekozen casussen vernietigen ({gekozen.length})
            </button>
          )}
          {bevestigen && gekozenItems.length > 0 && (
            <Bevestiging
              naam="Vernietiging van de gekozen casussen bevestigen"
              titel={`${gekozenItems.length === 1 ? '1 casus' : `${gekozenItems.length} casussen`} vernietigen?`}
              gevolgen={bewaarGevolgen(gekozenItems)}
              typ={{
                verwacht: String(gekozenItems.length),
                label: `Typ het aantal casussen (${gekozenItems.length}) om te bevestigen`,
              }}
              bevestigLabel="Definitief vernietigen"
              busy={busy}
              onAnnuleer={() => setBevestigen(false)}
              onBevestig={() => void uitvoeren()}
            />
          )}
          {tabel(d.geblokkeerd, 'Verlopen maar geblokkeerd', false)}
          {tabel(d.binnenkort, 'Binnen 90 dagen', false)}
        </>
      )}
      <form
        noValidate
        className="panel form section-top"
        aria-labelledby="blokkade-titel"
        onSubmit={(e) => void blokkeer(e, false)}
      >
        <h3 id="blokkade-titel">Bewaarblokkade (legal hold)</h3>
        <p>Een casus met een blokkade wordt niet vernietigd, ook niet op verzoek van een betrokkene.</p>
        <ErrorSummary errors={errors} focusKey={attempt} />
        <TextField
          name="blokkade.casusId"
          label="Casusnummer"
          hint="Bijvoorbeeld 2026-000123 (het id van de casus mag ook)"
          value={blokkade.casusId}
          onChange={(v) => setBlokkade((b) => ({ ...b, casusId: v }))}
          errors={errors}
          width="s"
        />
        <TextArea
          name="blokkade.reden"
          label="Reden"
          hint="Minimaal 10 tekens, bijvoorbeeld: lopende procedure bij de rechtbank"
          value={blokkade.reden}
          onChange={(v) => setBlokkade((b) => ({ ...b, reden: v }))}
          errors={errors}
          rows={2}
        />
        <div className="button-row">
          <button type="submit" className="button">
            Blokkade instellen
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={(e) => void blokkeer(e as unknown as FormEvent, true)}
          >
            Blokkade opheffen
          </button>
        </div>
      </form>
    </section>
  );
}
