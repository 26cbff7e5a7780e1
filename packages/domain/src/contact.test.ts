// The rules of contact with the household (contact.ts): one test per rule, each with a case that
// passes and one that is refused.
import { describe, expect, it } from 'vitest';
import {
  alleenOpAfstand,
  beoordelingAlleenOpAfstand,
  contactInputSchema,
  contactRegels,
  goedkeuringRegels,
  huisbezoekInputSchema,
  huisbezoekRegels,
  protocolOp,
  protocolRegels,
  type ContactContext,
} from './contact.ts';

const NOW = new Date('2026-03-10T09:00:00+01:00');
const ctx: ContactContext = {
  now: NOW,
  persoonIds: [1, 2],
  meldingIds: [10],
  contactIds: [100],
  medewerkerIds: [7, 8],
};
const contact = (x: Record<string, unknown> = {}) =>
  contactInputSchema.parse({
    soort: 'telefoon',
    begin: '2026-03-10T08:00:00+01:00',
    persoonIds: [1],
    medewerkerIds: [7],
    gezegd: 'Moeder vertelt dat het rustiger is.',
    ...x,
  });
const rules = (x: Record<string, unknown>) => contactRegels(contact(x), ctx).map((f) => `${f.field}:${f.rule}`);

describe('contactRegels', () => {
  it('accepts a complete entry', () => {
    expect(rules({})).toEqual([]);
  });
  it('niet_in_toekomst: a contact is recorded after it happened (5 minutes margin)', () => {
    expect(rules({ begin: '2026-03-10T09:04:00+01:00' })).toEqual([]);
    expect(rules({ begin: '2026-03-10T09:06:00+01:00' })).toEqual(['begin:niet_in_toekomst']);
  });
  it('met_wie_verplicht: someone of the household, the melder or a professional', () => {
    expect(rules({ persoonIds: [] })).toEqual(['persoonIds:met_wie_verplicht']);
    expect(rules({ persoonIds: [], metMelder: true })).toEqual([]);
    expect(rules({ persoonIds: [], professionals: [{ organisatie: 'School', functie: 'IB-er' }] })).toEqual([]);
  });
  it('inhoud_verplicht: said, seen or agreed', () => {
    expect(rules({ gezegd: '  ' })).toEqual(['gezegd:inhoud_verplicht']);
    expect(rules({ gezegd: null, afgesproken: 'Over een week bellen.' })).toEqual([]);
  });
  it('persoon_in_casus and uniek', () => {
    expect(rules({ persoonIds: [3] })).toEqual(['persoonIds[0]:persoon_in_casus']);
    expect(rules({ persoonIds: [1, 1] })).toEqual(['persoonIds:uniek']);
  });
  it('melding_in_casus', () => {
    expect(rules({ meldingId: 10 })).toEqual([]);
    expect(rules({ meldingId: 11 })).toEqual(['meldingId:melding_in_casus']);
  });
  it('medewerker_bestaat', () => {
    expect(rules({ medewerkerIds: [7, 9] })).toEqual(['medewerkerIds[1]:medewerker_bestaat']);
  });
  it('a correction names an entry of this casus and whether it corrects or adds', () => {
    expect(rules({ correctieVan: 100, correctieSoort: 'aanvulling' })).toEqual([]);
    expect(rules({ correctieVan: 101, correctieSoort: 'correctie' })).toEqual(['correctieVan:contact_in_casus']);
    expect(rules({ correctieVan: 100 })).toEqual(['correctieSoort:verplicht_bij_correctie']);
    expect(rules({ correctieSoort: 'correctie' })).toEqual(['correctieSoort:alleen_bij_correctie']);
  });
  it('the schema refuses an unknown kind and a contact without staff', () => {
    expect(contactInputSchema.safeParse({ ...contact(), soort: 'brief' }).success).toBe(false);
    expect(contactInputSchema.safeParse({ ...contact(), medewerkerIds: [] }).success).toBe(false);
  });
});

describe('alleenOpAfstand', () => {
  it('is true only when every contact is remote', () => {
    expect(alleenOpAfstand(['telefoon', 'beeldbellen'])).toBe(true);
    expect(alleenOpAfstand(['telefoon', 'huisbezoek'])).toBe(false);
    expect(alleenOpAfstand([])).toBe(false);
  });
});

describe('protocol', () => {
  it('protocolOp: the latest setting started on or before the day; "ja, tenzij" without any', () => {
    const h = [
      { protocol: 'nee_tenzij' as const, ingang: '2020-03-16' },
      { protocol: 'ja_tenzij' as const, ingang: '2020-06-01' },
    ];
    expect(protocolOp([], '2020-04-01')).toBe('ja_tenzij');
    expect(protocolOp(h, '2020-03-15')).toBe('ja_tenzij');
    expect(protocolOp(h, '2020-03-16')).toBe('nee_tenzij');
    expect(protocolOp(h, '2020-05-31')).toBe('nee_tenzij');
    expect(protocolOp(h, '2020-06-01')).toBe('ja_tenzij');
  });
  it('niet_in_verleden: a change starts today or later', () => {
    const p = { protocol: 'nee_tenzij' as const, reden: 'Lockdown afgekondigd.' };
    expect(protocolRegels({ ...p, ingang: '2026-03-10' }, NOW)).toEqual([]);
    expect(protocolRegels({ ...p, ingang: '2026-03-09' }, NOW).map((f) => f.rule)).toEqual(['niet_in_verleden']);
  });
});

describe('huisbezoekRegels', () => {
  const vragen = [
    { code: 'klachten', label: 'Klachten?', groep: 'ziek' },
    { code: 'risicogroep', label: 'Risicogroep?', groep: 'risico' },
  ];
  const base = (x: Record<string, unknown> = {}) =>
    huisbezoekInputSchema.parse({
      gepland: '2026-03-10T15:00:00+01:00',
      medewerkerIds: [7, 8],
      gezondheidscheck: { gedaanOp: '2026-03-10T08:30:00+01:00', antwoorden: { klachten: false, risicogroep: false } },
      ...x,
    });
  const run = (x: Record<string, unknown> = {}, protocol: 'ja_tenzij' | 'nee_tenzij' = 'ja_tenzij') =>
    huisbezoekRegels(base(x), {
      now: NOW,
      protocol,
      vragen,
      redenen: ['acute_onveiligheid', 'kind_niet_in_beeld'],
      medewerkerIds: [7, 8],
    });
  const r = (x: Record<string, unknown> = {}, p?: 'ja_tenzij' | 'nee_tenzij') =>
    run(x, p).fouten.map((f) => `${f.field}:${f.rule}`);
  const ziek = {
    gezondheidscheck: { gedaanOp: '2026-03-10T08:30:00+01:00', antwoorden: { klachten: true, risicogroep: false } },
  };

  it('"ja, tenzij" with two staff and a clean check: planned, no approval, no overrides', () => {
    expect(run()).toEqual({ fouten: [], goedkeuringNodig: false, overrides: [], alternatieven: [] });
  });
  it('nooit_alleen: a second staff member or the police', () => {
    expect(r({ medewerkerIds: [7] })).toEqual(['medewerkerIds:nooit_alleen']);
    expect(r({ medewerkerIds: [7, 7] })).toEqual(['medewerkerIds:nooit_alleen']);
    expect(r({ medewerkerIds: [7], politie: true })).toEqual([]);
  });
  it('medewerker_bestaat: only active staff go', () => {
    expect(r({ medewerkerIds: [7, 9] })).toEqual(['medewerkerIds[1]:medewerker_bestaat']);
  });
  it('gezondheidscheck_verplicht: every configured question answered; codelijst: no unknown question', () => {
    expect(r({ gezondheidscheck: { gedaanOp: '2026-03-10T08:30:00+01:00', antwoorden: { klachten: false } } })).toEqual(
      ['gezondheidscheck.antwoorden.risicogroep:gezondheidscheck_verplicht'],
    );
    expect(
      r({
        gezondheidscheck: {
          gedaanOp: '2026-03-10T08:30:00+01:00',
          antwoorden: { klachten: false, risicogroep: false, x: true },
        },
      }),
    ).toEqual(['gezondheidscheck.antwoorden.x:codelijst']);
  });
  it('ziek_geen_huisbezoek: an ill household member stops the visit and offers beeldbellen/telefoon; a risk group does not', () => {
    const b = run(ziek);
    expect(b.fouten.map((f) => f.rule)).toEqual(['ziek_geen_huisbezoek']);
    expect(b.alternatieven).toEqual(['beeldbellen', 'telefoon']);
    expect(
      r({
        gezondheidscheck: { gedaanOp: '2026-03-10T08:30:00+01:00', antwoorden: { klachten: false, risicogroep: true } },
      }),
    ).toEqual([]);
  });
  it('ziek_acuut: ill but acute onveiligheid needs a toelichting and approval', () => {
    expect(r({ ...ziek, reden: 'acute_onveiligheid' })).toEqual(['toelichting:toelichting_bij_ziek_acuut']);
    const b = run({ ...ziek, reden: 'acute_onveiligheid', toelichting: 'Met beschermingsmiddelen.' });
    expect(b).toMatchObject({ fouten: [], goedkeuringNodig: true, overrides: ['ziek_acuut'] });
  });
  it('reden_bij_nee_tenzij: under "nee, tenzij" a reason from the list, and approval', () => {
    expect(r({}, 'nee_tenzij')).toEqual(['reden:reden_bij_nee_tenzij']);
    expect(r({ reden: 'onbekend' }, 'nee_tenzij')).toEqual(['reden:codelijst']);
    expect(run({ reden: 'kind_niet_in_beeld' }, 'nee_tenzij')).toMatchObject({
      fouten: [],
      goedkeuringNodig: true,
      overrides: ['nee_tenzij'],
    });
  });
  it('acuut_zelfde_dag: acute onveiligheid qualifies regardless of the protocol, without waiting, the same day', () => {
    expect(run({ reden: 'acute_onveiligheid' }, 'nee_tenzij')).toMatchObject({
      fouten: [],
      goedkeuringNodig: false,
      overrides: ['acute_onveiligheid'],
    });
    expect(run({ reden: 'acute_onveiligheid' }, 'ja_tenzij').overrides).toEqual([]);
    expect(r({ reden: 'acute_onveiligheid', gepland: '2026-03-11T09:00:00+01:00' }, 'nee_tenzij')).toEqual([
      'gepland:acuut_zelfde_dag',
    ]);
  });
  it('niet_in_verleden and niet_in_toekomst: a visit is planned ahead, after the check', () => {
    expect(r({ gepland: '2026-03-10T07:00:00+01:00' })).toEqual(['gepland:niet_in_verleden']);
    expect(
      r({
        gezondheidscheck: {
          gedaanOp: '2026-03-10T10:00:00+01:00',
          antwoorden: { klachten: false, risicogroep: false },
        },
      }),
    ).toEqual(['gezondheidscheck.gedaanOp:niet_in_toekomst']);
  });
});

describe('goedkeuringRegels', () => {
  it('only a waiting visit, and not by who asked (four eyes)', () => {
    expect(goedkeuringRegels({ status: 'wacht_op_goedkeuring', aangevraagdDoor: 7 }, 8)).toEqual([]);
    expect(goedkeuringRegels({ status: 'wacht_op_goedkeuring', aangevraagdDoor: 7 }, 7).map((f) => f.rule)).toEqual([
      'vier_ogen',
    ]);
    expect(goedkeuringRegels({ status: 'gepland', aangevraagdDoor: 7 }, 8).map((f) => f.rule)).toEqual([
      'wacht_niet_op_goedkeuring',
    ]);
  });
});

describe('beoordelingAlleenOpAfstand', () => {
  const c = (soort: 'telefoon' | 'huisbezoek' | 'beeldbellen', begin: string, meldingId: number | null = 1) => ({
    soort,
    begin,
    meldingId,
  });
  it('true when every contact about the melding before the beoordeling was remote', () => {
    expect(
      beoordelingAlleenOpAfstand(
        [c('telefoon', '2026-03-01T10:00:00Z'), c('beeldbellen', '2026-03-02T10:00:00Z', null)],
        1,
        '2026-03-03T10:00:00Z',
      ),
    ).toBe(true);
  });
  it('false with a face-to-face contact before it, or with no contact at all', () => {
    expect(
      beoordelingAlleenOpAfstand(
        [c('telefoon', '2026-03-01T10:00:00Z'), c('huisbezoek', '2026-03-02T10:00:00Z')],
        1,
        '2026-03-03T10:00:00Z',
      ),
    ).toBe(false);
    expect(beoordelingAlleenOpAfstand([], 1, '2026-03-03T10:00:00Z')).toBe(false);
  });
  it('ignores visits after the beoordeling and contacts about another melding', () => {
    const lijst = [
      c('telefoon', '2026-03-01T10:00:00Z'),
      c('huisbezoek', '2026-03-04T10:00:00Z'),
      c('huisbezoek', '2026-03-01T11:00:00Z', 2),
    ];
    expect(beoordelingAlleenOpAfstand(lijst, 1, '2026-03-03T10:00:00Z')).toBe(true);
  });
});
