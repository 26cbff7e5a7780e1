// The confirmation step before an irreversible action (vernietigen, deactiveren, a second factor
// reset): in the page, not a browser dialog. It names the consequence in words, and for the
// heaviest actions asks the user to type a word or a number first. Focus moves to its heading when
// it opens; Annuleren (or Escape) closes it and nothing is sent.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { TextField } from './forms.tsx';
import type { FieldErrors } from '../fieldErrors.ts';

/** Does the typed text confirm? Surrounding spaces and letter case do not matter; the word or number does. */
export function bevestigingKlopt(invoer: string, verwacht: string): boolean {
  return invoer.trim().replace(/\s+/g, ' ').toLocaleUpperCase('nl') === verwacht.trim().toLocaleUpperCase('nl');
}

export interface BevestigingProps {
  /** The question, e.g. "Femke de Boer deactiveren?" */
  titel: string;
  /** What happens, one consequence per item. */
  gevolgen: ReactNode[];
  /** The button that does it, e.g. "Ja, deactiveren". */
  bevestigLabel: string;
  /** False when the action can be undone later (deactiveren: weer actief maken). */
  onomkeerbaar?: boolean;
  /** Typed confirmation: the word or number to type, and the label of the field. */
  typ?: { verwacht: string; label: string };
  busy?: boolean;
  /** A name for the form (tests, screen readers). */
  naam: string;
  onBevestig: () => void;
  onAnnuleer: () => void;
}

export function Bevestiging({
  titel,
  gevolgen,
  bevestigLabel,
  onomkeerbaar = true,
  typ,
  busy,
  naam,
  onBevestig,
  onAnnuleer,
}: BevestigingProps) {
  const kop = useRef<HTMLHeadingElement>(null);
  const [invoer, setInvoer] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const veldRef = useRef<HTMLInputElement>(null);
  useEffect(() => kop.current?.focus(), []);
  const veld = `bevestig.${naam.replace(/\W+/g, '-')}`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (typ && !bevestigingKlopt(invoer, typ.verwacht)) {
      setErrors({
        [veld]: [
          invoer.trim()
            ? `Dat is niet ${typ.verwacht}. Typ ${typ.verwacht} om te bevestigen, of kies Annuleren.`
            : `Typ ${typ.verwacht} om te bevestigen, of kies Annuleren.`,
        ],
      });
      veldRef.current?.focus();
      return;
    }
    setErrors({});
    onBevestig();
  };
  const escape = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !busy) {
      e.preventDefault();
      onAnnuleer();
    }
  };

  return (
    // Escape cancels the confirmation from any of its fields: the handler sits on the form on purpose.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <form
      className="bevestiging"
      aria-label={naam}
      noValidate
      onSubmit={submit}
      onKeyDown={escape}
      data-testid="bevestiging"
    >
      <h4 className="bevestiging__titel" tabIndex={-1} ref={kop}>
        {titel}
      </h4>
      <ul className="bevestiging__gevolgen">
        {gevolgen.map((g, i) => (
          <li key={i}>{g}</li>
        ))}
        {onomkeerbaar && (
          <li>
            <strong>Dit kan niet ongedaan worden gemaakt.</strong>
          </li>
        )}
      </ul>
      {typ && (
        <TextField
          name={veld}
          label={typ.label}
          value={invoer}
          onChange={setInvoer}
          errors={errors}
          width="s"
          autoComplete="off"
          inputRef={veldRef}
        />
      )}
      <div className="button-row button-row--wrap">
        <button type="submit" className="button button--gevaar" disabled={busy}>
          {busy ? 'Bezig…' : bevestigLabel}
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={onAnnuleer}>
          Annuleren
        </button>
      </div>
    </form>
  );
}
