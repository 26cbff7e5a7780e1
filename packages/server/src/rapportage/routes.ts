// Management information: half-year report, CBS delivery, monitoring. Aggregated figures only,
// except the CBS delivery, which by law carries BSN, date of birth and sex (resource cbs_levering:
// the functioneel beheerder and the privacy officer).
import { toLocalDate } from '@voordeur/domain';
import { sql } from 'kysely';
import { z } from 'zod';
import { importHuishoudens, HUISHOUDENS_COLUMNS } from '../db/huishoudens-import.ts';
import { ValidationError } from '../http/errors.ts';
import { route, type RouteDef } from '../http/route.ts';
import {
  CBS_VELDEN,
  cbsLevering,
  cbsProtocollen,
  createCbsProtocol,
  setCbsCode,
  setCbsOptieCode,
  STANDAARD_PROTOCOL,
} from './cbs.ts';
import { bestandsnaam, rapportCsv, rapportXlsx } from './export.ts';
import { halfjaarRapport } from './halfjaar.ts';
import { coordinatieOverzicht, monitoring, MONITORING_STANDAARD } from './monitoring.ts';
import { drempelVoor } from './onderdrukking.ts';
import { periodeUit } from './periode.ts';

const datum = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Geef een datum als JJJJ-MM-DD');
const suppress = z.coerce
  .number()
  .int()
  .min(0)
  .max(1000)
  .optional()
  .describe('drempel: aantallen kleiner dan dit getal worden weggelaten (0 = uit; standaard VOORDEUR_SUPPRESS_BELOW)');

const halfjaarQuery = z.object({
  halfjaar: z.string().optional().describe('2026H1 of 2026H2; of gebruik van/tot'),
  van: datum.optional(),
  tot: datum.optional(),
  gemeente: z
    .string()
    .regex(/^GM[0-9]{4}$/, 'CBS gemeentecode als GM0363')
    .optional(),
  suppress,
});

const monitoringQuery = z.object({
  van: datum.optional().describe('standaard: de 13 volledige weken vóór deze week'),
  tot: datum.optional(),
  jaren: z.coerce.number().int().min(1).max(20).default(MONITORING_STANDAARD.jaren),
  venster: z.coerce.number().int().min(0).max(4).default(MONITORING_STANDAARD.venster),
  breedte: z.coerce.number().min(0.5).max(5).default(MONITORING_STANDAARD.breedte),
  minimumJaren: z.coerce.number().int().min(1).max(20).default(MONITORING_STANDAARD.minimumJaren),
  suppress,
});

const versieSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,40}$/, 'Versie: letters, cijfers, punt, streepje (max. 40)');

export function rapportageRoutes(): RouteDef[] {
  const rapport = async (c: any) => {
    const p = periodeUit(c.query, toLocalDate(c.now()));
    c.audit.object('halfjaarrapportage', `${p.van}/${p.tot}${c.query.gemeente ? `/${c.query.gemeente}` : ''}`);
    return halfjaarRapport(c.db, p, {
      gemeente: c.query.gemeente,
      drempel: drempelVoor(c.user.rollen, c.query.suppress),
      vandaag: toLocalDate(c.now()),
    });
  };
  return [
    route({
      method: 'GET',
      url: '/api/rapportage/halfjaar',
      summary: 'Halfjaarrapportage (alle cijfers van de halfjaarrapportage) voor een periode, de regio of één gemeente',
      tags: ['rapportage'],
      policy: { resource: 'rapportage', action: 'read' },
      query: halfjaarQuery,
      response: 'Geaggregeerde cijfers; geen persoonsgegevens (docs/statistics.md)',
      handler: rapport,
    }),
    route({
      method: 'GET',
      url: '/api/rapportage/halfjaar/csv',
      summary: 'Halfjaarrapportage als CSV (één cijfer per regel; ; als scheidingsteken, decimale komma)',
      tags: ['rapportage'],
      policy: { resource: 'rapportage', action: 'export' },
      query: halfjaarQuery,
      response: 'text/csv',
      handler: async (c) => {
        const r = await rapport(c);
        c.reply.header('Content-Type', 'text/csv; charset=utf-8');
        c.reply.header('Content-Disposition', `attachment; filename="${bestandsnaam(r, 'csv')}"`);
        return rapportCsv(r);
      },
    }),
    route({
      method: 'GET',
      url: '/api/rapportage/halfjaar/xlsx',
      summary: 'Halfjaarrapportage als Excel-bestand (cijfers, per gemeente, per maand, toelichting)',
      tags: ['rapportage'],
      policy: { resource: 'rapportage', action: 'export' },
      query: halfjaarQuery,
      response: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      handler: async (c) => {
        const r = await rapport(c);
        c.reply.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        c.reply.header('Content-Disposition', `attachment; filename="${bestandsnaam(r, 'xlsx')}"`);
        return rapportXlsx(r);
      },
    }),
    route({
      method: 'GET',
      url: '/api/rapportage/monitoring',
      summary: 'Wekelijkse instroom per bron en type tegen de verwachte band, met signalering en aandeel per signaal',
      tags: ['rapportage'],
      policy: { resource: 'rapportage', action: 'read' },
      query: monitoringQuery,
      response: 'Geaggregeerde weekcijfers; geen persoonsgegevens',
      handler: async (c) => {
        const q = c.query;
        c.audit.object('monitoring', `${q.van ?? ''}/${q.tot ?? ''}`);
        return monitoring(c.db, { ...q, drempel: drempelVoor(c.user.rollen, q.suppress) }, toLocalDate(c.now()));
      },
    }),
    route({
      method: 'GET',
      url: '/api/rapportage/coordinatie',
      summary: 'Overzicht voor het coördinatieteam van de gemeente: weekcijfers, bronnen, signalen en signaleringen',
      tags: ['rapportage'],
      policy: { resource: 'rapportage', action: 'read' },
      query: monitoringQuery,
      response: 'Alleen cijfers en trends; geen persoonsgegevens',
      handler: async (c) => {
        const q = c.query;
        c.audit.object('coordinatie', `${q.van ?? ''}/${q.tot ?? ''}`);
        return coordinatieOverzicht(
          // Shared with the gemeente's coordination team: suppression always on, for every role.
          await monitoring(c.db, { ...q, drempel: drempelVoor(c.user.rollen, q.suppress, true) }, toLocalDate(c.now())),
        );
      },
    }),
    route({
      method: 'GET',
      url: '/api/rapportage/cbs',
      summary:
        'CBS-levering (Informatieprotocol) voor een halfjaar: records, niet-leverbare records met reden, en het bestand',
      tags: ['rapportage'],
      // The delivery carries BSN, date of birth and sex: its own permission, so the policy table
      // shows exactly who may make it (the route's policy is the only check).
      policy: { resource: 'cbs_levering', action: 'export' },
      query: z.object({
        halfjaar: z.string().regex(/^\d{4}H[12]$/, 'Halfjaar als 2026H1 of 2026H2'),
        protocol: versieSchema.default(STANDAARD_PROTOCOL),
        formaat: z.enum(['json', 'bestand']).default('json'),
      }),
      response: 'JSON met records en nietLeverbaar, of (formaat=bestand) het leveringsbestand als text/plain',
      handler: async (c) => {
        const r = await cbsLevering(c.db, c.query.halfjaar, c.query.protocol, c.now());
        c.audit.action('export');
        c.audit.object('cbs_levering', `${r.halfjaar}/${r.protocol.versie}`);
        c.audit.clients(r.clientIds);
        c.audit.purpose('wettelijke levering beleidsinformatie aan het CBS (Wmo 2015 art. 4.2.12)');
        if (c.query.formaat === 'bestand') {
          c.reply.header('Content-Type', 'text/plain; charset=us-ascii');
          c.reply.header('Content-Disposition', `attachment; filename="${r.bestand.naam}"`);
          return r.bestand.inhoud;
        }
        const { clientIds, ...rest } = r;
        void clientIds;
        return rest;
      },
    }),
    route({
      method: 'GET',
      url: '/api/rapportage/cbs/protocollen',
      summary: 'CBS-protocolversies met de koppeling van elke waarde aan de CBS-code (null = nog niet gekoppeld)',
      tags: ['rapportage'],
      policy: { resource: 'referentie', action: 'read' },
      handler: async (c) => {
        c.audit.object('cbs_protocol', null);
        return { protocollen: await cbsProtocollen(c.db), velden: CBS_VELDEN };
      },
    }),
    route({
      method: 'POST',
      url: '/api/rapportage/cbs/protocollen',
      summary:
        'Nieuwe CBS-protocolversie (bijv. v2 met de codes uit de Bestandsdefinitie), eventueel als kopie van een bestaande',
      tags: ['rapportage'],
      policy: { resource: 'beheer', action: 'update' },
      body: z.object({
        versie: versieSchema,
        omschrijving: z.string().trim().min(5, 'Minimaal 5 tekens').max(500),
        zorgmeldingenPolitie: z.boolean({
          message: 'Geef aan of zorgmeldingen van de politie worden geleverd (v2: ja)',
        }),
        kopieVan: versieSchema.optional().nullable(),
      }),
      status: 201,
      handler: async (c) => {
        c.audit.object('cbs_protocol', c.body.versie);
        return createCbsProtocol(c.db, c.body, c.user.id);
      },
    }),
    route({
      method: 'POST',
      url: '/api/rapportage/cbs/protocollen/:versie/codes',
      summary: 'CBS-code van één waarde in een protocolversie zetten (cbsCode null = koppeling verwijderen)',
      tags: ['rapportage'],
      policy: { resource: 'beheer', action: 'update' },
      params: z.object({ versie: versieSchema }),
      body: z.object({
        veld: z.enum(CBS_VELDEN),
        code: z.string().trim().min(1, 'Verplicht veld').max(100),
        cbsCode: z
          .string()
          .trim()
          .regex(/^[0-9A-Za-z]{1,4}$/, 'CBS-code: 1–4 letters of cijfers')
          .nullable(),
      }),
      handler: async (c) => {
        c.audit.object('cbs_protocol', c.params.versie);
        await setCbsCode(c.db, c.params.versie, c.body.veld, c.body.code, c.body.cbsCode, c.user.id);
        return { protocollen: await cbsProtocollen(c.db) };
      },
    }),
    route({
      method: 'POST',
      url: '/api/rapportage/cbs/protocollen/:versie/opties',
      summary:
        'CBS-code van één optie van een protocolversie met opties (v2) zetten, uit de Bestandsdefinitie van het CBS (cbsCode null = leegmaken)',
      tags: ['rapportage'],
      policy: { resource: 'beheer', action: 'update' },
      params: z.object({ versie: versieSchema }),
      body: z.object({
        veld: z.enum(CBS_VELDEN),
        optie: z.string().trim().min(1, 'Verplicht veld').max(100),
        cbsCode: z
          .string()
          .trim()
          .regex(/^[0-9A-Za-z]{1,4}$/, 'CBS-code: 1–4 letters of cijfers')
          .nullable(),
      }),
      handler: async (c) => {
        c.audit.object('cbs_protocol', c.params.versie);
        await setCbsOptieCode(c.db, c.params.versie, c.body.veld, c.body.optie, c.body.cbsCode, c.user.id);
        return { protocollen: await cbsProtocollen(c.db) };
      },
    }),
    route({
      method: 'GET',
      url: '/api/rapportage/huishoudens',
      summary: 'Huishoudens per gemeente en jaar (CBS-telling) zoals ingelezen',
      tags: ['rapportage'],
      policy: { resource: 'referentie', action: 'read' },
      handler: async (c) => {
        c.audit.object('huishoudens_telling', null);
        const r =
          await sql<any>`select t.gemeente_code as "gemeenteCode", g.naam as gemeente, t.jaar, t.totaal, t.met_kinderen as "metKinderen", t.zonder_kinderen as "zonderKinderen"
                                 from huishoudens_telling t join gemeente g on g.code = t.gemeente_code order by t.jaar desc, g.naam`.execute(
            c.db,
          );
        return { kolommen: HUISHOUDENS_COLUMNS, tellingen: r.rows };
      },
    }),
    route({
      method: 'POST',
      url: '/api/rapportage/huishoudens',
      summary:
        'Huishoudens per gemeente en jaar inlezen uit een CBS-CSV (een fout bestand wordt geheel geweigerd, met fouten per regel)',
      tags: ['rapportage'],
      policy: { resource: 'beheer', action: 'update' },
      body: z.object({ csv: z.string().min(1, 'Verplicht veld').max(900_000) }),
      handler: async (c) => {
        c.audit.object('huishoudens_telling', null);
        const r = await importHuishoudens(c.db, c.body.csv);
        if (r.errors.length)
          throw new ValidationError(
            r.errors.map((e) => ({
              field: `csv.regel${e.line}.${e.field}`,
              rule: 'csv',
              message: `regel ${e.line}: ${e.message}`,
            })),
          );
        return { ingelezen: r.imported };
      },
    }),
  ];
}
