import { describe, expect, it } from 'vitest';
import { LAYER } from '../../web/map/style.ts';
import { type MapPage, mapPageForFile, type Page } from '../support/browser.ts';

/**
 * The side panel in headless Chromium against the real server: the tooltip in context, the ranking
 * table (sorting by mouse and keyboard, selecting, drilling in), the region panel with its
 * indicators, trend lines and aksi status, and the footer's last-import line. Expected figures are
 * read from the API and written here the Indonesian way, so a wrong number fails the test.
 * Screenshots go to tests/artifacts/.
 */

let m: MapPage;
let page: Page;

mapPageForFile((opened) => {
  m = opened;
  page = opened.page;
});

/** 35.3 → "35,3"; 1234 → "1.234". */
const id1 = (x: number) => x.toFixed(1).replace('.', ',');
const idCount = (x: number) => Math.round(x).toLocaleString('id-ID');

interface Value {
  value: number;
  numerator?: number;
  denominator?: number;
  demo?: boolean;
  reporting?: number;
  expected?: number;
}
async function values(indicator: string, period: string, level: string, parent?: string): Promise<Record<string, Value>> {
  const q = new URLSearchParams({ indicator, period, level });
  if (parent) q.set('parent', parent);
  return (await m.api<{ values: Record<string, Value> }>(`/api/values?${q}`)).values;
}

/** Competition rank, 1 = best, written out here independently of the page's code. */
function expectedRank(all: Record<string, Value>, kode: string, direction: 'lower' | 'higher'): { rank: number; of: number } {
  const own = all[kode]?.value as number;
  const better = Object.values(all).filter((v) => (direction === 'lower' ? v.value < own : v.value > own)).length;
  return { rank: better + 1, of: Object.keys(all).length };
}

async function hover(kode: string): Promise<string> {
  const point = await m.toScreen(await m.labelPoint(kode));
  await page.mouse.move(point.x, point.y);
  const tooltip = page.getByRole('tooltip');
  await tooltip.waitFor({ state: 'visible' });
  return tooltip.innerText();
}

const table = (name: RegExp) => page.getByRole('table', { name });
const rowNames = async (name: RegExp) => (await table(name).getByRole('rowheader').allInnerTexts()).map((s) => s.trim());

describe('the tooltip in context', () => {
  it('gives a real value its rank among siblings, the gap to the target, the parent value, source and period', async () => {
    await page.goto(`${m.url}/?level=provinsi&region=ID&indicator=prevalensi_stunting&period=2022`);
    await m.waitForMap(LAYER.fill('provinsi'));
    const provinces = await values('prevalensi_stunting', '2022', 'provinsi');
    const { rank, of } = expectedRank(provinces, '53', 'lower');
    const ntt = provinces['53']?.value as number;
    // Indonesia's own figure is in any province's profile as its parent's value.
    const profile = await m.api<{ indicators: { id: string; parent_value: number }[] }>('/api/regions/53?period=2022');
    const indonesia = profile.indicators.find((i) => i.id === 'prevalensi_stunting')?.parent_value as number;

    await hover('53');
    // The parent's value is fetched on the first hover.
    await expect.poll(() => page.getByRole('tooltip').innerText(), { timeout: 15_000 }).toContain(`Angka Indonesia: ${id1(indonesia)}%`);
    const text = await page.getByRole('tooltip').innerText();
    expect(text).toContain('Nusa Tenggara Timur');
    expect(text).toContain(`${id1(ntt)}%`);
    expect(text).toContain(`peringkat ${rank} dari ${of} provinsi`);
    expect(text).toContain(`${id1(ntt - 14)} poin di atas target 14%`);
    expect(text).toContain('Sumber: SSGI 2022, Kemenkes · periode 2022');
    expect(text).not.toContain('DEMONSTRASI');
    await m.screenshot('panel-tooltip-provinsi.png');
    await page.mouse.move(1, 1);
  });

  it('gives a rolled-up demonstration value its fraction, how many desa reported, and the demo label', async () => {
    await page.goto(`${m.url}/?level=kecamatan&region=51.71&indicator=IH-1&period=2024`);
    await m.waitForMap(LAYER.fill('kecamatan'), '51.71.');
    const kecamatan = await values('IH-1', '2024', 'kecamatan', '51.71');
    const v = kecamatan['51.71.01'] as Value;
    expect(v.demo).toBe(true);
    expect(v.reporting).toBeDefined();
    const { rank, of } = expectedRank(kecamatan, '51.71.01', 'higher');
    const city = (await values('IH-1', '2024', 'kabkota', '51'))['51.71']?.value as number;

    await hover('51.71.01');
    await expect.poll(() => page.getByRole('tooltip').innerText(), { timeout: 15_000 }).toContain(`Angka Kota Denpasar: ${id1(city)}%`);
    const text = await page.getByRole('tooltip').innerText();
    expect(text).toContain(`${id1(v.value)}%`);
    expect(text).toContain(`${idCount(v.numerator as number)} dari ${idCount(v.denominator as number)}`);
    expect(text).toContain(`${v.reporting} dari ${v.expected} desa/kelurahan melapor (agregasi)`);
    expect(text).toContain(`peringkat ${rank} dari ${of} kecamatan`);
    expect(text).toContain('DATA DEMONSTRASI — bukan data nyata');
    expect(text).toContain('periode 2024');
    await m.screenshot('panel-tooltip-rollup-demo.png');
    await page.mouse.move(1, 1);
  });
});

describe('the ranking table', () => {
  const caption = /^Prevalensi stunting balita, 2022: provinsi di Indonesia/;

  it('names what it shows, ranks best first, and sorts by click and by keyboard with aria-sort', async () => {
    await page.goto(`${m.url}/?level=provinsi&region=ID&indicator=prevalensi_stunting&period=2022`);
    const provinces = await values('prevalensi_stunting', '2022', 'provinsi');
    const children = await m.api<{ children: { kode: string; nama: string }[] }>('/api/regions/ID/children');
    const nameOf = (kode: string) => children.children.find((c) => c.kode === kode)?.nama;
    const byValue = Object.entries(provinces).sort(([, a], [, b]) => a.value - b.value);
    const lowest = nameOf(byValue[0]?.[0] as string);
    const highest = nameOf(byValue.at(-1)?.[0] as string);

    await table(caption).waitFor({ state: 'visible' });
    expect(await table(caption).getByRole('rowheader').count()).toBe(children.children.length);
    const header = (name: string) => table(caption).getByRole('columnheader', { name, exact: true });
    // Best first: the lowest prevalence (Bali, 8,0%) ranks 1.
    expect(await header('Peringkat').getAttribute('aria-sort')).toBe('ascending');
    expect((await rowNames(caption))[0]).toBe(lowest);
    expect(await table(caption).getByRole('row').nth(1).innerText()).toMatch(/^1\s/);

    // By name, with the mouse.
    await header('Wilayah').getByRole('button').click();
    expect(await header('Wilayah').getAttribute('aria-sort')).toBe('ascending');
    expect(await header('Peringkat').getAttribute('aria-sort')).toBeNull();
    const names = await rowNames(caption);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'id')));

    // By value, from the keyboard: Enter, then Space turns it around.
    await header('Nilai').getByRole('button').focus();
    await page.keyboard.press('Enter');
    expect(await header('Nilai').getAttribute('aria-sort')).toBe('descending');
    expect((await rowNames(caption))[0]).toBe(highest);
    await page.keyboard.press('Space');
    expect(await header('Nilai').getAttribute('aria-sort')).toBe('ascending');
    expect((await rowNames(caption))[0]).toBe(lowest);
    const ntt = table(caption).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Nusa Tenggara Timur' }) });
    expect(await ntt.innerText()).toContain(`${id1(provinces['53']?.value as number)}%`);
    await table(caption).scrollIntoViewIfNeeded();
    await m.screenshot('panel-ranking-provinsi.png');
  });

  it('selects a region by click or keyboard (select= in the URL) and drills in with the › link', async () => {
    await page.goto(`${m.url}/?level=kabkota&region=53&indicator=IH-1&period=2024`);
    const kabCaption = /^Pemberian Makanan Tambahan untuk Ibu Hamil KEK, 2024: kabupaten\/kota di Nusa Tenggara Timur/;
    await table(kabCaption).waitFor({ state: 'visible' });
    const sikka = table(kabCaption).getByRole('button', { name: 'Kabupaten Sikka', exact: true });
    await sikka.click();
    await page.waitForURL((url) => url.searchParams.get('select') === '53.07');
    expect(await sikka.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Kabupaten Sikka' }).isVisible(), { timeout: 15_000 }).toBe(true);

    // Arrow keys move between the rows, Enter selects.
    await sikka.focus();
    await page.keyboard.press('ArrowDown');
    const next = (await page.evaluate(() => document.activeElement?.textContent ?? '')).trim();
    expect(next).not.toBe('Kabupaten Sikka');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('select') !== '53.07' && url.searchParams.get('select') !== null);
    await expect.poll(() => page.getByRole('heading', { level: 2, name: next }).isVisible(), { timeout: 15_000 }).toBe(true);
    // Back returns to the previous selection.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('select') === '53.07');

    await table(kabCaption).getByRole('link', { name: 'Lihat kecamatan di Kabupaten Sikka' }).click();
    await page.waitForURL((url) => url.searchParams.get('region') === '53.07' && url.searchParams.get('level') === 'kecamatan');
    expect(new URL(page.url()).searchParams.get('select')).toBeNull();
    await expect.poll(() => page.getByRole('table', { name: /kecamatan di Kabupaten Sikka/ }).isVisible(), { timeout: 15_000 }).toBe(true);
  });
});

describe('the region panel', () => {
  it('lists the indicators of a region against their targets, with trend lines and demo labels', async () => {
    await page.goto(`${m.url}/?level=kabkota&region=53&indicator=prevalensi_stunting&period=2022&select=53.07`);
    const profile = await m.api<{ indicators: { id: string; value: number | null; trend: { period: string; value: number | null }[] }[] }>(
      '/api/regions/53.07?period=2022',
    );
    const prevalence = profile.indicators.find((i) => i.id === 'prevalensi_stunting');
    const ntt = await m.valueOf('provinsi', '53');
    const panel = page.getByRole('region', { name: 'Kabupaten Sikka' });
    await panel.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await panel.innerText()).toContain('Kabupaten/kota di Nusa Tenggara Timur');

    // The indicator on the map is marked, and its group is open.
    const current = panel.locator('[aria-current="true"]');
    const currentText = await current.innerText();
    expect(currentText).toContain('Prevalensi stunting balita');
    expect(currentText).toContain(`${id1(prevalence?.value as number)}%`);
    expect(currentText).toContain(`${id1((prevalence?.value as number) - 14)} poin di atas target 14%`);
    expect(currentText).toContain(`Angka Nusa Tenggara Timur: ${id1(ntt as number)}%`);
    const trend = prevalence?.trend.map((p) => (p.value === null ? '–' : `${id1(p.value)}%`)).join(' → ');
    expect(await current.getByRole('img').getAttribute('aria-label')).toBe(`Tren 2021–2024: ${trend}`);

    // A coverage group opens on request; its figures are labelled as demonstration data.
    const group = panel.getByRole('button', { name: /^Cakupan intervensi: Ibu hamil\/nifas\/menyusui/ });
    expect(await group.getAttribute('aria-expanded')).toBe('false');
    await group.click();
    expect(await group.getAttribute('aria-expanded')).toBe('true');
    const rows = panel.getByRole('listitem').filter({ hasText: 'Pemberian Makanan Tambahan untuk Ibu Hamil KEK' });
    expect(await rows.innerText()).toContain('demo');
    expect(await rows.getByRole('img', { name: /^Tren 2021–/ }).count()).toBe(1);
    expect(await panel.getByRole('img', { name: /^Tren / }).count()).toBeGreaterThanOrEqual(6);
    await panel.scrollIntoViewIfNeeded();
    await m.screenshot('panel-region-sikka.png');
  });

  it('shows the aksi konvergensi of a kabupaten/kota with icons and words, as the API has them', async () => {
    // A kabupaten of NTT whose eight aksi of 2022 are not all at the same status (demonstration data).
    const statuses = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((n) => values(`aksi_${n}`, '2022', 'kabkota', '53')));
    const kode = Object.keys(statuses[0] as Record<string, Value>)
      .sort()
      .find((k) => new Set(statuses.map((s) => s[k]?.value)).size > 1) as string;
    expect(kode).toBeDefined();
    await page.goto(`${m.url}/?level=kabkota&region=53&indicator=skor_kinerja&period=2022&select=${kode}`);
    const region = await m.api<{ nama: string; indicators: { id: string; kelompok: string; value: number | null }[] }>(`/api/regions/${kode}?period=2022`);
    const status = ['Belum', 'Proses', 'Selesai'];
    const expected = region.indicators.filter((i) => i.kelompok === 'aksi' && i.value !== null).map((i) => status[i.value as number]);
    expect(expected.length).toBe(8);
    expect(new Set(expected).size).toBeGreaterThan(1);

    const list = page.getByRole('list', { name: 'Aksi konvergensi 2022' });
    await list.waitFor({ state: 'visible', timeout: 30_000 });
    const items = await list.getByRole('listitem').allInnerTexts();
    expect(items.map((text) => status.find((s) => text.trim().endsWith(s)))).toEqual(expected);
    expect(items[0]).toMatch(/1\. Analisis Situasi/);
    // An icon with every status, not colour alone.
    for (const text of items) expect(text).toMatch(/^[✓◐○]/);
    const done = expected.filter((s) => s === 'Selesai').length;
    expect(await page.getByRole('button', { name: /^Aksi konvergensi 2022/ }).innerText()).toContain(`${done} dari 8 aksi selesai`);
    await list.scrollIntoViewIfNeeded();
    await m.screenshot('panel-aksi-kabkota.png');
  });
});

describe('the footer', () => {
  it('says when data was last imported, or that only the shipped data is there', async () => {
    await page.goto(`${m.url}/?level=provinsi&region=ID&indicator=prevalensi_stunting&period=2022`);
    await expect.poll(() => page.getByText('Belum ada impor; data bawaan.').isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => page.getByText('Semua angka yang tampil adalah data nyata.').isVisible()).toBe(true);

    // The same page when the server reports an import (the answer is changed on its way to the page).
    await page.route('**/api/indicators', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as Record<string, unknown>;
      await route.fulfill({ response, json: { ...body, last_import: '2026-11-27T05:00:00.000Z' } });
    });
    await page.reload();
    await expect.poll(() => page.getByText('Data terakhir diimpor: 27 Nov 2026').isVisible(), { timeout: 15_000 }).toBe(true);
    await page.unroute('**/api/indicators');
  });
});
