// Privacy page, tabs Werklijst verzoeken and Noodtoegang: open requests and emergency accesses to review.
import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { Notice, RadioGroup, TextArea } from '../components/forms.tsx';
import { LiveMelding, serverFout, type Melding } from '../components/Melding.tsx';
import { ScrollBox } from '../components/ScrollBox.tsx';
import { type FieldErrors } from '../fieldErrors.ts';
import { formatDatum, formatTijdstip } from '../format.ts';
import { useApi } from '../useApi.ts';
import { BESLUIT_LABEL, OORDEEL_LABEL, type NoodtoegangItem } from './PrivacyModel.ts';
import { type VerzoekRegel } from '@voordeur/domain';

export function Werklijst({ onPersoon }: { onPersoon: (id: number) => void }) {
  const [status, setStatus] = useState('open');
  const r = useApi<{ verzoeken: VerzoekRegel[] }>(`/api/rechten/verzoeken?status=${status}`);
  return (
    <section className="section" aria-labelledby="werklijst-titel">
      <h2 id="werklijst-titel">Werklijst verzoeken</h2>
      <RadioGroup
        name="werklijst.status"
        label="Toon"
        inline
        value={status}
        onChange={setStatus}
        options={[
          { value: 'open', label: 'Open verzoeken' },
          { value: 'alle', label: 'Alle verzoeken' },
        ]}
      />
      {r.error && <Notice kind="error">{r.error.message}</Notice>}
      {r.data && r.data.verzoeken.length === 0 && <p>Geen verzoeken.</p>}
      {r.data && r.data.verzoeken.length > 0 && (
        <ScrollBox label="Verzoeken">
          <table className="table table--compact" data-testid="verzoeken">
            <caption className="visually-hidden">Verzoeken van betrokkenen, op uiterste datum</caption>
            <thead>
              <tr>
                <th scope="col">Uiterlijk</th>
                <th scope="col">Soort</th>
                <th scope="col">Persoon</th>
                <th scope="col">Ontvangen</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {r.data.verzoeken.map((v) => (
                <tr key={`${v.soort}-${v.id}`}>
                  <td className="nowrap">{formatDatum(v.uiterlijkOp)}</td>
                  <td>{v.soort}</td>
                  <td>
                    <button type="button" className="button button--link" onClick={() => onPersoon(v.persoonId)}>
                      {v.persoonNaam ?? `persoon ${v.persoonId} (vernietigd)`}
                    </button>
                  </td>
                  <td className="nowrap">{formatDatum(v.ontvangenOp)}</td>
                  <td>{v.besluit ? `${v.status}: ${BESLUIT_LABEL[v.besluit] ?? v.besluit}` : v.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </section>
  );
}

// ------------------------------------------------------------------ emergency access (break the glass)

export function Noodtoegangen() {
  const [filter, setFilter] = useState('nee');
  const [tick, setTick] = useState(0);
  const [melding, setMelding] = useState<Melding>(null);
  const r = useApi<{ totaal: number; nietBeoordeeld: number; items: NoodtoegangItem[] }>(
    `/api/toegangslog/noodtoegang?beoordeeld=${filter}&t=${tick}`,
  );
  return (
    <section className="section" aria-labelledby="nood-titel">
      <h2 id="nood-titel">Noodtoegang (break the glass)</h2>
      <p>
        Een medewerker zonder relatie met een casus kan met een reden noodtoegang nemen. Elke toegang daarbij staat in
        het toegangslog als noodgeval. Beoordeel of de noodtoegang gerechtvaardigd was.
      </p>
      <LiveMelding melding={melding} />
      {r.data && (
        <p data-testid="nood-open">
          <strong>{r.data.nietBeoordeeld}</strong>{' '}
          {r.data.nietBeoordeeld === 1 ? 'noodtoegang wacht' : 'noodtoegangen wachten'} op beoordeling.
        </p>
      )}
      <RadioGroup
        name="nood.filter"
        label="Toon"
        inline
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'nee', label: 'Nog niet beoordeeld' },
          { value: 'ja', label: 'Beoordeeld' },
          { value: 'alle', label: 'Alle' },
        ]}
      />
      {r.error && <Notice kind="error">{r.error.message}</Notice>}
      {r.data && r.data.items.length === 0 && <p>Geen noodtoegang in deze selectie.</p>}
      {r.data?.items.map((n) => (
        <NoodtoegangKaart
          key={n.id}
          n={n}
          onDone={(t) => {
            setMelding({ kind: 'success', text: t });
            setTick((x) => x + 1);
          }}
        />
      ))}
    </section>
  );
}

function NoodtoegangKaart({ n, onDone }: { n: NoodtoegangItem; onDone: (t: string) => void }) {
  const [oordeel, setOordeel] = useState('');
  const [notitie, setNotitie] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [melding, setMelding] = useState<Melding>(null);
  const [busy, setBusy] = useState(false);
  const prefix = `nood${n.id}`;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setErrors({});
    setBusy(true);
    try {
      await api.post(`/api/toegangslog/noodtoegang/${n.id}/beoordeling`, { oordeel: oordeel || undefined, notitie });
      onDone(`Noodtoegang van ${n.gebruiker.naam} tot casus ${n.casus.nummer} beoordeeld.`);
    } catch (err) {
      serverFout(err, prefix, setErrors, setMelding);
    } finally {
      setBusy(false);
    }
  };
  return (
    <article className="card" data-testid="noodtoegang" aria-labelledby={`${prefix}-titel`}>
      <h3 id={`${prefix}-titel`}>
        {n.gebruiker.naam} — casus {n.casus.nummer}
      </h3>
      <dl className="dl">
        <dt>Reden</dt>
        <dd>{n.reden}</dd>
        <dt>Verleend</dt>
        <dd>
          {formatTijdstip(n.verleendOp)} (geldig tot {formatTijdstip(n.verlooptOp)})
        </dd>
        <dt>Gebruik</dt>
        <dd>
          {n.gebruik} {n.gebruik === 1 ? 'toegang' : 'toegangen'} in het toegangslog
        </dd>
        {n.beoordeling && (
          <>
            <dt>Oordeel</dt>
            <dd>
              {OORDEEL_LABEL[n.beoordeling.oordeel] ?? n.beoordeling.oordeel} — {n.beoordeling.notitie} (
              {n.beoordeling.door.naam}, {formatTijdstip(n.beoordeling.op)})
            </dd>
          </>
        )}
      </dl>
      {!n.beoordeeld && (
        <form onSubmit={submit} noValidate>
          <LiveMelding melding={melding} />
          <RadioGroup
            name={`${prefix}.oordeel`}
            label="Oordeel"
            inline
            value={oordeel}
            onChange={setOordeel}
            errors={errors}
            options={[
              { value: 'gerechtvaardigd', label: 'Gerechtvaardigd' },
              { value: 'niet_gerechtvaardigd', label: 'Niet gerechtvaardigd' },
            ]}
          />
          <TextArea
            name={`${prefix}.notitie`}
            label="Notitie"
            hint="Minimaal 10 tekens: waarom wel of niet gerechtvaardigd, eventuele vervolgactie"
            value={notitie}
            onChange={setNotitie}
            errors={errors}
            rows={2}
          />
          <div className="button-row">
            <button type="submit" className="button" disabled={busy}>
              {busy ? 'Bezig…' : 'Beoordeling vastleggen'}
            </button>
          </div>
        </form>
      )}
    </article>
  );
}

// ------------------------------------------------------------------ retention
