// The domain package: pure TypeScript, no I/O. Shared by the server and the web app.
export * from './werkdagen.ts';
export * from './clocks.ts';
export * from './bsn.ts';
export * from './names.ts';
export * from './workflow.ts';
export * from './codelists.ts';
export * from './schemas.ts';
