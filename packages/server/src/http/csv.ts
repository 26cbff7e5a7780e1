// The one CSV writer of the server: every CSV download (the half-year report, the access-log
// export) is written with it. Dutch spreadsheet conventions: UTF-8 with BOM, ';' between fields,
// decimal comma, CRLF line ends. A text cell that starts with = + - @ or a tab or carriage return
// is prefixed with ' so a spreadsheet shows it as text and never runs it as a formula (CSV
// injection, OWASP). Numbers are written as numbers (a negative number is not a formula).
//
// Own code rather than a library (csv-stringify): it is a dozen lines, the Dutch defaults and the
// decimal comma would need options and a cast anyway, and formula neutralisation must hold for
// every text cell whatever the options, which is easiest to see (and test) here.

export type CsvWaarde = string | number | boolean | null | undefined;

const FORMULE_START = /^[=+\-@\t\r]/;

/** One cell: numbers with a decimal comma, text neutralised against formulas and quoted when needed. */
export function csvCel(v: CsvWaarde): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v).replace('.', ',');
  let s = String(v);
  if (FORMULE_START.test(s)) s = `'${s}`;
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One line (without its line end). */
export function csvRegel(cellen: readonly CsvWaarde[]): string {
  return cellen.map(csvCel).join(';');
}

/** A whole file from lines already written with csvRegel: BOM first, CRLF after every line. */
export function csvUitRegels(regels: readonly string[]): string {
  return `\ufeff${regels.join('\r\n')}\r\n`;
}

/** A whole file from rows of values. */
export function csvBestand(rijen: ReadonlyArray<readonly CsvWaarde[]>): string {
  return csvUitRegels(rijen.map(csvRegel));
}
