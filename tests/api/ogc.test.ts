import { readFileSync } from 'node:fs';
import { bboxPolygon, booleanIntersects } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client.ts';
import { shippedApp } from '../support/app.ts';

/**
 * OGC API - Features under /ogc through app.request(): the documents, paging, the bbox and parent
 * filters, joined values (the same as /api/values), errors, and the polygons themselves.
 */

let app: Awaited<ReturnType<typeof shippedApp>>['app'];
let db: Database;
beforeAll(async () => {
  ({ app, db } = await shippedApp());
});
afterAll(() => db?.close());

const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

interface Link {
  href: string;
  rel: string;
  type: string;
}
type RegionFeature = Omit<Feature<Polygon | MultiPolygon, Record<string, unknown>>, 'id' | 'bbox'> & { id: string; bbox: [number, number, number, number] };
interface Page {
  type: string;
  numberMatched: number;
  numberReturned: number;
  timeStamp: string;
  links: Link[];
  features: RegionFeature[];
}
interface Collection {
  id: string;
  title: string;
  itemType: string;
  crs: string[];
  extent: { spatial: { bbox: [number, number, number, number][]; crs: string } };
  links: Link[];
}

async function json<T>(path: string, contentType = /^application\/json/): Promise<T> {
  const response = await app.request(path);
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  expect(response.headers.get('content-type')).toMatch(contentType);
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  return (await response.json()) as T;
}

const items = (path: string) => json<Page>(path, /^application\/geo\+json/);

/** Path and query of an absolute link, for app.request(). */
const local = (href: string) => {
  const url = new URL(href);
  return `${url.pathname}${url.search}`;
};

async function problem(path: string, status: number, detail: RegExp) {
  const response = await app.request(path);
  expect(response.status, path).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  const body = (await response.json()) as { detail: string; status: number };
  expect(body.status).toBe(status);
  expect(body.detail).toMatch(detail);
}

function rings(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Twice the signed area (shoelace): positive for a counter-clockwise ring. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += (ring[i]![0]! * ring[i + 1]![1]!) - (ring[i + 1]![0]! * ring[i]![1]!);
  return sum;
}

describe('GET /ogc and /ogc/conformance', () => {
  it('links the service description, the conformance classes and the collections', async () => {
    const landing = await json<{ title: string; links: Link[] }>('/ogc');
    const byRel = new Map(landing.links.map((link) => [link.rel, link]));
    expect(new URL(byRel.get('self')?.href ?? '').pathname).toBe('/ogc');
    expect(new URL(byRel.get('service-desc')?.href ?? '').pathname).toBe('/api/openapi.json');
    expect(byRel.get('service-desc')?.type).toMatch(/^application\/vnd\.oai\.openapi\+json/);
    expect(new URL(byRel.get('conformance')?.href ?? '').pathname).toBe('/ogc/conformance');
    expect(new URL(byRel.get('data')?.href ?? '').pathname).toBe('/ogc/collections');
    expect((await json<unknown>('/ogc?f=json'))).toEqual(landing);
    expect((await json<unknown>('/ogc/'))).toEqual(landing);
  });

  it('declares Core and GeoJSON', async () => {
    const { conformsTo } = await json<{ conformsTo: string[] }>('/ogc/conformance');
    expect(conformsTo).toContain('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core');
    expect(conformsTo).toContain('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson');
  });
});

describe('GET /ogc/collections', () => {
  it('has one collection per level, each with its extent in CRS84 and an items link', async () => {
    const { collections } = await json<{ collections: Collection[] }>('/ogc/collections');
    expect(collections.map((c) => c.id)).toEqual(['provinsi', 'kabkota', 'kecamatan', 'desa']);
    expect(collections.map((c) => c.title)).toEqual(['Provinsi', 'Kabupaten/Kota', 'Kecamatan', 'Desa/Kelurahan']);
    for (const collection of collections) {
      expect(collection.itemType).toBe('feature');
      expect(collection.crs).toEqual([CRS84]);
      expect(collection.extent.spatial.crs).toBe(CRS84);
      const [w, s, e, n] = collection.extent.spatial.bbox[0] ?? [];
      // Indonesia: 94.97-141.02 E, 11.01 S-6.08 N
      expect([w, s, e, n].map((v) => Math.round(v ?? NaN))).toEqual([95, -11, 141, 6]);
      const itemsLink = collection.links.find((link) => link.rel === 'items');
      expect(itemsLink?.type).toBe('application/geo+json');
      expect(new URL(itemsLink?.href ?? '').pathname).toBe(`/ogc/collections/${collection.id}/items`);
    }
    expect(await json<Collection>('/ogc/collections/desa')).toEqual(collections[3]);
  });
});

describe('GET /ogc/collections/{level}/items', () => {
  it('serves the 38 provinces as GeoJSON features with id = kode and the region as properties', async () => {
    const page = await items('/ogc/collections/provinsi/items?limit=100');
    expect(page).toMatchObject({ type: 'FeatureCollection', numberMatched: 38, numberReturned: 38 });
    expect(Date.parse(page.timeStamp)).not.toBeNaN();
    const ntt = page.features.find((f) => f.id === '53');
    expect(ntt?.properties).toEqual({ kode: '53', nama: 'Nusa Tenggara Timur', level: 'provinsi', parent: 'ID' });
    expect(page.links.map((link) => link.rel)).toEqual(['self', 'collection']);
  });

  it('gives a desa its parent and the names of all its ancestors', async () => {
    const feature = await json<RegionFeature & { links: Link[] }>('/ogc/collections/desa/items/51.71.01.1006', /^application\/geo\+json/);
    expect(feature.id).toBe('51.71.01.1006');
    expect(feature.properties).toEqual({
      kode: '51.71.01.1006', nama: 'Sanur', level: 'desa', parent: '51.71.01',
      provinsi: 'Bali', kabkota: 'Kota Denpasar', kecamatan: 'Denpasar Selatan',
    });
    expect(feature.links.map((link) => link.rel)).toEqual(['self', 'collection']);
  });

  it('pages with limit and offset, following next links to the end with the query kept', async () => {
    const seen: string[] = [];
    const sizes: number[] = [];
    let path: string | undefined = '/ogc/collections/desa/items?parent=51.71.01&limit=3&f=json';
    let pages = 0;
    while (path && pages++ < 10) {
      const page = await items(path);
      expect(page.numberMatched).toBe(10);
      seen.push(...page.features.map((f) => f.id));
      sizes.push(page.numberReturned);
      const next = page.links.find((link) => link.rel === 'next');
      if (next) {
        const params = new URL(next.href).searchParams;
        expect(Object.fromEntries(params)).toEqual({ parent: '51.71.01', limit: '3', f: 'json', offset: String(seen.length) });
      }
      if (seen.length > 3) expect(page.links.find((link) => link.rel === 'prev')).toBeDefined();
      path = next && local(next.href);
    }
    expect(sizes).toEqual([3, 3, 3, 1]);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(10);
    expect(seen.every((kode) => kode.startsWith('51.71.01.'))).toBe(true);
    const all = await items('/ogc/collections/desa/items?parent=51.71.01');
    expect(all.features.map((f) => f.id)).toEqual(seen);
  });

  it('keeps the other parameters of next links exactly as sent, as GDAL needs to recognise them', async () => {
    const query = 'limit=2&indicator=IH-1&period=2024&bbox=115.2%2C-8.7%2C115.23%2C-8.68';
    const page = await items(`/ogc/collections/desa/items?${query}`);
    const next = page.links.find((link) => link.rel === 'next');
    expect(next?.href).toContain('?limit=2&indicator=IH-1&period=2024&bbox=115.2%2C-8.7%2C115.23%2C-8.68&offset=2');
    expect(page.features[0]?.properties).toMatchObject({ indicator: 'IH-1', period: '2024', demo: true });
  });

  it('filters by any ancestor: the desa of a kab/kota, the kecamatan of a province', async () => {
    expect((await items('/ogc/collections/desa/items?parent=51.71&limit=1')).numberMatched).toBe(43);
    const kecamatan = await items('/ogc/collections/kecamatan/items?parent=51&limit=1000');
    expect(kecamatan.numberMatched).toBe(kecamatan.numberReturned);
    expect(kecamatan.features.every((f) => f.id.startsWith('51.'))).toBe(true);
  });

  it('returns exactly the features whose polygons intersect the bbox', async () => {
    const box: [number, number, number, number] = [115.2, -8.7, 115.23, -8.68];
    const rect = bboxPolygon(box);
    const inBox = await items(`/ogc/collections/desa/items?bbox=${box.join(',')}&limit=1000`);
    expect(inBox.numberReturned).toBeGreaterThan(3);
    for (const feature of inBox.features) expect(booleanIntersects(feature, rect), feature.id).toBe(true);
    // Every desa of Kota Denpasar, tested one by one: the box selects exactly those that intersect it.
    const denpasar = await items('/ogc/collections/desa/items?parent=51.71&limit=1000');
    const expected = denpasar.features.filter((f) => booleanIntersects(f, rect)).map((f) => f.id);
    expect(inBox.features.map((f) => f.id).filter((kode) => kode.startsWith('51.71.'))).toEqual(expected);
    // A box wholly inside one province still finds it (no vertex of the province lies in the box).
    const inside = await items('/ogc/collections/provinsi/items?bbox=115.1,-8.4,115.11,-8.39');
    expect(inside.features.map((f) => f.id)).toEqual(['51']);
    // Open sea between Bali and Lombok: nothing.
    expect((await items('/ogc/collections/provinsi/items?bbox=115.75,-8.7,115.8,-8.65')).numberMatched).toBe(0);
  });

  it('joins indicator values equal to /api/values, with the source named and the unit', async () => {
    const api = (await (await app.request('/api/values?indicator=prevalensi_stunting&period=2022&level=provinsi')).json()) as {
      sources: string[];
      values: Record<string, { value: number; source: number; demo?: boolean; note?: string }>;
    };
    const page = await items('/ogc/collections/provinsi/items?indicator=prevalensi_stunting&period=2022&limit=50');
    expect(page.numberReturned).toBe(38);
    for (const feature of page.features) {
      const expected = api.values[feature.id];
      expect(feature.properties, feature.id).toMatchObject({
        indicator: 'prevalensi_stunting',
        period: '2022',
        unit: '%',
        value: expected?.value ?? null,
        source: expected ? api.sources[expected.source] : null,
        demo: expected ? (expected.demo ?? false) : null,
        note: expected?.note ?? null,
      });
    }
    expect(page.features.find((f) => f.id === '53')?.properties).toMatchObject({ value: 35.3, source: 'SSGI 2022, Kemenkes', demo: false, basis: 'direct' });
  });

  it('joins demonstration values of desa with numerator and denominator, as /api/values has them', async () => {
    const api = (await (await app.request('/api/values?indicator=IH-1&period=2024&level=desa&parent=51.71.01')).json()) as {
      unit: string;
      sources: string[];
      values: Record<string, { value: number; numerator?: number; denominator?: number; source: number; demo?: boolean }>;
    };
    const page = await items('/ogc/collections/desa/items?parent=51.71.01&indicator=IH-1&period=2024');
    expect(Object.keys(api.values).length).toBeGreaterThan(0);
    expect(page.features.map((f) => f.id).filter((kode) => api.values[kode])).toEqual(Object.keys(api.values).sort());
    for (const feature of page.features) {
      // Desa that did not "report" have no value in either; the properties are then null.
      const expected = api.values[feature.id];
      expect(feature.properties, feature.id).toMatchObject({
        value: expected?.value ?? null,
        numerator: expected?.numerator ?? null,
        denominator: expected?.denominator ?? null,
        source: expected ? api.sources[expected.source] : null,
        demo: expected ? true : null,
        unit: api.unit,
      });
    }
  });

  it('keeps every page within the largest limit (10,000)', async () => {
    const page = await items('/ogc/collections/desa/items?limit=20000&offset=83000');
    expect(page.numberMatched).toBe(83_402);
    expect(page.numberReturned).toBe(402);
    const prev = page.links.find((link) => link.rel === 'prev');
    expect(Object.fromEntries(new URL(prev?.href ?? '').searchParams)).toEqual({ limit: '10000', offset: '73000' });
  });

  it('counts exactly the regions that have a polygon', async () => {
    for (const [level, count] of [['kabkota', 514], ['kecamatan', 7285], ['desa', 83_402]] as const) {
      expect((await items(`/ogc/collections/${level}/items?limit=1`)).numberMatched).toBe(count);
    }
  });
});

describe('polygons', () => {
  async function checkGeometry(level: string, page: Page) {
    const { extent } = await json<Collection>(`/ogc/collections/${level}`);
    const [w, s, e, n] = extent.spatial.bbox[0]!;
    for (const feature of page.features) {
      const [fw, fs, fe, fn] = feature.bbox;
      for (const [p, polygon] of rings(feature.geometry).entries()) {
        for (const [r, ring] of polygon.entries()) {
          const where = `${feature.id} polygon ${p} ring ${r}`;
          expect(ring.length, where).toBeGreaterThanOrEqual(4);
          expect(ring[0], where).toEqual(ring[ring.length - 1]);
          // RFC 7946: exterior rings counter-clockwise, holes clockwise
          expect(Math.sign(signedArea(ring)), where).toBe(r === 0 ? 1 : -1);
          for (const [lng, lat] of ring) {
            if (!(lng! >= w && lng! <= e && lat! >= s && lat! <= n)) throw new Error(`${where}: ${lng},${lat} is outside the collection extent`);
            if (!(lng! >= fw && lng! <= fe && lat! >= fs && lat! <= fn)) throw new Error(`${where}: ${lng},${lat} is outside the feature's bbox`);
            if (Math.round(lng! * 1e6) / 1e6 !== lng || Math.round(lat! * 1e6) / 1e6 !== lat) throw new Error(`${where}: ${lng},${lat} has more than 6 decimals`);
          }
        }
      }
    }
  }

  it('are closed, counter-clockwise outside, within the extent, 6 decimals at most: all provinces', async () => {
    await checkGeometry('provinsi', await items('/ogc/collections/provinsi/items?limit=38'));
  });

  it('are valid for a page of 1,000 desa and all kab/kota', async () => {
    await checkGeometry('desa', await items('/ogc/collections/desa/items?limit=1000&offset=40000'));
    await checkGeometry('kabkota', await items('/ogc/collections/kabkota/items?limit=600'));
  });
});

describe('errors', () => {
  it.each([
    ['/ogc/collections/desa/items?bbox=1,2,3', /bbox must be four numbers/],
    ['/ogc/collections/desa/items?bbox=a,b,c,d', /bbox must be four numbers/],
    ['/ogc/collections/desa/items?bbox=115,-8,116', /bbox must be four numbers/],
    ['/ogc/collections/desa/items?bbox=115,-8,116,-9', /south .* is north of north/],
    ['/ogc/collections/desa/items?bbox=200,-8,201,-7', /longitudes must be between -180 and 180/],
    ['/ogc/collections/desa/items?limit=0', /limit must be at least 1/],
    ['/ogc/collections/desa/items?limit=-5', /limit must be a whole number/],
    ['/ogc/collections/desa/items?limit=ten', /limit must be a whole number/],
    ['/ogc/collections/desa/items?offset=-1', /offset must be a whole number/],
    ['/ogc/collections/desa/items?offset=1.5', /offset must be a whole number/],
    ['/ogc/collections/provinsi/items?indicator=prevalensi_stunting&period=22', /period must be a four-digit year/],
    ['/ogc/collections/provinsi/items?indicator=prevalensi_stunting', /period is required with indicator/],
    ['/ogc/collections/provinsi/items?period=2022', /indicator is required with period/],
    ['/ogc/collections/desa/items?indikator=IH-1', /unknown parameter "indikator"/],
    ['/ogc/collections/desa/items?parent=53.01.01.2001', /the desa collection is filtered by the code of a provinsi, kabkota, kecamatan/],
    ['/ogc/collections/provinsi/items?parent=53', /provinsi collection has no parent filter/],
    ['/ogc/collections/desa/items?parent=Bali', /parent must be a Kemendagri code/],
    ['/ogc/collections/desa/items?f=html', /f must be json/],
    ['/ogc/collections/desa/items?crs=EPSG:4326', /only http:\/\/www.opengis.net\/def\/crs\/OGC\/1.3\/CRS84/],
    ['/ogc/collections/provinsi/items?indicator=prevalensi_stunting&period=2022&limit=1&limit=2', /limit/],
    ['/ogc?f=xml', /f must be json/],
  ])('400 for %s', async (path, detail) => {
    await problem(path, 400, detail);
  });

  it.each([
    ['/ogc/collections/negara', /no collection "negara"; the collections are provinsi, kabkota, kecamatan, desa/],
    ['/ogc/collections/negara/items', /no collection "negara"/],
    ['/ogc/collections/desa/items/99.99.99.9999', /no desa with code "99.99.99.9999"/],
    ['/ogc/collections/desa/items/51.71.01.1006/extra', /no OGC API resource GET \/ogc\/collections\/desa\/items\/51.71.01.1006\/extra/],
    ['/ogc/collections/desa/items/53', /53 is a provinsi code, not a desa one; try \/ogc\/collections\/provinsi\/items\/53/],
    ['/ogc/collections/desa/items/not-a-code', /no desa with code "not-a-code"/],
    ['/ogc/collections/desa/items?parent=99.01', /unknown region "99.01"/],
    ['/ogc/collections/provinsi/items?indicator=tidak_ada&period=2022', /unknown indicator "tidak_ada"/],
  ])('404 for %s', async (path, detail) => {
    await problem(path, 404, detail);
  });

  it.each([
    '/ogc/collections/desa/items?limit=1&datetime=%E0%A4%A',
    '/ogc/collections/desa/items?%E0%A4%A=1',
    '/ogc/collections/desa/items/%E0%A4%A',
    '/ogc/collections/%E0%A4%A/items',
    `/ogc/collections/desa/items?parent=${'5'.repeat(5000)}`,
    '/ogc/collections/desa/items?bbox=1,2,3,4,5,6,7,8,9',
    '/ogc/collections/desa/items?offset=999999999',
    '/ogc/collections/desa/items?bbox=-180,-90,180,90&limit=1',
    '/ogc/collections/desa/items?indicator=%00&period=2022',
  ])('never answers 500: %s', async (path) => {
    const response = await app.request(path);
    expect(response.status, await response.text()).toBeLessThan(500);
  });

  it('answers 404 for a desa of the code list that has no polygon, saying so', async () => {
    const [, first] = readFileSync('geodata/missing.csv', 'utf8').split('\n');
    const kode = first?.split(',')[0] ?? '';
    await problem(`/ogc/collections/desa/items/${kode}`, 404, /without a boundary polygon .*missing\.csv/);
    const page = await items(`/ogc/collections/desa/items?parent=${kode.slice(0, 8)}&limit=1000`);
    expect(page.features.map((f) => f.id)).not.toContain(kode);
  });
});
