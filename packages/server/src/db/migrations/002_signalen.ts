// Coded signals on meldingen and adviesvragen (content shifts such as "corona-gerelateerd"),
// a configurable code list (`signaal`); safety flags on the casus (code list `veiligheidsvlag`).
export const name = '002_signalen';

export const up: string[] = [
  `alter table melding add column signalen text[] not null default '{}'`,
  `alter table adviesvraag add column signalen text[] not null default '{}'`,
  // Safety flags on the household's casus (acute danger, weapon, threat to staff), shown on
  // every page about that household.
  `alter table casus drop column veiligheidsvlag`,
  `alter table casus add column veiligheidsvlaggen text[] not null default '{}'`,
  `alter table casus add column veiligheidsvlag_toelichting text`,
];
