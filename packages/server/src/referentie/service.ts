// Reference data: versioned code lists, gemeenten, teams, equated holidays (werkdagen). A change of
// the equated days also recomputes the werkvoorraad deadlines: that use case is
// werkvoorraad/kalender.ts (this module imports nothing of the werkvoorraad or the casus).
import { CODELIJSTEN, createKalender, type CodeLijstNaam, type WerkdagKalender } from '@voordeur/domain';
import type { Db } from '../db/index.ts';
import type { FieldError } from '../http/errors.ts';
import {
  codelijstVersieBestaat,
  geldendeCodelijstItems,
  gelijkgesteldeDagRijen,
  gemeenteRijen,
  medewerkerRijen,
  teamRijen,
  voegCodelijstItemToe,
  voegCodelijstVersieToe,
} from './queries.ts';

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
    if (await codelijstVersieBestaat(db, l.lijst, l.versie)) continue;
    await voegCodelijstVersieToe(db, l.lijst, l.versie, l.omschrijving);
    let n = 0;
    for (const it of l.items) await voegCodelijstItemToe(db, l.lijst, l.versie, it, n++);
  }
  invalidateReferenceCache();
}

/** The code lists in force today (latest version with geldig_van <= today). */
export async function codeLists(db: Db): Promise<CodeLists> {
  if (codeCache && Date.now() - codeCache.at < TTL) return codeCache.lists;
  const lists: CodeLists = {};
  for (const row of await geldendeCodelijstItems(db)) {
    lists[row.lijst] ??= { versie: row.versie, items: [] };
    lists[row.lijst]!.items.push({ code: row.code, label: row.label, groep: row.groep, subgroep: row.subgroep });
  }
  codeCache = { at: Date.now(), lists };
  return lists;
}

/** Collect an error for every code that is not in the list in force. */
export async function checkCodes(
  db: Db,
  checks: Array<[field: string, lijst: CodeLijstNaam, value: string | string[] | null | undefined]>,
): Promise<FieldError[]> {
  const lists = await codeLists(db);
  const errors: FieldError[] = [];
  for (const [field, lijst, value] of checks) {
    if (value === null || value === undefined) continue;
    const allowed = new Set((lists[lijst]?.items ?? []).map((i) => i.code));
    const values = Array.isArray(value) ? value : [value];
    values.forEach((v, idx) => {
      if (!allowed.has(v)) {
        errors.push({
          field: Array.isArray(value) ? `${field}[${idx}]` : field,
          rule: 'codelijst',
          message: `'${v}' staat niet in de codelijst ${lijst} (versie ${lists[lijst]?.versie ?? '?'})`,
        });
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
  const k = createKalender((await gelijkgesteldeDagRijen(db)).map((x) => ({ date: x.datum, naam: x.naam })));
  kalenderCache = { at: Date.now(), k };
  return k;
}

export async function gemeenten(db: Db) {
  return gemeenteRijen(db);
}

export async function teams(db: Db) {
  return teamRijen(db);
}

export async function medewerkers(db: Db) {
  return medewerkerRijen(db);
}

export async function gelijkgesteldeDagen(db: Db) {
  return gelijkgesteldeDagRijen(db);
}
