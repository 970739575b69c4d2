/**
 * The PMTiles archives geodata/tiles/{level}.pmtiles: header, metadata, size budget, that every region
 * with geometry is in the tiles, and that a tile decodes independently (via @mapbox/vector-tile and the
 * `pmtiles` reader the server uses) to the documented layer and properties.
 */
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { PMTiles, type RangeResponse, type Source, tileIdToZxy } from 'pmtiles';
import { readHeader, readMetadata, readTileEntries, tileBytes } from '../../scripts/geodata/pmtiles-reader.ts';
import { LEVELS, type Level, archive, regionIndex } from './committed.ts';

// Kecamatan from z3 (the whole country on one screen) and desa from z8 (the largest kabupaten): the
// lowest-zoom test below then checks that every kecamatan and every desa is in those tiles.
const ZOOMS: Record<Level, [number, number]> = { provinsi: [0, 7], kabkota: [3, 10], kecamatan: [3, 11], desa: [8, 11] };

function decode(gz: Buffer): VectorTile {
  return new VectorTile(new PbfReader(zlib.gunzipSync(gz)));
}

/** A `pmtiles` Source over a buffer, so the test reads exactly as the server does. */
class BufferSource implements Source {
  constructor(private readonly buf: Buffer, private readonly key: string) {}
  getKey() { return this.key; }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const slice = this.buf.subarray(offset, offset + length);
    return { data: slice.buffer.slice(slice.byteOffset, slice.byteOffset + slice.byteLength) as ArrayBuffer };
  }
}

describe.each(LEVELS)('%s.pmtiles', (level) => {
  const buf = archive(level);
  const header = readHeader(buf);
  const entries = readTileEntries(buf);

  it('has a v3 header with gzip MVT, the level zooms and Indonesia as bounds and centre', () => {
    expect(header.specVersion).toBe(3);
    expect(header.tileType).toBe(1);
    expect(header.tileCompression).toBe(2);
    expect([header.minZoom, header.maxZoom]).toEqual(ZOOMS[level]);
    expect(header.minLon).toBeGreaterThan(94);
    expect(header.minLon).toBeLessThan(96);
    expect(header.maxLon).toBeGreaterThan(140);
    expect(header.maxLon).toBeLessThan(142);
    expect(header.minLat).toBeGreaterThan(-12);
    expect(header.minLat).toBeLessThan(-10);
    expect(header.maxLat).toBeGreaterThan(5);
    expect(header.maxLat).toBeLessThan(7);
    expect(header.centerLon).toBeGreaterThan(header.minLon);
    expect(header.centerLon).toBeLessThan(header.maxLon);
    expect(header.centerLat).toBeGreaterThan(header.minLat);
    expect(header.centerLat).toBeLessThan(header.maxLat);
    expect(header.addressedTiles).toBe(entries.reduce((n, e) => n + e.runLength, 0));
  });

  it('describes one vector layer named after the level, with kode and nama, and the attribution', () => {
    const metadata = readMetadata(buf) as { vector_layers: unknown; attribution: string };
    expect(metadata.vector_layers).toEqual([{ id: level, minzoom: ZOOMS[level][0], maxzoom: ZOOMS[level][1], fields: { kode: 'String', nama: 'String' } }]);
    expect(metadata.attribution).toContain('cahyadsn/wilayah_boundaries');
  });

  it('keeps tiles within budget: largest <= 500 KB gzipped, mean <= 50 KB', () => {
    const sizes = entries.map((e) => e.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(500 * 1024);
    expect(sizes.reduce((a, b) => a + b, 0) / sizes.length).toBeLessThanOrEqual(50 * 1024);
  });

  it('holds every region of the level that has geometry, at its lowest zoom, with its code-list name', () => {
    const expected = new Map(regionIndex().rows.filter((r) => r.level === level && r.has_geometry === '1').map((r) => [r.kode, r.nama]));
    const found = new Map<string, unknown>();
    let badProperties = 0;
    for (const entry of entries) {
      if (tileIdToZxy(entry.tileId)[0] !== ZOOMS[level][0]) continue;
      const layer = decode(tileBytes(buf, entry)).layers[level];
      if (!layer) throw new Error(`tile ${tileIdToZxy(entry.tileId).join('/')} has no layer ${level}`);
      for (let i = 0; i < layer.length; i++) {
        const props = layer.feature(i).properties;
        if (Object.keys(props).sort().join() !== 'kode,nama' || typeof props.kode !== 'string') badProperties++;
        found.set(String(props.kode), props.nama);
      }
    }
    expect(badProperties).toBe(0);
    expect(found.size).toBe(expected.size);
    const wrong = [...expected].filter(([kode, nama]) => found.get(kode) !== nama);
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('decodes a tile fetched with the pmtiles reader: layer, properties and non-empty polygons', async () => {
    const pmtiles = new PMTiles(new BufferSource(buf, level));
    const h = await pmtiles.getHeader();
    expect([h.minZoom, h.maxZoom]).toEqual(ZOOMS[level]);
    // Jakarta (Monas) at the level's max zoom.
    const z = ZOOMS[level][1];
    const n = 2 ** z;
    const x = Math.floor(((106.8272 + 180) / 360) * n);
    const lat = (-6.1754 * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * n);
    const response = await pmtiles.getZxy(z, x, y);
    expect(response).toBeDefined();
    // The pmtiles reader hands back the stored (gzipped) bytes when no decompression is wanted.
    const bytes = Buffer.from(response!.data);
    const tile = bytes[0] === 0x1f ? decode(bytes) : new VectorTile(new PbfReader(bytes));
    expect(Object.keys(tile.layers)).toEqual([level]);
    const layer = tile.layers[level]!;
    expect(layer.extent).toBe(4096);
    expect(layer.length).toBeGreaterThan(0);
    const kodes: string[] = [];
    for (let i = 0; i < layer.length; i++) {
      const f = layer.feature(i);
      expect(f.type).toBe(3); // polygon
      const rings = f.loadGeometry();
      expect(rings.length).toBeGreaterThan(0);
      expect(rings.every((r) => r.length >= 4)).toBe(true);
      kodes.push(String(f.properties.kode));
    }
    // Monas is in Gambir, Jakarta Pusat (31.71.01 / 31.71.01.1001).
    const expected = { provinsi: '31', kabkota: '31.71', kecamatan: '31.71.01', desa: '31.71.01.1001' }[level];
    expect(kodes).toContain(expected);
  });
});
