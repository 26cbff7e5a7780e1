// The domain package: pure TypeScript, no I/O. Shared by the server and the web app.
export * from './werkdagen.ts';
export * from './clocks.ts';
export * from './bsn.ts';
export * from './names.ts';
export * from './workflow.ts';
export * from './codelists.ts';
export * from './schemas.ts';
// The JSON shapes of the API, shared by the server (which builds them) and the web app (which reads them).
export * from './api/rapportage.ts';
export * from './api/beheer.ts';
export * from './api/privacy.ts';
