// Half-year report: inflow (per month, per source) and the figures per gemeente.
import { type HalfjaarRapport, type KindGroep, type Telling } from '@voordeur/domain';
import { Figuur, LijnDiagram, StaafDiagram } from '../components/charts/Charts.tsx';
import { type Punt } from '../components/charts/schaal.ts';
import { CijferTabel, Kerncijfers, type Kolom } from './RapportageDelen.tsx';
import { maandLabel, maandNaam, periodeMaanden, punt } from './RapportageModel.ts';
import { KIND_NAAM, type Deel, perMaand, LopendNoot } from './RapportageRijen.tsx';

export function Instroom({ r, o }: Deel) {
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
          {
            label: 'Over huishoudens met kinderen',
            p: punt(m.metKinderen, o, 'meldingen.metKinderen'),
            eenheid: 'aantal',
          },
          {
            label: 'Over huishoudens zonder kinderen',
            p: punt(m.zonderKinderen, o, 'meldingen.zonderKinderen'),
            eenheid: 'aantal',
          },
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
          {
            label: 'Eigen regio',
            cellen: [punt(m.eigenRegio, o, 'meldingen.eigenRegio'), punt(a.eigenRegio, o, 'adviesvragen.eigenRegio')],
          },
          {
            label: 'Andere regio',
            cellen: [
              punt(m.andereRegio, o, 'meldingen.andereRegio'),
              punt(a.andereRegio, o, 'adviesvragen.andereRegio'),
            ],
          },
          {
            label: 'Regio onbekend',
            cellen: [
              punt(m.regioOnbekend, o, 'meldingen.regioOnbekend'),
              punt(a.regioOnbekend, o, 'adviesvragen.regioOnbekend'),
            ],
          },
          {
            label: 'Eigen regio, gemeente onbekend',
            cellen: [
              punt(m.eigenRegioGemeenteOnbekend, o, 'meldingen.eigenRegioGemeenteOnbekend'),
              { waarde: null, status: 'nvt' },
            ],
          },
          {
            label: 'Adviesvragen omgezet in een melding',
            cellen: [{ waarde: null, status: 'nvt' }, punt(a.omgezetInMelding, o, 'adviesvragen.omgezetInMelding')],
          },
          {
            label: 'Totaal',
            nadruk: true,
            cellen: [punt(m.totaal, o, 'meldingen.totaal'), punt(a.totaal, o, 'adviesvragen.totaal')],
          },
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
            rijen={alle.map((x, i) => ({
              label: maandLabel(x),
              cellen: [meldingen[i]!, met[i]!, zonder[i]!, advies[i]!],
            }))}
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

export function PerGemeente({ r, o }: Deel) {
  const g = r.perGemeente;
  const gp = (code: string, k: string) => `perGemeente.${code}.${k}`;
  const regio = r.per1000;
  const per1000Rij = (k: 'totaal' | 'metKinderen' | 'zonderKinderen') =>
    g.map((x) =>
      x.per1000
        ? punt(x.per1000[k], o, gp(x.code, k === 'totaal' ? 'meldingen' : k))
        : ({ waarde: null, status: 'nvt' } as Punt),
    );
  const regioRij = (k: 'totaal' | 'metKinderen' | 'zonderKinderen') =>
    punt(regio[k], o, k === 'totaal' ? 'meldingen.eigenRegio' : `meldingen.${k}`);
  const toonRegio = !r.gemeente;
  const jaren = regio.huishoudensJaren.join(', ') || 'geen telling';
  return (
    <section className="rapport-sectie" aria-labelledby="s-gemeente">
      <h2 id="s-gemeente">2 Meldingen per gemeente en per 1.000 huishoudens</h2>
      <p>
        Meldingen en adviesvragen over personen die wonen of verblijven in de gemeente (eigen regio). Per 1.000
        huishoudens: het aantal meldingen gedeeld door het aantal huishoudens volgens het CBS ({jaren}), voor de gekozen
        periode (niet omgerekend naar een jaar).
      </p>
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
              cellen: [
                punt(x.meldingen, o, gp(x.code, 'meldingen')),
                punt(x.metKinderen, o, gp(x.code, 'metKinderen')),
                punt(x.zonderKinderen, o, gp(x.code, 'zonderKinderen')),
                punt(x.adviesvragen, o, gp(x.code, 'adviesvragen')),
              ],
            }))}
          />
        }
      >
        <StaafDiagram
          titel="Meldingen en adviesvragen per gemeente"
          eenheid="aantal"
          reeksen={['Meldingen', 'Adviesvragen']}
          rijen={g.map((x) => ({
            label: x.naam,
            waarden: [
              punt(x.meldingen, o, gp(x.code, 'meldingen')),
              punt(x.adviesvragen, o, gp(x.code, 'adviesvragen')),
            ],
          }))}
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
                cellen: [
                  punt(x.meldingen, o, gp(x.code, 'meldingen')),
                  x.huishoudens ? { waarde: x.huishoudens.totaal } : ({ waarde: null, status: 'nvt' } as Punt),
                  per1000Rij('totaal')[g.indexOf(x)]!,
                ],
              })),
              ...(toonRegio
                ? [
                    {
                      label: 'Regio',
                      nadruk: true,
                      cellen: [
                        punt(r.meldingen.eigenRegio, o, 'meldingen.eigenRegio'),
                        { waarde: g.reduce((s, x) => s + (x.huishoudens?.totaal ?? 0), 0) },
                        regioRij('totaal'),
                      ],
                    },
                  ]
                : []),
            ]}
          />
        }
      >
        <StaafDiagram
          titel="Meldingen per 1.000 huishoudens"
          eenheid="per1000"
          rijen={[
            ...g.map((x, i) => ({ label: x.naam, waarden: [per1000Rij('totaal')[i]!] })),
            ...(toonRegio ? [{ label: 'Regio', waarden: [regioRij('totaal')] }] : []),
          ]}
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
              ...g.map((x, i) => ({
                label: x.naam,
                cellen: [per1000Rij('metKinderen')[i]!, per1000Rij('zonderKinderen')[i]!],
              })),
              ...(toonRegio
                ? [{ label: 'Regio', nadruk: true, cellen: [regioRij('metKinderen'), regioRij('zonderKinderen')] }]
                : []),
            ]}
          />
        }
      >
        <StaafDiagram
          titel="Meldingen per 1.000 huishoudens met en zonder kinderen"
          eenheid="per1000"
          reeksen={['Met kinderen', 'Zonder kinderen']}
          rijen={[
            ...g.map((x, i) => ({
              label: x.naam,
              waarden: [per1000Rij('metKinderen')[i]!, per1000Rij('zonderKinderen')[i]!],
            })),
            ...(toonRegio ? [{ label: 'Regio', waarden: [regioRij('metKinderen'), regioRij('zonderKinderen')] }] : []),
          ]}
        />
      </Figuur>
    </section>
  );
}

/** A distribution (Telling[]) per children group as chart + table (aantal and % per group). */
export function VerdelingFiguur({
  titel,
  id,
  groepen,
  o,
  pad,
  sub,
  noot,
}: {
  titel: string;
  id: string;
  groepen: Record<KindGroep, { n: number | null; items: Telling[] }>;
  o: ReadonlySet<string>;
  pad: string;
  sub?: string;
  noot?: string;
}) {
  const kinderen: KindGroep[] = ['metKinderen', 'zonderKinderen'];
  const p = (kk: KindGroep, t: Telling) =>
    punt(t.percentage, o, `${pad}.${kk}${sub ? `.${sub}` : ''}.${t.code}`, `${pad}.${kk}.n`);
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
            ...items.map((t) => ({
              label: t.label,
              cellen: (['metKinderen', 'zonderKinderen', 'totaal'] as KindGroep[]).flatMap((kk) => [
                a(kk, item(kk, t.code)),
                p(kk, item(kk, t.code)),
              ]),
            })),
            {
              label: 'Aantal meldingen (n)',
              nadruk: true,
              cellen: (['metKinderen', 'zonderKinderen', 'totaal'] as KindGroep[]).flatMap((kk) => [
                punt(groepen[kk].n, o, `${pad}.${kk}.n`),
                { waarde: null, status: 'nvt' } as Punt,
              ]),
            },
          ]}
        />
      }
    >
      <StaafDiagram
        titel={titel}
        eenheid="procent"
        reeksen={kinderen.map((k) => KIND_NAAM[k])}
        rijen={items.map((t) => ({ label: t.label, waarden: kinderen.map((kk) => p(kk, item(kk, t.code))) }))}
      />
    </Figuur>
  );
}
