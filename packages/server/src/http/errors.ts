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

// SQLSTATE classes and codes that mean "the database is not reachable right now" (a restart, a
// failover, a dropped connection), and the driver's own connection errors: a request that meets one
// gets 503 with Retry-After instead of 500 — the client may try again, nothing was saved.
const DB_ONBEREIKBAAR_SQLSTATE = /^(08...|57P0[1-3]|53300)$/;
const DB_ONBEREIKBAAR_NODE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);
const DB_ONBEREIKBAAR_TEKST =
  /Connection terminated|Client has encountered a connection error|connection timeout|timeout exceeded when trying to connect|Client was closed/i;

export function isDatabaseOnbereikbaar(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  const code = typeof e.code === 'string' ? e.code : '';
  return (
    DB_ONBEREIKBAAR_SQLSTATE.test(code) ||
    DB_ONBEREIKBAAR_NODE.has(code) ||
    (typeof e.message === 'string' && DB_ONBEREIKBAAR_TEKST.test(e.message))
  );
}
