// Drafts (concepten): the web app saves form input per user and key while the user types, so
// work survives a session timeout and re-login. Drafts are NOT removed at logout or timeout;
// they expire `draftDays` after their last change. Their content is treated as personal data:
// every access is logged with the persons the draft is about (persoonIds).
import type { Db } from '../db/index.ts';
import type { Row } from '../db/schema.ts';
import {
  aantalAndereConcepten,
  betrokkenenVanCasus,
  betrokkenenVanMelding,
  concept,
  concepten,
  conceptenVerlopen,
  conceptOpslaan,
  conceptVerwijderen,
  eigenConceptenVerlopen,
} from './queries.ts';

/** Drafts one user may keep at the same time. */
export const MAX_DRAFTS_PER_USER = 100;

export interface Draft {
  sleutel: string;
  inhoud: unknown;
  persoonIds: number[];
  bijgewerktOp: string;
}

const cutoff = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/** Remove drafts not changed for `days` days (all users); returns how many. */
export async function purgeExpiredDrafts(db: Db, now: Date, days: number): Promise<number> {
  return conceptenVerlopen(db, cutoff(now, days));
}

async function purgeOwn(db: Db, userId: number, now: Date, days: number) {
  await eigenConceptenVerlopen(db, userId, cutoff(now, days));
}

const toDraft = (r: Row<'concept'>): Draft => ({
  sleutel: r.sleutel,
  inhoud: r.inhoud,
  persoonIds: r.persoon_ids ?? [],
  bijgewerktOp: new Date(r.bijgewerkt_op).toISOString(),
});

export async function listDrafts(
  db: Db,
  userId: number,
  now: Date,
  days: number,
): Promise<Array<Omit<Draft, 'inhoud'>>> {
  await purgeOwn(db, userId, now, days);
  return (await concepten(db, userId)).map((x) => ({
    sleutel: x.sleutel,
    persoonIds: x.persoon_ids ?? [],
    bijgewerktOp: new Date(x.bijgewerkt_op).toISOString(),
  }));
}

export async function getDraft(
  db: Db,
  userId: number,
  sleutel: string,
  now: Date,
  days: number,
): Promise<Draft | null> {
  await purgeOwn(db, userId, now, days);
  const r = await concept(db, userId, sleutel);
  return r ? toDraft(r) : null;
}

/** Save a draft; 'te_veel' when the user already keeps MAX_DRAFTS_PER_USER others. */
export async function putDraft(
  db: Db,
  userId: number,
  sleutel: string,
  inhoud: unknown,
  persoonIds: number[],
  now: Date,
  days: number,
): Promise<Draft | 'te_veel'> {
  await purgeOwn(db, userId, now, days);
  const n = await aantalAndereConcepten(db, userId, sleutel);
  if (n >= MAX_DRAFTS_PER_USER) return 'te_veel';
  const ids = [...new Set(persoonIds)].sort((a, b) => a - b);
  return toDraft(await conceptOpslaan(db, { gebruikerId: userId, sleutel, inhoud, persoonIds: ids, op: now }));
}

export async function deleteDraft(db: Db, userId: number, sleutel: string): Promise<number[] | null> {
  const r = await conceptVerwijderen(db, userId, sleutel);
  return r ? (r.persoon_ids ?? []) : null;
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
  return m[2] === 'vlag' ? betrokkenenVanCasus(db, id) : betrokkenenVanMelding(db, id);
}
