import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLUSTERS, type ClustersWire, type LaggingWire } from '../../shared/api/supervision.ts';
import { LAYER } from '../../web/map/style.ts';
import { CLUSTER_COLORS, LAGGING_COLORS } from '../../web/map/supervision-colors.ts';
import { expectColour, hexToRgb, type MapPage, mapPageForFile, near, type Page, type Rgb } from '../support/browser.ts';

/**
 * The supervision views "Tertinggal" and "Klaster" in headless Chromium against the real server:
 * the lagging list and the map agree with the API and with the legend, a row selects its region,
 * the work-list downloads; the clusters paint and their legend counts are the API's.
 * Screenshots go to tests/artifacts/.
 */

let m: MapPage;
let page: Page;
mapPageForFile((opened) => {
  m = opened;
  page = opened.page;
});

const points = (...kodes: string[]) => Promise.all(kodes.map(async (k) => m.toScreen(await m.labelPoint(k))));

/** Waits until the region's pixel shows `hex`, then says so (or what it shows instead). */
async function expectPainted(kode: string, hex: string, name: string) {
  const [point] = await points(kode);
  await expect
    .poll(async () => near((await m.pixels([point as { x: number; y: number }], name))[0] as Rgb, hexToRgb(hex), 10), { timeout: 20_000 })
    .toBe(true);
}

describe('the lagging view', () => {
  const url = '/?level=kabkota&region=53&indicator=prevalensi_stunting&period=2021&mode=lagging&labels=0';
  let report: LaggingWire;

  it('lists the lagging kab/kota with their reasons, and paints them in the legend colours', async () => {
    report = await m.api<LaggingWire>('/api/regions/53/lagging?indicator=prevalensi_stunting&period=2021');
    await page.goto(`${m.url}${url}`);
    await m.waitForMap(LAYER.fill('kabkota'), '53.');
    const list = page.getByRole('list', { name: /kabupaten\/kota tertinggal/i });
    await list.waitFor();
    const flagged = report.children.filter((c) => c.flags > 0);
    expect(await list.locator(':scope > li').count()).toBe(flagged.length);
    // The first row is the most urgent one, with its reasons in words.
    const first = flagged[0];
    const firstRow = list.locator(':scope > li').first();
    expect(await firstRow.innerText()).toContain(first?.nama);
    for (const reason of first?.reasons ?? []) expect(await firstRow.innerText()).toContain(reason.text);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'tertinggal pada 2021' }).innerText()).toContain(`${flagged.length} dari 22`);

    // The legend: four classes with the API's counts, and its swatches in the colours the map uses.
    const legend = page.getByRole('list', { name: 'Jumlah tanda tertinggal' });
    const items = legend.getByRole('listitem');
    expect(await items.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      const expected = report.children.filter((c) => Math.min(c.flags, 3) === i).length;
      expect(await items.nth(i).innerText()).toMatch(new RegExp(`${expected}$`));
      expect(await items.nth(i).getAttribute('data-color')).toBe(LAGGING_COLORS[i]);
    }
    // Two kab/kota with different flag counts are painted in their class colours.
    const byClass = new Map<number, string>();
    for (const child of report.children) if (!byClass.has(Math.min(child.flags, 3))) byClass.set(Math.min(child.flags, 3), child.kode);
    expect(byClass.size).toBeGreaterThanOrEqual(2);
    for (const [flags, kode] of byClass) await expectPainted(kode, LAGGING_COLORS[flags] ?? '', 'supervision-lagging-kabkota-53.png');
  });

  it('selects a region when its row is clicked, and opens it with "Buka"', async () => {
    const first = report.children.find((c) => c.flags > 0);
    const row = page.getByRole('button', { name: new RegExp(first?.nama ?? '') }).first();
    await row.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('select')).toBe(first?.kode);
    expect(await row.getAttribute('aria-pressed')).toBe('true');
    await m.screenshot('supervision-lagging-selected.png');
    await page.getByRole('button', { name: `Buka ${first?.nama}` }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('region')).toBe(first?.kode);
    expect(new URL(page.url()).searchParams.get('mode')).toBe('lagging');
  });

  it('downloads the work-list as CSV and XLSX', async () => {
    await page.goto(`${m.url}${url}`);
    const csvLink = page.getByRole('link', { name: 'CSV' });
    await csvLink.waitFor();
    const [csv] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
    expect(csv.suggestedFilename()).toBe('tertinggal_53_prevalensi_stunting_2021.csv');
    const text = readFileSync((await csv.path()) ?? '', 'utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split('\n');
    expect(lines[0]?.startsWith('urutan,kode,nama')).toBe(true);
    expect(lines).toHaveLength(report.children.length + 1);
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'XLSX' }).click()]);
    expect(xlsx.suggestedFilename()).toBe('tertinggal_53_prevalensi_stunting_2021.xlsx');
    // An XLSX is a zip: it starts with "PK".
    expect(readFileSync((await xlsx.path()) ?? '').subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

describe('the clusters view', () => {
  it('paints the LISA clusters of the kecamatan and counts them in the legend as the API does', async () => {
    // The first request of a level computes its neighbours (decoding the boundary topology); on a
    // loaded machine that can outlast the 20 s handler timeout, which answers 503 with Retry-After.
    let api: ClustersWire | null = null;
    await expect
      .poll(async () => (api = await m.api<ClustersWire>('/api/clusters?indicator=IH-1&period=2024&level=kecamatan&parent=53').catch(() => null)), { timeout: 120_000, interval: 5_000 })
      .not.toBeNull();
    if (!api) throw new Error('no clusters');
    const clusters: ClustersWire = api;
    await page.goto(`${m.url}/?level=kecamatan&region=53.01&indicator=IH-1&period=2024&mode=clusters&labels=0`);
    await m.waitForMap(LAYER.fill('kecamatan'), '53.01.');
    const legend = page.getByRole('list', { name: /Klaster spasial/ });
    await legend.waitFor();
    const shown = Object.entries(clusters.regions).filter(([kode]) => kode.startsWith('53.01.'));
    for (const [i, cluster] of CLUSTERS.entries()) {
      const expected = shown.filter(([, r]) => r.cluster === cluster).length;
      const item = legend.locator(`[data-cluster="${cluster}"]`);
      expect(await item.innerText(), cluster).toMatch(new RegExp(`${expected}$`));
      expect(await item.getAttribute('data-color')).toBe(CLUSTER_COLORS[i]);
    }
    expect(await page.getByText(/999 permutasi, signifikan bila p ≤ 0,05, seed 12345/).count()).toBe(1);
    // One kecamatan of each cluster present is painted in its colour.
    const seen = new Set<string>();
    for (const [kode, region] of shown) {
      if (seen.has(region.cluster)) continue;
      seen.add(region.cluster);
      await expectPainted(kode, CLUSTER_COLORS[CLUSTERS.indexOf(region.cluster)] ?? '', 'supervision-clusters-53.01.png');
    }
    const [pixel] = await m.pixels(await points(shown[0]?.[0] ?? ''), 'supervision-clusters-53.01.png');
    expectColour(pixel, CLUSTER_COLORS[CLUSTERS.indexOf(shown[0]?.[1].cluster ?? 'not-significant')] ?? '', 'first kecamatan', 10);
  });

  it('paints the kab/kota of Indonesia too, with the meaning of "high" for the indicator', async () => {
    await page.goto(`${m.url}/?level=kabkota&region=53&indicator=prevalensi_stunting&period=2021&mode=clusters&labels=0`);
    await m.waitForMap(LAYER.fill('kabkota'), '53.');
    await page.getByText(/nilai tinggi berarti buruk/).waitFor();
    await m.screenshot('supervision-clusters-kabkota-53.png');
  });
});
