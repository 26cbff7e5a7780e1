// Accessible form controls: every control has a <label for>, groups use fieldset/legend, and a
// field's error messages sit beside it (linked by aria-describedby) as well as in the summary.
import { useEffect, useId, useRef, type ReactNode, type Ref } from 'react';
import { errorsFor, fieldId, parentKeys, type FieldErrors } from '../fieldErrors.ts';

interface Base {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: FieldErrors;
  /** Also show errors of nested keys (e.g. a list's items). */
  nestedErrors?: boolean;
  className?: string;
}

function describedBy(id: string, hint: unknown, errs: string[]): string | undefined {
  return [hint ? `${id}-hint` : '', errs.length ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function ErrorText({ id, messages }: { id: string; messages: string[] }) {
  if (!messages.length) return null;
  return (
    <p className="field-error" id={id}>
      {messages.map((m) => (
        <span key={m}>
          <span className="visually-hidden">Fout: </span>
          {m}
        </span>
      ))}
    </p>
  );
}

function Hint({ id, hint }: { id: string; hint?: ReactNode }) {
  return hint ? (
    <p className="hint" id={`${id}-hint`}>
      {hint}
    </p>
  ) : null;
}

type TextFieldProps = Base & {
  value: string;
  onChange: (v: string) => void;
  type?: 'text' | 'email' | 'tel' | 'password' | 'search';
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'tel' | 'email';
  width?: 'xs' | 's' | 'm' | 'l';
  id?: string;
  maxLength?: number;
  inputRef?: Ref<HTMLInputElement>;
};

export function TextField({
  name,
  label,
  hint,
  errors,
  nestedErrors,
  className,
  value,
  onChange,
  type = 'text',
  autoComplete = 'off',
  inputMode,
  width,
  id,
  maxLength,
  inputRef,
}: TextFieldProps) {
  const fid = id ?? fieldId(name);
  const errs = errors ? errorsFor(errors, name, { nested: nestedErrors }) : [];
  return (
    <div className={`field${errs.length ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <label className="label" htmlFor={fid}>
        {label}
      </label>
      <Hint id={fid} hint={hint} />
      <ErrorText id={`${fid}-error`} messages={errs} />
      <input
        ref={inputRef}
        id={fid}
        name={name}
        className={`input${width ? ` input--${width}` : ''}`}
        type={type}
        value={value}
        autoComplete={autoComplete}
        inputMode={inputMode}
        maxLength={maxLength}
        aria-invalid={errs.length ? true : undefined}
        aria-describedby={describedBy(fid, hint, errs)}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

type TextAreaProps = Base & { value: string; onChange: (v: string) => void; rows?: number };

export function TextArea({ name, label, hint, errors, className, value, onChange, rows = 5 }: TextAreaProps) {
  const fid = fieldId(name);
  const errs = errors ? errorsFor(errors, name) : [];
  return (
    <div className={`field${errs.length ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <label className="label" htmlFor={fid}>
        {label}
      </label>
      <Hint id={fid} hint={hint} />
      <ErrorText id={`${fid}-error`} messages={errs} />
      <textarea
        id={fid}
        name={name}
        className="textarea"
        rows={rows}
        value={value}
        aria-invalid={errs.length ? true : undefined}
        aria-describedby={describedBy(fid, hint, errs)}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
  group?: string;
}

type SelectProps = Base & {
  value: string;
  onChange: (v: string) => void;
  options: Option[];
  placeholder?: string | null;
  id?: string;
  selectRef?: Ref<HTMLSelectElement>;
};

export function SelectField({
  name,
  label,
  hint,
  errors,
  className,
  value,
  onChange,
  options,
  placeholder = '— kies —',
  id,
  selectRef,
}: SelectProps) {
  const fid = id ?? fieldId(name);
  const errs = errors ? errorsFor(errors, name) : [];
  const groups = [...new Set(options.map((o) => o.group ?? ''))];
  const render = (o: Option) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <div className={`field${errs.length ? ' field--error' : ''}${className ? ` ${className}` : ''}`}>
      <label className="label" htmlFor={fid}>
        {label}
      </label>
      <Hint id={fid} hint={hint} />
      <ErrorText id={`${fid}-error`} messages={errs} />
      <select
        ref={selectRef}
        id={fid}
        name={name}
        className="select"
        value={value}
        aria-invalid={errs.length ? true : undefined}
        aria-describedby={describedBy(fid, hint, errs)}
        onChange={(e) => onChange(e.target.value)}
      >
        {placeholder !== null && <option value="">{placeholder}</option>}
        {groups.length > 1 || groups[0]
          ? groups.map((g) =>
              g ? (
                <optgroup key={g} label={g}>
                  {options.filter((o) => o.group === g).map(render)}
                </optgroup>
              ) : (
                options.filter((o) => !o.group).map(render)
              ),
            )
          : options.map(render)}
      </select>
    </div>
  );
}

type RadioProps = Base & {
  value: string;
  onChange: (v: string) => void;
  options: Option[];
  inline?: boolean;
};

/** A radio group: fieldset + legend; the first radio carries the field's id (error summary target). */
export function RadioGroup({ name, label, hint, errors, className, value, onChange, options, inline }: RadioProps) {
  const fid = fieldId(name);
  const errs = errors ? errorsFor(errors, name) : [];
  return (
    <fieldset
      className={`field fieldset${errs.length ? ' field--error' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={describedBy(fid, hint, errs)}
    >
      <legend className="legend">{label}</legend>
      <Hint id={fid} hint={hint} />
      <ErrorText id={`${fid}-error`} messages={errs} />
      <div className={inline ? 'choices choices--inline' : 'choices'}>
        {options.map((o, i) => (
          <div className="choice" key={o.value}>
            <input
              type="radio"
              id={i === 0 ? fid : `${fid}-${o.value}`}
              name={fid}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <label htmlFor={i === 0 ? fid : `${fid}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

type CheckboxGroupProps = Base & {
  values: string[];
  onChange: (v: string[]) => void;
  options: Option[];
  columns?: boolean;
};

export function CheckboxGroup({
  name,
  label,
  hint,
  errors,
  className,
  values,
  onChange,
  options,
  columns,
}: CheckboxGroupProps) {
  const fid = fieldId(name);
  const errs = errors ? errorsFor(errors, name) : [];
  const toggle = (v: string, on: boolean) =>
    onChange(
      on
        ? [...values.filter((x) => x !== v), v].sort(
            (a, b) => options.findIndex((o) => o.value === a) - options.findIndex((o) => o.value === b),
          )
        : values.filter((x) => x !== v),
    );
  return (
    <fieldset
      className={`field fieldset${errs.length ? ' field--error' : ''}${className ? ` ${className}` : ''}`}
      aria-describedby={describedBy(fid, hint, errs)}
    >
      <legend className="legend">{label}</legend>
      <Hint id={fid} hint={hint} />
      <ErrorText id={`${fid}-error`} messages={errs} />
      <div className={columns ? 'choices choices--columns' : 'choices'}>
        {options.map((o, i) => (
          <div className="choice" key={o.value}>
            <input
              type="checkbox"
              id={i === 0 ? fid : `${fid}-${o.value}`}
              value={o.value}
              checked={values.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            <label htmlFor={i === 0 ? fid : `${fid}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function Checkbox({
  name,
  label,
  hint,
  checked,
  onChange,
}: {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  const fid = fieldId(name);
  return (
    <div className="field choice choice--single">
      <input
        type="checkbox"
        id={fid}
        checked={checked}
        aria-describedby={hint ? `${fid}-hint` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={fid}>{label}</label>
      {hint && (
        <p className="hint" id={`${fid}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** Focus the control of a field, or of its nearest parent that is on the page. */
export function focusField(key: string): void {
  for (const k of [key, ...parentKeys(key)]) {
    const el = document.getElementById(fieldId(k));
    if (el) {
      el.focus();
      el.scrollIntoView({ block: 'center' });
      return;
    }
  }
}

/**
 * The error summary above a form (GOV.UK pattern): takes focus when it appears, lists every
 * message with a link to its field; `describe` names the field in the list ('Betrokkene 2, achternaam').
 */
export function ErrorSummary({
  errors,
  title = 'Er is een probleem',
  describe,
  focusKey,
}: {
  errors: FieldErrors;
  title?: string;
  describe?: (key: string) => string;
  focusKey?: unknown;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const entries = Object.entries(errors);
  useEffect(() => {
    if (entries.length) ref.current?.focus();
    // Focus again on every new submit attempt (focusKey changes), not on every render.
  }, [focusKey]);
  if (!entries.length) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={titleId}>
      <h2 className="error-summary__title" id={titleId}>
        {title}
      </h2>
      <ul className="error-summary__list">
        {entries.flatMap(([key, msgs]) =>
          msgs.map((m) => (
            <li key={`${key}:${m}`}>
              <a
                href={`#${fieldId(key)}`}
                onClick={(e) => {
                  e.preventDefault();
                  focusField(key);
                }}
              >
                {describe ? `${describe(key)}: ` : ''}
                {m}
              </a>
            </li>
          )),
        )}
      </ul>
    </div>
  );
}

/** A live region for a message after an action (success or failure). */
export function Notice({
  kind,
  children,
  id,
}: {
  kind: 'success' | 'error' | 'info' | 'warning';
  children: ReactNode;
  id?: string;
}) {
  return (
    <div className={`notice notice--${kind}`} role={kind === 'error' ? 'alert' : 'status'} id={id}>
      {children}
    </div>
  );
}
