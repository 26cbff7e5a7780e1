// The answers the server builds conform to the shapes the web app reads (packages/domain/src/api/).
// A compile-time check (tsc): a server type that drifts from its domain shape fails the build.
import type { CodelijstItem, Kandidaat, MeldingAangemaakt, RadarMelding } from '@voordeur/domain';
import { describe, expectTypeOf, it } from 'vitest';
import type { MeldingCreated } from '../intake/service.ts';
import type { PersoonKandidaat } from '../personen/service.ts';
import type { CodeListItem } from '../referentie/service.ts';

describe('server answers conform to the domain api shapes', () => {
  it('types', () => {
    expectTypeOf<PersoonKandidaat>().toExtend<Kandidaat>();
    expectTypeOf<MeldingCreated & { eerdereMeldingen: RadarMelding[] }>().toExtend<MeldingAangemaakt>();
    expectTypeOf<CodeListItem>().toExtend<CodelijstItem>();
    // Not yet: werkvoorraad/service.ts declares WerkItem.status as string (the domain: MeldingStatus);
    // once it says MeldingStatus, add: expectTypeOf<WerkItem>().toExtend<domain WerkItem>() and the
    // same for Awaited<ReturnType<typeof werkvoorraad>> against Werkvoorraad.
  });
});
