// The row types of the database (db/schema.ts), derived from the migrated schema: `npm run db:types`
// writes them, db/schema.int.test.ts fails when the committed file differs from what the migrations
// make. Each column's TS type is what a query returns after the driver normalisation in db/index.ts,
// which is the same on PostgreSQL (pg) and PGlite for every type mapped here.
import { sql } from 'kysely';
import type { Db } from './index.ts';

interface Column {
  table_name: string;
  column_name: string;
  is_nullable: 'YES' | 'NO';
  udt_name: string;
  column_default: string | null;
  is_identity: 'YES' | 'NO';
  identity_generation: 'ALWAYS' | 'BY DEFAULT' | null;
  is_generated: 'ALWAYS' | 'NEVER';
}

// udt_name → the value a query returns (db/index.ts normalises int8 and numeric to number and leaves
// `date` as its 'YYYY-MM-DD' text; timestamps are Date objects on both drivers; json is parsed).
// A type not listed here stops the generator: decide what both drivers return for it first (pg and
// PGlite differ for e.g. int8[] and date[], which the parsers in db/index.ts do not cover).
const SCALAR: Record<string, string> = {
  int2: 'number',
  int4: 'number',
  int8: 'number', // pg: type parser in db/index.ts; PGlite: number (bigint only beyond 2^53)
  float4: 'number',
  float8: 'number',
  numeric: 'number', // parser in db/index.ts on both drivers
  bool: 'boolean',
  text: 'string',
  varchar: 'string',
  bpchar: 'string',
  uuid: 'string',
  citext: 'string',
  date: 'string', // 'YYYY-MM-DD': parser in db/index.ts on both drivers
  timestamptz: 'Date',
  timestamp: 'Date',
  json: 'unknown', // parsed JSON of no declared shape: the module that reads it says what it holds
  jsonb: 'unknown',
  bytea: 'Uint8Array', // pg gives a Buffer (a Uint8Array), PGlite a Uint8Array
  _text: 'string[]',
  _varchar: 'string[]',
  _int2: 'number[]',
  _int4: 'number[]',
  _bool: 'boolean[]',
};

function tsType(c: Column): string {
  const t = SCALAR[c.udt_name];
  if (!t)
    throw new Error(
      `db:types: no TS type for ${c.table_name}.${c.column_name} (${c.udt_name}); add it to SCALAR in db/schema-gen.ts after checking what pg and PGlite return`,
    );
  return c.is_nullable === 'YES' ? `${t} | null` : t;
}

/** Kysely column wrapper: GeneratedAlways for values only the database writes, Generated for a default. */
function columnType(c: Column): string {
  const t = tsType(c);
  if (c.is_generated === 'ALWAYS' || c.identity_generation === 'ALWAYS') return `GeneratedAlways<${t}>`;
  if (c.column_default !== null || c.is_identity === 'YES') return `Generated<${t}>`;
  return t;
}

const pascal = (name: string) =>
  name
    .split('_')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join('');

/** The text of db/schema.ts for the schema `db` has now (run on a freshly migrated database). */
export async function generateSchemaSource(db: Db): Promise<string> {
  const columns = (
    await sql<Column>`select c.table_name, c.column_name, c.is_nullable, c.udt_name, c.column_default,
                             c.is_identity, c.identity_generation, c.is_generated
                      from information_schema.columns c
                      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                      where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                      order by c.table_name, c.ordinal_position`.execute(db)
  ).rows;
  const tables = new Map<string, Column[]>();
  for (const c of columns) {
    const list = tables.get(c.table_name) ?? [];
    list.push(c);
    tables.set(c.table_name, list);
  }
  // Sorted here, not by the server: the collation of PostgreSQL and PGlite may differ.
  const names = [...tables.keys()].sort();
  const out: string[] = [
    '// Row types of every table, generated from the migrated schema by `npm run db:types`',
    '// (packages/server/src/db/schema-gen.ts). Do not edit: change a migration and regenerate;',
    '// db/schema.int.test.ts fails when this file differs from what the migrations make.',
  ];
  const body: string[] = [];
  for (const name of names) {
    body.push(`export interface ${pascal(name)}Table {`);
    for (const c of tables.get(name)!) body.push(`  ${c.column_name}: ${columnType(c)};`);
    body.push('}', '');
  }
  // Import only the column wrappers in use (an unused import fails the lint).
  const wrappers = ['Generated', 'GeneratedAlways'].filter((w) => body.some((l) => l.includes(`: ${w}<`)));
  out.push(`import type { ${[...wrappers, 'Insertable', 'Selectable', 'Updateable'].join(', ')} } from 'kysely';`, '');
  out.push(...body);
  out.push('/** Table name → row type: the type parameter of Kysely (`Db` in db/index.ts). */');
  out.push('export interface Database {');
  for (const name of names) out.push(`  ${name}: ${pascal(name)}Table;`);
  out.push('}', '');
  out.push('export type TableName = keyof Database;');
  out.push('/** A row as a query returns it. */');
  out.push('export type Row<T extends TableName> = Selectable<Database[T]>;');
  out.push('/** The values an insert takes (columns with a default optional). */');
  out.push('export type NewRow<T extends TableName> = Insertable<Database[T]>;');
  out.push('/** The values an update takes (all optional). */');
  out.push('export type RowUpdate<T extends TableName> = Updateable<Database[T]>;');
  return out.join('\n') + '\n';
}
