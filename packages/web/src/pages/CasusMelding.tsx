// One melding on the casus page: its clocks, persons, melder, the steps taken and the next actions
// as inline forms. What the workflow allows comes from the casus answer (melding.acties, .workflow).
import { ScrollBox } from '../components/ScrollBox.tsx';
import { ACTIE_LABEL, BRON_LABEL, HULP_GESTART_LABEL, isTransitie, VEILIG_LABEL, type Actie } from '@voordeur/domain';
import { useEffect, useRef, useState } from 'react';
import { ClockBadge } from '../components/clock.tsx';
import { Notice } from '../components/forms.tsx';
import { useApp } from '../context.ts';
import { useDraft } from '../drafts.ts';
import { clockLabel, daysLeftText, formatDag, formatDatum, formatTijdstip, jaNee } from '../format.ts';
import type { Casus, Melding } from '../types.ts';
import { isCaseWorker } from '../roles.ts';
import { ActionForm } from './casusActions.tsx';
import { rvdkNietMogelijk, terugkoppelingMoment } from './CasusModel.ts';
import { Toewijzen } from './CasusToewijzen.tsx';

export function MeldingCard({
  casus,
  melding: m,
  reload,
  onDone,
}: {
  casus: Casus;
  melding: Melding;
  reload: () => void;
  onDone: () => void;
}) {
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
    <article
      className={`card melding melding--${m.status}`}
      aria-labelledby={`${prefix}-titel`}
      data-testid={`melding-${m.nummer}`}
    >
      <header className="card__header">
        <h3 className="card__title" id={`${prefix}-titel`}>
          Melding {m.nummer}
        </h3>
        <span className={`status status--${m.status}`} data-testid="melding-status">
          {m.statusLabel}
        </span>
        <span className="muted">ontvangen {formatTijdstip(m.ontvangenOp)}</span>
        {m.behandelaar ? (
          <span className="muted">behandelaar {m.behandelaar.naam}</span>
        ) : (
          <span className="muted">nog geen behandelaar</span>
        )}
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
                    <th scope="row">
                      {clockLabel(k, k.kind === 'terugkoppeling' ? terugkoppelingMoment(k) : naam(k.persoonId))}
                    </th>
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
                  {inf && (
                    <span className="muted block">
                      {inf.geinformeerdOp
                        ? `geïnformeerd op ${formatDag(inf.geinformeerdOp)}${inf.wijze ? ` (${inf.wijze})` : ''}`
                        : `nog niet geïnformeerd${inf.verlengingen?.length ? `, termijn ${inf.verlengingen.length}× verlengd` : ''}`}
                    </span>
                  )}
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
        {rvdkNietMogelijk(m) && (
          <p className="muted rvdk-niet" data-testid="rvdk-niet">
            Een verzoek tot onderzoek aan de Raad voor de Kinderbescherming kan niet: dit huishouden heeft geen
            minderjarige kinderen.
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
              <strong>Laatste monitoringcontact ({formatDag(laatste.gedaanOp)}): niet veilig.</strong> Er is een nieuwe
              veiligheidsbeoordeling nodig: registreer een hermelding via Intake, zodat de veiligheid opnieuw binnen 5
              werkdagen wordt beoordeeld.
            </Notice>
          )}
          <ul className="plain-list">
            {mcs.map((x, i) => (
              <li key={i} data-testid="monitoringcontact">
                <strong>{formatTijdstip(x.gedaanOp)}</strong>
                {x.door ? ` door ${x.door}` : ''} — hulp gestart: {HULP_GESTART_LABEL[x.hulpGestart].toLowerCase()},
                veilig: {VEILIG_LABEL[x.veilig].toLowerCase()}
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
                <strong>{t.moment === 'na_onderzoek' ? 'Na onderzoek' : 'Na beoordeling'}</strong>,{' '}
                {formatDag(t.gedaanOp)}
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
