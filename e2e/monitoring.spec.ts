// Monitoring after an overdracht: a demo melding in monitoring has a monitoring clock; the form
// "Monitoringcontact vastleggen" checks its fields, records the contact, restarts the clock, shows
// it in the monitoring section and timeline, and says a new veiligheidsbeoordeling is needed when
// the situation is not safe. The werkvoorraad's Monitoring tab shows the clock as eerstvolgende termijn.
import { expect, test } from '@playwright/test';
import { expectAccessible, login, screenshot } from './support/helpers.ts';

/** Today's date in Amsterdam as JJJJ-MM-DD, and a date plus days. */
const toLocalDate = (d: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);
const addDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const datum = (d: string) => `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`;

test('een monitoringcontact vastleggen op een demo-casus in monitoring', async ({ page }) => {
  await login(page, 'backoffice');
  const wv = await (await page.request.get('/api/werkvoorraad?proces=monitoring&limit=500')).json();
  const item =
    wv.items.find((i: any) => i.status === 'overgedragen' && i.eerstvolgende?.kind === 'monitoring') ??
    wv.items.find((i: any) => i.status === 'overgedragen');
  expect(item, 'a demo melding in monitoring').toBeTruthy();
  const casus = await (await page.request.get(`/api/casussen/${item.casusId}`)).json();
  const m = casus.meldingen.find((x: any) => x.id === item.meldingId);
  const klok = m.clocks.find((k: any) => k.kind === 'monitoring' && !k.metAt);
  expect(klok, 'the monitoring clock runs').toBeTruthy();

  await page.goto(`/casussen/${item.casusId}`);
  const melding = page.getByTestId(`melding-${item.nummer}`);
  await expect(melding.getByTestId('melding-status')).toHaveText('Overgedragen – monitoring');
  await expect(melding.getByTestId('klok-monitoring').first()).toContainText('Monitoring');
  if (m.melder && !m.melder.wilOnbekendBlijven) await expect(melding.getByTestId('melder-wens')).toHaveText('nee');

  await melding.getByRole('button', { name: 'Monitoringcontact vastleggen' }).click();
  const form = melding.getByRole('form', { name: 'Monitoringcontact vastleggen' });
  await expect(form).toContainText(`Volgend monitoringcontact uiterlijk ${datum(klok.due)}`);
  const vandaag = toLocalDate(new Date());
  await expect(form.getByLabel('Datum van het contact')).toHaveValue(datum(vandaag));

  // Nothing filled in: every field says what is missing, nothing is sent.
  await form.getByRole('button', { name: 'Monitoringcontact vastleggen' }).click();
  await expect(form.getByRole('group', { name: 'Is de hulp gestart?' })).toContainText('Kies ja, nee of onbekend');
  await expect(form.getByRole('group', { name: 'Is de situatie veilig?' })).toContainText('Kies ja, nee of twijfel');
  await expect(form).toContainText('Minimaal 10 tekens');
  await form.getByLabel('Datum van het contact').fill('31-02-2026');
  await form.getByRole('button', { name: 'Monitoringcontact vastleggen' }).click();
  await expect(form).toContainText('Geef de datum van het contact als dd-mm-jjjj');
  await form.getByLabel('Datum van het contact').fill(datum(vandaag));

  await form
    .getByLabel('Bevindingen')
    .fill('Gebeld met de ontvanger: hulp is gestart, maar moeder meldt nieuwe dreigingen.');
  await form.getByRole('group', { name: 'Is de hulp gestart?' }).getByLabel('Ja').check();
  await form.getByRole('group', { name: 'Is de situatie veilig?' }).getByLabel('Nee').check();
  await expect(form).toContainText('na het vastleggen is een nieuwe veiligheidsbeoordeling nodig');
  await expectAccessible(page, 'casus met formulier monitoringcontact');
  await screenshot(page, '50-casus-monitoringcontact');
  await form.getByRole('button', { name: 'Monitoringcontact vastleggen' }).click();

  await expect(melding.getByRole('status').filter({ hasText: 'Het monitoringcontact is vastgelegd' })).toBeVisible();
  await expect(melding.getByTestId('melding-status')).toHaveText('Overgedragen – monitoring');
  const sectie = melding.getByTestId('monitoring');
  await expect(sectie.getByTestId('monitoringcontact').last()).toContainText('hulp gestart: ja, veilig: nee');
  await expect(sectie).toContainText('Er is een nieuwe veiligheidsbeoordeling nodig: registreer een hermelding');
  await expect(page.getByTestId('tijdlijn')).toContainText('Monitoringcontact: hulp gestart ja, veilig nee');
  // The clock restarted: due 13 weeks after today.
  const nu = await (await page.request.get(`/api/casussen/${item.casusId}`)).json();
  const nieuw = nu.meldingen.find((x: any) => x.id === item.meldingId).clocks.find((k: any) => k.kind === 'monitoring');
  expect(nieuw).toMatchObject({ due: addDays(vandaag, 91), state: 'on_time' });
  await screenshot(page, '51-casus-monitoringcontact-vastgelegd');

  // The werkvoorraad's Monitoring tab: the monitoring clock as eerstvolgende termijn.
  await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name: 'Werkvoorraad' }).click();
  await page.getByRole('tab', { name: /Monitoring/ }).click();
  await expect(page.getByRole('tab', { name: /Monitoring/ })).toHaveAttribute('aria-selected', 'true');
  const rij = page.getByTestId(`werkitem-${item.nummer}`);
  await expect(rij).toBeVisible();
  await expect(rij).toContainText('Monitoring');
  await expect(rij).toContainText(datum(addDays(vandaag, 91)));
  await screenshot(page, '52-werkvoorraad-monitoring-klok');
});
