// Planned home visits on the casus page: the list (status, gezondheidscheck, every override with its
// reason and approver), planning a visit after the phone gezondheidscheck, and the approval by a
// teammanager or gedragswetenschapper. The rules are the domain's (contact.ts huisbezoekRegels); the
// server refuses what breaks them and this form shows its answer at the field.
import {
  amsterdamDatumTijd,
  amsterdamMoment,
  parseDatumInvoer,
  parseTijdInvoer,
  rollenMogen,
  type HuisbezoekItem,
} from '@voordeur/domain';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import {
  Checkbox,
  CheckboxGroup,
  ErrorSummary,
  Notice,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../components/forms.tsx';
import { useApp } from '../context.ts';
import { dropDraft, useDraft } from '../drafts.ts';
import { fromServerFields, type FieldErrors } from '../fieldErrors.ts';
import { formatTijdstip } from '../format.ts';
import type { Casus } from '../types.ts';

interface PlanDraft {
  datum: string;
  tijd: string;
  medewerkerIds: string[];
  politie: boolean;
  antwoorden: Record<string, string>;
  checkDatum: string;
  checkTijd: string;
  reden: string;
  toelichting: string;
}

const k = (n: string) => `huisbezoek.${n}`;

export function HuisbezoekenLijst({
  casus,
  bezoeken,
  canEdit,
  onChanged,
}: {
  casus: Casus;
  bezoeken: HuisbezoekItem[];
  canEdit: boolean;
  onChanged: () => void;
}) {
  const app = useApp();
  const protocol = casus.huisbezoekprotocol;
  const [open, setOpen] = useState(false);
  const magGoedkeuren = rollenMogen(app.user.rollen, 'huisbezoek_goedkeuring', 'update');
  return (
    <div className="huisbezoeken" data-testid="huisbezoeken">
      <h3>Huisbezoeken</h3>
      {protocol && (
        <p data-testid="huisbezoekprotocol-casus">
          Geldend protocol: <strong>{protocol.label}</strong>
          {protocol.protocol === 'nee_tenzij' &&
            ' — een huisbezoek vraagt een reden en goedkeuring van de teammanager of gedragswetenschapper (acute onveiligheid: vandaag, zonder te wachten).'}
        </p>
      )}
      {bezoeken.length === 0 && <p className="muted">Geen huisbezoeken gepland.</p>}
      <ul className="huisbezoek-lijst">
        {bezoeken.map((b) => (
          <HuisbezoekRegel key={b.id} casusId={casus.id} b={b} magGoedkeuren={magGoedkeuren} onChanged={onChanged} />
        ))}
      </ul>
      {canEdit && !open && (
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          Huisbezoek plannen
        </button>
      )}
      {canEdit && open && (
        <PlanForm
          casus={casus}
          nee={protocol?.protocol === 'nee_tenzij'}
          onCancel={() => setOpen(false)}
          onSaved={() => {
            setOpen(false);
            onChanged();
          }}
        />
      )}
    </div>
  );
}

function HuisbezoekRegel({
  casusId,
  b,
  magGoedkeuren,
  onChanged,
}: {
  casusId: number;
  b: HuisbezoekItem;
  magGoedkeuren: boolean;
  onChanged: () => void;
}) {
  const app = useApp();
  const [toelichting, setToelichting] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const besluit = async (besluit: 'goedgekeurd' | 'afgewezen') => {
    try {
      await api.post(`/api/casussen/${casusId}/huisbezoeken/goedkeuring`, { huisbezoekId: b.id, besluit, toelichting });
      onChanged();
    } catch (e) {
      if (e instanceof ApiError && e.body.fields)
        setErrors(
          Object.fromEntries(Object.entries(fromServerFields(e.body.fields)).map(([x, v]) => [`hb${b.id}.${x}`, v])),
        );
      else setErrors({ [`hb${b.id}.toelichting`]: [e instanceof Error ? e.message : String(e)] });
    }
  };
  const ja = Object.entries(b.gezondheidscheck.antwoorden)
    .filter(([, v]) => v)
    .map(([c]) => app.label('gezondheidscheck_vraag', c));
  return (
    <li className="huisbezoek" data-testid={`huisbezoek-${b.id}`}>
      <p>
        <strong>{formatTijdstip(b.gepland)}</strong> · <span className="tag">{b.statusLabel}</span> · met{' '}
        {b.medewerkers.map((m) => m.naam).join(', ')}
        {b.politie ? ', politie' : ''}
      </p>
      <p className="muted">
        Gezondheidscheck {formatTijdstip(b.gezondheidscheck.gedaanOp)}:{' '}
        {ja.length ? `ja op: ${ja.join('; ')}` : 'geen klachten'}
      </p>
      {b.overrides.map((o) => (
        <p key={o.regel} className="notice notice--warning">
          Afwijking: {o.label}
          {b.reden ? ` · reden: ${app.label('huisbezoek_reden', b.reden)}` : ''}
          {b.beslotenDoor ? ` · ${b.status === 'afgewezen' ? 'afgewezen' : 'goedgekeurd'} door ${b.beslotenDoor}` : ''}
        </p>
      ))}
      {b.status === 'wacht_op_goedkeuring' && magGoedkeuren && (
        <div className="huisbezoek__besluit">
          <ErrorSummary errors={errors} />
          <TextArea
            name={`hb${b.id}.toelichting`}
            label="Toelichting bij het besluit"
            value={toelichting}
            onChange={setToelichting}
            errors={errors}
            rows={2}
          />
          <div className="button-row">
            <button type="button" className="button" onClick={() => void besluit('goedgekeurd')}>
              Goedkeuren
            </button>
            <button type="button" className="button button--secondary" onClick={() => void besluit('afgewezen')}>
              Afwijzen
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

function PlanForm({
  casus,
  nee,
  onCancel,
  onSaved,
}: {
  casus: Casus;
  nee: boolean;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const app = useApp();
  const key = `casus:${casus.id}:huisbezoek`;
  const [d, setD] = useDraft<PlanDraft>(key, () => {
    const nu = amsterdamDatumTijd(new Date());
    return {
      datum: nu.datum,
      tijd: '',
      medewerkerIds: [String(app.user.id)],
      politie: false,
      antwoorden: {},
      checkDatum: nu.datum,
      checkTijd: nu.tijd,
      reden: '',
      toelichting: '',
    };
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [alternatieven, setAlternatieven] = useState<string[] | null>(null);
  const set = (x: Partial<PlanDraft>) => setD((o) => ({ ...o, ...x }));
  const vragen = app.items('gezondheidscheck_vraag');
  const collegas = app.ref.medewerkers.filter((m) => m.teamId === casus.team.id || m.id === app.user.id);
  const moment = (datum: string, tijd: string) => {
    const dd = parseDatumInvoer(datum);
    const t = parseTijdInvoer(tijd);
    return dd && t !== null ? amsterdamMoment(dd, t).toISOString() : undefined;
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAttempt((a) => a + 1);
    setAlternatieven(null);
    const body = {
      gepland: moment(d.datum, d.tijd),
      medewerkerIds: d.medewerkerIds.map(Number),
      politie: d.politie,
      gezondheidscheck: {
        gedaanOp: moment(d.checkDatum, d.checkTijd),
        antwoorden: Object.fromEntries(
          Object.entries(d.antwoorden)
            .filter(([, v]) => v)
            .map(([c, v]) => [c, v === 'ja']),
        ),
      },
      reden: d.reden || null,
      toelichting: d.toelichting.trim() || null,
    };
    try {
      await api.post(`/api/casussen/${casus.id}/huisbezoeken`, body);
      dropDraft(key);
      setErrors({});
      onSaved();
    } catch (err) {
      if (err instanceof ApiError && err.body.fields) {
        setErrors(Object.fromEntries(Object.entries(fromServerFields(err.body.fields)).map(([x, v]) => [k(x), v])));
        const alt = (err.body as { alternatieven?: string[] }).alternatieven;
        if (alt) setAlternatieven(alt);
      } else setErrors({ [k('gepland')]: [err instanceof Error ? err.message : String(err)] });
    }
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="hb-form-titel" data-testid="huisbezoek-form">
      <h4 id="hb-form-titel">Huisbezoek plannen</h4>
      <p className="hint">
        Vraag eerst telefonisch naar gezondheidsklachten. Nooit alleen: een tweede medewerker of de politie gaat mee.
      </p>
      <ErrorSummary errors={errors} focusKey={attempt} />
      {alternatieven && (
        <Notice kind="warning">
          Geen huisbezoek bij een ziek gezinslid. Neem contact op via {alternatieven.join(' of ')} en leg dat vast in
          het contactjournaal.
        </Notice>
      )}
      <div className="field-row">
        <TextField
          name={k('gepland')}
          label="Datum bezoek"
          hint="dd-mm-jjjj"
          value={d.datum}
          onChange={(v) => set({ datum: v })}
          errors={errors}
          width="s"
        />
        <TextField
          name={k('tijd')}
          label="Tijd"
          hint="uu:mm"
          value={d.tijd}
          onChange={(v) => set({ tijd: v })}
          errors={errors}
          width="xs"
        />
      </div>
      <CheckboxGroup
        name={k('medewerkerIds')}
        label="Wie gaan er"
        values={d.medewerkerIds}
        onChange={(v) => set({ medewerkerIds: v })}
        options={collegas.map((m) => ({ value: String(m.id), label: m.naam }))}
        errors={errors}
        columns
      />
      <Checkbox
        name={k('politie')}
        label="De politie gaat mee"
        checked={d.politie}
        onChange={(v) => set({ politie: v })}
      />
      <fieldset className="fieldset">
        <legend className="legend">Gezondheidscheck per telefoon</legend>
        <div className="field-row">
          <TextField
            name={k('gezondheidscheck.gedaanOp')}
            label="Nagevraagd op"
            hint="dd-mm-jjjj"
            value={d.checkDatum}
            onChange={(v) => set({ checkDatum: v })}
            errors={errors}
            width="s"
          />
          <TextField
            name={k('checkTijd')}
            label="Tijd"
            hint="uu:mm"
            value={d.checkTijd}
            onChange={(v) => set({ checkTijd: v })}
            errors={errors}
            width="xs"
          />
        </div>
        {vragen.map((v) => (
          <RadioGroup
            key={v.code}
            name={k(`gezondheidscheck.antwoorden.${v.code}`)}
            label={v.label}
            value={d.antwoorden[v.code] ?? ''}
            onChange={(x) => set({ antwoorden: { ...d.antwoorden, [v.code]: x } })}
            options={[
              { value: 'ja', label: 'Ja' },
              { value: 'nee', label: 'Nee' },
            ]}
            errors={errors}
            inline
          />
        ))}
        <ErrorTextFor errors={errors} name={k('gezondheidscheck.antwoorden')} />
      </fieldset>
      <SelectField
        name={k('reden')}
        label={nee ? 'Reden (nodig onder "nee, tenzij")' : 'Reden (optioneel)'}
        value={d.reden}
        onChange={(v) => set({ reden: v })}
        options={app.options('huisbezoek_reden')}
        placeholder="Geen"
        errors={errors}
      />
      <TextArea
        name={k('toelichting')}
        label="Toelichting"
        value={d.toelichting}
        onChange={(v) => set({ toelichting: v })}
        errors={errors}
        rows={2}
      />
      <div className="button-row">
        <button type="submit" className="button">
          Huisbezoek plannen
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Sluiten
        </button>
      </div>
    </form>
  );
}

function ErrorTextFor({ errors, name }: { errors: FieldErrors; name: string }) {
  const msgs = errors[name] ?? [];
  return msgs.length ? (
    <p className="field-error" id={`${name.replace(/[^A-Za-z0-9_-]/g, '-')}-error`}>
      {msgs.join(' ')}
    </p>
  ) : null;
}
