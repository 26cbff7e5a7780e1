// Zod schemas of the main GET answers, for the OpenAPI document (packages/server/src/http/openapi.ts
// declares them as the routes' 200 responses) and for tests that check a real answer against them.
// Where the TypeScript shape lives in api/ the schema is tied to it (z.ZodType<...>) so the two
// cannot drift; the large half-year report is described by its top level (loose objects).
import { z } from 'zod';
import { PROCESSEN } from '../melding.ts';
import type { GebruikersLijst } from './beheer.ts';

const nullableString = z.string().nullable();
const idNaam = z.object({ id: z.number().int(), naam: z.string() });
const klokStatus = z.enum(['on_time', 'at_risk', 'overdue', 'met_late', 'met']);

/** A clock of a melding (domain Clock), by its main fields. */
const klok = z.looseObject({
  kind: z.string(),
  startedAt: z.string(),
  due: z.string(),
  dueAt: z.string(),
  metAt: nullableString,
  unit: z.enum(['werkdagen', 'dagen']),
  daysLeft: z.number(),
});

/** GET /api/werkvoorraad */
export const werkvoorraadAntwoordSchema = z.object({
  vandaag: z.string(),
  totaal: z.number().int(),
  nietGetoond: z.number().int().optional(),
  items: z.array(
    z.looseObject({
      meldingId: z.number().int(),
      nummer: z.string(),
      casusId: z.number().int(),
      casusNummer: z.string(),
      casusVersie: z.number().int(),
      adres: z.string(),
      status: z.string(),
      proces: z.enum(PROCESSEN),
      behandelaar: idNaam.nullable(),
      ontvangenOp: z.string(),
      eerstvolgende: klok.nullable(),
      klokStatus,
      openKlokken: z.array(klok),
      veiligheidsvlaggen: z.array(z.string()).optional(),
    }),
  ),
  tellingen: z.record(z.string(), z.record(z.string(), z.number().int())),
  perBehandelaar: z.array(
    z.object({
      behandelaarId: z.number().int().nullable(),
      naam: z.string(),
      aantal: z.number().int(),
      teLaat: z.number().int(),
    }),
  ),
});

/** GET /api/casussen (search by number, address or name). */
export const casusZoekAntwoordSchema = z.array(
  z.looseObject({ id: z.number().int(), nummer: z.string(), status: z.string(), adres: z.string() }),
);

/** GET /api/beheer/gebruikers */
export const gebruikersLijstSchema: z.ZodType<GebruikersLijst> = z.object({
  gebruikers: z.array(
    z.object({
      id: z.number().int(),
      gebruikersnaam: z.string(),
      naam: z.string(),
      rollen: z.array(z.string()),
      rolLabels: z.array(z.string()),
      teamId: z.number().int().nullable(),
      teamNaam: nullableString,
      actief: z.boolean(),
      gedeactiveerdOp: nullableString,
      tweedeFactor: z.boolean(),
      sso: z.boolean(),
      geblokkeerdTot: nullableString,
      laatsteLogin: nullableString,
      aangemaaktOp: z.string(),
    }),
  ),
  teams: z.array(
    z.object({
      id: z.number().int(),
      naam: z.string(),
      leden: z.number().int(),
      actieveLeden: z.number().int(),
      gemeenten: z.number().int(),
    }),
  ),
  rollen: z.array(z.object({ code: z.string(), label: z.string(), teamNodig: z.boolean() })),
});

/** GET /api/toegangslog (one page of the NEN 7513 access log, newest first). */
export const toegangslogPaginaSchema = z.object({
  items: z.array(
    z.looseObject({
      id: z.number().int(),
      at: z.string(),
      gebruiker: z.looseObject({ id: z.number().int(), naam: z.string() }).nullable(),
      clientIds: z.array(z.number().int()),
      actie: z.string(),
      objectType: z.string(),
      objectId: nullableString,
      uitkomst: z.string(),
    }),
  ),
  totaal: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

/** GET /api/rapportage/halfjaar: the half-year report by its top level (see api/rapportage.ts). */
export const halfjaarRapportSchema = z.looseObject({
  periode: z.looseObject({ van: z.string(), tot: z.string(), halfjaar: nullableString, maanden: z.array(z.string()) }),
  gemeente: z.object({ code: z.string(), naam: z.string() }).nullable(),
  regels: z.looseObject({}),
  onderdrukking: z.looseObject({ drempel: z.number(), cellen: z.array(z.string()) }),
  meldingen: z.looseObject({ totaal: z.number().nullable(), perMaand: z.array(z.looseObject({ maand: z.string() })) }),
});

/** Response schemas per route ('METHOD url' as in the route table). */
export const ANTWOORD_SCHEMAS: Record<string, z.ZodType> = {
  'GET /api/werkvoorraad': werkvoorraadAntwoordSchema,
  'GET /api/casussen': casusZoekAntwoordSchema,
  'GET /api/beheer/gebruikers': gebruikersLijstSchema,
  'GET /api/toegangslog': toegangslogPaginaSchema,
  'GET /api/rapportage/halfjaar': halfjaarRapportSchema,
};
