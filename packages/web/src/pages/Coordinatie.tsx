// Coördinatie: the view for the municipality's coordination team (seed 003: a daily report from all
// organisations) — weekly totals of meldingen and adviesvragen against their bands, the meldingen
// per source with band and flag, the signal shares, the current flags. Figures and trends only:
// GET /api/rapportage/coordinatie returns no personal data.
import { useMemo } from 'react';
import { BandLegenda } from '../components/charts/Charts.tsx';
import { Notice } from '../components/forms.tsx';
import { useLocation } from '../router.tsx';
import { useApi } from '../useApi.ts';
import {
  BandFiguur,
  bandPunten,
  LopendeWeekNoot,
  MethodeUitleg,
  monitoringQuery,
  ReeksenSectie,
  SignalenSectie,
  WekenFormulier,
} from './Monitoring.tsx';
import { Kerncijfers, OnderdrukkingNoot, RapportageNav } from './RapportageDelen.tsx';
import type { Coordinatie } from '@voordeur/domain';
import { afwijkingVan, bandTekst, datumLang, runsUitWeken, signaleringTekst, weekNaam } from './RapportageModel.ts';

export function CoordinatiePage() {
  const loc = useLocation();
  const keuze = useMemo(() => {
    const d = (s: string | null) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : '');
    const sup = loc.search.get('suppress') ?? '';
    return { van: d(loc.search.get('van')), tot: d(loc.search.get('tot')), suppress: /^\d{1,3}$/.test(sup) ? sup : '' };
  }, [loc.href]);
  const q = monitoringQuery(keuze);
  const c = useApi<Coordinatie>(`/api/rapportage/coordinatie${q ? `?${q}` : ''}`);
  return (
    <>
      <h1>Coördinatie</h1>
      <RapportageNav />
      <p className="lead">
        Overzicht voor het coördinatieteam van de gemeente: hoeveel meldingen en adviesvragen er per week binnenkomen,
        van wie, met welke signalen, en of dat afwijkt van wat normaal is. Alleen cijfers en trends, geen
        persoonsgegevens.
      </p>
      {(c.data || c.error) && (
        <WekenFormulier key={loc.href} pad="/coordinatie" keuze={keuze} periode={c.data?.periode} />
      )}
      {c.error && <Notice kind="error">Het overzicht kon niet worden geladen: {c.error.message}</Notice>}
      {!c.data && !c.error && <p aria-live="polite">Overzicht wordt berekend…</p>}
      {c.data && <CoordinatieInhoud c={c.data} bezig={c.loading} />}
    </>
  );
}

function CoordinatieInhoud({ c, bezig }: { c: Coordinatie; bezig: boolean }) {
  const weken = c.periode.weken;
  // The running week (counted up to today) and the last complete week: the coordination team's view of now.
  const nu = c.weken[c.weken.length - 1]?.lopend ? c.weken[c.weken.length - 1] : undefined;
  const laatste = nu ? c.weken[c.weken.length - 2] : c.weken[c.weken.length - 1];
  const totaalPunten = (k: 'meldingen' | 'adviesvragen') =>
    bandPunten(
      c.weken.map((w) => {
        const band = k === 'meldingen' ? w.meldingenVerwacht : w.adviesvragenVerwacht;
        const aantal = w[k];
        return {
          aantal,
          laag: band?.laag ?? null,
          hoog: band?.hoog ?? null,
          afwijking: afwijkingVan(aantal, band?.laag ?? null, band?.hoog ?? null),
          lopend: !!w.lopend,
        };
      }),
    );
  const bronnen = c.bronnen.map((b) => {
    const wk = b.weken.map((w) => ({ ...w, afwijking: afwijkingVan(w.aantal, w.laag, w.hoog) }));
    const runs = runsUitWeken(wk);
    const actueel = wk.filter((w) => !w.lopend).at(-1)?.signaal ? (runs[runs.length - 1] ?? null) : null;
    return { sleutel: b.sleutel, label: b.label, punten: bandPunten(wk), signaleringen: runs, actueel };
  });
  const zonderBand = c.weken.every((w) => !w.meldingenVerwacht);
  const totaalMeldingen = totaalPunten('meldingen');
  const totaalAdvies = totaalPunten('adviesvragen');
  const verwacht = (b: { laag: number; hoog: number } | null | undefined, totNu = false) =>
    b ? `verwacht ${totNu ? 'tot nu ' : ''}${bandTekst(b)}` : 'nog geen verwachte band';
  return (
    <div aria-busy={bezig || undefined} data-testid="coordinatie">
      <p className="rapport-periode">
        <strong>Periode:</strong> {weekNaam(weken[0]!)} t/m {weekNaam(weken[weken.length - 1]!)}
        {c.periode.lopend ? ' (lopend)' : ''} ({datumLang(c.periode.van)} t/m {datumLang(c.periode.tot)}).{' '}
        {c.toelichting}
      </p>
      <LopendeWeekNoot lopend={c.periode.lopend} />
      <OnderdrukkingNoot o={c.onderdrukking} />
      <MethodeUitleg methode={c.methode} zonderBand={zonderBand} />
      <section className="rapport-sectie" aria-labelledby="s-nu">
        <h2 id="s-nu">
          {nu
            ? `Deze week (${weekNaam(nu.week)}, lopend) en de laatste volledige week`
            : `De laatste week: ${laatste ? weekNaam(laatste.week) : '–'}`}
        </h2>
        <Kerncijfers
          label={nu ? 'Deze week en de laatste volledige week' : 'De laatste week'}
          items={[
            ...(nu
              ? [
                  {
                    label: 'Meldingen deze week tot nu',
                    p: { waarde: nu.meldingen, status: 'onderdrukt' as const },
                    eenheid: 'aantal' as const,
                    toelichting: verwacht(nu.meldingenVerwacht, true),
                  },
                  {
                    label: 'Adviesvragen deze week tot nu',
                    p: { waarde: nu.adviesvragen, status: 'onderdrukt' as const },
                    eenheid: 'aantal' as const,
                    toelichting: verwacht(nu.adviesvragenVerwacht, true),
                  },
                ]
              : []),
            {
              label: nu ? `Meldingen ${laatste ? weekNaam(laatste.week) : ''}` : 'Meldingen',
              p: { waarde: laatste?.meldingen ?? null, status: 'onderdrukt' },
              eenheid: 'aantal',
              toelichting: verwacht(laatste?.meldingenVerwacht),
            },
            {
              label: nu ? `Adviesvragen ${laatste ? weekNaam(laatste.week) : ''}` : 'Adviesvragen',
              p: { waarde: laatste?.adviesvragen ?? null, status: 'onderdrukt' },
              eenheid: 'aantal',
              toelichting: verwacht(laatste?.adviesvragenVerwacht),
            },
            {
              label: 'Actuele signaleringen',
              p: { waarde: c.actueleSignaleringen.length },
              eenheid: 'aantal',
              toelichting: 'bronnen, typen of totalen twee weken buiten de band',
            },
          ]}
        />
        {c.actueleSignaleringen.length === 0 ? (
          <p data-testid="signaleringen">Geen actuele signaleringen.</p>
        ) : (
          <ul className="signaleringen" data-testid="signaleringen">
            {c.actueleSignaleringen.map((s) => (
              <li
                key={`${s.soort}:${s.dimensie}:${s.sleutel}`}
                className="signaleringen__item signaleringen__item--actueel"
              >
                <strong>
                  {s.dimensie === 'totaal' ? 'Totaal' : s.label} ({s.soort})
                </strong>
                : {s.richting} de verwachte band sinds {weekNaam(s.sinds)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="rapport-sectie" aria-labelledby="s-weken">
        <h2 id="s-weken">Meldingen en adviesvragen per week</h2>
        <BandLegenda lopend={!!nu} />
        <div className="figuur-paar">
          <BandFiguur
            titel="Meldingen"
            id="fig-c-meldingen"
            weken={weken}
            punten={totaalMeldingen}
            signalering={null}
            open
          />
          <BandFiguur
            titel="Adviesvragen"
            id="fig-c-adviesvragen"
            weken={weken}
            punten={totaalAdvies}
            signalering={null}
            open
          />
        </div>
      </section>
      <ReeksenSectie
        id="s-c-bronnen"
        titel="Meldingen per bron"
        uitleg="Politie en scholen zijn ‘de ogen en oren’: als zij minder melden terwijl het totaal gelijk blijft, valt er iets weg."
        reeksen={bronnen}
        weken={weken}
        soortLabel="Bron"
        extra={
          bronnen.some((b) => b.actueel) ? (
            <p className="signaal-tekst">
              <strong>Signaal: </strong>
              {bronnen
                .filter((b) => b.actueel)
                .map((b) => signaleringTekst(b.label, b.actueel!))
                .join('; ')}
              .
            </p>
          ) : null
        }
      />
      <SignalenSectie signalen={c.signalen} />
    </div>
  );
}
