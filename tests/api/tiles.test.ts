import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import type { Database } from '../../server/db/client.ts';
import { shippedApp } from '../support/app.ts';
import { decodeTile } from '../support/mvt.ts';

let app: Awaited<ReturnType<typeof shippedApp>>['app'];
let db: Database;
beforeAll(async () => {
  ({ app, db } = await shippedApp());
});
afterAll(() => db?.close());

/** The tile x/y of a point at a zoom (Web Mercator, as map clients compute it). */
function tileOf(lng: number, lat: number, z: number) {
  const n = 2 ** z;
  const x = Math.floor(((lng + 180) / 360) * n);
  const rad = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return { x, y };
}

describe('GET /tiles/{level}.json', () => {
  it('describes each level as TileJSON 3.0 with bounds, zooms, layer and attribution', async () => {
    const response = await app.request('http://peta.test/tiles/kecamatan.json');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown> & { bounds: number[]; vector_layers: { id: string }[] };
    expect(body).toMatchObject({ tilejson: '3.0.0', tiles: ['http://peta.test/tiles/kecamatan/{z}/{x}/{y}.mvt'], minzoom: 3, maxzoom: 11 });
    expect(body.attribution).toMatch(/wilayah_boundaries/);
    expect(body.vector_layers.map((layer) => layer.id)).toEqual(['kecamatan']);
    const [west, south, east, north] = body.bounds;
    expect([west! < 96, south! < -10, east! > 140, north! > 5]).toEqual([true, true, true, true]);
  });

  it('gives each level the zooms of its archive (kecamatan from z3, desa from z8)', async () => {
    const zooms = await Promise.all((['provinsi', 'kabkota', 'kecamatan', 'desa'] as const).map(async (level) => {
      const body = (await (await app.request(`/tiles/${level}.json`)).json()) as { minzoom: number; maxzoom: number; vector_layers: { minzoom: number; maxzoom: number }[] };
      expect(body.vector_layers[0]).toMatchObject({ minzoom: body.minzoom, maxzoom: body.maxzoom });
      return [level, [body.minzoom, body.maxzoom]];
    }));
    expect(Object.fromEntries(zooms)).toEqual({ provinsi: [0, 7], kabkota: [3, 10], kecamatan: [3, 11], desa: [8, 11] });
  });

  it('is a 404 for an unknown level', async () => {
    expect((await app.request('/tiles/negara.json')).status).toBe(404);
  });
});

describe('GET /tiles/{level}/{z}/{x}/{y}.mvt', () => {
  it('serves a gzip-compressed province tile with kode and nama in a layer named provinsi', async () => {
    const { x, y } = tileOf(121.8, -9.5, 5); // Nusa Tenggara Timur
    const response = await app.request(`/tiles/provinsi/5/${x}/${y}.mvt`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    const layers = decodeTile(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(layers)).toEqual(['provinsi']);
    expect(layers.provinsi).toContainEqual({ kode: '53', nama: 'Nusa Tenggara Timur' });
  });

  it('serves kab/kota tiles, uncompressed to clients that do not accept gzip', async () => {
    const { x, y } = tileOf(123.6, -10.2, 8); // Kota Kupang
    const response = await app.request(`/tiles/kabkota/8/${x}/${y}.mvt`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBeNull();
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(() => gunzipSync(bytes)).toThrow();
    const codes = decodeTile(bytes).kabkota?.map((feature) => feature.kode);
    expect(codes).toContain('53.71');
  });

  it('serves all 7,285 kecamatan of Indonesia in the z3 tiles, so the whole country can be shown at once', async () => {
    const codes = new Set<unknown>();
    let tiles = 0;
    for (let x = 0; x < 8; x++) {
      for (let y = 0; y < 8; y++) {
        const response = await app.request(`/tiles/kecamatan/3/${x}/${y}.mvt`);
        if (response.status === 204) continue;
        expect(response.status).toBe(200);
        tiles++;
        for (const feature of decodeTile(new Uint8Array(await response.arrayBuffer())).kecamatan ?? []) codes.add(feature.kode);
      }
    }
    expect(tiles).toBe(4);
    expect(codes.size).toBe(7285);
  });

  it('serves the desa of a large kabupaten at z8 (Kab. Merauke, 45,000 km²)', async () => {
    const { x, y } = tileOf(140.4, -8.5, 8); // the town of Merauke
    const response = await app.request(`/tiles/desa/8/${x}/${y}.mvt`);
    expect(response.status).toBe(200);
    const codes = decodeTile(new Uint8Array(await response.arrayBuffer())).desa?.map((feature) => feature.kode);
    expect(codes).toContain('93.01.01.1002'); // Samkai, Merauke
  });

  it('answers a matching If-None-Match with 304', async () => {
    const first = await app.request('/tiles/provinsi/0/0/0.mvt');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await app.request('/tiles/provinsi/0/0/0.mvt', { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
  });

  it('answers open sea with 204 No Content', async () => {
    const { x, y } = tileOf(90, -30, 6); // Indian Ocean
    expect((await app.request(`/tiles/provinsi/6/${x}/${y}.mvt`)).status).toBe(204);
  });

  it.each([
    ['/tiles/negara/0/0/0.mvt', 404, /unknown level "negara"/],
    ['/tiles/provinsi/3/8/0.mvt', 400, /between 0 and 7/],
    ['/tiles/provinsi/40/0/0.mvt', 400, /zoom 0 to/],
    ['/tiles/kecamatan/2/3/2.mvt', 400, /kecamatan tiles exist for zoom 3 to 11/],
    ['/tiles/desa/7/107/66.mvt', 400, /desa tiles exist for zoom 8 to 11/],
    ['/tiles/provinsi/0/0/0.png', 400, /\{y\}\.mvt/],
    ['/tiles/provinsi/-1/0/0.mvt', 400, /z/],
  ])('%s is a %i problem', async (path, status, message) => {
    const response = await app.request(path);
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await response.json()) as { detail: string }).detail).toMatch(message);
  });
});
