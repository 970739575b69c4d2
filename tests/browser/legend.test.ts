import { describe, expect, it } from 'vitest';
import { changeValues } from '../../web/map/change.ts';
import { classIndex, colorFor, fadedColor, type Classification } from '../../web/map/classes.ts';
import { classify, type ClassifiedIndicator } from '../../web/map/classify.ts';
import { BELOW_TARGET } from '../../web/map/palettes.ts';
import { LAYER } from '../../web/map/style.ts';
import type { ClassMethod } from '../../web/state/view.ts';
import { expectColour, hexToRgb, type MapPage, mapPageForFile, near, type Page, type Rgb } from '../support/browser.ts';

/**
 * The legend and its controls in headless Chromium against the real server: switching the
 * classification from the UI changes the URL, the legend and the map alike; breaks typed by hand;
 * the "belum mencapai target" view; the histogram; pointing at a class; play; change mode.
 * Screenshots go to tests/artifacts/legend-*.png.
 */

const NTT = '53';
const BALI = '51';
const PREVALENCE: ClassifiedIndicator = {
  id: 'prevalensi_stunting',
  kind: 'survey_percent',
  direction: 'lower',
  unit: '%',
  categories: null,
  target: 14,
};

let m: MapPage;
let page: Page;

mapPageForFile((opened) => {
  m = opened;
  page = opened.page;
});

async function provinceValues(period: string): Promise<Map<string, number>> {
  const body = await m.api<{ values: Record<string, { value: number }> }>(
    `/api/values?indicator=prevalensi_stunting&period=${period}&level=provinsi`,
  );
  return new Map(Object.entries(body.values).map(([k, v]) => [k, v.value]));
}

/** The classes the page should draw, computed the way the page does from the same API answer. */
function expectedClasses(values: ReadonlyMap<string, number>, method: ClassMethod, change = false, breaks: number[] | null = null) {
  return classify({ indicator: PREVALENCE, values: values.values(), method, breaks, change }).classification;
}

const legendList = () => page.getByRole('list', { name: 'Legenda' });
const classButtons = () => legendList().getByRole('button', { name: /^Sorot wilayah kelas/ });
const methodSelect = () => page.getByLabel('Cara membagi kelas');

/** The colours of the legend's swatches, as the screen shows them. */
async function swatchColours(): Promise<Rgb[]> {
  return classButtons().evaluateAll((buttons) =>
    buttons.map((b) => {
      const swatch = b.querySelector('[aria-hidden="true"]');
      const rgb = swatch ? getComputedStyle(swatch).backgroundColor : '';
      return (rgb.match(/\d+/g) ?? []).slice(0, 3).map(Number) as [number, number, number];
    }),
  );
}

async function points(...kodes: string[]) {
  return Promise.all(kodes.map(async (k) => m.toScreen(await m.labelPoint(k))));
}

/** Waits until the map has drawn and a province shows the expected colour. */
async function waitForColour(kode: string, hex: string, name: string) {
  const [point] = await points(kode);
  await expect
    .poll(async () => near((await m.pixels([point as { x: number; y: number }], name))[0] as Rgb, hexToRgb(hex)), { timeout: 20_000 })
    .toBe(true);
}

/** Each province's pixel has the colour of its class, and that colour is the legend's swatch for the class. */
async function expectMapMatchesLegend(values: ReadonlyMap<string, number>, classes: Classification, screenshot: string) {
  const kodes = [NTT, BALI];
  const pixels = await m.pixels(await points(...kodes), screenshot);
  const swatches = await swatchColours();
  expect(swatches).toHaveLength(classes.colors.length);
  kodes.forEach((kode, i) => {
    const value = values.get(kode) as number;
    const index = classIndex(value, classes.breaks);
    expectColour(pixels[i], classes.colors[index] as string, `${kode} (${value}) on the map`);
    expectColour(swatches[index], classes.colors[index] as string, `legend swatch of class ${index}`, 2);
  });
}

describe('legend and classification in a browser', () => {
  it('switches the method from the UI: URL, legend and region colours change together', async () => {
    await page.goto(`${m.url}/?level=provinsi&region=ID&indicator=prevalensi_stunting&period=2022`);
    await m.waitForMap(LAYER.fill('provinsi'));
    const values = await provinceValues('2022');
    await expect.poll(() => legendList().innerText()).toContain('≥ 35');
    const autoRows = await legendList().innerText();

    for (const [method, name] of [
      ['quantile', 'Kuantil'],
      ['equal', 'Interval sama'],
      ['jenks', 'Natural breaks'],
    ] as const) {
      await methodSelect().selectOption(method);
      await page.waitForURL((url) => url.searchParams.get('classes') === method);
      const classes = expectedClasses(values, method);
      await expect.poll(() => page.getByRole('region', { name: 'Prevalensi stunting balita (%)', exact: true }).innerText()).toContain(name);
      await m.waitForMap(LAYER.fill('provinsi'));
      await waitForColour(NTT, colorFor(values.get(NTT) as number, classes), `legend-${method}.png`);
      // The legend follows the map by a frame (web/state/use-after-map-frame.ts).
      await expect.poll(() => legendList().innerText()).not.toBe(autoRows);
      await expect.poll(() => classButtons().count()).toBe(classes.colors.length);
      await expectMapMatchesLegend(values, classes, `legend-${method}.png`);
    }
    // Equal intervals on round numbers: 10, 20, 30 for 8,0 to 35,3.
    await methodSelect().selectOption('equal');
    await page.waitForURL((url) => url.searchParams.get('classes') === 'equal');
    await expect.poll(() => legendList().innerText()).toContain('20 – < 30');
    // Back returns to the previous method.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('classes') === 'jenks');
    expect(await methodSelect().inputValue()).toBe('jenks');
  });

  it('takes breaks typed by hand, with a decimal comma, and says what is wrong with bad ones', async () => {
    await page.goto(`${m.url}/?level=provinsi&region=ID&indicator=prevalensi_stunting&period=2022`);
    await m.waitForMap(LAYER.fill('provinsi'));
    await methodSelect().selectOption('manual');
    const field = page.getByLabel('Batas kelas');
    await field.waitFor({ state: 'visible' });
    // Starting from the breaks on screen (the WHO scheme's), in Indonesian number format.
    await page.waitForURL((url) => url.searchParams.get('classes') === 'manual');
    expect(await field.inputValue()).toBe('10; 14; 20; 25; 30; 35');

    await field.fill('sepuluh; 20');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'bukan angka' });
    await alert.waitFor({ state: 'visible' });
    expect(await alert.innerText()).toContain('“sepuluh” bukan angka');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(new URL(page.url()).searchParams.get('breaks')).toBe('10,14,20,25,30,35');

    await field.fill('10,20,30');
    await field.press('Enter');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'titik koma' }).isVisible()).toBe(true);

    await field.fill('30; 12,5; 20; 12,5');
    await field.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('breaks') === '12.5,20,30');
    await expect.poll(() => legendList().innerText()).toContain('12,5 – < 20');
    expect(await page.getByRole('status').filter({ hasText: 'Batas diurutkan' }).isVisible()).toBe(true);
    expect(await field.inputValue()).toBe('12,5; 20; 30');
    const values = await provinceValues('2022');
    const classes = expectedClasses(values, 'manual', false, [12.5, 20, 30]);
    await m.waitForMap(LAYER.fill('provinsi'));
    await waitForColour(NTT, colorFor(values.get(NTT) as number, classes), 'legend-manual.png');
    await expectMapMatchesLegend(values, classes, 'legend-manual.png');

    // A shared link with the breaks shows the same legend.
    await page.reload();
    await m.waitForMap(LAYER.fill('provinsi'));
    expect(await page.getByLabel('Batas kelas').inputValue()).toBe('12,5; 20; 30');
  });

  it('shows the regions not yet at the target in one click, and the diverging target scale', async () => {
    await page.goto(`${m.url}/?level=provinsi&region=ID&indicator=prevalensi_stunting&period=2022`);
    await m.waitForMap(LAYER.fill('provinsi'));
    const button = page.getByRole('button', { name: 'Sorot yang belum mencapai target' });
    await button.click();
    await page.waitForURL((url) => url.searchParams.get('classes') === 'below');
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => legendList().innerText()).toContain('belum mencapai target');
    await m.waitForMap(LAYER.fill('provinsi'));
    // NTT (35,3%) is above the 14% target: strong red; Bali (8,0%) has reached it: muted.
    await waitForColour(NTT, BELOW_TARGET.bad, 'legend-below-target.png');
    const [ntt, bali] = await m.pixels(await points(NTT, BALI), 'legend-below-target.png');
    expectColour(ntt, BELOW_TARGET.bad, 'NTT, not yet at target');
    expectColour(bali, BELOW_TARGET.muted, 'Bali, target reached');

    await methodSelect().selectOption('target');
    await page.waitForURL((url) => url.searchParams.get('classes') === 'target');
    const values = await provinceValues('2022');
    const classes = expectedClasses(values, 'target');
    await m.waitForMap(LAYER.fill('provinsi'));
    await waitForColour(NTT, colorFor(values.get(NTT) as number, classes), 'legend-target.png');
    await expectMapMatchesLegend(values, classes, 'legend-target.png');
    expect(await page.getByText(/Biru: sudah mencapai target 14%/).isVisible()).toBe(true);
  });

  it('draws a histogram of the values, bars in the class colours', async () => {
    await page.goto(`${m.url}/?level=provinsi&region=ID&indicator=prevalensi_stunting&period=2022`);
    await m.waitForMap(LAYER.fill('provinsi'));
    const histogram = page.getByRole('img', { name: /^Sebaran nilai \d+ wilayah/ });
    await histogram.waitFor({ state: 'visible' });
    const values = await provinceValues('2022');
    expect(await histogram.getAttribute('aria-label')).toContain(`Sebaran nilai ${values.size} wilayah`);
    const fills = await histogram.locator('rect').evaluateAll((rects) => rects.map((r) => r.getAttribute('fill')));
    expect(fills.length).toBeGreaterThan(3);
    const classes = expectedClasses(values, 'auto');
    const used = new Set([...values.values()].map((v) => colorFor(v, classes)));
    expect(new Set(fills)).toEqual(used);
    const box = await histogram.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(200);
    expect(box?.height ?? 0).toBeGreaterThan(40);
  });

  it('highlights the regions of a class pointed at or focused in the legend, fading the others', async () => {
    await page.goto(`${m.url}/?level=provinsi&region=ID&indicator=prevalensi_stunting&period=2022`);
    await m.waitForMap(LAYER.fill('provinsi'));
    const values = await provinceValues('2022');
    const classes = expectedClasses(values, 'auto');
    const nttClass = classIndex(values.get(NTT) as number, classes.breaks);
    const baliColour = colorFor(values.get(BALI) as number, classes);
    const nttColour = classes.colors[nttClass] as string;

    await classButtons().nth(nttClass).hover();
    await m.waitForMap(LAYER.fill('provinsi'));
    await waitForColour(BALI, fadedColor(baliColour), 'legend-highlight-hover.png');
    const [ntt] = await m.pixels(await points(NTT), 'legend-highlight-hover.png');
    expectColour(ntt, nttColour, 'NTT keeps its colour while its class is highlighted');

    // Leaving the legend restores every colour.
    await page.mouse.move(5, 790);
    await waitForColour(BALI, baliColour, 'legend-highlight-off.png');

    // The keyboard does the same: focus the class, Escape/Tab away clears it.
    await classButtons().nth(nttClass).focus();
    await waitForColour(BALI, fadedColor(baliColour), 'legend-highlight-focus.png');
    await page.keyboard.press('Tab');
    await waitForColour(BALI, baliColour, 'legend-highlight-blur.png');
  });

  it('plays through the years, replacing the history entry, and stops at the last', async () => {
    await page.goto(`${m.url}/?level=provinsi&region=ID&indicator=prevalensi_stunting&period=2021`);
    await m.waitForMap(LAYER.fill('provinsi'));
    const historyBefore = await page.evaluate(() => history.length);
    const play = page.getByRole('button', { name: 'Putar tahun demi tahun' });
    await play.click();
    const pause = page.getByRole('button', { name: 'Jeda' });
    expect(await pause.getAttribute('aria-pressed')).toBe('true');
    const seen: string[] = [];
    for (const year of ['2022', '2023', '2024']) {
      await page.waitForURL((url) => url.searchParams.get('period') === year, { timeout: 20_000 });
      expect(await page.getByRole('radio', { name: year }).isChecked()).toBe(true);
      seen.push(year);
    }
    expect(seen).toEqual(['2022', '2023', '2024']);
    await m.waitForMap(LAYER.fill('provinsi'));
    const values = await provinceValues('2024');
    await waitForColour(NTT, colorFor(values.get(NTT) as number, expectedClasses(values, 'auto')), 'legend-play-2024.png');
    // It stops at the end, and back leaves the page rather than stepping through the years played.
    await expect.poll(() => page.getByRole('button', { name: 'Putar tahun demi tahun' }).getAttribute('aria-pressed')).toBe('false');
    expect(await page.evaluate(() => history.length)).toBe(historyBefore);
  });

  it('shows the change between two years on a diverging scale, a fall in stunting in blue', async () => {
    // 2021 and 2022 both have figures for 34 provinces (2024 has only a few so far).
    await page.goto(`${m.url}/?level=provinsi&region=ID&indicator=prevalensi_stunting&period=2022`);
    await m.waitForMap(LAYER.fill('provinsi'));
    await page.getByLabel('Bandingkan dengan tahun').selectOption('2021');
    await page.waitForURL((url) => url.searchParams.get('compare') === '2021' && url.searchParams.get('period') === '2022');
    await expect.poll(() => page.getByText('Perubahan 2021→2022 (poin persen)').isVisible()).toBe(true);
    // Only the diverging scale fits a change: no other method is offered, and the panel says why.
    expect(await methodSelect().count()).toBe(0);
    expect(await page.getByText('Mode perubahan selalu memakai skala divergen').isVisible()).toBe(true);

    const change = changeValues(await provinceValues('2022'), await provinceValues('2021'));
    const classes = expectedClasses(change, 'auto', true);
    expect(classes.breaks).toContain(0);
    // Signed breaks ("−5 – < 0"), once both years' values are in.
    await expect.poll(() => legendList().innerText(), { timeout: 15_000 }).toMatch(/[−+]\d/);
    await m.waitForMap(LAYER.fill('provinsi'));
    await waitForColour(NTT, colorFor(change.get(NTT) as number, classes), 'legend-change-2021-2022.png');
    await expectMapMatchesLegend(change, classes, 'legend-change-2021-2022.png');
    // NTT fell from 37,8% to 35,3%: an improvement, blue.
    expect(change.get(NTT)).toBeLessThan(0);
    const [ntt] = await m.pixels(await points(NTT), 'legend-change-2021-2022.png');
    expect((ntt as Rgb)[2]).toBeGreaterThan((ntt as Rgb)[0]);

    const [point] = await points(NTT);
    await page.mouse.move(point?.x ?? 0, point?.y ?? 0);
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor({ state: 'visible' });
    expect(await tooltip.innerText()).toContain('Perubahan 2021→2022: −2,5 poin persen');
    await m.screenshot('legend-change-tooltip.png');
    await page.mouse.move(5, 790);
  });

  it('keeps the categorical legend of a category indicator, with the methods that make no sense disabled', async () => {
    await page.goto(`${m.url}/?level=provinsi&region=ID&indicator=kategori_kinerja`);
    await m.waitForMap(LAYER.fill('provinsi'));
    await expect.poll(() => legendList().innerText()).toContain('Bertumbuh');
    expect(await legendList().innerText()).toContain('Berdaya');
    expect(await methodSelect().isDisabled()).toBe(true);
    expect(await page.getByRole('option', { name: 'Kuantil (tidak untuk kategori)' }).isDisabled()).toBe(true);
    expect(await page.getByLabel('Bandingkan dengan tahun').isDisabled()).toBe(true);
    expect(await page.getByText('Perubahan tidak berlaku untuk indikator kategori.').isVisible()).toBe(true);
    expect(await page.getByRole('img', { name: /^Sebaran nilai/ }).count()).toBe(0);
    // A hand-edited link asking for quantiles still gets the categories, and says why.
    await page.goto(`${m.url}/?level=provinsi&region=ID&indicator=kategori_kinerja&classes=quantile`);
    await m.waitForMap(LAYER.fill('provinsi'));
    await expect.poll(() => page.getByText('Indikator kategori selalu diberi satu warna per kategori.').isVisible()).toBe(true);
    await m.screenshot('legend-category.png');
  });

  it('writes money breaks short and round (equal intervals of a budget)', async () => {
    await page.goto(`${m.url}/?level=provinsi&region=ID&indicator=anggaran_apbd&classes=equal`);
    await m.waitForMap(LAYER.fill('provinsi'));
    await expect.poll(() => legendList().innerText(), { timeout: 15_000 }).toMatch(/Rp \d+(,\d)? (miliar|triliun)/);
    const rows = (await legendList().innerText()).split('\n').filter((r) => r.startsWith('<') || r.startsWith('≥') || r.startsWith('Rp'));
    expect(rows.length).toBeGreaterThanOrEqual(2);
    // "Rp 200 miliar", never "Rp 213.457.881.234"
    for (const row of rows) expect(row).not.toMatch(/\d{4}/);
    await m.screenshot('legend-money-equal.png');
  });

  it('speaks English with lang=en, numbers in English format', async () => {
    await page.goto(`${m.url}/?level=provinsi&region=ID&indicator=prevalensi_stunting&period=2022&compare=2021&lang=en`);
    await m.waitForMap(LAYER.fill('provinsi'));
    const legend = page.getByRole('list', { name: 'Legend' });
    await expect.poll(() => legend.innerText(), { timeout: 15_000 }).toMatch(/−2\.5 – < 0/);
    expect(await page.getByText('Change 2021→2022 (percentage points)').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Play year by year' }).isVisible()).toBe(true);
    await m.screenshot('legend-english-change.png');
  });

  it('fits a 360 px phone with the controls', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${m.url}/?level=provinsi&region=ID&indicator=prevalensi_stunting&period=2022&compare=2021`);
    await m.waitForMap(LAYER.fill('provinsi'));
    await m.screenshot('legend-phone-360-change.png');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.goto(`${m.url}/?level=provinsi&region=ID&indicator=prevalensi_stunting&period=2022&classes=manual&breaks=10,20,30`);
    await m.waitForMap(LAYER.fill('provinsi'));
    await m.screenshot('legend-phone-360-manual.png');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    for (const control of [methodSelect(), page.getByLabel('Batas kelas'), page.getByLabel('Bandingkan dengan tahun')]) {
      const box = await control.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.x ?? 999) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
