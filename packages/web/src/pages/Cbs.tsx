// CBS-levering (teammanager): the half-yearly delivery of the Informatieprotocol for a chosen
// half-year and code-table (protocol) version. The delivery carries BSN, date of birth and sex, so it
// is made on request only (never on opening the page) and every request is in the access log with all
// persons in it. The page shows counts, the code-table version used, and every record that cannot
// be delivered with its reasons — never the records themselves. The download is the file from the
// same answer (one export, one log entry).
import { Voortgang } from '../components/Voortgang.tsx';
import '../styles/rapportage.css';
import { toLocalDate, type CbsLevering, type CbsProtocolKoppeling } from '@voordeur/domain';
import { useEffect, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import { api, ApiError } from '../api.ts';
import { Notice, SelectField } from '../components/forms.tsx';
import { useApp } from '../context.ts';
import { formatDatum } from '../format.ts';
import { mayCbs } from '../roles.ts';
import { useApi } from '../useApi.ts';
import { Kerncijfers, RapportageNav } from './RapportageDelen.tsx';
import { halfjaarNaam, halfjaarOpties, periodeTekst } from './RapportageModel.ts';

const SOORT: Record<string, string> = { advies: 'Advies', melding: 'Melding (triagebesluit)', onderzoek: 'Onderzoek' };

const VELD_NAAM: Record<string, string> = {
  aanleiding: 'Aanleiding',
  aard: 'Aard van het geweld',
  hoedanigheid: 'Hoedanigheid melder / adviesvrager',
  triagebesluit: 'Inhoud triagebesluit',
  vervolg: 'Directe overdracht / vervolg',
  onderzoek_uitkomst: 'Uitkomst onderzoek',
  geslacht: 'Geslacht',
};

/** The historical 2015 table (v1): it leaves police zorgmeldingen out and has the 2015 codes. */
export const isV1 = (p: { zorgmeldingenPolitie: boolean; metOpties?: boolean }) => !p.zorgmeldingenPolitie;

/** Options of a code table that still lack their CBS code (a delivery with it is refused until none). */
export function ontbrekendeOpties(p: CbsProtocolKoppeling): NonNullable<CbsProtocolKoppeling['opties']> {
  return (p.opties ?? []).filter((o) => o.cbsCode === null);
}

/** The code table the page proposes: the current protocol (v2, with options), else a v2 table, else the first. */
export function standaardProtocol(lijst: CbsProtocolKoppeling[]): string {
  return (lijst.find((p) => p.metOpties) ?? lijst.find((p) => !isV1(p)) ?? lijst[0])?.versie ?? 'v1-2015';
}

/** The name of a code table in the choice list. */
export function protocolNaam(p: CbsProtocolKoppeling): string {
  if (isV1(p)) return `${p.versie} — historisch protocol 2015 (v1)`;
  const open = ontbrekendeOpties(p).length;
  return `${p.versie} — huidig protocol (v2)${open ? `, nog ${open} ${open === 1 ? 'code' : 'codes'} in te vullen` : ''}`;
}

/** The half-years a delivery can be made for: the completed ones (newest first) and the current one. */
export function cbsHalfjaren(vandaag: string): Array<{ value: string; label: string }> {
  const naam = (h: string) => `${halfjaarNaam(h)[0]!.toUpperCase()}${halfjaarNaam(h).slice(1)}`;
  return halfjaarOpties(vandaag, 7).map((o, i) => ({
    value: o.value,
    label: i === 0 ? `${naam(o.value)} (lopend, nog niet compleet)` : naam(o.value),
  }));
}

export function CbsPage() {
  const { user } = useApp();
  if (!mayCbs(user.rollen)) {
    return (
      <>
        <h1>CBS-levering</h1>
        <RapportageNav />
        <Notice kind="info">
          Alleen de functioneel beheerder en de privacy officer maken de CBS-levering: die bevat BSN, geboortedatum en
          geslacht van de betrokkenen.
        </Notice>
      </>
    );
  }
  return <CbsLeveringMaken />;
}

function CbsLeveringMaken() {
  const vandaag = toLocalDate(new Date());
  const opties = cbsHalfjaren(vandaag);
  const protocollen = useApi<{ protocollen: CbsProtocolKoppeling[] }>('/api/rapportage/cbs/protocollen');
  // Default: the last completed half-year (the delivery is due within 3 weeks after it ends).
  const [halfjaar, setHalfjaar] = useState(opties[1]!.value);
  const [gekozenProtocol, setProtocol] = useState('');
  const [levering, setLevering] = useState<CbsLevering | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const resultaat = useRef<HTMLHeadingElement>(null);
  const lijst = protocollen.data?.protocollen ?? [];
  // Default: the current protocol (v2); the historical v1 table only when chosen on purpose.
  const protocol = gekozenProtocol || standaardProtocol(lijst);
  const gekozen = lijst.find((p) => p.versie === protocol);
  const geblokkeerd = gekozen ? ontbrekendeOpties(gekozen).length > 0 : false;
  const maak = async (e: FormEvent) => {
    e.preventDefault();
    setBezig(true);
    setFout(null);
    try {
      const r = await api.get<CbsLevering>(
        `/api/rapportage/cbs?halfjaar=${encodeURIComponent(halfjaar)}&protocol=${encodeURIComponent(protocol)}`,
      );
      setLevering(r);
    } catch (err) {
      setLevering(null);
      setFout(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBezig(false);
    }
  };
  useEffect(() => {
    if (levering) resultaat.current?.focus();
  }, [levering]);
  return (
    <>
      <h1>CBS-levering</h1>
      <RapportageNav />
      <p className="lead">
        De halfjaarlijkse levering aan het CBS (Informatieprotocol Beleidsinformatie Veilig Thuis, Wmo 2015 art.
        4.2.12): één record per afgesloten advies, triagebesluit en onderzoek. Uiterlijk drie weken na het einde van het
        halfjaar.
      </p>
      <Notice kind="warning">
        De levering bevat BSN, geboortedatum en geslacht van de betrokkenen. Het samenstellen wordt met alle betrokken
        personen in het toegangslog vastgelegd. Deze pagina toont alleen aantallen en de records die niet geleverd
        kunnen worden.
      </Notice>
      <form className="filters rapport-keuze" onSubmit={maak} aria-label="CBS-levering samenstellen">
        <SelectField
          name="cbs-halfjaar"
          label="Halfjaar"
          value={halfjaar}
          onChange={setHalfjaar}
          options={opties}
          placeholder={null}
        />
        <SelectField
          name="cbs-protocol"
          label="Codetabel (protocolversie)"
          value={protocol}
          onChange={setProtocol}
          options={
            lijst.length
              ? lijst.map((p) => ({ value: p.versie, label: protocolNaam(p) }))
              : [{ value: protocol, label: protocol }]
          }
          placeholder={null}
        />
        <div className="field field--button">
          <button
            type="submit"
            className="button"
            disabled={bezig || geblokkeerd}
            aria-describedby={geblokkeerd ? 'cbs-codes-ontbreken' : undefined}
          >
            {bezig ? 'Bezig…' : 'Levering samenstellen'}
          </button>
        </div>
      </form>
      <Voortgang bezig={bezig} wat="De levering wordt samengesteld" />
      {protocollen.error && (
        <Notice kind="error">De protocolversies konden niet worden geladen: {protocollen.error.message}</Notice>
      )}
      {gekozen && <ProtocolInfo p={gekozen} />}
      {fout && <Notice kind="error">De levering kon niet worden samengesteld: {fout}</Notice>}
      {levering && <CbsResultaat l={levering} kopRef={resultaat} />}
    </>
  );
}

/** The red warning for a delivery with the historical v1 table. */
export function V1Waarschuwing({ versie }: { versie: string }) {
  return (
    <div className="notice notice--error cbs-v1-waarschuwing" data-testid="cbs-v1-waarschuwing">
      <p>
        <strong>Let op: codetabel {versie} is het historische protocol uit 2015 (v1).</strong> Sinds 2019 levert Veilig
        Thuis volgens protocol v2: daarin tellen alle zorgmeldingen van de politie mee en gelden de codes uit de
        Bestandsdefinitie Veilig Thuis van het CBS. Een levering met v1 laat zorgmeldingen van de politie zonder
        huiselijk geweld of kindermishandeling weg en gebruikt de codes van 2015. Gebruik v1 alleen als voorbeeld of als
        het CBS er uitdrukkelijk om vraagt.
      </p>
    </div>
  );
}

/** Options of a v2 table that still need their CBS code, per field. */
export function OntbrekendeCodes({ p }: { p: CbsProtocolKoppeling }) {
  const open = ontbrekendeOpties(p);
  if (!open.length) return null;
  const velden = [...new Set(open.map((o) => o.veld))];
  return (
    <div
      className="notice notice--warning cbs-codes-ontbreken"
      id="cbs-codes-ontbreken"
      data-testid="cbs-codes-ontbreken"
    >
      <p>
        <strong>
          Deze codetabel is nog niet compleet: {open.length} van de {p.opties!.length} opties{' '}
          {open.length === 1 ? 'heeft' : 'hebben'} nog geen CBS-code.
        </strong>{' '}
        Een levering met {p.versie} kan pas worden samengesteld als alle codes zijn ingevuld (de server weigert haar tot
        dan). De functioneel beheerder vult ze in uit de Bestandsdefinitie Veilig Thuis die het CBS stuurt.
      </p>
      <details>
        <summary>Welke opties missen een code?</summary>
        <ul>
          {velden.map((v) => (
            <li key={v}>
              {VELD_NAAM[v] ?? v}:{' '}
              {open
                .filter((o) => o.veld === v)
                .map((o) => o.label)
                .join('; ')}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

function ProtocolInfo({ p }: { p: CbsProtocolKoppeling }) {
  const waarden = p.velden.flatMap((v) => v.waarden);
  const zonder = waarden.filter((w) => w.cbsCode === null).length;
  const metOptie = new Set((p.opties ?? []).flatMap((o) => o.waarden.map((w) => `${o.veld}:${w}`)));
  const zonderOptie = p.velden.flatMap((v) =>
    v.waarden.filter((w) => !metOptie.has(`${v.veld}:${w.code}`)).map((w) => w.label),
  );
  return (
    <section className="panel cbs-protocol" aria-labelledby="cbs-protocol-kop" data-testid="cbs-protocol">
      <h2 id="cbs-protocol-kop">Codetabel {p.versie}</h2>
      {isV1(p) && <V1Waarschuwing versie={p.versie} />}
      <OntbrekendeCodes p={p} />
      <p>{p.omschrijving}</p>
      <ul>
        <li>
          {p.zorgmeldingenPolitie
            ? 'Alle zorgmeldingen van de politie worden geleverd (protocol v2).'
            : 'Zorgmeldingen van de politie zonder huiselijk geweld of kindermishandeling worden niet geleverd (regel van protocol v1); ze staan hieronder als uitgesloten.'}
        </li>
        {p.metOpties ? (
          <li>
            Elke waarde in Voordeur wordt geleverd als de CBS-code van haar optie in het protocol (
            {p.opties?.length ?? 0} opties).
            {zonderOptie.length > 0 &&
              ` ${zonderOptie.length} waarden hebben geen optie in dit protocol (bijvoorbeeld ${zonderOptie.slice(0, 3).join(', ')}): een record met zo’n waarde wordt niet geleverd en staat met de reden in de lijst.`}
          </li>
        ) : (
          <li>
            {waarden.length - zonder} van de {waarden.length} waarden hebben een CBS-code
            {zonder > 0
              ? `; ${zonder} nog niet: een record met zo’n waarde wordt niet geleverd en staat met de reden in de lijst.`
              : '.'}{' '}
            De functioneel beheerder beheert de codes.
          </li>
        )}
      </ul>
    </section>
  );
}

export function CbsResultaat({ l, kopRef }: { l: CbsLevering; kopRef: RefObject<HTMLHeadingElement | null> }) {
  const href = useMemo(
    () => URL.createObjectURL(new Blob([l.bestand.inhoud], { type: 'text/plain;charset=us-ascii' })),
    [l],
  );
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  const a = l.aantallen;
  return (
    <section className="rapport-sectie" aria-labelledby="cbs-resultaat" data-testid="cbs-resultaat">
      <h2 id="cbs-resultaat" ref={kopRef} tabIndex={-1}>
        Levering {halfjaarNaam(l.halfjaar)}, codetabel {l.protocol.versie}
      </h2>
      {isV1(l.protocol) && <V1Waarschuwing versie={l.protocol.versie} />}
      <p>
        {periodeTekst({ ...l.periode, halfjaar: null })} · organisatie {l.organisatie} · samengesteld op{' '}
        {formatDatum(l.aangemaaktOp)}.
      </p>
      <Kerncijfers
        label="Aantallen in de levering"
        items={[
          { label: 'Adviezen', p: { waarde: a.adviezen }, eenheid: 'aantal' },
          { label: 'Meldingen', p: { waarde: a.meldingen }, eenheid: 'aantal' },
          { label: 'Onderzoeken', p: { waarde: a.onderzoeken }, eenheid: 'aantal' },
          { label: 'Personen', p: { waarde: a.personen }, eenheid: 'aantal' },
          { label: 'Niet leverbaar', p: { waarde: a.nietLeverbaar }, eenheid: 'aantal' },
          { label: 'Uitgesloten', p: { waarde: a.uitgesloten }, eenheid: 'aantal' },
        ]}
      />
      <div className="button-row">
        <a className="button button--primary" href={href} download={l.bestand.naam} data-testid="cbs-download">
          Download {l.bestand.naam}
        </a>
      </div>
      <h3>Niet leverbaar ({l.nietLeverbaar.length})</h3>
      {l.nietLeverbaar.length === 0 ? (
        <p>Alle records zijn leverbaar.</p>
      ) : (
        <>
          <p>
            Deze records missen verplichte gegevens of een CBS-code. Vul de gegevens (of de codetabel) aan en stel de
            levering opnieuw samen: een correctie is een complete nieuwe levering.
          </p>
          <table className="table table--compact" data-testid="niet-leverbaar">
            <caption className="visually-hidden">Records die niet geleverd kunnen worden, met de reden</caption>
            <thead>
              <tr>
                <th scope="col">Soort</th>
                <th scope="col">Nummer</th>
                <th scope="col">Reden</th>
              </tr>
            </thead>
            <tbody>
              {l.nietLeverbaar.map((x) => (
                <tr key={`${x.soort}:${x.nummer}`}>
                  <td>{SOORT[x.soort] ?? x.soort}</td>
                  <th scope="row">{x.nummer}</th>
                  <td>
                    <ul className="plain-list">
                      {x.redenen.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h3>Uitgesloten door een regel van het protocol ({l.uitgesloten.length})</h3>
      {l.uitgesloten.length === 0 ? (
        <p>Geen.</p>
      ) : (
        <table className="table table--compact" data-testid="uitgesloten">
          <caption className="visually-hidden">Records die volgens de protocolversie niet worden geleverd</caption>
          <thead>
            <tr>
              <th scope="col">Soort</th>
              <th scope="col">Nummer</th>
              <th scope="col">Regel</th>
            </tr>
          </thead>
          <tbody>
            {l.uitgesloten.map((x) => (
              <tr key={x.nummer}>
                <td>{SOORT[x.soort] ?? x.soort}</td>
                <th scope="row">{x.nummer}</th>
                <td>{x.reden}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/**
 * Editing the CBS codes of a code table with options (v2) — for the functioneel beheerder
 * (POST /api/rapportage/cbs/protocollen/:versie/opties, beheer:update). One row per option of the
 * protocol, in protocol order, with the Voordeur values delivered as it; a code is saved per row.
 * Meant for the Beheer page (reference data); the CBS page itself only shows what is missing.
 */
export function CbsCodetabel({ versie }: { versie: string }) {
  const data = useApi<{ protocollen: CbsProtocolKoppeling[] }>('/api/rapportage/cbs/protocollen');
  const [codes, setCodes] = useState<Record<string, string>>({});
  const [melding, setMelding] = useState<{ kind: 'success' | 'error'; tekst: string } | null>(null);
  const p = data.data?.protocollen.find((x) => x.versie === versie);
  if (data.error) return <Notice kind="error">De codetabel kon niet worden geladen: {data.error.message}</Notice>;
  if (!p) return <p aria-live="polite">Codetabel wordt geladen…</p>;
  const opties = p.opties ?? [];
  const sleutel = (o: { veld: string; optie: string }) => `${o.veld}:${o.optie}`;
  const bewaar = async (o: (typeof opties)[number]) => {
    const waarde = (codes[sleutel(o)] ?? o.cbsCode ?? '').trim();
    try {
      await api.post(`/api/rapportage/cbs/protocollen/${encodeURIComponent(versie)}/opties`, {
        veld: o.veld,
        optie: o.optie,
        cbsCode: waarde === '' ? null : waarde,
      });
      setMelding({
        kind: 'success',
        tekst: `${VELD_NAAM[o.veld] ?? o.veld}, ${o.label}: ${waarde === '' ? 'code verwijderd' : `code ${waarde} opgeslagen`}.`,
      });
      data.reload();
    } catch (err) {
      setMelding({ kind: 'error', tekst: err instanceof ApiError ? err.message : String(err) });
    }
  };
  return (
    <section className="rapport-sectie cbs-codetabel" aria-labelledby="cbs-codetabel-kop" data-testid="cbs-codetabel">
      <h2 id="cbs-codetabel-kop">CBS-codes van codetabel {versie}</h2>
      <p>
        Vul per optie de code in uit de Bestandsdefinitie Veilig Thuis van het CBS (1–4 letters of cijfers). Zolang er
        een code ontbreekt, kan met deze codetabel niet worden geleverd.
      </p>
      <OntbrekendeCodes p={p} />
      {melding && <Notice kind={melding.kind}>{melding.tekst}</Notice>}
      <table className="table table--compact">
        <caption className="visually-hidden">Opties van codetabel {versie} met hun CBS-code</caption>
        <thead>
          <tr>
            <th scope="col">Veld</th>
            <th scope="col">Optie (protocol)</th>
            <th scope="col">Voordeur-waarden</th>
            <th scope="col">CBS-code</th>
            <th scope="col">
              <span className="visually-hidden">Opslaan</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {opties.map((o) => {
            const id = `cbs-code-${o.veld}-${o.optie}`.replace(/[^A-Za-z0-9_-]/g, '_');
            return (
              <tr key={sleutel(o)}>
                <td>{VELD_NAAM[o.veld] ?? o.veld}</td>
                <th scope="row">
                  <label htmlFor={id}>{o.label}</label>
                </th>
                <td>{o.waarden.length ? o.waarden.join(', ') : '–'}</td>
                <td>
                  <input
                    id={id}
                    className="input"
                    value={codes[sleutel(o)] ?? o.cbsCode ?? ''}
                    maxLength={4}
                    onChange={(e) => setCodes((c) => ({ ...c, [sleutel(o)]: e.target.value }))}
                  />
                </td>
                <td>
                  <button type="button" className="button button--secondary" onClick={() => bewaar(o)}>
                    Opslaan<span className="visually-hidden"> ({o.label})</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
