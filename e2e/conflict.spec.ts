// Two users change the same casus: Youssef (backoffice) and Eva (backoffice2), each in their own
// browser. Whoever submits on an old version sees what changed since they loaded the casus, keeps
// what they typed, and chooses: submit it on the new version, or throw it away.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { csrf, expectAccessible, login, screenshot } from './support/helpers.ts';

async function tweedeGebruiker(browser: Browser, gebruikersnaam: string): Promise<Page> {
  const use = test.info().project.use;
  const ctx = await browser.newContext({
    baseURL: use.baseURL,
    locale: use.locale,
    timezoneId: use.timezoneId,
    viewport: use.viewport,
  });
  const page = await ctx.newPage();
  await login(page, gebruikersnaam);
  return page;
}

/** An open melding awaiting its veiligheidsbeoordeling, in a casus without a flag, not used before in this run. */
const gebruikt = new Set<number>();
async function ontvangenMelding(
  page: Page,
  opts: { rvdk?: boolean } = {},
): Promise<{ casusId: number; meldingId: number; nummer: string }> {
  // The own team's werkvoorraad: another team's casus needs a relation (docs/security.md).
  const wv = await (await page.request.get('/api/werkvoorraad?proces=veiligheidsbeoordeling&limit=500')).json();
  const kandidaten = wv.items.filter(
    (i: any) =>
      i.status === 'ontvangen' &&
      !i.veiligheidsvlaggen?.length &&
      !gebruikt.has(i.casusId) &&
      wv.items.filter((j: any) => j.casusId === i.casusId).length === 1,
  );
  let item = kandidaten[0];
  // The RvdK-verzoek is only offered for a household with children.
  if (opts.rvdk) {
    item = undefined;
    for (const k of kandidaten) {
      const casus = await (await page.request.get(`/api/casussen/${k.casusId}`)).json();
      if (
        casus.meldingen.some((m: any) => m.id === k.meldingId && m.acties.some((a: any) => a.actie === 'rvdk_verzoek'))
      ) {
        item = k;
        break;
      }
    }
  }
  expect(item, 'an open melding in state ontvangen').toBeTruthy();
  gebruikt.add(item.casusId);
  return item;
}

test('wat er veranderde: vlag, status en tijdlijn; de invoer blijft en gaat opnieuw in op de nieuwe versie', async ({
  page,
  browser,
}) => {
  await login(page, 'backoffice');
  const item = await ontvangenMelding(page, { rvdk: true });
  await page.goto(`/casussen/${item.casusId}`);
  const melding = page.getByTestId(`melding-${item.nummer}`);
  await melding.getByRole('button', { name: 'Verzoek tot onderzoek aan de Raad voor de Kinderbescherming' }).click();
  const form = melding.getByRole('form', { name: 'Verzoek tot onderzoek aan de Raad voor de Kinderbescherming' });
  await form
    .getByLabel('Motivering van het verzoek')
    .fill('Ouders werken niet mee; zorgen over de ontwikkeling van de kinderen blijven.');

  // Meanwhile Eva, in her own browser, flags the household and records the veiligheidsbeoordeling.
  const eva = await tweedeGebruiker(browser, 'backoffice2');
  await eva.goto(`/casussen/${item.casusId}`);
  await eva.getByRole('button', { name: 'Veiligheidsvlag zetten' }).click();
  const vlag = eva.getByRole('form', { name: 'Veiligheidsvlag zetten' });
  await vlag.getByLabel('Wapen(bezit) bekend').check();
  await vlag.getByLabel('Toelichting').fill('Buurman zag een vuurwapen in huis.');
  await vlag.getByRole('button', { name: 'Vlag opslaan' }).click();
  await expect(eva.getByTestId('veiligheidsvlag')).toContainText('Wapen(bezit) bekend');
  const evaMelding = eva.getByTestId(`melding-${item.nummer}`);
  await evaMelding.getByRole('button', { name: 'Veiligheidsbeoordeling vastleggen' }).click();
  const vb = evaMelding.getByRole('form', { name: 'Veiligheidsbeoordeling vastleggen' });
  await vb.getByRole('group', { name: 'Is er sprake van acute onveiligheid?' }).getByLabel('Nee').check();
  await vb.getByRole('group', { name: 'Is er sprake van structurele onveiligheid?' }).getByLabel('Ja').check();
  await vb
    .getByLabel('Uitkomst van de beoordeling')
    .selectOption({ label: '(Vermoeden van) structurele onveiligheid' });
  await vb.getByLabel('Motivering').fill('Wapen in huis en eerdere meldingen; geen acuut gevaar na gesprek.');
  await vb.getByLabel('Getoetst door').selectOption({ label: 'Pieter Smit' });
  await vb.getByRole('button', { name: 'Veiligheidsbeoordeling vastleggen' }).click();
  await expect(evaMelding.getByTestId('melding-status')).toHaveText('Beoordeeld – besluit nemen');

  // Youssef submits on the version he loaded: he sees what Eva changed, and keeps his text.
  await form.getByRole('button', { name: 'Verzoek vastleggen' }).click();
  const conflict = form.getByTestId('conflict');
  await expect(conflict).toBeFocused();
  const lijst = conflict.getByTestId('conflict-wijzigingen');
  await expect(lijst).toContainText('Veiligheidsvlag gezet: Wapen(bezit) bekend');
  await expect(lijst).toContainText('Buurman zag een vuurwapen in huis.');
  await expect(lijst).toContainText(
    `Melding ${item.nummer}: status Ontvangen – veiligheidsbeoordeling → Beoordeeld – besluit nemen`,
  );
  await expect(lijst).toContainText(`Veiligheidsbeoordeling (${item.nummer})`);
  await expect(lijst).toContainText('door Eva Bakker (getoetst door Pieter Smit)');
  await expect(form.getByLabel('Motivering van het verzoek')).toHaveValue(/Ouders werken niet mee/);
  await expect(form.getByRole('button', { name: 'Verzoek vastleggen' })).toHaveCount(0);
  await expectAccessible(page, 'casus met versieconflict');
  await screenshot(page, '12-casus-versieconflict');

  await form.getByRole('button', { name: 'Mijn invoer opnieuw indienen op de nieuwe versie' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Raad voor de Kinderbescherming is vastgelegd' }),
  ).toBeVisible();
  await expect(page.getByTestId('tijdlijn')).toContainText(
    'Verzoek tot onderzoek aan de Raad voor de Kinderbescherming',
  );
  // The page now shows Eva's changes too.
  await expect(page.getByTestId('veiligheidsvlag')).toContainText('Wapen(bezit) bekend');
  await expect(melding.getByTestId('melding-status')).toHaveText('Beoordeeld – besluit nemen');

  // The flag marks the household in the werkvoorraad.
  await page.goto('/werkvoorraad?team=alle');
  await page.getByRole('tab', { name: /Veiligheidsbeoordeling/ }).click();
  await expect(page.getByTestId(`werkitem-${item.nummer}`).getByTestId('vlag-marker')).toHaveText(
    /Veiligheidsvlag: Wapen\(bezit\) bekend/,
  );
  await eva.context().close();
});

test('een stap die op de nieuwe versie niet meer kan: invoer weggooien', async ({ page, browser }) => {
  await login(page, 'backoffice');
  const item = await ontvangenMelding(page);
  await page.goto(`/casussen/${item.casusId}`);
  const melding = page.getByTestId(`melding-${item.nummer}`);
  await melding.getByRole('button', { name: 'Veiligheidsbeoordeling vastleggen' }).click();
  const form = melding.getByRole('form', { name: 'Veiligheidsbeoordeling vastleggen' });
  await form.getByRole('group', { name: 'Is er sprake van acute onveiligheid?' }).getByLabel('Nee').check();
  await form.getByRole('group', { name: 'Is er sprake van structurele onveiligheid?' }).getByLabel('Nee').check();
  await form.getByLabel('Uitkomst van de beoordeling').selectOption({ label: 'Eenmalige onveilige situatie' });
  await form.getByLabel('Motivering').fill('Mijn beoordeling: geen acuut gevaar.');
  await form.getByLabel('Getoetst door').selectOption({ label: 'Marieke Jansen' });

  // Eva records the beoordeling first (through the API, from her own browser session).
  const eva = await tweedeGebruiker(browser, 'backoffice2');
  const casus = await (await eva.request.get(`/api/casussen/${item.casusId}`)).json();
  const arts = (await (await eva.request.get('/api/referentie')).json()).medewerkers.find(
    (m: any) => m.naam === 'Pieter Smit',
  );
  const r = await eva.request.post(`/api/meldingen/${item.meldingId}/veiligheidsbeoordeling`, {
    data: {
      versie: casus.versie,
      acuteOnveiligheid: false,
      structureleOnveiligheid: false,
      uitkomst: 'geen_zorgen',
      motivering: 'Geen zorgen na gesprek met moeder en school.',
      bronnen: ['melder', 'school'],
      getoetstDoor: arts.id,
    },
    headers: { 'x-csrf-token': await csrf(eva) },
  });
  expect(r.status(), await r.text()).toBe(200);

  await form.getByRole('button', { name: 'Veiligheidsbeoordeling vastleggen' }).click();
  const conflict = form.getByTestId('conflict');
  await expect(conflict).toContainText(
    `Melding ${item.nummer}: status Ontvangen – veiligheidsbeoordeling → Beoordeeld – besluit nemen`,
  );
  await expect(conflict).toContainText('“Veiligheidsbeoordeling vastleggen” kan niet meer');
  await expect(form.getByRole('button', { name: 'Mijn invoer opnieuw indienen op de nieuwe versie' })).toHaveCount(0);
  await expect(form.getByLabel('Motivering')).toHaveValue('Mijn beoordeling: geen acuut gevaar.');
  await form.getByRole('button', { name: 'Mijn invoer weggooien' }).click();
  await expect(form).toHaveCount(0);
  await expect(melding.getByTestId('melding-status')).toHaveText('Beoordeeld – besluit nemen');
  await expect(melding.getByTestId('beoordeling')).toContainText('Geen zorgen na gesprek');
  // Thrown away means gone: opening the form again starts empty (on a step that is possible now).
  await expect(melding.getByRole('button', { name: 'Veiligheidsbeoordeling vastleggen' })).toHaveCount(0);
  await eva.context().close();
});

test('veiligheidsvlag: gelijktijdig gezet, de eigen keuze aangevuld en opnieuw ingediend', async ({
  page,
  browser,
}) => {
  await login(page, 'backoffice');
  const item = await ontvangenMelding(page);
  await page.goto(`/casussen/${item.casusId}`);
  await expect(page.getByTestId('geen-veiligheidsvlag')).toBeVisible();
  await page.getByRole('button', { name: 'Veiligheidsvlag zetten' }).click();
  const vlag = page.getByRole('form', { name: 'Veiligheidsvlag zetten' });
  await vlag.getByLabel('Acuut gevaar').check();
  await vlag.getByLabel('Toelichting').fill('Vader dreigde vandaag de kinderen mee te nemen.');

  const eva = await tweedeGebruiker(browser, 'backoffice2');
  const casus = await (await eva.request.get(`/api/casussen/${item.casusId}`)).json();
  const r = await eva.request.post(`/api/casussen/${item.casusId}/veiligheidsvlag`, {
    data: { versie: casus.versie, vlaggen: ['niet_alleen_op_huisbezoek'], toelichting: 'Agressief naar de wijkagent.' },
    headers: { 'x-csrf-token': await csrf(eva) },
  });
  expect(r.status(), await r.text()).toBe(200);

  await vlag.getByRole('button', { name: 'Vlag opslaan' }).click();
  const conflict = vlag.getByTestId('conflict');
  await expect(conflict).toContainText('Veiligheidsvlag gezet: Niet alleen op huisbezoek');
  await expect(conflict).toContainText('Agressief naar de wijkagent.');
  await expect(vlag.getByLabel('Acuut gevaar')).toBeChecked();
  await expectAccessible(page, 'vlagformulier met versieconflict');
  // Youssef adds Eva's flag to his own choice and submits on the new version.
  await vlag.getByLabel('Niet alleen op huisbezoek').check();
  await vlag
    .getByLabel('Toelichting')
    .fill('Vader dreigde vandaag de kinderen mee te nemen. Agressief naar de wijkagent.');
  await vlag.getByRole('button', { name: 'Mijn invoer opnieuw indienen op de nieuwe versie' }).click();
  const banner = page.getByTestId('veiligheidsvlag');
  await expect(banner).toContainText('Acuut gevaar');
  await expect(banner).toContainText('Niet alleen op huisbezoek');
  await expect(banner).toContainText('Agressief naar de wijkagent.');
  await screenshot(page, '14-casus-veiligheidsvlag');

  // Clearing the flag.
  await page.getByRole('button', { name: 'Veiligheidsvlag wijzigen' }).click();
  await page
    .getByRole('form', { name: 'Veiligheidsvlag wijzigen' })
    .getByRole('button', { name: 'Vlag weghalen' })
    .click();
  await expect(page.getByTestId('geen-veiligheidsvlag')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'De veiligheidsvlag is weggehaald.' })).toBeVisible();
  await eva.context().close();
});
