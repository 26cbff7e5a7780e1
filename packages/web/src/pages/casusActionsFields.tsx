// The fields of each workflow action's form (layout only: the state, the rules and the texts of
// every action are in casusActionsModel.ts).
import { TERUGKOPPELING_MOMENT_LABEL, type Actie } from '@voordeur/domain';
import type { ReactNode } from 'react';
import { RadioGroup, SelectField, TextArea, TextField } from '../components/forms.tsx';
import { errorsFor } from '../fieldErrors.ts';
import { BeoordelingFields, JA_NEE, MonitoringcontactFields } from './casusActionsBeoordeling.tsx';
import { geenOnveiligheidGeweigerd, openMomenten, type FieldsProps } from './casusActionsModel.ts';

export type { FieldsProps };

const dienstFields =
  (soort: string) =>
  ({ d, set, errors, p }: FieldsProps) => (
    <TextArea
      name={p('toelichting')}
      label="Toelichting"
      hint={`Waarom de dienst ${soort}, en wat is het doel?`}
      value={d.toelichting}
      onChange={(v) => set({ toelichting: v })}
      errors={errors}
      rows={4}
    />
  );

export const OverdrachtFields = ({ d, set, errors, app, p }: FieldsProps) => (
  <>
    <div className="field-row">
      <SelectField
        name={p('ontvangerType')}
        label="Soort ontvanger"
        value={d.ontvangerType}
        onChange={(v) => set({ ontvangerType: v })}
        errors={errors}
        options={app.options('overdracht_ontvanger')}
      />
      <TextField
        name={p('ontvangerNaam')}
        label="Naam ontvanger"
        hint="Bijvoorbeeld Ouder Kind Team Oost"
        value={d.ontvangerNaam}
        onChange={(v) => set({ ontvangerNaam: v })}
        errors={errors}
        width="l"
      />
    </div>
    <div className="field-row">
      <RadioGroup
        name={p('reedsBekend')}
        label="Was het huishouden al bekend bij de ontvanger?"
        inline
        options={JA_NEE}
        value={d.reedsBekend}
        onChange={(v) => set({ reedsBekend: v })}
        errors={errors}
      />
      <RadioGroup
        name={p('warm')}
        label="Warme overdracht (gezamenlijk gesprek met gezin en ontvanger)?"
        inline
        options={JA_NEE}
        value={d.warm}
        onChange={(v) => set({ warm: v })}
        errors={errors}
      />
    </div>
    <TextArea
      name={p('monitoringAfspraken')}
      label="Monitoringafspraken"
      hint="Wanneer en hoe Veilig Thuis nagaat of de hulp loopt en het veilig is"
      value={d.monitoringAfspraken}
      onChange={(v) => set({ monitoringAfspraken: v })}
      errors={errors}
      rows={3}
    />
  </>
);

export const AfsluitenFields = ({ d, set, errors, app, p, melding }: FieldsProps) => {
  // "Geen (meer) sprake van onveiligheid" right after acute/structurele onveiligheid is refused
  // by the domain (afsluitenRegel): not offered, and the hint says why.
  const geweigerd = geenOnveiligheidGeweigerd(melding);
  return (
    <>
      <SelectField
        name={p('reden')}
        label="Reden van afsluiten"
        hint={
          geweigerd
            ? `‘Geen (meer) sprake van onveiligheid’ kan hier niet: de veiligheidsbeoordeling kwam uit op ${app.label('beoordeling_uitkomst', melding.beoordeling?.uitkomst ?? '').toLowerCase()} en er is nog geen dienst of overdracht geweest.`
            : undefined
        }
        value={d.reden}
        onChange={(v) => set({ reden: v })}
        errors={errors}
        options={app.options('afsluitreden').filter((o) => !(geweigerd && o.value === 'geen_onveiligheid'))}
      />
      <TextArea
        name={p('toelichting')}
        label="Toelichting"
        value={d.toelichting}
        onChange={(v) => set({ toelichting: v })}
        errors={errors}
        rows={3}
      />
    </>
  );
};

export const OnderzoekUitkomstFields = ({ d, set, errors, app, p }: FieldsProps) => (
  <>
    <fieldset className="field fieldset">
      <legend className="legend">Uitkomst per type geweld</legend>
      <p className="hint">Kies voor elk onderzocht type geweld de uitkomst; laat leeg wat niet is onderzocht.</p>
      {errorsFor(errors, p('uitkomsten'), { nested: true }).length > 0 && (
        <p className="field-error">{errorsFor(errors, p('uitkomsten'), { nested: true }).join(' ')}</p>
      )}
      <div className="field-row">
        {app.items('geweld_type').map((t) => (
          <SelectField
            key={t.code}
            name={p(`uitkomst-${t.code}`)}
            label={t.label}
            value={d.per[t.code] ?? ''}
            onChange={(v) => set({ per: { ...d.per, [t.code]: v } })}
            options={app.options('onderzoek_uitkomst')}
            placeholder="— niet onderzocht —"
          />
        ))}
      </div>
    </fieldset>
    <TextArea
      name={p('toelichting')}
      label="Toelichting"
      value={d.toelichting}
      onChange={(v) => set({ toelichting: v })}
      errors={errors}
      rows={3}
    />
  </>
);

export const VoorwaardenFields = ({ d, set, errors, p }: FieldsProps) => (
  <fieldset className="field fieldset">
    <legend className="legend">Nieuwe veiligheidsvoorwaarden</legend>
    {errors[p('voorwaarden')] && <p className="field-error">{errors[p('voorwaarden')]!.join(' ')}</p>}
    {(d.voorwaarden as string[]).map((v, i) => (
      <div className="field-row" key={i}>
        <TextField
          name={p(`voorwaarden[${i}]`)}
          label={`Voorwaarde ${i + 1}`}
          value={v}
          onChange={(x) => set({ voorwaarden: (d.voorwaarden as string[]).map((y, j) => (j === i ? x : y)) })}
          errors={errors}
          width="l"
        />
        {(d.voorwaarden as string[]).length > 1 && (
          <div className="field field--button">
            <button
              type="button"
              className="button button--link"
              onClick={() => set({ voorwaarden: (d.voorwaarden as string[]).filter((_, j) => j !== i) })}
            >
              Verwijderen<span className="visually-hidden"> (voorwaarde {i + 1})</span>
            </button>
          </div>
        )}
      </div>
    ))}
    <button
      type="button"
      className="button button--secondary button--small"
      onClick={() => set({ voorwaarden: [...d.voorwaarden, ''] })}
    >
      Voorwaarde toevoegen
    </button>
  </fieldset>
);

export const TerugkoppelingFields = ({ d, set, errors, melding, p }: FieldsProps) => {
  // Only the moments that apply and are not recorded yet (domain rule terugkoppelingMomenten).
  const open = openMomenten(melding);
  return (
    <>
      {open.length > 1 ? (
        <RadioGroup
          name={p('moment')}
          label="Moment"
          inline
          value={d.moment}
          onChange={(v) => set({ moment: v })}
          errors={errors}
          options={open.map((m) => ({ value: m, label: TERUGKOPPELING_MOMENT_LABEL[m] }))}
        />
      ) : (
        <p className="field moment-vast" data-testid="terugkoppeling-moment">
          <span className="label">Moment</span>{' '}
          {open[0] ? TERUGKOPPELING_MOMENT_LABEL[open[0]] : 'Er is nu geen terugkoppeling vast te leggen.'}
        </p>
      )}
      <TextArea
        name={p('inhoud')}
        label="Wat is aan de melder teruggekoppeld?"
        hint="Welke vervolgstappen, welke partijen"
        value={d.inhoud}
        onChange={(v) => set({ inhoud: v })}
        errors={errors}
        rows={3}
      />
    </>
  );
};

export const InformerenFields = ({ d, set, errors, melding, p }: FieldsProps) => {
  const open = melding.informering.filter((i) => !i.geinformeerdOp);
  const naam = (id: number) => melding.betrokkenen.find((b) => b.persoonId === id)?.naam ?? `persoon ${id}`;
  return (
    <>
      <SelectField
        name={p('persoonId')}
        label="Betrokkene"
        value={d.persoonId}
        onChange={(v) => set({ persoonId: v })}
        errors={errors}
        options={open.map((i) => ({ value: String(i.persoonId), label: naam(i.persoonId) }))}
      />
      <RadioGroup
        name={p('keuze')}
        label="Wat wilt u vastleggen?"
        value={d.keuze}
        onChange={(v) => set({ keuze: v })}
        options={[
          { value: 'geinformeerd', label: 'De betrokkene is geïnformeerd' },
          { value: 'verlengen', label: 'De termijn verlengen (maximaal 2 weken per keer, met reden)' },
        ]}
      />
      {d.keuze === 'verlengen' ? (
        <div className="subfields">
          <RadioGroup
            name={p('verlenging.weken')}
            label="Verlenging"
            inline
            value={d.weken}
            onChange={(v) => set({ weken: v })}
            errors={errors}
            options={[
              { value: '1', label: '1 week' },
              { value: '2', label: '2 weken' },
            ]}
          />
          <TextArea
            name={p('verlenging.reden')}
            label="Reden van de verlenging"
            value={d.reden}
            onChange={(v) => set({ reden: v })}
            errors={errors}
            rows={2}
          />
        </div>
      ) : (
        <TextField
          name={p('wijze')}
          label="Wijze van informeren"
          hint="Bijvoorbeeld telefonisch, huisbezoek, brief"
          value={d.wijze}
          onChange={(v) => set({ wijze: v })}
          errors={errors}
          width="l"
        />
      )}
    </>
  );
};

export const RvdkFields = ({ d, set, errors, p }: FieldsProps) => (
  <TextArea
    name={p('motivering')}
    label="Motivering van het verzoek"
    hint="Minstens 10 tekens"
    value={d.motivering}
    onChange={(v) => set({ motivering: v })}
    errors={errors}
    rows={4}
  />
);

/** The fields of every action's form. */
export const FIELDS: Record<Actie, (props: FieldsProps) => ReactNode> = {
  veiligheidsbeoordeling: BeoordelingFields,
  dienst_voorwaarden_en_vervolg: dienstFields('Voorwaarden en Vervolg'),
  dienst_onderzoek: dienstFields('Onderzoek'),
  overdragen: OverdrachtFields,
  afsluiten: AfsluitenFields,
  onderzoek_uitkomst: OnderzoekUitkomstFields,
  veiligheidsvoorwaarden: VoorwaardenFields,
  terugkoppeling: TerugkoppelingFields,
  informeren: InformerenFields,
  rvdk_verzoek: RvdkFields,
  monitoringcontact: MonitoringcontactFields,
};
