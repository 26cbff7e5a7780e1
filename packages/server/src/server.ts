// Start Voordeur: open the database, migrate, seed on first start, serve the API and web app.
import { configureDataKeyFromConfig } from './crypto/veld.ts';
import { configureAuditKeyFromConfig } from './crypto/auditsleutel.ts';
import { startAnkerTimer } from './audit/anker.ts';
import { buildApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { demoSecret, totp } from './auth/totp.ts';
import { DEMO_PASSWORD, DEMO_USERS, demoUserNeedsTotp, ensureSeeded } from './demo/demo.ts';
import { openDatabase } from './db/index.ts';
import { migrate } from './startup.ts';
import { grantAppRol } from './db/rollen.ts';
import { weigerOpenDemoAccounts } from './demo/veiligheid.ts';

/**
 * PostgreSQL server with VOORDEUR_MIGRATION_DATABASE_URL: migrations run as the schema owner, after
 * which the application role (VOORDEUR_APP_ROLE) gets its rights (db/rollen.ts).
 */
export async function migrateAsOwner(config: Config) {
  const owner = await openDatabase({ databaseUrl: config.migrationDatabaseUrl, dataDir: config.dataDir, poolSize: 1 });
  try {
    const m = await migrate(owner.db);
    if (config.appRol) await grantAppRol(owner.db, config.appRol);
    return m;
  } finally {
    await owner.close();
  }
}

export async function startServer(config: Config = loadConfig()) {
  const keySource = configureDataKeyFromConfig(config);
  if (keySource !== 'VOORDEUR_DATA_KEY')
    console.log(`Data key for encrypted fields: ${keySource} — set VOORDEUR_DATA_KEY outside a demo (see README)`);
  const auditKeySource = configureAuditKeyFromConfig(config);
  if (auditKeySource !== 'VOORDEUR_AUDIT_KEY')
    console.log(`Audit key for the access log: ${auditKeySource} — set VOORDEUR_AUDIT_KEY outside a demo (see README)`);
  const ownerMigrates = !!(config.migrationDatabaseUrl && config.databaseUrl);
  const m0 = ownerMigrates ? await migrateAsOwner(config) : null;
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const m = m0 ?? (await migrate(database.db));
  const seed = await ensureSeeded(database.db, { demo: config.demo });
  await weigerOpenDemoAccounts(database.db, config.demo);
  const app = await buildApp(
    { db: database.db, dbKind: database.kind, config, now: () => new Date() },
    { logger: true },
  );
  // Signed head anchors of the access log, outside the database (audit/anker.ts): one now, then periodically.
  const stopAnkers = startAnkerTimer(database.db, config.auditAnchorDir, config.auditAnchorSeconds, (m) =>
    app.log.error(m),
  );
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/`;
  const where =
    database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL server (DATABASE_URL)';
  console.log(`\nVoordeur draait op ${url}`);
  console.log(
    `Database: ${where}; migration ${m.version}${m.applied.length ? ` (applied ${m.applied.join(', ')})` : ''}${seed.seeded ? '; demo data loaded' : ''}`,
  );
  if (config.demo) {
    console.log(`\nDemo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS)
      console.log(
        `  ${u.gebruikersnaam.padEnd(12)} ${u.naam.padEnd(20)} ${u.rollen.join(', ')}${u.team ? ` — ${u.team}` : ''}${demoUserNeedsTotp(u) ? '  + code' : ''}`,
      );
    if (DEMO_USERS.some(demoUserNeedsTotp)) {
      console.log(
        '\n"+ code": roles that see personal data also need a second factor (TOTP). The demo users have FIXED,',
      );
      console.log('PUBLIC demo secrets (never for real accounts); print the current code with:');
      console.log(
        `  npm run voordeur -- demo-totp <login>      e.g. demo-totp bureau → ${totp(demoSecret('bureau'), new Date())} (now)`,
      );
    }
  }
  console.log(`\nAPI: ${url}api/openapi.json   health: ${url}api/health\n`);
  const stop = async () => {
    stopAnkers();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  return { app, database };
}
