// Reading the NEN 7513 access log: search and CSV export for the privacy officer, and a person's
// own chronological overview ("wie heeft mijn gegevens ingezien") for an inzage request.
import { datumSchema, startOfLocalDay, addDays } from '@voordeur/domain';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../db/index.ts';
import { csvRegel, csvUitRegels } from '../http/csv.ts';
import { HttpError } from '../http/errors.ts';
import { ROL_LABEL, type Rol } from '../policy/index.ts';
import type { AuditAction } from './index.ts';

export const AUDIT_ACTIONS = [
  'create',
  'read',
  'search',
  'change',
  'delete',
  'export',
  'merge',
  'transfer',
  'emergency',
  'login',
  'logout',
] as const satisfies readonly AuditAction[];
export const AUDIT_OUTCOMES = ['success', 'denied', 'failure'] as const;

export const ACTIE_LABEL: Record<AuditAction, string> = {
  create: 'vastgelegd',
  read: 'ingezien',
  search: 'gevonden bij zoeken',
  change: 'gewijzigd',
  delete: 'verwijderd',
  export: 'geëxporteerd of afgedrukt',
  merge: 'samengevoegd of gesplitst',
  transfer: 'overgedragen',
  emergency: 'noodtoegang',
  login: 'ingelogd',
  logout: 'uitgelogd',
};
export const UITKOMST_LABEL: Record<(typeof AUDIT_OUTCOMES)[number], string> = {
  success: 'gelukt',
  denied: 'geweigerd',
  failure: 'mislukt',
};

const id = z.coerce.number().int().positive();
const filterShape = {
  van: datumSchema.optional().describe('eerste dag (JJJJ-MM-DD, Nederlandse tijd)'),
  tot: datumSchema.optional().describe('laatste dag, inclusief'),
  gebruikerId: id.optional(),
  persoonId: id.optional().describe('cliënt: de persoon wiens gegevens het betrof'),
  actie: z.enum(AUDIT_ACTIONS).optional(),
  uitkomst: z.enum(AUDIT_OUTCOMES).optional(),
  objectType: z.string().trim().min(1).max(64).optional(),
  weergave: z
    .enum(['alles', 'dossier'])
    .optional()
    .describe(
      "'dossier': alleen toegang tot dossiers van personen (casus, melding, persoon, melder, verzoeken, noodtoegang, geweigerde pogingen); technische regels (referentiegegevens, concepten, sessies, inloggen, het doorzoeken van dit log) vallen weg. Standaard 'alles'",
    ),
};
const periodeKlopt = (f: { van?: string; tot?: string }) => !f.van || !f.tot || f.van <= f.tot;
const periodeFout = { message: 'De einddatum ligt vóór de begindatum', path: ['tot'] };

export const toegangslogFilterSchema = z.object(filterShape).refine(periodeKlopt, periodeFout);
export type ToegangslogFilter = z.infer<typeof toegangslogFilterSchema>;

export const toegangslogZoekSchema = z
  .object({
    ...filterShape,
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .refine(periodeKlopt, periodeFout);

export interface ToegangslogRegel {
  id: number;
  at: string;
  gebruiker: { id: number; naam: string; gebruikersnaam: string } | null;
  namens: { id: number; naam: string } | null;
  clientIds: number[];
  actie: string;
  actieLabel: string;
  objectType: string;
  objectId: string | null;
  doel: string | null;
  route: string | null;
  uitkomst: string;
  hash: string;
}

/** Object types that are (part of) a person's dossier: a read of them is dossier access. */
export const DOSSIER_OBJECTEN = [
  'casus',
  'melding',
  'persoon',
  'melder',
  'huishouden',
  'adviesvraag',
  'inzageverzoek',
  'vernietigingsverzoek',
  'persoon_correctie',
  'mdo_consultatie',
  'toegangsoverzicht',
  'cbs_levering',
] as const;

/**
 * "Alleen dossiertoegang": entries about persons' records, without the technical reads every page
 * makes (reference data, drafts, the session, logging in). An entry that names persons (client ids)
 * counts, except a draft (it holds what the user typed, not the dossier); so do the dossier object
 * types themselves (a search that found nobody included), emergency access, and refused attempts.
 */
const DOSSIER = sql`((cardinality(l.client_ids) > 0 and l.object_type not in ('concept', 'toegangslog'))
  or l.object_type in (${sql.join(DOSSIER_OBJECTEN.map((t) => sql`${t}`))})
  or l.action = 'emergency'
  or (l.outcome = 'denied' and l.action not in ('login', 'logout') and l.object_type not in ('referentie', 'concept', 'sessie')))`;

function where(f: ToegangslogFilter) {
  const parts = [sql`true`];
  if (f.van) parts.push(sql`l.at >= ${startOfLocalDay(f.van).toISOString()}`);
  if (f.tot) parts.push(sql`l.at < ${startOfLocalDay(addDays(f.tot, 1)).toISOString()}`);
  if (f.gebruikerId) parts.push(sql`(l.user_id = ${f.gebruikerId} or l.on_behalf_of = ${f.gebruikerId})`);
  if (f.persoonId) parts.push(sql`l.client_ids @> array[${f.persoonId}]::int[]`);
  if (f.actie) parts.push(sql`l.action = ${f.actie}`);
  if (f.uitkomst) parts.push(sql`l.outcome = ${f.uitkomst}`);
  if (f.objectType) parts.push(sql`l.object_type = ${f.objectType}`);
  if (f.weergave === 'dossier') parts.push(DOSSIER);
  return sql.join(parts, sql` and `);
}

const SELECT = sql`select l.*, g.naam as gebruiker_naam, g.gebruikersnaam, n.naam as namens_naam
  from access_log l left join gebruiker g on g.id = l.user_id left join gebruiker n on n.id = l.on_behalf_of`;

function toRegel(r: any): ToegangslogRegel {
  return {
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    gebruiker: r.user_id
      ? { id: r.user_id, naam: r.gebruiker_naam ?? `#${r.user_id}`, gebruikersnaam: r.gebruikersnaam ?? '' }
      : null,
    namens: r.on_behalf_of ? { id: r.on_behalf_of, naam: r.namens_naam ?? `#${r.on_behalf_of}` } : null,
    clientIds: (r.client_ids ?? []).map(Number),
    actie: r.action,
    actieLabel: ACTIE_LABEL[r.action as AuditAction] ?? r.action,
    objectType: r.object_type,
    objectId: r.object_id,
    doel: r.purpose,
    route: r.route,
    uitkomst: r.outcome,
    hash: r.hash,
  };
}

/** Newest first, paged, with the total number of matching entries. */
export async function zoekToegangslog(db: Db, f: ToegangslogFilter & { limit: number; offset: number }) {
  const w = where(f);
  const [items, total] = await Promise.all([
    sql<any>`${SELECT} where ${w} order by l.id desc limit ${f.limit} offset ${f.offset}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from access_log l where ${w}`.execute(db),
  ]);
  return { items: items.rows.map(toRegel), totaal: total.rows[0]!.n, limit: f.limit, offset: f.offset };
}

/** A short description of a filter for the access-log entry of the search or export itself. */
export function filterOmschrijving(f: ToegangslogFilter): string {
  const parts = Object.entries(f)
    .filter(([k, v]) => v !== undefined && k !== 'limit' && k !== 'offset')
    .map(([k, v]) => `${k}=${v}`);
  return parts.length ? parts.join(', ') : 'geen filter';
}

export const EXPORT_MAX = 250_000;

const CSV_COLUMNS = [
  'id',
  'tijdstip',
  'gebruiker_id',
  'gebruiker',
  'namens_id',
  'namens',
  'client_ids',
  'actie',
  'object_type',
  'object_id',
  'doel',
  'route',
  'uitkomst',
  'prev_hash',
  'hash',
];

/**
 * CSV (semicolon-separated, UTF-8 with BOM, as Dutch spreadsheet software expects), oldest first.
 * Refuses more than EXPORT_MAX entries instead of cutting the export short.
 */
export async function exportToegangslog(
  db: Db,
  f: ToegangslogFilter,
): Promise<{ csv: string; aantal: number; clientIds: number[] }> {
  const w = where(f);
  const n = (await sql<{ n: number }>`select count(*)::int as n from access_log l where ${w}`.execute(db)).rows[0]!.n;
  if (n > EXPORT_MAX)
    throw new HttpError(
      400,
      'te_groot',
      `De export zou ${n} regels bevatten (maximaal ${EXPORT_MAX}); kies een kortere periode of een ander filter`,
    );
  const lines = [csvRegel(CSV_COLUMNS)];
  const clients = new Set<number>();
  let lastId = 0;
  for (;;) {
    const batch = await sql<any>`${SELECT} where ${w} and l.id > ${lastId} order by l.id limit 5000`.execute(db);
    if (batch.rows.length === 0) break;
    for (const r of batch.rows) {
      const x = toRegel(r);
      for (const c of x.clientIds) clients.add(c);
      lines.push(
        csvRegel([
          x.id,
          x.at,
          x.gebruiker?.id,
          x.gebruiker?.naam,
          x.namens?.id,
          x.namens?.naam,
          x.clientIds.join(' '),
          x.actie,
          x.objectType,
          x.objectId,
          x.doel,
          x.route,
          x.uitkomst,
          r.prev_hash,
          x.hash,
        ]),
      );
      lastId = x.id;
    }
  }
  return { csv: csvUitRegels(lines), aantal: n, clientIds: [...clients] };
}

export interface OverzichtRegel {
  at: string;
  medewerker: { id: number; naam: string; functie: string } | null;
  actie: string;
  actieLabel: string;
  wat: string;
  doel: string | null;
  uitkomst: string;
}

const OBJECT_LABEL: Record<string, string> = {
  casus: 'casus (dossier)',
  melding: 'melding',
  persoon: 'persoonsgegevens',
  huishouden: 'huishouden',
  werkvoorraad: 'werkvoorraad (overzicht)',
  melder: 'melder',
  inzageverzoek: 'verzoek om inzage of afschrift',
  vernietigingsverzoek: 'verzoek om vernietiging',
  persoon_correctie: 'correctie van persoonsgegevens',
  toegangslog: 'toegangslog',
  toegangsoverzicht: 'overzicht van inzage in uw gegevens',
};

/**
 * A person's own overview: every access-log entry naming them as client, oldest first, with who
 * (name and function), what, why and the outcome. Nothing about other clients is included.
 */
export async function toegangsoverzicht(
  db: Db,
  persoonId: number,
  f: { van?: string; tot?: string } = {},
): Promise<OverzichtRegel[]> {
  const w = where({ persoonId, van: f.van, tot: f.tot });
  const r =
    await sql<any>`select l.at, l.user_id, l.action, l.object_type, l.object_id, l.purpose, l.outcome, g.naam as gebruiker_naam, g.rollen
    from access_log l left join gebruiker g on g.id = l.user_id where ${w} order by l.id`.execute(db);
  return r.rows.map((x: any) => ({
    at: new Date(x.at).toISOString(),
    medewerker: x.user_id
      ? {
          id: x.user_id,
          naam: x.gebruiker_naam ?? `#${x.user_id}`,
          functie: (x.rollen ?? []).map((rol: string) => ROL_LABEL[rol as Rol] ?? rol).join(', '),
        }
      : null,
    actie: x.action,
    actieLabel: ACTIE_LABEL[x.action as AuditAction] ?? x.action,
    wat: `${OBJECT_LABEL[x.object_type] ?? x.object_type}${x.object_id ? ` ${x.object_id}` : ''}`,
    doel: x.purpose,
    uitkomst: UITKOMST_LABEL[x.outcome as 'success'] ?? x.outcome,
  }));
}
