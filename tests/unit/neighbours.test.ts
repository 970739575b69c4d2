import { describe, expect, it } from 'vitest';
import { neighboursOf, queenNeighbours } from '../../server/analysis/neighbours.ts';
import type { DecodedObject } from '../../server/ogc/topology.ts';

/**
 * Queen neighbours on a hand-made topology. Grid (x, y):
 *
 *   A = [0,0]-[1,1], B = [1,0]-[2,1] (shares the edge x=1 with A), C = [2,1]-[3,2] (touches B only at
 *   the point (2,1)), D = [5,5]-[6,6] (an island). Arcs are cut where the regions on either side change,
 *   as in a real TopoJSON topology.
 */
function topology() {
  const arcs: [number, number][][] = [
    [[1, 0], [1, 1]], // 0: A|B shared edge
    [[1, 1], [0, 1], [0, 0], [1, 0]], // 1: rest of A
    [[1, 0], [2, 0], [2, 1]], // 2: B bottom and right, ending at the corner shared with C
    [[2, 1], [1, 1]], // 3: B top
    [[2, 1], [3, 1], [3, 2], [2, 2], [2, 1]], // 4: C, a closed ring starting at the shared corner
    [[5, 5], [6, 5], [6, 6], [5, 6], [5, 5]], // 5: D
  ];
  const xy = Int32Array.from(arcs.flat(2));
  const arcStart = new Uint32Array(arcs.length + 1);
  arcs.forEach((arc, i) => (arcStart[i + 1] = (arcStart[i] ?? 0) + arc.length));
  // One polygon with one ring each: [polygons, rings, arcCount, ...arcIds]
  const shapesOf: Record<string, number[]> = { '01': [1, 1, 2, 0, 1], '02': [1, 1, 3, 2, 3, ~0], '03': [1, 1, 1, 4], '04': [1, 1, 1, 5] };
  const ids = ['03', '01', '04', '02']; // not in code order: the result is sorted by code
  const shapes: number[] = [];
  const shapeStart: number[] = [];
  for (const id of ids) {
    shapeStart.push(shapes.length);
    shapes.push(...(shapesOf[id] ?? []));
  }
  shapeStart.push(shapes.length);
  const object: DecodedObject = { ids, shapes: Int32Array.from(shapes), shapeStart: Uint32Array.from(shapeStart) };
  return queenNeighbours({ xy, arcStart }, object);
}

describe('queenNeighbours', () => {
  const n = topology();
  const of = (kode: string) => [...neighboursOf(n, n.indexOf.get(kode) ?? -1)].map((i) => n.kodes[i]);

  it('sorts regions by code', () => expect(n.kodes).toEqual(['01', '02', '03', '04']));
  it('makes regions sharing an edge neighbours', () => expect(of('01')).toEqual(['02']));
  it('makes regions touching at one point neighbours (queen, not rook)', () => {
    expect(of('02')).toEqual(['01', '03']);
    expect(of('03')).toEqual(['02']);
  });
  it('gives an island no neighbours', () => expect(of('04')).toEqual([]));
});
