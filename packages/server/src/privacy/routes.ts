// Privacy: melder protection, the access log for the privacy officer (search, export, a
// person's own overview, retention), rights of persons (inzage/afschrift, correction,
// destruction on request) and dossier retention with legal hold. See docs/privacy.md.
import { datumSchema, persoonZoekSchema, toLocalDate, volledigeNaam, type RechtenVanPersoon } from '@voordeur/domain';
import { z } from 'zod';
import { verifyAccessLog } from '../audit/index.ts';
import { logRetentionReport } from '../audit/retention.ts';
import {
  exportToegangslog,
  filterOmschrijving,
  toegangslogFilterSchema,
  toegangslogZoekSchema,
  toegangsoverzicht,
  zoekToegangslog,
} from '../audit/search.ts';
import { casusIdOfMelding } from '../casus/detail.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { idParams, route, type RouteDef } from '../http/route.ts';
import type { Db } from '../db/index.ts';
import { zoekPersonen } from '../personen/service.ts';
import { decide } from '../policy/index.ts';
import { casusAfdruk, casusAfdrukPdf, organisatieNaam, toegangsoverzichtPdf } from './afdruk.ts';
import { bewaarRapport, blokkadeHistorie, hefBlokkadeOp, voerBewaartermijnUit, zetBlokkade } from './bewaartermijn.ts';
import { privacyConfig } from './config.ts';
import { casusIdVan } from './queries.ts';
import { buildDossier, dossierPdf } from './dossier.ts';
import {
  melderOpenbaarheidInputSchema,
  openbaarheidHistorie,
  openbaarheidPerMelding,
  recordOpenbaarheid,
} from './melder.ts';
import {
  beslisInzageverzoek,
  beslisVernietigingsverzoek,
  correctieInputSchema,
  correcties,
  corrigeerPersoon,
  createInzageverzoek,
  createVernietigingsverzoek,
  getInzageverzoek,
  getVernietigingsverzoek,
  inzagebesluitInputSchema,
  inzageverzoekenVan,
  inzageverzoekInputSchema,
  markeerVerstrekt,
  persoonOf,
  tombstone,
  uitvoerenInputSchema,
  vernietigingsbesluitInputSchema,
  vernietigingsverzoekenVan,
  vernietigingsverzoekInputSchema,
  verzoekenLijst,
  vindplaatsen,
  voerVernietigingUit,
} from './rechten.ts';

const formaat = z.enum(['json', 'pdf']).default('json').describe('json (standaard) of pdf');
const reden = z.object({ reden: z.string().trim().min(10, 'Minimaal 10 tekens').max(2000, 'Maximaal 2000 tekens') });

/** A casus by its id or by its casusnummer (2026-000123), as the privacy officer has it at hand. */
const casusParams = z.object({
  id: z
    .union([
      z.coerce.number().int().positive(),
      z
        .string()
        .trim()
        .regex(/^\d{4}-\d{6}$/, 'Een casus-id (getal) of casusnummer (JJJJ-NNNNNN)'),
    ])
    .describe('id of casusnummer (bijv. 2026-000123)'),
});
async function casusId(db: Db, idOfNummer: number | string): Promise<number> {
  const id = await casusIdVan(db, idOfNummer);
  if (id === null) throw notFound('Casus');
  return id;
}

function pdf(reply: { header(k: string, v: string): unknown }, name: string, body: Buffer): Buffer {
  reply.header('Content-Type', 'application/pdf');
  reply.header('Content-Disposition', `attachment; filename="${name}"`);
  return body;
}

export function privacyRoutes(): RouteDef[] {
  return [
    // ------------------------------------------------------------------ melder protection
    route({
      method: 'POST',
      url: '/api/meldingen/:id/melder-openbaarheid',
      summary: 'Besluit of het gezin mag weten wie meldde (art. 4.1.8 lid 3 Uitvoeringsbesluit Wmo 2015), met grond',
      tags: ['melderbescherming'],
      policy: { resource: 'melding', action: 'update' },
      relatie: 'melding',
      params: idParams,
      body: melderOpenbaarheidInputSchema,
      handler: async (c) => {
        const r = await recordOpenbaarheid(c.db, c.params.id, c.body, c.user.id, c.now());
        c.audit.clients(r.clientIds);
        c.audit.object('melder', r.meldingId);
        c.audit.purpose('besluit openbaarheid melder (art. 4.1.8 lid 3 Uitvoeringsbesluit Wmo 2015)');
        const { clientIds, ...out } = r;
        return out;
      },
    }),
    route({
      method: 'GET',
      url: '/api/meldingen/:id/melder-openbaarheid',
      summary: 'Besluiten over de openbaarheid van de melder (zonder identiteit), oudste eerst',
      tags: ['melderbescherming'],
      policy: { resource: 'melding', action: 'read' },
      relatie: 'melding',
      params: idParams,
      handler: async (c) => {
        await casusIdOfMelding(c.db, c.params.id);
        const historie = await openbaarheidHistorie(c.db, c.params.id);
        const huidig = (await openbaarheidPerMelding(c.db, [c.params.id])).get(c.params.id) ?? null;
        c.audit.object('melder', c.params.id);
        return { meldingId: c.params.id, melderBeschermd: !(huidig?.openbaar ?? false), huidig, historie };
      },
    }),
    route({
      method: 'GET',
      url: '/api/casussen/:id/afdruk',
      summary: 'Afdruk van een casus (JSON voor de printweergave, of PDF) — zonder beschermde melder',
      tags: ['casus'],
      policy: { resource: 'melding', action: 'read' },
      relatie: 'casus',
      params: idParams,
      query: z.object({ formaat }),
      handler: async (c) => {
        const now = c.now();
        const r = await casusAfdruk(c.db, c.params.id, now, decide(c.user, 'melder', 'read').allow);
        c.audit.action('export');
        c.audit.clients(r.clientIds);
        c.audit.object('casus', c.params.id);
        c.audit.purpose(
          r.melderGetoond ? 'afdruk casus, inclusief melder (openbaar besloten)' : 'afdruk casus, melder afgeschermd',
        );
        if (c.query.formaat === 'pdf')
          return pdf(
            c.reply,
            `casus-${r.afdruk.nummer}.pdf`,
            casusAfdrukPdf(r.afdruk, await organisatieNaam(c.db), now),
          );
        return r.afdruk;
      },
    }),

    // ------------------------------------------------------------------ access log (privacy officer)
    route({
      method: 'GET',
      url: '/api/toegangslog',
      summary: 'Toegangslog doorzoeken (periode, medewerker, cliënt, actie, uitkomst), nieuwste eerst',
      tags: ['toegangslog'],
      policy: { resource: 'toegangslog', action: 'search' },
      query: toegangslogZoekSchema,
      handler: async (c) => {
        const r = await zoekToegangslog(c.db, c.query);
        c.audit.clients([...(c.query.persoonId ? [c.query.persoonId] : []), ...r.items.flatMap((i) => i.clientIds)]);
        c.audit.object('toegangslog', null);
        c.audit.purpose(`toegangslog doorzoeken: ${filterOmschrijving(c.query)}`);
        return r;
      },
    }),
    route({
      method: 'GET',
      url: '/api/toegangslog/export',
      summary: 'Toegangslog exporteren als CSV (puntkomma, UTF-8), oudste eerst; de export wordt zelf gelogd',
      tags: ['toegangslog'],
      policy: { resource: 'toegangslog', action: 'export' },
      query: toegangslogFilterSchema,
      handler: async (c) => {
        const r = await exportToegangslog(c.db, c.query);
        c.audit.clients(r.clientIds);
        c.audit.object('toegangslog', null);
        c.audit.purpose(`export toegangslog (${r.aantal} regels): ${filterOmschrijving(c.query)}`);
        c.reply.header('Content-Type', 'text/csv; charset=utf-8');
        c.reply.header('Content-Disposition', `attachment; filename="toegangslog-${toLocalDate(c.now())}.csv"`);
        return r.csv;
      },
    }),
    route({
      method: 'GET',
      url: '/api/toegangslog/bewaartermijn',
      summary: 'Bewaartermijn van het toegangslog: wat een opschoning nu zou verwijderen (proefrun, wijzigt niets)',
      tags: ['toegangslog'],
      policy: { resource: 'toegangslog', action: 'read' },
      handler: async (c) => {
        c.audit.object('toegangslog', null);
        return logRetentionReport(c.db, c.now(), privacyConfig().logRetentionYears);
      },
    }),
    route({
      method: 'GET',
      url: '/api/toegangslog/verificatie',
      summary: 'Controle van de hashketen van het toegangslog (eerste gewijzigde, verwijderde of verplaatste regel)',
      tags: ['toegangslog'],
      policy: { resource: 'toegangslog', action: 'read' },
      handler: async (c) => {
        c.audit.object('toegangslog', null);
        return verifyAccessLog(c.db);
      },
    }),
    route({
      method: 'GET',
      url: '/api/personen/:id/toegangsoverzicht',
      summary:
        'Wie heeft de gegevens van deze persoon ingezien: chronologisch overzicht voor een inzageverzoek (JSON of PDF)',
      tags: ['rechten'],
      policy: { resource: 'rechten', action: 'read' },
      params: idParams,
      query: z.object({ van: datumSchema.optional(), tot: datumSchema.optional(), formaat }),
      handler: async (c) => {
        const id = c.params.id;
        let naam: string | null = null;
        try {
          naam = volledigeNaam(await persoonOf(c.db, id));
        } catch (e) {
          // A destroyed person keeps the right to the overview: the log still names them by id.
          if (!(e instanceof HttpError && e.status === 410)) throw e;
        }
        const regels = await toegangsoverzicht(c.db, id, c.query);
        c.audit.clients([id]);
        c.audit.object('toegangsoverzicht', id);
        c.audit.purpose('inzageverzoek: overzicht van de toegang tot de gegevens van de betrokkene');
        const persoon = { id, naam, vernietigd: await tombstone(c.db, id) };
        if (c.query.formaat === 'pdf') {
          c.audit.action('export');
          return pdf(
            c.reply,
            `toegangsoverzicht-${id}.pdf`,
            toegangsoverzichtPdf(
              { persoon, regels, van: c.query.van, tot: c.query.tot },
              await organisatieNaam(c.db),
              c.now(),
            ),
          );
        }
        return { persoon, van: c.query.van ?? null, tot: c.query.tot ?? null, regels };
      },
    }),

    // ------------------------------------------------------------------ rights of persons
    route({
      method: 'GET',
      url: '/api/rechten/personen',
      summary: 'Persoon zoeken voor een verzoek van een betrokkene (BSN, naam + geboortedatum, adres)',
      tags: ['rechten'],
      policy: { resource: 'rechten', action: 'search' },
      query: persoonZoekSchema,
      handler: async (c) => {
        const r = await zoekPersonen(c.db, c.query);
        c.audit.clients(r.map((p) => p.id));
        c.audit.object('persoon', null);
        c.audit.purpose('rechten van betrokkenen: persoon zoeken bij een verzoek');
        return {
          kandidaten: r.map((p) => ({
            id: p.id,
            naam: p.naam,
            bsn: p.bsn,
            geboortedatumLabel: p.geboortedatumLabel,
            score: p.score,
            redenen: p.redenen,
          })),
        };
      },
    }),
    route({
      method: 'GET',
      url: '/api/rechten/verzoeken',
      summary: 'Verzoeken van betrokkenen (inzage, afschrift, vernietiging), op uiterste datum',
      tags: ['rechten'],
      policy: { resource: 'rechten', action: 'search' },
      query: z.object({ status: z.enum(['open', 'alle']).default('open') }),
      handler: async (c) => {
        const r = await verzoekenLijst(c.db, c.now(), { alleen_open: c.query.status === 'open' });
        c.audit.clients(r.clientIds);
        c.audit.object('verzoek', null);
        return { verzoeken: r.items };
      },
    }),
    route({
      method: 'GET',
      url: '/api/personen/:id/rechten',
      summary: 'Verzoeken en correcties van één persoon (of de grafsteen na vernietiging)',
      tags: ['rechten'],
      policy: { resource: 'rechten', action: 'read' },
      params: idParams,
      handler: async (c) => {
        const id = c.params.id;
        const t = await tombstone(c.db, id);
        const p = t ? null : await persoonOf(c.db, id);
        c.audit.clients([id]);
        c.audit.object('persoon', id);
        return {
          persoon: p ? { id, naam: volledigeNaam(p), geboortedatum: p.geboortedatum, bsn: p.bsn } : null,
          vernietigd: t,
          inzageverzoeken: await inzageverzoekenVan(c.db, id, c.now()),
          vernietigingsverzoeken: await vernietigingsverzoekenVan(c.db, id, c.now()),
          correcties: p ? await correcties(c.db, id) : [],
        } satisfies RechtenVanPersoon;
      },
    }),
    route({
      method: 'POST',
      url: '/api/personen/:id/inzageverzoeken',
      summary:
        'Verzoek om inzage of afschrift vastleggen (wie vroeg, wanneer); signalen voor mogelijke weigeringsgronden',
      tags: ['rechten'],
      policy: { resource: 'rechten', action: 'create' },
      params: idParams,
      body: inzageverzoekInputSchema,
      status: 201,
      handler: async (c) => {
        const r = await createInzageverzoek(c.db, c.params.id, c.body, c.user.id, c.now());
        c.audit.clients([c.params.id]);
        c.audit.object('inzageverzoek', r.id);
        return r;
      },
    }),
    route({
      method: 'GET',
      url: '/api/inzageverzoeken/:id',
      summary: 'Eén verzoek om inzage of afschrift',
      tags: ['rechten'],
      policy: { resource: 'rechten', action: 'read' },
      params: idParams,
      handler: async (c) => {
        const r = await getInzageverzoek(c.db, c.params.id, c.now());
        c.audit.clients([r.persoonId]);
        c.audit.object('inzageverzoek', r.id);
        return r;
      },
    }),
    route({
      method: 'POST',
      url: '/api/inzageverzoeken/:id/besluit',
      summary:
        'Besluit op een verzoek om inzage of afschrift, met weigeringsgronden (Wmo 2015 art. 5.3.2) en motivering',
      tags: ['rechten'],
      policy: { resource: 'rechten', action: 'update' },
      params: idParams,
      body: inzagebesluitInputSchema,
      handler: async (c) => {
        const r = await beslisInzageverzoek(c.db, c.params.id, c.body, c.user.id, c.now());
        c.audit.clients([r.persoonId]);
        c.audit.object('inzageverzoek', r.id);
        c.audit.purpose(`besluit inzageverzoek: ${r.besluit}`);
        return r;
      },
    }),
    route({
      method: 'GET',
      url: '/api/inzageverzoeken/:id/dossier',
      summary:
        'Het dossier van de betrokkene voor inzage/afschrift (JSON of PDF), gegevens van anderen en beschermde melder afgeschermd',
      tags: ['rechten'],
      policy: { resource: 'rechten', action: 'export' },
      params: idParams,
      query: z.object({
        formaat,
        concept: z.enum(['true', 'false']).default('false').describe('true: concept om te beoordelen vóór het besluit'),
      }),
      handler: async (c) => {
        const now = c.now();
        const v = await getInzageverzoek(c.db, c.params.id, now);
        const concept = c.query.concept === 'true';
        if (v.besluit === 'afgewezen')
          throw new HttpError(409, 'afgewezen', 'Het verzoek is afgewezen; er wordt geen dossier verstrekt');
        if (!v.besluit && !concept)
          throw new HttpError(
            409,
            'niet_besloten',
            'Neem eerst een besluit over het verzoek, of vraag een concept op (concept=true)',
          );
        const d = await buildDossier(c.db, v.persoonId, v, now, { concept: concept || !v.besluit });
        c.audit.clients([v.persoonId]);
        c.audit.object('inzageverzoek', v.id);
        c.audit.purpose(`${d.concept ? 'concept ' : ''}${v.soort} dossier (${c.query.formaat}) voor de betrokkene`);
        if (!d.concept) await markeerVerstrekt(c.db, v.id, c.user.id, now);
        if (c.query.formaat === 'pdf') return pdf(c.reply, `${v.soort}-${v.id}.pdf`, dossierPdf(d));
        return d;
      },
    }),
    route({
      method: 'POST',
      url: '/api/personen/:id/correctie',
      summary: 'Persoonsgegevens corrigeren met reden; de oude waarde blijft bewaard in de historie',
      tags: ['rechten'],
      policy: { resource: 'rechten', action: 'update' },
      params: idParams,
      body: correctieInputSchema,
      handler: async (c) => {
        const r = await corrigeerPersoon(c.db, c.params.id, c.body, c.user.id, c.now());
        c.audit.clients([c.params.id]);
        c.audit.object('persoon', c.params.id);
        c.audit.purpose(`correctie: ${r.gewijzigd.join(', ')}`);
        return r;
      },
    }),
    route({
      method: 'GET',
      url: '/api/personen/:id/correcties',
      summary: 'Correctiehistorie van een persoon (oude en nieuwe waarde, reden, wie, wanneer)',
      tags: ['rechten'],
      policy: { resource: 'rechten', action: 'read' },
      params: idParams,
      handler: async (c) => {
        await persoonOf(c.db, c.params.id);
        c.audit.clients([c.params.id]);
        c.audit.object('persoon_correctie', c.params.id);
        return { persoonId: c.params.id, correcties: await correcties(c.db, c.params.id) };
      },
    }),
    route({
      method: 'POST',
      url: '/api/personen/:id/vernietigingsverzoeken',
      summary: 'Verzoek om vernietiging vastleggen (Wmo 2015 art. 5.3.5): termijn van 3 maanden',
      tags: ['rechten'],
      policy: { resource: 'rechten', action: 'create' },
      params: idParams,
      body: vernietigingsverzoekInputSchema,
      status: 201,
      handler: async (c) => {
        const r = await createVernietigingsverzoek(c.db, c.params.id, c.body, c.user.id, c.now());
        c.audit.clients([c.params.id]);
        c.audit.object('vernietigingsverzoek', r.id);
        return r;
      },
    }),
    route({
      method: 'GET',
      url: '/api/vernietigingsverzoeken/:id',
      summary: 'Eén verzoek om vernietiging, met de vindplaatsen van de gegevens zolang het niet is uitgevoerd',
      tags: ['rechten'],
      policy: { resource: 'rechten', action: 'read' },
      params: idParams,
      handler: async (c) => {
        const v = await getVernietigingsverzoek(c.db, c.params.id, c.now());
        c.audit.clients([v.persoonId]);
        c.audit.object('vernietigingsverzoek', v.id);
        return {
          ...v,
          vindplaatsen: v.uitgevoerdOp ? null : await vindplaatsen(c.db, v.persoonId),
          vernietigd: await tombstone(c.db, v.persoonId),
        };
      },
    }),
    route({
      method: 'POST',
      url: '/api/vernietigingsverzoeken/:id/besluit',
      summary: 'Besluit op een verzoek om vernietiging; een weigering met grond en motivering (aanmerkelijk belang)',
      tags: ['rechten'],
      policy: { resource: 'rechten', action: 'update' },
      params: idParams,
      body: vernietigingsbesluitInputSchema,
      handler: async (c) => {
        const r = await beslisVernietigingsverzoek(c.db, c.params.id, c.body, c.user.id, c.now());
        c.audit.clients([r.persoonId]);
        c.audit.object('vernietigingsverzoek', r.id);
        c.audit.purpose(`besluit vernietigingsverzoek: ${r.besluit}`);
        return r;
      },
    }),
    route({
      method: 'POST',
      url: '/api/vernietigingsverzoeken/:id/uitvoeren',
      summary:
        'Toegewezen vernietiging uitvoeren: de persoonsgegevens verdwijnen overal; een grafsteen en het toegangslog blijven',
      tags: ['rechten'],
      policy: { resource: 'rechten', action: 'delete' },
      params: idParams,
      body: uitvoerenInputSchema,
      handler: async (c) => {
        const r = await voerVernietigingUit(c.db, c.params.id, c.body.bevestigPersoonId, c.user.id, c.now());
        c.audit.clients([r.verzoek.persoonId]);
        c.audit.object('persoon', r.verzoek.persoonId);
        c.audit.purpose(`vernietiging op verzoek ${r.verzoek.id} (Wmo 2015 art. 5.3.5)`);
        return {
          verzoek: r.verzoek,
          vernietigd: await tombstone(c.db, r.verzoek.persoonId),
          verwijderd: r.resultaat.verwijderd,
          vrijeTekstVervangen: r.resultaat.vrijeTekst,
        };
      },
    }),

    // ------------------------------------------------------------------ retention and legal hold
    route({
      method: 'GET',
      url: '/api/bewaartermijn/rapport',
      summary:
        'Bewaartermijnen: casussen die nu vernietigd worden, geblokkeerd zijn of binnenkort vervallen (proefrun, wijzigt niets)',
      tags: ['bewaartermijn'],
      policy: { resource: 'rechten', action: 'read' },
      handler: async (c) => {
        const r = await bewaarRapport(c.db, c.now(), privacyConfig());
        c.audit.object('bewaartermijn', null);
        return r;
      },
    }),
    route({
      method: 'POST',
      url: '/api/bewaartermijn/uitvoeren',
      summary:
        'Casussen uit het rapport vernietigen waarvan de bewaartermijn is verstreken (opnieuw gecontroleerd; blokkade gaat voor)',
      tags: ['bewaartermijn'],
      policy: { resource: 'rechten', action: 'delete' },
      body: z.object({
        casusIds: z.array(z.number().int().positive()).min(1, 'Kies minstens één casus uit het rapport').max(1000),
      }),
      handler: async (c) => {
        const r = await voerBewaartermijnUit(c.db, c.now(), privacyConfig(), c.user.id, c.body.casusIds);
        c.audit.clients(r.vernietigd.flatMap((x) => x.personenVernietigd));
        c.audit.object('casus', r.vernietigd.map((x) => x.casusId).join(',') || null);
        c.audit.purpose(
          `bewaartermijn verstreken: ${r.vernietigd.length} casus(sen) vernietigd, ${r.geweigerd.length} geweigerd`,
        );
        return r;
      },
    }),
    route({
      method: 'GET',
      url: '/api/casussen/:id/bewaarblokkade',
      summary: 'Bewaarblokkades van een casus (actief en opgeheven)',
      tags: ['bewaartermijn'],
      policy: { resource: 'rechten', action: 'read' },
      params: casusParams,
      handler: async (c) => {
        const id = await casusId(c.db, c.params.id);
        c.audit.object('casus', id);
        return { casusId: id, blokkades: await blokkadeHistorie(c.db, id) };
      },
    }),
    route({
      method: 'POST',
      url: '/api/casussen/:id/bewaarblokkade',
      summary: 'Bewaarblokkade instellen (bijv. lopende procedure): de casus wordt niet vernietigd zolang die geldt',
      tags: ['bewaartermijn'],
      policy: { resource: 'rechten', action: 'create' },
      params: casusParams,
      body: reden,
      status: 201,
      handler: async (c) => {
        const id = await casusId(c.db, c.params.id);
        c.audit.object('casus', id);
        return zetBlokkade(c.db, id, c.body.reden, c.user.id, c.now());
      },
    }),
    route({
      method: 'POST',
      url: '/api/casussen/:id/bewaarblokkade/opheffen',
      summary: 'Bewaarblokkade opheffen, met reden',
      tags: ['bewaartermijn'],
      policy: { resource: 'rechten', action: 'update' },
      params: casusParams,
      body: reden,
      handler: async (c) => {
        const id = await casusId(c.db, c.params.id);
        c.audit.object('casus', id);
        return hefBlokkadeOp(c.db, id, c.body.reden, c.user.id, c.now());
      },
    }),
  ];
}
