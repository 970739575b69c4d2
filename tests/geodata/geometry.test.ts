/**
 * The polygons for /ogc, geodata/geometry/*.topojson.gz: which file holds which level (as the server
 * expects), that they hold exactly the regions with geometry, that the server's decoder gives the
 * same rings as the reference TopoJSON reader (topojson-client), that each desa's label point lies
 * in its own polygon, and the size budget.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import { GEOMETRY_FILES, geometryFromGeodata } from '../../server/ogc/geometry-store.ts';
import type { LevelGeometry } from '../../server/ogc/geometry.ts';
import { GEODATA, LEVELS, regionIndex, type Level } from './committed.ts';

const files = [...new Set(Object.values(GEOMETRY_FILES))];
const topologies = new Map<string, Topology>();
const levels = new Map<Level, LevelGeometry>();

beforeAll(async () => {
  for (const file of files) {
    const text = zlib.gunzipSync(fs.readFileSync(path.join(GEODATA, 'geometry', file))).toString('utf8');
    topologies.set(file, JSON.parse(text) as Topology);
  }
  const source = geometryFromGeodata(GEODATA);
  for (const level of LEVELS) levels.set(level, await source.load(level));
}, 120_000);

function level(name: Level): LevelGeometry {
  const geometry = levels.get(name);
  if (!geometry) throw new Error(`${name} not loaded`);
  return geometry;
}

/** topojson-client's rings, as the server writes them: reversed (RFC 7946), repeated points dropped, 6 decimals. */
function reference(geometry: Polygon | MultiPolygon): Position[][][] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return polygons.map((rings) =>
    rings.map((ring) => {
      const out: Position[] = [];
      for (const [x, y] of [...ring].reverse()) {
        const p = [round(x ?? NaN), round(y ?? NaN)];
        const last = out[out.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
      }
      return out;
    }),
  );
}

describe('geodata/geometry', () => {
  it('holds each level in the file the server reads it from, and nothing else', () => {
    for (const file of files) {
      const expected = LEVELS.filter((l) => GEOMETRY_FILES[l] === file);
      expect(Object.keys(topologies.get(file)?.objects ?? {}), file).toEqual(expected);
      expect(topologies.get(file)?.transform, `${file} is quantised`).toBeDefined();
    }
  });

  it('has a feature for exactly the regions of the index that have geometry', () => {
    for (const name of LEVELS) {
      const expected = regionIndex().rows.filter((r) => r.level === name && r.has_geometry === '1').map((r) => r.kode).sort();
      expect(level(name).kodes, name).toEqual(expected);
    }
    expect(level('desa').size).toBe(83_402);
    // No feature lost its whole shape to quantisation: every one has a finite bbox.
    for (const name of LEVELS) expect(level(name).bboxes.every(Number.isFinite), name).toBe(true);
  });

  it('decodes to the same rings as topojson-client (every provinsi and kab/kota, every 25th desa)', () => {
    for (const name of LEVELS.filter((l) => l !== 'kecamatan')) {
      const topology = topologies.get(GEOMETRY_FILES[name]);
      if (!topology) throw new Error(`no topology for ${name}`);
      const { geometries } = topology.objects[name] as GeometryCollection;
      const geometry = level(name);
      const step = name === 'desa' ? 25 : 1;
      let compared = 0;
      for (let k = 0; k < geometries.length; k += step) {
        const object = geometries[k];
        if (!object) continue;
        const f = feature(topology, object);
        if ('features' in f || !f.geometry || (f.geometry.type !== 'Polygon' && f.geometry.type !== 'MultiPolygon')) continue;
        const i = geometry.indexOf.get(String(f.id));
        if (i === undefined) throw new Error(`${name} ${f.id} missing from the decoded level`);
        const ours = JSON.parse(geometry.geometryJson(i)) as Polygon | MultiPolygon;
        // Compared as text: toEqual over a province's 100,000 positions takes seconds.
        const [actual, expected] = [JSON.stringify(ours.type === 'Polygon' ? [ours.coordinates] : ours.coordinates), JSON.stringify(reference(f.geometry))];
        if (actual !== expected) expect(actual.slice(0, 300), `${name} ${f.id}`).toBe(expected.slice(0, 300));
        expect(actual === expected, `${name} ${f.id}`).toBe(true);
        compared++;
      }
      expect(compared).toBeGreaterThan(name === 'provinsi' ? 37 : 500);
    }
  });

  it("puts the label point of at least 99.9% of desa inside the desa's own polygon", () => {
    const desa = level('desa');
    const rows = regionIndex().rows.filter((r) => r.level === 'desa' && r.has_geometry === '1');
    const outside = rows.filter((r) => {
      const [lng, lat] = [Number(r.label_lng), Number(r.label_lat)];
      const i = desa.indexOf.get(r.kode);
      return i === undefined || !desa.intersects(i, [lng, lat, lng, lat]);
    });
    expect(outside.length / rows.length, outside.slice(0, 5).map((r) => r.kode).join(', ')).toBeLessThan(0.001);
  });

  it('stays within its size budget (25 MB)', () => {
    const bytes = files.reduce((sum, file) => sum + fs.statSync(path.join(GEODATA, 'geometry', file)).size, 0);
    expect(bytes).toBeLessThan(25e6);
  });
});
