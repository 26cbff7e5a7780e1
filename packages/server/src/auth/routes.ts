// Authentication routes: login in one or two steps (password, then TOTP or a recovery code),
// the current session, logout and logout everywhere, single sign-on (OIDC), the own account
// (password, second factor, recovery codes) and drafts that survive re-login.
//
// Login API (for the web app):
//   POST /api/sessie {gebruikersnaam, wachtwoord}
//     → 200 {gebruiker, csrfToken}                  no second factor needed: logged in
//     → 200 {stap: 'totp'}                           enter the code from the app (or a recovery code)
//     → 200 {stap: 'totp_inschrijven'}               second factor required but not set up yet:
//         POST /api/sessie/totp/inschrijving → {geheim, otpauthUri}, then the code below
//     (steps 'totp*' set a pre-authentication cookie that every other route refuses with 401)
//   POST /api/sessie/totp {code}
//     → 200 {gebruiker, csrfToken[, herstelcodes][, herstelcodesOver]}   logged in (new session id)
//     → 401 {error: 'code_onjuist'} | 401 {error: 'niet_ingelogd'} (no or expired first step)
//   Refusals: 401 inloggen_mislukt, 429 geblokkeerd (account lock), 429 te_veel_pogingen (per address).
import { loginInputSchema } from '@voordeur/domain';
import { z } from 'zod';
import { writeAccessLog } from '../audit/index.ts';
import { HttpError, notFound, ValidationError, type FieldError } from '../http/errors.ts';
import { getCookie, route, type Ctx, type RouteDef } from '../http/route.ts';
import { ROL_LABEL, type Rol } from '../policy/index.ts';
import {
  accountGegevens,
  gebruikerById,
  geblokkeerdTot,
  rollenIntrekken,
  ssoGebruikerId,
  tweedeFactorVerwijderen,
  wachtwoordHash,
  zetWachtwoord,
} from './queries.ts';
import { betrokkenenVanConcept, deleteDraft, getDraft, listDrafts, putDraft } from './drafts.ts';
import {
  afterFirstFactor,
  checkCode,
  confirmPassword,
  finishLogin,
  passwordLogin,
  recoveryCodesLeft,
  replaceRecoveryCodes,
  secondFactorLogin,
  startEnrolment,
  totpEnrolled,
  totpRequired,
  type LoginOutcome,
} from './login.ts';
import {
  finishSso,
  hasIdpMfa,
  mapRoles,
  SSO_COOKIE,
  SSO_REQUEST_MINUTES,
  SsoError,
  startSso,
  upsertSsoUser,
} from './oidc.ts';
import { checkPassword } from './password-policy.ts';
import {
  hashPassword,
  logout,
  logoutEverywhere,
  PRE_AUTH_MINUTES,
  preAuthFromToken,
  SESSION_COOKIE,
  sessionCookie,
} from './session.ts';

const codeSchema = z.object({ code: z.string().trim().min(1, 'Verplicht veld').max(40, 'Hoogstens 40 tekens') });
const sleutelParams = z.object({
  sleutel: z
    .string()
    .regex(
      /^[A-Za-z0-9._-]{1,100}$/,
      'Sleutel: letters, cijfers, punt, streepje of liggend streepje (hoogstens 100 tekens)',
    ),
});

type LogInput = {
  userId: number | null;
  account: number | null;
  outcome: 'success' | 'denied' | 'failure';
  reason: string | null;
  route: string;
};
const logLogin = (c: Ctx, e: LogInput) =>
  writeAccessLog(c.db, [
    {
      userId: e.userId,
      clientIds: [],
      action: 'login',
      objectType: 'gebruiker',
      objectId: e.account === null ? null : String(e.account),
      purpose: e.reason,
      route: e.route,
      outcome: e.outcome,
    },
  ]);

/** Answer a login step: set the cookie, log, and return the Dutch API shape (or throw the refusal). */
async function answer(c: Ctx, r: LoginOutcome, routeKey: string) {
  const secure = c.config.secureCookies;
  if (r.kind === 'denied') {
    await logLogin(c, { userId: null, account: r.userId, outcome: 'denied', reason: r.reason, route: routeKey });
    if (r.retryAfterSeconds) c.reply.header('Retry-After', String(r.retryAfterSeconds));
    throw new HttpError(r.status, r.code, r.message);
  }
  if (r.kind === 'stap') {
    await logLogin(c, {
      userId: r.userId,
      account: r.userId,
      outcome: 'success',
      reason: `eerste factor juist; ${r.stap === 'totp' ? 'code gevraagd' : 'inschrijving tweede factor gevraagd'}`,
      route: routeKey,
    });
    c.reply.header('Set-Cookie', sessionCookie(r.token, PRE_AUTH_MINUTES * 60, secure));
    return { stap: r.stap };
  }
  await logLogin(c, {
    userId: r.session.user.id,
    account: r.session.user.id,
    outcome: 'success',
    reason: r.session.methode,
    route: routeKey,
  });
  c.reply.header('Set-Cookie', sessionCookie(r.token, c.config.sessionAbsoluteHours * 3600, secure));
  return {
    gebruiker: r.session.user,
    csrfToken: r.session.csrfToken,
    ...(r.herstelcodes ? { herstelcodes: r.herstelcodes } : {}),
    ...(r.herstelcodesOver !== undefined ? { herstelcodesOver: r.herstelcodesOver } : {}),
  };
}

const fieldError = (field: string, rule: string, message: string): FieldError => ({ field, rule, message });

async function lockedNow(c: Ctx): Promise<void> {
  const tot = await geblokkeerdTot(c.db, c.user.id);
  if (tot && new Date(tot).getTime() > c.now().getTime()) {
    throw new HttpError(429, 'geblokkeerd', 'Te veel mislukte pogingen: probeer het later opnieuw.');
  }
}

async function hasLocalPassword(c: Ctx): Promise<boolean> {
  return Boolean(await wachtwoordHash(c.db, c.user.id));
}

const ssoCookie = (value: string, maxAge: number, secure: boolean) =>
  // Lax, not Strict: the callback is a top-level navigation coming from the identity provider.
  `${SSO_COOKIE}=${value}; Path=/api/sso; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? '; Secure' : ''}`;

export function authRoutes(): RouteDef[] {
  return [
    // ---- login, session, logout
    route({
      method: 'POST',
      url: '/api/sessie',
      summary: 'Inloggen met gebruikersnaam en wachtwoord (stap 1; antwoord {stap} als een tweede factor nodig is)',
      tags: ['sessie'],
      policy: { public: 'login itself; the attempt is written to the access log' },
      body: loginInputSchema,
      handler: async (c) => {
        const r = await passwordLogin(c.db, c.config, {
          gebruikersnaam: c.body.gebruikersnaam,
          wachtwoord: c.body.wachtwoord,
          ip: c.req.ip,
          now: c.now(),
        });
        // The attempted account is logged by id only (never what was typed: a password typed into the user name field must not end up in the log).
        return answer(c, r, 'POST /api/sessie');
      },
    }),
    route({
      method: 'POST',
      url: '/api/sessie/totp',
      summary: 'Inloggen stap 2: code uit de authenticator-app of een herstelcode (nieuwe sessie-id)',
      tags: ['sessie'],
      policy: { public: 'second login step; needs the pre-authentication cookie of step 1; written to the access log' },
      body: codeSchema,
      handler: async (c) => {
        const pre = await preAuthFromToken(c.db, getCookie(c.req, SESSION_COOKIE));
        const r = await secondFactorLogin(c.db, c.config, pre, { code: c.body.code, ip: c.req.ip, now: c.now() });
        if (r.kind === 'denied' && r.status === 429)
          c.reply.header('Set-Cookie', sessionCookie('', 0, c.config.secureCookies));
        return answer(c, r, 'POST /api/sessie/totp');
      },
    }),
    route({
      method: 'POST',
      url: '/api/sessie/totp/inschrijving',
      summary:
        'Inloggen: tweede factor instellen (geheim eenmalig als otpauth-URI en base32); bevestigen met POST /api/sessie/totp',
      tags: ['sessie'],
      policy: {
        public:
          'second login step (enrolment); needs the pre-authentication cookie of step 1; written to the access log',
      },
      handler: async (c) => {
        const pre = await preAuthFromToken(c.db, getCookie(c.req, SESSION_COOKIE));
        if (!pre || pre.stap !== 'totp_inschrijven') {
          await logLogin(c, {
            userId: null,
            account: pre?.userId ?? null,
            outcome: 'denied',
            reason: 'geen voorlopige sessie voor inschrijving',
            route: 'POST /api/sessie/totp/inschrijving',
          });
          throw new HttpError(
            401,
            'niet_ingelogd',
            'Geen inlogpoging gevonden of de tijd is verstreken. Log opnieuw in met uw wachtwoord.',
          );
        }
        const u = await gebruikerById(c.db, pre.userId);
        if (!u) throw new Error(`pre-authentication session of a user that does not exist (${pre.userId})`);
        const r = await startEnrolment(c.db, u, c.now());
        await logLogin(c, {
          userId: u.id,
          account: u.id,
          outcome: 'success',
          reason: 'inschrijving tweede factor: geheim getoond',
          route: 'POST /api/sessie/totp/inschrijving',
        });
        return r;
      },
    }),
    route({
      method: 'GET',
      url: '/api/sessie',
      summary: 'De ingelogde gebruiker en het CSRF-token',
      tags: ['sessie'],
      policy: { resource: 'sessie', action: 'read' },
      handler: async (c) => {
        c.audit.object('sessie', c.user.id);
        return {
          gebruiker: { ...c.user, rolLabels: c.user.rollen.map((r) => ROL_LABEL[r as Rol] ?? r) },
          csrfToken: c.session.csrfToken,
        };
      },
    }),
    route({
      method: 'DELETE',
      url: '/api/sessie',
      summary: 'Uitloggen (concepten blijven bewaard)',
      tags: ['sessie'],
      policy: { resource: 'sessie', action: 'read' },
      handler: async (c) => {
        c.audit.action('logout');
        await logout(c.db, c.session.id);
        c.reply.header('Set-Cookie', sessionCookie('', 0, c.config.secureCookies));
        return { ok: true };
      },
    }),
    route({
      method: 'DELETE',
      url: '/api/sessie/alle',
      summary: 'Uitloggen op alle apparaten: beëindigt alle sessies van de gebruiker, ook deze',
      tags: ['sessie'],
      policy: { resource: 'eigen_account', action: 'update' },
      handler: async (c) => {
        c.audit.action('logout');
        c.audit.object('gebruiker', c.user.id);
        c.audit.purpose('uitloggen op alle apparaten');
        const beeindigd = await logoutEverywhere(c.db, c.user.id);
        c.reply.header('Set-Cookie', sessionCookie('', 0, c.config.secureCookies));
        return { beeindigd };
      },
    }),

    // ---- single sign-on (OpenID Connect)
    route({
      method: 'GET',
      url: '/api/sso/start',
      summary: 'Single sign-on: doorsturen naar de identity provider (authorization code + PKCE)',
      tags: ['sessie'],
      policy: { public: 'starts a login at the identity provider; stores state, nonce and PKCE verifier server-side' },
      ipLimiet: 'sso_start',
      handler: async (c) => {
        const cfg = c.config.oidc;
        if (!cfg)
          throw new HttpError(404, 'sso_niet_ingesteld', 'Single sign-on is niet ingesteld voor deze organisatie.');
        let r: { url: string; binding: string };
        try {
          r = await startSso(c.db, cfg, c.now());
        } catch (e) {
          if (e instanceof HttpError) throw e;
          c.req.log.warn({ err: e }, 'oidc discovery failed');
          throw new HttpError(
            502,
            'sso_onbereikbaar',
            'De identity provider is niet bereikbaar. Probeer het later opnieuw of log in met uw wachtwoord.',
          );
        }
        c.reply.header('Set-Cookie', ssoCookie(r.binding, SSO_REQUEST_MINUTES * 60, c.config.secureCookies));
        c.reply.redirect(r.url, 302);
        return c.reply;
      },
    }),
    route({
      method: 'GET',
      url: '/api/sso/callback',
      summary: 'Single sign-on: terugkeer van de identity provider (code inwisselen, ID-token controleren, sessie)',
      tags: ['sessie'],
      policy: {
        public:
          'return from the identity provider; state, PKCE and the signed ID token are checked; written to the access log',
      },
      query: z
        .object({
          code: z.string().max(2000).optional(),
          state: z.string().max(200).optional(),
          error: z.string().max(200).optional(),
          iss: z.string().max(500).optional(),
        })
        .loose(),
      handler: async (c) => {
        const cfg = c.config.oidc;
        if (!cfg)
          throw new HttpError(404, 'sso_niet_ingesteld', 'Single sign-on is niet ingesteld voor deze organisatie.');
        const secure = c.config.secureCookies;
        const cookies = [ssoCookie('', 0, secure)];
        const key = 'GET /api/sso/callback';
        let account: number | null = null;
        try {
          const claims = await finishSso(c.db, cfg, {
            code: c.query.code,
            state: c.query.state,
            error: c.query.error,
            iss: c.query.iss,
            binding: getCookie(c.req, SSO_COOKIE),
            now: c.now(),
          });
          const rollen = mapRoles(claims, cfg);
          const existing = await ssoGebruikerId(c.db, cfg.issuer, claims.sub!);
          account = existing;
          if (rollen.length === 0) {
            // The identity provider no longer grants a Voordeur role: the account loses its roles now.
            if (existing !== null) await rollenIntrekken(c.db, existing);
            throw new SsoError('geen Voordeur-rol in de claims');
          }
          const u = await upsertSsoUser(c.db, cfg, claims, rollen);
          if (u === 'inactief') throw new SsoError('account niet actief');
          account = u.id;
          const r = hasIdpMfa(claims, cfg)
            ? await finishLogin(c.db, u, 'sso+idp-mfa', c.config)
            : await afterFirstFactor(c.db, u, 'sso', c.config);
          if (r.kind === 'stap') {
            await logLogin(c, {
              userId: u.id,
              account: u.id,
              outcome: 'success',
              reason: `sso juist; ${r.stap === 'totp' ? 'code gevraagd' : 'inschrijving tweede factor gevraagd'}`,
              route: key,
            });
            cookies.push(sessionCookie(r.token, PRE_AUTH_MINUTES * 60, secure));
            c.reply.header('Set-Cookie', cookies);
            c.reply.redirect(`${cfg.afterLoginPath}?stap=${r.stap}`, 302);
            return c.reply;
          }
          await logLogin(c, { userId: u.id, account: u.id, outcome: 'success', reason: r.session.methode, route: key });
          cookies.push(sessionCookie(r.token, c.config.sessionAbsoluteHours * 3600, secure));
          c.reply.header('Set-Cookie', cookies);
          c.reply.redirect(cfg.afterLoginPath, 302);
          return c.reply;
        } catch (e) {
          const reason = e instanceof SsoError ? e.reason : 'interne fout';
          if (!(e instanceof SsoError)) c.req.log.error({ err: e }, 'sso callback failed');
          await logLogin(c, { userId: null, account, outcome: 'denied', reason: `sso: ${reason}`, route: key });
          c.reply.header('Set-Cookie', cookies);
          c.reply.redirect(`${cfg.afterLoginPath}?sso=mislukt`, 302);
          return c.reply;
        }
      },
    }),

    // ---- own account
    route({
      method: 'GET',
      url: '/api/account',
      summary: 'Eigen account: inlogmethode, tweede factor, herstelcodes',
      tags: ['account'],
      policy: { resource: 'eigen_account', action: 'read' },
      handler: async (c) => {
        c.audit.object('gebruiker', c.user.id);
        const u = await accountGegevens(c.db, c.user.id);
        if (!u) throw notFound('Gebruiker');
        const ingeschreven = await totpEnrolled(c.db, c.user.id);
        return {
          gebruikersnaam: c.user.gebruikersnaam,
          naam: c.user.naam,
          rollen: c.user.rollen,
          lokaalWachtwoord: Boolean(u.wachtwoord_hash),
          wachtwoordGewijzigdOp: u.wachtwoord_gewijzigd_op ? new Date(u.wachtwoord_gewijzigd_op).toISOString() : null,
          sso: Boolean(u.oidc_sub),
          sessie: { methode: c.session.methode },
          tweedeFactor: {
            ingeschreven,
            verplicht: totpRequired(c.user.rollen, c.config),
            herstelcodesOver: ingeschreven ? await recoveryCodesLeft(c.db, c.user.id) : 0,
          },
        };
      },
    }),
    route({
      method: 'POST',
      url: '/api/account/wachtwoord',
      summary: 'Eigen wachtwoord wijzigen (huidig wachtwoord nodig; andere sessies worden beëindigd)',
      tags: ['account'],
      policy: { resource: 'eigen_account', action: 'update' },
      body: z.object({
        huidigWachtwoord: z.string().min(1, 'Verplicht veld').max(200, 'Hoogstens 200 tekens'),
        nieuwWachtwoord: z.string().min(1, 'Verplicht veld').max(1000, 'Hoogstens 1000 tekens'),
      }),
      handler: async (c) => {
        c.audit.object('gebruiker', c.user.id);
        c.audit.purpose('wachtwoord wijzigen');
        if (!(await hasLocalPassword(c)))
          throw new HttpError(
            409,
            'geen_wachtwoord',
            'Dit account logt in via single sign-on en heeft geen Voordeur-wachtwoord.',
          );
        await lockedNow(c);
        const errors = checkPassword(c.body.nieuwWachtwoord, {
          gebruikersnaam: c.user.gebruikersnaam,
          huidig: c.body.huidigWachtwoord,
          field: 'nieuwWachtwoord',
          label: 'Nieuw wachtwoord',
        });
        if (!(await confirmPassword(c.db, c.user.id, c.body.huidigWachtwoord, c.now(), c.config)))
          errors.unshift(fieldError('huidigWachtwoord', 'onjuist', 'Huidig wachtwoord: onjuist'));
        if (errors.length) throw new ValidationError(errors);
        const hash = await hashPassword(c.body.nieuwWachtwoord);
        await zetWachtwoord(c.db, c.user.id, hash, c.now());
        const andereSessiesBeeindigd = await logoutEverywhere(c.db, c.user.id, c.session.id);
        return { ok: true, andereSessiesBeeindigd };
      },
    }),
    route({
      method: 'POST',
      url: '/api/account/totp/inschrijving',
      summary:
        'Tweede factor (opnieuw) instellen: nieuw geheim, eenmalig getoond; pas actief na bevestiging met een code',
      tags: ['account'],
      policy: { resource: 'eigen_account', action: 'update' },
      body: z.object({ wachtwoord: z.string().max(200, 'Hoogstens 200 tekens').optional() }),
      handler: async (c) => {
        c.audit.object('gebruiker', c.user.id);
        c.audit.purpose('tweede factor instellen');
        if (await hasLocalPassword(c)) {
          await lockedNow(c);
          if (!c.body.wachtwoord)
            throw new ValidationError([
              fieldError('wachtwoord', 'verplicht', 'Wachtwoord: verplicht om de tweede factor te wijzigen'),
            ]);
          if (!(await confirmPassword(c.db, c.user.id, c.body.wachtwoord, c.now(), c.config)))
            throw new ValidationError([fieldError('wachtwoord', 'onjuist', 'Wachtwoord: onjuist')]);
        }
        return startEnrolment(c.db, c.user, c.now());
      },
    }),
    route({
      method: 'POST',
      url: '/api/account/totp/bevestiging',
      summary:
        'Tweede factor bevestigen met een code van het nieuwe geheim; geeft 10 nieuwe herstelcodes (eenmalig getoond)',
      tags: ['account'],
      policy: { resource: 'eigen_account', action: 'update' },
      body: codeSchema,
      handler: async (c) => {
        c.audit.object('gebruiker', c.user.id);
        c.audit.purpose('tweede factor bevestigen');
        const r = await checkCode(c.db, c.user.id, c.body.code, c.now(), { pending: true });
        if (!r.ok)
          throw new ValidationError([
            fieldError(
              'code',
              'onjuist',
              'Code: onjuist of verlopen; start het instellen opnieuw als het geheim ouder is dan een half uur',
            ),
          ]);
        return { herstelcodes: await replaceRecoveryCodes(c.db, c.user.id) };
      },
    }),
    route({
      method: 'POST',
      url: '/api/account/herstelcodes',
      summary: 'Nieuwe herstelcodes (de oude vervallen); een geldige code uit de app nodig',
      tags: ['account'],
      policy: { resource: 'eigen_account', action: 'update' },
      body: codeSchema,
      handler: async (c) => {
        c.audit.object('gebruiker', c.user.id);
        c.audit.purpose('herstelcodes vernieuwen');
        if (!(await totpEnrolled(c.db, c.user.id)))
          throw new HttpError(409, 'geen_tweede_factor', 'Stel eerst een tweede factor in.');
        const r = await checkCode(c.db, c.user.id, c.body.code, c.now());
        if (!r.ok)
          throw new ValidationError([
            fieldError(
              'code',
              'onjuist',
              r.reason === 'code al gebruikt' ? 'Code: al gebruikt; wacht op de volgende code' : 'Code: onjuist',
            ),
          ]);
        return { herstelcodes: await replaceRecoveryCodes(c.db, c.user.id) };
      },
    }),
    route({
      method: 'POST',
      url: '/api/account/totp/uitschakeling',
      summary: 'Tweede factor uitzetten (alleen voor rollen zonder persoonsgegevens)',
      tags: ['account'],
      policy: { resource: 'eigen_account', action: 'update' },
      body: z.object({
        wachtwoord: z.string().max(200, 'Hoogstens 200 tekens').optional(),
        code: z.string().trim().max(40, 'Hoogstens 40 tekens').optional(),
      }),
      handler: async (c) => {
        c.audit.object('gebruiker', c.user.id);
        c.audit.purpose('tweede factor uitzetten');
        if (totpRequired(c.user.rollen, c.config))
          throw new HttpError(409, 'totp_verplicht', 'Voor uw rol is een tweede factor verplicht: die kan niet uit.');
        if (!(await totpEnrolled(c.db, c.user.id)))
          throw new HttpError(409, 'geen_tweede_factor', 'Er is geen tweede factor ingesteld.');
        if (await hasLocalPassword(c)) {
          await lockedNow(c);
          if (!c.body.wachtwoord || !(await confirmPassword(c.db, c.user.id, c.body.wachtwoord, c.now(), c.config)))
            throw new ValidationError([fieldError('wachtwoord', 'onjuist', 'Wachtwoord: onjuist')]);
        } else if (!c.body.code || !(await checkCode(c.db, c.user.id, c.body.code, c.now())).ok) {
          throw new ValidationError([fieldError('code', 'onjuist', 'Code: onjuist')]);
        }
        await tweedeFactorVerwijderen(c.db, c.user.id);
        return { ok: true };
      },
    }),

    // ---- drafts (concepten): kept across logout and timeout; content is personal data
    route({
      method: 'GET',
      url: '/api/concepten',
      summary: 'Eigen concepten (sleutels, zonder inhoud)',
      tags: ['concepten'],
      policy: { resource: 'eigen_account', action: 'read' },
      handler: async (c) => {
        const list = await listDrafts(c.db, c.user.id, c.now(), c.config.draftDays);
        c.audit.object('concept', null);
        c.audit.clients(list.flatMap((d) => d.persoonIds));
        return { concepten: list };
      },
    }),
    route({
      method: 'GET',
      url: '/api/concepten/:sleutel',
      summary: 'Eén eigen concept',
      tags: ['concepten'],
      policy: { resource: 'eigen_account', action: 'read' },
      params: sleutelParams,
      handler: async (c) => {
        c.audit.object('concept', c.params.sleutel);
        const d = await getDraft(c.db, c.user.id, c.params.sleutel, c.now(), c.config.draftDays);
        if (!d) throw notFound('Concept');
        c.audit.clients(d.persoonIds);
        return d;
      },
    }),
    route({
      method: 'PUT',
      url: '/api/concepten/:sleutel',
      summary: 'Concept opslaan (overschrijft; persoonIds: de personen over wie het concept gaat)',
      tags: ['concepten'],
      policy: { resource: 'eigen_account', action: 'update' },
      params: sleutelParams,
      body: z.object({
        inhoud: z.unknown().refine((v) => v !== undefined, 'Verplicht veld'),
        persoonIds: z.array(z.number().int().positive()).max(100, 'Hoogstens 100 personen').optional(),
      }),
      handler: async (c) => {
        c.audit.object('concept', c.params.sleutel);
        // A draft of a step on a melding or of a casus's safety flag is about its betrokkenen,
        // whatever the form holds, so the access log and destruction of a person find it.
        const persoonIds = [...(c.body.persoonIds ?? []), ...(await betrokkenenVanConcept(c.db, c.params.sleutel))];
        c.audit.clients(persoonIds);
        const bytes = Buffer.byteLength(JSON.stringify(c.body.inhoud));
        if (bytes > c.config.draftMaxBytes)
          throw new HttpError(
            413,
            'te_groot',
            `Concept te groot: ${Math.ceil(bytes / 1024)} kB, maximaal ${Math.floor(c.config.draftMaxBytes / 1024)} kB`,
          );
        const d = await putDraft(
          c.db,
          c.user.id,
          c.params.sleutel,
          c.body.inhoud,
          persoonIds,
          c.now(),
          c.config.draftDays,
        );
        if (d === 'te_veel')
          throw new HttpError(409, 'te_veel_concepten', 'Te veel concepten bewaard: verwijder eerst oude concepten.');
        return { sleutel: d.sleutel, bijgewerktOp: d.bijgewerktOp };
      },
    }),
    route({
      method: 'DELETE',
      url: '/api/concepten/:sleutel',
      summary: 'Concept verwijderen (na opslaan van het formulier)',
      tags: ['concepten'],
      policy: { resource: 'eigen_account', action: 'update' },
      params: sleutelParams,
      handler: async (c) => {
        c.audit.object('concept', c.params.sleutel);
        c.audit.action('delete');
        const ids = await deleteDraft(c.db, c.user.id, c.params.sleutel);
        if (!ids) throw notFound('Concept');
        c.audit.clients(ids);
        return { ok: true };
      },
    }),
  ];
}
