import ExcelJS from 'exceljs';
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { embedSnippet } from '../../web/embed/embed-options.ts';
import { PNG_LAYOUT } from '../../web/export/png.ts';
import { classIndex, STUNTING_PREVALENCE } from '../../web/map/classes.ts';
import { LAYER, PALETTE } from '../../web/map/style.ts';
import { ARTIFACTS, decodePng, hexToRgb, near, openMapPage, type MapPage, type Page, type Rgb } from '../support/browser.ts';

/**
 * Publishing (issue 8) in headless Chromium against the real server: the embed view framed by a page
 * of another origin and sized by its height messages; the share dialog; PNG, SVG, CSV and XLSX
 * exports checked against the API; the frame headers of embed and explorer routes. Exported files
 * and screenshots go to tests/artifacts/publish-*.
 */
const NTT_VIEW = '?level=kabkota&region=53&indicator=prevalensi_stunting&period=2022';

let m: MapPage;
let page: Page;
let host: Server;
let hostUrl: string;

beforeAll(async () => {
  m = await openMapPage(inject('appUrl'), { width: 1280, height: 800 });
  page = m.page;
  page.on('console', (message) => {
    if (message.type() === 'error') console.log(`page console: ${message.text()}`);
  });
  // Another origin: a different port on localhost (the app is on 127.0.0.1), serving a page with the snippet.
  const snippet = embedSnippet(`${m.url}/embed${NTT_VIEW}&title=${encodeURIComponent('Stunting di NTT')}`, 'Stunting di NTT');
  host = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><title>Berita daerah</title></head><body style="margin:0;font-family:sans-serif">
<h1 style="margin:8px">Artikel berita</h1><div id="wrap" style="width:100%">${snippet}</div></body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await m?.close();
  await new Promise((resolve) => host?.close(resolve));
});

/** Clicks an export button and saves the download to tests/artifacts/`name`; gives its bytes. */
async function exportFile(button: string, name: string): Promise<Buffer> {
  const summary = page.getByText('Unduh', { exact: true });
  if ((await page.getByRole('button', { name: button }).isVisible()) === false) await summary.click();
  const downloaded = page.waitForEvent('download', { timeout: 90_000 });
  await page.getByRole('button', { name: button }).click();
  const download = await downloaded.catch(async (error: Error) => {
    throw new Error(`${error.message}; the page says: ${(await page.getByRole('status').allInnerTexts()).join(' | ')} ${(await page.getByRole('alert').allInnerTexts()).join(' | ')}`);
  });
  const path = join(ARTIFACTS, name);
  await download.saveAs(path);
  return readFileSync(path);
}

describe('embed view', () => {
  it('may be framed by any site; the explorer may not', async () => {
    const embed = await fetch(`${m.url}/embed${NTT_VIEW}`);
    expect(embed.status).toBe(200);
    expect(embed.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(embed.headers.get('x-frame-options')).toBeNull();
    const explorer = await fetch(`${m.url}/${NTT_VIEW}`);
    expect(explorer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(explorer.headers.get('x-frame-options')).toBe('DENY');
    const api = await fetch(`${m.url}/api/values?indicator=prevalensi_stunting&period=2022&level=provinsi`);
    expect(api.headers.get('x-frame-options')).toBe('DENY');
  });

  it('is shown in an iframe on another origin, which its height messages resize', async () => {
    await page.setViewportSize({ width: 900, height: 800 });
    const heights: number[] = [];
    await page.exposeFunction('__recordEmbedHeight', (h: number) => heights.push(h));
    await page.addInitScript(() => {
      window.addEventListener('message', (e) => {
        if (e.data?.type === 'peta-embed-height') (window as unknown as { __recordEmbedHeight(h: number): void }).__recordEmbedHeight(e.data.height);
      });
    });
    await page.goto(hostUrl);
    const iframe = page.locator('iframe[data-peta-embed]');
    const frame = page.frameLocator('iframe[data-peta-embed]');
    await frame.getByRole('heading', { name: 'Stunting di NTT' }).waitFor();
    await frame.locator('[data-map-state="idle"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => heights.length, { timeout: 30_000 }).toBeGreaterThan(0);
    // The snippet's script set the iframe's height to the embed's own height.
    const fit = async () =>
      iframe.evaluate((el: HTMLIFrameElement) => ({
        style: el.style.height,
        box: el.getBoundingClientRect(),
        content: el.contentDocument ? null : -1,
      }));
    await expect.poll(async () => (await fit()).style, { timeout: 30_000 }).toBe(`${heights.at(-1)}px`);
    const wide = await fit();
    expect(wide.box.width).toBeGreaterThan(880); // the page's full width
    expect(wide.box.height).toBe(heights.at(-1));
    expect(wide.box.height).not.toBe(560); // the snippet's starting height
    // Everything a published map carries.
    await expect.poll(() => frame.locator('figcaption').innerText(), { timeout: 30_000 }).toMatch(/^Peta Prevalensi stunting balita per kabupaten\/kota di Nusa Tenggara Timur, 2022\. \d+ dari \d+ kabupaten\/kota berada di atas target 14%\. Tertinggi .+ \(\d+,\d%\), terendah .+ \(\d+,\d%\)\./);
    const credits = await frame.locator('footer').innerText();
    expect(credits).toContain('Sumber: SSGI 2022, Kemenkes');
    expect(credits).toContain('Periode: 2022');
    expect(credits).toMatch(/Tanggal data: /);
    const link = frame.getByRole('link', { name: 'Lihat di Peta Konvergensi Stunting' });
    expect(await link.getAttribute('href')).toBe(`${m.url}/?level=kabkota&region=53&indicator=prevalensi_stunting&period=2022`);
    // Legend: the seven prevalence classes and "tidak ada data".
    expect(await frame.getByRole('list', { name: 'Legenda' }).getByRole('listitem').count()).toBe(8);
    await page.screenshot({ path: join(ARTIFACTS, 'publish-embed-other-origin.png'), fullPage: true });

    // Narrower page: the map keeps its aspect ratio, the embed reports a new height, the iframe follows.
    const before = heights.length;
    await page.setViewportSize({ width: 520, height: 800 });
    await expect.poll(() => heights.length, { timeout: 30_000 }).toBeGreaterThan(before);
    // A message may still carry the old height (a render that was under way); the new one follows.
    await expect.poll(() => heights.at(-1), { timeout: 30_000 }).not.toBe(wide.box.height);
    await expect.poll(async () => (await fit()).style, { timeout: 30_000 }).toBe(`${heights.at(-1)}px`);
    // The map fitted NTT by itself, so it fits it again at the new size rather than cutting it off.
    const { bbox } = await m.api<{ bbox: [number, number, number, number] }>('/api/regions/53');
    const embed = page.frames().find((f) => f.url().includes('/embed'));
    if (!embed) throw new Error('no embed frame');
    const nttOnScreen = () =>
      embed.evaluate(([w, s, e, n]) => {
        const hook = window.__petaTestHook;
        const map = document.querySelector('[data-map-state]');
        if (!hook || !map) return false;
        const [a, b] = [hook.project([w, s]), hook.project([e, n])];
        const inside = (p: { x: number; y: number }) => p.x >= -1 && p.y >= -1 && p.x <= map.clientWidth + 1 && p.y <= map.clientHeight + 1;
        return inside(a) && inside(b);
      }, bbox);
    await expect.poll(nttOnScreen, { timeout: 30_000 }).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'publish-embed-narrow.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('honours legend=0, static=1 and lang=en', async () => {
    await page.goto(`${m.url}/embed${NTT_VIEW}&legend=0&static=1&lang=en`);
    await page.locator('[data-map-state="idle"]').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('list', { name: 'Legend' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Zoom in' }).count() + (await page.getByRole('button', { name: 'Perbesar' }).count())).toBe(0);
    await expect.poll(() => page.locator('figcaption').innerText(), { timeout: 30_000 }).toMatch(/^Map of .+ by regency\/city in Nusa Tenggara Timur, 2022\./);
    await expect(page.getByRole('link', { name: 'View in the Stunting Convergence Map' }).count()).resolves.toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'publish-embed-static-en.png') });
  });
});

describe('share dialog', () => {
  it('opens as a modal with a preview and a snippet, and closes with Escape', async () => {
    await page.goto(`${m.url}/${NTT_VIEW}`);
    await m.waitForMap(LAYER.fill('kabkota'), '53');
    const opener = page.getByRole('button', { name: 'Bagikan / Sematkan' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Bagikan / sematkan peta' });
    await dialog.waitFor();
    const snippet = dialog.getByLabel('Kode sematan (tempel ke halaman web)');
    // Live by default: no period in the embed URL.
    expect(await snippet.inputValue()).toContain(`${m.url}/embed?level=kabkota&amp;region=53&amp;indicator=prevalensi_stunting"`);
    await dialog.getByRole('radio', { name: /Periode ini saja \(2022\)/ }).check();
    await dialog.getByRole('checkbox', { name: 'Tampilkan legenda' }).uncheck();
    await dialog.getByRole('textbox', { name: 'Judul' }).fill('Stunting NTT');
    expect(await snippet.inputValue()).toContain('period=2022&amp;title=Stunting+NTT&amp;legend=0');
    const preview = page.frameLocator('dialog iframe');
    await preview.getByRole('heading', { name: 'Stunting NTT' }).waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'publish-share-dialog.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
  });
});

describe('exports of the explorer view (NTT kab/kota, 2022)', () => {
  it('PNG at 2x: the map, the legend colours in their row, and twice the size', async () => {
    await page.goto(`${m.url}/${NTT_VIEW}`);
    await m.waitForMap(LAYER.fill('kabkota'), '53');
    const mapSize = await page.evaluate(() => {
      const el = document.querySelector('[data-map-state]') as HTMLElement;
      return { width: el.clientWidth, height: el.clientHeight };
    });
    const png = await exportFile('Gambar PNG (2x)', 'publish-ntt-2x.png');
    const L = PNG_LAYOUT;
    // The legend's swatches flow in rows (two at this width): sample across the first three row positions.
    const rowY = (k: number) => (L.header + mapSize.height + L.legendTop + k * (L.swatch + 8) + L.swatch / 2) * 2;
    const row = [0, 1, 2].flatMap((k) => Array.from({ length: mapSize.width }, (_, x) => ({ x: x * 2, y: rowY(k) })));
    const mapMiddle = { x: mapSize.width, y: (L.header + mapSize.height / 2) * 2 };
    const { width, height, colours, distinct } = await decodePng(page, png, { points: [...row, mapMiddle] });
    expect(width).toBe(mapSize.width * 2);
    expect(height).toBeGreaterThan((L.header + mapSize.height) * 2);
    expect(distinct).toBeGreaterThan(30); // not blank: map, text, legend
    const legendRow = colours.slice(0, -1);
    for (const hex of [...STUNTING_PREVALENCE.colors, PALETTE.noDataBackground]) {
      expect(legendRow.some((c) => near(c, hexToRgb(hex), 2)), `legend swatch ${hex}`).toBe(true);
    }
    // The first swatch starts at the margin.
    expect(near(legendRow[(L.margin + L.swatch / 2) | 0] as Rgb, hexToRgb(STUNTING_PREVALENCE.colors[0] as string), 2)).toBe(true);
    // The alt text is offered beside the download.
    const alt = await page.getByLabel('Teks alternatif (untuk disalin bersama gambar)').inputValue();
    expect(alt).toMatch(/^Peta Prevalensi stunting balita per kabupaten\/kota di Nusa Tenggara Timur, 2022\./);
  });

  it('PNG at 4x is four times the map', async () => {
    const mapWidth = await page.evaluate(() => (document.querySelector('[data-map-state]') as HTMLElement).clientWidth);
    const png = await exportFile('Gambar PNG (4x, cetak)', 'publish-ntt-4x.png');
    const { width, distinct } = await decodePng(page, png);
    expect(width).toBe(mapWidth * 4);
    expect(distinct).toBeGreaterThan(30);
  });

  it('SVG: parses, one path per region with a polygon, described by the alt text', async () => {
    const svg = (await exportFile('Gambar vektor SVG', 'publish-ntt.svg')).toString('utf8');
    const children = await m.api<{ children: { kode: string; has_geometry: boolean }[] }>('/api/regions/53/children');
    const withPolygon = children.children.filter((c) => c.has_geometry).map((c) => c.kode).sort();
    const values = await m.api<{ values: Record<string, { value: number }> }>('/api/values?indicator=prevalensi_stunting&period=2022&level=kabkota&parent=53');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        kodes: [...doc.querySelectorAll('path[data-kode]')].map((p) => p.getAttribute('data-kode') ?? ''),
        fills: Object.fromEntries([...doc.querySelectorAll('path[data-kode]')].map((p) => [p.getAttribute('data-kode'), p.getAttribute('fill')])),
        desc: doc.querySelector('desc')?.textContent ?? '',
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect([...parsed.kodes].sort()).toEqual(withPolygon);
    expect(parsed.kodes.length).toBe(22);
    // Each region filled with its class colour.
    expect(Object.keys(values.values).length).toBeGreaterThan(0);
    for (const kode of parsed.kodes) {
      const value = values.values[kode]?.value;
      let i = 0;
      while (value !== undefined && i < STUNTING_PREVALENCE.breaks.length && value >= (STUNTING_PREVALENCE.breaks[i] as number)) i++;
      expect(parsed.fills[kode], kode).toBe(value === undefined ? PALETTE.noDataBackground : STUNTING_PREVALENCE.colors[i]);
    }
    expect(parsed.desc).toMatch(/^Peta Prevalensi stunting balita per kabupaten\/kota di Nusa Tenggara Timur, 2022\./);
    expect(parsed.texts).toContain('Sumber: SSGI 2022, Kemenkes.');
    // Drawn for a person to look at.
    const viewer = await m.context.newPage();
    await viewer.setContent(svg.replace(/^<\?xml[^>]*>/, ''));
    await viewer.screenshot({ path: join(ARTIFACTS, 'publish-ntt-svg.png'), fullPage: true });
    await viewer.close();
  });

  it('CSV is the API\'s CSV; XLSX holds the same rows with the values of /api/values', async () => {
    const csv = (await exportFile('Data CSV', 'publish-ntt.csv')).toString('utf8');
    const api = await (await fetch(`${m.url}/api/values.csv?indicator=prevalensi_stunting&period=2022&level=kabkota&parent=53`)).text();
    expect(csv).toBe(api);
    const xlsx = await exportFile('Data XLSX (Excel)', 'publish-ntt.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet('data');
    if (!sheet) throw new Error('no sheet "data"');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(api.replace(/^\uFEFF/, '').split(/\r?\n/)[0]?.split(','));
    const kodeCol = header.indexOf('kode') + 1;
    const nilaiCol = header.indexOf('nilai') + 1;
    const values = await m.api<{ values: Record<string, { value: number }> }>('/api/values?indicator=prevalensi_stunting&period=2022&level=kabkota&parent=53');
    const fromXlsx: Record<string, unknown> = {};
    for (let r = 2; r <= sheet.rowCount; r++) fromXlsx[String(sheet.getRow(r).getCell(kodeCol).value)] = sheet.getRow(r).getCell(nilaiCol).value;
    expect(sheet.rowCount - 1).toBe(22);
    // Every region shown is a row; those with a value carry exactly the API's value, the others none.
    const expected = Object.fromEntries(Object.keys(fromXlsx).map((k) => [k, values.values[k]?.value ?? null]));
    expect(Object.keys(values.values).every((k) => k in fromXlsx)).toBe(true);
    expect(fromXlsx).toEqual(expected);
    const about = workbook.worksheets[1];
    const aboutText = about ? (about.getColumn(1).values as unknown[]).join('\n') : '';
    expect(aboutText).toContain('Sumber: SSGI 2022, Kemenkes');
    expect(aboutText).toContain('Periode: 2022');
  });

  it('builds the print sheet only while printing, for Ctrl+P as for "Cetak"', async () => {
    const sheet = page.locator('.print-sheet');
    // Not kept in the page between prints: it reads every value shown, at every repaint.
    expect(await sheet.count()).toBe(0);
    // What the browser fires for Ctrl+P; the sheet must be in the page before it lays out for print.
    const rendered = await page.evaluate(async () => {
      window.dispatchEvent(new Event('beforeprint'));
      await Promise.resolve();
      const sheet = document.querySelector('.print-sheet');
      return { text: sheet?.textContent ?? null, image: sheet?.querySelector('img.print-map')?.getAttribute('src') ?? null };
    });
    expect(rendered.text).toContain('Periode: 2022');
    expect(rendered.text).toContain('Sumber: SSGI 2022, Kemenkes');
    // With the map as drawn: NTT's kab/kota in their class colours, not a blank canvas.
    expect(rendered.image).toMatch(/^data:image\/png;base64,/);
    const { values } = await m.api<{ values: Record<string, { value: number }> }>('/api/values?indicator=prevalensi_stunting&period=2022&level=kabkota&parent=53');
    const [someValue] = Object.values(values).map((v) => v.value);
    if (someValue === undefined) throw new Error('no NTT value to look for');
    const colour = hexToRgb(STUNTING_PREVALENCE.colors[classIndex(someValue, STUNTING_PREVALENCE.breaks)] ?? '#000000');
    const image = await decodePng(page, Buffer.from((rendered.image ?? '').split(',')[1] ?? '', 'base64'), { colour: { rgb: colour, tolerance: 6 } });
    expect(image.distinct).toBeGreaterThan(8);
    expect(image.matching).toBeGreaterThan(100);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(ARTIFACTS, 'publish-ntt-print.png') });
    await page.emulateMedia({ media: null });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect.poll(() => sheet.count()).toBe(0);
  });
});
