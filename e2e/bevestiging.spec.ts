// Irreversible actions of the privacy officer and the beheerder go through a confirmation step in
// the page that names the consequence; vernietigen also asks for a typed confirmation. Nothing is
// sent before the user confirms, and Annuleren sends nothing.
import { expect, test, type Page } from '@playwright/test';
import { csrf, expectAccessible, login, screenshot, logout } from './support/helpers.ts';

/** POSTs to paths containing `deel`, as the browser sends them. */
function posts(page: Page, deel: string): string[] {
  const out: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes(deel)) out.push(new URL(r.url()).pathname);
  });
  return out;
}

/** A melding about a person of this test's own (as backoffice), so no other test depends on its data. */
async function eigenMelding(page: Page): Promise<{ achternaam: string; casusNummer: string }> {
  const achternaam = `Vernietigtest${Date.now() % 100000}`;
  await login(page, 'backoffice');
  const m = await page.request.post('/api/meldingen', {
    headers: { 'x-csrf-token': await csrf(page) },
    data: {
      binnenkomst: 'telefoon',
      melder: {
        hoedanigheid: 'gz_huisarts',
        naam: 'Dr. T. Test',
        organisatie: 'Huisartsenpraktijk Test',
        telefoon: '020-5550000',
        wilOnbekendBlijven: false,
      },
      huishouden: {
        straat: 'Teststraat',
        huisnummer: '1',
        postcode: '1011AA',
        woonplaats: 'Amsterdam',
        gemeenteCode: 'GM0363',
      },
      regio: 'eigen',
      gemeenteCode: 'GM0363',
      betrokkenen: [
        { persoon: { voornamen: 'Tamara', achternaam, geboortedatum: '19900101', geslacht: 'V' }, rol: 'slachtoffer' },
      ],
      aanleiding: ['hg_anders'],
      aard: ['psychisch_geweld'],
      omschrijving: 'Testmelding voor de bevestiging van een vernietiging.',
    },
  });
  expect(m.status(), await m.text()).toBe(201);
  return { achternaam, casusNummer: (await m.json()).casusNummer };
}

test('beheer: tweede factor resetten en deactiveren vragen eerst om bevestiging', async ({ page }) => {
  const verstuurd = posts(page, '/api/beheer/gebruikers/');
  await login(page, 'beheer');
  await page.getByRole('tab', { name: 'Gebruikers' }).click();
  await page.getByTestId('gebruikers').getByRole('button', { name: 'Eva Bakker beheren' }).click();
  const paneel = page.getByTestId('gebruiker-paneel');

  await paneel.getByRole('button', { name: 'Tweede factor resetten' }).click();
  const stap = paneel.getByRole('form', { name: 'Tweede factor van Eva Bakker resetten' });
  await expect(stap.getByRole('heading', { name: 'De tweede factor van Eva Bakker resetten?' })).toBeFocused();
  await expect(stap).toContainText('herstelcodes van Eva Bakker vervallen');
  await expect(stap).toContainText('Dit kan niet ongedaan worden gemaakt.');
  await expectAccessible(page, 'beheer bevestiging reset');
  await screenshot(page, 'b01-beheer-bevestiging-reset');
  await stap.getByRole('button', { name: 'Annuleren' }).click();
  await expect(stap).toBeHidden();

  await paneel.getByLabel('Toelichting (optioneel)').fill('Langdurig afwezig');
  await paneel.getByRole('button', { name: 'Deactiveren' }).click();
  const deact = paneel.getByRole('form', { name: 'Eva Bakker deactiveren' });
  await expect(deact).toContainText('Eva Bakker kan niet meer inloggen.');
  await expect(deact).toContainText('weer actief maken');
  await expect(deact).toContainText('In de historie komt: “Langdurig afwezig”.');
  // Escape closes the step too.
  await deact.getByRole('button', { name: 'Ja, deactiveren' }).press('Escape');
  await expect(deact).toBeHidden();
  expect(verstuurd).toEqual([]);
});

test('privacy: vernietiging uitvoeren pas na het typen van VERNIETIGEN', async ({ page }) => {
  // A person of our own, so no other test depends on the data destroyed here.
  const { achternaam } = await eigenMelding(page);
  await logout(page);

  const uitvoeren = posts(page, '/uitvoeren');
  await login(page, 'privacy');
  await page.getByRole('tab', { name: 'Persoon en verzoeken' }).click();
  const zoek = page.getByRole('search', { name: 'Persoon zoeken voor een verzoek' });
  await zoek.getByLabel('Naam').fill(achternaam);
  await zoek.getByRole('button', { name: 'Persoon zoeken' }).click();
  await page
    .getByTestId('rechten-kandidaten')
    .getByRole('button', { name: `Tamara ${achternaam}` })
    .click();
  const dossier = page.getByTestId('persoon-rechten');
  await dossier.getByRole('button', { name: 'Nieuw verzoek om vernietiging' }).click();
  await page
    .getByRole('form', { name: 'Nieuw verzoek om vernietiging' })
    .getByRole('button', { name: 'Verzoek vastleggen' })
    .click();
  const kaart = dossier.locator('[data-testid^="vernietigingsverzoek-"]').first();
  await kaart.getByRole('group', { name: 'Besluit' }).getByLabel('Toewijzen').check();
  await kaart.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await kaart.getByRole('button', { name: /^Vernietiging uitvoeren voor persoon \d+$/ }).click();

  const stap = kaart.getByRole('form', { name: /^Vernietiging van Tamara .* bevestigen$/ });
  await expect(stap.getByRole('heading', { name: /^De gegevens van Tamara .* vernietigen\?$/ })).toBeFocused();
  await expect(stap).toContainText('Alle persoonsgegevens van Tamara');
  await expect(stap).toContainText(/Het gaat om 1 melding en 1 huishouden \(casus \d{4}-\d{6}\)/);
  await expect(stap).toContainText('Dit kan niet ongedaan worden gemaakt.');
  // Without the word, or with another word: refused at the field, nothing sent.
  await stap.getByRole('button', { name: 'Definitief vernietigen' }).click();
  const veld = stap.getByLabel('Typ VERNIETIGEN om te bevestigen');
  await expect(veld).toBeFocused();
  await expect(veld).toHaveAttribute('aria-invalid', 'true');
  await veld.fill('ja');
  await stap.getByRole('button', { name: 'Definitief vernietigen' }).click();
  await expect(stap).toContainText('Dat is niet VERNIETIGEN.');
  expect(uitvoeren).toEqual([]);
  await expectAccessible(page, 'privacy bevestiging vernietiging');
  await screenshot(page, 'b02-privacy-bevestiging-vernietiging');

  await veld.fill('vernietigen');
  await stap.getByRole('button', { name: 'Definitief vernietigen' }).click();
  await expect(page.getByRole('status').filter({ hasText: `De gegevens van Tamara ${achternaam}` })).toContainText(
    'zijn vernietigd',
  );
  expect(uitvoeren).toHaveLength(1);
});

test('privacy: bewaarblokkade op casusnummer; het toegangslog toont standaard alleen dossiertoegang', async ({
  page,
}) => {
  const { casusNummer } = await eigenMelding(page);
  expect(casusNummer).toMatch(/^\d{4}-\d{6}$/);
  await logout(page);
  await login(page, 'privacy');
  await page.getByRole('tab', { name: 'Bewaartermijnen' }).click();
  const form = page.getByRole('form', { name: 'Bewaarblokkade (legal hold)' });
  await form.getByLabel('Casusnummer').fill('casus 12');
  await form.getByRole('button', { name: 'Blokkade instellen' }).click();
  await expect(page.locator('#f-blokkade-casusId-error')).toContainText('zoals 2026-000123');
  await form.getByLabel('Casusnummer').fill(casusNummer);
  await form.getByLabel('Reden').fill('Lopende procedure bij de rechtbank.');
  await form.getByRole('button', { name: 'Blokkade instellen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Casus ${casusNummer} heeft nu een bewaarblokkade.` }),
  ).toBeVisible();
  await form.getByLabel('Casusnummer').fill(casusNummer);
  await form.getByLabel('Reden').fill('Procedure is afgerond.');
  await form.getByRole('button', { name: 'Blokkade opheffen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `De bewaarblokkade van casus ${casusNummer} is opgeheven.` }),
  ).toBeVisible();

  // The backoffice's intake and its reference-data reads: only the dossier rows by default.
  await page.getByRole('tab', { name: 'Toegangslog' }).click();
  const zoek = page.getByRole('search', { name: 'Toegangslog doorzoeken' });
  await zoek.getByLabel('Medewerker').selectOption({ label: 'Youssef El Idrissi' });
  await zoek.getByRole('button', { name: 'Zoeken' }).click();
  const objecten = () => page.locator('[data-testid="log-resultaten"] tbody tr td:nth-child(4)').allTextContents();
  await expect(page.getByTestId('log-resultaten')).toContainText('vastgelegd');
  expect((await objecten()).filter((o) => /^(referentie|concept|sessie|gebruiker)\b/.test(o))).toEqual([]);
  await screenshot(page, 'b03-privacy-log-dossiertoegang');
  await zoek.getByLabel('Alleen dossiertoegang').uncheck();
  await expect.poll(async () => (await objecten()).some((o) => /^(referentie|sessie|gebruiker)\b/.test(o))).toBe(true);
});
