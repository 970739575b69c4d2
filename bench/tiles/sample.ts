/**
 * Which tiles the tile benchmark requests: the same seeded set for every server, at each level's
 * working zooms, over the populated parts of Indonesia (where people actually look at desa maps).
 */
import { PmtilesArchive } from '../../server/tiles/pmtiles-archive.ts';

/** The zooms at which each level is the one drawn on the map (issue 5). */
export const LEVEL_ZOOMS = {
  provinsi: [5, 6, 7],
  kabkota: [7, 8, 9],
  kecamatan: [9, 10, 11],
  desa: [10, 11],
} as const;

export type BenchLevel = keyof typeof LEVEL_ZOOMS;
export const BENCH_LEVELS = Object.keys(LEVEL_ZOOMS) as BenchLevel[];

export interface Tile {
  level: BenchLevel;
  z: number;
  x: number;
  y: number;
  /** gzip-compressed MVT bytes as stored in the archive */
  data: Uint8Array;
}

/** Densely populated areas, [west, south, east, north]: most of the 280 million live here. */
const POPULATED: Array<[string, [number, number, number, number]]> = [
  ['Jawa, Bali, Lombok', [105.0, -9.0, 116.8, -5.8]],
  ['Medan', [97.5, 1.5, 100.0, 4.2]],
  ['Padang', [99.5, -1.5, 101.0, 0.5]],
  ['Palembang, Lampung', [103.5, -6.0, 106.0, -2.5]],
  ['Makassar', [119.2, -5.8, 120.5, -3.5]],
];

const lonToX = (lon: number, z: number) => Math.min(2 ** z - 1, Math.max(0, Math.floor(((lon + 180) / 360) * 2 ** z)));
function latToY(lat: number, z: number) {
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
  return Math.min(2 ** z - 1, Math.max(0, y));
}

/** Every non-empty tile of an archive, found by looking up each tile inside the header's bounds. */
export function* archiveTiles(archive: PmtilesArchive): Generator<{ z: number; x: number; y: number; data: Uint8Array }> {
  const { minZoom, maxZoom, minLon, minLat, maxLon, maxLat } = archive.header;
  for (let z = minZoom; z <= maxZoom; z++) {
    for (let x = lonToX(minLon, z); x <= lonToX(maxLon, z); x++) {
      for (let y = latToY(maxLat, z); y <= latToY(minLat, z); y++) {
        const tile = archive.getTile(z, x, y);
        if (tile) yield { z, x, y, data: tile.data };
      }
    }
  }
}

/** mulberry32: a small seeded generator, so every run (and every machine) picks the same tiles. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], next: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * Up to `perZoom` non-empty tiles per level and zoom whose centre lies in a populated area, chosen
 * with a fixed seed, returned in one seeded mixed order (the order every client requests them in).
 */
export function sampleTiles(archives: Map<BenchLevel, PmtilesArchive>, { seed, perZoom }: { seed: number; perZoom: number }): Tile[] {
  const next = random(seed);
  const chosen: Tile[] = [];
  for (const level of BENCH_LEVELS) {
    const archive = archives.get(level);
    if (!archive) throw new Error(`no ${level} archive`);
    for (const z of LEVEL_ZOOMS[level]) {
      const candidates: Tile[] = [];
      const seen = new Set<string>();
      for (const [, [west, south, east, north]] of POPULATED) {
        for (let x = lonToX(west, z); x <= lonToX(east, z); x++) {
          for (let y = latToY(north, z); y <= latToY(south, z); y++) {
            const key = `${x}/${y}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const tile = archive.getTile(z, x, y);
            if (tile) candidates.push({ level, z, x, y, data: tile.data });
          }
        }
      }
      // Sorted first so the seeded pick does not depend on the order of the areas above.
      candidates.sort((a, b) => a.x - b.x || a.y - b.y);
      chosen.push(...shuffle(candidates, next).slice(0, perZoom));
    }
  }
  return shuffle(chosen, next);
}
