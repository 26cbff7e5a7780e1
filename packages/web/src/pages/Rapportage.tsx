// Halfjaarrapportage (beleidsmedewerker, teammanager): every figure of GET /api/rapportage/halfjaar
// for a chosen half-year or date range, the region or one gemeente, laid out like the half-year
// report of Veilig Thuis Amsterdam-Amstelland (seed 002): inflow per gemeente and per 1,000
// households, type geweld and melders with / without children, veiligheidsbeoordeling, the statutory
// terms per month, afhandeling. Charts are inline SVG with the same numbers in a table beside them.
// Printing (browser → PDF) gives a report: see the "rapportage" print rules in styles.css.
import { Voortgang } from '../components/Voortgang.tsx';
import '../styles/rapportage.css';
import { toLocalDate, type HalfjaarRapport, type KindGroep, type Telling } from '@voordeur/domain';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Figuur, LijnDiagram, StaafDiagram } from '../components/charts/Charts.tsx';
import { getal, type Punt } from '../components/charts/schaal.ts';
import { ErrorSummary, ErrorText, Notice, RadioGroup, SelectField } from '../components/forms.tsx';
import { useApp } from '../context.ts';
import { fieldId } from '../fieldErrors.ts';
import { formatDatum } from '../format.ts';
import { navigate, useLocation } from '../router.tsx';
import { useApi } from '../useApi.ts';
import { CijferTabel, Kerncijfers, OnderdrukkingNoot, RapportageNav, type Kolom } from './RapportageDelen.tsx';
import {
  datumLang,
  DREMPEL_OPTIES,
  halfjaarNaam,
  halfjaarOpties,
  halfjaarPeriode,
  keuzeFouten,
  keuzeUitUrl,
  maandLabel,
  maandNaam,
  periodeMaanden,
  periodeTekst,
  punt,
  rapportQuery,
  type RapportKeuze,
} from './RapportageModel.ts';

const KIND_NAAM: Record<KindGroep, string> = { totaal: 'Alle meldingen', metKinderen: 'Met kinderen', zonderKinderen: 'Zonder kinderen' };

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
        <p className="lead">Alle cijfers van de halfjaarrapportage voor een halfjaar of een andere periode, voor de hele regio of één gemeente. Alleen geaggregeerde cijfers; elke definitie staat in docs/statistics.md.</p>
        <KeuzeFormulier key={loc.href} keuze={keuze} vandaag={vandaag} />
        <div className="button-row button-row--wrap rapport-acties" role="group" aria-label="Downloaden en afdrukken">
          <a className="button button--secondary" href={`/api/rapportage/halfjaar/xlsx?${q}`} download data-testid="download-xlsx">
            Download Excel (XLSX)
          </a>
          <a className="button button--secondary" href={`/api/rapportage/halfjaar/csv?${q}`} download data-testid="download-csv">
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
        <input id={id} name={k} type="date" className="input input--s" value={form[k]} aria-invalid={errs.length ? true : undefined} aria-describedby={errs.length ? `${id}-error` : undefined} onChange={(e) => set(k, e.target.value)} />
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
        <SelectField name="halfjaar" label="Halfjaar" value={form.halfjaar} onChange={(v) => set('halfjaar', v)} options={halfjaarOpties(vandaag)} placeholder={null} />
      ) : (
        <div className="field-row">
          {datumVeld('van', 'Van')}
          {datumVeld('tot', 'Tot en met')}
        </div>
      )}
      <SelectField name="gemeente" label="Gebied" value={form.gemeente} onChange={(v) => set('gemeente', v)} options={app.gemeenteOptions()} placeholder="Hele regio" />
      <SelectField name="suppress" label="Kleine aantallen" value={form.suppress} onChange={(v) => set('suppress', v)} options={DREMPEL_OPTIES} placeholder={null} />
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
          {r.periode.halfjaar ? `Halfjaarrapportage ${halfjaarNaam(r.periode.halfjaar)}` : `Rapportage ${datumLang(r.periode.van)} t/m ${datumLang(r.periode.tot)}`}
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
          <li>Elk cijfer telt op de datum van zijn eigen gebeurtenis (ontvangst, beoordeling, afsluiten dienst, overdracht of afsluiting), in Nederlandse tijd.</li>
          <li>
            Huishoudens: CBS-telling van {r.regels.huishoudensJaar} of het laatste eerdere jaar; gebruikt: {r.per1000.huishoudensJaren.join(', ') || 'geen telling'}.
            {r.per1000.gemeentenZonderTelling.length > 0 && ` Zonder telling (geen cijfer per 1.000 huishoudens): ${r.per1000.gemeentenZonderTelling.map((c) => app.gemeenteNaam(c)).join(', ')}.`}
          </li>
          <li>De definitie van elk cijfer, precies genoeg om het met de hand na te rekenen, staat in docs/statistics.md. De CSV en het Excel-bestand bevatten dezelfde cijfers, één per regel.</li>
        </ul>
      </section>
    </article>
  );
}

type Deel = { r: HalfjaarRapport; o: ReadonlySet<string> };

const NOG_NIET: Punt = { waarde: null, status: 'nogNiet' };
type MaandRij = ReturnType<typeof periodeMaanden>[number];

/** A per-month series over every month of the period: a month after today is 'nog niet', not 0. */
function perMaand<T extends { maand: string }>(alle: MaandRij[], rijen: T[], f: (x: T) => Punt): Punt[] {
  return alle.map((m) => {
    const x = rijen.find((y) => y.maand === m.maand);
    return x ? f(x) : NOG_NIET;
  });
}

/** The note under a running period's monthly figures. */
function LopendNoot({ r }: { r: HalfjaarRapport }) {
  const l = r.periode.lopend;
  if (!l) return null;
  return (
    <p className="rapport-lopend" data-testid="rapport-lopend">
      Deze periode loopt nog: de cijfers gaan tot en met vandaag ({datumLang(l.peildatum)}); de lopende maand is nog niet compleet.
      {l.nogNiet.length > 0 && ` ${l.nogNiet.map((m) => maandNaam(m)).join(', ')}: nog niet (geen cijfer, niet 0).`}
    </p>
  );
}

function Instroom({ r, o }: Deel) {
  const m = r.meldingen;
  const a = r.adviesvragen;
  const alle = periodeMaanden(r.periode);
  const kol = (f: (pm: HalfjaarRapport['meldingen']['perMaand'][number]) => Punt) => perMaand(alle, m.perMaand, f);
  const meldingen = kol((pm) => punt(pm.totaal, o, `meldingen.perMaand.${pm.maand}.totaal`));
  const met = kol((pm) => punt(pm.metKinderen, o, `meldingen.perMaand.${pm.maand}.metKinderen`));
  const zonder = kol((pm) => punt(pm.zonderKinderen, o, `meldingen.perMaand.${pm.maand}.zonderKinderen`));
  const advies = perMaand(alle, a.perMaand, (pm) => punt(pm.totaal, o, `adviesvragen.perMaand.${pm.maand}.totaal`));
  return (
    <section className="rapport-sectie" aria-labelledby="s-instroom">
      <h2 id="s-instroom">1 Instroom adviesvragen en meldingen</h2>
      <Kerncijfers
        label="Instroom in de periode"
        items={[
          { label: 'Meldingen', p: punt(m.totaal, o, 'meldingen.totaal'), eenheid: 'aantal' },
          { label: 'Over huishoudens met kinderen', p: punt(m.metKinderen, o, 'meldingen.metKinderen'), eenheid: 'aantal' },
          { label: 'Over huishoudens zonder kinderen', p: punt(m.zonderKinderen, o, 'meldingen.zonderKinderen'), eenheid: 'aantal' },
          { label: 'Adviesvragen', p: punt(a.totaal, o, 'adviesvragen.totaal'), eenheid: 'aantal' },
        ]}
      />
      <CijferTabel
        titel="Meldingen en adviesvragen naar regio"
        eersteKop="Regio"
        kolommen={[
          { kop: 'Meldingen', eenheid: 'aantal' },
          { kop: 'Adviesvragen', eenheid: 'aantal' },
        ]}
        rijen={[
          { label: 'Eigen regio', cellen: [punt(m.eigenRegio, o, 'meldingen.eigenRegio'), punt(a.eigenRegio, o, 'adviesvragen.eigenRegio')] },
          { label: 'Andere regio', cellen: [punt(m.andereRegio, o, 'meldingen.andereRegio'), punt(a.andereRegio, o, 'adviesvragen.andereRegio')] },
          { label: 'Regio onbekend', cellen: [punt(m.regioOnbekend, o, 'meldingen.regioOnbekend'), punt(a.regioOnbekend, o, 'adviesvragen.regioOnbekend')] },
          { label: 'Eigen regio, gemeente onbekend', cellen: [punt(m.eigenRegioGemeenteOnbekend, o, 'meldingen.eigenRegioGemeenteOnbekend'), { waarde: null, status: 'nvt' }] },
          { label: 'Adviesvragen omgezet in een melding', cellen: [{ waarde: null, status: 'nvt' }, punt(a.omgezetInMelding, o, 'adviesvragen.omgezetInMelding')] },
          { label: 'Totaal', nadruk: true, cellen: [punt(m.totaal, o, 'meldingen.totaal'), punt(a.totaal, o, 'adviesvragen.totaal')] },
        ]}
      />
      <Figuur
        titel="Meldingen en adviesvragen per maand"
        id="fig-per-maand"
        tabel={
          <CijferTabel
            titel="Meldingen en adviesvragen per maand"
            eersteKop="Maand"
            kolommen={[
              { kop: 'Meldingen', eenheid: 'aantal' },
              { kop: 'met kinderen', eenheid: 'aantal' },
              { kop: 'zonder kinderen', eenheid: 'aantal' },
              { kop: 'Adviesvragen', eenheid: 'aantal' },
            ]}
            testId="tabel-per-maand"
            rijen={alle.map((x, i) => ({ label: maandLabel(x), cellen: [meldingen[i]!, met[i]!, zonder[i]!, advies[i]!] }))}
          />
        }
      >
        <LijnDiagram
          titel="Meldingen en adviesvragen per maand"
          xLabels={alle.map((x) => maandNaam(x.maand, true))}
          xNamen={alle.map((x) => maandLabel(x))}
          eenheid="aantal"
          reeksen={[
            { naam: 'Meldingen', waarden: meldingen },
            { naam: 'Adviesvragen', waarden: advies },
          ]}
        />
      </Figuur>
      <LopendNoot r={r} />
    </section>
  );
}

function PerGemeente({ r, o }: Deel) {
  const g = r.perGemeente;
  const gp = (code: string, k: string) => `perGemeente.${code}.${k}`;
  const regio = r.per1000;
  const per1000Rij = (k: 'totaal' | 'metKinderen' | 'zonderKinderen') =>
    g.map((x) => (x.per1000 ? punt(x.per1000[k], o, gp(x.code, k === 'totaal' ? 'meldingen' : k)) : ({ waarde: null, status: 'nvt' } as Punt)));
  const regioRij = (k: 'totaal' | 'metKinderen' | 'zonderKinderen') => punt(regio[k], o, k === 'totaal' ? 'meldingen.eigenRegio' : `meldingen.${k}`);
  const toonRegio = !r.gemeente;
  const jaren = regio.huishoudensJaren.join(', ') || 'geen telling';
  return (
    <section className="rapport-sectie" aria-labelledby="s-gemeente">
      <h2 id="s-gemeente">2 Meldingen per gemeente en per 1.000 huishoudens</h2>
      <p>Meldingen en adviesvragen over personen die wonen of verblijven in de gemeente (eigen regio). Per 1.000 huishoudens: het aantal meldingen gedeeld door het aantal huishoudens volgens het CBS ({jaren}), voor de gekozen periode (niet omgerekend naar een jaar).</p>
      <Figuur
        titel="Meldingen en adviesvragen per gemeente"
        id="fig-gemeente-aantallen"
        tabel={
          <CijferTabel
            titel="Meldingen en adviesvragen per gemeente"
            eersteKop="Gemeente"
            kolommen={[
              { kop: 'Meldingen', eenheid: 'aantal' },
              { kop: 'met kinderen', eenheid: 'aantal' },
              { kop: 'zonder kinderen', eenheid: 'aantal' },
              { kop: 'Adviesvragen', eenheid: 'aantal' },
            ]}
            rijen={g.map((x) => ({
              label: x.naam,
              cellen: [punt(x.meldingen, o, gp(x.code, 'meldingen')), punt(x.metKinderen, o, gp(x.code, 'metKinderen')), punt(x.zonderKinderen, o, gp(x.code, 'zonderKinderen')), punt(x.adviesvragen, o, gp(x.code, 'adviesvragen'))],
            }))}
          />
        }
      >
        <StaafDiagram
          titel="Meldingen en adviesvragen per gemeente"
          eenheid="aantal"
          reeksen={['Meldingen', 'Adviesvragen']}
          rijen={g.map((x) => ({ label: x.naam, waarden: [punt(x.meldingen, o, gp(x.code, 'meldingen')), punt(x.adviesvragen, o, gp(x.code, 'adviesvragen'))] }))}
        />
      </Figuur>
      <Figuur
        titel="Meldingen per 1.000 huishoudens"
        id="fig-per1000"
        tabel={
          <CijferTabel
            titel="Meldingen per 1.000 huishoudens"
            eersteKop="Gemeente"
            kolommen={[
              { kop: 'Meldingen', eenheid: 'aantal' },
              { kop: 'Huishoudens', eenheid: 'aantal' },
              { kop: 'Per 1.000', eenheid: 'per1000' },
            ]}
            rijen={[
              ...g.map((x) => ({
                label: `${x.naam}${x.huishoudens ? ` (${x.huishoudens.jaar})` : ''}`,
                cellen: [punt(x.meldingen, o, gp(x.code, 'meldingen')), x.huishoudens ? { waarde: x.huishoudens.totaal } : ({ waarde: null, status: 'nvt' } as Punt), per1000Rij('totaal')[g.indexOf(x)]!],
              })),
              ...(toonRegio ? [{ label: 'Regio', nadruk: true, cellen: [punt(r.meldingen.eigenRegio, o, 'meldingen.eigenRegio'), { waarde: g.reduce((s, x) => s + (x.huishoudens?.totaal ?? 0), 0) }, regioRij('totaal')] }] : []),
            ]}
          />
        }
      >
        <StaafDiagram
          titel="Meldingen per 1.000 huishoudens"
          eenheid="per1000"
          rijen={[...g.map((x, i) => ({ label: x.naam, waarden: [per1000Rij('totaal')[i]!] })), ...(toonRegio ? [{ label: 'Regio', waarden: [regioRij('totaal')] }] : [])]}
        />
      </Figuur>
      <Figuur
        titel="Meldingen per 1.000 huishoudens met en zonder kinderen"
        id="fig-per1000-kinderen"
        tabel={
          <CijferTabel
            titel="Meldingen per 1.000 huishoudens met en zonder kinderen"
            eersteKop="Gemeente"
            kolommen={[
              { kop: 'Met kinderen', eenheid: 'per1000' },
              { kop: 'Zonder kinderen', eenheid: 'per1000' },
            ]}
            rijen={[
              ...g.map((x, i) => ({ label: x.naam, cellen: [per1000Rij('metKinderen')[i]!, per1000Rij('zonderKinderen')[i]!] })),
              ...(toonRegio ? [{ label: 'Regio', nadruk: true, cellen: [regioRij('metKinderen'), regioRij('zonderKinderen')] }] : []),
            ]}
          />
        }
      >
        <StaafDiagram
          titel="Meldingen per 1.000 huishoudens met en zonder kinderen"
          eenheid="per1000"
          reeksen={['Met kinderen', 'Zonder kinderen']}
          rijen={[
            ...g.map((x, i) => ({ label: x.naam, waarden: [per1000Rij('metKinderen')[i]!, per1000Rij('zonderKinderen')[i]!] })),
            ...(toonRegio ? [{ label: 'Regio', waarden: [regioRij('metKinderen'), regioRij('zonderKinderen')] }] : []),
          ]}
        />
      </Figuur>
    </section>
  );
}

/** A distribution (Telling[]) per children group as chart + table (aantal and % per group). */
function VerdelingFiguur({ titel, id, groepen, o, pad, sub, noot }: { titel: string; id: string; groepen: Record<KindGroep, { n: number | null; items: Telling[] }>; o: ReadonlySet<string>; pad: string; sub?: string; noot?: string }) {
  const kinderen: KindGroep[] = ['metKinderen', 'zonderKinderen'];
  const p = (kk: KindGroep, t: Telling) => punt(t.percentage, o, `${pad}.${kk}${sub ? `.${sub}` : ''}.${t.code}`, `${pad}.${kk}.n`);
  const a = (kk: KindGroep, t: Telling) => punt(t.aantal, o, `${pad}.${kk}${sub ? `.${sub}` : ''}.${t.code}`);
  const items = groepen.totaal.items;
  const kolommen: Kolom[] = (['metKinderen', 'zonderKinderen', 'totaal'] as KindGroep[]).flatMap((kk) => [
    { kop: `${KIND_NAAM[kk]}: aantal`, eenheid: 'aantal' as const },
    { kop: '%', eenheid: 'procent' as const },
  ]);
  const item = (kk: KindGroep, code: string) => groepen[kk].items.find((t) => t.code === code)!;
  return (
    <Figuur
      titel={titel}
      id={id}
      noot={noot}
      tabel={
        <CijferTabel
          titel={titel}
          eersteKop="Categorie"
          kolommen={kolommen}
          rijen={[
            ...items.map((t) => ({ label: t.label, cellen: (['metKinderen', 'zonderKinderen', 'totaal'] as KindGroep[]).flatMap((kk) => [a(kk, item(kk, t.code)), p(kk, item(kk, t.code))]) })),
            { label: 'Aantal meldingen (n)', nadruk: true, cellen: (['metKinderen', 'zonderKinderen', 'totaal'] as KindGroep[]).flatMap((kk) => [punt(groepen[kk].n, o, `${pad}.${kk}.n`), { waarde: null, status: 'nvt' } as Punt]) },
          ]}
        />
      }
    >
      <StaafDiagram titel={titel} eenheid="procent" reeksen={kinderen.map((k) => KIND_NAAM[k])} rijen={items.map((t) => ({ label: t.label, waarden: kinderen.map((kk) => p(kk, item(kk, t.code))) }))} />
    </Figuur>
  );
}

function TypeEnMelders({ r, o }: Deel) {
  const mv = r.melders;
  const sub = (s: 'groepen' | 'professionals' | 'burgers') =>
    Object.fromEntries((['totaal', 'metKinderen', 'zonderKinderen'] as KindGroep[]).map((kk) => [kk, { n: mv[kk].n, items: mv[kk][s] }])) as Record<KindGroep, { n: number | null; items: Telling[] }>;
  // The seed's headline: the largest melder group of the meldingen about households with children.
  const politie = mv.metKinderen.groepen.find((g) => g.code === 'politie');
  return (
    <section className="rapport-sectie" aria-labelledby="s-type">
      <h2 id="s-type">3 Type geweld en melders, met en zonder kinderen</h2>
      <p>
        Een melding gaat over een huishouden met kinderen als er op de dag van ontvangst een minderjarige in het huishouden is. Over huishoudens met kinderen: {getalTekst(r.meldingen.metKinderen)}; zonder kinderen: {getalTekst(r.meldingen.zonderKinderen)}.
        {politie?.percentage != null && ` ${getal(politie.percentage)}% van de meldingen over huishoudens met kinderen komt van de politie.`}
      </p>
      <VerdelingFiguur titel="Welk type geweld wordt gemeld?" id="fig-type" groepen={r.typeGeweld} o={o} pad="typeGeweld" noot="Het totaal telt op tot meer dan 100%: per melding kunnen meerdere typen geweld worden gemeld." />
      <VerdelingFiguur titel="Wie melden er bij Veilig Thuis?" id="fig-melders" groepen={sub('groepen')} o={o} pad="melders" sub="groepen" />
      <VerdelingFiguur titel="Overige professionals naar sector (Meldcode)" id="fig-professionals" groepen={sub('professionals')} o={o} pad="melders" sub="professionals" noot="Percentages van alle meldingen in de groep." />
      <VerdelingFiguur titel="Burgers: wie meldt?" id="fig-burgers" groepen={sub('burgers')} o={o} pad="melders" sub="burgers" noot="Percentages van alle meldingen in de groep." />
    </section>
  );
}

const getalTekst = (v: number | null) => (v === null ? 'onderdrukt' : getal(v));

function Beoordeling({ r, o }: Deel) {
  return (
    <section className="rapport-sectie" aria-labelledby="s-beoordeling">
      <h2 id="s-beoordeling">4 Veiligheidsbeoordeling</h2>
      <p>Veiligheidsbeoordelingen vastgesteld in de periode (ongeacht de dag van ontvangst), naar uitkomst.</p>
      <VerdelingFiguur titel="Hoe wordt de veiligheid beoordeeld?" id="fig-beoordeling" groepen={r.veiligheidsbeoordeling} o={o} pad="veiligheidsbeoordeling" />
    </section>
  );
}

/** Werkdagen of the distribution in a few bins (one row per value would be long). */
const BAKKEN: Array<[number, number, string]> = [
  [0, 0, '0 werkdagen'],
  [1, 1, '1 werkdag'],
  [2, 2, '2 werkdagen'],
  [3, 3, '3 werkdagen'],
  [4, 4, '4 werkdagen'],
  [5, 5, '5 werkdagen (termijn)'],
  [6, 10, '6–10 werkdagen'],
  [11, 15, '11–15 werkdagen'],
  [16, 20, '16–20 werkdagen'],
  [21, 30, '21–30 werkdagen'],
  [31, Infinity, 'meer dan 30 werkdagen'],
];

export function verdelingInBakken(v: Array<{ werkdagen: number; aantal: number | null }>, o: ReadonlySet<string>): Array<{ label: string; p: Punt }> {
  return BAKKEN.map(([van, tot, label]) => {
    const leden = v.filter((x) => x.werkdagen >= van && x.werkdagen <= tot);
    if (leden.some((x) => x.aantal === null)) return { label, p: { waarde: null, status: leden.some((x) => o.has(`doorlooptijdBeoordeling.verdeling.${x.werkdagen}`)) ? 'onderdrukt' : 'nvt' } as Punt };
    return { label, p: { waarde: leden.reduce((s, x) => s + (x.aantal ?? 0), 0) } };
  });
}

function Termijnen({ r, o }: Deel) {
  const b = r.doorlooptijdBeoordeling;
  const d = r.doorlooptijdDiensten;
  const bp = (m: string) => `doorlooptijdBeoordeling.perMaand.${m}`;
  const dp = (m: string) => `doorlooptijdDiensten.perMaand.${m}`;
  const alle = periodeMaanden(r.periode);
  const peil = r.periode.lopend?.peildatum;
  const xl = alle.map((m) => maandNaam(m.maand, true));
  const xn = alle.map((m) => maandLabel(m));
  const bPct = perMaand(alle, b.perMaand, (pm) => punt(pm.percentageBinnenTermijn, o, `${bp(pm.maand)}.n`, `${bp(pm.maand)}.binnenTermijn`, `${bp(pm.maand)}.buitenTermijn`));
  const bGem = perMaand(alle, b.perMaand, (pm) => punt(pm.gemiddeldWerkdagen, o, `${bp(pm.maand)}.n`));
  const dPct = perMaand(alle, d.perMaand, (pm) => punt(pm.percentageBinnenTermijn, o, `${dp(pm.maand)}.n`, `${dp(pm.maand)}.binnenTermijn`, `${dp(pm.maand)}.buitenTermijn`));
  const dGem = perMaand(alle, d.perMaand, (pm) => punt(pm.gemiddeldWeken, o, `${dp(pm.maand)}.n`));
  const nogNietRijen = alle.filter((m) => m.staat === 'nogNiet').map((m) => ({ label: maandLabel(m), cellen: [NOG_NIET, NOG_NIET, NOG_NIET, NOG_NIET] }));
  const bakken = verdelingInBakken(b.verdeling, o);
  return (
    <section className="rapport-sectie" aria-labelledby="s-termijnen">
      <h2 id="s-termijnen">5 Wettelijke termijnen</h2>
      <h3>Doorlooptijd van de veiligheidsbeoordeling</h3>
      <p>Werkdagen na de dag van ontvangst tot en met de dag van de beoordeling (ontvangstdag = dag 0; weekend en feestdagen van de Algemene termijnenwet tellen niet). Termijn: {b.termijnWerkdagen} werkdagen. Per maand van de beoordeling.</p>
      <Kerncijfers
        label="Veiligheidsbeoordeling"
        items={[
          { label: 'Beoordelingen', p: punt(b.n, o, 'doorlooptijdBeoordeling.n'), eenheid: 'aantal' },
          { label: `Binnen ${b.termijnWerkdagen} werkdagen`, p: punt(b.percentageBinnenTermijn, o, 'doorlooptijdBeoordeling.n', 'doorlooptijdBeoordeling.binnenTermijn', 'doorlooptijdBeoordeling.buitenTermijn'), eenheid: 'procent' },
          { label: 'Gemiddeld aantal werkdagen', p: punt(b.gemiddeldWerkdagen, o, 'doorlooptijdBeoordeling.n'), eenheid: 'werkdagen' },
        ]}
      />
      <div className="figuur-paar">
        <Figuur titel={`Percentage beoordelingen binnen ${b.termijnWerkdagen} werkdagen`} id="fig-beoordeling-pct">
          <LijnDiagram
            titel={`Percentage veiligheidsbeoordelingen binnen de wettelijke termijn (${b.termijnWerkdagen} werkdagen), per maand`}
            xLabels={xl}
            xNamen={xn}
            eenheid="procent"
            max={100}
            reeksen={[{ naam: 'Binnen termijn', waarden: bPct }]}
          />
        </Figuur>
        <Figuur titel="Gemiddeld aantal werkdagen tot de beoordeling" id="fig-beoordeling-gem">
          <LijnDiagram
            titel="Gemiddeld aantal werkdagen tot de veiligheidsbeoordeling, per maand"
            xLabels={xl}
            xNamen={xn}
            eenheid="werkdagen"
            doel={{ waarde: b.termijnWerkdagen, label: `termijn ${b.termijnWerkdagen} werkdagen` }}
            reeksen={[{ naam: 'Gemiddeld', waarden: bGem }]}
          />
        </Figuur>
      </div>
      <CijferTabel
        titel="Doorlooptijd van de veiligheidsbeoordeling per maand"
        eersteKop="Maand"
        testId="tabel-beoordeling-maand"
        kolommen={[
          { kop: 'Beoordelingen', eenheid: 'aantal' },
          { kop: `Binnen ${b.termijnWerkdagen} werkdagen`, eenheid: 'aantal' },
          { kop: '% binnen termijn', eenheid: 'procent' },
          { kop: 'Gem. werkdagen', eenheid: 'werkdagen' },
        ]}
        rijen={[
          ...b.perMaand.map((pm) => ({
            label: maandLabel({ maand: pm.maand, staat: pm.maand === peil?.slice(0, 7) ? 'lopend' : 'klaar' }),
            cellen: [
              punt(pm.n, o, `${bp(pm.maand)}.n`),
              punt(pm.binnenTermijn, o, `${bp(pm.maand)}.binnenTermijn`),
              punt(pm.percentageBinnenTermijn, o, `${bp(pm.maand)}.n`, `${bp(pm.maand)}.binnenTermijn`, `${bp(pm.maand)}.buitenTermijn`),
              punt(pm.gemiddeldWerkdagen, o, `${bp(pm.maand)}.n`),
            ],
          })),
          ...nogNietRijen,
          {
            label: 'Periode',
            nadruk: true,
            cellen: [
              punt(b.n, o, 'doorlooptijdBeoordeling.n'),
              punt(b.binnenTermijn, o, 'doorlooptijdBeoordeling.binnenTermijn'),
              punt(b.percentageBinnenTermijn, o, 'doorlooptijdBeoordeling.n', 'doorlooptijdBeoordeling.binnenTermijn', 'doorlooptijdBeoordeling.buitenTermijn'),
              punt(b.gemiddeldWerkdagen, o, 'doorlooptijdBeoordeling.n'),
            ],
          },
        ]}
      />
      <Figuur
        titel="Beoordelingen naar aantal werkdagen"
        id="fig-werkdagen"
        tabel={<CijferTabel titel="Beoordelingen naar aantal werkdagen" eersteKop="Werkdagen" kolommen={[{ kop: 'Beoordelingen', eenheid: 'aantal' }]} rijen={bakken.map((x) => ({ label: x.label, cellen: [x.p] }))} />}
      >
        <StaafDiagram titel="Beoordelingen naar aantal werkdagen tot de beoordeling" eenheid="aantal" rijen={bakken.map((x) => ({ label: x.label, waarden: [x.p] }))} markeer={(i) => i <= 5} />
      </Figuur>

      <h3>Doorlooptijd van de diensten Voorwaarden en Vervolg en Onderzoek</h3>
      <p>Kalenderdagen van de dag van de veiligheidsbeoordeling tot de dag waarop de dienst is afgesloten, in weken. Termijn: {d.termijnWeken} weken. Per maand van afsluiten; lopende diensten tellen nog niet mee.</p>
      <Kerncijfers
        label="Diensten"
        items={[
          { label: 'Afgesloten diensten', p: punt(d.n, o, 'doorlooptijdDiensten.n'), eenheid: 'aantal' },
          { label: `Binnen ${d.termijnWeken} weken`, p: punt(d.percentageBinnenTermijn, o, 'doorlooptijdDiensten.n', 'doorlooptijdDiensten.binnenTermijn', 'doorlooptijdDiensten.buitenTermijn'), eenheid: 'procent' },
          { label: 'Gemiddeld aantal weken', p: punt(d.gemiddeldWeken, o, 'doorlooptijdDiensten.n'), eenheid: 'weken' },
        ]}
      />
      <div className="figuur-paar">
        <Figuur titel={`Percentage diensten binnen ${d.termijnWeken} weken`} id="fig-diensten-pct">
          <LijnDiagram
            titel={`Percentage afgesloten diensten binnen de wettelijke termijn (${d.termijnWeken} weken), per maand`}
            xLabels={xl}
            xNamen={xn}
            eenheid="procent"
            max={100}
            reeksen={[{ naam: 'Binnen termijn', waarden: dPct }]}
          />
        </Figuur>
        <Figuur titel="Gemiddeld aantal weken tot afsluiten dienst" id="fig-diensten-gem">
          <LijnDiagram
            titel="Gemiddeld aantal weken vanaf de veiligheidsbeoordeling tot het afsluiten van de dienst, per maand"
            xLabels={xl}
            xNamen={xn}
            eenheid="weken"
            doel={{ waarde: d.termijnWeken, label: `termijn ${d.termijnWeken} weken` }}
            reeksen={[{ naam: 'Gemiddeld', waarden: dGem }]}
          />
        </Figuur>
      </div>
      <CijferTabel
        titel="Doorlooptijd van de diensten per maand en per dienst"
        eersteKop="Maand of dienst"
        kolommen={[
          { kop: 'Afgesloten', eenheid: 'aantal' },
          { kop: `Binnen ${d.termijnWeken} weken`, eenheid: 'aantal' },
          { kop: '% binnen termijn', eenheid: 'procent' },
          { kop: 'Gem. weken', eenheid: 'weken' },
        ]}
        rijen={[
          ...d.perMaand.map((pm) => ({
            label: maandLabel({ maand: pm.maand, staat: pm.maand === peil?.slice(0, 7) ? 'lopend' : 'klaar' }),
            cellen: [punt(pm.n, o, `${dp(pm.maand)}.n`), punt(pm.binnenTermijn, o, `${dp(pm.maand)}.binnenTermijn`), punt(pm.percentageBinnenTermijn, o, `${dp(pm.maand)}.n`, `${dp(pm.maand)}.binnenTermijn`, `${dp(pm.maand)}.buitenTermijn`), punt(pm.gemiddeldWeken, o, `${dp(pm.maand)}.n`)],
          })),
          ...nogNietRijen,
          ...d.perSoort.map((s) => {
            const sp = `doorlooptijdDiensten.perSoort.${s.code}`;
            return { label: s.label, cellen: [punt(s.n, o, `${sp}.n`), punt(s.binnenTermijn, o, `${sp}.binnenTermijn`), punt(s.percentageBinnenTermijn, o, `${sp}.n`, `${sp}.binnenTermijn`, `${sp}.buitenTermijn`), punt(s.gemiddeldWeken, o, `${sp}.n`)] };
          }),
          {
            label: 'Beide diensten, periode',
            nadruk: true,
            cellen: [punt(d.n, o, 'doorlooptijdDiensten.n'), punt(d.binnenTermijn, o, 'doorlooptijdDiensten.binnenTermijn'), punt(d.percentageBinnenTermijn, o, 'doorlooptijdDiensten.n', 'doorlooptijdDiensten.binnenTermijn', 'doorlooptijdDiensten.buitenTermijn'), punt(d.gemiddeldWeken, o, 'doorlooptijdDiensten.n')],
          },
        ]}
      />
    </section>
  );
}

function Afhandeling({ r, o }: Deel) {
  const af = r.afhandeling;
  const lijst = (items: Telling[], pad: string, n: string) => items.map((t) => ({ label: t.label, a: punt(t.aantal, o, `afhandeling.${pad}.${t.code}`), p: punt(t.percentage, o, `afhandeling.${pad}.${t.code}`, `afhandeling.${n}`) }));
  const groepen = lijst(af.groepen, 'groepen', 'besluiten');
  const ontvangers = lijst(af.perOntvanger, 'perOntvanger', 'overdrachten');
  const redenen = lijst(af.perAfsluitreden, 'perAfsluitreden', 'afsluitingen');
  const tabel = (titel: string, rijen: typeof groepen, n: Punt) => (
    <CijferTabel
      titel={titel}
      eersteKop="Naar"
      kolommen={[
        { kop: 'Aantal', eenheid: 'aantal' },
        { kop: '%', eenheid: 'procent' },
      ]}
      rijen={[...rijen.map((x) => ({ label: x.label, cellen: [x.a, x.p] })), { label: 'Totaal', nadruk: true, cellen: [n, { waarde: null, status: 'nvt' }] }]}
    />
  );
  const cr = af.casusregie;
  const lt = af.lokaalTeam;
  return (
    <section className="rapport-sectie" aria-labelledby="s-afhandeling">
      <h2 id="s-afhandeling">6 Overdrachten en afsluitingen</h2>
      <p>Een besluit is een overdracht of een afsluiting (niet het einde van de monitoring na een eerdere overdracht), geteld per melding op de dag ervan — direct na de veiligheidsbeoordeling of na een dienst.</p>
      <Kerncijfers
        label="Afhandeling"
        items={[
          { label: 'Casussen overgedragen of afgesloten', p: punt(af.casussen, o, 'afhandeling.casussen'), eenheid: 'aantal' },
          { label: 'Overdrachten', p: punt(af.overdrachten, o, 'afhandeling.overdrachten'), eenheid: 'aantal' },
          { label: 'Afsluitingen', p: punt(af.afsluitingen, o, 'afhandeling.afsluitingen'), eenheid: 'aantal' },
          {
            label: 'Casusregie: direct na de beoordeling',
            p: punt(cr.percentageDirectNaBeoordeling, o, 'afhandeling.casusregie.overdrachten', 'afhandeling.casusregie.directNaBeoordeling', 'afhandeling.casusregie.naDienst'),
            eenheid: 'procent',
            toelichting: `van ${getalTekst(cr.overdrachten)} overdrachten aan GI of lokaal team`,
          },
          {
            label: 'Lokaal team: al bekend',
            p: punt(lt.percentageReedsBekend, o, 'afhandeling.lokaalTeam.overdrachten', 'afhandeling.lokaalTeam.reedsBekend', 'afhandeling.lokaalTeam.nietBekend'),
            eenheid: 'procent',
            toelichting: `van ${getalTekst(lt.overdrachten)} overdrachten aan het lokaal team`,
          },
        ]}
      />
      <Figuur titel="Vervolg: aan wie is overgedragen of waarom is afgesloten?" id="fig-vervolg" tabel={tabel('Vervolg naar groep', groepen, punt(af.besluiten, o, 'afhandeling.besluiten'))}>
        <StaafDiagram titel="Vervolg naar groep, percentage van de besluiten" eenheid="procent" rijen={groepen.map((x) => ({ label: x.label, waarden: [x.p] }))} />
      </Figuur>
      <div className="figuur-paar figuur-paar--tabellen">
        <div>
          <h3>Overdrachten per ontvanger</h3>
          {tabel('Overdrachten per ontvanger', ontvangers, punt(af.overdrachten, o, 'afhandeling.overdrachten'))}
        </div>
        <div>
          <h3>Afsluitingen per reden</h3>
          {tabel('Afsluitingen per reden', redenen, punt(af.afsluitingen, o, 'afhandeling.afsluitingen'))}
        </div>
      </div>
    </section>
  );
}
