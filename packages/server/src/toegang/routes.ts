// Routes of relation-based access: MDO consultations on a casus, emergency access ("break the
// glass") and the privacy officer's review of emergency accesses. See docs/security.md.
import { z } from 'zod';
import { casusClientIds } from '../casus/detail.ts';
import { idParams, route, type RouteDef } from '../http/route.ts';
import { bepaalToegang } from './relatie.ts';
import {
  beeindigConsultatie,
  beoordeelNoodtoegang,
  beoordelingInputSchema,
  consulteer,
  consultatieInputSchema,
  noodtoegangInputSchema,
  noodtoegangLijst,
  noodtoegangLijstSchema,
  vraagNoodtoegang,
} from './service.ts';

export function toegangRoutes(): RouteDef[] {
  return [
    route({
      method: 'POST',
      url: '/api/casussen/:id/noodtoegang',
      summary:
        'Noodtoegang (break the glass) tot een casus zonder relatie, met reden; geldt deze sessie, hoogstens 12 uur',
      tags: ['toegang'],
      policy: { resource: 'melding', action: 'read' },
      relatie: { geen: 'hier vraagt wie geen relatie heeft toegang aan; gelogd als noodtoegang' },
      params: idParams,
      body: noodtoegangInputSchema,
      response: '201 verleend, 200 al actief in deze sessie',
      handler: async (c) => {
        const r = await vraagNoodtoegang(c.db, c.user, c.session.id, c.params.id, c.body.reden, c.now());
        c.audit.action('emergency');
        c.audit.object('casus', c.params.id);
        c.audit.clients(await casusClientIds(c.db, c.params.id));
        c.audit.purpose(`noodtoegang #${r.id} ${r.nieuw ? 'verleend' : 'al actief'}: ${c.body.reden}`.slice(0, 1100));
        c.reply.code(r.nieuw ? 201 : 200);
        const { nieuw, ...out } = r;
        return out;
      },
    }),
    route({
      method: 'POST',
      url: '/api/casussen/:id/consultaties',
      summary:
        'MDO-consultatie vastleggen: een collega (bijv. gedragswetenschapper of vertrouwensarts) krijgt toegang tot de casus',
      tags: ['toegang'],
      policy: { resource: 'melding', action: 'update' },
      relatie: 'casus',
      params: idParams,
      body: consultatieInputSchema,
      status: 201,
      handler: async (c) => {
        const r = await consulteer(c.db, c.toegang!, c.body, c.user, c.now());
        c.audit.action('create');
        c.audit.object('mdo_consultatie', r.id);
        c.audit.clients(await casusClientIds(c.db, r.casusId));
        c.audit.purpose(
          `MDO-consultatie vastgelegd: ${r.gebruiker.naam} (gebruiker ${r.gebruiker.id}) krijgt toegang tot casus ${r.casusId}`,
        );
        return r;
      },
    }),
    route({
      method: 'POST',
      url: '/api/casussen/:id/consultaties/:consultatieId/beeindigen',
      summary: 'MDO-consultatie beëindigen (de collega verliest de toegang die de consultatie gaf)',
      tags: ['toegang'],
      policy: { resource: 'melding', action: 'update' },
      relatie: 'casus',
      params: z.object({ id: z.coerce.number().int().positive(), consultatieId: z.coerce.number().int().positive() }),
      handler: async (c) => {
        const r = await beeindigConsultatie(c.db, c.toegang!, c.params.consultatieId, c.user.id, c.now());
        c.audit.object('mdo_consultatie', r.id);
        c.audit.purpose(`MDO-consultatie ${r.id} beëindigd (casus ${r.casusId})`);
        return r;
      },
    }),
    route({
      method: 'GET',
      url: '/api/casussen/:id/toegang',
      summary: 'Mijn relatie met deze casus (eigen team, behandelaar, MDO, triage, noodtoegang) — zonder casusgegevens',
      tags: ['toegang'],
      policy: { resource: 'melding', action: 'read' },
      relatie: { geen: 'zegt alleen of de gebruiker een relatie heeft; geeft geen casusgegevens' },
      params: idParams,
      handler: async (c) => {
        const t = await bepaalToegang(c.db, c.user, c.session.id, c.params.id, c.now());
        c.audit.object('casus', t.casusId);
        c.audit.purpose('eigen relatie met de casus opvragen');
        return t;
      },
    }),
    route({
      method: 'GET',
      url: '/api/toegangslog/noodtoegang',
      summary: 'Noodtoegangen ter beoordeling door de privacy officer (standaard: nog niet beoordeeld), nieuwste eerst',
      tags: ['toegangslog'],
      policy: { resource: 'toegangslog', action: 'search' },
      query: noodtoegangLijstSchema,
      handler: async (c) => {
        const r = await noodtoegangLijst(c.db, c.query);
        c.audit.object('noodtoegang', null);
        c.audit.purpose(`noodtoegangen bekijken (beoordeeld: ${c.query.beoordeeld})`);
        return r;
      },
    }),
    route({
      method: 'POST',
      url: '/api/toegangslog/noodtoegang/:id/beoordeling',
      summary: 'Noodtoegang beoordelen: gerechtvaardigd of niet, met notitie (eenmalig)',
      tags: ['toegangslog'],
      policy: { resource: 'toegangslog', action: 'update' },
      params: idParams,
      body: beoordelingInputSchema,
      handler: async (c) => {
        const r = await beoordeelNoodtoegang(c.db, c.params.id, c.body, c.user.id, c.now());
        c.audit.object('noodtoegang', r.id);
        c.audit.purpose(`noodtoegang #${r.id} beoordeeld: ${r.oordeel}`);
        return r;
      },
    }),
  ];
}
