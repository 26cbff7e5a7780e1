// Command-line parts of privacy: access-log retention (`voordeur audit purge`) and dossier
// retention (`voordeur privacy bewaartermijn`). Both are a dry run unless told otherwise, so an
// operator schedules the dry run, reads it, and schedules the real run (docs/privacy.md).
import fs from 'node:fs';
import { writeAccessLog } from '../audit/index.ts';
import { logRetentionReport, purgeAccessLog } from '../audit/retention.ts';
import type { Db } from '../db/index.ts';
import { bewaarRapport, voerBewaartermijnUit } from './bewaartermijn.ts';
import { privacyConfig } from './config.ts';

export const AUDIT_PURGE_USAGE = `audit purge --dry-run          show which access-log entries are past VOORDEUR_LOG_RETENTION_YEARS (default 5)
  audit purge --archive FILE    write them to FILE (JSON lines), anchor the chain, remove them
  audit purge --no-archive      anchor the chain and remove them without an archive file`;
export const PRIVACY_USAGE = `privacy bewaartermijn          dry run: casussen past their retention term, held, or due within 90 days
  privacy bewaartermijn --uitvoeren
                                destroy every casus past its term and not held (for a daily schedule)`;

type Out = { log: (s: string) => void; error: (s: string) => void };

export async function auditPurgeCommand(db: Db, args: string[], out: Out = console, now = new Date()): Promise<number> {
  const cfg = privacyConfig();
  const dry = args.includes('--dry-run');
  const ai = args.indexOf('--archive');
  const archive = ai >= 0 ? args[ai + 1] : undefined;
  if (!dry && !archive && !args.includes('--no-archive')) {
    out.error('voordeur audit purge: choose --dry-run, --archive FILE or --no-archive');
    return 2;
  }
  if (dry) {
    const r = await logRetentionReport(db, now, cfg.logRetentionYears);
    const t = r.teVerwijderen;
    out.log(
      t
        ? `${t.aantal} of ${r.totaal} entries are older than ${r.bewaartermijnJaren} years (ids ${t.vanId}–${t.totId}, ${t.oudste} – ${t.nieuwste}); nothing removed (dry run)`
        : `no entries older than ${r.bewaartermijnJaren} years (cut-off ${r.grens}); ${r.totaal} entries`,
    );
    return 0;
  }
  if (archive && fs.existsSync(archive)) {
    out.error(`voordeur audit purge: ${archive} exists; choose a new file`);
    return 2;
  }
  const r = await purgeAccessLog(db, {
    now,
    years: cfg.logRetentionYears,
    archive: archive ? async (jsonl) => fs.writeFileSync(archive, jsonl, { flag: 'wx' }) : undefined,
  });
  if (!r.verwijderd) out.log(`no entries older than ${r.bewaartermijnJaren} years; nothing removed`);
  else
    out.log(
      `removed ${r.verwijderd} entries up to id ${r.nieuwAnker!.lastId}; chain anchored (anchor ${r.nieuwAnker!.id}, hash ${r.nieuwAnker!.hash})${archive ? `; archive ${archive} sha256 ${r.archiefSha256}` : ''}`,
    );
  return 0;
}

export async function privacyCommand(db: Db, args: string[], out: Out = console, now = new Date()): Promise<number> {
  if (args[0] !== 'bewaartermijn') {
    out.error(`usage: voordeur ${PRIVACY_USAGE}`);
    return 2;
  }
  const cfg = privacyConfig();
  if (!args.includes('--uitvoeren')) {
    const r = await bewaarRapport(db, now, cfg);
    out.log(
      `peildatum ${r.peildatum}; bewaartermijn ${r.bewaartermijnJaren} jaar${r.totJongsteMeerderjarig ? ', minstens tot het jongste kind 18 is' : ''}`,
    );
    for (const [kop, items] of [
      ['te vernietigen', r.teVernietigen],
      ['geblokkeerd', r.geblokkeerd],
      ['binnenkort', r.binnenkort],
    ] as const) {
      out.log(`${kop}: ${items.length}`);
      for (const i of items)
        out.log(
          `  casus ${i.nummer} (id ${i.casusId}): gesloten ${i.geslotenOp.slice(0, 10)}, termijn tot ${i.bewaartermijnEinde} (${i.grondslag})${i.blokkade ? `, blokkade: ${i.blokkade.reden}` : ''}; ${i.personenTeVernietigen} van ${i.personen} personen verdwijnen mee`,
        );
    }
    out.log('dry run: nothing destroyed (add --uitvoeren to destroy)');
    return 0;
  }
  const r = await voerBewaartermijnUit(db, now, cfg, null);
  for (const v of r.vernietigd) {
    await writeAccessLog(db, [
      {
        userId: null,
        clientIds: v.personenVernietigd,
        action: 'delete',
        objectType: 'casus',
        objectId: String(v.casusId),
        purpose: `bewaartermijn verstreken: casus ${v.nummer} vernietigd`,
        route: 'voordeur privacy bewaartermijn',
        outcome: 'success',
      },
    ]);
    out.log(`casus ${v.nummer} (id ${v.casusId}) destroyed; ${v.personenVernietigd.length} persons destroyed with it`);
  }
  for (const g of r.geweigerd) out.error(`casus ${g.casusId} not destroyed: ${g.reden}`);
  out.log(`${r.vernietigd.length} casussen destroyed`);
  return 0;
}
