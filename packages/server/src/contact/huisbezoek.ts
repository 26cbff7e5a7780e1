// The home-visit protocol ("ja, tenzij" / "nee, tenzij") of the organisation, with its history, and
// planned home visits with their gezondheidscheck, overrides and approval. The rules are the
// domain's (contact.ts huisbezoekRegels); docs/contact.md names their sources.
import {
  goedkeuringRegels,
  HUISBEZOEK_PROTOCOL_LABEL,
  HUISBEZOEK_STATUS_LABEL,
  huisbezoekRegels,
  OVERRIDE_LABEL,
  protocolOp,
  protocolRegels,
  toLocalDate,
  type GoedkeuringInput,
  type HuisbezoekInput,
  type HuisbezoekItem,
  type HuisbezoekProtocolAntwoord,
  type HuisbezoekProtocol,
  type HuisbezoekStatus,
  type OverrideRegel,
  type ProtocolInput,
} from '@voordeur/domain';
import type { Db } from '../db/index.ts';
import { HttpError, notFound, ValidationError } from '../http/errors.ts';
import { gebruikerNamen } from '../casus/queries.ts';
import { codeLists } from '../referentie/service.ts';
import * as q from './queries.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** The protocol in force today, the one of a later start date already set, and the history (newest first). */
export async function huisbezoekProtocol(
  db: Db,
  organisatieId: number,
  now: Date,
): Promise<HuisbezoekProtocolAntwoord> {
  const rows = await q.protocolHistorie(db, organisatieId);
  const vandaag = toLocalDate(now);
  const stand = rows.map((r) => ({ protocol: r.protocol as HuisbezoekProtocol, ingang: r.ingang }));
  const huidig = protocolOp(stand, vandaag);
  const namen = await gebruikerNamen(
    db,
    rows.map((r) => r.door).filter((x): x is number => x != null),
  );
  const gepland = rows.filter((r) => r.ingang > vandaag).sort((a, b) => a.ingang.localeCompare(b.ingang))[0];
  return {
    protocol: huidig,
    label: HUISBEZOEK_PROTOCOL_LABEL[huidig],
    sinds: rows.find((r) => r.ingang <= vandaag)?.ingang ?? null,
    volgende: gepland ? { protocol: gepland.protocol as HuisbezoekProtocol, ingang: gepland.ingang } : null,
    historie: rows.map((r) => ({
      id: r.id,
      protocol: r.protocol as HuisbezoekProtocol,
      label: HUISBEZOEK_PROTOCOL_LABEL[r.protocol as HuisbezoekProtocol],
      ingang: r.ingang,
      reden: r.reden,
      door: r.door ? (namen.get(r.door) ?? `#${r.door}`) : null,
      vastgelegdOp: iso(r.vastgelegd_op),
    })),
  };
}

export async function zetHuisbezoekProtocol(
  db: Db,
  input: ProtocolInput,
  user: { id: number; organisatieId: number },
  now: Date,
): Promise<{ id: number }> {
  const fouten = protocolRegels(input, now);
  if (fouten.length) throw new ValidationError(fouten);
  return db.transaction().execute(async (tx) => {
    await q.lockOrganisatie(tx, user.organisatieId);
    const id = await q.insertProtocol(tx, {
      organisatieId: user.organisatieId,
      protocol: input.protocol,
      ingang: input.ingang,
      reden: input.reden,
      door: user.id,
      op: now,
    });
    return { id };
  });
}

async function referentie(db: Db) {
  const lists = await codeLists(db);
  return {
    vragen: (lists['gezondheidscheck_vraag']?.items ?? []).map((i) => ({
      code: i.code,
      label: i.label,
      groep: i.groep ?? null,
    })),
    redenen: (lists['huisbezoek_reden']?.items ?? []).map((i) => i.code),
  };
}

/** Plan a huisbezoek: refused (400 naming the rule) or stored as gepland / wacht_op_goedkeuring. */
export async function planHuisbezoek(
  db: Db,
  casusId: number,
  input: HuisbezoekInput,
  user: { id: number; organisatieId: number },
  now: Date,
): Promise<{ id: number; status: HuisbezoekStatus; overrides: OverrideRegel[]; protocol: HuisbezoekProtocol }> {
  const ref = await referentie(db);
  return db.transaction().execute(async (tx) => {
    if (!(await q.lockCasus(tx, casusId))) throw notFound('Casus');
    const ctx = await q.contactContextRijen(tx, casusId);
    const stand = (await q.protocolHistorie(tx, user.organisatieId)).map((r) => ({
      protocol: r.protocol as HuisbezoekProtocol,
      ingang: r.ingang,
    }));
    const protocol = protocolOp(stand, toLocalDate(new Date(input.gepland)));
    const b = huisbezoekRegels(input, {
      now,
      protocol,
      vragen: ref.vragen,
      redenen: ref.redenen,
      medewerkerIds: await q.medewerkerIds(tx, user.organisatieId, true),
    });
    if (input.meldingId != null && !ctx.meldingIds.includes(input.meldingId))
      b.fouten.push({ field: 'meldingId', rule: 'melding_in_casus', message: 'Deze melding hoort niet bij de casus' });
    if (b.fouten.length) {
      const e = new ValidationError(b.fouten);
      if (b.alternatieven.length) (e.details as Record<string, unknown>).alternatieven = b.alternatieven;
      throw e;
    }
    const status: HuisbezoekStatus = b.goedkeuringNodig ? 'wacht_op_goedkeuring' : 'gepland';
    const id = await q.insertHuisbezoek(tx, {
      casusId,
      meldingId: input.meldingId ?? null,
      gepland: input.gepland,
      medewerkerIds: input.medewerkerIds,
      politie: input.politie,
      protocol,
      reden: input.reden ?? null,
      toelichting: input.toelichting?.trim() || null,
      gezondheidscheck: {
        gedaanOp: input.gezondheidscheck.gedaanOp,
        antwoorden: input.gezondheidscheck.antwoorden,
        toelichting: input.gezondheidscheck.toelichting ?? null,
      },
      overrides: b.overrides,
      status,
      door: user.id,
      op: now,
    });
    // An override that needs no waiting (acute onveiligheid): the planner decides and is recorded as such.
    if (!b.goedkeuringNodig && b.overrides.length)
      await q.besluitHuisbezoek(tx, {
        id,
        status,
        door: user.id,
        op: now,
        toelichting: 'Acute onveiligheid: direct gepland, zonder te wachten op goedkeuring',
      });
    return { id, status, overrides: b.overrides, protocol };
  });
}

/** A teammanager or gedragswetenschapper approves or refuses a visit that waits (four eyes). */
export async function besluitOverHuisbezoek(
  db: Db,
  casusId: number,
  input: GoedkeuringInput,
  user: { id: number },
  now: Date,
): Promise<{ id: number; status: HuisbezoekStatus }> {
  return db.transaction().execute(async (tx) => {
    const h = await q.huisbezoekVoorUpdate(tx, input.huisbezoekId, casusId);
    if (!h) throw notFound('Huisbezoek');
    const fouten = goedkeuringRegels(
      { status: h.status as HuisbezoekStatus, aangevraagdDoor: h.aangevraagd_door },
      user.id,
    );
    if (fouten.some((f) => f.rule === 'wacht_niet_op_goedkeuring'))
      throw new HttpError(409, 'wacht_niet_op_goedkeuring', fouten[0]!.message, { status: h.status });
    if (fouten.length) throw new ValidationError(fouten);
    const status: HuisbezoekStatus = input.besluit === 'goedgekeurd' ? 'gepland' : 'afgewezen';
    await q.besluitHuisbezoek(tx, { id: h.id, status, door: user.id, op: now, toelichting: input.toelichting });
    return { id: h.id, status };
  });
}

/** The visits of a casus as the casus page and the timeline show them. */
export async function huisbezoekenVanCasus(db: Db, casusId: number): Promise<HuisbezoekItem[]> {
  const rows = await q.huisbezoekenVanCasus(db, casusId);
  const ids = [
    ...new Set(
      rows.flatMap((r) => [...r.medewerker_ids, r.aangevraagd_door ?? 0, r.besloten_door ?? 0]).filter((x) => x > 0),
    ),
  ];
  const namen = await gebruikerNamen(db, ids);
  const naam = (id: number | null) => (id ? (namen.get(id) ?? `#${id}`) : null);
  const redenen = (await codeLists(db))['huisbezoek_reden']?.items ?? [];
  return rows.map((r) => ({
    id: r.id,
    meldingId: r.melding_id,
    gepland: iso(r.gepland_op)!,
    medewerkers: r.medewerker_ids.map((id) => ({ id, naam: naam(id)! })),
    politie: r.politie,
    protocol: r.protocol as HuisbezoekProtocol,
    reden: r.reden,
    redenLabel: r.reden ? (redenen.find((i) => i.code === r.reden)?.label ?? r.reden) : null,
    toelichting: r.toelichting,
    gezondheidscheck: r.gezondheidscheck,
    overrides: r.overrides.map((o) => ({ regel: o as OverrideRegel, label: OVERRIDE_LABEL[o as OverrideRegel] ?? o })),
    status: r.status as HuisbezoekStatus,
    statusLabel: HUISBEZOEK_STATUS_LABEL[r.status as HuisbezoekStatus] ?? r.status,
    aangevraagdDoor: naam(r.aangevraagd_door),
    aangevraagdOp: iso(r.aangevraagd_op)!,
    beslotenDoor: naam(r.besloten_door),
    beslotenOp: iso(r.besloten_op),
    besluitToelichting: r.besluit_toelichting,
  }));
}
export type { HuisbezoekItem };
