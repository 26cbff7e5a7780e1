// The forms of the veiligheidsbeoordeling and the monitoringcontact (the fields only; the rules are
// in casusActionsModel.ts).
import {
  BRON_LABEL,
  BRONNEN,
  HULP_GESTART,
  HULP_GESTART_LABEL,
  UITKOMST_ACUUT,
  VEILIG,
  VEILIG_LABEL,
} from '@voordeur/domain';
import {
  Checkbox,
  CheckboxGroup,
  Notice,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
  type Option,
} from '../components/forms.tsx';
import { formatDatum } from '../format.ts';
import {
  beoordelingAntwoord,
  TOETS_ROLLEN,
  toegestaan,
  uitkomstHint,
  type Draft,
  type FieldsProps,
} from './casusActionsModel.ts';

export const JA_NEE: Option[] = [
  { value: 'ja', label: 'Ja' },
  { value: 'nee', label: 'Nee' },
];

export const BeoordelingFields = ({ d, set, errors, app, p, casus, melding }: FieldsProps) => {
  // The uitkomst follows from the two questions (domain rule toegestaneUitkomsten): offer only
  // the outcomes the answers allow, and pick it when only one fits.
  const alle = app.options('beoordeling_uitkomst');
  const codes = alle.map((o) => o.value);
  const antwoord = (patch: Draft) => set(beoordelingAntwoord(d, patch, codes));
  const ok = toegestaan(d.acuteOnveiligheid, d.structureleOnveiligheid, codes);
  const opties = alle.filter((o) => ok.includes(o.value));
  const acuut = d.acuteOnveiligheid === 'ja' || d.uitkomst === UITKOMST_ACUUT;
  const heeftAcuutVlag = (casus.veiligheidsvlag?.vlaggen ?? []).includes('acuut_gevaar');
  return (
    <>
      <div className="field-row">
        <RadioGroup
          name={p('acuteOnveiligheid')}
          label="Is er sprake van acute onveiligheid?"
          inline
          options={JA_NEE}
          value={d.acuteOnveiligheid}
          onChange={(v) => antwoord({ acuteOnveiligheid: v })}
          errors={errors}
        />
        <RadioGroup
          name={p('structureleOnveiligheid')}
          label="Is er sprake van structurele onveiligheid?"
          inline
          options={JA_NEE}
          value={d.structureleOnveiligheid}
          onChange={(v) => antwoord({ structureleOnveiligheid: v })}
          errors={errors}
        />
      </div>
      <SelectField
        name={p('uitkomst')}
        label="Uitkomst van de beoordeling"
        hint={uitkomstHint(d.acuteOnveiligheid, d.structureleOnveiligheid)}
        value={d.uitkomst}
        onChange={(v) => set({ uitkomst: v })}
        errors={errors}
        options={opties}
      />
      {acuut && (
        <div className="acuut-aanbod" data-testid="acuut-aanbod">
          <p className="acuut-aanbod__kop">
            <strong>Acute onveiligheid: handel direct.</strong> Overleg met de crisisdienst en ga nooit alleen op
            huisbezoek.
          </p>
          {heeftAcuutVlag ? (
            <p className="acuut-aanbod__tekst">Dit huishouden heeft al de veiligheidsvlag ‘Acuut gevaar’.</p>
          ) : (
            <>
              <Checkbox
                name={p('vlagZetten')}
                label="Ook de veiligheidsvlag ‘Acuut gevaar’ op dit huishouden zetten"
                hint="De vlag is zichtbaar op elke pagina over dit huishouden. U kunt hem later wijzigen of weghalen."
                checked={!!d.vlagZetten}
                onChange={(v) =>
                  set({
                    vlagZetten: v,
                    vlagToelichting:
                      v && !d.vlagToelichting
                        ? `Veiligheidsbeoordeling ${melding.nummer}: (vermoeden van) acute onveiligheid.`
                        : d.vlagToelichting,
                  })
                }
              />
              {d.vlagZetten && (
                <TextArea
                  name={p('vlagToelichting')}
                  label="Toelichting bij de vlag"
                  hint="Wat is er bekend, en wat betekent dat voor een huisbezoek?"
                  value={d.vlagToelichting}
                  onChange={(v) => set({ vlagToelichting: v })}
                  errors={errors}
                  rows={2}
                />
              )}
            </>
          )}
        </div>
      )}
      <TextArea
        name={p('motivering')}
        label="Motivering"
        hint="Minstens 10 tekens"
        value={d.motivering}
        onChange={(v) => set({ motivering: v })}
        errors={errors}
        rows={4}
      />
      <CheckboxGroup
        name={p('bronnen')}
        label="Geraadpleegde bronnen"
        columns
        values={d.bronnen}
        onChange={(v) => set({ bronnen: v })}
        errors={errors}
        options={BRONNEN.map((b) => ({ value: b, label: BRON_LABEL[b] }))}
      />
      <SelectField
        name={p('getoetstDoor')}
        label="Getoetst door"
        hint="Vier ogen: een andere medewerker toetst de beoordeling"
        value={d.getoetstDoor}
        onChange={(v) => set({ getoetstDoor: v })}
        errors={errors}
        options={app.ref.medewerkers
          .filter((m) => m.id !== app.user.id && m.rollen.some((r) => TOETS_ROLLEN.has(r)))
          .map((m) => ({ value: String(m.id), label: m.naam }))}
      />
    </>
  );
};

export const MonitoringcontactFields = ({ d, set, errors, p, melding }: FieldsProps) => {
  const klok = melding.clocks.find((k) => k.kind === 'monitoring' && !k.metAt);
  return (
    <>
      {klok && (
        <p className="hint">
          Volgend monitoringcontact uiterlijk {formatDatum(klok.due)}; na dit contact loopt de termijn opnieuw.
        </p>
      )}
      <div className="field-row">
        <TextField
          name={p('gedaanOp')}
          label="Datum van het contact"
          hint="dd-mm-jjjj"
          value={d.datum}
          onChange={(v) => set({ datum: v })}
          errors={errors}
          inputMode="numeric"
          width="s"
          maxLength={10}
        />
        <TextField
          name={p('gedaanTijd')}
          label="Tijd"
          hint="uu:mm"
          value={d.tijd}
          onChange={(v) => set({ tijd: v })}
          errors={errors}
          inputMode="numeric"
          width="xs"
          maxLength={5}
        />
      </div>
      <TextArea
        name={p('bevindingen')}
        label="Bevindingen"
        hint="Met wie is gesproken, wat is er gebeurd sinds de overdracht? Minstens 10 tekens."
        value={d.bevindingen}
        onChange={(v) => set({ bevindingen: v })}
        errors={errors}
        rows={4}
      />
      <div className="field-row">
        <RadioGroup
          name={p('hulpGestart')}
          label="Is de hulp gestart?"
          inline
          options={HULP_GESTART.map((v) => ({ value: v, label: HULP_GESTART_LABEL[v] }))}
          value={d.hulpGestart}
          onChange={(v) => set({ hulpGestart: v })}
          errors={errors}
        />
        <RadioGroup
          name={p('veilig')}
          label="Is de situatie veilig?"
          inline
          options={VEILIG.map((v) => ({ value: v, label: VEILIG_LABEL[v] }))}
          value={d.veilig}
          onChange={(v) => set({ veilig: v })}
          errors={errors}
        />
      </div>
      {d.veilig === 'nee' && (
        <Notice kind="warning">
          Niet veilig: na het vastleggen is een nieuwe veiligheidsbeoordeling nodig. Registreer een hermelding (Intake)
          zodat de veiligheidsbeoordeling opnieuw binnen 5 werkdagen plaatsvindt.
        </Notice>
      )}
    </>
  );
};
