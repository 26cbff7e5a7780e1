import { describe, expect, it } from 'vitest';
import { isServerDraft, persoonIdsIn, serverKey } from './drafts.ts';
import { groepeer } from './pages/Account.tsx';

describe('server drafts', () => {
  it('maps form keys to the keys the server accepts', () => {
    expect(serverKey('casus:12:veiligheidsbeoordeling')).toBe('casus.12.veiligheidsbeoordeling');
    expect(serverKey('intake:advies:3')).toBe('intake.advies.3');
    expect(serverKey('beheer:gelijkgestelde-dag')).toBe('beheer.gelijkgestelde-dag');
    expect(serverKey('a b/c')).toBe('a_b_c');
    expect(serverKey('x'.repeat(150))).toHaveLength(100);
  });
  it('keeps search criteria and results in memory only', () => {
    expect(isServerDraft('intake')).toBe(true);
    expect(isServerDraft('casus:1:open')).toBe(true);
    expect(isServerDraft('intake:criteria')).toBe(false);
    expect(isServerDraft('intake:resultaten')).toBe(false);
    expect(isServerDraft('zoeken:casus')).toBe(false);
  });
  it('finds the persons a draft is about', () => {
    const intake = {
      omschrijving: 'x',
      betrokkenen: [{ persoonId: 7, gekoppeld: { naam: 'A' } }, { persoon: { achternaam: 'B' } }, { persoonId: 3 }],
    };
    expect(persoonIdsIn(intake).sort()).toEqual([3, 7]);
    expect(persoonIdsIn({ persoonId: '12', keuze: 'geinformeerd' })).toEqual([12]);
    expect(persoonIdsIn({ persoonId: '', persoonIds: [4, 4, -1] })).toEqual([4]);
    expect(persoonIdsIn(null)).toEqual([]);
  });
});

describe('second factor secret', () => {
  it('is shown in groups of four', () => {
    expect(groepeer('JBSWY3DPEHPK3PXPJBSWY3DP')).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP');
  });
});
