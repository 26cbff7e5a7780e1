// Intake of a new melding, in the order of a phone call: who is it about (search, link or add
// persons), the radar of earlier meldingen, the household, the melder, and the melding itself.
import { ScrollBox } from '../components/ScrollBox.tsx';
import { GESLACHTEN, MELDING_STATUS_LABEL } from '@voordeur/domain';
import { useEffect, useState, type FormEvent } from 'react';
import '../styles/intake.css';
import { api, ApiError, query } from '../api.ts';
import { PersoonZoeken } from '../components/PersoonZoeken.tsx';
import { VlagMarker } from '../components/Veiligheidsvlag.tsx';
import {
  Checkbox,
  CheckboxGroup,
  ErrorSummary,
  Notice,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
} from '../components/forms.tsx';
import { useApp } from '../context.ts';
import { dropDraft, useDraft } from '../drafts.ts';
import { errorsFor, fieldId, fromServerFields, type FieldErrors } from '../fieldErrors.ts';
import { setFlash } from '../flash.ts';
import { formatDag } from '../format.ts';
import { Link, navigate, useLocation } from '../router.tsx';
import type { Adviesvraag, Kandidaat, MeldingAangemaakt, RadarMelding } from '../types.ts';
import { useApi } from '../useApi.ts';
import {
  addNieuwePersoon,
  dubbelZoekvraag,
  emptyIntake,
  fromAdviesvraag,
  gekoppeldeIds,
  kandidaatUitServer,
  linkInPlaatsVan,
  linkPersoon,
  ontvangenOp,
  removeBetrokkene,
  validateIntake,
  waarschijnlijkDezelfde,
  type BetrokkeneForm,
  type IntakeForm,
  type PersoonForm,
} from './intakeModel.ts';
import { amsterdamDatumTijd } from '@voordeur/domain';

const GESLACHT_LABEL: Record<(typeof GESLACHTEN)[number], string> = { V: 'Vrouw', M: 'Man', O: 'Onbekend of anders' };

const FIELD_LABELS: Record<string, string> = {
  binnenkomst: 'Binnengekomen via',
  'melder.hoedanigheid': 'Hoedanigheid melder',
  'melder.naam': 'Naam melder',
  'melder.organisatie': 'Organisatie melder',
  'melder.functie': 'Functie melder',
  'melder.telefoon': 'Telefoon melder',
  'melder.email': 'E-mail melder',
  regio: 'Regio',
  gemeenteCode: 'Gemeente',
  huishouden: 'Huishouden',
  huishoudenId: 'Huishouden',
  'huishouden.straat': 'Straat',
  'huishouden.huisnummer': 'Huisnummer',
  'huishouden.toevoeging': 'Toevoeging',
  'huishouden.postcode': 'Postcode',
  'huishouden.woonplaats': 'Woonplaats',
  'huishouden.gemeenteCode': 'Gemeente van het adres',
  betrokkenen: 'Betrokkenen',
  aanleiding: 'Aanleiding',
  aard: 'Aard van het geweld',
  signalen: 'Signalen',
  omschrijving: 'Omschrijving',
  adviesvraagId: 'Adviesvraag',
  ontvangenOp: 'Ontvangen op (datum)',
  ontvangenTijd: 'Ontvangen op (tijd)',
};
const PERSOON_LABELS: Record<string, string> = {
  rol: 'rol in de melding',
  huishoudenRol: 'rol in het huishouden',
  persoonId: 'gekoppelde persoon',
  persoon: 'persoon',
  'persoon.bsn': 'BSN',
  'persoon.voornamen': 'voornamen',
  'persoon.tussenvoegsel': 'tussenvoegsel',
  'persoon.achternaam': 'achternaam',
  'persoon.geboortedatum': 'geboortedatum',
  'persoon.geslacht': 'geslacht',
};

export function describeIntakeKey(key: string): string {
  const m = /^betrokkenen\[(\d+)\]\.?(.*)$/.exec(key);
  if (m) return `Betrokkene ${Number(m[1]) + 1}${m[2] ? `, ${PERSOON_LABELS[m[2]] ?? m[2]}` : ''}`;
  const base = key.replace(/\[\d+\]$/, '');
  return FIELD_LABELS[base] ?? key;
}

/** `value`, once it has not changed for `ms` milliseconds (searching while typing). */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

interface HuishoudenVoorIntake {
  huishouden: {
    id: number;
    adres: string;
    leden: Array<{ id: number; naam: string }>;
    openCasus: { id: number; nummer: string } | null;
  } | null;
  meldingen: Array<RadarMelding & { adres: string }>;
}

/** The open casus of a candidate's household, if any ("open casus 2026-000001"). */
function KandidaatCasus({ id }: { id: number }) {
  const h = useApi<HuishoudenVoorIntake>(`/api/intake/huishouden${query({ persoonIds: String(id) })}`);
  const c = h.data?.huishouden?.openCasus;
  if (!c) return null;
  return (
    <>
      {' '}
      · <strong>open casus {c.nummer}</strong>
    </>
  );
}

/**
 * "Bedoelt u …?": a new person is searched for as soon as the BSN, or the name with a complete date
 * of birth or the household's address, is entered; candidates scoring at or above the threshold
 * are shown with why they matched. Found persons can be linked instead; "Toch nieuwe persoon"
 * confirms (the server logs it).
 */
function DubbelCheck({
  b,
  index,
  adres,
  gekoppeld,
  serverKandidaten,
  onGevonden,
  onKoppel,
  onTochNieuw,
}: {
  b: BetrokkeneForm;
  index: number;
  adres?: { postcode: string; huisnummer: string };
  gekoppeld: number[];
  serverKandidaten: Kandidaat[];
  onGevonden: (k: Kandidaat[]) => void;
  onKoppel: (k: Kandidaat) => void;
  onTochNieuw: (v: boolean) => void;
}) {
  const vraag = useDebounced(dubbelZoekvraag(b.persoon!, adres), 400);
  const zoek = useApi<{ kandidaten: Kandidaat[] }>(vraag ? `/api/personen${query(vraag)}` : null);
  const gevonden = zoek.data && vraag ? waarschijnlijkDezelfde(b.persoon!, zoek.data.kandidaten, gekoppeld) : [];
  const kandidaten = [
    ...gevonden,
    ...serverKandidaten.filter((k) => !gevonden.some((g) => g.id === k.id) && !gekoppeld.includes(k.id)),
  ];
  const sleutel = kandidaten.map((k) => k.id).join(',');
  useEffect(() => {
    onGevonden(kandidaten);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sleutel]);
  if (kandidaten.length === 0) return null;
  // Found by its BSN (one person: link only); the server's name + date of birth candidates may be confirmed as another person.
  const perBsn = !!vraag?.bsn && gevonden.length > 0;
  const naam =
    [b.persoon!.voornamen, b.persoon!.tussenvoegsel, b.persoon!.achternaam].filter(Boolean).join(' ') || 'deze persoon';
  if (b.nieuwBevestigd && !perBsn) {
    return (
      <p className="dubbel-bevestigd" data-testid="dubbel-bevestigd">
        Bevestigd: {naam} is een nieuwe persoon, niet {kandidaten.map((k) => k.naam).join(' of ')}.{' '}
        <button type="button" className="button button--link" onClick={() => onTochNieuw(false)}>
          Ongedaan maken
        </button>
      </p>
    );
  }
  return (
    <div className="dubbel" role="group" aria-labelledby={`dubbel-${b.key}`} data-testid="dubbel-kandidaten">
      <p className="dubbel__titel" id={`dubbel-${b.key}`}>
        <strong>Bedoelt u {kandidaten.length === 1 ? 'deze persoon' : 'een van deze personen'}?</strong>{' '}
        {perBsn
          ? 'Dit BSN is al geregistreerd: koppel de bekende persoon.'
          : `Er ${kandidaten.length === 1 ? 'is' : 'zijn'} al ${kandidaten.length === 1 ? 'een persoon' : 'personen'} die hierop ${kandidaten.length === 1 ? 'lijkt' : 'lijken'} (naam, geboortedatum, adres).`}
      </p>
      <ul className="dubbel__lijst">
        {kandidaten.map((k) => (
          <li key={k.id} className="dubbel__kandidaat" data-testid="dubbel-kandidaat">
            <span>
              <strong>{k.naam}</strong> · geboren {k.geboortedatumLabel ?? 'onbekend'}
              {k.redenen.length > 0 && (
                <span className="dubbel__redenen" data-testid="dubbel-redenen">
                  {' '}
                  ({k.redenen.join(', ')})
                </span>
              )}
              {k.huishoudens.length > 0 && <> · {k.huishoudens.map((h) => h.adres).join('; ')}</>}
              {k.eerdereMeldingen > 0 && (
                <>
                  {' '}
                  ·{' '}
                  <strong>
                    {k.eerdereMeldingen} eerdere {k.eerdereMeldingen === 1 ? 'melding' : 'meldingen'}
                  </strong>
                </>
              )}
              <KandidaatCasus id={k.id} />
            </span>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => onKoppel(k)}
              aria-label={`${k.naam} koppelen in plaats van nieuwe persoon ${index + 1}`}
            >
              Koppelen
            </button>
          </li>
        ))}
      </ul>
      {!perBsn && (
        <button type="button" className="button button--link" onClick={() => onTochNieuw(true)}>
          Toch nieuwe persoon<span className="visually-hidden"> (betrokkene {index + 1})</span>
        </button>
      )}
    </div>
  );
}

export function IntakePage() {
  const app = useApp();
  const loc = useLocation();
  const adviesvraagId = Number(loc.search.get('adviesvraag')) || null;
  const draftKey = adviesvraagId ? `intake:advies:${adviesvraagId}` : 'intake';
  const [form, setForm] = useDraft<IntakeForm>(draftKey, emptyIntake);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const [resetCount, setResetCount] = useState(0);
  // Likely duplicates per new person (by betrokkene key): found by the search, or named by the server's 409.
  const [dubbel, setDubbel] = useState<Record<string, Kandidaat[]>>({});
  const [serverDubbel, setServerDubbel] = useState<Record<string, Kandidaat[]>>({});

  // Converting an adviesvraag: prefill once from the vraag.
  const advies = useApi<Adviesvraag>(
    adviesvraagId && form.adviesvraagId !== adviesvraagId ? `/api/adviesvragen/${adviesvraagId}` : null,
  );
  useEffect(() => {
    if (advies.data && form.adviesvraagId !== advies.data.id) setForm(fromAdviesvraag(advies.data));
  }, [advies.data, form.adviesvraagId, setForm]);

  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const ids = gekoppeldeIds(form);
  const radar = useApi<{ meldingen: RadarMelding[] }>(
    ids.length ? `/api/radar${query({ persoonIds: ids.join(',') })}` : null,
  );
  // The household the melding will join (its open casus: a hermelding) and the radar of its address.
  const adresKlaar =
    /^[1-9][0-9]{3}\s?[A-Za-z]{2}$/.test(form.adres.postcode.trim()) &&
    /^[0-9]{1,5}$/.test(form.adres.huisnummer.trim());
  const huishoudenVraag = useDebounced(
    form.huishoudenKeuze === 'gekoppeld'
      ? ids.length
        ? query({ persoonIds: ids.join(',') })
        : null
      : adresKlaar
        ? query({
            postcode: form.adres.postcode.trim(),
            huisnummer: form.adres.huisnummer.trim(),
            toevoeging: form.adres.toevoeging.trim(),
          })
        : null,
    400,
  );
  const hh = useApi<HuishoudenVoorIntake>(huishoudenVraag ? `/api/intake/huishouden${huishoudenVraag}` : null);
  const hhData = huishoudenVraag ? hh.data : undefined;
  const radarMeldingen: Array<RadarMelding & { adres?: string }> = [...(radar.data?.meldingen ?? [])];
  for (const m of hhData?.meldingen ?? []) if (!radarMeldingen.some((x) => x.id === m.id)) radarMeldingen.push(m);
  radarMeldingen.sort((a, b) => b.ontvangenOp.localeCompare(a.ontvangenOp));
  const adresIds = new Set((hhData?.meldingen ?? []).map((m) => m.id));
  const ontvangen = ontvangenOp(form);
  const ontvangenAfwijking = ontvangen.iso ? Date.now() - new Date(ontvangen.iso).getTime() : 0;

  const update = (fn: (f: IntakeForm) => IntakeForm) => setForm(fn);
  const setMelder = (k: keyof IntakeForm['melder']) => (v: string | boolean) =>
    update((f) => ({ ...f, melder: { ...f.melder, [k]: v } }));
  const setAdres = (k: keyof IntakeForm['adres']) => (v: string) =>
    update((f) => ({ ...f, adres: { ...f.adres, [k]: v } }));
  const setBetrokkene = (key: string, fn: (b: BetrokkeneForm) => BetrokkeneForm) =>
    update((f) => ({ ...f, betrokkenen: f.betrokkenen.map((b) => (b.key === key ? fn(b) : b)) }));
  const setPersoon = (key: string, k: keyof PersoonForm) => (v: string) =>
    setBetrokkene(key, (b) => ({ ...b, persoon: { ...b.persoon!, [k]: v } }));

  const opts = app.options;
  const gemeenteOpts = app.gemeenteOptions();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setAttempt((a) => a + 1);
    const v = validateIntake(form);
    // A new person who looks like a known one: link, or confirm "toch nieuwe persoon" first.
    form.betrokkenen.forEach((b, i) => {
      if (b.persoon && !b.nieuwBevestigd && (dubbel[b.key]?.length ?? 0) > 0) {
        const bsn = !!dubbelZoekvraag(b.persoon, form.adres)?.bsn;
        v.errors[`betrokkenen[${i}].persoon`] = [
          bsn
            ? 'Dit BSN hoort bij een bekende persoon: koppel die persoon'
            : 'Deze persoon lijkt al bekend: koppel de gevonden persoon, of kies "Toch nieuwe persoon"',
        ];
        v.input = null;
      }
    });
    setErrors(v.errors);
    if (!v.input) return;
    setBusy(true);
    try {
      const r = await api.post<MeldingAangemaakt>('/api/meldingen', v.input);
      dropDraft(draftKey);
      dropDraft(`${draftKey}:criteria`);
      dropDraft(`${draftKey}:resultaten`);
      setFlash(
        `Melding ${r.nummer} is geregistreerd in casus ${r.casusNummer}. ` +
          (r.hermelding
            ? 'Hermelding: ja — de melding is toegevoegd aan de open casus van dit huishouden.'
            : 'Hermelding: nee — er is een nieuwe casus geopend.'),
      );
      navigate(`/casussen/${r.casusId}`);
    } catch (err) {
      if (err instanceof ApiError && (err.status === 400 || err.status === 409) && err.body.fields) {
        setErrors(fromServerFields(err.body.fields));
        // 409 bestaande_persoon: offer the persons the server named for linking.
        const genoemd: Record<string, Kandidaat[]> = {};
        for (const f of err.body.fields as Array<{
          field: string;
          kandidaten?: Array<{
            id: number;
            naam: string;
            geboortedatum: string | null;
            score?: number;
            redenen?: string[];
          }>;
        }>) {
          const i = /^betrokkenen\[(\d+)\]/.exec(f.field)?.[1];
          const b = i !== undefined ? form.betrokkenen[Number(i)] : undefined;
          if (b && f.kandidaten) genoemd[b.key] = f.kandidaten.map(kandidaatUitServer);
        }
        setServerDubbel(genoemd);
        setAttempt((a) => a + 1);
      } else setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const namen = new Map(form.betrokkenen.filter((b) => b.persoonId).map((b) => [b.persoonId!, b.gekoppeld!.naam]));
  const gekoppeldeAdressen = [
    ...new Set(
      form.betrokkenen.flatMap((b) =>
        b.gekoppeld ? b.gekoppeld.adressen.map((a) => `${a} (${b.gekoppeld!.naam})`) : [],
      ),
    ),
  ];

  return (
    <>
      <h1>Nieuwe melding</h1>
      {adviesvraagId && (
        <Notice kind="info">
          {advies.error ? (
            <>Adviesvraag laden lukte niet: {advies.error.message}</>
          ) : (
            <>
              U zet adviesvraag <strong>{form.adviesvraagNummer ?? `#${adviesvraagId}`}</strong> om in een melding.
              Aanleiding, aard, hoedanigheid, gemeente en omschrijving zijn overgenomen; vul de betrokkenen en de melder
              aan.
            </>
          )}
        </Notice>
      )}
      <ErrorSummary errors={errors} focusKey={attempt} describe={describeIntakeKey} />
      {failure && <Notice kind="error">{failure}</Notice>}

      <section className="section intake-step" aria-labelledby="stap-personen">
        <h2 id="stap-personen">
          <span className="step">1</span> Over wie gaat de melding?
        </h2>
        <p className="hint">
          Zoek eerst of de personen al bekend zijn, zodat niemand dubbel wordt geregistreerd. Koppel wie u vindt; voeg
          daarna toe wie nog niet bekend is.
        </p>
        <PersoonZoeken
          key={resetCount}
          draftKey={draftKey}
          title="Personen zoeken"
          actions={(k) => {
            const linked = form.betrokkenen.some((b) => b.persoonId === k.id);
            return (
              <button
                type="button"
                className="button button--secondary button--small"
                disabled={linked}
                aria-label={linked ? `${k.naam} is gekoppeld` : `${k.naam} koppelen`}
                onClick={() => {
                  const next = linkPersoon(form, k);
                  setForm(next);
                  setFocusTarget(fieldId(`betrokkenen[${next.betrokkenen.length - 1}].rol`));
                }}
              >
                {linked ? 'Gekoppeld' : 'Koppelen'}
              </button>
            );
          }}
        />
        <div className="button-row">
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              const { form: next } = addNieuwePersoon(form);
              setForm(next);
              setFocusTarget(fieldId(`betrokkenen[${next.betrokkenen.length - 1}].persoon.bsn`));
            }}
          >
            Nieuwe persoon toevoegen
          </button>
        </div>
      </section>

      <form onSubmit={submit} noValidate className="form" aria-label="Melding registreren">
        <section className="section" aria-labelledby="betrokkenen-titel">
          <h2 id="betrokkenen-titel">Betrokkenen ({form.betrokkenen.length})</h2>
          {errorsFor(errors, 'betrokkenen').length > 0 && (
            <p className="field-error" id={fieldId('betrokkenen')} tabIndex={-1}>
              {errorsFor(errors, 'betrokkenen').join(' ')}
            </p>
          )}
          {form.betrokkenen.length === 0 && <p className="muted">Nog niemand gekoppeld of toegevoegd.</p>}
          {form.betrokkenen.map((b, i) => {
            const p = `betrokkenen[${i}]`;
            const rowErrors = errorsFor(errors, `${p}.persoon`).concat(errorsFor(errors, `${p}.persoonId`));
            return (
              <fieldset key={b.key} className="betrokkene" data-testid="betrokkene">
                <legend className="legend">
                  Betrokkene {i + 1}:{' '}
                  {b.gekoppeld
                    ? `${b.gekoppeld.naam} (gekoppeld)`
                    : [b.persoon!.voornamen, b.persoon!.tussenvoegsel, b.persoon!.achternaam]
                        .filter(Boolean)
                        .join(' ') || 'nieuwe persoon'}
                </legend>
                {rowErrors.length > 0 && (
                  <p className="field-error" id={fieldId(`${p}.persoon`)} tabIndex={-1}>
                    {rowErrors.join(' ')}
                  </p>
                )}
                {b.gekoppeld ? (
                  <p className="betrokkene__info">
                    Geboren {b.gekoppeld.geboortedatumLabel ?? 'onbekend'} ·{' '}
                    {b.gekoppeld.adressen.join('; ') || 'geen adres'} ·{' '}
                    <strong>
                      {b.gekoppeld.eerdereMeldingen} eerdere{' '}
                      {b.gekoppeld.eerdereMeldingen === 1 ? 'melding' : 'meldingen'}
                    </strong>
                  </p>
                ) : (
                  <>
                    <div className="field-row">
                      <TextField
                        name={`${p}.persoon.bsn`}
                        label="BSN"
                        hint="Leeg als onbekend"
                        value={b.persoon!.bsn}
                        onChange={setPersoon(b.key, 'bsn')}
                        errors={errors}
                        inputMode="numeric"
                        width="s"
                        maxLength={11}
                      />
                      <TextField
                        name={`${p}.persoon.geboortedatum`}
                        label="Geboortedatum"
                        hint="JJJJMMDD, onbekende delen als 00"
                        value={b.persoon!.geboortedatum}
                        onChange={setPersoon(b.key, 'geboortedatum')}
                        errors={errors}
                        inputMode="numeric"
                        width="s"
                        maxLength={10}
                      />
                    </div>
                    <div className="field-row">
                      <TextField
                        name={`${p}.persoon.voornamen`}
                        label="Voornamen"
                        value={b.persoon!.voornamen}
                        onChange={setPersoon(b.key, 'voornamen')}
                        errors={errors}
                        width="m"
                      />
                      <TextField
                        name={`${p}.persoon.tussenvoegsel`}
                        label="Tussenvoegsel"
                        value={b.persoon!.tussenvoegsel}
                        onChange={setPersoon(b.key, 'tussenvoegsel')}
                        errors={errors}
                        width="xs"
                      />
                      <TextField
                        name={`${p}.persoon.achternaam`}
                        label="Achternaam"
                        value={b.persoon!.achternaam}
                        onChange={setPersoon(b.key, 'achternaam')}
                        errors={errors}
                        width="m"
                      />
                    </div>
                    <RadioGroup
                      name={`${p}.persoon.geslacht`}
                      label="Geslacht"
                      inline
                      value={b.persoon!.geslacht}
                      onChange={setPersoon(b.key, 'geslacht')}
                      errors={errors}
                      options={GESLACHTEN.map((g) => ({ value: g, label: GESLACHT_LABEL[g] }))}
                    />
                    <DubbelCheck
                      b={b}
                      index={i}
                      adres={form.huishoudenKeuze === 'adres' ? form.adres : undefined}
                      gekoppeld={ids}
                      serverKandidaten={serverDubbel[b.key] ?? []}
                      onGevonden={(k) => setDubbel((d) => ({ ...d, [b.key]: k }))}
                      onKoppel={(k) => {
                        setForm((f) => linkInPlaatsVan(f, b.key, k));
                        setErrors({});
                        setFocusTarget(fieldId(`${p}.rol`));
                      }}
                      onTochNieuw={(v) => setBetrokkene(b.key, (x) => ({ ...x, nieuwBevestigd: v }))}
                    />
                  </>
                )}
                <div className="field-row">
                  <SelectField
                    name={`${p}.rol`}
                    label="Rol in de melding"
                    value={b.rol}
                    onChange={(v) => setBetrokkene(b.key, (x) => ({ ...x, rol: v }))}
                    errors={errors}
                    options={opts('betrokkene_rol')}
                  />
                  <SelectField
                    name={`${p}.huishoudenRol`}
                    label="Rol in het huishouden"
                    value={b.huishoudenRol}
                    onChange={(v) => setBetrokkene(b.key, (x) => ({ ...x, huishoudenRol: v }))}
                    errors={errors}
                    options={opts('huishouden_rol')}
                    placeholder="— afleiden uit rol —"
                  />
                  <div className="field field--button">
                    <button
                      type="button"
                      className="button button--link"
                      onClick={() => {
                        setForm(removeBetrokkene(form, b.key));
                        setErrors({});
                      }}
                    >
                      Verwijderen<span className="visually-hidden"> (betrokkene {i + 1})</span>
                    </button>
                  </div>
                </div>
              </fieldset>
            );
          })}
        </section>

        {(ids.length > 0 || (hhData?.meldingen.length ?? 0) > 0) && (
          <section className="radar" aria-labelledby="radar-titel" data-testid="radar" aria-live="polite">
            <h2 id="radar-titel">
              Radar: eerdere meldingen
              {radar.data || !ids.length ? ` (${radarMeldingen.length})` : ''}
            </h2>
            <p className="hint">Over de gekoppelde personen en over het gekozen huishouden of adres.</p>
            {radar.error && <Notice kind="error">{radar.error.message}</Notice>}
            {hh.error && <Notice kind="error">{hh.error.message}</Notice>}
            {ids.length > 0 && !radar.data && !radar.error && <p>Radar raadplegen…</p>}
            {(radar.data || !ids.length) && radarMeldingen.length === 0 && (
              <p>Geen eerdere meldingen over de gekoppelde personen of dit adres.</p>
            )}
            {(radar.data || !ids.length) && radarMeldingen.length > 0 && (
              <ScrollBox label="Eerdere meldingen">
                <table className="table table--compact">
                  <thead>
                    <tr>
                      <th scope="col">Ontvangen</th>
                      <th scope="col">Melding</th>
                      <th scope="col">Status</th>
                      <th scope="col">Aanleiding</th>
                      <th scope="col">Uitkomst beoordeling</th>
                      <th scope="col">Betreft</th>
                    </tr>
                  </thead>
                  <tbody>
                    {radarMeldingen.map((m) => (
                      <tr key={m.id} data-testid="radar-melding">
                        <td>{formatDag(m.ontvangenOp)}</td>
                        <td>
                          {m.nummer}
                          <span className="block">
                            casus{' '}
                            <Link to={`/casussen/${m.casusId}`} className="nowrap">
                              {m.casusNummer}
                            </Link>
                          </span>
                          <VlagMarker vlaggen={m.veiligheidsvlaggen} />
                        </td>
                        <td>{MELDING_STATUS_LABEL[m.status] ?? m.status}</td>
                        <td>{app.labels('aanleiding', m.aanleiding)}</td>
                        <td>
                          {m.beoordelingUitkomst ? (
                            app.label('beoordeling_uitkomst', m.beoordelingUitkomst)
                          ) : (
                            <span className="muted">nog niet beoordeeld</span>
                          )}
                        </td>
                        <td>
                          {[
                            m.persoonIds
                              .filter((id) => namen.has(id))
                              .map((id) => namen.get(id))
                              .join(', '),
                            adresIds.has(m.id) ? 'dit adres' : '',
                          ]
                            .filter(Boolean)
                            .join(' · ') || m.persoonIds.map((id) => `persoon ${id}`).join(', ')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            )}
          </section>
        )}

        <section className="section intake-step" aria-labelledby="stap-huishouden">
          <h2 id="stap-huishouden">
            <span className="step">2</span> Huishouden
          </h2>
          <RadioGroup
            name="huishouden"
            label="Over welk huishouden gaat de melding?"
            value={form.huishoudenKeuze}
            onChange={(v) => update((f) => ({ ...f, huishoudenKeuze: v as IntakeForm['huishoudenKeuze'] }))}
            errors={errors}
            hint={
              ids.length
                ? `Gekoppeld: ${gekoppeldeAdressen.join('; ') || 'geen bekend adres'}.`
                : 'Koppel eerst een gevonden persoon om diens huishouden te kiezen.'
            }
            options={[
              { value: 'gekoppeld', label: 'Huishouden van de gekoppelde persoon' },
              { value: 'adres', label: 'Ander of nieuw adres' },
            ]}
          />
          {form.huishoudenKeuze === 'adres' && (
            <div className="subfields">
              <div className="field-row">
                <TextField
                  name="huishouden.postcode"
                  label="Postcode"
                  value={form.adres.postcode}
                  onChange={setAdres('postcode')}
                  errors={errors}
                  width="s"
                  maxLength={7}
                />
                <TextField
                  name="huishouden.huisnummer"
                  label="Huisnummer"
                  value={form.adres.huisnummer}
                  onChange={setAdres('huisnummer')}
                  errors={errors}
                  inputMode="numeric"
                  width="xs"
                  maxLength={5}
                />
                <TextField
                  name="huishouden.toevoeging"
                  label="Toevoeging"
                  value={form.adres.toevoeging}
                  onChange={setAdres('toevoeging')}
                  errors={errors}
                  width="xs"
                  maxLength={10}
                />
              </div>
              <div className="field-row">
                <TextField
                  name="huishouden.straat"
                  label="Straat"
                  value={form.adres.straat}
                  onChange={setAdres('straat')}
                  errors={errors}
                  width="l"
                />
                <TextField
                  name="huishouden.woonplaats"
                  label="Woonplaats"
                  value={form.adres.woonplaats}
                  onChange={setAdres('woonplaats')}
                  errors={errors}
                  width="m"
                />
                <SelectField
                  name="huishouden.gemeenteCode"
                  label="Gemeente van het adres"
                  value={form.adres.gemeenteCode}
                  onChange={setAdres('gemeenteCode')}
                  errors={errors}
                  options={gemeenteOpts}
                  placeholder="— zelfde als de melding —"
                />
              </div>
              <p className="hint">Laat het adres leeg als het onbekend is.</p>
            </div>
          )}
          <div aria-live="polite" data-testid="huishouden-status">
            {huishoudenVraag && hhData?.huishouden?.openCasus && (
              <Notice kind="warning">
                <strong>
                  Open casus{' '}
                  <Link to={`/casussen/${hhData.huishouden.openCasus.id}`} className="nowrap">
                    {hhData.huishouden.openCasus.nummer}
                  </Link>{' '}
                  – deze melding wordt een hermelding.
                </strong>{' '}
                Huishouden {hhData.huishouden.adres}
                {hhData.huishouden.leden.length > 0 && <> ({hhData.huishouden.leden.map((l) => l.naam).join(', ')})</>}.
              </Notice>
            )}
            {huishoudenVraag && hhData?.huishouden && !hhData.huishouden.openCasus && (
              <p className="hint">
                Bekend huishouden {hhData.huishouden.adres} zonder open casus: er wordt een nieuwe casus geopend.
              </p>
            )}
            {huishoudenVraag && hhData && !hhData.huishouden && form.huishoudenKeuze === 'adres' && (
              <p className="hint">Nieuw adres: er wordt een nieuw huishouden en een nieuwe casus aangemaakt.</p>
            )}
          </div>
        </section>

        <section className="section intake-step" aria-labelledby="stap-melder">
          <h2 id="stap-melder">
            <span className="step">3</span> Melder
          </h2>
          <SelectField
            name="melder.hoedanigheid"
            label="Hoedanigheid melder"
            value={form.melder.hoedanigheid}
            onChange={setMelder('hoedanigheid')}
            errors={errors}
            options={app.hoedanigheidOptions()}
          />
          <div className="field-row">
            <TextField
              name="melder.naam"
              label="Naam melder"
              hint="Verplicht: een melder maakt zich bekend bij Veilig Thuis"
              value={form.melder.naam}
              onChange={setMelder('naam')}
              errors={errors}
              width="m"
            />
            <TextField
              name="melder.organisatie"
              label="Organisatie"
              hint="Organisatie, telefoon of e-mail: minstens één"
              value={form.melder.organisatie}
              onChange={setMelder('organisatie')}
              errors={errors}
              width="m"
            />
            <TextField
              name="melder.functie"
              label="Functie"
              value={form.melder.functie}
              onChange={setMelder('functie')}
              errors={errors}
              width="m"
            />
          </div>
          <div className="field-row">
            <TextField
              name="melder.telefoon"
              label="Telefoon"
              type="tel"
              value={form.melder.telefoon}
              onChange={setMelder('telefoon')}
              errors={errors}
              width="m"
            />
            <TextField
              name="melder.email"
              label="E-mail"
              type="email"
              value={form.melder.email}
              onChange={setMelder('email')}
              errors={errors}
              width="l"
            />
          </div>
          <Checkbox
            name="melder.wilOnbekendBlijven"
            label="Melder wil onbekend blijven voor het gezin"
            hint="De identiteit van de melder wordt dan niet aan het gezin bekendgemaakt (Uitvoeringsbesluit Wmo art. 4.1.8)."
            checked={form.melder.wilOnbekendBlijven}
            onChange={setMelder('wilOnbekendBlijven')}
          />
        </section>

        <section className="section intake-step" aria-labelledby="stap-melding">
          <h2 id="stap-melding">
            <span className="step">4</span> De melding
          </h2>
          <div className="field-row">
            <RadioGroup
              name="regio"
              label="Regio"
              inline
              value={form.regio}
              onChange={(v) => update((f) => ({ ...f, regio: v as IntakeForm['regio'] }))}
              errors={errors}
              options={[
                { value: 'eigen', label: 'Eigen regio' },
                { value: 'andere', label: 'Andere regio' },
                { value: 'onbekend', label: 'Onbekend' },
              ]}
            />
            {form.regio === 'eigen' && (
              <SelectField
                name="gemeenteCode"
                label="Gemeente"
                value={form.gemeenteCode}
                onChange={(v) => update((f) => ({ ...f, gemeenteCode: v }))}
                errors={errors}
                options={gemeenteOpts}
              />
            )}
            <SelectField
              name="binnenkomst"
              label="Binnengekomen via"
              value={form.binnenkomst}
              onChange={(v) => update((f) => ({ ...f, binnenkomst: v }))}
              errors={errors}
              options={opts('binnenkomst')}
            />
          </div>
          <fieldset className="ontvangen" aria-describedby="ontvangen-uitleg">
            <legend className="legend">Ontvangen op</legend>
            <p className="hint" id="ontvangen-uitleg">
              Het moment waarop de melding binnenkwam (Nederlandse tijd): hier begint de termijn van 5 werkdagen.
              Standaard het moment waarop u deze melding begon; pas het aan bij een nachtelijke oproep, een e-mail of
              een CORV-bericht dat later wordt geregistreerd.
            </p>
            <div className="field-row">
              <TextField
                name="ontvangenOp"
                label="Datum"
                hint="dd-mm-jjjj"
                value={form.ontvangenDatum ?? ''}
                onChange={(v) => update((f) => ({ ...f, ontvangenDatum: v }))}
                errors={errors}
                inputMode="numeric"
                width="s"
                maxLength={10}
              />
              <TextField
                name="ontvangenTijd"
                label="Tijd"
                hint="uu:mm"
                value={form.ontvangenTijd ?? ''}
                onChange={(v) => update((f) => ({ ...f, ontvangenTijd: v }))}
                errors={errors}
                inputMode="numeric"
                width="xs"
                maxLength={5}
              />
              <div className="field field--button">
                <button
                  type="button"
                  className="button button--link"
                  onClick={() => {
                    const o = amsterdamDatumTijd(new Date());
                    update((f) => ({ ...f, ontvangenDatum: o.datum, ontvangenTijd: o.tijd }));
                  }}
                >
                  Nu<span className="visually-hidden"> (ontvangstmoment op dit moment zetten)</span>
                </button>
              </div>
            </div>
            {ontvangenAfwijking > 3600_000 && (
              <p className="hint ontvangen__afwijking" data-testid="ontvangen-afwijking">
                Ontvangen {Math.round(ontvangenAfwijking / 3600_000)} uur vóór nu: de termijn loopt vanaf dit moment; de
                casus toont ontvangst en registratie allebei.
              </p>
            )}
          </fieldset>
          <CheckboxGroup
            name="aanleiding"
            label="Aanleiding"
            hint="Eén of meer"
            columns
            values={form.aanleiding}
            onChange={(v) => update((f) => ({ ...f, aanleiding: v }))}
            errors={errors}
            options={opts('aanleiding')}
          />
          <CheckboxGroup
            name="aard"
            label="Aard van het geweld"
            hint="Eén of meer, voor zover bekend"
            columns
            values={form.aard}
            onChange={(v) => update((f) => ({ ...f, aard: v }))}
            errors={errors}
            options={opts('aard')}
          />
          {app.items('signaal').length > 0 && (
            <CheckboxGroup
              name="signalen"
              label="Signalen"
              hint="Wat speelt er nog mee? Voor zover bekend"
              columns
              values={form.signalen}
              onChange={(v) => update((f) => ({ ...f, signalen: v }))}
              errors={errors}
              options={opts('signaal')}
            />
          )}
          <TextArea
            name="omschrijving"
            label="Omschrijving"
            hint="Wat is er gebeurd, wat heeft de melder gezien of gehoord? Minstens 10 tekens."
            rows={6}
            value={form.omschrijving}
            onChange={(v) => update((f) => ({ ...f, omschrijving: v }))}
            errors={errors}
          />
        </section>

        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Bezig met registreren…' : 'Melding registreren'}
          </button>
          <button
            type="button"
            className="button button--link"
            onClick={() => {
              if (!window.confirm('Alles wat u voor deze melding invulde wissen?')) return;
              dropDraft(`${draftKey}:criteria`);
              dropDraft(`${draftKey}:resultaten`);
              // With an adviesvraag the empty form is prefilled from it again.
              setForm(emptyIntake());
              setErrors({});
              setFailure(null);
              setResetCount((n) => n + 1);
            }}
          >
            Formulier wissen
          </button>
        </div>
      </form>
    </>
  );
}
