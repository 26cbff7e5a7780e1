// `voordeur export cbs --half-year 2026H1 [--out FILE] [--protocol v1-2015]`: writes the CBS
// delivery file, lists the records that cannot be delivered, and logs the export (NEN 7513).
import fs from 'node:fs';
import { writeAccessLog } from '../audit/index.ts';
import type { Db } from '../db/index.ts';
import { cbsLevering, STANDAARD_PROTOCOL } from './cbs.ts';

export const CBS_USAGE = 'export cbs --half-year 2026H1 [--out FILE] [--protocol v1-2015]';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

/** Returns the exit code: 0 written (also with undeliverable records, which are listed), 2 usage error. */
export async function cbsExportCommand(
  db: Db,
  args: string[],
  now: Date,
  out: { log: (s: string) => void; error: (s: string) => void } = console,
): Promise<number> {
  const halfjaar = option(args, 'half-year');
  if (!halfjaar || !/^\d{4}H[12]$/.test(halfjaar)) {
    out.error(`usage: voordeur ${CBS_USAGE}`);
    return 2;
  }
  const protocol = option(args, 'protocol') ?? STANDAARD_PROTOCOL;
  const r = await cbsLevering(db, halfjaar, protocol, now);
  const file = option(args, 'out') ?? r.bestand.naam;
  fs.writeFileSync(file, r.bestand.inhoud, { encoding: 'ascii', mode: 0o600 });
  await writeAccessLog(db, [
    {
      userId: null,
      clientIds: r.clientIds,
      action: 'export',
      objectType: 'cbs_levering',
      objectId: `${r.halfjaar}/${r.protocol.versie}`,
      purpose: 'wettelijke levering beleidsinformatie aan het CBS (Wmo 2015 art. 4.2.12), via de opdrachtregel',
      route: 'cli: voordeur export cbs',
      outcome: 'success',
    },
  ]);
  const a = r.aantallen;
  out.log(
    `${file}: ${a.adviezen} adviezen, ${a.meldingen} meldingen, ${a.onderzoeken} onderzoeken, ${a.personen} personen (protocol ${r.protocol.versie}, ${r.periode.van} t/m ${r.periode.tot})`,
  );
  for (const u of r.uitgesloten) out.log(`uitgesloten ${u.soort} ${u.nummer}: ${u.reden}`);
  if (r.nietLeverbaar.length) {
    out.error(`${r.nietLeverbaar.length} record(s) NIET geleverd — gegevens aanvullen en opnieuw exporteren:`);
    for (const n of r.nietLeverbaar) out.error(`  ${n.soort} ${n.nummer}: ${n.redenen.join('; ')}`);
  }
  return 0;
}
