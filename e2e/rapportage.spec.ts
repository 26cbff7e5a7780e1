// Management information in the browser (issue 5): the half-year report with its charts, period and
// area choice, suppression note, CSV/XLSX downloads and printing to PDF; monitoring (with a flagged
// source), the coordination view and the CBS delivery; who sees the pages. Screenshots go to
// e2e/screenshots/r*.png (and the printed report to e2e/screenshots/r-rapportage.pdf).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, login, logout, screenshot } from './support/helpers.ts';

const SHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** Today in Amsterdam and the half-year it is in, as the page computes its default. */
function vandaag(): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}
const halfjaarVan = (d: string) => `${d.slice(0, 4)}H${Number(d.slice(5, 7)) <= 6 ? 1 : 2}`;
const vorigHalfjaar = (h: string) => (h.endsWith('H2') ? `${h.slice(0, 4)}H1` : `${Number(h.slice(0, 4)) - 1}H2`);
const naam = (h: string) => `${h.endsWith('H1') ? 'eerste' : 'tweede'} halfjaar ${h.slice(0, 4)}`;

/** Nothing in the page content is wider than the viewport (wide tables scroll in their own box). */
async function pastInBreedte(page: Page, wat: string) {
  const r = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const te = [...document.querySelectorAll<HTMLElement>('#main *')]
      .filter((el) => {
        const b = el.getBoundingClientRect();
        if (b.width === 0 || b.right <= vw + 1) return false;
        for (let p = el.parentElement; p; p = p.parentElement) if (p.classList.contains('scroll-x')) return false;
        return true;
      })
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} → ${Math.round(el.getBoundingClientRect().right)}px`,
      );
    return { vw, te };
  });
  expect.soft(r.te, `${wat}: elements wider than ${r.vw}px`).toEqual([]);
}

const hoofdnav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdnavigatie' });
const subnav = (page: Page) => page.getByRole('navigation', { name: 'Managementinformatie' });

test('beleid: halfjaarrapportage — periode en gebied, onderdrukking, downloads, afdrukken als PDF', async ({
  page,
}) => {
  const h = halfjaarVan(vandaag());
  await login(page, 'beleid');
  await hoofdnav(page).getByRole('link', { name: 'Rapportage' }).click();
  await expect(page.getByRole('heading', { name: 'Halfjaarrapportage', level: 1 })).toBeVisible();
  await expect(hoofdnav(page).getByRole('link', { name: 'Rapportage' })).toHaveAttribute('aria-current', 'page');
  const rapport = page.getByTestId('rapport');
  await expect(page.getByTestId('rapport-periode')).toContainText(naam(h));
  // Every chart is an image with a name carrying its numbers, and has its table.
  const perGemeente = page.getByTestId('figuur-fig-gemeente-aantallen');
  await expect(perGemeente.getByRole('img')).toHaveAttribute(
    'aria-label',
    /^Staafdiagram: Meldingen en adviesvragen per gemeente\. Aalsmeer: Meldingen (\d+|onderdrukt), Adviesvragen (\d+|onderdrukt); .*Amsterdam/,
  );
  await expect(perGemeente.getByRole('table')).toContainText('Uithoorn');
  await expect(rapport.getByRole('img', { name: /^Staafdiagram: Meldingen per 1\.000 huishoudens\./ })).toBeVisible();
  await expect(
    rapport.getByRole('img', { name: /^Lijndiagram: Gemiddeld aantal werkdagen tot de veiligheidsbeoordeling/ }),
  ).toBeVisible();
  await expect(rapport.getByRole('img', { name: /^Staafdiagram: Welk type geweld wordt gemeld\?/ })).toBeVisible();
  // Figures only: small cells are always suppressed for the beleidsmedewerker (at least below 5).
  await expect(page.getByTestId('onderdrukking')).toContainText(/niets onderdrukt|kleiner dan (5|10)/);
  // The running half-year stops at today: the current month is 'lopend', later months 'nog niet' (never 0).
  const maand = Number(vandaag().slice(5, 7));
  const perMaand = page.getByTestId('tabel-per-maand');
  await expect(perMaand).toContainText('(lopend');
  await expect(page.getByTestId('rapport-lopend')).toContainText('Deze periode loopt nog');
  await expect(page.getByTestId('rapport-periode')).toContainText('loopt nog');
  if (maand % 6 !== 0) {
    const later = perMaand.getByRole('row').last();
    await expect(later).toContainText('nog niet');
    await expect(later).not.toContainText(/\b0\b/);
    await expect(
      rapport.getByRole('img', { name: /^Lijndiagram: Meldingen en adviesvragen per maand\./ }),
    ).toHaveAttribute('aria-label', /: Meldingen nog niet, Adviesvragen nog niet\.$/);
  }
  await expectAccessible(page, 'halfjaarrapportage');
  await screenshot(page, 'r01-rapportage');

  // Another half-year and one gemeente: the URL keeps the choice.
  await page.getByLabel('Halfjaar', { exact: true }).selectOption(vorigHalfjaar(h));
  await page.getByLabel('Gebied', { exact: true }).selectOption({ label: 'Amsterdam' });
  await page.getByRole('button', { name: 'Rapportage tonen' }).click();
  await expect(page.getByTestId('rapport-periode')).toContainText(naam(vorigHalfjaar(h)));
  await expect(rapport).toContainText('Gemeente Amsterdam');
  expect(page.url()).toContain(`halfjaar=${vorigHalfjaar(h)}`);
  expect(page.url()).toContain('gemeente=GM0363');

  // Any date range, the whole region, small cells suppressed for publication.
  await page.getByRole('radio', { name: 'Andere periode' }).check();
  await page.getByLabel('Van', { exact: true }).fill(`${vandaag().slice(0, 4)}-01-01`);
  await page.getByLabel('Tot en met', { exact: true }).fill(vandaag());
  await page.getByLabel('Gebied', { exact: true }).selectOption({ label: 'Hele regio' });
  await page.getByLabel('Kleine aantallen', { exact: true }).selectOption('10');
  await page.getByRole('button', { name: 'Rapportage tonen' }).click();
  await expect(page.getByTestId('rapport-periode')).toContainText(`1 januari ${vandaag().slice(0, 4)} t/m`);
  await expect(page.getByTestId('onderdrukking')).toContainText('Cellen kleiner dan 10 zijn onderdrukt');
  await expect(rapport.getByRole('cell', { name: 'onderdrukt' }).first()).toBeVisible();
  await expect(perGemeente.getByRole('img')).toHaveAttribute('aria-label', /onderdrukt/);
  await expectAccessible(page, 'halfjaarrapportage met onderdrukking');
  await screenshot(page, 'r02-rapportage-onderdrukt');

  // A wrong range is refused on the page, before the server.
  await page.getByLabel('Van', { exact: true }).fill('2026-05-01');
  await page.getByLabel('Tot en met', { exact: true }).fill('2026-04-01');
  await page.getByRole('button', { name: 'Rapportage tonen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'De einddatum ligt vóór de begindatum' })).toBeVisible();
  await expectAccessible(page, 'halfjaarrapportage met fout in de periode');

  // Downloads: the existing endpoints with the same choice.
  await page.goto(`/rapportage?halfjaar=${h}`);
  await expect(page.getByTestId('rapport-periode')).toContainText(naam(h));
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
  expect(csv.suggestedFilename()).toBe(`halfjaarrapportage-${h}.csv`);
  const csvTekst = fs.readFileSync((await csv.path())!, 'utf8');
  expect(csvTekst.startsWith('\ufeffOnderdeel;Cijfer;Uitsplitsing;Maand;Gemeente;Waarde;Eenheid;Status\r\n')).toBe(
    true,
  );
  expect(csvTekst).toContain('Instroom;Meldingen;totaal;;regio;');
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toBe(`halfjaarrapportage-${h}.xlsx`);
  const xlsxData = fs.readFileSync((await xlsx.path())!);
  expect(xlsxData.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(xlsxData.length).toBeGreaterThan(2000);

  // Printing: no navigation or controls, a title header with organisation, period and date,
  // sections on their own pages.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Afdrukken of opslaan als PDF' })).toBeHidden();
  await expect(page.locator('.rapport-kop')).toContainText('Veilig Thuis');
  await expect(page.locator('.rapport-kop')).toContainText('Gemaakt op');
  await screenshot(page, 'r03-rapportage-print');
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.writeFileSync(path.join(SHOTS, 'r-rapportage.pdf'), pdf);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(30_000);
  const paginas = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  // Title and inflow, per gemeente, type/melders, beoordeling, termijnen, afhandeling, toelichting.
  expect(paginas).toBeGreaterThanOrEqual(7);
  await page.emulateMedia({ media: 'screen' });
});

test('beleid: de rapportage op 320 px en op een tablet', async ({ page }) => {
  await login(page, 'beleid');
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto('/rapportage');
  await expect(page.getByTestId('rapport')).toBeVisible();
  await pastInBreedte(page, 'rapportage 320 px');
  await screenshot(page, 'r05-rapportage-320');
  await page.goto('/monitoring');
  await expect(page.getByTestId('monitoring')).toBeVisible();
  await pastInBreedte(page, 'monitoring 320 px');
  await screenshot(page, 'r06-monitoring-320');
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto('/rapportage');
  await expect(page.getByTestId('rapport')).toBeVisible();
  await pastInBreedte(page, 'rapportage tablet');
  await screenshot(page, 'r07-rapportage-tablet');
});

test('beleid: monitoring met een signalering, en het coördinatie-overzicht', async ({ page }) => {
  await login(page, 'beleid');
  await page.goto('/rapportage');
  await subnav(page).getByRole('link', { name: 'Monitoring' }).click();
  await expect(page.getByRole('heading', { name: 'Monitoring', level: 1 })).toBeVisible();
  await expect(hoofdnav(page).getByRole('link', { name: 'Rapportage' })).toHaveAttribute('aria-current', 'page');
  const m = page.getByTestId('monitoring');
  await expect(m.getByRole('heading', { name: 'Totaal meldingen per week' })).toBeVisible();
  await expect(m.getByRole('img', { name: /^Lijndiagram met verwachte band: Totaal meldingen\./ })).toBeVisible();
  await expect(m.getByRole('img', { name: /^Lijndiagram met verwachte band: Onderwijs\./ })).toBeVisible();
  await expect(page.getByTestId('tabel-signalen')).toBeVisible();
  // The running week is shown up to today, marked, and explained.
  await expect(page.getByTestId('lopende-week')).toContainText('loopt nog');
  await expect(m.getByRole('img', { name: /^Lijndiagram met verwachte band: Totaal meldingen\./ })).toHaveAttribute(
    'aria-label',
    /tot nu, week loopt nog/,
  );
  await expect(m.getByTestId('s-bronnen-overzicht')).toContainText('Deze week tot nu');
  await expectAccessible(page, 'monitoring');
  await screenshot(page, 'r04-monitoring');

  // Another range of weeks; adviesvragen instead of meldingen (no new request needed).
  const tot = vandaag();
  const van = new Date(Date.now() - 6 * 7 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel('Van', { exact: true }).fill(van);
  await page.getByLabel('Tot en met', { exact: true }).fill(tot);
  await page.getByRole('button', { name: 'Tonen' }).click();
  await expect(page).toHaveURL(new RegExp(`van=${van}`));
  await expect(m.locator('.rapport-periode')).toContainText('t/m');
  await page.getByRole('radio', { name: 'Adviesvragen' }).check();
  await expect(m.getByRole('heading', { name: 'Totaal adviesvragen per week' })).toBeVisible();

  // A flagged source (the demo has no earlier years, so no bands): the real answer with a known
  // drop of onderwijs in the last two weeks, as in the 2020 school closures.
  await page.route('**/api/rapportage/monitoring**', async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    // The flags are in the last two complete weeks (the running week raises none).
    const n = body.periode.weken.length - (body.periode.lopend ? 1 : 0);
    for (const r of body.reeksen) {
      const onderwijs = r.sleutel === 'onderwijs' && r.soort === 'meldingen';
      r.weken = r.weken.map((w: any, i: number) => {
        if (w.lopend) return w;
        // Onderwijs usually 5–7 a week (band 1,1–10,9), 0 in the last two weeks; the rest within a wide band.
        const aantal = onderwijs ? (i >= n - 2 ? 0 : 5 + (i % 3)) : w.aantal;
        const verwacht = onderwijs
          ? { gemiddelde: 6, sd: 2.45, laag: 1.1, hoog: 10.9, jaren: 5, waarnemingen: 15 }
          : { gemiddelde: 2, sd: 2, laag: 0, hoog: Math.max(6, (w.aantal ?? 0) + 3), jaren: 5, waarnemingen: 15 };
        const afwijking = onderwijs && i >= n - 2 ? 'onder' : null;
        return { ...w, aantal, verwacht, afwijking, signaal: afwijking !== null && i === n - 1 };
      });
      r.signaleringen = onderwijs
        ? [{ vanaf: body.periode.weken[n - 2], tot: body.periode.weken[n - 1], richting: 'onder', weken: 2 }]
        : [];
    }
    body.actueleSignaleringen = [
      {
        soort: 'meldingen',
        dimensie: 'bron',
        sleutel: 'onderwijs',
        label: 'Onderwijs',
        richting: 'onder',
        sinds: body.periode.weken[n - 2],
      },
    ];
    await route.fulfill({ response: res, json: body });
  });
  await page.goto('/monitoring');
  await expect(page.getByTestId('signaleringen')).toContainText('Onderwijs');
  await expect(page.getByTestId('signaleringen')).toContainText('2 weken onder de verwachte band');
  const onderwijs = page.getByTestId('figuur-fig-s-bronnen-onderwijs');
  await expect(onderwijs).toContainText('Signaal: onderwijs: 2 weken onder de verwachte band');
  await expect(onderwijs.getByRole('img')).toHaveAttribute('aria-label', /onder de band, signaal/);
  await expect(page.getByTestId('s-bronnen-overzicht').getByRole('row', { name: /Onderwijs/ })).toContainText(
    '2 weken onder de verwachte band',
  );
  await expectAccessible(page, 'monitoring met signalering');
  await screenshot(page, 'r08-monitoring-signaal');
  await page.unroute('**/api/rapportage/monitoring**');

  await subnav(page).getByRole('link', { name: 'Coördinatie' }).click();
  await expect(page.getByRole('heading', { name: 'Coördinatie', level: 1 })).toBeVisible();
  const c = page.getByTestId('coordinatie');
  await expect(c.getByRole('img', { name: /^Lijndiagram met verwachte band: Meldingen\./ })).toBeVisible();
  await expect(c).toContainText('geen persoonsgegevens');
  await expect(c.getByTestId('lopende-week')).toContainText('loopt nog');
  await expect(c.getByRole('heading', { name: /^Deze week \(week \d+ \(\d{4}\), lopend\)/ })).toBeVisible();
  await expectAccessible(page, 'coördinatie');
  await screenshot(page, 'r09-coordinatie');
  // The CBS delivery is not offered to the beleidsmedewerker (it carries BSN).
  await expect(subnav(page).getByRole('link', { name: 'CBS-levering' })).toHaveCount(0);
});

test('teammanager: rapportage bereikbaar, geen CBS-levering; functioneel beheerder: CBS-levering samenstellen en downloaden', async ({
  page,
}) => {
  await login(page, 'manager');
  await hoofdnav(page).getByRole('link', { name: 'Rapportage' }).click();
  await expect(page.getByTestId('rapport')).toBeVisible();
  // The longest navigation (case work and Rapportage) still fits the header at 1280 px.
  const breed = await page.evaluate(() => ({
    vw: document.documentElement.clientWidth,
    sw: document.documentElement.scrollWidth,
  }));
  expect(breed.sw).toBeLessThanOrEqual(breed.vw);
  // The CBS delivery carries every client's BSN: not for one team's manager (least privilege).
  await expect(subnav(page).getByRole('link', { name: 'CBS-levering' })).toHaveCount(0);
  await logout(page);
  await login(page, 'beheer');
  await hoofdnav(page).getByRole('link', { name: 'CBS-levering' }).click();
  await expect(page.getByRole('heading', { name: 'CBS-levering', level: 1 })).toBeVisible();
  // The current protocol (v2) is proposed; its codes are not filled in yet, so it cannot be delivered.
  await expect(page.getByTestId('cbs-protocol')).toContainText('Codetabel v2-2025');
  await expect(page.getByTestId('cbs-codes-ontbreken')).toContainText('nog geen CBS-code');
  await expect(page.getByRole('button', { name: 'Levering samenstellen' })).toBeDisabled();
  await expect(page.getByTestId('cbs-v1-waarschuwing')).toHaveCount(0);
  await expectAccessible(page, 'CBS-levering v2');
  await screenshot(page, 'r10a-cbs-v2');
  // The historical v1 table delivers, with a red warning before and after.
  await page.getByLabel('Codetabel (protocolversie)').selectOption('v1-2015');
  await expect(page.getByTestId('cbs-protocol')).toContainText('Codetabel v1-2015');
  await expect(page.getByTestId('cbs-v1-waarschuwing')).toContainText('historische protocol uit 2015');
  await page.getByRole('button', { name: 'Levering samenstellen' }).click();
  const r = page.getByTestId('cbs-resultaat');
  await expect(r.getByRole('heading', { name: /^Levering .* codetabel v1-2015$/ })).toBeFocused();
  await expect(r).toContainText('Niet leverbaar');
  await expect(r.getByTestId('cbs-v1-waarschuwing')).toBeVisible();
  await expectAccessible(page, 'CBS-levering');
  await screenshot(page, 'r10-cbs');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('cbs-download').click()]);
  expect(dl.suggestedFilename()).toMatch(/^cbs-VT-AA-\d{4}H[12]-v1-2015\.txt$/);
  const inhoud = fs.readFileSync((await dl.path())!, 'latin1');
  expect(inhoud).toMatch(/^VT;VT-AA;v1-2015;\d{4}H[12];\d{8};\d+;\d+;\d+;\d+\r\n/);
});

test('behandelaar zonder rapportagerecht ziet het menu-item niet', async ({ page }) => {
  await login(page, 'backoffice');
  await expect(hoofdnav(page).getByRole('link', { name: 'Werkvoorraad' })).toBeVisible();
  await expect(hoofdnav(page).getByRole('link', { name: 'Rapportage' })).toHaveCount(0);
});
