// Field errors, from the browser's own validation (zod issues) and from the server (400 with
// fields[]), keyed by the same path strings the server uses: 'betrokkenen[0].persoon.achternaam'.
import type { FieldError } from './api.ts';

export type FieldErrors = Record<string, string[]>;

/** ['betrokkenen', 0, 'persoon', 'achternaam'] → 'betrokkenen[0].persoon.achternaam' (as the server's zodFields). */
export function pathKey(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

/**
 * zod's default messages are English ("Invalid input: expected string, received undefined"); the
 * form shows Dutch. Our own messages (from the shared schemas) pass through unchanged.
 */
export function dutchMessage(rule: string, message: string): string {
  if (!/^(Invalid|Too (small|big)|Expected|Required)/.test(message)) return message;
  switch (rule) {
    case 'invalid_type':
    case 'invalid_value':
    case 'invalid_union':
      return 'Kies of vul een waarde in';
    case 'too_small':
      return 'Vul een (grotere) waarde in';
    case 'too_big':
      return 'Waarde is te groot of te lang';
    default:
      return 'Ongeldige waarde';
  }
}

function add(errors: FieldErrors, key: string, message: string) {
  const list = (errors[key] ??= []);
  if (!list.includes(message)) list.push(message);
}

export function fromZodIssues(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; code: string; message: string }>,
  prefix = '',
): FieldErrors {
  const errors: FieldErrors = {};
  for (const i of issues) {
    const key = pathKey(i.path);
    add(
      errors,
      prefix && key ? (key.startsWith('[') ? `${prefix}${key}` : `${prefix}.${key}`) : prefix || key,
      dutchMessage(i.code, i.message),
    );
  }
  return errors;
}

export function fromServerFields(fields: ReadonlyArray<FieldError> | undefined): FieldErrors {
  const errors: FieldErrors = {};
  for (const f of fields ?? []) add(errors, f.field, dutchMessage(f.rule, f.message));
  return errors;
}

/**
 * Messages for a field: its own key and its list items ('aanleiding' also shows 'aanleiding[2]');
 * with `nested`, also everything below it ('betrokkenen[0]' shows 'betrokkenen[0].persoon').
 */
export function errorsFor(
  errors: FieldErrors,
  key: string,
  opts: { nested?: boolean; exclude?: string[] } = {},
): string[] {
  const out: string[] = [];
  for (const [k, msgs] of Object.entries(errors)) {
    if (opts.exclude?.some((x) => k === x || k.startsWith(`${x}.`) || k.startsWith(`${x}[`))) continue;
    const own = k === key || (k.startsWith(`${key}[`) && /^\[\d+\]$/.test(k.slice(key.length)));
    const below = opts.nested && (k.startsWith(`${key}.`) || k.startsWith(`${key}[`));
    if (own || below) for (const m of msgs) if (!out.includes(m)) out.push(m);
  }
  return out;
}

/** The DOM id of the control for a field key: 'betrokkenen[0].rol' → 'f-betrokkenen-0-rol'. */
export function fieldId(key: string): string {
  return `f-${key.replace(/[[\].]+/g, '-').replace(/-+$/, '')}`;
}

/** Parent keys of a field, nearest first: 'a[0].b.c' → ['a[0].b', 'a[0]', 'a']. */
export function parentKeys(key: string): string[] {
  const out: string[] = [];
  let k = key;
  for (;;) {
    const m = /^(.*)(\.[^.[\]]+|\[\d+\])$/.exec(k);
    if (!m || !m[1]) break;
    k = m[1];
    out.push(k);
  }
  return out;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
