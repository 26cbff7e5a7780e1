// The `voordeur` command: serve (default), migrate, seed, audit verify, import huishoudens.
import { configureDataKeyFromConfig } from '../crypto/veld.ts';
import fs from 'node:fs';
import { schrijfAnker } from '../audit/anker.ts';
import { verifyAccessLog } from '../audit/index.ts';
import { configureAuditKeyFromConfig } from '../crypto/auditsleutel.ts';
import { DEMO_TOTP_USAGE, demoTotpCommand } from '../auth/cli.ts';
import { loadConfig } from '../config.ts';
import { ensureSeeded } from '../demo/demo.ts';
import { importHuishoudens } from '../db/huishoudens-import.ts';
import { openDatabase } from '../db/index.ts';
import { migrate } from '../startup.ts';
import { AUDIT_PURGE_USAGE, auditPurgeCommand, PRIVACY_USAGE, privacyCommand } from '../privacy/cli.ts';
import { CBS_USAGE, cbsExportCommand } from '../rapportage/cli.ts';
import { startServer } from '../server.ts';

const USAGE = `usage: voordeur <command>
  serve                         start the server (default)
  migrate                       apply database migrations and exit
  seed                          load the organisation (and demo data unless VOORDEUR_DEMO=false)
  audit verify                  check the access log's chains against the last signed anchor
  audit anchor                  write a signed anchor of the access log's chain heads (VOORDEUR_AUDIT_ANCHOR_DIR)
  ${AUDIT_PURGE_USAGE}
  ${PRIVACY_USAGE}
  import huishoudens FILE.csv   import household counts per gemeente and year
  ${CBS_USAGE}
                                write the half-yearly CBS delivery (docs/cbs-export.md)
  ${DEMO_TOTP_USAGE}
  policy-table [--write FILE]   print the written policy table (docs/security.md), or replace it in FILE`;

async function withDb<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  configureDataKeyFromConfig(config);
  configureAuditKeyFromConfig(config);
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]) {
  const [cmd = 'serve', ...rest] = argv;
  switch (cmd) {
    case 'serve':
      await startServer();
      return;
    case 'migrate':
      await withDb(async (d) => console.log(`migrated (${d.kind}): ${JSON.stringify(await migrate(d.db))}`));
      return;
    case 'seed':
      await withDb(async (d) => {
        await migrate(d.db);
        console.log(JSON.stringify(await ensureSeeded(d.db, { demo: loadConfig().demo })));
      });
      return;
    case 'audit':
      if (rest[0] === 'purge') {
        await withDb(async (d) => void (process.exitCode = await auditPurgeCommand(d.db, rest.slice(1))));
        return;
      }
      if (rest[0] === 'anchor') {
        await withDb(async (d) => {
          const { file, anker } = await schrijfAnker(d.db, loadConfig().auditAnchorDir);
          const n = anker.ketens.reduce((t, k) => t + k.volgnr, 0);
          console.log(`signed anchor written: ${file} (${anker.ketens.length} chains, ${n} entries)`);
        });
        return;
      }
      if (rest[0] !== 'verify') break;
      await withDb(async (d) => {
        const dir = loadConfig().auditAnchorDir;
        const r = await verifyAccessLog(d.db, { ankerDir: dir });
        if (r.ok)
          console.log(
            `access log intact: ${r.checked} entries checked in ${r.ketens} chains; ${r.signedAnchor ? `reaches the signed anchor ${r.signedAnchor.file} (${r.signedAnchor.gemaaktOp})` : `no signed anchor in ${dir} yet (the log is empty)`}`,
          );
        else {
          console.error(
            `access log BROKEN${r.firstBadId === null ? '' : ` at entry ${r.firstBadId}`}: ${r.problem} (${r.checked} entries before it are intact)`,
          );
          process.exitCode = 1;
        }
      });
      return;
    case 'privacy':
      await withDb(async (d) => void (process.exitCode = await privacyCommand(d.db, rest)));
      return;
    case 'import':
      if (rest[0] !== 'huishoudens' || !rest[1]) break;
      await withDb(async (d) => {
        const r = await importHuishoudens(d.db, fs.readFileSync(rest[1]!, 'utf8'));
        if (r.errors.length) {
          for (const e of r.errors) console.error(`line ${e.line}: ${e.field}: ${e.message}`);
          console.error('nothing imported');
          process.exitCode = 1;
        } else console.log(`imported ${r.imported} rows`);
      });
      return;
    case 'export':
      if (rest[0] !== 'cbs') break;
      await withDb(async (d) => {
        await migrate(d.db);
        process.exitCode = await cbsExportCommand(d.db, rest.slice(1), new Date());
      });
      return;
    case 'policy-table': {
      const { policyDocBlock, replacePolicyBlock } = await import('../policy/table.ts');
      const { allRoutes } = await import('../routes.ts');
      const block = policyDocBlock(allRoutes());
      if (rest[0] === '--write' && rest[1]) {
        fs.writeFileSync(rest[1], replacePolicyBlock(fs.readFileSync(rest[1], 'utf8'), block));
        console.log(`policy table written to ${rest[1]}`);
      } else if (rest.length === 0) console.log(block);
      else break;
      return;
    }
    case 'demo-totp':
      process.exitCode = demoTotpCommand(rest);
      return;
  }
  console.error(USAGE);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
