// The overview of what Voordeur offers a role, with a link to the role's own page. Roles without
// case work reach it from the navigation ("Overzicht"); the onderzoeker, who has no page of its
// own yet, starts here. Every role lands on its own page after login (roles.ts startPath).
import { useApp } from '../context.ts';
import { Link } from '../router.tsx';
import { isBeheerder, isCaseWorker, ROLE_INFO, startLabel, startPath } from '../roles.ts';

export function StartPage() {
  const { user } = useApp();
  const rollen = user.rollen.filter((r) => ROLE_INFO[r]);
  const label = (r: string) => user.rolLabels?.[user.rollen.indexOf(r)] ?? r;
  const caseWorker = isCaseWorker(user.rollen);
  const eigen = startPath(user.rollen);
  return (
    <>
      <h1>Welkom, {user.naam}</h1>
      <p className="lead">
        U bent ingelogd als {(user.rolLabels ?? user.rollen).join(', ')}.
        {!caseWorker && ' Voordeur toont u geen dossiers van huishoudens: daarvoor is uw rol niet bedoeld.'}
      </p>
      {eigen !== '/start' && !rollen.some((r) => ROLE_INFO[r]!.pagina) && (
        <p>
          Uw werk begint op <Link to={eigen}>{startLabel(user.rollen)}</Link>.
        </p>
      )}
      {rollen.map((r) => {
        const info = ROLE_INFO[r]!;
        return (
          <section key={r} className="section panel" aria-labelledby={`rol-${r}`} data-testid={`start-${r}`}>
            <h2 id={`rol-${r}`}>{label(r)}</h2>
            <h3>Nu beschikbaar</h3>
            <ul>
              {info.pagina && (
                <li>
                  <Link to={info.pagina.to}>Naar {info.pagina.label}</Link>
                </li>
              )}
              {info.nu.map((x) => (
                <li key={x}>{x}</li>
              ))}
              <li>
                <Link to="/referentie">Referentiegegevens bekijken</Link>: de codelijsten (met versie) en gemeenten
                zoals Voordeur ze gebruikt.
              </li>
            </ul>
            {info.later.length > 0 && (
              <>
                <h3>Binnenkort</h3>
                <ul>
                  {info.later.map((x) => (
                    <li key={x}>{x}</li>
                  ))}
                </ul>
              </>
            )}
          </section>
        );
      })}
      {rollen.length === 0 && !caseWorker && (
        <p>
          Voor uw rol zijn nog geen pagina’s met gegevens beschikbaar. U kunt de{' '}
          <Link to="/referentie">referentiegegevens bekijken</Link>.
        </p>
      )}
      {!isBeheerder(user.rollen) && (
        <p className="muted">
          Heeft u voor uw werk meer toegang nodig, vraag dan de functioneel beheerder om uw rol aan te passen.
        </p>
      )}
    </>
  );
}
