// The workflow actions on a melding, each an inline form. Every action posts the casus version
// it was based on; a version conflict shows what changed, keeps what the user typed and lets them
// re-submit it on the new version or throw it away.
import {
  ACTIE_LABEL,
  afsluitenInputSchema,
  amsterdamDatumTijd,
  amsterdamMoment,
  HULP_GESTART,
  HULP_GESTART_LABEL,
  monitoringcontactInputSchema,
  parseDatumInvoer,
  parseTijdInvoer,
  VEILIG,
  VEILIG_LABEL,
  afsluitenRegel,
  beoordelingInputSchema,
  BRON_LABEL,
  BRONNEN,
  beoordelingRegel,
  dienstStartInputSchema,
  informerenInputSchema,
  isTransitie,
  onderzoekUitkomstInputSchema,
  overdrachtInputSchema,
  rvdkInputSchema,
  terugkoppelingInputSchema,
  terugkoppelingMomenten,
  TERUGKOPPELING_MOMENT_LABEL,
  toegestaneUitkomsten,
  UITKOMST_ACUUT,
  veiligheidsvlagInputSchema,
  veiligheidsvoorwaardenInputSchema,
  type Actie,
  type StapFout,
} from '@voordeur/domain';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import { api, ApiError } from '../api.ts';
import { ConflictChoices, ConflictPanel, loadConflict, type Conflict } from '../components/Conflict.tsx';
import { Checkbox, CheckboxGroup, ErrorSummary, Notice, RadioGroup, SelectField, TextArea, TextField, type Option } from '../components/forms.tsx';
import { useApp, type AppState } from '../context.ts';
import { dropDraft, useDraft } from '../drafts.ts';
import { errorsFor, fromServerFields, fromZodIssues, type FieldErrors } from '../fieldErrors.ts';
import { clockLabel, formatDatum, formatTijdstip } from '../format.ts';
import type { Casus, Melding } from '../types.ts';

/** API path per action (packages/server/src/routes.ts, WORKFLOW). */
export const ACTIE_PATH: Record<Actie, string> = {
  veiligheidsbeoordeling: 'veiligheidsbeoordeling',
  dienst_voorwaarden_en_vervolg: 'dienst-voorwaarden-en-vervolg',
  dienst_onderzoek: 'dienst-onderzoek',
  overdragen: 'overdracht',
  afsluiten: 'afsluiten',
  onderzoek_uitkomst: 'onderzoek-uitkomst',
  veiligheidsvoorwaarden: 'veiligheidsvoorwaarden',
  terugkoppeling: 'terugkoppeling',
  informeren: 'informeren',
  rvdk_verzoek: 'rvdk-verzoek',
  monitoringcontact: 'monitoringcontact',
};

type Draft = Record<string, any>;

interface FieldsProps {
  d: Draft;
  set: (patch: Draft) => void;
  errors: FieldErrors;
  melding: Melding;
  casus: Casus;
  app: AppState;
  /** Unique prefix for ids within the page (several meldingen can have the same form open). */
  p: (name: string) => string;
}

/** What a step will do, shown before an irreversible step is sent (Bevestigen / Terug). */
export interface Bevestiging {
  titel: string;
  regels: string[];
  waarschuwing?: string;
}

interface Spec {
  schema: z.ZodType;
  initial: (m: Melding) => Draft;
  toInput: (d: Draft) => Record<string, unknown>;
  Fields: (props: FieldsProps) => ReactNode;
  submit: string;
  done: string;
  labels: Record<string, string>;
  /** The domain's consistency rules for this step (the server checks the same), on the API input. */
  regels?: (input: Record<string, any>, m: Melding) => StapFout[];
  /** Checks of the form's own fields (e.g. a date and time typed apart), before the schema's. */
  invoerFouten?: (d: Draft, m: Melding) => StapFout[];
  /** Irreversible steps: the consequence to confirm before the step is sent. */
  bevestiging?: (input: Record<string, any>, m: Melding, c: Casus, app: AppState) => Bevestiging;
}

const JA_NEE: Option[] = [
  { value: 'ja', label: 'Ja' },
  { value: 'nee', label: 'Nee' },
];
const bool = (v: string) => (v === 'ja' ? true : v === 'nee' ? false : undefined);
const meervoud = (n: number, een: string, meer: string) => `${n} ${n === 1 ? een : meer}`;

/** The domain rule afsluitenRegel for closing this melding with `reden` (null = allowed). */
const afsluitenFout = (m: Melding, reden: string) =>
  afsluitenRegel({ reden, beoordelingUitkomst: m.beoordeling?.uitkomst, dienstOfOverdracht: !!m.dienst || m.status === 'overgedragen' });
/** Is "geen (meer) sprake van onveiligheid" refused for this melding? */
const geenOnveiligheidGeweigerd = (m: Melding) => afsluitenFout(m, 'geen_onveiligheid');

/** The open meldingen of the casus other than this one, and the clocks of this melding still running. */
function gevolgen(m: Melding, c: Casus) {
  const andereOpen = c.meldingen.filter((x) => x.id !== m.id && x.status !== 'afgesloten');
  const lopend = m.clocks.filter((k) => !k.metAt);
  return { andereOpen, lopend };
}

function termijnRegels(m: Melding, lopend: Melding['clocks'], blijft: string): string[] {
  if (!lopend.length) return ['Er lopen geen termijnen meer voor deze melding.'];
  const naam = (id?: number) => (id ? m.betrokkenen.find((b) => b.persoonId === id)?.naam : undefined);
  const lijst = lopend.map((k) => `${clockLabel(k, naam(k.persoonId))} (uiterlijk ${formatDatum(k.due)})`).join('; ');
  return [`Er ${lopend.length === 1 ? 'loopt' : 'lopen'} nog ${meervoud(lopend.length, 'termijn', 'termijnen')}: ${lijst}. ${blijft}`];
}
const opt = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

/** Colleagues who can toetsen a beoordeling: case workers and experts, not myself. */
const TOETS_ROLLEN = new Set(['backoffice', 'bureaudienst', 'crisisdienst', 'gedragswetenschapper', 'vertrouwensarts', 'teammanager']);

const dienstSpec = (soort: string): Spec => ({
  schema: dienstStartInputSchema,
  initial: () => ({ toelichting: '' }),
  toInput: (d) => ({ toelichting: opt(d.toelichting) }),
  Fields: ({ d, set, errors, p }) => <TextArea name={p('toelichting')} label="Toelichting" hint={`Waarom de dienst ${soort}, en wat is het doel?`} value={d.toelichting} onChange={(v) => set({ toelichting: v })} errors={errors} rows={4} />,
  submit: `Dienst ${soort} starten`,
  done: `Dienst ${soort} is gestart.`,
  labels: { toelichting: 'Toelichting' },
});

const SPECS: Record<Actie, Spec> = {
  veiligheidsbeoordeling: {
    schema: beoordelingInputSchema,
    initial: () => ({ acuteOnveiligheid: '', structureleOnveiligheid: '', uitkomst: '', motivering: '', bronnen: ['eigen_registratie'], getoetstDoor: '', vlagZetten: false, vlagToelichting: '' }),
    toInput: (d) => ({
      acuteOnveiligheid: bool(d.acuteOnveiligheid),
      structureleOnveiligheid: bool(d.structureleOnveiligheid),
      uitkomst: d.uitkomst,
      motivering: d.motivering,
      bronnen: d.bronnen,
      getoetstDoor: Number(d.getoetstDoor) || 0,
    }),
    Fields: ({ d, set, errors, app, p, casus, melding }) => {
      // The uitkomst follows from the two questions (domain rule toegestaneUitkomsten): offer only
      // the outcomes the answers allow, and pick it when only one fits.
      const alle = app.options('beoordeling_uitkomst');
      const toegestaan = (acute: string, structureel: string) => toegestaneUitkomsten(bool(acute), bool(structureel), alle.map((o) => o.value));
      const antwoord = (patch: Draft) => {
        const next = { ...d, ...patch };
        const ok = toegestaan(next.acuteOnveiligheid, next.structureleOnveiligheid);
        set({ ...patch, uitkomst: ok.length === 1 ? ok[0] : ok.includes(next.uitkomst) ? next.uitkomst : '' });
      };
      const opties = alle.filter((o) => toegestaan(d.acuteOnveiligheid, d.structureleOnveiligheid).includes(o.value));
      const acuut = d.acuteOnveiligheid === 'ja' || d.uitkomst === UITKOMST_ACUUT;
      const heeftAcuutVlag = (casus.veiligheidsvlag?.vlaggen ?? []).includes('acuut_gevaar');
      return (
      <>
        <div className="field-row">
          <RadioGroup name={p('acuteOnveiligheid')} label="Is er sprake van acute onveiligheid?" inline options={JA_NEE} value={d.acuteOnveiligheid} onChange={(v) => antwoord({ acuteOnveiligheid: v })} errors={errors} />
          <RadioGroup name={p('structureleOnveiligheid')} label="Is er sprake van structurele onveiligheid?" inline options={JA_NEE} value={d.structureleOnveiligheid} onChange={(v) => antwoord({ structureleOnveiligheid: v })} errors={errors} />
        </div>
        <SelectField
          name={p('uitkomst')}
          label="Uitkomst van de beoordeling"
          hint={uitkomstHint(d.acuteOnveiligheid, d.structureleOnveiligheid)}
          value={d.uitkomst}
          onChange={(v) => set({ uitkomst: v })}
          errors={errors}
          options={opties}
        />
        {acuut && (
          <div className="acuut-aanbod" data-testid="acuut-aanbod">
            <p className="acuut-aanbod__kop">
              <strong>Acute onveiligheid: handel direct.</strong> Overleg met de crisisdienst en ga nooit alleen op huisbezoek.
            </p>
            {heeftAcuutVlag ? (
              <p className="acuut-aanbod__tekst">Dit huishouden heeft al de veiligheidsvlag ‘Acuut gevaar’.</p>
            ) : (
              <>
                <Checkbox
                  name={p('vlagZetten')}
                  label="Ook de veiligheidsvlag ‘Acuut gevaar’ op dit huishouden zetten"
                  hint="De vlag is zichtbaar op elke pagina over dit huishouden. U kunt hem later wijzigen of weghalen."
                  checked={!!d.vlagZetten}
                  onChange={(v) => set({ vlagZetten: v, vlagToelichting: v && !d.vlagToelichting ? `Veiligheidsbeoordeling ${melding.nummer}: (vermoeden van) acute onveiligheid.` : d.vlagToelichting })}
                />
                {d.vlagZetten && <TextArea name={p('vlagToelichting')} label="Toelichting bij de vlag" hint="Wat is er bekend, en wat betekent dat voor een huisbezoek?" value={d.vlagToelichting} onChange={(v) => set({ vlagToelichting: v })} errors={errors} rows={2} />}
              </>
            )}
          </div>
        )}
        <TextArea name={p('motivering')} label="Motivering" hint="Minstens 10 tekens" value={d.motivering} onChange={(v) => set({ motivering: v })} errors={errors} rows={4} />
        <CheckboxGroup name={p('bronnen')} label="Geraadpleegde bronnen" columns values={d.bronnen} onChange={(v) => set({ bronnen: v })} errors={errors} options={BRONNEN.map((b) => ({ value: b, label: BRON_LABEL[b] }))} />
        <SelectField
          name={p('getoetstDoor')}
          label="Getoetst door"
          hint="Vier ogen: een andere medewerker toetst de beoordeling"
          value={d.getoetstDoor}
          onChange={(v) => set({ getoetstDoor: v })}
          errors={errors}
          options={app.ref.medewerkers.filter((m) => m.id !== app.user.id && m.rollen.some((r) => TOETS_ROLLEN.has(r))).map((m) => ({ value: String(m.id), label: m.naam }))}
        />
      </>
      );
    },
    regels: (input) => {
      const fout = typeof input.acuteOnveiligheid === 'boolean' && typeof input.structureleOnveiligheid === 'boolean' && input.uitkomst ? beoordelingRegel(input as any) : null;
      return fout ? [fout] : [];
    },
    submit: 'Veiligheidsbeoordeling vastleggen',
    done: 'De veiligheidsbeoordeling is vastgelegd.',
    labels: { acuteOnveiligheid: 'Acute onveiligheid', structureleOnveiligheid: 'Structurele onveiligheid', uitkomst: 'Uitkomst', motivering: 'Motivering', bronnen: 'Bronnen', getoetstDoor: 'Getoetst door', vlagToelichting: 'Toelichting bij de vlag' },
  },
  dienst_voorwaarden_en_vervolg: dienstSpec('Voorwaarden en Vervolg'),
  dienst_onderzoek: dienstSpec('Onderzoek'),
  overdragen: {
    schema: overdrachtInputSchema,
    initial: () => ({ ontvangerType: '', ontvangerNaam: '', reedsBekend: '', warm: '', monitoringAfspraken: '' }),
    toInput: (d) => ({ ontvangerType: d.ontvangerType, ontvangerNaam: d.ontvangerNaam, reedsBekend: bool(d.reedsBekend), warm: bool(d.warm), monitoringAfspraken: opt(d.monitoringAfspraken) }),
    Fields: ({ d, set, errors, app, p }) => (
      <>
        <div className="field-row">
          <SelectField name={p('ontvangerType')} label="Soort ontvanger" value={d.ontvangerType} onChange={(v) => set({ ontvangerType: v })} errors={errors} options={app.options('overdracht_ontvanger')} />
          <TextField name={p('ontvangerNaam')} label="Naam ontvanger" hint="Bijvoorbeeld Ouder Kind Team Oost" value={d.ontvangerNaam} onChange={(v) => set({ ontvangerNaam: v })} errors={errors} width="l" />
        </div>
        <div className="field-row">
          <RadioGroup name={p('reedsBekend')} label="Was het huishouden al bekend bij de ontvanger?" inline options={JA_NEE} value={d.reedsBekend} onChange={(v) => set({ reedsBekend: v })} errors={errors} />
          <RadioGroup name={p('warm')} label="Warme overdracht (gezamenlijk gesprek met gezin en ontvanger)?" inline options={JA_NEE} value={d.warm} onChange={(v) => set({ warm: v })} errors={errors} />
        </div>
        <TextArea name={p('monitoringAfspraken')} label="Monitoringafspraken" hint="Wanneer en hoe Veilig Thuis nagaat of de hulp loopt en het veilig is" value={d.monitoringAfspraken} onChange={(v) => set({ monitoringAfspraken: v })} errors={errors} rows={3} />
      </>
    ),
    bevestiging: (input, m, c, app) => {
      const { lopend } = gevolgen(m, c);
      return {
        titel: `Melding ${m.nummer} overdragen?`,
        regels: [
          `Melding ${m.nummer} wordt overgedragen aan ${input.ontvangerNaam} (${app.label('overdracht_ontvanger', input.ontvangerType)}).${m.dienst && !m.dienst.afgeslotenOp ? ' De lopende dienst wordt daarmee afgerond.' : ''}`,
          `Daarna monitort Veilig Thuis (monitoringcontacten, met een eigen termijn) tot de melding wordt afgesloten. Casus ${c.nummer} blijft open.`,
          ...termijnRegels(m, lopend.filter((k) => k.kind !== 'dienst'), 'Die blijven na de overdracht staan.'),
        ],
        waarschuwing: 'Een overdracht kan niet worden teruggedraaid.',
      };
    },
    submit: 'Overdragen',
    done: 'De melding is overgedragen; Veilig Thuis monitort.',
    labels: { ontvangerType: 'Soort ontvanger', ontvangerNaam: 'Naam ontvanger', reedsBekend: 'Al bekend', warm: 'Warme overdracht', monitoringAfspraken: 'Monitoringafspraken' },
  },
  afsluiten: {
    schema: afsluitenInputSchema,
    initial: () => ({ reden: '', toelichting: '' }),
    toInput: (d) => ({ reden: d.reden, toelichting: opt(d.toelichting) }),
    Fields: ({ d, set, errors, app, p, melding }) => {
      // "Geen (meer) sprake van onveiligheid" right after acute/structurele onveiligheid is refused
      // by the domain (afsluitenRegel): not offered, and the hint says why.
      const geweigerd = geenOnveiligheidGeweigerd(melding);
      return (
        <>
          <SelectField
            name={p('reden')}
            label="Reden van afsluiten"
            hint={geweigerd ? `‘Geen (meer) sprake van onveiligheid’ kan hier niet: de veiligheidsbeoordeling kwam uit op ${app.label('beoordeling_uitkomst', melding.beoordeling?.uitkomst ?? '').toLowerCase()} en er is nog geen dienst of overdracht geweest.` : undefined}
            value={d.reden}
            onChange={(v) => set({ reden: v })}
            errors={errors}
            options={app.options('afsluitreden').filter((o) => !(geweigerd && o.value === 'geen_onveiligheid'))}
          />
          <TextArea name={p('toelichting')} label="Toelichting" value={d.toelichting} onChange={(v) => set({ toelichting: v })} errors={errors} rows={3} />
        </>
      );
    },
    regels: (input, m) => {
      const fout = input.reden ? afsluitenFout(m, input.reden) : null;
      return fout ? [fout] : [];
    },
    bevestiging: (input, m, c, app) => {
      const { andereOpen, lopend } = gevolgen(m, c);
      const sluit = andereOpen.length === 0;
      return {
        titel: `Melding ${m.nummer} afsluiten?`,
        regels: [
          sluit
            ? `Melding ${m.nummer} en casus ${c.nummer} worden gesloten.`
            : `Melding ${m.nummer} wordt gesloten. Casus ${c.nummer} blijft open: nog ${meervoud(andereOpen.length, 'open melding', 'open meldingen')} (${andereOpen.map((x) => x.nummer).join(', ')}).`,
          `Reden: ${app.label('afsluitreden', input.reden)}.${m.dienst && !m.dienst.afgeslotenOp ? ' De lopende dienst wordt daarmee afgerond.' : ''}`,
          ...termijnRegels(m, lopend.filter((k) => k.kind !== 'dienst' && k.kind !== 'monitoring'), 'Die blijven na het sluiten staan: terugkoppelen en informeren kan nog.'),
        ],
        waarschuwing: sluit
          ? 'Afsluiten kan niet worden teruggedraaid; een nieuwe melding over dit huishouden opent een nieuwe casus.'
          : `Afsluiten kan niet worden teruggedraaid; een nieuwe melding over dit huishouden komt bij casus ${c.nummer}, die open blijft.`,
      };
    },
    submit: 'Afsluiten',
    done: 'De melding is afgesloten.',
    labels: { reden: 'Reden', toelichting: 'Toelichting' },
  },
  onderzoek_uitkomst: {
    schema: onderzoekUitkomstInputSchema,
    initial: (m) => ({ per: Object.fromEntries((m.dienst?.onderzoekUitkomsten ?? []).map((u) => [u.type, u.uitkomst])), toelichting: '' }),
    toInput: (d) => ({
      uitkomsten: Object.entries(d.per as Record<string, string>)
        .filter(([, u]) => u)
        .map(([type, uitkomst]) => ({ type, uitkomst })),
      toelichting: opt(d.toelichting),
    }),
    Fields: ({ d, set, errors, app, p }) => (
      <>
        <fieldset className="field fieldset">
          <legend className="legend">Uitkomst per type geweld</legend>
          <p className="hint">Kies voor elk onderzocht type geweld de uitkomst; laat leeg wat niet is onderzocht.</p>
          {errorsFor(errors, p('uitkomsten'), { nested: true }).length > 0 && <p className="field-error">{errorsFor(errors, p('uitkomsten'), { nested: true }).join(' ')}</p>}
          <div className="field-row">
            {app.items('geweld_type').map((t) => (
              <SelectField key={t.code} name={p(`uitkomst-${t.code}`)} label={t.label} value={d.per[t.code] ?? ''} onChange={(v) => set({ per: { ...d.per, [t.code]: v } })} options={app.options('onderzoek_uitkomst')} placeholder="— niet onderzocht —" />
            ))}
          </div>
        </fieldset>
        <TextArea name={p('toelichting')} label="Toelichting" value={d.toelichting} onChange={(v) => set({ toelichting: v })} errors={errors} rows={3} />
      </>
    ),
    submit: 'Uitkomst vastleggen',
    done: 'De uitkomst van het onderzoek is vastgelegd.',
    labels: { uitkomsten: 'Uitkomsten', toelichting: 'Toelichting' },
  },
  veiligheidsvoorwaarden: {
    schema: veiligheidsvoorwaardenInputSchema,
    initial: () => ({ voorwaarden: [''] }),
    toInput: (d) => ({ voorwaarden: (d.voorwaarden as string[]).map((v) => v.trim()).filter(Boolean) }),
    Fields: ({ d, set, errors, p }) => (
      <fieldset className="field fieldset">
        <legend className="legend">Nieuwe veiligheidsvoorwaarden</legend>
        {errors[p('voorwaarden')] && <p className="field-error">{errors[p('voorwaarden')]!.join(' ')}</p>}
        {(d.voorwaarden as string[]).map((v, i) => (
          <div className="field-row" key={i}>
            <TextField name={p(`voorwaarden[${i}]`)} label={`Voorwaarde ${i + 1}`} value={v} onChange={(x) => set({ voorwaarden: (d.voorwaarden as string[]).map((y, j) => (j === i ? x : y)) })} errors={errors} width="l" />
            {(d.voorwaarden as string[]).length > 1 && (
              <div className="field field--button">
                <button type="button" className="button button--link" onClick={() => set({ voorwaarden: (d.voorwaarden as string[]).filter((_, j) => j !== i) })}>
                  Verwijderen<span className="visually-hidden"> (voorwaarde {i + 1})</span>
                </button>
              </div>
            )}
          </div>
        ))}
        <button type="button" className="button button--secondary button--small" onClick={() => set({ voorwaarden: [...d.voorwaarden, ''] })}>
          Voorwaarde toevoegen
        </button>
      </fieldset>
    ),
    submit: 'Voorwaarden vastleggen',
    done: 'De veiligheidsvoorwaarden zijn vastgelegd.',
    labels: { voorwaarden: 'Voorwaarden' },
  },
  terugkoppeling: {
    schema: terugkoppelingInputSchema,
    initial: (m) => ({ moment: openMomenten(m)[0] ?? '', inhoud: '' }),
    toInput: (d) => ({ moment: d.moment, inhoud: d.inhoud }),
    Fields: ({ d, set, errors, melding, p }) => {
      // Only the moments that apply and are not recorded yet (domain rule terugkoppelingMomenten).
      const open = openMomenten(melding);
      return (
        <>
          {open.length > 1 ? (
            <RadioGroup
              name={p('moment')}
              label="Moment"
              inline
              value={d.moment}
              onChange={(v) => set({ moment: v })}
              errors={errors}
              options={open.map((m) => ({ value: m, label: TERUGKOPPELING_MOMENT_LABEL[m] }))}
            />
          ) : (
            <p className="field moment-vast" data-testid="terugkoppeling-moment">
              <span className="label">Moment</span> {open[0] ? TERUGKOPPELING_MOMENT_LABEL[open[0]] : 'Er is nu geen terugkoppeling vast te leggen.'}
            </p>
          )}
          <TextArea name={p('inhoud')} label="Wat is aan de melder teruggekoppeld?" hint="Welke vervolgstappen, welke partijen" value={d.inhoud} onChange={(v) => set({ inhoud: v })} errors={errors} rows={3} />
        </>
      );
    },
    submit: 'Terugkoppeling vastleggen',
    done: 'De terugkoppeling aan de melder is vastgelegd.',
    labels: { moment: 'Moment', inhoud: 'Inhoud' },
  },
  informeren: {
    schema: informerenInputSchema,
    initial: (m) => ({ persoonId: String(m.informering.find((i) => !i.geinformeerdOp)?.persoonId ?? ''), keuze: 'geinformeerd', wijze: '', weken: '2', reden: '' }),
    toInput: (d) => ({
      persoonId: Number(d.persoonId) || 0,
      ...(d.keuze === 'verlengen' ? { verlenging: { weken: Number(d.weken), reden: d.reden } } : { wijze: opt(d.wijze) }),
    }),
    Fields: ({ d, set, errors, melding, p }) => {
      const open = melding.informering.filter((i) => !i.geinformeerdOp);
      const naam = (id: number) => melding.betrokkenen.find((b) => b.persoonId === id)?.naam ?? `persoon ${id}`;
      return (
        <>
          <SelectField name={p('persoonId')} label="Betrokkene" value={d.persoonId} onChange={(v) => set({ persoonId: v })} errors={errors} options={open.map((i) => ({ value: String(i.persoonId), label: naam(i.persoonId) }))} />
          <RadioGroup
            name={p('keuze')}
            label="Wat wilt u vastleggen?"
            value={d.keuze}
            onChange={(v) => set({ keuze: v })}
            options={[
              { value: 'geinformeerd', label: 'De betrokkene is geïnformeerd' },
              { value: 'verlengen', label: 'De termijn verlengen (maximaal 2 weken per keer, met reden)' },
            ]}
          />
          {d.keuze === 'verlengen' ? (
            <div className="subfields">
              <RadioGroup
                name={p('verlenging.weken')}
                label="Verlenging"
                inline
                value={d.weken}
                onChange={(v) => set({ weken: v })}
                errors={errors}
                options={[
                  { value: '1', label: '1 week' },
                  { value: '2', label: '2 weken' },
                ]}
              />
              <TextArea name={p('verlenging.reden')} label="Reden van de verlenging" value={d.reden} onChange={(v) => set({ reden: v })} errors={errors} rows={2} />
            </div>
          ) : (
            <TextField name={p('wijze')} label="Wijze van informeren" hint="Bijvoorbeeld telefonisch, huisbezoek, brief" value={d.wijze} onChange={(v) => set({ wijze: v })} errors={errors} width="l" />
          )}
        </>
      );
    },
    submit: 'Vastleggen',
    done: 'Het informeren van de betrokkene is vastgelegd.',
    labels: { persoonId: 'Betrokkene', wijze: 'Wijze', verlenging: 'Verlenging', 'verlenging.weken': 'Verlenging', 'verlenging.reden': 'Reden van de verlenging' },
  },
  rvdk_verzoek: {
    schema: rvdkInputSchema,
    initial: () => ({ motivering: '' }),
    toInput: (d) => ({ motivering: d.motivering }),
    Fields: ({ d, set, errors, p }) => <TextArea name={p('motivering')} label="Motivering van het verzoek" hint="Minstens 10 tekens" value={d.motivering} onChange={(v) => set({ motivering: v })} errors={errors} rows={4} />,
    submit: 'Verzoek vastleggen',
    done: 'Het verzoek aan de Raad voor de Kinderbescherming is vastgelegd.',
    labels: { motivering: 'Motivering' },
  },
  monitoringcontact: {
    schema: monitoringcontactInputSchema,
    initial: () => {
      const nu = amsterdamDatumTijd(new Date());
      return { datum: nu.datum, tijd: nu.tijd, bevindingen: '', hulpGestart: '', veilig: '' };
    },
    // With a bad time only the time field reports it (invoerFouten); the step is not sent then.
    toInput: (d) => ({ gedaanOp: (contactMoment(d) ?? contactMoment({ ...d, tijd: '12:00' }))?.toISOString(), bevindingen: d.bevindingen, hulpGestart: d.hulpGestart || undefined, veilig: d.veilig || undefined }),
    invoerFouten: (d, m) => {
      if (!parseDatumInvoer(d.datum ?? '')) return [{ field: 'gedaanOp', rule: 'datum', message: 'Geef de datum van het contact als dd-mm-jjjj' }];
      if (parseTijdInvoer(d.tijd ?? '') === null) return [{ field: 'gedaanTijd', rule: 'tijd', message: 'Geef de tijd als uu:mm (24 uur)' }];
      const moment = contactMoment(d)!;
      if (moment.getTime() > Date.now() + 5 * 60_000) return [{ field: 'gedaanOp', rule: 'niet_in_toekomst', message: 'Dit moment ligt in de toekomst' }];
      if (m.overdracht?.overgedragenOp && moment < new Date(m.overdracht.overgedragenOp)) {
        return [{ field: 'gedaanOp', rule: 'na_overdracht', message: `Het monitoringcontact kan niet vóór de overdracht liggen (${formatTijdstip(m.overdracht.overgedragenOp)})` }];
      }
      return [];
    },
    Fields: ({ d, set, errors, p, melding }) => {
      const klok = melding.clocks.find((k) => k.kind === 'monitoring' && !k.metAt);
      return (
        <>
          {klok && <p className="hint">Volgend monitoringcontact uiterlijk {formatDatum(klok.due)}; na dit contact loopt de termijn opnieuw.</p>}
          <div className="field-row">
            <TextField name={p('gedaanOp')} label="Datum van het contact" hint="dd-mm-jjjj" value={d.datum} onChange={(v) => set({ datum: v })} errors={errors} inputMode="numeric" width="s" maxLength={10} />
            <TextField name={p('gedaanTijd')} label="Tijd" hint="uu:mm" value={d.tijd} onChange={(v) => set({ tijd: v })} errors={errors} inputMode="numeric" width="xs" maxLength={5} />
          </div>
          <TextArea name={p('bevindingen')} label="Bevindingen" hint="Met wie is gesproken, wat is er gebeurd sinds de overdracht? Minstens 10 tekens." value={d.bevindingen} onChange={(v) => set({ bevindingen: v })} errors={errors} rows={4} />
          <div className="field-row">
            <RadioGroup name={p('hulpGestart')} label="Is de hulp gestart?" inline options={HULP_GESTART.map((v) => ({ value: v, label: HULP_GESTART_LABEL[v] }))} value={d.hulpGestart} onChange={(v) => set({ hulpGestart: v })} errors={errors} />
            <RadioGroup name={p('veilig')} label="Is de situatie veilig?" inline options={VEILIG.map((v) => ({ value: v, label: VEILIG_LABEL[v] }))} value={d.veilig} onChange={(v) => set({ veilig: v })} errors={errors} />
          </div>
          {d.veilig === 'nee' && (
            <Notice kind="warning">
              Niet veilig: na het vastleggen is een nieuwe veiligheidsbeoordeling nodig. Registreer een hermelding (Intake) zodat de veiligheidsbeoordeling opnieuw binnen 5 werkdagen plaatsvindt.
            </Notice>
          )}
        </>
      );
    },
    submit: 'Monitoringcontact vastleggen',
    done: 'Het monitoringcontact is vastgelegd; de monitoringtermijn loopt opnieuw.',
    labels: { gedaanOp: 'Datum van het contact', gedaanTijd: 'Tijd', bevindingen: 'Bevindingen', hulpGestart: 'Hulp gestart', veilig: 'Veilig' },
  },
};

/** The moment of a monitoringcontact from the form's date and time (Amsterdam), or null. */
function contactMoment(d: Draft): Date | null {
  const datum = parseDatumInvoer(d.datum ?? '');
  const tijd = parseTijdInvoer(d.tijd ?? '');
  return datum && tijd !== null ? amsterdamMoment(datum, tijd) : null;
}

function uitkomstHint(acute: string, structureel: string): string {
  if (acute === 'ja') return 'Bij acute onveiligheid is de uitkomst ‘(Vermoeden van) acute onveiligheid’.';
  if (acute === 'nee' && structureel === 'ja') return 'Structurele onveiligheid zonder acute onveiligheid: de uitkomst is ‘(Vermoeden van) structurele onveiligheid’.';
  if (acute === 'nee' && structureel === 'nee') return 'Geen acute of structurele onveiligheid: kies een van de andere uitkomsten.';
  return 'Beantwoord eerst de twee vragen; de uitkomst volgt daaruit.';
}

function openMomenten(m: Melding) {
  return terugkoppelingMomenten({
    beoordeeld: !!m.beoordeling,
    onderzoekUitkomstVastgelegd: m.dienst?.soort === 'onderzoek' && (m.dienst.onderzoekUitkomsten?.length ?? 0) > 0,
    gedaan: m.terugkoppelingen.map((t) => t.moment),
  });
}

/** Field errors keyed by the API's field names → keys with this form's prefix. */
function prefixErrors(errors: FieldErrors, prefix: string): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}.${k}`, v]));
}

type Problem =
  | { kind: 'niet_toegestaan'; message: string; allowed: string[]; stateLabel?: string }
  | { kind: 'error'; message: string };

export function ActionForm({ casus, melding, actie, onDone, onCancel, onReload }: { casus: Casus; melding: Melding; actie: Actie; onDone: (message: string) => void; onCancel: () => void; onReload: () => void }) {
  const app = useApp();
  const spec = SPECS[actie];
  const draftKey = `casus:${melding.id}:${actie}`;
  const [d, setD] = useDraft<Draft>(draftKey, () => spec.initial(melding));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [busy, setBusy] = useState(false);
  /** An irreversible step waits for Bevestigen: the input that was checked, and what it will do. */
  const [bevestigen, setBevestigen] = useState<Bevestiging | null>(null);
  const bevestigRef = useRef<HTMLElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const terugRef = useRef(false);
  useEffect(() => {
    if (bevestigen) bevestigRef.current?.focus();
    else if (terugRef.current) {
      terugRef.current = false;
      submitRef.current?.focus();
    }
  }, [bevestigen]);
  const prefix = `m${melding.id}-${actie}`;
  const p = (name: string) => `${prefix}.${name}`;

  /** Is this step still possible on the new version? Otherwise the input cannot be re-submitted. */
  const check = (c: Conflict): Conflict => {
    const m = c.fresh.meldingen.find((x) => x.id === melding.id);
    if (!m) return { ...c, blocked: `Melding ${melding.nummer} staat niet meer in deze casus; uw invoer kan niet worden ingediend.` };
    if (!m.acties.some((a) => a.actie === actie)) {
      const nu = m.acties.length ? m.acties.map((a) => a.label).join(', ') : 'geen stappen meer';
      return { ...c, blocked: `“${ACTIE_LABEL[actie]}” kan niet meer: melding ${m.nummer} heeft nu de status ${m.statusLabel} (nu mogelijk: ${nu}). Uw invoer kan niet op de nieuwe versie worden ingediend.` };
    }
    return { ...c, blocked: null };
  };

  /** Submit on `basis`: the casus as the user saw it, or after a conflict the fresh version. */
  const post = async (basis: Casus, bevestigd = false) => {
    setProblem(null);
    setAttempt((a) => a + 1);
    if (conflict) {
      const c = check(conflict);
      if (c.blocked) {
        setConflict(c);
        return;
      }
    }
    const body = { ...spec.toInput(d), versie: basis.versie };
    const r = spec.schema.safeParse(body);
    const errs: FieldErrors = r.success ? {} : fromZodIssues(r.error.issues);
    // The form's own fields first (their message is more precise than the schema's), then the
    // domain's consistency rules, as the server checks them (one message per field).
    for (const f of spec.invoerFouten?.(d, melding) ?? []) errs[f.field] = [f.message];
    for (const f of spec.regels?.(body, melding) ?? []) if (!errs[f.field]) errs[f.field] = [f.message];
    if (actie === 'veiligheidsbeoordeling' && d.vlagZetten && !String(d.vlagToelichting ?? '').trim()) errs.vlagToelichting = ['Licht de veiligheidsvlag toe'];
    if (!r.success || Object.keys(errs).length) {
      setBevestigen(null);
      setErrors(prefixErrors(errs, prefix));
      return;
    }
    setErrors({});
    // Irreversible: first show what will happen, and send only after Bevestigen.
    if (spec.bevestiging && !bevestigd && !conflict) {
      setBevestigen(spec.bevestiging(r.data as Record<string, any>, melding, basis, app));
      return;
    }
    setBusy(true);
    try {
      const res = await api.post<{ versie: number }>(`/api/meldingen/${melding.id}/${ACTIE_PATH[actie]}`, r.data);
      dropDraft(draftKey);
      setBevestigen(null);
      onDone(spec.done + (await vlagNaBeoordeling(res.versie, basis)));
    } catch (err) {
      setBevestigen(null);
      if (!(err instanceof ApiError)) setProblem({ kind: 'error', message: String(err) });
      else if (err.status === 400 && err.body.fields) {
        setErrors(prefixErrors(fromServerFields(err.body.fields), prefix));
        setAttempt((a) => a + 1);
      } else if (err.code === 'versie_conflict') {
        try {
          setConflict(check(await loadConflict(basis, app)));
        } catch (e) {
          setProblem({ kind: 'error', message: `${err.message} De casus opnieuw ophalen lukte niet: ${e instanceof Error ? e.message : String(e)}` });
        }
      } else if (err.code === 'niet_toegestaan') setProblem({ kind: 'niet_toegestaan', message: err.message, allowed: err.body.allowedActions ?? [], stateLabel: err.body.currentStateLabel });
      else setProblem({ kind: 'error', message: err.message });
    } finally {
      setBusy(false);
    }
  };

  /**
   * The beoordeling was stored; the user also asked for the flag 'Acuut gevaar' (offered on an acute
   * outcome, never forced). Set it on the version the beoordeling produced; say how it went.
   */
  const vlagNaBeoordeling = async (versie: number, basis: Casus): Promise<string> => {
    if (actie !== 'veiligheidsbeoordeling' || !d.vlagZetten) return '';
    const huidig = basis.veiligheidsvlag ?? { vlaggen: [], toelichting: null };
    if (huidig.vlaggen.includes('acuut_gevaar')) return '';
    const toelichting = [huidig.toelichting, String(d.vlagToelichting).trim()].filter(Boolean).join('\n');
    const body = veiligheidsvlagInputSchema.safeParse({ versie, vlaggen: [...huidig.vlaggen, 'acuut_gevaar'], toelichting });
    try {
      if (!body.success) throw new Error(body.error.issues.map((i) => i.message).join(' '));
      await api.post(`/api/casussen/${casus.id}/veiligheidsvlag`, body.data);
      return ' De veiligheidsvlag ‘Acuut gevaar’ is gezet.';
    } catch (e) {
      return ` Let op: de veiligheidsvlag is níet gezet (${e instanceof Error ? e.message : String(e)}); zet hem bovenaan de casus.`;
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void post(conflict?.fresh ?? casus);
  };

  const discard = () => {
    dropDraft(draftKey);
    onCancel();
    onReload();
  };

  const describe = (k: string) => {
    const rest = k.startsWith(`${prefix}.`) ? k.slice(prefix.length + 1) : k;
    return spec.labels[rest] ?? spec.labels[rest.replace(/\[\d+\].*$/, '')] ?? rest;
  };

  return (
    <form className="action-form" onSubmit={submit} noValidate aria-labelledby={`${prefix}-titel`} id={`${prefix}-form`}>
      <h4 id={`${prefix}-titel`} className="action-form__title">
        {ACTIE_LABEL[actie]}
      </h4>
      <ErrorSummary errors={errors} focusKey={attempt} describe={describe} />
      <div aria-live="assertive">
        {conflict && <ConflictPanel conflict={conflict} id={`${prefix}-conflict`} />}
        {problem?.kind === 'niet_toegestaan' && (
          <div className="notice notice--error" role="alert">
            <p>{problem.message}</p>
            <p>
              {problem.stateLabel ? `In de huidige status (${problem.stateLabel}) kan: ` : 'Nu mogelijk: '}
              {problem.allowed.length ? problem.allowed.map((a) => ACTIE_LABEL[a as Actie] ?? a).join(', ') : 'niets meer'}.
            </p>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setProblem(null);
                onReload();
              }}
            >
              Opnieuw laden
            </button>
          </div>
        )}
        {problem?.kind === 'error' && <Notice kind="error">{problem.message}</Notice>}
      </div>
      <fieldset className="action-form__fields" disabled={!!bevestigen}>
        <spec.Fields d={d} set={(patch) => setD((x) => ({ ...x, ...patch }))} errors={errors} melding={melding} casus={casus} app={app} p={p} />
      </fieldset>
      {bevestigen ? (
        <section className="bevestiging" aria-labelledby={`${prefix}-bevestig-titel`} tabIndex={-1} ref={bevestigRef} data-testid="bevestiging">
          <h5 id={`${prefix}-bevestig-titel`} className="bevestiging__titel">
            {bevestigen.titel}
          </h5>
          <ul className="bevestiging__regels">
            {bevestigen.regels.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
          {bevestigen.waarschuwing && <p className="bevestiging__waarschuwing">{bevestigen.waarschuwing}</p>}
          <div className="button-row">
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void post(casus, true)}>
              {busy ? 'Bezig…' : 'Bevestigen'}
            </button>
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => {
                terugRef.current = true;
                setBevestigen(null);
              }}
            >
              Terug
            </button>
          </div>
        </section>
      ) : conflict ? (
        <ConflictChoices busy={busy} blocked={!!conflict.blocked} describedBy={`${prefix}-conflict`} onResubmit={() => void post(conflict.fresh)} onDiscard={discard} />
      ) : (
        <div className="button-row">
          <button type="submit" ref={submitRef} className={`button${isTransitie(actie) ? ' button--primary' : ''}`} disabled={busy}>
            {busy ? 'Bezig…' : spec.submit}
          </button>
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              dropDraft(draftKey);
              onCancel();
            }}
          >
            Annuleren
          </button>
        </div>
      )}
    </form>
  );
}
