// The workflow actions on a melding and assigning its behandelaar: each one transaction that
// checks the casus version, asks the state machine (with the guards' inputs from the domain's
// melding model), writes the step, moves the state and bumps the version.
import { kalender } from '../referentie/service.ts';
import {
  afsluitenContext,
  afsluitenRegel,
  allowedActions,
  beoordelingRegel,
  informerenClock,
  MELDING_STATUS_LABEL,
  metKinderen,
  nietInToekomstFout,
  onderzoekKlaar,
  toLocalDate,
  transition,
  workflowContext,
  type Actie,
  type ActieInput,
  type MeldingStatus,
  type WorkflowStap,
} from '@voordeur/domain';
import type { Db } from '../db/index.ts';
import { HttpError, notFound, ValidationError, versionConflict, type FieldError } from '../http/errors.ts';
import { checkCodes } from '../referentie/service.ts';
import { meldingFacts } from '../werkvoorraad/queries.ts';
import { bijwerkenTermijnen } from '../werkvoorraad/termijnen.ts';
import * as q from './queries.ts';

export interface ActionResult {
  meldingId: number;
  casusId: number;
  status: MeldingStatus;
  versie: number;
  clientIds: number[];
}

async function ensureUser(db: Db, id: number, field: string, errors: FieldError[]) {
  if (!(await q.actieveGebruiker(db, id)))
    errors.push({ field, rule: 'bestaat', message: `Medewerker ${id} bestaat niet of is niet actief` });
}

/**
 * Code-list checks of a workflow step. Tolerant of raw (unvalidated) input, so the route can
 * report unknown codes together with schema errors in one 400.
 */
export function actionCodeErrors(db: Db, actie: Actie, raw: unknown): Promise<FieldError[]> {
  const b = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  switch (actie) {
    case 'veiligheidsbeoordeling':
      return checkCodes(db, [['uitkomst', 'beoordeling_uitkomst', str(b.uitkomst)]]);
    case 'overdragen':
      return checkCodes(db, [['ontvangerType', 'overdracht_ontvanger', str(b.ontvangerType)]]);
    case 'afsluiten':
      return checkCodes(db, [['reden', 'afsluitreden', str(b.reden)]]);
    case 'onderzoek_uitkomst':
      return checkCodes(
        db,
        (Array.isArray(b.uitkomsten) ? (b.uitkomsten as unknown[]) : []).flatMap((u, i) => {
          const x = (u && typeof u === 'object' ? u : {}) as Record<string, unknown>;
          return [
            [`uitkomsten[${i}].type`, 'geweld_type', str(x.type)] as [string, 'geweld_type', string | undefined],
            [`uitkomsten[${i}].uitkomst`, 'onderzoek_uitkomst', str(x.uitkomst)] as [
              string,
              'onderzoek_uitkomst',
              string | undefined,
            ],
          ];
        }),
      );
    default:
      return Promise.resolve([]);
  }
}

/** The moments of a step (not in the future; absent = now). */
const MOMENT_VELDEN = [
  'vastgesteldOp',
  'overgedragenOp',
  'afgeslotenOp',
  'gestartOp',
  'gedaanOp',
  'geinformeerdOp',
  'verzochtOp',
] as const;

/** Validation that needs the database but not the lock: every field error at once. */
async function stapFouten(db: Db, stap: WorkflowStap, userId: number, now: Date): Promise<FieldError[]> {
  const errors: FieldError[] = [...(await actionCodeErrors(db, stap.actie, stap.input))];
  if (stap.actie === 'veiligheidsbeoordeling') {
    if (stap.input.getoetstDoor === userId)
      errors.push({
        field: 'getoetstDoor',
        rule: 'vier_ogen',
        message: 'De toetser moet een andere medewerker zijn dan wie de beoordeling vastlegt',
      });
    else await ensureUser(db, stap.input.getoetstDoor, 'getoetstDoor', errors);
    const fout = beoordelingRegel(stap.input);
    if (fout) errors.push(fout);
  }
  if (
    stap.actie === 'onderzoek_uitkomst' &&
    new Set(stap.input.uitkomsten.map((u) => u.type)).size !== stap.input.uitkomsten.length
  ) {
    errors.push({ field: 'uitkomsten', rule: 'uniek', message: 'Eén uitkomst per type geweld' });
  }
  const velden = stap.input as Partial<Record<(typeof MOMENT_VELDEN)[number], string>>;
  for (const f of MOMENT_VELDEN) {
    const toekomst = nietInToekomstFout(f, velden[f], now);
    if (toekomst) errors.push(toekomst);
  }
  return errors;
}

/**
 * Perform a workflow action on a melding: one transaction that checks the casus version,
 * asks the state machine, writes the step, moves the state and bumps the version.
 */
export async function performAction<A extends Actie>(
  db: Db,
  meldingId: number,
  actie: A,
  input: ActieInput<A>,
  userId: number,
  now: Date,
): Promise<ActionResult> {
  const stap = { actie, input } as WorkflowStap;
  const errors = await stapFouten(db, stap, userId, now);
  if (errors.length) throw new ValidationError(errors);

  return db.transaction().execute(async (tx) => {
    const m = await q.meldingFeiten(tx, meldingId);
    if (!m) throw notFound('Melding');
    const versie = await q.casusVersieVoorWijziging(tx, m.casus_id);
    if (versie !== stap.input.versie) throw versionConflict(versie, stap.input.versie);
    const facts = meldingFacts(m);
    const leden = await q.ledenVanCasus(tx, m.casus_id);
    const t = transition(m.status, stap.actie, workflowContext(facts, metKinderen(facts, leden, toLocalDate(now))));
    if (!t.ok) {
      throw new HttpError(409, 'niet_toegestaan', t.reason, {
        currentState: t.from,
        currentStateLabel: MELDING_STATUS_LABEL[t.from],
        allowedActions: t.allowed,
      });
    }
    const ts = (s: string | undefined) => (s ? new Date(s) : now).toISOString();
    const fieldErr = (field: string, rule: string, message: string) => new ValidationError([{ field, rule, message }]);
    switch (stap.actie) {
      case 'veiligheidsbeoordeling': {
        const i = stap.input;
        if (new Date(ts(i.vastgesteldOp)) < new Date(m.ontvangen_op))
          throw fieldErr(
            'vastgesteldOp',
            'na_ontvangst',
            'De beoordeling kan niet vóór de ontvangst van de melding liggen',
          );
        await q.voegBeoordelingToe(tx, meldingId, i, userId, ts(i.vastgesteldOp));
        if (m.behandelaar_id == null) await q.zetBehandelaar(tx, meldingId, userId);
        break;
      }
      case 'dienst_voorwaarden_en_vervolg':
      case 'dienst_onderzoek': {
        const soort = stap.actie === 'dienst_onderzoek' ? 'onderzoek' : 'voorwaarden_en_vervolg';
        await q.voegDienstToe(tx, meldingId, soort, ts(stap.input.gestartOp), userId, stap.input.toelichting ?? null);
        break;
      }
      case 'overdragen': {
        const i = stap.input;
        const moment = m.status === 'beoordeeld' ? 'na_beoordeling' : 'na_dienst';
        await q.voegOverdrachtToe(tx, meldingId, i, moment, ts(i.overgedragenOp), userId);
        await q.sluitDienst(tx, meldingId, ts(i.overgedragenOp));
        break;
      }
      case 'afsluiten': {
        const i = stap.input;
        const fout = afsluitenRegel({ reden: i.reden, ...afsluitenContext(facts) });
        if (fout) throw new ValidationError([fout]);
        const moment =
          m.status === 'beoordeeld' ? 'na_beoordeling' : m.status === 'overgedragen' ? 'na_monitoring' : 'na_dienst';
        await q.voegAfsluitingToe(tx, meldingId, i.reden, i.toelichting ?? null, moment, ts(i.afgeslotenOp), userId);
        await q.sluitDienst(tx, meldingId, ts(i.afgeslotenOp));
        await q.sluitMelding(tx, meldingId, ts(i.afgeslotenOp));
        break;
      }
      case 'onderzoek_uitkomst':
        await q.zetOnderzoekUitkomsten(tx, meldingId, stap.input.uitkomsten);
        break;
      case 'veiligheidsvoorwaarden': {
        const add = stap.input.voorwaarden.map((tekst) => ({ tekst, op: now.toISOString(), door: userId }));
        await q.voegVeiligheidsvoorwaardenToe(tx, meldingId, add);
        break;
      }
      case 'terugkoppeling': {
        const i = stap.input;
        if (i.moment === 'na_onderzoek' && !(m.dienst_soort === 'onderzoek' && onderzoekKlaar(facts))) {
          throw fieldErr(
            'moment',
            'na_onderzoek',
            'Terugkoppeling na onderzoek kan pas als de uitkomst van het onderzoek is vastgelegd',
          );
        }
        if (await q.terugkoppelingBestaat(tx, meldingId, i.moment))
          throw new HttpError(409, 'al_vastgelegd', 'Deze terugkoppeling is al vastgelegd');
        await q.voegTerugkoppelingToe(tx, meldingId, i.moment, i.inhoud, ts(i.gedaanOp), userId);
        break;
      }
      case 'informeren': {
        const i = stap.input;
        const inf = await q.informeringVoorWijziging(tx, meldingId, i.persoonId);
        if (!inf) throw fieldErr('persoonId', 'betrokkene', 'Deze persoon is geen betrokkene van de melding');
        if (inf.geinformeerd_op) throw new HttpError(409, 'al_vastgelegd', 'Deze betrokkene is al geïnformeerd');
        if (i.verlenging) {
          const verl = [...(inf.verlengingen ?? []), { ...i.verlenging, door: userId, op: now.toISOString() }];
          // The domain rule validates each extension (at most 2 weeks, with a reason).
          informerenClock(await kalender(tx), new Date(m.geregistreerd_op), verl, null, now);
          await q.zetVerlengingen(tx, meldingId, i.persoonId, verl);
        } else {
          await q.zetGeinformeerd(tx, meldingId, i.persoonId, ts(i.geinformeerdOp), i.wijze ?? null, userId);
        }
        break;
      }
      case 'monitoringcontact': {
        const i = stap.input;
        if (!m.overgedragen_op)
          throw fieldErr('gedaanOp', 'na_overdracht', 'Een monitoringcontact kan pas na een overdracht');
        if (new Date(i.gedaanOp) < new Date(m.overgedragen_op))
          throw fieldErr('gedaanOp', 'na_overdracht', 'Het monitoringcontact kan niet vóór de overdracht liggen');
        await q.voegMonitoringcontactToe(tx, meldingId, i, userId, now.toISOString());
        break;
      }
      case 'rvdk_verzoek':
        await q.voegRvdkVerzoekToe(tx, meldingId, stap.input.motivering, ts(stap.input.verzochtOp), userId);
        break;
    }
    if (t.to !== m.status) await q.zetStatus(tx, meldingId, t.to);
    await bijwerkenTermijnen(tx, [meldingId]);
    // The casus closes when all its meldingen are closed, at the moment its last melding closed;
    // a later side action (e.g. terugkoppeling on a closed melding) keeps that moment.
    const nieuweVersie = await q.werkCasusBij(tx, m.casus_id, now);
    return {
      meldingId,
      casusId: m.casus_id,
      status: t.to,
      versie: nieuweVersie,
      clientIds: await q.betrokkenenVanMelding(tx, meldingId),
    };
  });
}

export async function assignBehandelaar(
  db: Db,
  meldingId: number,
  behandelaarId: number | null,
  versie: number,
): Promise<ActionResult> {
  if (behandelaarId) {
    const errors: FieldError[] = [];
    await ensureUser(db, behandelaarId, 'behandelaarId', errors);
    if (errors.length) throw new ValidationError(errors);
  }
  return db.transaction().execute(async (tx) => {
    const m = await q.meldingKern(tx, meldingId);
    if (!m) throw notFound('Melding');
    const huidig = await q.casusVersieVoorWijziging(tx, m.casus_id);
    if (huidig !== versie) throw versionConflict(huidig, versie);
    if (m.status === 'afgesloten')
      throw new HttpError(409, 'niet_toegestaan', 'Een afgesloten melding kan niet worden toegewezen', {
        currentState: m.status,
        allowedActions: allowedActions(m.status),
      });
    await q.zetBehandelaar(tx, meldingId, behandelaarId);
    return {
      meldingId,
      casusId: m.casus_id,
      status: m.status,
      versie: await q.verhoogCasusVersie(tx, m.casus_id),
      clientIds: await q.betrokkenenVanMelding(tx, meldingId),
    };
  });
}
