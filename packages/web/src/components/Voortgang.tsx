// Progress of long work (building a report, the CBS delivery, an export): while it runs, an
// indeterminate progress bar with what is happening and the seconds elapsed, announced politely to
// screen readers once at the start (not every second). The server does the work in one request, so
// there is no percentage to show; the elapsed time tells the user it is still going.
import { useEffect, useState } from 'react';

export function Voortgang({ bezig, wat }: { bezig: boolean; wat: string }) {
  const [seconden, setSeconden] = useState(0);
  useEffect(() => {
    if (!bezig) return;
    setSeconden(0);
    const start = Date.now();
    const t = setInterval(() => setSeconden(Math.floor((Date.now() - start) / 1000)), 1000);
    return () => clearInterval(t);
  }, [bezig]);
  return (
    <div className="voortgang" aria-live="polite">
      {bezig && (
        <div className="voortgang__balk" data-testid="voortgang">
          <progress aria-label={wat} />
          <span>
            {wat}… <span aria-hidden="true">{seconden > 0 ? `${seconden} s` : ''}</span>
          </span>
        </div>
      )}
    </div>
  );
}
