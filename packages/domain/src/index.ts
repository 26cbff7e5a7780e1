// The domain package: pure TypeScript, no I/O. Shared by the server and the web app.
export * from './werkdagen.ts';
export * from './clocks.ts';
export * from './momenten.ts';
export * from './bsn.ts';
export * from './names.ts';
export * from './persoonMatch.ts';
export * from './workflow.ts';
export * from './melding.ts';
export * from './meldingActies.ts';
export * from './codelists.ts';
export * from './schemas.ts';
export * from './policy.ts';
export * from './contact.ts';
// The JSON shapes of the API, shared by the server (which builds them) and the web app (which reads them).
export * from './api/rapportage.ts';
export * from './api/beheer.ts';
export * from './api/privacy.ts';
export * from './api/workflow.ts';
export * from './api/sessie.ts';
export * from './api/referentie.ts';
export * from './api/intake.ts';
export * from './api/werkvoorraad.ts';
export * from './api/antwoorden.ts';
export * from './api/contact.ts';
