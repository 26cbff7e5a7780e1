// Charts as accessible inline SVG, written for Voordeur (no chart library):
// - every chart is one <svg role="img"> whose aria-label carries every value (see samenvatting);
//   the page puts the same numbers in a table next to or under it, so nothing depends on the chart;
// - series differ by pattern or marker shape as well as colour (WCAG 1.4.1);
// - horizontal positions are percentages and text is never scaled, so a chart is as legible at
//   320 px as at 1280 px (no viewBox shrinking the labels); heights are fixed pixels;
// - colours come from CSS classes (styles.css, "rapportage" section): no inline styles (CSP).
import { useId, type ReactNode } from 'react';
import {
  fractie,
  grootste,
  labelRegels,
  samenvatting,
  schaal,
  waardeTekst,
  zichtbareLabels,
  type Eenheid,
  type Punt,
} from './schaal.ts';

const pct = (f: number) => `${Math.round(f * 10000) / 100}%`;

/** A figure: title, the chart, an optional note and the table (or anything) that goes with it. */
export function Figuur({
  titel,
  id,
  children,
  tabel,
  noot,
  className,
}: {
  titel: string;
  id?: string;
  children: ReactNode;
  tabel?: ReactNode;
  noot?: ReactNode;
  className?: string;
}) {
  return (
    <figure
      className={`chart-figuur${tabel ? ' chart-figuur--met-tabel' : ''}${className ? ` ${className}` : ''}`}
      aria-labelledby={id}
      data-testid={id ? `figuur-${id}` : undefined}
    >
      <figcaption className="chart-figuur__titel" id={id}>
        {titel}
      </figcaption>
      <div className="chart-figuur__body">
        <div className="chart-figuur__chart">
          {children}
          {noot && <p className="chart-noot">{noot}</p>}
        </div>
        {tabel && <div className="chart-figuur__tabel">{tabel}</div>}
      </div>
    </figure>
  );
}

/** Legend: a swatch (colour + pattern, or marker shape) and the series name. */
export function Legenda({ reeksen, soort }: { reeksen: string[]; soort: 'staaf' | 'lijn' }) {
  const id = useId().replace(/:/g, '');
  if (reeksen.length < 2) return null;
  return (
    <ul className="chart-legenda" aria-hidden="true">
      {reeksen.map((r, i) => (
        <li key={r}>
          <svg width="22" height="14" className="chart-legenda__swatch" focusable="false">
            {soort === 'staaf' ? (
              <>
                {i % 2 === 1 && <Patronen id={`${id}-${i}`} />}
                <rect
                  x="1"
                  y="1"
                  width="20"
                  height="12"
                  className={staafKlasse(i)}
                  fill={i % 2 ? `url(#${id}-${i}-streep)` : undefined}
                />
              </>
            ) : (
              <>
                <line x1="0" x2="22" y1="7" y2="7" className={`chart-lijn chart-l${i}`} />
                <Marker vorm={i} x="11" y={7} reeks={i} />
              </>
            )}
          </svg>
          {r}
        </li>
      ))}
    </ul>
  );
}

/** Bars: series 0 solid (class fill), series 1 striped (pattern fill attribute, so no class fill). */
const staafKlasse = (i: number) => (i % 2 ? 'chart-staaf chart-staaf--gestreept' : `chart-staaf chart-s${i}`);

// Diagonal stripes for the second series of a bar chart (not colour alone).
function Patronen({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-streep`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
        <rect width="6" height="6" className="chart-patroon-bg" />
        <rect width="3" height="6" className="chart-patroon-lijn" />
      </pattern>
    </defs>
  );
}

const RIJ_LABEL = 18;
const STAAF = 16;
const STAAF_GAP = 3;
const RIJ_GAP = 12;

/**
 * Horizontal bar chart: one row per category (gemeente, type, …), one bar per series. The label
 * sits above its bars, the value right of each bar; a missing value says why ('onderdrukt').
 */
export function StaafDiagram({
  titel,
  rijen,
  reeksen = [''],
  eenheid,
  max,
  markeer,
}: {
  titel: string;
  rijen: Array<{ label: string; waarden: Punt[] }>;
  reeksen?: string[];
  eenheid: Eenheid;
  max?: number;
  markeer?: (rij: number) => boolean;
}) {
  const id = useId().replace(/:/g, '');
  const top =
    max ?? schaal(grootste(rijen.flatMap((r) => r.waarden.map((w) => w.waarde))), { geheel: eenheid === 'aantal' }).max;
  // Bars use at most 70% of the width: the rest is for the value text (legible at 320 px).
  const BREED = 0.7;
  let y = 4;
  const items = rijen.map((r, ri) => {
    const regels = labelRegels(r.label);
    const labelY = y + 13;
    y += RIJ_LABEL * regels.length;
    const staven = r.waarden.map((w, si) => {
      const sy = y;
      y += STAAF + (si < r.waarden.length - 1 ? STAAF_GAP : 0);
      const f = w.waarde === null ? 0 : fractie(w.waarde, top) * BREED;
      return (
        <g key={si}>
          {w.waarde !== null && w.waarde > 0 && (
            <rect
              x="0"
              y={sy}
              width={pct(f)}
              height={STAAF}
              className={staafKlasse(si)}
              fill={si % 2 ? `url(#${id}-streep)` : undefined}
            />
          )}
          {w.waarde !== null && w.waarde === 0 && (
            <rect x="0" y={sy} width="2" height={STAAF} className={`chart-staaf chart-s${si}`} />
          )}
          <text
            x={pct(f + 0.01)}
            dx={w.waarde === null ? 0 : 4}
            y={sy + 12.5}
            className={w.waarde === null ? 'chart-waarde chart-waarde--leeg' : 'chart-waarde'}
          >
            {waardeTekst(w, eenheid, { kort: true })}
            {reeksen.length > 1 && w.waarde === null ? ` (${reeksen[si]})` : ''}
          </text>
        </g>
      );
    });
    const rij = (
      <g key={ri} className={markeer?.(ri) ? 'chart-rij chart-rij--gemarkeerd' : 'chart-rij'}>
        <text x="0" y={labelY} className="chart-label">
          {regels.map((l, i) => (
            <tspan key={i} x="0" dy={i === 0 ? 0 : RIJ_LABEL}>
              {/* The space that the wrap replaced stays at the end of the line: the text reads "geweld of", not "geweldof". */}
              {i < regels.length - 1 ? `${l} ` : l}
            </tspan>
          ))}
        </text>
        {staven}
      </g>
    );
    y += RIJ_GAP;
    return rij;
  });
  const hoogte = y;
  return (
    <>
      <Legenda reeksen={reeksen.filter(Boolean)} soort="staaf" />
      <svg
        className="chart chart--staaf"
        width="100%"
        height={hoogte}
        role="img"
        aria-label={samenvatting('Staafdiagram', titel, rijen, reeksen, eenheid)}
        focusable="false"
      >
        <Patronen id={id} />
        {/* A light line at the axis top; its value is in the note under the chart. */}
        <line x1={pct(BREED)} x2={pct(BREED)} y1="0" y2={hoogte - RIJ_GAP + 4} className="chart-raster" />
        {items}
      </svg>
      <p className="chart-schaal" aria-hidden="true">
        Schaal: 0 tot {waardeTekst({ waarde: top }, eenheid)} (lijn rechts)
      </p>
    </>
  );
}

/** A marker at a percentage x and pixel y; shape per series (circle, square, triangle, diamond…). */
export function Marker({
  vorm,
  x,
  y,
  reeks,
  klasse,
}: {
  vorm: number;
  x: string;
  y: number;
  reeks: number;
  klasse?: string;
}) {
  const c = `chart-marker chart-m${reeks}${klasse ? ` ${klasse}` : ''}`;
  const paths = ['', 'M-4,-4H4V4H-4Z', 'M0,-5L5,4H-5Z', 'M0,-5L5,0L0,5L-5,0Z', 'M-4,-4L4,4M4,-4L-4,4', 'M0,5L5,-4H-5Z'];
  const v = vorm % 6;
  return (
    <svg x={x} y={y} width="1" height="1" overflow="visible" className="chart-marker-box" aria-hidden="true">
      {v === 0 ? (
        <circle r="4" className={c} />
      ) : (
        <path d={paths[v]} className={`${c}${v === 4 ? ' chart-marker--kruis' : ''}`} />
      )}
    </svg>
  );
}

const PLOT_TOP = 22;
const PLOT_H = 170;
const AS_H = 26;
const X0 = 0.03;
const XW = 0.94;
const xPos = (i: number, n: number) => X0 + ((i + 0.5) * XW) / Math.max(1, n);
const yPos = (v: number, max: number) => PLOT_TOP + (1 - fractie(v, max)) * PLOT_H;

function Raster({ ticks, max, eenheid }: { ticks: number[]; max: number; eenheid: Eenheid }) {
  return (
    <g aria-hidden="true">
      {ticks.map((t) => (
        <g key={t}>
          <line
            x1="0"
            x2="100%"
            y1={yPos(t, max)}
            y2={yPos(t, max)}
            className={t === 0 ? 'chart-as' : 'chart-raster'}
          />
          <text x="0" y={yPos(t, max) - 4} className="chart-tick">
            {waardeTekst({ waarde: t }, eenheid === 'aantal' ? 'aantal' : eenheid, { kort: true })}
          </text>
        </g>
      ))}
    </g>
  );
}

function XAs({ labels }: { labels: string[] }) {
  const toon = zichtbareLabels(labels.length);
  return (
    <g aria-hidden="true">
      {labels.map((l, i) =>
        toon[i] ? (
          <text
            key={i}
            x={pct(xPos(i, labels.length))}
            y={PLOT_TOP + PLOT_H + 18}
            textAnchor="middle"
            className="chart-tick"
          >
            {l}
          </text>
        ) : null,
      )}
    </g>
  );
}

/** Segments between consecutive known points (a missing point leaves a gap). */
function Lijn({ waarden, max, reeks }: { waarden: Punt[]; max: number; reeks: number }) {
  const n = waarden.length;
  const segs: ReactNode[] = [];
  for (let i = 1; i < n; i++) {
    const a = waarden[i - 1]!.waarde;
    const b = waarden[i]!.waarde;
    if (a === null || b === null) continue;
    segs.push(
      <line
        key={i}
        x1={pct(xPos(i - 1, n))}
        x2={pct(xPos(i, n))}
        y1={yPos(a, max)}
        y2={yPos(b, max)}
        className={`chart-lijn chart-l${reeks}`}
      />,
    );
  }
  return <g>{segs}</g>;
}

/**
 * Line chart over months or weeks: one line per series, each with its own marker shape; value
 * labels above the points when there is one series and few points. `doel` draws a reference line
 * (e.g. a statutory term).
 */
export function LijnDiagram({
  titel,
  xLabels,
  xNamen,
  reeksen,
  eenheid,
  max,
  doel,
}: {
  titel: string;
  xLabels: string[];
  xNamen?: string[];
  reeksen: Array<{ naam: string; waarden: Punt[] }>;
  eenheid: Eenheid;
  max?: number;
  doel?: { waarde: number; label: string };
}) {
  const top =
    max ??
    schaal(grootste(...reeksen.map((r) => r.waarden.map((w) => w.waarde)), [doel?.waarde]), {
      geheel: eenheid === 'aantal',
    }).max;
  const { ticks } =
    max !== undefined
      ? { ticks: [0, max / 4, max / 2, (3 * max) / 4, max] }
      : schaal(top, { geheel: eenheid === 'aantal' });
  const n = xLabels.length;
  const namen = xNamen ?? xLabels;
  const rijen = namen.map((l, i) => ({ label: l, waarden: reeksen.map((r) => r.waarden[i] ?? { waarde: null }) }));
  const ontbreekt = reeksen.some((r) => r.waarden.some((w) => w.waarde === null && w.status !== 'nogNiet'));
  const nogNiet = reeksen.some((r) => r.waarden.some((w) => w.waarde === null && w.status === 'nogNiet'));
  const waardeLabels = reeksen.length === 1 && n <= 8;
  return (
    <>
      <Legenda reeksen={reeksen.map((r) => r.naam)} soort="lijn" />
      <svg
        className="chart chart--lijn"
        width="100%"
        height={PLOT_TOP + PLOT_H + AS_H}
        role="img"
        aria-label={samenvatting(
          'Lijndiagram',
          titel,
          rijen,
          reeksen.map((r) => r.naam),
          eenheid,
        )}
        focusable="false"
      >
        {/* Months or weeks that have not come yet (a running period): a light column, no point. */}
        {Array.from({ length: n }, (_, i) => i)
          .filter((i) => reeksen.length > 0 && reeksen.every((r) => r.waarden[i]?.status === 'nogNiet'))
          .map((i) => (
            <rect
              key={`nn${i}`}
              x={pct(X0 + (i * XW) / Math.max(1, n))}
              width={pct(XW / Math.max(1, n))}
              y={PLOT_TOP}
              height={PLOT_H}
              className="chart-nog-niet"
            />
          ))}
        <Raster ticks={ticks} max={top} eenheid={eenheid} />
        {doel && (
          <g>
            <line x1="0" x2="100%" y1={yPos(doel.waarde, top)} y2={yPos(doel.waarde, top)} className="chart-doel" />
            <text x="100%" y={yPos(doel.waarde, top) - 4} textAnchor="end" className="chart-doel-tekst">
              {doel.label}
            </text>
          </g>
        )}
        {reeksen.map((r, ri) => (
          <g key={r.naam}>
            <Lijn waarden={r.waarden} max={top} reeks={ri} />
            {r.waarden.map((w, i) =>
              w.waarde === null ? null : (
                <g key={i}>
                  <Marker vorm={ri} reeks={ri} x={pct(xPos(i, n))} y={yPos(w.waarde, top)} />
                  {waardeLabels && (
                    <text
                      x={pct(xPos(i, n))}
                      y={yPos(w.waarde, top) - 9}
                      textAnchor="middle"
                      className="chart-waarde chart-waarde--punt"
                    >
                      {waardeTekst(w, eenheid, { kort: true })}
                    </text>
                  )}
                </g>
              ),
            )}
          </g>
        ))}
        <XAs labels={xLabels} />
      </svg>
      {ontbreekt && (
        <p className="chart-noot">
          Een onderbroken lijn: voor die maand of week is er geen cijfer (geen gevallen, of onderdrukt — zie de tabel).
        </p>
      )}
      {nogNiet && (
        <p className="chart-noot">
          De periode loopt nog: de lijn stopt bij vandaag; latere maanden of weken staan er nog niet in (ze zijn niet
          0).
        </p>
      )}
    </>
  );
}

export interface BandPunt extends Punt {
  laag: number | null;
  hoog: number | null;
  afwijking?: 'onder' | 'boven' | null;
  signaal?: boolean;
  /** The running week: counted up to today, its band for the same days; drawn with a dashed outline. */
  lopend?: boolean;
}

/**
 * Weekly counts against the expected band: per week a shaded bar from `laag` to `hoog`, the count
 * as a line with points; a point outside the band is a triangle (▼ under, ▲ above), a flagged week
 * (second week running outside on the same side) also gets a marked column and a bold outline.
 */
export function BandDiagram({
  titel,
  weken,
  weekNamen,
  punten,
  hoogte = PLOT_H,
}: {
  titel: string;
  weken: string[];
  weekNamen?: string[];
  punten: BandPunt[];
  hoogte?: number;
}) {
  const top = schaal(
    grootste(
      punten.map((p) => p.waarde),
      punten.map((p) => p.hoog),
    ),
    { geheel: true },
  ).max;
  const { ticks } = schaal(top, { geheel: true });
  const n = weken.length;
  const slot = XW / Math.max(1, n);
  const y = (v: number) => PLOT_TOP + (1 - fractie(v, top)) * hoogte;
  const namen = weekNamen ?? weken;
  const label = `Lijndiagram met verwachte band: ${titel}. ${namen
    .map((w, i) => {
      const p = punten[i]!;
      const band =
        p.laag !== null && p.hoog !== null
          ? `verwacht ${waardeTekst({ waarde: p.laag }, 'aantal')} tot ${waardeTekst({ waarde: p.hoog }, 'aantal')}`
          : 'geen verwachte band';
      const af = p.afwijking ? `, ${p.afwijking} de band${p.signaal ? ', signaal' : ''}` : '';
      return `${w}: ${waardeTekst(p, 'aantal')}${p.lopend ? ' tot nu, week loopt nog' : ''} (${band}${p.lopend && band !== 'geen verwachte band' ? ' tot nu' : ''}${af})`;
    })
    .join('; ')}.`;
  const yAs = (v: number) => PLOT_TOP + (1 - fractie(v, top)) * hoogte;
  return (
    <svg
      className="chart chart--band"
      width="100%"
      height={PLOT_TOP + hoogte + AS_H}
      role="img"
      aria-label={label}
      focusable="false"
    >
      {punten.map((p, i) =>
        p.signaal ? (
          <rect
            key={`s${i}`}
            x={pct(X0 + i * slot)}
            width={pct(slot)}
            y={PLOT_TOP - 6}
            height={hoogte + 6}
            className="chart-signaal-kolom"
          />
        ) : null,
      )}
      {punten.map((p, i) =>
        p.lopend ? (
          <rect
            key={`l${i}`}
            x={pct(X0 + i * slot)}
            width={pct(slot)}
            y={PLOT_TOP - 6}
            height={hoogte + 6}
            className="chart-lopend-kolom"
          />
        ) : null,
      )}
      <g aria-hidden="true">
        {ticks.map((t) => (
          <g key={t}>
            <line x1="0" x2="100%" y1={yAs(t)} y2={yAs(t)} className={t === 0 ? 'chart-as' : 'chart-raster'} />
            <text x="0" y={yAs(t) - 4} className="chart-tick">
              {waardeTekst({ waarde: t }, 'aantal')}
            </text>
          </g>
        ))}
      </g>
      {punten.map((p, i) =>
        p.laag !== null && p.hoog !== null ? (
          <rect
            key={`b${i}`}
            x={pct(X0 + i * slot + slot * 0.08)}
            width={pct(slot * 0.84)}
            y={y(p.hoog)}
            height={Math.max(2, y(p.laag) - y(p.hoog))}
            className="chart-band"
          />
        ) : null,
      )}
      <g>
        {punten.slice(1).map((p, j) => {
          const a = punten[j]!.waarde;
          const b = p.waarde;
          if (a === null || b === null) return null;
          return (
            <line
              key={j}
              x1={pct(xPos(j, n))}
              x2={pct(xPos(j + 1, n))}
              y1={y(a)}
              y2={y(b)}
              className="chart-lijn chart-l0"
            />
          );
        })}
      </g>
      {punten.map((p, i) => {
        if (p.waarde === null) return null;
        const vorm = p.afwijking === 'onder' ? 5 : p.afwijking === 'boven' ? 2 : 0;
        return (
          <Marker
            key={`m${i}`}
            vorm={vorm}
            reeks={p.afwijking ? 4 : 0}
            x={pct(xPos(i, n))}
            y={y(p.waarde)}
            klasse={p.signaal ? 'chart-marker--signaal' : undefined}
          />
        );
      })}
      <g aria-hidden="true">
        {weken.map((l, i) =>
          zichtbareLabels(n)[i] ? (
            <text key={i} x={pct(xPos(i, n))} y={PLOT_TOP + hoogte + 18} textAnchor="middle" className="chart-tick">
              {l}
            </text>
          ) : null,
        )}
      </g>
    </svg>
  );
}

/** Legend for band charts (shapes explained in words). */
export function BandLegenda({ lopend = false }: { lopend?: boolean }) {
  return (
    <ul className="chart-legenda" aria-hidden="true">
      <li>
        <svg width="22" height="14" focusable="false">
          <rect x="3" y="1" width="16" height="12" className="chart-band" />
        </svg>
        verwachte band
      </li>
      <li>
        <svg width="22" height="14" focusable="false">
          <line x1="0" x2="22" y1="7" y2="7" className="chart-lijn chart-l0" />
          <Marker vorm={0} reeks={0} x="11" y={7} />
        </svg>
        aantal per week
      </li>
      <li>
        <svg width="22" height="14" focusable="false">
          <Marker vorm={5} reeks={4} x="11" y={7} />
        </svg>
        onder / <span aria-hidden="true">▲</span> boven de band
      </li>
      <li>
        <svg width="22" height="14" focusable="false">
          <rect x="1" y="0" width="20" height="14" className="chart-signaal-kolom" />
        </svg>
        signaal (2 weken achtereen)
      </li>
      {lopend && (
        <li>
          <svg width="22" height="14" focusable="false">
            <rect x="1" y="1" width="20" height="12" className="chart-lopend-kolom" />
          </svg>
          lopende week (tot nu)
        </li>
      )}
    </ul>
  );
}
