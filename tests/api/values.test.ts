import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { readCatalogue } from '../../server/catalogue.ts';
import type { Database } from '../../server/db/client.ts';
import { openTileStore } from '../../server/tiles/tile-store.ts';
import { loadRegionTree } from '../../server/values/region-tree.ts';
import { readSuccessions } from '../../server/values/succession.ts';
import { shippedApp } from '../support/app.ts';

let app: Awaited<ReturnType<typeof shippedApp>>['app'];
let db: Database;
beforeAll(async () => {
  ({ app, db } = await shippedApp());
});
afterAll(() => db?.close());

async function problem(path: string, status: number) {
  const response = await app.request(path);
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return (await response.json()) as { title: string; detail: string; status: number };
}

describe('GET /healthz', () => {
  it('says which database is in use', async () => {
    const response = await app.request('/healthz');
    expect(await response.json()).toEqual({ status: 'ok', database: 'pglite' });
  });
});

describe('GET /api/indicators', () => {
  it('lists stunting prevalence with its target and the published periods', async () => {
    const body = (await (await app.request('/api/indicators')).json()) as { indicators: Record<string, unknown>[] };
    const prevalence = body.indicators.find((indicator) => indicator.id === 'prevalensi_stunting');
    expect(prevalence).toMatchObject({ unit: '%', direction: 'lower', target: 14, periods: ['2021', '2022', '2023', '2024'], default_period: '2022' });
  });
});

describe('GET /api/values', () => {
  it('returns province prevalence keyed by Kemendagri code (NTT 2022 = 35.3)', async () => {
    const response = await app.request('/api/values?indicator=prevalensi_stunting&period=2022&level=provinsi');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { sources: string[]; values: Record<string, { value: number; source: number; demo?: boolean }> };
    expect(body.values['53']).toMatchObject({ value: 35.3 });
    expect(body.sources[body.values['53']?.source ?? -1]).toBe('SSGI 2022, Kemenkes');
    // real values carry no demo flag; only demonstration data does
    expect(body.values['53']?.demo).toBeUndefined();
    expect(body.values['51']?.value).toBe(8);
    // SSGI 2022 covers the 34 provinces before the 2022 splits; the 4 new provinces show their
    // predecessor's figure, marked as such.
    expect(Object.keys(body.values)).toHaveLength(38);
    expect(body.values['93']).toMatchObject({ value: 34.6, inheritedFrom: '91' });
  });

  it('filters kabupaten/kota by their province', async () => {
    const body = (await (await app.request('/api/values?indicator=prevalensi_stunting&period=2021&level=kabkota&parent=53')).json()) as {
      values: Record<string, { value: number }>;
    };
    expect(Object.keys(body.values)).toHaveLength(22);
    expect(Object.keys(body.values).every((code) => code.startsWith('53.'))).toBe(true);
  });

  it('leaves regions without a figure out, so the map shows them as "no data"', async () => {
    const body = (await (await app.request('/api/values?indicator=prevalensi_stunting&period=2024&level=provinsi')).json()) as {
      values: Record<string, unknown>;
    };
    expect(Object.keys(body.values).sort()).toEqual(['51', '53']);
  });

  it('serves demonstration data flagged as such, with numerator, denominator and who reported', async () => {
    const body = (await (await app.request('/api/values?indicator=IH-1&period=2024&level=kecamatan&parent=51.71')).json()) as {
      sources: string[];
      values: Record<string, { value: number; numerator: number; denominator: number; source: number; demo: boolean; basis: string; reporting: number; expected: number }>;
    };
    expect(Object.keys(body.values)).toHaveLength(4);
    const kecamatan = body.values['51.71.01'];
    expect(kecamatan).toMatchObject({ demo: true, basis: 'rollup', expected: 10 });
    expect(kecamatan?.value).toBeCloseTo((100 * (kecamatan?.numerator ?? 0)) / (kecamatan?.denominator ?? 1), 3);
    expect(body.sources[kecamatan?.source ?? -1]).toMatch(/demonstrasi/);
  });

  type Values = { sources: string[]; values: Record<string, { source: number; [field: string]: unknown }> };
  /** The values of a request with each source by name, so answers with different source lists compare. */
  const named = async (path: string) => {
    const response = await app.request(path);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Values;
    return Object.fromEntries(Object.entries(body.values).map(([kode, value]) => [kode, { ...value, source: body.sources[value.source] }]));
  };
  const children = async (kode: string) =>
    ((await (await app.request(`/api/regions/${kode}/children`)).json()) as { children: { kode: string }[] }).children.map((child) => child.kode);

  it('gives the desa of a kab/kota (any ancestor as parent): the union of the desa of its kecamatan', async () => {
    // Kabupaten Bogor: 40 kecamatan, over 400 desa
    const kecamatan = await children('32.01');
    expect(kecamatan.length).toBeGreaterThan(30);
    const union = Object.assign({}, ...(await Promise.all(kecamatan.map((kode) => named(`/api/values?indicator=IH-1&period=2024&level=desa&parent=${kode}`)))));
    const all = await named('/api/values?indicator=IH-1&period=2024&level=desa&parent=32.01');
    expect(Object.keys(all).length).toBeGreaterThan(300);
    expect(all).toEqual(union);
    expect(Object.keys(all).every((kode) => kode.startsWith('32.01.'))).toBe(true);
  });

  it('gives the kecamatan of a province, the union of those of its kab/kota, and all of them for ID', async () => {
    const kabkota = await children('53');
    const union = Object.assign({}, ...(await Promise.all(kabkota.map((kode) => named(`/api/values?indicator=IH-1&period=2024&level=kecamatan&parent=${kode}`)))));
    const all = await named('/api/values?indicator=IH-1&period=2024&level=kecamatan&parent=53');
    expect(Object.keys(all).length).toBeGreaterThan(300);
    expect(all).toEqual(union);
    expect(await named('/api/values?indicator=IH-1&period=2024&level=kecamatan&parent=ID')).toEqual(await named('/api/values?indicator=IH-1&period=2024&level=kecamatan'));
  });

  it('answers a direct parent as before: the children, with the same values as the whole level has for them', async () => {
    const level = await named('/api/values?indicator=prevalensi_stunting&period=2021&level=kabkota');
    const ntt = await named('/api/values?indicator=prevalensi_stunting&period=2021&level=kabkota&parent=53');
    expect(ntt).toEqual(Object.fromEntries(Object.entries(level).filter(([kode]) => kode.startsWith('53.'))));
    expect(Object.keys(ntt)).toHaveLength(22);
  });

  it.each([
    ['level=kecamatan&parent=51.71.01', /parent 51\.71\.01 is a kecamatan, not a region above kecamatan.*provinsi, kabkota/],
    ['level=kabkota&parent=51.71.01.1001', /parent 51\.71\.01\.1001 is a desa, not a region above kabkota/],
    ['level=provinsi&parent=51', /parent 51 is a provinsi, not a region above provinsi/],
  ])('refuses a parent at or below the level (%s) with a 400 that says what to give', async (query, message) => {
    expect((await problem(`/api/values?indicator=IH-1&period=2024&${query}`, 400)).detail).toMatch(message);
    expect((await problem(`/api/values.csv?indicator=IH-1&period=2024&${query}`, 400)).detail).toMatch(message);
  });

  it('answers a repeated request with one query, the data version: indicator and parent come from memory', async () => {
    let queries = 0;
    const sql = new Proxy(db.sql, {
      apply(target, self, args) {
        queries += 1;
        return Reflect.apply(target, self, args);
      },
    });
    const counted = createApp({ db: { ...db, sql }, tiles: openTileStore('geodata'), regionTree: await loadRegionTree(db), successions: readSuccessions('data'), catalogue: readCatalogue('data') });
    const path = '/api/values?indicator=IH-1&period=2024&level=desa&parent=51.71';
    expect((await counted.request(path)).status).toBe(200);
    queries = 0;
    const again = await counted.request(path);
    expect(again.status).toBe(200);
    expect(Object.keys(((await again.json()) as Values).values).length).toBeGreaterThan(30);
    expect(queries).toBe(1);
  });

  it('answers an unknown ancestor with 404', async () => {
    expect((await problem('/api/values?indicator=IH-1&period=2024&level=desa&parent=51.79', 404)).detail).toMatch(/unknown region "51\.79"/);
  });

  it.each([
    ['/api/values?indicator=prevalensi_stunting&level=provinsi', 400, /period/],
    ['/api/values?indicator=prevalensi_stunting&period=22&level=provinsi', 400, /four-digit year/],
    ['/api/values?indicator=prevalensi_stunting&period=2022&level=negara', 400, /level must be one of/],
    ['/api/values?indicator=prevalensi_stunting&period=2022&level=provinsi&parent=5x', 400, /Kemendagri code/],
    ['/api/values?indicator=tidak_ada&period=2022&level=provinsi', 404, /unknown indicator "tidak_ada"/],
    ['/api/values?indicator=prevalensi_stunting&period=2022&level=kabkota&parent=99', 404, /unknown region "99"/],
    ['/api/values?indicator=prevalensi_stunting&period=2022&level=desa', 400, /reported for provinsi, kabkota/],
  ])('%s is a %i that says what is wrong', async (path, status, message) => {
    expect((await problem(path, status)).detail).toMatch(message);
  });
});

describe('GET /api/values.csv', () => {
  it('lists every child region with its name, ancestors, value and source, as a download', async () => {
    const response = await app.request('/api/values.csv?indicator=prevalensi_stunting&period=2021&level=kabkota&parent=53');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/prevalensi_stunting_2021_kabkota_53\.csv/);
    const lines = (await response.text()).replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('kode,nama,provinsi,kabkota,kecamatan,indikator,periode,nilai,pembilang,penyebut,satuan,sumber,demonstrasi,dasar,melapor,dari,catatan');
    expect(lines).toHaveLength(23);
    expect(lines.find((line) => line.startsWith('53.71,'))).toMatch(/^53\.71,Kota Kupang,Nusa Tenggara Timur,,,prevalensi_stunting,2021,26\.1,,,%,"?SSGI 2021, Kemenkes"?,tidak,direct/);
  });

  it('lists the desa of a kab/kota, every one of them with its kecamatan', async () => {
    const response = await app.request('/api/values.csv?indicator=IH-1&period=2024&level=desa&parent=51.71');
    expect(response.status).toBe(200);
    const lines = (await response.text()).replace(/^\uFEFF/, '').trim().split('\n').slice(1);
    const kecamatan = ((await (await app.request('/api/regions/51.71/children')).json()) as { children: { kode: string }[] }).children;
    let desa = 0;
    for (const { kode } of kecamatan) desa += ((await (await app.request(`/api/regions/${kode}/children`)).json()) as { children: unknown[] }).children.length;
    expect(lines).toHaveLength(desa);
    expect(lines.every((line) => line.startsWith('51.71.'))).toBe(true);
    expect(lines.find((line) => line.startsWith('51.71.01.1001,'))).toMatch(/^51\.71\.01\.1001,[^,]+,Bali,Kota Denpasar,Denpasar Selatan,IH-1,2024,/);
  });

  it('answers bad parameters with the same problems as the JSON endpoint', async () => {
    expect((await problem('/api/values.csv?indicator=prevalensi_stunting&period=x&level=provinsi', 400)).detail).toMatch(/four-digit year/);
  });
});

describe('GET /api/regions/:kode', () => {
  it('returns the region with its ancestors, bbox and label point', async () => {
    const body = (await (await app.request('/api/regions/53.01')).json()) as Record<string, unknown>;
    expect(body).toMatchObject({ kode: '53.01', level: 'kabkota', parent: '53' });
    expect(body.ancestors).toEqual([
      { kode: 'ID', level: 'nasional', nama: 'Indonesia' },
      { kode: '53', level: 'provinsi', nama: 'Nusa Tenggara Timur' },
    ]);
    expect(body.bbox).toHaveLength(4);
    expect(body.label).toHaveLength(2);
  });

  it('profiles every indicator of a region for a period: value, rank, parent value, target, trend', async () => {
    const response = await app.request('/api/regions/53?period=2022');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { indicators: { id: string; value: number; rank: number; ranked_among: number; parent_value: number; target: number; demo: boolean; trend: { period: string; value: number | null }[] }[] };
    const prevalence = body.indicators.find((indicator) => indicator.id === 'prevalensi_stunting');
    expect(prevalence).toMatchObject({ value: 35.3, parent_value: 21.6, target: 14, demo: false, ranked_among: 38 });
    // lower is better: NTT's 35.3 ranks behind most provinces
    expect(prevalence?.rank).toBeGreaterThan(30);
    expect(prevalence?.trend).toEqual([
      { period: '2021', value: 37.8, demo: false },
      { period: '2022', value: 35.3, demo: false },
      { period: '2023', value: 37.9, demo: false },
      { period: '2024', value: 37, demo: false },
    ]);
    const coverage = body.indicators.find((indicator) => indicator.id === 'IH-1');
    expect(coverage).toMatchObject({ demo: true, ranked_among: 38 });
  });

  it('counts the children of a province', async () => {
    const body = (await (await app.request('/api/regions/53')).json()) as Record<string, unknown>;
    expect(body.children).toEqual({ level: 'kabkota', count: 22 });
  });

  it('lists the children of a region, saying which have no polygon', async () => {
    const body = (await (await app.request('/api/regions/96.01.05/children')).json()) as { children: { kode: string; has_geometry: boolean }[] };
    expect(body.children.length).toBeGreaterThan(1);
    expect(body.children.find((child) => child.kode === '96.01.05.1012')?.has_geometry).toBe(false);
    expect(body.children.filter((child) => child.has_geometry).length).toBeGreaterThan(0);
  });

  it('answers unknown and malformed codes with 404 and 400', async () => {
    expect((await problem('/api/regions/99', 404)).detail).toMatch(/no region with code 99/);
    expect((await problem('/api/regions/abc', 400)).detail).toMatch(/Kemendagri code/);
  });
});

describe('unknown API paths', () => {
  it('is a 404 problem', async () => {
    expect((await problem('/api/nothing-here', 404)).detail).toMatch(/no API endpoint/);
  });
});
