// The route table. Each route: method, url, policy, schemas, handler. See http/route.ts.
import {
  actieUrl,
  adviesvraagInputSchema,
  idLijstSchema,
  datumSchema,
  afsluitenInputSchema,
  beoordelingInputSchema,
  dienstStartInputSchema,
  informerenInputSchema,
  meldingInputSchema,
  monitoringcontactInputSchema,
  onderzoekUitkomstInputSchema,
  overdrachtInputSchema,
  persoonZoekSchema,
  PROCESSEN,
  rvdkInputSchema,
  terugkoppelingInputSchema,
  toewijzenInputSchema,
  veiligheidsvlagInputSchema,
  veiligheidsvoorwaardenInputSchema,
  zietMedewerkers,
  zietZoekKenmerken,
  type Actie,
  type ActieInput,
} from '@voordeur/domain';
import { betrokkenenVanMeldingen } from './audit/queries.ts';
import { teamInOrganisatie } from './beheer/queries.ts';
import { z } from 'zod';
import { authRoutes } from './auth/routes.ts';
import { beheerRoutes } from './beheer/routes.ts';
import { contactRoutes } from './contact/routes.ts';
import { huisbezoekProtocol } from './contact/huisbezoek.ts';
import { privacyRoutes } from './privacy/routes.ts';
import { rapportageRoutes } from './rapportage/routes.ts';
import { RELATIE_LABEL, werkrelatieMeldingSql } from './toegang/relatie.ts';
import { toegangRoutes } from './toegang/routes.ts';
import { consultaties } from './toegang/service.ts';
import { actionCodeErrors, assignBehandelaar, performAction } from './casus/acties.ts';
import { casusClientIds, casusDetail, casusIdOfMelding, zoekCasussen } from './casus/detail.ts';
import { migrationVersion } from './db/migrate.ts';
import { forbidden, notFound, ValidationError } from './http/errors.ts';
import { metricsAnswer, readiness } from './http/metrics.ts';
import { openApiDocument } from './http/openapi.ts';
import { idParams, route, type RouteDef } from './http/route.ts';
import { intakeRoutes } from './intake/routes.ts';
import { eisGevonden, onthoudGevonden } from './intake/gevonden.ts';
import {
  adviesvraagCodeErrors,
  createAdviesvraag,
  createMelding,
  getAdviesvraag,
  listAdviesvragen,
  meldingCodeErrors,
} from './intake/service.ts';
import { radarMetAnderen, zoekHuishoudens, zoekPersonenResultaat } from './personen/service.ts';
import { decide } from './policy/index.ts';
import { checkCodes, codeLists, gelijkgesteldeDagen, gemeenten, medewerkers, teams } from './referentie/service.ts';
import { setGelijkgesteldeDag, verwijderGelijkgesteldeDag } from './werkvoorraad/kalender.ts';
import { setVeiligheidsvlag } from './casus/vlag.ts';
import { werkvoorraad } from './werkvoorraad/service.ts';

export const API_VERSION = '0.1.0';

// The URL of each action comes from the domain's ACTIE_PATH (actieUrl), the one table the web app posts to.
const WORKFLOW: Array<{ actie: Actie; schema: z.ZodType; summary: string }> = [
  {
    actie: 'veiligheidsbeoordeling',
    schema: beoordelingInputSchema,
    summary: 'Veiligheidsbeoordeling vastleggen (vier ogen)',
  },
  {
    actie: 'dienst_voorwaarden_en_vervolg',
    schema: dienstStartInputSchema,
    summary: 'Dienst Voorwaarden en Vervolg starten',
  },
  {
    actie: 'dienst_onderzoek',
    schema: dienstStartInputSchema,
    summary: 'Dienst Onderzoek starten',
  },
  {
    actie: 'overdragen',
    schema: overdrachtInputSchema,
    summary: 'Overdragen (na beoordeling of na dienst)',
  },
  { actie: 'afsluiten', schema: afsluitenInputSchema, summary: 'Afsluiten' },
  {
    actie: 'onderzoek_uitkomst',
    schema: onderzoekUitkomstInputSchema,
    summary: 'Uitkomst van de dienst Onderzoek per type geweld',
  },
  {
    actie: 'veiligheidsvoorwaarden',
    schema: veiligheidsvoorwaardenInputSchema,
    summary: 'Veiligheidsvoorwaarden vastleggen',
  },
  {
    actie: 'terugkoppeling',
    schema: terugkoppelingInputSchema,
    summary: 'Terugkoppeling aan de melder vastleggen',
  },
  {
    actie: 'informeren',
    schema: informerenInputSchema,
    summary: 'Informeren van een betrokkene (of verlenging van de termijn) vastleggen',
  },
  {
    actie: 'rvdk_verzoek',
    schema: rvdkInputSchema,
    summary: 'Verzoek tot onderzoek aan de Raad voor de Kinderbescherming',
  },
  {
    actie: 'monitoringcontact',
    schema: monitoringcontactInputSchema,
    summary: 'Monitoringcontact na overdracht vastleggen (hulp gestart, veilig)',
  },
];

/** Every route of the server: the core table below plus the modules' own tables. */
export function allRoutes(): RouteDef[] {
  return [
    ...coreRoutes(),
    ...intakeRoutes(),
    ...authRoutes(),
    ...privacyRoutes(),
    ...rapportageRoutes(),
    ...beheerRoutes(),
    ...toegangRoutes(),
    ...contactRoutes(),
  ];
}

function coreRoutes(): RouteDef[] {
  const routes: RouteDef[] = [
    route({
      method: 'GET',
      url: '/api/health',
      summary: 'Gezondheid: databasesoort en migratieversie',
      tags: ['systeem'],
      policy: { public: 'monitoring by load balancers; returns no personal data' },
      handler: async (c) => ({
        status: 'ok',
        database: c.dbKind,
        migration: await migrationVersion(c.db),
        version: API_VERSION,
      }),
    }),
    route({
      method: 'GET',
      url: '/api/health/live',
      summary: 'Leeft het proces? (liveness; raakt de database niet)',
      tags: ['systeem'],
      policy: { public: 'liveness probe for the orchestrator; returns no data' },
      handler: async () => ({ status: 'ok' }),
    }),
    route({
      method: 'GET',
      url: '/api/health/ready',
      summary: 'Kan dit proces verkeer aannemen? Database bereikbaar en schema van deze versie (anders 503)',
      tags: ['systeem'],
      policy: { public: 'readiness probe for the load balancer; returns no personal data' },
      handler: async (c) => readiness(c.db, c.reply),
    }),
    route({
      method: 'GET',
      url: '/api/metrics',
      summary: 'Prometheus-metrics (alleen met het token uit VOORDEUR_METRICS_TOKEN)',
      tags: ['systeem'],
      policy: {
        public:
          'Prometheus scrape, guarded by the bearer token VOORDEUR_METRICS_TOKEN; counts and durations per route pattern, no personal data',
      },
      response: 'Prometheus text format',
      handler: async (c) => metricsAnswer(c.config.metricsToken, c.req, c.reply, API_VERSION),
    }),
    route({
      method: 'GET',
      url: '/api/openapi.json',
      summary: 'OpenAPI 3.1-document van alle endpoints',
      tags: ['systeem'],
      policy: { public: 'API description; contains no data' },
      handler: async () => openApiDocument(allRoutes(), API_VERSION),
    }),
    route({
      method: 'GET',
      url: '/api/referentie',
      summary:
        'Codelijsten (geldende versie), gemeenten, teams, — voor casusrollen en de privacy officer — medewerkers, en (voor casewerkers) het huisbezoekprotocol',
      tags: ['referentie'],
      policy: { resource: 'referentie', action: 'read' },
      handler: async (c) => {
        const protocol = decide(c.user, 'huisbezoekprotocol', 'read').allow
          ? await huisbezoekProtocol(c.db, c.user.organisatieId, c.now())
          : null;
        return {
          codelijsten: await codeLists(c.db),
          gemeenten: await gemeenten(c.db),
          teams: await teams(c.db),
          // Staff names only for the roles that assign, consult or read the access log.
          medewerkers: zietMedewerkers(c.user.rollen) ? await medewerkers(c.db) : [],
          processen: PROCESSEN,
          ...(protocol
            ? { huisbezoekprotocol: { protocol: protocol.protocol, label: protocol.label, sinds: protocol.sinds } }
            : {}),
        };
      },
    }),
    route({
      method: 'GET',
      url: '/api/personen',
      summary: 'Personen zoeken vóór registratie (BSN exact; naam + geboortedatum tolerant; adres)',
      tags: ['intake'],
      policy: { resource: 'persoon', action: 'search' },
      query: persoonZoekSchema,
      handler: async (c) => {
        const r = await zoekPersonenResultaat(c.db, c.query, 20, { kenmerken: zietZoekKenmerken(c.user.rollen) });
        await onthoudGevonden(
          c.db,
          c.session,
          r.kandidaten.map((p) => p.id),
          c.now(),
        );
        c.audit.clients(r.kandidaten.map((p) => p.id));
        c.audit.object('persoon', null);
        c.audit.purpose('intake: zoeken vóór registratie');
        return r;
      },
    }),
    route({
      method: 'GET',
      url: '/api/huishoudens',
      summary: 'Huishoudens op een adres, met leden en open casus',
      tags: ['intake'],
      policy: { resource: 'persoon', action: 'search' },
      query: z.object({
        postcode: z.string().trim().min(6, 'Postcode als 1234AB'),
        huisnummer: z.string().trim().min(1, 'Verplicht veld'),
      }),
      handler: async (c) => {
        const r = await zoekHuishoudens(c.db, c.query.postcode, c.query.huisnummer);
        await onthoudGevonden(
          c.db,
          c.session,
          r.flatMap((h: any) => h.leden.map((l: any) => l.id as number)),
          c.now(),
        );
        c.audit.clients(r.flatMap((h: any) => h.leden.map((l: any) => l.id)));
        c.audit.object('huishouden', null);
        return { huishoudens: r };
      },
    }),
    route({
      method: 'GET',
      url: '/api/radar',
      summary: 'Eerdere meldingen over deze personen (radarfunctie), in elke casus',
      tags: ['intake'],
      policy: { resource: 'melding', action: 'search' },
      query: z.object({ persoonIds: idLijstSchema }),
      handler: async (c) => {
        const ids = c.query.persoonIds.split(',').map(Number);
        c.audit.clients(ids);
        c.audit.purpose('intake: radar eerdere meldingen');
        await eisGevonden(c.db, c.session, c.now(), { persoonIds: ids });
        const r = await radarMetAnderen(c.db, ids, undefined, c.user.organisatieId);
        c.audit.clients(r.anderen); // the asked ids are already listed above (also for a refusal)
        return { meldingen: r.meldingen };
      },
    }),
    route({
      method: 'POST',
      url: '/api/meldingen',
      summary: 'Melding registreren (een hermelding voegt zich bij de open casus van het huishouden)',
      tags: ['intake'],
      policy: { resource: 'melding', action: 'create' },
      body: meldingInputSchema,
      bodyCheck: meldingCodeErrors,
      status: 201,
      handler: async (c) => {
        const r = await createMelding(c.db, c.body, c.user.id, c.now());
        const eerdere = await radarMetAnderen(c.db, r.persoonIds, r.meldingId, c.user.organisatieId);
        c.audit.clients([...r.persoonIds, ...eerdere.anderen]);
        c.audit.object('melding', r.meldingId);
        if (r.nietDubbel.length)
          c.audit.purpose(
            `intake: melding registreren; bevestigd andere persoon dan ${r.nietDubbel.map((x) => `${x.persoonId}≠${x.kandidaatId}`).join(', ')}`,
          );
        return { ...r, eerdereMeldingen: eerdere.meldingen };
      },
    }),
    route({
      method: 'POST',
      url: '/api/adviesvragen',
      summary: 'Adviesvraag registreren (geen identificerende gegevens van betrokkenen)',
      tags: ['intake'],
      policy: { resource: 'adviesvraag', action: 'create' },
      body: adviesvraagInputSchema,
      bodyCheck: adviesvraagCodeErrors,
      status: 201,
      handler: async (c) => {
        const r = await createAdviesvraag(c.db, c.body, c.user.id, c.user.teamId, c.now());
        c.audit.object('adviesvraag', r.id);
        return r;
      },
    }),
    route({
      method: 'GET',
      url: '/api/adviesvragen',
      summary: 'Recente adviesvragen',
      tags: ['intake'],
      policy: { resource: 'adviesvraag', action: 'read' },
      handler: async (c) => ({ adviesvragen: await listAdviesvragen(c.db) }),
    }),
    route({
      method: 'GET',
      url: '/api/adviesvragen/:id',
      summary: 'Eén adviesvraag (om om te zetten in een melding)',
      tags: ['intake'],
      policy: { resource: 'adviesvraag', action: 'read' },
      params: idParams,
      handler: async (c) => {
        const a = await getAdviesvraag(c.db, c.params.id);
        if (!a) throw notFound('Adviesvraag');
        c.audit.object('adviesvraag', a.id);
        return a;
      },
    }),
    route({
      method: 'GET',
      url: '/api/casussen/:id',
      summary: 'Casus: huishouden, meldingen, tijdlijn, termijnen en mogelijke acties',
      tags: ['casus'],
      policy: { resource: 'melding', action: 'read' },
      relatie: 'casus',
      params: idParams,
      handler: async (c) => {
        const melderZichtbaar = decide(c.user, 'melder', 'read').allow;
        const d = await casusDetail(c.db, c.params.id, c.now(), { melderZichtbaar });
        c.audit.clients(d.clientIds);
        c.audit.object('casus', d.id);
        if (melderZichtbaar) c.audit.purpose('casus inzien, inclusief melder');
        // The user's relation (a banner for emergency access) and the MDO consultations.
        const t = c.toegang!;
        const toegang = {
          relaties: t.relaties.map((r) => ({ relatie: r, label: RELATIE_LABEL[r] })),
          noodtoegang: t.noodtoegang,
          magConsulteren: t.werkrelatie && decide(c.user, 'melding', 'update').allow,
        };
        return { ...d, toegang, consultaties: await consultaties(c.db, d.id, c.now()) };
      },
    }),
    route({
      method: 'GET',
      url: '/api/casussen',
      summary: 'Casus zoeken op casus- of meldingnummer',
      tags: ['casus'],
      policy: { resource: 'melding', action: 'search' },
      query: z.object({ q: z.string().trim().min(1, 'Verplicht veld') }),
      handler: async (c) => {
        const r = await zoekCasussen(c.db, c.query.q);
        for (const x of r) c.audit.clients(await casusClientIds(c.db, x.id));
        return { casussen: r };
      },
    }),
    route({
      method: 'POST',
      url: '/api/casussen/:id/veiligheidsvlag',
      summary: 'Veiligheidsvlag van de casus zetten of weghalen (acuut gevaar, wapen, dreiging richting medewerkers)',
      tags: ['casus'],
      policy: { resource: 'melding', action: 'update' },
      relatie: 'casus',
      params: idParams,
      body: veiligheidsvlagInputSchema,
      bodyCheck: (db, raw) =>
        checkCodes(db, [
          [
            'vlaggen',
            'veiligheidsvlag',
            Array.isArray((raw as any)?.vlaggen)
              ? (raw as any).vlaggen.filter((v: unknown) => typeof v === 'string')
              : undefined,
          ],
        ]),
      handler: async (c) => {
        const r = await setVeiligheidsvlag(c.db, c.params.id, c.body);
        c.audit.clients(await casusClientIds(c.db, c.params.id));
        c.audit.object('casus', c.params.id);
        return r;
      },
    }),
    route({
      method: 'GET',
      url: '/api/werkvoorraad',
      summary: 'Werkvoorraad per team en proces, gesorteerd op wettelijke termijn, met tellingen',
      tags: ['werkvoorraad'],
      policy: { resource: 'werkvoorraad', action: 'read' },
      query: z.object({
        team: z.union([z.literal('alle'), z.coerce.number().int().positive()]).optional(),
        proces: z.enum(PROCESSEN).optional(),
        behandelaar: z.union([z.literal('mij'), z.literal('geen'), z.coerce.number().int().positive()]).optional(),
        klok: z.enum(['overdue', 'at_risk', 'on_time']).optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
        offset: z.coerce.number().int().min(0).default(0),
      }),
      handler: async (c) => {
        const q = c.query;
        const teamId = q.team === 'alle' ? null : (q.team ?? c.user.teamId);
        if (teamId != null && teamId !== c.user.teamId) {
          if (!(await teamInOrganisatie(c.db, teamId, c.user.organisatieId)))
            throw new ValidationError([
              { field: 'query.team', rule: 'bestaat', message: `Team ${teamId} bestaat niet in uw organisatie` },
            ]);
        }
        const behandelaarId = q.behandelaar === 'mij' ? c.user.id : q.behandelaar === 'geen' ? null : q.behandelaar;
        // Another team's or all teams' meldingen are listed only where the user has a relation
        // with them (toegang/relatie.ts); the counts cover the whole scope.
        const zichtbaar =
          teamId != null && teamId === c.user.teamId ? null : await werkrelatieMeldingSql(c.db, c.user, c.now());
        const r = await werkvoorraad(
          c.db,
          {
            organisatieId: c.user.organisatieId,
            teamId,
            zichtbaar,
            proces: q.proces,
            behandelaarId,
            klok: q.klok,
            limit: q.limit,
            offset: q.offset,
          },
          c.now(),
        );
        c.audit.object('werkvoorraad', teamId);
        c.audit.clients(
          await betrokkenenVanMeldingen(
            c.db,
            r.items.map((i) => i.meldingId),
          ),
        );
        return r;
      },
    }),
    route({
      method: 'POST',
      url: '/api/meldingen/:id/toewijzen',
      summary: 'Melding (her)toewijzen aan een behandelaar; aan een ander alleen door de teammanager',
      tags: ['werkvoorraad'],
      policy: { resource: 'melding', action: 'update' },
      relatie: 'melding',
      params: idParams,
      body: toewijzenInputSchema,
      handler: async (c) => {
        if (c.body.behandelaarId !== c.user.id && !decide(c.user, 'werkvoorraad_toewijzen', 'update').allow) {
          throw forbidden('Alleen de teammanager wijst werk toe aan een ander; u kunt een melding zelf oppakken');
        }
        const r = await assignBehandelaar(c.db, c.params.id, c.body.behandelaarId, c.body.versie);
        c.audit.clients(r.clientIds);
        c.audit.object('melding', r.meldingId);
        return r;
      },
    }),
    route({
      method: 'GET',
      url: '/api/beheer/gelijkgestelde-dagen',
      summary: 'Gelijkgestelde dagen (Algemene termijnenwet art. 3 lid 3) die geen werkdag zijn',
      tags: ['beheer'],
      policy: { resource: 'referentie', action: 'read' },
      handler: async (c) => {
        c.audit.object('gelijkgestelde_dag', null);
        return { dagen: await gelijkgesteldeDagen(c.db) };
      },
    }),
    route({
      method: 'POST',
      url: '/api/beheer/gelijkgestelde-dagen',
      summary: 'Gelijkgestelde dag toevoegen of wijzigen (telt niet als werkdag in de termijnen)',
      tags: ['beheer'],
      policy: { resource: 'beheer', action: 'update' },
      body: z.object({ datum: datumSchema, naam: z.string().trim().min(3, 'Minimaal 3 tekens').max(200) }),
      handler: async (c) => {
        c.audit.object('gelijkgestelde_dag', c.body.datum);
        await setGelijkgesteldeDag(c.db, c.body.datum, c.body.naam);
        return { dagen: await gelijkgesteldeDagen(c.db) };
      },
    }),
    route({
      method: 'DELETE',
      url: '/api/beheer/gelijkgestelde-dagen/:datum',
      summary: 'Gelijkgestelde dag verwijderen (de dag telt weer als werkdag)',
      tags: ['beheer'],
      policy: { resource: 'beheer', action: 'update' },
      params: z.object({ datum: datumSchema }),
      handler: async (c) => {
        c.audit.object('gelijkgestelde_dag', c.params.datum);
        if (!(await verwijderGelijkgesteldeDag(c.db, c.params.datum))) throw notFound('Gelijkgestelde dag');
        return { dagen: await gelijkgesteldeDagen(c.db) };
      },
    }),
  ];
  for (const w of WORKFLOW) {
    routes.push(
      route({
        method: 'POST',
        url: actieUrl(':id', w.actie),
        summary: w.summary,
        tags: ['handelingsprotocol'],
        policy: { resource: 'melding', action: 'transition' },
        relatie: 'melding',
        params: idParams,
        body: w.schema,
        bodyCheck: (db, raw) => actionCodeErrors(db, w.actie, raw),
        handler: async (c) => {
          const r = await performAction(c.db, c.params.id, w.actie, c.body as ActieInput, c.user.id, c.now());
          c.audit.clients(r.clientIds);
          c.audit.object('melding', r.meldingId);
          c.audit.purpose(w.actie);
          return r;
        },
      }),
    );
  }
  return routes;
}

export { casusIdOfMelding };
