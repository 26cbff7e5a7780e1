// Half-year report: the statutory terms per month and the distribution of werkdagen.
import { Figuur, LijnDiagram, StaafDiagram } from '../components/charts/Charts.tsx';
import { CijferTabel, Kerncijfers } from './RapportageDelen.tsx';
import { maandLabel, maandNaam, periodeMaanden, punt, verdelingInBakken } from './RapportageModel.ts';
import { type Deel, NOG_NIET, perMaand } from './RapportageRijen.tsx';

export function Termijnen({ r, o }: Deel) {
  const b = r.doorlooptijdBeoordeling;
  const d = r.doorlooptijdDiensten;
  const bp = (m: string) => `doorlooptijdBeoordeling.perMaand.${m}`;
  const dp = (m: string) => `doorlooptijdDiensten.perMaand.${m}`;
  const alle = periodeMaanden(r.periode);
  const peil = r.periode.lopend?.peildatum;
  const xl = alle.map((m) => maandNaam(m.maand, true));
  const xn = alle.map((m) => maandLabel(m));
  const bPct = perMaand(alle, b.perMaand, (pm) =>
    punt(
      pm.percentageBinnenTermijn,
      o,
      `${bp(pm.maand)}.n`,
      `${bp(pm.maand)}.binnenTermijn`,
      `${bp(pm.maand)}.buitenTermijn`,
    ),
  );
  const bGem = perMaand(alle, b.perMaand, (pm) => punt(pm.gemiddeldWerkdagen, o, `${bp(pm.maand)}.n`));
  const dPct = perMaand(alle, d.perMaand, (pm) =>
    punt(
      pm.percentageBinnenTermijn,
      o,
      `${dp(pm.maand)}.n`,
      `${dp(pm.maand)}.binnenTermijn`,
      `${dp(pm.maand)}.buitenTermijn`,
    ),
  );
  const dGem = perMaand(alle, d.perMaand, (pm) => punt(pm.gemiddeldWeken, o, `${dp(pm.maand)}.n`));
  const nogNietRijen = alle
    .filter((m) => m.staat === 'nogNiet')
    .map((m) => ({ label: maandLabel(m), cellen: [NOG_NIET, NOG_NIET, NOG_NIET, NOG_NIET] }));
  const bakken = verdelingInBakken(b.verdeling, o);
  return (
    <section className="rapport-sectie" aria-labelledby="s-termijnen">
      <h2 id="s-termijnen">5 Wettelijke termijnen</h2>
      <h3>Doorlooptijd van de veiligheidsbeoordeling</h3>
      <p>
        Werkdagen na de dag van ontvangst tot en met de dag van de beoordeling (ontvangstdag = dag 0; weekend en
        feestdagen van de Algemene termijnenwet tellen niet). Termijn: {b.termijnWerkdagen} werkdagen. Per maand van de
        beoordeling.
      </p>
      <Kerncijfers
        label="Veiligheidsbeoordeling"
        items={[
          { label: 'Beoordelingen', p: punt(b.n, o, 'doorlooptijdBeoordeling.n'), eenheid: 'aantal' },
          {
            label: `Binnen ${b.termijnWerkdagen} werkdagen`,
            p: punt(
              b.percentageBinnenTermijn,
              o,
              'doorlooptijdBeoordeling.n',
              'doorlooptijdBeoordeling.binnenTermijn',
              'doorlooptijdBeoordeling.buitenTermijn',
            ),
            eenheid: 'procent',
          },
          {
            label: 'Gemiddeld aantal werkdagen',
            p: punt(b.gemiddeldWerkdagen, o, 'doorlooptijdBeoordeling.n'),
            eenheid: 'werkdagen',
          },
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
              punt(
                pm.percentageBinnenTermijn,
                o,
                `${bp(pm.maand)}.n`,
                `${bp(pm.maand)}.binnenTermijn`,
                `${bp(pm.maand)}.buitenTermijn`,
              ),
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
              punt(
                b.percentageBinnenTermijn,
                o,
                'doorlooptijdBeoordeling.n',
                'doorlooptijdBeoordeling.binnenTermijn',
                'doorlooptijdBeoordeling.buitenTermijn',
              ),
              punt(b.gemiddeldWerkdagen, o, 'doorlooptijdBeoordeling.n'),
            ],
          },
        ]}
      />
      <Figuur
        titel="Beoordelingen naar aantal werkdagen"
        id="fig-werkdagen"
        tabel={
          <CijferTabel
            titel="Beoordelingen naar aantal werkdagen"
            eersteKop="Werkdagen"
            kolommen={[{ kop: 'Beoordelingen', eenheid: 'aantal' }]}
            rijen={bakken.map((x) => ({ label: x.label, cellen: [x.p] }))}
          />
        }
      >
        <StaafDiagram
          titel="Beoordelingen naar aantal werkdagen tot de beoordeling"
          eenheid="aantal"
          rijen={bakken.map((x) => ({ label: x.label, waarden: [x.p] }))}
          markeer={(i) => i <= 5}
        />
      </Figuur>

      <h3>Doorlooptijd van de diensten Voorwaarden en Vervolg en Onderzoek</h3>
      <p>
        Kalenderdagen van de dag van de veiligheidsbeoordeling tot de dag waarop de dienst is afgesloten, in weken.
        Termijn: {d.termijnWeken} weken. Per maand van afsluiten; lopende diensten tellen nog niet mee.
      </p>
      <Kerncijfers
        label="Diensten"
        items={[
          { label: 'Afgesloten diensten', p: punt(d.n, o, 'doorlooptijdDiensten.n'), eenheid: 'aantal' },
          {
            label: `Binnen ${d.termijnWeken} weken`,
            p: punt(
              d.percentageBinnenTermijn,
              o,
              'doorlooptijdDiensten.n',
              'doorlooptijdDiensten.binnenTermijn',
              'doorlooptijdDiensten.buitenTermijn',
            ),
            eenheid: 'procent',
          },
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
            cellen: [
              punt(pm.n, o, `${dp(pm.maand)}.n`),
              punt(pm.binnenTermijn, o, `${dp(pm.maand)}.binnenTermijn`),
              punt(
                pm.percentageBinnenTermijn,
                o,
                `${dp(pm.maand)}.n`,
                `${dp(pm.maand)}.binnenTermijn`,
                `${dp(pm.maand)}.buitenTermijn`,
              ),
              punt(pm.gemiddeldWeken, o, `${dp(pm.maand)}.n`),
            ],
          })),
          ...nogNietRijen,
          ...d.perSoort.map((s) => {
            const sp = `doorlooptijdDiensten.perSoort.${s.code}`;
            return {
              label: s.label,
              cellen: [
                punt(s.n, o, `${sp}.n`),
                punt(s.binnenTermijn, o, `${sp}.binnenTermijn`),
                punt(s.percentageBinnenTermijn, o, `${sp}.n`, `${sp}.binnenTermijn`, `${sp}.buitenTermijn`),
                punt(s.gemiddeldWeken, o, `${sp}.n`),
              ],
            };
          }),
          {
            label: 'Beide diensten, periode',
            nadruk: true,
            cellen: [
              punt(d.n, o, 'doorlooptijdDiensten.n'),
              punt(d.binnenTermijn, o, 'doorlooptijdDiensten.binnenTermijn'),
              punt(
                d.percentageBinnenTermijn,
                o,
                'doorlooptijdDiensten.n',
                'doorlooptijdDiensten.binnenTermijn',
                'doorlooptijdDiensten.buitenTermijn',
              ),
              punt(d.gemiddeldWeken, o, 'doorlooptijdDiensten.n'),
            ],
          },
        ]}
      />
    </section>
  );
}
