// Halfjaarrapportage (beleidsmedewerker, teammanager): every figure of GET /api/rapportage/halfjaar
// for a chosen half-year or date range, the region or one gemeente, laid out like the half-year
// report of Veilig Thuis Amsterdam-Amstelland (seed 002): inflow per gemeente and per 1,000
// households, type geweld and melders with / without children, veiligheidsbeoordeling, the statutory
// terms per month, afhandeling. Charts are inline SVG with the same numbers in a table beside them.
// Printing (browser → PDF) gives a report: see the "rapportage" print rules in styles.css.
// This file: the page, the choice form and the report's layout; each part of the report in its own
// file (RapportageInstroom, RapportageOnderdelen, RapportageTermijnen), the rules in RapportageModel.ts.
import '../styles/rapportage.css';
import { Voortgang } from '../components/Voortgang.tsx';
import { toLocalDate, type HalfjaarRapport } from '@voordeur/domain';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary, ErrorText, Notice, RadioGroup, SelectField } from '../components/forms.tsx';
import { useApp } from '../context.ts';
import { fieldId } from '../fieldErrors.ts';
import { formatDatum } from '../format.ts';
import { navigate, useLocation } from '../router.tsx';
import { useApi } from '../useApi.ts';
import { OnderdrukkingNoot, RapportageNav } from './RapportageDelen.tsx';
import {
  datumLang,
  DREMPEL_OPTIES,
  halfjaarNaam,
  halfjaarOpties,
  halfjaarPeriode,
  keuzeFouten,
  keuzeUitUrl,
  periodeTekst,
  rapportQuery,
  type RapportKeuze,
} from './RapportageModel.ts';
import { Instroom, PerGemeente } from './RapportageInstroom.tsx';
import { TypeEnMelders, Beoordeling, Afhandeling } from './RapportageOnderdelen.tsx';
import { Termijnen } from './RapportageTermijnen.tsx';

export function RapportagePage() {
  const loc = useLocation();
  const vandaag = toLocalDate(new Date());
  const keuze = useMemo(() => keuzeUitUrl(loc.search, vandaag), [loc.href, vandaag]);
  const q = rapportQuery(keuze);
  const rapport = useApi<HalfjaarRapport>(`/api/rapportage/halfjaar?${q}`);
  return (
    <>
      <div className="rapport-scherm">
        <h1>Halfjaarrapportage</h1>
        <RapportageNav />
        <p className="lead">
          Alle cijfers van de halfjaarrapportage voor een halfjaar of een andere periode, voor de hele regio of één
          gemeente. Alleen geaggregeerde cijfers; elke definitie staat in docs/statistics.md.
        </p>
        <KeuzeFormulier key={loc.href} keuze={keuze} vandaag={vandaag} />
        <div className="button-row button-row--wrap rapport-acties" role="group" aria-label="Downloaden en afdrukken">
          <a
            className="button button--secondary"
            href={`/api/rapportage/halfjaar/xlsx?${q}`}
            download
            data-testid="download-xlsx"
          >
            Download Excel (XLSX)
          </a>
          <a
            className="button button--secondary"
            href={`/api/rapportage/halfjaar/csv?${q}`}
            download
            data-testid="download-csv"
          >
            Download CSV
          </a>
          <button type="button" className="button button--secondary" onClick={() => window.print()}>
            Afdrukken of opslaan als PDF
          </button>
        </div>
      </div>
      {rapport.error && <Notice kind="error">De rapportage kon niet worden gemaakt: {rapport.error.message}</Notice>}
      {!rapport.data && !rapport.error && <p aria-live="polite">Rapportage wordt berekend…</p>}
      <Voortgang bezig={rapport.loading} wat="De rapportage wordt berekend" />
      {rapport.data && <Rapport r={rapport.data} bezig={rapport.loading} />}
    </>
  );
}

function KeuzeFormulier({ keuze, vandaag }: { keuze: RapportKeuze; vandaag: string }) {
  const app = useApp();
  const [form, setForm] = useState<RapportKeuze>(() => {
    // Switching to "another period" starts from the chosen half-year's dates.
    const p = halfjaarPeriode(keuze.halfjaar);
    return { ...keuze, van: keuze.van || p?.van || '', tot: keuze.tot || p?.tot || '' };
  });
  const [fouten, setFouten] = useState<Record<string, string[]>>({});
  const [poging, setPoging] = useState(0);
  const set = <K extends keyof RapportKeuze>(k: K, v: RapportKeuze[K]) => setForm((f) => ({ ...f, [k]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f = keuzeFouten(form);
    setFouten(f);
    setPoging((p) => p + 1);
    if (Object.keys(f).length) return;
    navigate(`/rapportage?${rapportQuery(form)}`);
  };
  const datumVeld = (k: 'van' | 'tot', label: string) => {
    const id = fieldId(k);
    const errs = fouten[k] ?? [];
    return (
      <div className={`field${errs.length ? ' field--error' : ''}`}>
        <label className="label" htmlFor={id}>
          {label}
        </label>
        <ErrorText id={`${id}-error`} messages={errs} />
        <input
          id={id}
          name={k}
          type="date"
          className="input input--s"
          value={form[k]}
          aria-invalid={errs.length ? true : undefined}
          aria-describedby={errs.length ? `${id}-error` : undefined}
          onChange={(e) => set(k, e.target.value)}
        />
      </div>
    );
  };
  return (
    <form className="filters rapport-keuze" onSubmit={submit} aria-label="Periode en gebied kiezen" noValidate>
      <ErrorSummary errors={fouten} focusKey={poging} />
      <RadioGroup
        name="soort"
        label="Periode"
        inline
        value={form.soort}
        onChange={(v) => set('soort', v as RapportKeuze['soort'])}
        options={[
          { value: 'halfjaar', label: 'Een halfjaar' },
          { value: 'periode', label: 'Andere periode' },
        ]}
      />
      {form.soort === 'halfjaar' ? (
        <SelectField
          name="halfjaar"
          label="Halfjaar"
          value={form.halfjaar}
          onChange={(v) => set('halfjaar', v)}
          options={halfjaarOpties(vandaag)}
          placeholder={null}
        />
      ) : (
        <div className="field-row">
          {datumVeld('van', 'Van')}
          {datumVeld('tot', 'Tot en met')}
        </div>
      )}
      <SelectField
        name="gemeente"
        label="Gebied"
        value={form.gemeente}
        onChange={(v) => set('gemeente', v)}
        options={app.gemeenteOptions()}
        placeholder="Hele regio"
      />
      <SelectField
        name="suppress"
        label="Kleine aantallen"
        value={form.suppress}
        onChange={(v) => set('suppress', v)}
        options={DREMPEL_OPTIES}
        placeholder={null}
      />
      <div className="field field--button">
        <button type="submit" className="button">
          Rapportage tonen
        </button>
      </div>
    </form>
  );
}

/** The organisation's area in words, for the title page: the gemeenten of the region. */
function regioTekst(gemeenten: Array<{ naam: string }>): string {
  const namen = gemeenten.map((g) => g.naam).sort((a, b) => a.localeCompare(b, 'nl'));
  if (namen.length <= 1) return namen.join('');
  return `${namen.slice(0, -1).join(', ')} en ${namen[namen.length - 1]}`;
}

function Rapport({ r, bezig }: { r: HalfjaarRapport; bezig: boolean }) {
  const app = useApp();
  const o = useMemo(() => new Set(r.onderdrukking.cellen), [r]);
  const gebied = r.gemeente ? `Gemeente ${r.gemeente.naam}` : `Regio: de gemeenten ${regioTekst(app.ref.gemeenten)}`;
  const gemaakt = formatDatum(toLocalDate(new Date()));
  // Announce a new report after a change of period or area (not the first load).
  const [melding, setMelding] = useState('');
  const eerste = useRef(true);
  useEffect(() => {
    if (eerste.current) {
      eerste.current = false;
      return;
    }
    setMelding(`Rapportage bijgewerkt: ${periodeTekst(r.periode)}, ${r.gemeente ? r.gemeente.naam : 'hele regio'}.`);
  }, [r]);
  return (
    <article className="rapport" aria-labelledby="rapport-titel" aria-busy={bezig || undefined} data-testid="rapport">
      <p className="visually-hidden" aria-live="polite">
        {melding}
      </p>
      <header className="rapport-kop">
        <p className="rapport-kop__org">Veilig Thuis · Voordeur</p>
        <h2 className="rapport-kop__titel" id="rapport-titel">
          {r.periode.halfjaar
            ? `Halfjaarrapportage ${halfjaarNaam(r.periode.halfjaar)}`
            : `Rapportage ${datumLang(r.periode.van)} t/m ${datumLang(r.periode.tot)}`}
        </h2>
        <dl className="rapport-kop__meta">
          <div>
            <dt>Periode</dt>
            <dd data-testid="rapport-periode">
              {periodeTekst(r.periode)}
              {r.periode.lopend && ` — loopt nog: cijfers tot en met ${datumLang(r.periode.lopend.peildatum)}`}
            </dd>
          </div>
          <div>
            <dt>Gebied</dt>
            <dd>{gebied}</dd>
          </div>
          <div>
            <dt>Gemaakt op</dt>
            <dd>{gemaakt}</dd>
          </div>
        </dl>
        <OnderdrukkingNoot o={r.onderdrukking} />
      </header>
      <Instroom r={r} o={o} />
      <PerGemeente r={r} o={o} />
      <TypeEnMelders r={r} o={o} />
      <Beoordeling r={r} o={o} />
      <Termijnen r={r} o={o} />
      <Afhandeling r={r} o={o} />
      <section className="rapport-sectie" aria-labelledby="s-toelichting">
        <h2 id="s-toelichting">Toelichting</h2>
        <ul>
          <li>{r.regels.meldingen}</li>
          <li>
            Elk cijfer telt op de datum van zijn eigen gebeurtenis (ontvangst, beoordeling, afsluiten dienst, overdracht
            of afsluiting), in Nederlandse tijd.
          </li>
          <li>
            Huishoudens: CBS-telling van {r.regels.huishoudensJaar} of het laatste eerdere jaar; gebruikt:{' '}
            {r.per1000.huishoudensJaren.join(', ') || 'geen telling'}.
            {r.per1000.gemeentenZonderTelling.length > 0 &&
              ` Zonder telling (geen cijfer per 1.000 huishoudens): ${r.per1000.gemeentenZonderTelling.map((c) => app.gemeenteNaam(c)).join(', ')}.`}
          </li>
          <li>
            De definitie van elk cijfer, precies genoeg om het met de hand na te rekenen, staat in docs/statistics.md.
            De CSV en het Excel-bestand bevatten dezelfde cijfers, één per regel.
          </li>
        </ul>
      </section>
    </article>
  );
}
