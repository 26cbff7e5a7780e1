// The casus: one household's story. Header, household, a card per melding (clocks, persons,
// melder, the steps taken, the next actions as inline forms) and the timeline.
import { ScrollBox } from '../components/ScrollBox.tsx';
import { rollenMogen, type MeldingStatus } from '@voordeur/domain';
import { useEffect, useState } from 'react';
import { VeiligheidsvlagSectie } from '../components/Veiligheidsvlag.tsx';
import { Notice } from '../components/forms.tsx';
import {
  Consultaties,
  GeenRelatie,
  NoodtoegangBanner,
  type Consultatie,
  type CasusToegang,
} from '../components/Toegang.tsx';
import { useApp } from '../context.ts';
import { clearFlash, peekFlash } from '../flash.ts';
import { formatDag, formatTijdstip, leeftijdText } from '../format.ts';
import type { Casus } from '../types.ts';
import { isCaseWorker } from '../roles.ts';
import { Link } from '../router.tsx';
import { useApi } from '../useApi.ts';
import { ContactJournaal } from './CasusContact.tsx';
import { MeldingCard } from './CasusMelding.tsx';
import '../styles/casus.css';

/** One line of the casus radar: a melding about a person of this casus, in another casus (GET /api/casussen/:id). */
interface RadarRegel {
  meldingId: number;
  nummer: string;
  ontvangenOp: string;
  status: MeldingStatus;
  statusLabel: string;
  beoordelingUitkomst: string | null;
  casusId: number;
  casusNummer: string;
  persoonIds: number[];
}
type CasusMetRadar = Casus & { radar?: RadarRegel[] };

export function CasusPage({ id }: { id: number }) {
  const app = useApp();
  const casus = useApi<CasusMetRadar & { toegang?: CasusToegang; consultaties?: Consultatie[] }>(`/api/casussen/${id}`);
  // The message of the registration that led here; messages of later steps show in their melding.
  const [message, setMessage] = useState<string | null>(peekFlash);
  useEffect(() => clearFlash(), []);

  if (!casus.data) {
    return (
      <>
        <h1>Casus</h1>
        {casus.error?.code === 'geen_relatie' ? (
          // No relation with this casus: explain, and offer emergency access (break the glass).
          <GeenRelatie casusId={id} message={casus.error.message} onGranted={casus.reload} />
        ) : casus.error ? (
          <Notice kind="error">{casus.error.message}</Notice>
        ) : (
          <p aria-live="polite">Casus laden…</p>
        )}
      </>
    );
  }
  const c = casus.data;
  return (
    <>
      <div className="casus-header">
        <div>
          <p className="casus-header__kicker">Casus</p>
          <h1 data-testid="casus-nummer">{c.nummer}</h1>
          <p className="casus-header__adres">{c.huishouden.adres}</p>
        </div>
        <dl className="casus-header__meta">
          <div>
            <dt>Team</dt>
            <dd>{c.team.naam}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <span className={`tag${c.status === 'open' ? ' tag--open' : ''}`}>
                {c.status === 'open' ? 'Open' : 'Gesloten'}
              </span>
            </dd>
          </div>
          <div>
            <dt>Geopend</dt>
            <dd>{formatDag(c.geopendOp)}</dd>
          </div>
          <div>
            <dt>Meldingen</dt>
            <dd>{c.meldingen.length}</dd>
          </div>
        </dl>
      </div>
      {c.toegang?.noodtoegang && <NoodtoegangBanner noodtoegang={c.toegang.noodtoegang} />}
      <VeiligheidsvlagSectie
        casus={c}
        canEdit={isCaseWorker(app.user.rollen)}
        onChanged={() => {
          setMessage(null);
          casus.reload();
        }}
      />
      <div aria-live="polite">
        {message && <Notice kind="success">{message}</Notice>}
        {casus.error && <Notice kind="error">Bijwerken lukte niet: {casus.error.message}</Notice>}
      </div>

      <Huishouden casus={c} />

      <Radar casus={c} />

      <section aria-labelledby="meldingen-titel" className="section">
        <h2 id="meldingen-titel">Meldingen</h2>
        {[...c.meldingen].reverse().map((m) => (
          <MeldingCard
            key={m.id}
            casus={c}
            melding={m}
            reload={casus.reload}
            onDone={() => {
              setMessage(null);
              casus.reload();
            }}
          />
        ))}
      </section>

      <ContactJournaal casus={c} canEdit={rollenMogen(app.user.rollen, 'melding', 'update')} onChanged={casus.reload} />

      <Consultaties
        casusId={c.id}
        consultaties={c.consultaties ?? []}
        magConsulteren={!!c.toegang?.magConsulteren}
        onChanged={casus.reload}
      />

      <section aria-labelledby="tijdlijn-titel" className="section">
        <h2 id="tijdlijn-titel">Tijdlijn</h2>
        <ol className="timeline" data-testid="tijdlijn">
          {c.timeline.map((t, i) => (
            <li key={i} className={`timeline__item timeline__item--${t.soort}`}>
              <div className="timeline__when">{formatTijdstip(t.at)}</div>
              <div className="timeline__body">
                <p className="timeline__title">
                  {t.titel} <span className="muted">· {t.meldingNummer}</span>
                </p>
                {t.door && <p className="timeline__door">door {t.door}</p>}
                {t.tekst && <p className="timeline__text">{t.tekst}</p>}
              </div>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

type Lid = Casus['huishouden']['leden'][number];

function Lid({ l, rolLabel }: { l: Lid; rolLabel: string }) {
  return (
    <li className={`person person--${l.rol === 'kind' ? 'kind' : 'volwassene'}`}>
      <span className="person__name">{l.naam}</span>
      <span className="person__meta">
        {leeftijdText(l.leeftijd)}
        {l.geboortedatumLabel ? ` · geb. ${l.geboortedatumLabel}` : ''}
      </span>
      <span className="person__role">{rolLabel}</span>
    </li>
  );
}

function Huishouden({ casus }: { casus: Casus }) {
  const app = useApp();
  const leden = casus.huishouden.leden;
  const kinderen = leden.filter((l) => l.rol === 'kind');
  const volwassenen = leden.filter((l) => l.rol !== 'kind');
  return (
    <section aria-labelledby="huishouden-titel" className="section">
      <h2 id="huishouden-titel">Huishouden ({leden.length})</h2>
      <div className="household" data-testid="huishouden">
        {volwassenen.length > 0 && (
          <div className="household__row">
            <h3 className="household__label">Volwassenen</h3>
            <ul className="household__members">
              {volwassenen.map((l) => (
                <Lid key={l.id} l={l} rolLabel={app.label('huishouden_rol', l.rol)} />
              ))}
            </ul>
          </div>
        )}
        {kinderen.length > 0 && (
          <div className="household__row household__row--children">
            <h3 className="household__label">Kinderen</h3>
            <ul className="household__members">
              {kinderen.map((l) => (
                <Lid key={l.id} l={l} rolLabel={app.label('huishouden_rol', l.rol)} />
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}

function Radar({ casus }: { casus: CasusMetRadar }) {
  const app = useApp();
  const radar = casus.radar;
  if (!radar) return null;
  const naam = (id: number) =>
    casus.huishouden.leden.find((l) => l.id === id)?.naam ??
    casus.meldingen.flatMap((m) => m.betrokkenen).find((b) => b.persoonId === id)?.naam ??
    `persoon ${id}`;
  const casussen = new Set(radar.map((r) => r.casusId)).size;
  return (
    // With hits it looks like the intake radar (a warning box); without, a plain section.
    <section
      aria-labelledby="radar-titel"
      className={`section casus-radar${radar.length ? ' radar' : ''}`}
      data-testid="casus-radar-sectie"
    >
      <h2 id="radar-titel">Radar: andere meldingen over deze personen</h2>
      {radar.length === 0 ? (
        <p className="muted" data-testid="radar-leeg">
          Geen andere meldingen of casussen over de personen van deze casus.
        </p>
      ) : (
        <>
          <p className="radar__samenvatting" data-testid="radar-samenvatting">
            {radar.length === 1 ? '1 andere melding' : `${radar.length} andere meldingen`} in{' '}
            {casussen === 1 ? '1 andere casus' : `${casussen} andere casussen`}
            {radar.some((r) => r.status !== 'afgesloten')
              ? `, waarvan ${radar.filter((r) => r.status !== 'afgesloten').length} nog open`
              : ''}
            . Alleen nummers en status; de inhoud staat in de casus zelf.
          </p>
          <ScrollBox label="Radar">
            <table className="table table--compact" data-testid="casus-radar">
              <thead>
                <tr>
                  <th scope="col">Melding</th>
                  <th scope="col">Ontvangen</th>
                  <th scope="col">Casus</th>
                  <th scope="col">Status</th>
                  <th scope="col">Uitkomst beoordeling</th>
                  <th scope="col">Over</th>
                </tr>
              </thead>
              <tbody>
                {radar.map((r) => (
                  <tr key={r.meldingId} data-testid={`radar-${r.nummer}`}>
                    <th scope="row">{r.nummer}</th>
                    <td>{formatDag(r.ontvangenOp)}</td>
                    <td>
                      <Link to={`/casussen/${r.casusId}`}>{r.casusNummer}</Link>
                    </td>
                    <td>
                      <span className={`status status--${r.status}`}>{r.statusLabel}</span>
                    </td>
                    <td>
                      {r.beoordelingUitkomst ? (
                        app.label('beoordeling_uitkomst', r.beoordelingUitkomst)
                      ) : (
                        <span className="muted">nog niet beoordeeld</span>
                      )}
                    </td>
                    <td>{r.persoonIds.map(naam).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </>
      )}
    </section>
  );
}
