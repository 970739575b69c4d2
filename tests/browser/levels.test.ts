import { describe, expect, it } from 'vitest';
import { LAYER, PALETTE } from '../../web/map/style.ts';
import { hexToRgb, type MapPage, mapPageForFile, near, type Page } from '../support/browser.ts';

/**
 * A level chosen below the region's children ("Tampilkan"): every kecamatan of Indonesia at once and
 * every desa of a kab/kota, locked while zooming, restored from the URL, with the ranking table paged.
 * Screenshots go to tests/artifacts/.
 */

const BASE = 'indicator=IH-1&period=2024';

let m: MapPage;
let page: Page;

mapPageForFile((opened) => {
  m = opened;
  page = opened.page;
});

const levelPicker = () => page.getByRole('combobox', { name: /^Tampilkan/ });

describe('a level below the children', () => {
  it('paints every kecamatan of Indonesia, kept while zooming, and restored on reload', async () => {
    await page.goto(`${m.url}/?level=provinsi&region=ID&${BASE}`);
    await m.waitForMap(LAYER.fill('provinsi'));
    expect(await levelPicker().locator('option').allTextContents()).toEqual(['Provinsi', 'Kabupaten/kota', 'Kecamatan']);
    await levelPicker().selectOption('kecamatan');
    await m.waitForMap(LAYER.fill('kecamatan'));
    expect([m.param('level'), m.param('region'), m.param('lock')]).toEqual(['kecamatan', 'ID', '1']);
    const drawn = await m.renderedKodes(LAYER.fill('kecamatan'));
    // The whole country is in view: kecamatan of (nearly) every province are drawn at once.
    expect(new Set(drawn.map((kode) => kode.slice(0, 2))).size).toBeGreaterThanOrEqual(30);
    expect(drawn.length).toBeGreaterThan(3000);
    await expect.poll(() => page.getByText('Per kecamatan di Indonesia').count()).toBeGreaterThan(0);

    // The largest kecamatan (Kayan Hilir, Kalimantan Utara, 11,423 km²) is painted with a colour: neither sea nor the "no data" hatch.
    const [colour] = await m.pixels([await m.toScreen(await m.labelPoint('65.02.04'))], 'levels-kecamatan-indonesia.png');
    expect(near(colour ?? [0, 0, 0], hexToRgb(PALETTE.sea), 12)).toBe(false);
    expect(near(colour ?? [0, 0, 0], hexToRgb(PALETTE.noDataBackground), 12)).toBe(false);

    // The table pages thousands of rows.
    const table = page.locator('table.ranking-table tbody tr');
    if ((await table.count()) === 0) await page.getByRole('button', { name: /Peringkat kecamatan/ }).click();
    await expect.poll(() => table.count()).toBe(100);
    await page.getByRole('button', { name: /Tampilkan 100 berikutnya \(100 dari 7\.285 ditampilkan\)/ }).click();
    await expect.poll(() => table.count()).toBe(200);

    // Zooming in does not leave the level; the region stays Indonesia.
    await page.getByRole('button', { name: 'Perbesar' }).click();
    await page.getByRole('button', { name: 'Perbesar' }).click();
    await m.waitForMap(LAYER.fill('kecamatan'));
    await page.waitForTimeout(800);
    expect([m.param('level'), m.param('region')]).toEqual(['kecamatan', 'ID']);

    await page.reload();
    await m.waitForMap(LAYER.fill('kecamatan'));
    expect(await levelPicker().inputValue()).toBe('kecamatan');
    expect(await page.getByRole('checkbox', { name: 'Kunci tingkat' }).isChecked()).toBe(true);
  });

  it('paints every desa of a kab/kota with a click selecting rather than opening, and goes back when unlocked', async () => {
    await page.goto(`${m.url}/?level=kecamatan&region=51.71&${BASE}`);
    await m.waitForMap(LAYER.fill('kecamatan'), '51.71.');
    expect(await levelPicker().locator('option').allTextContents()).toEqual(['Kecamatan', 'Desa/kelurahan']);
    await levelPicker().selectOption('desa');
    await m.waitForMap(LAYER.fill('desa'), '51.71.');
    const drawn = await m.renderedKodes(LAYER.fill('desa'));
    // Desa of all four kecamatan of Kota Denpasar, and nothing outside it.
    expect(new Set(drawn.map((kode) => kode.slice(0, 8)))).toEqual(new Set(['51.71.01', '51.71.02', '51.71.03', '51.71.04']));
    expect([m.param('level'), m.param('region'), m.param('lock')]).toEqual(['desa', '51.71', '1']);
    await m.screenshot('levels-desa-kota-denpasar.png');

    // A click on a desa selects it (outlined, profiled) instead of moving anywhere.
    await m.clickRegion('51.71.01.1001');
    await expect.poll(() => m.param('select')).toBe('51.71.01.1001');
    expect([m.param('level'), m.param('region')]).toEqual(['desa', '51.71']);

    // Unlocking goes back to the children of Kota Denpasar, its kecamatan, zooming freely again.
    await page.getByRole('checkbox', { name: 'Kunci tingkat' }).uncheck();
    await m.waitForMap(LAYER.fill('kecamatan'), '51.71.');
    expect([m.param('level'), m.param('region'), m.param('lock')]).toEqual(['kecamatan', '51.71', null]);
  });
});
