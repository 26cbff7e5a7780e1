// Mijn account: no recovery codes left is a warning with what to do; a too-short new password
// with a wrong repeat names the length rule too.
import { expect, test } from '@playwright/test';
import { expectAccessible, login, screenshot } from './support/helpers.ts';

test('mijn account: geen herstelcodes meer is een waarschuwing met wat u moet doen', async ({ page }) => {
  // The demo users are enrolled without recovery codes.
  await login(page, 'bureau');
  await page.getByRole('link', { name: 'Mijn account' }).click();
  const factor = page.getByRole('region', { name: 'Tweede factor' });
  const waarschuwing = factor.getByTestId('herstelcodes-op');
  await expect(waarschuwing).toContainText('U heeft geen ongebruikte herstelcodes meer.');
  await expect(factor).not.toContainText('nog 0 ongebruikte');
  await waarschuwing.getByRole('link', { name: 'Nieuwe herstelcodes maken' }).click();
  await expect(factor.getByLabel('Code uit de app')).toBeFocused();
  await expectAccessible(page, 'account zonder herstelcodes');
  await screenshot(page, 'a01-account-herstelcodes-op');
});

test('mijn account: te kort én verkeerd herhaald noemt beide regels, zonder verzoek', async ({ page }) => {
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/account/wachtwoord')) posts.push(r.url());
  });
  await login(page, 'beleid');
  await page.getByRole('link', { name: 'Mijn account' }).click();
  const form = page.getByRole('form', { name: 'Wachtwoord wijzigen' });
  await form.getByLabel('Huidig wachtwoord').fill('Voordeur-demo-2026');
  await form.getByLabel('Nieuw wachtwoord', { exact: true }).fill('kort');
  await form.getByLabel('Herhaal het nieuwe wachtwoord').fill('korter');
  await form.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.locator('#f-pw-nieuwWachtwoord-error')).toContainText('Minstens 12 tekens (nu 4)');
  await expect(page.locator('#f-pw-herhaal-error')).toContainText('Komt niet overeen met het nieuwe wachtwoord');
  expect(posts).toEqual([]);
});
