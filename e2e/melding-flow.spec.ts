// The core path of a Veilig Thuis melding through the web app: intake with person search and
// radar, veiligheidsbeoordeling (four eyes), overdracht to a lokaal team, monitoring werkvoorraad.
import { expect, test } from '@playwright/test';
import { login, screenshot } from './support/helpers.ts';

test('backoffice registreert een melding, beoordeelt en draagt over aan het lokaal team', async ({ page }) => {
  await login(page, 'backoffice');
  await expect(page.getByRole('heading', { name: 'Werkvoorraad', level: 1 })).toBeVisible();
  await expect(page.getByTestId('gebruiker')).toContainText('Youssef El Idrissi');
  await expect(page.getByTestId('gebruiker')).toContainText('Backoffice-medewerker');
  await expect(page.getByTestId('werkvoorraad-tabel')).toBeVisible();
  await screenshot(page, '01-werkvoorraad');

  // Intake: search a demo person by a misspelled name ('Janssen' finds 'Jansen').
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Nieuwe melding' }).click();
  await expect(page.getByRole('heading', { name: 'Nieuwe melding', level: 1 })).toBeVisible();
  const zoeken = page.getByRole('search', { name: 'Personen zoeken' });
  await zoeken.getByLabel('Naam', { exact: true }).fill('Janssen');
  await zoeken.getByLabel('Naam', { exact: true }).press('Enter');
  const kandidaat = page.getByTestId('kandidaat').filter({ hasText: 'Jansen' }).first();
  await expect(kandidaat).toBeVisible();
  // The match label: 'naam lijkt …', or with the reworked person search 'achternaam gelijk' / 'naam gelijk'.
  await expect(kandidaat).toContainText(/naam lijkt|achternaam gelijk|naam gelijk/);
  const naam = (await kandidaat.getByRole('rowheader').innerText()).split('\n')[0]!.trim();
  expect(naam).toMatch(/Jansen/);

  // Link the found person: focus moves to their role in the melding (keyboard-only use).
  await kandidaat.getByRole('button', { name: `${naam} koppelen` }).click();
  const eerste = page.getByTestId('betrokkene').nth(0);
  await expect(eerste.getByLabel('Rol in de melding')).toBeFocused();
  await eerste.getByLabel('Rol in de melding').selectOption({ label: 'Slachtoffer' });
  await eerste.getByLabel('Rol in het huishouden').selectOption({ label: 'Ouder / verzorger' });

  // The radar shows the earlier meldingen about the linked person, prominently.
  const radar = page.getByTestId('radar');
  await expect(radar).toBeVisible();
  await expect(radar.getByTestId('radar-melding').first()).toBeVisible();
  await expect(radar.getByRole('heading', { name: /Radar: eerdere meldingen \(\d+\)/ })).toBeVisible();

  // Add a new child who is not known yet.
  await page.getByRole('button', { name: 'Nieuwe persoon toevoegen' }).click();
  const kind = page.getByTestId('betrokkene').nth(1);
  await expect(kind.getByLabel('BSN')).toBeFocused();
  await kind.getByLabel('Voornamen').fill('Lieke');
  await kind.getByLabel('Achternaam').fill('Jansen');
  await kind.getByLabel('Geboortedatum').fill('20200300');
  await kind.getByRole('group', { name: 'Geslacht' }).getByLabel('Vrouw').check();
  await kind.getByLabel('Rol in de melding').selectOption({ label: 'Kind' });
  await kind.getByLabel('Rol in het huishouden').selectOption({ label: 'Kind' });
  await expect(
    page
      .getByRole('group', { name: 'Over welk huishouden gaat de melding?' })
      .getByLabel('Huishouden van de gekoppelde persoon'),
  ).toBeChecked();
  await screenshot(page, '02-intake-personen-radar');

  // Melder and the melding itself.
  await page.getByLabel('Hoedanigheid melder').selectOption({ label: 'Gezondheidszorg: huisarts' });
  await page.getByLabel('Naam melder').fill('A. de Wit');
  await page.getByLabel('Organisatie').fill('Huisartsenpraktijk Oost');
  await page.getByLabel('Telefoon').fill('020 555 12 34');
  await page.getByLabel('Melder wil onbekend blijven voor het gezin').check();
  await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Amsterdam' });
  await page.getByRole('group', { name: 'Aanleiding' }).getByLabel('Kindermishandeling, anders').check();
  await page.getByRole('group', { name: 'Aard van het geweld' }).getByLabel('Getuige van geweld in gezin').check();
  await page
    .getByLabel('Omschrijving')
    .fill(
      'Huisarts ziet een kind van drie met blauwe plekken; moeder vertelt over ruzies thuis waarbij het kind aanwezig is.',
    );
  await page.getByRole('button', { name: 'Melding registreren' }).click();

  // The casus page shows the new melding in state Ontvangen with the beoordeling clock running.
  await expect(page.getByRole('status').filter({ hasText: 'is geregistreerd in casus' })).toBeVisible();
  const flash = await page.getByRole('status').filter({ hasText: 'is geregistreerd in casus' }).innerText();
  expect(flash).toMatch(/Hermelding: (ja|nee)/);
  const nummer = /Melding (ML\d+)/.exec(flash)![1]!;
  const melding = page.getByTestId(`melding-${nummer}`);
  await expect(melding.getByTestId('melding-status')).toHaveText('Ontvangen – veiligheidsbeoordeling');
  const beoordelingsklok = melding.getByTestId('klok-veiligheidsbeoordeling');
  await expect(beoordelingsklok).toContainText('Veiligheidsbeoordeling');
  await expect(beoordelingsklok).toContainText(/nog \d werkdag/);
  await expect(beoordelingsklok).toContainText('op tijd');
  await expect(melding.getByTestId('melder-onbekend')).toHaveText('Melder wil onbekend blijven voor het gezin');
  await expect(melding).toContainText('Lieke Jansen');
  await expect(page.getByTestId('huishouden')).toContainText('Lieke Jansen');
  await screenshot(page, '03-casus-ontvangen');

  // Veiligheidsbeoordeling, getoetst door a colleague (four eyes).
  await melding.getByRole('button', { name: 'Veiligheidsbeoordeling vastleggen' }).click();
  const vb = melding.getByRole('form', { name: 'Veiligheidsbeoordeling vastleggen' });
  await vb.getByRole('group', { name: 'Is er sprake van acute onveiligheid?' }).getByLabel('Nee').check();
  await vb.getByRole('group', { name: 'Is er sprake van structurele onveiligheid?' }).getByLabel('Ja').check();
  await vb
    .getByLabel('Uitkomst van de beoordeling')
    .selectOption({ label: '(Vermoeden van) structurele onveiligheid' });
  await vb
    .getByLabel('Motivering')
    .fill('Herhaalde zorgen in de radar, kind getuige van ruzies; geen acuut gevaar na gesprek met moeder.');
  await vb.getByRole('group', { name: 'Geraadpleegde bronnen' }).getByLabel('Huisarts').check();
  await vb.getByRole('group', { name: 'Geraadpleegde bronnen' }).getByLabel('Gesprek met directbetrokkenen').check();
  await vb.getByLabel('Getoetst door').selectOption({ label: 'Eva Bakker' });
  await screenshot(page, '04-casus-beoordeling-formulier');
  await vb.getByRole('button', { name: 'Veiligheidsbeoordeling vastleggen' }).click();
  await expect(melding.getByTestId('melding-status')).toHaveText('Beoordeeld – besluit nemen');
  await expect(melding.getByTestId('beoordeling')).toContainText('getoetst door Eva Bakker');

  // Overdracht to a lokaal team.
  await melding.getByRole('button', { name: 'Overdragen' }).click();
  const ov = melding.getByRole('form', { name: 'Overdragen' });
  await ov.getByLabel('Soort ontvanger').selectOption({ label: 'Lokaal team / wijkteam' });
  await ov.getByLabel('Naam ontvanger').fill('Ouder Kind Team Oost');
  await ov.getByRole('group', { name: 'Was het huishouden al bekend bij de ontvanger?' }).getByLabel('Nee').check();
  await ov
    .getByRole('group', { name: /Warme overdracht/ })
    .getByLabel('Ja')
    .check();
  await ov.getByLabel('Monitoringafspraken').fill('Na 3 maanden nagaan of de hulp loopt en het veilig is.');
  await ov.getByRole('button', { name: 'Overdragen' }).click();
  // An overdracht cannot be undone: the form first says what will happen, and sends only on Bevestigen.
  const bevestiging = ov.getByTestId('bevestiging');
  await expect(bevestiging).toBeFocused();
  await expect(bevestiging).toContainText(
    `Melding ${nummer} wordt overgedragen aan Ouder Kind Team Oost (Lokaal team / wijkteam).`,
  );
  await expect(bevestiging).toContainText('Een overdracht kan niet worden teruggedraaid.');
  await bevestiging.getByRole('button', { name: 'Bevestigen' }).click();

  await expect(melding.getByTestId('melding-status')).toHaveText('Overgedragen – monitoring');
  await expect(melding.getByTestId('klok-veiligheidsbeoordeling')).toContainText('op tijd afgerond');
  await expect(melding.getByTestId('overdracht')).toContainText('Ouder Kind Team Oost');
  await expect(page.getByTestId('tijdlijn')).toContainText('Overgedragen aan Ouder Kind Team Oost (warme overdracht)');
  await screenshot(page, '05-casus-overgedragen');

  // The werkvoorraad for monitoring lists the melding.
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Werkvoorraad' }).click();
  await page.getByRole('tab', { name: /Monitoring/ }).click();
  await expect(page.getByRole('tab', { name: /Monitoring/ })).toHaveAttribute('aria-selected', 'true');
  await page.getByLabel('Team').selectOption({ label: 'Alle teams' });
  const rij = page.getByTestId(`werkitem-${nummer}`);
  await expect(rij).toBeVisible();
  await expect(rij).toContainText('Overgedragen – monitoring');
  await expect(rij).toContainText('Youssef El Idrissi');
  await page.getByLabel('Alleen mijn werk').check();
  await expect(rij).toBeVisible();
  await screenshot(page, '06-werkvoorraad-monitoring');
});

test('een lege omschrijving geeft een melding bij het veld en registreert niets', async ({ page }) => {
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/meldingen') posts.push(r.url());
  });
  await login(page, 'bureau');
  await page.goto('/meldingen/nieuw');
  await page.getByRole('button', { name: 'Nieuwe persoon toevoegen' }).click();
  const p = page.getByTestId('betrokkene').nth(0);
  await p.getByLabel('Voornamen').fill('Noor');
  await p.getByLabel('Achternaam').fill('Vermeulen');
  await p.getByLabel('Geboortedatum').fill('19900512');
  await p.getByLabel('Rol in de melding').selectOption({ label: 'Slachtoffer' });
  await page
    .getByRole('group', { name: 'Over welk huishouden gaat de melding?' })
    .getByLabel('Ander of nieuw adres')
    .check();
  const formulier = page.getByRole('form', { name: 'Melding registreren' });
  await formulier.getByLabel('Postcode', { exact: true }).fill('1094HB');
  await formulier.getByLabel('Huisnummer', { exact: true }).fill('12');
  await page.getByLabel('Hoedanigheid melder').selectOption({ label: 'Buurtbewoner' });
  await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Amsterdam' });
  await page.getByRole('group', { name: 'Aanleiding' }).getByLabel('(Ex-)partnergeweld').check();
  await page.getByRole('button', { name: 'Melding registreren' }).click();

  // The message sits beside the field, and the summary links to it.
  const veld = page.getByLabel('Omschrijving');
  await expect(veld).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#f-omschrijving-error')).toContainText('Minimaal 10 tekens');
  const samenvatting = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
  await expect(samenvatting).toBeFocused();
  await expect(samenvatting).toContainText('Omschrijving: Minimaal 10 tekens');
  await screenshot(page, '07-intake-validatie');
  await samenvatting.getByRole('link', { name: 'Omschrijving: Minimaal 10 tekens' }).click();
  await expect(veld).toBeFocused();
  expect(posts).toEqual([]);
  await expect(page.getByRole('heading', { name: 'Nieuwe melding', level: 1 })).toBeVisible();
});

test('inloggen met een fout wachtwoord lukt niet', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Inloggen', level: 1 })).toBeVisible();
  await screenshot(page, '00-inloggen');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.locator('#f-gebruikersnaam-error')).toContainText('Verplicht veld');
  await page.getByLabel('Gebruikersnaam').fill('backoffice');
  await page.getByLabel('Wachtwoord').fill('fout-wachtwoord');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByTestId('login-fout')).toHaveText('Gebruikersnaam of wachtwoord onjuist');
  await expect(page.getByLabel('Wachtwoord')).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Uitloggen' })).toHaveCount(0);
  const sessie = await page.request.get('/api/sessie');
  expect(sessie.status()).toBe(401);
});
