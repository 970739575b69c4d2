/**
 * The region index (`regions.csv.gz`) and the list of regions without a polygon (`missing.csv`).
 * Measures come from the cleaned, unsimplified geometry: bbox, area on the sphere (turf), and a
 * label point that is the pole of inaccessibility (polylabel) of the largest part, which unlike a
 * centroid always lies inside the region, even for a crescent-shaped or multi-island one.
 */
import zlib from 'node:zlib';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { area as turfArea, bbox as turfBbox } from '@turf/turf';
import polylabel from 'polylabel';
import type { Level } from './levels.ts';
import type { CodeListRegion } from './sources.ts';

export interface Measure {
  bbox: [number, number, number, number];
  label: [number, number];
  areaKm2: number;
}

export const REGION_COLUMNS = ['kode', 'level', 'nama', 'parent', 'has_geometry', 'min_lng', 'min_lat',
  'max_lng', 'max_lat', 'label_lng', 'label_lat', 'area_km2'] as const;

/** The polygons of a (multi)polygon with their spherical areas (the largest wins; ties keep the first). */
function polygonParts(geometry: Polygon | MultiPolygon): { rings: Position[][]; areaM2: number }[] {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return parts.map((rings) => ({ rings, areaM2: turfArea({ type: 'Polygon', coordinates: rings }) }));
}

export function measure(geometry: Polygon | MultiPolygon): Measure {
  const parts = polygonParts(geometry);
  const largest = parts.reduce((best, p) => (p.areaM2 > best.areaM2 ? p : best));
  const [w, s, e, n] = turfBbox({ type: 'Polygon', coordinates: largest.rings });
  // Precision relative to the part's size (1/2000 of its smaller side, at least ~0.1 m): enough for a
  // label, and it keeps polylabel fast on province-sized rings with 100k+ vertices.
  const precision = Math.max(1e-6, Math.min(e - w, n - s) / 2000);
  const p = polylabel(largest.rings as number[][][], precision);
  return {
    bbox: turfBbox(geometry) as [number, number, number, number],
    label: [p[0] ?? NaN, p[1] ?? NaN],
    areaKm2: parts.reduce((sum, part) => sum + part.areaM2, 0) / 1e6,
  };
}

/** Fixed decimals without "-0.000000". */
function fixed(value: number, decimals: number): string {
  const s = value.toFixed(decimals);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function byKode<T extends { kode: string }>(a: T, b: T): number {
  return a.kode < b.kode ? -1 : a.kode > b.kode ? 1 : 0;
}

/** One row per code-list region, sorted by kode (which is also parent-before-child order). */
export function regionIndexCsv(regions: CodeListRegion[], measures: Map<string, Measure>): Buffer {
  const lines = [REGION_COLUMNS.join(',')];
  for (const r of [...regions].sort(byKode)) {
    const m = measures.get(r.kode);
    const geometryCells = m
      ? [...m.bbox.map((v) => fixed(v, 6)), fixed(m.label[0], 6), fixed(m.label[1], 6), fixed(m.areaKm2, 3)]
      : ['', '', '', '', '', '', ''];
    lines.push([r.kode, r.level, csvCell(r.nama), r.parent, m ? '1' : '0', ...geometryCells].join(','));
  }
  return zlib.gzipSync(Buffer.from(lines.join('\n') + '\n', 'utf8'), { level: 9 });
}

export interface MissingRegion { kode: string; level: Level; nama: string; reason: string }

export function missingCsv(missing: MissingRegion[]): string {
  const lines = ['kode,level,nama,reason'];
  for (const m of [...missing].sort(byKode)) lines.push([m.kode, m.level, csvCell(m.nama), csvCell(m.reason)].join(','));
  return lines.join('\n') + '\n';
}
