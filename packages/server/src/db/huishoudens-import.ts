// Import household counts per gemeente and year (CBS figures) from CSV. Columns:
// gemeentecode,gemeente,jaar,huishoudens_totaal,huishoudens_met_kinderen,huishoudens_zonder_kinderen
// A malformed file is rejected whole with an error per line; nothing is written then.
// Read with csv-parse: quoted fields (a gemeente name "Súdwest-Fryslân, gemeente"), a UTF-8 BOM, and ';' as the
// separator (what Dutch Excel writes) as well as ','; numbers may carry thousands dots ("12.345").
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import type { Db } from './index.ts';

export const HUISHOUDENS_COLUMNS = [
  'gemeentecode',
  'gemeente',
  'jaar',
  'huishoudens_totaal',
  'huishoudens_met_kinderen',
  'huishoudens_zonder_kinderen',
];

export interface ImportError {
  line: number;
  field: string;
  message: string;
}

export async function importHuishoudens(db: Db, csv: string): Promise<{ imported: number; errors: ImportError[] }> {
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(csv, {
      info: true,
      bom: true,
      delimiter: [';', ','],
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as unknown as typeof records; // with `info`, each record comes as { record, info }
  } catch (e) {
    const err = e as { lines?: number; message?: string };
    return {
      imported: 0,
      errors: [{ line: err.lines ?? 1, field: 'csv', message: `not a readable CSV file: ${err.message ?? e}` }],
    };
  }
  const errors: ImportError[] = [];
  const header = (records[0]?.record ?? []).map((s) => s.toLowerCase());
  if (HUISHOUDENS_COLUMNS.some((c, i) => header[i] !== c)) {
    return {
      imported: 0,
      errors: [{ line: 1, field: 'header', message: `expected columns ${HUISHOUDENS_COLUMNS.join(',')}` }],
    };
  }
  const known = new Set((await sql<{ code: string }>`select code from gemeente`.execute(db)).rows.map((r) => r.code));
  const rowsOut: Array<[string, number, number, number, number]> = [];
  records.slice(1).forEach(({ record: f, info }) => {
    const line = info.lines;
    if (f.length !== HUISHOUDENS_COLUMNS.length) {
      errors.push({ line, field: 'row', message: `expected ${HUISHOUDENS_COLUMNS.length} fields, got ${f.length}` });
      return;
    }
    const [code, , jaar, tot, met, zonder] = f as [string, string, string, string, string, string];
    if (!known.has(code)) errors.push({ line, field: 'gemeentecode', message: `unknown gemeente ${code}` });
    const nums = { jaar, huishoudens_totaal: tot, huishoudens_met_kinderen: met, huishoudens_zonder_kinderen: zonder };
    const parsed: Record<string, number> = {};
    for (const [k, v] of Object.entries(nums)) {
      const digits = /^[0-9]{1,3}(\.[0-9]{3})+$/.test(v) && k !== 'jaar' ? v.replaceAll('.', '') : v;
      if (!/^[0-9]+$/.test(digits)) errors.push({ line, field: k, message: `not a whole number: '${v}'` });
      parsed[k] = Number(digits);
    }
    if (parsed.jaar! < 1990 || parsed.jaar! > 2100)
      errors.push({ line, field: 'jaar', message: 'year out of range 1990–2100' });
    if (parsed.huishoudens_met_kinderen! + parsed.huishoudens_zonder_kinderen! !== parsed.huishoudens_totaal) {
      errors.push({ line, field: 'huishoudens_totaal', message: 'met_kinderen + zonder_kinderen must equal totaal' });
    }
    rowsOut.push([
      code,
      parsed.jaar!,
      parsed.huishoudens_totaal!,
      parsed.huishoudens_met_kinderen!,
      parsed.huishoudens_zonder_kinderen!,
    ]);
  });
  if (errors.length) return { imported: 0, errors };
  await db.transaction().execute(async (tx) => {
    for (const [code, jaar, tot, met, zonder] of rowsOut) {
      await sql`insert into huishoudens_telling (gemeente_code, jaar, totaal, met_kinderen, zonder_kinderen) values (${code}, ${jaar}, ${tot}, ${met}, ${zonder})
                on conflict (gemeente_code, jaar) do update set totaal = excluded.totaal, met_kinderen = excluded.met_kinderen, zonder_kinderen = excluded.zonder_kinderen`.execute(
        tx,
      );
    }
  });
  return { imported: rowsOut.length, errors: [] };
}
