import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { Level } from '../catalogue.ts';
import { GEOMETRY_FILES } from '../ogc/geometry-store.ts';
import { decodeTopology, type DecodedObject, type DecodedTopology } from '../ogc/topology.ts';
import { Problem } from '../problem.ts';

/**
 * Queen contiguity from the boundary topology: two regions are neighbours when their boundaries touch,
 * along a border or at a single point. In a TopoJSON topology arcs are cut wherever the regions on
 * either side change, so every point where two regions meet is an arc endpoint shared by both (a
 * shared border is an arc whose endpoints both share). Comparing arc endpoints is therefore enough,
 * and exact: coordinates are integers on the quantisation grid, so there are no tolerances to pick.
 * Regions on islands of their own have no neighbours.
 */
export interface LevelNeighbours {
  /** codes in ascending order; region i below is kodes[i] */
  readonly kodes: string[];
  readonly indexOf: Map<string, number>;
  /** neighbours of region i are list[start[i] .. start[i + 1]), ascending */
  readonly start: Uint32Array;
  readonly list: Uint32Array;
}

export function neighboursOf(n: LevelNeighbours, i: number): Uint32Array {
  return n.list.subarray(n.start[i] ?? 0, n.start[i + 1] ?? 0);
}

/** The queen neighbours of every feature of one TopoJSON object. */
export function queenNeighbours(topology: Pick<DecodedTopology, 'xy' | 'arcStart'>, object: DecodedObject): LevelNeighbours {
  const { xy, arcStart } = topology;
  const order = object.ids.map((_, i) => i).sort((a, b) => ((object.ids[a] ?? '') < (object.ids[b] ?? '') ? -1 : 1));
  const kodes = order.map((i) => object.ids[i] ?? '');
  // Feature -> arc endpoints (as one number per grid point) -> every region touching that point.
  const touching = new Map<number, number[]>();
  const point = (p: number) => (xy[p * 2] ?? 0) * 4294967296 + ((xy[p * 2 + 1] ?? 0) >>> 0);
  order.forEach((feature, region) => {
    const seen = new Set<number>();
    const { shapes } = object;
    let s = object.shapeStart[feature] ?? 0;
    const polygons = shapes[s++] ?? 0;
    for (let p = 0; p < polygons; p++) {
      const rings = shapes[s++] ?? 0;
      for (let r = 0; r < rings; r++) {
        const arcs = shapes[s++] ?? 0;
        for (let a = 0; a < arcs; a++) {
          const id = shapes[s++] ?? 0;
          const arc = id < 0 ? ~id : id;
          for (const end of [point(arcStart[arc] ?? 0), point((arcStart[arc + 1] ?? 1) - 1)]) {
            if (seen.has(end)) continue;
            seen.add(end);
            const list = touching.get(end);
            if (list) list.push(region);
            else touching.set(end, [region]);
          }
        }
      }
    }
  });
  const sets = kodes.map(() => new Set<number>());
  for (const regions of touching.values()) {
    if (regions.length < 2) continue;
    for (const a of regions) for (const b of regions) if (a !== b) sets[a]?.add(b);
  }
  const start = new Uint32Array(kodes.length + 1);
  sets.forEach((set, i) => (start[i + 1] = (start[i] ?? 0) + set.size));
  const list = new Uint32Array(start[kodes.length] ?? 0);
  sets.forEach((set, i) => list.set([...set].sort((a, b) => a - b), start[i] ?? 0));
  return { kodes, indexOf: new Map(kodes.map((kode, i) => [kode, i])), start, list };
}

/** Where /api/clusters gets the neighbours of a level; computed on first use and kept. */
export interface NeighbourSource {
  load(level: Level): Promise<LevelNeighbours>;
}

const gunzipAsync = promisify(gunzip);

/**
 * Neighbours from the polygons in `geodata/geometry/` (the files /ogc reads). The file is decoded here
 * on its own, once per level asked for, and dropped as soon as that level's neighbours are computed:
 * only the neighbour lists (a few hundred kB for the kecamatan) stay in memory, not a second copy of
 * the polygons /ogc holds.
 */
export function neighboursFromGeodata(geodataDir: string): NeighbourSource {
  const levels = new Map<Level, Promise<LevelNeighbours>>();
  return {
    load(level) {
      const path = join(geodataDir, 'geometry', GEOMETRY_FILES[level]);
      if (!existsSync(path)) {
        return Promise.reject(new Problem(503, 'Geometri belum tersedia', `the polygons of ${level} are not installed (${path}); run npm run build:geodata`));
      }
      let pending = levels.get(level);
      if (!pending) {
        pending = (async () => {
          const decoded = decodeTopology((await gunzipAsync(await readFile(path))).toString('utf8'), path);
          const object = decoded.objects.get(level);
          if (!object) throw new Error(`${path} has no object named ${level}`);
          return queenNeighbours(decoded, object);
        })();
        levels.set(level, pending);
        pending.catch(() => levels.delete(level));
      }
      return pending;
    },
  };
}

/** For apps built without polygons: /api/clusters says so. */
export const noNeighbours: NeighbourSource = {
  load(level) {
    return Promise.reject(new Problem(503, 'Geometri belum tersedia', `this server was started without polygons, so neighbours of ${level} cannot be computed`));
  },
};
