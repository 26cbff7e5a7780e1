// The outcome of an action on the pages with many small forms (beheer, privacy, account): one live
// status line, and the server's answer split into errors beside the fields or one message.
import { useEffect, useRef } from 'react';
import { ApiError } from '../api.ts';
import { fromServerFields, type FieldErrors } from '../fieldErrors.ts';

export type Melding = { kind: 'success' | 'error'; text: string } | null;

/** Status or error message in a polite live region; focused when it appears (unless focus is false). */
export function LiveMelding({ melding, focus = true }: { melding: Melding; focus?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (melding && focus) ref.current?.focus();
  }, [melding, focus]);
  return (
    <div aria-live="polite">
      {melding && (
        <div
          className={`notice notice--${melding.kind}`}
          role={melding.kind === 'error' ? 'alert' : 'status'}
          tabIndex={-1}
          ref={ref}
        >
          {melding.text}
        </div>
      )}
    </div>
  );
}

/** A 400's field errors under `prefix` ('nieuw' → 'nieuw.wachtwoord'; '' → as is); any other failure as a message. */
export function serverFout(
  err: unknown,
  prefix: string,
  setErrors: (e: FieldErrors) => void,
  setMelding: (m: Melding) => void,
): void {
  if (err instanceof ApiError && err.status === 400 && err.body.fields) {
    setErrors(
      Object.fromEntries(
        Object.entries(fromServerFields(err.body.fields)).map(([k, v]) => [prefix ? `${prefix}.${k}` : k, v]),
      ),
    );
  } else setMelding({ kind: 'error', text: err instanceof Error ? err.message : String(err) });
}
