// The contact journal (contactjournaal) of a casus: every contact with the household, the melder or
// a professional, by whom, and what was said, seen and agreed. Entries are never edited in place: a
// correction or addition is a new entry that refers to the old one, and both stay visible. Melder
// protection: where the user may not see the melder, a contact with the melder shows only that it
// happened (no content). Rules: domain contact.ts; docs/contact.md.
import {
  CONTACT_SOORT_LABEL,
  CORRECTIE_SOORT_LABEL,
  contactRegels,
  isOpAfstand,
  volledigeNaam,
  type ContactInput,
  type ContactItem,
  type ContactSoort,
  type CorrectieSoort,
} from '@voordeur/domain';
import type { Db } from '../db/index.ts';
import { notFound, ValidationError } from '../http/errors.ts';
import { gebruikerNamen } from '../casus/queries.ts';
import * as q from './queries.ts';
import * as personenQ from '../personen/queries.ts';

export type { ContactItem };

export const MELDER_CONTACT_AFGESCHERMD = 'Contact met de melder: de inhoud is afgeschermd (melderbescherming).';

const iso = (d: Date | string) => new Date(d).toISOString();

/** Journal rows as the casus page and the timeline show them. */
export async function contactItems(
  db: Db,
  rows: q.ContactRij[],
  persoonNaam: (id: number) => string,
  opts: { melderZichtbaar: boolean },
): Promise<ContactItem[]> {
  const ids = [...new Set(rows.flatMap((r) => [...r.medewerker_ids, r.vastgelegd_door ?? 0]).filter((x) => x > 0))];
  const namen = await gebruikerNamen(db, ids);
  const naam = (id: number) => namen.get(id) ?? `#${id}`;
  return rows.map((r) => {
    const afgeschermd = r.met_melder && !opts.melderZichtbaar;
    return {
      id: r.id,
      meldingId: r.melding_id,
      soort: r.soort as ContactSoort,
      soortLabel: CONTACT_SOORT_LABEL[r.soort as ContactSoort] ?? r.soort,
      opAfstand: isOpAfstand(r.soort as ContactSoort),
      begin: iso(r.begin_op),
      duurMinuten: r.duur_minuten,
      personen: r.persoon_ids.map((id) => ({ id, naam: persoonNaam(id) })),
      metMelder: r.met_melder,
      professionals: r.professionals.map((p) => ({
        naam: p.naam ?? null,
        organisatie: p.organisatie,
        functie: p.functie,
      })),
      medewerkers: r.medewerker_ids.map((id) => ({ id, naam: naam(id) })),
      politie: r.politie,
      gezegd: afgeschermd ? null : r.gezegd,
      gezien: afgeschermd ? null : r.gezien,
      afgesproken: afgeschermd ? null : r.afgesproken,
      afgeschermd,
      correctieVan: r.correctie_van,
      correctieSoort: (r.correctie_soort as CorrectieSoort | null) ?? null,
      gecorrigeerdIn: rows
        .filter((x) => x.correctie_van === r.id)
        .map((x) => ({ id: x.id, soort: x.correctie_soort as CorrectieSoort })),
      huisbezoekId: r.huisbezoek_id,
      vastgelegdDoor: r.vastgelegd_door ? naam(r.vastgelegd_door) : null,
      vastgelegdOp: iso(r.vastgelegd_op),
    };
  });
}

/** The one-line title of an entry (timeline). */
export function contactTitel(c: ContactItem): string {
  const met = [
    ...c.personen.map((p) => p.naam),
    ...(c.metMelder ? ['de melder'] : []),
    ...c.professionals.map((p) => `${p.functie} (${p.organisatie})`),
  ].join(', ');
  const corr = c.correctieSoort ? `${CORRECTIE_SOORT_LABEL[c.correctieSoort]} op contact #${c.correctieVan}: ` : '';
  return `${corr}${c.soortLabel} met ${met}${c.politie ? ' (politie aanwezig)' : ''}`;
}

export function contactTekst(c: ContactItem): string | null {
  if (c.afgeschermd) return MELDER_CONTACT_AFGESCHERMD;
  const delen = [
    c.gezegd ? `Gezegd: ${c.gezegd}` : null,
    c.gezien ? `Gezien: ${c.gezien}` : null,
    c.afgesproken ? `Afgesproken: ${c.afgesproken}` : null,
  ].filter(Boolean);
  return delen.length ? delen.join('\n') : null;
}

/** Names of the casus's persons (household members and betrokkenen), for the journal. */
export async function persoonNamen(db: Db, casusId: number): Promise<{ naam: (id: number) => string; ids: number[] }> {
  const ctx = await q.contactContextRijen(db, casusId);
  if (!ctx.bestaat) throw notFound('Casus');
  const m = new Map((await personenQ.persoonNamen(db, ctx.persoonIds)).map((p) => [p.id, volledigeNaam(p)]));
  return { naam: (id) => m.get(id) ?? `persoon #${id}`, ids: ctx.persoonIds };
}

/** GET /api/casussen/:id/contacten */
export async function contactJournaal(db: Db, casusId: number, opts: { melderZichtbaar: boolean }) {
  const p = await persoonNamen(db, casusId);
  const rows = await q.contactenVanCasus(db, casusId);
  const contacten = await contactItems(db, rows, p.naam, opts);
  return {
    casusId,
    contacten,
    clientIds: p.ids,
  };
}

/** POST /api/casussen/:id/contacten: one new entry, in one transaction. */
export async function legContactVast(
  db: Db,
  casusId: number,
  input: ContactInput,
  user: { id: number; organisatieId: number },
  now: Date,
  extra: { huisbezoekId?: number | null } = {},
): Promise<{ id: number; casusId: number; persoonIds: number[] }> {
  return db.transaction().execute(async (tx) => {
    if (!(await q.lockCasus(tx, casusId))) throw notFound('Casus');
    const ctx = await q.contactContextRijen(tx, casusId);
    const fouten = contactRegels(input, {
      now,
      persoonIds: ctx.persoonIds,
      meldingIds: ctx.meldingIds,
      contactIds: ctx.contactIds,
      medewerkerIds: await q.medewerkerIds(tx, user.organisatieId, false),
    });
    if (fouten.length) throw new ValidationError(fouten);
    const id = await q.insertContact(
      tx,
      {
        casusId,
        meldingId: input.meldingId ?? null,
        soort: input.soort,
        begin: input.begin,
        duurMinuten: input.duurMinuten ?? null,
        metMelder: input.metMelder,
        professionals: input.professionals,
        medewerkerIds: input.medewerkerIds,
        politie: input.politie,
        gezegd: input.gezegd?.trim() || null,
        gezien: input.gezien?.trim() || null,
        afgesproken: input.afgesproken?.trim() || null,
        correctieVan: input.correctieVan ?? null,
        correctieSoort: input.correctieVan != null ? (input.correctieSoort ?? null) : null,
        huisbezoekId: extra.huisbezoekId ?? null,
        door: user.id,
        op: now,
      },
      input.persoonIds,
    );
    return { id, casusId, persoonIds: input.persoonIds };
  });
}
