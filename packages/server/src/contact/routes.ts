// Routes of contact with the household: the contact journal of a casus, the organisation's
// home-visit protocol and planning (and approving) a huisbezoek. See docs/contact.md.
import {
  contactInputSchema,
  goedkeuringInputSchema,
  huisbezoekInputSchema,
  protocolInputSchema,
} from '@voordeur/domain';
import { idParams, route, type RouteDef } from '../http/route.ts';
import { casusClientIds } from '../casus/detail.ts';
import { decide } from '../policy/index.ts';
import {
  besluitOverHuisbezoek,
  huisbezoekenVanCasus,
  huisbezoekProtocol,
  planHuisbezoek,
  zetHuisbezoekProtocol,
} from './huisbezoek.ts';
import { contactJournaal, legContactVast } from './service.ts';

export function contactRoutes(): RouteDef[] {
  return [
    route({
      method: 'GET',
      url: '/api/casussen/:id/contacten',
      summary: 'Contactjournaal van de casus (met correcties en aanvullingen) en de geplande huisbezoeken',
      tags: ['contact'],
      policy: { resource: 'melding', action: 'read' },
      relatie: 'casus',
      params: idParams,
      handler: async (c) => {
        const melderZichtbaar = decide(c.user, 'melder', 'read').allow;
        const j = await contactJournaal(c.db, c.params.id, { melderZichtbaar });
        c.audit.clients(j.clientIds);
        c.audit.object('casus', c.params.id);
        c.audit.purpose(`contactjournaal inzien${melderZichtbaar ? ', inclusief contacten met de melder' : ''}`);
        return {
          casusId: j.casusId,
          contacten: j.contacten,
          huisbezoeken: await huisbezoekenVanCasus(c.db, c.params.id),
        };
      },
    }),
    route({
      method: 'POST',
      url: '/api/casussen/:id/contacten',
      summary:
        'Contact vastleggen in het contactjournaal (nooit wijzigen: een correctie of aanvulling is een nieuw contact dat naar het oude verwijst)',
      tags: ['contact'],
      policy: { resource: 'melding', action: 'update' },
      relatie: 'casus',
      params: idParams,
      body: contactInputSchema,
      status: 201,
      handler: async (c) => {
        const r = await legContactVast(c.db, c.params.id, c.body, c.user, c.now());
        c.audit.action('create');
        c.audit.object('contact', r.id);
        c.audit.clients(r.persoonIds.length ? r.persoonIds : await casusClientIds(c.db, c.params.id));
        c.audit.purpose(
          `contact vastgelegd in casus ${c.params.id}${c.body.correctieVan ? ` (${c.body.correctieSoort} op contact ${c.body.correctieVan})` : ''}`,
        );
        return r;
      },
    }),
    route({
      method: 'GET',
      url: '/api/huisbezoekprotocol',
      summary: 'Het huisbezoekprotocol van de organisatie ("ja, tenzij" of "nee, tenzij") met de geschiedenis',
      tags: ['contact'],
      policy: { resource: 'huisbezoekprotocol', action: 'read' },
      handler: async (c) => huisbezoekProtocol(c.db, c.user.organisatieId, c.now()),
    }),
    route({
      method: 'POST',
      url: '/api/huisbezoekprotocol',
      summary: 'Huisbezoekprotocol wijzigen met reden en ingangsdatum (teammanager, functioneel beheerder)',
      tags: ['contact'],
      policy: { resource: 'huisbezoekprotocol', action: 'update' },
      body: protocolInputSchema,
      status: 201,
      handler: async (c) => {
        const r = await zetHuisbezoekProtocol(c.db, c.body, c.user, c.now());
        c.audit.object('huisbezoekprotocol', r.id);
        c.audit.purpose(`huisbezoekprotocol ${c.body.protocol} vanaf ${c.body.ingang}`);
        return { ...r, ...(await huisbezoekProtocol(c.db, c.user.organisatieId, c.now())) };
      },
    }),
    route({
      method: 'POST',
      url: '/api/casussen/:id/huisbezoeken',
      summary:
        'Huisbezoek plannen na de gezondheidscheck per telefoon (nooit alleen; ziek gezinslid: geen bezoek; "nee, tenzij": reden en goedkeuring)',
      tags: ['contact'],
      policy: { resource: 'melding', action: 'update' },
      relatie: 'casus',
      params: idParams,
      body: huisbezoekInputSchema,
      status: 201,
      handler: async (c) => {
        const r = await planHuisbezoek(c.db, c.params.id, c.body, c.user, c.now());
        c.audit.action('create');
        c.audit.object('huisbezoek', r.id);
        c.audit.clients(await casusClientIds(c.db, c.params.id));
        c.audit.purpose(
          `huisbezoek gepland (${r.status}${r.overrides.length ? `; override: ${r.overrides.join(', ')}` : ''})`,
        );
        return r;
      },
    }),
    route({
      method: 'POST',
      url: '/api/casussen/:id/huisbezoeken/goedkeuring',
      summary: 'Huisbezoek goedkeuren of afwijzen (teammanager of gedragswetenschapper; niet wie het aanvroeg)',
      tags: ['contact'],
      policy: { resource: 'huisbezoek_goedkeuring', action: 'update' },
      relatie: 'casus',
      params: idParams,
      body: goedkeuringInputSchema,
      handler: async (c) => {
        const r = await besluitOverHuisbezoek(c.db, c.params.id, c.body, c.user, c.now());
        c.audit.object('huisbezoek', r.id);
        c.audit.clients(await casusClientIds(c.db, c.params.id));
        c.audit.purpose(`huisbezoek ${r.id} ${r.status === 'gepland' ? 'goedgekeurd' : 'afgewezen'}`);
        return r;
      },
    }),
  ];
}
