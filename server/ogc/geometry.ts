import type { Level } from '../catalogue.ts';
import type { DecodedObject, DecodedTopology } from './topology.ts';

/** [west, south, east, north] in degrees (CRS84). */
export type Bbox = [number, number, number, number];

/**
 * The polygons of one level, sorted by code, with each feature's bbox: what /ogc serves. Rings are
 * stitched from the shared arcs when a feature is written or tested, never kept.
 */
export class LevelGeometry {
  /** codes in ascending order; feature i below is kodes[i] */
  readonly kodes: string[];
  readonly indexOf: Map<string, number>;
  /** bbox of feature i at [4i .. 4i+3], in degrees, as the written coordinates (6 decimals) */
  readonly bboxes: Float64Array;
  readonly extent: Bbox;
  private readonly shapeOf: Uint32Array;

  constructor(
    readonly level: Level,
    private readonly topology: DecodedTopology,
    private readonly object: DecodedObject,
  ) {
    const order = object.ids.map((_, i) => i).sort((a, b) => compare(object.ids[a] ?? '', object.ids[b] ?? ''));
    this.shapeOf = Uint32Array.from(order);
    this.kodes = order.map((i) => object.ids[i] ?? '');
    this.indexOf = new Map(this.kodes.map((kode, i) => [kode, i]));
    this.bboxes = new Float64Array(order.length * 4);
    const extent: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < order.length; i++) {
      const b = this.gridBbox(i);
      const box: Bbox = [this.lng(b[0]), this.lat(b[1]), this.lng(b[2]), this.lat(b[3])];
      this.bboxes.set(box, i * 4);
      extent[0] = Math.min(extent[0], box[0]);
      extent[1] = Math.min(extent[1], box[1]);
      extent[2] = Math.max(extent[2], box[2]);
      extent[3] = Math.max(extent[3], box[3]);
    }
    this.extent = extent;
  }

  get size(): number {
    return this.kodes.length;
  }

  bbox(i: number): Bbox {
    const b = this.bboxes;
    return [b[i * 4] ?? NaN, b[i * 4 + 1] ?? NaN, b[i * 4 + 2] ?? NaN, b[i * 4 + 3] ?? NaN];
  }

  /**
   * The feature's geometry as GeoJSON text: a Polygon or MultiPolygon, exterior rings counter-clockwise
   * and holes clockwise (RFC 7946), every ring closed, coordinates rounded to 6 decimals (~0.1 m).
   */
  geometryJson(i: number): string {
    const polygons = this.polygons(i);
    const text = polygons.map((rings) => `[${rings.map((ring) => this.ringJson(ring)).join(',')}]`);
    return polygons.length === 1 ? `{"type":"Polygon","coordinates":${text[0]}}` : `{"type":"MultiPolygon","coordinates":[${text.join(',')}]}`;
  }

  /**
   * Whether the feature's area touches the rectangle: its bbox lies inside it, or one of its edges
   * crosses it, or the rectangle lies wholly inside the feature (a box inside a large province).
   */
  intersects(i: number, rect: Bbox): boolean {
    const [w, s, e, n] = this.bbox(i);
    if (e < rect[0] || w > rect[2] || n < rect[1] || s > rect[3]) return false;
    if (w >= rect[0] && e <= rect[2] && s >= rect[1] && n <= rect[3]) return true;
    const { scale, translate } = this.topology;
    // The rectangle on the feature's grid, so the rings need no conversion.
    const grid: Bbox = [(rect[0] - translate[0]) / scale[0], (rect[1] - translate[1]) / scale[1], (rect[2] - translate[0]) / scale[0], (rect[3] - translate[1]) / scale[1]];
    const rings = this.polygons(i).flat();
    for (const ring of rings) {
      for (let k = 0; k + 3 < ring.length; k += 2) {
        if (segmentTouchesRect(ring[k] ?? 0, ring[k + 1] ?? 0, ring[k + 2] ?? 0, ring[k + 3] ?? 0, grid)) return true;
      }
    }
    // No edge meets the rectangle, so it is wholly inside or wholly outside: test one point of it.
    return insideRings(rings, (grid[0] + grid[2]) / 2, (grid[1] + grid[3]) / 2);
  }

  private lng(x: number): number {
    return round6(x * this.topology.scale[0] + this.topology.translate[0]);
  }

  private lat(y: number): number {
    return round6(y * this.topology.scale[1] + this.topology.translate[1]);
  }

  private ringJson(ring: number[]): string {
    const points: string[] = [];
    for (let k = 0; k < ring.length; k += 2) points.push(`[${this.lng(ring[k] ?? 0)},${this.lat(ring[k + 1] ?? 0)}]`);
    return `[${points.join(',')}]`;
  }

  /** Stitched rings of feature i as flat [x0, y0, x1, y1, ...] grid coordinates, reversed to RFC 7946 order. */
  private polygons(i: number): number[][][] {
    const { shapes, shapeStart } = this.object;
    const shape = this.shapeOf[i] ?? 0;
    let p = shapeStart[shape] ?? 0;
    const polygons: number[][][] = [];
    const polygonCount = shapes[p++] ?? 0;
    for (let q = 0; q < polygonCount; q++) {
      const rings: number[][] = [];
      const ringCount = shapes[p++] ?? 0;
      for (let r = 0; r < ringCount; r++) {
        const arcCount = shapes[p++] ?? 0;
        const ring = this.stitch(shapes.subarray(p, p + arcCount));
        p += arcCount;
        // A ring needs 4 positions (3 distinct and the closing one); quantisation can collapse a tiny one.
        if (ring.length >= 8) rings.push(ring);
      }
      if (rings.length > 0) polygons.push(rings);
    }
    return polygons;
  }

  /**
   * Joins the arcs of one ring (each arc starts where the previous ended), walking it backwards:
   * mapshaper writes exterior rings clockwise, RFC 7946 wants them counter-clockwise.
   * Repeated points (two grid points that quantisation merged) are dropped.
   */
  private stitch(arcIds: Int32Array): number[] {
    const { xy, arcStart } = this.topology;
    const ring: number[] = [];
    const add = (point: number) => {
      const x = xy[point * 2] ?? 0;
      const y = xy[point * 2 + 1] ?? 0;
      const n = ring.length;
      if (n > 0 && ring[n - 2] === x && ring[n - 1] === y) return;
      ring.push(x, y);
    };
    for (let a = arcIds.length - 1; a >= 0; a--) {
      const id = arcIds[a] ?? 0;
      const arc = id < 0 ? ~id : id;
      const first = arcStart[arc] ?? 0;
      const last = (arcStart[arc + 1] ?? 0) - 1;
      // Walking the ring backwards walks a forward arc from its end and a reversed one from its start.
      if (id >= 0) for (let point = last; point >= first; point--) add(point);
      else for (let point = first; point <= last; point++) add(point);
    }
    return ring;
  }

  /** The bbox of every point of the feature's arcs, read straight from the arcs (no stitching). */
  private gridBbox(i: number): Bbox {
    const { xy, arcStart } = this.topology;
    const { shapes, shapeStart } = this.object;
    const shape = this.shapeOf[i] ?? 0;
    const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
    let p = shapeStart[shape] ?? 0;
    const polygonCount = shapes[p++] ?? 0;
    for (let q = 0; q < polygonCount; q++) {
      const ringCount = shapes[p++] ?? 0;
      for (let r = 0; r < ringCount; r++) {
        const arcCount = shapes[p++] ?? 0;
        for (const id of shapes.subarray(p, p + arcCount)) {
          const arc = id < 0 ? ~id : id;
          for (let point = arcStart[arc] ?? 0, last = arcStart[arc + 1] ?? 0; point < last; point++) {
            const x = xy[point * 2] ?? 0;
            const y = xy[point * 2 + 1] ?? 0;
            if (x < box[0]) box[0] = x;
            if (y < box[1]) box[1] = y;
            if (x > box[2]) box[2] = x;
            if (y > box[3]) box[3] = y;
          }
        }
        p += arcCount;
      }
    }
    return box;
  }
}

/** Codes sort as strings; dotted Kemendagri codes of one level then sort as their numbers do. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** Liang-Barsky: whether the segment (x0,y0)-(x1,y1) has a point inside or on the rectangle. */
export function segmentTouchesRect(x0: number, y0: number, x1: number, y1: number, [w, s, e, n]: Bbox): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const edges: [number, number][] = [[-dx, x0 - w], [dx, e - x0], [-dy, y0 - s], [dy, n - y0]];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) {
        if (t > t1) return false;
        if (t > t0) t0 = t;
      } else {
        if (t < t0) return false;
        if (t < t1) t1 = t;
      }
    }
  }
  return true;
}

/** Even-odd rule over all rings (exteriors and holes of every part). */
export function insideRings(rings: number[][], x: number, y: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let k = 0, j = ring.length - 2; k < ring.length; j = k, k += 2) {
      const xi = ring[k] ?? 0;
      const yi = ring[k + 1] ?? 0;
      const xj = ring[j] ?? 0;
      const yj = ring[j + 1] ?? 0;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
