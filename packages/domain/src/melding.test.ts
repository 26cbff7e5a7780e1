import { describe, expect, it } from 'vitest';
import { DEFAULT_CLOCK_POLICY } from './clocks.ts';
import {
  afsluitenContext,
  meldingClockFns,
  meldingClocks,
  metKinderen,
  procesVan,
  termijnenVan,
  workflowContext,
  type InformeringFacts,
  type MeldingFacts,
} from './melding.ts';
import { addDays, createKalender } from './werkdagen.ts';
import { allowedActions, MELDING_STATUSSEN } from './workflow.ts';

const k = createKalender();
const p = DEFAULT_CLOCK_POLICY;

/** A melding received on Monday 2 March 2026, 09:00 Amsterdam. */
const ONTVANGEN: MeldingFacts = {
  status: 'ontvangen',
  ontvangenOp: '2026-03-02T08:00:00Z',
  geregistreerdOp: '2026-03-02T08:30:00Z',
  metKinderen: false,
  heeftBehandelaar: false,
  beoordeeldOp: null,
  beoordelingUitkomst: null,
  dienstSoort: null,
  dienstAfgeslotenOp: null,
  onderzoekUitkomsten: null,
  terugkoppelingNaBeoordelingOp: null,
  terugkoppelingNaOnderzoekOp: null,
  overgedragenOp: null,
  laatsteMonitoringcontactOp: null,
  afgeslotenOp: null,
};
const BEOORDEELD: MeldingFacts = {
  ...ONTVANGEN,
  status: 'beoordeeld',
  beoordeeldOp: '2026-03-04T10:00:00Z',
  beoordelingUitkomst: 'structurele_onveiligheid',
};
const ONDERZOEK: MeldingFacts = { ...BEOORDEELD, status: 'dienst_onderzoek', dienstSoort: 'onderzoek' };
const ONDERZOEK_KLAAR: MeldingFacts = {
  ...ONDERZOEK,
  status: 'afgesloten',
  onderzoekUitkomsten: [{ type: 'kindermishandeling', uitkomst: 'bevestigd' }],
  dienstAfgeslotenOp: '2026-04-01T10:00:00Z',
  afgeslotenOp: '2026-04-01T10:00:00Z',
};
const OVERGEDRAGEN: MeldingFacts = { ...BEOORDEELD, status: 'overgedragen', overgedragenOp: '2026-03-10T10:00:00Z' };
const NOW = new Date('2026-03-05T12:00:00Z');

describe('meldingClocks: which clocks apply follows from the facts', () => {
  const kinds = (m: MeldingFacts, inf: InformeringFacts[] = []) =>
    meldingClocks(k, m, inf, NOW, p).map((c) => c.kind + (c.moment ? `:${c.moment}` : '') + (c.persoonId ?? ''));

  it('received: only the beoordeling clock, 5 werkdagen after the day of receipt', () => {
    const [c] = meldingClocks(k, ONTVANGEN, [], NOW, p);
    expect(kinds(ONTVANGEN)).toEqual(['veiligheidsbeoordeling']);
    expect(c!.due).toBe('2026-03-09');
    expect(c!.metAt).toBeNull();
  });

  it('beoordeeld: the beoordeling is met and terugkoppeling after the beoordeling runs; no dienst clock yet', () => {
    const clocks = meldingClocks(k, BEOORDEELD, [], NOW, p);
    expect(kinds(BEOORDEELD)).toEqual(['veiligheidsbeoordeling', 'terugkoppeling:na_beoordeling']);
    expect(clocks[0]!.metAt).toBe('2026-03-04T10:00:00.000Z');
  });

  it('a dienst adds its 10-week clock; a finished onderzoek adds terugkoppeling after the onderzoek', () => {
    expect(kinds(ONDERZOEK)).toEqual(['veiligheidsbeoordeling', 'dienst', 'terugkoppeling:na_beoordeling']);
    expect(meldingClocks(k, ONDERZOEK, [], NOW, p)[1]!.due).toBe(addDays('2026-03-04', 70));
    expect(kinds(ONDERZOEK_KLAAR)).toEqual([
      'veiligheidsbeoordeling',
      'dienst',
      'terugkoppeling:na_beoordeling',
      'terugkoppeling:na_onderzoek',
    ]);
  });

  it('an overdracht adds the monitoring clock of the policy, restarted by the last contact, met on closing', () => {
    const weken = { ...p, monitoringWeken: 4 };
    const mon = (m: MeldingFacts) => meldingClocks(k, m, [], NOW, weken).find((c) => c.kind === 'monitoring')!;
    expect(mon(OVERGEDRAGEN).due).toBe('2026-04-07');
    expect(mon({ ...OVERGEDRAGEN, laatsteMonitoringcontactOp: '2026-03-20T10:00:00Z' }).due).toBe('2026-04-17');
    expect(mon({ ...OVERGEDRAGEN, afgeslotenOp: '2026-03-25T10:00:00Z' }).metAt).toBe('2026-03-25T10:00:00.000Z');
  });

  it('one informing clock per person, from registration, with its extensions', () => {
    const inf: InformeringFacts[] = [
      { persoonId: 7, verlengingen: [], geinformeerdOp: null },
      { persoonId: 8, verlengingen: [{ weken: 2, reden: 'niet bereikbaar' }], geinformeerdOp: null },
    ];
    const clocks = meldingClocks(k, ONTVANGEN, inf, NOW, p);
    expect(kinds(ONTVANGEN, inf)).toEqual(['veiligheidsbeoordeling', 'informeren7', 'informeren8']);
    expect(clocks[1]!.due).toBe('2026-03-30');
    expect(clocks[2]!.due).toBe('2026-04-13');
  });

  it('meldingClockFns gives the same clocks as functions of now', () => {
    const fns = meldingClockFns(k, ONDERZOEK_KLAAR, [], p);
    expect(fns.map((f) => f(NOW))).toEqual(meldingClocks(k, ONDERZOEK_KLAAR, [], NOW, p));
  });
});

describe('workflowContext: the guards’ inputs', () => {
  it('terugkoppeling moments open after the beoordeling and after a finished onderzoek, until recorded', () => {
    expect(workflowContext(ONTVANGEN, false).openTerugkoppelingMomenten).toEqual([]);
    expect(workflowContext(BEOORDEELD, false).openTerugkoppelingMomenten).toEqual(['na_beoordeling']);
    expect(workflowContext(ONDERZOEK, false)).toEqual({
      onderzoekUitkomstVastgelegd: false,
      huishoudenMetKinderen: false,
      openTerugkoppelingMomenten: ['na_beoordeling'],
    });
    expect(workflowContext(ONDERZOEK_KLAAR, true)).toEqual({
      onderzoekUitkomstVastgelegd: true,
      huishoudenMetKinderen: true,
      openTerugkoppelingMomenten: ['na_beoordeling', 'na_onderzoek'],
    });
    const gedaan = { ...ONDERZOEK_KLAAR, terugkoppelingNaBeoordelingOp: '2026-03-05T09:00:00Z' };
    expect(workflowContext(gedaan, true).openTerugkoppelingMomenten).toEqual(['na_onderzoek']);
  });

  it('drives the allowed actions: no terugkoppeling without an open moment, RvdK only with children', () => {
    const zonder = allowedActions(
      'beoordeeld',
      workflowContext({ ...BEOORDEELD, terugkoppelingNaBeoordelingOp: 'x' }, false),
    );
    expect(zonder).not.toContain('terugkoppeling');
    expect(zonder).not.toContain('rvdk_verzoek');
    expect(allowedActions('beoordeeld', workflowContext(BEOORDEELD, true))).toEqual(
      expect.arrayContaining(['terugkoppeling', 'rvdk_verzoek']),
    );
  });

  it('afsluitenContext: a dienst or an overdracht counts, the beoordeling outcome is passed on', () => {
    expect(afsluitenContext(BEOORDEELD)).toEqual({
      beoordelingUitkomst: 'structurele_onveiligheid',
      dienstOfOverdracht: false,
    });
    expect(afsluitenContext(ONDERZOEK).dienstOfOverdracht).toBe(true);
    expect(afsluitenContext(OVERGEDRAGEN).dienstOfOverdracht).toBe(true);
  });
});

describe('metKinderen', () => {
  const today = '2026-03-05';
  it('the melding says so, or a member is a minor today, or without a date of birth has the role kind', () => {
    expect(metKinderen({ metKinderen: true }, [], today)).toBe(true);
    expect(metKinderen({ metKinderen: false }, [{ geboortedatum: '19800101' }], today)).toBe(false);
    expect(metKinderen({ metKinderen: false }, [{ geboortedatum: '20100601' }], today)).toBe(true);
    expect(metKinderen({ metKinderen: false }, [{ geboortedatum: '20080305' }], today)).toBe(false);
    expect(metKinderen({ metKinderen: false }, [{ geboortedatum: null, huishoudenRol: 'kind' }], today)).toBe(true);
    expect(metKinderen({ metKinderen: false }, [{ geboortedatum: null, huishoudenRol: 'ouder' }], today)).toBe(false);
  });
});

describe('termijnenVan: the stored deadline dates', () => {
  it('closed meldingen have none', () => {
    expect(termijnenVan(k, ONDERZOEK_KLAAR, [], p)).toEqual({ sortering: null, openDue: null, risicoVanaf: null });
  });

  it('received: due on the 5th werkdag (Monday), at risk from the werkdag before (Friday)', () => {
    expect(termijnenVan(k, ONTVANGEN, [], p)).toEqual({
      sortering: '2026-03-09',
      openDue: '2026-03-09',
      risicoVanaf: '2026-03-06',
    });
  });

  it('the earliest open clock leads; a beoordeeld melding with everything met keeps the beoordeling deadline', () => {
    const t = termijnenVan(k, ONDERZOEK, [], p);
    expect(t.sortering).toBe('2026-03-11'); // terugkoppeling na beoordeling: 5 werkdagen after 4 March
    expect(t.openDue).toBe('2026-03-11');
    const alles = { ...BEOORDEELD, terugkoppelingNaBeoordelingOp: '2026-03-05T09:00:00Z' };
    expect(termijnenVan(k, alles, [], p)).toEqual({ sortering: '2026-03-09', openDue: null, risicoVanaf: null });
  });

  it('agrees with the clocks on every day: overdue after openDue, at risk from risicoVanaf', () => {
    const inf: InformeringFacts[] = [{ persoonId: 1, verlengingen: [], geinformeerdOp: null }];
    for (const m of [ONTVANGEN, BEOORDEELD, ONDERZOEK, OVERGEDRAGEN]) {
      const t = termijnenVan(k, m, inf, p);
      for (let d = '2026-03-02', n = 0; n < 120; d = addDays(d, 1), n++) {
        const open = meldingClocks(k, m, inf, new Date(`${d}T10:00:00Z`), p).filter((c) => !c.metAt);
        const overdue = open.some((c) => c.state === 'overdue');
        const atRisk = !overdue && open.some((c) => c.state === 'at_risk');
        expect([m.status, d, overdue]).toEqual([m.status, d, !!t.openDue && d > t.openDue]);
        expect([m.status, d, atRisk]).toEqual([m.status, d, !overdue && !!t.risicoVanaf && d >= t.risicoVanaf]);
      }
    }
  });
});

describe('procesVan', () => {
  it('every open status is in one process, a received one in the bureaudienst until someone picks it up', () => {
    for (const s of MELDING_STATUSSEN) expect(procesVan(s, true) === null).toBe(s === 'afgesloten');
    expect(procesVan('ontvangen', false)).toBe('bureaudienst');
    expect(procesVan('ontvangen', true)).toBe('veiligheidsbeoordeling');
  });
});
