// Intake checks of the UX review (22-11-2026): a new person who is already known ("Bedoelt u …?"),
// the hermelding stated as a fact with the radar of the address, the ontvangstmoment, the melder
// who must be known, and adviesvragen without identifying data that can be closed later.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, login, screenshot } from './support/helpers.ts';

interface Kandidaat {
  id: number;
  naam: string;
  geboortedatum: string | null;
  huishoudens: Array<{ id: number }>;
}

/** A demo person with a full date of birth whose household has an open casus. */
async function bekendePersoonMetOpenCasus(page: Page): Promise<{ k: Kandidaat; casusNummer: string }> {
  for (const naam of ['Jansen', 'de Jong', 'Bakker', 'Visser', 'Yilmaz', 'Smit']) {
    const { kandidaten } = await (await page.request.get(`/api/personen?naam=${encodeURIComponent(naam)}`)).json();
    for (const k of kandidaten as Kandidaat[]) {
      if (!k.geboortedatum || k.geboortedatum.endsWith('00') || !k.huishoudens.length || k.naam.split(' ').length !== 2)
        continue;
      const h = await (await page.request.get(`/api/intake/huishouden?persoonIds=${k.id}`)).json();
      if (h.huishouden?.openCasus) return { k, casusNummer: h.huishouden.openCasus.nummer };
    }
  }
  throw new Error('geen demo-persoon met open casus gevonden');
}

/** Today's date in Amsterdam minus `dagen`, as dd-mm-jjjj. */
function amsterdamDatum(dagen = 0): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('nl-NL', {
      timeZone: 'Europe/Amsterdam',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
      .formatToParts(new Date(Date.now() - dagen * 86_400_000))
      .map((x) => [x.type, x.value]),
  );
  return `${p.day}-${p.month}-${p.year}`;
}

test('nieuwe persoon die al bekend is: "Bedoelt u …?", koppelen, hermelding als feit, ontvangstmoment en verplichte melder', async ({
  page,
}) => {
  await login(page, 'bureau');
  await page.goto('/meldingen/nieuw');
  await expect(page.getByRole('heading', { name: 'Nieuwe melding', level: 1 })).toBeVisible();
  const { k, casusNummer } = await bekendePersoonMetOpenCasus(page);
  const [voornaam, achternaam] = k.naam.split(' ') as [string, string];

  // Ontvangen op: prefilled with now (Amsterdam time).
  await expect(page.getByLabel('Datum', { exact: true })).toHaveValue(amsterdamDatum());
  await expect(page.getByLabel('Tijd', { exact: true })).toHaveValue(/^\d{2}:\d{2}$/);

  // Entered as a new person, without searching first, and with a typo in the surname (a letter left out).
  await page.getByRole('button', { name: 'Nieuwe persoon toevoegen' }).click();
  const p = page.getByTestId('betrokkene').nth(0);
  await p.getByLabel('Voornamen').fill(voornaam);
  await p.getByLabel('Achternaam').fill(achternaam.length >= 5 ? achternaam.slice(0, -1) : achternaam);
  await p.getByLabel('Geboortedatum').fill(k.geboortedatum!);
  await p.getByLabel('Rol in de melding').selectOption({ label: 'Slachtoffer' });
  const dubbel = p.getByTestId('dubbel-kandidaten');
  await expect(dubbel).toContainText('Bedoelt u deze persoon?');
  // Why it matched, in the words of the search.
  await expect(dubbel.getByTestId('dubbel-kandidaat').filter({ hasText: k.naam })).toContainText(
    'geboortedatum gelijk',
  );
  await expect(dubbel.getByTestId('dubbel-kandidaat').filter({ hasText: k.naam })).toContainText(
    `open casus ${casusNummer}`,
  );
  await screenshot(page, '30-intake-bedoelt-u');
  await expectAccessible(page, 'intake met "Bedoelt u …?"');
  await page.setViewportSize({ width: 390, height: 844 });
  // At phone width the candidate and its Koppelen button stay on screen (no sideways scrolling).
  const koppelen = dubbel.getByRole('button', { name: `${k.naam} koppelen in plaats van nieuwe persoon 1` });
  await koppelen.scrollIntoViewIfNeeded();
  const box = (await koppelen.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await screenshot(page, '30-intake-bedoelt-u-390');
  await page.setViewportSize({ width: 1280, height: 800 });

  // "Toch nieuwe persoon" can be undone; submitting while the question is open is refused.
  await dubbel.getByRole('button', { name: /Toch nieuwe persoon/ }).click();
  await expect(p.getByTestId('dubbel-bevestigd')).toContainText(`niet ${k.naam}`);
  await p.getByRole('button', { name: 'Ongedaan maken' }).click();
  await page.getByRole('button', { name: 'Melding registreren' }).click();
  const samenvatting = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
  await expect(samenvatting).toContainText('Deze persoon lijkt al bekend');

  // Koppelen: the known person takes the new one's place, with the role kept.
  await dubbel.getByRole('button', { name: `${k.naam} koppelen in plaats van nieuwe persoon 1` }).click();
  const gekoppeld = page.getByTestId('betrokkene').nth(0);
  await expect(gekoppeld.locator('legend')).toContainText(`${k.naam} (gekoppeld)`);
  await expect(gekoppeld.getByLabel('Rol in de melding')).toBeFocused();
  await expect(gekoppeld.getByLabel('Rol in de melding')).toHaveValue('slachtoffer');
  await expect(page.getByTestId('betrokkene')).toHaveCount(1);

  // The household: its open casus is stated as a fact; the radar lists earlier meldingen.
  await expect(
    page
      .getByRole('group', { name: 'Over welk huishouden gaat de melding?' })
      .getByLabel('Huishouden van de gekoppelde persoon'),
  ).toBeChecked();
  await expect(page.getByTestId('huishouden-status')).toContainText(
    `Open casus ${casusNummer} – deze melding wordt een hermelding.`,
  );
  await expect(page.getByTestId('radar').getByTestId('radar-melding').first()).toBeVisible();
  await expect(page.getByText('Heeft dit huishouden een open casus')).toHaveCount(0);

  // The melder must be known: name, and organisation or contact.
  await page.getByLabel('Hoedanigheid melder').selectOption({ label: 'Politie' });
  await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Amsterdam' });
  await page.getByRole('group', { name: 'Aanleiding' }).getByLabel('(Ex-)partnergeweld').check();
  await page
    .getByLabel('Omschrijving')
    .fill('Nachtelijke zorgmelding: politie ter plaatse na geschreeuw, melding pas in de ochtend geregistreerd.');
  await page.getByRole('button', { name: 'Melding registreren' }).click();
  await expect(samenvatting).toContainText('Naam melder: Naam van de melder is verplicht');
  await expect(samenvatting).toContainText(
    'Organisatie melder: Vul de organisatie van de melder in, of een telefoonnummer of e-mailadres',
  );
  await expect(page.getByLabel('Naam melder')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Naam melder').fill('Meldkamer politie, agent J. Bos');
  await page.getByLabel('Organisatie', { exact: true }).fill('Politie Amsterdam');

  // Received yesterday evening, registered now: the clock starts at receipt.
  await page.getByLabel('Datum', { exact: true }).fill(amsterdamDatum(1));
  await page.getByLabel('Tijd', { exact: true }).fill('23:10');
  await expect(page.getByTestId('ontvangen-afwijking')).toContainText('uur vóór nu');
  await screenshot(page, '31-intake-hermelding-ontvangen-op');
  await expectAccessible(page, 'intake met hermelding, radar en ontvangstmoment');
  await page.getByRole('button', { name: 'Melding registreren' }).click();

  const flash = page.getByRole('status').filter({ hasText: 'is geregistreerd in casus' });
  await expect(flash).toContainText(`casus ${casusNummer}`);
  await expect(flash).toContainText('Hermelding: ja');
  const nummer = /Melding (ML\d+)/.exec(await flash.innerText())![1]!;
  const tijdlijn = page.getByTestId('tijdlijn');
  await expect(tijdlijn.getByRole('listitem').filter({ hasText: `Melding ${nummer} ontvangen` })).toContainText(
    `${amsterdamDatum(1)} 23:10`,
  );
  await expect(tijdlijn).toContainText(`Melding ${nummer} geregistreerd`);
});

test('een ontvangstmoment in de toekomst wordt geweigerd', async ({ page }) => {
  await login(page, 'bureau');
  await page.goto('/meldingen/nieuw');
  await page.getByLabel('Datum', { exact: true }).fill(amsterdamDatum(-2));
  await page.getByRole('button', { name: 'Melding registreren' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Er is een probleem' })).toContainText(
    'Ontvangen op (datum): Het ontvangstmoment ligt in de toekomst',
  );
});

test('adviesvraag: geen BSN, adres of geboortedatum; een open adviesvraag later afsluiten', async ({ page }) => {
  await login(page, 'bureau');
  await page.goto('/adviesvragen');
  await expect(page.getByRole('heading', { name: 'Adviesvraag registreren', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'Adviesvraag registreren' });
  await form.getByLabel('Hoedanigheid adviesvrager').selectOption({ label: 'Buurtbewoner' });
  await form.getByLabel('Gemeente').selectOption({ label: 'Amsterdam' });
  await form.getByRole('group', { name: 'Aanleiding' }).getByLabel('(Ex-)partnergeweld').check();
  await form
    .getByLabel('Vraag van de adviesvrager')
    .fill('Buurvrouw Fatima de Groot (Kastanjelaan 4, 1234 AB, BSN 123456782) wordt geslagen, wat kan ik doen?');
  await form.getByLabel('Gegeven advies').fill('Uitgelegd wat zij kan doen; bij acuut gevaar 112 bellen.');
  await form.getByLabel('Adviesvraag afsluiten').uncheck();
  await form.getByRole('button', { name: 'Adviesvraag registreren' }).click();
  const fout = page.locator('#f-vraag-error');
  await expect(fout).toContainText('een BSN (eindigend op 782) en een postcode met huisnummer (1234 AB)');
  await expect(fout).toContainText(
    'een adviesvraag bevat geen gegevens waarmee personen te herkennen zijn; registreer een melding als dat nodig is',
  );
  await screenshot(page, '32-adviesvraag-identificerend');

  await form
    .getByLabel('Vraag van de adviesvrager')
    .fill('Buurvrouw hoort vaak geschreeuw bij de buren en twijfelt wat zij kan doen.');
  await form.getByRole('button', { name: 'Adviesvraag registreren' }).click();
  const bevestiging = page.getByRole('status').filter({ hasText: /Adviesvraag AD\d+ is geregistreerd/ });
  const nummer = /AD\d+/.exec(await bevestiging.innerText())![0];
  const kaart = page.getByTestId('adviesvragen').getByRole('listitem').filter({ hasText: nummer });
  await expect(kaart).toContainText('Open');

  await kaart.getByRole('button', { name: `Adviesvraag ${nummer} afsluiten` }).click();
  const afsluiten = kaart.getByRole('form', { name: `Adviesvraag ${nummer} afsluiten` });
  await expect(afsluiten.getByLabel('Gegeven advies (definitief)')).toBeFocused();
  await expectAccessible(page, 'adviesvraag afsluiten');
  await afsluiten
    .getByLabel('Gegeven advies (definitief)')
    .fill('Teruggebeld op 1-2-1990: zij heeft de wijkagent ingeschakeld.');
  await afsluiten.getByRole('button', { name: 'Adviesvraag afsluiten' }).click();
  await expect(afsluiten).toContainText('een geboortedatum (1-2-1990)');
  await afsluiten.getByLabel('Gegeven advies (definitief)').fill('Teruggebeld: zij heeft de wijkagent ingeschakeld.');
  await afsluiten.getByRole('button', { name: 'Adviesvraag afsluiten' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Adviesvraag ${nummer} is afgesloten.` })).toBeVisible();
  await expect(page.getByTestId('adviesvragen').getByRole('listitem').filter({ hasText: nummer })).toContainText(
    'Afgesloten',
  );
});
