// The casus page after the UX review (findings 3, 4, 13, 14, 16, 5): oppakken and toewijzen on the
// casus, a veiligheidsbeoordeling that offers only the outcomes its answers allow (and the flag on
// an acute outcome), irreversible steps that ask for confirmation first, the terugkoppeling moment
// that applies, no RvdK-verzoek without children, and the radar panel.
import { expect, test, type Page } from '@playwright/test';
import { csrf, expectAccessible, login, screenshot } from './support/helpers.ts';

/** Open meldingen of the own team in a process, each with its casus as the API gives it. */
async function kandidaten(page: Page, proces: string) {
  const wv = await (await page.request.get(`/api/werkvoorraad?proces=${proces}&limit=500`)).json();
  const out: Array<{ item: any; casus: any; melding: any }> = [];
  for (const item of wv.items.slice(0, 40)) {
    const casus = await (await page.request.get(`/api/casussen/${item.casusId}`)).json();
    out.push({ item, casus, melding: casus.meldingen.find((m: any) => m.id === item.meldingId) });
  }
  return out;
}

test('oppakken, een beoordeling met een passende uitkomst en de vlag, afsluiten pas na bevestigen', async ({
  page,
}) => {
  await login(page, 'backoffice');
  // An unassigned melding awaiting its beoordeling, the only open melding of its casus, no flag yet.
  const gekozen = (await kandidaten(page, 'bureaudienst')).find(
    (k) =>
      k.item.status === 'ontvangen' &&
      !k.item.behandelaar &&
      !k.casus.veiligheidsvlag?.vlaggen?.length &&
      k.casus.meldingen.filter((m: any) => m.status !== 'afgesloten').length === 1,
  );
  expect(gekozen, 'an unassigned melding in state ontvangen').toBeTruthy();
  const { item, casus } = gekozen!;
  await page.goto(`/casussen/${item.casusId}`);
  const melding = page.getByTestId(`melding-${item.nummer}`);
  await expect(page.getByRole('heading', { name: 'Radar: andere meldingen over deze personen' })).toBeVisible();

  // Oppakken from the casus page (as on the werkvoorraad).
  await expect(melding).toContainText('nog geen behandelaar');
  await melding.getByRole('button', { name: `Melding ${item.nummer} oppakken` }).click();
  await expect(melding.getByRole('status')).toContainText(`${item.nummer}: u bent nu de behandelaar.`);
  await expect(melding).toContainText('behandelaar Youssef El Idrissi');
  await expect(melding.getByRole('button', { name: `Melding ${item.nummer} oppakken` })).toHaveCount(0);

  // The uitkomst follows from the two questions.
  await melding.getByRole('button', { name: 'Veiligheidsbeoordeling vastleggen' }).click();
  const vb = melding.getByRole('form', { name: 'Veiligheidsbeoordeling vastleggen' });
  const uitkomst = vb.getByLabel('Uitkomst van de beoordeling');
  await vb.getByRole('group', { name: 'Is er sprake van acute onveiligheid?' }).getByLabel('Nee').check();
  await vb.getByRole('group', { name: 'Is er sprake van structurele onveiligheid?' }).getByLabel('Nee').check();
  await expect(uitkomst.locator('option')).toHaveText([
    '— kies —',
    'Eenmalige onveilige situatie',
    'Problemen op andere leefdomeinen',
    'Geen zorgen over veiligheid',
  ]);
  await vb.getByRole('group', { name: 'Is er sprake van structurele onveiligheid?' }).getByLabel('Ja').check();
  await expect(uitkomst).toHaveValue('structurele_onveiligheid');
  await vb.getByRole('group', { name: 'Is er sprake van acute onveiligheid?' }).getByLabel('Ja').check();
  await expect(uitkomst).toHaveValue('acute_onveiligheid');
  await expect(uitkomst.locator('option')).toHaveText(['— kies —', '(Vermoeden van) acute onveiligheid']);
  // An acute outcome offers the flag (not ticked: offered, not forced).
  const aanbod = vb.getByTestId('acuut-aanbod');
  await expect(aanbod).toContainText('Acute onveiligheid: handel direct.');
  const vlag = aanbod.getByLabel('Ook de veiligheidsvlag ‘Acuut gevaar’ op dit huishouden zetten');
  await expect(vlag).not.toBeChecked();
  await vlag.check();
  await expect(vb.getByLabel('Toelichting bij de vlag')).toHaveValue(
    `Veiligheidsbeoordeling ${item.nummer}: (vermoeden van) acute onveiligheid.`,
  );
  await vb
    .getByLabel('Motivering')
    .fill('Recent ernstig geweld in het gezin; direct handelen nodig, crisisdienst ingeschakeld.');
  await vb.getByLabel('Getoetst door').selectOption({ label: 'Eva Bakker' });
  await expectAccessible(page, 'casus met beoordelingsformulier (acuut)');
  await screenshot(page, '30-casus-beoordeling-acuut');
  await vb.getByRole('button', { name: 'Veiligheidsbeoordeling vastleggen' }).click();
  await expect(melding.getByTestId('melding-status')).toHaveText('Beoordeeld – besluit nemen');
  await expect(melding.getByRole('status')).toContainText('De veiligheidsvlag ‘Acuut gevaar’ is gezet.');
  await expect(page.getByTestId('veiligheidsvlag')).toContainText('Acuut gevaar');

  // Terugkoppeling: only "na de veiligheidsbeoordeling" applies (no onderzoek), stated rather than offered.
  await melding.getByRole('button', { name: 'Terugkoppeling aan melder vastleggen' }).click();
  const tk = melding.getByRole('form', { name: 'Terugkoppeling aan melder vastleggen' });
  await expect(tk.getByTestId('terugkoppeling-moment')).toHaveText('Moment Na de veiligheidsbeoordeling');
  await expect(tk.getByRole('radio')).toHaveCount(0);
  await tk.getByRole('button', { name: 'Annuleren' }).click();

  // Afsluiten: "geen (meer) sprake van onveiligheid" is not offered after acute onveiligheid.
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === `/api/meldingen/${item.meldingId}/afsluiten`)
      posts.push(r.url());
  });
  await melding.getByRole('button', { name: 'Afsluiten' }).click();
  const af = melding.getByRole('form', { name: 'Afsluiten' });
  const reden = af.getByLabel('Reden van afsluiten');
  await expect(reden.locator('option', { hasText: 'Geen (meer) sprake van onveiligheid' })).toHaveCount(0);
  await expect(af).toContainText('‘Geen (meer) sprake van onveiligheid’ kan hier niet');
  await reden.selectOption({ label: 'Passende hulp al aanwezig' });
  await af.getByRole('button', { name: 'Afsluiten' }).click();

  // The confirmation says what will happen; nothing is sent yet.
  const bevestiging = af.getByTestId('bevestiging');
  await expect(bevestiging).toBeFocused();
  await expect(bevestiging.getByRole('heading', { name: `Melding ${item.nummer} afsluiten?` })).toBeVisible();
  await expect(bevestiging).toContainText(`Melding ${item.nummer} en casus ${casus.nummer} worden gesloten.`);
  await expect(bevestiging).toContainText('Reden: Passende hulp al aanwezig.');
  await expect(bevestiging).toContainText(/Er (loopt|lopen) nog \d+ termijnen?: Terugkoppeling/);
  await expect(bevestiging).toContainText('Afsluiten kan niet worden teruggedraaid');
  await expect(reden).toBeDisabled();
  await expectAccessible(page, 'casus met bevestiging van afsluiten');
  await screenshot(page, '31-casus-afsluiten-bevestigen');

  // Terug: back to the form, focus on its button, still nothing sent.
  await bevestiging.getByRole('button', { name: 'Terug' }).click();
  await expect(af.getByTestId('bevestiging')).toHaveCount(0);
  await expect(af.getByRole('button', { name: 'Afsluiten' })).toBeFocused();
  await expect(reden).toBeEnabled();
  expect(posts).toEqual([]);
  await expect(melding.getByTestId('melding-status')).toHaveText('Beoordeeld – besluit nemen');

  // Bevestigen sends the step once.
  await af.getByRole('button', { name: 'Afsluiten' }).click();
  await af.getByTestId('bevestiging').getByRole('button', { name: 'Bevestigen' }).click();
  await expect(melding.getByTestId('melding-status')).toHaveText('Afgesloten');
  await expect(page.locator('.casus-header__meta')).toContainText('Gesloten');
  expect(posts).toHaveLength(1);
  await screenshot(page, '32-casus-afgesloten');
});

test('teammanager wijst toe vanaf de casus; geen verzoek aan de Raad zonder kinderen', async ({ page }) => {
  await login(page, 'manager');
  const alle = await kandidaten(page, 'veiligheidsbeoordeling');
  const zonder = alle.find(
    (k) =>
      k.melding &&
      !k.melding.metKinderen &&
      k.casus.huishouden.leden.every((l: any) => l.rol !== 'kind' && (l.leeftijd ?? 99) >= 18),
  );
  expect(zonder, 'a melding about a household without children').toBeTruthy();
  // A new melding about one of its persons at another address: another household, another casus.
  const persoon = zonder!.casus.huishouden.leden[0];
  const nieuw = await page.request.post('/api/meldingen', {
    headers: { 'x-csrf-token': await csrf(page) },
    data: {
      binnenkomst: 'politie_zorgmelding',
      melder: {
        hoedanigheid: 'politie',
        naam: 'Wijkagent R. de Boer',
        organisatie: 'Politie Amsterdam',
        telefoon: '020 555 0100',
      },
      huishouden: {
        straat: 'Plantage Middenlaan',
        huisnummer: '99',
        postcode: '1018DE',
        woonplaats: 'Amsterdam',
        gemeenteCode: 'GM0363',
      },
      regio: 'eigen',
      gemeenteCode: 'GM0363',
      betrokkenen: [{ persoonId: persoon.id, rol: 'slachtoffer' }],
      aanleiding: ['partnergeweld'],
      aard: ['psychisch_geweld'],
      omschrijving: 'Zorgmelding na een ruzie op het nieuwe adres; geen letsel.',
    },
  });
  expect(nieuw.status(), await nieuw.text()).toBe(201);
  const n = await nieuw.json();
  expect(n.casusId).not.toBe(zonder!.item.casusId);

  await page.goto(`/casussen/${zonder!.item.casusId}`);
  const melding = page.getByTestId(`melding-${zonder!.item.nummer}`);
  // The radar lists it: number, casus, status, outcome, the person — not its content.
  const rij = page.getByTestId(`radar-${n.nummer}`);
  await expect(rij).toContainText(n.casusNummer);
  await expect(rij).toContainText('Ontvangen – veiligheidsbeoordeling');
  await expect(rij).toContainText('nog niet beoordeeld');
  await expect(rij).toContainText(persoon.naam);
  await expect(page.getByTestId('casus-radar-sectie')).not.toContainText('Zorgmelding na een ruzie');
  await expect(melding.getByTestId('melding-status')).toBeVisible();
  await expect(melding).toContainText(/Huishouden met kinderen\s*nee/);
  await expect(
    melding.getByRole('button', { name: 'Verzoek tot onderzoek aan de Raad voor de Kinderbescherming' }),
  ).toHaveCount(0);
  await expect(melding.getByTestId('rvdk-niet')).toHaveText(
    'Een verzoek tot onderzoek aan de Raad voor de Kinderbescherming kan niet: dit huishouden heeft geen minderjarige kinderen.',
  );

  // Toewijzen aan a colleague (the teammanager may assign others: policy werkvoorraad_toewijzen).
  const toewijzen = melding.getByTestId('toewijzen');
  const ander = zonder!.melding.behandelaar?.naam === 'Eva Bakker' ? 'Youssef El Idrissi' : 'Eva Bakker';
  await toewijzen.getByLabel('Toewijzen aan').selectOption({ label: ander });
  await toewijzen.getByRole('button', { name: 'Toewijzen' }).click();
  await expect(melding.getByRole('status')).toContainText(`${zonder!.item.nummer}: toegewezen aan ${ander}.`);
  await expect(melding).toContainText(`behandelaar ${ander}`);
  await expectAccessible(page, 'casus van de teammanager');
  await screenshot(page, '33-casus-teammanager-toewijzen');
  // At phone width the radar and the assignment controls stay usable.
  await page.setViewportSize({ width: 390, height: 844 });
  const knop = toewijzen.getByRole('button', { name: 'Toewijzen' });
  await knop.scrollIntoViewIfNeeded();
  await expect(knop).toBeInViewport();
  // Within the screen's width: nothing of it hidden to the right.
  const box = (await knop.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await screenshot(page, '34-casus-teammanager-390');
});
