// Intake routes beyond registering (those are in routes.ts): the household a melding will be
// about, with its open casus and the radar of the address, and closing an open adviesvraag.
import { adviesvraagAfsluitenSchema, intakeHuishoudenZoekSchema } from '@voordeur/domain';
import { idParams, route, type RouteDef } from '../http/route.ts';
import { eisGevonden, onthoudGevonden } from './gevonden.ts';
import { afsluitenAdviesvraag, huishoudenVoorIntake } from './service.ts';

export function intakeRoutes(): RouteDef[] {
  return [
    route({
      method: 'GET',
      url: '/api/intake/huishouden',
      summary:
        'Vóór registratie: het huishouden waar de melding bij komt (gekozen, op het adres of van een gekoppelde persoon), of het een open casus heeft (dan wordt het een hermelding), en eerdere meldingen over dit huishouden en dit adres (radar)',
      tags: ['intake'],
      policy: { resource: 'melding', action: 'search' },
      query: intakeHuishoudenZoekSchema,
      handler: async (c) => {
        const q = c.query;
        const persoonIds = q.persoonIds ? q.persoonIds.split(',').map(Number) : [];
        c.audit.purpose('intake: radar huishouden en adres');
        await eisGevonden(c.db, c.session, c.now(), { persoonIds, huishoudenId: q.huishoudenId });
        const r = await huishoudenVoorIntake(c.db, { ...q, persoonIds });
        await onthoudGevonden(c.db, c.session, r.huishouden?.leden.map((l) => l.id) ?? [], c.now());
        c.audit.clients([
          ...new Set([...(r.huishouden?.leden.map((l) => l.id) ?? []), ...r.meldingen.flatMap((m) => m.persoonIds)]),
        ]);
        c.audit.object('huishouden', r.huishouden?.id ?? null);
        return r;
      },
    }),
    route({
      method: 'POST',
      url: '/api/adviesvragen/:id/afsluiten',
      summary:
        'Een open adviesvraag afsluiten met het gegeven advies (zonder identificerende gegevens); 409 als zij al is afgesloten of omgezet',
      tags: ['intake'],
      policy: { resource: 'adviesvraag', action: 'update' },
      params: idParams,
      body: adviesvraagAfsluitenSchema,
      handler: async (c) => {
        const a = await afsluitenAdviesvraag(c.db, c.params.id, c.body, c.now());
        c.audit.object('adviesvraag', a.id);
        return a;
      },
    }),
  ];
}
