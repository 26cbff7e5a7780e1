// Dossier retention: a closed casus is destroyed when its retention term ends — by default 20
// years after its (last) closing, configurable; optionally not before its youngest child is 18.
// A legal hold (bewaarblokkade, with a reason) stops destruction. The report is the dry run: it
// changes nothing; execution re-checks every casus and destroys only what is due and not held.
import { addDays, toLocalDate, type BewaarItem, type BewaarRapport, type Blokkade } from '@voordeur/domain';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { addYears, type PrivacyConfig } from './config.ts';
import { destroyCasus, type DestroyCasusResult } from './vernietiging.ts';

export const BINNENKORT_DAGEN = 90;

/** The day a person born on `geb` (CBS JJJJMMDD) is certainly 18; unknown parts count late. */
export function meerderjarigOp(geb: string, fallback: string): string {
  if (!/^[0-9]{8}$/.test(geb) || geb === '99999999') return addYears(fallback, 18);
  const y = Number(geb.slice(0, 4));
  const m = Number(geb.slice(4, 6)) || 12;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = Number(geb.slice(6, 8)) || dim;
  return addYears(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, dim)).padStart(2, '0')}`, 18);
}

async function blokkades(db: Db, casusIds: number[]): Promise<Map<number, Blokkade>> {
  const out = new Map<number, Blokkade>();
  if (!casusIds.length) return out;
  const r = await sql<any>`select b.*, g.naam from bewaarblokkade b join gebruiker g on g.id = b.ingesteld_door where b.casus_id = any(${casusIds}) and b.opgeheven_op is null`.execute(db);
  for (const b of r.rows) out.set(b.casus_id, { id: b.id, reden: b.reden, ingesteldOp: new Date(b.ingesteld_op).toISOString(), ingesteldDoor: { id: b.ingesteld_door, naam: b.naam } });
  return out;
}

/** The retention report (dry run) on day `now`. */
export async function bewaarRapport(db: Db, now: Date, cfg: PrivacyConfig, only?: number[]): Promise<BewaarRapport> {
  const peildatum = toLocalDate(now);
  const horizon = addDays(peildatum, BINNENKORT_DAGEN);
  // The term is never shorter than `years` after closing, so older closings are the candidates.
  const grens = addYears(horizon, -cfg.retentionYears);
  const cands = (
    await sql<any>`
      select c.id, c.nummer, c.gesloten_op, c.huishouden_id,
        (select count(*)::int from melding m where m.casus_id = c.id) as meldingen
      from casus c
      where c.status = 'gesloten' and c.gesloten_op is not null and c.gesloten_op < ${addDays(grens, 2)}::date
        ${only ? sql`and c.id = any(${only})` : sql``}
      order by c.gesloten_op, c.id`.execute(db)
  ).rows;
  const ids = cands.map((c) => c.id as number);
  const holds = await blokkades(db, ids);
  const personen = ids.length
    ? (
        await sql<any>`
          select x.casus_id, p.id, p.geboortedatum,
            exists (select 1 from melding_betrokkene mb join melding m on m.id = mb.melding_id where mb.persoon_id = p.id and m.casus_id <> x.casus_id)
            or exists (select 1 from huishouden_lid l where l.persoon_id = p.id and l.huishouden_id <> x.huishouden_id)
            or exists (select 1 from huishouden_lid l join casus c2 on c2.huishouden_id = l.huishouden_id where l.persoon_id = p.id and c2.id <> x.casus_id) as elders
          from (
            select c.id as casus_id, c.huishouden_id, mb.persoon_id from casus c join melding m on m.casus_id = c.id join melding_betrokkene mb on mb.melding_id = m.id where c.id = any(${ids})
            union
            select c.id, c.huishouden_id, l.persoon_id from casus c join huishouden_lid l on l.huishouden_id = c.huishouden_id where c.id = any(${ids})
          ) x join persoon p on p.id = x.persoon_id`.execute(db)
      ).rows
    : [];
  const out: BewaarRapport = { peildatum, bewaartermijnJaren: cfg.retentionYears, totJongsteMeerderjarig: cfg.retentionUntilYoungestAdult, teVernietigen: [], geblokkeerd: [], binnenkort: [] };
  for (const c of cands) {
    const gesloten = toLocalDate(c.gesloten_op);
    let einde = addYears(gesloten, cfg.retentionYears);
    let grondslag: BewaarItem['grondslag'] = 'jaren_na_sluiting';
    const ps = personen.filter((p) => p.casus_id === c.id);
    if (cfg.retentionUntilYoungestAdult) {
      for (const p of ps) {
        if (!p.geboortedatum) continue;
        const adult = meerderjarigOp(p.geboortedatum, gesloten);
        if (adult > einde) {
          einde = adult;
          grondslag = 'jongste_kind_meerderjarig';
        }
      }
    }
    if (einde > horizon) continue;
    const item: BewaarItem = {
      casusId: c.id,
      nummer: c.nummer,
      geslotenOp: new Date(c.gesloten_op).toISOString(),
      bewaartermijnEinde: einde,
      grondslag,
      blokkade: holds.get(c.id) ?? null,
      meldingen: c.meldingen,
      personen: new Set(ps.map((p) => p.id)).size,
      personenTeVernietigen: new Set(ps.filter((p) => !p.elders).map((p) => p.id)).size,
    };
    if (einde > peildatum) out.binnenkort.push(item);
    else if (item.blokkade) out.geblokkeerd.push(item);
    else out.teVernietigen.push(item);
  }
  return out;
}

export interface UitvoerResultaat {
  vernietigd: DestroyCasusResult[];
  geweigerd: Array<{ casusId: number; reden: string }>;
}

/**
 * Destroy the given casussen (or, without a list, every casus due now). Each is re-checked on the
 * day of execution: only due and not held ones are destroyed; each in its own transaction.
 */
export async function voerBewaartermijnUit(db: Db, now: Date, cfg: PrivacyConfig, door: number | null, casusIds?: number[]): Promise<UitvoerResultaat> {
  const rapport = await bewaarRapport(db, now, cfg, casusIds);
  const due = new Map(rapport.teVernietigen.map((i) => [i.casusId, i]));
  const res: UitvoerResultaat = { vernietigd: [], geweigerd: [] };
  for (const id of casusIds ?? [...due.keys()]) {
    const item = due.get(id);
    if (!item) {
      const held = rapport.geblokkeerd.find((i) => i.casusId === id);
      res.geweigerd.push({ casusId: id, reden: held ? `bewaarblokkade: ${held.blokkade!.reden}` : 'de bewaartermijn is niet verstreken (of de casus bestaat niet of is open)' });
      continue;
    }
    res.vernietigd.push(await db.transaction().execute((tx) => destroyCasus(tx, id, { door, now, bewaartermijnEinde: item.bewaartermijnEinde })));
  }
  return res;
}

export async function zetBlokkade(db: Db, casusId: number, reden: string, door: number, now: Date): Promise<Blokkade> {
  return db.transaction().execute(async (tx) => {
    const c = await sql`select id from casus where id = ${casusId} for update`.execute(tx);
    if (!c.rows.length) throw notFound('Casus');
    const actief = await sql`select 1 from bewaarblokkade where casus_id = ${casusId} and opgeheven_op is null`.execute(tx);
    if (actief.rows.length) throw new HttpError(409, 'al_geblokkeerd', 'Deze casus staat al onder een bewaarblokkade');
    await sql`insert into bewaarblokkade (casus_id, reden, ingesteld_door, ingesteld_op) values (${casusId}, ${reden}, ${door}, ${now.toISOString()})`.execute(tx);
    return (await blokkades(tx, [casusId])).get(casusId)!;
  });
}

export async function hefBlokkadeOp(db: Db, casusId: number, reden: string, door: number, now: Date) {
  const r = await sql<any>`update bewaarblokkade set opgeheven_op = ${now.toISOString()}, opgeheven_door = ${door}, opheffing_reden = ${reden}
    where casus_id = ${casusId} and opgeheven_op is null returning id`.execute(db);
  if (!r.rows.length) {
    const c = await sql`select 1 from casus where id = ${casusId}`.execute(db);
    throw c.rows.length ? new HttpError(409, 'geen_blokkade', 'Deze casus staat niet onder een bewaarblokkade') : notFound('Casus');
  }
  return { casusId, opgehevenOp: now.toISOString(), reden };
}

/** All legal holds of a casus, active and lifted. */
export async function blokkadeHistorie(db: Db, casusId: number) {
  const r = await sql<any>`select b.*, g.naam as door_naam, o.naam as opgeheven_naam from bewaarblokkade b
    join gebruiker g on g.id = b.ingesteld_door left join gebruiker o on o.id = b.opgeheven_door where b.casus_id = ${casusId} order by b.id`.execute(db);
  return r.rows.map((b: any) => ({
    id: b.id,
    reden: b.reden,
    ingesteldOp: new Date(b.ingesteld_op).toISOString(),
    ingesteldDoor: { id: b.ingesteld_door, naam: b.door_naam },
    opgehevenOp: b.opgeheven_op ? new Date(b.opgeheven_op).toISOString() : null,
    opgehevenDoor: b.opgeheven_door ? { id: b.opgeheven_door, naam: b.opgeheven_naam } : null,
    opheffingReden: b.opheffing_reden,
    actief: !b.opgeheven_op,
  }));
}
