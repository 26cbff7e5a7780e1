// Privacy (privacy officer / FG): the NEN 7513 access log (search, CSV export, chain verification),
// a person's rights — access overview ("wie heeft mijn gegevens ingezien"), inzage/afschrift with
// the refusal grounds of Wmo 2015 art. 5.3.2, correction with history, destruction on request with
// its 3-month clock — the worklist of requests, and dossier retention with legal holds. Uses the
// routes of packages/server/src/privacy/routes.ts; see docs/privacy.md.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, query } from '../api.ts';
import { Checkbox, CheckboxGroup, ErrorSummary, Notice, RadioGroup, SelectField, TextArea, TextField } from '../components/forms.tsx';
import { LiveMelding, serverFout, type Melding } from '../components/Melding.tsx';
import { Bevestiging } from '../components/Bevestiging.tsx';
import { ScrollBox } from '../components/ScrollBox.tsx';
import { useApp } from '../context.ts';
import { fromServerFields, type FieldErrors } from '../fieldErrors.ts';
import { DATUM_FOUT, DATUM_HINT, datumVoorApi, formatDatum, formatTijdstip, leesDatum } from '../format.ts';
import { useApi } from '../useApi.ts';
import { Tabs, useTab } from './BeheerTabs.tsx';
import { ACTIES, bewaarGevolgen, casusSleutel, checkFilter, checkInzageBesluit, EMPTY_FILTER, logQuery, termijnTekst, UITKOMSTEN, vernietigingGevolgen, type InzageBesluitForm, type LogFilter } from './PrivacyModel.ts';
import type { BewaarItem, BewaarRapport, Correctie, Inzageverzoek, RechtenVanPersoon, VerzoekRegel, Vernietigingsverzoek } from '@voordeur/domain';


const PRIVACY_TABS = [
  { id: 'log', label: 'Toegangslog' },
  { id: 'persoon', label: 'Persoon en verzoeken' },
  { id: 'verzoeken', label: 'Werklijst verzoeken' },
  { id: 'noodtoegang', label: 'Noodtoegang' },
  { id: 'bewaartermijn', label: 'Bewaartermijnen' },
] as const;



const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });

export function PrivacyPage() {
  const [tab, setTab] = useTab(PRIVACY_TABS);
  const [persoonId, setPersoonId] = useState<number | null>(null);
  const open = (id: number) => {
    setPersoonId(id);
    setTab('persoon');
  };
  return (
    <>
      <h1>Privacy</h1>
      <p className="lead">Het toegangslog, de rechten van betrokkenen en de bewaartermijnen. Alles wat u hier opvraagt, komt zelf ook in het toegangslog.</p>
      <Tabs label="Onderdeel van privacy" idPrefix="privacy" tabs={PRIVACY_TABS} value={tab} onChange={(t) => setTab(t)}>
        {tab === 'log' && <Toegangslog onPersoon={open} />}
        {tab === 'persoon' && <PersoonRechten persoonId={persoonId} onPersoon={setPersoonId} />}
        {tab === 'verzoeken' && <Werklijst onPersoon={open} />}
        {tab === 'noodtoegang' && <Noodtoegangen />}
        {tab === 'bewaartermijn' && <Bewaartermijnen />}
      </Tabs>
    </>
  );
}

// ------------------------------------------------------------------ access log

interface LogRegel {
  id: number;
  at: string;
  gebruiker: { id: number; naam: string; gebruikersnaam: string } | null;
  namens: { id: number; naam: string } | null;
  clientIds: number[];
  actie: string;
  actieLabel: string;
  objectType: string;
  objectId: string | null;
  doel: string | null;
  route: string | null;
  uitkomst: string;
}

const PAGINA = 50;

function Toegangslog({ onPersoon }: { onPersoon: (id: number) => void }) {
  const { ref } = useApp();
  const [f, setF] = useState<LogFilter>(EMPTY_FILTER);
  const [gezocht, setGezocht] = useState<{ f: LogFilter; offset: number } | null>({ f: EMPTY_FILTER, offset: 0 });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const r = useApi<{ items: LogRegel[]; totaal: number; limit: number; offset: number }>(gezocht ? `/api/toegangslog${logQuery(gezocht.f, { limit: PAGINA, offset: gezocht.offset })}` : null);
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
        <ErrorSummary errors={errors} focusKey={attempt} describe={(k) => ({ 'log.van': 'Van', 'log.tot': 'Tot en met', 'log.persoonId': 'Persoon-id' })[k] ?? k} />
        <div className="form-row form-row--wrap">
          <TextField name="log.van" label="Van" hint={DATUM_HINT} value={f.van} onChange={(v) => set({ van: v })} errors={errors} width="s" maxLength={10} />
          <TextField name="log.tot" label="Tot en met" hint={DATUM_HINT} value={f.tot} onChange={(v) => set({ tot: v })} errors={errors} width="s" maxLength={10} />
          <SelectField name="log.gebruikerId" label="Medewerker" value={f.gebruikerId} onChange={(v) => set({ gebruikerId: v })} placeholder="Iedereen" options={ref.medewerkers.map((m) => ({ value: String(m.id), label: m.naam }))} />
          <TextField name="log.persoonId" label="Persoon-id (cliënt)" hint="Op naam of BSN: zie Persoon en verzoeken" value={f.persoonId} onChange={(v) => set({ persoonId: v })} errors={errors} width="xs" inputMode="numeric" />
          <SelectField name="log.actie" label="Actie" value={f.actie} onChange={(v) => set({ actie: v })} placeholder="Alle acties" options={ACTIES.map(([value, label]) => ({ value, label }))} />
          <SelectField name="log.uitkomst" label="Uitkomst" value={f.uitkomst} onChange={(v) => set({ uitkomst: v })} placeholder="Alle uitkomsten" options={UITKOMSTEN.map(([value, label]) => ({ value, label }))} />
          <TextField name="log.objectType" label="Soort object" hint="bijv. casus, persoon" value={f.objectType} onChange={(v) => set({ objectType: v })} width="s" />
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
          <a className="button button--secondary" href={`/api/toegangslog/export${logQuery(gezocht?.f ?? f)}`} download data-testid="log-export">
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
        <p className="hint">De export bevat de regels van de laatste zoekopdracht, oudste eerst, met de hashketen (puntkomma-gescheiden, opent in Excel).</p>
      </form>
      {serverFout ? <Notice kind="error">{serverFout.body.fields!.map((x) => x.message).join('; ')}</Notice> : r.error && <Notice kind="error">{r.error.message}</Notice>}
      {r.data && (
        <>
          <p className="table-meta" aria-live="polite">
            {r.data.totaal === 0 ? 'Geen regels met dit filter.' : `${r.data.totaal} regels, nieuwste eerst; ${r.data.offset + 1}–${Math.min(r.data.offset + r.data.items.length, r.data.totaal)} getoond.`}
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
                          <button key={id} type="button" className="button button--link" aria-label={`Persoon ${id}: verzoeken en toegangsoverzicht`} onClick={() => onPersoon(id)}>
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
              <button type="button" className="button button--secondary" disabled={gezocht.offset === 0} onClick={() => setGezocht({ ...gezocht, offset: Math.max(0, gezocht.offset - PAGINA) })}>
                Nieuwere regels
              </button>
              <button type="button" className="button button--secondary" disabled={gezocht.offset + PAGINA >= r.data.totaal} onClick={() => setGezocht({ ...gezocht, offset: gezocht.offset + PAGINA })}>
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
  const v = useApi<{ ok: boolean; checked: number; firstBadId: number | null; problem: string | null; anchor: { id: number; lastId: number } | null }>(`/api/toegangslog/verificatie?t=${tick}`);
  return (
    <div className={`notice ${v.data ? (v.data.ok ? 'notice--success' : 'notice--error') : ''}`} data-testid="log-verificatie" role="status">
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

interface Kandidaat {
  id: number;
  naam: string;
  bsn: string | null;
  geboortedatumLabel: string | null;
}

const RELATIES = [
  { value: 'betrokkene', label: 'De betrokkene zelf' },
  { value: 'wettelijk_vertegenwoordiger', label: 'Ouder met gezag, voogd of andere wettelijk vertegenwoordiger' },
  { value: 'gemachtigde', label: 'Gemachtigde (schriftelijke machtiging)' },
];
const GRONDEN = [
  { value: 'kind_jonger_dan_12', label: 'De betrokkene is jonger dan 12 jaar' },
  { value: 'niet_in_staat_tot_redelijke_waardering', label: 'De betrokkene is niet in staat tot een redelijke waardering van zijn belangen' },
  { value: 'bescherming_ander', label: 'Bescherming van de persoonlijke levenssfeer van een ander' },
  { value: 'verzoeker_niet_bevoegd', label: 'De verzoeker is niet bevoegd namens de betrokkene' },
];
const BESLUIT_LABEL: Record<string, string> = { toegewezen: 'toegewezen', deels_toegewezen: 'deels toegewezen', afgewezen: 'afgewezen' };
const VELD_LABEL: Record<string, string> = { bsn: 'BSN', voornamen: 'Voornamen', tussenvoegsel: 'Tussenvoegsel', achternaam: 'Achternaam', geboortedatum: 'Geboortedatum', geslacht: 'Geslacht' };

function PersoonRechten({ persoonId, onPersoon }: { persoonId: number | null; onPersoon: (id: number | null) => void }) {
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
  const r = useApi<{ kandidaten: Kandidaat[] }>(url);
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
          setUrl(`/api/rechten/personen${query({ naam: c.naam.trim(), geboortedatum: c.geboortedatum.trim() ? datumVoorApi(c.geboortedatum) : '', bsn: c.bsn.trim() })}`);
        }}
      >
        <div className="form-row form-row--wrap">
          <TextField name="zoek.naam" label="Naam" value={c.naam} onChange={(v) => setC((x) => ({ ...x, naam: v }))} errors={errors} width="m" />
          <TextField name="zoek.geboortedatum" label="Geboortedatum" hint="dd-mm-jjjj (optioneel)" value={c.geboortedatum} onChange={(v) => setC((x) => ({ ...x, geboortedatum: v }))} width="s" />
          <TextField name="zoek.bsn" label="BSN" value={c.bsn} onChange={(v) => setC((x) => ({ ...x, bsn: v }))} width="s" inputMode="numeric" />
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
        {d?.persoon && <span className="muted"> · id {id}{d.persoon.bsn ? ` · BSN ${d.persoon.bsn}` : ''}</span>}
      </h3>
      {r.error && <Notice kind="error">{r.error.message}</Notice>}
      <LiveMelding melding={melding} />
      {d?.vernietigd && <Notice kind="info">De gegevens van deze persoon zijn vernietigd op {formatTijdstip(d.vernietigd.vernietigdOp)} (grond: {d.vernietigd.grond}). Alleen de grafsteen en het toegangslog resten.</Notice>}
      <Toegangsoverzicht id={id} />
      {d && (
        <>
          <Blok titel="Inzage en afschrift (Wmo 2015 art. 5.3.2)">
            {d.inzageverzoeken.map((v) => (
              <InzageKaart key={v.id} v={v} onDone={done} />
            ))}
            {d.persoon && <NieuwVerzoek soortKeuze url={`/api/personen/${id}/inzageverzoeken`} titel="Nieuw verzoek om inzage of afschrift" prefix="inzage" onDone={() => done('Het verzoek is vastgelegd.')} />}
          </Blok>
          {d.persoon && (
            <Blok titel="Correctie">
              <CorrectieForm id={id} onDone={() => done('De correctie is opgeslagen; de oude waarde staat in de historie.')} />
              <CorrectieHistorie correcties={d.correcties} />
            </Blok>
          )}
          <Blok titel="Vernietiging op verzoek (Wmo 2015 art. 5.3.5)">
            {d.vernietigingsverzoeken.map((v) => (
              <VernietigingKaart key={v.id} v={v} persoonNaam={d.persoon?.naam ?? null} onDone={done} />
            ))}
            {d.persoon && <NieuwVerzoek url={`/api/personen/${id}/vernietigingsverzoeken`} titel="Nieuw verzoek om vernietiging" prefix="vv" onDone={() => done('Het verzoek om vernietiging is vastgelegd; de termijn van 3 maanden loopt.')} />}
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
  const r = useApi<{ regels: Array<{ at: string; medewerker: { naam: string; functie: string } | null; actieLabel: string; wat: string; doel: string | null; uitkomst: string }> }>(open ? `/api/personen/${id}/toegangsoverzicht` : null);
  return (
    <Blok titel="Wie heeft de gegevens ingezien">
      <p>Het chronologische overzicht voor een inzageverzoek: wie, wanneer, wat en waarom. Andere cliënten worden niet genoemd.</p>
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

function NieuwVerzoek({ url, titel, prefix, soortKeuze, onDone }: { url: string; titel: string; prefix: string; soortKeuze?: boolean; onDone: () => void }) {
  const [f, setF] = useState({ soort: 'inzage', verzoekerRelatie: 'betrokkene', verzoekerNaam: '', ontvangenOp: formatDatum(today()), toelichting: '' });
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
      await api.post(url, { ...(soortKeuze ? { soort: f.soort } : {}), verzoekerRelatie: f.verzoekerRelatie, verzoekerNaam: f.verzoekerNaam || null, ontvangenOp, toelichting: f.toelichting || null });
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
        <RadioGroup name={`${prefix}.soort`} label="Soort" inline value={f.soort} onChange={(v) => setF((x) => ({ ...x, soort: v }))} errors={errors} options={[{ value: 'inzage', label: 'Inzage' }, { value: 'afschrift', label: 'Afschrift' }]} />
      )}
      <SelectField name={`${prefix}.verzoekerRelatie`} label="Wie vraagt" placeholder={null} value={f.verzoekerRelatie} onChange={(v) => setF((x) => ({ ...x, verzoekerRelatie: v }))} errors={errors} options={RELATIES} />
      {f.verzoekerRelatie !== 'betrokkene' && <TextField name={`${prefix}.verzoekerNaam`} label="Naam van de verzoeker" value={f.verzoekerNaam} onChange={(v) => setF((x) => ({ ...x, verzoekerNaam: v }))} errors={errors} width="l" />}
      <TextField name={`${prefix}.ontvangenOp`} label="Ontvangen op" hint={`${DATUM_HINT}; de termijn begint op deze dag`} value={f.ontvangenOp} onChange={(v) => setF((x) => ({ ...x, ontvangenOp: v }))} errors={errors} width="s" maxLength={10} />
      <TextArea name={`${prefix}.toelichting`} label="Toelichting (optioneel)" value={f.toelichting} onChange={(v) => setF((x) => ({ ...x, toelichting: v }))} errors={errors} rows={2} />
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

function InzageKaart({ v, onDone }: { v: Inzageverzoek; onDone: (t: string) => void }) {
  const [f, setF] = useState<InzageBesluitForm>({ besluit: '', weigeringsgronden: [], motivering: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [melding, setMelding] = useState<Melding>(null);
  const beslis = async (e: FormEvent) => {
    e.preventDefault();
    setAttempt((a) => a + 1);
    const errs = checkInzageBesluit(f, v.signalen.map((s) => s.code));
    setErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      await api.post(`/api/inzageverzoeken/${v.id}/besluit`, { besluit: f.besluit, weigeringsgronden: f.weigeringsgronden, motivering: f.motivering || null });
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
        — ontvangen {formatDatum(v.ontvangenOp)} van {RELATIES.find((r) => r.value === v.verzoekerRelatie)?.label.toLowerCase()}
        {v.verzoekerNaam ? ` (${v.verzoekerNaam})` : ''}; {v.besluit ? `besloten: ${BESLUIT_LABEL[v.besluit]} op ${formatTijdstip(v.beslotenOp)} door ${v.beslotenDoor?.naam ?? '?'}` : `uiterlijk ${formatDatum(v.uiterlijkOp)} beantwoorden${v.dagenResterend !== null ? ` (nog ${v.dagenResterend} dagen)` : ''}`}.
      </p>
      {v.signalen.length > 0 && (
        <ul className="signalen">
          {v.signalen.map((s) => (
            <li key={s.code}>Signaal: {s.label}</li>
          ))}
        </ul>
      )}
      {v.besluit && v.weigeringsgronden.length > 0 && <p>Weigeringsgronden: {v.weigeringsgronden.map((g) => g.label).join('; ')}</p>}
      {v.besluit && v.motivering && <p>Motivering: {v.motivering}</p>}
      {v.besluit && v.besluit !== 'afgewezen' && (
        <div className="button-row">
          <a className="button button--secondary" href={`/api/inzageverzoeken/${v.id}/dossier?formaat=pdf`} download>
            Dossier als PDF
          </a>
          <a className="button button--secondary" href={`/api/inzageverzoeken/${v.id}/dossier?formaat=json`} download={`${v.soort}-${v.id}.json`}>
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
          <ErrorSummary errors={errors} focusKey={attempt} describe={(k) => ({ 'besluit.besluit': 'Besluit', 'besluit.weigeringsgronden': 'Weigeringsgronden', 'besluit.motivering': 'Motivering' })[k] ?? k} />
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
            <CheckboxGroup name="besluit.weigeringsgronden" label="Weigeringsgronden (Wmo 2015 art. 5.3.2)" values={f.weigeringsgronden} onChange={(x) => setF((y) => ({ ...y, weigeringsgronden: x }))} errors={errors} options={GRONDEN} />
          )}
          <TextArea name="besluit.motivering" label="Motivering" hint="Verplicht bij een (gedeeltelijke) weigering, en bij toewijzing ondanks een signaal" value={f.motivering} onChange={(x) => setF((y) => ({ ...y, motivering: x }))} errors={errors} rows={3} />
          <button type="submit" className="button">
            Besluit vastleggen
          </button>
        </form>
      )}
    </article>
  );
}

function CorrectieForm({ id, onDone }: { id: number; onDone: () => void }) {
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
      await api.post(`/api/personen/${id}/correctie`, { wijzigingen: { [veld]: waarde.trim() === '' ? null : waarde.trim() }, reden });
      setWaarde('');
      setReden('');
      setErrors({});
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.body.fields) {
        // 'wijzigingen.achternaam' → the value field.
        setErrors(Object.fromEntries(Object.entries(fromServerFields(err.body.fields)).map(([k, v]) => [k.startsWith('wijzigingen') ? 'correctie.waarde' : `correctie.${k}`, v])));
      } else serverFout(err, 'correctie', setErrors, setMelding);
      setAttempt((a) => a + 1);
    }
  };
  return (
    <form onSubmit={submit} noValidate className="panel form" aria-label="Persoonsgegevens corrigeren">
      <ErrorSummary errors={errors} focusKey={attempt} describe={(k) => ({ 'correctie.waarde': 'Nieuwe waarde', 'correctie.reden': 'Reden' })[k] ?? k} />
      <LiveMelding melding={melding} />
      <div className="form-row form-row--wrap">
        <SelectField name="correctie.veld" label="Veld" placeholder={null} value={veld} onChange={setVeld} options={Object.entries(VELD_LABEL).map(([value, label]) => ({ value, label }))} />
        <TextField name="correctie.waarde" label="Nieuwe waarde" hint={veld === 'geboortedatum' ? 'JJJJMMDD, 00 voor onbekende delen' : veld === 'geslacht' ? 'V, M of O' : 'Leeg = waarde wissen'} value={waarde} onChange={setWaarde} errors={errors} width="m" />
      </div>
      <TextArea name="correctie.reden" label="Reden" hint="Bijvoorbeeld: verzoek van de betrokkene van 3 mei, uittreksel BRP" value={reden} onChange={setReden} errors={errors} rows={2} />
      <button type="submit" className="button">
        Correctie opslaan
      </button>
    </form>
  );
}

function CorrectieHistorie({ correcties }: { correcties: Correctie[] }) {
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

function VernietigingKaart({ v, persoonNaam, onDone }: { v: Vernietigingsverzoek; persoonNaam: string | null; onDone: (t: string) => void }) {
  const [f, setF] = useState({ besluit: '', weigeringsgrond: '', motivering: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [melding, setMelding] = useState<Melding>(null);
  const [details, setDetails] = useState(false);
  const [bevestigen, setBevestigen] = useState(false);
  const [busy, setBusy] = useState(false);
  const detail = useApi<{ vindplaatsen: null | { huishoudens: number; meldingen: number; casussen: Array<{ casusId: number; nummer: string; blokkade?: unknown }>; melderKandidaten: Array<{ meldingId: number; meldingNummer: string }> } }>(details || bevestigen ? `/api/vernietigingsverzoeken/${v.id}` : null);
  const beslis = async (e: FormEvent) => {
    e.preventDefault();
    setAttempt((a) => a + 1);
    const errs: FieldErrors = {};
    if (!f.besluit) errs['vv.besluit'] = ['Kies toegewezen of afgewezen'];
    if (f.besluit === 'afgewezen' && !f.weigeringsgrond) errs['vv.weigeringsgrond'] = ['Kies de grond van de weigering'];
    if (f.besluit === 'afgewezen' && f.motivering.trim().length < 20) errs['vv.motivering'] = ['Een weigering wordt gemotiveerd (minimaal 20 tekens): wiens belang, en waarom zwaarder'];
    setErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      await api.post(`/api/vernietigingsverzoeken/${v.id}/besluit`, { besluit: f.besluit, weigeringsgrond: f.besluit === 'afgewezen' ? f.weigeringsgrond : null, motivering: f.motivering || null });
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
    <article className="panel card" data-testid={`vernietigingsverzoek-${v.id}`} aria-label={`Verzoek om vernietiging ${v.id}`}>
      <p>
        <strong>Verzoek {v.id}</strong> — ontvangen {formatDatum(v.ontvangenOp)}; status: {v.status}.{' '}
        <span className={`termijn termijn--${v.termijn.status}`} data-testid="vernietiging-termijn">Termijn 3 maanden: {termijnTekst(v.termijn, formatDatum)}</span>
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
        <button type="button" className="button button--link" aria-expanded={details} onClick={() => setDetails(!details)}>
          {details ? 'Vindplaatsen verbergen' : 'Waar staan de gegevens?'}
        </button>
      )}
      {details && detail.data?.vindplaatsen && (
        <ul>
          <li>{detail.data.vindplaatsen.meldingen} meldingen, {detail.data.vindplaatsen.huishoudens} huishoudens</li>
          <li>Casussen: {detail.data.vindplaatsen.casussen.map((c) => c.nummer).join(', ') || 'geen'}</li>
          {detail.data.vindplaatsen.melderKandidaten.length > 0 && <li>Mogelijk melder in: {detail.data.vindplaatsen.melderKandidaten.map((m) => m.meldingNummer).join(', ')}</li>}
        </ul>
      )}
      {!v.besluit && (
        <form onSubmit={beslis} noValidate className="form" aria-label={`Besluit op verzoek om vernietiging ${v.id}`}>
          <ErrorSummary errors={errors} focusKey={attempt} />
          <RadioGroup name="vv.besluit" label="Besluit" inline value={f.besluit} onChange={(x) => setF((y) => ({ ...y, besluit: x }))} errors={errors} options={[{ value: 'toegewezen', label: 'Toewijzen' }, { value: 'afgewezen', label: 'Afwijzen' }]} />
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
          <TextArea name="vv.motivering" label="Motivering" hint="Verplicht bij afwijzing (minimaal 20 tekens): wiens belang, en waarom zwaarder" value={f.motivering} onChange={(x) => setF((y) => ({ ...y, motivering: x }))} errors={errors} rows={3} />
          <button type="submit" className="button">
            Besluit vastleggen
          </button>
        </form>
      )}
      {v.besluit === 'toegewezen' && !v.uitgevoerdOp && (
        <div className="notice notice--warning">
          <p>Uitvoeren verwijdert de persoonsgegevens overal, onomkeerbaar. Alleen een grafsteen en het toegangslog blijven.</p>
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

function Werklijst({ onPersoon }: { onPersoon: (id: number) => void }) {
  const [status, setStatus] = useState('open');
  const r = useApi<{ verzoeken: VerzoekRegel[] }>(`/api/rechten/verzoeken?status=${status}`);
  return (
    <section className="section" aria-labelledby="werklijst-titel">
      <h2 id="werklijst-titel">Werklijst verzoeken</h2>
      <RadioGroup name="werklijst.status" label="Toon" inline value={status} onChange={setStatus} options={[{ value: 'open', label: 'Open verzoeken' }, { value: 'alle', label: 'Alle verzoeken' }]} />
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

interface NoodtoegangItem {
  id: number;
  casus: { id: number; nummer: string };
  gebruiker: { id: number; naam: string; gebruikersnaam: string };
  reden: string;
  verleendOp: string;
  verlooptOp: string;
  gebruik: number;
  beoordeeld: boolean;
  beoordeling: { oordeel: string; notitie: string; door: { naam: string }; op: string } | null;
}

const OORDEEL_LABEL: Record<string, string> = { gerechtvaardigd: 'Gerechtvaardigd', niet_gerechtvaardigd: 'Niet gerechtvaardigd' };

function Noodtoegangen() {
  const [filter, setFilter] = useState('nee');
  const [tick, setTick] = useState(0);
  const [melding, setMelding] = useState<Melding>(null);
  const r = useApi<{ totaal: number; nietBeoordeeld: number; items: NoodtoegangItem[] }>(`/api/toegangslog/noodtoegang?beoordeeld=${filter}&t=${tick}`);
  return (
    <section className="section" aria-labelledby="nood-titel">
      <h2 id="nood-titel">Noodtoegang (break the glass)</h2>
      <p>
        Een medewerker zonder relatie met een casus kan met een reden noodtoegang nemen. Elke toegang daarbij staat in het toegangslog als noodgeval. Beoordeel of de noodtoegang gerechtvaardigd was.
      </p>
      <LiveMelding melding={melding} />
      {r.data && (
        <p data-testid="nood-open">
          <strong>{r.data.nietBeoordeeld}</strong> {r.data.nietBeoordeeld === 1 ? 'noodtoegang wacht' : 'noodtoegangen wachten'} op beoordeling.
        </p>
      )}
      <RadioGroup name="nood.filter" label="Toon" inline value={filter} onChange={setFilter} options={[{ value: 'nee', label: 'Nog niet beoordeeld' }, { value: 'ja', label: 'Beoordeeld' }, { value: 'alle', label: 'Alle' }]} />
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
        <dd>{n.gebruik} {n.gebruik === 1 ? 'toegang' : 'toegangen'} in het toegangslog</dd>
        {n.beoordeling && (
          <>
            <dt>Oordeel</dt>
            <dd>
              {OORDEEL_LABEL[n.beoordeling.oordeel] ?? n.beoordeling.oordeel} — {n.beoordeling.notitie} ({n.beoordeling.door.naam}, {formatTijdstip(n.beoordeling.op)})
            </dd>
          </>
        )}
      </dl>
      {!n.beoordeeld && (
        <form onSubmit={submit} noValidate>
          <LiveMelding melding={melding} />
          <RadioGroup name={`${prefix}.oordeel`} label="Oordeel" inline value={oordeel} onChange={setOordeel} errors={errors} options={[{ value: 'gerechtvaardigd', label: 'Gerechtvaardigd' }, { value: 'niet_gerechtvaardigd', label: 'Niet gerechtvaardigd' }]} />
          <TextArea name={`${prefix}.notitie`} label="Notitie" hint="Minimaal 10 tekens: waarom wel of niet gerechtvaardigd, eventuele vervolgactie" value={notitie} onChange={setNotitie} errors={errors} rows={2} />
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

function Bewaartermijnen() {
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
      const x = await api.post<{ vernietigd: unknown[]; geweigerd: unknown[] }>('/api/bewaartermijn/uitvoeren', { casusIds: gekozen });
      setMelding({ kind: 'success', text: `${x.vernietigd.length} casus(sen) vernietigd, ${x.geweigerd.length} geweigerd.` });
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
    if (!id) return setErrors({ 'blokkade.casusId': [blokkade.casusId.trim() ? 'Vul een casusnummer in zoals 2026-000123 (of het id van de casus)' : 'Vul het casusnummer in'] });
    try {
      await api.post(`/api/casussen/${encodeURIComponent(id)}/bewaarblokkade${opheffen ? '/opheffen' : ''}`, { reden: blokkade.reden });
      setErrors({});
      setMelding({ kind: 'success', text: opheffen ? `De bewaarblokkade van casus ${id} is opgeheven.` : `Casus ${id} heeft nu een bewaarblokkade.` });
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
                      <input type="checkbox" id={`bewaar-${x.casusId}`} aria-label={`Casus ${x.nummer} vernietigen`} checked={gekozen.includes(x.casusId)} onChange={(e) => setGekozen((g) => (e.target.checked ? [...g, x.casusId] : g.filter((y) => y !== x.casusId)))} />
                    </td>
                  )}
                  <td>
                    {x.nummer} <span className="muted">(id {x.casusId})</span>
                  </td>
                  <td className="nowrap">{formatDatum(x.geslotenOp.slice(0, 10))}</td>
                  <td className="nowrap">
                    {formatDatum(x.bewaartermijnEinde)} {x.grondslag === 'jongste_kind_meerderjarig' ? '(jongste kind 18)' : ''}
                  </td>
                  <td className="num">{x.meldingen}</td>
                  <td className="num">
                    {x.personen} ({x.personenTeVernietigen})
                  </td>
                  <td>{x.blokkade ? `${x.blokkade.reden} — ${x.blokkade.ingesteldDoor.naam}, ${formatTijdstip(x.blokkade.ingesteldOp)}` : '–'}</td>
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
            Proefrun op {formatDatum(d.peildatum)}: bewaartermijn {d.bewaartermijnJaren} jaar na sluiting{d.totJongsteMeerderjarig ? ', en minstens tot het jongste kind 18 is' : ''}. Er verandert niets tot u casussen kiest en op “Vernietigen” drukt.
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
              typ={{ verwacht: String(gekozenItems.length), label: `Typ het aantal casussen (${gekozenItems.length}) om te bevestigen` }}
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
      <form noValidate className="panel form section-top" aria-labelledby="blokkade-titel" onSubmit={(e) => void blokkeer(e, false)}>
        <h3 id="blokkade-titel">Bewaarblokkade (legal hold)</h3>
        <p>Een casus met een blokkade wordt niet vernietigd, ook niet op verzoek van een betrokkene.</p>
        <ErrorSummary errors={errors} focusKey={attempt} />
        <TextField name="blokkade.casusId" label="Casusnummer" hint="Bijvoorbeeld 2026-000123 (het id van de casus mag ook)" value={blokkade.casusId} onChange={(v) => setBlokkade((b) => ({ ...b, casusId: v }))} errors={errors} width="s" />
        <TextArea name="blokkade.reden" label="Reden" hint="Minimaal 10 tekens, bijvoorbeeld: lopende procedure bij de rechtbank" value={blokkade.reden} onChange={(v) => setBlokkade((b) => ({ ...b, reden: v }))} errors={errors} rows={2} />
        <div className="button-row">
          <button type="submit" className="button">
            Blokkade instellen
          </button>
          <button type="button" className="button button--secondary" onClick={(e) => void blokkeer(e as unknown as FormEvent, true)}>
            Blokkade opheffen
          </button>
        </div>
      </form>
    </section>
  );
}
