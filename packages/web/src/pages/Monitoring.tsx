// Monitoring (beleidsmedewerker, teammanager): weekly inflow per source and per type of violence
// against the band expected from the same weeks in earlier years, flagged when a series is outside
// its band two weeks running (e.g. schools closed: onderwijs drops while the total stays flat), and
// the share of each coded signal per week next to the total. GET /api/rapportage/monitoring.
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { BandDiagram, BandLegenda, Figuur, LijnDiagram, type BandPunt } from '../components/charts/Charts.tsx';
import '../styles/rapportage.css';
import type { Punt } from '../components/charts/schaal.ts';
import { ErrorSummary, ErrorText, Notice, RadioGroup, SelectField } from '../components/forms.tsx';
import { ScrollBox } from '../components/ScrollBox.tsx';
import { fieldId } from '../fieldErrors.ts';
import { formatDatum } from '../format.ts';
import { navigate, useLocation } from '../router.tsx';
import { useApi } from '../useApi.ts';
import { Cel, CijferTabel, OnderdrukkingNoot, RapportageNav } from './RapportageDelen.tsx';
import {
  actueleRun,
  bandTekst,
  datumLang,
  DREMPEL_OPTIES,
  gesignaleerd,
  signaleringTekst,
  weekNaam,
  weekStatus,
} from './RapportageModel.ts';
import type { Methode, Monitoring, Reeks, Signalering } from '@voordeur/domain';

/** A series' weeks as chart points (a null count is a suppressed small cell). */
export function bandPunten(
  weken: Array<{
    aantal: number | null;
    laag: number | null;
    hoog: number | null;
    afwijking?: 'onder' | 'boven' | null;
    signaal?: boolean;
    lopend?: boolean;
  }>,
): BandPunt[] {
  return weken.map((w) => ({
    waarde: w.aantal,
    status: w.aantal === null ? 'onderdrukt' : null,
    laag: w.laag,
    hoog: w.hoog,
    afwijking: w.afwijking ?? null,
    signaal: w.signaal ?? false,
    ...(w.lopend ? { lopend: true } : {}),
  }));
}

const uitReeks = (r: Reeks) =>
  bandPunten(
    r.weken.map((w) => ({
      aantal: w.aantal,
      laag: w.verwacht?.laag ?? null,
      hoog: w.verwacht?.hoog ?? null,
      afwijking: w.afwijking,
      signaal: w.signaal,
      lopend: !!w.lopend,
    })),
  );

/** A week's name, with '(lopend)' for the running week: 'week 47 (2026), lopend'. */
const weekLabel = (week: string, p?: { lopend?: boolean }, kort = false) =>
  p?.lopend ? `${weekNaam(week, kort)}${kort ? '*' : ', lopend (tot nu)'}` : weekNaam(week, kort);

/** The note about the running week: counted up to today, compared with the same days, no flag yet. */
export function LopendeWeekNoot({ lopend }: { lopend?: { week: string; peildatum: string; dagen: number } }) {
  if (!lopend) return null;
  return (
    <p className="monitoring-lopend" data-testid="lopende-week">
      <strong>{weekNaam(lopend.week)} loopt nog</strong> (maandag t/m {datumLang(lopend.peildatum)},{' '}
      {lopend.dagen === 1 ? '1 dag' : `${lopend.dagen} dagen`}; vandaag telt mee tot nu). De aantallen worden vergeleken
      met dezelfde dagen van die weken in eerdere jaren (‘verwacht tot nu’). Een lopende week geeft nog geen signaal:
      dat kan pas als de week compleet is. In de grafieken staat ze met een gestippelde rand en een * bij het
      weeknummer.
    </p>
  );
}

/** Weekly numbers of one series as a table: count, band, status in words. */
export function WeekTabel({ titel, weken, punten }: { titel: string; weken: string[]; punten: BandPunt[] }) {
  return (
    <ScrollBox label={titel}>
      <table className="table table--compact table--cijfers">
        <caption className="visually-hidden">{titel}</caption>
        <thead>
          <tr>
            <th scope="col">Week</th>
            <th scope="col" className="num">
              Aantal
            </th>
            <th scope="col" className="num">
              Verwacht
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {punten.map((p, i) => (
            <tr key={weken[i]} className={p.signaal ? 'rij--signaal' : p.lopend ? 'rij--lopend' : undefined}>
              <th scope="row">{weekLabel(weken[i]!, p)}</th>
              <Cel p={p} eenheid="aantal" />
              <td className="num">{bandTekst(p)}</td>
              <td>
                {p.laag === null ? '–' : p.lopend ? `${weekStatus(p)} (tot nu; nog geen signaal)` : weekStatus(p)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** One series against its band: the chart, the flag in words, the weekly numbers (folded). */
export function BandFiguur({
  titel,
  id,
  weken,
  punten,
  signalering,
  open,
}: {
  titel: string;
  id: string;
  weken: string[];
  punten: BandPunt[];
  signalering: string | null;
  open?: boolean;
}) {
  return (
    <Figuur titel={titel} id={id} className={signalering ? 'chart-figuur--signaal' : undefined}>
      {signalering && (
        <p className="signaal-tekst">
          <strong>Signaal: </strong>
          {signalering}
        </p>
      )}
      <BandDiagram
        titel={titel}
        weken={weken.map((w, i) => weekLabel(w, punten[i], true))}
        weekNamen={weken.map((w, i) => weekLabel(w, punten[i]))}
        punten={punten}
        hoogte={open ? 170 : 120}
      />
      <details className="chart-details" open={open}>
        <summary>Weekcijfers {titel.toLowerCase()}</summary>
        <WeekTabel titel={`Weekcijfers ${titel.toLowerCase()}`} weken={weken} punten={punten} />
      </details>
    </Figuur>
  );
}

/** The flag of a series in words, for its figure: the current run, else the last one in the period. */
export function reeksSignaal(label: string, signaleringen: Signalering[], actueel: Signalering | null): string | null {
  const s = actueel ?? signaleringen[signaleringen.length - 1];
  if (!s) return null;
  return `${signaleringTekst(label, s)}${actueel ? ', nog steeds' : ''}`;
}

/** The method and what to do when there is no band yet. */
export function MethodeUitleg({
  methode,
  dataVanaf,
  zonderBand,
}: {
  methode: Methode;
  dataVanaf?: string | null;
  zonderBand: boolean;
}) {
  return (
    <>
      {zonderBand && (
        <Notice kind="info">
          Er is (nog) geen verwachte band: daarvoor zijn gegevens van dezelfde weken in minstens {methode.minimumJaren}{' '}
          eerdere jaren nodig
          {dataVanaf ? ` (gegevens vanaf ${formatDatum(dataVanaf)})` : ''}. De aantallen staan er wel; signalering
          begint zodra er genoeg geschiedenis is.
        </Notice>
      )}
      <p className="hint methode">{methode.beschrijving}</p>
    </>
  );
}

/** The share of each signal per week, next to the flat total of contacts. */
export function SignalenSectie({ signalen, kop = 'h2' }: { signalen: Monitoring['signalen']; kop?: 'h2' | 'h3' }) {
  const weken = signalen.weken.map((w) => w.week);
  const H = kop;
  const codes = signalen.codes;
  const aandeel = (code: string): Punt[] =>
    signalen.weken.map((w) => {
      const it = w.items.find((i) => i.code === code);
      const v = it?.aandeel ?? null;
      return { waarde: v, status: v === null ? (w.totaal === 0 ? 'nvt' : 'onderdrukt') : null };
    });
  const totaal: Punt[] = signalen.weken.map((w) => ({
    waarde: w.totaal,
    status: w.totaal === null ? 'onderdrukt' : null,
  }));
  return (
    <section className="rapport-sectie" aria-labelledby="s-signalen">
      <H id="s-signalen">Signalen: de inhoud achter het totaal</H>
      <p>
        Meldingen en adviesvragen kunnen gecodeerde signalen dragen. Per week het aandeel van de contacten (meldingen en
        adviesvragen samen) met elk signaal, naast het totaal aantal contacten. Een contact met meerdere signalen telt
        bij elk signaal.
      </p>
      <div className="figuur-paar">
        <Figuur titel="Aandeel per signaal (%)" id="fig-signalen">
          <LijnDiagram
            titel="Aandeel van de contacten per signaal, per week"
            xLabels={weken.map((w) => weekNaam(w, true))}
            xNamen={weken.map((w) => weekNaam(w))}
            eenheid="procent"
            reeksen={codes.map((c) => ({ naam: c.label, waarden: aandeel(c.code) }))}
          />
        </Figuur>
        <Figuur titel="Totaal contacten per week" id="fig-contacten">
          <LijnDiagram
            titel="Totaal aantal meldingen en adviesvragen per week"
            xLabels={weken.map((w) => weekNaam(w, true))}
            xNamen={weken.map((w) => weekNaam(w))}
            eenheid="aantal"
            reeksen={[{ naam: 'Contacten', waarden: totaal }]}
          />
        </Figuur>
      </div>
      <CijferTabel
        titel="Signalen per week: aantal contacten en aandeel per signaal"
        eersteKop="Week"
        testId="tabel-signalen"
        kolommen={[
          { kop: 'Contacten', eenheid: 'aantal' },
          ...codes.map((c) => ({ kop: `${c.label} (%)`, eenheid: 'procent' as const })),
        ]}
        rijen={signalen.weken.map((w, i) => ({
          label: weekNaam(w.week),
          cellen: [totaal[i]!, ...codes.map((c) => aandeel(c.code)[i]!)],
        }))}
      />
    </section>
  );
}

interface MonitoringKeuze {
  van: string;
  tot: string;
  suppress: string;
}

function keuzeUit(search: URLSearchParams): MonitoringKeuze {
  const d = (s: string | null) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : '');
  const sup = search.get('suppress') ?? '';
  return { van: d(search.get('van')), tot: d(search.get('tot')), suppress: /^\d{1,3}$/.test(sup) ? sup : '' };
}

export function monitoringQuery(k: MonitoringKeuze): string {
  const q = new URLSearchParams();
  if (k.van) q.set('van', k.van);
  if (k.tot) q.set('tot', k.tot);
  if (k.suppress) q.set('suppress', k.suppress);
  return q.toString();
}

/** Period form for the weekly pages (monitoring, coördinatie); empty dates = the last 13 weeks. */
export function WekenFormulier({
  pad,
  keuze,
  periode,
}: {
  pad: string;
  keuze: MonitoringKeuze;
  periode?: { van: string; tot: string };
}) {
  const [form, setForm] = useState<MonitoringKeuze>(() => ({
    ...keuze,
    van: keuze.van || periode?.van || '',
    tot: keuze.tot || periode?.tot || '',
  }));
  const [fouten, setFouten] = useState<Record<string, string[]>>({});
  const [poging, setPoging] = useState(0);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const f: Record<string, string[]> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.van)) f.van = ['Vul een begindatum in'];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.tot)) f.tot = ['Vul een einddatum in'];
    if (!f.van && !f.tot && form.tot < form.van) f.tot = ['De einddatum ligt vóór de begindatum'];
    setFouten(f);
    setPoging((p) => p + 1);
    if (Object.keys(f).length) return;
    navigate(`${pad}?${monitoringQuery(form)}`);
  };
  const datum = (k: 'van' | 'tot', label: string) => {
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
          type="date"
          className="input input--s"
          value={form[k]}
          aria-invalid={errs.length ? true : undefined}
          aria-describedby={errs.length ? `${id}-error` : undefined}
          onChange={(e) => setForm((f) => ({ ...f, [k]: e.target.value }))}
        />
      </div>
    );
  };
  return (
    <form className="filters rapport-keuze" onSubmit={submit} aria-label="Weken kiezen" noValidate>
      <ErrorSummary errors={fouten} focusKey={poging} />
      <p className="hint rapport-keuze__uitleg">
        Hele ISO-weken (maandag t/m zondag) die de gekozen dagen raken; standaard de 13 volledige weken vóór deze week
        en de lopende week tot en met vandaag.
      </p>
      <div className="field-row">
        {datum('van', 'Van')}
        {datum('tot', 'Tot en met')}
      </div>
      <SelectField
        name="suppress"
        label="Kleine aantallen"
        value={form.suppress}
        onChange={(v) => setForm((f) => ({ ...f, suppress: v }))}
        options={DREMPEL_OPTIES}
        placeholder={null}
      />
      <div className="field field--button">
        <button type="submit" className="button">
          Tonen
        </button>
      </div>
    </form>
  );
}

export function MonitoringPage() {
  const loc = useLocation();
  const keuze = useMemo(() => keuzeUit(loc.search), [loc.href]);
  const m = useApi<Monitoring>(
    `/api/rapportage/monitoring${monitoringQuery(keuze) ? `?${monitoringQuery(keuze)}` : ''}`,
  );
  const [soort, setSoort] = useState<'meldingen' | 'adviesvragen'>('meldingen');
  return (
    <>
      <h1>Monitoring</h1>
      <RapportageNav />
      <p className="lead">
        De instroom per week, per bron en per type geweld, tegen wat in dezelfde weken van eerdere jaren normaal was.
        Ook als het totaal gelijk blijft, kunnen bronnen en inhoud verschuiven.
      </p>
      {(m.data || m.error) && (
        <WekenFormulier key={loc.href} pad="/monitoring" keuze={keuze} periode={m.data?.periode} />
      )}
      {m.error && <Notice kind="error">De monitoring kon niet worden geladen: {m.error.message}</Notice>}
      {!m.data && !m.error && <p aria-live="polite">Monitoring wordt berekend…</p>}
      {m.data && (
        <div aria-busy={m.loading || undefined} data-testid="monitoring">
          <p className="rapport-periode">
            <strong>Periode:</strong> {weekNaam(m.data.periode.weken[0]!)} t/m{' '}
            {weekNaam(m.data.periode.weken[m.data.periode.weken.length - 1]!)}
            {m.data.periode.lopend ? ' (lopend)' : ''} ({datumLang(m.data.periode.van)} t/m{' '}
            {datumLang(m.data.periode.tot)})
          </p>
          <LopendeWeekNoot lopend={m.data.periode.lopend} />
          <OnderdrukkingNoot o={m.data.onderdrukking} />
          <RadioGroup
            name="soort"
            label="Instroom van"
            inline
            value={soort}
            onChange={(v) => setSoort(v as 'meldingen' | 'adviesvragen')}
            options={[
              { value: 'meldingen', label: 'Meldingen' },
              { value: 'adviesvragen', label: 'Adviesvragen' },
            ]}
          />
          <MonitoringInhoud m={m.data} soort={soort} />
        </div>
      )}
    </>
  );
}

function MonitoringInhoud({ m, soort }: { m: Monitoring; soort: 'meldingen' | 'adviesvragen' }) {
  const reeksen = m.reeksen.filter((r) => r.soort === soort);
  const totaal = reeksen.find((r) => r.dimensie === 'totaal');
  const bronnen = reeksen.filter((r) => r.dimensie === 'bron');
  const typen = reeksen.filter((r) => r.dimensie === 'type');
  const weken = m.periode.weken;
  const zonderBand = reeksen.every((r) => r.weken.every((w) => !w.verwacht));
  const signaal = gesignaleerd(reeksen);
  const naam = soort === 'meldingen' ? 'meldingen' : 'adviesvragen';
  const groep = (r: Reeks) => (r.dimensie === 'bron' ? 'bron' : r.dimensie === 'type' ? 'type' : 'totaal');
  return (
    <>
      <MethodeUitleg methode={m.methode} dataVanaf={m.dataVanaf} zonderBand={zonderBand} />
      <section className="rapport-sectie" aria-labelledby="s-signaleringen">
        <h2 id="s-signaleringen">Signaleringen ({naam})</h2>
        {signaal.length === 0 ? (
          <p data-testid="signaleringen">
            Geen signaleringen: geen bron of type viel twee volledige weken achtereen buiten de verwachte band
            {zonderBand ? ' (er is nog geen band)' : ''}.
          </p>
        ) : (
          <ul className="signaleringen" data-testid="signaleringen">
            {signaal.map((r) => {
              const nu = actueleRun(r);
              return (
                <li
                  key={`${r.dimensie}:${r.sleutel}`}
                  className={nu ? 'signaleringen__item signaleringen__item--actueel' : 'signaleringen__item'}
                >
                  <span className="visually-hidden">{nu ? 'Actueel signaal, ' : 'Eerder signaal, '}</span>
                  <strong>{groep(r) === 'totaal' ? 'Totaal' : r.label}</strong> ({groep(r)}):{' '}
                  {r.signaleringen.map((s) => signaleringTekst(r.label, s).replace(/^[^:]*: /, '')).join('; ')}
                  {nu ? ' — nog steeds' : ''}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {totaal && (
        <section className="rapport-sectie" aria-labelledby="s-totaal">
          <h2 id="s-totaal">Totaal {naam} per week</h2>
          <BandLegenda lopend={!!m.periode.lopend} />
          <BandFiguur
            titel={`Totaal ${naam}`}
            id="fig-totaal"
            weken={weken}
            punten={uitReeks(totaal)}
            signalering={reeksSignaal('het totaal', totaal.signaleringen, actueleRun(totaal))}
            open
          />
        </section>
      )}
      <ReeksenSectie
        id="s-bronnen"
        titel={`${naam[0]!.toUpperCase()}${naam.slice(1)} per bron`}
        uitleg="Per bron (hoedanigheid van de melder of adviesvrager): politie, de Meldcode-sectoren, overige professionals en burgers."
        reeksen={bronnen}
        weken={weken}
        soortLabel="Bron"
      />
      <ReeksenSectie
        id="s-typen"
        titel={`${naam[0]!.toUpperCase()}${naam.slice(1)} per type geweld`}
        uitleg="Een melding met meerdere typen telt bij elk type."
        reeksen={typen}
        weken={weken}
        soortLabel="Type geweld"
      />
      <SignalenSectie signalen={m.signalen} />
    </>
  );
}

/** A summary table (per series: period total, last week against its band, flag) and a chart per series. */
export function ReeksenSectie({
  id,
  titel,
  uitleg,
  reeksen,
  weken,
  soortLabel,
  extra,
}: {
  id: string;
  titel: string;
  uitleg: string;
  reeksen: Array<
    | { sleutel: string; label: string; punten: BandPunt[]; signaleringen: Signalering[]; actueel: Signalering | null }
    | Reeks
  >;
  weken: string[];
  soortLabel: string;
  extra?: ReactNode;
}) {
  const rijen = reeksen.map((r) =>
    'punten' in r
      ? r
      : {
          sleutel: r.sleutel,
          label: r.label,
          punten: uitReeks(r),
          signaleringen: r.signaleringen,
          actueel: actueleRun(r),
        },
  );
  const lopend = rijen.some((r) => r.punten[r.punten.length - 1]?.lopend);
  return (
    <section className="rapport-sectie" aria-labelledby={id}>
      <h2 id={id}>{titel}</h2>
      <p>{uitleg}</p>
      {extra}
      <ScrollBox label={`${titel}: overzicht`}>
        <table className="table table--compact table--cijfers" data-testid={`${id}-overzicht`}>
          <caption className="visually-hidden">{titel}: overzicht van de laatste week</caption>
          <thead>
            <tr>
              <th scope="col">{soortLabel}</th>
              <th scope="col" className="num">
                Totaal periode
              </th>
              <th scope="col" className="num">
                Laatste volledige week
              </th>
              <th scope="col" className="num">
                Verwacht
              </th>
              {lopend && (
                <>
                  <th scope="col" className="num">
                    Deze week tot nu
                  </th>
                  <th scope="col" className="num">
                    Verwacht tot nu
                  </th>
                </>
              )}
              <th scope="col">Signaal</th>
            </tr>
          </thead>
          <tbody>
            {rijen.map((r) => {
              const nu = r.punten[r.punten.length - 1]?.lopend ? r.punten[r.punten.length - 1] : undefined;
              const laatste = nu ? r.punten[r.punten.length - 2] : r.punten[r.punten.length - 1];
              const som = r.punten.some((p) => p.waarde === null)
                ? null
                : r.punten.reduce((s, p) => s + (p.waarde ?? 0), 0);
              const tekst = reeksSignaal(r.label, r.signaleringen, r.actueel);
              return (
                <tr key={r.sleutel} className={r.actueel ? 'rij--signaal' : undefined}>
                  <th scope="row">{r.label}</th>
                  <Cel p={{ waarde: som, status: 'onderdrukt' }} eenheid="aantal" />
                  <Cel p={laatste ?? { waarde: null }} eenheid="aantal" />
                  <td className="num">{bandTekst(laatste ?? null)}</td>
                  {lopend && (
                    <>
                      <Cel p={nu ?? { waarde: null }} eenheid="aantal" />
                      <td className="num">{bandTekst(nu ?? null)}</td>
                    </>
                  )}
                  <td>{tekst ? tekst.replace(/^[^:]*: /, '') : laatste ? weekStatus(laatste) : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      <div className="figuur-raster">
        {rijen.map((r) => (
          <BandFiguur
            key={r.sleutel}
            titel={r.label}
            id={`fig-${id}-${r.sleutel}`}
            weken={weken}
            punten={r.punten}
            signalering={reeksSignaal(r.label, r.signaleringen, r.actueel)}
          />
        ))}
      </div>
    </section>
  );
}
