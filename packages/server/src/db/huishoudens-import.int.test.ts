// The household-count import reads CSV as spreadsheets write it: quoted fields with the separator
// inside, a UTF-8 BOM, ';' from Dutch Excel, thousands dots; a broken file is refused whole.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../testing.ts';
import { importHuishoudens } from './huishoudens-import.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
}, 120_000);
afterAll(async () => {
  await env?.close();
});

const telling = async (code: string, jaar: number) =>
  (
    await sql<{
      totaal: number;
      met_kinderen: number;
    }>`select totaal, met_kinderen from huishoudens_telling where gemeente_code = ${code} and jaar = ${jaar}`.execute(
      env.database.db,
    )
  ).rows[0];

describe('importHuishoudens', () => {
  it("reads Dutch Excel's CSV: BOM, ';', a quoted name with the separator in it, thousands dots", async () => {
    const csv =
      '\uFEFFgemeentecode;gemeente;jaar;huishoudens_totaal;huishoudens_met_kinderen;huishoudens_zonder_kinderen\r\n' +
      'GM0363;"Amsterdam; gemeente";2031;"470.123";98.000;372.123\r\n' +
      '\r\n' +
      'GM0362;"Amstelveen ""stad""";2031;42000;12000;30000\r\n';
    expect(await importHuishoudens(env.database.db, csv)).toEqual({ imported: 2, errors: [] });
    expect(await telling('GM0363', 2031)).toEqual({ totaal: 470123, met_kinderen: 98000 });
    expect(await telling('GM0362', 2031)).toEqual({ totaal: 42000, met_kinderen: 12000 });
  });

  it('reads commas too, and names the file line of each error (blank lines counted)', async () => {
    const csv =
      'gemeentecode,gemeente,jaar,huishoudens_totaal,huishoudens_met_kinderen,huishoudens_zonder_kinderen\n' +
      'GM0363,"Amsterdam, gemeente",2032,100,60,40\n' +
      '\n' +
      'GM0363,Amsterdam,2032,100,60,50\n' +
      'GM0363,Amsterdam,20.32,100,60,40\n';
    const r = await importHuishoudens(env.database.db, csv);
    expect(r.imported).toBe(0);
    expect(r.errors.map((e) => [e.line, e.field])).toEqual([
      [4, 'huishoudens_totaal'],
      [5, 'jaar'],
      [5, 'jaar'],
    ]);
    expect(await telling('GM0363', 2032)).toBeUndefined();
  });

  it('refuses a file with an unclosed quote whole, saying so', async () => {
    const csv =
      'gemeentecode,gemeente,jaar,huishoudens_totaal,huishoudens_met_kinderen,huishoudens_zonder_kinderen\n' +
      'GM0363,Amsterdam,2033,100,60,40\n' +
      'GM0362,"Amstelveen,2033,10,5,5\n';
    const r = await importHuishoudens(env.database.db, csv);
    expect(r.imported).toBe(0);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.field).toBe('csv');
    expect(r.errors[0]!.message).toMatch(/not a readable CSV file/);
    expect(await telling('GM0363', 2033)).toBeUndefined();
  });
});
