import { describe, expect, it } from 'vitest';
import type { Adviesvraag, Kandidaat } from '../types.ts';
import {
  addNieuwePersoon,
  dubbelZoekvraag,
  emptyIntake,
  fromAdviesvraag,
  gekoppeldeIds,
  linkInPlaatsVan,
  linkPersoon,
  ontvangenOp,
  removeBetrokkene,
  toMeldingInput,
  validateIntake,
  waarschijnlijkDezelfde,
} from './intakeModel.ts';
import { MOGELIJK_DUBBEL_DREMPEL } from '@voordeur/domain';

const esra: Kandidaat = {
  id: 1,
  naam: 'Esra Jansen',
  bsn: '002156702',
  geboortedatum: '19891207',
  geboortedatumLabel: '07-12-1989',
  geslacht: 'V',
  score: 1.75,
  redenen: ['naam lijkt (58%)'],
  huishoudens: [{ id: 1, adres: 'Ouddiemerlaan 160, 1111HK Diemen', gemeenteCode: 'GM0384' }],
  eerdereMeldingen: 2,
};

function filledForm() {
  let f = linkPersoon(emptyIntake(), esra);
  f = addNieuwePersoon(f).form;
  f.betrokkenen[0]!.rol = 'slachtoffer';
  f.betrokkenen[1] = {
    ...f.betrokkenen[1]!,
    rol: 'kind',
    huishoudenRol: 'kind',
    persoon: { ...f.betrokkenen[1]!.persoon!, voornamen: 'Lieke', achternaam: 'Jansen', geboortedatum: '2020-03-00 ' },
  };
  return {
    ...f,
    melder: {
      ...f.melder,
      hoedanigheid: 'gz_huisarts',
      naam: ' A. de Wit ',
      organisatie: 'Huisartsenpraktijk Oost',
      telefoon: '',
    },
    gemeenteCode: 'GM0363',
    aanleiding: ['km_anders'],
    omschrijving: 'Kind met blauwe plekken gezien op het spreekuur.',
  };
}

describe('intake model', () => {
  it('linking a person chooses their household and never links twice', () => {
    const f = linkPersoon(linkPersoon(emptyIntake(), esra), esra);
    expect(gekoppeldeIds(f)).toEqual([1]);
    expect(f.huishoudenKeuze).toBe('gekoppeld');
    expect(removeBetrokkene(f, f.betrokkenen[0]!.key).huishoudenKeuze).toBe('adres');
  });

  it('builds the API input: linked person by id, new person by fields, empty optionals left out', () => {
    const input = toMeldingInput(filledForm()) as any;
    expect(input.betrokkenen[0]).toEqual({ persoonId: 1, rol: 'slachtoffer', huishoudenRol: undefined });
    expect(input.betrokkenen[1].persoon).toMatchObject({
      voornamen: 'Lieke',
      achternaam: 'Jansen',
      geboortedatum: '20200300',
      bsn: undefined,
      geslacht: 'O',
    });
    expect(input.huishouden).toBeUndefined();
    expect(input.melder).toMatchObject({
      hoedanigheid: 'gz_huisarts',
      naam: 'A. de Wit',
      telefoon: undefined,
      wilOnbekendBlijven: false,
    });
    expect(input.gemeenteCode).toBe('GM0363');
    expect(validateIntake(filledForm()).input).not.toBeNull();
  });

  it('sends no gemeente outside the own region, and an address only when chosen', () => {
    const f = {
      ...filledForm(),
      regio: 'andere' as const,
      huishoudenKeuze: 'adres' as const,
      adres: { ...emptyIntake().adres, postcode: '1094 hb', huisnummer: '12' },
    };
    const input = toMeldingInput(f) as any;
    expect(input.gemeenteCode).toBeUndefined();
    expect(input.huishouden).toEqual({
      straat: undefined,
      huisnummer: '12',
      toevoeging: undefined,
      postcode: '1094 hb',
      woonplaats: undefined,
      gemeenteCode: undefined,
    });
    expect(validateIntake(f).input?.huishouden?.postcode).toBe('1094HB');
  });

  it('validates with the shared schema and its own household rule', () => {
    const f = { ...filledForm(), omschrijving: '' };
    expect(validateIntake(f).errors.omschrijving).toEqual(['Minimaal 10 tekens']);
    const zonder = { ...emptyIntake(), huishoudenKeuze: 'gekoppeld' as const };
    const v = validateIntake(zonder);
    expect(v.input).toBeNull();
    expect(v.errors.huishouden?.[0]).toMatch(/Koppel eerst/);
    expect(v.errors.betrokkenen).toEqual(['Minstens één betrokkene']);
  });

  it('prefills from an adviesvraag', () => {
    const a: Adviesvraag = {
      id: 4,
      nummer: 'AD0000004',
      ontvangenOp: '2026-11-16T09:00:00Z',
      hoedanigheid: 'maatschappelijke_ondersteuning',
      aanleiding: ['km_vechtscheiding'],
      aard: ['psychisch_geweld'],
      signalen: ['verslaving'],
      regio: 'eigen',
      gemeenteCode: 'GM0363',
      vraag: 'Wijkteam maakt zich zorgen.',
      advies: 'Terugbellen.',
      afgeslotenOp: null,
      omgezetInMeldingId: null,
    };
    const f = fromAdviesvraag(a);
    expect(f).toMatchObject({
      adviesvraagId: 4,
      binnenkomst: 'omgezet_advies',
      regio: 'eigen',
      gemeenteCode: 'GM0363',
      aanleiding: ['km_vechtscheiding'],
      aard: ['psychisch_geweld'],
      signalen: ['verslaving'],
      omschrijving: 'Wijkteam maakt zich zorgen.',
    });
    expect(f.melder.hoedanigheid).toBe('maatschappelijke_ondersteuning');
    expect(toMeldingInput(f)).toMatchObject({ adviesvraagId: 4, signalen: ['verslaving'] });
  });

  it('requires the melder to be known: a name, and an organisation or contact', () => {
    const f = { ...filledForm(), melder: { ...filledForm().melder, naam: '', organisatie: '' } };
    const v = validateIntake(f);
    expect(v.input).toBeNull();
    expect(v.errors['melder.naam']?.[0]).toMatch(/Naam van de melder is verplicht/);
    expect(v.errors['melder.organisatie']?.[0]).toMatch(/telefoonnummer of e-mailadres/);
    expect(
      validateIntake({ ...f, melder: { ...f.melder, naam: 'M. Verhoeven', telefoon: '020 555 0199' } }).input,
    ).not.toBeNull();
  });

  it('the ontvangstmoment: default now, sent in Amsterdam time, never in the future', () => {
    const now = new Date('2026-11-22T13:30:00Z');
    const f = {
      ...filledForm(),
      ...emptyIntake(now),
      betrokkenen: filledForm().betrokkenen,
      melder: filledForm().melder,
      gemeenteCode: 'GM0363',
      aanleiding: ['km_anders'],
      omschrijving: 'Kind met blauwe plekken gezien.',
    };
    expect([f.ontvangenDatum, f.ontvangenTijd]).toEqual(['22-11-2026', '14:30']);
    expect(toMeldingInput({ ...f, ontvangenTijd: '02:15' }, now)).toMatchObject({
      ontvangenOp: '2026-11-22T01:15:00.000Z',
    });
    expect(ontvangenOp({ ...f, ontvangenTijd: '16:00' }, now).errors.ontvangenOp?.[0]).toMatch(/toekomst/);
    expect(ontvangenOp({ ...f, ontvangenDatum: '31-02-2026' }, now).errors.ontvangenOp?.[0]).toMatch(/dd-mm-jjjj/);
    expect(validateIntake({ ...f, ontvangenTijd: '25:00' }, now).errors.ontvangenTijd).toEqual([
      'Geef de tijd als uu:mm (24 uur)',
    ]);
    // A draft from before the field existed: the server takes "now".
    const { ontvangenDatum: _d, ontvangenTijd: _t, ...oud } = f;
    expect(toMeldingInput(oud as any, now)).not.toHaveProperty('ontvangenOp');
  });

  it('finds likely duplicates of a new person and links the recognised one in its place', () => {
    let f = addNieuwePersoon(emptyIntake()).form;
    const key = f.betrokkenen[0]!.key;
    const p = { ...f.betrokkenen[0]!.persoon!, voornamen: 'Esra', achternaam: 'Janssen', geboortedatum: '1989-12-07' };
    expect(dubbelZoekvraag(p)).toEqual({ naam: 'Esra Janssen', geboortedatum: '19891207' });
    expect(dubbelZoekvraag({ ...p, geboortedatum: '1989' })).toBeNull();
    expect(dubbelZoekvraag({ ...p, bsn: '002156702' })).toEqual({ bsn: '002156702' });
    // With the household's address the search also asks for it (the same name at the same address counts too).
    expect(dubbelZoekvraag(p, { postcode: '1111 hk', huisnummer: '160' })).toEqual({
      naam: 'Esra Janssen',
      geboortedatum: '19891207',
      postcode: '1111HK',
      huisnummer: '160',
    });
    expect(dubbelZoekvraag({ ...p, geboortedatum: '' }, { postcode: '1111HK', huisnummer: '160' })).toEqual({
      naam: 'Esra Janssen',
      postcode: '1111HK',
      huisnummer: '160',
    });
    // Likely the same: the server's score at or above the domain's threshold, whatever the reasons.
    const boven = {
      ...esra,
      bsn: null,
      score: MOGELIJK_DUBBEL_DREMPEL + 0.85,
      redenen: ['naam gelijk op spelling na'],
    };
    const onder = { ...boven, id: 2, score: MOGELIJK_DUBBEL_DREMPEL - 0.5 };
    expect(waarschijnlijkDezelfde(p, [boven, onder], [])).toEqual([boven]);
    expect(waarschijnlijkDezelfde(p, [boven], [1])).toEqual([]);
    // A candidate with a BSN is someone else when the new person has another BSN.
    expect(waarschijnlijkDezelfde({ ...p, bsn: '123456782' }, [{ ...boven, bsn: '002156702' }], [])).toEqual([]);
    expect(waarschijnlijkDezelfde({ ...p, bsn: '002156702' }, [esra], [])).toEqual([esra]);
    f = {
      ...f,
      betrokkenen: [{ ...f.betrokkenen[0]!, persoon: p, rol: 'slachtoffer', huishoudenRol: 'ouder_verzorger' }],
    };
    const linked = linkInPlaatsVan(f, key, esra);
    expect(linked.betrokkenen).toHaveLength(1);
    expect(linked.betrokkenen[0]).toMatchObject({ persoonId: 1, rol: 'slachtoffer', huishoudenRol: 'ouder_verzorger' });
    expect(linked.betrokkenen[0]!.persoon).toBeUndefined();
    expect(linked.huishoudenKeuze).toBe('gekoppeld');
    // "Toch nieuwe persoon" is sent as nieuwBevestigd.
    const bevestigd = { ...f, betrokkenen: [{ ...f.betrokkenen[0]!, nieuwBevestigd: true }] };
    expect((toMeldingInput(bevestigd) as any).betrokkenen[0].nieuwBevestigd).toBe(true);
  });
});
