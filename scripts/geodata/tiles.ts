/**
 * Cutting one level's simplified geometry into gzip-compressed MVT tiles for one zoom.
 *
 * The geometry arrives already simplified (topologically, by mapshaper), so geojson-vt runs with
 * tolerance 0: its own simplification works ring by ring and would pull shared borders apart.
 * Each zoom gets its own index (maxZoom = indexMaxZoom = z, indexMaxPoints = 0 so it splits every
 * tile down to z), and every non-empty tile at z is encoded.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import type { FeatureCollection } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { zxyToTileId } from 'pmtiles';
import { TILE_EXTENT, type Level } from './levels.ts';
import type { LayerFeature } from './topology.ts';

/** Buffer around each tile in tile units (geojson-vt's default): lines at tile edges join cleanly. */
const TILE_BUFFER = 64;
/** Fixed gzip level: node's zlib output is then the same bytes on every run (9 is 3x slower, no smaller). */
export const GZIP_LEVEL = 6;

export interface EncodedTile {
  z: number;
  x: number;
  y: number;
  tileId: number;
  /** gzip-compressed MVT bytes. */
  data: Buffer;
}

/**
 * features: the level's geometry for this zoom; names: kode -> nama from the code list.
 * Only `kode` and `nama` go into the tile.
 */
export function cutTiles(level: Level, z: number, features: LayerFeature[], names: Map<string, string>): EncodedTile[] {
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: features.map((f) => {
      const kode = f.properties.kode;
      const nama = names.get(kode);
      if (nama === undefined) throw new Error(`${level} ${kode}: not in the code list, so it has no name`);
      return { type: 'Feature', geometry: f.geometry, properties: { kode, nama } };
    }),
  };
  const index = new GeoJSONVT(fc, {
    maxZoom: z,
    indexMaxZoom: z,
    indexMaxPoints: 0,
    tolerance: 0,
    extent: TILE_EXTENT,
    buffer: TILE_BUFFER,
  });
  const tiles: EncodedTile[] = [];
  for (const { z: tz, x, y } of index.tileCoords) {
    if (tz !== z) continue;
    const tile = index.getTile(z, x, y);
    if (!tile || tile.features.length === 0) continue;
    // The legacy tile shape is what vt-pbf's GeoJSONWrapper reads.
    const pbf = fromGeojsonVt({ [level]: tile as never }, { version: 2, extent: TILE_EXTENT });
    tiles.push({ z, x, y, tileId: zxyToTileId(z, x, y), data: zlib.gzipSync(pbf, { level: GZIP_LEVEL }) });
  }
  return tiles.sort((a, b) => a.tileId - b.tileId);
}

/**
 * Tile bundles pass tiles from the worker processes to the archive writer:
 * per tile u32 z, u32 x, u32 y, u32 byte length, then the gzip bytes.
 */
export function writeTileBundle(file: string, tiles: EncodedTile[]): void {
  const parts: Buffer[] = [];
  for (const t of tiles) {
    const head = Buffer.alloc(16);
    head.writeUInt32LE(t.z, 0);
    head.writeUInt32LE(t.x, 4);
    head.writeUInt32LE(t.y, 8);
    head.writeUInt32LE(t.data.length, 12);
    parts.push(head, t.data);
  }
  fs.writeFileSync(file, Buffer.concat(parts));
}

export function readTileBundle(file: string): EncodedTile[] {
  const buf = fs.readFileSync(file);
  const tiles: EncodedTile[] = [];
  for (let pos = 0; pos < buf.length;) {
    const [z, x, y, length] = [0, 4, 8, 12].map((o) => buf.readUInt32LE(pos + o)) as [number, number, number, number];
    tiles.push({ z, x, y, tileId: zxyToTileId(z, x, y), data: buf.subarray(pos + 16, pos + 16 + length) });
    pos += 16 + length;
  }
  return tiles;
}
