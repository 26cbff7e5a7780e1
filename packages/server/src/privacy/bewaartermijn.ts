// Dossier retention: a closed casus is destroyed when its retention term ends — by default 20
// years after its (last) closing, configurable; optionally not before its youngest child is 18.
// A legal hold (bewaarblokkade, with a reason) stops destruction. The report is the dry run: it
// changes nothing; execution re-checks every casus and destroys only what is due and not held.
import { addDays, toLocalDate, type BewaarItem, type BewaarRapport, type Blokkade } from '@voordeur/domain';
import type { Db } from '../db/index.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { addYears, type PrivacyConfig } from './config.ts';
import * as pq from './queries.ts';
import { destroyCasus, type DestroyCasusResult } from './vernietiging.ts';

export const BINNENKORT_DAGEN = 90;

/** The day a person born on `geb` (CBS JJJJMMDD) is certainly 18; unknown parts count late. */
export function meerderjarigOp(geb: string, fallback: string): string {
  if (!/^[0-9]{8}$/.test(geb) || geb === '99999999') return addYears(fallback, 18);
  const y = Number(geb.slice(0, 4));
  const m = Number(geb.slice(4, 6)) || 12;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const d = Number(geb.slice(6, 8)) || dim;
  return addYears(
    `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, dim)).padStart(2, '0')}`,
    18,
  );
}

async function blokkades(db: Db, casusIds: number[]): Promise<Map<number, Blokkade>> {
  const out = new Map<number, Blokkade>();
  if (!casusIds.length) return out;
  for (const b of await pq.actieveBlokkades(db, casusIds))
    out.set(b.casus_id, {
      id: b.id,
      reden: b.reden,
      ingesteldOp: new Date(b.ingesteld_op).toISOString(),
      ingesteldDoor: { id: b.ingesteld_door, naam: b.naam },
    });
  return out;
}

/** The retention report (dry run) on day `now`. */
export async function bewaarRapport(db: Db, now: Date, cfg: PrivacyConfig, only?: number[]): Promise<BewaarRapport> {
  const peildatum = toLocalDate(now);
  const horizon = addDays(peildatum, BINNENKORT_DAGEN);
  // The term is never shorter than `years` after closing, so older closings are the candidates.
  const grens = addYears(horizon, -cfg.retentionYears);
  const cands = await pq.geslotenCasussenVoor(db, addDays(grens, 2), only);
  const ids = cands.map((c) => c.id);
  const holds = await blokkades(db, ids);
  const personen = await pq.personenVanCasussen(db, ids);
  const out: BewaarRapport = {
    peildatum,
    bewaartermijnJaren: cfg.retentionYears,
    totJongsteMeerderjarig: cfg.retentionUntilYoungestAdult,
    teVernietigen: [],
    geblokkeerd: [],
    binnenkort: [],
  };
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
export async function voerBewaartermijnUit(
  db: Db,
  now: Date,
  cfg: PrivacyConfig,
  door: number | null,
  casusIds?: number[],
): Promise<UitvoerResultaat> {
  const rapport = await bewaarRapport(db, now, cfg, casusIds);
  const due = new Map(rapport.teVernietigen.map((i) => [i.casusId, i]));
  const res: UitvoerResultaat = { vernietigd: [], geweigerd: [] };
  for (const id of casusIds ?? [...due.keys()]) {
    const item = due.get(id);
    if (!item) {
      const held = rapport.geblokkeerd.find((i) => i.casusId === id);
      res.geweigerd.push({
        casusId: id,
        reden: held
          ? `bewaarblokkade: ${held.blokkade!.reden}`
          : 'de bewaartermijn is niet verstreken (of de casus bestaat niet of is open)',
      });
      continue;
    }
    res.vernietigd.push(
      await db
        .transaction()
        .execute((tx) => destroyCasus(tx, id, { door, now, bewaartermijnEinde: item.bewaartermijnEinde })),
    );
  }
  return res;
}

export async function zetBlokkade(db: Db, casusId: number, reden: string, door: number, now: Date): Promise<Blokkade> {
  return db.transaction().execute(async (tx) => {
    if (!(await pq.casusBestaat(tx, casusId, true))) throw notFound('Casus');
    if (await pq.heeftActieveBlokkade(tx, casusId))
      throw new HttpError(409, 'al_geblokkeerd', 'Deze casus staat al onder een bewaarblokkade');
    await pq.insertBlokkade(tx, casusId, reden, door, now);
    return (await blokkades(tx, [casusId])).get(casusId)!;
  });
}

export async function hefBlokkadeOp(db: Db, casusId: number, reden: string, door: number, now: Date) {
  if (!(await pq.hefBlokkadeOp(db, casusId, reden, door, now))) {
    throw (await pq.casusBestaat(db, casusId))
      ? new HttpError(409, 'geen_blokkade', 'Deze casus staat niet onder een bewaarblokkade')
      : notFound('Casus');
  }
  return { casusId, opgehevenOp: now.toISOString(), reden };
}

/** All legal holds of a casus, active and lifted. */
export async function blokkadeHistorie(db: Db, casusId: number) {
  return (await pq.blokkadeRijen(db, casusId)).map((b) => ({
    id: b.id,
    reden: b.reden,
    ingesteldOp: new Date(b.ingesteld_op).toISOString(),
    ingesteldDoor: { id: b.ingesteld_door, naam: b.door_naam },
    opgehevenOp: b.opgeheven_op ? new Date(b.opgeheven_op).toISOString() : null,
    opgehevenDoor: b.opgeheven_door ? { id: b.opgeheven_door, naam: b.opgeheven_naam ?? '' } : null,
    opheffingReden: b.opheffing_reden,
    actief: !b.opgeheven_op,
  }));
}
