import { describe, expect, it } from 'vitest';
import { LAYER } from '../../web/map/style.ts';
import { type MapPage, mapPageForFile, type Page } from '../support/browser.ts';

/**
 * Bahasa Indonesia by default, English on a switch: the words and the numbers change (35,3% and
 * 35.3%), the choice is in the URL (`lang=en`) so it survives a reload, and the switch leads back.
 * And the panel on a 360 px phone. Screenshots go to tests/artifacts/.
 */

let m: MapPage;
let page: Page;

mapPageForFile((opened) => {
  m = opened;
  page = opened.page;
});

const nttRow = (caption: RegExp) =>
  page
    .getByRole('table', { name: caption })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'Nusa Tenggara Timur' }) });

describe('language', () => {
  it('switches the panel, the tooltip and the numbers to English, keeps it across a reload, and switches back', async () => {
    await page.goto(`${m.url}/?level=provinsi&region=ID&indicator=prevalensi_stunting&period=2022`);
    await m.waitForMap(LAYER.fill('provinsi'));
    const indonesian = /^Prevalensi stunting balita, 2022: provinsi di Indonesia/;
    await nttRow(indonesian).waitFor({ state: 'visible' });
    expect(await nttRow(indonesian).innerText()).toContain('35,3%');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Peta Konvergensi Stunting');

    const toEnglish = page.getByRole('button', { name: 'Switch to English' });
    expect(await toEnglish.innerText()).toBe('English');
    await toEnglish.click();
    await page.waitForURL((url) => url.searchParams.get('lang') === 'en');

    const checkEnglish = async (screenshot: string) => {
      const english = /^Stunting prevalence among children under five, 2022: provinces in Indonesia/;
      await nttRow(english).waitFor({ state: 'visible' });
      expect(await nttRow(english).innerText()).toContain('35.3%');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Stunting Convergence Map');
      expect(await page.getByLabel('Indicator', { exact: true }).inputValue()).toBe('prevalensi_stunting');
      expect(await page.getByRole('table', { name: english }).getByRole('columnheader', { name: 'Region', exact: true }).isVisible()).toBe(true);
      await expect.poll(() => page.getByText('No imports yet; shipped data.').isVisible(), { timeout: 15_000 }).toBe(true);
      expect(await page.getByText('Source: SSGI 2022, Kemenkes').first().isVisible()).toBe(true);

      const point = await m.toScreen(await m.labelPoint('53'));
      await page.mouse.move(point.x, point.y);
      const tooltip = page.getByRole('tooltip');
      await tooltip.waitFor({ state: 'visible' });
      await expect.poll(() => tooltip.innerText(), { timeout: 15_000 }).toContain('Indonesia as a whole: 21.6%');
      const text = await tooltip.innerText();
      expect(text).toContain('Province');
      expect(text).toContain('35.3%');
      expect(text).toContain('21.3 points above the 14% target');
      expect(text).toMatch(/rank \d+ of \d+ provinces/);
      expect(text).toContain('Click to see its regencies/cities');
      await m.screenshot(screenshot);
      await page.mouse.move(1, 1);
    };
    await checkEnglish('i18n-english.png');

    await page.reload();
    await m.waitForMap(LAYER.fill('provinsi'));
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await checkEnglish('i18n-english-reloaded.png');

    const toIndonesian = page.getByRole('button', { name: 'Ganti ke Bahasa Indonesia' });
    expect(await toIndonesian.innerText()).toBe('Bahasa Indonesia');
    await toIndonesian.click();
    await page.waitForURL((url) => url.searchParams.get('lang') === null);
    await nttRow(indonesian).waitFor({ state: 'visible' });
    expect(await nttRow(indonesian).innerText()).toContain('35,3%');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');
    expect(await page.getByRole('button', { name: 'Switch to English' }).isVisible()).toBe(true);
    await m.screenshot('i18n-indonesian-again.png');
  });
});

describe('phone', () => {
  it('keeps the panel with its table usable on a 360 px wide phone', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${m.url}/?level=kabkota&region=53&indicator=IH-1&period=2024&select=53.07`);
    await m.waitForMap(LAYER.fill('kabkota'), '53.');
    // On a phone the long parts start folded; each opens from its heading.
    const ranking = page.getByRole('button', { name: /^Peringkat kabupaten\/kota/ });
    await ranking.waitFor({ state: 'visible' });
    expect(await ranking.getAttribute('aria-expanded')).toBe('false');
    await ranking.click();
    const table = page.getByRole('table', { name: /kabupaten\/kota di Nusa Tenggara Timur/ });
    await table.waitFor({ state: 'visible' });
    await table.getByRole('rowheader').first().scrollIntoViewIfNeeded();
    await m.screenshot('panel-phone-360-table.png');

    // Nothing runs off the side: the page, and the table inside the panel.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const box = await table.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(360);
    // The map keeps its share of the screen.
    const mapBox = await page.getByRole('region', { name: 'Peta', exact: true }).boundingBox();
    expect(mapBox?.height ?? 0).toBeGreaterThan(300);

    // A row is still a finger's tap away from selecting the region.
    const children = await m.api<{ children: { kode: string; nama: string }[] }>('/api/regions/53/children');
    const alor = children.children.find((c) => c.nama === 'Kabupaten Alor')?.kode;
    await table.getByRole('button', { name: 'Kabupaten Alor', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('select') === alor);
    const aksi = page.getByRole('button', { name: /^Aksi konvergensi 2024/ });
    await aksi.waitFor({ state: 'visible', timeout: 30_000 });
    await aksi.click();
    await page.getByRole('list', { name: 'Aksi konvergensi 2024' }).scrollIntoViewIfNeeded();
    await m.screenshot('panel-phone-360-aksi.png');
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
