// A small client-side router on the History API.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());
if (typeof window !== 'undefined') window.addEventListener('popstate', notify);

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  notify();
  window.scrollTo(0, 0);
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The current path + query, re-rendering on navigation. */
export function useLocation(): { pathname: string; search: URLSearchParams; href: string } {
  const href = useSyncExternalStore(subscribe, () => location.pathname + location.search);
  const u = new URL(href, 'http://x');
  return { pathname: u.pathname, search: u.searchParams, href };
}

export type Route =
  | { page: 'home' }
  | { page: 'werkvoorraad' }
  | { page: 'intake' }
  | { page: 'adviesvragen' }
  | { page: 'zoeken' }
  | { page: 'casus'; id: number }
  | { page: 'beheer' }
  | { page: 'start' }
  | { page: 'referentie' }
  | { page: 'privacy' }
  | { page: 'account' }
  | { page: 'rapportage' }
  | { page: 'monitoring' }
  | { page: 'coordinatie' }
  | { page: 'cbs' }
  | { page: 'niet_gevonden' };

export function matchRoute(pathname: string): Route {
  if (pathname === '/') return { page: 'home' };
  if (pathname === '/werkvoorraad') return { page: 'werkvoorraad' };
  if (pathname === '/beheer') return { page: 'beheer' };
  if (pathname === '/start') return { page: 'start' };
  if (pathname === '/referentie') return { page: 'referentie' };
  if (pathname === '/privacy') return { page: 'privacy' };
  if (pathname === '/account') return { page: 'account' };
  if (pathname === '/rapportage') return { page: 'rapportage' };
  if (pathname === '/monitoring') return { page: 'monitoring' };
  if (pathname === '/coordinatie') return { page: 'coordinatie' };
  if (pathname === '/cbs') return { page: 'cbs' };
  if (pathname === '/meldingen/nieuw') return { page: 'intake' };
  if (pathname === '/adviesvragen') return { page: 'adviesvragen' };
  if (pathname === '/zoeken') return { page: 'zoeken' };
  const c = /^\/casussen\/(\d+)$/.exec(pathname);
  if (c) return { page: 'casus', id: Number(c[1]) };
  return { page: 'niet_gevonden' };
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || rest.target) return;
    e.preventDefault();
    navigate(to);
  };
  // The link text comes in through rest.children.
  // eslint-disable-next-line jsx-a11y/anchor-has-content
  return <a href={to} onClick={handle} {...rest} />;
}
