// Pages load fast because each makes a fixed, small number of API calls: one per thing shown,
// never one per row (no N+1) and never the same call twice. Timings are not asserted (they depend
// on the machine); the calls are.
import { expect, test, type Page } from '@playwright/test';
import { login } from './support/helpers.ts';

/** Remove the user's server-side drafts through the API (not counted: /api/concepten is skipped). */
async function wisConceptenZonderHerladen(page: Page) {
  const { concepten } = await (await page.request.get('/api/concepten')).json();
  const { csrfToken } = await (await page.request.get('/api/sessie')).json();
  for (const c of concepten ?? [])
    await page.request.delete(`/api/concepten/${encodeURIComponent(c.sleutel)}`, {
      headers: { 'x-csrf-token': csrfToken },
    });
}

/** Record the API calls the page makes ('GET /api/werkvoorraad?…'), ids replaced by ':id'. */
function recorder(page: Page) {
  let calls: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    // Drafts are saved in the background while typing (drafts.ts): not part of a page's own calls.
    if (u.pathname.startsWith('/api/concepten')) return;
    if (u.pathname.startsWith('/api/')) calls.push(`${r.method()} ${u.pathname.replace(/\/\d+(?=\/|$)/g, '/:id')}`);
  });
  return {
    /** The calls since the last take, after the network is quiet. */
    take: async () => {
      await page.waitForLoadState('networkidle');
      const out = calls;
      calls = [];
      return out.sort();
    },
  };
}

test('elke pagina doet een vast, klein aantal API-aanroepen', async ({ page }) => {
  const api = recorder(page);
  // Keep the drafts an earlier test left: wiping them reloads the page, which would count every
  // call of the login twice. They are removed below without a reload.
  await login(page, 'backoffice', undefined, { concepten: 'houden' });
  await expect(page.getByTestId('werkvoorraad-tabel')).toBeVisible();
  // Login (two steps), the session with role labels, reference data once, the werkvoorraad once.
  expect(await api.take()).toEqual([
    'GET /api/referentie',
    'GET /api/sessie',
    'GET /api/sessie',
    'GET /api/werkvoorraad',
    'POST /api/sessie',
    'POST /api/sessie/totp',
  ]);
  await wisConceptenZonderHerladen(page);

  // Another process tab: one call.
  await page.getByRole('tab', { name: /Bureaudienst/ }).click();
  await expect(page.getByRole('tab', { name: /Bureaudienst/ })).toHaveAttribute('aria-selected', 'true');
  expect(await api.take()).toEqual(['GET /api/werkvoorraad']);

  // Oppakken uses the row's casus version: no casus read first.
  const oppakken = page.getByRole('button', { name: /^Melding ML\d+ oppakken$/ }).first();
  await oppakken.click();
  await expect(page.getByRole('status').filter({ hasText: 'is aan u toegewezen' })).toBeVisible();
  expect(await api.take()).toEqual(['GET /api/werkvoorraad', 'POST /api/meldingen/:id/toewijzen']);

  // The casus: one call for household, meldingen, clocks, actions and timeline.
  await page.getByRole('tab', { name: /Alle processen/ }).click();
  await api.take();
  await page.getByTestId('werkvoorraad-tabel').getByRole('link').first().click();
  await expect(page.getByTestId('tijdlijn')).toBeVisible();
  expect(await api.take()).toEqual(['GET /api/casussen/:id']);

  // Search: one call per search, one for the meldingen of a person.
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Zoeken' }).click();
  await expect(page.getByRole('heading', { name: 'Zoeken', level: 1 })).toBeVisible();
  expect(await api.take()).toEqual([]);
  const personen = page.getByRole('search', { name: 'Personen zoeken' });
  await personen.getByLabel('Naam', { exact: true }).fill('Jansen');
  await personen.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByTestId('kandidaat').first()).toBeVisible();
  expect(await api.take()).toEqual(['GET /api/personen']);
  await page
    .getByTestId('kandidaat')
    .first()
    .getByRole('button', { name: /^Meldingen over / })
    .click();
  await expect(page.getByRole('heading', { name: /^Meldingen over / })).toBeVisible();
  expect(await api.take()).toEqual(['GET /api/radar']);
  const casus = page.getByRole('search', { name: 'Casus zoeken' });
  await casus.getByLabel('Casus- of meldingnummer').fill('ML0000001');
  await casus.getByRole('button', { name: 'Casus zoeken' }).click();
  await expect(page.getByTestId('casus-resultaten')).toBeVisible();
  expect(await api.take()).toEqual(['GET /api/casussen']);

  // Intake: nothing until a search; linking persons asks the radar once per change.
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Nieuwe melding' }).click();
  await expect(page.getByRole('heading', { name: 'Nieuwe melding', level: 1 })).toBeVisible();
  expect(await api.take()).toEqual([]);
  const zoeken = page.getByRole('search', { name: 'Personen zoeken' });
  await zoeken.getByLabel('Naam', { exact: true }).fill('Jansen');
  await zoeken.getByRole('button', { name: 'Zoeken' }).click();
  // The household of the linked person is asked once, 400 ms after the last change (debounced).
  const huishouden = page.waitForResponse((r) => r.url().includes('/api/intake/huishouden'));
  await page
    .getByTestId('kandidaat')
    .first()
    .getByRole('button', { name: /koppelen$/ })
    .click();
  await expect(page.getByTestId('radar').getByRole('heading', { name: /\(\d+\)/ })).toBeVisible();
  await huishouden;
  expect(await api.take()).toEqual(['GET /api/intake/huishouden', 'GET /api/personen', 'GET /api/radar']);

  // Adviesvragen: one list.
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Adviesvraag' }).click();
  await expect(page.getByTestId('adviesvragen').getByRole('listitem').first()).toBeVisible();
  expect(await api.take()).toEqual(['GET /api/adviesvragen']);
});

test('beheer: de lijst één keer, opslaan geeft de nieuwe lijst terug', async ({ page }) => {
  const api = recorder(page);
  await login(page, 'beheer');
  await expect(page.getByRole('heading', { name: 'Beheer', level: 1 })).toBeVisible();
  expect(await api.take()).toEqual([
    'GET /api/beheer/gelijkgestelde-dagen',
    'GET /api/referentie',
    'GET /api/sessie',
    'GET /api/sessie',
    'POST /api/sessie',
    'POST /api/sessie/totp', // the functioneel beheerder makes the CBS delivery: a second factor
  ]);
  await page.getByLabel('Datum', { exact: true }).fill('2031-12-24');
  await page.getByLabel('Naam', { exact: true }).fill('Kerstavond (bij besluit)');
  await page.getByRole('button', { name: 'Dag opslaan' }).click();
  await expect(page.getByTestId('gelijkgestelde-dagen')).toContainText('24-12-2031');
  expect(await api.take()).toEqual(['POST /api/beheer/gelijkgestelde-dagen']);
});

test('rapportage, monitoring, coördinatie en CBS: één aanroep per pagina of keuze', async ({ page }) => {
  const api = recorder(page);
  await login(page, 'beleid');
  const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
  const sub = page.getByRole('navigation', { name: 'Managementinformatie' });
  // Beleid starts on the report: one call for every figure (gemeenten and labels come with the reference data).
  await expect(page.getByTestId('rapport')).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Rapportage' })).toHaveAttribute('aria-current', 'page');
  expect((await api.take()).filter((c) => c.startsWith('GET /api/rapportage'))).toEqual([
    'GET /api/rapportage/halfjaar',
  ]);
  // Another area: one call.
  await page.getByLabel('Gebied', { exact: true }).selectOption({ label: 'Diemen' });
  await page.getByRole('button', { name: 'Rapportage tonen' }).click();
  await expect(page.getByTestId('rapport')).toContainText('Gemeente Diemen');
  expect(await api.take()).toEqual(['GET /api/rapportage/halfjaar']);
  // Monitoring: one call; meldingen ↔ adviesvragen is in the same answer.
  await sub.getByRole('link', { name: 'Monitoring' }).click();
  await expect(page.getByTestId('monitoring')).toBeVisible();
  expect(await api.take()).toEqual(['GET /api/rapportage/monitoring']);
  await page.getByRole('radio', { name: 'Adviesvragen' }).check();
  await expect(page.getByRole('heading', { name: 'Totaal adviesvragen per week' })).toBeVisible();
  expect(await api.take()).toEqual([]);
  await sub.getByRole('link', { name: 'Coördinatie' }).click();
  await expect(page.getByTestId('coordinatie')).toBeVisible();
  expect(await api.take()).toEqual(['GET /api/rapportage/coordinatie']);
});

test('CBS-levering: de codetabellen bij openen, de levering alleen op verzoek (één aanroep)', async ({ page }) => {
  const api = recorder(page);
  await login(page, 'beheer');
  await api.take();
  await page.goto('/cbs');
  await expect(page.getByTestId('cbs-protocol')).toBeVisible();
  const calls = await api.take();
  // A page load: the session and reference data again, then the code tables once; never the delivery.
  expect(calls.filter((c) => c.startsWith('GET /api/rapportage'))).toEqual(['GET /api/rapportage/cbs/protocollen']);
  // The current protocol (v2) waits for its codes in the demo: choosing v1 makes no call either.
  await expect(page.getByRole('button', { name: 'Levering samenstellen' })).toBeDisabled();
  await page.getByLabel('Codetabel (protocolversie)').selectOption('v1-2015');
  expect(await api.take()).toEqual([]);
  await page.getByRole('button', { name: 'Levering samenstellen' }).click();
  await expect(page.getByTestId('cbs-resultaat')).toBeVisible();
  expect(await api.take()).toEqual(['GET /api/rapportage/cbs']);
});
