// The functioneel beheerder's page (equated days, reference data) and the start page per role.
import { expect, test } from '@playwright/test';
import { expectAccessible, login, screenshot, logout } from './support/helpers.ts';

test('functioneel beheerder: start op beheer, gelijkgestelde dag met fouten bij het veld, codelijsten en gemeenten', async ({
  page,
}) => {
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/api/beheer/gelijkgestelde-dagen')) posts.push(r.postData() ?? '');
  });
  await login(page, 'beheer');
  await expect(page).toHaveURL(/\/beheer$/);
  await expect(page.getByRole('heading', { name: 'Beheer', level: 1 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
  await expect(nav.getByRole('link')).toHaveText(['Beheer', 'CBS-levering']);

  // Invalid input: the messages sit at the fields (and in the summary); nothing is sent.
  await page.getByLabel('Datum', { exact: true }).fill('2030-13-06');
  await page.getByLabel('Naam', { exact: true }).fill('B');
  await page.getByRole('button', { name: 'Dag opslaan' }).click();
  await expect(page.getByLabel('Datum', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#f-dag-datum-error')).toContainText(
    'Geef een datum als dd-mm-jjjj, bijvoorbeeld 22-11-2026',
  );
  await expect(page.locator('#f-dag-naam-error')).toContainText('Minimaal 3 tekens');
  await expect(page.getByRole('alert').filter({ hasText: 'Er is een probleem' })).toBeFocused();
  expect(posts).toEqual([]);

  // A date as shown elsewhere (dd-mm-jjjj) is accepted too.
  await page.getByLabel('Datum', { exact: true }).fill('06-05-2030');
  await page.getByLabel('Naam', { exact: true }).fill('Bevrijdingsdag (lustrum)');
  await page.getByRole('button', { name: 'Dag opslaan' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: '06-05-2030 (Bevrijdingsdag (lustrum)) is opgeslagen' }),
  ).toBeFocused();
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

test('elke rol start op de eigen pagina; een pagina van een andere rol zegt dat in gewone woorden', async ({
  page,
}) => {
  const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
  for (const [gebruiker, rol, pad, kop, links] of [
    ['privacy', 'Privacy officer (FG)', '/privacy', 'Privacy', ['Privacy', 'CBS-levering', 'Overzicht']],
    ['beleid', 'Beleidsmedewerker', '/rapportage', 'Halfjaarrapportage', ['Rapportage', 'Overzicht']],
    ['onderzoek', 'Onderzoeker', '/start', /^Welkom, /, ['Start']],
  ] as const) {
    await login(page, gebruiker);
    await expect(page).toHaveURL(new RegExp(`${pad}$`));
    await expect(page.getByRole('heading', { name: kop, level: 1 })).toBeVisible();
    await expect(nav.getByRole('link')).toHaveText([...links]);
    // The overview of the role, with the way to its own page.
    await page.goto('/start');
    await expect(page.getByRole('heading', { name: /^Welkom, /, level: 1 })).toBeVisible();
    await expect(page.getByRole('heading', { name: rol, level: 2 })).toBeVisible();
    await expect(page.getByText('neem contact op met de functioneel beheerder', { exact: false })).toHaveCount(0);
    if (gebruiker === 'privacy') {
      await expect(page.getByTestId('start-privacy_officer')).toContainText('toegangslog');
      await screenshot(page, '16-start-privacy');
    }
    // Pages of other roles, typed in: one plain message and the way back, no form, no technical reason.
    for (const vreemd of gebruiker === 'beleid'
      ? ['/werkvoorraad', '/privacy', '/beheer']
      : ['/werkvoorraad', '/rapportage']) {
      await page.goto(vreemd);
      const melding = page.getByTestId('niet-voor-uw-rol');
      await expect(page.getByRole('heading', { name: 'Deze pagina hoort niet bij uw rol', level: 1 })).toBeVisible();
      await expect(melding.getByRole('link')).toHaveAttribute('href', pad);
      await expect(page.locator('main')).not.toContainText(
        /rollen|mag (read|search)|privacy_officer|beleidsmedewerker|geen toegang/i,
      );
      await expect(page.locator('main form, main input, main select, main textarea')).toHaveCount(0);
      await expect(page).toHaveTitle('Hoort niet bij uw rol – Voordeur');
    }
    if (gebruiker === 'beleid') {
      await page.goto('/privacy');
      await screenshot(page, '16-beleid-privacy-niet-voor-uw-rol');
      await page.getByTestId('niet-voor-uw-rol').getByRole('link', { name: 'Rapportage' }).click();
      await expect(page).toHaveURL(/\/rapportage$/);
      await expect(page.getByRole('heading', { name: 'Halfjaarrapportage', level: 1 })).toBeVisible();
    }
    await logout(page);
  }
});

test('functioneel beheerder: het overzicht verwijst naar Beheer, niet naar zichzelf', async ({ page }) => {
  await login(page, 'beheer');
  await page.goto('/start');
  await expect(page.getByTestId('start-functioneel_beheerder')).toContainText('Gebruikers en teams');
  await expect(page.locator('main')).not.toContainText('functioneel beheerder om');
  await page.getByRole('link', { name: 'Naar Beheer' }).click();
  await expect(page.getByRole('heading', { name: 'Beheer', level: 1 })).toBeVisible();
  await page.goto('/privacy');
  await expect(page.getByRole('heading', { name: 'Deze pagina hoort niet bij uw rol', level: 1 })).toBeVisible();
  await expect(page.getByTestId('niet-voor-uw-rol').getByRole('link')).toHaveText('Beheer');
});

test('behandelaars starten op de werkvoorraad', async ({ page }) => {
  await login(page, 'gw');
  await expect(page).toHaveURL(/\/werkvoorraad$/);
  await expect(page.getByRole('heading', { name: 'Werkvoorraad', level: 1 })).toBeVisible();
  // A gedragswetenschapper does not register meldingen.
  await expect(page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link')).toHaveText([
    'Werkvoorraad',
    'Zoeken',
  ]);
});

test('functioneel beheerder vult de CBS-codes van het huidige protocol in', async ({ page }) => {
  await login(page, 'beheer');
  await page.getByRole('tab', { name: 'CBS-codes' }).click();
  const tabel = page.getByTestId('cbs-codetabel');
  await expect(tabel.getByRole('heading', { name: 'CBS-codes van codetabel v2-2025' })).toBeVisible();
  const eerste = tabel.locator('tbody tr').first();
  const optie = (await eerste.locator('th').innerText()).trim();
  await eerste.getByRole('textbox').fill('T1');
  await eerste.getByRole('button', { name: /^Opslaan/ }).click();
  await expect(tabel.getByText(`${optie}: code T1 opgeslagen.`)).toBeVisible();
  // Saved on the server: after a reload the code is there.
  await page.reload();
  await expect(page.getByTestId('cbs-codetabel').locator('tbody tr').first().getByRole('textbox')).toHaveValue('T1');
  await expectAccessible(page, 'beheer CBS-codes');
  await screenshot(page, '40-beheer-cbs-codes');
  // Leave the demo as it was.
  await page.getByTestId('cbs-codetabel').locator('tbody tr').first().getByRole('textbox').fill('');
  await page
    .getByTestId('cbs-codetabel')
    .locator('tbody tr')
    .first()
    .getByRole('button', { name: /^Opslaan/ })
    .click();
  await expect(page.getByTestId('cbs-codetabel').getByText('code verwijderd')).toBeVisible();
});
