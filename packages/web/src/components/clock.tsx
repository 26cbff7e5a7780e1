// Statutory clocks: always a text state label next to the colour, never colour alone.
import { CLOCK_STATE_LABEL, type Clock, type ClockState } from '@voordeur/domain';
import { clockLabel, daysLeftText, formatDatum } from '../format.ts';

export function ClockBadge({ state }: { state: ClockState }) {
  return <span className={`badge badge--${state}`}>{CLOCK_STATE_LABEL[state]}</span>;
}

/** One clock as a compact block: label, due date, days left, state badge. */
export function ClockSummary({ clock, persoonNaam }: { clock: Clock; persoonNaam?: string | null }) {
  return (
    <div className="clock" data-testid={`klok-${clock.kind}`}>
      <span className="clock__label">{clockLabel(clock, persoonNaam)}</span>
      <span className="clock__due">uiterlijk {formatDatum(clock.due)}</span>
      <span className="clock__left">{daysLeftText(clock)}</span>
      <ClockBadge state={clock.state} />
    </div>
  );
}
