// `npm run db:types`: migrate a fresh in-memory PGlite database with the project's own migrations and
// write the row types of every table to packages/server/src/db/schema.ts (see db/schema-gen.ts).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configureDataKey } from '../packages/server/src/crypto/veld.ts';
import { openDatabase } from '../packages/server/src/db/index.ts';
import { applyMigrations as migrate } from '../packages/server/src/db/migrate.ts';
import { generateSchemaSource } from '../packages/server/src/db/schema-gen.ts';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../packages/server/src/db/schema.ts');

// The migrations check (and on an empty database store) a data key: a throwaway one for this database.
configureDataKey(randomBytes(32));
const database = await openDatabase({ databaseUrl: null, dataDir: 'memory://' });
try {
  await migrate(database.db);
  const text = await generateSchemaSource(database.db);
  const before = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : null;
  if (before === text) console.log(`${path.relative(process.cwd(), target)} is up to date`);
  else {
    fs.writeFileSync(target, text);
    console.log(`wrote ${path.relative(process.cwd(), target)}`);
  }
} finally {
  await database.close();
}
