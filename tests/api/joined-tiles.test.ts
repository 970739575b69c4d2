import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client.ts';
import { createHttpServer } from '../../server/http-server.ts';
import { openTileStore } from '../../server/tiles/tile-store.ts';
import { shippedApp } from '../support/app.ts';
import { decodeTile } from '../support/mvt.ts';

// Tiles with an indicator's values in the features (?indicator=&period=), for third-party maps.
const TOKEN = 'test-token-0123456789abcdef';
let app: Awaited<ReturnType<typeof shippedApp>>['app'];
let db: Database;
beforeAll(async () => {
  ({ app, db } = await shippedApp({ adminToken: TOKEN }));
});
afterAll(() => db?.close());

function tileOf(lng: number, lat: number, z: number) {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return { x: Math.floor(((lng + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n) };
}
const DENPASAR = tileOf(115.22, -8.7, 11);
const DESA_TILE = `/tiles/desa/11/${DENPASAR.x}/${DENPASAR.y}.mvt`;

interface ValuesBody {
  sources: string[];
  values: Record<string, { value: number; numerator?: number; denominator?: number; source: number; demo?: boolean; basis?: string }>;
}

async function features(path: string, layer: string) {
  const response = await app.request(path, { headers: { 'accept-encoding': 'gzip' } });
  expect(response.status).toBe(200);
  return { response, features: decodeTile(new Uint8Array(await response.arrayBuffer()))[layer] ?? [] };
}

/** The /api/values entries for the given codes, asked for per parent as the map does, source named. */
async function apiValues(indicator: string, period: string, level: string, kodes: string[]) {
  const out = new Map<string, Record<string, unknown>>();
  const parents = new Set(kodes.map((kode) => kode.split('.').slice(0, -1).join('.')));
  for (const parent of parents) {
    const query = `indicator=${indicator}&period=${period}&level=${level}${parent ? `&parent=${parent}` : ''}`;
    const body = (await (await app.request(`/api/values?${query}`)).json()) as ValuesBody;
    for (const [kode, entry] of Object.entries(body.values)) out.set(kode, { ...entry, source: body.sources[entry.source] });
  }
  return out;
}

/** What a joined feature carries, in /api/values' terms (demo is always there, as a boolean). */
function expected(entry: Record<string, unknown> | undefined) {
  if (!entry) return {};
  const { value, numerator, denominator, source, demo, basis } = entry;
  return { value, numerator, denominator, source, demo: demo === true, basis };
}
function joinedOf(feature: Record<string, unknown>) {
  const { value, numerator, denominator, source, demo, basis } = feature;
  return { value, numerator, denominator, source, demo, basis };
}
const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

describe('GET /tiles/{level}/{z}/{x}/{y}.mvt?indicator=&period=', () => {
  it('adds to every desa feature the value /api/values gives it, with numerator, denominator, source and the demo flag', async () => {
    const { response, features: desa } = await features(`${DESA_TILE}?indicator=IH-1&period=2024`, 'desa');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=3600');
    expect(desa.length).toBeGreaterThan(20);
    const reference = await apiValues('IH-1', '2024', 'desa', desa.map((f) => String(f.kode)));
    for (const feature of desa) {
      // kode and nama stay as they were
      expect(typeof feature.nama).toBe('string');
      expect(defined(joinedOf(feature))).toEqual(defined(expected(reference.get(String(feature.kode)))));
    }
    const sanur = desa.find((f) => f.kode === '51.71.01.1001');
    expect(sanur).toMatchObject({ demo: true, source: expect.stringMatching(/demonstrasi/) });
    expect(sanur?.value).toBeCloseTo((100 * Number(sanur?.numerator)) / Number(sanur?.denominator), 3);
  });

  it('marks rolled-up values with basis "rollup"', async () => {
    const { x, y } = tileOf(115.22, -8.7, 9);
    const { features: kecamatan } = await features(`/tiles/kecamatan/9/${x}/${y}.mvt?indicator=IH-1&period=2024`, 'kecamatan');
    const reference = await apiValues('IH-1', '2024', 'kecamatan', kecamatan.map((f) => String(f.kode)));
    expect(kecamatan.find((f) => f.kode === '51.71.01')).toMatchObject({ basis: 'rollup', demo: true });
    for (const feature of kecamatan) expect(defined(joinedOf(feature))).toEqual(defined(expected(reference.get(String(feature.kode)))));
  });

  it('carries real figures as not demo, and leaves regions without a figure without a value', async () => {
    const { x, y } = tileOf(121.8, -9.5, 5); // Nusa Tenggara Timur
    const real = await features(`/tiles/provinsi/5/${x}/${y}.mvt?indicator=prevalensi_stunting&period=2022`, 'provinsi');
    expect(real.features.find((f) => f.kode === '53')).toMatchObject({ kode: '53', nama: 'Nusa Tenggara Timur', value: 35.3, source: 'SSGI 2022, Kemenkes', demo: false });
    // SSGI 2024 in the shipped data covers only 51 and 53
    const sparse = await features('/tiles/provinsi/4/13/8.mvt?indicator=prevalensi_stunting&period=2024', 'provinsi');
    const withValue = sparse.features.filter((f) => f.value !== undefined).map((f) => f.kode);
    expect(withValue.every((kode) => kode === '51' || kode === '53')).toBe(true);
    expect(sparse.features.some((f) => f.value === undefined && f.demo === undefined)).toBe(true);
  });

  it('leaves geometry tiles without a query as they were', async () => {
    const { features: desa } = await features(DESA_TILE, 'desa');
    expect(Object.keys(desa[0] ?? {}).sort()).toEqual(['kode', 'nama']);
  });

  it.each([
    ['?indicator=tidak_ada&period=2024', 404, /unknown indicator "tidak_ada"/],
    ['?indicator=IH-1&period=2019', 400, /IH-1 has no values for 2019; periods with values: 2021, 2022, 2023, 2024/],
    ['?indicator=IH-1&period=24', 400, /four-digit year/],
    ['?indicator=IH-1', 400, /indicator and period go together/],
    ['?period=2024', 400, /indicator and period go together/],
  ])('%s is a %i problem that says what to fix', async (query, status, message) => {
    const response = await app.request(`${DESA_TILE}${query}`);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await response.json()) as { detail: string }).detail).toMatch(message);
  });

  it('lists the valid periods in the problem, and refuses a level the indicator has no values for', async () => {
    const body = (await (await app.request(`${DESA_TILE}?indicator=IH-1&period=2019`)).json()) as { periods: string[] };
    expect(body.periods).toContain('2024');
    const response = await app.request(`${DESA_TILE}?indicator=prevalensi_stunting&period=2022`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/reported for provinsi, kabkota, not desa/);
  });

  it('changes its ETag and content when an import changes the data', async () => {
    const path = `${DESA_TILE}?indicator=IH-1&period=2024`;
    const before = await app.request(path, { headers: { 'accept-encoding': 'gzip' } });
    const etag = before.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"/);
    expect((await app.request(path, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const form = new FormData();
    form.append('file', new File(['kode,indikator,periode,pembilang,penyebut\n51.71.01.1001,IH-1,2024,9,10\n'], 'capaian.csv', { type: 'text/csv' }));
    const upload = await app.request('/api/imports', { method: 'POST', body: form, headers: { authorization: `Bearer ${TOKEN}` } });
    expect(upload.status).toBe(201);

    const after = await app.request(path, { headers: { 'if-none-match': etag, 'accept-encoding': 'gzip' } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    const sanur = (decodeTile(new Uint8Array(await after.arrayBuffer())).desa ?? []).find((f) => f.kode === '51.71.01.1001');
    expect(sanur).toMatchObject({ value: 90, numerator: 9, denominator: 10, demo: false, source: 'Impor: capaian.csv' });
  });
});

describe('GET /tiles/{level}.json?indicator=&period=', () => {
  it('points at the joined tiles and lists the joined fields', async () => {
    const response = await app.request('http://peta.test/tiles/desa.json?indicator=IH-1&period=2024');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { tiles: string[]; name: string; vector_layers: { id: string; fields: Record<string, string> }[] };
    expect(body.tiles).toEqual(['http://peta.test/tiles/desa/{z}/{x}/{y}.mvt?indicator=IH-1&period=2024']);
    expect(body.vector_layers[0]?.fields).toEqual({ kode: 'String', nama: 'String', value: 'Number', numerator: 'Number', denominator: 'Number', source: 'String', demo: 'Boolean', basis: 'String' });
    expect(body.name).toMatch(/2024/);
  });

  it('checks the indicator and period like the tiles do', async () => {
    expect((await app.request('/tiles/desa.json?indicator=tidak_ada&period=2024')).status).toBe(404);
    expect((await app.request('/tiles/desa.json?indicator=IH-1&period=2019')).status).toBe(400);
  });
});

describe('joined tiles over HTTP', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createHttpServer(app, openTileStore('geodata'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise((resolve) => server?.close(resolve)));

  it('go through the app, not the geometry fast path', async () => {
    const joined = await fetch(`${base}${DESA_TILE}?indicator=IH-1&period=2024`);
    expect(joined.status).toBe(200);
    expect(joined.headers.get('cache-control')).toMatch(/max-age=300/);
    expect(decodeTile(new Uint8Array(await joined.arrayBuffer())).desa?.some((f) => typeof f.value === 'number')).toBe(true);
    const plain = await fetch(`${base}${DESA_TILE}`);
    expect(plain.headers.get('cache-control')).toMatch(/max-age=86400/);
  });
});
