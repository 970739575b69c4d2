import { describe, expect, it } from 'vitest';
import { colorFor, STUNTING_PREVALENCE } from '../../web/map/classes.ts';
import { LAYER, PALETTE } from '../../web/map/style.ts';
import { decodePng, hexToRgb, type MapPage, mapPageForFile, near, type Page, type Rgb } from '../support/browser.ts';

/**
 * Navigation in headless Chromium against the real server: the level following the zoom (and the
 * lock that stops it), the camera in the URL across reload and history, the search box used from
 * the keyboard only, and the deck.gl layers (budget circles, region names), which must not be part
 * of the page's first download. Screenshots go to tests/artifacts/.
 */

const PERIOD = '2022';
const BASE = `indicator=prevalensi_stunting&period=${PERIOD}`;

let m: MapPage;
let page: Page;

mapPageForFile((opened) => {
  m = opened;
  page = opened.page;
});

const zoomOf = () => Number(m.param('map')?.split('/')[0]);
const zoomIn = () => page.getByRole('button', { name: 'Perbesar' }).click();
const zoomOut = () => page.getByRole('button', { name: 'Perkecil' }).click();

/** The page point at the centre of the map. */
async function mapCentre() {
  const box = await page.getByRole('region', { name: 'Peta', exact: true }).boundingBox();
  if (!box) throw new Error('the map is not on the page');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Distance in CSS pixels from the map's centre to where a longitude/latitude is drawn. */
async function offCentre(lngLat: [number, number]): Promise<number> {
  const [centre, p] = [await mapCentre(), await m.toScreen(lngLat)];
  return Math.hypot(p.x - centre.x, p.y - centre.y);
}

/** How many pixels of a page area are within `tolerance` of a colour, counted on a screenshot. */
async function countColour(area: { x: number; y: number; width: number; height: number }, hex: string, tolerance = 40): Promise<number> {
  const png = await page.screenshot({ clip: area });
  return (await decodePng(page, png, { colour: { rgb: hexToRgb(hex), tolerance } })).matching;
}

/** The JavaScript files the page has loaded so far. */
const scriptsLoaded = () =>
  page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((name) => /\.m?js(\?|$)/.test(name)));

describe('navigation: zoom, camera, search and layers', () => {
  it('moves the level with the zoom, back and forward through history, and not while locked', async () => {
    // Zoom 6.5 over Flores (NTT): still the provinces. The camera from the URL is used as it is.
    await page.goto(`${m.url}/?level=provinsi&region=ID&${BASE}&map=6.50/-8.65/121.10`);
    await m.waitForMap(LAYER.fill('provinsi'));
    expect(m.param('map')).toBe('6.50/-8.65/121.10');
    expect(await offCentre([121.1, -8.65])).toBeLessThan(1.5);

    // One step in crosses zoom 7: the kab/kota of the province under the centre, camera kept.
    await zoomIn();
    await page.waitForURL((url) => url.searchParams.get('region') === '53');
    expect(m.param('level')).toBe('kabkota');
    expect(zoomOf()).toBeCloseTo(7.5, 1);
    await m.waitForMap(LAYER.fill('kabkota'), '53.');
    expect(await m.breadcrumbText()).toBe('Indonesia › Nusa Tenggara Timur');
    await m.screenshot('browser-nav-zoomed-kabkota-53.png');

    // Zooming out a little stays (hysteresis), out past 5.5 goes back up to the provinces.
    await zoomOut();
    await page.waitForURL((url) => url.searchParams.get('map')?.startsWith('6.50/') ?? false);
    expect(m.param('region')).toBe('53');
    await zoomOut();
    await zoomOut();
    await page.waitForURL((url) => url.searchParams.get('region') === 'ID');
    expect(m.param('level')).toBe('provinsi');
    await m.waitForMap(LAYER.fill('provinsi'));

    // Back returns to the kab/kota as they were before the zoom that left them; forward again.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('region') === '53');
    expect(zoomOf()).toBeGreaterThanOrEqual(5.5);
    await m.waitForMap(LAYER.fill('kabkota'), '53.');
    await page.goForward();
    await page.waitForURL((url) => url.searchParams.get('region') === 'ID');
    await m.waitForMap(LAYER.fill('provinsi'));

    // Locked: zooming in from the kab/kota of NTT to 9.5 keeps the kab/kota.
    await page.goto(`${m.url}/?level=kabkota&region=53&${BASE}&map=7.50/-8.65/121.10`);
    await m.waitForMap(LAYER.fill('kabkota'), '53.');
    const lock = page.getByRole('checkbox', { name: 'Kunci tingkat' });
    await lock.check();
    await page.waitForURL((url) => url.searchParams.get('lock') === '1');
    await zoomIn();
    await page.waitForURL((url) => url.searchParams.get('map')?.startsWith('8.50/') ?? false);
    await zoomIn();
    await page.waitForURL((url) => url.searchParams.get('map')?.startsWith('9.50/') ?? false);
    await m.waitForMap(LAYER.fill('kabkota'), '53.');
    expect([m.param('level'), m.param('region')]).toEqual(['kabkota', '53']);

    // Unlocked, the next zoom in goes down to the kecamatan of the kab/kota under the centre.
    await lock.uncheck();
    await page.waitForURL((url) => url.searchParams.get('lock') === null);
    await zoomIn();
    await page.waitForURL((url) => url.searchParams.get('level') === 'kecamatan');
    const kabkota = m.param('region') as string;
    expect(kabkota).toMatch(/^53\.\d\d$/);
    await m.waitForMap(LAYER.fill('kecamatan'), `${kabkota}.`);
    await m.screenshot('browser-nav-zoomed-kecamatan.png');
  });

  it('keeps the exact camera in the URL across panning, reload, and back and forward', async () => {
    await page.goto(`${m.url}/?level=kabkota&region=53&${BASE}&map=8.20/-9.50000/119.90000`);
    await m.waitForMap(LAYER.fill('kabkota'), '53.');
    const centre = await mapCentre();
    expect(await offCentre([119.9, -9.5])).toBeLessThan(1.5);

    // A pan is written into the URL in place: no new history entry.
    const entries = await page.evaluate(() => history.length);
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    await page.mouse.move(centre.x - 120, centre.y - 60, { steps: 8 });
    await page.mouse.up();
    await page.waitForURL((url) => url.searchParams.get('map') !== '8.20/-9.50000/119.90000');
    const panned = m.param('map') as string;
    expect(panned.startsWith('8.20/')).toBe(true);
    expect(await page.evaluate(() => history.length)).toBe(entries);
    const [, lat, lng] = panned.split('/').map(Number) as [number, number, number];
    expect(lng).toBeGreaterThan(119.9);

    await page.reload();
    await m.waitForMap(LAYER.fill('kabkota'), '53.');
    expect(m.param('map')).toBe(panned);
    expect(await offCentre([lng, lat])).toBeLessThan(1.5);
    await m.screenshot('browser-nav-camera-reloaded.png');

    // Clicking a region fits it (a new entry with its own camera); back restores the panned camera exactly.
    await m.clickRegion('53.12');
    await page.waitForURL((url) => url.searchParams.get('region') === '53.12' && url.searchParams.has('map'));
    await m.waitForMap(LAYER.fill('kecamatan'), '53.12.');
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('region') === '53');
    expect(m.param('map')).toBe(panned);
    await m.waitForMap(LAYER.fill('kabkota'), '53.');
    expect(await offCentre([lng, lat])).toBeLessThan(1.5);
    await page.goForward();
    await page.waitForURL((url) => url.searchParams.get('region') === '53.12');
    await m.waitForMap(LAYER.fill('kecamatan'), '53.12.');
  });

  it('finds a desa from the keyboard alone and shows it among the desa of its kecamatan, outlined', async () => {
    await page.goto(`${m.url}/?level=provinsi&region=ID&${BASE}`);
    await m.waitForMap(LAYER.fill('provinsi'));
    const search = page.getByRole('combobox', { name: 'Cari wilayah' });
    await page.locator('body').focus();
    for (let i = 0; i < 6 && !(await search.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await search.evaluate((el) => el === document.activeElement)).toBe(true);

    await page.keyboard.type('sukamaju');
    const options = page.getByRole('listbox', { name: 'Wilayah yang cocok' }).getByRole('option');
    await options.first().waitFor({ state: 'visible' });
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    const texts = (await options.allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
    expect(texts.length).toBeGreaterThanOrEqual(5);
    // Every option is a Sukamaju, told apart by its ancestors.
    expect(texts.every((text) => text.startsWith('Sukamaju'))).toBe(true);
    expect(new Set(texts).size).toBe(texts.length);
    const firstDesa = texts.findIndex((text) => text.includes('Desa/kelurahan'));
    expect(firstDesa).toBeGreaterThanOrEqual(0);
    expect(texts[firstDesa]).toMatch(/Kec\. .+, (Kab\.|Kota) .+, .+/);
    await m.screenshot('browser-nav-search-list.png');

    const { hits } = await m.api<{ hits: { kode: string; level: string }[] }>('/api/search?q=sukamaju&limit=8');
    const chosen = hits[firstDesa] as { kode: string; level: string };
    expect(chosen.level).toBe('desa');
    const kecamatan = chosen.kode.split('.').slice(0, 3).join('.');

    for (let i = 0; i <= firstDesa; i++) await page.keyboard.press('ArrowDown');
    const active = await search.getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${active}"]`).getAttribute('aria-selected')).toBe('true');
    expect((await page.locator(`[id="${active}"]`).innerText()).replace(/\s+/g, ' ')).toBe(texts[firstDesa]);
    await page.keyboard.press('Enter');

    await page.waitForURL((url) => url.searchParams.get('region') === kecamatan && url.searchParams.get('select') === chosen.kode);
    expect(m.param('level')).toBe('desa');
    expect(await search.getAttribute('aria-expanded')).toBe('false');
    await m.waitForMap(LAYER.fill('desa'), `${kecamatan}.`);
    await expect.poll(() => m.renderedKodes(LAYER.pickedLine), { timeout: 15_000 }).toEqual([chosen.kode]);
    expect(await m.breadcrumbText()).toContain(texts[firstDesa]?.match(/Kec\. ([^,]+)/)?.[1] ?? '?');
    // The outline is on screen in its own dark blue, around the chosen desa.
    const box = await page.getByRole('region', { name: 'Peta', exact: true }).boundingBox();
    if (!box) throw new Error('no map');
    expect(await countColour(box, PALETTE.pickedLine, 30)).toBeGreaterThan(150);
    await m.screenshot('browser-nav-search-desa.png');

    // Escape closes the list, a second Escape empties the box.
    await search.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('denpasar sel');
    await options.first().waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    expect(await search.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Escape');
    expect(await search.inputValue()).toBe('');
  });

  it('loads deck.gl only for a layer that needs it, and draws budget circles over the choropleth', async () => {
    // Nothing may be fetched from anywhere but the app itself (no CDN, glyph or font server).
    const foreign: string[] = [];
    const onRequest = (request: { url(): string }) => {
      if (!request.url().startsWith(m.url) && !/^(data|blob):/.test(request.url())) foreign.push(request.url());
    };
    page.on('request', onRequest);
    // The provinces show no names by default: nothing needs deck.gl.
    await page.goto(`${m.url}/?level=provinsi&region=ID&${BASE}`);
    await m.waitForMap(LAYER.fill('provinsi'));
    await page.waitForTimeout(500);
    const before = await scriptsLoaded();
    expect(before.length).toBeGreaterThan(0);
    expect(before.filter((name) => name.includes('deck-overlay'))).toEqual([]);

    await page.getByRole('checkbox', { name: 'Lingkaran anggaran' }).check();
    await page.waitForURL((url) => url.searchParams.get('budget') === '1');
    await page.waitForFunction(() => (window.__petaDeckTestHook?.circles().length ?? 0) >= 30, null, { timeout: 30_000 });
    expect((await scriptsLoaded()).filter((name) => name.includes('deck-overlay')).length).toBe(1);

    // The size legend, with its three amounts and the demonstration mark.
    const legend = page.getByRole('figure', { name: /Anggaran APBD tertandai stunting, 2022/ });
    await legend.waitFor({ state: 'visible' });
    expect(await legend.getByRole('note').innerText()).toContain('DATA DEMONSTRASI');
    expect((await legend.getByRole('img').getAttribute('aria-label'))?.split(', ')).toHaveLength(3);

    // A circle is a white veil over the class colour of its province: the colour under it, lighter.
    const circles = await page.evaluate(() => window.__petaDeckTestHook?.circles() ?? []);
    const radii = circles.map((c) => c.radius);
    expect(Math.max(...radii)).toBeCloseTo(26, 0);
    // Circles that no other circle covers, and large enough to sample inside.
    const alone = circles.filter((c) => c.radius >= 8 && circles.every((o) => o === c || Math.hypot(o.x - c.x, o.y - c.y) > o.radius + c.radius / 2 + 4));
    let checked = 0;
    for (const circle of alone) {
      const value = await m.valueOf('provinsi', circle.kode);
      if (value === null) continue;
      const mapBox = await page.getByRole('region', { name: 'Peta', exact: true }).boundingBox();
      const point = { x: (mapBox?.x ?? 0) + circle.x, y: (mapBox?.y ?? 0) + circle.y };
      const classColour = hexToRgb(colorFor(value, STUNTING_PREVALENCE));
      const veiled = classColour.map((c) => Math.round(c + (255 - c) * (115 / 255))) as Rgb;
      const [pixel] = await m.pixels([point], 'browser-nav-budget-circles.png');
      expect(near(pixel as Rgb, veiled, 14), `circle of ${circle.kode}: ${pixel?.join(',')} vs ${veiled.join(',')}`).toBe(true);
      expect(near(pixel as Rgb, classColour, 14)).toBe(false);
      if (++checked === 2) break;
    }
    expect(checked).toBe(2);

    // At kecamatan level there is no budget: the switch says so and no circles are drawn.
    await page.goto(`${m.url}/?level=kecamatan&region=51.71&${BASE}&budget=1`);
    await m.waitForMap(LAYER.fill('kecamatan'), '51.71.');
    await page.getByText('Anggaran hanya tersedia per provinsi dan kabupaten/kota').waitFor({ state: 'visible' });
    await page.waitForFunction(() => (window.__petaDeckTestHook?.circles().length ?? -1) === 0, null, { timeout: 30_000 });
    await page.waitForFunction(() => (window.__petaDeckTestHook?.labels().length ?? 0) > 0, null, { timeout: 30_000 });
    page.off('request', onRequest);
    expect(foreign).toEqual([]);
  });

  it('writes region names on the map, with a halo, without overlaps, and hides them on request', async () => {
    await page.goto(`${m.url}/?level=kabkota&region=53&${BASE}`);
    await m.waitForMap(LAYER.fill('kabkota'), '53.');
    await page.waitForFunction(() => (window.__petaDeckTestHook?.labels().length ?? 0) >= 10, null, { timeout: 30_000 });
    expect(await page.getByRole('checkbox', { name: 'Nama wilayah' }).isChecked()).toBe(true);
    const labels = await page.evaluate(() => window.__petaDeckTestHook?.labels() ?? []);
    const texts = labels.map((l) => l.text);
    expect(texts).toContain('Sumba Timur');
    expect(texts).toContain('Kota Kupang');
    expect(texts.some((text) => text.startsWith('Kabupaten'))).toBe(false);
    await m.screenshot('browser-nav-labels-kabkota-53.png');

    // Dark letters and their white halo are on screen where the name of Sumba Timur is.
    const mapBox = await page.getByRole('region', { name: 'Peta', exact: true }).boundingBox();
    const sumba = labels.find((l) => l.text === 'Sumba Timur');
    if (!mapBox || !sumba) throw new Error('no map or no label');
    const area = { x: mapBox.x + sumba.x - 40, y: mapBox.y + sumba.y - 9, width: 80, height: 18 };
    const ink = await countColour(area, '#22211f', 40);
    const halo = await countColour(area, '#ffffff', 6);
    expect(ink).toBeGreaterThan(40);
    expect(halo).toBeGreaterThan(40);

    await page.getByRole('checkbox', { name: 'Nama wilayah' }).uncheck();
    await page.waitForURL((url) => url.searchParams.get('labels') === '0');
    await page.waitForFunction(() => window.__petaDeckTestHook?.labels().length === 0);
    await expect.poll(() => countColour(area, '#22211f', 40)).toBeLessThan(ink / 4);
    expect(await countColour(area, '#ffffff', 6)).toBeLessThan(halo / 2);
  });

  it('fits the search box and its suggestions on a 360 px phone', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${m.url}/?level=kabkota&region=32&${BASE}`);
    await m.waitForMap(LAYER.fill('kabkota'), '32.');
    const search = page.getByRole('combobox', { name: 'Cari wilayah' });
    await search.click();
    await page.keyboard.type('sukamaju');
    const list = page.getByRole('listbox', { name: 'Wilayah yang cocok' });
    await list.getByRole('option').first().waitFor({ state: 'visible' });
    await m.screenshot('browser-nav-phone-360-search.png');
    for (const box of [await search.boundingBox(), await list.boundingBox()]) {
      expect(box).not.toBeNull();
      expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 999) <= 360).toBe(true);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
