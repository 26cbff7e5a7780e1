// A wide table's own horizontal scroll box, so the page itself never scrolls sideways (WCAG 1.4.10
// reflow; tablets). Only when its content really is wider does it become a labelled region in the
// tab order (keyboard users can then scroll it with the arrow keys).
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(check);
    ro.observe(el);
    if (el.firstElementChild) ro.observe(el.firstElementChild);
    return () => ro.disconnect();
  }, []);
  return (
    <div
      ref={ref}
      className="scroll-x"
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': `${label} (schuift horizontaal)` } : {})}
    >
      {children}
    </div>
  );
}
