// CBS-levering (teammanager): the half-yearly delivery of the Informatieprotocol for a chosen
// half-year and code-table (protocol) version. The delivery carries BSN, date of birth and sex, so it
// is made on request only (never on opening the page) and every request is in the access log with all
// persons in it. The page shows counts, the code-table version used, and every record that cannot
// be delivered with its reasons — never the records themselves. The download is the file from the
// same answer (one export, one log entry).
import { Voortgang } from '../components/Voortgang.tsx';
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

/** The half-years a delivery can be made for: the completed ones (newest first) and the current one. */
export function cbsHalfjaren(vandaag: string): Array<{ value: string; label: string }> {
  const naam = (h: string) => `${halfjaarNaam(h)[0]!.toUpperCase()}${halfjaarNaam(h).slice(1)}`;
  return halfjaarOpties(vandaag, 7).map((o, i) => ({ value: o.value, label: i === 0 ? `${naam(o.value)} (lopend, nog niet compleet)` : naam(o.value) }));
}

export function CbsPage() {
  const { user } = useApp();
  if (!mayCbs(user.rollen)) {
    return (
      <>
        <h1>CBS-levering</h1>
        <RapportageNav />
        <Notice kind="info">Alleen de teammanager maakt de CBS-levering: die bevat BSN, geboortedatum en geslacht van de betrokkenen.</Notice>
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
  const [protocol, setProtocol] = useState('v1-2015');
  const [levering, setLevering] = useState<CbsLevering | null>(null);
  const [fout, setFout] = useState<string | null>(null);
  const [bezig, setBezig] = useState(false);
  const resultaat = useRef<HTMLHeadingElement>(null);
  const lijst = protocollen.data?.protocollen ?? [];
  const gekozen = lijst.find((p) => p.versie === protocol);
  const maak = async (e: FormEvent) => {
    e.preventDefault();
    setBezig(true);
    setFout(null);
    try {
      const r = await api.get<CbsLevering>(`/api/rapportage/cbs?halfjaar=${encodeURIComponent(halfjaar)}&protocol=${encodeURIComponent(protocol)}`);
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
      <p className="lead">De halfjaarlijkse levering aan het CBS (Informatieprotocol Beleidsinformatie Veilig Thuis, Wmo 2015 art. 4.2.12): één record per afgesloten advies, triagebesluit en onderzoek. Uiterlijk drie weken na het einde van het halfjaar.</p>
      <Notice kind="warning">
        De levering bevat BSN, geboortedatum en geslacht van de betrokkenen. Het samenstellen wordt met alle betrokken personen in het toegangslog vastgelegd. Deze pagina toont alleen aantallen en de records die niet geleverd kunnen worden.
      </Notice>
      <form className="filters rapport-keuze" onSubmit={maak} aria-label="CBS-levering samenstellen">
        <SelectField name="cbs-halfjaar" label="Halfjaar" value={halfjaar} onChange={setHalfjaar} options={opties} placeholder={null} />
        <SelectField
          name="cbs-protocol"
          label="Codetabel (protocolversie)"
          value={protocol}
          onChange={setProtocol}
          options={(lijst.length ? lijst : [{ versie: 'v1-2015', omschrijving: '' } as CbsProtocolKoppeling]).map((p) => ({ value: p.versie, label: p.versie }))}
          placeholder={null}
        />
        <div className="field field--button">
          <button type="submit" className="button" disabled={bezig}>
            {bezig ? 'Bezig…' : 'Levering samenstellen'}
          </button>
        </div>
      </form>
      <Voortgang bezig={bezig} wat="De levering wordt samengesteld" />
      {protocollen.error && <Notice kind="error">De protocolversies konden niet worden geladen: {protocollen.error.message}</Notice>}
      {gekozen && <ProtocolInfo p={gekozen} />}
      {fout && <Notice kind="error">De levering kon niet worden samengesteld: {fout}</Notice>}
      {levering && <CbsResultaat l={levering} kopRef={resultaat} />}
    </>
  );
}

function ProtocolInfo({ p }: { p: CbsProtocolKoppeling }) {
  const waarden = p.velden.flatMap((v) => v.waarden);
  const zonder = waarden.filter((w) => w.cbsCode === null).length;
  return (
    <section className="panel cbs-protocol" aria-labelledby="cbs-protocol-kop" data-testid="cbs-protocol">
      <h2 id="cbs-protocol-kop">Codetabel {p.versie}</h2>
      <p>{p.omschrijving}</p>
      <ul>
        <li>{p.zorgmeldingenPolitie ? 'Alle zorgmeldingen van de politie worden geleverd (protocol v2).' : 'Zorgmeldingen van de politie zonder huiselijk geweld of kindermishandeling worden niet geleverd (regel van protocol v1); ze staan hieronder als uitgesloten.'}</li>
        <li>
          {waarden.length - zonder} van de {waarden.length} waarden hebben een CBS-code
          {zonder > 0 ? `; ${zonder} nog niet: een record met zo’n waarde wordt niet geleverd en staat met de reden in de lijst.` : '.'} De functioneel beheerder beheert de codes.
        </li>
      </ul>
    </section>
  );
}

export function CbsResultaat({ l, kopRef }: { l: CbsLevering; kopRef: RefObject<HTMLHeadingElement | null> }) {
  const href = useMemo(() => URL.createObjectURL(new Blob([l.bestand.inhoud], { type: 'text/plain;charset=us-ascii' })), [l]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  const a = l.aantallen;
  return (
    <section className="rapport-sectie" aria-labelledby="cbs-resultaat" data-testid="cbs-resultaat">
      <h2 id="cbs-resultaat" ref={kopRef} tabIndex={-1}>
        Levering {halfjaarNaam(l.halfjaar)}, codetabel {l.protocol.versie}
      </h2>
      <p>
        {periodeTekst({ ...l.periode, halfjaar: null })} · organisatie {l.organisatie} · samengesteld op {formatDatum(l.aangemaaktOp)}.
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
          <p>Deze records missen verplichte gegevens of een CBS-code. Vul de gegevens (of de codetabel) aan en stel de levering opnieuw samen: een correctie is een complete nieuwe levering.</p>
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
