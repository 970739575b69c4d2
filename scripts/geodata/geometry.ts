/**
 * The full polygons of every level, for the server's OGC API - Features (`geometry/*.topojson.gz`):
 * quantised TopoJSON, gzip'd, with one object per level named after it whose geometries carry the
 * code as `id` and nothing else.
 *
 *   provinsi.topojson.gz   provinsi, simplified as its tiles at their max zoom (z7, 76 m)
 *   wilayah.topojson.gz    kabkota, kecamatan and desa in one topology, simplified as the desa and
 *                          kecamatan tiles at their max zoom (z11, 4.8 m)
 *
 * The three lower levels share one topology: they nest exactly (a kecamatan is the very union of its
 * desa) and each border is stored once, so kab/kota and kecamatan cost only their lists of arc ids.
 * Kab/kota therefore get the 4.8 m of z11 rather than the 9.6 m of their own z10 tiles: 2.5% more
 * vertices, against a second copy of their borders. Provinsi get a file of their own at 76 m because
 * the whole country is a single page of 38 features and would be 2.5 times larger at 4.8 m.
 *
 * Why TopoJSON: neighbours share borders, so each border is stored once, as small delta-encoded
 * integers that gzip well. FlatGeobuf (like GeoJSON or Geobuf) stores every border twice, as float64:
 * several times larger, before compression, and compressing it takes away its random access.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { LEVELS, simplifyIntervalMetres, type Level } from './levels.ts';
import type { TopoJsonOptions } from './topology.ts';

export interface GeometryFile {
  name: string;
  levels: readonly Level[];
  /** Written when this level's max zoom is simplified (the levels' geometry is that zoom's). */
  zoomOf: Level;
  /**
   * Quantisation grid in degrees, a quarter of the simplification interval or finer: 1e-5° is 1.1 m
   * (interval 4.8 m), 1e-4° 11 m (interval 76 m). Coordinates keep at most 6 decimals either way.
   */
  options: TopoJsonOptions;
}

export const GEOMETRY_FILES: readonly GeometryFile[] = [
  { name: 'provinsi.topojson.gz', levels: ['provinsi'], zoomOf: 'provinsi', options: { gridDegrees: 1e-4 } },
  { name: 'wilayah.topojson.gz', levels: ['kabkota', 'kecamatan', 'desa'], zoomOf: 'desa', options: { gridDegrees: 1e-5 } },
];

/** Fixed gzip level so the bytes are the same on every build; 9 since the files are written once and read rarely. */
const GEOMETRY_GZIP_LEVEL = 9;

/** The geometry files to write when `level` is simplified for zoom `z` (none, mostly). */
export function geometryFilesAt(level: Level, z: number): GeometryFile[] {
  const spec = LEVELS.find((l) => l.level === level);
  return spec && z === spec.maxZoom ? GEOMETRY_FILES.filter((f) => f.zoomOf === level) : [];
}

export function geometryIntervalMetres(file: GeometryFile): number {
  const spec = LEVELS.find((l) => l.level === file.zoomOf);
  if (!spec) throw new Error(`unknown level ${file.zoomOf}`);
  return simplifyIntervalMetres(spec, spec.maxZoom);
}

/** Writes the gzip'd TopoJSON text; returns its size in bytes. */
export function writeGeometryFile(dir: string, file: GeometryFile, topojson: string): number {
  const bytes = zlib.gzipSync(topojson, { level: GEOMETRY_GZIP_LEVEL });
  fs.writeFileSync(path.join(dir, file.name), bytes);
  return bytes.length;
}
