// User administration (beheer), the privacy officer's page, the own account page, and a draft that
// survives a closed tab: a new browser (context) logs in and continues where the first left off.
import { expect, test } from '@playwright/test';
import { expectAccessible, login, screenshot, submitLogin, WACHTWOORD, logout } from './support/helpers.ts';

test('beheer: gebruiker aanmaken (eerst met fouten bij het veld), deactiveren, teams', async ({ page }) => {
  await login(page, 'beheer');
  await page.getByRole('tab', { name: 'Gebruikers' }).click();
  await expect(page).toHaveURL(/\/beheer\?tab=gebruikers$/);
  const tabel = page.getByTestId('gebruikers');
  await expect(tabel.getByRole('row').filter({ hasText: 'Sanne de Vries' })).toContainText(
    'Bureaudienst / frontoffice',
  );
  await expect(tabel.getByRole('row').filter({ hasText: 'Sanne de Vries' })).toContainText('Ingesteld');

  const form = page.getByRole('form', { name: 'Nieuwe gebruiker' });
  await form.getByLabel('Gebruikersnaam').fill('f.deboer');
  await form.getByLabel('Naam', { exact: true }).fill('Femke de Boer');
  await form.getByRole('group', { name: 'Rollen' }).getByLabel('Backoffice-medewerker').check();
  await form.getByLabel('Beginwachtwoord').fill('Wachtwoord2026!');
  await form.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
  // The browser knows a case role needs a team.
  await expect(page.locator('#f-nieuw-teamId-error')).toContainText('Verplicht voor de rol Backoffice-medewerker');
  await form.getByLabel('Team', { exact: true }).selectOption({ label: 'Team Amsterdam' });
  await form.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
  // The server's password policy, beside the field.
  await expect(page.locator('#f-nieuw-wachtwoord-error')).toContainText('veelgebruikt wachtwoord');
  await expect(form.getByRole('alert')).toBeFocused();
  await expectAccessible(page, 'beheer gebruikers met fouten');
  await screenshot(page, '30-beheer-gebruiker-fout');

  await form.getByLabel('Beginwachtwoord').fill('Fietsen langs de Amstel 2026');
  await form.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Account f.deboer (Femke de Boer) is aangemaakt' }),
  ).toBeVisible();
  const rij = tabel.getByRole('row').filter({ hasText: 'Femke de Boer' });
  await expect(rij).toContainText('Team Amsterdam');
  await expect(rij).toContainText('nog nooit');

  await rij.getByRole('button', { name: 'Femke de Boer beheren' }).click();
  const paneel = page.getByTestId('gebruiker-paneel');
  await expect(paneel.getByRole('heading', { name: /Femke de Boer/ })).toBeFocused();
  await paneel.getByLabel('Toelichting (optioneel)').fill('Proefaccount, niet meer nodig');
  await paneel.getByRole('button', { name: 'Deactiveren' }).click();
  // First the confirmation step, with the consequence.
  const stap = paneel.getByRole('form', { name: 'Femke de Boer deactiveren' });
  await expect(stap).toContainText('Femke de Boer kan niet meer inloggen.');
  await stap.getByRole('button', { name: 'Ja, deactiveren' }).click();
  await expect(stap).toBeHidden();
  await expect(paneel.getByRole('status').filter({ hasText: 'Femke de Boer is gedeactiveerd' })).toBeVisible();
  await expect(rij).toContainText('Gedeactiveerd');
  const historie = page.getByTestId('gebruiker-historie');
  await expect(historie).toContainText('gedeactiveerd (0 sessies beëindigd)');
  await expect(historie).toContainText('Proefaccount, niet meer nodig');
  await expect(historie).toContainText('account aangemaakt met rol Backoffice-medewerker in Team Amsterdam');
  await expectAccessible(page, 'beheer gebruikers');
  await screenshot(page, '31-beheer-gebruikers');

  // The last functioneel beheerder keeps the role.
  await tabel.getByRole('button', { name: 'Iris Peters beheren' }).click();
  const zelf = page.getByTestId('gebruiker-paneel');
  await zelf.getByRole('group', { name: 'Rollen' }).getByLabel('Functioneel beheerder').uncheck();
  await zelf.getByRole('group', { name: 'Rollen' }).getByLabel('Onderzoeker').check();
  await zelf.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
  await expect(zelf.getByRole('alert').filter({ hasText: 'laatste actieve functioneel beheerder' })).toBeVisible();

  await page.getByRole('tab', { name: 'Teams' }).click();
  await page.getByLabel('Naam van het team').fill('Team Zuidoost');
  await page.getByRole('button', { name: 'Team aanmaken' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Team Team Zuidoost is aangemaakt.' })).toBeVisible();
  await expect(page.getByTestId('teams')).toContainText('Team Zuidoost');
  await expect(page.getByTestId('beheer-historie')).toContainText('team aangemaakt: Team Zuidoost');
  await expectAccessible(page, 'beheer teams');
  await screenshot(page, '32-beheer-teams');
});

test('privacy officer: toegangslog, overzicht van een persoon, inzageverzoek met besluit en PDF', async ({ page }) => {
  await login(page, 'privacy');
  const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
  await expect(page).toHaveURL(/\/privacy$/);
  await expect(nav.getByRole('link')).toHaveText(['Privacy', 'CBS-levering', 'Overzicht']);
  await nav.getByRole('link', { name: 'Privacy' }).click();
  await expect(page.getByRole('heading', { name: 'Privacy', level: 1 })).toBeVisible();
  await expect(page.getByTestId('log-verificatie')).toContainText('Hashketen intact');

  const zoek = page.getByRole('search', { name: 'Toegangslog doorzoeken' });
  // By default only access to dossiers: no reference data, drafts or sessions.
  await expect(zoek.getByLabel('Alleen dossiertoegang')).toBeChecked();
  await expect(page.getByTestId('log-export')).toHaveAttribute('href', '/api/toegangslog/export?weergave=dossier');
  await expect(page.getByText(/regels, nieuwste eerst|Geen regels met dit filter/)).toBeVisible();
  const objecten = await page.locator('[data-testid="log-resultaten"] tbody tr td:nth-child(4)').allTextContents();
  expect(objecten.filter((o) => /^(referentie|concept|sessie|gebruiker)\b/.test(o))).toEqual([]);
  // Logins are technical rows: shown with the box unticked.
  await zoek.getByLabel('Alleen dossiertoegang').uncheck();
  await zoek.getByLabel('Actie').selectOption({ label: 'ingelogd' });
  await zoek.getByRole('button', { name: 'Zoeken' }).click();
  const resultaten = page.getByTestId('log-resultaten');
  await expect(resultaten.getByRole('row').nth(1)).toContainText('ingelogd');
  await expect(resultaten).not.toContainText('ingezien');
  const href = await page.getByTestId('log-export').getAttribute('href');
  expect(href).toBe('/api/toegangslog/export?actie=login');
  const csv = await page.request.get(href!);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(await csv.text()).toContain('prev_hash');
  await expectAccessible(page, 'privacy toegangslog');
  await screenshot(page, '33-privacy-toegangslog');

  await page.getByRole('tab', { name: 'Persoon en verzoeken' }).click();
  const persoonZoek = page.getByRole('search', { name: 'Persoon zoeken voor een verzoek' });
  await persoonZoek.getByLabel('Naam').fill('Jansen');
  await persoonZoek.getByRole('button', { name: 'Persoon zoeken' }).click();
  await page.getByTestId('rechten-kandidaten').getByRole('button').first().click();
  const dossier = page.getByTestId('persoon-rechten');
  await dossier.getByRole('button', { name: 'Toegangsoverzicht tonen' }).click();
  await expect(dossier.getByTestId('toegangsoverzicht').getByRole('row').nth(1)).toBeVisible();

  await dossier.getByRole('button', { name: 'Nieuw verzoek om inzage of afschrift' }).click();
  const verzoek = page.getByRole('form', { name: 'Nieuw verzoek om inzage of afschrift' });
  await verzoek.getByRole('group', { name: 'Soort' }).getByLabel('Afschrift').check();
  await verzoek.getByRole('button', { name: 'Verzoek vastleggen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Het verzoek is vastgelegd.' })).toBeVisible();
  const kaart = dossier.locator('[data-testid^="inzageverzoek-"]').first();
  await expect(kaart).toContainText('Afschrift');
  // A refusal without ground or motivation is refused beside the fields.
  await kaart.getByRole('group', { name: 'Besluit' }).getByLabel('Afgewezen').check();
  await kaart.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(kaart.locator('#f-besluit-weigeringsgronden-error')).toContainText('Wmo 2015 art. 5.3.2');
  await kaart.getByRole('group', { name: 'Besluit' }).getByLabel('Toegewezen', { exact: true }).check();
  await kaart.getByLabel('Motivering').fill('Verzoeker is de betrokkene zelf en volwassen.');
  await kaart.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: /Het besluit op verzoek \d+ is vastgelegd: toegewezen/ }),
  ).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await kaart.getByRole('link', { name: 'Dossier als PDF' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^afschrift-\d+\.pdf$/);
  await expectAccessible(page, 'privacy persoon');
  await screenshot(page, '34-privacy-persoon');

  await page.getByRole('tab', { name: 'Werklijst verzoeken' }).click();
  await page.getByRole('group', { name: 'Toon' }).getByLabel('Alle verzoeken').check();
  await expect(page.getByTestId('verzoeken')).toContainText('afschrift');
  await expectAccessible(page, 'privacy werklijst');
  await page.getByRole('tab', { name: 'Bewaartermijnen' }).click();
  await expect(page.getByRole('heading', { name: 'Bewaarblokkade (legal hold)' })).toBeVisible();
  await expectAccessible(page, 'privacy bewaartermijnen');
  await screenshot(page, '35-privacy-bewaartermijnen');
});

test('mijn account: het wachtwoordbeleid staat bij het veld', async ({ page }) => {
  await login(page, 'beleid');
  await page.getByRole('link', { name: 'Mijn account' }).click();
  await expect(page.getByRole('heading', { name: 'Mijn account', level: 1 })).toBeVisible();
  await expect(page.getByTestId('account-gegevens')).toContainText('beleid');
  const form = page.getByRole('form', { name: 'Wachtwoord wijzigen' });
  await form.getByLabel('Huidig wachtwoord').fill('Voordeur-demo-2026');
  await form.getByLabel('Nieuw wachtwoord', { exact: true }).fill('beleid2026');
  await form.getByLabel('Herhaal het nieuwe wachtwoord').fill('beleid2026');
  await form.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  const fout = page.locator('#f-pw-nieuwWachtwoord-error');
  await expect(fout).toContainText('minstens 12 tekens (nu 10)');
  await expect(fout).toContainText('mag niet uw gebruikersnaam zijn of bevatten');
  await expect(form.getByLabel('Nieuw wachtwoord', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'account met fouten');
  await screenshot(page, '36-account');
  await expect(page.getByRole('heading', { name: 'Tweede factor' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Uitloggen op alle apparaten' })).toBeVisible();
});

test('mijn account: tweede factor instellen toont een QR-code, met geheim en koppeling als tekst', async ({ page }) => {
  const verzoeken: string[] = [];
  page.on('request', (r) => verzoeken.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
  await login(page, 'beleid');
  await page.getByRole('link', { name: 'Mijn account' }).click();
  const factor = page.getByRole('region', { name: 'Tweede factor' });
  await factor.getByLabel('Wachtwoord', { exact: true }).fill(WACHTWOORD);
  await factor.getByRole('button', { name: 'Nieuw geheim maken' }).click();

  const qr = factor.getByRole('img', { name: 'QR-code om de tweede factor in uw authenticator-app te zetten' });
  await expect(qr).toBeVisible();
  // Inline SVG drawn in the page: no image element, nothing fetched for it.
  expect(await qr.evaluate((el) => el.tagName.toLowerCase())).toBe('svg');
  const vak = (await qr.boundingBox())!;
  expect(vak.width).toBeGreaterThanOrEqual(200);
  expect(vak.width).toBeLessThanOrEqual(240);
  expect(vak.height).toBe(vak.width);
  // The fallback for those who cannot scan: the secret and the otpauth URI as text.
  const inschrijving = page.getByTestId('totp-inschrijving');
  const geheim = (await inschrijving.locator('code.secret').first().innerText()).replace(/\s+/g, '');
  expect(geheim).toMatch(/^[A-Z2-7]{32}$/);
  await expect(inschrijving).toContainText(`otpauth://totp/Voordeur%3Abeleid?secret=${geheim}&issuer=Voordeur`);
  await expectAccessible(page, 'account met QR-code');
  await screenshot(page, '36-account-qr');

  // 320 px wide: the QR code fits its box (it would shrink with it), nothing overflows.
  await page.setViewportSize({ width: 320, height: 800 });
  await expect(qr).toBeVisible();
  const smal = (await qr.boundingBox())!;
  expect(smal.x).toBeGreaterThanOrEqual(0);
  expect(smal.x + smal.width).toBeLessThanOrEqual(320);
  expect(smal.height).toBeCloseTo(smal.width, 0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectAccessible(page, 'account met QR-code, 320 px');
  await screenshot(page, '36-account-qr-320');

  // The secret went to no one: it only ever arrived in the answer of the enrolment request, and the
  // page asked nothing of any other origin.
  expect(verzoeken.filter((v) => v.includes(geheim))).toEqual([]);
  const eigen = new URL(page.url()).origin;
  expect(verzoeken.filter((v) => !v.split(' ')[1]!.startsWith(`${eigen}/`))).toEqual([]);
  // Not confirmed: cancelling leaves the account as it was (no second factor for beleid).
  await factor.getByRole('button', { name: 'Annuleren' }).click();
  await expect(qr).toBeHidden();
  await page.reload();
  await expect(factor).toContainText('Nog niet ingesteld.');
});

test('concept overleeft een gesloten tabblad: een nieuwe browser logt in en gaat verder', async ({ browser }) => {
  const tekst = 'Concept op de server: buurvrouw hoorde geschreeuw en gerinkel van glas.';
  const eerste = await browser.newContext();
  const a = await eerste.newPage();
  await login(a, 'backoffice');
  await a.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Nieuwe melding' }).click();
  const opgeslagen = a.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/concepten/intake') && r.ok(),
  );
  await a.getByLabel('Omschrijving').fill(tekst);
  await opgeslagen;
  await eerste.close(); // the tab (and browser) closed without logging out

  const tweede = await browser.newContext();
  const b = await tweede.newPage();
  await b.goto('/meldingen/nieuw');
  await expect(b.getByRole('heading', { name: 'Inloggen', level: 1 })).toBeVisible();
  await submitLogin(b, 'backoffice');
  await b.goto('/meldingen/nieuw');
  await expect(b.getByLabel('Omschrijving')).toHaveValue(tekst);
  // Continuing saves again; logging out discards the draft.
  const weer = b.waitForResponse(
    (r) => r.request().method() === 'PUT' && r.url().endsWith('/api/concepten/intake') && r.ok(),
  );
  await b.getByLabel('Omschrijving').fill(`${tekst} Melder belt terug.`);
  await weer;
  await logout(b);
  await login(b, 'backoffice', undefined, { concepten: 'houden' });
  await b.goto('/meldingen/nieuw');
  await expect(b.getByLabel('Omschrijving')).toHaveValue('');
  await tweede.close();
});
