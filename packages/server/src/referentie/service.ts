// Reference data: versioned code lists, gemeenten, teams, equated holidays (werkdagen).
import { bijwerkenTermijnen } from '../werkvoorraad/termijnen.ts';
import { CODELIJSTEN, createKalender, type CodeLijstNaam, type WerkdagKalender } from '@voordeur/domain';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import type { FieldError } from '../http/errors.ts';

export interface CodeListItem {
  code: string;
  label: string;
  groep: string | null;
  subgroep: string | null;
}
export type CodeLists = Record<string, { versie: string; items: CodeListItem[] }>;

let codeCache: { at: number; lists: CodeLists } | null = null;
let kalenderCache: { at: number; k: WerkdagKalender } | null = null;
const TTL = 60_000;

export function invalidateReferenceCache() {
  codeCache = null;
  kalenderCache = null;
}

/** Seed the code lists from the domain package (idempotent: only versions not yet present). */
export async function seedCodeLists(db: Db): Promise<void> {
  for (const l of CODELIJSTEN) {
    const exists = await sql`select 1 from codelijst_versie where lijst = ${l.lijst} and versie = ${l.versie}`.execute(db);
    if (exists.rows.length) continue;
    await sql`insert into codelijst_versie (lijst, versie, omschrijving, geldig_van) values (${l.lijst}, ${l.versie}, ${l.omschrijving}, '2019-01-01')`.execute(db);
    let n = 0;
    for (const it of l.items) {
      await sql`insert into codelijst_item (lijst, versie, code, label, groep, subgroep, cbs2015, volgorde)
                values (${l.lijst}, ${l.versie}, ${it.code}, ${it.label}, ${it.groep ?? null}, ${it.subgroep ?? null}, ${it.cbs2015 ?? null}, ${n++})`.execute(db);
    }
  }
  invalidateReferenceCache();
}

/** The code lists in force today (latest version with geldig_van <= today). */
export async function codeLists(db: Db): Promise<CodeLists> {
  if (codeCache && Date.now() - codeCache.at < TTL) return codeCache.lists;
  const r = await sql<any>`
    with cur as (
      select distinct on (lijst) lijst, versie from codelijst_versie
      where geldig_van <= current_date order by lijst, geldig_van desc)
    select i.lijst, i.versie, i.code, i.label, i.groep, i.subgroep
    from codelijst_item i join cur using (lijst, versie)
    order by i.lijst, i.volgorde`.execute(db);
  const lists: CodeLists = {};
  for (const row of r.rows) {
    lists[row.lijst] ??= { versie: row.versie, items: [] };
    lists[row.lijst]!.items.push({ code: row.code, label: row.label, groep: row.groep, subgroep: row.subgroep });
  }
  codeCache = { at: Date.now(), lists };
  return lists;
}

/** Collect an error for every code that is not in the list in force. */
export async function checkCodes(db: Db, checks: Array<[field: string, lijst: CodeLijstNaam, value: string | string[] | null | undefined]>): Promise<FieldError[]> {
  const lists = await codeLists(db);
  const errors: FieldError[] = [];
  for (const [field, lijst, value] of checks) {
    if (value === null || value === undefined) continue;
    const allowed = new Set((lists[lijst]?.items ?? []).map((i) => i.code));
    const values = Array.isArray(value) ? value : [value];
    values.forEach((v, idx) => {
      if (!allowed.has(v)) {
        errors.push({ field: Array.isArray(value) ? `${field}[${idx}]` : field, rule: 'codelijst', message: `'${v}' staat niet in de codelijst ${lijst} (versie ${lists[lijst]?.versie ?? '?'})` });
      }
    });
    if (Array.isArray(value) && new Set(value).size !== value.length) {
      errors.push({ field, rule: 'uniek', message: 'Elke code maar één keer' });
    }
  }
  return errors;
}

export async function labelOf(db: Db, lijst: CodeLijstNaam, code: string | null | undefined): Promise<string | null> {
  if (!code) return null;
  const lists = await codeLists(db);
  return lists[lijst]?.items.find((i) => i.code === code)?.label ?? code;
}

/** The werkdagen calendar with the configured equated days (Atw art. 3 lid 3). */
export async function kalender(db: Db): Promise<WerkdagKalender> {
  if (kalenderCache && Date.now() - kalenderCache.at < TTL) return kalenderCache.k;
  const r = await sql<{ datum: string; naam: string }>`select datum, naam from gelijkgestelde_dag order by datum`.execute(db);
  const k = createKalender(r.rows.map((x) => ({ date: x.datum, naam: x.naam })));
  kalenderCache = { at: Date.now(), k };
  return k;
}

export async function gemeenten(db: Db) {
  const r = await sql<any>`select g.code, g.naam, g.team_id as "teamId" from gemeente g order by g.naam`.execute(db);
  return r.rows;
}

export async function teams(db: Db) {
  return (await sql<any>`select id, naam from team order by naam`.execute(db)).rows;
}

export async function medewerkers(db: Db) {
  return (await sql<any>`select id, naam, rollen, team_id as "teamId" from gebruiker where actief order by naam`.execute(db)).rows;
}

export async function gelijkgesteldeDagen(db: Db) {
  return (await sql<{ datum: string; naam: string }>`select datum, naam from gelijkgestelde_dag order by datum`.execute(db)).rows;
}

/** Equated days change werkdagen counting: the calendar cache is dropped at once. */
export async function setGelijkgesteldeDag(db: Db, datum: string, naam: string) {
  await wijzigKalender(db, async (tx) => {
    await sql`insert into gelijkgestelde_dag (datum, naam) values (${datum}, ${naam}) on conflict (datum) do update set naam = excluded.naam`.execute(tx);
  });
}

/** Removing an equated day (e.g. entered by mistake) makes it a werkdag again. */
export async function verwijderGelijkgesteldeDag(db: Db, datum: string): Promise<boolean> {
  let found = false;
  await wijzigKalender(db, async (tx) => {
    found = (await sql`delete from gelijkgestelde_dag where datum = ${datum} returning datum`.execute(tx)).rows.length > 0;
  });
  return found;
}

/** A calendar change and the stored werkvoorraad deadlines of every open melding, in one transaction. */
async function wijzigKalender(db: Db, change: (tx: Db) => Promise<void>) {
  try {
    await db.transaction().execute(async (tx) => {
      await change(tx);
      invalidateReferenceCache();
      await bijwerkenTermijnen(tx, 'alle_open');
    });
  } finally {
    invalidateReferenceCache();
  }
}
