// The safety flag of a household (acute danger, weapon, threat to staff …): a banner on the casus
// page with a form to set or clear it, and a compact marker in lists (werkvoorraad, search). Always
// icon + text + colour, never colour alone.
import { veiligheidsvlagInputSchema } from '@voordeur/domain';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError } from '../api.ts';
import { useApp } from '../context.ts';
import { dropDraft, useDraft } from '../drafts.ts';
import { fromServerFields, fromZodIssues, type FieldErrors } from '../fieldErrors.ts';
import type { Casus, Veiligheidsvlag } from '../types.ts';
import { ConflictChoices, ConflictPanel, loadConflict, type Conflict } from './Conflict.tsx';
import { CheckboxGroup, ErrorSummary, Notice, TextArea } from './forms.tsx';

export function VlagIcon({ className = 'vlag-icon' }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M12 2 1 21h22L12 2z" fill="currentColor" />
      <path d="M11 9h2v6h-2zM11 17h2v2h-2z" fill="#fff" />
    </svg>
  );
}

export const heeftVlag = (v: Veiligheidsvlag | null | undefined): v is Veiligheidsvlag => !!v && v.vlaggen.length > 0;

/** Compact marker for a row in a list; nothing when there is no flag. */
export function VlagMarker({ vlaggen }: { vlaggen: string[] | null | undefined }) {
  const app = useApp();
  if (!vlaggen?.length) return null;
  return (
    <span className="vlag-marker" data-testid="vlag-marker">
      <VlagIcon />
      <span>
        <strong>Veiligheidsvlag:</strong> {app.labels('veiligheidsvlag', vlaggen)}
      </span>
    </span>
  );
}

/** The banner at the top of the casus page. */
export function VlagBanner({ vlag, children }: { vlag: Veiligheidsvlag; children?: ReactNode }) {
  const app = useApp();
  return (
    <section className="vlag-banner" aria-labelledby="vlag-titel" data-testid="veiligheidsvlag">
      <div className="vlag-banner__head">
        <VlagIcon className="vlag-icon vlag-icon--large" />
        <h2 id="vlag-titel" className="vlag-banner__title">
          Veiligheidsvlag
        </h2>
      </div>
      <ul className="vlag-banner__list">
        {vlag.vlaggen.map((c) => (
          <li key={c}>{app.label('veiligheidsvlag', c)}</li>
        ))}
      </ul>
      {vlag.toelichting && <p className="vlag-banner__toelichting prewrap">{vlag.toelichting}</p>}
      {children}
    </section>
  );
}

interface VlagDraft {
  vlaggen: string[];
  toelichting: string;
}

type Intent = 'opslaan' | 'weghalen';

/** The flag on the casus page: banner (or 'no flag'), and for case workers a form to set or clear it. */
export function VeiligheidsvlagSectie({
  casus,
  canEdit,
  onChanged,
}: {
  casus: Casus;
  canEdit: boolean;
  onChanged: (message: string) => void;
}) {
  const app = useApp();
  const vlag = casus.veiligheidsvlag ?? { vlaggen: [], toelichting: null };
  const draftKey = `casus:${casus.id}:vlag`;
  const [open, setOpen] = useDraft<boolean>(`${draftKey}:open`, () => false);
  const [d, setD] = useDraft<VlagDraft>(draftKey, () => ({
    vlaggen: vlag.vlaggen,
    toelichting: vlag.toelichting ?? '',
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState<(Conflict & { intent: Intent }) | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const close = () => {
    dropDraft(draftKey);
    setOpen(false);
    setErrors({});
    setProblem(null);
    setConflict(null);
  };

  const post = async (intent: Intent, basis: Casus) => {
    setProblem(null);
    setAttempt((a) => a + 1);
    const body =
      intent === 'weghalen'
        ? { versie: basis.versie, vlaggen: [], toelichting: null }
        : { versie: basis.versie, vlaggen: d.vlaggen, toelichting: d.toelichting.trim() || null };
    const r = veiligheidsvlagInputSchema.safeParse(body);
    const errs: FieldErrors = r.success ? {} : fromZodIssues(r.error.issues, 'vlag');
    // As the server: a flag needs an explanation.
    if (intent === 'opslaan' && d.vlaggen.length && !d.toelichting.trim())
      errs['vlag.toelichting'] = ['Licht de veiligheidsvlag toe'];
    if (intent === 'opslaan' && !d.vlaggen.length)
      errs['vlag.vlaggen'] = ['Kies minstens één vlag, of haal de vlag weg'];
    setErrors(errs);
    if (!r.success || Object.keys(errs).length) return;
    setBusy(true);
    try {
      await api.post(`/api/casussen/${casus.id}/veiligheidsvlag`, r.data);
      close();
      setNotice(intent === 'weghalen' ? 'De veiligheidsvlag is weggehaald.' : 'De veiligheidsvlag is opgeslagen.');
      onChanged(intent === 'weghalen' ? 'De veiligheidsvlag is weggehaald.' : 'De veiligheidsvlag is opgeslagen.');
    } catch (err) {
      if (!(err instanceof ApiError)) setProblem(String(err));
      else if (err.status === 400 && err.body.fields) {
        setErrors(
          Object.fromEntries(Object.entries(fromServerFields(err.body.fields)).map(([k, v]) => [`vlag.${k}`, v])),
        );
        setAttempt((a) => a + 1);
      } else if (err.code === 'versie_conflict') {
        try {
          setConflict({ ...(await loadConflict(basis, app)), intent });
        } catch (e) {
          setProblem(
            `${err.message} De casus opnieuw ophalen lukte niet: ${e instanceof Error ? e.message : String(e)}`,
          );
        }
      } else setProblem(err.message);
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void post('opslaan', conflict?.fresh ?? casus);
  };

  const toggle = (
    <button
      type="button"
      className="button button--secondary button--small"
      aria-expanded={open}
      aria-controls={open ? 'vlag-form' : undefined}
      onClick={() => {
        setNotice(null);
        if (open) close();
        else {
          // Start from the flag as it is now.
          setD({ vlaggen: vlag.vlaggen, toelichting: vlag.toelichting ?? '' });
          setOpen(true);
        }
      }}
    >
      {vlag.vlaggen.length ? 'Veiligheidsvlag wijzigen' : 'Veiligheidsvlag zetten'}
    </button>
  );

  return (
    <div className="vlag-sectie">
      {heeftVlag(vlag) ? (
        <VlagBanner vlag={vlag}>{canEdit && <div className="vlag-banner__actions">{toggle}</div>}</VlagBanner>
      ) : (
        <div className="vlag-geen">
          <p className="vlag-geen__text" data-testid="geen-veiligheidsvlag">
            Geen veiligheidsvlag op dit huishouden.
          </p>
          {canEdit && toggle}
        </div>
      )}
      <div aria-live="polite">
        {notice && (
          <div className="notice notice--success" role="status" tabIndex={-1} ref={noticeRef}>
            {notice}
          </div>
        )}
      </div>
      {open && canEdit && (
        <form
          id="vlag-form"
          className="action-form vlag-form"
          onSubmit={submit}
          noValidate
          aria-labelledby="vlag-form-titel"
        >
          <h2 id="vlag-form-titel" className="action-form__title">
            Veiligheidsvlag {vlag.vlaggen.length ? 'wijzigen' : 'zetten'}
          </h2>
          <p className="hint">
            De vlag is zichtbaar op elke pagina over dit huishouden: voor iedereen die een huisbezoek voorbereidt of de
            casus oppakt.
          </p>
          <ErrorSummary
            errors={errors}
            focusKey={attempt}
            describe={(k) => (k.startsWith('vlag.toelichting') ? 'Toelichting' : 'Vlaggen')}
          />
          {conflict && <ConflictPanel conflict={conflict} id="vlag-conflict" />}
          {problem && <Notice kind="error">{problem}</Notice>}
          <CheckboxGroup
            name="vlag.vlaggen"
            label="Vlaggen"
            hint="Kies wat voor dit huishouden geldt"
            values={d.vlaggen}
            onChange={(v) => setD((x) => ({ ...x, vlaggen: v }))}
            errors={errors}
            options={app.options('veiligheidsvlag')}
          />
          <TextArea
            name="vlag.toelichting"
            label="Toelichting"
            hint="Wat is er bekend, en wat betekent dat voor een huisbezoek? Verplicht bij een vlag."
            value={d.toelichting}
            onChange={(v) => setD((x) => ({ ...x, toelichting: v }))}
            errors={errors}
            rows={3}
          />
          {conflict ? (
            <ConflictChoices
              busy={busy}
              blocked={!!conflict.blocked}
              describedBy="vlag-conflict"
              onResubmit={() => void post(conflict.intent, conflict.fresh)}
              onDiscard={() => {
                close();
                onChanged('');
              }}
            />
          ) : (
            <div className="button-row button-row--wrap">
              <button type="submit" className="button" disabled={busy}>
                {busy ? 'Bezig…' : 'Vlag opslaan'}
              </button>
              {vlag.vlaggen.length > 0 && (
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy}
                  onClick={() => void post('weghalen', casus)}
                >
                  Vlag weghalen
                </button>
              )}
              <button type="button" className="button button--link" onClick={close}>
                Annuleren
              </button>
            </div>
          )}
        </form>
      )}
    </div>
  );
}
