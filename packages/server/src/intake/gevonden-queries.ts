// The SQL of intake lookups tied to search results (gevonden.ts, migration 020).
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/index.ts';

/** Remember persons shown to this session; forget what is older than `verlopen`. */
export async function onthoudGevonden(
  db: Db,
  sessieId: string,
  persoonIds: number[],
  now: Date,
  verlopen: Date,
): Promise<void> {
  await sql`delete from intake_gevonden where gevonden_op < ${verlopen.toISOString()}`.execute(db);
  if (persoonIds.length === 0) return;
  await sql`insert into intake_gevonden (sessie_id, persoon_id, gevonden_op)
    select ${sessieId}, p.id, ${now.toISOString()} from persoon p where p.id = any(${persoonIds}::int[])
    on conflict (sessie_id, persoon_id) do update set gevonden_op = excluded.gevonden_op`.execute(db);
}

/**
 * The ids of `persoonIds` this session did not find since `sinds` and that are in no melding the user
 * has a work relation with (`relatie`: an SQL condition over melding `m`). Unknown ids are among them.
 */
export async function nietGevonden(
  db: Db,
  sessieId: string,
  persoonIds: number[],
  sinds: Date,
  relatie: RawBuilder<boolean>,
): Promise<number[]> {
  const r = await sql<{ id: number }>`select t.id from unnest(${persoonIds}::int[]) as t(id)
    where not exists (select 1 from intake_gevonden g
                      where g.sessie_id = ${sessieId} and g.persoon_id = t.id and g.gevonden_op >= ${sinds.toISOString()})
      and not exists (select 1 from melding_betrokkene mb join melding m on m.id = mb.melding_id
                      where mb.persoon_id = t.id and ${relatie})
    order by t.id`.execute(db);
  return r.rows.map((x) => x.id);
}

export async function ledenVanHuishouden(db: Db, huishoudenId: number): Promise<number[]> {
  const r = await sql<{
    persoon_id: number;
  }>`select persoon_id from huishouden_lid where huishouden_id = ${huishoudenId} order by persoon_id`.execute(db);
  return r.rows.map((x) => x.persoon_id);
}
