// Privacy page, tab Persoon en verzoeken: find a person, their dossier and access overview, and a new request.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, query } from '../api.ts';
import { ErrorSummary, Notice, RadioGroup, SelectField, TextArea, TextField } from '../components/forms.tsx';
import { LiveMelding, serverFout, type Melding } from '../components/Melding.tsx';
import { ScrollBox } from '../components/ScrollBox.tsx';
import { type FieldErrors } from '../fieldErrors.ts';
import { DATUM_FOUT, DATUM_HINT, datumVoorApi, formatDatum, formatTijdstip, leesDatum } from '../format.ts';
import { useApi } from '../useApi.ts';
import { RELATIES, today, type PrivacyKandidaat } from './PrivacyModel.ts';
import type { RechtenVanPersoon } from '@voordeur/domain';
import { InzageKaart, CorrectieForm, CorrectieHistorie, VernietigingKaart } from './PrivacyVerzoeken.tsx';

export function PersoonRechten({
  persoonId,
  onPersoon,
}: {
  persoonId: number | null;
  onPersoon: (id: number | null) => void;
}) {
  return (
    <section className="section" aria-labelledby="persoon-titel">
      <h2 id="persoon-titel">Persoon en verzoeken</h2>
      <PersoonZoek onKies={onPersoon} />
      {persoonId !== null && <PersoonDossier key={persoonId} id={persoonId} />}
    </section>
  );
}

function PersoonZoek({ onKies }: { onKies: (id: number) => void }) {
  const [c, setC] = useState({ naam: '', geboortedatum: '', bsn: '' });
  const [url, setUrl] = useState<string | null>(null);
  const r = useApi<{ kandidaten: PrivacyKandidaat[] }>(url);
  const [errors, setErrors] = useState<FieldErrors>({});
  return (
    <>
      <form
        className="panel form"
        role="search"
        aria-label="Persoon zoeken voor een verzoek"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!c.naam.trim() && !c.bsn.trim()) return setErrors({ 'zoek.naam': ['Vul een naam of een BSN in'] });
          setErrors({});
          // The server compares birth dates as JJJJMMDD: a date typed as shown (dd-mm-jjjj) is turned round first.
          setUrl(
            `/api/rechten/personen${query({ naam: c.naam.trim(), geboortedatum: c.geboortedatum.trim() ? datumVoorApi(c.geboortedatum) : '', bsn: c.bsn.trim() })}`,
          );
        }}
      >
        <div className="form-row form-row--wrap">
          <TextField
            name="zoek.naam"
            label="Naam"
            value={c.naam}
            onChange={(v) => setC((x) => ({ ...x, naam: v }))}
            errors={errors}
            width="m"
          />
          <TextField
            name="zoek.geboortedatum"
            label="Geboortedatum"
            hint="dd-mm-jjjj (optioneel)"
            value={c.geboortedatum}
            onChange={(v) => setC((x) => ({ ...x, geboortedatum: v }))}
            width="s"
          />
          <TextField
            name="zoek.bsn"
            label="BSN"
            value={c.bsn}
            onChange={(v) => setC((x) => ({ ...x, bsn: v }))}
            width="s"
            inputMode="numeric"
          />
        </div>
        <button type="submit" className="button">
          Persoon zoeken
        </button>
      </form>
      {r.error && <Notice kind="error">{r.error.message}</Notice>}
      {r.data && (
        <div aria-live="polite">
          {r.data.kandidaten.length === 0 ? (
            <p>Geen personen gevonden.</p>
          ) : (
            <ul className="plain-list" data-testid="rechten-kandidaten">
              {r.data.kandidaten.map((k) => (
                <li key={k.id}>
                  <button type="button" className="button button--link" onClick={() => onKies(k.id)}>
                    {k.naam}
                  </button>{' '}
                  <span className="muted">
                    {k.geboortedatumLabel ? `geboren ${k.geboortedatumLabel}` : 'geboortedatum onbekend'}
                    {k.bsn ? ` · BSN ${k.bsn}` : ''} · id {k.id}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </>
  );
}

function PersoonDossier({ id }: { id: number }) {
  const r = useApi<RechtenVanPersoon>(`/api/personen/${id}/rechten`);
  const [melding, setMelding] = useState<Melding>(null);
  const titel = useRef<HTMLHeadingElement>(null);
  useEffect(() => titel.current?.focus(), []);
  const d = r.data;
  const done = (text: string) => {
    setMelding({ kind: 'success', text });
    r.reload();
  };
  return (
    <div className="section-top" data-testid="persoon-rechten">
      <h3 ref={titel} tabIndex={-1}>
        {d?.persoon ? `${d.persoon.naam}` : `Persoon ${id}`}
        {d?.persoon && (
          <span className="muted">
            {' '}
            · id {id}
            {d.persoon.bsn ? ` · BSN ${d.persoon.bsn}` : ''}
          </span>
        )}
      </h3>
      {r.error && <Notice kind="error">{r.error.message}</Notice>}
      <LiveMelding melding={melding} />
      {d?.vernietigd && (
        <Notice kind="info">
          De gegevens van deze persoon zijn vernietigd op {formatTijdstip(d.vernietigd.vernietigdOp)} (grond:{' '}
          {d.vernietigd.grond}). Alleen de grafsteen en het toegangslog resten.
        </Notice>
      )}
      <Toegangsoverzicht id={id} />
      {d && (
        <>
          <Blok titel="Inzage en afschrift (Wmo 2015 art. 5.3.2)">
            {d.inzageverzoeken.map((v) => (
              <InzageKaart key={v.id} v={v} onDone={done} />
            ))}
            {d.persoon && (
              <NieuwVerzoek
                soortKeuze
                url={`/api/personen/${id}/inzageverzoeken`}
                titel="Nieuw verzoek om inzage of afschrift"
                prefix="inzage"
                onDone={() => done('Het verzoek is vastgelegd.')}
              />
            )}
          </Blok>
          {d.persoon && (
            <Blok titel="Correctie">
              <CorrectieForm
                id={id}
                onDone={() => done('De correctie is opgeslagen; de oude waarde staat in de historie.')}
              />
              <CorrectieHistorie correcties={d.correcties} />
            </Blok>
          )}
          <Blok titel="Vernietiging op verzoek (Wmo 2015 art. 5.3.5)">
            {d.vernietigingsverzoeken.map((v) => (
              <VernietigingKaart key={v.id} v={v} persoonNaam={d.persoon?.naam ?? null} onDone={done} />
            ))}
            {d.persoon && (
              <NieuwVerzoek
                url={`/api/personen/${id}/vernietigingsverzoeken`}
                titel="Nieuw verzoek om vernietiging"
                prefix="vv"
                onDone={() => done('Het verzoek om vernietiging is vastgelegd; de termijn van 3 maanden loopt.')}
              />
            )}
          </Blok>
        </>
      )}
    </div>
  );
}

function Blok({ titel, children }: { titel: string; children: ReactNode }) {
  return (
    <section className="section-top" aria-label={titel}>
      <h4>{titel}</h4>
      {children}
    </section>
  );
}

function Toegangsoverzicht({ id }: { id: number }) {
  const [open, setOpen] = useState(false);
  const r = useApi<{
    regels: Array<{
      at: string;
      medewerker: { naam: string; functie: string } | null;
      actieLabel: string;
      wat: string;
      doel: string | null;
      uitkomst: string;
    }>;
  }>(open ? `/api/personen/${id}/toegangsoverzicht` : null);
  return (
    <Blok titel="Wie heeft de gegevens ingezien">
      <p>
        Het chronologische overzicht voor een inzageverzoek: wie, wanneer, wat en waarom. Andere cliënten worden niet
        genoemd.
      </p>
      <div className="button-row">
        {!open && (
          <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
            Toegangsoverzicht tonen
          </button>
        )}
        <a className="button button--secondary" href={`/api/personen/${id}/toegangsoverzicht?formaat=pdf`} download>
          Toegangsoverzicht als PDF
        </a>
      </div>
      {r.error && <Notice kind="error">{r.error.message}</Notice>}
      {r.data && (
        <ScrollBox label="Toegangsoverzicht">
          <table className="table table--compact" data-testid="toegangsoverzicht">
            <caption className="visually-hidden">Toegang tot de gegevens van persoon {id}, oudste eerst</caption>
            <thead>
              <tr>
                <th scope="col">Wanneer</th>
                <th scope="col">Medewerker</th>
                <th scope="col">Functie</th>
                <th scope="col">Wat</th>
                <th scope="col">Handeling</th>
                <th scope="col">Doel</th>
                <th scope="col">Uitkomst</th>
              </tr>
            </thead>
            <tbody>
              {r.data.regels.map((x, i) => (
                <tr key={i}>
                  <td className="nowrap">{formatTijdstip(x.at)}</td>
                  <td>{x.medewerker?.naam ?? '–'}</td>
                  <td>{x.medewerker?.functie ?? ''}</td>
                  <td>{x.wat}</td>
                  <td>{x.actieLabel}</td>
                  <td>{x.doel ?? ''}</td>
                  <td>{x.uitkomst}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      )}
    </Blok>
  );
}

function NieuwVerzoek({
  url,
  titel,
  prefix,
  soortKeuze,
  onDone,
}: {
  url: string;
  titel: string;
  prefix: string;
  soortKeuze?: boolean;
  onDone: () => void;
}) {
  const [f, setF] = useState({
    soort: 'inzage',
    verzoekerRelatie: 'betrokkene',
    verzoekerNaam: '',
    ontvangenOp: formatDatum(today()),
    toelichting: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [melding, setMelding] = useState<Melding>(null);
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
        {titel}
      </button>
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAttempt((a) => a + 1);
    setMelding(null);
    const ontvangenOp = leesDatum(f.ontvangenOp);
    if (!ontvangenOp) return setErrors({ [`${prefix}.ontvangenOp`]: [DATUM_FOUT] });
    try {
      await api.post(url, {
        ...(soortKeuze ? { soort: f.soort } : {}),
        verzoekerRelatie: f.verzoekerRelatie,
        verzoekerNaam: f.verzoekerNaam || null,
        ontvangenOp,
        toelichting: f.toelichting || null,
      });
      setOpen(false);
      setErrors({});
      onDone();
    } catch (err) {
      serverFout(err, prefix, setErrors, setMelding);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="panel form" aria-label={titel}>
      <h5>{titel}</h5>
      <ErrorSummary errors={errors} focusKey={attempt} />
      <LiveMelding melding={melding} />
      {soortKeuze && (
        <RadioGroup
          name={`${prefix}.soort`}
          label="Soort"
          inline
          value={f.soort}
          onChange={(v) => setF((x) => ({ ...x, soort: v }))}
          errors={errors}
          options={[
            { value: 'inzage', label: 'Inzage' },
            { value: 'afschrift', label: 'Afschrift' },
          ]}
        />
      )}
      <SelectField
        name={`${prefix}.verzoekerRelatie`}
        label="Wie vraagt"
        placeholder={null}
        value={f.verzoekerRelatie}
        onChange={(v) => setF((x) => ({ ...x, verzoekerRelatie: v }))}
        errors={errors}
        options={RELATIES}
      />
      {f.verzoekerRelatie !== 'betrokkene' && (
        <TextField
          name={`${prefix}.verzoekerNaam`}
          label="Naam van de verzoeker"
          value={f.verzoekerNaam}
          onChange={(v) => setF((x) => ({ ...x, verzoekerNaam: v }))}
          errors={errors}
          width="l"
        />
      )}
      <TextField
        name={`${prefix}.ontvangenOp`}
        label="Ontvangen op"
        hint={`${DATUM_HINT}; de termijn begint op deze dag`}
        value={f.ontvangenOp}
        onChange={(v) => setF((x) => ({ ...x, ontvangenOp: v }))}
        errors={errors}
        width="s"
        maxLength={10}
      />
      <TextArea
        name={`${prefix}.toelichting`}
        label="Toelichting (optioneel)"
        value={f.toelichting}
        onChange={(v) => setF((x) => ({ ...x, toelichting: v }))}
        errors={errors}
        rows={2}
      />
      <div className="button-row">
        <button type="submit" className="button">
          Verzoek vastleggen
        </button>
        <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
          Annuleren
        </button>
      </div>
    </form>
  );
}
