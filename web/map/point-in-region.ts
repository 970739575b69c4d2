import type { Geometry, Position } from 'geojson';

/**
 * Whether a point lies in a (multi)polygon: the even-odd rule over every ring, so holes count as
 * outside. Used to find the region under the map centre among a level's loaded tile features when
 * that level is not drawn there (camera.ts); tile clipping splits a region into pieces, and a point
 * in any piece is in the region.
 */
export function containsPoint(geometry: Geometry, [x, y]: readonly [number, number]): boolean {
  const rings: Position[][] =
    geometry.type === 'Polygon' ? geometry.coordinates : geometry.type === 'MultiPolygon' ? geometry.coordinates.flat() : [];
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as Position;
      const [xj, yj] = ring[j] as Position;
      if (xi === undefined || yi === undefined || xj === undefined || yj === undefined) continue;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
