// Migrations on a database that already holds data an earlier version let users make: 013 brings a
// built-in code table 'v2-2025'; an organisation's own table of that name (the API allowed any name
// before) must survive under another name, with its codes, and the migration must not fail.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../testing.ts'; // the test data key
import { openDatabase, type Database } from './index.ts';
import { MIGRATIONS } from './migrate.ts';
import { migrate } from '../startup.ts';

let database: Database;

beforeAll(async () => {
  database = await openDatabase({ databaseUrl: null, dataDir: 'memory://' });
});
afterAll(async () => {
  await database?.close();
});

describe('migration 013 on a database with an own code table named v2-2025', () => {
  it('keeps it as v2-2025-eigen with its codes and installs the built-in table', async () => {
    const db = database.db;
    // The schema as it was before 013.
    await sql`create table schema_migration (name text primary key, applied_at timestamptz not null default now())`.execute(
      db,
    );
    for (const m of MIGRATIONS.filter((x) => x.name < '013')) {
      for (const stmt of m.up) await sql.raw(stmt).execute(db);
      await sql`insert into schema_migration (name) values (${m.name})`.execute(db);
    }
    await sql`insert into cbs_protocol (versie, omschrijving, zorgmeldingen_politie) values ('v2-2025', 'Eigen tabel van de regio', true)`.execute(
      db,
    );
    await sql`insert into cbs_code (protocol, veld, code, cbs_code) values ('v2-2025', 'aanleiding', 'partnergeweld', '11')`.execute(
      db,
    );

    const r = await migrate(db);
    expect(r.applied).toEqual(expect.arrayContaining(['013_cbs_v2']));
    const eigen = (await sql<any>`select * from cbs_protocol where versie = 'v2-2025-eigen'`.execute(db)).rows[0];
    expect(eigen.omschrijving).toMatch(/^Eigen tabel van de regio \(eigen codetabel; hernoemd/);
    expect(
      (
        await sql<any>`select protocol, cbs_code from cbs_code where code = 'partnergeweld' and veld = 'aanleiding'`.execute(
          db,
        )
      ).rows,
    ).toEqual([{ protocol: 'v2-2025-eigen', cbs_code: '11' }]);
    const ingebouwd = (await sql<any>`select met_opties from cbs_protocol where versie = 'v2-2025'`.execute(db))
      .rows[0];
    expect(ingebouwd.met_opties).toBe(true);
    expect(
      Number((await sql<any>`select count(*) as n from cbs_optie where protocol = 'v2-2025'`.execute(db)).rows[0].n),
    ).toBeGreaterThan(50);
  });
});
