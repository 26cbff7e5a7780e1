// The contact journal on the casus page (issue 13): keyboard-first entry, a draft that survives a
// reload, Ctrl+Enter to save, the entry in the journal and the timeline, a correction as a new entry
// that refers to the old one (both visible), the home-visit protocol on the page, and axe scans.
import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './support/helpers.ts';

test('contact vastleggen met het toetsenbord, concept bewaard, corrigeren als nieuw contact', async ({ page }) => {
  await login(page, 'backoffice');
  await expect(page.getByTestId('huisbezoekprotocol')).toContainText('Huisbezoek: ja, tenzij');
  const wv = await (await page.request.get('/api/werkvoorraad?limit=50')).json();
  const item = wv.items.find((i: any) => i.status !== 'afgesloten');
  expect(item, 'an open melding of the own team').toBeTruthy();
  await page.goto(`/casussen/${item.casusId}`);
  const journaal = page.getByTestId('contactjournaal');
  await expect(journaal.getByRole('heading', { name: /^Contactjournaal/ })).toBeVisible();
  await expect(journaal.getByTestId('huisbezoekprotocol-casus')).toContainText('ja, tenzij');
  await expectAccessible(page, 'casus met contactjournaal');

  // Keyboard only: the button opens the form with the focus on the kind of contact.
  await journaal.getByRole('button', { name: 'Contact vastleggen' }).focus();
  await page.keyboard.press('Enter');
  const form = journaal.getByRole('form', { name: 'Contact vastleggen' });
  const soort = form.getByLabel('Soort contact');
  await expect(soort).toBeFocused();
  await soort.selectOption('beeldbellen');
  // A moment surely in the past, whenever the test runs.
  await form.getByLabel('Datum').fill('02-01-2026');
  const tijd = form.getByLabel('Begintijd');
  await tijd.fill('');
  await tijd.pressSequentially('10:05');
  await form.getByLabel('Duur (minuten)').fill('25');
  await form.getByRole('group', { name: 'Met wie van het huishouden' }).getByRole('checkbox').first().check();
  // Saving without content: the error summary names what is missing and links to the field.
  await page.keyboard.press('Control+Enter');
  const fout = form.getByRole('alert');
  await expect(fout).toContainText('Leg vast wat er is gezegd, gezien of afgesproken');
  await fout.getByRole('link', { name: /gezegd, gezien of afgesproken/ }).click();
  await expect(form.getByLabel('Wat is er gezegd')).toBeFocused();
  const saved = page.waitForResponse((r) => r.url().includes('/api/concepten/') && r.request().method() === 'PUT');
  await page.keyboard.type('Moeder vertelt via beeldbellen dat de kinderen weer naar school gaan.');
  await saved;
  await expectAccessible(page, 'formulier contact vastleggen');

  // The draft survives a reload (saved on the server while typing).
  await page.reload();
  const form2 = page.getByTestId('contactjournaal').getByRole('form', { name: 'Contact vastleggen' });
  await expect(form2.getByLabel('Wat is er gezegd')).toHaveValue(
    'Moeder vertelt via beeldbellen dat de kinderen weer naar school gaan.',
  );
  await expect(form2.getByLabel('Soort contact')).toHaveValue('beeldbellen');
  await form2.getByLabel('Wat is er gezegd').focus();
  await page.keyboard.press('Control+Enter');
  await expect(journaal.getByRole('status').filter({ hasText: 'is vastgelegd' })).toContainText(
    /Contact \d+ is vastgelegd/,
  );
  const eerste = journaal.getByTestId('contact-lijst').getByRole('listitem').first();
  await expect(eerste).toContainText('Beeldbellen');
  await expect(eerste).toContainText('25 min');
  await expect(eerste).toContainText('op afstand');
  await expect(eerste).toContainText('Moeder vertelt via beeldbellen');
  await expect(page.getByTestId('tijdlijn')).toContainText('Beeldbellen met');
  const id = Number((await eerste.getAttribute('data-testid'))!.replace('contact-', ''));

  // A correction is a new entry that refers to the old one; the old one stays as it was.
  await eerste.getByRole('button', { name: `Corrigeren (contact ${id})` }).click();
  const corr = journaal.getByRole('form', { name: `Correctie op contact ${id}` });
  await expect(corr.getByLabel('Soort contact')).toBeFocused();
  await corr.getByLabel('Wat is er gezegd').fill('Correctie: alleen de oudste gaat weer naar school.');
  await corr.getByRole('button', { name: 'Contact opslaan' }).click();
  await expect(journaal.getByRole('status').filter({ hasText: 'is vastgelegd' })).toContainText(
    /Contact \d+ is vastgelegd/,
  );
  const oud = journaal.getByTestId(`contact-${id}`);
  await expect(oud).toContainText('Moeder vertelt via beeldbellen dat de kinderen weer naar school gaan.');
  await expect(journaal.getByTestId(`contact-${id}-gecorrigeerd`)).toContainText('Correctie in contact');
  const nieuw = journaal.getByTestId('contact-lijst').getByRole('listitem').first();
  await expect(nieuw).toContainText(`Correctie op contact ${id}`);
  await expect(nieuw).toContainText('alleen de oudste');
  await expectAccessible(page, 'contactjournaal met correctie');
});
