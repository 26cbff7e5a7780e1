// Werkvoorraad: open meldingen of a team per process, sorted by the first statutory deadline.
import { ScrollBox } from '../components/ScrollBox.tsx';
import {
  CLOCK_STATE_LABEL,
  MELDING_STATUS_LABEL,
  PROCES_LABEL,
  PROCESSEN,
  rollenMogen,
  type ClockState,
  type Proces,
} from '@voordeur/domain';
import { useState } from 'react';
import { api, ApiError, query } from '../api.ts';
import { ClockBadge } from '../components/clock.tsx';
import { Notice } from '../components/forms.tsx';
import { HuisbezoekProtocolSectie } from '../components/HuisbezoekProtocol.tsx';
import { VlagMarker } from '../components/Veiligheidsvlag.tsx';
import { useApp } from '../context.ts';
import { clockLabel, daysLeftText, formatDatum } from '../format.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import type { Werkvoorraad, WerkItem } from '../types.ts';
import { useApi } from '../useApi.ts';
import '../styles/werkvoorraad.css';

const OPEN_STATES: ClockState[] = ['overdue', 'at_risk', 'on_time'];
const TABS: Array<Proces | null> = [null, ...PROCESSEN];
const PAGE = 100;

export function WerkvoorraadPage() {
  const { user, ref, isTeammanager } = useApp();
  const loc = useLocation();
  const procesParam = loc.search.get('proces');
  const proces = (PROCESSEN as readonly string[]).includes(procesParam ?? '')
    ? (procesParam as Proces)
    : procesParam === null && user.rollen.some((r) => r === 'bureaudienst' || r === 'crisisdienst')
      ? 'bureaudienst'
      : null;
  // The bureaudienst and crisisdienst triage new meldingen of the whole region: their team holds
  // no meldingen of its own, so they start on all teams' triage list.
  const triageDienst = user.rollen.some((r) => r === 'bureaudienst' || r === 'crisisdienst');
  const team = loc.search.get('team') ?? (triageDienst || !user.teamId ? 'alle' : String(user.teamId));
  const mijn = loc.search.get('mijn') === '1';
  const klok = (OPEN_STATES as string[]).includes(loc.search.get('klok') ?? '')
    ? (loc.search.get('klok') as ClockState)
    : null;
  const [limit, setLimit] = useState(PAGE);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const url = `/api/werkvoorraad${query({ team, proces, behandelaar: mijn ? 'mij' : null, klok, limit })}`;
  const wv = useApi<Werkvoorraad>(url);

  const setFilter = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(loc.search);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    setLimit(PAGE);
    const s = next.toString();
    navigate(`/werkvoorraad${s ? `?${s}` : ''}`, { replace: true });
  };

  const oppakken = async (item: WerkItem) => {
    setBusy(item.meldingId);
    setMessage(null);
    try {
      // The casus version (in the row) guards against taking work someone else just changed.
      await api.post(`/api/meldingen/${item.meldingId}/toewijzen`, {
        behandelaarId: user.id,
        versie: item.casusVersie,
      });
      setMessage({ kind: 'success', text: `Melding ${item.nummer} is aan u toegewezen.` });
      wv.reload();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'versie_conflict') {
        setMessage({
          kind: 'error',
          text: `Melding ${item.nummer} is intussen door iemand anders gewijzigd (bijvoorbeeld al opgepakt). De werkvoorraad is bijgewerkt; kijk of u de melding nog wilt oppakken.`,
        });
        wv.reload();
      } else
        setMessage({
          kind: 'error',
          text: `Melding ${item.nummer} oppakken lukte niet: ${e instanceof ApiError ? e.message : String(e)}`,
        });
    } finally {
      setBusy(null);
    }
  };

  const tellingen = wv.data?.tellingen ?? {};
  const totaalVan = (p: Proces) => Object.values(tellingen[p] ?? {}).reduce((a, b) => a + b, 0);
  const teamNaam =
    team === 'alle' ? 'alle teams' : (ref.teams.find((t) => String(t.id) === team)?.naam ?? `team ${team}`);

  if (wv.error?.status === 403) {
    return (
      <>
        <h1>Werkvoorraad</h1>
        <Notice kind="error">
          <p>U heeft met uw rol geen toegang tot de werkvoorraad.</p>
          <p className="muted">{wv.error.message}</p>
        </Notice>
      </>
    );
  }

  return (
    <>
      <h1>Werkvoorraad</h1>
      {rollenMogen(user.rollen, 'huisbezoekprotocol', 'update') && <HuisbezoekProtocolSectie />}
      <div className="filters" role="group" aria-label="Filters werkvoorraad">
        <div className="field field--inline">
          <label className="label" htmlFor="wv-team">
            Team
          </label>
          <select id="wv-team" className="select" value={team} onChange={(e) => setFilter({ team: e.target.value })}>
            {ref.teams.map((t) => (
              <option key={t.id} value={String(t.id)}>
                {t.naam}
                {t.id === user.teamId ? ' (eigen team)' : ''}
              </option>
            ))}
            <option value="alle">Alle teams</option>
          </select>
        </div>
        <div className="choice choice--single field--inline">
          <input
            id="wv-mijn"
            type="checkbox"
            checked={mijn}
            onChange={(e) => setFilter({ mijn: e.target.checked ? '1' : null })}
          />
          <label htmlFor="wv-mijn">Alleen mijn werk</label>
        </div>
        {klok && (
          <p className="filters__active">
            Alleen termijnstatus <ClockBadge state={klok} />{' '}
            <button type="button" className="button button--link" onClick={() => setFilter({ klok: null })}>
              filter wissen
            </button>
          </p>
        )}
      </div>

      <section aria-labelledby="tellingen-titel" className="section">
        <h2 id="tellingen-titel" className="visually-hidden">
          Termijnen per proces
        </h2>
        <ScrollBox label="Termijnen per proces">
          <table className="table table--counts" data-testid="tellingen">
            <caption className="table__caption">
              Termijnen per proces – {teamNaam}
              {mijn ? ' (tellingen voor het hele team)' : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Proces</th>
                {OPEN_STATES.map((s) => (
                  <th scope="col" key={s} className="num">
                    <ClockBadge state={s} />
                  </th>
                ))}
                <th scope="col" className="num">
                  Geen open termijn
                </th>
                <th scope="col" className="num">
                  Totaal
                </th>
              </tr>
            </thead>
            <tbody>
              {PROCESSEN.map((p) => (
                <tr key={p}>
                  <th scope="row">{PROCES_LABEL[p]}</th>
                  {OPEN_STATES.map((s) => {
                    const n = tellingen[p]?.[s] ?? 0;
                    return (
                      <td key={s} className={`num${n && s === 'overdue' ? ' num--alert' : ''}`}>
                        {n ? (
                          <button
                            type="button"
                            className="button button--link"
                            onClick={() => setFilter({ proces: p, klok: s })}
                            aria-label={`${n} ${CLOCK_STATE_LABEL[s]} in ${PROCES_LABEL[p]} tonen`}
                          >
                            {n}
                          </button>
                        ) : (
                          '0'
                        )}
                      </td>
                    );
                  })}
                  <td className="num">{(tellingen[p]?.met ?? 0) + (tellingen[p]?.met_late ?? 0)}</td>
                  <td className="num">{totaalVan(p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollBox>
      </section>

      {isTeammanager && wv.data && (
        <section aria-labelledby="verdeling-titel" className="section">
          <h2 id="verdeling-titel">Werkverdeling per behandelaar</h2>
          <ScrollBox label="Werkverdeling per behandelaar">
            <table className="table table--compact table--narrow" data-testid="per-behandelaar">
              <thead>
                <tr>
                  <th scope="col">Behandelaar</th>
                  <th scope="col" className="num">
                    Open meldingen
                  </th>
                  <th scope="col" className="num">
                    Te laat
                  </th>
                </tr>
              </thead>
              <tbody>
                {wv.data.perBehandelaar.map((b) => (
                  <tr key={b.behandelaarId ?? 'geen'}>
                    <th scope="row">{b.naam}</th>
                    <td className="num">{b.aantal}</td>
                    <td className={`num${b.teLaat ? ' num--alert' : ''}`}>{b.teLaat}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </section>
      )}

      <div className="tabs">
        <div role="tablist" aria-label="Proces" className="tabs__list">
          {TABS.map((p, i) => (
            <button
              key={p ?? 'alle'}
              type="button"
              role="tab"
              id={`tab-${p ?? 'alle'}`}
              aria-selected={proces === p}
              aria-controls="werkvoorraad-lijst"
              // WAI-ARIA tabs: only the selected tab is in the tab order; arrow keys, Home and End move between tabs.
              tabIndex={proces === p ? 0 : -1}
              className="tabs__tab"
              onClick={() => setFilter({ proces: p ?? 'alle', klok: null })}
              onKeyDown={(e) => {
                const n = TABS.length;
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
                setFilter({ proces: TABS[j] ?? 'alle', klok: null });
                document.getElementById(`tab-${TABS[j] ?? 'alle'}`)?.focus();
              }}
            >
              {p ? PROCES_LABEL[p] : 'Alle processen'}
              <span className="tabs__count">{p ? totaalVan(p) : PROCESSEN.reduce((a, x) => a + totaalVan(x), 0)}</span>
            </button>
          ))}
        </div>
        <div
          role="tabpanel"
          id="werkvoorraad-lijst"
          aria-labelledby={`tab-${proces ?? 'alle'}`}
          className="tabs__panel"
        >
          <div aria-live="polite">{message && <Notice kind={message.kind}>{message.text}</Notice>}</div>
          {wv.error && <Notice kind="error">{wv.error.message}</Notice>}
          {!wv.data && !wv.error && <p aria-live="polite">Werkvoorraad laden…</p>}
          {wv.data && (
            <>
              <p className="table-meta" aria-live="polite">
                {wv.data.totaal === 0
                  ? (wv.data.nietGetoond ?? 0) > 0
                    ? 'Geen meldingen in de lijst waaraan u werkt.'
                    : 'Geen open meldingen met deze filters.'
                  : `${wv.data.totaal} ${wv.data.totaal === 1 ? 'melding' : 'meldingen'}, eerstvolgende termijn eerst.`}
                {wv.loading && ' Bijwerken…'}
              </p>
              {(wv.data.nietGetoond ?? 0) > 0 && (
                <p className="muted" data-testid="niet-getoond">
                  {wv.data.nietGetoond} {wv.data.nietGetoond === 1 ? 'melding' : 'meldingen'} van{' '}
                  {team === 'alle' ? 'andere teams' : teamNaam} niet in de lijst: u werkt er niet aan (geen eigen team,
                  behandelaar, triage of MDO). De tellingen hierboven gelden voor alle meldingen.
                </p>
              )}
              {wv.data.items.length > 0 && (
                <ScrollBox label="Werkvoorraad">
                  <table className="table table--werkvoorraad" data-testid="werkvoorraad-tabel">
                    <thead>
                      <tr>
                        <th scope="col">Melding</th>
                        <th scope="col">Eerstvolgende termijn</th>
                        <th scope="col">Adres</th>
                        <th scope="col" className="wv-col-status">
                          Status
                        </th>
                        <th scope="col">Behandelaar</th>
                      </tr>
                    </thead>
                    <tbody>
                      {wv.data.items.map((it) => (
                        <tr
                          key={it.meldingId}
                          data-testid={`werkitem-${it.nummer}`}
                          className={`row--${it.klokStatus}`}
                        >
                          <td>
                            <Link to={`/casussen/${it.casusId}`}>{it.nummer}</Link>
                            <span className="muted block">
                              casus <span className="nowrap">{it.casusNummer}</span>
                            </span>
                            {/* Narrow screens: the status here instead of in its own column (CSS shows one of the two). */}
                            <span className="wv-status-inline">{MELDING_STATUS_LABEL[it.status]}</span>
                          </td>
                          <td>
                            {it.eerstvolgende ? (
                              <div className="deadline">
                                <span className="deadline__kind">{clockLabel(it.eerstvolgende)}</span>
                                <span>
                                  {formatDatum(it.eerstvolgende.due)} · {daysLeftText(it.eerstvolgende)}
                                </span>
                                <ClockBadge state={it.eerstvolgende.state} />
                              </div>
                            ) : (
                              <span className="muted">geen open termijn</span>
                            )}
                          </td>
                          <td>
                            {it.adres}
                            <VlagMarker vlaggen={it.veiligheidsvlaggen} />
                          </td>
                          <td className="wv-col-status">{MELDING_STATUS_LABEL[it.status]}</td>
                          <td>
                            {it.behandelaar ? (
                              it.behandelaar.naam
                            ) : (
                              <>
                                <span className="muted block">niet toegewezen</span>
                                <button
                                  type="button"
                                  className="button button--secondary button--small"
                                  disabled={busy === it.meldingId}
                                  onClick={() => oppakken(it)}
                                  aria-label={`Melding ${it.nummer} oppakken`}
                                >
                                  {busy === it.meldingId ? 'Bezig…' : 'Oppakken'}
                                </button>
                              </>
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollBox>
              )}
              {wv.data.totaal > wv.data.items.length && limit < 500 && (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => setLimit((l) => Math.min(500, l + PAGE))}
                >
                  Meer tonen ({wv.data.items.length} van {wv.data.totaal})
                </button>
              )}
            </>
          )}
        </div>
      </div>
    </>
  );
}
