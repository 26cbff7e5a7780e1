// The shell around every page: the header on one line at desktop width, deep links that load the
// app (also after a reload), and the landing page per role.
import { expect, test, type Page } from '@playwright/test';
import { login, screenshot, logout } from './support/helpers.ts';

/** How many lines each text in the header takes (a label that wraps takes 2). */
async function headerLines(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const out: Record<string, number> = {};
    for (const el of document.querySelectorAll(
      '.site-nav__link, .site-header__name, .site-header__roles, .site-header__account, .button--header, .site-header__brand',
    )) {
      // The first text node of the element, one rectangle per line it takes.
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      const t = walker.nextNode();
      if (!t || !t.textContent?.trim()) continue;
      const r = document.createRange();
      r.selectNodeContents(t);
      out[t.textContent.trim()] = new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size;
    }
    return out;
  });
}

for (const gebruiker of ['manager', 'bureau', 'privacy']) {
  test(`1280 px: de kop van ${gebruiker} past op één regel`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await login(page, gebruiker);
    const lines = await headerLines(page);
    expect(Object.keys(lines).length).toBeGreaterThan(4);
    for (const [tekst, n] of Object.entries(lines)) expect(n, `"${tekst}" neemt ${n} regels`).toBe(1);
    // All navigation items in one row, as high as a one-word item.
    const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link');
    const boxes = await nav.evaluateAll((els) =>
      els.map((e) => e.getBoundingClientRect()).map((b) => ({ top: Math.round(b.top), h: Math.round(b.height) })),
    );
    expect(new Set(boxes.map((b) => b.top)).size).toBe(1);
    expect(new Set(boxes.map((b) => b.h)).size).toBe(1);
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height).toBeLessThan(80);
    if (gebruiker === 'manager') await screenshot(page, 'k01-kop-1280-teammanager');
  });
}

test('smal scherm (390 en 320 px): de kop in rijen, geen label afgebroken', async ({ page }) => {
  await login(page, 'bureau');
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 800 });
    const lines = await headerLines(page);
    for (const tekst of ['Werkvoorraad', 'Nieuwe melding', 'Adviesvraag', 'Zoeken', 'Mijn account', 'Uitloggen'])
      expect(lines[tekst], `${tekst} at ${width}`).toBe(1);
    const breed = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(breed).toBeLessThanOrEqual(width);
    await screenshot(page, `k02-kop-${width}`);
  }
});

test('een diepe link laadt de app, ook na herladen; onbekende API-paden geven JSON', async ({ page }) => {
  await login(page, 'beleid');
  for (const pad of ['/werkvoorraad', '/rapportage', '/privacy?tab=log', '/casussen/1', '/bestaat/niet']) {
    const r = await page.goto(pad);
    expect(r!.status(), pad).toBe(200);
    expect(r!.headers()['content-type'], pad).toMatch(/^text\/html/);
    await expect(page.getByRole('button', { name: 'Uitloggen' })).toBeVisible();
  }
  await expect(page.getByRole('heading', { name: 'Pagina niet gevonden', level: 1 })).toBeVisible();
  const api = await page.request.get('/api/bestaat-niet');
  expect(api.status()).toBe(404);
  expect(await api.json()).toMatchObject({ error: 'niet_gevonden' });
});

test('iedere rol komt na het inloggen op de eigen pagina', async ({ page }) => {
  for (const [gebruiker, pad, kop] of [
    ['beheer', '/beheer', 'Beheer'],
    ['privacy', '/privacy', 'Privacy'],
    ['beleid', '/rapportage', 'Halfjaarrapportage'],
    ['onderzoek', '/start', /^Welkom, /],
    ['backoffice', '/werkvoorraad', 'Werkvoorraad'],
  ] as const) {
    await login(page, gebruiker);
    await expect(page).toHaveURL(new RegExp(`${pad.replace('/', '\\/')}$`));
    await expect(page.getByRole('heading', { name: kop, level: 1 })).toBeVisible();
    // The brand leads to the same page.
    await page.goto('/account');
    await page.locator('.site-header__brand').click();
    await expect(page).toHaveURL(new RegExp(`${pad.replace('/', '\\/')}$`));
    await logout(page);
  }
});
