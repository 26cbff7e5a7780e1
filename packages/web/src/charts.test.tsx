// Chart logic: axis scaling, Dutch formatting, accessible names, label wrapping, and what the SVG
// charts render (role="img" with every value in the name; missing values in words, not colour).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BandDiagram, LijnDiagram, StaafDiagram } from './components/charts/Charts.tsx';
import {
  celTekst,
  fractie,
  grootste,
  labelRegels,
  samenvatting,
  schaal,
  waardeTekst,
  zichtbareLabels,
} from './components/charts/schaal.ts';

describe('schaal (value axis)', () => {
  it('rounds the top up to a nice step', () => {
    expect(schaal(7)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(schaal(97)).toEqual({ max: 100, ticks: [0, 25, 50, 75, 100] });
    expect(schaal(5824).max).toBe(6000);
    expect(schaal(12.3).max).toBe(15);
    expect(schaal(0.8).max).toBe(0.8);
  });
  it('gives counts whole steps', () => {
    expect(schaal(2, { geheel: true })).toEqual({ max: 2, ticks: [0, 1, 2] });
    expect(schaal(3, { geheel: true }).ticks.every(Number.isInteger)).toBe(true);
  });
  it('never divides by zero: an empty chart gets axis 0–1', () => {
    expect(schaal(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(schaal(Number.NaN)).toEqual({ max: 1, ticks: [0, 1] });
  });
  it('positions clamp to the axis', () => {
    expect(fractie(5, 10)).toBe(0.5);
    expect(fractie(15, 10)).toBe(1);
    expect(fractie(-1, 10)).toBe(0);
    expect(fractie(3, 0)).toBe(0);
  });
  it('takes the largest known value, ignoring nulls', () => {
    expect(grootste([1, null, 7], [undefined, 3])).toBe(7);
    expect(grootste([null])).toBe(0);
  });
});

describe('formatting', () => {
  it('writes numbers the Dutch way with their unit', () => {
    expect(waardeTekst({ waarde: 5824 }, 'aantal')).toBe('5.824');
    expect(waardeTekst({ waarde: 39 }, 'procent')).toBe('39,0%');
    expect(waardeTekst({ waarde: 12.25 }, 'per1000')).toBe('12,3 per 1.000');
    expect(waardeTekst({ waarde: 14 }, 'werkdagen')).toBe('14,0 werkdagen');
    expect(celTekst({ waarde: 14 }, 'werkdagen')).toBe('14,0');
    expect(celTekst({ waarde: 43.5 }, 'procent')).toBe('43,5%');
  });
  it('says why a value is missing', () => {
    expect(waardeTekst({ waarde: null, status: 'onderdrukt' }, 'aantal')).toBe('onderdrukt');
    expect(waardeTekst({ waarde: null, status: 'nvt' }, 'procent')).toBe('n.v.t.');
    expect(waardeTekst({ waarde: null }, 'procent')).toBe('n.v.t.');
  });
  it('summarises a chart with every value for screen readers', () => {
    expect(
      samenvatting(
        'Staafdiagram',
        'Meldingen',
        [
          { label: 'Amsterdam', waarden: [{ waarde: 120 }] },
          { label: 'Diemen', waarden: [{ waarde: null, status: 'onderdrukt' }] },
        ],
        [''],
        'aantal',
      ),
    ).toBe('Staafdiagram: Meldingen. Amsterdam: 120; Diemen: onderdrukt.');
    expect(
      samenvatting(
        'Staafdiagram',
        'Per 1.000',
        [{ label: 'Uithoorn', waarden: [{ waarde: 13 }, { waarde: 4.5 }] }],
        ['met kinderen', 'zonder kinderen'],
        'per1000',
      ),
    ).toBe('Staafdiagram: Per 1.000. Uithoorn: met kinderen 13,0 per 1.000, zonder kinderen 4,5 per 1.000.');
  });
  it('splits long labels over two lines at a space', () => {
    expect(labelRegels('Partnergeweld')).toEqual(['Partnergeweld']);
    const r = labelRegels('Geweld tegen ouders (<65 jr.) door hun kinderen (tot 23 jr.)');
    expect(r).toHaveLength(2);
    expect(r.join(' ')).toBe('Geweld tegen ouders (<65 jr.) door hun kinderen (tot 23 jr.)');
    expect(r[0]!.length).toBeLessThanOrEqual(34);
  });
  it('thins out x-axis labels but keeps the first and last', () => {
    expect(zichtbareLabels(6)).toEqual([true, true, true, true, true, true]);
    const t = zichtbareLabels(13);
    expect(t[0]).toBe(true);
    expect(t[12]).toBe(true);
    expect(t.filter(Boolean).length).toBeLessThanOrEqual(8);
    expect(zichtbareLabels(0)).toEqual([]);
  });
});

describe('SVG charts', () => {
  it('bar chart: one img with the values in its name, missing values in words', () => {
    const html = renderToStaticMarkup(
      <StaafDiagram
        titel="Meldingen per gemeente"
        eenheid="aantal"
        reeksen={['Meldingen', 'Adviesvragen']}
        rijen={[
          { label: 'Amsterdam', waarden: [{ waarde: 20 }, { waarde: 4 }] },
          { label: 'Diemen', waarden: [{ waarde: null, status: 'onderdrukt' }, { waarde: 0 }] },
        ]}
      />,
    );
    expect(html.match(/role="img"/g)).toHaveLength(1);
    expect(html).toContain(
      'aria-label="Staafdiagram: Meldingen per gemeente. Amsterdam: Meldingen 20, Adviesvragen 4; Diemen: Meldingen onderdrukt, Adviesvragen 0."',
    );
    expect(html).toContain('>onderdrukt (Meldingen)</text>');
    // Widths are percentages of the largest value (20 → 70% of the width, 4 → 14%).
    expect(html).toContain('width="70%"');
    expect(html).toContain('width="14%"');
    // The second series is striped (not colour alone).
    expect(html).toMatch(/fill="url\(#[^)]*-streep\)"/);
  });
  it('line chart: gaps for missing months, a reference line for the term', () => {
    const html = renderToStaticMarkup(
      <LijnDiagram
        titel="Gemiddeld aantal werkdagen"
        xLabels={['jul', 'aug', 'sep']}
        eenheid="werkdagen"
        doel={{ waarde: 5, label: 'termijn 5 werkdagen' }}
        reeksen={[
          { naam: 'Gemiddeld', waarden: [{ waarde: 6 }, { waarde: null, status: 'onderdrukt' }, { waarde: 4 }] },
        ]}
      />,
    );
    expect(html).toContain('role="img"');
    expect(html).toContain('jul: 6,0 werkdagen; aug: onderdrukt; sep: 4,0 werkdagen');
    expect(html).not.toContain('class="chart-lijn chart-l0"'); // no segment across the gap
    expect(html).toContain('termijn 5 werkdagen');
    expect(html).toContain('Een onderbroken lijn');
  });
  it('line chart of a running period: months not yet come are a light column, no point, no zero, and said so', () => {
    const html = renderToStaticMarkup(
      <LijnDiagram
        titel="Meldingen per maand"
        xLabels={['okt', 'nov', 'dec']}
        xNamen={['oktober 2026', 'november 2026 (lopend)', 'december 2026 (nog niet)']}
        eenheid="aantal"
        reeksen={[{ naam: 'Meldingen', waarden: [{ waarde: 12 }, { waarde: 7 }, { waarde: null, status: 'nogNiet' }] }]}
      />,
    );
    expect(html).toContain('december 2026 (nog niet): nog niet');
    expect(html).not.toMatch(/december[^;]*: 0/);
    expect(html.match(/class="chart-nog-niet"/g)).toHaveLength(1);
    expect(html).toContain('De periode loopt nog');
    expect(html).not.toContain('Een onderbroken lijn');
    expect(waardeTekst({ waarde: null, status: 'nogNiet' }, 'aantal')).toBe('nog niet');
  });
  it('bar chart: a wrapped label keeps the space between its lines in the text', () => {
    const html = renderToStaticMarkup(
      <StaafDiagram
        titel="Vervolg"
        eenheid="procent"
        rijen={[{ label: 'Geen huiselijk geweld of kindermishandeling (afgesloten)', waarden: [{ waarde: 10 }] }]}
      />,
    );
    const tekst = html.replace(/<[^>]+>/g, '');
    expect(tekst).toContain('Geen huiselijk geweld of kindermishandeling');
    expect(tekst).not.toMatch(/geweldof|kindermishandeling\(/);
  });
  it('band chart: the running week has a dashed column and says it counts up to now', () => {
    const html = renderToStaticMarkup(
      <BandDiagram
        titel="Totaal meldingen"
        weken={['W46', 'W47*']}
        weekNamen={['week 46 (2026)', 'week 47 (2026), lopend (tot nu)']}
        punten={[
          { waarde: 20, laag: 10, hoog: 30 },
          { waarde: 4, laag: 5.1, hoog: 18.2, afwijking: 'onder', lopend: true },
        ]}
      />,
    );
    expect(html.match(/class="chart-lopend-kolom"/g)).toHaveLength(1);
    expect(html).toContain(
      'week 47 (2026), lopend (tot nu): 4 tot nu, week loopt nog (verwacht 5,1 tot 18,2 tot nu, onder de band)',
    );
    expect(html).not.toContain('chart-signaal-kolom');
  });
  it('band chart: band per week, flagged weeks named in the accessible name', () => {
    const html = renderToStaticMarkup(
      <BandDiagram
        titel="Onderwijs"
        weken={['W11', 'W12', 'W13']}
        punten={[
          { waarde: 6, laag: 1.1, hoog: 10.9 },
          { waarde: 0, laag: 1.1, hoog: 10.9, afwijking: 'onder' },
          { waarde: 0, laag: 1.1, hoog: 10.9, afwijking: 'onder', signaal: true },
        ]}
      />,
    );
    expect(html.match(/class="chart-band"/g)).toHaveLength(3);
    expect(html.match(/class="chart-signaal-kolom"/g)).toHaveLength(1);
    // One image per chart: the markers (nested svg) are hidden from the accessibility tree.
    expect(html.match(/role="img"/g)).toHaveLength(1);
    expect(html.match(/<svg /g)!.length - 1).toBe(html.match(/<svg [^>]*aria-hidden="true"/g)!.length);
    expect(html).toContain('W13: 0 (verwacht 1,1 tot 10,9, onder de band, signaal)');
  });
});
