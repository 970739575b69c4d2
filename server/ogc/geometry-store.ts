import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { LEVELS, type Level } from '../catalogue.ts';
import { Problem } from '../problem.ts';
import { LevelGeometry } from './geometry.ts';
import { decodeTopology } from './topology.ts';

/**
 * Where /ogc gets the polygons of a level. Nothing is read until a level is first asked for, so the
 * server starts as fast as without it; a file is then read and decoded once (provinsi in well under
 * a second, the file with kab/kota, kecamatan and desa in a few seconds) and kept.
 */
export interface GeometrySource {
  load(level: Level): Promise<LevelGeometry>;
}

/**
 * Which file of `geodata/geometry/` holds which levels, as scripts/geodata/geometry.ts writes them
 * (tests/geodata/geometry.test.ts checks the committed files against this).
 */
export const GEOMETRY_FILES: Record<Level, string> = {
  provinsi: 'provinsi.topojson.gz',
  kabkota: 'wilayah.topojson.gz',
  kecamatan: 'wilayah.topojson.gz',
  desa: 'wilayah.topojson.gz',
};

const gunzipAsync = promisify(gunzip);

/** The geometry files built into `geodata/geometry/`. */
export function geometryFromGeodata(geodataDir: string): GeometrySource {
  const files = new Map<string, Promise<Map<Level, LevelGeometry>>>();
  const readLevels = async (file: string): Promise<Map<Level, LevelGeometry>> => {
    const path = join(geodataDir, 'geometry', file);
    const topology = decodeTopology((await gunzipAsync(await readFile(path))).toString('utf8'), path);
    const levels = new Map<Level, LevelGeometry>();
    for (const level of LEVELS) {
      const object = topology.objects.get(level);
      if (GEOMETRY_FILES[level] === file && object) levels.set(level, new LevelGeometry(level, topology, object));
    }
    return levels;
  };
  return {
    async load(level) {
      const file = GEOMETRY_FILES[level];
      if (!existsSync(join(geodataDir, 'geometry', file))) {
        throw new Problem(503, 'Geometri belum tersedia', `the polygons of ${level} are not installed (${join(geodataDir, 'geometry', file)}); run npm run build:geodata`);
      }
      let pending = files.get(file);
      if (!pending) {
        pending = readLevels(file);
        files.set(file, pending);
        // A failed read is not kept, so the next request tries again.
        pending.catch(() => files.delete(file));
      }
      const geometry = (await pending).get(level);
      if (!geometry) throw new Error(`${file} has no object named ${level}`);
      return geometry;
    },
  };
}

/** For apps built without polygons (some tests and benchmarks): /ogc items say so. */
export const noGeometry: GeometrySource = {
  load(level) {
    return Promise.reject(new Problem(503, 'Geometri belum tersedia', `this server was started without polygons, so /ogc cannot serve ${level} features`));
  },
};
