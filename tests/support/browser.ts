import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

/**
 * Headless Debian Chromium on the app, with the questions browser tests keep asking: where is a
 * place on the screen, which regions has the map drawn, what colour is a pixel, what does the API say.
 * Screenshots go to tests/artifacts/ (git-ignored) for a human to look at.
 */

export const ARTIFACTS = 'tests/artifacts';

export type Rgb = [number, number, number];

export function hexToRgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function near(a: Rgb, b: Rgb, tolerance = 8): boolean {
  return a.every((v, i) => Math.abs(v - (b[i] as number)) <= tolerance);
}

/** Asserts a sampled pixel is the expected colour, saying both when it is not. */
export function expectColour(actual: Rgb | undefined, expectedHex: string, what: string, tolerance = 8) {
  const expected = hexToRgb(expectedHex);
  if (!actual || !near(actual, expected, tolerance)) {
    throw new Error(`${what}: expected ${expectedHex} (${expected.join(',')}), the screen shows ${actual?.join(',')}`);
  }
}

export type { Page } from 'playwright-core';

export interface DecodedPng {
  width: number;
  height: number;
  /** at each of `points`, the most common colour in a `box` x `box` square centred on it */
  colours: Rgb[];
  /** distinct colours among every 97th pixel: a blank or one-colour image has very few */
  distinct: number;
  /** how many pixels are within `colour.tolerance` of `colour.rgb` in every channel (0 without `colour`) */
  matching: number;
}

/**
 * Decodes a PNG (bytes) in the page's own canvas, so the tests need no image library: its size, how
 * many colours it has, its colours at pixel points (`box` 1: the pixel itself) and how many of its
 * pixels are near a colour.
 */
export async function decodePng(
  page: Page,
  png: Buffer,
  { points = [], box = 1, colour }: { points?: { x: number; y: number }[]; box?: number; colour?: { rgb: Rgb; tolerance: number } } = {},
): Promise<DecodedPng> {
  return page.evaluate(
    async ({ b64, pts, box, colour }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2d context');
      ctx.drawImage(img, 0, 0);
      const all = ctx.getImageData(0, 0, img.width, img.height).data;
      const distinct = new Set<number>();
      for (let i = 0; i < all.length; i += 4 * 97) distinct.add((all[i]! << 16) | (all[i + 1]! << 8) | all[i + 2]!);
      let matching = 0;
      if (colour) {
        const { rgb, tolerance } = colour;
        for (let i = 0; i < all.length; i += 4) {
          if (Math.abs(all[i]! - rgb[0]) <= tolerance && Math.abs(all[i + 1]! - rgb[1]) <= tolerance && Math.abs(all[i + 2]! - rgb[2]) <= tolerance) matching++;
        }
      }
      const half = (box - 1) / 2;
      const colours = pts.map(({ x, y }) => {
        const d = ctx.getImageData(Math.round(x) - half, Math.round(y) - half, box, box).data;
        const counts = new Map<string, number>();
        for (let i = 0; i < d.length; i += 4) {
          const key = `${d[i]},${d[i + 1]},${d[i + 2]}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
        return (top?.[0] ?? '0,0,0').split(',').map(Number) as [number, number, number];
      });
      return { width: img.width, height: img.height, colours, distinct: distinct.size, matching };
    },
    { b64: png.toString('base64'), pts: points, box, colour },
  );
}

export interface MapPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** The app's base URL, without a trailing slash. */
  readonly url: string;
  /** GET a JSON API path of the app; throws on a non-2xx answer. */
  api<T>(path: string): Promise<T>;
  /** A region's value from /api/values, or null when it has none. */
  valueOf(level: string, kode: string, parent?: string, period?: string, indicator?: string): Promise<number | null>;
  /** A region's label point from /api/regions. */
  labelPoint(kode: string): Promise<[number, number]>;
  /** Screen point (page coordinates) of a longitude/latitude. */
  toScreen(lngLat: [number, number]): Promise<{ x: number; y: number }>;
  /** Colours of the screenshot at page points; the screenshot is saved as tests/artifacts/`name`. */
  pixels(points: { x: number; y: number }[], name: string): Promise<Rgb[]>;
  /** Codes of the features a map layer has drawn in the current view. */
  renderedKodes(layerId: string): Promise<string[]>;
  /** Waits until the map is idle and `layerId` has drawn features, all starting with `prefix`. */
  waitForMap(layerId: string, prefix?: string): Promise<void>;
  /** Clicks a region at its label point. */
  clickRegion(kode: string): Promise<void>;
  /** A parameter of the page's URL (the view: level, region, map, select, ...), or null. */
  param(name: string): string | null;
  /** The breadcrumb as one line: "Indonesia › Bali". */
  breadcrumbText(): Promise<string>;
  /** Saves a screenshot of the page as tests/artifacts/`name`. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * One map page for a whole test file, on the shared test server: opened before its first test and
 * handed to `use`, closed after its last.
 */
export function mapPageForFile(use: (opened: MapPage) => void): void {
  let opened: MapPage | undefined;
  beforeAll(async () => {
    opened = await openMapPage(inject('appUrl'));
    use(opened);
  });
  afterAll(async () => {
    await opened?.close();
  });
}

/** Opens Chromium on a blank page; `url` is the app every helper talks to. */
export async function openMapPage(url: string, viewport = { width: 1280, height: 800 }): Promise<MapPage> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const profileDir = mkdtempSync(join(tmpdir(), 'peta-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport,
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
  const page = context.pages()[0] ?? (await context.newPage());

  async function api<T>(path: string): Promise<T> {
    const response = await fetch(`${url}${path}`);
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async function labelPoint(kode: string): Promise<[number, number]> {
    const region = await api<{ label: [number, number] | null }>(`/api/regions/${kode}`);
    if (!region.label) throw new Error(`region ${kode} has no label point`);
    return region.label;
  }

  async function toScreen(lngLat: [number, number]) {
    const mapBox = await page.getByRole('region', { name: /^(Peta|Map)$/ }).first().boundingBox();
    if (!mapBox) throw new Error('the map is not on the page');
    const p = await page.evaluate((ll) => {
      if (!window.__petaTestHook) throw new Error('window.__petaTestHook is missing (is navigator.webdriver set?)');
      return window.__petaTestHook.project(ll);
    }, lngLat);
    return { x: mapBox.x + p.x, y: mapBox.y + p.y };
  }

  return {
    page,
    context,
    url,
    api,
    labelPoint,
    toScreen,
    async valueOf(level, kode, parent, period = '2022', indicator = 'prevalensi_stunting') {
      const q = new URLSearchParams({ indicator, period, level });
      if (parent) q.set('parent', parent);
      const body = await api<{ values: Record<string, { value: number }> }>(`/api/values?${q}`);
      return body.values[kode]?.value ?? null;
    },
    async pixels(points, name) {
      const png = await page.screenshot({ path: join(ARTIFACTS, name) });
      // The most common colour in a 7 x 7 box: one stray border pixel does not decide the answer.
      return (await decodePng(page, png, { points, box: 7 })).colours;
    },
    renderedKodes: (layerId) => page.evaluate((id) => window.__petaTestHook?.renderedKodes(id) ?? [], layerId),
    async waitForMap(layerId, prefix = '') {
      await page.waitForFunction(
        ({ layerId, prefix }) => {
          const map = document.querySelector('[data-map-state]');
          const kodes = window.__petaTestHook?.renderedKodes(layerId) ?? [];
          return map?.getAttribute('data-map-state') === 'idle' && kodes.length > 0 && kodes.every((k) => k.startsWith(prefix));
        },
        { layerId, prefix },
        { timeout: 60_000, polling: 200 },
      );
    },
    async clickRegion(kode) {
      const point = await toScreen(await labelPoint(kode));
      await page.mouse.click(point.x, point.y);
    },
    param: (name) => new URL(page.url()).searchParams.get(name),
    async breadcrumbText() {
      return (await page.getByRole('navigation', { name: /^(Wilayah|Regions)$/ }).innerText()).replace(/\s+/g, ' ').trim();
    },
    async screenshot(name) {
      await page.screenshot({ path: join(ARTIFACTS, name) });
    },
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
