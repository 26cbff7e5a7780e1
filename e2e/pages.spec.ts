// The other pages and the ways a session goes wrong: adviesvraag → melding, search, the team
// manager's view, and an expired session that keeps the draft (conflicts: conflict.spec.ts).
import { expect, test } from '@playwright/test';
import { login, screenshot, submitLogin, logout } from './support/helpers.ts';

test('adviesvraag registreren en omzetten in een melding', async ({ page }) => {
  await login(page, 'bureau');
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Adviesvraag' }).click();
  await expect(page.getByRole('heading', { name: 'Adviesvraag registreren', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'Adviesvraag registreren' });
  await form.getByLabel('Hoedanigheid adviesvrager').selectOption({ label: 'Onderwijs: basisonderwijs' });
  await form.getByLabel('Gemeente').selectOption({ label: 'Diemen' });
  await form.getByRole('group', { name: 'Aanleiding' }).getByLabel('Kindermishandeling, kindcheck').check();
  await form.getByRole('group', { name: 'Aard van het geweld' }).getByLabel('Affectieve verwaarlozing').check();
  await form.getByRole('group', { name: 'Signalen' }).getByLabel('Financiële zorgen').check();
  await form
    .getByLabel('Vraag van de adviesvrager')
    .fill('Intern begeleider ziet een leerling die steeds vaker zonder eten naar school komt.');
  await form.getByLabel('Gegeven advies').fill('Gesprek met ouders voorbereiden; terugbellen na het gesprek.');
  await form.getByLabel('Adviesvraag afsluiten').uncheck();
  await form.getByRole('button', { name: 'Adviesvraag registreren' }).click();
  const bevestiging = page.getByRole('status').filter({ hasText: /Adviesvraag AD\d+ is geregistreerd/ });
  await expect(bevestiging).toBeVisible();
  const nummer = /AD\d+/.exec(await bevestiging.innerText())![0];
  const kaart = page.getByTestId('adviesvragen').getByRole('listitem').filter({ hasText: nummer });
  await expect(kaart).toContainText('Open');
  await screenshot(page, '08-adviesvraag');

  await kaart.getByRole('button', { name: `Adviesvraag ${nummer} omzetten in melding` }).click();
  await expect(page.getByRole('heading', { name: 'Nieuwe melding', level: 1 })).toBeVisible();
  await expect(page.getByText(`U zet adviesvraag ${nummer} om in een melding`)).toBeVisible();
  await expect(page.getByLabel('Omschrijving')).toHaveValue(/zonder eten naar school/);
  await expect(
    page.getByRole('group', { name: 'Aanleiding' }).getByLabel('Kindermishandeling, kindcheck'),
  ).toBeChecked();
  await expect(
    page.getByRole('group', { name: 'Aard van het geweld' }).getByLabel('Affectieve verwaarlozing'),
  ).toBeChecked();
  await expect(page.getByRole('group', { name: 'Signalen' }).getByLabel('Financiële zorgen')).toBeChecked();
  await expect(page.getByLabel('Hoedanigheid melder')).toHaveValue('ow_basis');
  await expect(page.getByLabel('Gemeente', { exact: true })).toHaveValue('GM0384');
  await expect(page.getByLabel('Binnengekomen via')).toHaveValue('omgezet_advies');

  await page.getByRole('button', { name: 'Nieuwe persoon toevoegen' }).click();
  const kind = page.getByTestId('betrokkene').nth(0);
  await kind.getByLabel('Voornamen').fill('Mila');
  await kind.getByLabel('Achternaam').fill('Hoekstra');
  await kind.getByLabel('Geboortedatum').fill('20160000');
  await kind.getByLabel('Rol in de melding').selectOption({ label: 'Kind' });
  const melding = page.getByRole('form', { name: 'Melding registreren' });
  await melding.getByLabel('Postcode', { exact: true }).fill('1111HK');
  await melding.getByLabel('Huisnummer', { exact: true }).fill('3');
  await melding.getByLabel('Straat').fill('Ouddiemerlaan');
  await melding.getByLabel('Woonplaats').fill('Diemen');
  await melding.getByLabel('Naam melder').fill('M. Bos (intern begeleider)');
  await melding.getByLabel('Organisatie', { exact: true }).fill('Basisschool De Linde');
  await screenshot(page, '09-intake-uit-adviesvraag');
  await page.getByRole('button', { name: 'Melding registreren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Hermelding: nee' })).toBeVisible();
  await expect(page.getByTestId('huishouden')).toContainText('Mila Hoekstra');
  await expect(page.getByRole('article').filter({ hasText: 'Mila Hoekstra' })).toContainText('Financiële zorgen');

  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Adviesvraag' }).click();
  await expect(page.getByTestId('adviesvragen').getByRole('listitem').filter({ hasText: nummer })).toContainText(
    'Omgezet in melding',
  );
});

test('zoeken op persoon en op casusnummer', async ({ page }) => {
  await login(page, 'backoffice');
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Zoeken' }).click();
  const personen = page.getByRole('search', { name: 'Personen zoeken' });
  await personen.getByLabel('Naam', { exact: true }).fill('Visser');
  await personen.getByRole('button', { name: 'Zoeken' }).click();
  const rij = page.getByTestId('kandidaat').first();
  await expect(rij).toContainText('Visser');
  await rij.getByRole('button', { name: /^Meldingen over / }).click();
  await expect(page.getByRole('heading', { name: /^Meldingen over / })).toBeVisible();

  const casus = page.getByRole('search', { name: 'Casus zoeken' });
  await casus.getByLabel('Casus- of meldingnummer').fill('ML0000001');
  await casus.getByRole('button', { name: 'Casus zoeken' }).click();
  await expect(page.getByTestId('casus-resultaten')).toContainText('Casus 2026-');
  await screenshot(page, '10-zoeken');
  await page.getByTestId('casus-resultaten').getByRole('link').first().click();
  await expect(page.getByTestId('casus-nummer')).toHaveText(/^\d{4}-\d{6}$/);
  await expect(page.getByTestId('melding-ML0000001')).toBeVisible();
});

test('teammanager ziet de werkverdeling en pakt werk op', async ({ page }) => {
  await login(page, 'manager');
  await expect(page.getByTestId('per-behandelaar')).toContainText('Niet toegewezen');
  await expect(page.getByTestId('tellingen')).toContainText('Veiligheidsbeoordeling');
  await screenshot(page, '11-werkvoorraad-teammanager');
  await page.getByRole('tab', { name: /Bureaudienst/ }).click();
  const oppakken = page.getByRole('button', { name: /^Melding ML\d+ oppakken$/ }).first();
  const naam = (await oppakken.getAttribute('aria-label'))!;
  const nummer = /ML\d+/.exec(naam)![0];
  await oppakken.click();
  await expect(page.getByRole('status').filter({ hasText: `Melding ${nummer} is aan u toegewezen.` })).toBeVisible();
  // Assigned, it moves from the bureaudienst to the veiligheidsbeoordeling.
  await expect(page.getByTestId(`werkitem-${nummer}`)).toHaveCount(0);
  await page.getByRole('tab', { name: /Veiligheidsbeoordeling/ }).click();
  await expect(page.getByTestId(`werkitem-${nummer}`)).toContainText('Karin Visser');
});

test('de bureaudienst begint op de triagelijst van alle teams; op een telefoon staat de termijn direct naast het nummer', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await login(page, 'bureau');
  await expect(page.getByLabel('Team')).toHaveValue('alle');
  await expect(page.getByRole('tab', { name: /Bureaudienst/ })).toHaveAttribute('aria-selected', 'true');
  const rij = page.getByTestId('werkvoorraad-tabel').locator('tbody tr').first();
  await expect(rij).toContainText('niet toegewezen');
  // The deadline cell is the second column and within the screen without scrolling sideways.
  const termijn = rij.locator('td').nth(1);
  await expect(termijn.locator('.deadline')).toBeVisible();
  const box = (await termijn.boundingBox())!;
  expect(box.x + Math.min(box.width, 60)).toBeLessThanOrEqual(390);
  await screenshot(page, '11c-werkvoorraad-bureaudienst-390');
  // "Alle processen" stays chosen (the default does not come back).
  await page.getByRole('tab', { name: /Alle processen/ }).click();
  await expect(page.getByRole('tab', { name: /Alle processen/ })).toHaveAttribute('aria-selected', 'true');
});

test('de werkvoorraad van een ander team toont tellingen, maar alleen meldingen waar u aan werkt', async ({ page }) => {
  await login(page, 'amstelland');
  await page.getByLabel('Team').selectOption({ label: 'Team Amsterdam' });
  await expect(page.getByTestId('tellingen')).toContainText('Team Amsterdam');
  const note = page.getByTestId('niet-getoond');
  await expect(note).toContainText(/\d+ meldingen? van Team Amsterdam niet in de lijst: u werkt er niet aan/);
  // Nothing of Amsterdam's meldingen is listed for a worker of Amstelland (the demo has none of hers there).
  await expect(page.getByTestId('werkvoorraad-tabel')).toHaveCount(0);
  await screenshot(page, '11b-werkvoorraad-ander-team');
});

test('na een verlopen sessie opnieuw inloggen en verder met het concept', async ({ page, context }) => {
  await login(page, 'bureau');
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Nieuwe melding' }).click();
  await page.getByLabel('Omschrijving').fill('Concept: moeder belde over haar ex-partner die dreigt.');
  await context.clearCookies();
  const zoeken = page.getByRole('search', { name: 'Personen zoeken' });
  await zoeken.getByLabel('Naam', { exact: true }).fill('Bakker');
  await zoeken.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByRole('heading', { name: 'Inloggen', level: 1 })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Uw sessie is verlopen');
  await submitLogin(page, 'bureau');
  await expect(page.getByRole('heading', { name: 'Nieuwe melding', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Omschrijving')).toHaveValue('Concept: moeder belde over haar ex-partner die dreigt.');
  // Logging out clears the draft.
  await logout(page);
  await login(page, 'bureau', undefined, { concepten: 'houden' });
  await page.goto('/meldingen/nieuw');
  await expect(page.getByLabel('Omschrijving')).toHaveValue('');
});
