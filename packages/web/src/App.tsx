// The shell: session, reference data, header with navigation, and the page for the current path.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, ApiError, setCsrfToken, setUnauthorizedHandler } from './api.ts';
import { AppContext, makeAppState } from './context.ts';
import { clearDrafts, discardDrafts, setDraftOwner } from './drafts.ts';
import { formatDatum } from './format.ts';
import { Link, matchRoute, navigate, useLocation } from './router.tsx';
import type { Gebruiker, Referentie, SessieAntwoord } from './types.ts';
import { mayOpen, navItems, startLabel, startPath } from './roles.ts';
import { AdviesvraagPage } from './pages/Adviesvraag.tsx';
import { BeheerPage, ReferentiePage } from './pages/Beheer.tsx';
import { CasusPage } from './pages/Casus.tsx';
import { IntakePage } from './pages/Intake.tsx';
import { LoginPage } from './pages/Login.tsx';
import { StartPage } from './pages/Start.tsx';
import { WerkvoorraadPage } from './pages/Werkvoorraad.tsx';
import { ZoekenPage } from './pages/Zoeken.tsx';
import { AccountPage } from './pages/Account.tsx';
import { PrivacyPage } from './pages/Privacy.tsx';
import { RapportagePage } from './pages/Rapportage.tsx';
import { MonitoringPage } from './pages/Monitoring.tsx';
import { CoordinatiePage } from './pages/Coordinatie.tsx';
import { CbsPage } from './pages/Cbs.tsx';

type Session =
  | { state: 'loading' }
  | { state: 'anonymous'; reason?: string }
  | { state: 'in'; user: Gebruiker; ref: Referentie | null; refError?: string };

const TITLES: Record<string, string> = {
  home: 'Start',
  werkvoorraad: 'Werkvoorraad',
  intake: 'Nieuwe melding',
  adviesvragen: 'Adviesvraag',
  zoeken: 'Zoeken',
  casus: 'Casus',
  beheer: 'Beheer',
  start: 'Start',
  referentie: 'Referentiegegevens',
  privacy: 'Privacy',
  account: 'Mijn account',
  rapportage: 'Halfjaarrapportage',
  monitoring: 'Monitoring',
  coordinatie: 'Coördinatie',
  cbs: 'CBS-levering',
  niet_gevonden: 'Niet gevonden',
};

export function App() {
  const [session, setSession] = useState<Session>({ state: 'loading' });
  const loc = useLocation();
  const route = matchRoute(loc.pathname);

  // A message from the login (e.g. recovery codes left), shown on the first page only.
  const [loginMessage, setLoginMessage] = useState<string | null>(null);
  const prevPath = useRef(loc.pathname);
  useEffect(() => {
    // The redirect from '/' to the start page is not a page change of the user's.
    if (prevPath.current !== '/') setLoginMessage(null);
    prevPath.current = loc.pathname;
  }, [loc.pathname]);
  const start = useCallback(async (s: SessieAntwoord, message?: string) => {
    setCsrfToken(s.csrfToken);
    setDraftOwner(s.gebruiker.id, s.csrfToken);
    setLoginMessage(message ?? null);
    setSession({ state: 'in', user: s.gebruiker, ref: null });
    try {
      const ref = await api.get<Referentie>('/api/referentie');
      setSession({ state: 'in', user: s.gebruiker, ref });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      setSession({ state: 'in', user: s.gebruiker, ref: null, refError: e instanceof Error ? e.message : String(e) });
    }
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      setSession({
        state: 'anonymous',
        reason: 'Uw sessie is verlopen. Log opnieuw in; wat u had ingevuld blijft bewaard.',
      });
    });
    api.get<SessieAntwoord>('/api/sessie').then(
      (s) => start(s),
      () => setSession({ state: 'anonymous' }),
    );
  }, [start]);

  // '/' leads to the start page of the user's role.
  const userRollen = session.state === 'in' ? session.user.rollen : null;
  useEffect(() => {
    if (userRollen && route.page === 'home') navigate(startPath(userRollen), { replace: true });
  }, [userRollen, route.page]);

  const logout = async () => {
    // "Uitloggen" means done: the drafts go too (a timeout or a closed tab keeps them).
    await discardDrafts();
    try {
      await api.del('/api/sessie');
    } catch {
      // Logged out anyway on this side.
    }
    setCsrfToken(null);
    clearDrafts();
    setSession({ state: 'anonymous', reason: 'U bent uitgelogd.' });
    navigate('/', { replace: true });
  };

  // "Uitloggen op alle apparaten" (account page): the session has ended; drafts stay on the server.
  const loggedOutEverywhere = () => {
    setCsrfToken(null);
    clearDrafts();
    setSession({
      state: 'anonymous',
      reason: 'U bent op alle apparaten uitgelogd. Wat u had ingevuld, blijft bewaard als concept.',
    });
    navigate('/', { replace: true });
  };

  const app = useMemo(
    () => (session.state === 'in' && session.ref ? makeAppState(session.user, session.ref) : null),
    [session],
  );

  // Move focus to the page heading on navigation (screen readers announce the new page).
  const mainRef = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const h1 = mainRef.current?.querySelector('h1');
    if (h1) {
      h1.setAttribute('tabindex', '-1');
      h1.focus();
    }
  }, [loc.pathname]);

  useEffect(() => {
    const titel =
      session.state !== 'in'
        ? 'Inloggen'
        : mayOpen(route.page, session.user.rollen)
          ? TITLES[route.page]
          : 'Hoort niet bij uw rol';
    document.title = `${titel} – Voordeur`;
  }, [route.page, session]);

  if (session.state === 'loading') {
    return (
      <div className="loading-screen" aria-live="polite">
        Voordeur wordt geladen…
      </div>
    );
  }
  if (session.state === 'anonymous') {
    return <LoginPage reason={session.reason} onLoggedIn={start} />;
  }
  const user = session.user;
  const nav = navItems(user.rollen);
  return (
    <>
      <a className="skip-link" href="#main">
        Naar de inhoud
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to={startPath(user.rollen)} className="site-header__brand">
            Voordeur <span className="site-header__org">Veilig Thuis</span>
          </Link>
          <nav aria-label="Hoofdnavigatie" className="site-nav">
            <ul>
              {nav.map((n) => (
                <li key={n.to}>
                  <Link
                    to={n.to}
                    className="site-nav__link"
                    aria-current={route.page === n.page || n.pages?.includes(route.page) ? 'page' : undefined}
                  >
                    {n.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="site-header__user">
            <span className="site-header__name" data-testid="gebruiker">
              {user.naam}
              <span className="site-header__roles" title={(user.rolLabels ?? user.rollen).join(', ')}>
                {(user.rolLabels ?? user.rollen).join(', ')}
              </span>
            </span>
            <Link
              to="/account"
              className="site-header__account"
              aria-current={route.page === 'account' ? 'page' : undefined}
            >
              Mijn account
            </Link>
            <button type="button" className="button button--header" onClick={logout}>
              Uitloggen
            </button>
          </div>
        </div>
      </header>
      {app?.ref.huisbezoekprotocol && (
        // The home-visit protocol in force, on every page of case workers (issue 13, docs/contact.md).
        <p
          className={`protocol-balk protocol-balk--${app.ref.huisbezoekprotocol.protocol}`}
          data-testid="huisbezoekprotocol"
        >
          {app.ref.huisbezoekprotocol.label}
          {app.ref.huisbezoekprotocol.sinds ? ` (sinds ${formatDatum(app.ref.huisbezoekprotocol.sinds)})` : ''}
        </p>
      )}
      <main id="main" className="page" ref={mainRef} tabIndex={-1}>
        {!app ? (
          session.refError ? (
            <div className="notice notice--error" role="alert">
              De codelijsten konden niet worden geladen: {session.refError}
            </div>
          ) : (
            <p aria-live="polite">Laden…</p>
          )
        ) : (
          <AppContext.Provider value={app}>
            {loginMessage && (
              <div className="notice notice--warning" role="status">
                {loginMessage}
              </div>
            )}
            {!mayOpen(route.page, user.rollen) ? (
              <NietVoorUwRol rollen={user.rollen} />
            ) : (
              <>
                {route.page === 'werkvoorraad' && <WerkvoorraadPage />}
                {route.page === 'intake' && <IntakePage key={loc.search.get('adviesvraag') ?? 'nieuw'} />}
                {route.page === 'adviesvragen' && <AdviesvraagPage />}
                {route.page === 'zoeken' && <ZoekenPage />}
                {route.page === 'casus' && <CasusPage key={route.id} id={route.id} />}
                {route.page === 'beheer' && <BeheerPage />}
                {route.page === 'start' && <StartPage />}
                {route.page === 'referentie' && <ReferentiePage />}
                {route.page === 'privacy' && <PrivacyPage />}
                {route.page === 'account' && <AccountPage onLoggedOutEverywhere={loggedOutEverywhere} />}
                {route.page === 'rapportage' && <RapportagePage />}
                {route.page === 'monitoring' && <MonitoringPage />}
                {route.page === 'coordinatie' && <CoordinatiePage />}
                {route.page === 'cbs' && <CbsPage />}
                {route.page === 'niet_gevonden' && (
                  <>
                    <h1>Pagina niet gevonden</h1>
                    <p>
                      Deze pagina bestaat niet. Ga naar de <Link to={startPath(user.rollen)}>startpagina</Link>.
                    </p>
                  </>
                )}
              </>
            )}
          </AppContext.Provider>
        )}
      </main>
    </>
  );
}

/**
 * A page that does not belong to the user's role (typed in, a bookmark, a link from a colleague):
 * said in plain words, with the way back; the page itself (and its forms and API calls) is not rendered.
 */
function NietVoorUwRol({ rollen }: { rollen: readonly string[] }) {
  return (
    <div data-testid="niet-voor-uw-rol">
      <h1>Deze pagina hoort niet bij uw rol</h1>
      <p className="lead">
        Met uw rol werkt u op andere pagina’s van Voordeur. Deze pagina is voor collega’s met een andere taak.
      </p>
      <p>
        Ga naar <Link to={startPath(rollen)}>{startLabel(rollen)}</Link>, uw startpagina.
      </p>
      {!rollen.includes('functioneel_beheerder') && (
        <p className="muted">
          Heeft u deze pagina wel nodig voor uw werk? Vraag dan de functioneel beheerder om uw rol aan te passen.
        </p>
      )}
    </div>
  );
}
