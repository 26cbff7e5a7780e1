import { describe, expect, it } from 'vitest';
import type { Casus, Melding } from '../types.ts';
import {
  afsluitenFout,
  beoordelingAntwoord,
  controleer,
  geenOnveiligheidGeweigerd,
  MODELLEN,
  openMomenten,
  prefixErrors,
} from './casusActionsModel.ts';

const ALLE = ['acute_onveiligheid', 'structurele_onveiligheid', 'eenmalig_onveilig', 'geen_zorgen'];

function melding(patch: Partial<Melding> = {}): Melding {
  return {
    id: 1,
    nummer: 'M-1',
    status: 'beoordeeld',
    statusLabel: 'Beoordeeld – besluit nemen',
    ontvangenOp: '2026-03-02T08:00:00.000Z',
    binnenkomst: 'telefoon',
    melderHoedanigheid: 'gz_huisarts',
    regio: 'eigen',
    gemeenteCode: 'GM0363',
    aanleiding: ['partnergeweld'],
    aard: [],
    omschrijving: 'x',
    metKinderen: false,
    behandelaar: null,
    adviesvraagId: null,
    betrokkenen: [{ persoonId: 7, naam: 'Linda Dekker', rol: 'slachtoffer' }],
    melder: null,
    beoordeling: null,
    dienst: null,
    overdracht: null,
    afsluiting: null,
    terugkoppelingen: [],
    informering: [{ persoonId: 7, geinformeerdOp: null, wijze: null, verlengingen: [] }],
    rvdkVerzoeken: [],
    monitoringcontacten: [],
    clocks: [],
    ergsteKlok: 'on_time',
    workflow: { onderzoekUitkomstVastgelegd: false, huishoudenMetKinderen: false, openTerugkoppelingMomenten: [] },
    afsluiten: { beoordelingUitkomst: null, dienstOfOverdracht: false },
    acties: [],
    ...patch,
  };
}

describe('the guards’ inputs come from the casus answer', () => {
  it('the open terugkoppeling moments are the answer’s, and the form starts on the first', () => {
    const m = melding({
      workflow: {
        onderzoekUitkomstVastgelegd: true,
        huishoudenMetKinderen: false,
        openTerugkoppelingMomenten: ['na_onderzoek'],
      },
    });
    expect(openMomenten(m)).toEqual(['na_onderzoek']);
    expect(MODELLEN.terugkoppeling.initial(m)).toEqual({ moment: 'na_onderzoek', inhoud: '' });
    expect(MODELLEN.terugkoppeling.initial(melding())).toEqual({ moment: '', inhoud: '' });
  });

  it('closing with "geen onveiligheid" is refused after structurele onveiligheid without dienst or overdracht', () => {
    const onveilig = melding({
      afsluiten: { beoordelingUitkomst: 'structurele_onveiligheid', dienstOfOverdracht: false },
    });
    expect(geenOnveiligheidGeweigerd(onveilig)?.rule).toBe('onveiligheid_zonder_dienst');
    expect(afsluitenFout(onveilig, 'geen_hg_km')).toBeNull();
    const naDienst = melding({
      afsluiten: { beoordelingUitkomst: 'structurele_onveiligheid', dienstOfOverdracht: true },
    });
    expect(geenOnveiligheidGeweigerd(naDienst)).toBeNull();
  });
});

describe('controleer: a step is checked before it is sent', () => {
  it('afsluiten: the domain rule on the reden, with the version; a valid step gives the API input', () => {
    const onveilig = melding({ afsluiten: { beoordelingUitkomst: 'acute_onveiligheid', dienstOfOverdracht: false } });
    const fout = controleer('afsluiten', { reden: 'geen_onveiligheid', toelichting: '' }, onveilig, 3);
    expect(fout.data).toBeNull();
    expect(Object.keys(fout.errors)).toEqual(['reden']);
    const goed = controleer('afsluiten', { reden: 'geen_hg_km', toelichting: ' ok ' }, onveilig, 3);
    expect(goed).toEqual({ data: { reden: 'geen_hg_km', toelichting: 'ok', versie: 3 }, errors: {} });
  });

  it('veiligheidsbeoordeling: a flag without explanation is refused; a contradicting uitkomst is reported on uitkomst', () => {
    const d = {
      ...MODELLEN.veiligheidsbeoordeling.initial(melding()),
      acuteOnveiligheid: 'nee',
      structureleOnveiligheid: 'ja',
      uitkomst: 'geen_zorgen',
      motivering: 'Voldoende motivering hier.',
      getoetstDoor: '4',
      vlagZetten: true,
    };
    const r = controleer('veiligheidsbeoordeling', d, melding(), 1);
    expect(r.data).toBeNull();
    expect(r.errors.uitkomst).toHaveLength(1);
    expect(r.errors.vlagToelichting).toEqual(['Licht de veiligheidsvlag toe']);
    expect(prefixErrors({ uitkomst: ['x'] }, 'm1-veiligheidsbeoordeling')).toEqual({
      'm1-veiligheidsbeoordeling.uitkomst': ['x'],
    });
  });

  it('monitoringcontact: a bad time is reported on the time field only', () => {
    const d = {
      datum: '01-03-2026',
      tijd: '25:00',
      bevindingen: 'Gesproken met moeder.',
      hulpGestart: 'ja',
      veilig: 'ja',
    };
    const r = controleer('monitoringcontact', d, melding({ status: 'overgedragen' }), 1);
    expect(r.data).toBeNull();
    expect(r.errors.gedaanTijd).toEqual(['Geef de tijd als uu:mm (24 uur)']);
  });
});

describe('beoordelingAntwoord: the uitkomst follows the two questions', () => {
  it('acute → acute onveiligheid; structureel only → structurele; both nee → the user chooses', () => {
    expect(beoordelingAntwoord({}, { acuteOnveiligheid: 'ja' }, ALLE)).toEqual({
      acuteOnveiligheid: 'ja',
      uitkomst: 'acute_onveiligheid',
    });
    expect(beoordelingAntwoord({ acuteOnveiligheid: 'nee' }, { structureleOnveiligheid: 'ja' }, ALLE).uitkomst).toBe(
      'structurele_onveiligheid',
    );
    const beide = { acuteOnveiligheid: 'nee', uitkomst: 'geen_zorgen' };
    expect(beoordelingAntwoord(beide, { structureleOnveiligheid: 'nee' }, ALLE).uitkomst).toBe('geen_zorgen');
  });
});

describe('bevestiging of an irreversible step', () => {
  it('afsluiten says whether the casus closes and which clocks keep running', () => {
    const m = melding({
      clocks: [
        {
          kind: 'informeren',
          startedAt: '2026-03-02T08:00:00.000Z',
          due: '2026-03-30',
          dueAt: '2026-03-30T21:59:59.999Z',
          metAt: null,
          unit: 'dagen',
          daysLeft: 20,
          elapsed: 8,
          state: 'on_time',
          persoonId: 7,
        },
      ],
    });
    const casus = { nummer: 'C-1', meldingen: [m] } as unknown as Casus;
    const b = MODELLEN.afsluiten.bevestiging!({ reden: 'geen_hg_km' }, m, casus, (_l, c) => `label ${c}`);
    expect(b.titel).toBe('Melding M-1 afsluiten?');
    expect(b.regels[0]).toBe('Melding M-1 en casus C-1 worden gesloten.');
    expect(b.regels[1]).toBe('Reden: label geen_hg_km.');
    expect(b.regels[2]).toContain('30-03-2026');
  });
});
