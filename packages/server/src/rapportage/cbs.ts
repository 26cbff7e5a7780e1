// The half-yearly CBS delivery (Informatieprotocol Beleidsinformatie Veilig Thuis): one record per
// closed advies, per closed triagebesluit (melding) and per closed onderzoek, with the persons
// concerned. Codes come from the editable mapping `cbs_code` of the chosen protocol version.
// Layout and rules: docs/cbs-export.md. A record that cannot be delivered is listed with its
// reasons; a record left out by a protocol rule is listed as excluded. Nothing is dropped silently.
import { open } from '../crypto/veld.ts';
import {
  BSN_ONBEKEND,
  BSN_ONGEBOREN,
  toLocalDate,
  type CbsAdvies,
  type CbsLevering,
  type CbsMelding,
  type CbsOnderzoek,
  type CbsPersoon,
  type CbsProtocol,
  type CbsProtocolKoppeling,
} from '@voordeur/domain';
import { sql } from 'kysely';
import type { Db } from '../db/index.ts';
import { HttpError, notFound, ValidationError } from '../http/errors.ts';
import { afhandelGroep, lijsten, melderGroep, typeGroepen, type Lijsten } from './codes.ts';
import { halfjaarPeriode, instantRange } from './periode.ts';

export const CBS_VELDEN = [
  'aanleiding',
  'aard',
  'hoedanigheid',
  'triagebesluit',
  'vervolg',
  'onderzoek_uitkomst',
  'geslacht',
] as const;
export type CbsVeld = (typeof CBS_VELDEN)[number];
export const STANDAARD_PROTOCOL = 'v1-2015';
/** The current protocol (v2): options shipped as labels, CBS codes filled in by the organisation (migration 013). */
export const HUIDIG_PROTOCOL = 'v2-2025';

const VELD_LABEL: Record<CbsVeld, string> = {
  aanleiding: 'aanleiding',
  aard: 'aard van het geweld',
  hoedanigheid: 'hoedanigheid',
  triagebesluit: 'triagebesluit',
  vervolg: 'overdracht / vervolg',
  onderzoek_uitkomst: 'uitkomst onderzoek',
  geslacht: 'geslacht',
};

/** Values each mapping field can take, with labels (for the mapping screen). */
export async function cbsWaarden(db: Db): Promise<Record<CbsVeld, Array<{ code: string; label: string }>>> {
  const l = await lijsten(db);
  const lijst = (n: string) => [...(l.get(n)?.values() ?? [])].map((i) => ({ code: i.code, label: i.label }));
  const afsluit = [...(l.get('afsluitreden')?.values() ?? [])];
  return {
    aanleiding: lijst('aanleiding'),
    aard: lijst('aard'),
    hoedanigheid: lijst('hoedanigheid'),
    triagebesluit: [
      { code: 'onderzoek', label: 'Onderzoek Veilig Thuis (dienst Onderzoek)' },
      { code: 'voorwaarden_en_vervolg', label: 'Dienst Voorwaarden en Vervolg' },
      { code: 'overdracht', label: 'Overdracht aan derden (ook: passende hulp al aanwezig)' },
      {
        code: 'overdracht_clientsysteem',
        label: 'Afgesloten na de beoordeling: geen (meer) onveiligheid — overdracht aan het cliëntsysteem',
      },
      { code: 'omgezet_in_advies', label: 'Melding omgezet in advies' },
      { code: 'geen_vervolg', label: 'Geen vervolg door Veilig Thuis' },
    ],
    vervolg: [
      ...lijst('overdracht_ontvanger').map((i) => ({ code: i.code, label: `Overdracht aan ${i.label}` })),
      { code: 'rvdk', label: 'Verzoek tot onderzoek aan de Raad voor de Kinderbescherming' },
      { code: 'hulp_al_aanwezig', label: 'Hulp al aanwezig' },
      { code: 'geen_vervolg', label: 'Geen vervolg' },
    ],
    onderzoek_uitkomst: [
      ...['huiselijk_geweld', 'kindermishandeling'].flatMap((t) =>
        ['bevestigd', 'niet_bevestigd', 'weerlegd'].map((u) => ({
          code: `${t}:${u}`,
          label: `${t === 'huiselijk_geweld' ? 'Huiselijk geweld' : 'Kindermishandeling'}: ${u.replace('_', ' ')}`,
        })),
      ),
      ...afsluit.map((a) => ({ code: `voortijdig:${a.code}`, label: `Voortijdig afgesloten: ${a.label}` })),
      { code: 'voortijdig:overdracht', label: 'Voortijdig afgesloten met een overdracht' },
    ],
    geslacht: [
      { code: 'V', label: 'Vrouw' },
      { code: 'M', label: 'Man' },
      { code: 'O', label: 'Onbekend' },
    ],
  };
}

/** Copy the code-list based v1 codes (codelijst_item.cbs2015) once, after the code lists exist. */
export async function ensureCbsMapping(db: Db): Promise<void> {
  const p = await sql<{
    uit_codelijst_geladen: boolean;
  }>`select uit_codelijst_geladen from cbs_protocol where versie = ${STANDAARD_PROTOCOL}`.execute(db);
  if (!p.rows[0] || p.rows[0].uit_codelijst_geladen) return;
  await db.transaction().execute(async (tx) => {
    const again = await sql<{
      uit_codelijst_geladen: boolean;
    }>`select uit_codelijst_geladen from cbs_protocol where versie = ${STANDAARD_PROTOCOL} for update`.execute(tx);
    if (again.rows[0]?.uit_codelijst_geladen) return;
    const r = await sql`
      insert into cbs_code (protocol, veld, code, cbs_code)
      select distinct on (i.lijst, i.code) ${STANDAARD_PROTOCOL}, case i.lijst when 'overdracht_ontvanger' then 'vervolg' else i.lijst end, i.code, i.cbs2015
      from codelijst_item i join codelijst_versie v using (lijst, versie)
      where i.cbs2015 is not null and i.lijst in ('aanleiding','aard','hoedanigheid','overdracht_ontvanger')
      order by i.lijst, i.code, v.geldig_van desc
      on conflict do nothing`.execute(tx);
    void r;
    const any = await sql`select 1 from codelijst_item where cbs2015 is not null limit 1`.execute(tx);
    if (any.rows.length)
      await sql`update cbs_protocol set uit_codelijst_geladen = true where versie = ${STANDAARD_PROTOCOL}`.execute(tx);
  });
}

/** The options of a protocol with options (v2), with their code and the Voordeur values delivered as each. */
async function protocolOpties(db: Db, versie: string): Promise<NonNullable<CbsProtocolKoppeling['opties']>> {
  const opties = (
    await sql<any>`select veld, optie, label, cbs_code from cbs_optie where protocol = ${versie} order by veld, volgorde`.execute(
      db,
    )
  ).rows;
  const waarden = (
    await sql<any>`select veld, code, optie from cbs_optie_waarde where protocol = ${versie} order by code`.execute(db)
  ).rows;
  const volgorde = (v: string) => CBS_VELDEN.indexOf(v as CbsVeld);
  return opties
    .sort((a, b) => volgorde(a.veld) - volgorde(b.veld))
    .map((o) => ({
      veld: o.veld,
      optie: o.optie,
      label: o.label,
      cbsCode: o.cbs_code ?? null,
      waarden: waarden.filter((w) => w.veld === o.veld && w.optie === o.optie).map((w) => w.code as string),
    }));
}

/** value → CBS code in protocol `versie`: per value (cbs_code), or through the value's option (protocols with options). */
async function codeMapping(db: Db, versie: string, metOpties: boolean): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  const rows = metOpties
    ? (
        await sql<any>`select w.veld, w.code, o.cbs_code from cbs_optie_waarde w join cbs_optie o using (protocol, veld, optie) where w.protocol = ${versie} and o.cbs_code is not null`.execute(
          db,
        )
      ).rows
    : (await sql<any>`select veld, code, cbs_code from cbs_code where protocol = ${versie}`.execute(db)).rows;
  for (const r of rows) map.set(`${r.veld}\u0000${r.code}`, r.cbs_code);
  return map;
}

export async function cbsProtocollen(db: Db): Promise<CbsProtocolKoppeling[]> {
  await ensureCbsMapping(db);
  const ps = (
    await sql<any>`select versie, omschrijving, zorgmeldingen_politie, met_opties from cbs_protocol order by aangemaakt_op, versie`.execute(
      db,
    )
  ).rows;
  const codes = [
    ...(await sql<any>`select protocol, veld, code, cbs_code from cbs_code order by protocol, veld, code`.execute(db))
      .rows,
    // Protocols with options: each value carries the code of its option.
    ...(
      await sql<any>`select w.protocol, w.veld, w.code, o.cbs_code from cbs_optie_waarde w join cbs_optie o using (protocol, veld, optie) where o.cbs_code is not null`.execute(
        db,
      )
    ).rows,
  ];
  const waarden = await cbsWaarden(db);
  const opties = new Map<string, NonNullable<CbsProtocolKoppeling['opties']>>();
  for (const p of ps) if (p.met_opties) opties.set(p.versie, await protocolOpties(db, p.versie));
  return ps.map((p) => ({
    versie: p.versie as string,
    omschrijving: p.omschrijving as string,
    zorgmeldingenPolitie: p.zorgmeldingen_politie as boolean,
    metOpties: p.met_opties as boolean,
    ...(p.met_opties ? { opties: opties.get(p.versie)! } : {}),
    // Every value Voordeur can deliver, with its code in this version or null (not mapped yet).
    velden: CBS_VELDEN.map((veld) => {
      const eigen = codes.filter((c) => c.protocol === p.versie && c.veld === veld);
      const bekend = new Set(waarden[veld].map((w) => w.code));
      return {
        veld,
        waarden: [
          ...waarden[veld].map((w) => ({
            code: w.code,
            label: w.label,
            cbsCode: eigen.find((c) => c.code === w.code)?.cbs_code ?? null,
          })),
          ...eigen
            .filter((c) => !bekend.has(c.code))
            .map((c) => ({ code: c.code, label: c.code, cbsCode: c.cbs_code as string | null })),
        ],
      };
    }),
  }));
}

async function protocol(db: Db, versie: string): Promise<CbsProtocol & { metOpties: boolean }> {
  const r = (
    await sql<any>`select versie, omschrijving, zorgmeldingen_politie, met_opties from cbs_protocol where versie = ${versie}`.execute(
      db,
    )
  ).rows[0];
  if (!r) throw notFound(`CBS-protocolversie ${versie}`);
  return {
    versie: r.versie,
    omschrijving: r.omschrijving,
    zorgmeldingenPolitie: r.zorgmeldingen_politie,
    metOpties: r.met_opties,
  };
}

/** Options of a protocol with options that still lack their CBS code (a delivery is refused until none). */
export async function ontbrekendeCodes(
  db: Db,
  versie: string,
): Promise<Array<{ veld: string; optie: string; label: string }>> {
  return (await protocolOpties(db, versie))
    .filter((o) => o.cbsCode === null)
    .map(({ veld, optie, label }) => ({ veld, optie, label }));
}

/** Set (or with cbsCode null: clear) the CBS code of one option of a protocol with options (v2). */
export async function setCbsOptieCode(
  db: Db,
  versie: string,
  veld: CbsVeld,
  optie: string,
  cbsCode: string | null,
  userId: number | null,
) {
  const p = await protocol(db, versie);
  if (!p.metOpties)
    throw new ValidationError([
      {
        field: 'versie',
        rule: 'opties',
        message: `Protocol ${versie} heeft geen opties: zet de code per waarde (…/codes)`,
      },
    ]);
  const r =
    await sql`update cbs_optie set cbs_code = ${cbsCode}, gewijzigd_op = now(), gewijzigd_door = ${userId} where protocol = ${versie} and veld = ${veld} and optie = ${optie}`.execute(
      db,
    );
  if (!Number(r.numAffectedRows ?? 0))
    throw new ValidationError([
      {
        field: 'optie',
        rule: 'bestaat',
        message: `'${optie}' is geen optie van ${VELD_LABEL[veld]} in protocol ${versie}`,
      },
    ]);
}

export async function createCbsProtocol(
  db: Db,
  p: { versie: string; omschrijving: string; zorgmeldingenPolitie: boolean; kopieVan?: string | null },
  userId: number | null,
) {
  await ensureCbsMapping(db);
  return db.transaction().execute(async (tx) => {
    const exists = await sql`select 1 from cbs_protocol where versie = ${p.versie}`.execute(tx);
    if (exists.rows.length) throw new HttpError(409, 'bestaat_al', `Protocolversie ${p.versie} bestaat al`);
    const bron = p.kopieVan ? await protocol(tx, p.kopieVan) : null;
    await sql`insert into cbs_protocol (versie, omschrijving, zorgmeldingen_politie, uit_codelijst_geladen, met_opties) values (${p.versie}, ${p.omschrijving}, ${p.zorgmeldingenPolitie}, true, ${bron?.metOpties ?? false})`.execute(
      tx,
    );
    if (bron?.metOpties) {
      // A copy of a protocol with options (e.g. a later v2 edition): its options, codes and links.
      await sql`insert into cbs_optie (protocol, veld, optie, label, volgorde, cbs_code, gewijzigd_op, gewijzigd_door)
                select ${p.versie}, veld, optie, label, volgorde, cbs_code, now(), ${userId} from cbs_optie where protocol = ${p.kopieVan!}`.execute(
        tx,
      );
      await sql`insert into cbs_optie_waarde (protocol, veld, code, optie) select ${p.versie}, veld, code, optie from cbs_optie_waarde where protocol = ${p.kopieVan!}`.execute(
        tx,
      );
    } else if (p.kopieVan) {
      await sql`insert into cbs_code (protocol, veld, code, cbs_code, gewijzigd_door)
                select ${p.versie}, veld, code, cbs_code, ${userId} from cbs_code where protocol = ${p.kopieVan}`.execute(
        tx,
      );
    }
    return { versie: p.versie };
  });
}

/** Set (or with cbsCode null: remove) the CBS code of one value in one protocol version. */
export async function setCbsCode(
  db: Db,
  versie: string,
  veld: CbsVeld,
  code: string,
  cbsCode: string | null,
  userId: number | null,
) {
  await ensureCbsMapping(db);
  if ((await protocol(db, versie)).metOpties)
    throw new ValidationError([
      {
        field: 'versie',
        rule: 'opties',
        message: `Protocol ${versie} heeft opties: zet de CBS-code per optie (…/opties)`,
      },
    ]);
  const waarden = await cbsWaarden(db);
  if (!waarden[veld].some((w) => w.code === code)) {
    throw new ValidationError([
      { field: 'code', rule: 'bestaat', message: `'${code}' is geen waarde van ${VELD_LABEL[veld]}` },
    ]);
  }
  if (cbsCode === null)
    await sql`delete from cbs_code where protocol = ${versie} and veld = ${veld} and code = ${code}`.execute(db);
  else {
    await sql`insert into cbs_code (protocol, veld, code, cbs_code, gewijzigd_door) values (${versie}, ${veld}, ${code}, ${cbsCode}, ${userId})
              on conflict (protocol, veld, code) do update set cbs_code = excluded.cbs_code, gewijzigd_op = now(), gewijzigd_door = excluded.gewijzigd_door`.execute(
      db,
    );
  }
}

// ---------------------------------------------------------------------------------------------

/** The delivery as GET /api/rapportage/cbs sends it, plus what only the access log gets. */
export interface CbsLeveringMetClienten extends CbsLevering {
  /** Every person whose data is in the delivery or was read for it (for the access log). */
  clientIds: number[];
}

/**
 * An afsluiting whose reason the code list groups as "cliëntsysteem" ("geen (meer) sprake van
 * onveiligheid"): the half-year report counts it as cliëntsysteem, so the delivery does too.
 */
const afsluitingNaarClientsysteem = (l: Lijsten, reden: string | null) =>
  reden !== null && afhandelGroep(l, 'afsluiting', reden) === 'clientsysteem';

/**
 * v1 §3.1: a contact from the police (a zorgmelding, or any melding whose melder is the police) whose
 * aanleiding is not about HG/KM is no melding under the 2015 protocol: it is left out (uitgesloten).
 */
function politieZonderHgKm(
  l: Lijsten,
  m: { binnenkomst: string; melder_hoedanigheid: string; aanleiding: string[] | null },
): boolean {
  const politie = m.binnenkomst === 'politie_zorgmelding' || melderGroep(l, m.melder_hoedanigheid).groep === 'politie';
  return politie && typeGroepen(l, m.aanleiding).every((g) => g === 'geen_hg_km' || g === 'nog_niet_geregistreerd');
}

// Dates are formatted by the database as the Amsterdam day, 'JJJJMMDD' (to_char … at time zone).
const onderzoeksnummer = (dienstId: number) => `OZ${String(dienstId).padStart(7, '0')}`;

/** Build the delivery for half-year `halfjaar` ('2026H1') with the codes of protocol `versie`. */
export async function cbsLevering(
  db: Db,
  halfjaar: string,
  versie: string,
  now: Date,
): Promise<CbsLeveringMetClienten> {
  const periode = halfjaarPeriode(halfjaar);
  await ensureCbsMapping(db);
  const { metOpties, ...prot } = await protocol(db, versie);
  if (metOpties) {
    // Every option needs its code before anything is delivered: a file with gaps would be wrong
    // for every record with such a value, so the delivery is refused, naming what is missing.
    const ontbrekend = await ontbrekendeCodes(db, versie);
    if (ontbrekend.length) {
      const lijst = ontbrekend.map((o) => `${VELD_LABEL[o.veld as CbsVeld] ?? o.veld}: ${o.label}`);
      throw new HttpError(
        409,
        'cbs_codes_ontbreken',
        `Codetabel ${versie} is nog niet compleet: ${ontbrekend.length} ${ontbrekend.length === 1 ? 'optie heeft' : 'opties hebben'} nog geen CBS-code (${lijst.slice(0, 5).join('; ')}${lijst.length > 5 ? '; …' : ''}). De functioneel beheerder vult de codes in uit de Bestandsdefinitie Veilig Thuis van het CBS.`,
        { ontbrekend },
      );
    }
  }
  const l = await lijsten(db);
  const { start, end } = instantRange(periode.van, periode.tot);
  const map = await codeMapping(db, versie, metOpties);
  const org =
    (await sql<{ code: string }>`select code from organisatie order by id limit 1`.execute(db)).rows[0]?.code ?? 'VT';

  // The 2015 rules (v1, a protocol that leaves out police zorgmeldingen not about HG/KM): §3.1, §3.7.2–3.7.3, §6.5.
  const v1 = !prot.zorgmeldingenPolitie;
  const politieReden = `zorgmelding politie zonder huiselijk geweld of kindermishandeling: protocol ${versie} levert die niet`;
  const nietLeverbaar: CbsLevering['nietLeverbaar'] = [];
  const uitgesloten: CbsLevering['uitgesloten'] = [];
  const clientIds = new Set<number>();

  /** Codes of values; every value without a code becomes a reason. Sorted and unique. */
  const codes = (veld: CbsVeld, values: string[], redenen: string[]): string[] => {
    const out = new Set<string>();
    for (const v of values) {
      const c = map.get(`${veld}\u0000${v}`);
      if (c === undefined) redenen.push(`geen CBS-code voor ${VELD_LABEL[veld]} '${v}' in protocol ${versie}`);
      else out.add(c);
    }
    return [...out].sort();
  };
  const code = (veld: CbsVeld, value: string, redenen: string[]) => codes(veld, [value], redenen)[0] ?? '';

  // ---- persons of meldingen (the melder is never a betrokkene; witnesses are not delivered)
  const personenVan = async (meldingIds: number[]) => {
    const out = new Map<
      number,
      Array<{ id: number; bsn: string | null; geboortedatum: string | null; geslacht: string }>
    >();
    if (!meldingIds.length) return out;
    const r = await sql<any>`
      select mb.melding_id, p.id, p.bsn, p.geboortedatum, p.geslacht
      from melding_betrokkene mb join persoon p on p.id = mb.persoon_id
      where mb.melding_id = any(${meldingIds}) and mb.rol <> 'getuige'
      order by mb.melding_id, p.id`.execute(db);
    for (const x of r.rows) {
      const list = out.get(x.melding_id) ?? out.set(x.melding_id, []).get(x.melding_id)!;
      list.push({ id: x.id, bsn: open(x.bsn, 'persoon.bsn'), geboortedatum: x.geboortedatum, geslacht: x.geslacht });
      clientIds.add(x.id);
    }
    return out;
  };
  const persoonRecords = (
    ps: Array<{ id: number; bsn: string | null; geboortedatum: string | null; geslacht: string }> | undefined,
    redenen: string[],
  ): CbsPersoon[] => {
    if (!ps?.length) {
      redenen.push('geen betrokkenen (personen) bij de melding');
      return [];
    }
    return ps.map((p) => {
      if (!p.geboortedatum)
        redenen.push(`geboortedatum onbekend van persoon ${p.id} (minstens het jaar invullen: JJJJ0000)`);
      const ongeboren = p.geboortedatum === '99999999';
      return {
        persoonId: p.id,
        bsn: p.bsn ?? (ongeboren ? BSN_ONGEBOREN : BSN_ONBEKEND),
        geboortedatum: p.geboortedatum ?? '',
        geslacht: code('geslacht', p.geslacht, redenen),
      };
    });
  };

  // ---- adviezen: closed in the period, not converted into a melding
  const adviezen: CbsAdvies[] = [];
  for (const a of (
    await sql<any>`
      select nummer, aanleiding, aard, hoedanigheid from adviesvraag
      where afgesloten_op >= ${start} and afgesloten_op < ${end} and omgezet_in_melding_id is null
      order by nummer`.execute(db)
  ).rows) {
    const redenen: string[] = [];
    const rec: CbsAdvies = {
      nummer: a.nummer,
      aanleiding: codes('aanleiding', a.aanleiding, redenen),
      aard: codes('aard', a.aard, redenen),
      hoedanigheid: code('hoedanigheid', a.hoedanigheid, redenen),
    };
    if (!a.aanleiding.length) redenen.push('geen aanleiding vastgelegd');
    if (redenen.length) nietLeverbaar.push({ soort: 'advies', nummer: a.nummer, redenen });
    else adviezen.push(rec);
  }

  // ---- meldingen: the triagebesluit (the decision after the veiligheidsbeoordeling) in the period.
  // v1 (§6.5): a melding with vervolg "inzetten vervolgtraject" is delivered only once the
  // involvement has ended — a dienst Voorwaarden en Vervolg in the half-year it was closed, not
  // while it runs; an Onderzoek in the half-year it started (its own OZ record follows its closing).
  const dienstSelectie = v1
    ? sql`select melding_id from dienst where soort = 'onderzoek' and gestart_op >= ${start} and gestart_op < ${end}
      union select melding_id from dienst where soort <> 'onderzoek' and afgesloten_op >= ${start} and afgesloten_op < ${end}`
    : sql`select melding_id from dienst where gestart_op >= ${start} and gestart_op < ${end}`;
  const mRows = (
    await sql<any>`
    select m.id, m.nummer, m.binnenkomst, m.melder_hoedanigheid, m.aanleiding, m.aard, to_char(m.ontvangen_op at time zone 'Europe/Amsterdam', 'YYYYMMDD') as ontvangen, c.nummer as casusnummer,
           exists (select 1 from melding m2 where m2.casus_id = m.casus_id and (m2.ontvangen_op < m.ontvangen_op or (m2.ontvangen_op = m.ontvangen_op and m2.id < m.id))) as later,
           d.id as dienst_id, d.soort as dienst_soort, to_char(d.gestart_op at time zone 'Europe/Amsterdam', 'YYYYMMDD') as gestart,
           to_char(d.afgesloten_op at time zone 'Europe/Amsterdam', 'YYYYMMDD') as dienst_afgesloten,
           o.ontvanger_type, o.moment as o_moment, to_char(o.overgedragen_op at time zone 'Europe/Amsterdam', 'YYYYMMDD') as overgedragen,
           a.reden, a.moment as a_moment, to_char(a.afgesloten_op at time zone 'Europe/Amsterdam', 'YYYYMMDD') as afgesloten,
           exists (select 1 from rvdk_verzoek r where r.melding_id = m.id) as rvdk
    from melding m
    join casus c on c.id = m.casus_id
    join veiligheidsbeoordeling vb on vb.melding_id = m.id
    left join dienst d on d.melding_id = m.id
    left join overdracht o on o.melding_id = m.id
    left join afsluiting a on a.melding_id = m.id
    where m.id in (
      ${dienstSelectie}
      union select melding_id from overdracht where moment = 'na_beoordeling' and overgedragen_op >= ${start} and overgedragen_op < ${end}
      union select melding_id from afsluiting where moment = 'na_beoordeling' and afgesloten_op >= ${start} and afgesloten_op < ${end})
    order by m.nummer`.execute(db)
  ).rows;
  const mPersonen = await personenVan(mRows.map((m) => m.id));
  const meldingen: CbsMelding[] = [];
  for (const m of mRows) {
    let besluit: string;
    let op: string;
    let overdracht: string[] = [];
    // v1 fields 3.7.2 / 3.7.3, for vervolg "inzetten vervolgtraject" only (null otherwise, and under v2).
    let startVervolg: string | null = null;
    let eindeBemoeienis: string | null = null;
    if (m.dienst_id) {
      besluit = m.dienst_soort === 'onderzoek' ? 'onderzoek' : 'voorwaarden_en_vervolg';
      op = m.gestart;
      if (besluit === 'voorwaarden_en_vervolg') {
        startVervolg = m.gestart;
        eindeBemoeienis = m.dienst_afgesloten;
      }
    } else if (m.o_moment === 'na_beoordeling') {
      besluit = 'overdracht';
      op = m.overgedragen;
      overdracht = [m.ontvanger_type];
      startVervolg = eindeBemoeienis = op;
    } else if (m.a_moment === 'na_beoordeling' && m.reden === 'hulp_al_aanwezig') {
      besluit = 'overdracht';
      op = m.afgesloten;
      overdracht = ['hulp_al_aanwezig'];
      startVervolg = eindeBemoeienis = op;
    } else if (m.a_moment === 'na_beoordeling' && afsluitingNaarClientsysteem(l, m.reden)) {
      // "Geen (meer) onveiligheid": the responsibility goes back to the family (v2: Overdracht aan
      // derden, directe overdracht aan het cliëntsysteem — as the half-year report groups it).
      besluit = 'overdracht_clientsysteem';
      op = m.afgesloten;
      overdracht = ['clientsysteem'];
    } else {
      besluit = 'geen_vervolg';
      op = m.afgesloten;
    }
    if (m.rvdk && (besluit === 'overdracht' || besluit === 'geen_vervolg')) overdracht.push('rvdk');
    if (v1 && politieZonderHgKm(l, m)) {
      uitgesloten.push({ soort: 'melding', nummer: m.nummer, reden: politieReden });
      continue;
    }
    const redenen: string[] = [];
    if (!m.aanleiding.length) redenen.push('geen aanleiding vastgelegd');
    const rec: CbsMelding = {
      nummer: m.nummer,
      hoofdnummer: m.later ? m.casusnummer : null,
      aanleiding: codes('aanleiding', m.aanleiding, redenen),
      aard: codes('aard', m.aard, redenen),
      datumMelding: m.ontvangen,
      hoedanigheid: code('hoedanigheid', m.melder_hoedanigheid, redenen),
      triagebesluit: code('triagebesluit', besluit, redenen),
      datumTriagebesluit: op,
      directeOverdracht: codes('vervolg', overdracht, redenen),
      onderzoeksnummer: besluit === 'onderzoek' ? onderzoeksnummer(m.dienst_id) : null,
      datumStartVervolgtraject: v1 ? startVervolg : null,
      datumEindeBemoeienis: v1 ? eindeBemoeienis : null,
      personen: persoonRecords(mPersonen.get(m.id), redenen),
    };
    if (redenen.length) nietLeverbaar.push({ soort: 'melding', nummer: m.nummer, redenen });
    else meldingen.push(rec);
  }

  // ---- onderzoeken: dienst Onderzoek closed in the period
  const oRows = (
    await sql<any>`
    select d.id, to_char(d.gestart_op at time zone 'Europe/Amsterdam', 'YYYYMMDD') as gestart, to_char(d.afgesloten_op at time zone 'Europe/Amsterdam', 'YYYYMMDD') as afgesloten, d.onderzoek_uitkomsten, m.id as melding_id, m.nummer as meldingnummer, m.aanleiding, m.aard, m.binnenkomst, m.melder_hoedanigheid,
           o.ontvanger_type, o.moment as o_moment, a.reden, a.moment as a_moment,
           exists (select 1 from rvdk_verzoek r where r.melding_id = m.id) as rvdk
    from dienst d
    join melding m on m.id = d.melding_id
    left join overdracht o on o.melding_id = m.id
    left join afsluiting a on a.melding_id = m.id
    where d.soort = 'onderzoek' and d.afgesloten_op >= ${start} and d.afgesloten_op < ${end}
    order by d.id`.execute(db)
  ).rows;
  const oPersonen = await personenVan(oRows.map((o) => o.melding_id));
  const onderzoeken: CbsOnderzoek[] = [];
  for (const o of oRows) {
    const redenen: string[] = [];
    const nummer = onderzoeksnummer(o.id);
    if (v1 && politieZonderHgKm(l, o)) {
      uitgesloten.push({ soort: 'onderzoek', nummer, reden: politieReden });
      continue;
    }
    const uitkomsten: Array<{ type: string; uitkomst: string }> = Array.isArray(o.onderzoek_uitkomsten)
      ? o.onderzoek_uitkomsten
      : [];
    if (!uitkomsten.length) redenen.push('uitkomst van het onderzoek niet vastgelegd');
    const voortijdig = o.a_moment === 'na_dienst' ? o.reden : 'overdracht';
    const uitkomstKeys = uitkomsten.map((u) =>
      u.uitkomst === 'voortijdig_afgesloten' ? `voortijdig:${voortijdig}` : `${u.type}:${u.uitkomst}`,
    );
    const vervolg: string[] = [];
    if (o.o_moment === 'na_dienst') vervolg.push(o.ontvanger_type);
    else if (o.a_moment === 'na_dienst')
      vervolg.push(
        o.reden === 'hulp_al_aanwezig'
          ? 'hulp_al_aanwezig'
          : afsluitingNaarClientsysteem(l, o.reden) || afhandelGroep(l, 'afsluiting', o.reden) === 'geen_hg_km'
            ? // No (more) unsafety, or no HG/KM found: the family carries on (v2 has no "geen vervolg"
              // after an onderzoek; the finding itself is in the uitkomst). docs/cbs-export.md.
              'clientsysteem'
            : 'geen_vervolg',
      );
    if (o.rvdk) vervolg.push('rvdk');
    const rec: CbsOnderzoek = {
      nummer,
      meldingnummer: o.meldingnummer,
      aanleiding: codes('aanleiding', o.aanleiding, redenen),
      datumStart: o.gestart,
      datumAfronding: o.afgesloten,
      uitkomst: codes('onderzoek_uitkomst', uitkomstKeys, redenen),
      // The aard as established: empty unless some type of violence was confirmed (protocol §4.6).
      aard: uitkomsten.some((u) => u.uitkomst === 'bevestigd') ? codes('aard', o.aard, redenen) : [],
      vervolg: codes('vervolg', vervolg, redenen),
      personen: persoonRecords(oPersonen.get(o.melding_id), redenen),
    };
    if (!vervolg.length) redenen.push('vervolg na het onderzoek onbekend');
    if (redenen.length) nietLeverbaar.push({ soort: 'onderzoek', nummer, redenen });
    else onderzoeken.push(rec);
  }

  const aangemaaktOp = toLocalDate(now);
  const personen =
    meldingen.reduce((s, m) => s + m.personen.length, 0) + onderzoeken.reduce((s, o) => s + o.personen.length, 0);
  const inhoud = cbsBestand({ org, versie, halfjaar, aangemaaktOp, adviezen, meldingen, onderzoeken, personen });
  return {
    halfjaar,
    periode: { van: periode.van, tot: periode.tot },
    protocol: prot,
    organisatie: org,
    aangemaaktOp,
    aantallen: {
      adviezen: adviezen.length,
      meldingen: meldingen.length,
      onderzoeken: onderzoeken.length,
      personen,
      nietLeverbaar: nietLeverbaar.length,
      uitgesloten: uitgesloten.length,
    },
    records: { adviezen, meldingen, onderzoeken },
    nietLeverbaar,
    uitgesloten,
    clientIds: [...clientIds].sort((a, b) => a - b),
    bestand: { naam: `cbs-${org}-${halfjaar}-${versie}.txt`, inhoud },
  };
}

/** The delivery file: one record per line, fields separated by ';', several codes by ','. */
function cbsBestand(x: {
  org: string;
  versie: string;
  halfjaar: string;
  aangemaaktOp: string;
  adviezen: CbsAdvies[];
  meldingen: CbsMelding[];
  onderzoeken: CbsOnderzoek[];
  personen: number;
}): string {
  const f = (v: string | string[] | null) => (Array.isArray(v) ? v.join(',') : (v ?? ''));
  const line = (...fields: Array<string | string[] | null>) => fields.map(f).join(';');
  const lines = [
    line(
      'VT',
      x.org,
      x.versie,
      x.halfjaar,
      x.aangemaaktOp.replace(/-/g, ''),
      String(x.adviezen.length),
      String(x.meldingen.length),
      String(x.onderzoeken.length),
      String(x.personen),
    ),
  ];
  const ps = (nummer: string, p: CbsPersoon[]) => p.map((q) => line('PS', nummer, q.bsn, q.geboortedatum, q.geslacht));
  for (const a of x.adviezen) lines.push(line('AD', a.nummer, a.aanleiding, a.aard, a.hoedanigheid));
  for (const m of x.meldingen) {
    lines.push(
      line(
        'ML',
        m.nummer,
        m.hoofdnummer,
        m.aanleiding,
        m.aard,
        m.datumMelding,
        m.hoedanigheid,
        m.triagebesluit,
        m.datumTriagebesluit,
        m.directeOverdracht,
        m.onderzoeksnummer,
        m.datumStartVervolgtraject,
        m.datumEindeBemoeienis,
      ),
    );
    lines.push(...ps(m.nummer, m.personen));
  }
  for (const o of x.onderzoeken) {
    lines.push(
      line(
        'OZ',
        o.nummer,
        o.meldingnummer,
        o.aanleiding,
        o.datumStart,
        o.datumAfronding,
        o.uitkomst,
        o.aard,
        o.vervolg,
      ),
    );
    lines.push(...ps(o.nummer, o.personen));
  }
  return lines.join('\r\n') + '\r\n';
}
