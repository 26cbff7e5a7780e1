// The start page for roles without case work (privacy officer, beleid, onderzoek): what Voordeur
// offers them now, and what comes later.
import { useApp } from '../context.ts';
import { Link } from '../router.tsx';
import { ROLE_INFO } from '../roles.ts';

export function StartPage() {
  const { user } = useApp();
  const rollen = user.rollen.filter((r) => ROLE_INFO[r]);
  const label = (r: string) => user.rolLabels?.[user.rollen.indexOf(r)] ?? r;
  return (
    <>
      <h1>Welkom, {user.naam}</h1>
      <p className="lead">
        U bent ingelogd als {(user.rolLabels ?? user.rollen).join(', ')}. Voordeur toont u geen dossiers van huishoudens: daarvoor is uw rol niet bedoeld.
      </p>
      {rollen.length === 0 && <p>Voor uw rol zijn nog geen pagina’s beschikbaar. Neem contact op met de functioneel beheerder als u meer toegang nodig heeft.</p>}
      {rollen.map((r) => (
        <section key={r} className="section panel" aria-labelledby={`rol-${r}`} data-testid={`start-${r}`}>
          <h2 id={`rol-${r}`}>{label(r)}</h2>
          <h3>Nu beschikbaar</h3>
          <ul>
            {ROLE_INFO[r]!.nu.map((x) => (
              <li key={x}>{x}</li>
            ))}
            <li>
              <Link to="/referentie">Referentiegegevens bekijken</Link>: de codelijsten (met versie) en gemeenten zoals Voordeur ze gebruikt.
            </li>
          </ul>
          <h3>Binnenkort</h3>
          <ul>
            {ROLE_INFO[r]!.later.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
