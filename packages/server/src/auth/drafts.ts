// Drafts (concepten): the web app saves form input per user and key while the user types, so
// work survives a session timeout and re-login. Drafts are NOT removed at logout or timeout;
// they expire `draftDays` after their last change. Their content is treated as personal data:
// every access is logged with the persons the draft is about (persoonIds).
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';

/** Drafts one user may keep at the same time. */
export const MAX_DRAFTS_PER_USER = 100;

export interface Draft {
  sleutel: string;
  inhoud: unknown;
  persoonIds: number[];
  bijgewerktOp: string;
}

const cutoff = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

/** Remove drafts not changed for `days` days (all users); returns how many. */
export async function purgeExpiredDrafts(db: Db, now: Date, days: number): Promise<number> {
  const r = await sql`delete from concept where bijgewerkt_op < ${cutoff(now, days)} returning sleutel`.execute(db);
  return r.rows.length;
}

async function purgeOwn(db: Db, userId: number, now: Date, days: number) {
  await sql`delete from concept where gebruiker_id = ${userId} and bijgewerkt_op < ${cutoff(now, days)}`.execute(db);
}

const toDraft = (r: any): Draft => ({ sleutel: r.sleutel, inhoud: r.inhoud, persoonIds: r.persoon_ids ?? [], bijgewerktOp: new Date(r.bijgewerkt_op).toISOString() });

export async function listDrafts(db: Db, userId: number, now: Date, days: number): Promise<Array<Omit<Draft, 'inhoud'>>> {
  await purgeOwn(db, userId, now, days);
  const r = await sql<any>`select sleutel, persoon_ids, bijgewerkt_op from concept where gebruiker_id = ${userId} order by bijgewerkt_op desc`.execute(db);
  return r.rows.map((x) => ({ sleutel: x.sleutel, persoonIds: x.persoon_ids ?? [], bijgewerktOp: new Date(x.bijgewerkt_op).toISOString() }));
}

export async function getDraft(db: Db, userId: number, sleutel: string, now: Date, days: number): Promise<Draft | null> {
  await purgeOwn(db, userId, now, days);
  const r = await sql<any>`select * from concept where gebruiker_id = ${userId} and sleutel = ${sleutel}`.execute(db);
  return r.rows[0] ? toDraft(r.rows[0]) : null;
}

/** Save a draft; 'te_veel' when the user already keeps MAX_DRAFTS_PER_USER others. */
export async function putDraft(db: Db, userId: number, sleutel: string, inhoud: unknown, persoonIds: number[], now: Date, days: number): Promise<Draft | 'te_veel'> {
  await purgeOwn(db, userId, now, days);
  const n = (await sql<{ n: number }>`select count(*)::int as n from concept where gebruiker_id = ${userId} and sleutel <> ${sleutel}`.execute(db)).rows[0]!.n;
  if (n >= MAX_DRAFTS_PER_USER) return 'te_veel';
  const ids = [...new Set(persoonIds)].sort((a, b) => a - b);
  // JSON is passed as text and cast, so both drivers store the same jsonb value.
  const r = await sql<any>`
    insert into concept (gebruiker_id, sleutel, inhoud, persoon_ids, bijgewerkt_op)
    values (${userId}, ${sleutel}, ${JSON.stringify(inhoud)}::jsonb, ${ids}, ${now.toISOString()})
    on conflict (gebruiker_id, sleutel) do update set inhoud = excluded.inhoud, persoon_ids = excluded.persoon_ids, bijgewerkt_op = excluded.bijgewerkt_op
    returning *`.execute(db);
  return toDraft(r.rows[0]);
}

export async function deleteDraft(db: Db, userId: number, sleutel: string): Promise<number[] | null> {
  const r = await sql<any>`delete from concept where gebruiker_id = ${userId} and sleutel = ${sleutel} returning persoon_ids`.execute(db);
  return r.rows[0] ? (r.rows[0].persoon_ids ?? []) : null;
}

/**
 * The persons a draft is about, by its key (the web's keys with ':' → '.'): the safety flag of a
 * casus 'casus.<casusId>.vlag…' → the betrokkenen of the casus's meldingen; a step on a melding
 * 'casus.<meldingId>.<stap>' → that melding's betrokkenen.
 */
export async function betrokkenenVanConcept(db: Db, sleutel: string): Promise<number[]> {
  const m = /^casus\.(\d{1,9})\.([a-z_-]+)/.exec(sleutel);
  if (!m) return [];
  const id = Number(m[1]);
  const r =
    m[2] === 'vlag'
      ? await sql<{ persoon_id: number }>`select distinct b.persoon_id from melding_betrokkene b join melding x on x.id = b.melding_id where x.casus_id = ${id}`.execute(db)
      : await sql<{ persoon_id: number }>`select persoon_id from melding_betrokkene where melding_id = ${id}`.execute(db);
  return r.rows.map((x) => x.persoon_id);
}
