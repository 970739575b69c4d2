import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bivariate, BIVARIATE_COLORS } from '../../web/map/bivariate.ts';
import { categorical } from '../../web/map/classify.ts';
import { LAYER } from '../../web/map/style.ts';
import { expectColour, openMapPage, type MapPage, type Page, type Rgb } from '../support/browser.ts';

/**
 * The supervision views "Aksi konvergensi" and "Anggaran vs hasil" in headless Chromium against the
 * real server: the kab/kota of the whole country painted by performance category in the legend's
 * colours, the national summary with its numbers, the sortable table of a province's kab/kota linked
 * to the map, and the bivariate budget map with its 3 x 3 legend and the scatterplot linked both ways.
 * Expected figures come from the API. Screenshots: tests/artifacts/supervision-*.png.
 */

let m: MapPage;
let page: Page;
/** The year the aksi view opens on: the performance category's default period. */
let aksiPeriod = '';

beforeAll(async () => {
  m = await openMapPage(inject('appUrl'));
  page = m.page;
  const body = await m.api<{ indicators: { id: string; default_period: string | null }[] }>('/api/indicators');
  aksiPeriod = body.indicators.find((i) => i.id === 'kategori_kinerja')?.default_period ?? '';
});

afterAll(async () => {
  await m?.close();
});

async function values(indicator: string, period: string, parent?: string): Promise<Map<string, number>> {
  const q = new URLSearchParams({ indicator, period, level: 'kabkota' });
  if (parent) q.set('parent', parent);
  const body = await m.api<{ values: Record<string, { value: number }> }>(`/api/values?${q}`);
  return new Map(Object.entries(body.values).map(([k, v]) => [k, v.value]));
}

/** The largest kab/kota of a province (whose label point lies well inside it at any zoom). */
async function largest(province: string, count: number): Promise<string[]> {
  const body = await m.api<{ children: { kode: string; area_km2: number | null }[] }>(`/api/regions/${province}/children`);
  return body.children.sort((a, b) => (b.area_km2 ?? 0) - (a.area_km2 ?? 0)).slice(0, count).map((c) => c.kode);
}

/** Fetches and drawing take a while on a loaded machine. */
const POLL = { timeout: 30_000 };

const colourOf = (css: string) => (css.match(/\d+/g) ?? []).slice(0, 3).map(Number) as Rgb;

describe('Aksi konvergensi', () => {
  it('paints every kab/kota of Indonesia by performance category, in the colours of the legend', async () => {
    await page.goto(`${m.url}/?level=provinsi&region=ID`);
    await page.getByRole('navigation', { name: 'Tampilan' }).getByRole('link', { name: 'Aksi konvergensi' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('mode'), POLL).toBe('aksi');
    await m.waitForMap(LAYER.fill('kabkota'));
    expect((await m.renderedKodes(LAYER.fill('kabkota'))).length).toBeGreaterThan(400);

    const panel = page.getByRole('region', { name: 'Aksi konvergensi' });
    await expect.poll(() => panel.getByRole('heading', { level: 2 }).innerText(), POLL).toBe(`Kinerja aksi konvergensi ${aksiPeriod}`);
    await expect.poll(() => panel.innerText(), POLL).toMatch(/DATA DEMONSTRASI/);

    const indicators = await m.api<{ indicators: { id: string; categories: string | null }[] }>('/api/indicators');
    const names = (indicators.indicators.find((i) => i.id === 'kategori_kinerja')?.categories ?? '').split('|');
    const classes = categorical(names);
    const legend = panel.getByRole('list', { name: 'Legenda' });
    const items = legend.getByRole('listitem');
    await expect.poll(() => items.count(), POLL).toBe(3);
    const swatches = await items.evaluateAll((lis) => lis.map((li) => getComputedStyle(li.querySelector('[aria-hidden="true"]') as Element).backgroundColor));
    swatches.forEach((css, i) => expectColour(colourOf(css), classes.colors[i] as string, `legend swatch ${names[i]}`, 2));
    // the counts beside the swatches are the API's
    const category = await values('kategori_kinerja', aksiPeriod);
    const texts = await items.allInnerTexts();
    names.forEach((name, i) => {
      const count = [...category.values()].filter((v) => v === i).length;
      expect(texts[i]).toContain(name);
      expect(texts[i]).toContain(count.toLocaleString('id-ID'));
    });

    const kodes = [...(await largest('94', 3)), ...(await largest('62', 2))].filter((k) => category.has(k));
    expect(kodes.length).toBeGreaterThan(2);
    const points = await Promise.all(kodes.map(async (k) => m.toScreen(await m.labelPoint(k))));
    const pixels = await m.pixels(points, 'supervision-aksi-national.png');
    kodes.forEach((kode, i) => expectColour(pixels[i], classes.colors[category.get(kode) as number] as string, `${kode} on the map`));
  });

  it('shows the national summary: participation 345 to 514 with the numbers, and each aksi done per year', async () => {
    const panel = page.getByRole('region', { name: 'Aksi konvergensi' });
    const participation = panel.getByRole('img', { name: 'Kab/kota peserta penilaian' });
    await expect.poll(() => participation.textContent(), POLL).toMatch(/2021\s*345/);
    expect(await participation.textContent()).toMatch(/2024\s*514/);
    expect(await panel.innerText()).toMatch(/angka nyata Kemendagri/);
    const summary = await m.api<{ years: { period: string; aksi: { id: string; counts: number[] }[] }[] }>('/api/aksi/summary');
    const done2021 = summary.years.find((y) => y.period === '2021')?.aksi.find((a) => a.id === 'aksi_1')?.counts[2] as number;
    const cell = panel.getByRole('cell', { name: `1. Analisis Situasi, 2021: ${done2021} dari 345 selesai` });
    expect(await cell.innerText()).toContain(String(done2021));
  });

  it('opens the province of a clicked kab/kota with a sortable table whose rows select on the map', async () => {
    const [kupang] = await largest('53', 1);
    await m.clickRegion(kupang as string);
    await expect.poll(() => new URL(page.url()).searchParams.get('region'), POLL).toBe('53');
    expect(new URL(page.url()).searchParams.get('select')).toBe(kupang);
    const table = page.getByRole('table', { name: `Aksi konvergensi kab/kota di Nusa Tenggara Timur, ${aksiPeriod}` });
    await expect.poll(() => table.getByRole('row').count(), POLL).toBe(23);
    await m.waitForMap(LAYER.fill('kabkota'), '53.');

    const api = await m.api<{ rows: { kode: string; nama: string; skor: number | null }[] }>(`/api/aksi?period=${aksiPeriod}&parent=53`);
    await table.getByRole('button', { name: /^Skor/ }).click();
    const expected = [...api.rows].sort((a, b) => (b.skor ?? -1) - (a.skor ?? -1) || a.nama.localeCompare(b.nama)).map((r) => r.nama);
    expect((await table.getByRole('rowheader').allInnerTexts()).map((s) => s.trim())).toEqual(expected);
    expect(await table.getByRole('columnheader', { name: /^Skor/ }).getAttribute('aria-sort')).toBe('descending');
    await table.getByRole('button', { name: /^Skor/ }).click();
    expect((await table.getByRole('rowheader').allInnerTexts()).map((s) => s.trim())).toEqual(
      [...api.rows].sort((a, b) => (a.skor ?? 1e9) - (b.skor ?? 1e9) || a.nama.localeCompare(b.nama)).map((r) => r.nama),
    );
    // every status is a word too, not colour alone
    expect(await table.innerText()).toMatch(/Selesai|Proses|Belum/);

    const target = api.rows.find((r) => r.kode !== kupang) as { kode: string; nama: string };
    await table.getByRole('button', { name: target.nama, exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('select'), POLL).toBe(target.kode);
    expect(await table.getByRole('row', { selected: true }).getByRole('rowheader').innerText()).toBe(target.nama);
    await m.waitForMap(LAYER.pickedLine, target.kode);
    await m.screenshot('supervision-aksi-province.png');
  });
});

describe('Anggaran vs hasil', () => {
  it('draws the bivariate map of Indonesia with a 3 x 3 legend counting the kab/kota of each cell', async () => {
    await page.goto(`${m.url}/?level=provinsi&region=ID&mode=aksi`);
    await page.getByRole('navigation', { name: 'Tampilan' }).getByRole('link', { name: 'Anggaran vs hasil' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('mode'), POLL).toBe('budget');
    const panel = page.getByRole('region', { name: 'Anggaran vs hasil' });
    const legend = panel.getByRole('table', { name: /Legenda dua variabel/ });
    await expect.poll(() => legend.locator('td[data-cell]').count(), POLL).toBe(9);
    await m.waitForMap(LAYER.fill('kabkota'));

    const classed = bivariate(await values('anggaran_per_anak', '2022'), await values('prevalensi_stunting', '2022'));
    expect(classed.cells.size).toBeGreaterThan(100);
    const shown = await legend.locator('td[data-cell]').evaluateAll((tds) =>
      tds.map((td) => ({ cell: Number(td.getAttribute('data-cell')), count: Number((td.textContent ?? '').replace(/\D/g, '')), bg: getComputedStyle(td).backgroundColor })),
    );
    for (const { cell, count, bg } of shown) {
      expect(count, `cell ${cell}`).toBe(classed.counts[cell]);
      expectColour(colourOf(bg), BIVARIATE_COLORS[cell] as string, `legend cell ${cell}`, 2);
    }
    const text = await panel.innerText();
    expect(text).toContain('Anggaran per anak →');
    expect(text).toContain('Prevalensi ↑');
    expect(text).toMatch(/DATA DEMONSTRASI/);
    expect(text).toContain(`${classed.cells.size} kab/kota memiliki keduanya`);
    await expect.poll(() => panel.getByRole('img', { name: /Sebaran kab\/kota/ }).locator('circle[data-kode]').count(), POLL).toBe(classed.cells.size);
    await m.screenshot('supervision-budget-national.png');
  });

  it('links the scatterplot and the map: a point pointed at outlines its kab/kota, a kab/kota under the mouse rings its point', async () => {
    await page.goto(`${m.url}/?level=kabkota&region=53&period=2021&labels=0&mode=budget`);
    await m.waitForMap(LAYER.fill('kabkota'), '53.');
    const classed = bivariate(await values('anggaran_per_anak', '2021', '53'), await values('prevalensi_stunting', '2021', '53'));
    const scatter = page.getByRole('img', { name: /Sebaran kab\/kota/ });
    await expect.poll(() => scatter.locator('circle[data-kode]').count(), POLL).toBe(classed.cells.size);

    const [first, second] = (await largest('53', 6)).filter((k) => classed.cells.has(k));
    const isHovered = (kode: string) => page.evaluate((k) => window.__petaTestHook?.isHovered('kabkota', k) ?? false, kode);
    await scatter.locator(`circle[data-kode="${first}"]`).hover({ force: true });
    await expect.poll(() => isHovered(first as string), POLL).toBe(true);
    expect(await page.getByRole('region', { name: 'Anggaran vs hasil' }).innerText()).toMatch(/prevalensi \d/);
    await m.screenshot('supervision-budget-point-hover.png');

    const point = await m.toScreen(await m.labelPoint(second as string));
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => scatter.locator('[data-highlighted]').getAttribute('data-highlighted'), POLL).toBe(second);
    expect(await isHovered(first as string)).toBe(false);
    const [pixel] = await m.pixels([point], 'supervision-budget-map-hover.png');
    expectColour(pixel, BIVARIATE_COLORS[classed.cells.get(second as string) as number] as string, `${second} on the map`);
  });

  it('reaches every point from the keyboard, in order of budget, and selects its kab/kota with Enter', async () => {
    await page.goto(`${m.url}/?level=kabkota&region=53&period=2021&labels=0&mode=budget`);
    await m.waitForMap(LAYER.fill('kabkota'), '53.');
    const budgets = await values('anggaran_per_anak', '2021', '53');
    const classed = bivariate(budgets, await values('prevalensi_stunting', '2021', '53'));
    const inOrder = [...classed.cells.keys()].sort((a, b) => (budgets.get(a) as number) - (budgets.get(b) as number));
    const slider = page.getByRole('slider', { name: /Titik kab\/kota menurut anggaran/ });
    await expect.poll(() => slider.getAttribute('aria-valuemax'), POLL).toBe(String(inOrder.length));
    await slider.focus();
    const isHovered = (kode: string) => page.evaluate((k) => window.__petaTestHook?.isHovered('kabkota', k) ?? false, kode);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => isHovered(inOrder[0] as string), POLL).toBe(true);
    await page.keyboard.press('End');
    const lastKode = inOrder.at(-1) as string;
    await expect.poll(() => isHovered(lastKode), POLL).toBe(true);
    expect(await slider.getAttribute('aria-valuenow')).toBe(String(inOrder.length));
    // The value text is what a screen reader says: the kab/kota's name and its two figures.
    const lastName = (await m.api<{ nama: string }>(`/api/regions/${lastKode}`)).nama;
    expect(await slider.getAttribute('aria-valuetext')).toMatch(new RegExp(`^${lastName}: Rp .+, prevalensi \\d`));
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => isHovered(inOrder.at(-2) as string), POLL).toBe(true);
    await m.screenshot('supervision-budget-keyboard.png');
    await page.keyboard.press('Enter');
    await expect.poll(() => m.param('select'), POLL).toBe(inOrder.at(-2));
  });
});
