// Import household counts per gemeente and year (CBS figures) from CSV. Columns:
// gemeentecode,gemeente,jaar,huishoudens_totaal,huishoudens_met_kinderen,huishoudens_zonder_kinderen
// A malformed file is rejected whole with an error per line; nothing is written then.
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
  const lines = csv.replace(/\r/g, '').split('\n');
  const errors: ImportError[] = [];
  const header = (lines[0] ?? '').split(',').map((s) => s.trim().toLowerCase());
  if (HUISHOUDENS_COLUMNS.some((c, i) => header[i] !== c)) {
    return {
      imported: 0,
      errors: [{ line: 1, field: 'header', message: `expected columns ${HUISHOUDENS_COLUMNS.join(',')}` }],
    };
  }
  const known = new Set((await sql<{ code: string }>`select code from gemeente`.execute(db)).rows.map((r) => r.code));
  const rowsOut: Array<[string, number, number, number, number]> = [];
  lines.slice(1).forEach((raw, idx) => {
    const line = idx + 2;
    if (!raw.trim()) return;
    const f = raw.split(',').map((s) => s.trim());
    if (f.length !== HUISHOUDENS_COLUMNS.length) {
      errors.push({ line, field: 'row', message: `expected ${HUISHOUDENS_COLUMNS.length} fields, got ${f.length}` });
      return;
    }
    const [code, , jaar, tot, met, zonder] = f as [string, string, string, string, string, string];
    if (!known.has(code)) errors.push({ line, field: 'gemeentecode', message: `unknown gemeente ${code}` });
    const nums = { jaar, huishoudens_totaal: tot, huishoudens_met_kinderen: met, huishoudens_zonder_kinderen: zonder };
    const parsed: Record<string, number> = {};
    for (const [k, v] of Object.entries(nums)) {
      if (!/^[0-9]+$/.test(v)) errors.push({ line, field: k, message: `not a whole number: '${v}'` });
      parsed[k] = Number(v);
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
