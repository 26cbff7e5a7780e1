import { describe, expect, it } from 'vitest';
import { codeLijst } from './codelists.ts';
import {
  ACTIE_LABEL,
  afsluitenRegel,
  allowedActions,
  beoordelingRegel,
  terugkoppelingMomenten,
  toegestaneUitkomsten,
  dienstSoort,
  isOpen,
  isTransitie,
  MELDING_STATUS_LABEL,
  MELDING_STATUSSEN,
  NEVEN_ACTIES,
  TRANSITIE_ACTIES,
  transition,
  type Actie,
  type MeldingStatus,
} from './workflow.ts';
import { PROCES_LABEL, PROCESSEN, procesVan } from './melding.ts';

const ACTIES: Actie[] = [...TRANSITIE_ACTIES, ...NEVEN_ACTIES];

/**
 * The Handelingsprotocol 2019, written out independently of the implementation: for each state,
 * the actions that are possible and the state they lead to (side actions keep the state).
 * Everything not listed is refused. Dienst Onderzoek is given with its outcome recorded.
 */
const PROTOCOL: Record<MeldingStatus, Partial<Record<Actie, MeldingStatus>>> = {
  ontvangen: { veiligheidsbeoordeling: 'beoordeeld', informeren: 'ontvangen', rvdk_verzoek: 'ontvangen' },
  beoordeeld: {
    dienst_voorwaarden_en_vervolg: 'dienst_vv',
    dienst_onderzoek: 'dienst_onderzoek',
    overdragen: 'overgedragen',
    afsluiten: 'afgesloten',
    terugkoppeling: 'beoordeeld',
    informeren: 'beoordeeld',
    rvdk_verzoek: 'beoordeeld',
  },
  dienst_vv: {
    overdragen: 'overgedragen',
    afsluiten: 'afgesloten',
    terugkoppeling: 'dienst_vv',
    informeren: 'dienst_vv',
    rvdk_verzoek: 'dienst_vv',
    veiligheidsvoorwaarden: 'dienst_vv',
  },
  dienst_onderzoek: {
    overdragen: 'overgedragen',
    afsluiten: 'afgesloten',
    terugkoppeling: 'dienst_onderzoek',
    informeren: 'dienst_onderzoek',
    rvdk_verzoek: 'dienst_onderzoek',
    onderzoek_uitkomst: 'dienst_onderzoek',
    veiligheidsvoorwaarden: 'dienst_onderzoek',
  },
  overgedragen: {
    afsluiten: 'afgesloten',
    monitoringcontact: 'overgedragen',
    terugkoppeling: 'overgedragen',
    informeren: 'overgedragen',
    rvdk_verzoek: 'overgedragen',
  },
  afgesloten: { terugkoppeling: 'afgesloten', informeren: 'afgesloten' },
};

const DONE = { onderzoekUitkomstVastgelegd: true };

describe('transition: every state × every action', () => {
  const cases = MELDING_STATUSSEN.flatMap((s) => ACTIES.map((a) => [s, a, PROTOCOL[s][a] ?? null] as const));

  it('covers 6 states × 11 actions', () => expect(cases).toHaveLength(66));

  it.each(cases)('%s + %s → %s', (status, actie, to) => {
    const t = transition(status, actie, DONE);
    if (to === null) {
      expect(t.ok).toBe(false);
      if (t.ok) return;
      expect(t.from).toBe(status);
      expect(t.actie).toBe(actie);
      expect(t.allowed).toEqual(allowedActions(status, DONE));
      expect(t.allowed).not.toContain(actie);
      expect(t.reason).toContain(ACTIE_LABEL[actie]);
      expect(t.reason).toContain(MELDING_STATUS_LABEL[status]);
    } else {
      expect(t).toEqual({ ok: true, from: status, to });
    }
  });
});

describe('allowedActions', () => {
  it.each(MELDING_STATUSSEN)('%s: exactly the actions the protocol allows, transitions first', (status) => {
    const allowed = allowedActions(status, DONE);
    expect(new Set(allowed)).toEqual(new Set(Object.keys(PROTOCOL[status])));
    expect(new Set(allowed).size).toBe(allowed.length);
    const firstSide = allowed.findIndex((a) => !isTransitie(a));
    if (firstSide >= 0) expect(allowed.slice(firstSide).every((a) => !isTransitie(a))).toBe(true);
  });

  it('agrees with transition() for every state, with and without the onderzoek outcome', () => {
    for (const ctx of [{}, DONE, { onderzoekUitkomstVastgelegd: false }]) {
      for (const s of MELDING_STATUSSEN) {
        const viaTransition = ACTIES.filter((a) => transition(s, a, ctx).ok);
        expect(new Set(allowedActions(s, ctx)), `${s} ${JSON.stringify(ctx)}`).toEqual(new Set(viaTransition));
      }
    }
  });

  it('without a context the guard is closed (no outcome known)', () => {
    expect(allowedActions('dienst_onderzoek')).not.toContain('afsluiten');
    expect(allowedActions('dienst_onderzoek')).not.toContain('overdragen');
  });
});

describe('guard: dienst Onderzoek ends only with the outcome per type of violence', () => {
  it.each(['afsluiten', 'overdragen'] as const)(
    '%s without the outcome is refused with the reason and the allowed actions',
    (actie) => {
      const t = transition('dienst_onderzoek', actie, { onderzoekUitkomstVastgelegd: false });
      expect(t.ok).toBe(false);
      if (t.ok) return;
      expect(t.reason).toMatch(/uitkomst/);
      expect(t.allowed).toEqual([
        'terugkoppeling',
        'informeren',
        'rvdk_verzoek',
        'onderzoek_uitkomst',
        'veiligheidsvoorwaarden',
      ]);
      expect(transition('dienst_onderzoek', actie, DONE).ok).toBe(true);
    },
  );

  it('recording the outcome is possible before it is recorded, and the guard does not apply to dienst Voorwaarden en Vervolg', () => {
    expect(transition('dienst_onderzoek', 'onderzoek_uitkomst', {})).toEqual({
      ok: true,
      from: 'dienst_onderzoek',
      to: 'dienst_onderzoek',
    });
    expect(transition('dienst_vv', 'afsluiten', {})).toEqual({ ok: true, from: 'dienst_vv', to: 'afgesloten' });
    expect(transition('dienst_vv', 'overdragen', {})).toEqual({ ok: true, from: 'dienst_vv', to: 'overgedragen' });
  });
});

describe('shape of the state machine', () => {
  const next = (s: MeldingStatus, ctx = DONE) =>
    TRANSITIE_ACTIES.map((a) => transition(s, a, ctx)).flatMap((t) => (t.ok && t.to !== s ? [t.to] : []));
  const reachable = (from: MeldingStatus, ctx = DONE) => {
    const seen = new Set<MeldingStatus>([from]);
    const queue = [from];
    while (queue.length)
      for (const n of next(queue.shift()!, ctx))
        if (!seen.has(n)) {
          seen.add(n);
          queue.push(n);
        }
    return seen;
  };

  it('every state is reachable from ontvangen, and every state can reach afgesloten', () => {
    expect(reachable('ontvangen')).toEqual(new Set(MELDING_STATUSSEN));
    for (const s of MELDING_STATUSSEN) expect(reachable(s).has('afgesloten'), s).toBe(true);
  });

  it('no melding leaves ontvangen without a veiligheidsbeoordeling', () => {
    expect(next('ontvangen')).toEqual(['beoordeeld']);
    for (const a of ACTIES) {
      const t = transition('ontvangen', a, DONE);
      if (t.ok) expect(t.to, a).toBe(a === 'veiligheidsbeoordeling' ? 'beoordeeld' : 'ontvangen');
    }
  });

  it('the beoordeling happens once: no state leads back to ontvangen or beoordeeld', () => {
    for (const s of MELDING_STATUSSEN.filter((x) => x !== 'ontvangen')) {
      expect(next(s), s).not.toContain('ontvangen');
      expect(next(s), s).not.toContain('beoordeeld');
    }
  });

  it('afgesloten is final; side actions never change the state', () => {
    expect(next('afgesloten')).toEqual([]);
    expect(isOpen('afgesloten')).toBe(false);
    for (const s of MELDING_STATUSSEN.filter((x) => x !== 'afgesloten')) expect(isOpen(s)).toBe(true);
    for (const s of MELDING_STATUSSEN) {
      for (const a of NEVEN_ACTIES) {
        const t = transition(s, a, DONE);
        if (t.ok) expect(t.to).toBe(s);
      }
    }
  });

  it('a dienst is entered only from beoordeeld', () => {
    for (const s of MELDING_STATUSSEN) {
      for (const a of ['dienst_voorwaarden_en_vervolg', 'dienst_onderzoek'] as const) {
        expect(transition(s, a, DONE).ok, `${s} ${a}`).toBe(s === 'beoordeeld');
      }
    }
  });
});

describe('actions, labels and helpers', () => {
  it('transition and side actions are disjoint and together are all labelled actions', () => {
    expect(TRANSITIE_ACTIES.filter((a) => (NEVEN_ACTIES as readonly string[]).includes(a))).toEqual([]);
    expect(new Set(ACTIES)).toEqual(new Set(Object.keys(ACTIE_LABEL)));
    for (const a of TRANSITIE_ACTIES) expect(isTransitie(a)).toBe(true);
    for (const a of NEVEN_ACTIES) expect(isTransitie(a)).toBe(false);
    for (const s of MELDING_STATUSSEN) expect(MELDING_STATUS_LABEL[s]).toBeTruthy();
    for (const p of PROCESSEN) expect(PROCES_LABEL[p]).toBeTruthy();
  });

  it('dienstSoort names the dienst of a state', () => {
    expect(MELDING_STATUSSEN.map((s) => [s, dienstSoort(s)])).toEqual([
      ['ontvangen', null],
      ['beoordeeld', null],
      ['dienst_vv', 'voorwaarden_en_vervolg'],
      ['dienst_onderzoek', 'onderzoek'],
      ['overgedragen', null],
      ['afgesloten', null],
    ]);
  });

  it('procesVan: triage until someone picks it up, then beoordeling, diensten, monitoring; closed is in none', () => {
    const table = MELDING_STATUSSEN.flatMap((s) => [false, true].map((b) => [s, b, procesVan(s, b)]));
    expect(table).toEqual([
      ['ontvangen', false, 'bureaudienst'],
      ['ontvangen', true, 'veiligheidsbeoordeling'],
      ['beoordeeld', false, 'veiligheidsbeoordeling'],
      ['beoordeeld', true, 'veiligheidsbeoordeling'],
      ['dienst_vv', false, 'diensten'],
      ['dienst_vv', true, 'diensten'],
      ['dienst_onderzoek', false, 'diensten'],
      ['dienst_onderzoek', true, 'diensten'],
      ['overgedragen', false, 'monitoring'],
      ['overgedragen', true, 'monitoring'],
      ['afgesloten', false, null],
      ['afgesloten', true, null],
    ]);
    // Every open state is in exactly one process.
    for (const s of MELDING_STATUSSEN) expect(procesVan(s, false) === null).toBe(!isOpen(s));
  });
});

describe('guard: RvdK-verzoek only for a household with minor children', () => {
  const zonder = { ...DONE, huishoudenMetKinderen: false };
  it.each(MELDING_STATUSSEN.filter((s) => PROTOCOL[s].rvdk_verzoek))(
    '%s: offered with children, not without; refused with the reason',
    (status) => {
      expect(allowedActions(status, { ...DONE, huishoudenMetKinderen: true })).toContain('rvdk_verzoek');
      expect(allowedActions(status, zonder)).not.toContain('rvdk_verzoek');
      const t = transition(status, 'rvdk_verzoek', zonder);
      expect(t.ok).toBe(false);
      if (t.ok) return;
      expect(t.reason).toMatch(/minderjarige kinderen/);
      expect(t.allowed).toEqual(allowedActions(status, zonder));
      // Every other action is unaffected.
      expect(allowedActions(status, zonder)).toEqual(allowedActions(status, DONE).filter((a) => a !== 'rvdk_verzoek'));
    },
  );
});

describe('guard: terugkoppeling only when a moment applies and is not recorded', () => {
  it('terugkoppelingMomenten: after the beoordeling once beoordeeld, after the onderzoek once its outcome is recorded, not twice', () => {
    expect(terugkoppelingMomenten({ beoordeeld: false, onderzoekUitkomstVastgelegd: false, gedaan: [] })).toEqual([]);
    expect(terugkoppelingMomenten({ beoordeeld: true, onderzoekUitkomstVastgelegd: false, gedaan: [] })).toEqual([
      'na_beoordeling',
    ]);
    expect(
      terugkoppelingMomenten({ beoordeeld: true, onderzoekUitkomstVastgelegd: false, gedaan: ['na_beoordeling'] }),
    ).toEqual([]);
    expect(
      terugkoppelingMomenten({ beoordeeld: true, onderzoekUitkomstVastgelegd: true, gedaan: ['na_beoordeling'] }),
    ).toEqual(['na_onderzoek']);
    expect(terugkoppelingMomenten({ beoordeeld: true, onderzoekUitkomstVastgelegd: true, gedaan: [] })).toEqual([
      'na_beoordeling',
      'na_onderzoek',
    ]);
    expect(
      terugkoppelingMomenten({
        beoordeeld: true,
        onderzoekUitkomstVastgelegd: true,
        gedaan: ['na_beoordeling', 'na_onderzoek'],
      }),
    ).toEqual([]);
  });
  it('no open moment: not offered and refused; an open moment: offered', () => {
    expect(allowedActions('overgedragen', { openTerugkoppelingMomenten: [] })).not.toContain('terugkoppeling');
    const t = transition('afgesloten', 'terugkoppeling', { openTerugkoppelingMomenten: [] });
    expect(t.ok).toBe(false);
    expect(allowedActions('afgesloten', { openTerugkoppelingMomenten: ['na_beoordeling'] })).toContain(
      'terugkoppeling',
    );
  });
});

describe('veiligheidsbeoordeling: uitkomst consistent with the two questions', () => {
  const codes = codeLijst('beoordeling_uitkomst').items.map((i) => i.code);
  const overig = ['eenmalige_onveilige_situatie', 'andere_leefdomeinen', 'geen_zorgen'];
  it('the table: acute → acute only; structureel without acute → structureel only; neither → the other three', () => {
    expect(codes).toHaveLength(5);
    expect(toegestaneUitkomsten(true, true, codes)).toEqual(['acute_onveiligheid']);
    expect(toegestaneUitkomsten(true, false, codes)).toEqual(['acute_onveiligheid']);
    expect(toegestaneUitkomsten(false, true, codes)).toEqual(['structurele_onveiligheid']);
    expect(toegestaneUitkomsten(false, false, codes)).toEqual(overig);
    expect(toegestaneUitkomsten(undefined, undefined, codes)).toEqual(codes);
    // A code added by beheer later counts as "no acute or structural unsafety".
    expect(toegestaneUitkomsten(false, false, [...codes, 'nieuw'])).toEqual([...overig, 'nieuw']);
  });
  it('beoordelingRegel agrees with the table for every combination, and names the field uitkomst', () => {
    for (const acute of [true, false]) {
      for (const structureel of [true, false]) {
        const ok = toegestaneUitkomsten(acute, structureel, codes);
        for (const uitkomst of codes) {
          const fout = beoordelingRegel({ acuteOnveiligheid: acute, structureleOnveiligheid: structureel, uitkomst });
          expect(fout === null, `${acute} ${structureel} ${uitkomst}`).toBe(ok.includes(uitkomst));
          if (fout) expect(fout.field).toBe('uitkomst');
        }
      }
    }
  });
  it("the review's case: acute nee, structureel nee, uitkomst acute onveiligheid is refused", () => {
    expect(
      beoordelingRegel({ acuteOnveiligheid: false, structureleOnveiligheid: false, uitkomst: 'acute_onveiligheid' }),
    ).toMatchObject({ field: 'uitkomst', rule: 'acuut_vraagt_acute_onveiligheid' });
    expect(
      beoordelingRegel({ acuteOnveiligheid: true, structureleOnveiligheid: false, uitkomst: 'geen_zorgen' }),
    ).toMatchObject({ rule: 'acute_onveiligheid_vraagt_uitkomst_acuut' });
    expect(
      beoordelingRegel({
        acuteOnveiligheid: false,
        structureleOnveiligheid: false,
        uitkomst: 'structurele_onveiligheid',
      }),
    ).toMatchObject({ rule: 'structureel_vraagt_structurele_onveiligheid' });
    expect(
      beoordelingRegel({
        acuteOnveiligheid: false,
        structureleOnveiligheid: true,
        uitkomst: 'eenmalige_onveilige_situatie',
      }),
    ).toMatchObject({ rule: 'structurele_onveiligheid_vraagt_uitkomst_structureel' });
  });
});

describe('afsluiten: "geen (meer) sprake van onveiligheid" after acute or structurele onveiligheid', () => {
  it('is refused without a dienst or overdracht in between, naming the field reden', () => {
    for (const uitkomst of ['acute_onveiligheid', 'structurele_onveiligheid']) {
      expect(
        afsluitenRegel({ reden: 'geen_onveiligheid', beoordelingUitkomst: uitkomst, dienstOfOverdracht: false }),
      ).toMatchObject({ field: 'reden', rule: 'onveiligheid_zonder_dienst' });
      expect(
        afsluitenRegel({ reden: 'geen_onveiligheid', beoordelingUitkomst: uitkomst, dienstOfOverdracht: true }),
      ).toBeNull();
      expect(
        afsluitenRegel({ reden: 'hulp_al_aanwezig', beoordelingUitkomst: uitkomst, dienstOfOverdracht: false }),
      ).toBeNull();
    }
    for (const uitkomst of ['eenmalige_onveilige_situatie', 'andere_leefdomeinen', 'geen_zorgen', null]) {
      expect(
        afsluitenRegel({ reden: 'geen_onveiligheid', beoordelingUitkomst: uitkomst, dienstOfOverdracht: false }),
      ).toBeNull();
    }
  });
});
