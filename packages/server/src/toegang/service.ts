// Emergency access ("break the glass") with the privacy officer's review, and MDO consultations.
// See docs/security.md ("Access to a casus").
import { z } from 'zod';
import type { Db } from '../db/index.ts';
import { HttpError, notFound, ValidationError } from '../http/errors.ts';
import { decide } from '../policy/index.ts';
import {
  consultatie,
  consultatieBeeindigen,
  consultatieInvoegen,
  consultatiesVan,
  medewerker,
  noodtoegangBeoordelen,
  noodtoegangen,
  noodtoegangInvoegen,
  noodtoegangVoorWijziging,
  sessieVerloopt,
  verlopenConsultatiesBeeindigen,
} from './queries.ts';
import { bestaandeToegang, type Toegang, type ToegangSubject } from './relatie.ts';

/** Emergency access lasts for the session in which it was granted, and at most this long. */
export const NOODTOEGANG_UREN = 12;
/** An MDO consultation gives access for at most this many days (unless ended earlier). */
export const MDO_DAGEN = 90;
export const NOODTOEGANG_REDEN_MIN = 20;

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export const noodtoegangInputSchema = z.object({
  reden: z
    .string({ error: 'Verplicht veld' })
    .trim()
    .min(
      NOODTOEGANG_REDEN_MIN,
      `Minimaal ${NOODTOEGANG_REDEN_MIN} tekens: beschrijf waarom u deze casus nu moet inzien`,
    )
    .max(1000, 'Maximaal 1000 tekens'),
});

export const beoordelingInputSchema = z.object({
  oordeel: z.enum(['gerechtvaardigd', 'niet_gerechtvaardigd'], {
    error: 'Kies gerechtvaardigd of niet_gerechtvaardigd',
  }),
  notitie: z.string({ error: 'Verplicht veld' }).trim().min(10, 'Minimaal 10 tekens').max(2000, 'Maximaal 2000 tekens'),
});

export const noodtoegangLijstSchema = z.object({
  beoordeeld: z.enum(['ja', 'nee', 'alle'], { error: 'Kies ja, nee of alle' }).default('nee'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const consultatieInputSchema = z.object({
  gebruikerId: z.number({ error: 'Kies een medewerker' }).int().positive('Kies een medewerker'),
  toelichting: z
    .string({ error: 'Verplicht veld' })
    .trim()
    .min(10, 'Minimaal 10 tekens: waarover wordt de collega geconsulteerd?')
    .max(1000, 'Maximaal 1000 tekens'),
});

export interface NoodtoegangOut {
  id: number;
  casusId: number;
  reden: string;
  verleendOp: string;
  verlooptOp: string;
}

/**
 * Grant emergency access to a casus for this user and session: until the session ends, at most
 * NOODTOEGANG_UREN hours. Refused (409) when the user already has a relation; an active
 * emergency access of this session is returned as is (idempotent).
 */
export async function vraagNoodtoegang(
  db: Db,
  user: ToegangSubject,
  sessieId: string,
  casusId: number,
  reden: string,
  now: Date,
): Promise<NoodtoegangOut & { nieuw: boolean }> {
  const t = await bestaandeToegang(db, user, sessieId, casusId, now);
  if (!t) throw notFound('Casus');
  if (t.noodtoegang)
    return {
      id: t.noodtoegang.id,
      casusId,
      reden: t.noodtoegang.reden,
      verleendOp: t.noodtoegang.verleendOp,
      verlooptOp: t.noodtoegang.verlooptOp,
      nieuw: false,
    };
  if (t.relaties.length)
    throw new HttpError(409, 'relatie_bestaat', 'U heeft al toegang tot deze casus; noodtoegang is niet nodig', {
      relaties: t.relaties,
    });
  const sessieEinde = await sessieVerloopt(db, sessieId);
  // Sessions run on the server clock; the remaining session time bounds the emergency access.
  const rest = sessieEinde ? new Date(sessieEinde).getTime() - Date.now() : Infinity;
  const einde = new Date(now.getTime() + Math.max(60_000, Math.min(NOODTOEGANG_UREN * 3600_000, rest)));
  const id = await noodtoegangInvoegen(db, {
    casus_id: casusId,
    gebruiker_id: user.id,
    sessie_id: sessieId,
    reden,
    verleend_op: now,
    verloopt_op: einde,
  });
  return { id, casusId, reden, verleendOp: now.toISOString(), verlooptOp: einde.toISOString(), nieuw: true };
}

/** Emergency accesses for the privacy officer, newest first, with how often each was used. */
export async function noodtoegangLijst(db: Db, f: z.output<typeof noodtoegangLijstSchema>) {
  const { rows, totaal, open } = await noodtoegangen(db, f);
  return {
    totaal,
    nietBeoordeeld: open,
    items: rows.map((n) => ({
      id: n.id,
      casus: { id: n.casus_id, nummer: n.casus_nummer },
      gebruiker: { id: n.gebruiker_id, naam: n.gebruiker_naam, gebruikersnaam: n.gebruikersnaam, rollen: n.rollen },
      reden: n.reden,
      verleendOp: iso(n.verleend_op),
      verlooptOp: iso(n.verloopt_op),
      /** Access-log entries written under this emergency access (the request itself excluded). */
      gebruik: n.gebruik,
      beoordeeld: n.beoordeeld_op !== null,
      beoordeling: n.beoordeeld_op
        ? {
            oordeel: n.oordeel,
            notitie: n.beoordeling_notitie,
            door: { id: n.beoordeeld_door, naam: n.beoordelaar_naam },
            op: iso(n.beoordeeld_op),
          }
        : null,
    })),
  };
}

/** The privacy officer's review of one emergency access (once; a user never reviews their own). */
export async function beoordeelNoodtoegang(
  db: Db,
  id: number,
  input: z.output<typeof beoordelingInputSchema>,
  door: number,
  now: Date,
) {
  return db.transaction().execute(async (tx) => {
    const n = await noodtoegangVoorWijziging(tx, id);
    if (!n) throw notFound('Noodtoegang');
    if (n.gebruiker_id === door)
      throw new HttpError(403, 'eigen_noodtoegang', 'U kunt uw eigen noodtoegang niet beoordelen');
    if (n.beoordeeld_op) throw new HttpError(409, 'al_beoordeeld', `Deze noodtoegang is al beoordeeld (${n.oordeel})`);
    await noodtoegangBeoordelen(tx, id, {
      beoordeeld_op: now,
      beoordeeld_door: door,
      oordeel: input.oordeel,
      beoordeling_notitie: input.notitie,
    });
    return {
      id,
      casusId: n.casus_id,
      gebruikerId: n.gebruiker_id,
      oordeel: input.oordeel,
      notitie: input.notitie,
      beoordeeldOp: now.toISOString(),
    };
  });
}

// ---------------------------------------------------------------- MDO consultations

export async function consultaties(db: Db, casusId: number, now: Date) {
  return (await consultatiesVan(db, casusId)).map((k) => ({
    id: k.id,
    gebruiker: { id: k.gebruiker_id, naam: k.naam, rollen: k.rollen, team: k.team_naam },
    toelichting: k.toelichting,
    vastgelegdDoor: k.vastgelegd_door_naam,
    vastgelegdOp: iso(k.vastgelegd_op),
    geldigTot: iso(k.geldig_tot),
    beeindigdOp: iso(k.beeindigd_op),
    beeindigdDoor: k.beeindigd_door_naam,
    actief: !k.beeindigd_op && new Date(k.geldig_tot).getTime() > now.getTime(),
  }));
}

function eisWerkrelatie(t: Toegang): void {
  if (!t.werkrelatie) {
    throw new HttpError(
      403,
      'geen_werkrelatie',
      'Alleen wie aan de casus werkt (eigen team, behandelaar, bureaudienst of crisisdienst) legt een MDO-consultatie vast of beëindigt die',
    );
  }
}

/** Record that a colleague is consulted in an MDO about this casus (gives them access to it). */
export async function consulteer(
  db: Db,
  t: Toegang,
  input: z.output<typeof consultatieInputSchema>,
  door: { id: number; organisatieId: number },
  now: Date,
) {
  eisWerkrelatie(t);
  const g = await medewerker(db, input.gebruikerId);
  if (!g || !g.actief || g.organisatie_id !== door.organisatieId) {
    throw new ValidationError([
      {
        field: 'gebruikerId',
        rule: 'bestaat',
        message: `Medewerker ${input.gebruikerId} bestaat niet of is niet actief`,
      },
    ]);
  }
  if (!decide({ id: g.id, rollen: g.rollen }, 'melding', 'read').allow) {
    throw new ValidationError([
      {
        field: 'gebruikerId',
        rule: 'rol',
        message: `${g.naam} heeft geen rol die casussen mag inzien; consultatie geeft dan geen toegang`,
      },
    ]);
  }
  const geldigTot = new Date(now.getTime() + MDO_DAGEN * 86_400_000);
  const id = await consultatieInvoegen(db, {
    casus_id: t.casusId,
    gebruiker_id: g.id,
    toelichting: input.toelichting,
    vastgelegd_door: door.id,
    vastgelegd_op: now,
    geldig_tot: geldigTot,
  });
  if (id === undefined) {
    // An expired consultation still occupies the "one active" slot until it is ended: end it now.
    if ((await verlopenConsultatiesBeeindigen(db, t.casusId, g.id, now)) > 0)
      return consulteer(db, t, input, door, now);
    throw new HttpError(409, 'al_geconsulteerd', `${g.naam} is al geconsulteerd over deze casus`);
  }
  return {
    id,
    casusId: t.casusId,
    gebruiker: { id: g.id, naam: g.naam },
    geldigTot: geldigTot.toISOString(),
  };
}

export async function beeindigConsultatie(db: Db, t: Toegang, consultatieId: number, door: number, now: Date) {
  eisWerkrelatie(t);
  const k = await consultatie(db, consultatieId, t.casusId);
  if (!k) throw notFound('Consultatie');
  if (k.beeindigd_op) throw new HttpError(409, 'al_beeindigd', 'Deze consultatie is al beëindigd');
  await consultatieBeeindigen(db, consultatieId, door, now);
  return { id: consultatieId, casusId: t.casusId, beeindigdOp: now.toISOString() };
}
