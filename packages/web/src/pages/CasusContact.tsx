// The contact journal (contactjournaal) on the casus page: every contact with the household, the
// melder or a professional, newest first, with its corrections; and a keyboard-first form to record a
// contact (a draft is saved while typing; Ctrl+Enter saves the entry). Entries are never edited: a
// correction or addition is a new entry that refers to the old one. State and rules: CasusContactModel.ts.
import {
  CONTACT_SOORT_LABEL,
  CONTACT_SOORTEN,
  CORRECTIE_SOORT_LABEL,
  type ContactItem,
  type CorrectieSoort,
} from '@voordeur/domain';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import {
  Checkbox,
  CheckboxGroup,
  ErrorSummary,
  Notice,
  SelectField,
  TextArea,
  TextField,
} from '../components/forms.tsx';
import { useApp } from '../context.ts';
import { dropDraft, useDraft } from '../drafts.ts';
import { fromServerFields, type FieldErrors } from '../fieldErrors.ts';
import { formatTijdstip } from '../format.ts';
import type { Casus } from '../types.ts';
import { HuisbezoekenLijst } from './CasusHuisbezoek.tsx';
import {
  controleerContact,
  correctieVan,
  isOpslaanToets,
  leegContact,
  type ContactDraft,
} from './CasusContactModel.ts';

const P = 'contact';
const k = (name: string) => `${P}.${name}`;

export function ContactJournaal({
  casus,
  canEdit,
  onChanged,
}: {
  casus: Casus;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const [open, setOpen] = useDraft<boolean>(`casus:${casus.id}:contact:open`, () => false);
  const [message, setMessage] = useState<string | null>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  // The journal comes with the casus (one call for the casus page); after a change the casus reloads.
  const contacten = casus.contacten ?? [];
  const [form, setForm] = useDraft<ContactDraft | null>(`casus:${casus.id}:contact`, () => null);
  const app = useApp();
  const standaardMelding = [...casus.meldingen].reverse().find((m) => m.status !== 'afgesloten') ?? null;

  const start = (d: ContactDraft) => {
    setMessage(null);
    setForm(d);
    setOpen(true);
  };
  const sluit = () => {
    setOpen(false);
    openButton.current?.focus();
  };

  return (
    <section aria-labelledby="contact-titel" className="section contactjournaal" data-testid="contactjournaal">
      <h2 id="contact-titel">Contactjournaal ({contacten.length})</h2>
      <p className="hint">
        Elk contact met het huishouden, de melder of een professional. Een contact wordt nooit gewijzigd: een correctie
        of aanvulling is een nieuw contact dat naar het oude verwijst.
      </p>
      {(casus.alleenOpAfstand ?? []).map((a) => (
        <Notice kind="warning" key={a.meldingId}>
          <span data-testid={`alleen-op-afstand-${a.meldingNummer}`}>
            De veiligheidsbeoordeling van melding {a.meldingNummer} berust alleen op contact op afstand. Niet gezien:{' '}
            {a.nietGezien.join('; ')}. Plan een huisbezoek zodra het protocol dat toelaat.
          </span>
        </Notice>
      ))}
      <div aria-live="polite">{message && <Notice kind="success">{message}</Notice>}</div>
      {canEdit && !open && (
        <button
          ref={openButton}
          type="button"
          className="button"
          data-testid="contact-nieuw"
          onClick={() =>
            start(
              form && !form.correctieVan ? form : leegContact(app.user.id, standaardMelding?.id ?? null, new Date()),
            )
          }
        >
          Contact vastleggen
        </button>
      )}
      {canEdit && open && form && (
        <ContactForm
          casus={casus}
          d={form}
          setD={(f) => setForm((x) => (x ? f(x) : x))}
          contactIds={contacten.map((c) => c.id)}
          onCancel={sluit}
          onSaved={(id) => {
            dropDraft(`casus:${casus.id}:contact`);
            setForm(null);
            setOpen(false);
            setMessage(`Contact ${id} is vastgelegd.`);
            onChanged();
          }}
        />
      )}
      {contacten.length === 0 && <p className="muted">Nog geen contacten vastgelegd.</p>}
      <ol className="contact-lijst" data-testid="contact-lijst">
        {[...contacten].reverse().map((c) => (
          <ContactRegel
            key={c.id}
            c={c}
            canEdit={canEdit}
            onCorrectie={(soort) => start(correctieVan(c, soort))}
            meldingNummer={casus.meldingen.find((m) => m.id === c.meldingId)?.nummer ?? null}
          />
        ))}
      </ol>
      <HuisbezoekenLijst casus={casus} bezoeken={casus.huisbezoeken ?? []} canEdit={canEdit} onChanged={onChanged} />
    </section>
  );
}

function ContactRegel({
  c,
  canEdit,
  onCorrectie,
  meldingNummer,
}: {
  c: ContactItem;
  canEdit: boolean;
  onCorrectie: (soort: CorrectieSoort) => void;
  meldingNummer: string | null;
}) {
  const met = [
    ...c.personen.map((p) => p.naam),
    ...(c.metMelder ? ['de melder'] : []),
    ...c.professionals.map((p) => `${p.naam ? `${p.naam}, ` : ''}${p.functie} (${p.organisatie})`),
  ];
  const titelId = `contact-${c.id}-titel`;
  return (
    <li className="contact" id={`contact-${c.id}`} data-testid={`contact-${c.id}`}>
      <article aria-labelledby={titelId}>
        <h3 className="contact__titel" id={titelId}>
          {c.correctieSoort && (
            <span className="tag">
              {CORRECTIE_SOORT_LABEL[c.correctieSoort]} op{' '}
              <a href={`#contact-${c.correctieVan}`}>contact {c.correctieVan}</a>
            </span>
          )}{' '}
          {c.soortLabel} · {formatTijdstip(c.begin)}
          {c.duurMinuten ? ` · ${c.duurMinuten} min` : ''}
          {c.opAfstand && <span className="tag"> op afstand</span>}
        </h3>
        <p className="contact__meta">
          Contact {c.id}
          {meldingNummer ? ` · melding ${meldingNummer}` : ''} · met {met.join(', ') || '–'} · door{' '}
          {c.medewerkers.map((m) => m.naam).join(', ')}
          {c.politie ? ', politie' : ''}
        </p>
        {c.afgeschermd ? (
          <p className="muted">Contact met de melder: de inhoud is afgeschermd.</p>
        ) : (
          <dl className="contact__inhoud">
            {c.gezegd && (
              <>
                <dt>Gezegd</dt>
                <dd>{c.gezegd}</dd>
              </>
            )}
            {c.gezien && (
              <>
                <dt>Gezien</dt>
                <dd>{c.gezien}</dd>
              </>
            )}
            {c.afgesproken && (
              <>
                <dt>Afgesproken</dt>
                <dd>{c.afgesproken}</dd>
              </>
            )}
          </dl>
        )}
        {c.gecorrigeerdIn.length > 0 && (
          <p className="contact__gecorrigeerd" data-testid={`contact-${c.id}-gecorrigeerd`}>
            {c.gecorrigeerdIn.map((g, i) => (
              <span key={g.id}>
                {i > 0 ? '; ' : ''}
                {CORRECTIE_SOORT_LABEL[g.soort]} in <a href={`#contact-${g.id}`}>contact {g.id}</a>
              </span>
            ))}
          </p>
        )}
        <p className="muted">
          Vastgelegd {formatTijdstip(c.vastgelegdOp)} door {c.vastgelegdDoor ?? '–'}
        </p>
        {canEdit && (
          <div className="button-row">
            <button type="button" className="button button--secondary" onClick={() => onCorrectie('correctie')}>
              Corrigeren<span className="visually-hidden"> (contact {c.id})</span>
            </button>
            <button type="button" className="button button--secondary" onClick={() => onCorrectie('aanvulling')}>
              Aanvullen<span className="visually-hidden"> (contact {c.id})</span>
            </button>
          </div>
        )}
      </article>
    </li>
  );
}

function ContactForm({
  casus,
  d,
  setD,
  contactIds,
  onCancel,
  onSaved,
}: {
  casus: Casus;
  d: ContactDraft;
  setD: (f: (d: ContactDraft) => ContactDraft) => void;
  contactIds: number[];
  onCancel: () => void;
  onSaved: (id: number) => void;
}) {
  const app = useApp();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), [d.correctieVan]);
  const set = (x: Partial<ContactDraft>) => setD((o) => ({ ...o, ...x }));

  const personen = [
    ...casus.huishouden.leden.map((l) => ({ id: l.id, naam: l.naam })),
    ...casus.meldingen
      .flatMap((m) => m.betrokkenen)
      .filter((b) => !casus.huishouden.leden.some((l) => l.id === b.persoonId))
      .map((b) => ({ id: b.persoonId, naam: b.naam })),
  ].filter((p, i, all) => all.findIndex((x) => x.id === p.id) === i);
  const collegas = app.ref.medewerkers.filter((m) => m.teamId === casus.team.id || m.id === app.user.id);

  const save = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    setProblem(null);
    setAttempt((a) => a + 1);
    const ctx = {
      persoonIds: personen.map((p) => p.id),
      meldingIds: casus.meldingen.map((m) => m.id),
      contactIds,
      medewerkerIds: app.ref.medewerkers.map((m) => m.id),
    };
    const { data, errors: errs } = controleerContact(d, ctx, new Date());
    setErrors(prefix(errs));
    if (!data) return;
    setBusy(true);
    try {
      const r = await api.post<{ id: number }>(`/api/casussen/${casus.id}/contacten`, data);
      onSaved(r.id);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.body.fields)
        setErrors(prefix(fromServerFields(err.body.fields)));
      else setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  // Keyboard: Ctrl+Enter anywhere in the form saves, Escape closes (the draft stays).
  const formRef = useRef<HTMLFormElement>(null);
  const saveRef = useRef(save);
  saveRef.current = save;
  useEffect(() => {
    const el = formRef.current;
    if (!el) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (isOpslaanToets(e)) {
        e.preventDefault();
        void saveRef.current();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        onCancel();
      }
    };
    el.addEventListener('keydown', onKeyDown);
    return () => el.removeEventListener('keydown', onKeyDown);
  }, [onCancel]);

  return (
    <form
      className="form contact-form"
      onSubmit={save}
      ref={formRef}
      noValidate
      aria-labelledby="contact-form-titel"
      data-testid="contact-form"
    >
      <h3 id="contact-form-titel">
        {d.correctieVan && d.correctieSoort
          ? `${CORRECTIE_SOORT_LABEL[d.correctieSoort]} op contact ${d.correctieVan}`
          : 'Contact vastleggen'}
      </h3>
      <p className="hint">Uw invoer wordt als concept bewaard terwijl u typt. Ctrl+Enter slaat op, Escape sluit.</p>
      <ErrorSummary errors={errors} focusKey={attempt} />
      {problem && <Notice kind="error">{problem}</Notice>}
      <div className="field-row">
        <SelectField
          name={k('soort')}
          label="Soort contact"
          value={d.soort}
          onChange={(v) => set({ soort: v as ContactDraft['soort'] })}
          options={CONTACT_SOORTEN.map((s) => ({ value: s, label: CONTACT_SOORT_LABEL[s] }))}
          placeholder="Kies…"
          errors={errors}
          selectRef={first}
        />
        <TextField
          name={k('begin')}
          label="Datum"
          hint="dd-mm-jjjj"
          value={d.datum}
          onChange={(v) => set({ datum: v })}
          errors={errors}
          inputMode="numeric"
          width="s"
          maxLength={10}
        />
        <TextField
          name={k('tijd')}
          label="Begintijd"
          hint="uu:mm"
          value={d.tijd}
          onChange={(v) => set({ tijd: v })}
          errors={errors}
          inputMode="numeric"
          width="xs"
          maxLength={5}
        />
        <TextField
          name={k('duurMinuten')}
          label="Duur (minuten)"
          value={d.duur}
          onChange={(v) => set({ duur: v })}
          errors={errors}
          inputMode="numeric"
          width="xs"
          maxLength={4}
        />
      </div>
      <SelectField
        name={k('meldingId')}
        label="Over melding"
        value={d.meldingId}
        onChange={(v) => set({ meldingId: v })}
        options={casus.meldingen.map((m) => ({ value: String(m.id), label: `${m.nummer} (${m.statusLabel})` }))}
        placeholder="De casus als geheel"
        errors={errors}
      />
      <CheckboxGroup
        name={k('persoonIds')}
        label="Met wie van het huishouden"
        values={d.persoonIds}
        onChange={(v) => set({ persoonIds: v })}
        options={personen.map((p) => ({ value: String(p.id), label: p.naam }))}
        errors={errors}
      />
      <Checkbox
        name={k('metMelder')}
        label="Met de melder"
        hint="De identiteit van de melder blijft bij de melding; wie de melder niet mag zien, ziet de inhoud niet."
        checked={d.metMelder}
        onChange={(v) => set({ metMelder: v })}
      />
      <fieldset className="fieldset">
        <legend className="legend">Met een professional (optioneel)</legend>
        <div className="field-row">
          <TextField
            name={k('professionals[0].organisatie')}
            label="Organisatie"
            value={d.professional.organisatie}
            onChange={(v) => set({ professional: { ...d.professional, organisatie: v } })}
            errors={errors}
            width="m"
          />
          <TextField
            name={k('professionals[0].functie')}
            label="Functie"
            value={d.professional.functie}
            onChange={(v) => set({ professional: { ...d.professional, functie: v } })}
            errors={errors}
            width="m"
          />
          <TextField
            name={k('professionals[0].naam')}
            label="Naam"
            value={d.professional.naam}
            onChange={(v) => set({ professional: { ...d.professional, naam: v } })}
            errors={errors}
            width="m"
          />
        </div>
      </fieldset>
      <CheckboxGroup
        name={k('medewerkerIds')}
        label="Door (medewerkers van Veilig Thuis)"
        values={d.medewerkerIds}
        onChange={(v) => set({ medewerkerIds: v })}
        options={collegas.map((m) => ({ value: String(m.id), label: m.naam }))}
        errors={errors}
        columns
      />
      <Checkbox
        name={k('politie')}
        label="Politie was aanwezig"
        checked={d.politie}
        onChange={(v) => set({ politie: v })}
      />
      <TextArea
        name={k('gezegd')}
        label="Wat is er gezegd"
        value={d.gezegd}
        onChange={(v) => set({ gezegd: v })}
        errors={errors}
        rows={4}
      />
      <TextArea
        name={k('gezien')}
        label="Wat is er gezien"
        hint="Bijvoorbeeld: hoe het huis eruitziet, wie waar slaapt, de omgang tussen ouder en kind."
        value={d.gezien}
        onChange={(v) => set({ gezien: v })}
        errors={errors}
        rows={3}
      />
      <TextArea
        name={k('afgesproken')}
        label="Wat is er afgesproken"
        value={d.afgesproken}
        onChange={(v) => set({ afgesproken: v })}
        errors={errors}
        rows={3}
      />
      <div className="button-row">
        <button type="submit" className="button" disabled={busy} data-testid="contact-opslaan">
          {busy ? 'Opslaan…' : 'Contact opslaan'}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Sluiten (concept blijft bewaard)
        </button>
      </div>
    </form>
  );
}

/** The API's field names → this form's keys ('gezegd' → 'contact.gezegd'; 'begin' also marks the date field). */
function prefix(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([key, v]) => [k(key), v]));
}
