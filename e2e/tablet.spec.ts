// On a tablet (768×1024, portrait) for home visits: every page fits the width (no sideways
// scrolling of the page; wide tables scroll inside their own focusable box), and a screenshot of
// each is saved for a person to look at (e2e/screenshots/t*.png).
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, login, screenshot, logout } from './support/helpers.ts';

test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true });

/** The page does not scroll sideways: everything fits in the viewport's width. */
async function pastInBreedte(page: Page, wat: string, opts: { tabellenSchuiven?: boolean } = {}): Promise<void> {
  const r = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const te = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => {
        const b = el.getBoundingClientRect();
        if (b.width === 0 || b.right <= vw + 1) return false;
        // Inside a box that scrolls on its own is fine.
        for (let p = el.parentElement; p; p = p.parentElement) if (p.classList.contains('scroll-x')) return false;
        return true;
      })
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} → ${Math.round(el.getBoundingClientRect().right)}px`,
      );
    // Boxes that do scroll sideways (allowed, but on a tablet the main tables should fit).
    const scrollt = [...document.querySelectorAll<HTMLElement>('.scroll-x')]
      .filter((b) => b.scrollWidth > b.clientWidth + 1)
      .map((b) => b.getAttribute('aria-label') ?? '');
    return { vw, scroll: document.documentElement.scrollWidth, te, scrollt };
  });
  // Soft: one run reports every page that does not fit.
  expect.soft(r.te, `${wat}: elements wider than ${r.vw}px`).toEqual([]);
  expect.soft(r.scroll, `${wat}: page scrolls sideways`).toBeLessThanOrEqual(r.vw);
  if (!opts.tabellenSchuiven) expect.soft(r.scrollt, `${wat}: tables that scroll sideways`).toEqual([]);
}

async function vastleggen(page: Page, naam: string, wat: string) {
  await screenshot(page, naam);
  await pastInBreedte(page, wat);
}

test('tablet: inloggen, werkvoorraad, casus met vlag en formulier, zoeken', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Inloggen', level: 1 })).toBeVisible();
  await vastleggen(page, 't00-inloggen', 'inloggen');
  await login(page, 'backoffice');
  await expect(page.getByTestId('werkvoorraad-tabel')).toBeVisible();
  await vastleggen(page, 't01-werkvoorraad', 'werkvoorraad');

  // The own team's werkvoorraad: another team's casus needs a relation (docs/security.md).
  const wv = await (await page.request.get('/api/werkvoorraad?proces=veiligheidsbeoordeling&limit=500')).json();
  const item = wv.items.find((i: any) => i.status === 'ontvangen');
  await page.goto(`/casussen/${item.casusId}`);
  const melding = page.getByTestId(`melding-${item.nummer}`);
  await expect(melding).toBeVisible();
  if (await page.getByRole('button', { name: 'Veiligheidsvlag zetten' }).isVisible()) {
    await page.getByRole('button', { name: 'Veiligheidsvlag zetten' }).click();
    const vlag = page.getByRole('form', { name: 'Veiligheidsvlag zetten' });
    await vlag.getByLabel('Dreiging richting medewerkers').check();
    await vlag
      .getByLabel('Toelichting')
      .fill('Vader was eerder agressief tegen een jeugdbeschermer; huisbezoek met z’n tweeën.');
    await vlag.getByRole('button', { name: 'Vlag opslaan' }).click();
  }
  await expect(page.getByTestId('veiligheidsvlag')).toBeVisible();
  // Another spec may have left this form open (a draft of the same user): open it only when closed.
  const beoordeling = melding.getByRole('form', { name: 'Veiligheidsbeoordeling vastleggen' });
  if (!(await beoordeling.isVisible()))
    await melding.getByRole('button', { name: 'Veiligheidsbeoordeling vastleggen', expanded: false }).click();
  await expect(beoordeling).toBeVisible();
  await vastleggen(page, 't02-casus-vlag-formulier', 'casus');
  await expectAccessible(page, 'casus op tablet');

  await page.goto('/zoeken');
  const personen = page.getByRole('search', { name: 'Personen zoeken' });
  await personen.getByLabel('Naam', { exact: true }).fill('Jansen');
  await personen.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByTestId('kandidaat').first()).toBeVisible();
  await vastleggen(page, 't03-zoeken', 'zoeken');
});

test('tablet: intake met resultaten en radar, adviesvraag', async ({ page }) => {
  await login(page, 'bureau');
  await page.goto('/meldingen/nieuw');
  const zoeken = page.getByRole('search', { name: 'Personen zoeken' });
  await zoeken.getByLabel('Naam', { exact: true }).fill('Jansen');
  await zoeken.getByRole('button', { name: 'Zoeken' }).click();
  await page
    .getByTestId('kandidaat')
    .first()
    .getByRole('button', { name: /koppelen$/ })
    .click();
  await expect(page.getByTestId('radar')).toBeVisible();
  await page.getByRole('button', { name: 'Nieuwe persoon toevoegen' }).click();
  await vastleggen(page, 't04-intake', 'intake');
  await page.goto('/adviesvragen');
  await expect(page.getByTestId('adviesvragen').getByRole('listitem').first()).toBeVisible();
  await vastleggen(page, 't05-adviesvraag', 'adviesvraag');
});

test('tablet: teammanager, beheer en startpagina', async ({ page }) => {
  await login(page, 'manager');
  await expect(page.getByTestId('per-behandelaar')).toBeVisible();
  await vastleggen(page, 't06-werkvoorraad-teammanager', 'werkvoorraad teammanager');
  await logout(page);
  await login(page, 'beheer');
  await page.getByTestId('codelijsten').locator('summary').first().click();
  await vastleggen(page, 't07-beheer', 'beheer');
  await logout(page);
  await login(page, 'privacy');
  // The privacy officer lands on Privacy; the start page is the overview of the role.
  await page.goto('/start');
  await expect(page.getByRole('heading', { name: /^Welkom, /, level: 1 })).toBeVisible();
  await vastleggen(page, 't08-start', 'start');
});

test.describe('klein scherm', () => {
  // WCAG 1.4.10 (reflow): at 320 CSS pixels (a phone, or 400 % zoom) nothing but a data table
  // may need sideways scrolling, and a table does so in its own box.
  test.use({ viewport: { width: 320, height: 640 } });

  test('320 px breed: elke pagina past, alleen tabellen schuiven in hun eigen vak', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Inloggen', level: 1 })).toBeVisible();
    await pastInBreedte(page, 'inloggen 320', { tabellenSchuiven: true });
    await login(page, 'backoffice');
    await expect(page.getByTestId('werkvoorraad-tabel')).toBeVisible();
    await pastInBreedte(page, 'werkvoorraad 320', { tabellenSchuiven: true });
    await page.getByTestId('werkvoorraad-tabel').getByRole('link').first().click();
    await expect(page.getByTestId('tijdlijn')).toBeVisible();
    await pastInBreedte(page, 'casus 320', { tabellenSchuiven: true });
    await screenshot(page, 'r01-casus-320');
    for (const [pad, kop] of [
      ['/meldingen/nieuw', 'Nieuwe melding'],
      ['/adviesvragen', 'Adviesvraag registreren'],
      ['/zoeken', 'Zoeken'],
    ] as const) {
      await page.goto(pad);
      await expect(page.getByRole('heading', { name: kop, level: 1 })).toBeVisible();
      await pastInBreedte(page, `${pad} 320`, { tabellenSchuiven: true });
    }
  });
});

test.describe('bureaubreedte', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('1280 px: geen tabel schuift opzij, ook niet op casussen in elke fase', async ({ page }) => {
    await login(page, 'backoffice');
    await expect(page.getByTestId('werkvoorraad-tabel')).toBeVisible();
    await pastInBreedte(page, 'werkvoorraad 1280');
    // The own team's casussen (another team's need a relation, docs/security.md).
    const wv = await (await page.request.get('/api/werkvoorraad?limit=500')).json();
    const perStatus = new Map<string, number>();
    for (const i of wv.items) if (!perStatus.has(i.status)) perStatus.set(i.status, i.casusId);
    for (const [status, casusId] of perStatus) {
      await page.goto(`/casussen/${casusId}`);
      await expect(page.getByTestId('tijdlijn')).toBeVisible();
      await pastInBreedte(page, `casus ${casusId} (${status}) 1280`);
    }
  });
});
