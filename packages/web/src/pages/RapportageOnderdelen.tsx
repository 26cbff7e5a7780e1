// Half-year report: type geweld and melders, veiligheidsbeoordeling and afhandeling.
import { type KindGroep, type Telling } from '@voordeur/domain';
import { Figuur, StaafDiagram } from '../components/charts/Charts.tsx';
import { getal, type Punt } from '../components/charts/schaal.ts';
import { CijferTabel, Kerncijfers } from './RapportageDelen.tsx';
import { punt } from './RapportageModel.ts';
import { type Deel, getalTekst } from './RapportageRijen.tsx';
import { VerdelingFiguur } from './RapportageInstroom.tsx';

export function TypeEnMelders({ r, o }: Deel) {
  const mv = r.melders;
  const sub = (s: 'groepen' | 'professionals' | 'burgers') =>
    Object.fromEntries(
      (['totaal', 'metKinderen', 'zonderKinderen'] as KindGroep[]).map((kk) => [kk, { n: mv[kk].n, items: mv[kk][s] }]),
    ) as Record<KindGroep, { n: number | null; items: Telling[] }>;
  // The seed's headline: the largest melder group of the meldingen about households with children.
  const politie = mv.metKinderen.groepen.find((g) => g.code === 'politie');
  return (
    <section className="rapport-sectie" aria-labelledby="s-type">
      <h2 id="s-type">3 Type geweld en melders, met en zonder kinderen</h2>
      <p>
        Een melding gaat over een huishouden met kinderen als er op de dag van ontvangst een minderjarige in het
        huishouden is. Over huishoudens met kinderen: {getalTekst(r.meldingen.metKinderen)}; zonder kinderen:{' '}
        {getalTekst(r.meldingen.zonderKinderen)}.
        {politie?.percentage != null &&
          ` ${getal(politie.percentage)}% van de meldingen over huishoudens met kinderen komt van de politie.`}
      </p>
      <VerdelingFiguur
        titel="Welk type geweld wordt gemeld?"
        id="fig-type"
        groepen={r.typeGeweld}
        o={o}
        pad="typeGeweld"
        noot="Het totaal telt op tot meer dan 100%: per melding kunnen meerdere typen geweld worden gemeld."
      />
      <VerdelingFiguur
        titel="Wie melden er bij Veilig Thuis?"
        id="fig-melders"
        groepen={sub('groepen')}
        o={o}
        pad="melders"
        sub="groepen"
      />
      <VerdelingFiguur
        titel="Overige professionals naar sector (Meldcode)"
        id="fig-professionals"
        groepen={sub('professionals')}
        o={o}
        pad="melders"
        sub="professionals"
        noot="Percentages van alle meldingen in de groep."
      />
      <VerdelingFiguur
        titel="Burgers: wie meldt?"
        id="fig-burgers"
        groepen={sub('burgers')}
        o={o}
        pad="melders"
        sub="burgers"
        noot="Percentages van alle meldingen in de groep."
      />
    </section>
  );
}

export function Beoordeling({ r, o }: Deel) {
  return (
    <section className="rapport-sectie" aria-labelledby="s-beoordeling">
      <h2 id="s-beoordeling">4 Veiligheidsbeoordeling</h2>
      <p>Veiligheidsbeoordelingen vastgesteld in de periode (ongeacht de dag van ontvangst), naar uitkomst.</p>
      <VerdelingFiguur
        titel="Hoe wordt de veiligheid beoordeeld?"
        id="fig-beoordeling"
        groepen={r.veiligheidsbeoordeling}
        o={o}
        pad="veiligheidsbeoordeling"
      />
    </section>
  );
}

export function Afhandeling({ r, o }: Deel) {
  const af = r.afhandeling;
  const lijst = (items: Telling[], pad: string, n: string) =>
    items.map((t) => ({
      label: t.label,
      a: punt(t.aantal, o, `afhandeling.${pad}.${t.code}`),
      p: punt(t.percentage, o, `afhandeling.${pad}.${t.code}`, `afhandeling.${n}`),
    }));
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
      rijen={[
        ...rijen.map((x) => ({ label: x.label, cellen: [x.a, x.p] })),
        { label: 'Totaal', nadruk: true, cellen: [n, { waarde: null, status: 'nvt' }] },
      ]}
    />
  );
  const cr = af.casusregie;
  const lt = af.lokaalTeam;
  return (
    <section className="rapport-sectie" aria-labelledby="s-afhandeling">
      <h2 id="s-afhandeling">6 Overdrachten en afsluitingen</h2>
      <p>
        Een besluit is een overdracht of een afsluiting (niet het einde van de monitoring na een eerdere overdracht),
        geteld per melding op de dag ervan — direct na de veiligheidsbeoordeling of na een dienst.
      </p>
      <Kerncijfers
        label="Afhandeling"
        items={[
          {
            label: 'Casussen overgedragen of afgesloten',
            p: punt(af.casussen, o, 'afhandeling.casussen'),
            eenheid: 'aantal',
          },
          { label: 'Overdrachten', p: punt(af.overdrachten, o, 'afhandeling.overdrachten'), eenheid: 'aantal' },
          { label: 'Afsluitingen', p: punt(af.afsluitingen, o, 'afhandeling.afsluitingen'), eenheid: 'aantal' },
          {
            label: 'Casusregie: direct na de beoordeling',
            p: punt(
              cr.percentageDirectNaBeoordeling,
              o,
              'afhandeling.casusregie.overdrachten',
              'afhandeling.casusregie.directNaBeoordeling',
              'afhandeling.casusregie.naDienst',
            ),
            eenheid: 'procent',
            toelichting: `van ${getalTekst(cr.overdrachten)} overdrachten aan GI of lokaal team`,
          },
          {
            label: 'Lokaal team: al bekend',
            p: punt(
              lt.percentageReedsBekend,
              o,
              'afhandeling.lokaalTeam.overdrachten',
              'afhandeling.lokaalTeam.reedsBekend',
              'afhandeling.lokaalTeam.nietBekend',
            ),
            eenheid: 'procent',
            toelichting: `van ${getalTekst(lt.overdrachten)} overdrachten aan het lokaal team`,
          },
        ]}
      />
      <Figuur
        titel="Vervolg: aan wie is overgedragen of waarom is afgesloten?"
        id="fig-vervolg"
        tabel={tabel('Vervolg naar groep', groepen, punt(af.besluiten, o, 'afhandeling.besluiten'))}
      >
        <StaafDiagram
          titel="Vervolg naar groep, percentage van de besluiten"
          eenheid="procent"
          rijen={groepen.map((x) => ({ label: x.label, waarden: [x.p] }))}
        />
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
