// The workflow actions on a melding, each an inline form. Every action posts the casus version
// it was based on; a version conflict shows what changed, keeps what the user typed and lets them
// re-submit it on the new version or throw it away.
import {
  ACTIE_LABEL,
  afsluitenInputSchema,
  beoordelingInputSchema,
  BRON_LABEL,
  BRONNEN,
  dienstStartInputSchema,
  informerenInputSchema,
  isTransitie,
  onderzoekUitkomstInputSchema,
  overdrachtInputSchema,
  rvdkInputSchema,
  terugkoppelingInputSchema,
  veiligheidsvoorwaardenInputSchema,
  type Actie,
} from '@voordeur/domain';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import { api, ApiError } from '../api.ts';
import { ConflictChoices, ConflictPanel, loadConflict, type Conflict } from '../components/Conflict.tsx';
import { CheckboxGroup, ErrorSummary, Notice, RadioGroup, SelectField, TextArea, TextField, type Option } from '../components/forms.tsx';
import { useApp, type AppState } from '../context.ts';
import { dropDraft, useDraft } from '../drafts.ts';
import { errorsFor, fromServerFields, fromZodIssues, type FieldErrors } from '../fieldErrors.ts';
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
};

type Draft = Record<string, any>;

interface FieldsProps {
  d: Draft;
  set: (patch: Draft) => void;
  errors: FieldErrors;
  melding: Melding;
  app: AppState;
  /** Unique prefix for ids within the page (several meldingen can have the same form open). */
  p: (name: string) => string;
}

interface Spec {
  schema: z.ZodType;
  initial: (m: Melding) => Draft;
  toInput: (d: Draft) => Record<string, unknown>;
  Fields: (props: FieldsProps) => ReactNode;
  submit: string;
  done: string;
  labels: Record<string, string>;
}

const JA_NEE: Option[] = [
  { value: 'ja', label: 'Ja' },
  { value: 'nee', label: 'Nee' },
];
const bool = (v: string) => (v === 'ja' ? true : v === 'nee' ? false : undefined);
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
    initial: () => ({ acuteOnveiligheid: '', structureleOnveiligheid: '', uitkomst: '', motivering: '', bronnen: ['eigen_registratie'], getoetstDoor: '' }),
    toInput: (d) => ({
      acuteOnveiligheid: bool(d.acuteOnveiligheid),
      structureleOnveiligheid: bool(d.structureleOnveiligheid),
      uitkomst: d.uitkomst,
      motivering: d.motivering,
      bronnen: d.bronnen,
      getoetstDoor: Number(d.getoetstDoor) || 0,
    }),
    Fields: ({ d, set, errors, app, p }) => (
      <>
        <div className="field-row">
          <RadioGroup name={p('acuteOnveiligheid')} label="Is er sprake van acute onveiligheid?" inline options={JA_NEE} value={d.acuteOnveiligheid} onChange={(v) => set({ acuteOnveiligheid: v })} errors={errors} />
          <RadioGroup name={p('structureleOnveiligheid')} label="Is er sprake van structurele onveiligheid?" inline options={JA_NEE} value={d.structureleOnveiligheid} onChange={(v) => set({ structureleOnveiligheid: v })} errors={errors} />
        </div>
        <SelectField name={p('uitkomst')} label="Uitkomst van de beoordeling" value={d.uitkomst} onChange={(v) => set({ uitkomst: v })} errors={errors} options={app.options('beoordeling_uitkomst')} />
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
    ),
    submit: 'Veiligheidsbeoordeling vastleggen',
    done: 'De veiligheidsbeoordeling is vastgelegd.',
    labels: { acuteOnveiligheid: 'Acute onveiligheid', structureleOnveiligheid: 'Structurele onveiligheid', uitkomst: 'Uitkomst', motivering: 'Motivering', bronnen: 'Bronnen', getoetstDoor: 'Getoetst door' },
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
    submit: 'Overdragen',
    done: 'De melding is overgedragen; Veilig Thuis monitort.',
    labels: { ontvangerType: 'Soort ontvanger', ontvangerNaam: 'Naam ontvanger', reedsBekend: 'Al bekend', warm: 'Warme overdracht', monitoringAfspraken: 'Monitoringafspraken' },
  },
  afsluiten: {
    schema: afsluitenInputSchema,
    initial: () => ({ reden: '', toelichting: '' }),
    toInput: (d) => ({ reden: d.reden, toelichting: opt(d.toelichting) }),
    Fields: ({ d, set, errors, app, p }) => (
      <>
        <SelectField name={p('reden')} label="Reden van afsluiten" value={d.reden} onChange={(v) => set({ reden: v })} errors={errors} options={app.options('afsluitreden')} />
        <TextArea name={p('toelichting')} label="Toelichting" value={d.toelichting} onChange={(v) => set({ toelichting: v })} errors={errors} rows={3} />
      </>
    ),
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
    initial: (m) => {
      const done = new Set(m.terugkoppelingen.map((t) => t.moment));
      const onderzoekKlaar = m.dienst?.soort === 'onderzoek' && (m.dienst.onderzoekUitkomsten?.length ?? 0) > 0;
      return { moment: !done.has('na_beoordeling') || !onderzoekKlaar ? 'na_beoordeling' : 'na_onderzoek', inhoud: '' };
    },
    toInput: (d) => ({ moment: d.moment, inhoud: d.inhoud }),
    Fields: ({ d, set, errors, melding, p }) => {
      const done = new Set(melding.terugkoppelingen.map((t) => t.moment));
      return (
        <>
          <RadioGroup
            name={p('moment')}
            label="Moment"
            inline
            value={d.moment}
            onChange={(v) => set({ moment: v })}
            errors={errors}
            options={[
              { value: 'na_beoordeling', label: `Na de veiligheidsbeoordeling${done.has('na_beoordeling') ? ' (al gedaan)' : ''}` },
              { value: 'na_onderzoek', label: `Na het onderzoek${done.has('na_onderzoek') ? ' (al gedaan)' : ''}` },
            ]}
          />
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
};

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
  const post = async (basis: Casus) => {
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
    if (!r.success) {
      setErrors(prefixErrors(fromZodIssues(r.error.issues), prefix));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await api.post(`/api/meldingen/${melding.id}/${ACTIE_PATH[actie]}`, r.data);
      dropDraft(draftKey);
      onDone(spec.done);
    } catch (err) {
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
      <spec.Fields d={d} set={(patch) => setD((x) => ({ ...x, ...patch }))} errors={errors} melding={melding} app={app} p={p} />
      {conflict ? (
        <ConflictChoices busy={busy} blocked={!!conflict.blocked} describedBy={`${prefix}-conflict`} onResubmit={() => void post(conflict.fresh)} onDiscard={discard} />
      ) : (
        <div className="button-row">
          <button type="submit" className={`button${isTransitie(actie) ? ' button--primary' : ''}`} disabled={busy}>
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
