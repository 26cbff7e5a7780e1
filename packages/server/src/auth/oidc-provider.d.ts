// oidc-provider (test-only identity provider, auth/oidc.int.test.ts) ships no type declarations.
declare module 'oidc-provider';
