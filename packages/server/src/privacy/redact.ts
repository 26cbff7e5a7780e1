// Mechanical redaction of free text: known names, BSNs, phone numbers and e-mail addresses are
// replaced by a marker. It finds the exact forms it is given (case and spacing tolerant), not
// nicknames, initials or descriptions ("de buurvrouw van nummer 12"): a document for a person is
// always read by a privacy officer before it is handed over (docs/privacy.md).
export const AFGESCHERMD = '[afgeschermd]';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Word boundaries that work for letters with diacritics.
const B_START = '(?<![\\p{L}\\p{N}])';
const B_END = '(?![\\p{L}\\p{N}])';

/** A pattern for a phrase: spaces match any whitespace, a dot may be followed by a space or not. */
function phrasePattern(s: string): string {
  return s
    .trim()
    .split(/\s+/)
    .map((w) => escapeRe(w).replace(/\\\./g, '\\.\\s*'))
    .join('\\s+');
}

/** Digits of a phone number or BSN, allowing separators between them and +31 for a leading 0. */
function digitsPattern(digits: string): string {
  const sep = '[\\s\\-.()/]*';
  const body = (d: string) => d.split('').join(sep);
  if (digits.startsWith('0') && digits.length > 6)
    return `(?:${body(digits)}|(?:\\+|00)${sep}3${sep}1${sep}(?:\\(0\\))?${sep}${body(digits.slice(1))})`;
  return body(digits);
}

export interface RedactTerms {
  /** Names or name parts (at least 3 characters); matched as whole words. */
  names?: Array<string | null | undefined>;
  /** Phone numbers, BSNs and other numbers (at least 6 digits). */
  numbers?: Array<string | null | undefined>;
  /** E-mail addresses. */
  emails?: Array<string | null | undefined>;
}

export type Redactor = (text: string | null | undefined) => string | null;

export function redactor(terms: RedactTerms, marker = AFGESCHERMD): Redactor {
  const patterns: string[] = [];
  const names = [
    ...new Set((terms.names ?? []).map((n) => (n ?? '').trim()).filter((n) => n.replace(/[^\p{L}]/gu, '').length >= 3)),
  ];
  // Longest first, so a full name is replaced before its parts.
  names.sort((a, b) => b.length - a.length);
  for (const n of names) patterns.push(`${B_START}${phrasePattern(n)}${B_END}`);
  for (const e of terms.emails ?? []) if (e && e.includes('@')) patterns.push(escapeRe(e.trim()));
  for (const num of terms.numbers ?? []) {
    const d = (num ?? '').replace(/\D/g, '');
    if (d.length >= 6) patterns.push(`(?<!\\d)${digitsPattern(d)}(?!\\d)`);
  }
  if (patterns.length === 0) return (t) => (t === undefined ? null : t);
  const re = new RegExp(patterns.join('|'), 'giu');
  return (t) => (t === null || t === undefined ? null : t.replace(re, marker));
}

/** Apply a redactor to every string in a JSON-like value (returns a copy). */
export function redactDeep<T>(value: T, r: Redactor): T {
  if (typeof value === 'string') return r(value) as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, r)) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, r);
    return out as T;
  }
  return value;
}

// Tussenvoegsels and other short words that are not a name by themselves.
const PARTICLES = [
  'van',
  'der',
  'den',
  'het',
  'ter',
  'ten',
  'tot',
  'uit',
  'aan',
  'bij',
  'dos',
  'das',
  'del',
  'von',
  'zum',
  'zur',
  'mevrouw',
  'meneer',
  'dhr.',
  'mw.',
  'mevr.',
];

/** Name parts of a melder or person worth searching for: the full name and each longer word. */
export function nameTerms(fullName: string | null | undefined, exclude: Iterable<string> = []): string[] {
  if (!fullName) return [];
  const ex = new Set([...PARTICLES, ...[...exclude].map((x) => x.toLowerCase())]);
  const words = fullName
    .split(/\s+/)
    .filter((w) => w.replace(/[^\p{L}]/gu, '').length >= 3 && !ex.has(w.toLowerCase()));
  return [fullName, ...words];
}
