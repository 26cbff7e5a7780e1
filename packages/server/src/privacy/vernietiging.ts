// Destruction of personal data: of one person (on request, Wmo 2015 art. 5.3.5, or when the last
// casus they appear in is destroyed) and of a whole casus (end of the retention term). What is
// left is a tombstone (persoon_vernietigd / casus_vernietigd) and the access-log entries, which
// name clients by id only. Runs inside the caller's transaction.
import { open } from '../crypto/veld.ts';
import { bijwerkenTermijnen } from '../werkvoorraad/termijnen.ts';
import type { Db } from '../db/index.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { redactor } from './redact.ts';
import * as vq from './vernietiging-queries.ts';
import { sporenVan, sporenWisser, type Sporen } from './vernietiging-sporen.ts';

export { casussenVanPersoon } from './vernietiging-queries.ts';

export const VERWIJDERD = '[persoon verwijderd]';

// Tables whose text is never rewritten by the free-text scrub: the log and its anchors (their
// hashes cover their content; they hold ids only), users, sessions and reference data.
const SCRUB_SKIP = new Set([
  'access_log',
  'access_log_anker',
  'schema_migration',
  'gebruiker',
  'sessie',
  'organisatie',
  'team',
  'gemeente',
  'huishoudens_telling',
  'codelijst_versie',
  'codelijst_item',
  'gelijkgestelde_dag',
  'persoon',
  'zoeknaam',
  'persoon_vernietigd',
  'casus_vernietigd',
]);

/** Delete rows of tables not handled explicitly that reference these ids (modules added later). */
async function deleteReferencing(
  tx: Db,
  table: string,
  ids: number[],
  handled: string[],
  counts: Record<string, number>,
): Promise<void> {
  if (ids.length === 0) return;
  for (const ref of await vq.referencing(tx, table)) {
    if (handled.includes(ref.table)) continue;
    const n = await vq.deleteWhereIn(tx, ref.table, ref.column, ids);
    if (n) counts[ref.table] = (counts[ref.table] ?? 0) + n;
  }
}

/** Tables (other than the access log) with an int[] column persoon_ids. */
async function persoonIdsTables(tx: Db): Promise<string[]> {
  return (await vq.tablesMetPersoonIds(tx)).filter((t) => !SCRUB_SKIP.has(t));
}

/** How many rows name the person in a persoon_ids array (drafts), over all such tables. */
export async function persoonIdsRows(db: Db, persoonId: number): Promise<number> {
  let n = 0;
  for (const t of await persoonIdsTables(db)) n += await vq.countPersoonIds(db, t, persoonId);
  return n;
}

async function textColumns(tx: Db): Promise<vq.TextColumn[]> {
  return (await vq.textColumns(tx)).filter((x) => !SCRUB_SKIP.has(x.table));
}

export interface PersoonNaam {
  bsn: string | null;
  voornamen: string | null;
  tussenvoegsel: string | null;
  achternaam: string;
  geboortedatum?: string | null;
}

/** The written forms of a person's current name that identify them on their own, and their BSN. */
export function identifyingForms(p: PersoonNaam): { names: string[]; numbers: string[] } {
  const s = sporenVan(p, []);
  return { names: s.names, numbers: s.numbers };
}

/**
 * Every trace of the person: the current row and every state before a correction (the history is
 * read here, so call this before the corrections are deleted).
 */
export async function persoonSporen(db: Db, persoonId: number, p: PersoonNaam): Promise<Sporen> {
  const correcties = (await vq.correctiesVan(db, persoonId)).map((c) => ({
    veld: c.veld,
    oude_waarde: c.veld === 'bsn' ? open(c.oude_waarde, 'persoon_correctie.bsn') : c.oude_waarde,
  }));
  return sporenVan(p, correcties);
}

/** Replace traces in a JSON value: its strings, and numbers that are one of the BSNs. */
function wisJson(text: string, wis: (t: string) => string, numbers: string[]): string {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return wis(v);
    if (typeof v === 'number' && numbers.some((n) => n.replace(/\D/g, '') === String(v))) return VERWIJDERD;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const before = JSON.parse(text) as unknown;
  const after = walk(before);
  return JSON.stringify(after) === JSON.stringify(before) ? text : JSON.stringify(after);
}

/**
 * Find (and unless dryRun, replace) the person's traces (persoonSporen: every name they had, their
 * BSNs in any spacing, their date of birth next to their name) in every text and json column of the
 * database outside the skip list. Returns the rows changed per table.column: the preview of a
 * destruction is this same function with dryRun.
 */
export async function scrubText(tx: Db, sporen: Sporen, opts: { dryRun: boolean }): Promise<Record<string, number>> {
  const naamEnNummer = redactor({ names: sporen.names, numbers: sporen.numbers }, VERWIJDERD);
  const wis = sporenWisser(sporen, (t) => naamEnNummer(t)!, VERWIJDERD);
  const found: Record<string, number> = {};
  if (sporen.prefilter.length === 0) return found;
  const byTable = new Map<string, vq.TextColumn[]>();
  for (const c of await textColumns(tx)) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
  for (const [table, cols] of byTable) {
    for (const row of await vq.textRowsMatching(tx, table, cols, sporen.prefilter)) {
      const sets: Array<{ column: string; json: boolean; value: string }> = [];
      for (const c of cols) {
        const before = row[c.column] ?? null;
        if (before === null) continue;
        const after = c.json ? wisJson(before, wis, sporen.numbers) : wis(before);
        if (after === before) continue;
        found[`${table}.${c.column}`] = (found[`${table}.${c.column}`] ?? 0) + 1;
        sets.push({ column: c.column, json: c.json, value: after });
      }
      if (sets.length && !opts.dryRun) await vq.updateTextRow(tx, table, row._ctid, sets);
    }
  }
  return found;
}

export interface DestroyPersonOptions {
  door: number | null;
  grond: 'verzoek' | 'bewaartermijn';
  verzoekId?: number | null;
  casusId?: number | null;
  /** Meldingen of which this person was the melder: their melder rows are removed. */
  melderMeldingIds?: number[];
  now: Date;
}

export interface DestroyResult {
  persoonId: number;
  verwijderd: Record<string, number>;
  vrijeTekst: Record<string, number>;
}

const HANDLED_PERSOON = ['huishouden_lid', 'melding_betrokkene', 'informering', 'persoon_correctie'];

/** Remove a person's data everywhere and leave a tombstone. */
export async function destroyPersoon(tx: Db, persoonId: number, o: DestroyPersonOptions): Promise<DestroyResult> {
  const row = await vq.persoonVoorUpdate(tx, persoonId);
  const p = row ? { ...row, bsn: open(row.bsn, 'persoon.bsn') } : undefined;
  if (!p) {
    throw (await vq.isVernietigd(tx, persoonId))
      ? new HttpError(409, 'al_vernietigd', 'De gegevens van deze persoon zijn al vernietigd')
      : notFound('Persoon');
  }
  const held = (await vq.casussenVanPersoon(tx, persoonId)).filter((c) => c.blokkade);
  if (held.length) {
    throw new HttpError(
      409,
      'bewaarblokkade',
      `Casus ${held.map((c) => c.nummer).join(', ')} staat onder een bewaarblokkade; hef die eerst op of wijs het verzoek af`,
      { casusIds: held.map((c) => c.id) },
    );
  }
  // Every name, BSN and birth date the person had: read before the correction history goes.
  const sporen = await persoonSporen(tx, persoonId, p);
  const v: Record<string, number> = {};
  const add = (t: string, n: number) => {
    if (n) v[t] = (v[t] ?? 0) + n;
  };
  const huishoudens = await vq.huishoudensVanPersoon(tx, persoonId);
  if (o.melderMeldingIds?.length) add('melder', await vq.deleteWhereIn(tx, 'melder', 'melding_id', o.melderMeldingIds));
  const geinformeerdeMeldingen = await vq.geinformeerdeMeldingen(tx, persoonId);
  add('informering', await vq.deleteVanPersoon(tx, 'informering', persoonId));
  // The person's informing clock is gone with the data: the werkvoorraad deadlines follow.
  await bijwerkenTermijnen(tx, geinformeerdeMeldingen);
  for (const t of ['melding_betrokkene', 'huishouden_lid', 'persoon_correctie', 'inzageverzoek'] as const)
    add(t, await vq.deleteVanPersoon(tx, t, persoonId));
  // The destruction request stays as the record of the decision, without names or free text.
  await vq.anonimiseerVernietigingsverzoeken(tx, persoonId);
  await deleteReferencing(tx, 'persoon', [persoonId], HANDLED_PERSOON, v);
  // Rows that name the person in a persoon_ids array (drafts of forms about them) go entirely:
  // their content is about the person in ways a text search cannot find.
  for (const t of await persoonIdsTables(tx)) add(t, await vq.deletePersoonIds(tx, t, persoonId));
  // A household left without members keeps no address (the casus that refers to it stays).
  for (const h of huishoudens) {
    if (await vq.huishoudenHeeftLeden(tx, h)) continue;
    if (await vq.huishoudenHeeftCasus(tx, h)) {
      await vq.wisAdres(tx, h);
      add('huishouden (adres)', 1);
    } else {
      await deleteReferencing(tx, 'huishouden', [h], ['huishouden_lid', 'casus'], v);
      add('huishouden', await vq.deleteHuishouden(tx, h));
    }
  }
  const vrijeTekst = await scrubText(tx, sporen, { dryRun: false });
  await vq.deletePersoon(tx, persoonId);
  add('persoon', 1);
  await vq.insertPersoonVernietigd(tx, {
    persoonId,
    op: o.now,
    door: o.door,
    grond: o.grond,
    verzoekId: o.verzoekId ?? null,
    casusId: o.casusId ?? null,
  });
  return { persoonId, verwijderd: v, vrijeTekst };
}

const MELDING_TABLES = [
  'melder_openbaarheid',
  'melder',
  'veiligheidsbeoordeling',
  'dienst',
  'overdracht',
  'afsluiting',
  'rvdk_verzoek',
  'terugkoppeling',
  'monitoringcontact',
  'informering',
  'melding_betrokkene',
];

export interface DestroyCasusResult {
  casusId: number;
  nummer: string;
  verwijderd: Record<string, number>;
  personenVernietigd: number[];
}

/** Remove a casus with everything in it; persons who appear nowhere else are destroyed too. */
export async function destroyCasus(
  tx: Db,
  casusId: number,
  o: { door: number | null; now: Date; bewaartermijnEinde: string },
): Promise<DestroyCasusResult> {
  const c = await vq.casusVoorUpdate(tx, casusId);
  if (!c) throw notFound('Casus');
  if (await vq.heeftActieveBlokkade(tx, casusId))
    throw new HttpError(409, 'bewaarblokkade', `Casus ${c.nummer} staat onder een bewaarblokkade`);
  const v: Record<string, number> = {};
  const add = (t: string, n: number) => {
    if (n) v[t] = (v[t] ?? 0) + n;
  };
  const mIds = await vq.meldingIdsVanCasus(tx, casusId);
  const personen = new Set<number>(await vq.personenVanCasus(tx, mIds, c.huishouden_id));
  // The contact journal (with its persons) and the planned home visits go first: entries refer to
  // meldingen, to each other (corrections) and to visits.
  add('contact_persoon', await vq.deleteContactPersonenVanCasus(tx, casusId));
  add('contact', await vq.deleteWhereIn(tx, 'contact', 'casus_id', [casusId]));
  add('huisbezoek', await vq.deleteWhereIn(tx, 'huisbezoek', 'casus_id', [casusId]));
  if (mIds.length) {
    for (const t of MELDING_TABLES) add(t, await vq.deleteWhereIn(tx, t, 'melding_id', mIds));
    await vq.ontkoppelAdviesvragen(tx, mIds);
    await deleteReferencing(tx, 'melding', mIds, [...MELDING_TABLES, 'adviesvraag'], v);
    add('melding', await vq.deleteWhereIn(tx, 'melding', 'id', mIds));
  }
  add('bewaarblokkade', await vq.deleteWhereIn(tx, 'bewaarblokkade', 'casus_id', [casusId]));
  await deleteReferencing(tx, 'casus', [casusId], ['melding', 'bewaarblokkade'], v);
  await vq.deleteCasus(tx, casusId);
  add('casus', 1);
  if (!(await vq.huishoudenHeeftCasus(tx, c.huishouden_id))) {
    add('huishouden_lid', await vq.deleteWhereIn(tx, 'huishouden_lid', 'huishouden_id', [c.huishouden_id]));
    await deleteReferencing(tx, 'huishouden', [c.huishouden_id], ['huishouden_lid', 'casus'], v);
    add('huishouden', await vq.deleteHuishouden(tx, c.huishouden_id));
  }
  const vernietigd: number[] = [];
  for (const pid of personen) {
    if (await vq.komtEldersVoor(tx, pid)) continue;
    const r = await destroyPersoon(tx, pid, { door: o.door, grond: 'bewaartermijn', casusId, now: o.now });
    for (const [t, n] of Object.entries(r.verwijderd)) add(t, n);
    vernietigd.push(pid);
  }
  await vq.insertCasusVernietigd(tx, {
    casusId,
    nummer: c.nummer,
    op: o.now,
    door: o.door,
    bewaartermijnEinde: o.bewaartermijnEinde,
  });
  return { casusId, nummer: c.nummer, verwijderd: v, personenVernietigd: vernietigd };
}
