// The intake works with the keyboard alone, in the order of a phone call, with a visible focus.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { login, screenshot } from './support/helpers.ts';

/** Press Tab (or Shift+Tab) until `target` has focus; fails when it cannot be reached that way. */
async function tabTo(page: Page, target: Locator, back = false, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`not reachable with ${back ? 'Shift+Tab' : 'Tab'}: ${target}`);
}

test('een melding registreren met alleen het toetsenbord', async ({ page }) => {
  await login(page, 'crisis');
  await page.goto('/meldingen/nieuw');
  await expect(page.getByRole('heading', { name: 'Nieuwe melding', level: 1 })).toBeVisible();

  // Skip link, then straight into the person search.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
  const naam = page.getByRole('search', { name: 'Personen zoeken' }).getByLabel('Naam', { exact: true });
  await tabTo(page, naam);
  await page.keyboard.type('van den Berg');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /personen? gevonden/ })).toBeFocused();

  // Link the first candidate; focus lands on their role.
  const koppel = page
    .getByTestId('kandidaat')
    .first()
    .getByRole('button', { name: /koppelen$/ });
  await tabTo(page, koppel);
  const outline = await koppel.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
  await page.keyboard.press('Enter');
  const eerste = page.getByTestId('betrokkene').nth(0);
  await expect(eerste.getByLabel('Rol in de melding')).toBeFocused();
  await page.keyboard.type('Vermoedelijke');
  await expect(eerste.getByLabel('Rol in de melding')).toHaveValue('pleger');

  // Back up to add a new person, a child.
  const nieuw = page.getByRole('button', { name: 'Nieuwe persoon toevoegen' });
  await tabTo(page, nieuw, true);
  await page.keyboard.press('Enter');
  const kind = page.getByTestId('betrokkene').nth(1);
  await expect(kind.getByLabel('BSN')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('20190600');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Sem');
  await page.keyboard.press('Tab');
  await page.keyboard.type('van den');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Berg');
  await page.keyboard.press('Tab');
  // Radio group: arrows move the choice (Onbekend → Man).
  await expect(kind.getByLabel('Onbekend of anders')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(kind.getByLabel('Man')).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(kind.getByLabel('Rol in de melding')).toBeFocused();
  await page.keyboard.type('Kind');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Kind');
  await expect(kind.getByLabel('Rol in het huishouden')).toHaveValue('kind');
  await expect(page.getByTestId('radar-melding').first()).toBeVisible();

  // Melder, melding, submit.
  await tabTo(page, page.getByLabel('Hoedanigheid melder'));
  await page.keyboard.type('Politie');
  await expect(page.getByLabel('Hoedanigheid melder')).toHaveValue('politie');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Meldkamer politie');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Politie Amsterdam');
  await tabTo(page, page.getByLabel('Gemeente', { exact: true }));
  await page.keyboard.type('Amsterdam');
  await tabTo(page, page.getByRole('group', { name: 'Aanleiding' }).getByLabel('(Ex-)partnergeweld'));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByLabel('Omschrijving'));
  await page.keyboard.type('Nachtelijke melding van de meldkamer: ruzie tussen ouders, zoontje was wakker en huilde.');
  await screenshot(page, '13-intake-toetsenbord');
  await tabTo(page, page.getByRole('button', { name: 'Melding registreren' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('status').filter({ hasText: 'is geregistreerd in casus' })).toBeVisible();
  await expect(page.getByTestId('huishouden')).toContainText('Sem van den Berg');
});
