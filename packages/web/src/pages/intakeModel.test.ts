import { describe, expect, it } from 'vitest';
import type { Adviesvraag, Kandidaat } from '../types.ts';
import { addNieuwePersoon, emptyIntake, fromAdviesvraag, gekoppeldeIds, linkPersoon, removeBetrokkene, toMeldingInput, validateIntake } from './intakeModel.ts';

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
  f.betrokkenen[1] = { ...f.betrokkenen[1]!, rol: 'kind', huishoudenRol: 'kind', persoon: { ...f.betrokkenen[1]!.persoon!, voornamen: 'Lieke', achternaam: 'Jansen', geboortedatum: '2020-03-00 ' } };
  return {
    ...f,
    melder: { ...f.melder, hoedanigheid: 'gz_huisarts', naam: ' A. de Wit ', telefoon: '' },
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
    expect(input.betrokkenen[1].persoon).toMatchObject({ voornamen: 'Lieke', achternaam: 'Jansen', geboortedatum: '20200300', bsn: undefined, geslacht: 'O' });
    expect(input.huishouden).toBeUndefined();
    expect(input.melder).toMatchObject({ hoedanigheid: 'gz_huisarts', naam: 'A. de Wit', telefoon: undefined, wilOnbekendBlijven: false });
    expect(input.gemeenteCode).toBe('GM0363');
    expect(validateIntake(filledForm()).input).not.toBeNull();
  });

  it('sends no gemeente outside the own region, and an address only when chosen', () => {
    const f = { ...filledForm(), regio: 'andere' as const, huishoudenKeuze: 'adres' as const, adres: { ...emptyIntake().adres, postcode: '1094 hb', huisnummer: '12' } };
    const input = toMeldingInput(f) as any;
    expect(input.gemeenteCode).toBeUndefined();
    expect(input.huishouden).toEqual({ straat: undefined, huisnummer: '12', toevoeging: undefined, postcode: '1094 hb', woonplaats: undefined, gemeenteCode: undefined });
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
    const a: Adviesvraag = { id: 4, nummer: 'AD0000004', ontvangenOp: '2026-11-16T09:00:00Z', hoedanigheid: 'maatschappelijke_ondersteuning', aanleiding: ['km_vechtscheiding'], aard: ['psychisch_geweld'], signalen: ['verslaving'], regio: 'eigen', gemeenteCode: 'GM0363', vraag: 'Wijkteam maakt zich zorgen.', advies: 'Terugbellen.', afgeslotenOp: null, omgezetInMeldingId: null };
    const f = fromAdviesvraag(a);
    expect(f).toMatchObject({ adviesvraagId: 4, binnenkomst: 'omgezet_advies', regio: 'eigen', gemeenteCode: 'GM0363', aanleiding: ['km_vechtscheiding'], aard: ['psychisch_geweld'], signalen: ['verslaving'], omschrijving: 'Wijkteam maakt zich zorgen.' });
    expect(f.melder.hoedanigheid).toBe('maatschappelijke_ondersteuning');
    expect(toMeldingInput(f)).toMatchObject({ adviesvraagId: 4, signalen: ['verslaving'] });
  });
});
