/**
 * The four administrative levels and how each is tiled: the one place that says which zooms a
 * level covers and how hard each zoom is simplified. Everything else reads this table.
 */

export type Level = 'provinsi' | 'kabkota' | 'kecamatan' | 'desa';

export interface LevelSpec {
  level: Level;
  /** Level name in the Kemendagri code list CSV. */
  codeListName: string;
  /** Length of the dotted code, e.g. 8 for `32.01.01`. */
  codeLength: number;
  minZoom: number;
  maxZoom: number;
}

export const LEVELS: readonly LevelSpec[] = [
  { level: 'provinsi', codeListName: 'provinsi', codeLength: 2, minZoom: 0, maxZoom: 7 },
  { level: 'kabkota', codeListName: 'kabupaten_kota', codeLength: 5, minZoom: 3, maxZoom: 10 },
  // Kecamatan from z3 and desa from z8 so that the map can show all 7,285 kecamatan of Indonesia at once
  // (the whole country is z3-4 on a screen) and all desa of the largest kabupaten (z8).
  { level: 'kecamatan', codeListName: 'kecamatan', codeLength: 8, minZoom: 3, maxZoom: 11 },
  { level: 'desa', codeListName: 'desa_kelurahan', codeLength: 13, minZoom: 8, maxZoom: 11 },
];

export const LEVEL_NAMES: readonly Level[] = LEVELS.map((l) => l.level);

export function levelOfCode(kode: string): Level | undefined {
  return LEVELS.find((l) => l.codeLength === kode.length)?.level;
}

/** Parent code (`32.01.01.2001` -> `32.01.01`), or '' for a province. */
export function parentCode(kode: string): string {
  const i = kode.lastIndexOf('.');
  return i < 0 ? '' : kode.slice(0, i);
}

/** MVT extent: 4096 units per tile edge, the MapLibre default. */
export const TILE_EXTENT = 4096;

/** Size of one tile unit at zoom z near the equator (Indonesia spans 6°N-11°S, scale error < 2%). */
export function tileUnitMetres(z: number): number {
  return 40_075_016.686 / (TILE_EXTENT * 2 ** z);
}

/**
 * Simplification interval (metres) used for a level at zoom z. Below a level's max zoom we drop detail
 * finer than SIMPLIFY_UNITS tile units (a 4096-unit tile is drawn at 512 CSS px, so 12 units = 1.5 CSS
 * px: invisible in a choropleth, and it keeps the tiles in geodata/ to about 63 MB); at the max zoom,
 * which clients over-zoom, we keep everything down to one unit (4.8 m at z11), the size of the tile's
 * own coordinate grid, so over-zoomed tiles keep the source's detail.
 */
export const SIMPLIFY_UNITS = 12;
export const SIMPLIFY_UNITS_AT_MAX_ZOOM = 1;

export function simplifyIntervalMetres(spec: LevelSpec, z: number): number {
  const units = z === spec.maxZoom ? SIMPLIFY_UNITS_AT_MAX_ZOOM : SIMPLIFY_UNITS;
  return Math.round(units * tileUnitMetres(z) * 100) / 100;
}
