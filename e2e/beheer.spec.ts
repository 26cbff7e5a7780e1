// The functioneel beheerder's page (equated days, reference data) and the start page per role.
import { expect, test } from '@playwright/test';
import { login, screenshot } from './support/helpers.ts';

test('functioneel beheerder: start op beheer, gelijkgestelde dag met fouten bij het veld, codelijsten en gemeenten', async ({ page }) => {
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/beheer/gelijkgestelde-dagen')) posts.push(r.postData() ?? '');
  });
  await login(page, 'beheer');
  await expect(page).toHaveURL(/\/beheer$/);
  await expect(page.getByRole('heading', { name: 'Beheer', level: 1 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
  await expect(nav.getByRole('link')).toHaveText(['Beheer']);

  // Invalid input: the messages sit at the fields (and in the summary); nothing is sent.
  await page.getByLabel('Datum', { exact: true }).fill('2030-13-06');
  await page.getByLabel('Naam', { exact: true }).fill('B');
  await page.getByRole('button', { name: 'Dag opslaan' }).click();
  await expect(page.getByLabel('Datum', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#f-dag-datum-error')).toContainText('Geef een datum als JJJJ-MM-DD');
  await expect(page.locator('#f-dag-naam-error')).toContainText('Minimaal 3 tekens');
  await expect(page.getByRole('alert').filter({ hasText: 'Er is een probleem' })).toBeFocused();
  expect(posts).toEqual([]);

  // A date as shown elsewhere (dd-mm-jjjj) is accepted too.
  await page.getByLabel('Datum', { exact: true }).fill('06-05-2030');
  await page.getByLabel('Naam', { exact: true }).fill('Bevrijdingsdag (lustrum)');
  await page.getByRole('button', { name: 'Dag opslaan' }).click();
  await expect(page.getByRole('status').filter({ hasText: '06-05-2030 (Bevrijdingsdag (lustrum)) is opgeslagen' })).toBeFocused();
  expect(JSON.parse(posts[0]!)).toEqual({ datum: '2030-05-06', naam: 'Bevrijdingsdag (lustrum)' });
  const rij = page.getByTestId('gelijkgestelde-dagen').getByRole('row').filter({ hasText: '06-05-2030' });
  await expect(rij).toContainText('maandag');
  await expect(rij).toContainText('Bevrijdingsdag (lustrum)');
  await expect(page.getByLabel('Datum', { exact: true })).toHaveValue('');

  // Reference data, read-only: code lists with their version, gemeenten with their team.
  const vlag = page.getByTestId('codelijsten').locator('details').filter({ hasText: 'Veiligheidsvlag' });
  await expect(vlag.locator('summary')).toContainText(/versie v2-2019 · 5 waarden/);
  await expect(vlag.getByRole('table')).toBeHidden();
  await vlag.locator('summary').click();
  await expect(vlag.getByRole('table')).toContainText('Acuut gevaar');
  await expect(page.getByTestId('gemeenten').getByRole('row').filter({ hasText: 'GM0363' })).toContainText('Amsterdam');
  await expect(page.getByRole('textbox')).toHaveCount(2);
  await screenshot(page, '15-beheer');
});

test('startpagina voor privacy officer, beleid en onderzoek; geen werkvoorraad', async ({ page }) => {
  for (const [gebruiker, rol] of [
    ['privacy', 'Privacy officer (FG)'],
    ['beleid', 'Beleidsmedewerker'],
    ['onderzoek', 'Onderzoeker'],
  ] as const) {
    await login(page, gebruiker);
    await expect(page).toHaveURL(/\/start$/);
    await expect(page.getByRole('heading', { name: /^Welkom, /, level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: rol, level: 2 })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link')).toHaveText(gebruiker === 'privacy' ? ['Start', 'Privacy'] : gebruiker === 'beleid' ? ['Start', 'Rapportage'] : ['Start']);
    if (gebruiker === 'privacy') {
      await expect(page.getByTestId('start-privacy_officer')).toContainText('toegangslog');
      await screenshot(page, '16-start-privacy');
      // Not offered, and refused when typed in.
      await page.goto('/werkvoorraad');
      await expect(page.getByText('U heeft met uw rol geen toegang tot de werkvoorraad.')).toBeVisible();
    }
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect(page.getByRole('heading', { name: 'Inloggen', level: 1 })).toBeVisible();
  }
});

test('behandelaars starten op de werkvoorraad', async ({ page }) => {
  await login(page, 'gw');
  await expect(page).toHaveURL(/\/werkvoorraad$/);
  await expect(page.getByRole('heading', { name: 'Werkvoorraad', level: 1 })).toBeVisible();
  // A gedragswetenschapper does not register meldingen.
  await expect(page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link')).toHaveText(['Werkvoorraad', 'Zoeken']);
});
