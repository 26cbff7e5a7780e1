// WAI-ARIA tabs for the beheer and privacy pages: the tab is kept in the URL (?tab=…), so a
// reload or a link opens the same tab. Only the selected tab is in the tab order; arrow keys,
// Home and End move between tabs.
import type { ReactNode } from 'react';
import { navigate, useLocation } from '../router.tsx';

export interface TabDef<T extends string> {
  id: T;
  label: string;
}

/** The current tab from the URL (the first when absent or unknown). */
export function useTab<T extends string>(
  tabs: ReadonlyArray<TabDef<T>>,
): [T, (t: T, extra?: Record<string, string>) => void] {
  const loc = useLocation();
  const raw = loc.search.get('tab');
  const current = (tabs.find((t) => t.id === raw)?.id ?? tabs[0]!.id) as T;
  const set = (t: T, extra: Record<string, string> = {}) => {
    const q = new URLSearchParams({ tab: t, ...extra });
    navigate(`${loc.pathname}?${q.toString()}`, { replace: true });
  };
  return [current, set];
}

export function Tabs<T extends string>({
  label,
  idPrefix,
  tabs,
  value,
  onChange,
  children,
}: {
  label: string;
  idPrefix: string;
  tabs: ReadonlyArray<TabDef<T>>;
  value: T;
  onChange: (t: T) => void;
  children: ReactNode;
}) {
  const tabId = (t: T) => `${idPrefix}-tab-${t}`;
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tabs__list">
        {tabs.map((t, i) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={tabId(t.id)}
            aria-selected={value === t.id}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={value === t.id ? 0 : -1}
            className="tabs__tab"
            onClick={() => onChange(t.id)}
            onKeyDown={(e) => {
              const n = tabs.length;
              const j =
                e.key === 'ArrowRight'
                  ? (i + 1) % n
                  : e.key === 'ArrowLeft'
                    ? (i - 1 + n) % n
                    : e.key === 'Home'
                      ? 0
                      : e.key === 'End'
                        ? n - 1
                        : null;
              if (j === null) return;
              e.preventDefault();
              onChange(tabs[j]!.id);
              document.getElementById(tabId(tabs[j]!.id))?.focus();
            }}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={tabId(value)} className="tabs__panel">
        {children}
      </div>
    </div>
  );
}
