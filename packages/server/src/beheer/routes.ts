// User and team administration routes (functioneel beheerder, resource `gebruikers`). Account
// data only: no case content. Each change writes one access-log entry (the wrapper; object
// 'gebruiker' or 'team' with its id, the change as purpose) and a history row (gebruikers.ts).
import type { Db } from '../db/index.ts';
import { checkPassword } from '../auth/password-policy.ts';
import type { FieldError } from '../http/errors.ts';
import { gebruikersnaamBestaat } from './queries.ts';
import { idParams, route, type Ctx, type RouteDef } from '../http/route.ts';
import {
  activeer,
  createGebruiker,
  createTeam,
  deactiveer,
  deblokkeer,
  gebruikerInputSchema,
  gebruikerWijzigingSchema,
  historieLijst,
  historieQuerySchema,
  listGebruikers,
  listTeams,
  renameTeam,
  resetTweedeFactor,
  rolOpties,
  stelWachtwoordIn,
  teamInputSchema,
  toelichtingSchema,
  wachtwoordSchema,
  wijzigGebruiker,
} from './gebruikers.ts';

const door = (c: Ctx) => ({ id: c.user.id, organisatieId: c.user.organisatieId });

/**
 * Checks that also run when the body fails its schema, so one 400 names every offending field:
 * the password policy and a login name already in use.
 */
async function nieuweGebruikerCheck(db: Db, raw: unknown): Promise<FieldError[]> {
  const b = (raw ?? {}) as Record<string, unknown>;
  const out: FieldError[] = [];
  const naam = typeof b.gebruikersnaam === 'string' ? b.gebruikersnaam.trim() : '';
  if (naam) {
    if (await gebruikersnaamBestaat(db, naam))
      out.push({ field: 'gebruikersnaam', rule: 'uniek', message: 'Gebruikersnaam: bestaat al; kies een andere' });
  }
  if (typeof b.wachtwoord === 'string' && b.wachtwoord)
    out.push(...checkPassword(b.wachtwoord, { gebruikersnaam: naam, field: 'wachtwoord', label: 'Wachtwoord' }));
  return out;
}

export function beheerRoutes(): RouteDef[] {
  return [
    route({
      method: 'GET',
      url: '/api/beheer/gebruikers',
      summary:
        'Gebruikers (naam, gebruikersnaam, rollen, team, actief, tweede factor, laatste login) en teams — geen casusinhoud',
      tags: ['gebruikersbeheer'],
      policy: { resource: 'gebruikers', action: 'read' },
      handler: async (c) => {
        c.audit.object('gebruiker', null);
        return {
          gebruikers: await listGebruikers(c.db, c.user.organisatieId, c.now()),
          teams: await listTeams(c.db, c.user.organisatieId),
          rollen: rolOpties(),
        };
      },
    }),
    route({
      method: 'POST',
      url: '/api/beheer/gebruikers',
      summary:
        'Gebruiker aanmaken (unieke gebruikersnaam, naam, rollen, team, beginwachtwoord volgens het wachtwoordbeleid)',
      tags: ['gebruikersbeheer'],
      policy: { resource: 'gebruikers', action: 'create' },
      body: gebruikerInputSchema,
      bodyCheck: nieuweGebruikerCheck,
      status: 201,
      handler: async (c) => {
        c.audit.object('gebruiker', null);
        const g = await createGebruiker(c.db, c.body, door(c), c.now());
        c.audit.object('gebruiker', g.id);
        c.audit.purpose(`gebruikersbeheer: account aangemaakt (rollen ${g.rollen.join(', ')})`);
        return g;
      },
    }),
    route({
      method: 'POST',
      url: '/api/beheer/gebruikers/:id',
      summary: 'Naam, rollen en/of team van een gebruiker wijzigen (de laatste functioneel beheerder blijft)',
      tags: ['gebruikersbeheer'],
      policy: { resource: 'gebruikers', action: 'update' },
      params: idParams,
      body: gebruikerWijzigingSchema,
      handler: async (c) => {
        c.audit.object('gebruiker', c.params.id);
        const r = await wijzigGebruiker(c.db, c.params.id, c.body, door(c), c.now());
        c.audit.purpose(`gebruikersbeheer: ${r.gewijzigd.join(', ')} gewijzigd`);
        return r;
      },
    }),
    route({
      method: 'POST',
      url: '/api/beheer/gebruikers/:id/deactiveren',
      summary: 'Gebruiker deactiveren: inloggen kan niet meer en alle sessies eindigen direct',
      tags: ['gebruikersbeheer'],
      policy: { resource: 'gebruikers', action: 'update' },
      params: idParams,
      body: toelichtingSchema,
      handler: async (c) => {
        c.audit.object('gebruiker', c.params.id);
        const r = await deactiveer(c.db, c.params.id, c.body.toelichting, door(c), c.now());
        c.audit.purpose(`gebruikersbeheer: gedeactiveerd (${r.sessiesBeeindigd} sessies beëindigd)`);
        return r;
      },
    }),
    route({
      method: 'POST',
      url: '/api/beheer/gebruikers/:id/activeren',
      summary: 'Gedeactiveerde gebruiker weer actief maken',
      tags: ['gebruikersbeheer'],
      policy: { resource: 'gebruikers', action: 'update' },
      params: idParams,
      body: toelichtingSchema,
      handler: async (c) => {
        c.audit.object('gebruiker', c.params.id);
        c.audit.purpose('gebruikersbeheer: weer actief gemaakt');
        return activeer(c.db, c.params.id, c.body.toelichting, door(c), c.now());
      },
    }),
    route({
      method: 'POST',
      url: '/api/beheer/gebruikers/:id/tweede-factor-resetten',
      summary:
        'Tweede factor resetten (telefoon kwijt): geheim en herstelcodes vervallen, sessies eindigen; bij de volgende login opnieuw instellen',
      tags: ['gebruikersbeheer'],
      policy: { resource: 'gebruikers', action: 'update' },
      params: idParams,
      body: toelichtingSchema,
      handler: async (c) => {
        c.audit.object('gebruiker', c.params.id);
        const r = await resetTweedeFactor(c.db, c.params.id, c.body.toelichting, door(c), c.now());
        c.audit.purpose(`gebruikersbeheer: tweede factor gereset (${r.sessiesBeeindigd} sessies beëindigd)`);
        return r;
      },
    }),
    route({
      method: 'POST',
      url: '/api/beheer/gebruikers/:id/wachtwoord',
      summary:
        'Nieuw wachtwoord instellen voor een gebruiker (wachtwoordbeleid); heft een blokkade op en beëindigt de sessies',
      tags: ['gebruikersbeheer'],
      policy: { resource: 'gebruikers', action: 'update' },
      params: idParams,
      body: wachtwoordSchema,
      handler: async (c) => {
        c.audit.object('gebruiker', c.params.id);
        const r = await stelWachtwoordIn(c.db, c.params.id, c.body.wachtwoord, door(c), c.now());
        c.audit.purpose(`gebruikersbeheer: wachtwoord ingesteld (${r.sessiesBeeindigd} sessies beëindigd)`);
        return r;
      },
    }),
    route({
      method: 'POST',
      url: '/api/beheer/gebruikers/:id/deblokkeren',
      summary: 'Blokkade na mislukte inlogpogingen opheffen',
      tags: ['gebruikersbeheer'],
      policy: { resource: 'gebruikers', action: 'update' },
      params: idParams,
      handler: async (c) => {
        c.audit.object('gebruiker', c.params.id);
        c.audit.purpose('gebruikersbeheer: blokkade opgeheven');
        return deblokkeer(c.db, c.params.id, door(c), c.now());
      },
    }),
    route({
      method: 'GET',
      url: '/api/beheer/gebruikersbeheer/historie',
      summary: 'Historie van het gebruikers- en teambeheer (wie wijzigde wat, wanneer), nieuwste eerst',
      tags: ['gebruikersbeheer'],
      policy: { resource: 'gebruikers', action: 'read' },
      query: historieQuerySchema,
      handler: async (c) => {
        c.audit.object(
          c.query.teamId && !c.query.gebruikerId ? 'team' : 'gebruiker',
          c.query.gebruikerId ?? c.query.teamId ?? null,
        );
        c.audit.purpose('gebruikersbeheer: historie');
        return { historie: await historieLijst(c.db, c.user.organisatieId, c.query) };
      },
    }),
    route({
      method: 'POST',
      url: '/api/beheer/teams',
      summary: 'Team aanmaken',
      tags: ['gebruikersbeheer'],
      policy: { resource: 'gebruikers', action: 'create' },
      body: teamInputSchema,
      status: 201,
      handler: async (c) => {
        c.audit.object('team', null);
        const t = await createTeam(c.db, c.body.naam, door(c), c.now());
        c.audit.object('team', t.id);
        c.audit.purpose('gebruikersbeheer: team aangemaakt');
        return t;
      },
    }),
    route({
      method: 'POST',
      url: '/api/beheer/teams/:id',
      summary: 'Team hernoemen',
      tags: ['gebruikersbeheer'],
      policy: { resource: 'gebruikers', action: 'update' },
      params: idParams,
      body: teamInputSchema,
      handler: async (c) => {
        c.audit.object('team', c.params.id);
        c.audit.purpose('gebruikersbeheer: team hernoemd');
        return renameTeam(c.db, c.params.id, c.body.naam, door(c), c.now());
      },
    }),
  ];
}
