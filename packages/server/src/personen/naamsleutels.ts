// The sound keys of persons' names (table naamsleutel, migration 017; the key itself is the
// domain's naamSleutels()): written with every new or corrected name, filled at start-up for
// persons that have none yet (made before 017, or bulk-loaded).
import { naamSleutels } from '@voordeur/domain';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';

interface NaamVelden {
  achternaam: string;
  tussenvoegsel?: string | null;
  voornamen?: string | null;
}

/** Replace the keys of one person by those of this name. */
export async function schrijfNaamsleutels(db: Db, persoonId: number, p: NaamVelden): Promise<void> {
  await sql`delete from naamsleutel where persoon_id = ${persoonId}`.execute(db);
  const sleutels = naamSleutels(p);
  if (sleutels.length)
    await sql`insert into naamsleutel (sleutel, persoon_id) select unnest(${sleutels}::text[]), ${persoonId}`.execute(
      db,
    );
}

/** Fill the keys of persons without any, in batches; returns the number of persons given keys. */
export async function vulNaamsleutels(db: Db, batch = 2000): Promise<number> {
  let klaar = 0;
  let vanaf = 0;
  for (;;) {
    const rijen = (
      await sql<NaamVelden & { id: number }>`
        select p.id, p.achternaam, p.tussenvoegsel, p.voornamen from persoon p
        where p.id > ${vanaf} and not exists (select 1 from naamsleutel k where k.persoon_id = p.id)
        order by p.id limit ${batch}`.execute(db)
    ).rows;
    if (rijen.length === 0) return klaar;
    const sleutels: string[] = [];
    const ids: number[] = [];
    for (const r of rijen)
      for (const k of naamSleutels(r)) {
        sleutels.push(k);
        ids.push(r.id);
      }
    if (sleutels.length)
      await sql`insert into naamsleutel (sleutel, persoon_id) select * from unnest(${sleutels}::text[], ${ids}::int[])
        on conflict do nothing`.execute(db);
    klaar += rijen.length;
    vanaf = rijen[rijen.length - 1]!.id;
  }
}
