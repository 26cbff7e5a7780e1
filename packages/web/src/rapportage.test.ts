// The management-information pages' logic: period choice (half-year or any range, kept in the URL),
// the status of a missing figure (suppressed or not applicable), flags and bands in words.
import { describe, expect, it } from 'vitest';
import { verdelingInBakken } from './pages/RapportageModel.ts';
import { cbsHalfjaren, isV1, ontbrekendeOpties, protocolNaam, standaardProtocol } from './pages/Cbs.tsx';
import {
  actueleRun,
  afwijkingVan,
  bandTekst,
  gesignaleerd,
  halfjaarOpties,
  halfjaarPeriode,
  halfjaarVan,
  isoWekenIn,
  keuzeFouten,
  keuzeUitUrl,
  maandLabel,
  maandNaam,
  periodeMaanden,
  onderdrukkingTekst,
  periodeTekst,
  punt,
  rapportQuery,
  runsUitWeken,
  signaleringTekst,
  vorigeWeek,
  weekNaam,
  weekStatus,
} from './pages/RapportageModel.ts';
import type { Reeks } from '@voordeur/domain';

describe('period choice', () => {
  it('defaults to the half-year containing today', () => {
    expect(halfjaarVan('2026-11-22')).toBe('2026H2');
    expect(halfjaarVan('2026-06-30')).toBe('2026H1');
    const k = keuzeUitUrl(new URLSearchParams(''), '2026-11-22');
    expect(k).toEqual({ soort: 'halfjaar', halfjaar: '2026H2', van: '', tot: '', gemeente: '', suppress: '' });
    expect(rapportQuery(k)).toBe('halfjaar=2026H2');
  });
  it('lists the current and earlier half-years, newest first', () => {
    const o = halfjaarOpties('2026-03-01', 4);
    expect(o.map((x) => x.value)).toEqual(['2026H1', '2025H2', '2025H1', '2024H2']);
    expect(o[0]!.label).toBe('Eerste halfjaar 2026 (lopend)');
    expect(o[1]!.label).toBe('Tweede halfjaar 2025');
  });
  it('reads any date range, gemeente and threshold from the URL and writes them back', () => {
    const k = keuzeUitUrl(
      new URLSearchParams('van=2026-03-01&tot=2026-05-31&gemeente=GM0363&suppress=10'),
      '2026-11-22',
    );
    expect(k.soort).toBe('periode');
    expect(rapportQuery(k)).toBe('van=2026-03-01&tot=2026-05-31&gemeente=GM0363&suppress=10');
    // A half-year in the URL wins over dates; junk is ignored.
    const h = keuzeUitUrl(new URLSearchParams('halfjaar=2019H2&gemeente=Amsterdam&suppress=x'), '2026-11-22');
    expect(rapportQuery(h)).toBe('halfjaar=2019H2');
  });
  it('checks a date range before asking the server', () => {
    const base = keuzeUitUrl(new URLSearchParams(''), '2026-11-22');
    expect(keuzeFouten(base)).toEqual({});
    expect(keuzeFouten({ ...base, soort: 'periode', van: '', tot: '2026-01-01' })).toEqual({
      van: ['Vul een begindatum in (dag, maand, jaar)'],
    });
    expect(keuzeFouten({ ...base, soort: 'periode', van: '2026-02-30', tot: '2026-03-01' }).van).toBeDefined();
    expect(keuzeFouten({ ...base, soort: 'periode', van: '2026-05-01', tot: '2026-04-30' })).toEqual({
      tot: ['De einddatum ligt vóór de begindatum'],
    });
    expect(keuzeFouten({ ...base, soort: 'periode', van: '2026-04-30', tot: '2026-04-30' })).toEqual({});
  });
  it('writes periods and months in Dutch', () => {
    expect(halfjaarPeriode('2019H2')).toEqual({ van: '2019-07-01', tot: '2019-12-31' });
    expect(halfjaarPeriode('2019H3')).toBeNull();
    expect(periodeTekst({ van: '2019-07-01', tot: '2019-12-31', halfjaar: '2019H2' })).toBe(
      '1 juli 2019 t/m 31 december 2019 (tweede halfjaar 2019)',
    );
    expect(maandNaam('2026-03')).toBe('maart 2026');
    expect(maandNaam('2026-03', true)).toBe('mrt');
  });
  it('offers the CBS delivery for the completed half-years, the running one marked', () => {
    const o = cbsHalfjaren('2026-07-10');
    expect(o[0]).toEqual({ value: '2026H2', label: 'Tweede halfjaar 2026 (lopend, nog niet compleet)' });
    expect(o[1]).toEqual({ value: '2026H1', label: 'Eerste halfjaar 2026' });
  });
});

describe('a running period', () => {
  it('lists every month: done, the current one as running, the later ones as not yet', () => {
    const p = { maanden: ['2026-10', '2026-11'], lopend: { peildatum: '2026-11-22', nogNiet: ['2026-12'] } };
    expect(periodeMaanden(p)).toEqual([
      { maand: '2026-10', staat: 'klaar' },
      { maand: '2026-11', staat: 'lopend' },
      { maand: '2026-12', staat: 'nogNiet' },
    ]);
    expect(periodeMaanden(p).map((m) => maandLabel(m))).toEqual([
      'oktober 2026',
      'november 2026 (lopend)',
      'december 2026',
    ]);
    expect(periodeMaanden({ maanden: ['2026-01'] })).toEqual([{ maand: '2026-01', staat: 'klaar' }]);
  });
});

describe('missing figures', () => {
  const o = new Set(['perGemeente.GM0358.meldingen', 'typeGeweld.metKinderen.n']);
  it('a null is "onderdrukt" when a count it comes from was suppressed, else n.v.t.', () => {
    expect(punt(12, o, 'x')).toEqual({ waarde: 12 });
    expect(punt(0, o, 'x')).toEqual({ waarde: 0 });
    expect(punt(null, o, 'perGemeente.GM0358.meldingen')).toEqual({ waarde: null, status: 'onderdrukt' });
    expect(punt(null, o, 'typeGeweld.metKinderen.partnergeweld', 'typeGeweld.metKinderen.n')).toEqual({
      waarde: null,
      status: 'onderdrukt',
    });
    expect(punt(null, o, 'doorlooptijdDiensten.n')).toEqual({ waarde: null, status: 'nvt' });
  });
  it('the page says what was suppressed', () => {
    expect(onderdrukkingTekst({ drempel: 10, cellen: ['a', 'b'] })).toMatch(
      /^Cellen kleiner dan 10 zijn onderdrukt.*\(2 cellen\)/,
    );
    expect(onderdrukkingTekst({ drempel: 0, cellen: [] })).toBe(
      'Er is niets onderdrukt: alle aantallen worden getoond.',
    );
  });
  it('bins the werkdagen distribution; a bin with a suppressed member is suppressed', () => {
    const b = verdelingInBakken(
      [
        { werkdagen: 0, aantal: 3 },
        { werkdagen: 5, aantal: 2 },
        { werkdagen: 7, aantal: 4 },
        { werkdagen: 9, aantal: 1 },
        { werkdagen: 12, aantal: null },
        { werkdagen: 40, aantal: 2 },
      ],
      new Set(['doorlooptijdBeoordeling.verdeling.12']),
    );
    const by = Object.fromEntries(b.map((x) => [x.label, x.p]));
    expect(by['0 werkdagen']).toEqual({ waarde: 3 });
    expect(by['1 werkdag']).toEqual({ waarde: 0 });
    expect(by['5 werkdagen (termijn)']).toEqual({ waarde: 2 });
    expect(by['6–10 werkdagen']).toEqual({ waarde: 5 });
    expect(by['11–15 werkdagen']).toEqual({ waarde: null, status: 'onderdrukt' });
    expect(by['meer dan 30 werkdagen']).toEqual({ waarde: 2 });
  });
});

describe('bands and flags in words', () => {
  it('names a run of weeks outside the band', () => {
    expect(signaleringTekst('Onderwijs', { vanaf: '2026-W12', tot: '2026-W13', richting: 'onder', weken: 2 })).toBe(
      'onderwijs: 2 weken onder de verwachte band (week 12 t/m 13, 2026)',
    );
    expect(signaleringTekst('Politie', { vanaf: '2025-W52', tot: '2026-W02', richting: 'boven', weken: 3 })).toBe(
      'politie: 3 weken boven de verwachte band (week 52 (2025) t/m week 2 (2026))',
    );
  });
  it('writes bands and week status', () => {
    expect(bandTekst({ laag: 1.1, hoog: 10.9 })).toBe('1,1 – 10,9');
    expect(bandTekst(null)).toBe('geen band');
    expect(weekStatus({ laag: 1.1, hoog: 10.9, afwijking: null })).toBe('binnen de band');
    expect(weekStatus({ laag: 1.1, hoog: 10.9, afwijking: 'onder', signaal: true })).toBe('onder de band — signaal');
    expect(weekStatus({ laag: null, hoog: null })).toBe('geen band');
    expect(weekNaam('2026-W07')).toBe('week 7 (2026)');
    expect(weekNaam('2026-W07', true)).toBe('W7');
  });
  it('derives the side of the band for the coordination view', () => {
    expect(afwijkingVan(0, 1.1, 10.9)).toBe('onder');
    expect(afwijkingVan(11, 1.1, 10.9)).toBe('boven');
    expect(afwijkingVan(5, 1.1, 10.9)).toBeNull();
    expect(afwijkingVan(null, 1.1, 10.9)).toBeNull();
    expect(afwijkingVan(5, null, null)).toBeNull();
  });
  it('rebuilds runs from weekly flags as the server does (a run starts the week before its first flag)', () => {
    const w = (week: string, signaal: boolean, afwijking: 'onder' | 'boven' | null = signaal ? 'onder' : null) => ({
      week,
      signaal,
      afwijking,
    });
    expect(
      runsUitWeken([w('2026-W11', false, 'onder'), w('2026-W12', true), w('2026-W13', true), w('2026-W14', false)]),
    ).toEqual([{ vanaf: '2026-W11', tot: '2026-W13', richting: 'onder', weken: 3 }]);
    // Flagged in the first week shown: the run began the week before (not shown).
    expect(runsUitWeken([w('2026-W01', true), w('2026-W02', false)])).toEqual([
      { vanaf: '2025-W52', tot: '2026-W01', richting: 'onder', weken: 2 },
    ]);
    // A change of side starts a new run.
    expect(
      runsUitWeken([
        w('2026-W10', false, 'onder'),
        w('2026-W11', true),
        w('2026-W12', false, 'boven'),
        w('2026-W13', true, 'boven'),
      ]).map((r) => r.richting),
    ).toEqual(['onder', 'boven']);
  });
  it('knows ISO years with 53 weeks', () => {
    expect(isoWekenIn(2020)).toBe(53);
    expect(isoWekenIn(2026)).toBe(53);
    expect(isoWekenIn(2025)).toBe(52);
    expect(vorigeWeek('2021-W01')).toBe('2020-W53');
    expect(vorigeWeek('2026-W10')).toBe('2026-W09');
  });
  it('lists flagged series, flagged-now first', () => {
    const reeks = (label: string, nu: boolean, runs: number): Reeks => ({
      soort: 'meldingen',
      dimensie: 'bron',
      sleutel: label,
      label,
      weken: [
        {
          week: '2026-W13',
          maandag: '2026-03-23',
          aantal: 0,
          verwacht: null,
          afwijking: nu ? 'onder' : null,
          signaal: nu,
        },
      ],
      signaleringen: Array.from({ length: runs }, () => ({
        vanaf: '2026-W12',
        tot: '2026-W13',
        richting: 'onder' as const,
        weken: 2,
      })),
    });
    expect(
      gesignaleerd([reeks('Politie', false, 1), reeks('Zorg', false, 0), reeks('Onderwijs', true, 1)]).map(
        (r) => r.label,
      ),
    ).toEqual(['Onderwijs', 'Politie']);
    // A running week after the flagged week raises no flag itself and does not end the current one.
    const metLopend = reeks('Onderwijs', true, 1);
    metLopend.weken.push({
      week: '2026-W14',
      maandag: '2026-03-30',
      aantal: 0,
      verwacht: null,
      afwijking: 'onder',
      signaal: false,
      lopend: { dagen: 2, tot: '2026-03-31' },
    });
    expect(actueleRun(metLopend)).toEqual({ vanaf: '2026-W12', tot: '2026-W13', richting: 'onder', weken: 2 });
  });
});

describe('CBS page', () => {
  it('lists every record that cannot be delivered with its reasons, and never the records', async () => {
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { createElement } = await import('react');
    const { CbsResultaat } = await import('./pages/Cbs.tsx');
    const html = renderToStaticMarkup(
      createElement(CbsResultaat, {
        kopRef: { current: null },
        l: {
          halfjaar: '2026H1',
          periode: { van: '2026-01-01', tot: '2026-06-30' },
          protocol: { versie: 'v2-2025', omschrijving: 'Bestandsdefinitie v5', zorgmeldingenPolitie: true },
          organisatie: 'VT-AA',
          aangemaaktOp: '2026-07-15',
          aantallen: { adviezen: 3, meldingen: 7, onderzoeken: 1, personen: 19, nietLeverbaar: 2, uitgesloten: 1 },
          records: { adviezen: [], meldingen: [], onderzoeken: [] },
          nietLeverbaar: [
            {
              soort: 'melding',
              nummer: 'ML0000009',
              redenen: [
                "geen CBS-code voor aanleiding 'andere_problematiek' in protocol v2-2025",
                'persoon zonder geboortedatum',
              ],
            },
            { soort: 'onderzoek', nummer: 'OZ0000002', redenen: ['uitkomst onbekend'] },
          ],
          uitgesloten: [
            {
              soort: 'melding',
              nummer: 'ML0000010',
              reden: 'zorgmelding politie zonder huiselijk geweld of kindermishandeling',
            },
          ],
          bestand: {
            naam: 'cbs-VT-AA-2026H1-v2-2025.txt',
            inhoud: 'VT;VT-AA;v2-2025;2026H1;20260715;3;7;1;19\r\nPS;ML0000002;734214108;19880312;V\r\n',
          },
        },
      }),
    );
    expect(html).toContain('Levering eerste halfjaar 2026, codetabel v2-2025');
    expect(html).toContain('Niet leverbaar (2)');
    expect(html).toContain('<th scope="row">ML0000009</th>');
    expect(html).toContain('geen CBS-code voor aanleiding &#x27;andere_problematiek&#x27; in protocol v2-2025');
    expect(html).toContain('persoon zonder geboortedatum');
    expect(html).toContain('Uitgesloten door een regel van het protocol (1)');
    expect(html).toContain('download="cbs-VT-AA-2026H1-v2-2025.txt"');
    // No BSN or other record content on the page: only in the downloaded file.
    expect(html).not.toContain('734214108');
    expect(html).not.toContain('cbs-v1-waarschuwing');
  });

  it('proposes the current protocol (v2), warns in red for v1, and names the options still without a code', async () => {
    const { renderToStaticMarkup } = await import('react-dom/server');
    const { createElement } = await import('react');
    const { OntbrekendeCodes, V1Waarschuwing } = await import('./pages/Cbs.tsx');
    const v1 = { versie: 'v1-2015', omschrijving: '2015', zorgmeldingenPolitie: false, metOpties: false, velden: [] };
    const v2 = {
      versie: 'v2-2025',
      omschrijving: 'v2',
      zorgmeldingenPolitie: true,
      metOpties: true,
      velden: [],
      opties: [
        {
          veld: 'aanleiding',
          optie: 'partnergeweld',
          label: '(Ex)Partnergeweld',
          cbsCode: '01',
          waarden: ['partnergeweld'],
        },
        { veld: 'geslacht', optie: 'O', label: 'Onbekend', cbsCode: null, waarden: ['O'] },
      ],
    };
    expect(standaardProtocol([v1, v2])).toBe('v2-2025');
    expect(standaardProtocol([v1])).toBe('v1-2015');
    expect(isV1(v1)).toBe(true);
    expect(isV1(v2)).toBe(false);
    expect(ontbrekendeOpties(v2).map((o) => o.optie)).toEqual(['O']);
    expect(protocolNaam(v1)).toBe('v1-2015 — historisch protocol 2015 (v1)');
    expect(protocolNaam(v2)).toBe('v2-2025 — huidig protocol (v2), nog 1 code in te vullen');
    const open = renderToStaticMarkup(createElement(OntbrekendeCodes, { p: v2 }));
    expect(open).toContain('1 van de 2 opties heeft nog geen CBS-code');
    expect(open).toContain('Geslacht: Onbekend');
    expect(renderToStaticMarkup(createElement(OntbrekendeCodes, { p: { ...v2, opties: [v2.opties[0]!] } }))).toBe('');
    const rood = renderToStaticMarkup(createElement(V1Waarschuwing, { versie: 'v1-2015' }));
    expect(rood).toContain('notice--error');
    expect(rood).toContain('historische protocol uit 2015');
  });
});
