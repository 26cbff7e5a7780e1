// Adviesvraag: advice to a caller who acts themselves; no identifying data of the persons
// involved. A list of recent adviesvragen, each convertible into a melding.
import { adviesvraagIdentificatieFouten, adviesvraagInputSchema, toLocalDate } from '@voordeur/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import {
  Checkbox,
  CheckboxGroup,
  ErrorSummary,
  Notice,
  RadioGroup,
  SelectField,
  TextArea,
} from '../components/forms.tsx';
import '../styles/intake.css';
import { useApp } from '../context.ts';
import { dropDraft, useDraft } from '../drafts.ts';
import { fieldId, fromServerFields, fromZodIssues, type FieldErrors } from '../fieldErrors.ts';
import { formatTijdstip } from '../format.ts';
import { navigate } from '../router.tsx';
import type { Adviesvraag } from '../types.ts';
import { useApi } from '../useApi.ts';

interface AdviesForm {
  hoedanigheid: string;
  aanleiding: string[];
  aard: string[];
  signalen: string[];
  regio: 'eigen' | 'andere' | 'onbekend';
  gemeenteCode: string;
  vraag: string;
  advies: string;
  afsluiten: boolean;
}

const EMPTY: AdviesForm = {
  hoedanigheid: '',
  aanleiding: [],
  aard: [],
  signalen: [],
  regio: 'eigen',
  gemeenteCode: '',
  vraag: '',
  advies: '',
  afsluiten: true,
};

const LABELS: Record<string, string> = {
  hoedanigheid: 'Hoedanigheid adviesvrager',
  aanleiding: 'Aanleiding',
  aard: 'Aard',
  signalen: 'Signalen',
  regio: 'Regio',
  gemeenteCode: 'Gemeente',
  vraag: 'Vraag van de adviesvrager',
  advies: 'Advies',
};

export function AdviesvraagPage() {
  const app = useApp();
  const [form, setForm] = useDraft<AdviesForm>('adviesvraag', () => EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const lijst = useApi<{ adviesvragen: Adviesvraag[] }>('/api/adviesvragen');
  const set =
    <K extends keyof AdviesForm>(k: K) =>
    (v: AdviesForm[K]) =>
      setForm((f) => ({ ...f, [k]: v }));
  const opts = app.options;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMessage(null);
    setAttempt((a) => a + 1);
    const input = { ...form, gemeenteCode: form.regio === 'eigen' && form.gemeenteCode ? form.gemeenteCode : null };
    const r = adviesvraagInputSchema.safeParse(input);
    // No BSN, postcode + huisnummer or date of birth in the free text (the server refuses them too).
    const identificerend = fromServerFields(adviesvraagIdentificatieFouten(input, toLocalDate(new Date())));
    if (!r.success || Object.keys(identificerend).length) {
      const errs = r.success ? {} : fromZodIssues(r.error.issues);
      for (const [k, v] of Object.entries(identificerend)) errs[k] = [...(errs[k] ?? []), ...v];
      setErrors(errs);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const a = await api.post<{ id: number; nummer: string }>('/api/adviesvragen', r.data);
      dropDraft('adviesvraag');
      setForm(EMPTY);
      setMessage({ kind: 'success', text: `Adviesvraag ${a.nummer} is geregistreerd.` });
      lijst.reload();
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.body.fields) {
        setErrors(fromServerFields(err.body.fields));
        setAttempt((x) => x + 1);
      } else setMessage({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Adviesvraag registreren</h1>
      <p className="lead">
        Leg geen namen, adressen of andere gegevens vast waarmee de betrokkenen te herkennen zijn. Blijkt een melding
        nodig, zet de adviesvraag dan om.
      </p>
      <ErrorSummary errors={errors} focusKey={attempt} describe={(k) => LABELS[k.replace(/\[\d+\]$/, '')] ?? k} />
      <div aria-live="polite">{message && <Notice kind={message.kind}>{message.text}</Notice>}</div>
      <div className="two-column">
        <form onSubmit={submit} noValidate className="form" aria-label="Adviesvraag registreren">
          <SelectField
            name="hoedanigheid"
            label="Hoedanigheid adviesvrager"
            value={form.hoedanigheid}
            onChange={set('hoedanigheid')}
            errors={errors}
            options={app.hoedanigheidOptions()}
          />
          <div className="field-row">
            <RadioGroup
              name="regio"
              label="Regio"
              inline
              value={form.regio}
              onChange={(v) => set('regio')(v as AdviesForm['regio'])}
              errors={errors}
              options={[
                { value: 'eigen', label: 'Eigen regio' },
                { value: 'andere', label: 'Andere regio' },
                { value: 'onbekend', label: 'Onbekend' },
              ]}
            />
            {form.regio === 'eigen' && (
              <SelectField
                name="gemeenteCode"
                label="Gemeente"
                value={form.gemeenteCode}
                onChange={set('gemeenteCode')}
                errors={errors}
                options={app.gemeenteOptions()}
              />
            )}
          </div>
          <CheckboxGroup
            name="aanleiding"
            label="Aanleiding"
            columns
            values={form.aanleiding}
            onChange={set('aanleiding')}
            errors={errors}
            options={opts('aanleiding')}
          />
          <CheckboxGroup
            name="aard"
            label="Aard van het geweld"
            hint="Voor zover bekend"
            columns
            values={form.aard}
            onChange={set('aard')}
            errors={errors}
            options={opts('aard')}
          />
          {app.items('signaal').length > 0 && (
            <CheckboxGroup
              name="signalen"
              label="Signalen"
              hint="Wat speelt er nog mee? Voor zover bekend"
              columns
              values={form.signalen}
              onChange={set('signalen')}
              errors={errors}
              options={opts('signaal')}
            />
          )}
          <TextArea
            name="vraag"
            label="Vraag van de adviesvrager"
            hint="Zonder gegevens waarmee betrokkenen te herkennen zijn"
            value={form.vraag}
            onChange={set('vraag')}
            errors={errors}
            rows={4}
          />
          <TextArea
            name="advies"
            label="Gegeven advies"
            value={form.advies}
            onChange={set('advies')}
            errors={errors}
            rows={4}
          />
          <Checkbox
            name="afsluiten"
            label="Adviesvraag afsluiten"
            hint="Niet afsluiten als de adviesvrager terugbelt of nog iets wordt uitgezocht."
            checked={form.afsluiten}
            onChange={set('afsluiten')}
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Bezig…' : 'Adviesvraag registreren'}
          </button>
        </form>

        <section aria-labelledby="recente-adviesvragen" className="section">
          <h2 id="recente-adviesvragen">Recente adviesvragen</h2>
          {lijst.error && <Notice kind="error">{lijst.error.message}</Notice>}
          {!lijst.data && !lijst.error && <p>Laden…</p>}
          {lijst.data && lijst.data.adviesvragen.length === 0 && <p className="muted">Nog geen adviesvragen.</p>}
          <ul className="card-list" data-testid="adviesvragen">
            {lijst.data?.adviesvragen.map((a) => (
              <li key={a.id} className="card card--compact">
                <div className="card__header">
                  <h3 className="card__title">{a.nummer}</h3>
                  <span className="muted">{formatTijdstip(a.ontvangenOp)}</span>
                  <span className={`tag${a.omgezetInMeldingId ? ' tag--done' : a.afgeslotenOp ? '' : ' tag--open'}`}>
                    {a.omgezetInMeldingId ? 'Omgezet in melding' : a.afgeslotenOp ? 'Afgesloten' : 'Open'}
                  </span>
                </div>
                <dl className="dl dl--compact">
                  <dt>Adviesvrager</dt>
                  <dd>{app.label('hoedanigheid', a.hoedanigheid)}</dd>
                  <dt>Aanleiding</dt>
                  <dd>{app.labels('aanleiding', a.aanleiding)}</dd>
                  {a.signalen && a.signalen.length > 0 && (
                    <>
                      <dt>Signalen</dt>
                      <dd>{app.labels('signaal', a.signalen)}</dd>
                    </>
                  )}
                  {a.gemeenteCode && (
                    <>
                      <dt>Gemeente</dt>
                      <dd>{app.gemeenteNaam(a.gemeenteCode)}</dd>
                    </>
                  )}
                  <dt>Vraag</dt>
                  <dd>{a.vraag}</dd>
                </dl>
                {!a.omgezetInMeldingId && (
                  <Acties
                    a={a}
                    onKlaar={(nummer) => {
                      setMessage({ kind: 'success', text: `Adviesvraag ${nummer} is afgesloten.` });
                      lijst.reload();
                    }}
                  />
                )}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}

/** Convert into a melding, or (while open) close with the final advice after calling back. */
function Acties({ a, onKlaar }: { a: Adviesvraag; onKlaar: (nummer: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => navigate(`/meldingen/nieuw?adviesvraag=${a.id}`)}
          aria-label={`Adviesvraag ${a.nummer} omzetten in melding`}
        >
          Omzetten in melding
        </button>
        {!a.afgeslotenOp && !open && (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => setOpen(true)}
            aria-label={`Adviesvraag ${a.nummer} afsluiten`}
          >
            Afsluiten
          </button>
        )}
      </div>
      {!a.afgeslotenOp && open && <Afsluiten a={a} onKlaar={onKlaar} onAnnuleren={() => setOpen(false)} />}
    </>
  );
}

/** Close an open adviesvraag with the final advice (after calling back). */
function Afsluiten({
  a,
  onKlaar,
  onAnnuleren,
}: {
  a: Adviesvraag;
  onKlaar: (nummer: string) => void;
  onAnnuleren: () => void;
}) {
  const [advies, setAdvies] = useState(a.advies);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [fout, setFout] = useState<string | null>(null);
  // Keyboard users land in the advice they are about to finalise.
  useEffect(() => {
    document.getElementById(fieldId(`advies-${a.id}`))?.focus();
  }, [a.id]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFout(null);
    const local = fromServerFields(adviesvraagIdentificatieFouten({ advies }, toLocalDate(new Date()), ['advies']));
    if (advies.trim().length < 5) local.advies = [...(local.advies ?? []), 'Minimaal 5 tekens'];
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      await api.post(`/api/adviesvragen/${a.id}/afsluiten`, { advies: advies.trim() });
      onKlaar(a.nummer);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.body.fields)
        setErrors(fromServerFields(err.body.fields));
      else setFout(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      className="form adviesvraag-afsluiten"
      aria-label={`Adviesvraag ${a.nummer} afsluiten`}
    >
      {fout && <Notice kind="error">{fout}</Notice>}
      <TextArea
        name={`advies-${a.id}`}
        label="Gegeven advies (definitief)"
        hint="Zonder gegevens waarmee betrokkenen te herkennen zijn"
        value={advies}
        onChange={setAdvies}
        errors={{ [`advies-${a.id}`]: errors.advies ?? [] }}
        rows={3}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary button--small" disabled={busy}>
          {busy ? 'Bezig…' : 'Adviesvraag afsluiten'}
        </button>
        <button type="button" className="button button--link" onClick={onAnnuleren}>
          Annuleren
        </button>
      </div>
    </form>
  );
}
