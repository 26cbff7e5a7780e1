// Privacy page: the cards of a request (inzage/afschrift, correctie with history, vernietiging).
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { CheckboxGroup, ErrorSummary, RadioGroup, SelectField, TextArea, TextField } from '../components/forms.tsx';
import { LiveMelding, serverFout, type Melding } from '../components/Melding.tsx';
import { Bevestiging } from '../components/Bevestiging.tsx';
import { ScrollBox } from '../components/ScrollBox.tsx';
import { fromServerFields, type FieldErrors } from '../fieldErrors.ts';
import { formatDatum, formatTijdstip } from '../format.ts';
import { useApi } from '../useApi.ts';
import {
  checkInzageBesluit,
  termijnTekst,
  vernietigingGevolgen,
  RELATIES,
  GRONDEN,
  BESLUIT_LABEL,
  VELD_LABEL,
  type InzageBesluitForm,
} from './PrivacyModel.ts';
import { type Correctie, type Inzageverzoek, type Vernietigingsverzoek } from '@voordeur/domain';

export function InzageKaart({ v, onDone }: { v: Inzageverzoek; onDone: (t: string) => void }) {
  const [f, setF] = useState<InzageBesluitForm>({ besluit: '', weigeringsgronden: [], motivering: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [melding, setMelding] = useState<Melding>(null);
  const beslis = async (e: FormEvent) => {
    e.preventDefault();
    setAttempt((a) => a + 1);
    const errs = checkInzageBesluit(
      f,
      v.signalen.map((s) => s.code),
    );
    setErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      await api.post(`/api/inzageverzoeken/${v.id}/besluit`, {
        besluit: f.besluit,
        weigeringsgronden: f.weigeringsgronden,
        motivering: f.motivering || null,
      });
      onDone(`Het besluit op verzoek ${v.id} is vastgelegd: ${BESLUIT_LABEL[f.besluit]}.`);
    } catch (err) {
      serverFout(err, 'besluit', setErrors, setMelding);
      setAttempt((a) => a + 1);
    }
  };
  return (
    <article className="panel card" data-testid={`inzageverzoek-${v.id}`} aria-label={`Verzoek ${v.id}`}>
      <p>
        <strong>
          {v.soort === 'inzage' ? 'Inzage' : 'Afschrift'} · verzoek {v.id}
        </strong>{' '}
        — ontvangen {formatDatum(v.ontvangenOp)} van{' '}
        {RELATIES.find((r) => r.value === v.verzoekerRelatie)?.label.toLowerCase()}
        {v.verzoekerNaam ? ` (${v.verzoekerNaam})` : ''};{' '}
        {v.besluit
          ? `besloten: ${BESLUIT_LABEL[v.besluit]} op ${formatTijdstip(v.beslotenOp)} door ${v.beslotenDoor?.naam ?? '?'}`
          : `uiterlijk ${formatDatum(v.uiterlijkOp)} beantwoorden${v.dagenResterend !== null ? ` (nog ${v.dagenResterend} dagen)` : ''}`}
        .
      </p>
      {v.signalen.length > 0 && (
        <ul className="signalen">
          {v.signalen.map((s) => (
            <li key={s.code}>Signaal: {s.label}</li>
          ))}
        </ul>
      )}
      {v.besluit && v.weigeringsgronden.length > 0 && (
        <p>Weigeringsgronden: {v.weigeringsgronden.map((g) => g.label).join('; ')}</p>
      )}
      {v.besluit && v.motivering && <p>Motivering: {v.motivering}</p>}
      {v.besluit && v.besluit !== 'afgewezen' && (
        <div className="button-row">
          <a className="button button--secondary" href={`/api/inzageverzoeken/${v.id}/dossier?formaat=pdf`} download>
            Dossier als PDF
          </a>
          <a
            className="button button--secondary"
            href={`/api/inzageverzoeken/${v.id}/dossier?formaat=json`}
            download={`${v.soort}-${v.id}.json`}
          >
            Dossier als JSON
          </a>
          {v.verstrektOp && <span className="muted">Verstrekt op {formatTijdstip(v.verstrektOp)}</span>}
        </div>
      )}
      {!v.besluit && (
        <form onSubmit={beslis} noValidate className="form" aria-label={`Besluit op verzoek ${v.id}`}>
          <p>
            <a href={`/api/inzageverzoeken/${v.id}/dossier?formaat=pdf&concept=true`} download>
              Concept van het dossier bekijken (PDF)
            </a>{' '}
            — lees het na vóór u besluit.
          </p>
          <ErrorSummary
            errors={errors}
            focusKey={attempt}
            describe={(k) =>
              ({
                'besluit.besluit': 'Besluit',
                'besluit.weigeringsgronden': 'Weigeringsgronden',
                'besluit.motivering': 'Motivering',
              })[k] ?? k
            }
          />
          <LiveMelding melding={melding} />
          <RadioGroup
            name="besluit.besluit"
            label="Besluit"
            value={f.besluit}
            onChange={(x) => setF((y) => ({ ...y, besluit: x as InzageBesluitForm['besluit'] }))}
            errors={errors}
            options={[
              { value: 'toegewezen', label: 'Toegewezen' },
              { value: 'deels_toegewezen', label: 'Deels toegewezen' },
              { value: 'afgewezen', label: 'Afgewezen' },
            ]}
          />
          {f.besluit && f.besluit !== 'toegewezen' && (
            <CheckboxGroup
              name="besluit.weigeringsgronden"
              label="Weigeringsgronden (Wmo 2015 art. 5.3.2)"
              values={f.weigeringsgronden}
              onChange={(x) => setF((y) => ({ ...y, weigeringsgronden: x }))}
              errors={errors}
              options={GRONDEN}
            />
          )}
          <TextArea
            name="besluit.motivering"
            label="Motivering"
            hint="Verplicht bij een (gedeeltelijke) weigering, en bij toewijzing ondanks een signaal"
            value={f.motivering}
            onChange={(x) => setF((y) => ({ ...y, motivering: x }))}
            errors={errors}
            rows={3}
          />
          <button type="submit" className="button">
            Besluit vastleggen
          </button>
        </form>
      )}
    </article>
  );
}

export function CorrectieForm({ id, onDone }: { id: number; onDone: () => void }) {
  const [veld, setVeld] = useState('achternaam');
  const [waarde, setWaarde] = useState('');
  const [reden, setReden] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [melding, setMelding] = useState<Melding>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAttempt((a) => a + 1);
    try {
      await api.post(`/api/personen/${id}/correctie`, {
        wijzigingen: { [veld]: waarde.trim() === '' ? null : waarde.trim() },
        reden,
      });
      setWaarde('');
      setReden('');
      setErrors({});
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.body.fields) {
        // 'wijzigingen.achternaam' → the value field.
        setErrors(
          Object.fromEntries(
            Object.entries(fromServerFields(err.body.fields)).map(([k, v]) => [
              k.startsWith('wijzigingen') ? 'correctie.waarde' : `correctie.${k}`,
              v,
            ]),
          ),
        );
      } else serverFout(err, 'correctie', setErrors, setMelding);
      setAttempt((a) => a + 1);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="panel form" aria-label="Persoonsgegevens corrigeren">
      <ErrorSummary
        errors={errors}
        focusKey={attempt}
        describe={(k) => ({ 'correctie.waarde': 'Nieuwe waarde', 'correctie.reden': 'Reden' })[k] ?? k}
      />
      <LiveMelding melding={melding} />
      <div className="form-row form-row--wrap">
        <SelectField
          name="correctie.veld"
          label="Veld"
          placeholder={null}
          value={veld}
          onChange={setVeld}
          options={Object.entries(VELD_LABEL).map(([value, label]) => ({ value, label }))}
        />
        <TextField
          name="correctie.waarde"
          label="Nieuwe waarde"
          hint={
            veld === 'geboortedatum'
              ? 'JJJJMMDD, 00 voor onbekende delen'
              : veld === 'geslacht'
                ? 'V, M of O'
                : 'Leeg = waarde wissen'
          }
          value={waarde}
          onChange={setWaarde}
          errors={errors}
          width="m"
        />
      </div>
      <TextArea
        name="correctie.reden"
        label="Reden"
        hint="Bijvoorbeeld: verzoek van de betrokkene van 3 mei, uittreksel BRP"
        value={reden}
        onChange={setReden}
        errors={errors}
        rows={2}
      />
      <button type="submit" className="button">
        Correctie opslaan
      </button>
    </form>
  );
}

export function CorrectieHistorie({ correcties }: { correcties: Correctie[] }) {
  if (!correcties.length) return <p className="muted">Nog geen correcties.</p>;
  return (
    <ScrollBox label="Correctiehistorie">
      <table className="table table--compact" data-testid="correcties">
        <caption>Correctiehistorie (oude waarde blijft bewaard)</caption>
        <thead>
          <tr>
            <th scope="col">Wanneer</th>
            <th scope="col">Veld</th>
            <th scope="col">Oude waarde</th>
            <th scope="col">Nieuwe waarde</th>
            <th scope="col">Reden</th>
            <th scope="col">Door</th>
          </tr>
        </thead>
        <tbody>
          {correcties.map((c) => (
            <tr key={c.id}>
              <td className="nowrap">{formatTijdstip(c.op)}</td>
              <td>{VELD_LABEL[c.veld] ?? c.veld}</td>
              <td>{c.oudeWaarde ?? '–'}</td>
              <td>{c.nieuweWaarde ?? '–'}</td>
              <td>{c.reden}</td>
              <td>{c.door.naam}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

export function VernietigingKaart({
  v,
  persoonNaam,
  onDone,
}: {
  v: Vernietigingsverzoek;
  persoonNaam: string | null;
  onDone: (t: string) => void;
}) {
  const [f, setF] = useState({ besluit: '', weigeringsgrond: '', motivering: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [melding, setMelding] = useState<Melding>(null);
  const [details, setDetails] = useState(false);
  const [bevestigen, setBevestigen] = useState(false);
  const [busy, setBusy] = useState(false);
  const detail = useApi<{
    vindplaatsen: null | {
      huishoudens: number;
      meldingen: number;
      casussen: Array<{ casusId: number; nummer: string; blokkade?: unknown }>;
      melderKandidaten: Array<{ meldingId: number; meldingNummer: string }>;
      concepten?: number;
      vrijeTekst?: Record<string, number>;
    };
  }>(details || bevestigen ? `/api/vernietigingsverzoeken/${v.id}` : null);
  const beslis = async (e: FormEvent) => {
    e.preventDefault();
    setAttempt((a) => a + 1);
    const errs: FieldErrors = {};
    if (!f.besluit) errs['vv.besluit'] = ['Kies toegewezen of afgewezen'];
    if (f.besluit === 'afgewezen' && !f.weigeringsgrond)
      errs['vv.weigeringsgrond'] = ['Kies de grond van de weigering'];
    if (f.besluit === 'afgewezen' && f.motivering.trim().length < 20)
      errs['vv.motivering'] = [
        'Een weigering wordt gemotiveerd (minimaal 20 tekens): wiens belang, en waarom zwaarder',
      ];
    setErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      await api.post(`/api/vernietigingsverzoeken/${v.id}/besluit`, {
        besluit: f.besluit,
        weigeringsgrond: f.besluit === 'afgewezen' ? f.weigeringsgrond : null,
        motivering: f.motivering || null,
      });
      onDone(`Het besluit op verzoek om vernietiging ${v.id} is vastgelegd.`);
    } catch (err) {
      serverFout(err, 'vv', setErrors, setMelding);
      setAttempt((a) => a + 1);
    }
  };
  const persoon = persoonNaam ? `${persoonNaam} (persoon ${v.persoonId})` : `persoon ${v.persoonId}`;
  const uitvoeren = async () => {
    setBusy(true);
    try {
      // The server wants the person confirmed too (bevestigPersoonId): the one named in the step.
      await api.post(`/api/vernietigingsverzoeken/${v.id}/uitvoeren`, { bevestigPersoonId: v.persoonId });
      setBevestigen(false);
      onDone(`De gegevens van ${persoon} zijn vernietigd.`);
    } catch (err) {
      serverFout(err, 'vv', setErrors, setMelding);
    } finally {
      setBusy(false);
    }
  };
  return (
    <article
      className="panel card"
      data-testid={`vernietigingsverzoek-${v.id}`}
      aria-label={`Verzoek om vernietiging ${v.id}`}
    >
      <p>
        <strong>Verzoek {v.id}</strong> — ontvangen {formatDatum(v.ontvangenOp)}; status: {v.status}.{' '}
        <span className={`termijn termijn--${v.termijn.status}`} data-testid="vernietiging-termijn">
          Termijn 3 maanden: {termijnTekst(v.termijn, formatDatum)}
        </span>
      </p>
      {v.besluit && (
        <p>
          Besluit: {v.besluit}
          {v.weigeringsgrond ? ` — ${v.weigeringsgrond.label}` : ''}
          {v.motivering ? `. Motivering: ${v.motivering}` : ''}
        </p>
      )}
      <LiveMelding melding={melding} />
      {!v.uitgevoerdOp && (
        <button
          type="button"
          className="button button--link"
          aria-expanded={details}
          onClick={() => setDetails(!details)}
        >
          {details ? 'Vindplaatsen verbergen' : 'Waar staan de gegevens?'}
        </button>
      )}
      {details && detail.data?.vindplaatsen && (
        <ul>
          <li>
            {detail.data.vindplaatsen.meldingen} meldingen, {detail.data.vindplaatsen.huishoudens} huishoudens
          </li>
          <li>Casussen: {detail.data.vindplaatsen.casussen.map((c) => c.nummer).join(', ') || 'geen'}</li>
          {detail.data.vindplaatsen.melderKandidaten.length > 0 && (
            <li>
              Mogelijk melder in: {detail.data.vindplaatsen.melderKandidaten.map((m) => m.meldingNummer).join(', ')}
            </li>
          )}
          {(detail.data.vindplaatsen.concepten ?? 0) > 0 && (
            <li>Concepten over deze persoon: {detail.data.vindplaatsen.concepten}</li>
          )}
          <li>
            Vrije tekst die wordt vervangen (ook eerdere namen, BSN en geboortedatum):{' '}
            {Object.entries(detail.data.vindplaatsen.vrijeTekst ?? {})
              .map(([veld, n]) => `${veld} (${n})`)
              .join(', ') || 'geen'}
          </li>
        </ul>
      )}
      {!v.besluit && (
        <form onSubmit={beslis} noValidate className="form" aria-label={`Besluit op verzoek om vernietiging ${v.id}`}>
          <ErrorSummary errors={errors} focusKey={attempt} />
          <RadioGroup
            name="vv.besluit"
            label="Besluit"
            inline
            value={f.besluit}
            onChange={(x) => setF((y) => ({ ...y, besluit: x }))}
            errors={errors}
            options={[
              { value: 'toegewezen', label: 'Toewijzen' },
              { value: 'afgewezen', label: 'Afwijzen' },
            ]}
          />
          {f.besluit === 'afgewezen' && (
            <SelectField
              name="vv.weigeringsgrond"
              label="Grond van de weigering"
              value={f.weigeringsgrond}
              onChange={(x) => setF((y) => ({ ...y, weigeringsgrond: x }))}
              errors={errors}
              options={[
                { value: 'aanmerkelijk_belang_ander', label: 'Aanmerkelijk belang van een ander dan de verzoeker' },
                { value: 'wettelijk_voorschrift', label: 'Een wettelijk voorschrift verzet zich ertegen' },
              ]}
            />
          )}
          <TextArea
            name="vv.motivering"
            label="Motivering"
            hint="Verplicht bij afwijzing (minimaal 20 tekens): wiens belang, en waarom zwaarder"
            value={f.motivering}
            onChange={(x) => setF((y) => ({ ...y, motivering: x }))}
            errors={errors}
            rows={3}
          />
          <button type="submit" className="button">
            Besluit vastleggen
          </button>
        </form>
      )}
      {v.besluit === 'toegewezen' && !v.uitgevoerdOp && (
        <div className="notice notice--warning">
          <p>
            Uitvoeren verwijdert de persoonsgegevens overal, onomkeerbaar. Alleen een grafsteen en het toegangslog
            blijven.
          </p>
          {!bevestigen && (
            <button type="button" className="button" aria-expanded={false} onClick={() => setBevestigen(true)}>
              Vernietiging uitvoeren voor persoon {v.persoonId}
            </button>
          )}
          {bevestigen && (
            <Bevestiging
              naam={`Vernietiging van ${persoon} bevestigen`}
              titel={`De gegevens van ${persoon} vernietigen?`}
              gevolgen={vernietigingGevolgen(persoon, detail.data?.vindplaatsen ?? null)}
              typ={{ verwacht: 'VERNIETIGEN', label: 'Typ VERNIETIGEN om te bevestigen' }}
              bevestigLabel="Definitief vernietigen"
              busy={busy}
              onAnnuleer={() => setBevestigen(false)}
              onBevestig={() => void uitvoeren()}
            />
          )}
        </div>
      )}
    </article>
  );
}

// ------------------------------------------------------------------ worklist
