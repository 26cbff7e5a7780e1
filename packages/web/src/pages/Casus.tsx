// The casus: one household's story. Header, household, a card per melding (clocks, persons,
// melder, the steps taken, the next actions as inline forms) and the timeline.
import { ScrollBox } from '../components/ScrollBox.tsx';
import { ACTIE_LABEL, BRON_LABEL, HULP_GESTART_LABEL, isTransitie, VEILIG_LABEL, type Actie, type MeldingStatus } from '@voordeur/domain';
import { api, ApiError } from '../api.ts';
import { useEffect, useRef, useState } from 'react';
import { ClockBadge } from '../components/clock.tsx';
import { VeiligheidsvlagSectie } from '../components/Veiligheidsvlag.tsx';
import { Notice } from '../components/forms.tsx';
import { Consultaties, GeenRelatie, NoodtoegangBanner, type Consultatie, type CasusToegang } from '../components/Toegang.tsx';
import { useApp } from '../context.ts';
import { useDraft } from '../drafts.ts';
import { clearFlash, peekFlash } from '../flash.ts';
import { clockLabel, daysLeftText, formatDag, formatDatum, formatTijdstip, jaNee, leeftijdText } from '../format.ts';
import type { Casus, Melding } from '../types.ts';
import { CASE_ROLES, isCaseWorker } from '../roles.ts';
import { Link } from '../router.tsx';
import { useApi } from '../useApi.ts';
import { ActionForm } from './casusActions.tsx';
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

/** Who may assign work to someone else: policy werkvoorraad_toewijzen (update), i.e. the teammanager. */
const mayToewijzen = (rollen: readonly string[]) => rollen.includes('teammanager');

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
              <span className={`tag${c.status === 'open' ? ' tag--open' : ''}`}>{c.status === 'open' ? 'Open' : 'Gesloten'}</span>
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
      <VeiligheidsvlagSectie casus={c} canEdit={isCaseWorker(app.user.rollen)} onChanged={() => {
        setMessage(null);
        casus.reload();
      }} />
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

      <Consultaties casusId={c.id} consultaties={c.consultaties ?? []} magConsulteren={!!c.toegang?.magConsulteren} onChanged={casus.reload} />

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

function MeldingCard({ casus, melding: m, reload, onDone }: { casus: Casus; melding: Melding; reload: () => void; onDone: () => void }) {
  const app = useApp();
  const [notice, setNotice] = useState<string | null>(null);
  const [toewijsProbleem, setToewijsProbleem] = useState<string | null>(null);
  useEffect(() => {
    if (notice) setToewijsProbleem(null);
  }, [notice]);
  const noticeRef = useRef<HTMLDivElement>(null);
  // After a step the form closes: focus its confirmation, so keyboard users keep their place.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const [open, setOpen] = useDraft<Actie | null>(`casus:${m.id}:open`, () => null);
  // An action that is no longer possible (after a reload) closes its form.
  useEffect(() => {
    if (open && !m.acties.some((a) => a.actie === open)) setOpen(null);
  }, [open, m.acties, setOpen]);
  const naam = (id?: number) => (id ? m.betrokkenen.find((b) => b.persoonId === id)?.naam : undefined);
  const prefix = `m${m.id}`;
  return (
    <article className={`card melding melding--${m.status}`} aria-labelledby={`${prefix}-titel`} data-testid={`melding-${m.nummer}`}>
      <header className="card__header">
        <h3 className="card__title" id={`${prefix}-titel`}>
          Melding {m.nummer}
        </h3>
        <span className={`status status--${m.status}`} data-testid="melding-status">
          {m.statusLabel}
        </span>
        <span className="muted">ontvangen {formatTijdstip(m.ontvangenOp)}</span>
        {m.behandelaar ? <span className="muted">behandelaar {m.behandelaar.naam}</span> : <span className="muted">nog geen behandelaar</span>}
      </header>
      {m.status !== 'afgesloten' && isCaseWorker(app.user.rollen) && (
        <Toewijzen
          casus={casus}
          melding={m}
          onDone={(msg) => {
            setNotice(`${m.nummer}: ${msg}`);
            onDone();
          }}
          onStale={(msg) => {
            setNotice(null);
            setToewijsProbleem(msg);
            reload();
          }}
        />
      )}
      {toewijsProbleem && (
        <div className="notice notice--error" role="alert">
          {toewijsProbleem}
        </div>
      )}

      <div className="melding__grid">
        <div>
          <h4>Termijnen</h4>
          <ScrollBox label="Termijnen">
            <table className="table table--compact table--clocks" data-testid="klokken">
              <thead>
                <tr>
                  <th scope="col">Termijn</th>
                  <th scope="col">Uiterlijk</th>
                  <th scope="col">Stand</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {m.clocks.map((k, i) => (
                  <tr key={i} data-testid={`klok-${k.kind}`}>
                    <th scope="row">{clockLabel(k, k.kind === 'terugkoppeling' ? terugkoppelingMoment(m, k) : naam(k.persoonId))}</th>
                    <td>{formatDatum(k.due)}</td>
                    <td>{daysLeftText(k)}</td>
                    <td>
                      <ClockBadge state={k.state} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>

          <h4>Melding</h4>
          <dl className="dl">
            <dt>Binnengekomen via</dt>
            <dd>{app.label('binnenkomst', m.binnenkomst)}</dd>
            <dt>Aanleiding</dt>
            <dd>{app.labels('aanleiding', m.aanleiding)}</dd>
            <dt>Aard</dt>
            <dd>{m.aard.length ? app.labels('aard', m.aard) : <span className="muted">niet vastgelegd</span>}</dd>
            {m.signalen && m.signalen.length > 0 && (
              <>
                <dt>Signalen</dt>
                <dd>{app.labels('signaal', m.signalen)}</dd>
              </>
            )}
            <dt>Regio</dt>
            <dd>
              {m.regio === 'eigen' ? 'Eigen regio' : m.regio === 'andere' ? 'Andere regio' : 'Onbekend'}
              {m.gemeenteCode ? ` · ${app.gemeenteNaam(m.gemeenteCode)}` : ''}
            </dd>
            <dt>Huishouden met kinderen</dt>
            <dd>{jaNee(m.metKinderen)}</dd>
            <dt>Omschrijving</dt>
            <dd className="prewrap">{m.omschrijving}</dd>
          </dl>
        </div>
        <div>
          <h4>Betrokkenen</h4>
          <ul className="plain-list">
            {m.betrokkenen.map((b) => {
              const inf = m.informering.find((i) => i.persoonId === b.persoonId);
              return (
                <li key={b.persoonId}>
                  <strong>{b.naam}</strong> — {app.label('betrokkene_rol', b.rol)}
                  {inf && <span className="muted block">{inf.geinformeerdOp ? `geïnformeerd op ${formatDag(inf.geinformeerdOp)}${inf.wijze ? ` (${inf.wijze})` : ''}` : `nog niet geïnformeerd${inf.verlengingen?.length ? `, termijn ${inf.verlengingen.length}× verlengd` : ''}`}</span>}
                </li>
              );
            })}
          </ul>

          <h4>Melder</h4>
          {m.melder?.wilOnbekendBlijven && (
            <p className="notice notice--warning notice--inline" data-testid="melder-onbekend">
              <strong>Melder wil onbekend blijven voor het gezin</strong>
            </p>
          )}
          <dl className="dl">
            <dt>Hoedanigheid</dt>
            <dd>{app.label('hoedanigheid', m.melderHoedanigheid)}</dd>
            {m.melder ? (
              <>
                {m.melder.naam && (
                  <>
                    <dt>Naam</dt>
                    <dd>{m.melder.naam}</dd>
                  </>
                )}
                {(m.melder.organisatie || m.melder.functie) && (
                  <>
                    <dt>Organisatie</dt>
                    <dd>{[m.melder.organisatie, m.melder.functie].filter(Boolean).join(', ')}</dd>
                  </>
                )}
                {(m.melder.telefoon || m.melder.email) && (
                  <>
                    <dt>Contact</dt>
                    <dd>{[m.melder.telefoon, m.melder.email].filter(Boolean).join(' · ')}</dd>
                  </>
                )}
                {!m.melder.wilOnbekendBlijven && (
                  <>
                    <dt>Melder wil onbekend blijven</dt>
                    <dd data-testid="melder-wens">nee</dd>
                  </>
                )}
              </>
            ) : (
              <>
                <dt>Gegevens</dt>
                <dd className="muted">De identiteit van de melder is afgeschermd.</dd>
              </>
            )}
          </dl>
        </div>
      </div>

      <Stappen melding={m} />

      <div className="actions" aria-label={`Acties voor melding ${m.nummer}`} role="group">
        <h4>Volgende stap</h4>
        <div aria-live="polite">
          {notice && (
            <div className="notice notice--success" role="status" tabIndex={-1} ref={noticeRef}>
              {notice}
            </div>
          )}
        </div>
        {m.acties.length === 0 ? (
          <p className="muted">Geen acties meer mogelijk.</p>
        ) : (
          <div className="button-row button-row--wrap">
            {m.acties.map((a) => (
              <button
                key={a.actie}
                type="button"
                className={`button${isTransitie(a.actie) ? '' : ' button--secondary'}`}
                aria-expanded={open === a.actie}
                aria-controls={open === a.actie ? `${prefix}-${a.actie}-form` : undefined}
                onClick={() => {
                  setNotice(null);
                  setOpen(open === a.actie ? null : a.actie);
                }}
              >
                {a.label}
              </button>
            ))}
          </div>
        )}
        {m.status !== 'afgesloten' && !m.metKinderen && !m.acties.some((a) => a.actie === 'rvdk_verzoek') && (
          <p className="muted rvdk-niet" data-testid="rvdk-niet">
            Een verzoek tot onderzoek aan de Raad voor de Kinderbescherming kan niet: dit huishouden heeft geen minderjarige kinderen.
          </p>
        )}
        {open && (
          <ActionForm
            key={open}
            casus={casus}
            melding={m}
            actie={open}
            onCancel={() => setOpen(null)}
            onReload={reload}
            onDone={(msg) => {
              setOpen(null);
              setNotice(`${m.nummer}: ${msg}`);
              onDone();
            }}
          />
        )}
      </div>
    </article>
  );
}

/** The server has two terugkoppeling clocks (after the beoordeling, after an onderzoek): tell them apart by their start. */
function terugkoppelingMoment(m: Melding, k: { startedAt: string }): string {
  const start = new Date(k.startedAt).getTime();
  return m.beoordeling && new Date(m.beoordeling.vastgesteldOp).getTime() === start ? 'na beoordeling' : 'na onderzoek';
}

function Stappen({ melding: m }: { melding: Melding }) {
  const app = useApp();
  const b = m.beoordeling;
  const d = m.dienst;
  const o = m.overdracht;
  const a = m.afsluiting;
  const mcs = m.monitoringcontacten ?? [];
  const laatste = mcs[mcs.length - 1];
  if (!b && !d && !o && !a && !m.terugkoppelingen.length && !m.rvdkVerzoeken.length && !mcs.length) return null;
  return (
    <div className="steps">
      {b && (
        <section className="step-summary" aria-label="Veiligheidsbeoordeling" data-testid="beoordeling">
          <h4>Veiligheidsbeoordeling · {formatTijdstip(b.vastgesteldOp)}</h4>
          <dl className="dl">
            <dt>Uitkomst</dt>
            <dd>{app.label('beoordeling_uitkomst', b.uitkomst)}</dd>
            <dt>Acute onveiligheid</dt>
            <dd>{jaNee(b.acuteOnveiligheid)}</dd>
            <dt>Structurele onveiligheid</dt>
            <dd>{jaNee(b.structureleOnveiligheid)}</dd>
            <dt>Bronnen</dt>
            <dd>{b.bronnen.map((x) => BRON_LABEL[x as keyof typeof BRON_LABEL] ?? x).join(', ')}</dd>
            <dt>Besloten door</dt>
            <dd>
              {b.beslotenDoor}, getoetst door {b.getoetstDoor}
            </dd>
            <dt>Motivering</dt>
            <dd className="prewrap">{b.motivering}</dd>
          </dl>
        </section>
      )}
      {d && (
        <section className="step-summary" aria-label="Dienst">
          <h4>
            Dienst {d.soort === 'onderzoek' ? 'Onderzoek' : 'Voorwaarden en Vervolg'} · gestart {formatDag(d.gestartOp)}
            {d.afgeslotenOp ? `, afgerond ${formatDag(d.afgeslotenOp)}` : ''}
          </h4>
          {d.veiligheidsvoorwaarden && d.veiligheidsvoorwaarden.length > 0 && (
            <>
              <p className="dl-label">Veiligheidsvoorwaarden</p>
              <ul>
                {d.veiligheidsvoorwaarden.map((v, i) => (
                  <li key={i}>{v.tekst}</li>
                ))}
              </ul>
            </>
          )}
          {d.onderzoekUitkomsten && d.onderzoekUitkomsten.length > 0 && (
            <dl className="dl">
              {d.onderzoekUitkomsten.map((u) => (
                <div key={u.type} className="dl__pair">
                  <dt>{app.label('geweld_type', u.type)}</dt>
                  <dd>{app.label('onderzoek_uitkomst', u.uitkomst)}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      )}
      {o && (
        <section className="step-summary" aria-label="Overdracht" data-testid="overdracht">
          <h4>Overdracht · {formatTijdstip(o.overgedragenOp)}</h4>
          <dl className="dl">
            <dt>Ontvanger</dt>
            <dd>
              {o.ontvangerNaam} ({app.label('overdracht_ontvanger', o.ontvangerType)})
            </dd>
            <dt>Moment</dt>
            <dd>{o.moment === 'na_beoordeling' ? 'Direct na de veiligheidsbeoordeling' : 'Na een dienst'}</dd>
            <dt>Al bekend bij ontvanger</dt>
            <dd>{jaNee(o.reedsBekend)}</dd>
            <dt>Warme overdracht</dt>
            <dd>{jaNee(o.warm)}</dd>
            {o.monitoringAfspraken && (
              <>
                <dt>Monitoringafspraken</dt>
                <dd className="prewrap">{o.monitoringAfspraken}</dd>
              </>
            )}
          </dl>
        </section>
      )}
      {mcs.length > 0 && (
        <section className="step-summary" aria-label="Monitoring" data-testid="monitoring">
          <h4>Monitoring na overdracht</h4>
          {laatste?.veilig === 'nee' && m.status !== 'afgesloten' && (
            <Notice kind="warning">
              <strong>Laatste monitoringcontact ({formatDag(laatste.gedaanOp)}): niet veilig.</strong> Er is een nieuwe veiligheidsbeoordeling nodig: registreer een hermelding via Intake, zodat de veiligheid opnieuw binnen 5 werkdagen wordt beoordeeld.
            </Notice>
          )}
          <ul className="plain-list">
            {mcs.map((x, i) => (
              <li key={i} data-testid="monitoringcontact">
                <strong>{formatTijdstip(x.gedaanOp)}</strong>
                {x.door ? ` door ${x.door}` : ''} — hulp gestart: {HULP_GESTART_LABEL[x.hulpGestart].toLowerCase()}, veilig: {VEILIG_LABEL[x.veilig].toLowerCase()}
                <span className="block prewrap">{x.bevindingen}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {a && (
        <section className="step-summary" aria-label="Afsluiting">
          <h4>Afgesloten · {formatTijdstip(a.afgeslotenOp)}</h4>
          <dl className="dl">
            <dt>Reden</dt>
            <dd>{app.label('afsluitreden', a.reden)}</dd>
            {a.toelichting && (
              <>
                <dt>Toelichting</dt>
                <dd className="prewrap">{a.toelichting}</dd>
              </>
            )}
          </dl>
        </section>
      )}
      {m.terugkoppelingen.length > 0 && (
        <section className="step-summary" aria-label="Terugkoppeling aan melder">
          <h4>Terugkoppeling aan melder</h4>
          <ul className="plain-list">
            {m.terugkoppelingen.map((t, i) => (
              <li key={i}>
                <strong>{t.moment === 'na_onderzoek' ? 'Na onderzoek' : 'Na beoordeling'}</strong>, {formatDag(t.gedaanOp)}
                {t.door ? ` door ${t.door}` : ''}: {t.inhoud}
              </li>
            ))}
          </ul>
        </section>
      )}
      {m.rvdkVerzoeken.length > 0 && (
        <section className="step-summary" aria-label="Verzoek aan de Raad voor de Kinderbescherming">
          <h4>{ACTIE_LABEL.rvdk_verzoek}</h4>
          <ul className="plain-list">
            {m.rvdkVerzoeken.map((r, i) => (
              <li key={i}>
                {formatDag(r.verzochtOp)}: {r.motivering}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}


/**
 * Oppakken (assign to myself) and, for whoever may assign work to others (teammanager, policy
 * werkvoorraad_toewijzen), "Toewijzen aan …". The same call as the werkvoorraad:
 * POST /api/meldingen/:id/toewijzen with the casus version as read.
 */
function Toewijzen({ casus, melding: m, onDone, onStale }: { casus: Casus; melding: Melding; onDone: (message: string) => void; onStale: (message: string) => void }) {
  const app = useApp();
  const [busy, setBusy] = useState(false);
  const [keuze, setKeuze] = useState('');
  const [fout, setFout] = useState<string | null>(null);
  const magToewijzen = mayToewijzen(app.user.rollen);
  // Colleagues who handle meldingen, the casus's own team first.
  const collegas = app.ref.medewerkers
    .filter((x) => x.rollen.some((r) => (CASE_ROLES as readonly string[]).includes(r)))
    .sort((a, b) => Number(b.teamId === casus.team.id) - Number(a.teamId === casus.team.id) || a.naam.localeCompare(b.naam));
  const naam = (id: number | null) => (id === null ? 'niemand (terug naar de werkvoorraad)' : (app.ref.medewerkers.find((x) => x.id === id)?.naam ?? `medewerker ${id}`));

  const wijs = async (behandelaarId: number | null) => {
    setFout(null);
    setBusy(true);
    try {
      await api.post(`/api/meldingen/${m.id}/toewijzen`, { behandelaarId, versie: casus.versie });
      setKeuze('');
      onDone(behandelaarId === app.user.id ? 'u bent nu de behandelaar.' : behandelaarId === null ? 'de melding is niet meer toegewezen.' : `toegewezen aan ${naam(behandelaarId)}.`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'versie_conflict') onStale(`Melding ${m.nummer} is intussen door iemand anders gewijzigd (bijvoorbeeld al opgepakt). De casus is bijgewerkt; kijk of u nog wilt toewijzen.`);
      else setFout(`Toewijzen lukte niet: ${e instanceof ApiError ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  // As on the werkvoorraad: an unassigned melding can be picked up; taking over a colleague's work
  // is assigning, which only whoever may assign others does.
  if (m.behandelaar && !magToewijzen) return null;
  const selectId = `m${m.id}-toewijzen`;
  return (
    <div className="toewijzen" role="group" aria-label={`Behandelaar van melding ${m.nummer}`} data-testid="toewijzen">
      {!m.behandelaar && (
        <button type="button" className="button button--secondary button--small" disabled={busy} onClick={() => void wijs(app.user.id)} aria-label={`Melding ${m.nummer} oppakken`}>
          {busy ? 'Bezig…' : 'Oppakken'}
        </button>
      )}
      {magToewijzen && (
        <form
          className="toewijzen__form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!keuze) return setFout('Kies aan wie u de melding toewijst.');
            void wijs(keuze === 'geen' ? null : Number(keuze));
          }}
        >
          <label htmlFor={selectId} className="toewijzen__label">
            Toewijzen aan
          </label>
          <select id={selectId} className="select select--small" value={keuze} onChange={(e) => setKeuze(e.target.value)} aria-invalid={fout ? true : undefined}>
            <option value="">— kies —</option>
            {collegas
              .filter((x) => x.id !== m.behandelaar?.id)
              .map((x) => (
                <option key={x.id} value={String(x.id)}>
                  {x.naam}
                  {x.teamId !== casus.team.id ? ' (ander team)' : ''}
                </option>
              ))}
            {m.behandelaar && <option value="geen">Niemand (terug naar de werkvoorraad)</option>}
          </select>
          <button type="submit" className="button button--secondary button--small" disabled={busy}>
            Toewijzen
          </button>
        </form>
      )}
      {fout && (
        <p className="field-error" role="alert">
          {fout}
        </p>
      )}
    </div>
  );
}

/**
 * The radar: earlier and other meldingen about the persons of this casus, in other casussen of the
 * organisation. Numbers, dates, status and beoordeling outcome only — never the content of another
 * casus; opening it goes through that casus's own access rules.
 */
function Radar({ casus }: { casus: CasusMetRadar }) {
  const app = useApp();
  const radar = casus.radar;
  if (!radar) return null;
  const naam = (id: number) => casus.huishouden.leden.find((l) => l.id === id)?.naam ?? casus.meldingen.flatMap((m) => m.betrokkenen).find((b) => b.persoonId === id)?.naam ?? `persoon ${id}`;
  const casussen = new Set(radar.map((r) => r.casusId)).size;
  return (
    // With hits it looks like the intake radar (a warning box); without, a plain section.
    <section aria-labelledby="radar-titel" className={`section casus-radar${radar.length ? ' radar' : ''}`} data-testid="casus-radar-sectie">
      <h2 id="radar-titel">Radar: andere meldingen over deze personen</h2>
      {radar.length === 0 ? (
        <p className="muted" data-testid="radar-leeg">
          Geen andere meldingen of casussen over de personen van deze casus.
        </p>
      ) : (
        <>
          <p className="radar__samenvatting" data-testid="radar-samenvatting">
            {radar.length === 1 ? '1 andere melding' : `${radar.length} andere meldingen`} in {casussen === 1 ? '1 andere casus' : `${casussen} andere casussen`}
            {radar.some((r) => r.status !== 'afgesloten') ? `, waarvan ${radar.filter((r) => r.status !== 'afgesloten').length} nog open` : ''}. Alleen nummers en status; de inhoud staat in de casus zelf.
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
                    <td>{r.beoordelingUitkomst ? app.label('beoordeling_uitkomst', r.beoordelingUitkomst) : <span className="muted">nog niet beoordeeld</span>}</td>
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
