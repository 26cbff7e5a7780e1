// Errors that map to HTTP answers. Messages are Dutch (shown to users); codes are stable.
import type { z } from 'zod';

export interface FieldError {
  field: string;
  rule: string;
  message: string;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export class ValidationError extends HttpError {
  constructor(readonly fields: FieldError[]) {
    super(400, 'validatie', `Ongeldige invoer: ${fields.map((f) => `${f.field}: ${f.message}`).join('; ')}`, {
      fields,
    });
  }
}

export function zodFields(err: z.ZodError, prefix = ''): FieldError[] {
  return err.issues.map((i) => ({
    field: [prefix, ...i.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))]
      .filter(Boolean)
      .join('.')
      .replace(/\.\[/g, '['),
    rule: i.code === 'custom' ? 'regel' : i.code,
    message: i.message,
  }));
}

export const notFound = (what: string) => new HttpError(404, 'niet_gevonden', `${what} niet gevonden`);
export const forbidden = (reason: string) => new HttpError(403, 'geen_toegang', reason);
export const versionConflict = (current: number, expected: number) =>
  new HttpError(
    409,
    'versie_conflict',
    `De casus is intussen door iemand anders gewijzigd (versie ${current}, u had versie ${expected}). Laad de casus opnieuw en bekijk de wijzigingen.`,
    {
      currentVersion: current,
      expectedVersion: expected,
    },
  );
