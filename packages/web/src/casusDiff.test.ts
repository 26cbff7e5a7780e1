import { describe, expect, it } from 'vitest';
import { diffCasus, nieuweTijdlijn, type DiffCasus } from './casusDiff.ts';

const VLAG: Record<string, string> = { acuut_gevaar: 'Acuut gevaar', wapen: 'Wapen(bezit) bekend' };
const labels = { vlag: (c: string) => VLAG[c] ?? c };

function casus(patch: Partial<DiffCasus> = {}): DiffCasus {
  return {
    versie: 3,
    status: 'open',
    huishouden: {
      id: 1,
      adres: 'Dorpsstraat 1',
      gemeenteCode: 'GM0363',
      leden: [
        {
          id: 10,
          naam: 'Anna Jansen',
          rol: 'ouder',
          geboortedatum: null,
          geboortedatumLabel: null,
          leeftijd: 34,
          geslacht: 'V',
          bsn: null,
        },
      ],
    },
    veiligheidsvlag: { vlaggen: [], toelichting: null },
    meldingen: [
      {
        id: 1,
        nummer: 'ML0000001',
        status: 'ontvangen',
        statusLabel: 'Ontvangen – veiligheidsbeoordeling',
        behandelaar: null,
      },
    ],
    timeline: [
      {
        at: '2026-03-02T09:00:00.000Z',
        soort: 'melding',
        titel: 'Melding ML0000001 ontvangen',
        tekst: 'Omschrijving',
        meldingNummer: 'ML0000001',
        door: 'Sanne de Vries',
      },
    ],
    ...patch,
  };
}

describe('diffCasus', () => {
  it('finds nothing between equal versions', () => {
    const d = diffCasus(casus(), casus({ versie: 4 }), labels);
    expect(d).toEqual({ versieVan: 3, versieNaar: 4, wijzigingen: [] });
  });

  it('reports a status change per melding and a new behandelaar', () => {
    const nieuw = casus({
      versie: 5,
      meldingen: [
        {
          id: 1,
          nummer: 'ML0000001',
          status: 'beoordeeld',
          statusLabel: 'Beoordeeld – besluit nemen',
          behandelaar: { id: 4, naam: 'Eva Bakker' },
        },
      ],
    });
    const d = diffCasus(casus(), nieuw, labels);
    expect(d.wijzigingen.map((w) => w.tekst)).toEqual([
      'Melding ML0000001: status Ontvangen – veiligheidsbeoordeling → Beoordeeld – besluit nemen',
      'Melding ML0000001: behandelaar niet toegewezen → Eva Bakker',
    ]);
    expect(d.wijzigingen.map((w) => w.soort)).toEqual(['melding_status', 'behandelaar']);
  });

  it('lists new timeline entries in time order with who and what', () => {
    const nieuw = casus({
      timeline: [
        ...casus().timeline,
        {
          at: '2026-03-04T10:00:00.000Z',
          soort: 'overdracht',
          titel: 'Overgedragen aan Wijkteam',
          tekst: null,
          meldingNummer: 'ML0000001',
          door: 'Eva Bakker',
        },
        {
          at: '2026-03-03T10:00:00.000Z',
          soort: 'beoordeling',
          titel: 'Veiligheidsbeoordeling',
          tekst: 'Geen acuut gevaar',
          meldingNummer: 'ML0000001',
          door: 'Eva Bakker (getoetst door Pieter Smit)',
        },
      ],
    });
    const t = diffCasus(casus(), nieuw, labels).wijzigingen.filter((w) => w.soort === 'tijdlijn');
    expect(t.map((w) => w.tekst)).toEqual([
      'Veiligheidsbeoordeling (ML0000001)',
      'Overgedragen aan Wijkteam (ML0000001)',
    ]);
    expect(t[0]).toMatchObject({
      at: '2026-03-03T10:00:00.000Z',
      door: 'Eva Bakker (getoetst door Pieter Smit)',
      detail: 'Geen acuut gevaar',
    });
  });

  it('counts identical timeline entries (two equal voorwaarden)', () => {
    const v = {
      at: '2026-03-05T10:00:00.000Z',
      soort: 'voorwaarden',
      titel: 'Veiligheidsvoorwaarde',
      tekst: 'Geen alcohol',
      meldingNummer: 'ML0000001',
      door: 'Eva Bakker',
    };
    expect(nieuweTijdlijn([v], [v, v])).toEqual([v]);
    expect(nieuweTijdlijn([v, v], [v, v])).toEqual([]);
  });

  it('reports flags set, removed and a changed toelichting', () => {
    const gezet = casus({
      versie: 4,
      veiligheidsvlag: { vlaggen: ['acuut_gevaar', 'wapen'], toelichting: 'Vader heeft een mes' },
    });
    expect(diffCasus(casus(), gezet, labels).wijzigingen).toEqual([
      {
        soort: 'vlag',
        tekst: 'Veiligheidsvlag gezet: Acuut gevaar, Wapen(bezit) bekend',
        detail: 'Vader heeft een mes',
      },
    ]);

    const minder = casus({ versie: 5, veiligheidsvlag: { vlaggen: ['wapen'], toelichting: 'Vader heeft een mes' } });
    expect(diffCasus(gezet, minder, labels).wijzigingen.map((w) => w.tekst)).toEqual([
      'Veiligheidsvlag weggehaald: Acuut gevaar',
    ]);

    const weg = casus({ versie: 6, veiligheidsvlag: { vlaggen: [], toelichting: null } });
    expect(diffCasus(minder, weg, labels).wijzigingen.map((w) => w.tekst)).toEqual([
      'Veiligheidsvlag helemaal weggehaald (was: Wapen(bezit) bekend)',
    ]);

    const anders = casus({ versie: 7, veiligheidsvlag: { vlaggen: ['wapen'], toelichting: 'Mes en honkbalknuppel' } });
    expect(diffCasus(minder, anders, labels).wijzigingen).toEqual([
      { soort: 'vlag', tekst: 'Toelichting bij de veiligheidsvlag gewijzigd', detail: 'Mes en honkbalknuppel' },
    ]);
  });

  it('treats a missing flag (older server answer) as no flag', () => {
    const zonder = { ...casus(), veiligheidsvlag: undefined };
    expect(diffCasus(zonder, casus({ versie: 4 }), labels).wijzigingen).toEqual([]);
    expect(
      diffCasus(zonder, casus({ veiligheidsvlag: { vlaggen: ['onbekende_code'], toelichting: 'x' } }), labels)
        .wijzigingen[0]!.tekst,
    ).toBe('Veiligheidsvlag gezet: onbekende_code');
  });

  it('reports a new melding (hermelding), new household members and a closed casus', () => {
    const nieuw = casus({
      versie: 9,
      status: 'gesloten',
      huishouden: {
        ...casus().huishouden,
        leden: [
          ...casus().huishouden.leden,
          {
            id: 11,
            naam: 'Tim Jansen',
            rol: 'kind',
            geboortedatum: null,
            geboortedatumLabel: null,
            leeftijd: 4,
            geslacht: 'M',
            bsn: null,
          },
        ],
      },
      meldingen: [
        ...casus().meldingen,
        {
          id: 2,
          nummer: 'ML0000002',
          status: 'ontvangen',
          statusLabel: 'Ontvangen – veiligheidsbeoordeling',
          behandelaar: null,
        },
      ],
    });
    expect(diffCasus(casus(), nieuw, labels).wijzigingen.map((w) => [w.soort, w.tekst])).toEqual([
      ['casus_status', 'De casus is gesloten'],
      ['melding_nieuw', 'Nieuwe melding ML0000002 (Ontvangen – veiligheidsbeoordeling)'],
      ['huishouden', 'Nieuw in het huishouden: Tim Jansen'],
    ]);
  });
});
