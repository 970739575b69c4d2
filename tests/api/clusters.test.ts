import { booleanIntersects } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localMoran } from '../../server/analysis/lisa.ts';
import { neighboursFromGeodata, neighboursOf, type LevelNeighbours } from '../../server/analysis/neighbours.ts';
import type { Database } from '../../server/db/client.ts';
import { clustersResponseSchema, type ClustersWire } from '../../shared/api/supervision.ts';
import { shippedApp } from '../support/app.ts';

let app: Awaited<ReturnType<typeof shippedApp>>['app'];
let db: Database;
let kecamatan: LevelNeighbours;
beforeAll(async () => {
  ({ app, db } = await shippedApp());
  kecamatan = await neighboursFromGeodata('geodata').load('kecamatan');
});
afterAll(() => db?.close());

const near = (kode: string) => [...neighboursOf(kecamatan, kecamatan.indexOf.get(kode) ?? -1)].map((i) => kecamatan.kodes[i]);

async function feature(kode: string): Promise<Feature<Polygon | MultiPolygon>> {
  const response = await app.request(`/ogc/collections/kecamatan/items/${kode}`);
  expect(response.status, kode).toBe(200);
  return (await response.json()) as Feature<Polygon | MultiPolygon>;
}

async function clusters(query: string): Promise<ClustersWire> {
  const response = await app.request(`/api/clusters?${query}`);
  expect(response.status, `${query}: ${response.status === 200 ? '' : await response.clone().text()}`).toBe(200);
  return clustersResponseSchema.parse(await response.json());
}

describe('queen neighbours from the boundary topology', () => {
  it('are symmetric, never the region itself, and cover (nearly) every kecamatan', () => {
    let isolated = 0;
    kecamatan.kodes.forEach((kode, i) => {
      const around = [...neighboursOf(kecamatan, i)];
      if (around.length === 0) isolated++;
      expect(around).not.toContain(i);
      for (const j of around) expect([...neighboursOf(kecamatan, j)], `${kode} - ${kecamatan.kodes[j]}`).toContain(i);
    });
    expect(kecamatan.kodes.length).toBeGreaterThan(7000);
    // island kecamatan of their own (e.g. in Kepulauan Seribu, Maluku, Riau islands) are a few percent
    expect(isolated).toBeGreaterThan(10);
    expect(isolated / kecamatan.kodes.length).toBeLessThan(0.1);
  });

  it('agree with the polygons: neighbours of a Denpasar kecamatan touch it, the others do not', async () => {
    const denpasarSelatan = '51.71.01';
    const around = near(denpasarSelatan);
    expect(around.length).toBeGreaterThanOrEqual(2);
    const own = await feature(denpasarSelatan);
    for (const other of around) expect(booleanIntersects(own, await feature(other ?? '')), other).toBe(true);
    // Kecamatan of the same kab/kota that are not listed do not touch it.
    for (const other of kecamatan.kodes.filter((k) => k.startsWith('51.71.') && k !== denpasarSelatan && !around.includes(k))) {
      expect(booleanIntersects(own, await feature(other)), other).toBe(false);
    }
  });

  it('give a kecamatan on a small island no neighbours, or few', () => {
    // Kepulauan Seribu Utara and Selatan (Jakarta's islands): separated from the mainland by sea.
    expect(near('31.01.01').filter((k) => !k?.startsWith('31.01.'))).toEqual([]);
    expect(near('31.01.01').length).toBeLessThanOrEqual(1);
  });
});

describe('GET /api/clusters', () => {
  it('equals local Moran run on the same values and neighbours (deterministic seed)', async () => {
    const body = await clusters('indicator=IH-1&period=2024&level=kecamatan&parent=53');
    const values = (await (await app.request('/api/values?indicator=IH-1&period=2024&level=kecamatan')).json()) as {
      values: Record<string, { value: number }>;
    };
    const kodes = Object.keys(values.values).filter((k) => k.startsWith('53.')).sort();
    expect(Object.keys(body.regions).sort()).toEqual(kodes);
    const index = new Map(kodes.map((k, i) => [k, i]));
    const lists = kodes.map((k) => near(k).flatMap((n) => (index.has(n ?? '') ? [index.get(n ?? '') ?? -1] : [])));
    const expected = localMoran(kodes.map((k) => values.values[k]?.value ?? 0), lists, body.method);
    kodes.forEach((k, i) => {
      expect(body.regions[k]?.cluster, k).toBe(expected.cluster[i]);
      expect(body.regions[k]?.p).toBe(Number.isNaN(expected.p[i]) ? null : expected.p[i]);
      expect(body.regions[k]?.localI).toBeCloseTo(expected.localI[i] ?? 0, 3);
    });
    expect(body.method).toEqual({ weights: 'queen', permutations: 999, significance: 0.05, seed: 12345 });
    const total = Object.values(body.counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(kodes.length);
    expect(body.counts['high-high'] + body.counts['low-low']).toBeGreaterThan(0);
    // The same request gives the same answer.
    expect(await clusters('indicator=IH-1&period=2024&level=kecamatan&parent=53')).toEqual(body);
  });

  it('runs on a whole level, leaving regions without a value out', async () => {
    const body = await clusters('indicator=prevalensi_stunting&period=2022&level=kabkota');
    const counted = Object.values(body.counts).reduce((a, b) => a + b, 0);
    expect(counted).toBe(Object.keys(body.regions).length);
    expect(counted + body.regions_without_value).toBe(514);
    expect(body.direction).toBe('lower');
  });

  it('answers 400 and 404 as problem+json', async () => {
    const cases: [string, number][] = [
      ['indicator=IH-1&period=2024', 400],
      ['indicator=IH-1&period=2024&level=kota', 400],
      ['indicator=IH-1&period=20&level=kecamatan', 400],
      ['indicator=IH-1&period=2024&level=kecamatan&parent=53.01.01', 400],
      ['indicator=prevalensi_stunting&period=2024&level=kecamatan', 400],
      ['indicator=nope&period=2024&level=kecamatan', 404],
      ['indicator=IH-1&period=2024&level=kecamatan&parent=99', 404],
    ];
    for (const [query, status] of cases) {
      const response = await app.request(`/api/clusters?${query}`);
      expect(response.status, query).toBe(status);
      expect(response.headers.get('content-type'), query).toMatch(/^application\/problem\+json/);
    }
  });
});
