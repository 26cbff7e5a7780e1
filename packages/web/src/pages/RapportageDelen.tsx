// Parts shared by the management-information pages (rapportage, monitoring, coördinatie, CBS):
// their sub-navigation, the number tables next to the charts, key figures, the suppression note.
import type { ReactNode } from 'react';
import { celTekst, waardeTekst, type Eenheid, type Punt } from '../components/charts/schaal.ts';
import { ScrollBox } from '../components/ScrollBox.tsx';
import { useApp } from '../context.ts';
import { Link, useLocation } from '../router.tsx';
import { mayCbs, mayRapportage } from '../roles.ts';
import { onderdrukkingTekst } from './RapportageModel.ts';

/** The pages of the management information, as a second navigation under the page title. */
export function RapportageNav() {
  const { user } = useApp();
  const { pathname } = useLocation();
  // A role with the CBS delivery only (functioneel beheerder, privacy officer) has no report pages.
  if (!mayRapportage(user.rollen)) return null;
  const items = [
    { to: '/rapportage', label: 'Halfjaarrapportage' },
    { to: '/monitoring', label: 'Monitoring' },
    { to: '/coordinatie', label: 'Coördinatie' },
    ...(mayCbs(user.rollen) ? [{ to: '/cbs', label: 'CBS-levering' }] : []),
  ];
  return (
    <nav aria-label="Managementinformatie" className="sub-nav">
      <ul>
        {items.map((i) => (
          <li key={i.to}>
            <Link to={i.to} className="sub-nav__link" aria-current={pathname === i.to ? 'page' : undefined}>
              {i.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A table cell for a figure: the number, or why it is missing. */
export function Cel({ p, eenheid }: { p: Punt; eenheid: Eenheid }) {
  if (p.waarde === null) {
    const tekst = p.status === 'onderdrukt' ? 'onderdrukt' : p.status === 'nogNiet' ? 'nog niet' : 'n.v.t.';
    return (
      <td
        className={`num ${p.status === 'onderdrukt' ? 'cel--onderdrukt' : p.status === 'nogNiet' ? 'cel--nvt cel--nog-niet' : 'cel--nvt'}`}
      >
        {tekst}
      </td>
    );
  }
  return <td className="num">{celTekst(p, eenheid)}</td>;
}

export interface Kolom {
  kop: string;
  eenheid: Eenheid;
}

/** The numbers of a chart as a table (row header + one cell per column). */
export function CijferTabel({
  titel,
  kolommen,
  rijen,
  eersteKop,
  testId,
}: {
  titel: string;
  kolommen: Kolom[];
  rijen: Array<{ label: ReactNode; cellen: Punt[]; nadruk?: boolean }>;
  eersteKop: string;
  testId?: string;
}) {
  return (
    <ScrollBox label={titel}>
      <table className="table table--compact table--cijfers" data-testid={testId}>
        <caption className="visually-hidden">{titel}</caption>
        <thead>
          <tr>
            <th scope="col">{eersteKop}</th>
            {kolommen.map((k) => (
              <th scope="col" className="num" key={k.kop}>
                {k.kop}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rijen.map((r, i) => (
            <tr key={i} className={r.nadruk ? 'rij--nadruk' : undefined}>
              <th scope="row">{r.label}</th>
              {r.cellen.map((c, j) => (
                <Cel key={j} p={c} eenheid={kolommen[j]!.eenheid} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

/** Key figures as large numbers with a label underneath. */
export function Kerncijfers({
  items,
  label,
}: {
  items: Array<{ label: string; p: Punt; eenheid: Eenheid; toelichting?: string }>;
  label: string;
}) {
  return (
    <dl className="kerncijfers" aria-label={label}>
      {items.map((i) => (
        <div key={i.label} className="kerncijfers__item">
          <dt>{i.label}</dt>
          <dd className={i.p.waarde === null ? 'kerncijfers__getal kerncijfers__getal--leeg' : 'kerncijfers__getal'}>
            {waardeTekst(i.p, i.eenheid)}
          </dd>
          {i.toelichting && <dd className="kerncijfers__toelichting">{i.toelichting}</dd>}
        </div>
      ))}
    </dl>
  );
}

/** The note every report page shows about small-cell suppression. */
export function OnderdrukkingNoot({ o }: { o: { drempel: number; cellen: string[] } }) {
  return (
    <div className={`notice ${o.drempel > 1 ? 'notice--warning' : ''} onderdrukking-noot`} data-testid="onderdrukking">
      <p>
        <strong>Kleine aantallen: </strong>
        {onderdrukkingTekst(o)}
      </p>
    </div>
  );
}
