import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const WACHTWOORD = 'Voordeur-demo-2026';
const SHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots');

// ---- second factor: the demo seed enrols users with a fixed, published secret per user name
// (packages/server/src/auth/totp.ts demoSecret); we compute the codes as an authenticator app would.

const STEP_SECONDS = 30;
const timeStep = () => Math.floor(Date.now() / 1000 / STEP_SECONDS);

/** RFC 6238 TOTP (HMAC-SHA-1, 6 digits) for a demo user at a time step. */
export function demoTotp(gebruikersnaam: string, step = timeStep()): string {
  const key = createHash('sha1').update(`voordeur-demo-totp:${gebruikersnaam}`).digest();
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', key).update(msg).digest();
  const o = mac[mac.length - 1]! & 0x0f;
  const bin = ((mac[o]! & 0x7f) << 24) | (mac[o + 1]! << 16) | (mac[o + 2]! << 8) | mac[o + 3]!;
  return String(bin % 1_000_000).padStart(6, '0');
}

// The server refuses a code of a time step at or before the last one it accepted (replay), and
// accepts one step either side of now: a user logging in twice within 30 seconds needs the next step.
const lastStep = new Map<string, number>();
async function nextStep(gebruikersnaam: string): Promise<number> {
  for (;;) {
    const now = timeStep();
    const want = Math.max(now - 1, (lastStep.get(gebruikersnaam) ?? -Infinity) + 1);
    if (want <= now + 1) return want;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Fill the visible login form (both steps when the user has a second factor). */
export async function submitLogin(page: Page, gebruikersnaam: string, wachtwoord = WACHTWOORD): Promise<void> {
  await page.getByLabel('Gebruikersnaam').fill(gebruikersnaam);
  await page.getByLabel('Wachtwoord').fill(wachtwoord);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const uit = page.getByRole('button', { name: 'Uitloggen' });
  const codeVeld = page.getByLabel('Code', { exact: true });
  await expect(uit.or(codeVeld)).toBeVisible();
  if (await uit.isVisible()) return;
  for (let poging = 0; poging < 4; poging++) {
    const step = await nextStep(gebruikersnaam);
    lastStep.set(gebruikersnaam, step);
    await codeVeld.fill(demoTotp(gebruikersnaam, step));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const fout = page.locator('#f-code-error');
    await expect(uit.or(fout)).toBeVisible();
    if (await uit.isVisible()) return;
  }
  throw new Error(`second factor refused for ${gebruikersnaam}`);
}

export async function login(
  page: Page,
  gebruikersnaam: string,
  wachtwoord = WACHTWOORD,
  opts: { concepten?: 'wissen' | 'houden' } = {},
): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Inloggen', level: 1 })).toBeVisible();
  await submitLogin(page, gebruikersnaam, wachtwoord);
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
  if ((opts.concepten ?? 'wissen') === 'wissen') await wisConcepten(page);
}

/**
 * Click "Uitloggen" and wait until the app has ended the session (drafts discarded, DELETE
 * /api/sessie answered): the login form shows "U bent uitgelogd". Navigating on at once would race
 * the logout and could land on the still-valid session.
 */
export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByRole('heading', { name: 'Inloggen', level: 1 })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('U bent uitgelogd');
}

/**
 * Drafts live on the server and follow the user (a half-finished intake comes back at the next
 * login, also in another browser): a test that starts with a login starts without the drafts an
 * earlier test of the same demo user left behind. Tests about drafts pass { concepten: 'houden' }.
 */
async function wisConcepten(page: Page): Promise<void> {
  const { concepten } = await (await page.request.get('/api/concepten')).json();
  if (!concepten?.length) return;
  const { csrfToken } = await (await page.request.get('/api/sessie')).json();
  for (const c of concepten) {
    const r = await page.request.delete(`/api/concepten/${encodeURIComponent(c.sleutel)}`, {
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(r.ok(), `delete draft ${c.sleutel}`).toBe(true);
  }
  await page.reload();
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
}

/** Full-page screenshot into e2e/screenshots/ (gitignored), for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** WCAG 2.1 A and AA (the Dutch legal bar for public bodies). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core scan of the page as it is now: no violations allowed. E2E_AXE_ALL=1 runs every axe
 * rule (best practices too: heading order, landmarks) for a deeper audit.
 */
export async function expectAccessible(page: Page, wat: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  const r = await (process.env.E2E_AXE_ALL ? builder : builder.withTags(WCAG_TAGS)).analyze();
  const found = r.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`).join('\n    ')}`,
  );
  expect(found, `axe violations on ${wat}`).toEqual([]);
}

/** CSRF token of the page's session, for API calls the test makes as that user. */
export async function csrf(page: Page): Promise<string> {
  const r = await page.request.get('/api/sessie');
  return (await r.json()).csrfToken;
}
