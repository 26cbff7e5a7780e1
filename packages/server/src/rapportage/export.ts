// The half-year report as a table (one figure per row) for CSV and XLSX downloads.
// Columns: Onderdeel; Cijfer; Uitsplitsing; Maand; Gemeente; Waarde; Eenheid; Status.
// Status: 'onderdrukt' (small cell, see docs/statistics.md) or 'n.v.t.' (nothing to compute, e.g. a
// percentage of zero cases); empty when the value is published.
import type { HalfjaarRapport, Telling } from '@voordeur/domain';
import { csvBestand } from '../http/csv.ts';
import { xlsx, type XlsxCel } from './xlsx.ts';

export interface Rij {
  onderdeel: string;
  cijfer: string;
  uitsplitsing: string;
  maand: string;
  gemeente: string;
  waarde: number | null;
  eenheid: string;
  /** Paths of the counts this value is or is computed from (to mark suppression). */
  bron: string[];
}

export const KOLOMMEN = ['Onderdeel', 'Cijfer', 'Uitsplitsing', 'Maand', 'Gemeente', 'Waarde', 'Eenheid', 'Status'];
const KIND_LABEL = {
  totaal: 'alle huishoudens',
  metKinderen: 'met kinderen',
  zonderKinderen: 'zonder kinderen',
} as const;

export function rapportRijen(r: HalfjaarRapport): Rij[] {
  const rows: Rij[] = [];
  const gm = r.gemeente ? `${r.gemeente.naam} (${r.gemeente.code})` : 'regio';
  const push = (
    onderdeel: string,
    cijfer: string,
    uitsplitsing: string,
    waarde: number | null,
    eenheid: string,
    bron?: string | string[],
    maand = '',
    gemeente = gm,
  ) =>
    rows.push({
      onderdeel,
      cijfer,
      uitsplitsing,
      maand,
      gemeente,
      waarde,
      eenheid,
      bron: bron === undefined ? [] : Array.isArray(bron) ? bron : [bron],
    });

  const m = r.meldingen;
  push('Instroom', 'Meldingen', 'totaal', m.totaal, 'aantal', 'meldingen.totaal');
  push('Instroom', 'Meldingen', 'met kinderen', m.metKinderen, 'aantal', 'meldingen.metKinderen');
  push('Instroom', 'Meldingen', 'zonder kinderen', m.zonderKinderen, 'aantal', 'meldingen.zonderKinderen');
  push('Instroom', 'Meldingen', 'eigen regio', m.eigenRegio, 'aantal', 'meldingen.eigenRegio');
  push('Instroom', 'Meldingen', 'andere regio', m.andereRegio, 'aantal', 'meldingen.andereRegio');
  push('Instroom', 'Meldingen', 'regio onbekend', m.regioOnbekend, 'aantal', 'meldingen.regioOnbekend');
  push(
    'Instroom',
    'Meldingen',
    'eigen regio, gemeente onbekend',
    m.eigenRegioGemeenteOnbekend,
    'aantal',
    'meldingen.eigenRegioGemeenteOnbekend',
  );
  for (const pm of m.perMaand) {
    push('Instroom', 'Meldingen', 'totaal', pm.totaal, 'aantal', `meldingen.perMaand.${pm.maand}.totaal`, pm.maand);
    push(
      'Instroom',
      'Meldingen',
      'met kinderen',
      pm.metKinderen,
      'aantal',
      `meldingen.perMaand.${pm.maand}.metKinderen`,
      pm.maand,
    );
    push(
      'Instroom',
      'Meldingen',
      'zonder kinderen',
      pm.zonderKinderen,
      'aantal',
      `meldingen.perMaand.${pm.maand}.zonderKinderen`,
      pm.maand,
    );
  }
  const a = r.adviesvragen;
  push('Instroom', 'Adviesvragen', 'totaal', a.totaal, 'aantal', 'adviesvragen.totaal');
  push('Instroom', 'Adviesvragen', 'eigen regio', a.eigenRegio, 'aantal', 'adviesvragen.eigenRegio');
  push('Instroom', 'Adviesvragen', 'andere regio', a.andereRegio, 'aantal', 'adviesvragen.andereRegio');
  push('Instroom', 'Adviesvragen', 'regio onbekend', a.regioOnbekend, 'aantal', 'adviesvragen.regioOnbekend');
  push(
    'Instroom',
    'Adviesvragen',
    'waarvan omgezet in melding',
    a.omgezetInMelding,
    'aantal',
    'adviesvragen.omgezetInMelding',
  );
  for (const pm of a.perMaand)
    push(
      'Instroom',
      'Adviesvragen',
      'totaal',
      pm.totaal,
      'aantal',
      `adviesvragen.perMaand.${pm.maand}.totaal`,
      pm.maand,
    );

  for (const g of r.perGemeente) {
    const naam = `${g.naam} (${g.code})`;
    const pad = `perGemeente.${g.code}`;
    push('Per gemeente', 'Meldingen', 'totaal', g.meldingen, 'aantal', `${pad}.meldingen`, '', naam);
    push('Per gemeente', 'Meldingen', 'met kinderen', g.metKinderen, 'aantal', `${pad}.metKinderen`, '', naam);
    push('Per gemeente', 'Meldingen', 'zonder kinderen', g.zonderKinderen, 'aantal', `${pad}.zonderKinderen`, '', naam);
    push('Per gemeente', 'Adviesvragen', 'totaal', g.adviesvragen, 'aantal', `${pad}.adviesvragen`, '', naam);
    if (g.huishoudens) {
      push(
        'Per gemeente',
        `Huishoudens (${g.huishoudens.jaar})`,
        'alle huishoudens',
        g.huishoudens.totaal,
        'aantal',
        undefined,
        '',
        naam,
      );
      push(
        'Per gemeente',
        `Huishoudens (${g.huishoudens.jaar})`,
        'met kinderen',
        g.huishoudens.metKinderen,
        'aantal',
        undefined,
        '',
        naam,
      );
      push(
        'Per gemeente',
        `Huishoudens (${g.huishoudens.jaar})`,
        'zonder kinderen',
        g.huishoudens.zonderKinderen,
        'aantal',
        undefined,
        '',
        naam,
      );
    }
    for (const k of ['totaal', 'metKinderen', 'zonderKinderen'] as const) {
      push(
        'Per gemeente',
        'Meldingen per 1.000 huishoudens',
        KIND_LABEL[k],
        g.per1000?.[k] ?? null,
        'per 1.000 huishoudens',
        `${pad}.${k === 'totaal' ? 'meldingen' : k}`,
        '',
        naam,
      );
    }
  }
  for (const k of ['totaal', 'metKinderen', 'zonderKinderen'] as const) {
    push(
      'Per gemeente',
      `Meldingen per 1.000 huishoudens (${r.per1000.huishoudensJaren.join(', ') || 'geen telling'})`,
      KIND_LABEL[k],
      r.per1000[k],
      'per 1.000 huishoudens',
      k === 'totaal' ? 'meldingen.eigenRegio' : `meldingen.${k}`,
    );
  }

  const verdeling = (
    onderdeel: string,
    cijfer: string,
    uitsplitsing: string,
    n: number | null,
    items: Telling[],
    pad: string,
  ) => {
    push(onderdeel, cijfer, `${uitsplitsing}: aantal meldingen`, n, 'aantal', `${pad}.n`);
    for (const t of items) {
      push(onderdeel, `${cijfer}: ${t.label}`, uitsplitsing, t.aantal, 'aantal', `${pad}.${t.code}`);
      push(onderdeel, `${cijfer}: ${t.label}`, uitsplitsing, t.percentage, 'procent', [`${pad}.${t.code}`, `${pad}.n`]);
    }
  };
  for (const k of ['totaal', 'metKinderen', 'zonderKinderen'] as const) {
    verdeling('Type geweld', 'Type geweld', KIND_LABEL[k], r.typeGeweld[k].n, r.typeGeweld[k].items, `typeGeweld.${k}`);
  }
  for (const k of ['totaal', 'metKinderen', 'zonderKinderen'] as const) {
    const mv = r.melders[k];
    push('Melders', 'Melders', `${KIND_LABEL[k]}: aantal meldingen`, mv.n, 'aantal', `melders.${k}.n`);
    for (const [sub, items] of [
      ['groepen', mv.groepen],
      ['professionals', mv.professionals],
      ['burgers', mv.burgers],
    ] as const) {
      for (const t of items) {
        const cijfer =
          sub === 'groepen'
            ? `Melder: ${t.label}`
            : sub === 'professionals'
              ? `Overige professionals: ${t.label}`
              : `Burgers: ${t.label}`;
        push('Melders', cijfer, KIND_LABEL[k], t.aantal, 'aantal', `melders.${k}.${sub}.${t.code}`);
        push('Melders', cijfer, KIND_LABEL[k], t.percentage, 'procent', [
          `melders.${k}.${sub}.${t.code}`,
          `melders.${k}.n`,
        ]);
      }
    }
  }
  for (const k of ['totaal', 'metKinderen', 'zonderKinderen'] as const) {
    verdeling(
      'Veiligheidsbeoordeling',
      'Uitkomst',
      KIND_LABEL[k],
      r.veiligheidsbeoordeling[k].n,
      r.veiligheidsbeoordeling[k].items,
      `veiligheidsbeoordeling.${k}`,
    );
  }

  const db = r.doorlooptijdBeoordeling;
  const beo = (d: typeof db | (typeof db.perMaand)[number], pad: string, maand = '') => {
    push('Doorlooptijd veiligheidsbeoordeling', 'Beoordelingen', 'totaal', d.n, 'aantal', `${pad}.n`, maand);
    push(
      'Doorlooptijd veiligheidsbeoordeling',
      'Gemiddeld aantal werkdagen tot de beoordeling',
      'totaal',
      d.gemiddeldWerkdagen,
      'werkdagen',
      `${pad}.n`,
      maand,
    );
    push(
      'Doorlooptijd veiligheidsbeoordeling',
      `Binnen ${db.termijnWerkdagen} werkdagen`,
      'totaal',
      d.binnenTermijn,
      'aantal',
      `${pad}.binnenTermijn`,
      maand,
    );
    push(
      'Doorlooptijd veiligheidsbeoordeling',
      `Binnen ${db.termijnWerkdagen} werkdagen`,
      'totaal',
      d.percentageBinnenTermijn,
      'procent',
      [`${pad}.n`, `${pad}.binnenTermijn`, `${pad}.buitenTermijn`],
      maand,
    );
  };
  beo(db, 'doorlooptijdBeoordeling');
  for (const pm of db.perMaand) beo(pm, `doorlooptijdBeoordeling.perMaand.${pm.maand}`, pm.maand);
  const dd = r.doorlooptijdDiensten;
  const dienst = (
    d: {
      n: number | null;
      gemiddeldWeken: number | null;
      binnenTermijn: number | null;
      percentageBinnenTermijn: number | null;
    },
    pad: string,
    soort: string,
    maand = '',
  ) => {
    push('Doorlooptijd diensten', 'Afgesloten diensten', soort, d.n, 'aantal', `${pad}.n`, maand);
    push(
      'Doorlooptijd diensten',
      'Gemiddeld aantal weken van beoordeling tot afsluiten dienst',
      soort,
      d.gemiddeldWeken,
      'weken',
      `${pad}.n`,
      maand,
    );
    push(
      'Doorlooptijd diensten',
      `Binnen ${dd.termijnWeken} weken`,
      soort,
      d.binnenTermijn,
      'aantal',
      `${pad}.binnenTermijn`,
      maand,
    );
    push(
      'Doorlooptijd diensten',
      `Binnen ${dd.termijnWeken} weken`,
      soort,
      d.percentageBinnenTermijn,
      'procent',
      [`${pad}.n`, `${pad}.binnenTermijn`, `${pad}.buitenTermijn`],
      maand,
    );
  };
  dienst(dd, 'doorlooptijdDiensten', 'beide diensten');
  for (const s of dd.perSoort) dienst(s, `doorlooptijdDiensten.perSoort.${s.code}`, s.label);
  for (const pm of dd.perMaand) dienst(pm, `doorlooptijdDiensten.perMaand.${pm.maand}`, 'beide diensten', pm.maand);

  const af = r.afhandeling;
  push('Afhandeling', 'Casussen overgedragen of afgesloten', 'totaal', af.casussen, 'aantal', 'afhandeling.casussen');
  push(
    'Afhandeling',
    'Besluiten (overdracht of afsluiting per melding)',
    'totaal',
    af.besluiten,
    'aantal',
    'afhandeling.besluiten',
  );
  push('Afhandeling', 'Overdrachten', 'totaal', af.overdrachten, 'aantal', 'afhandeling.overdrachten');
  push('Afhandeling', 'Afsluitingen', 'totaal', af.afsluitingen, 'aantal', 'afhandeling.afsluitingen');
  for (const [cijfer, items, pad, n] of [
    ['Vervolg', af.groepen, 'groepen', 'besluiten'],
    ['Overdracht aan', af.perOntvanger, 'perOntvanger', 'overdrachten'],
    ['Afgesloten wegens', af.perAfsluitreden, 'perAfsluitreden', 'afsluitingen'],
  ] as const) {
    for (const t of items) {
      push('Afhandeling', `${cijfer}: ${t.label}`, 'totaal', t.aantal, 'aantal', `afhandeling.${pad}.${t.code}`);
      push('Afhandeling', `${cijfer}: ${t.label}`, 'totaal', t.percentage, 'procent', [
        `afhandeling.${pad}.${t.code}`,
        `afhandeling.${n}`,
      ]);
    }
  }
  push(
    'Afhandeling',
    'Overdrachten met casusregie (GI / lokaal team)',
    'totaal',
    af.casusregie.overdrachten,
    'aantal',
    'afhandeling.casusregie.overdrachten',
  );
  push(
    'Afhandeling',
    'Waarvan direct na de veiligheidsbeoordeling',
    'totaal',
    af.casusregie.directNaBeoordeling,
    'aantal',
    'afhandeling.casusregie.directNaBeoordeling',
  );
  push(
    'Afhandeling',
    'Waarvan direct na de veiligheidsbeoordeling',
    'totaal',
    af.casusregie.percentageDirectNaBeoordeling,
    'procent',
    [
      'afhandeling.casusregie.overdrachten',
      'afhandeling.casusregie.directNaBeoordeling',
      'afhandeling.casusregie.naDienst',
    ],
  );
  push(
    'Afhandeling',
    'Overdrachten aan het lokaal team',
    'totaal',
    af.lokaalTeam.overdrachten,
    'aantal',
    'afhandeling.lokaalTeam.overdrachten',
  );
  push(
    'Afhandeling',
    'Waarvan al bekend bij het lokaal team',
    'totaal',
    af.lokaalTeam.reedsBekend,
    'aantal',
    'afhandeling.lokaalTeam.reedsBekend',
  );
  push(
    'Afhandeling',
    'Waarvan al bekend bij het lokaal team',
    'totaal',
    af.lokaalTeam.percentageReedsBekend,
    'procent',
    ['afhandeling.lokaalTeam.overdrachten', 'afhandeling.lokaalTeam.reedsBekend', 'afhandeling.lokaalTeam.nietBekend'],
  );
  return rows;
}

function status(row: Rij, onderdrukt: Set<string>): string {
  if (row.waarde !== null) return '';
  return row.bron.some((b) => onderdrukt.has(b)) ? 'onderdrukt' : 'n.v.t.';
}

function tabel(r: HalfjaarRapport): Array<Array<string | number | null>> {
  const onderdrukt = new Set(r.onderdrukking.cellen);
  return rapportRijen(r).map((x) => [
    x.onderdeel,
    x.cijfer,
    x.uitsplitsing,
    x.maand,
    x.gemeente,
    x.waarde,
    x.eenheid,
    status(x, onderdrukt),
  ]);
}

const titel = (r: HalfjaarRapport) =>
  `${r.periode.halfjaar ?? `${r.periode.van} t/m ${r.periode.tot}`}${r.gemeente ? `-${r.gemeente.code}` : ''}`;
export const bestandsnaam = (r: HalfjaarRapport, ext: string) => `halfjaarrapportage-${titel(r)}.${ext}`;

/**
 * One CSV cell: a number as the report has it (already rounded exactly, halfjaar.ts breuk1) with a
 * decimal comma, text quoted when needed, null empty.
 */
export function csvWaarde(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v).replace('.', ',');
  return /[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** CSV for Dutch spreadsheets: UTF-8 with BOM, ';' between fields, decimal comma, CRLF. */
export function rapportCsv(r: HalfjaarRapport): string {
  return csvBestand([KOLOMMEN, ...tabel(r)]);
}

export function rapportXlsx(r: HalfjaarRapport): Buffer {
  const toelichting: XlsxCel[][] = [
    ['Halfjaarrapportage Veilig Thuis', ''],
    ['Periode', `${r.periode.van} t/m ${r.periode.tot}${r.periode.halfjaar ? ` (${r.periode.halfjaar})` : ''}`],
    ['Gebied', r.gemeente ? `${r.gemeente.naam} (${r.gemeente.code})` : 'hele regio'],
    ...(r.periode.lopend
      ? [
          [
            'Lopende periode',
            `De periode loopt nog: cijfers tot en met ${r.periode.lopend.peildatum}; de lopende maand is niet compleet.${r.periode.lopend.nogNiet.length ? ` Nog niet (geen cijfer, niet 0): ${r.periode.lopend.nogNiet.join(', ')}.` : ''}`,
          ] as XlsxCel[],
        ]
      : []),
    ['Meldingen', r.regels.meldingen],
    [
      'Huishoudens',
      `Telling van ${r.regels.huishoudensJaar}, of het laatste eerdere jaar; gebruikt: ${r.per1000.huishoudensJaren.join(', ') || 'geen'}`,
    ],
    [
      'Onderdrukking',
      r.onderdrukking.drempel > 1
        ? `Aantallen kleiner dan ${r.onderdrukking.drempel} (en aantallen waaruit die zijn terug te rekenen) zijn weggelaten: ${r.onderdrukking.cellen.length} cellen, status 'onderdrukt'.`
        : 'Geen (alle aantallen gepubliceerd).',
    ],
    ['Definities', 'docs/statistics.md: elk cijfer met de datum die telt en de rekenregel.'],
  ];
  const gemeenten: XlsxCel[][] = [
    [
      'Gemeente',
      'Code',
      'Meldingen',
      'Met kinderen',
      'Zonder kinderen',
      'Adviesvragen',
      'Jaar huishoudens',
      'Huishoudens',
      'Per 1.000 huishoudens',
      'Per 1.000 met kinderen',
      'Per 1.000 zonder kinderen',
    ],
    ...r.perGemeente.map((g) => [
      g.naam,
      g.code,
      g.meldingen,
      g.metKinderen,
      g.zonderKinderen,
      g.adviesvragen,
      g.huishoudens?.jaar ?? null,
      g.huishoudens?.totaal ?? null,
      g.per1000?.totaal ?? null,
      g.per1000?.metKinderen ?? null,
      g.per1000?.zonderKinderen ?? null,
    ]),
  ];
  const maanden: XlsxCel[][] = [
    [
      'Maand',
      'Meldingen',
      'Adviesvragen',
      'Beoordelingen',
      'Gem. werkdagen tot beoordeling',
      '% binnen 5 werkdagen',
      'Afgesloten diensten',
      'Gem. weken dienst',
      '% binnen 10 weken',
    ],
    ...r.periode.maanden.map((m, i) => {
      const b = r.doorlooptijdBeoordeling.perMaand[i]!;
      const d = r.doorlooptijdDiensten.perMaand[i]!;
      return [
        m,
        r.meldingen.perMaand[i]!.totaal,
        r.adviesvragen.perMaand[i]!.totaal,
        b.n,
        b.gemiddeldWerkdagen,
        b.percentageBinnenTermijn,
        d.n,
        d.gemiddeldWeken,
        d.percentageBinnenTermijn,
      ];
    }),
  ];
  return xlsx([
    { naam: 'Cijfers', rijen: [KOLOMMEN, ...tabel(r)], breedtes: [30, 55, 32, 9, 24, 10, 20, 11] },
    { naam: 'Per gemeente', rijen: gemeenten, breedtes: [18, 9, 11, 13, 15, 13, 16, 12, 20, 22, 24] },
    { naam: 'Per maand', rijen: maanden, breedtes: [9, 11, 13, 14, 28, 20, 19, 17, 17] },
    { naam: 'Toelichting', rijen: toelichting, breedtes: [16, 120] },
  ]);
}
