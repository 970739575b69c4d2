import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { colorFor, STUNTING_PREVALENCE } from '../../web/map/classes.ts';
import { COVERAGE } from '../../web/map/classify.ts';
import { LAYER, PALETTE } from '../../web/map/style.ts';
import { startAppServer, type AppServer } from '../support/app-server.ts';

/**
 * The map in headless Chromium against the real server and the shipped data: colours a user sees,
 * legend, source line, tooltip, drill-down into a province, URL state across reload and history.
 * Screenshots go to tests/artifacts/ (git-ignored) for a human to look at.
 */

const ARTIFACTS = 'tests/artifacts';
const PERIOD = '2022';
const NTT = '53';
const BALI = '51';

let server: AppServer;
let context: BrowserContext;
let page: Page;
let profileDir: string;

type Rgb = [number, number, number];

function hexToRgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function near(a: Rgb, b: Rgb, tolerance = 8): boolean {
  return a.every((v, i) => Math.abs(v - (b[i] as number)) <= tolerance);
}

/** Asserts a sampled pixel is the expected colour, saying both when it is not. */
function expectColour(actual: Rgb | undefined, expectedHex: string, what: string, tolerance = 8) {
  const expected = hexToRgb(expectedHex);
  if (!actual || !near(actual, expected, tolerance)) {
    throw new Error(`${what}: expected ${expectedHex} (${expected.join(',')}), the screen shows ${actual?.join(',')}`);
  }
}

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function labelPoint(kode: string): Promise<[number, number]> {
  const region = await api<{ label: [number, number] | null }>(`/api/regions/${kode}`);
  if (!region.label) throw new Error(`region ${kode} has no label point`);
  return region.label;
}

async function valueOf(
  level: string,
  kode: string,
  parent?: string,
  period = PERIOD,
  indicator = 'prevalensi_stunting',
): Promise<number | null> {
  const q = new URLSearchParams({ indicator, period, level });
  if (parent) q.set('parent', parent);
  const body = await api<{ values: Record<string, { value: number }> }>(`/api/values?${q}`);
  return body.values[kode]?.value ?? null;
}

/** Screen point of a longitude/latitude, in page coordinates. */
async function toScreen(lngLat: [number, number]): Promise<{ x: number; y: number }> {
  const mapBox = await page.getByRole('region', { name: 'Peta', exact: true }).boundingBox();
  if (!mapBox) throw new Error('the map is not on the page');
  const p = await page.evaluate((ll) => {
    if (!window.__petaTestHook) throw new Error('window.__petaTestHook is missing (is navigator.webdriver set?)');
    return window.__petaTestHook.project(ll);
  }, lngLat);
  return { x: mapBox.x + p.x, y: mapBox.y + p.y };
}

/** Colours of the screenshot at page points, read by decoding the PNG in the page's own canvas. */
async function pixels(points: { x: number; y: number }[], name: string): Promise<Rgb[]> {
  const png = await page.screenshot({ path: join(ARTIFACTS, name) });
  return page.evaluate(
    async ({ b64, pts }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(img, 0, 0);
      // The most common colour in a 7 x 7 box: one stray border pixel does not decide the answer.
      return pts.map(({ x, y }) => {
        const d = ctx.getImageData(Math.round(x) - 3, Math.round(y) - 3, 7, 7).data;
        const counts = new Map<string, number>();
        for (let i = 0; i < d.length; i += 4) {
          const key = `${d[i]},${d[i + 1]},${d[i + 2]}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
        return (top?.[0] ?? '0,0,0').split(',').map(Number) as [number, number, number];
      });
    },
    { b64: png.toString('base64'), pts: points },
  );
}

/** Waits until the map says it is idle and `layerId` has drawn features (all matching `prefix`). */
async function renderedKodes(layerId: string): Promise<string[]> {
  return page.evaluate((id) => window.__petaTestHook?.renderedKodes(id) ?? [], layerId);
}

/** Clicks a region at its label point (from /api/regions). */
async function clickRegion(kode: string) {
  const point = await toScreen(await labelPoint(kode));
  await page.mouse.click(point.x, point.y);
}

async function breadcrumbText(): Promise<string> {
  return (await page.getByRole('navigation', { name: 'Wilayah' }).innerText()).replace(/\s+/g, ' ').trim();
}

async function waitForMap(layerId: string, prefix = '') {
  await page.waitForFunction(
    ({ layerId, prefix }) => {
      const map = document.querySelector('[data-map-state]');
      const kodes = window.__petaTestHook?.renderedKodes(layerId) ?? [];
      return map?.getAttribute('data-map-state') === 'idle' && kodes.length > 0 && kodes.every((k) => k.startsWith(prefix));
    },
    { layerId, prefix },
    { timeout: 60_000, polling: 200 },
  );
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  if (!existsSync('dist/web/index.html')) {
    // `npm test` builds first; this makes `vitest run --project browser` work on its own too.
    const { build } = await import('vite');
    await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  }
  server = await startAppServer();
  profileDir = mkdtempSync(join(tmpdir(), 'peta-chromium-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await server?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

describe('peta stunting in a browser', () => {
  it('paints provinces by class, with legend, source line and tooltip', async () => {
    await page.goto(`${server.url}/?level=provinsi&region=ID&indicator=prevalensi_stunting&period=${PERIOD}`);
    await waitForMap(LAYER.fill('provinsi'));

    const rendered = await page.evaluate((id) => window.__petaTestHook?.renderedKodes(id) ?? [], LAYER.fill('provinsi'));
    expect(rendered).toContain(NTT);
    expect(rendered).toContain(BALI);

    const [nttValue, baliValue] = [await valueOf('provinsi', NTT), await valueOf('provinsi', BALI)];
    expect(nttValue).toBe(35.3);
    expect(baliValue).not.toBeNull();
    const nttPoint = await toScreen(await labelPoint(NTT));
    const baliPoint = await toScreen(await labelPoint(BALI));
    const [ntt, bali] = await pixels([nttPoint, baliPoint], 'browser-provinsi-2022.png');

    // Each province shows the colour of its own class, and the two classes differ.
    expectColour(ntt, colorFor(nttValue as number, STUNTING_PREVALENCE), `NTT (${nttValue}%)`);
    expectColour(bali, colorFor(baliValue as number, STUNTING_PREVALENCE), `Bali (${baliValue}%)`);
    expect(near(ntt as Rgb, bali as Rgb, 30)).toBe(false);

    const legend = page.getByRole('list', { name: 'Legenda' });
    await expect.poll(() => legend.isVisible()).toBe(true);
    const legendText = await legend.innerText();
    expect(legendText).toContain('≥ 35');
    expect(legendText).toContain('Tidak ada data');
    await expect.poll(() => page.getByText(`Sumber: SSGI ${PERIOD}, Kemenkes`).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole('radio', { name: PERIOD }).isChecked()).toBe(true);

    await page.mouse.move(nttPoint.x, nttPoint.y);
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor({ state: 'visible' });
    const tooltipText = await tooltip.innerText();
    expect(tooltipText).toContain('Nusa Tenggara Timur');
    expect(tooltipText).toContain('35,3%');
    await page.screenshot({ path: join(ARTIFACTS, 'browser-provinsi-hover.png') });
    await page.mouse.move(1, 1);
  });

  it('switches the year from the year selector', async () => {
    // Bali: 8,0% in 2022 and 10,9% in 2021, on either side of the 10% break.
    const bali2021 = await valueOf('provinsi', BALI, undefined, '2021');
    expect(bali2021).not.toBeNull();
    expect(colorFor(bali2021 as number, STUNTING_PREVALENCE)).not.toBe(
      colorFor((await valueOf('provinsi', BALI)) as number, STUNTING_PREVALENCE),
    );
    await page.getByRole('radio', { name: '2021' }).check();
    await page.waitForURL((url) => url.searchParams.get('period') === '2021');
    await waitForMap(LAYER.fill('provinsi'));
    const baliPoint = await toScreen(await labelPoint(BALI));
    const expected = hexToRgb(colorFor(bali2021 as number, STUNTING_PREVALENCE));
    await expect
      .poll(async () => near((await pixels([baliPoint], 'browser-provinsi-2021.png'))[0] as Rgb, expected), { timeout: 15_000 })
      .toBe(true);
    await expect.poll(() => page.getByText('Sumber: SSGI 2021, Kemenkes').isVisible(), { timeout: 15_000 }).toBe(true);

    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('period') === PERIOD);
    expect(await page.getByRole('radio', { name: PERIOD }).isChecked()).toBe(true);
    await waitForMap(LAYER.fill('provinsi'));
  });

  it('drills down into a province, keeps it in the URL across reload, and goes back to Indonesia', async () => {
    const nttPoint = await toScreen(await labelPoint(NTT));
    await page.mouse.click(nttPoint.x, nttPoint.y);
    await page.waitForURL((url) => url.searchParams.get('level') === 'kabkota' && url.searchParams.get('region') === NTT);
    expect(new URL(page.url()).searchParams.get('period')).toBe(PERIOD);
    await waitForMap(LAYER.fill('kabkota'), `${NTT}.`);

    const checkKabkota = async (screenshot: string) => {
      const kodes = await page.evaluate((id) => window.__petaTestHook?.renderedKodes(id) ?? [], LAYER.fill('kabkota'));
      expect(kodes.length).toBeGreaterThanOrEqual(20); // NTT has 22 kab/kota, all inside the view
      expect(kodes.every((k) => k.startsWith(`${NTT}.`))).toBe(true);
      const breadcrumb = page.getByRole('navigation', { name: 'Wilayah' });
      expect(await breadcrumb.getByRole('link', { name: 'Indonesia' }).isVisible()).toBe(true);
      expect(await breadcrumb.innerText()).toContain('Nusa Tenggara Timur');

      // Sikka (53.07) has a published 2022 figure; Timor Tengah Selatan (53.03) has none: hatched.
      const sikka = await valueOf('kabkota', '53.07', NTT);
      expect(sikka).not.toBeNull();
      expect(await valueOf('kabkota', '53.03', NTT)).toBeNull();
      const points = [await toScreen(await labelPoint('53.07')), await toScreen(await labelPoint('53.03'))];
      const [sikkaPixel, ttsPixel] = await pixels(points, screenshot);
      expectColour(sikkaPixel, colorFor(sikka as number, STUNTING_PREVALENCE), `Sikka (${sikka}%)`);
      const hatch = [PALETTE.noDataStripe, PALETTE.noDataBackground].map(hexToRgb);
      expect(hatch.some((c) => near(ttsPixel as Rgb, c, 12))).toBe(true);
    };
    await checkKabkota('browser-kabkota-53.png');

    await page.reload();
    await waitForMap(LAYER.fill('kabkota'), `${NTT}.`);
    expect(new URL(page.url()).searchParams.get('region')).toBe(NTT);
    await checkKabkota('browser-kabkota-53-reloaded.png');

    await page.getByRole('navigation', { name: 'Wilayah' }).getByRole('link', { name: 'Indonesia' }).click();
    await page.waitForURL((url) => url.searchParams.get('level') === 'provinsi');
    await waitForMap(LAYER.fill('provinsi'));
    expect(await page.evaluate((id) => window.__petaTestHook?.renderedKodes(id) ?? [], LAYER.fill('provinsi'))).toContain(BALI);

    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('region') === NTT);
    await waitForMap(LAYER.fill('kabkota'), `${NTT}.`);
  });

  it('drills from Indonesia to the desa of one kecamatan by clicking, with URL and breadcrumbs at each step', async () => {
    await page.goto(`${server.url}/?level=provinsi&region=ID&indicator=prevalensi_stunting&period=${PERIOD}`);
    await waitForMap(LAYER.fill('provinsi'));
    expect(await breadcrumbText()).toBe('Indonesia');

    const steps = [
      { click: BALI, level: 'kabkota', crumbs: 'Indonesia › Bali' },
      { click: '51.71', level: 'kecamatan', crumbs: 'Indonesia › Bali › Kota Denpasar' },
      { click: '51.71.01', level: 'desa', crumbs: 'Indonesia › Bali › Kota Denpasar › Denpasar Selatan' },
    ] as const;
    for (const step of steps) {
      await clickRegion(step.click);
      await page.waitForURL((url) => url.searchParams.get('region') === step.click);
      const url = new URL(page.url());
      expect(url.searchParams.get('level')).toBe(step.level);
      expect(url.searchParams.get('indicator')).toBe('prevalensi_stunting');
      await waitForMap(LAYER.fill(step.level), `${step.click}.`);
      expect(await breadcrumbText()).toBe(step.crumbs);
      // every ancestor is a link
      const links = page.getByRole('navigation', { name: 'Wilayah' }).getByRole('link');
      expect(await links.count()).toBe(step.crumbs.split('›').length - 1);
    }
    // Prevalence is not reported per desa: the page says so, and the desa are drawn as "tidak ada data".
    expect(await page.getByRole('status').innerText()).toContain('tidak tersedia per desa/kelurahan');
    const desa = await renderedKodes(LAYER.fill('desa'));
    expect(desa.length).toBeGreaterThanOrEqual(8); // Denpasar Selatan has 10 desa/kelurahan
    await page.screenshot({ path: join(ARTIFACTS, 'browser-desa-51.71.01-prevalensi.png') });

    // Back goes up one level, forward down again.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('region') === '51.71');
    await waitForMap(LAYER.fill('kecamatan'), '51.71.');
    expect(await breadcrumbText()).toBe('Indonesia › Bali › Kota Denpasar');
    await page.screenshot({ path: join(ARTIFACTS, 'browser-kecamatan-51.71.png') });
    await page.goForward();
    await page.waitForURL((url) => url.searchParams.get('region') === '51.71.01');
    await waitForMap(LAYER.fill('desa'), '51.71.01.');
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
    await waitForMap(LAYER.fill('desa'), '51.71.01.');

    // The legend carries the demonstration notice, and the classes are the coverage ones.
    const notice = page.getByRole('note').filter({ hasText: 'DATA DEMONSTRASI — bukan data nyata' });
    await expect.poll(() => notice.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole('list', { name: 'Legenda' }).innerText()).toContain('≥ 90');

    // A desa is painted in its coverage class, and its tooltip says the figure is demonstration data.
    const kode = '51.71.01.1001';
    const period = await page.getByRole('radio', { checked: true }).inputValue();
    const value = await valueOf('desa', kode, '51.71.01', period, 'IH-1');
    expect(value).not.toBeNull();
    const point = await toScreen(await labelPoint(kode));
    const [pixel] = await pixels([point], 'browser-desa-51.71.01-IH-1.png');
    expectColour(pixel, colorFor(value as number, COVERAGE), `desa ${kode} (${value}%)`);
    await page.mouse.move(point.x, point.y);
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor({ state: 'visible' });
    const text = await tooltip.innerText();
    expect(text).toContain('Desa/kelurahan');
    expect(text).toContain('DATA DEMONSTRASI — bukan data nyata');
    expect(text).toMatch(/\d+ dari \d+/);
    await page.screenshot({ path: join(ARTIFACTS, 'browser-desa-51.71.01-IH-1-hover.png') });
    await page.mouse.move(1, 1);
  });

  it('names the desa that have a value but no boundary', async () => {
    await page.goto(`${server.url}/?level=desa&region=96.01.05&indicator=IH-1&period=2024`);
    await waitForMap(LAYER.fill('desa'), '96.01.05.');
    const note = page.getByRole('note').filter({ hasText: 'tanpa batas wilayah' });
    await note.waitFor({ state: 'visible' });
    expect(await note.innerText()).toContain('Malagusa');
  });

  it('fits a 360 px wide phone', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${server.url}/?level=provinsi&region=ID&indicator=prevalensi_stunting&period=${PERIOD}`);
    await waitForMap(LAYER.fill('provinsi'));
    await page.screenshot({ path: join(ARTIFACTS, 'browser-phone-360.png') });
    // Nothing overflows sideways, and the year choice and legend are on screen without scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    for (const locator of [page.getByRole('radio', { name: '2021' }), page.getByRole('list', { name: 'Legenda' })]) {
      const box = await locator.boundingBox();
      expect(box).not.toBeNull();
      expect((box?.y ?? 999) + (box?.height ?? 0)).toBeLessThanOrEqual(740);
    }
    const mapBox = await page.getByRole('region', { name: 'Peta', exact: true }).boundingBox();
    expect(mapBox?.height ?? 0).toBeGreaterThan(300);

    await page.goto(`${server.url}/?level=desa&region=51.71.01&indicator=IH-1&period=2024`);
    await waitForMap(LAYER.fill('desa'), '51.71.01.');
    await page.screenshot({ path: join(ARTIFACTS, 'browser-phone-360-desa-IH-1.png') });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expect.poll(() => page.getByRole('note').filter({ hasText: 'DATA DEMONSTRASI' }).isVisible(), { timeout: 15_000 }).toBe(true);
  });
});
