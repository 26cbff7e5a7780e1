// The safety flag as a marker in search results and the intake radar. The API does not send the
// flags there yet (see packages/web/README.md); these answers are extended in the browser so the
// marker is ready, and tested, for when it does.
import { expect, test, type Page, type Route } from '@playwright/test';
import { login } from './support/helpers.ts';

async function metVlag(page: Page, pad: string, extend: (body: any) => void) {
  await page.route(
    (u) => u.pathname === pad,
    async (route: Route) => {
      const res = await route.fetch();
      const body = await res.json();
      extend(body);
      await route.fulfill({ response: res, json: body });
    },
  );
}

test('vlagmarker in zoekresultaten (casus, personen, meldingen) en in de radar', async ({ page }) => {
  await metVlag(page, '/api/casussen', (b) => b.casussen.forEach((c: any) => (c.veiligheidsvlaggen = ['wapen'])));
  await metVlag(page, '/api/personen', (b) =>
    b.kandidaten.forEach((k: any) => k.huishoudens.forEach((h: any) => (h.veiligheidsvlaggen = ['acuut_gevaar']))),
  );
  await metVlag(page, '/api/radar', (b) =>
    b.meldingen.forEach((m: any) => (m.veiligheidsvlaggen = ['dreiging_medewerkers'])),
  );
  await login(page, 'backoffice');

  await page.goto('/zoeken');
  const casus = page.getByRole('search', { name: 'Casus zoeken' });
  await casus.getByLabel('Casus- of meldingnummer').fill('ML0000001');
  await casus.getByRole('button', { name: 'Casus zoeken' }).click();
  await expect(page.getByTestId('casus-resultaten').getByTestId('vlag-marker')).toHaveText(
    'Veiligheidsvlag: Wapen(bezit) bekend',
  );

  const personen = page.getByRole('search', { name: 'Personen zoeken' });
  await personen.getByLabel('Naam', { exact: true }).fill('Jansen');
  await personen.getByRole('button', { name: 'Zoeken' }).click();
  const kandidaat = page
    .getByTestId('kandidaat')
    .filter({ has: page.getByRole('button', { name: /^Meldingen over / }) })
    .first();
  await expect(kandidaat.getByTestId('vlag-marker').first()).toHaveText('Veiligheidsvlag: Acuut gevaar');
  await kandidaat.getByRole('button', { name: /^Meldingen over / }).click();
  await expect(page.locator('#persoon-meldingen + ul').getByTestId('vlag-marker').first()).toHaveText(
    'Veiligheidsvlag: Dreiging richting medewerkers',
  );

  await page.goto('/meldingen/nieuw');
  const zoeken = page.getByRole('search', { name: 'Personen zoeken' });
  await zoeken.getByLabel('Naam', { exact: true }).fill('Jansen');
  await zoeken.getByRole('button', { name: 'Zoeken' }).click();
  await page
    .getByTestId('kandidaat')
    .first()
    .getByRole('button', { name: /koppelen$/ })
    .click();
  await expect(page.getByTestId('radar-melding').first().getByTestId('vlag-marker')).toHaveText(
    'Veiligheidsvlag: Dreiging richting medewerkers',
  );
});
