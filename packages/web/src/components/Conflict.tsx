// A version conflict (409 versie_conflict): someone else changed the casus after this user loaded
// it. We fetch the current casus, show what changed (casusDiff), keep what the user typed and let
// them choose: submit their input on the new version, or throw it away.
import { useEffect, useRef, type ReactNode } from 'react';
import { api } from '../api.ts';
import type { AppState } from '../context.ts';
import { diffCasus, type CasusDiff } from '../casusDiff.ts';
import { formatTijdstip } from '../format.ts';
import type { Casus } from '../types.ts';

export interface Conflict {
  /** The casus as it is now: the version a re-submission is based on. */
  fresh: Casus;
  diff: CasusDiff;
  /** Set when the input cannot be submitted on the new version (e.g. the step is no longer allowed). */
  blocked?: string | null;
}

/** Fetch the current casus and compare it with the one the user worked on. */
export async function loadConflict(basis: Casus, app: Pick<AppState, 'label'>): Promise<Conflict> {
  const fresh = await api.get<Casus>(`/api/casussen/${basis.id}`);
  return { fresh, diff: diffCasus(basis, fresh, { vlag: (c) => app.label('veiligheidsvlag', c) }) };
}

export function ConflictPanel({ conflict, id }: { conflict: Conflict; id: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // Take focus when a (new) conflict appears, so keyboard and screen reader users land on it.
  useEffect(() => {
    ref.current?.focus();
  }, [conflict.diff.versieNaar, conflict.blocked]);
  const w = conflict.diff.wijzigingen;
  return (
    <div
      className="notice notice--warning conflict"
      role="alert"
      tabIndex={-1}
      ref={ref}
      id={id}
      data-testid="conflict"
    >
      <p className="conflict__title">
        <strong>De casus is intussen door iemand anders gewijzigd.</strong>
      </p>
      {w.length > 0 ? (
        <>
          <p>Sinds u de casus opende is dit veranderd:</p>
          <ul className="conflict__list" data-testid="conflict-wijzigingen">
            {w.map((x, i) => (
              <li key={i} className={`conflict__item conflict__item--${x.soort}`}>
                {x.at && <span className="conflict__when">{formatTijdstip(x.at)} </span>}
                <span>{x.tekst}</span>
                {x.door && <span className="muted"> · door {x.door}</span>}
                {x.detail && <span className="conflict__detail">{x.detail}</span>}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>De wijziging zit niet in wat deze pagina toont (bijvoorbeeld een correctie zonder zichtbaar effect).</p>
      )}
      {conflict.blocked ? (
        <p className="conflict__blocked">
          <strong>{conflict.blocked}</strong>
        </p>
      ) : (
        <p>
          Wat u invulde staat hieronder nog. Controleer het en kies onderaan het formulier: opnieuw indienen op de
          nieuwe versie, of weggooien.
        </p>
      )}
    </div>
  );
}

/** The two choices after a conflict, in place of the form's usual buttons. */
export function ConflictChoices({
  onResubmit,
  onDiscard,
  busy,
  blocked,
  describedBy,
}: {
  onResubmit: () => void;
  onDiscard: () => void;
  busy: boolean;
  blocked?: boolean;
  describedBy: string;
}): ReactNode {
  return (
    <div
      className="button-row button-row--wrap"
      role="group"
      aria-label="Keuze na de wijziging door een ander"
      aria-describedby={describedBy}
    >
      {!blocked && (
        <button type="button" className="button button--primary" disabled={busy} onClick={onResubmit}>
          {busy ? 'Bezig…' : 'Mijn invoer opnieuw indienen op de nieuwe versie'}
        </button>
      )}
      <button type="button" className="button button--secondary" disabled={busy} onClick={onDiscard}>
        Mijn invoer weggooien
      </button>
    </div>
  );
}
