// Request schemas shared by the server (validation + OpenAPI) and the web app (form validation).
// Code-list fields are plain strings here: which codes exist is reference data in the database,
// checked by the server (see codelists.ts).
import { z } from 'zod';
import { bsnError } from './bsn.ts';
import { isGeboortedatum } from './names.ts';
import { isLocalDate } from './werkdagen.ts';

// Dutch messages everywhere (server answers and browser validation alike); a missing value
// says so plainly instead of zod's "expected string, received undefined".
z.config(z.locales.nl());
const nlError = z.locales.nl().localeError;
z.config({
  customError: (iss) => {
    if (iss.code === 'invalid_type' && iss.input === undefined) return 'Verplicht veld';
    if (iss.code === 'invalid_type' && iss.input === null) return 'Verplicht veld (leeg)';
    return typeof nlError === 'function' ? (nlError as any)(iss) : undefined;
  },
});

const code = z.string().trim().min(1, 'Kies een waarde').max(64);
const tekst = (max: number) => z.string().trim().max(max, `Maximaal ${max} tekens`);
const verplichtTekst = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? 'Verplicht veld' : `Minimaal ${min} tekens`)
    .max(max, `Maximaal ${max} tekens`);
const optioneel = (max: number) => tekst(max).optional().nullable();
const tijdstip = z.iso.datetime({ offset: true, message: 'Geef een tijdstip als 2026-03-01T14:30:00+01:00' });
const datum = z.string().refine(isLocalDate, 'Geef een datum als JJJJ-MM-DD');
export const versieSchema = z.number().int().min(0).describe('versie van de casus zoals gelezen (optimistic locking)');

export const bsnSchema = z
  .string()
  .trim()
  .superRefine((v, ctx) => {
    const e = bsnError(v);
    if (e) ctx.addIssue({ code: 'custom', message: e });
  });

export const geboortedatumSchema = z
  .string()
  .trim()
  .refine(isGeboortedatum, 'Geboortedatum als JJJJMMDD; onbekende maand/dag als 00, ongeboren als 99999999');

export const GESLACHTEN = ['V', 'M', 'O'] as const;
export const REGIO = ['eigen', 'andere', 'onbekend'] as const;

export const postcodeSchema = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .refine((s) => /^[1-9][0-9]{3}[A-Z]{2}$/.test(s), 'Postcode als 1234AB');

export const persoonInputSchema = z
  .object({
    bsn: bsnSchema.optional().nullable(),
    voornamen: optioneel(200),
    tussenvoegsel: optioneel(40),
    achternaam: verplichtTekst(1, 200),
    geboortedatum: geboortedatumSchema.optional().nullable(),
    geslacht: z.enum(GESLACHTEN, { message: 'Kies V, M of O' }).default('O'),
  })
  .superRefine((p, ctx) => {
    // Wmo 2015 art. 5.2.9: without a BSN, surname, first names and date of birth identify the person.
    if (!p.bsn && !p.geboortedatum) {
      ctx.addIssue({
        code: 'custom',
        path: ['geboortedatum'],
        message: 'Zonder BSN is de geboortedatum verplicht (Wmo art. 5.2.9); onbekende delen als 00',
      });
    }
  });
export type PersoonInput = z.infer<typeof persoonInputSchema>;

export const adresSchema = z.object({
  straat: optioneel(200),
  huisnummer: z
    .string()
    .trim()
    .regex(/^[0-9]{1,5}$/, 'Huisnummer: alleen cijfers')
    .optional()
    .nullable(),
  toevoeging: optioneel(10),
  postcode: postcodeSchema.optional().nullable(),
  woonplaats: optioneel(100),
  gemeenteCode: z
    .string()
    .regex(/^GM[0-9]{4}$/, 'CBS gemeentecode als GM0363')
    .optional()
    .nullable(),
});

export const betrokkeneInputSchema = z
  .object({
    persoonId: z.number().int().positive().optional(),
    persoon: persoonInputSchema.optional(),
    rol: code.describe('code uit lijst betrokkene_rol'),
    huishoudenRol: code.optional().describe('code uit lijst huishouden_rol'),
    nieuwBevestigd: z
      .boolean()
      .optional()
      .describe('nieuwe persoon: bevestigd dat het niet een bestaande persoon met dezelfde naam en geboortedatum is'),
  })
  .refine((b) => (b.persoonId ? !b.persoon : !!b.persoon), {
    message: 'Kies een bestaande persoon of vul een nieuwe in (niet beide)',
    path: ['persoon'],
  });

export const melderInputSchema = z.object({
  hoedanigheid: code.describe('code uit lijst hoedanigheid'),
  naam: optioneel(200),
  organisatie: optioneel(200),
  functie: optioneel(200),
  telefoon: z
    .string()
    .trim()
    .regex(/^[0-9 +()-]{6,20}$/, 'Telefoonnummer: 6–20 cijfers')
    .optional()
    .nullable(),
  email: z.email('Geen geldig e-mailadres').optional().nullable(),
  wilOnbekendBlijven: z.boolean().default(false).describe('melder wil onbekend blijven voor het gezin'),
});

export const meldingInputSchema = z
  .object({
    ontvangenOp: tijdstip.optional().describe('ontvangstmoment = start van de termijn; standaard nu'),
    binnenkomst: code.describe('code uit lijst binnenkomst'),
    melder: melderInputSchema,
    huishoudenId: z.number().int().positive().optional(),
    huishouden: adresSchema.optional(),
    regio: z.enum(REGIO, { message: 'Kies eigen, andere of onbekend' }),
    gemeenteCode: z
      .string()
      .regex(/^GM[0-9]{4}$/, 'CBS gemeentecode als GM0363')
      .optional()
      .nullable(),
    betrokkenen: z.array(betrokkeneInputSchema).min(1, 'Minstens één betrokkene'),
    aanleiding: z.array(code).min(1, 'Kies minstens één aanleiding'),
    aard: z.array(code).default([]),
    omschrijving: verplichtTekst(10, 20000),
    signalen: z.array(code).default([]).describe('codes uit lijst signaal'),
    adviesvraagId: z.number().int().positive().optional().describe('adviesvraag die wordt omgezet in deze melding'),
  })
  .superRefine((m, ctx) => {
    if (m.regio === 'eigen' && !m.gemeenteCode) {
      ctx.addIssue({ code: 'custom', path: ['gemeenteCode'], message: 'Kies de gemeente (regio is eigen regio)' });
    }
    if (m.huishoudenId && m.huishouden) {
      ctx.addIssue({
        code: 'custom',
        path: ['huishouden'],
        message: 'Kies een bestaand huishouden of vul een nieuw adres in (niet beide)',
      });
    }
  });
export type MeldingInput = z.infer<typeof meldingInputSchema>;

export const adviesvraagInputSchema = z
  .object({
    ontvangenOp: tijdstip.optional(),
    hoedanigheid: code,
    aanleiding: z.array(code).min(1, 'Kies minstens één aanleiding'),
    aard: z.array(code).default([]),
    regio: z.enum(REGIO),
    gemeenteCode: z
      .string()
      .regex(/^GM[0-9]{4}$/, 'CBS gemeentecode als GM0363')
      .optional()
      .nullable(),
    vraag: verplichtTekst(5, 10000).describe('de vraag, zonder identificerende gegevens van betrokkenen'),
    advies: verplichtTekst(5, 10000),
    signalen: z.array(code).default([]).describe('codes uit lijst signaal'),
    afsluiten: z.boolean().default(true),
    afgeslotenOp: tijdstip
      .optional()
      .describe('moment van afsluiten (advies gegeven), bij achteraf registreren; standaard nu; alleen met afsluiten'),
  })
  .superRefine((m, ctx) => {
    if (m.regio === 'eigen' && !m.gemeenteCode)
      ctx.addIssue({ code: 'custom', path: ['gemeenteCode'], message: 'Kies de gemeente (regio is eigen regio)' });
  });
export type AdviesvraagInput = z.infer<typeof adviesvraagInputSchema>;

export const adviesvraagAfsluitenSchema = z.object({
  advies: verplichtTekst(5, 10000).describe('het gegeven advies, zonder identificerende gegevens van betrokkenen'),
  afgeslotenOp: tijdstip
    .optional()
    .describe('moment waarop het advies is gegeven, bij achteraf registreren; standaard nu; niet vóór de ontvangst'),
});

/** A comma-separated list of ids in a query string: at most 100, each a database integer. */
export const idLijstSchema = z
  .string()
  .regex(/^[0-9]{1,10}(,[0-9]{1,10})*$/, 'Kommagescheiden persoon-id’s')
  .refine((v) => v.split(',').length <= 100, 'Hoogstens 100 id’s')
  .refine(
    (v) => v.split(',').every((x) => Number(x) >= 1 && Number(x) <= 2_147_483_647),
    'Een id is een geheel getal van 1 tot 2147483647',
  );

export const intakeHuishoudenZoekSchema = z.object({
  huishoudenId: z.coerce.number().int().positive().max(2_147_483_647).optional(),
  postcode: z.string().trim().max(7).optional(),
  huisnummer: z
    .string()
    .trim()
    .regex(/^[0-9]{1,5}$/, 'Huisnummer: alleen cijfers')
    .optional(),
  toevoeging: z.string().trim().max(10).optional(),
  persoonIds: idLijstSchema.optional(),
});

export const BRONNEN = [
  'eigen_registratie',
  'melder',
  'directbetrokkenen',
  'politie',
  'huisarts',
  'school',
  'lokaal_team',
  'gi',
  'rvdk',
  'anders',
] as const;
export const BRON_LABEL: Record<(typeof BRONNEN)[number], string> = {
  eigen_registratie: 'Eigen registratie (radar)',
  melder: 'Melder',
  directbetrokkenen: 'Gesprek met directbetrokkenen',
  politie: 'Politie',
  huisarts: 'Huisarts',
  school: 'School',
  lokaal_team: 'Lokaal team',
  gi: 'Gecertificeerde Instelling',
  rvdk: 'Raad voor de Kinderbescherming',
  anders: 'Anders',
};

export const beoordelingInputSchema = z.object({
  versie: versieSchema,
  acuteOnveiligheid: z.boolean({ message: 'Geef aan of er sprake is van acute onveiligheid' }),
  structureleOnveiligheid: z.boolean({ message: 'Geef aan of er sprake is van structurele onveiligheid' }),
  uitkomst: code.describe('code uit lijst beoordeling_uitkomst'),
  motivering: verplichtTekst(10, 20000),
  bronnen: z.array(z.enum(BRONNEN)).min(1, 'Noem minstens één geraadpleegde bron'),
  getoetstDoor: z.number().int().positive({ message: 'Kies wie de beoordeling toetst (vier ogen)' }),
  vastgesteldOp: tijdstip.optional(),
});
export type BeoordelingInput = z.infer<typeof beoordelingInputSchema>;

export const overdrachtInputSchema = z.object({
  versie: versieSchema,
  ontvangerType: code.describe('code uit lijst overdracht_ontvanger'),
  ontvangerNaam: verplichtTekst(2, 200),
  reedsBekend: z.boolean({ message: 'Geef aan of het huishouden al bekend was bij de ontvanger' }),
  warm: z.boolean({ message: 'Geef aan of het een warme overdracht was' }),
  monitoringAfspraken: optioneel(5000),
  overgedragenOp: tijdstip.optional(),
});
export type OverdrachtInput = z.infer<typeof overdrachtInputSchema>;

export const afsluitenInputSchema = z.object({
  versie: versieSchema,
  reden: code.describe('code uit lijst afsluitreden'),
  toelichting: optioneel(5000),
  afgeslotenOp: tijdstip.optional(),
});
export type AfsluitenInput = z.infer<typeof afsluitenInputSchema>;

export const dienstStartInputSchema = z.object({
  versie: versieSchema,
  toelichting: optioneel(5000),
  gestartOp: tijdstip.optional(),
});
export type DienstStartInput = z.infer<typeof dienstStartInputSchema>;

export const onderzoekUitkomstInputSchema = z.object({
  versie: versieSchema,
  uitkomsten: z
    .array(
      z.object({
        type: code.describe('code uit lijst geweld_type'),
        uitkomst: code.describe('code uit lijst onderzoek_uitkomst'),
      }),
    )
    .min(1, 'Geef per onderzocht type geweld de uitkomst'),
  toelichting: optioneel(5000),
});
export type OnderzoekUitkomstInput = z.infer<typeof onderzoekUitkomstInputSchema>;

export const veiligheidsvoorwaardenInputSchema = z.object({
  versie: versieSchema,
  voorwaarden: z.array(verplichtTekst(3, 1000)).min(1, 'Minstens één veiligheidsvoorwaarde'),
});

export const terugkoppelingInputSchema = z.object({
  versie: versieSchema,
  moment: z.enum(['na_beoordeling', 'na_onderzoek']),
  inhoud: verplichtTekst(5, 5000),
  gedaanOp: tijdstip.optional(),
});
export type TerugkoppelingInput = z.infer<typeof terugkoppelingInputSchema>;

export const informerenInputSchema = z
  .object({
    versie: versieSchema,
    persoonId: z.number().int().positive(),
    geinformeerdOp: tijdstip.optional(),
    wijze: optioneel(200),
    verlenging: z
      .object({
        weken: z.number().int().min(1).max(2, 'Verlenging is maximaal 2 weken per keer'),
        reden: verplichtTekst(5, 2000),
      })
      .optional(),
  })
  .refine((v) => !(v.verlenging && v.geinformeerdOp), {
    message: 'Leg een verlenging of het informeren vast, niet beide',
    path: ['verlenging'],
  });
export type InformerenInput = z.infer<typeof informerenInputSchema>;

export const rvdkInputSchema = z.object({
  versie: versieSchema,
  motivering: verplichtTekst(10, 5000),
  verzochtOp: tijdstip.optional(),
});

export const HULP_GESTART = ['ja', 'nee', 'onbekend'] as const;
export const VEILIG = ['ja', 'nee', 'twijfel'] as const;
export const HULP_GESTART_LABEL: Record<(typeof HULP_GESTART)[number], string> = {
  ja: 'Ja',
  nee: 'Nee',
  onbekend: 'Onbekend',
};
export const VEILIG_LABEL: Record<(typeof VEILIG)[number], string> = { ja: 'Ja', nee: 'Nee', twijfel: 'Twijfel' };

/** A monitoringcontact after an overdracht: has help started, is the situation safe? */
export const monitoringcontactInputSchema = z.object({
  versie: versieSchema,
  gedaanOp: tijdstip.describe('moment van het contact; niet in de toekomst, niet vóór de overdracht'),
  bevindingen: verplichtTekst(10, 5000),
  hulpGestart: z
    .enum(HULP_GESTART, { message: 'Kies ja, nee of onbekend' })
    .describe('is de hulp na de overdracht gestart'),
  veilig: z.enum(VEILIG, { message: 'Kies ja, nee of twijfel' }).describe('is de situatie veilig'),
});
export type MonitoringcontactInput = z.infer<typeof monitoringcontactInputSchema>;

export const toewijzenInputSchema = z.object({
  versie: versieSchema,
  behandelaarId: z.number().int().positive().nullable(),
});

export const veiligheidsvlagInputSchema = z.object({
  versie: versieSchema,
  vlaggen: z.array(code).describe('codes uit lijst veiligheidsvlag; leeg = vlag weg'),
  toelichting: optioneel(2000),
});
export type VeiligheidsvlagInput = z.infer<typeof veiligheidsvlagInputSchema>;

export const loginInputSchema = z.object({
  gebruikersnaam: verplichtTekst(1, 100),
  wachtwoord: verplichtTekst(1, 200),
});

export const persoonZoekSchema = z.object({
  bsn: z.string().trim().optional(),
  naam: z.string().trim().max(200).optional(),
  geboortedatum: z
    .string()
    .trim()
    .optional()
    .refine(
      (v) => !v || isGeboortedatum(v.replace(/\D/g, '')),
      'Geboortedatum als JJJJMMDD (een bestaande datum; onbekende maand/dag als 00)',
    ),
  postcode: z.string().trim().optional(),
  huisnummer: z.string().trim().optional(),
});

export { datum as datumSchema, tijdstip as tijdstipSchema };
export * from './intakeRegels.ts';
