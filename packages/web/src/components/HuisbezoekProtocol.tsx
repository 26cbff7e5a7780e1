// Changing the organisation's home-visit protocol ("ja, tenzij" / "nee, tenzij") with a reason and a
// start date, and its history (teammanager, functioneel beheerder; docs/contact.md). Collapsed until
// opened, so the page it sits on makes no extra call.
import {
  HUISBEZOEK_PROTOCOL_LABEL,
  HUISBEZOEK_PROTOCOLLEN,
  protocolInputSchema,
  type HuisbezoekProtocolAntwoord,
} from '@voordeur/domain';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { dropDraft, useDraft } from '../drafts.ts';
import { fromServerFields, fromZodIssues, type FieldErrors } from '../fieldErrors.ts';
import { datumVoorApi, formatDatum } from '../format.ts';
import { useApi } from '../useApi.ts';
import { ErrorSummary, Notice, RadioGroup, TextArea, TextField } from './forms.tsx';

export function HuisbezoekProtocolSectie() {
  const [open, setOpen] = useState(false);
  return (
    <details className="section" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Huisbezoekprotocol wijzigen en geschiedenis</summary>
      {open && <ProtocolBeheer />}
    </details>
  );
}

function ProtocolBeheer() {
  const p = useApi<HuisbezoekProtocolAntwoord>('/api/huisbezoekprotocol');
  const key = 'beheer:huisbezoekprotocol';
  const [d, setD] = useDraft(key, () => ({ protocol: '', ingang: '', reden: '' }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAttempt((a) => a + 1);
    setMessage(null);
    const body = { protocol: d.protocol || undefined, ingang: datumVoorApi(d.ingang), reden: d.reden };
    const r = protocolInputSchema.safeParse(body);
    if (!r.success) {
      setErrors(prefix(fromZodIssues(r.error.issues)));
      return;
    }
    try {
      await api.post('/api/huisbezoekprotocol', r.data);
      dropDraft(key);
      setD({ protocol: '', ingang: '', reden: '' });
      setErrors({});
      setMessage(`Vastgelegd: ${HUISBEZOEK_PROTOCOL_LABEL[r.data.protocol]} vanaf ${formatDatum(r.data.ingang)}.`);
      p.reload();
    } catch (err) {
      if (err instanceof ApiError && err.body.fields) setErrors(prefix(fromServerFields(err.body.fields)));
      else setMessage(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <div data-testid="huisbezoekprotocol-beheer">
      {p.data && (
        <p>
          Nu: <strong>{p.data.label}</strong>
          {p.data.volgende
            ? ` · vanaf ${formatDatum(p.data.volgende.ingang)}: ${HUISBEZOEK_PROTOCOL_LABEL[p.data.volgende.protocol]}`
            : ''}
        </p>
      )}
      <div aria-live="polite">{message && <Notice kind="success">{message}</Notice>}</div>
      <form className="form" onSubmit={submit} noValidate aria-label="Huisbezoekprotocol wijzigen">
        <ErrorSummary errors={errors} focusKey={attempt} />
        <RadioGroup
          name="protocol.protocol"
          label="Protocol"
          value={d.protocol}
          onChange={(v) => setD({ ...d, protocol: v })}
          options={HUISBEZOEK_PROTOCOLLEN.map((x) => ({ value: x, label: HUISBEZOEK_PROTOCOL_LABEL[x] }))}
          errors={errors}
        />
        <TextField
          name="protocol.ingang"
          label="Ingangsdatum"
          hint="dd-mm-jjjj; vandaag of later"
          value={d.ingang}
          onChange={(v) => setD({ ...d, ingang: v })}
          errors={errors}
          width="s"
        />
        <TextArea
          name="protocol.reden"
          label="Reden"
          value={d.reden}
          onChange={(v) => setD({ ...d, reden: v })}
          errors={errors}
          rows={2}
        />
        <button type="submit" className="button">
          Protocol vastleggen
        </button>
      </form>
      {p.data && p.data.historie.length > 0 && (
        <table className="table table--compact">
          <caption>Geschiedenis van het huisbezoekprotocol</caption>
          <thead>
            <tr>
              <th scope="col">Vanaf</th>
              <th scope="col">Protocol</th>
              <th scope="col">Reden</th>
              <th scope="col">Door</th>
            </tr>
          </thead>
          <tbody>
            {p.data.historie.map((h) => (
              <tr key={h.id}>
                <td>{formatDatum(h.ingang)}</td>
                <td>{h.label}</td>
                <td>{h.reden}</td>
                <td>{h.door ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function prefix(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`protocol.${k}`, v]));
}
