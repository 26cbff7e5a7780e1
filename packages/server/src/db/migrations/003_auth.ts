// Authentication: lockout counters, second factor (TOTP + recovery codes), two-step sessions,
// failed logins per IP address, OIDC single sign-on, drafts that survive re-login.
export const name = '003_auth';

export const up: string[] = [
  // Users from the identity provider have no local password.
  `alter table gebruiker alter column wachtwoord_hash drop not null`,
  `alter table gebruiker add column wachtwoord_gewijzigd_op timestamptz`,
  // Consecutive failed logins (password or second factor) and the lock they caused.
  `alter table gebruiker add column mislukte_pogingen int not null default 0`,
  `alter table gebruiker add column geblokkeerd_tot timestamptz`,
  `alter table gebruiker add column oidc_issuer text`,
  `alter table gebruiker add column oidc_sub text`,
  `create unique index gebruiker_oidc on gebruiker (oidc_issuer, oidc_sub) where oidc_sub is not null`,

  // A session is usable only in step 'actief'. Steps 'totp' and 'totp_inschrijven' are the
  // pre-authentication state between the password (or SSO) and the second factor.
  `alter table sessie add column stap text not null default 'actief' check (stap in ('totp', 'totp_inschrijven', 'actief'))`,
  `alter table sessie add column methode text`,

  `create table totp (
     gebruiker_id int primary key references gebruiker,
     geheim text,
     bevestigd_op timestamptz,
     nieuw_geheim text,
     nieuw_aangemaakt_op timestamptz,
     laatste_stap bigint
   )`,
  `create table herstelcode (
     id serial primary key,
     gebruiker_id int not null references gebruiker,
     code_hash text not null,
     aangemaakt_op timestamptz not null default now(),
     gebruikt_op timestamptz
   )`,
  `create index herstelcode_gebruiker on herstelcode (gebruiker_id)`,

  // Failed logins per client address (rate limit of the login routes; rows older than a day are removed).
  `create table login_mislukt (
     id bigserial primary key,
     ip text not null,
     op timestamptz not null
   )`,
  `create index login_mislukt_ip on login_mislukt (ip, op)`,
  `create index login_mislukt_op on login_mislukt (op)`,

  // OIDC authorization requests in flight: state, nonce and PKCE verifier kept server-side
  // (app nodes are stateless), bound to the browser by a cookie whose hash is stored.
  `create table oidc_aanvraag (
     state text primary key,
     binding_hash text not null,
     nonce text not null,
     code_verifier text not null,
     verloopt_op timestamptz not null
   )`,

  // Drafts of forms: kept across logout and session timeout, per user and key. Personal data:
  // persoon_ids names the clients a draft is about (logged on every access, found by destruction).
  `create table concept (
     gebruiker_id int not null references gebruiker,
     sleutel text not null,
     inhoud jsonb not null,
     persoon_ids int[] not null default '{}',
     bijgewerkt_op timestamptz not null,
     primary key (gebruiker_id, sleutel)
   )`,
  `create index concept_personen on concept using gin (persoon_ids)`,
];
