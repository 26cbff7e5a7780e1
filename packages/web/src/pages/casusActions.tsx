// The workflow actions on a melding, each an inline form. Every action posts the casus version
// it was based on; a version conflict shows what changed, keeps what the user typed and lets them
// re-submit it on the new version or throw it away. The state and rules of each action are in
// casusActionsModel.ts, its fields in casusActionsFields.tsx.
import { ACTIE_LABEL, actieUrl, isTransitie, veiligheidsvlagInputSchema, type Actie } from '@voordeur/domain';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { ConflictChoices, ConflictPanel, loadConflict, type Conflict } from '../components/Conflict.tsx';
import { ErrorSummary, Notice } from '../components/forms.tsx';
import { useApp } from '../context.ts';
import { dropDraft, useDraft } from '../drafts.ts';
import { fromServerFields, type FieldErrors } from '../fieldErrors.ts';
import type { Casus, Melding } from '../types.ts';
import { FIELDS } from './casusActionsFields.tsx';
import { controleer, MODELLEN, prefixErrors, type Bevestiging, type Draft } from './casusActionsModel.ts';

type Problem =
  | { kind: 'niet_toegestaan'; message: string; allowed: string[]; stateLabel?: string }
  | { kind: 'error'; message: string };

export function ActionForm({
  casus,
  melding,
  actie,
  onDone,
  onCancel,
  onReload,
}: {
  casus: Casus;
  melding: Melding;
  actie: Actie;
  onDone: (message: string) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const app = useApp();
  const spec = MODELLEN[actie];
  const Fields = FIELDS[actie];
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
    if (!m)
      return {
        ...c,
        blocked: `Melding ${melding.nummer} staat niet meer in deze casus; uw invoer kan niet worden ingediend.`,
      };
    if (!m.acties.some((a) => a.actie === actie)) {
      const nu = m.acties.length ? m.acties.map((a) => a.label).join(', ') : 'geen stappen meer';
      return {
        ...c,
        blocked: `“${ACTIE_LABEL[actie]}” kan niet meer: melding ${m.nummer} heeft nu de status ${m.statusLabel} (nu mogelijk: ${nu}). Uw invoer kan niet op de nieuwe versie worden ingediend.`,
      };
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
    const { data, errors: errs } = controleer(actie, d, melding, basis.versie);
    if (!data) {
      setBevestigen(null);
      setErrors(prefixErrors(errs, prefix));
      return;
    }
    setErrors({});
    // Irreversible: first show what will happen, and send only after Bevestigen.
    if (spec.bevestiging && !bevestigd && !conflict) {
      setBevestigen(spec.bevestiging(data, melding, basis, app.label));
      return;
    }
    setBusy(true);
    try {
      const res = await api.post<{ versie: number }>(actieUrl(melding.id, actie), data);
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
          setProblem({
            kind: 'error',
            message: `${err.message} De casus opnieuw ophalen lukte niet: ${e instanceof Error ? e.message : String(e)}`,
          });
        }
      } else if (err.code === 'niet_toegestaan')
        setProblem({
          kind: 'niet_toegestaan',
          message: err.message,
          allowed: err.body.allowedActions ?? [],
          stateLabel: err.body.currentStateLabel,
        });
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
    const body = veiligheidsvlagInputSchema.safeParse({
      versie,
      vlaggen: [...huidig.vlaggen, 'acuut_gevaar'],
      toelichting,
    });
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
    <form
      className="action-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${prefix}-titel`}
      id={`${prefix}-form`}
    >
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
              {problem.allowed.length
                ? problem.allowed.map((a) => ACTIE_LABEL[a as Actie] ?? a).join(', ')
                : 'niets meer'}
              .
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
        <Fields
          d={d}
          set={(patch) => setD((x) => ({ ...x, ...patch }))}
          errors={errors}
          melding={melding}
          casus={casus}
          app={app}
          p={p}
        />
      </fieldset>
      {bevestigen ? (
        <section
          className="bevestiging"
          aria-labelledby={`${prefix}-bevestig-titel`}
          tabIndex={-1}
          ref={bevestigRef}
          data-testid="bevestiging"
        >
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
            <button
              type="button"
              className="button button--primary"
              disabled={busy}
              onClick={() => void post(casus, true)}
            >
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
        <ConflictChoices
          busy={busy}
          blocked={!!conflict.blocked}
          describedBy={`${prefix}-conflict`}
          onResubmit={() => void post(conflict.fresh)}
          onDiscard={discard}
        />
      ) : (
        <div className="button-row">
          <button
            type="submit"
            ref={submitRef}
            className={`button${isTransitie(actie) ? ' button--primary' : ''}`}
            disabled={busy}
          >
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
