import { describe, expect, it } from 'vitest';
import { colorFor, STUNTING_PREVALENCE } from '../../web/map/classes.ts';
import { COVERAGE } from '../../web/map/classify.ts';
import { LAYER, PALETTE } from '../../web/map/style.ts';
import { expectColour, hexToRgb, type MapPage, mapPageForFile, near, type Page, type Rgb } from '../support/browser.ts';

/**
 * The map in headless Chromium against the real server and the shipped data: colours a user sees,
 * legend, source line, tooltip, drill-down into a province, URL state across reload and history.
 * Screenshots go to tests/artifacts/ (git-ignored) for a human to look at.
 */

const PERIOD = '2022';
const NTT = '53';
const BALI = '51';

let m: MapPage;
let page: Page;

mapPageForFile((opened) => {
  m = opened;
  page = opened.page;
});

describe('peta stunting in a browser', () => {
  it('paints provinces by class, with legend, source line and tooltip', async () => {
    await page.goto(`${m.url}/?level=provinsi&region=ID&indicator=prevalensi_stunting&period=${PERIOD}`);
    await m.waitForMap(LAYER.fill('provinsi'));

    const rendered = await m.renderedKodes(LAYER.fill('provinsi'));
    expect(rendered).toContain(NTT);
    expect(rendered).toContain(BALI);

    const [nttValue, baliValue] = [await m.valueOf('provinsi', NTT), await m.valueOf('provinsi', BALI)];
    expect(nttValue).toBe(35.3);
    expect(baliValue).not.toBeNull();
    const nttPoint = await m.toScreen(await m.labelPoint(NTT));
    const baliPoint = await m.toScreen(await m.labelPoint(BALI));
    const [ntt, bali] = await m.pixels([nttPoint, baliPoint], 'browser-provinsi-2022.png');

    // Each province shows the colour of its own class, and the two classes differ.
    expectColour(ntt, colorFor(nttValue as number, STUNTING_PREVALENCE), `NTT (${nttValue}%)`);
    expectColour(bali, colorFor(baliValue as number, STUNTING_PREVALENCE), `Bali (${baliValue}%)`);
    expect(near(ntt as Rgb, bali as Rgb, 30)).toBe(false);

    const legend = page.getByRole('list', { name: 'Legenda' });
    await expect.poll(() => legend.isVisible()).toBe(true);
    const legendText = await legend.innerText();
    expect(legendText).toContain('≥ 35');
    expect(legendText).toContain('Tidak ada data');
    // The panel's source line; the export figure's caption (web/export/figure.ts) repeats it further down.
    await expect.poll(() => page.getByText(`Sumber: SSGI ${PERIOD}, Kemenkes`).first().isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole('radio', { name: PERIOD }).isChecked()).toBe(true);

    await page.mouse.move(nttPoint.x, nttPoint.y);
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor({ state: 'visible' });
    const tooltipText = await tooltip.innerText();
    expect(tooltipText).toContain('Nusa Tenggara Timur');
    expect(tooltipText).toContain('35,3%');
    await m.screenshot('browser-provinsi-hover.png');
    await page.mouse.move(1, 1);
  });

  it('switches the year from the year selector', async () => {
    // Bali: 8,0% in 2022 and 10,9% in 2021, on either side of the 10% break.
    const bali2021 = await m.valueOf('provinsi', BALI, undefined, '2021');
    expect(bali2021).not.toBeNull();
    expect(colorFor(bali2021 as number, STUNTING_PREVALENCE)).not.toBe(
      colorFor((await m.valueOf('provinsi', BALI)) as number, STUNTING_PREVALENCE),
    );
    await page.getByRole('radio', { name: '2021' }).check();
    await page.waitForURL((url) => url.searchParams.get('period') === '2021');
    await m.waitForMap(LAYER.fill('provinsi'));
    const baliPoint = await m.toScreen(await m.labelPoint(BALI));
    const expected = hexToRgb(colorFor(bali2021 as number, STUNTING_PREVALENCE));
    await expect
      .poll(async () => near((await m.pixels([baliPoint], 'browser-provinsi-2021.png'))[0] as Rgb, expected), { timeout: 15_000 })
      .toBe(true);
    await expect.poll(() => page.getByText('Sumber: SSGI 2021, Kemenkes').first().isVisible(), { timeout: 15_000 }).toBe(true);

    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('period') === PERIOD);
    expect(await page.getByRole('radio', { name: PERIOD }).isChecked()).toBe(true);
    await m.waitForMap(LAYER.fill('provinsi'));
  });

  // Colours are sampled at regions' label points, where the map also writes region names (on by default
  // below the provinces; navigation.test.ts checks they are drawn). Those checks turn names off with
  // `labels=0`, which drilling down keeps, so that a pixel of text is not mistaken for the region's colour.
  it('drills down into a province, keeps it in the URL across reload, and goes back to Indonesia', async () => {
    await page.goto(`${m.url}/?level=provinsi&region=ID&indicator=prevalensi_stunting&period=${PERIOD}&labels=0`);
    await m.waitForMap(LAYER.fill('provinsi'));
    const nttPoint = await m.toScreen(await m.labelPoint(NTT));
    await page.mouse.click(nttPoint.x, nttPoint.y);
    await page.waitForURL((url) => url.searchParams.get('level') === 'kabkota' && url.searchParams.get('region') === NTT);
    expect(new URL(page.url()).searchParams.get('period')).toBe(PERIOD);
    expect(new URL(page.url()).searchParams.get('labels')).toBe('0');
    await m.waitForMap(LAYER.fill('kabkota'), `${NTT}.`);

    const checkKabkota = async (screenshot: string) => {
      const kodes = await m.renderedKodes(LAYER.fill('kabkota'));
      expect(kodes.length).toBeGreaterThanOrEqual(20); // NTT has 22 kab/kota, all inside the view
      expect(kodes.every((k) => k.startsWith(`${NTT}.`))).toBe(true);
      const breadcrumb = page.getByRole('navigation', { name: 'Wilayah' });
      expect(await breadcrumb.getByRole('link', { name: 'Indonesia' }).isVisible()).toBe(true);
      expect(await breadcrumb.innerText()).toContain('Nusa Tenggara Timur');

      // Sikka (53.07) has a published 2022 figure; Timor Tengah Utara (53.03 in Kepmendagri 2025) has none: hatched.
      const sikka = await m.valueOf('kabkota', '53.07', NTT);
      expect(sikka).not.toBeNull();
      expect(await m.valueOf('kabkota', '53.03', NTT)).toBeNull();
      const points = [await m.toScreen(await m.labelPoint('53.07')), await m.toScreen(await m.labelPoint('53.03'))];
      const [sikkaPixel, ttsPixel] = await m.pixels(points, screenshot);
      expectColour(sikkaPixel, colorFor(sikka as number, STUNTING_PREVALENCE), `Sikka (${sikka}%)`);
      const hatch = [PALETTE.noDataStripe, PALETTE.noDataBackground].map(hexToRgb);
      expect(hatch.some((c) => near(ttsPixel as Rgb, c, 12))).toBe(true);
    };
    await checkKabkota('browser-kabkota-53.png');

    await page.reload();
    await m.waitForMap(LAYER.fill('kabkota'), `${NTT}.`);
    expect(new URL(page.url()).searchParams.get('region')).toBe(NTT);
    await checkKabkota('browser-kabkota-53-reloaded.png');

    await page.getByRole('navigation', { name: 'Wilayah' }).getByRole('link', { name: 'Indonesia' }).click();
    await page.waitForURL((url) => url.searchParams.get('level') === 'provinsi');
    await m.waitForMap(LAYER.fill('provinsi'));
    expect(await m.renderedKodes(LAYER.fill('provinsi'))).toContain(BALI);

    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('region') === NTT);
    await m.waitForMap(LAYER.fill('kabkota'), `${NTT}.`);
  });

  it('drills from Indonesia to the desa of one kecamatan by clicking, with URL and breadcrumbs at each step', async () => {
    // Without names: the next test samples a desa's colour at its label point.
    await page.goto(`${m.url}/?level=provinsi&region=ID&indicator=prevalensi_stunting&period=${PERIOD}&labels=0`);
    await m.waitForMap(LAYER.fill('provinsi'));
    expect(await m.breadcrumbText()).toBe('Indonesia');

    const steps = [
      { click: BALI, level: 'kabkota', crumbs: 'Indonesia › Bali' },
      { click: '51.71', level: 'kecamatan', crumbs: 'Indonesia › Bali › Kota Denpasar' },
      { click: '51.71.01', level: 'desa', crumbs: 'Indonesia › Bali › Kota Denpasar › Denpasar Selatan' },
    ] as const;
    for (const step of steps) {
      await m.clickRegion(step.click);
      await page.waitForURL((url) => url.searchParams.get('region') === step.click);
      const url = new URL(page.url());
      expect(url.searchParams.get('level')).toBe(step.level);
      expect(url.searchParams.get('indicator')).toBe('prevalensi_stunting');
      await m.waitForMap(LAYER.fill(step.level), `${step.click}.`);
      expect(await m.breadcrumbText()).toBe(step.crumbs);
      // every ancestor is a link
      const links = page.getByRole('navigation', { name: 'Wilayah' }).getByRole('link');
      expect(await links.count()).toBe(step.crumbs.split('›').length - 1);
    }
    // Prevalence is not reported per desa: the page says so, and the desa are drawn as "tidak ada data".
    expect(await page.getByRole('status').innerText()).toContain('tidak tersedia per desa/kelurahan');
    const desa = await m.renderedKodes(LAYER.fill('desa'));
    expect(desa.length).toBeGreaterThanOrEqual(8); // Denpasar Selatan has 10 desa/kelurahan
    await m.screenshot('browser-desa-51.71.01-prevalensi.png');

    // Back goes up one level, forward down again.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('region') === '51.71');
    await m.waitForMap(LAYER.fill('kecamatan'), '51.71.');
    expect(await m.breadcrumbText()).toBe('Indonesia › Bali › Kota Denpasar');
    await m.screenshot('browser-kecamatan-51.71.png');
    await page.goForward();
    await page.waitForURL((url) => url.searchParams.get('region') === '51.71.01');
    await m.waitForMap(LAYER.fill('desa'), '51.71.01.');
  });

  it('switches to a coverage indicator from the keyboard and labels its demonstration data', async () => {
    // Tab from the top of the page to the indicator picker, then arrow down to the next indicator.
    await page.locator('body').focus();
    const picker = page.getByLabel('Indikator');
    for (let i = 0; i < 15 && !(await picker.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
    }
    expect(await picker.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await picker.inputValue()).toBe('prevalensi_stunting');
    await page.keyboard.press('ArrowDown');
    await page.waitForURL((url) => url.searchParams.get('indicator') === 'IH-1');
    const url = new URL(page.url());
    expect([url.searchParams.get('level'), url.searchParams.get('region')]).toEqual(['desa', '51.71.01']);
    expect(url.searchParams.get('labels')).toBe('0');
    await m.waitForMap(LAYER.fill('desa'), '51.71.01.');

    // The legend carries the demonstration notice, and the classes are the coverage ones.
    const notice = page.getByRole('note').filter({ hasText: 'DATA DEMONSTRASI — bukan data nyata' });
    await expect.poll(() => notice.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole('list', { name: 'Legenda' }).innerText()).toContain('≥ 90');

    // A desa (Serangan) is painted in its coverage class, and its tooltip says the figure is demonstration data.
    const kode = '51.71.01.1001';
    const period = await page.getByRole('radio', { checked: true }).inputValue();
    const value = await m.valueOf('desa', kode, '51.71.01', period, 'IH-1');
    expect(value).not.toBeNull();
    const point = await m.toScreen(await m.labelPoint(kode));
    const [pixel] = await m.pixels([point], 'browser-desa-51.71.01-IH-1.png');
    expectColour(pixel, colorFor(value as number, COVERAGE), `desa ${kode} (${value}%)`);
    await page.mouse.move(point.x, point.y);
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor({ state: 'visible' });
    const text = await tooltip.innerText();
    expect(text).toContain('Desa/kelurahan');
    expect(text).toContain('DATA DEMONSTRASI — bukan data nyata');
    expect(text).toMatch(/\d+ dari \d+/);
    await m.screenshot('browser-desa-51.71.01-IH-1-hover.png');
    await page.mouse.move(1, 1);
  });

  it('names the desa that have a value but no boundary', async () => {
    await page.goto(`${m.url}/?level=desa&region=96.01.05&indicator=IH-1&period=2024`);
    await m.waitForMap(LAYER.fill('desa'), '96.01.05.');
    const note = page.getByRole('note').filter({ hasText: 'tanpa batas wilayah' });
    await note.waitFor({ state: 'visible' });
    expect(await note.innerText()).toContain('Malagusa');
  });

  it('fits a 360 px wide phone', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${m.url}/?level=provinsi&region=ID&indicator=prevalensi_stunting&period=${PERIOD}`);
    await m.waitForMap(LAYER.fill('provinsi'));
    await m.screenshot('browser-phone-360.png');
    // Nothing overflows sideways, and the year choice and legend are on screen without scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    for (const locator of [page.getByRole('radio', { name: '2021' }), page.getByRole('list', { name: 'Legenda' })]) {
      const box = await locator.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.y ?? 999) + (box?.height ?? 0)).toBeLessThanOrEqual(740);
    }
    const mapBox = await page.getByRole('region', { name: 'Peta', exact: true }).boundingBox();
    expect(mapBox?.height ?? 0).toBeGreaterThan(300);

    await page.goto(`${m.url}/?level=desa&region=51.71.01&indicator=IH-1&period=2024`);
    await m.waitForMap(LAYER.fill('desa'), '51.71.01.');
    await m.screenshot('browser-phone-360-desa-IH-1.png');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expect.poll(() => page.getByRole('note').filter({ hasText: 'DATA DEMONSTRASI' }).isVisible(), { timeout: 15_000 }).toBe(true);
  });
});
