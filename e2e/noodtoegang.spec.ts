// Relation-based access on the casus page: no relation → explanation and "break the glass"; the
// casus then opens with an emergency-access banner, and the privacy officer gets it to review.
// An MDO consultation gives a colleague of another team access.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, login, screenshot, logout } from './support/helpers.ts';

/** The first demo casus the logged-in user has (or has no) relation with (asked without opening it). */
async function casusWaar(page: Page, metRelatie: (relaties: string[]) => boolean): Promise<number> {
  for (let id = 1; id < 200; id++) {
    const r = await page.request.get(`/api/casussen/${id}/toegang`);
    if (r.status() === 404) break;
    expect(r.status()).toBe(200);
    if (metRelatie((await r.json()).relaties)) return id;
  }
  throw new Error('no such demo casus');
}

test('zonder relatie: uitleg en noodtoegang (break the glass), daarna een zichtbare banner', async ({ page }) => {
  await login(page, 'amstelland');
  const id = await casusWaar(page, (r) => r.length === 0);
  await page.goto(`/casussen/${id}`);
  await expect(page.getByRole('heading', { name: 'U heeft geen toegang tot deze casus', level: 2 })).toBeVisible();
  await expect(page.getByTestId('geen-relatie')).toContainText('geen relatie met deze casus');
  await expect(page.getByTestId('casus-nummer')).toHaveCount(0);
  await expectAccessible(page, 'casus zonder relatie');
  await screenshot(page, '30-casus-geen-relatie');

  // A reason is required: too short is refused beside the field, nothing is asked of the server.
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith('/noodtoegang')) posts.push(r.url());
  });
  const formulier = page.getByRole('form', { name: 'Noodtoegang (break the glass)' });
  await formulier.getByLabel('Reden').fill('Dringend');
  await formulier.getByRole('button', { name: 'Noodtoegang vragen' }).click();
  const samenvatting = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
  await expect(samenvatting).toBeFocused();
  await expect(page.locator('#f-reden-error')).toContainText('Minimaal 20 tekens');
  await expect(formulier.getByLabel('Reden')).toHaveAttribute('aria-invalid', 'true');
  expect(posts).toEqual([]);
  await expectAccessible(page, 'noodtoegang met foutmelding');

  const reden = 'Politie belt: acute dreiging in dit gezin, het eigen team is vannacht niet bereikbaar.';
  await formulier.getByLabel('Reden').fill(reden);
  await formulier.getByRole('button', { name: 'Noodtoegang vragen' }).click();
  await expect(page.getByTestId('casus-nummer')).toHaveText(/^\d{4}-\d{6}$/);
  const banner = page.getByTestId('noodtoegang-banner');
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('heading', { name: 'Noodtoegang' })).toBeVisible();
  await expect(banner).toContainText('gelogd als noodtoegang en beoordeeld door de privacy officer');
  await expect(banner).toContainText(reden);
  expect(posts).toHaveLength(1);
  await expectAccessible(page, 'casus onder noodtoegang');
  await screenshot(page, '31-casus-noodtoegang');

  // A reload keeps the emergency access of this session.
  await page.reload();
  await expect(page.getByTestId('noodtoegang-banner')).toBeVisible();

  // The privacy officer finds it to review.
  await logout(page);
  await login(page, 'privacy');
  const lijst = await (await page.request.get('/api/toegangslog/noodtoegang')).json();
  const item = lijst.items.find((i: any) => i.casus.id === id && i.reden === reden);
  expect(item).toMatchObject({ gebruiker: { naam: 'Lotte Hendriks' }, beoordeeld: false });

  // … and reviews it on the privacy page: an error beside the field first, then the review.
  await page.goto('/privacy?tab=noodtoegang');
  const kaart = page.getByTestId('noodtoegang').filter({ hasText: reden });
  await expect(kaart).toContainText('Lotte Hendriks');
  await kaart.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  await expect(kaart.locator(`#f-nood${item.id}-notitie-error, [id$="notitie-error"]`).first()).toBeVisible();
  await expectAccessible(page, 'privacy: noodtoegang beoordelen met foutmelding');
  await kaart.getByRole('radio', { name: 'Gerechtvaardigd', exact: true }).check();
  await kaart.getByLabel('Notitie').fill('Crisisdienst-achtige situatie buiten kantoortijd; terecht.');
  await kaart.getByRole('button', { name: 'Beoordeling vastleggen' }).click();
  await expect(page.getByRole('status').first()).toContainText('beoordeeld');
  await expect(page.getByTestId('noodtoegang').filter({ hasText: reden })).toHaveCount(0);
  await page.getByRole('radio', { name: 'Beoordeeld', exact: true }).check();
  await expect(page.getByTestId('noodtoegang').filter({ hasText: reden })).toContainText('Gerechtvaardigd');
  await screenshot(page, '37-privacy-noodtoegang');
  const na = await (await page.request.get('/api/toegangslog/noodtoegang?beoordeeld=ja')).json();
  expect(na.items.find((i: any) => i.id === item.id)).toMatchObject({
    beoordeeld: true,
    beoordeling: { oordeel: 'gerechtvaardigd' },
  });
});

test('MDO: een collega van een ander team consulteren geeft toegang tot de casus', async ({ page }) => {
  await login(page, 'backoffice');
  const id = await casusWaar(page, (r) => r.includes('eigen_team'));
  await page.goto(`/casussen/${id}`);
  const sectie = page.getByTestId('consultaties');
  await expect(sectie.getByRole('heading', { name: 'MDO en consultatie' })).toBeVisible();
  const formulier = sectie.getByRole('form', { name: 'Collega consulteren' });
  await formulier.getByRole('button', { name: 'Consultatie vastleggen' }).click();
  await expect(page.locator('#f-gebruikerId-error')).toContainText('Kies een medewerker');
  await formulier.getByLabel('Medewerker').selectOption({ label: 'Lotte Hendriks (backoffice, Team Amstelland)' });
  await formulier.getByLabel('Toelichting').fill('MDO van vandaag: advies over de veiligheid van de kinderen.');
  await formulier.getByRole('button', { name: 'Consultatie vastleggen' }).click();
  await expect(sectie.getByRole('status')).toContainText('Lotte Hendriks is geconsulteerd');
  await expect(sectie.getByTestId('consultatie').first()).toContainText('Lotte Hendriks');
  await expectAccessible(page, 'casus met MDO-consultatie');
  await screenshot(page, '32-casus-mdo');

  await logout(page);
  await login(page, 'amstelland');
  await page.goto(`/casussen/${id}`);
  await expect(page.getByTestId('casus-nummer')).toBeVisible();
  await expect(page.getByTestId('noodtoegang-banner')).toHaveCount(0);
  // Consulted, not working on it: no form to consult others.
  await expect(page.getByTestId('consultaties').getByRole('form', { name: 'Collega consulteren' })).toHaveCount(0);

  await logout(page);
  await login(page, 'backoffice');
  await page.goto(`/casussen/${id}`);
  await page.getByRole('button', { name: 'Consultatie van Lotte Hendriks beëindigen' }).click();
  await expect(page.getByTestId('consultaties').getByRole('status')).toContainText('beëindigd');
});
